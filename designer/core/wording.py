"""Counts in words: "1 plugin", "2 errors", "0 notes".

Why one helper for the window and the CLI: messages said "1 plugin(s), 1 error(s)", which reads
as a form to fill in rather than a sentence; each place that counts now says it the same way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import MenuItem

__all__ = [
    "PLACEMENT_NAMES",
    "PLATFORM_NAMES",
    "ROLE_NAMES",
    "byte_size",
    "byte_sizes_apart",
    "counted",
    "item_named",
    "plural",
    "spelt_alike",
    "who_gets",
]

# The platforms in the words of the plugin form's "Loads in" tick boxes. Why one table: the
# preview said "Web browser", the export's checklist "web browser" and the form "Web app", three
# names for one thing; everything that names a platform to the user takes it from here.
PLATFORM_NAMES = {"web": "Web app", "electron": "Desktop app", "ios": "iOS", "android": "Android"}
# What a plugin's items are, by their placement, as the project page and the export's checklist
# name them (lower-cased in the middle of a sentence).
PLACEMENT_NAMES = {
    "toolbar": "Toolbar button",
    "conference": "Conference menu item",
    "participants": "Participant menu item",
}


def plural(n: int, singular: str, plural_form: str | None = None) -> str:
    """``singular`` for exactly one, else ``plural_form`` (``singular`` + "s" when not given):
    "error" / "errors", "entry" / "entries" (given). Zero takes the plural, as English does."""
    if n == 1:
        return singular
    return plural_form if plural_form is not None else singular + "s"


def counted(n: int, singular: str, plural_form: str | None = None) -> str:
    """``n`` and the noun that goes with it: "1 error", "2 errors", "0 notes"."""
    return f"{n} {plural(n, singular, plural_form)}"


def byte_size(n: int) -> str:
    """A size in bytes as people read it: "4 KB", "2.5 MB", "256 MB".

    Why here: a ZIP refused for its size said "268435457 bytes, more than the limit of
    268435456", figures nobody reads at a glance; the deploy's "too large" said it in MB already.
    """
    if n >= 1_048_576:
        return f"{n / 1_048_576:.1f}".removesuffix(".0") + " MB"
    return f"{max(1, round(n / 1024))} KB"


def byte_sizes_apart(n: int, limit: int) -> tuple[str, str]:
    """``n`` and ``limit`` as :func:`byte_size` says them, with as many more digits as it takes
    for the two to read differently.

    Why: an entry one byte over the 256 MB limit was refused as "256 MB, more than the 256 MB one
    file may take", which reads as a contradiction. Sizes that still look alike with two
    decimals are given in bytes, with thousands separators.
    """
    said = byte_size(n), byte_size(limit)
    if said[0] != said[1] or n == limit:
        return said
    unit, name = (1_048_576, "MB") if limit >= 1_048_576 else (1024, "KB")
    for places in (1, 2):
        said = tuple(f"{v / unit:.{places}f} {name}" for v in (n, limit))
        if said[0] != said[1]:
            return said  # type: ignore[return-value]
    return f"{n:,} bytes", f"{limit:,} bytes"


# The roles of participantRoles as groups of people (who gets a plugin).
ROLE_NAMES = {"chair": "Hosts", "guest": "Guests"}


def who_gets(roles: list[str] | None) -> str:
    """Who gets a plugin of these ``participantRoles``, in words: "Hosts only", "Hosts and Guests",
    "nobody (no role selected)". One place: the upload checklist and the window's overview say it alike
    (here, not in core.export: the overview is on show when a package opens, before any export)."""
    # (A role the app does not know, "host" for "chair", gets nobody the plugin: not named, PD311 says it.)
    names = list(dict.fromkeys(ROLE_NAMES[r] for r in roles or () if r in ROLE_NAMES))
    if roles is not None and set(ROLE_NAMES) <= set(roles):
        return "Hosts and Guests"
    if len(names) == 1:
        return f"{names[0]} only"  # "for Host" read as one person
    return " and ".join(names) if names else "nobody" if roles else "nobody (no role selected)"


def spelt_alike(first: str, second: str) -> str:
    """A sentence for a message that quotes ``first`` and ``second`` as different, when they look
    the same on screen (one writes an accented letter as one character, the other as a letter and a
    separate accent, as macOS does: NFC and NFD); else "".

    Why: "uses the id 'rec-café' but the package file says 'rec-café'" showed two equal-looking
    ids and nothing to say what differs."""
    import unicodedata

    if first == second or unicodedata.normalize("NFC", first) != unicodedata.normalize("NFC", second):
        return ""
    return (
        " They look the same, but one writes an accented letter as one character and the other as a "
        "letter and a separate accent (as macOS does)."
    )


def item_named(mi: MenuItem | None, row: int, kind: str = "") -> str:
    """A menu item as an undo step names it: its label or action, quoted, as its row shows it, else
    its place ("menu item 2"); ``kind`` ("menu item ") goes before the quoted words where the step
    does not say what they name ("Remove menu item 'Record' from 'Record'").

    Why one helper for the form and the fixes: an item with neither label nor action (written by
    hand) made the steps "Remove menu item 'None'" and "Change label of 'Record'" (the plugin's
    name), and then "set the label of 'its item'", each naming it its own way."""
    words = (mi.label or mi.action) if mi is not None else None
    return f"{kind}'{words}'" if words else f"menu item {row + 1}"
