"""SVG icons: unsafe content (scripts, handlers, outside links, entities), internal ids, viewBox.

Every SVG a menu item names is scanned once per check run; the JavaScript check adds the SVGs
that ``state$`` icon strings name, and the SVGs nothing names are scanned for safety alone. Unsafe content gets the "Sanitise icon" fix, which rewrites
the file with an allowlist of elements and attributes and keeps every id.
"""

from __future__ import annotations

from designer.core.checks.context import Context
from designer.core.checks.icons import svg_bytes, svg_info, svgs_by_folder
from designer.core.lineends import byte_position
from designer.core.model import BrandingPackage, text_bytes
from designer.core.problems import Fix
from designer.core.svg import _prolog, as_utf8, as_utf8_text, sanitise_svg, scan_svg, viewbox_from_size

_TITLES = {
    "PD410": "has a DOCTYPE",
    "PD411": "defines entities",
    "PD412": "contains a script",
    "PD413": "has an event handler",
    "PD414": "has a javascript: link",
    "PD415": "refers to an outside resource",
    "PD416": "holds a piece of web page",
}
_WHY = {
    "PD410": "Icons do not need one and it can point to outside files.",
    "PD411": "Entities are text shortcuts an icon does not need; they can make the computer that shows it "
    "read its own files or run out of memory.",
    "PD412": "Scripts in an icon can run code in the meeting page.",
    "PD413": "It runs code when the icon is shown or clicked.",
    "PD414": "It runs code in the meeting page.",
    "PD415": "It may be blocked, missing or unsafe, and it reveals who views the meeting.",
    "PD416": "An icon needs none, and it can carry scripts and forms.",
}


def check(pkg: BrandingPackage, ctx: Context) -> None:
    for plugin in pkg.plugins:
        if plugin.package is None or not plugin.package_path:
            continue
        for _sec, _i, mi in plugin.package.items():
            if not mi.icon:
                continue
            file_part = mi.icon.partition("#")[0]
            target = plugin.resolve(file_part)
            if target and target.lower().endswith(".svg") and pkg.exists(target):
                check_svg(ctx, target, plugin.key)


def check_unnamed(pkg: BrandingPackage, ctx: Context) -> None:
    """The safety problems of the SVGs in plugin folders that nothing names.

    They are uploaded with the rest (PD406 says they are unused), so a script in one reaches the
    server all the same. Their ids and viewBox do not matter, so only safety is reported.
    """
    svgs = svgs_by_folder(pkg.names())
    for plugin in pkg.plugins:
        folder = plugin.folder
        if not folder or not folder.startswith("plugins/"):
            continue
        for rel in svgs.get(folder, []):
            if pkg.exists(rel):
                check_svg(ctx, rel, plugin.key, safety_only=True)


def _unreadable_entities(ctx: Context, target: str, plugin_key: str | None) -> None:
    """PD411 for an SVG nothing names that cannot be read because of its entities (a 'billion
    laughs' file is refused by the parser, so the scan of a parsed file never saw them).

    Why an error though nothing uses it: it is uploaded with the rest, and what makes entities
    unsafe (reading local files, exhausting memory) does not depend on a menu item naming the
    file, just as a script in a readable file nothing names is an error (PD412). A file that is
    merely broken is not unsafe: PD406's note says it cannot be read.
    """
    data = as_utf8(svg_bytes(ctx, target))
    ent = _prolog(data).find(b"<!ENTITY")
    if ent == -1:
        return
    line, column = byte_position(data, ent)
    name = target.rsplit("/", 1)[-1]
    ctx.report(
        "PD411",
        target,
        f"The icon {name} defines entities (<!ENTITY ...> lines in the DOCTYPE at its top), and it cannot be read. "
        f"{_WHY['PD411']} No menu item uses it, but it is uploaded with the rest: delete it.",
        line=line,
        column=column,
        fix=Fix("delete-file", f"Delete {name}", {"file": target}, batch=False),
        plugin=plugin_key,
    )


def _report_other_encoding(ctx: Context, target: str, plugin_key: str | None) -> None:
    """PD407 for an icon in another encoding than UTF-8 that says which (ISO-8859-1, UTF-16).

    Why: it checked clean, the app reads it, and yet selecting it in the designer said only that
    it cannot be shown ("save it as UTF-8 in another editor"): the fix does that here, one undo step.
    """
    converted = as_utf8_text(svg_bytes(ctx, target))
    if converted is None:
        return
    name = target.rsplit("/", 1)[-1]
    text, encoding = converted
    declared = ", its <?xml ...?> declaration changed to match" if text.lstrip().startswith("<?xml") else ""
    ctx.report(
        "PD407",
        target,
        f"The icon {name} is written in {encoding}, not UTF-8. The app reads it, but the designer's icon "
        f"editor opens UTF-8 files only. 'Save it as UTF-8' writes the same drawing in UTF-8{declared}.",
        line=1,
        column=1,
        fix=Fix("save-as-utf8", "Save it as UTF-8", {"file": target, "encoding": "declared"}),
        plugin=plugin_key,
    )


def check_svg(ctx: Context, target: str, plugin_key: str | None, safety_only: bool = False) -> None:
    """Report the safety and id problems of one SVG file (once per check run); ``safety_only``:
    only what makes it unsafe (PD410-PD416), for an SVG nothing names."""
    marker = "scan:" + target
    if marker in ctx.svg_cache:
        return
    ctx.svg_cache[marker] = True
    _report_other_encoding(ctx, target, plugin_key)
    info = svg_info(ctx, target)
    if not info.ok and safety_only:
        _unreadable_entities(ctx, target, plugin_key)
        return
    if not info.ok or info.root_tag != "svg":
        return  # PD403 says so
    data = svg_bytes(ctx, target)
    findings = scan_svg(data, info)
    if safety_only:
        findings = [f for f in findings if f.code in _TITLES]
    if not findings:
        return
    name = target.rsplit("/", 1)[-1]
    sanitise: Fix | None = None
    lost: list[str] = []  # ids in use the clean-up would remove
    if any(f.sanitisable for f in findings):
        try:
            text, lost = sanitise_svg(data)
        except ValueError:
            lost = ["?"]
        else:
            if lost:  # (only the ids something uses must stay: see ids_in_use)
                from designer.core.iconrefs import ids_in_use

                used = ids_in_use(ctx.pkg, target, text_bytes(text))
                lost = [i for i in lost if i in used]
        if not lost:
            sanitise = Fix("sanitise-svg", f"Sanitise icon {name}", {"file": target})
    todo = "'Sanitise icon' keeps the drawing and removes the rest."
    if sanitise is None and lost and lost != ["?"]:
        # (no button to name: the clean-up would take an id in use along)
        ids = ", ".join(f"'{i}'" for i in lost[:3]) + (", ..." if len(lost) > 3 else "")
        which = "id {}, which is" if len(lost) == 1 else "ids {}, which are"
        todo = (
            f"It is not sanitised automatically: that would remove the {which.format(ids)} in use. Remove the "
            "unsafe part in the icon editor's XML view, keeping the id on the drawing."
        )
    for f in findings:
        fix = sanitise if f.sanitisable else None
        if f.code in _TITLES:
            message = f"The icon {name} {_TITLES[f.code]}: {f.detail}. {_WHY[f.code]} {todo}"
            if f.code == "PD410":
                # The standard public DOCTYPE is not reported (SPEC 5b); this one names another DTD
                # or has an internal subset. Removing it alone leaves the rest of the file as it is.
                message = (
                    f"The icon {name} starts with a DOCTYPE that names a DTD other than the W3C's, or defines "
                    "things of its own. Icons do not need one, and it can point to outside files. The fix removes it."
                )
                fix = Fix("remove-svg-doctype", f"Remove the DOCTYPE of {name}", {"file": target})
                if as_utf8(data) is not data:  # (UTF-16: the text edit reads UTF-8; the sanitiser reads it)
                    fix = sanitise
        elif f.code == "PD420":
            message = f"In the icon {name}, {f.detail}; that part of the drawing shows nothing."
            if f.rename:
                old, new = f.rename
                fix = Fix("set-svg-ref", f"Use '#{new}'", {"file": target, "old": old, "new": new})
        elif f.code == "PD421":
            message = f"In the icon {name}, {f.detail}; only the first element with an id is found."
        elif f.code == "PD422":
            message = f"In the icon {name}, {f.detail}."
        elif f.code == "PD431":
            message = (
                f"The icon {name} is small, but {f.detail}: drawing it would freeze the meeting page. "
                "Draw the shapes once, or copy fewer of them."
            )
        elif f.detail.startswith("has the viewBox"):  # PD430, a viewBox browsers cannot use
            vb = viewbox_from_size(info)
            if vb:
                fix = Fix("add-svg-viewbox", f'Use viewBox="{vb}"', {"file": target, "value": vb})
            message = f"The icon {name} {f.detail}" + (
                f'. Its width and height suggest viewBox="{vb}".'
                if vb
                else '. Give it the size of the drawing, such as viewBox="0 0 24 24".'
            )
        else:  # PD430
            vb = viewbox_from_size(info)
            if vb:
                fix = Fix("add-svg-viewbox", f'Add viewBox="{vb}"', {"file": target, "value": vb})
            message = f"The icon {name} has no viewBox, so it does not scale to the button's size" + (
                f'; its width and height suggest viewBox="{vb}".' if vb else '; add one such as viewBox="0 0 24 24".'
            )
        ctx.report(f.code, target, message, line=f.line, column=f.column, fix=fix, plugin=plugin_key)
