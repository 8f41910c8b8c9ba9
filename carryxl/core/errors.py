"""The one error type of carryxl, and the wording of its messages.

Every check in carryxl raises :class:`CarryxlError`. Its message names the
argument, the value received and the rule, e.g.
``spot_start: must be > 0 (got -1.0)``; the Excel layer shows that line in the cell.
"""

from __future__ import annotations

from typing import Any

__all__ = ["CarryxlError"]


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


class CarryxlError(ValueError):
    """Bad input: ``argument`` broke ``rule``; ``value`` is what was received."""

    def __init__(self, argument: str, value: Any, rule: str) -> None:
        self.argument = argument
        self.value = value
        self.rule = rule
        super().__init__(f"{argument}: {rule} (got {_show(value)})")
