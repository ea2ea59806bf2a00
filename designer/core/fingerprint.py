"""One number for "what an export of this package would upload, brandingID aside".

Why: PD213 warns that brandingID is still the last export's, since clients keep a cached
branding until it changes. Right after an export that is true and harmless: nothing changed
since, so nothing is waiting to be uploaded. The export stores this fingerprint of what it
wrote; the check computes it for the package as edited and speaks only when they differ.
"""

from __future__ import annotations

from collections.abc import Iterable

from .digest import sha256
from .model import BrandingPackage, pending_writes

__all__ = ["content_fingerprint", "fingerprint"]


def fingerprint(files: Iterable[tuple[str, bytes]]) -> str:
    """SHA-256 over (name under webapp2/, bytes) pairs, in name order; manifest.json, whose
    brandingID every export changes, does not count."""
    digest = sha256()
    for rel, data in sorted(files):
        if rel != "manifest.json":
            digest.update(rel.encode("utf-8", "surrogateescape") + b"\0" + sha256(data).digest())
    return digest.hexdigest()


def content_fingerprint(pkg: BrandingPackage) -> str:
    """:func:`fingerprint` of the files an export of ``pkg`` as edited would hold (unsaved
    changes included, the files an export leaves out left out)."""
    from .zipnames import exported_name

    writes = pending_writes(pkg)

    def data(rel: str) -> bytes:
        if rel in writes:
            return writes[rel]
        try:
            return pkg.read_bytes(rel)
        except OSError:
            return b"\0unreadable"

    return fingerprint((rel, data(rel)) for rel in pkg.names() if rel != "manifest.json" and exported_name(rel))
