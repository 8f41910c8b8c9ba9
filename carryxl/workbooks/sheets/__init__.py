"""One module per template kind; each has ``build(book)`` that adds its sheets."""

__all__: list[str] = []
