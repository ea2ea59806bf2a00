"""Plugin Designer: design, check and export Pexip Infinity Connect webapp2 plugins."""

from __future__ import annotations

__all__ = ["__version__"]


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("pexip-plugin-designer")
    except Exception:  # running from a source tree that was never installed
        return "0+unknown"


def __getattr__(name: str) -> str:
    # Lazy: importlib.metadata costs a few ms and the check command does not need it.
    if name == "__version__":
        return _version()
    raise AttributeError(name)
