"""carryxl's Excel functions as data: names, arguments and arity, for tools that write
formulas (the workbook generator checks its udf-mode formulas against this).

Read from the UDF module's own signatures, so it cannot drift from what Excel sees:
``functions()`` lists them all; ``check_call("CARRY_PNL", 6)`` raises a
:class:`~carryxl.core.errors.CarryxlError` for an unknown name or a wrong argument count.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from functools import cache
from typing import Any

from carryxl.core.errors import CarryxlError
from carryxl.excel import udfs

__all__ = ["GROUPS", "Function", "as_records", "check_call", "function", "functions", "markdown"]

GROUPS: dict[str, tuple[str, ...]] = {
    "P&L": (
        "CARRY_PNL",
        "CARRY_RETURN",
        "CARRY_INCOME",
        "FX_PNL",
        "FX_RETURN",
        "ANNUALISED_RETURN",
    ),
    "break-even and costs": (
        "CARRY_BREAKEVEN",
        "CARRY_BREAKEVEN_MOVE",
        "CARRY_DAYS_TO_OFFSET",
        "CARRY_COSTS",
        "CARRY_BREAKEVEN_AFTER_COSTS",
    ),
    "foreign assets": (
        "ASSET_CARRY_RETURN",
        "ASSET_EXCESS_RETURN",
        "ASSET_BREAKEVEN_FX",
        "ASSET_FX_MOVE",
    ),
    "forwards": (
        "FX_FORWARD",
        "FX_POINTS",
        "FX_FORWARD_FROM_POINTS",
        "FX_IMPLIED_DIFF",
        "FX_IMPLIED_RATE",
    ),
    "dates": ("YEAR_FRACTION", "TENOR_YEARS", "TENOR_END", "DAY_COUNT"),
    "swaps": ("SWAP_NIGHTS", "SWAP_VALUE", "SWAP_IMPLIED_RATE"),
    "margin and risk": (
        "CARRY_MARGIN",
        "CARRY_MARGIN_CALL",
        "CARRY_STOP_LOSS",
        "CARRY_POSITION_SIZE",
        "PIP_VALUE",
        "CARRY_TO_VOL",
        "CARRY_VAR",
        "CARRY_LOSS_PROBABILITY",
    ),
    "tax": ("CARRY_AFTER_TAX",),
    "portfolio": ("STAGED_PNL", "STAGED_POSITION", "PORTFOLIO_VAR", "CURRENCY_EXPOSURE"),
    "scenarios": ("CARRY_SCENARIOS",),
    "history (ECB reference rates)": ("FX_SPOT", "FX_HISTORY", "FX_VOL", "FX_CORREL"),
    "indicators": ("FX_SMA", "FX_EMA", "FX_RSI", "FX_MACD"),
}
"""The functions by topic, in the order the documentation lists them."""


@dataclass(frozen=True)
class Function:
    """One Excel function: its arguments in order, how many are required, its help text."""

    name: str
    arguments: tuple[str, ...]
    required: int
    description: str
    group: str

    @property
    def usage(self) -> str:
        """How it reads in a formula: ``FX_PNL(notional, spot_start, spot_end, [orientation])``."""
        args = [*self.arguments[: self.required], *(f"[{a}]" for a in self.optional)]
        return f"{self.name}({', '.join(args)})"

    @property
    def optional(self) -> tuple[str, ...]:
        """The trailing arguments that may be left out."""
        return self.arguments[self.required :]

    def accepts(self, count: int) -> bool:
        """Whether a formula may pass ``count`` arguments."""
        return self.required <= count <= len(self.arguments)


def _describe(name: str) -> Function:
    udf = getattr(udfs, name)
    parameters = inspect.signature(udf).parameters.values()
    required = sum(p.default is inspect.Parameter.empty for p in parameters)
    return Function(
        name=name,
        arguments=tuple(p.name for p in parameters),
        required=required,
        description=" ".join((udf.__doc__ or "").split()),
        group=next((g for g, names in GROUPS.items() if name in names), "other"),
    )


@cache
def functions() -> tuple[Function, ...]:
    """Every carryxl Excel function, by name."""
    return tuple(_describe(name) for name in sorted(udfs.__all__))


def function(name: str) -> Function:
    """The function called ``name`` (any case), or an error naming the known ones."""
    for item in functions():
        if item.name == name.strip().upper():
            return item
    raise CarryxlError("function", name, "must be a carryxl Excel function, e.g. CARRY_PNL")


def check_call(name: str, count: int) -> Function:
    """The function, if a formula may call ``name`` with ``count`` arguments; else an error."""
    item = function(name)
    if not item.accepts(count):
        most = len(item.arguments)
        expected = str(most) if item.required == most else f"{item.required} to {most}"
        raise CarryxlError(f"{item.name} arguments", count, f"must be {expected}")
    return item


def as_records() -> list[dict[str, Any]]:
    """The catalog as plain data (JSON-ready)."""
    return [
        {
            "name": f.name,
            "arguments": list(f.arguments),
            "required": f.required,
            "optional": list(f.optional),
            "description": f.description,
            "group": f.group,
        }
        for f in functions()
    ]


def markdown() -> str:
    """The function list as Markdown tables by topic (docs/excel.md embeds it)."""
    lines: list[str] = []
    for group, names in GROUPS.items():
        lines += [f"### {group}", "", "| function | what it returns |", "|---|---|"]
        lines += [f"| `{function(n).usage}` | {function(n).description} |" for n in names]
        lines.append("")
    return "\n".join(lines).rstrip()


if __name__ == "__main__":
    print(markdown())
