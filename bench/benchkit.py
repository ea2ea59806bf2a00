"""What the window benchmarks share: a private scratch folder, and the generated plugin source.

Why one module: bench/keystroke.py, bench/big_source.py and bench/many_problems.py each set up the
same scratch folder and environment, and two of them wrote the same code generator; a change to
one copy (the comment at the end of a line) silently made their files differ.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def private_scratch(prefix: str) -> Path:
    """A new temporary folder that also holds the designer's settings and data for this run.

    Why: the window remembers recent projects and keeps recovery copies; a benchmark must not add
    its projects to the user's own list, nor find the user's copies. Call it before the designer
    is imported."""
    scratch = Path(tempfile.mkdtemp(prefix=prefix))
    os.environ["XDG_CONFIG_HOME"] = str(scratch / "config")
    os.environ["XDG_DATA_HOME"] = str(scratch / "data")
    return scratch


def library(lines: int, comment: str = "x") -> str:
    """``lines`` lines of plain plugin library code in an IIFE: functions, block comments, template
    strings and requests, each request line ending with the line comment ``comment``."""
    out = ["(function () {"]
    i = 0
    while len(out) < lines - 2:
        out += [
            f"    /* helper {i}",
            "     * with a block comment",
            "     */",
            f"    function helper{i}(participant) {{",
            f"        const label = `Participant ${{participant.display_name}} #{i}`;",
            f"        PEX.pluginAPI.sendRequest('/participants/' + participant.uuid + '/mute'); // {comment}",
            "        return label;",
            "    }",
        ]
        i += 1
    out.append("})();")
    return "\n".join(out)
