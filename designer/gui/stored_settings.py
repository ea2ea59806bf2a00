"""The designer's settings (QSettings) written so that a run through sudo leaves them the user's.

Why a module of its own: the window's place (screen_fit), the New Project dialog's folder and the
app's recent projects and appearance are written from three places, and each must give the file
back; two of them did not, and the settings came back root's (see core.sudo).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings


def store_setting(key: str, value: object) -> None:
    """``QSettings().setValue``; run through sudo, the settings file is written at once and given to
    the user whose it is (see core.sudo).

    Why: written as root in the user's ~/.config (``sudo -E``, or plain sudo, see
    use_sudo_users_folders), it was given back only when the designer closed; killed before that,
    it stayed root's, and the user's own runs could no longer remember a project or the appearance."""
    from ..core.sudo import sudo_owner

    QSettings().setValue(key, value)
    owner = sudo_owner()
    if owner is not None:
        give_settings_back(owner)


def give_settings_back(owner: tuple[int, int]) -> None:
    """The settings file written now and given, with the folders made for it, to ``owner``."""
    from ..core.sudo import give_back, made_for_them

    settings = QSettings()
    settings.sync()
    give_back(made_for_them(Path(settings.fileName()).parent, owner), owner)
