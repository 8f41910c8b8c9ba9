"""Cell values a macro writes: plain values, and formulas marked as such."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Formula"]


@dataclass(frozen=True)
class Formula:
    """An Excel formula written on purpose, e.g. ``Formula("=B2*B3")``.

    Plain strings are always written as text, even when they start with "=".
    """

    text: str

    def __post_init__(self) -> None:
        if not self.text.startswith("="):
            raise ValueError(f"a formula must start with '=' (got {self.text!r})")
