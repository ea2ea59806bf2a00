"""Regenerate the problem-code table in README.md from designer/core/problems.py.

Why generated: the table is documentation users search for a code in; writing it by hand
would drift from what the checker reports. tests/test_readme.py fails when it is stale.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from designer.core.problems import codes_markdown  # noqa: E402

START, END = "<!-- codes:start -->", "<!-- codes:end -->"


def updated(readme: str) -> str:
    block = f"{START}\n{codes_markdown()}\n{END}"
    return re.sub(re.escape(START) + r".*?" + re.escape(END), lambda _m: block, readme, flags=re.S)


if __name__ == "__main__":
    path = ROOT / "README.md"
    text = path.read_text(encoding="utf-8")
    new = updated(text)
    if new != text:
        path.write_text(new, encoding="utf-8")
        print("README.md: code table updated")
    else:
        print("README.md: code table already current")
