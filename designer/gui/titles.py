"""Names put in a window's title as they are.

Why: Qt reads "[*]" in a window title as the place of its unsaved-changes mark, removing it (or
showing "*"): a project folder called "Team [*] plugins" showed as "Team  plugins". Qt shows
"[*][*]" as a literal "[*]".
"""

from __future__ import annotations

__all__ = ["literal_title"]


def literal_title(name: str) -> str:
    """``name`` for a window title, where it shows as it is ("[*]" included)."""
    return name.replace("[*]", "[*][*]")
