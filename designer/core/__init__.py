"""The Qt-free core: formats, model, checks, import/export. Never imports PySide6."""
