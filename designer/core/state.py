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


def load_state(project: Path) -> dict[str, Any]:
    """The state of ``project``; an empty dict when there is none or it cannot be read."""
    path = state_dir(project) / STATE_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):  # nested too deeply to read: unreadable like bad JSON
        return {}
    return data if isinstance(data, dict) else {}


def update_state(project: Path, **changes: Any) -> dict[str, Any]:
    """Merge ``changes`` into the state and write it atomically; return the new state."""
    state, data = merged_state(project, **changes)
    atomic_write(state_dir(project) / STATE_FILE, data)
    return state


def merged_state(project: Path, **changes: Any) -> tuple[dict[str, Any], bytes]:
    """The state with ``changes`` merged in, and the bytes of state.json holding it (unwritten):
    for a write that must go with others, all or none (the export's ZIP and brandingID)."""
    state = load_state(project)
    state.update(changes)
    state.setdefault("version", 1)
    text = json.dumps(state, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    return state, text.encode("utf-8")


def check_state_writable(project: Path) -> None:
    """Raise :class:`OSError` (naming the folder) unless the state folder can be written: made if
    missing, and a file can be created in it. Why: a step whose record cannot be kept (an export,
    whose brandingID the next must exceed) is refused before it writes anything else."""
    import tempfile

    folder = state_dir(project)
    try:
        folder.mkdir(exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".probe.", suffix=".tmp", dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise type(exc)(exc.errno, exc.strerror, str(folder)) from None
