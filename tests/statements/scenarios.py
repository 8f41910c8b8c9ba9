"""The statements the tests write, with the figures a trader would read off them.

USD hedging account (every answer in tests is worked by hand from these rows):

=====  ========  =====  =====  ======================  ========  =======  ====  ==========
ticket symbol    side   lots   open -> close (server)  comm.     swap     nights  profit
=====  ========  =====  =====  ======================  ========  =======  ====  ==========
101    USDJPY.m  buy    0.50   Mon 06 10:00 -> Mon 13  -3.50     15.75    7     158.23
102    audjpy.   sell   1.00   Wed 08 23:30 -> Thu 09  -7.00     -6.00    3     63.69
103    XAUUSD    buy    0.10   Mon 06 -> Wed 08        -0.50     -1.20    -     100.00
104    EURUSD_m  sell   0.30   Fri 10 -> Mon 13        -2.10     -0.90    1     30.00
105    GBPUSD    buy    0.20   Tue 14 08:00 -> 16:00   -1.40     0.00     0     100.00
106    US500     buy    1.00   Wed 15 -> Thu 16         0.00     -2.00    -     -1 250.50
=====  ========  =====  =====  ======================  ========  =======  ====  ==========

Sums: profit -798.58, swap 5.65, commission -14.50; one position still open whose entry
deal paid -1.00 commission, so the Results' Total Net Profit is -808.43.
"""

from __future__ import annotations

from tests.statements.writers import ENGLISH, Deal, Held, Report, Words

POSITIONS = tuple(
    Held(*line.split("|"))
    for line in """\
2025.01.06 10:00:00|101|USDJPY.m|buy|0.50|157.500|2025.01.13 09:00:00|158.000|-3.50|15.75|158.23
2025.01.08 23:30:00|102|audjpy.|sell|1.00|98.000|2025.01.09 01:00:00|97.900|-7.00|-6.00|63.69
2025.01.06 11:00:00|103|XAUUSD|buy|0.10|2 650.00|2025.01.08 11:00:00|2 660.00|-0.50|-1.20|100.00
2025.01.10 12:00:00|104|EURUSD_m|sell|0.30|1.03000|2025.01.13 12:00:00|1.02900|-2.10|-0.90|30.00
2025.01.14 08:00:00|105|GBPUSD|buy|0.20|1.22000|2025.01.14 16:00:00|1.22500|-1.40|0.00|100.00
2025.01.15 10:00:00|106|US500|buy|1.00|5 900.0|2025.01.16 10:00:00|5 887.5|0.00|-2.00|-1 250.50
""".splitlines()
)


def _deals() -> tuple[Deal, ...]:
    deposit = "2025.01.02 09:00:00|9000||balance||||||0.00|0.00|10 000.00|10 000.00|First deposit"
    rows = [Deal(*deposit.split("|"))]
    n = 9001
    for p in POSITIONS:
        back = "sell" if p.type == "buy" else "buy"
        opened = (p.open_time, str(n), p.symbol, p.type, "in", p.volume, p.open_price)
        rows.append(Deal(*opened, str(n + 500), p.commission, "0.00", "0.00", "0.00"))
        closed = (p.close_time, str(n + 1), p.symbol, back, "out", p.volume, p.close_price)
        rows.append(Deal(*closed, str(n + 501), "0.00", p.swap, p.profit, "0.00"))
        n += 2
    still_open = "2025.01.17 10:00:00|9100|USDJPY.m|sell|in|0.10|156.000|9600|-1.00|0.00|0.00|0.00"
    rows.append(Deal(*still_open.split("|")))
    return tuple(rows)


DEALS = _deals()
_STILL_OPEN = "2025.01.17 10:00:00|9600|USDJPY.m|sell|0.10|156.000|||155.900|0.00|6.41|"
OPEN = (tuple(_STILL_OPEN.split("|")),)


def usd_report(
    words: Words = ENGLISH, account: str = "1234567 (USD, Demo-Server, demo, Hedge)"
) -> Report:
    """The USD hedging account above."""
    return Report(
        account=account,
        positions=POSITIONS,
        deals=DEALS,
        net_profit="-808.43",
        open_positions=OPEN,
        words=words,
    )


# Netting account (USD): positions exist only as deals.
# EURUSD: buy 1.00 @1.0300 (Mon 06), buy 1.00 @1.0400 (Tue 07), sell 2.00 @1.0500 (Wed 08):
#   one long of 2.00 lots, open price 1.0350, close 1.0500, commission -12.00, swap -4.00,
#   profit 2,000 + 1,000 = 3,000.00; value Wed 08 -> Fri 10: 2 nights.
# USDJPY: sell 1.00 @158.00 (Thu 09), buy 3.00 @157.00 (Fri 10) closes the short (profit
#   100,000 JPY / 157 = 636.94, swap -2.50 booked on that deal) and opens a long of 2.00,
#   sold 2.00 @157.50 (Mon 13): profit 100,000 JPY / 157.5 = 634.92, swap 6.00.
#   Short: value Mon 13 -> Tue 14, 1 night; long: value Tue 14 -> Wed 15, 1 night.
NETTING_DEALS = tuple(
    Deal(*line.split("|"))
    for line in """\
2025.01.02 09:00:00|1||balance|||||0.00|0.00|50 000.00|50 000.00
2025.01.06 10:00:00|2|EURUSD|buy|in|1.00|1.03000|51|-3.00|0.00|0.00|0
2025.01.07 10:00:00|3|EURUSD|buy|in|1.00|1.04000|52|-3.00|0.00|0.00|0
2025.01.08 10:00:00|4|EURUSD|sell|out|2.00|1.05000|53|-6.00|-4.00|3 000.00|0
2025.01.09 10:00:00|5|USDJPY|sell|in|1.00|158.000|54|-2.00|0.00|0.00|0
2025.01.10 10:00:00|6|USDJPY|buy|in/out|3.00|157.000|55|-6.00|-2.50|636.94|0
2025.01.13 10:00:00|7|USDJPY|sell|out|2.00|157.500|56|-4.00|6.00|634.92|0
""".splitlines()
)


def netting_report() -> Report:
    """The netting account above (its Positions table is empty)."""
    return Report(
        account="2222222 (USD, Net-Server, real, Netting)",
        positions=(),
        deals=NETTING_DEALS,
        net_profit="4 247.36",
    )


# JPY account (hedging):
# 201 USDJPY sell 1.00, Mon 06 -> Thu 09: value Wed 08 -> Mon 13 = 5 nights, swap -5 000 JPY.
# 202 EURUSD buy 1.00, Mon 06 -> Tue 07: value Wed 08 -> Thu 09 = 1 night, swap -1 100 JPY.
JPY_POSITIONS = tuple(
    Held(*line.split("|"))
    for line in """\
2025.01.06 10:00:00|201|USDJPY|sell|1.00|157.000|2025.01.09 10:00:00|157.500|-700|-5 000|-50 000
2025.01.06 10:00:00|202|EURUSD|buy|1.00|1.03000|2025.01.07 10:00:00|1.03100|-700|-1 100|15 700
""".splitlines()
)


def jpy_report() -> Report:
    """The JPY account above."""
    deals = []
    for k, p in enumerate(JPY_POSITIONS):
        opened = (p.open_time, str(10 + k), p.symbol, p.type, "in", p.volume, p.open_price)
        deals.append(Deal(*opened, str(20 + k), p.commission, "0", "0", "0"))
        closed = (p.close_time, str(30 + k), p.symbol, "buy", "out", p.volume, p.close_price)
        deals.append(Deal(*closed, str(40 + k), "0", p.swap, p.profit, "0"))
    return Report(
        account="3333333 (JPY, Yen-Server, real, Hedge)",
        positions=JPY_POSITIONS,
        deals=tuple(deals),
        net_profit="-41 800",
    )
