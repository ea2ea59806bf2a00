"""A plain base class for small result records: a readable repr and field-wise equality.

Why not :func:`dataclasses.dataclass`: it writes and compiles each class's methods when the
module is imported, about a quarter of a millisecond per class on every ``plugin-designer
check`` (see bench/check_speed.py). The records of the JavaScript and SVG analyses and the check
context need nothing but their fields, so they list them in ``__slots__`` and set them in a
plain ``__init__``; the model and the problems, which are public API, stay dataclasses.
"""

from __future__ import annotations

__all__ = ["Record"]


class Record:
    """Subclasses name their fields in ``__slots__``; repr and ``==`` use them in that order."""

    __slots__ = ()

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self.__slots__)

    __hash__ = None  # type: ignore[assignment]  # mutable, like a dataclass that compares fields
