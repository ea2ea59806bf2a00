"""The built-in icon set for menu buttons: list it, search it, copy an icon into a plugin.

Why a built-in set: most plugin authors are not designers, and a button without a good icon
is the first thing users notice. ``icons/plugin-icons/`` holds 24x24 single-colour SVGs drawn
in one style (2 px round strokes, ``currentColor`` only, so the app recolours them for its
theme); each file's root ``<svg>`` carries ``id`` = file name, which is what a menu item's
``file.svg#id`` reference needs. ``index.json`` beside them gives each icon a title and search
keywords, so searching never parses the SVGs.

Qt-free like the rest of designer/core: the icon picker in the GUI, the CLI and the tests all
call the same functions, and copying an icon only adds a pending (unsaved) file to the model.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .iconfiles import add_icon_file
from .model import BrandingPackage, Plugin, bytes_text
from .resources import icons_dir

__all__ = ["BuiltinIcon", "add_builtin_icon", "builtin_icon", "builtin_icons", "search_icons"]


@dataclass(frozen=True)
class BuiltinIcon:
    """One icon of the built-in set: its file name (and root id), label and search words."""

    name: str  # file stem and root <svg id>, e.g. "layout-grid"
    title: str  # human label, e.g. "Grid layout"
    keywords: tuple[str, ...]
    path: Path  # the SVG file in the installation (checkout, wheel or PyInstaller bundle)

    def data(self) -> bytes:
        """The SVG's bytes, read when asked: the picker shows dozens and copies one."""
        return self.path.read_bytes()


def _folder() -> Path:
    """Where the set lives: under icons/, found the same way in a checkout, a wheel and a bundle."""
    return icons_dir() / "plugin-icons"


@cache
def _load() -> tuple[BuiltinIcon, ...]:
    """The index read once per process (it never changes while the app runs)."""
    folder = _folder()
    try:
        index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    except FileNotFoundError:  # an installation without the set: offer none rather than fail
        return ()
    icons = []
    for name, meta in index.items():
        path = folder / f"{name}.svg"
        if not path.is_file():
            continue
        icons.append(
            BuiltinIcon(
                name=name,
                title=str(meta.get("title") or name),
                keywords=tuple(str(k) for k in meta.get("keywords", ())),
                path=path,
            )
        )
    return tuple(sorted(icons, key=lambda i: i.name))


def builtin_icons() -> list[BuiltinIcon]:
    """Every built-in icon, sorted by name (a new list: callers may filter or sort it freely)."""
    return list(_load())


def builtin_icon(name: str) -> BuiltinIcon:
    """The built-in icon called ``name``; KeyError when there is none (a caller's typo, not user data)."""
    for icon in _load():
        if icon.name == name:
            return icon
    raise KeyError(f"there is no built-in icon called {name!r}")


def _matches(word: str, icon: BuiltinIcon) -> bool:
    """A query word matches part of the name, or the start of a word of the title or keywords.

    Why prefixes for title and keywords: "phone" should find the phone icons, not "microphone".
    """
    if word in icon.name:
        return True
    words = icon.title.lower().split() + [k.lower() for k in icon.keywords]
    return any(w.startswith(word) for w in words)


def search_icons(query: str, icons: list[BuiltinIcon] | None = None) -> list[BuiltinIcon]:
    """The icons matching every word of ``query`` (case-insensitive), best first.

    Icons whose name holds the words come first (the name is what the user sees in the
    reference), then the ones found by title or keyword; ties keep alphabetical order. An empty
    query returns every icon, so the picker can filter as the user types.
    """
    pool = builtin_icons() if icons is None else list(icons)
    words = query.lower().split()
    if not words:
        return pool
    joined = "-".join(words)
    found: list[tuple[int, str, BuiltinIcon]] = []
    for icon in pool:
        if not all(_matches(w, icon) for w in words):
            continue
        if icon.name == joined:
            rank = 0  # "layout grid" or "layout-grid": that very icon
        elif all(w in icon.name for w in words):
            rank = 1
        elif any(w in icon.name for w in words):
            rank = 2
        else:
            rank = 3
        found.append((rank, icon.name, icon))
    return [icon for _, _, icon in sorted(found, key=lambda t: (t[0], t[1]))]


def add_builtin_icon(pkg: BrandingPackage, plugin: Plugin, name: str) -> tuple[str, str]:
    """Copy the built-in icon ``name`` beside ``plugin``'s package file, as an unsaved file.

    Returns ``(path, reference)``: ``path`` is the new file relative to webapp2/ (like every
    other file of the package, e.g. ``plugins/rec/record.svg``) and ``reference`` is the value
    a menu item's ``icon`` must get (``record.svg#record``, relative to the package file, as the
    app resolves it). The caller sets the reference; nothing is written until the package is
    saved (the file waits in ``pkg.pending_texts``, so checks and the preview already see it).

    When ``NAME.svg`` already exists with other content (or a file of that name in another
    letter case, which would clash on Windows and macOS), the copy becomes ``NAME-2.svg``
    (``-3``...) with root id ``NAME-2``, so every ``file.svg#id`` stays unambiguous. When an
    identical copy is already there, it is reused and nothing is added.

    Raises KeyError for an unknown icon and ValueError for a plugin without a package file.
    """
    return add_icon_file(pkg, plugin, name, bytes_text(builtin_icon(name).data()))
