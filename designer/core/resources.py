"""The one place that knows where resources/ and icons/ are at run time.

Why: the same code runs from a source checkout (``resources/`` beside ``designer/``), from an
installed wheel (copied into ``designer/_data/``) and from a PyInstaller bundle
(``sys._MEIPASS``). Everything that loads a schema, an example or an icon asks here.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

__all__ = ["data_root", "example_copy", "icons_dir", "resource", "user_data"]


@cache
def data_root() -> Path:
    """The folder that holds ``resources/`` and ``icons/``."""
    here = Path(__file__).resolve().parent.parent  # designer/
    candidates = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.append(Path(frozen))
    candidates += [here / "_data", here.parent]
    for base in candidates:
        if (base / "resources").is_dir():
            return base
    raise FileNotFoundError("Plugin Designer's resources/ folder is missing from this installation")


def resource(*parts: str) -> Path:
    """A path under resources/, e.g. ``resource("schemas", "settings.schema.json")``."""
    return data_root().joinpath("resources", *parts)


def icons_dir() -> Path:
    return data_root() / "icons"


def user_data() -> Path:
    """``<user data>/plugin-designer``: the user's own files (crash copies, the example's copy);
    platformdirs picks the OS's place (XDG_DATA_HOME, %LOCALAPPDATA%, ~/Library/...)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("plugin-designer", appauthor=False))


def example_copy() -> Path:
    """The user's own copy of the bundled example project, made on first use in :func:`user_data`.

    Why a copy: the example is where people try things, and saving or exporting writes into the
    project (manifest.json, the designer's state); the example the app ships with stays as it is.
    Raises OSError when the copy cannot be made.
    """
    copy = user_data() / "example"
    if not (copy / "webapp2").is_dir():
        _copy_whole(resource("examples", "demo", "webapp2"), copy / "webapp2")
    return copy


def _copy_whole(source: Path, target: Path) -> None:
    """Copy the folder ``source`` to ``target`` (not there yet) whole or not at all: into a hidden
    folder beside it first, named as an import's unpacking folder so that one a killed process
    left is swept by the next copy (see remove_import_leftovers), then renamed.

    Why: killed half way (a crash, a power cut), the copy had its webapp2 folder, so it was taken
    as made, and the example opened with files missing, for good."""
    import shutil

    from .files import whole_folder

    with whole_folder(target) as tmp:
        shutil.copytree(source, tmp, dirs_exist_ok=True)
