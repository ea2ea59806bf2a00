"""One number for "what an export of this package would upload, brandingID aside".

Why: PD213 warns that brandingID is still the last export's, since clients keep a cached
branding until it changes. Right after an export that is true and harmless: nothing changed
since, so nothing is waiting to be uploaded. The export stores this fingerprint; the check
compares it and speaks only when the package changed since.
"""

from __future__ import annotations

import hashlib

from .model import BrandingPackage, pending_writes

__all__ = ["content_fingerprint"]


def content_fingerprint(pkg: BrandingPackage) -> str:
    """SHA-256 over every exported file of ``pkg`` as edited (unsaved changes included), except
    manifest.json, whose brandingID every export changes."""
    from .export import is_excluded  # export imports the checks, which import this module

    writes = pending_writes(pkg)
    digest = hashlib.sha256()
    for rel in pkg.names():
        if rel == "manifest.json" or is_excluded(rel):
            continue
        data = writes.get(rel)
        if data is None:
            try:
                data = pkg.read_bytes(rel)
            except OSError:
                data = b"\0unreadable"
        digest.update(rel.encode("utf-8", "surrogateescape") + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()
