"""Entry script of the desktop build: the same front door as the ``plugin-designer`` command.

Why not ``designer/__main__.py``: PyInstaller runs its entry script as a top-level module, where
that file's relative import would fail.
"""

import sys

from designer.cli import main

if __name__ == "__main__":
    sys.exit(main())
