"""manifest.json: present, isSettingsBranded true, a brandingID to bump."""

from __future__ import annotations

from ..files import not_a_file
from ..model import BrandingPackage
from ..problems import Fix
from .context import Context

REL = "manifest.json"


def check(pkg: BrandingPackage, ctx: Context) -> None:
    if not pkg.exists(REL):
        # A folder, link or pipe of that name is said to be one, and not offered a fix that cannot
        # write there (or would replace a link that shares someone's manifest).
        there = not_a_file(pkg.root / REL) if pkg.root is not None else None
        ctx.report(
            "PD210",
            REL,
            f"manifest.json is {there}, not a file, so the app ignores settings.json and loads no plugin. "
            "Put the file itself there."
            if there
            else "There is no manifest.json in the package. Without it the app ignores settings.json and "
            "loads no plugin (the Management Node's default download does not include one).",
            fix=None if there else Fix("create-manifest", "Create manifest.json"),
        )
        return
    if pkg.manifest is None:
        return
    current = pkg.manifest.to_json()
    empty_id = pkg.manifest.branding_id in (None, "")
    if empty_id and isinstance(current, dict) and "brandingID" in current:
        # An empty brandingID is PD212 below (with its fix), not a second, fix-less schema error.
        ctx.schema("manifest", REL, {k: v for k, v in current.items() if k != "brandingID"})
    else:
        # A brandingID that is no number ("abc", true) gets a new one, as an empty one does: manifest.json
        # is read-only in the designer, and the error had no fix.
        ctx.schema("manifest", REL, current, fixes={"/brandingID": Fix("new-branding-id", "Set a new upload number")})
    if pkg.manifest.is_settings_branded is not True:
        has_key = isinstance(current, dict) and "isSettingsBranded" in current
        ctx.report(
            "PD211",
            REL,
            "The package is not marked as branded (isSettingsBranded is not true), so the app ignores settings.json "
            "and every plugin in it."
            if has_key
            else "The package is not marked as branded (isSettingsBranded is missing), so the app ignores "
            "settings.json and every plugin in it.",
            "/isSettingsBranded" if has_key else "",
            fix=Fix("set-settings-branded", "Mark the package as branded"),
        )
    if empty_id:
        ctx.report(
            "PD212",
            REL,
            "The upload number (brandingID) is empty. It must change with every upload so clients fetch the new "
            "branding; export sets a new one for you.",
            "/brandingID" if isinstance(current, dict) and "brandingID" in current else "",
            fix=Fix("new-branding-id", "Set a new upload number"),
        )
