"""Menu item icons: the file exists with this exact case, is an SVG, and holds the ``#id``."""

from __future__ import annotations

import posixpath
import re
from typing import Any
from urllib.parse import unquote

from ..files import files_by_folder, is_utf8, normalize
from ..jstext import shortened
from ..model import BrandingPackage, Plugin
from ..problems import Fix
from ..svg import SVG_NS, SvgInfo, is_id_name, not_svg_kind, read_svg
from ..zipnames import excluded_why, exported_name, name_why
from .context import Context, with_slashes
from .package import misspelt_icons


def svg_info(ctx: Context, rel: str) -> SvgInfo:
    """Parse each icon file once per check run, however many items use it."""
    if rel not in ctx.svg_cache:
        ctx.svg_cache[rel] = read_svg(svg_bytes(ctx, rel))
    return ctx.svg_cache[rel]


def svg_bytes(ctx: Context, rel: str) -> bytes:
    """An icon file's bytes, read once per check run: the parse and the safety scan see the same
    bytes (an unsaved fix, e.g. an added id, counts)."""
    key = "bytes:" + rel
    if key not in ctx.svg_cache:
        ctx.svg_cache[key] = ctx.pkg.read_bytes(rel)
    return ctx.svg_cache[key]


def readable_svg(ctx: Context, target: str, file_part: str, name: str, plugin: str) -> SvgInfo | None:
    """The parsed icon, or None after reporting PD403 (not readable as SVG) at the parser's place."""
    info = svg_info(ctx, target)
    if info.ok:
        return info
    # What to do, unless the file is a picture under an .svg name (its words say: export it as SVG).
    data = svg_bytes(ctx, target)
    todo = "" if not_svg_kind(data) else _how_to_correct(data)
    ctx.report(
        "PD403",
        target,
        f"The icon '{shortened(file_part)}' of '{shortened(name)}' cannot be read as SVG: {info.error}.{todo}",
        line=info.line,
        column=info.column,
        plugin=plugin,
    )
    return None


def _how_to_correct(data: bytes) -> str:
    """Where an unreadable icon can be corrected: the icon editor opens UTF-8 files only (one in
    Latin-1 was sent to its XML view, which then said it cannot show the file)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return " Save it as UTF-8 in a text editor: the icon editor opens UTF-8 files only."
    return " Correct it in the icon editor's XML view."


def _outside_svg_namespace(ctx: Context, info: SvgInfo, target: str, file_part: str, name: str, plugin: str) -> None:
    """PD403 for an ``<svg>`` root outside the SVG namespace (no ``xmlns``, or a mistyped one).

    Why: a browser reads an icon file as XML, where such an element is no SVG and draws nothing;
    the designer's own views (Qt) draw it all the same, so nothing else would tell.
    """
    tag = info.tree.tag if info.tree is not None else ""
    ns = tag[1:].split("}", 1)[0] if tag.startswith("{") else ""
    if ns == SVG_NS:
        return
    what = f"is in the namespace '{shortened(ns)}', not" if ns else "has no"
    ctx.report(
        "PD403",
        target,
        f"The icon '{shortened(file_part)}' of '{shortened(name)}' is not SVG to a browser: its <svg> element "
        f'{what} xmlns="{SVG_NS}", so browsers draw nothing of it. Write that on the <svg> element in the '
        "icon editor's XML view.",
        line=info.tree.sourceline or 1,
        column=1,
        plugin=plugin,
    )


def svgs_by_folder(names: list[str]) -> dict[str, list[str]]:
    """The SVG files among ``names`` under each folder (at any depth), in the order of ``names``."""
    return files_by_folder(names, ".svg")


def check(pkg: BrandingPackage, ctx: Context) -> None:
    svgs: dict[str, list[str]] | None = None
    for index, plugin in enumerate(pkg.plugins):
        if plugin.package is None or not plugin.package_path:
            continue
        used: set[str] = set()
        lost: list[str] = []  # the names of icon files menu items name but that are not found (PD400)
        for sec, i, mi in plugin.package.items():
            item = mi.to_json() if not mi.icon else None
            if (
                sec == "toolbar"
                and not mi.icon
                and isinstance(item, dict)
                and "icon" in item
                and _no_state(ctx, plugin)
            ):
                # (a button with its icon written empty, which no state$ fills in: PD309's Fix gives
                # it the plugin's first, not to be deleted)
                from ..iconrefs import icon_choices

                used.update(f"{plugin.folder}/{ref.partition('#')[0]}" for ref in icon_choices(pkg, plugin)[:1])
            if item is not None and not (isinstance(item, dict) and isinstance(item.get("icon"), (str, type(None)))):
                # ("icon": 5, or an item written as "record") Any icon of the plugin may be the one
                # meant, and PD102's fix uses the first: none is said to be unused, with a Delete
                # that would take it away.
                svgs = svgs_by_folder(pkg.names()) if svgs is None else svgs
                used.update(svgs.get(plugin.folder or "", []))
            if mi.icon:
                _check_ref(plugin, index, sec, i, mi.icon, ctx)
                file_part, _, frag = mi.icon.partition("#")
                if not file_part:
                    # ("#rec") PD400's Fix points it at the plugin's icon of that id: not unused either.
                    used.update(_files_with_id(pkg, plugin, frag))
                    continue
                # The file a PD401 points at (another case or accent spelling) is not also unused; nor
                # is a file named as the item spells it ('my%20icon.svg' taken literally), which
                # PD400 is about: offering to delete it would lose the icon the author meant.
                found = False
                for target in {plugin.resolve(file_part), normalize(plugin.package_path, file_part, decode=False)}:
                    match = pkg.case_match(target) if target else None
                    used.add(match or target or "")
                    found = found or match is not None
                if not found:
                    lost.append(file_part.rsplit("/", 1)[-1])
        # (PD312's: the rename brings them back; those listed with no placement: choosing one does)
        for ref in misspelt_icons(plugin, pkg) + _unplaced_icons(plugin):
            file_part = ref.partition("#")[0]
            for target in {plugin.resolve(file_part), normalize(plugin.package_path, file_part, decode=False)}:
                used.add((pkg.case_match(target) if target else None) or target or "")
        if plugin.folder:
            svgs = svgs_by_folder(pkg.names()) if svgs is None else svgs
            _unused_icons(plugin, used, svgs.get(plugin.folder, []), ctx, lost)


def _no_state(ctx: Context, plugin: Plugin) -> bool:
    """Whether the plugin's code registers one plugin with no state$ (PD309 is said then, see
    source._check_empty_toolbar_buttons). Why: with one, an icon written null is the plugin's to set
    while it runs (as the example's lock toggle does), and its first icon, taken for PD309's, was
    not called unused: a leftover copy named before it (left-over.svg) went unsaid."""
    from .source import source_info  # (the analysis the source checks make, once per check run)

    if not plugin.source_path or not ctx.pkg.exists(plugin.source_path):
        return False
    info = source_info(ctx, plugin.source_path)
    regs = info.registrations if info is not None else []
    return len(regs) == 1 and "state$" not in regs[0].keys


def _files_with_id(pkg: BrandingPackage, plugin: Plugin, frag: str) -> list[str]:
    """The plugin's SVG files (package paths) holding a drawing of the id ``frag``."""
    from ..iconrefs import icon_choices

    return [f"{plugin.folder}/{c.partition('#')[0]}" for c in icon_choices(pkg, plugin) if c.partition("#")[2] == frag]


def _unplaced_icons(plugin: Plugin) -> list[str]:
    """The icon references of the items a package file lists with no placement around them
    (``"menuItems": [{...}]``, PD102), or with no list (``"toolbar": {...}``): the form or the Fix puts them in the placement chosen, so their icons
    are not unused (PD406 offered to delete the one such an item needs)."""
    p = plugin.package
    written = p.raw.get("menuItems") if p is not None and p.menu_items is None else None
    if p is not None and isinstance(p.raw.get("menuItems"), dict):
        # (one item with no list around it, "toolbar": {...}: PD102's Fix puts it in one)
        lone = [v for k, v in p.raw["menuItems"].items() if isinstance(v, dict) and not (p.menu_items or {}).get(k)]
        return [item["icon"] for item in lone if isinstance(item.get("icon"), str)]
    if not isinstance(written, list):
        return []
    return [item["icon"] for item in written if isinstance(item, dict) and isinstance(item.get("icon"), str)]


def _meant(base: str, lost: list[str]) -> bool:
    """Whether the icon file named ``base`` may be the one a reference that finds nothing means:
    its name, or one spelt nearly so ('recc.svg', '../rec.svg', 'https://…/rec.svg' for rec.svg)."""
    import difflib

    def stem(name: str) -> str:  # (compared without '.svg': 'a.svg' and 'b.svg' are not alike)
        folded = name.casefold()
        return folded[: -len(".svg")] if folded.endswith(".svg") else folded

    mine = stem(base)
    return any(
        (other := stem(name)) == mine or difflib.SequenceMatcher(None, other, mine).ratio() >= 0.8 for name in lost
    )


# Names compared at most per plugin by _meant (its items' lost names times its spare icons); past
# it none of the plugin's spare icons is called unused (a hostile package: 1,000 lost names).
_MEANT_BUDGET = 20_000


def _unused_icons(plugin: Plugin, used: set[str], svgs: list[str], ctx: Context, lost: list[str]) -> None:
    """PD406 for SVGs in the plugin's folder that no menu item uses and the code never names.

    The code counts when the file's name appears anywhere in it ('unlock.svg#unlock' set through
    state$, or a name the code builds around it), so an icon the plugin swaps in at run time is
    never called unused. When the code builds icon names from parts, a file whose stem it holds
    ('unlock' in a table of names) counts too: the note comes with a Delete button, and deleting
    an icon the plugin swaps in would break it. The source is read only when some SVG is not
    used by a menu item.
    """
    folder = plugin.folder
    assert folder is not None
    spare = [n for n in svgs if n not in used]  # the SVGs in the plugin's folder (and below it)
    if not spare or len(lost) * len(spare) > _MEANT_BUDGET:
        return
    if not plugin.source_path or not ctx.pkg.exists(plugin.source_path):
        # A source named with a typo, not there or outside the package (PD305): its code was never
        # read, so "its code does not name it" would be a guess, and its Delete took icons the
        # source swaps in, needed once the name is put right.
        return
    try:
        source = ctx.pkg.read_text(plugin.source_path)
    except (OSError, UnicodeDecodeError):
        return  # the source check reports an unreadable source; without it nothing can be said
    # A name the code builds ('icons/' + name + '.svg#' + name): ".svg" starts a string or follows
    # a template's ${...}. Then a file whose stem the code holds as a word may be the one built.
    builds = re.search(r"""['"`}]\.svg""", source, re.IGNORECASE) is not None
    # The code may write the name as a URL ('my%20icon.svg#x' for my icon.svg): read it decoded too.
    decoded = unquote(source) if "%" in source else ""
    for rel in spare:
        base = rel.rsplit("/", 1)[-1]
        inner = rel[len(folder) + 1 :]
        if base in source or inner in source or (decoded and (base in decoded or inner in decoded)):
            continue
        stem = base[: -len(".svg")] if base.lower().endswith(".svg") else base
        if builds and stem and re.search(r"(?<![\w$])" + re.escape(stem) + r"(?![\w$])", decoded or source):
            continue  # deleting it could break the plugin: better no note than a wrong one
        if lost and _meant(base, lost):
            # The file a menu item means with a typo ('recc.svg') or a path out of the package
            # ('../rec.svg'): it was offered for deletion, while PD400 offers to point the item at it.
            continue
        if _another_uses(ctx, plugin, rel):
            continue  # (a folder shared by two plugins: the other's icon, deleted by the fix)
        if not exported_name(rel):
            # Left out of the export (PD107 for its name, or hidden): it is not uploaded at all, and
            # calling it "uploaded for nothing" contradicted the warning about the same file.
            continue
        said = ctx.svg_cache.setdefault("unused icons said", set())
        if rel in said:
            continue  # (a folder of two plugins: said from the first one's side; twice read as two files)
        said.add(rel)
        info = svg_info(ctx, rel)
        # A broken file is no danger (PD411 reports unsafe entities), but worth knowing before keeping it.
        broken = "" if info.ok else f" It cannot be read as SVG either (line {info.line}: {info.error})."
        ctx.report(
            "PD406",
            rel,
            f"{base} is in the folder of '{shortened(plugin.display_name)}', but no menu item uses it and its code does "
            f"not name it; it would be uploaded for nothing.{broken} Delete it if it is a leftover.",
            fix=Fix("delete-file", f"Delete {base}", {"file": rel}, batch=False),
            plugin=plugin.key,
        )


def _plugin_folders(ctx: Context) -> list[tuple[Plugin, str]]:
    """The plugins with a package and a folder, each with its folder, worked out once per check run
    (a package of 80 plugins with 200 spare icons asked each plugin its folder 17,000 times)."""
    key = "plugin folders"
    if key not in ctx.svg_cache:
        ctx.svg_cache[key] = [(p, p.folder) for p in ctx.pkg.plugins if p.package is not None and p.folder]
    return ctx.svg_cache[key]


def _another_uses(ctx: Context, plugin: Plugin, rel: str) -> bool:
    """Whether a plugin sharing ``plugin``'s folder (or one above or below it) shows ``rel`` on a
    menu item or names it in its code.

    Why: in a folder of two plugins, the icon of one's button was said to be used by nothing, from
    the other's side, with a Delete that took the icon away (PD406).
    """
    pkg = ctx.pkg
    folder, base = plugin.folder or "", rel.rsplit("/", 1)[-1]
    for other, theirs in _plugin_folders(ctx):
        if other is plugin:
            continue
        if not (theirs == folder or theirs.startswith(folder + "/") or folder.startswith(theirs + "/")):
            continue
        if any(mi.icon and other.resolve(mi.icon.partition("#")[0]) == rel for _s, _i, mi in other.package.items()):
            return True
        if other.source_path and pkg.exists(other.source_path):
            try:
                if base in pkg.read_text(other.source_path):
                    return True
            except (OSError, UnicodeDecodeError):
                return True  # its code cannot be read: no note, rather than a Delete it may need
    return False


def _nfc(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFC", text)


def _report_no_file(plugin: Plugin, ref: str, frag: str, ptr: str, where: dict[str, Any], ctx: Context) -> None:
    """PD400 for an icon written as an id alone (``"#rec"``), with the plugin's icon of that id as
    its Fix.

    Why: it was said to be "outside the package or on another server", while it names no file at
    all: the app looks for the drawing in the package file itself and shows none."""
    from ..iconrefs import icon_choices

    rel = plugin.package_path
    assert rel is not None
    found = [choice for choice in icon_choices(ctx.pkg, plugin) if choice.partition("#")[2] == frag]
    ctx.report(
        "PD400",
        rel,
        f"The icon '{shortened(ref)}' of '{shortened(plugin.display_name)}' names no file, only the id "
        f"'{shortened(frag)}': the app looks for it in the package file itself and shows no icon. Write it as "
        f"'file.svg#{shortened(frag)}'"
        + (
            f": '{shortened(found[0])}' is the plugin's icon of that id."
            if found
            else " with the SVG file that has it."
        ),
        ptr,
        fix=Fix("set-icon-ref", f"Use '{shortened(found[0])}'", {**where, "value": found[0]}) if found else None,
        plugin=plugin.key,
    )


def _check_ref(plugin: Plugin, index: int, sec: str, i: int, ref: str, ctx: Context) -> None:
    rel = plugin.package_path
    assert rel is not None
    ptr = f"/menuItems/{sec}/{i}/icon"
    name, key = plugin.display_name, plugin.key
    file_part, _, frag = ref.partition("#")
    target = plugin.resolve(file_part)
    where = {"plugin": index, "section": sec, "item": i}
    if not file_part and frag:
        _report_no_file(plugin, ref, frag, ptr, where, ctx)
        return
    if target is None:
        slashed = with_slashes(ctx.pkg, file_part, rel)
        ctx.report(
            "PD400",
            rel,
            f"The icon '{shortened(ref)}' of '{shortened(name)}' is "
            + (
                "written with backslashes: web addresses take '/', and the designer cannot follow this one to the "
                "file. Write it with '/'."
                if slashed
                else "outside the package or on another server."
            ),
            ptr,
            fix=Fix(
                "set-icon-ref",
                f"Use '{shortened(slashed)}'",
                {**where, "value": slashed + (f"#{frag}" if frag else "")},
            )
            if slashed
            else None,
            plugin=key,
        )
        return
    if not ctx.pkg.exists(target):
        actual = ctx.pkg.case_match(target)
        if actual:
            new_file = relative_ref(file_part, target, actual, rel)
            new_ref = new_file + (f"#{frag}" if frag else "")
            ctx.report(
                "PD401",
                rel,
                f"The icon '{shortened(ref)}' of '{shortened(name)}' is stored as '{shortened(new_file)}'. Letter case matters on the web server."
                if _nfc(new_file) != _nfc(file_part)
                else f"The icon file '{shortened(file_part)}' of '{shortened(name)}' has an accented letter written differently in its "
                "name (as a letter plus a separate accent, as macOS names files, or the other way round). They look "
                "the same but the web server treats them as different names, so the icon would not load.",
                ptr,
                fix=Fix(
                    "set-icon-ref",
                    "Use the file's spelling"
                    if _nfc(new_ref) == _nfc(ref)
                    else f"Use '{shortened(new_ref)}'",  # alike to the eye
                    {**where, "value": new_ref},
                ),
                plugin=key,
            )
        else:
            fix = None
            stem = target.rsplit("/", 1)[-1][:-4] if target.lower().endswith(".svg") else ""
            if stem and is_id_name(frag or stem):  # a name an id may be (PD422's rule)
                fix = Fix(
                    "create-icon-file",
                    f"Create '{shortened(file_part)}'",
                    {"file": target, "id": frag or stem},
                )
            literal = normalize(rel, file_part, decode=False)
            if literal and literal != target and ctx.pkg.exists(literal):
                why = (
                    f" A file named '{shortened(literal.rsplit('/', 1)[-1])}' is there, but the icon is a web address, where "
                    f"'%' and two characters stand for one letter ('%20' for a space), so the app looks for "
                    f"'{shortened(target.rsplit('/', 1)[-1])}'. Rename the file or write its name without '%'."
                )
                # The drawing is in that file: a star drawn as the decoded name would leave it unused.
                # '%25' is how a web address spells '%' itself, so this reference loads the file.
                escaped = file_part.replace("%", "%25") + (f"#{frag}" if frag else "")
                fix = Fix(
                    "set-icon-ref",
                    f"Use the file '{shortened(literal.rsplit('/', 1)[-1])}'",
                    {**where, "value": escaped},
                )
            elif (near := near_file(ctx, target, ".svg")) is not None:
                # (before the star: the drawing meant is most likely in that file already)
                near_base = near.rsplit("/", 1)[-1]
                why = f" A file named '{shortened(near_base)}' is in the same folder: probably the one meant."
                fix = Fix(
                    "set-icon-ref",
                    f"Use '{shortened(near_base)}'",
                    {**where, "value": relative_ref(file_part, target, near, rel) + (f"#{frag}" if frag else "")},
                )
            else:
                why = " Pick another icon for the item, or make the file again (the fix draws a star you can then redraw)."
            ctx.report(
                "PD400",
                rel,
                f"The icon file '{shortened(file_part)}' of '{shortened(name)}' is not in the package.{why}",
                ptr,
                fix=fix,
                plugin=key,
            )
        return
    if (left_out := excluded_why(target) or name_why(target)) is not None:
        # (checked, drawn in the preview and the form, then left out of the ZIP without a word; a
        # name that is not UTF-8 too, which the export leaves out as it does a hidden file)
        ctx.report(
            "PD107",
            rel,
            f"The export leaves out the icon file '{shortened(file_part)}' of '{shortened(name)}': {left_out}. "
            "After the upload the item has no icon. Rename the file, and the icon here.",
            ptr,
            plugin=key,
        )
    if not target.lower().endswith(".svg"):
        ctx.report(
            "PD405",
            rel,
            f"The icon '{shortened(ref)}' of '{shortened(name)}' is not an SVG file; only SVG icons are supported.",
            ptr,
            plugin=key,
        )
        return
    info = readable_svg(ctx, target, file_part, name, key)
    if info is None:
        return
    if info.root_tag != "svg":
        ctx.report(
            "PD403",
            target,
            f"The icon '{shortened(file_part)}' of '{shortened(name)}' is XML but not SVG (its root is <{shortened(info.root_tag)}>).",
            line=1,
            column=1,
            plugin=key,
        )
        return
    _outside_svg_namespace(ctx, info, target, file_part, name, key)
    if not frag:
        fix = None
        if info.root_id:
            fix = Fix(
                "set-icon-ref",
                f"Use '{shortened(file_part)}#{shortened(info.root_id)}'",
                {**where, "value": f"{file_part}#{info.root_id}"},
            )
        ctx.report(
            "PD404",
            rel,
            f"The icon '{shortened(ref)}' of '{shortened(name)}' names no id; write it as '{shortened(file_part)}#<id>' with the id of the SVG.",
            ptr,
            fix=fix,
            plugin=key,
        )
        return
    if frag in info.ids:
        again = [ln for dup, ln in info.duplicate_ids if dup == frag]
        if again:
            # (PD421 in the SVG itself is said only for ids the file refers to: this is the one
            # reference from outside it.)
            ctx.report(
                "PD421",
                rel,
                f"The icon '{shortened(ref)}' of '{shortened(name)}' names the id '{shortened(frag)}', which {file_part} "
                f"has more than once (lines {info.ids[frag]} and {again[0]}); the button may show the wrong shape. "
                "Give each element its own id.",
                ptr,
                plugin=key,
            )
        return
    case = info.id_case_match(frag)
    if case:
        new_ref = f"{file_part}#{case}"
        ctx.report(
            "PD402",
            rel,
            f"The icon '{shortened(ref)}' of '{shortened(name)}' asks for id '{shortened(frag)}' but the SVG has '{shortened(case)}'. Letter case matters."
            if _nfc(case) != _nfc(frag)
            else f"The icon '{shortened(ref)}' of '{shortened(name)}' asks for id '{shortened(frag)}' and the SVG's id looks the same, but an accented "
            "letter is written differently (as a letter plus a separate accent, or the other way round), so the "
            "browser does not find it.",
            ptr,
            fix=Fix(
                "set-icon-ref",
                "Use the SVG's spelling" if _nfc(case) == _nfc(frag) else f"Use '{shortened(new_ref)}'",
                {**where, "value": new_ref},
            ),
            plugin=key,
        )
        return
    import difflib  # only for a missing id: not imported by a clean check

    close = difflib.get_close_matches(frag, list(info.ids), n=3, cutoff=0.5)
    hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    if info.ids and not close:
        hint = f" The ids in that file are: {', '.join(list(info.ids)[:8])}."
    if info.root_id is None and not _is_sprite(info):
        fix = Fix("add-svg-root-id", f"Add id '{shortened(frag)}' to the SVG", {"file": target, "id": frag})
    elif close:
        fix = Fix(
            "set-icon-ref",
            f"Use '{shortened(file_part)}#{shortened(close[0])}'",
            {**where, "value": f"{file_part}#{close[0]}"},
        )
    elif info.root_id:
        fix = Fix(
            "set-icon-ref",
            f"Use '{shortened(file_part)}#{shortened(info.root_id)}'",
            {**where, "value": f"{file_part}#{info.root_id}"},
        )
    else:
        fix = None  # a sprite without a matching symbol: an id on its root would show no icon either
    ctx.report(
        "PD402",
        rel,
        f"The icon '{shortened(ref)}' of '{shortened(name)}' needs an element with id '{shortened(frag)}' in {file_part}, but there is none; "
        f"the button would have no icon.{hint}",
        ptr,
        fix=fix,
        plugin=key,
    )


def _is_sprite(info: SvgInfo) -> bool:
    """A file of several icons (``<symbol id>`` elements), used one symbol at a time."""
    root = info.tree
    return root is not None and any(
        isinstance(el.tag, str) and el.tag.rsplit("}", 1)[-1] == "symbol" for el in root.iter()
    )


NEAR_NAMES_BUDGET = 20_000  # names near_file compares in one check run


def near_file(ctx: Context, target: str, suffix: str) -> str | None:
    """The file of the package in ``target``'s folder whose name is spelt nearly as ``target``'s
    and ends in ``suffix`` (any case), when there is just one such: the file a reference that
    finds nothing most likely meant ('infos.svg' beside 'info.svg', 'x.plugin.jss' beside
    'x.plugin.js'). The folders' files are listed once per check run, and a run compares at most
    :data:`NEAR_NAMES_BUDGET` names in all: 1,000 items whose icons are missing, in a folder of
    3,000 icons, took ten seconds of comparing (a real package has a few files per folder).
    """
    import difflib

    folder, _, base = target.rpartition("/")
    cache = ctx.svg_cache
    listed = cache.get("folders:")
    if listed is None:
        listed = cache["folders:"] = {}
        for name in ctx.pkg.names():
            head, _, tail = name.rpartition("/")
            listed.setdefault(head, []).append(tail)
    here = cache.get(f"near:{suffix}:{folder}")
    if here is None:  # (``target`` itself is not there: that is why it is asked for)
        # (not a name that is not UTF-8: the export leaves it out, PD107, and a reference to it
        # written into the package file made the check quiet about a button left blank)
        here = cache[f"near:{suffix}:{folder}"] = [
            n for n in listed.get(folder, []) if n.lower().endswith(suffix) and is_utf8(n)
        ]
    spent = cache.get("near:spent", 0) + len(here)
    cache["near:spent"] = spent
    if spent > NEAR_NAMES_BUDGET:
        return None
    close = difflib.get_close_matches(base, here, n=2, cutoff=0.8)
    if len(close) != 1:
        return None
    return f"{folder}/{close[0]}" if folder else close[0]


def relative_ref(file_part: str, target: str, actual: str, package_path: str) -> str:
    """The reference to ``actual``: only the file name's case changes when the folder is right.

    When a folder's case is wrong too, keeping the author's folder spelling would leave the
    reference broken, so the path is rewritten relative to the package file.
    """
    if posixpath.dirname(target) != posixpath.dirname(actual):
        return posixpath.relpath(actual, posixpath.dirname(package_path))
    head, _, _ = file_part.rpartition("/")
    base = actual.rsplit("/", 1)[-1]
    return f"{head}/{base}" if head else base
