"""The designer's own memory of a project: ``<project>/.plugin-designer/state.json``.

Why a file in the project (next to ``webapp2/``, never inside it): the last exported brandingID
and the ZIP it went into belong to the project, not to the machine, so a colleague who opens
the same folder bumps from the right value. The folder is hidden, so it is never exported.
Unknown keys are kept on every write: other parts of the designer may store their own notes.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from .files import atomic_write

__all__ = [
    "STATE_DIR",
    "STATE_FILE",
    "StateUnreadable",
    "check_state_writable",
    "load_state",
    "merged_state",
    "state_dir",
    "update_state",
]

STATE_DIR = ".plugin-designer"
STATE_FILE = "state.json"


def state_dir(project: Path) -> Path:
    return project / STATE_DIR


class StateUnreadable(OSError):
    """The state file is there but cannot be read or is damaged (the message names it and says what to do)."""


_KEPT_THERE = (
    "It is the designer's record of this project's exports (the last brandingID, which the next one must "
    "exceed, and the imported ZIP); nothing was written over it."
)


def load_state(project: Path, strict: bool = False) -> dict[str, Any]:
    """The state of ``project``; an empty dict when there is none or it cannot be read.

    ``strict``: a state file that is there but cannot be read or is damaged raises
    :class:`StateUnreadable` instead. Why for every write: the write would replace it, and with it
    the last brandingID (the export then chose one lower than the one already uploaded, which the
    clients ignore) and the record of the import; a merge conflict or a file made unreadable is
    the user's to repair, not the designer's to drop.
    """
    path = state_dir(project) / STATE_FILE
    import stat

    try:
        mode: int | None = os.stat(path).st_mode
    except OSError:  # (reading says why below)
        mode = None
    if mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        # A named pipe (or a device) there: reading it waited for a writer forever, and check,
        # export and the window opening the project hung for good.
        if not strict:
            return {}
        from .files import not_a_file

        raise StateUnreadable(
            f"{path} is {not_a_file(path) or 'not a file'}, not a file. {_KEPT_THERE} Move it away and try again."
        )
    try:
        raw = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):  # none yet (or no folder: the write says so)
        return {}
    except OSError as exc:
        if not strict:
            return {}
        if isinstance(exc, IsADirectoryError):
            raise StateUnreadable(
                f"{path} is a folder, not a file. {_KEPT_THERE} Move it away and try again."
            ) from None
        raise StateUnreadable(
            f"{path} cannot be read ({exc.strerror or exc}). {_KEPT_THERE} Make it readable, or move it "
            "away to start a fresh record, and try again."
        ) from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):  # nested too deeply to read: unreadable like bad JSON
        data = None
    if isinstance(data, dict):
        return data
    if not strict:
        return {}
    raise StateUnreadable(
        f"{path} is damaged ({_damage(raw)}). {_KEPT_THERE} Repair it, or move it away to start a fresh record, and try again."
    )


def _damage(raw: bytes) -> str:
    """What is wrong with the bytes of a state file that is no JSON object, in words with the line."""
    from .jsonfile import JsonDocument, JsonSyntaxError

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"it is not UTF-8 text: byte {exc.start + 1} is 0x{raw[exc.start]:02x}"
    try:
        JsonDocument.parse(text)
    except JsonSyntaxError as exc:
        return f"it is not valid JSON at line {exc.line}, column {exc.column}: {exc.message}"
    return "it holds no JSON object"


def update_state(project: Path, **changes: Any) -> dict[str, Any]:
    """Merge ``changes`` into the state and write it atomically; return the new state."""
    state, data = merged_state(project, **changes)
    atomic_write(state_dir(project) / STATE_FILE, data)
    return state


def merged_state(project: Path, **changes: Any) -> tuple[dict[str, Any], bytes]:
    """The state with ``changes`` merged in, and the bytes of state.json holding it (unwritten):
    for a write that must go with others, all or none (the export's ZIP and brandingID)."""
    state = load_state(project, strict=True)
    state.update(changes)
    state.setdefault("version", 1)
    text = json.dumps(state, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    try:
        return state, text.encode("utf-8")
    except UnicodeEncodeError:
        # A path whose name is not UTF-8 (Linux allows any bytes: a folder from an old drive)
        # reaches Python as lone surrogates, which UTF-8 cannot hold: written as \u escapes, they
        # read back as the same path. (The export stopped with a traceback after checking all.)
        text = json.dumps(state, indent=2, ensure_ascii=True, sort_keys=True) + "\n"
        return state, text.encode("ascii")


def check_state_writable(project: Path) -> None:
    """Raise :class:`OSError` (naming the folder) unless the state folder can be written: made if
    missing, and a file can be created in it. Why: a step whose record cannot be kept (an export,
    whose brandingID the next must exceed) is refused before it writes anything else."""
    import tempfile

    from .sudo import give_new

    folder = state_dir(project)
    try:
        made = not os.path.lexists(folder)
        folder.mkdir(exist_ok=True)
        if made:
            give_new(folder)  # (run through sudo: the folder made in the user's project is theirs)
        fd, probe = tempfile.mkstemp(prefix=".probe.", suffix=".tmp", dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise type(exc)(exc.errno, exc.strerror, str(folder)) from None
