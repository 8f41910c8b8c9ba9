"""Command lines the tests share: the article's worked cases, as a user types them."""

from __future__ import annotations

import shlex

SEED1 = shlex.split(
    "calc --pair AUD/JPY --funding JPY --notional 10000000 --spot-start 100 --spot-end 103 "
    "--rate-target 4.5% --rate-funding 0.1% --tenor 6M"
)
"""Case 1: AUD/JPY funded in yen for six months (the README's worked example)."""
SEED2 = shlex.split(
    "calc --pair USD/TRY --funding USD --notional 100000 --spot-start 30 --spot-end 32 "
    "--rate-target 0.25 --rate-funding 5% --tenor 3M"
)
"""Case 2: USD/TRY funded in dollars for three months (the pair reads funding/target)."""
