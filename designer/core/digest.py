"""SHA-256 and BLAKE2s without loading OpenSSL.

Why: ``import hashlib`` loads ``_hashlib`` and with it libcrypto, about 3 MiB of resident
memory, and opening a package needs a digest at once (the name of its crash-recovery file is one
of its path). Python ships its own implementations of both algorithms as built-in modules, the
ones ``hashlib`` falls back to; for the few bytes hashed while opening and checking they are as
fast, and they give the same digests, so nothing stored under the old names is lost. Exports
and imports, which hash whole archives, keep ``hashlib`` and OpenSSL's faster code.
"""

from __future__ import annotations

import sys
from typing import Any

__all__ = ["blake2s", "sha256"]


def sha256(data: bytes = b"") -> Any:
    """A SHA-256 hash object (``update``, ``digest``, ``hexdigest``), as ``hashlib.sha256``;
    OpenSSL's once something else has loaded it (an export), as it is then free and faster."""
    if "_hashlib" in sys.modules:
        from hashlib import sha256 as loaded

        return loaded(data)
    try:
        from _sha2 import sha256 as builtin  # Python 3.12 and later
    except ImportError:
        try:
            from _sha256 import sha256 as builtin  # Python 3.10 and 3.11
        except ImportError:  # a build without them: OpenSSL's, same digests
            from hashlib import sha256 as builtin
    return builtin(data)


def blake2s(data: bytes = b"") -> Any:
    """A BLAKE2s hash object, as ``hashlib.blake2s``."""
    try:
        from _blake2 import blake2s as builtin
    except ImportError:
        from hashlib import blake2s as builtin
    return builtin(data)
