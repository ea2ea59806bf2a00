"""``python -m designer`` is the same as the ``plugin-designer`` command."""

import sys

from .cli import main

sys.exit(main())
