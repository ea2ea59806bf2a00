"""Plugin sources: syntax, registration, actions, API use, roles and the servers they contact.

Why these: an exception in plugin code brings the whole app to its "Oops" page, and a plugin
whose registration does not match its package file simply does nothing. The analysis is
static (tree-sitter), so it finds what can be known without running the code and says nothing
about what is only known at run time.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from designer.core.actionsync import (
    create_function_title,
    missing_action_effect,
    register_function_title,
    registered_value_effect,
    unreadable_at_registration,
)
from designer.core.checks.context import Context
from designer.core.checks.package import not_javascript
from designer.core.checks.settings import list_id_fix
from designer.core.checks.svgsafety import check_svg
from designer.core.files import name_difference
from designer.core.hostonly import (
    HOST_ONLY_API,
    HOST_ONLY_CONFERENCE,
    HOST_ONLY_PARTICIPANT,
    refusal,
    refused_for_guests,
    refused_item,
    request_named,
)
from designer.core.jsanalysis import (
    ACTIONS,
    API_MEMBERS,
    CONFERENCE_REQUESTS,
    DIAL_PROTOCOLS,
    DYN,
    LAYOUTS,
    PARTICIPANT_REQUESTS,
    PEX_MEMBERS,
    Call,
    JsInfo,
    Key,
    Registration,
    analyse,
    classify_request,
    globals_written,
    url_host,
)
from designer.core.jstext import is_identifier, shortened
from designer.core.model import BrandingPackage, Plugin, save_as_utf8_fix
from designer.core.problems import Fix
from designer.core.wording import spelt_alike
from designer.core.zipnames import excluded_why

__all__ = ["check", "source_info", "sources"]

Report = Callable[..., None]

_BASE_KEYS = ("id", "load", "unload", "state$")


def source_info(ctx: Context, rel: str) -> JsInfo | None:
    """The analysis of one source file, once per check run; None when it is not UTF-8."""
    key = "js:" + rel
    if key not in ctx.svg_cache:
        data = ctx.pkg.read_bytes(rel)
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            from ..lineends import byte_position, not_utf8_message  # (only for a file that is not UTF-8)

            line, column = byte_position(data, exc.start)  # in characters, lines as the editor shows them
            ctx.report(
                "PD103",
                rel,
                not_utf8_message(rel, data, exc.start),
                line=line,
                column=column,
                fix=save_as_utf8_fix(rel, data),
                # The plugin's own problem: under "Package", its plugin had a green tick.
                plugin=next((p.key for p in ctx.pkg.plugins if p.source_path == rel), None),
            )
            ctx.svg_cache[key] = None
            return None
        ctx.svg_cache[key] = analyse(data)
    return ctx.svg_cache[key]


def sources(pkg: BrandingPackage) -> list[tuple[Plugin, str]]:
    """(plugin, source path) of every source the checks analyse, each path once, in plugin order."""
    out: list[tuple[Plugin, str]] = []
    done: set[str] = set()
    for plugin in pkg.plugins:
        src = plugin.source_path
        if plugin.package is None or not src or src in done:
            continue
        if not pkg.exists(src) or not_javascript(src):
            continue  # PD305, PD313
        done.add(src)
        out.append((plugin, src))
    return out


def check(pkg: BrandingPackage, ctx: Context) -> None:
    # Each plugin's place in the list (its Fix names it), found once: looked up per plugin, a
    # package of thousands of plugins took time in the square of their number.
    index = {id(p): i for i, p in enumerate(pkg.plugins)}
    found = [(plugin, src, source_info(ctx, src)) for plugin, src in sources(pkg)]
    # What the package's sources put on the page by their top-level names: a plugin may call a
    # function another one of them leaves there (PD523 is not about those).
    shared = {
        n.strip()
        for _p, _s, info in found
        if info is not None
        for names, _l, _c in info.leaks
        for n in names.split(",")
    }
    if any(
        info is not None and (info.unknown_calls or info.unknown_objects or info.lone_names or info.undeclared)
        for _p, _s, info in found
    ):
        # ... and what they put there as window.name = ... (the way a plugin in its own wrapper
        # shares a function); read only when some plugin calls (or, in strict code, gives a value
        # to) a name it does not define.
        for _p, src, info in found:
            if info is not None:
                shared |= globals_written(ctx.pkg.read_bytes(src))
    for plugin, src, info in found:
        if info is not None:
            _check_one(plugin, index.get(id(plugin)), src, info, ctx, shared)


def _near(word: str, choices: tuple[str, ...] | list[str]) -> str | None:
    """The choice ``word`` probably means (a typo of it, or it in another letter case), or None."""
    return _nearest(word, tuple(choices))


@lru_cache(maxsize=4096)
def _nearest(word: str, choices: tuple[str, ...]) -> str | None:
    """:func:`_near`, each answer kept. Why: plugins copied from one another share their slips,
    and the window checks again after every edit; 3,200 unknown API calls in 100 plugins took a
    quarter of a second of each check to match against the API's names, the same names each time."""
    import difflib  # only when something is misspelt: not imported by a clean check

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if not close:
        low = {c.lower(): c for c in choices}
        return low.get(word.lower())
    return close[0]


def _near_event(word: str) -> str | None:
    """The PEX.actions event meant by ``word``, matched by its words first (CHAT_MESSAGE_RECEIVED
    is RECEIVE_CHAT_MESSAGE), then by its letters (a typo); None when the words fit two equally.

    Why: by letters alone CHAT_MESSAGE_RECEIVED was closest to SEND_CHAT_MESSAGE, and the
    one-click fix made the plugin listen to the user's own messages instead of everyone else's.
    """

    def same(a: str, b: str) -> bool:  # RECEIVED and RECEIVE, SENT and SEND, MESAGE and MESSAGE
        n = min(len(a), len(b), 3)
        return n >= 3 and a[:n] == b[:n]

    words = [w for w in word.upper().split("_") if w]
    scores = {a: sum(any(same(w, c) for w in words) for c in a.split("_")) for a in ACTIONS}
    best = max(scores.values())
    top = [a for a, n in scores.items() if n == best]
    if best >= 2 and len(top) == 1:
        return top[0]
    if best >= 1 and len(top) > 1:
        return None  # PARTICIPANT_LEFT: connect or disconnect? Not for a guess to say
    return _near(word, ACTIONS)


def _check_one(
    plugin: Plugin,
    index: int | None,
    src: str,
    info: JsInfo,
    ctx: Context,
    shared: set[str],
) -> None:
    assert plugin.package is not None
    key, name = plugin.key, plugin.display_name

    def report(code: str, message: str, line: int, column: int = 0, fix: Fix | None = None) -> None:
        ctx.report(code, src, message, line=max(line, 1), column=max(column, 1), fix=fix, plugin=key)

    for line, col, what in info.syntax_errors[:5]:
        report(
            "PD500",
            f"The source of '{shortened(name)}' has a JavaScript syntax error here ({what}). The browser rejects the whole "
            "file: the plugin never starts, and the error can bring up the app's 'Oops' page for everyone it is "
            "loaded for, as the Preview shows. Correct it before exporting.",
            line,
            col,
        )
    for var, line, col, word in info.refused_names[:5]:
        v = shortened(var)
        whose = (
            "a value of JavaScript itself"
            if var in ("undefined", "NaN", "Infinity")
            else f"the browser's own window.{v}"
        )
        report(
            "PD529",
            f"The source of '{shortened(name)}' declares '{v}' with {word} here, at the top of the file, outside any "
            f"wrapper function. '{v}' is {whose}, which a script may not declare again there: the browser refuses "
            "the whole file, so the plugin never loads. Give it another name, or put the code inside "
            "(function () { ... })(); where the plugin's names are its own.",
            line,
            col,
        )
    if info.leaks:
        names = ", ".join(f"'{shortened(n)}'" for n, _, _ in info.leaks[:4]) + (", ..." if len(info.leaks) > 4 else "")
        line, col = info.leaks[0][1], info.leaks[0][2]
        if all(n in info.used_wrappers for n, _, _ in info.leaks):
            # var Helpers = (function () {...})(); (function (h) {...})(Helpers);: the rest of the
            # file reads the name, so "remove the 'var ... ='" (below) would break the plugin.
            message = (
                f"The code of '{shortened(name)}' is in wrapper functions, but what one of them returns is kept in "
                f"{names}, declared outside them so that the rest of the code can use it: a global of the whole web "
                "app, which can clash with the app's or another plugin's. Put all of the code inside one more wrapper "
                "function, (function () { ... })();, so that the name is the plugin's own."
            )
        elif all(n in info.named_wrappers for n, _, _ in info.leaks):
            # var meetingInfo = (() => { ... })();: wrapped already, but for the name of its result.
            message = (
                f"The code of '{shortened(name)}' is inside a wrapper function, but what that function returns is kept "
                f"in {names}, declared outside it: a global of the whole web app, which can clash with the app's or another "
                "plugin's. A build tool writes this name for a bundle that exports something (rollup's output.name, "
                "esbuild's --global-name, webpack's output.library): the plugin registers itself, so export nothing and "
                "leave the name out, or remove the 'var ... =' before the wrapper."
            )
        else:
            message = (
                f"The source of '{shortened(name)}' declares {names} outside a wrapper function, so these names leak into "
                "the app and can clash with other plugins. Put the code inside (function () { ... })();"
            )
        report("PD501", message, line, col)
    # (A global another plugin of the package leaves on the page: giving it a value throws nothing.)
    for var, line, col in [u for u in info.undeclared if u[0] not in shared][:5]:
        report(
            "PD521",
            f"The source of '{shortened(name)}' gives '{shortened(var)}' a value here, but declares it nowhere. The code runs in "
            "strict mode ('use strict'), so this line throws a ReferenceError when it runs and the app shows its 'Oops' "
            f"page. Declare it first, for example: var {shortened(var)};",
            line,
            col,
        )
    made = [(line, col, var, True) for var, line, col in info.globals_made if var not in shared]
    needed = [(line, col, var, False) for var, line, col in info.globals_needed if var not in shared]
    for line, col, var, makes in sorted(made + needed)[:5]:
        v = shortened(var)
        if makes:
            why = (
                f"gives '{v}' a value here, but no function around this line declares it, so this creates a global "
                f"variable '{v}' shared with the whole web app and every other plugin. Declare it with let in the "
                f"function that uses it, for example: let {v};"
            )
        else:  # x++, x += 1: read before it is changed, and nothing makes it
            why = (
                f"changes '{v}' here, but declares it nowhere and gives it no first value. Unless another script on "
                f"the page has a global '{v}', this line throws a ReferenceError and the app shows its 'Oops' page; "
                "if one does, the plugin changes that global, shared with the whole web app. Declare it with let in "
                f"the function that uses it, with a first value, for example: let {v} = 0;"
            )
        report("PD524", f"The source of '{shortened(name)}' {why}", line, col)
    for var, line, col in info.globals_replaced[:5]:
        v = shortened(var)
        if var.startswith("on"):  # onload, onresize: the page's handler (no other name of window starts so)
            what = (
                f"so it replaces the page's own {v} handler (window.{v}): a handler the web app put there stops "
                f"running. To react to the event, use window.addEventListener('{v[2:]}', ...) instead; for a "
                f"variable of the plugin's own, declare it: let {v};"
            )
        else:
            what = (
                f"so it does not make a variable of the plugin: it replaces the browser's own window.{v} for the "
                f"whole web app, and whatever in the app uses window.{v} gets the plugin's value and may break. "
                f"Declare it with let in the function that uses it, for example: let {v};"
            )
        report(
            "PD525",
            f"The source of '{shortened(name)}' gives '{v}' a value here without declaring it, {what}",
            line,
            col,
        )
    for var, line, col, strict, by_var in info.read_only_written[:5]:
        v = shortened(var)
        how = (
            f"declares '{v}' with var here, at the top of the file, where that declares nothing, and gives it a value"
            if by_var
            else f"gives '{v}' a value here without declaring it"
        )
        said = (
            f"The source of '{shortened(name)}' {how}, but '{v}' is the browser's own window.{v}, which cannot be "
            "changed"
        )
        advice = (
            "Keep the value in a variable of the plugin's own, declared with let in the function that uses it, "
            f"for example: let my{v[:1].upper()}{v[1:]};"
        )
        if strict:
            report(
                "PD527",
                f"{said}. The code runs in strict mode ('use strict'), so this line throws a TypeError when it runs "
                f"and the app shows its 'Oops' page. {advice}",
                line,
                col,
            )
        else:
            report(
                "PD528",
                f"{said}: the line does nothing (without an error), and '{v}' still holds the browser's own "
                f"afterwards, not the value given here, so the code that reads it goes wrong. {advice}",
                line,
                col,
            )
    for var, line, col, declared, runs, case, exit in info.early_uses[:5]:
        v = shortened(var)
        where = "on this line" if declared == line else f"on line {declared}"
        what = shortened(runs) + "()" if runs else "this function"
        when = "as the plugin loads" if runs == "load" else f"each time {what} runs"
        if case == "skipped" and exit is not None:
            said = (
                f"uses '{v}' here, but its declaration on line {declared} is in an earlier case of the switch, "
                f"which the {exit[1]} on line {exit[0]} ends before this one: the switch comes to this case "
                f"without running that declaration, so this line throws a ReferenceError each time the switch "
                f"comes to this case and the app shows its 'Oops' page. Declare '{v}' above the switch "
                f"(let {v};) and give it its value in the cases that need it."
            )
        elif case == "default":
            said = (
                f"uses '{v}' here, in a parameter's default value, but '{v}' is that parameter or one after it "
                f"(line {declared}): parameters get their values from left to right, so '{v}' has none yet when "
                f"the default runs. Each time {what} is called without a value for that parameter, this throws a "
                f"ReferenceError and the app shows its 'Oops' page. Give the default another value, or put "
                f"'{v}' before it in the list of parameters."
            )
        elif case == "extends":
            said = (
                f"uses '{v}' here, in what the class '{v}' extends, which runs before '{v}' exists: a class cannot "
                f"build on itself, so this line throws a ReferenceError {when} and the app shows its 'Oops' page. "
                f"After extends, name the class that '{v}' builds on (declared above this line), not '{v}' itself."
            )
        elif case == "key":
            said = (
                f"uses '{v}' here, in a member name written in [ ] in the class '{v}' itself. The browser works "
                f"out such names while it makes the class, before '{v}' exists, so declaring the class throws a "
                f"ReferenceError {when} and the app shows its 'Oops' page. Inside the [ ], use a value that exists "
                f"before the class: a text in quotes, or a constant declared above the class."
            )
        elif case:
            said = (
                f"uses '{v}' here, before its declaration {where} has run. Until then '{v}' cannot be used, so "
                "this line throws a ReferenceError each time the switch comes to this case and the app shows its "
                f"'Oops' page. Move the declaration of '{v}' above "
                + ("this line." if case == "case" else "the switch.")
            )
        else:
            said = (
                f"uses '{v}' here, before its declaration {where} has run. Until then '{v}' cannot be used, so "
                f"this line throws a ReferenceError {when} and the app shows its 'Oops' page. Move the declaration "
                f"of '{v}' above this line."
            )
        report("PD526", f"The source of '{shortened(name)}' {said}", line, col)
    for fn, line, col in [c for c in info.unknown_calls if c[0] not in shared][:5]:
        report(
            "PD523",
            f"The source of '{shortened(name)}' calls {shortened(fn)}() here, {_runs(plugin, info, line, col)}, but defines no "
            f"{shortened(fn)} anywhere. Unless another script on the page defines it, this line throws a ReferenceError "
            f"and the app shows its 'Oops' page. Check the spelling, or write function {shortened(fn)}() {{ ... }}.",
            line,
            col,
        )
    for word, line, col, _span in [c for c in info.lone_names if c[0] not in shared][:5]:
        from designer.core.lineends import lone_crs_as_lf  # (the lines JavaScript counts, as ``line`` is)
        from designer.core.snippets import declares_again, find_prefix  # (only with such a word: check starts faster)

        snippet = find_prefix(word)
        if snippet is not None and snippet.place in ("file", "register") and info.registrations:
            # (written there, a second plugin inside the first, registering again each time it ran)
            todo = (
                f" It is the prefix of the snippet '{shortened(snippet.name)}', which registers a plugin, and this file "
                "registers one already: delete the word."
            )
            snippet = None
        elif snippet and (refused := declares_again(snippet, lone_crs_as_lf(ctx.pkg.read_text(src)), line - 1)):
            # (written there, a second state$ beside the first: in a file of const, a syntax error)
            todo = f" It is the prefix of the snippet '{shortened(snippet.name)}', which does not go here: {refused}. Delete the word."
            snippet = None
        elif snippet:
            todo = (
                f" It is the prefix of the snippet '{shortened(snippet.name)}': in the source editor, press Tab just "
                "after it to write the snippet, or delete the word."
            )
        else:
            todo = " Check the spelling, or delete the word."
        report(
            "PD523",
            f"The source of '{shortened(name)}' has the word {shortened(word)} alone on a line here, "
            f"{_runs(plugin, info, line, col)}, but defines no {shortened(word)} anywhere, so this line throws a "
            f"ReferenceError and the app shows its 'Oops' page.{todo}",
            line,
            col,
            fix=Fix(
                "expand-snippet",
                f"Write the {word} snippet",
                {"file": src, "line": line, "column": col, "prefix": word},
                batch=False,
            )
            if snippet
            else None,
        )
    for obj, what, line, col in [c for c in info.unknown_objects if c[0] not in shared][:5]:
        babel = (
            " It is what Babel writes for async functions: bundle regenerator-runtime with the plugin, or "
            "compile for browsers that have async functions."
            if obj == "regeneratorRuntime"
            else ""
        )
        # (the array the snippets keep subscriptions in, their code pasted without it)
        declare, why = _declare_subscriptions_fix(ctx, src, line) if obj == "subscriptions" else (None, "")
        report(
            "PD523",
            f"The source of '{shortened(name)}' calls {shortened(what)}(...) here, {_runs(plugin, info, line, col)}, but defines "
            f"no {shortened(obj)} anywhere. Unless another script on the page defines it, this line throws a "
            f"ReferenceError and the app shows its 'Oops' page.{babel}{why}",
            line,
            col,
            fix=declare,
        )
    # (the package file's id differs while the code agrees with the list: see list_id_fix; asked
    # only then)
    _check_registration(
        plugin,
        src,
        info,
        report,
        lambda: list_id_fix(ctx, index, source_agrees=True) if index is not None else None,
    )
    _check_empty_toolbar_buttons(plugin, info, ctx)
    _check_calls(plugin, index, src, info, report, ctx.pkg)
    _check_network(plugin, info, report)
    _check_example_addresses(plugin, info, report)
    _check_kept_listening(plugin, info, report)
    _check_functions_twice(plugin, info, report)
    _check_icons(plugin, src, info, ctx, report)


def _declare_subscriptions_fix(ctx: Context, src: str, line: int) -> tuple[Fix | None, str]:
    """PD523's 'Declare subscriptions' for ``subscriptions`` used on ``line`` of ``src`` with no
    array, when it can write one (see fixes._declare_subscriptions); else no fix and why, in words
    for the message. Why: in a plugin with no wrapper function the Fix was offered, and the click
    only said it could not."""
    from ..indentation import indent_unit
    from ..lineends import lone_crs_as_lf
    from ..snippets import no_place_for_subscriptions, subscriptions_needed

    fix = Fix("declare-subscriptions", "Declare subscriptions", {"file": src, "line": line}, batch=False)
    try:
        text = ctx.pkg.read_text(src)
    except (OSError, ValueError):
        return fix, ""  # (the fix says what it finds when clicked)
    text = lone_crs_as_lf(text)  # (the lines JavaScript counts, as the fix reads them)
    if subscriptions_needed(text, line - 1, indent_unit(text)):
        return fix, ""
    return None, f" The designer cannot declare it here: {no_place_for_subscriptions(text)}."


def _check_kept_listening(plugin: Plugin, info: JsInfo, report: Report) -> None:
    """PD535: load subscribes to what the app gives it (or to PEX.actions$) and the file never
    unsubscribes, in a plugin users may switch off. Said once, at the first such subscription.

    Why: switched off in the app's settings, the plugin kept running (its handlers still called,
    as the preview's log says after an unload); switched on again, it subscribed a second time and
    each handler ran twice. Only for allowUnload true: otherwise unload never runs."""
    assert plugin.package is not None
    if not info.kept_listening or plugin.package.allow_unload is not True:
        return
    what = list(dict.fromkeys(shortened(w) for w, _line, _col, _kept in info.kept_listening))
    things = _joined(what[:3] + ([f"{len(what) - 3} more"] if len(what) > 3 else []))
    _what, line, col, _kept = info.kept_listening[0]
    if all(kept for *_rest, kept in info.kept_listening):  # (subscriptions.push(x$.subscribe(...)) written)
        todo = "Release what load keeps in unload, for example: subscriptions.forEach(s => s.unsubscribe())."
    else:
        todo = (
            "Keep what subscribe gives back and release it in unload: "
            "subscriptions.push(participants$.subscribe(...)) in load, and "
            "subscriptions.forEach(s => s.unsubscribe()) in unload (the load and unload snippets write it so)."
        )
    report(
        "PD535",
        f"'{shortened(plugin.display_name)}' subscribes to {things} in load, but nothing in its source "
        "unsubscribes: switched off in the app's settings, it keeps listening, and switched on again, each handler "
        f"runs twice. {todo}",
        line,
        col,
    )


def _check_functions_twice(plugin: Plugin, info: JsInfo, report: Report) -> None:
    """PD536: a function written a second time in the same block (two function load). Why: the
    second silently took the first one's place, so the code of the first never ran, while no check
    said anything (with let or const, the same is a syntax error, PD500)."""
    for name, line, col, first in info.functions_twice[:5]:
        report(
            "PD536",
            f"The source of '{shortened(plugin.display_name)}' writes the function {shortened(name)} a second time "
            f"here (the first is on line {first}): the browser keeps only this one, so the code of the one on line "
            f"{first} never runs. Move what it does into one of them and delete the other, or give one another name.",
            line,
            col,
        )


def _runs(plugin: Plugin, info: JsInfo, line: int, col: int) -> str:
    """When the line of an unknown call (PD523) runs, in words: as the plugin loads, or when the
    app calls the registered function it is in (a button pressed, the plugin switched off)."""
    key = info.unknown_when.get((line, col))
    if not key:
        return "as the plugin loads"
    if key == "unload":
        return "as the plugin is switched off"
    labels = [mi.label for _s, _i, mi in plugin.package.items() if mi.action == key] if plugin.package else []
    if labels:
        label = labels[0] if isinstance(labels[0], str) and labels[0].strip() else key
        return f"each time the button '{shortened(label)}' is pressed"
    return f"each time the app calls {shortened(key)} (given to registerPlugin)"


def _no_text(item: Any, key: str) -> bool:
    """Whether a menu item (as JSON) holds something at ``key`` that is neither text nor null."""
    value = item.get(key) if isinstance(item, dict) else None
    return value is not None and not isinstance(value, str)


def _check_empty_toolbar_buttons(plugin: Plugin, info: JsInfo, ctx: Context) -> None:
    """PD309: an item that shows empty, in a plugin whose single registration has no state$.

    A toolbar button without an icon (its label is only the hover tip); a conference or
    participant menu item with neither icon nor label. Null means "set at run time through
    state$" (SPEC 2), so without state$ nothing ever fills them in.
    """
    assert plugin.package is not None
    regs = info.registrations
    keys = regs[0].keys if len(regs) == 1 else None
    if keys is None or "state$" in keys or not plugin.package_path:
        return  # no single registration we can read: nothing can be said
    name = plugin.display_name
    for sec, i, mi in plugin.package.items():
        raw = mi.to_json()
        if not isinstance(raw, dict):
            continue  # (not an item at all: PD102 says so)
        keys_given = set(raw)
        where = "conference menu" if sec == "conference" else "participant menu"
        fix = None
        if sec == "toolbar" and not mi.icon and not _no_text(raw, "icon"):  # ("icon": 5: PD102 says so)
            code, part = "PD309", "icon"
            message = (
                f"Toolbar button {i + 1} of '{shortened(name)}' has no icon, and the code registers no state$ to set one "
                "while it runs, so the button shows empty (its label is only the hover tip). Choose an icon."
            )
            # (only over an icon written empty: one under a misspelt key, "Icon", is PD312's to bring back)
            fix = _first_icon_fix(ctx.pkg, plugin, sec, i) if "icon" in raw else None
        elif sec != "toolbar" and mi.icon and mi.label is None:
            code, part = "PD310", "label"
            message = (
                f"Item {i + 1} in the {where} of '{shortened(name)}' has no label, and the code registers no state$ to set one "
                "while it runs, so the menu shows it with no words. Give it a label."
            )
        elif sec != "toolbar" and not mi.icon and not mi.label and keys_given & {"icon", "label"}:
            # (With neither key written, PD308 already says the item shows empty.)
            code, part = "PD309", "label"
            message = (
                f"Item {i + 1} in the {where} of '{shortened(name)}' has neither icon nor label, and the code registers no "
                "state$ to set them while it runs, so it shows empty. Give it a label (or an icon)."
            )
        else:
            continue
        pointer = f"/menuItems/{sec}/{i}" + (f"/{part}" if part in keys_given else "")
        if fix is not None:  # (PD309's, named so: the registry of fixable codes is read from the calls)
            ctx.report("PD309", plugin.package_path, message, pointer, fix=fix, plugin=plugin.key)
        else:
            ctx.report(code, plugin.package_path, message, pointer, plugin=plugin.key)


def _idle_item_fix(plugin: Plugin, keys: dict[str, Any], actions: list[str], broken: bool) -> tuple[Fix | None, int]:
    """PD507's Fix when the plugin has one item with no action and one registered key no item runs:
    the item runs that key (and the item's number, 1-based). Why: PD306 said "has no action" and
    PD507 "no menu item uses it" of the two halves of one slip, neither with a way out."""
    unused = [
        k
        for k in keys.values()
        if k.name not in _BASE_KEYS and k.name not in actions and not unreadable_at_registration(k.missing)
    ]
    assert plugin.package is not None
    idle = [(i, mi) for _s, i, mi in plugin.package.items() if not mi.action and isinstance(mi.to_json(), dict)]
    if broken or len(unused) != 1 or len(idle) != 1 or not is_identifier(unused[0].name) or not plugin.package_path:
        return None, 0
    i, mi = idle[0]
    args = {"package": plugin.package_path, "old": mi.action, "new": unused[0].name}
    return Fix("set-item-action", f"Make menu item {i + 1} run '{shortened(unused[0].name)}'", args), i + 1


def _first_icon_fix(pkg: BrandingPackage, plugin: Plugin, sec: str, i: int) -> Fix | None:
    """PD309's Fix for a toolbar button with no icon: the plugin's first icon, as PD102's Fix gives
    an item whose icon is no reference (a button is only its icon). Why: the message said "Choose
    an icon" with no way to, while the plugin's folder holds one (which PD406 offered to delete)."""
    from designer.core.iconrefs import icon_choices

    choices = icon_choices(pkg, plugin)
    if not choices:
        return None
    where = {"plugin": pkg.plugins.index(plugin), "section": sec, "item": i, "value": choices[0]}
    return Fix("set-icon-ref", f"Use '{shortened(choices[0])}'", where)


def _check_registration(
    plugin: Plugin, src: str, info: JsInfo, report: Report, list_fix: Callable[[], Fix | None] = lambda: None
) -> None:
    """PD502-PD504 and the actions' keys. ``list_fix``: the fix giving the plugin's package file its
    settings.json id (see :func:`~designer.core.checks.settings.list_id_fix`), for a source that
    agrees with the list."""
    assert plugin.package is not None
    name = plugin.display_name
    regs = info.registrations
    if not regs:
        if not info.syntax_errors:
            report(
                "PD502",
                f"The source of '{shortened(name)}' never calls PEX.pluginAPI.registerPlugin({{...}}), so the app never learns "
                "about the plugin and its menu items do nothing.",
                1,
            )
        return
    if all(r.unreached for r in regs):
        at, fn = regs[0].unreached or (0, "")
        if fn:
            where = f"only inside the function {shortened(fn)} (line {at}), which nothing in the file calls"
            todo = f"Call {shortened(fn)}() or move registerPlugin out of it."
        else:
            where = f"inside the wrapper function that starts on line {at}, which never runs (it lacks the () that calls it)"
            todo = "Add () after its closing }, as in (function () { ... })();"
        report(
            "PD502",
            f"The source of '{shortened(name)}' calls PEX.pluginAPI.registerPlugin {where}, so the plugin never registers "
            f"and its menu items do nothing. {todo}",
            regs[0].line,
            regs[0].column,
        )
        return
    if all(r.unreached or r.cut_off for r in regs):
        first = next(r for r in regs if r.cut_off)
        assert first.cut_off is not None
        at, what = first.cut_off
        where, todo = {
            "return": (f"below the return on line {at}, which leaves the function first", f"Move it above line {at}."),
            "throw": (f"below the throw on line {at}, which stops the code first", f"Move it above line {at}."),
            "if": (
                f"inside the if on line {at}, whose condition is always false",
                "Remove that if around it, or give it a condition that can be true.",
            ),
        }[what]
        report(
            "PD502",
            f"The source of '{shortened(name)}' calls PEX.pluginAPI.registerPlugin {where}, so registerPlugin never runs, "
            f"the plugin never registers and its menu items do nothing. {todo}",
            first.line,
            first.column,
        )
        return
    if len(regs) > 1:
        for r in regs[1:]:
            report(
                "PD503",
                f"The source of '{shortened(name)}' calls registerPlugin again here (first on line {regs[0].line}); register "
                "the plugin once.",
                r.line,
                r.column,
            )
        return
    reg = regs[0]
    pkg_id = plugin.package.id
    # (Said even when the other keys cannot be read: the id written in the object is the one
    # the app gets, and with another one the buttons do nothing.)
    id_differs = bool(pkg_id and reg.id_value is not None and reg.id_value != pkg_id)
    if id_differs:
        report(
            "PD504",
            f"registerPlugin in '{shortened(name)}' uses the id '{shortened(reg.id_value)}' but the package file says '{shortened(pkg_id)}'. They must "
            "match, or the app does not connect the buttons to this code." + spelt_alike(reg.id_value, pkg_id),
            reg.id_line,
            reg.id_column,
            (list_fix() if reg.id_value == plugin.entry.id else None)
            or Fix(
                "set-register-id",
                f"Change the id in the source to '{shortened(pkg_id)}'",
                {"file": src, "value": pkg_id},
            ),
        )
    if reg.keys is None and reg.known_keys is not None:
        _check_partly_written(plugin, reg, reg.known_keys, bool(info.syntax_errors), report)
        return
    if reg.keys is None:
        report(
            "PD519",
            f"registerPlugin in '{shortened(name)}' is not given an object written out as {{ id: ..., load: load, ... }} "
            "(or part of it is spread in with ...), so the designer cannot check which actions are registered.",
            reg.line,
            reg.column,
        )
        return
    keys = reg.keys
    if not id_differs and pkg_id and "id" not in keys and not reg.damaged:
        report(
            "PD504",
            f"registerPlugin in '{shortened(name)}' has no id; it must be '{shortened(pkg_id)}' like the package file.",
            reg.line,
            reg.column,
            Fix("add-registered-key", f"Add id: '{shortened(pkg_id)}'", {"file": src, "key": "id", "string": pkg_id}),
        )
    # Each action once, in the items' order; a dict, not a list: asking a list whether it holds an
    # action read it all, and 6,000 menu items, each with its own action, took seconds.
    actions: dict[str, None] = {}
    for _sec, _i, mi in plugin.package.items():
        if mi.action:
            actions.setdefault(mi.action)
    for fn in ("load", "unload"):
        if fn in keys or reg.damaged:
            continue
        if fn in info.functions:
            fix = Fix(
                "add-registered-key", f"Register the existing function {fn}", {"file": src, "key": fn, "value": fn}
            )
        else:
            fix = Fix("add-registered-key", f"Add an empty {fn} function", {"file": src, "key": fn, "value": None})
        when = "starts" if fn == "load" else "is switched off"
        report(
            "PD508",
            f"registerPlugin in '{shortened(name)}' has no '{shortened(fn)}'. The app calls it when the plugin {when}; without it the app "
            "shows its 'Oops' page.",
            reg.line,
            reg.column,
            fix,
        )
    # Whether a registered value is "surely no function" (k.missing) is read from the tree; a syntax
    # error can swallow the definitions into its own broken part, and what the tree then seems to
    # say ("defined only inside another block") is not so. PD500 is the problem to fix first.
    broken = bool(info.syntax_errors)
    for fn in ("load", "unload"):
        k = keys.get(fn)
        if k is not None and k.missing and not broken:
            report(
                "PD520",
                f"{_registered_as(fn, k, name)}. The app calls {fn} when the plugin "
                f"{'starts' if fn == 'load' else 'is switched off'}; this throws and shows the 'Oops' page.",
                k.value_line,
                k.value_column,
            )
    for action in actions:
        k = keys.get(action)
        if k is None and reg.damaged:
            continue  # it may be among the entries the syntax error hides
        if k is None:
            # Not a key another item runs: 'tone2' beside the 'tone1' of the button before it is
            # an action of its own, not a typo of that one (it was asked "Did you mean 'tone1'?",
            # with no Fix).
            near = _near(action, [x for x in keys if x not in _BASE_KEYS and x not in actions])
            hint = f" Did you mean '{shortened(near)}'?" if near else ""
            fix = None
            if near and not is_identifier(action) and plugin.package_path:
                # ("record()", " record ": no name a function can have) The item's is the mistyped
                # one: it takes the code's; "Did you mean 'record'?" had no Fix.
                fix = Fix(
                    "set-item-action",
                    f"Use '{shortened(near)}'",
                    {"package": plugin.package_path, "old": action, "new": near},
                )
            elif near and is_identifier(action):
                # A misspelt key (openHelpPag): renamed in place, the typo does not stay behind.
                # The new name last: a Fix button too narrow for the title keeps its last quoted
                # name whole, and "Rename 'toggleLok' to … in registerPlugin" had cut it out.
                fix = Fix(
                    "rename-registered-key",
                    # (two names that look the same: "Rename 'récord' … to 'récord'" told nothing)
                    "Rename it in registerPlugin to the item's spelling"
                    if spelt_alike(near, action)
                    else f"Rename '{shortened(near)}' in registerPlugin to '{shortened(action)}'",
                    {"file": src, "old": near, "new": action},
                )
            elif action in info.functions:
                fix = Fix(
                    "add-registered-key",
                    register_function_title(shortened(action)),
                    {"file": src, "key": action, "value": action},
                )
            # What the form's "Create function" does; not for a typo (near): the answer is the
            # user's (renaming), not a new function.
            elif is_identifier(action) and not near:
                fix = Fix(
                    "create-action",
                    create_function_title(shortened(action)),
                    {"file": src, "action": action, "placement": plugin.package.section},
                )
            if fix is not None and fix.kind == "rename-registered-key":
                # Not "Did you mean 'toggleLock'?": the Fix renames the code's key to the item's
                # action, the other way round, and with a typo in the item's action it made the
                # code take the typo. Either can be the mistyped one; both ways are said.
                hint = (
                    f" registerPlugin has '{shortened(near)}'.{spelt_alike(near, action)} Rename it in registerPlugin "
                    "to the item's spelling."
                    if spelt_alike(near, action)
                    else f" registerPlugin has '{shortened(near)}', spelt nearly the same: one of the two is mistyped. "
                    f"Rename it in registerPlugin to '{shortened(action)}', or choose '{shortened(near)}' as the "
                    "item's action."
                )
            report(
                "PD505",
                f"A menu item of '{shortened(name)}' runs '{shortened(action)}', but registerPlugin has no "
                f"'{shortened(action)}', so {missing_action_effect()}."
                + (
                    hint
                    if fix is not None and fix.kind in ("rename-registered-key", "set-item-action")
                    else f" The function {shortened(action)} exists: add it to registerPlugin."
                    if action in info.functions
                    else hint
                ),
                reg.line,
                reg.column,
                fix,
            )
            continue
        if k.kind == "function":
            continue
        if k.kind == "identifier" and k.value in info.functions and not k.missing:
            continue
        if k.missing and broken:
            continue
        if k.missing:
            report(
                "PD506",
                f"{_registered_as(action, k, name, 'the menu action ')}; " + registered_value_effect(k.missing) + ".",
                k.value_line,
                k.value_column,
            )
            continue
        # Anything else (a global made with window.x = ..., impl.toggle, f.bind(this), a
        # conditional) may well be a function when the item is clicked: said only when the file
        # proves otherwise (k.missing above), as for load and unload; a false alarm teaches users
        # to ignore the checker.
    if actions or plugin.package.menu_items:
        for k in keys.values():
            if k.name in _BASE_KEYS or k.name in actions:
                continue
            if unreadable_at_registration(k.missing) and not broken:
                # Used by no item, but still read as registerPlugin's object is built: a name the
                # file never makes (``onClick: onClick`` left from the register snippet) throws
                # there, and the plugin fails as the app loads it. It was only PD507's note.
                report(
                    "PD506",
                    f"{_registered_as(k.name, k, name)}; " + registered_value_effect(k.missing) + ".",
                    k.value_line,
                    k.value_column,
                )
                continue
            fix, idle = _idle_item_fix(plugin, keys, actions, broken)
            report(
                "PD507",
                f"registerPlugin in '{shortened(name)}' registers '{shortened(k.name)}', but no menu item uses it. "
                + (
                    f"Menu item {idle} has no action: make it run '{shortened(k.name)}'."
                    if fix is not None
                    else "If a menu item should run it, choose it as that item's action."
                ),
                k.line,
                k.column,
                fix,
            )
    creates = [c for c in info.calls if c.member == "createNewState" and c.called]
    if creates and "state$" not in keys and not reg.damaged:
        c = creates[0]
        fix = None
        if c.assigned_to:
            fix = Fix(
                "add-registered-key",
                f"Register {c.assigned_to} as state$",
                {"file": src, "key": "state$", "value": c.assigned_to},
            )
        report(
            "PD509",
            f"'{shortened(name)}' creates a state (createNewState) but does not pass it to registerPlugin as state$, so its icon "
            "and label never change.",
            c.line,
            c.column,
            fix,
        )
    elif "state$" in keys and not creates:
        k = keys["state$"]
        report(
            "PD510",
            f"registerPlugin in '{shortened(name)}' passes state$, but the source never creates it with "
            "PEX.pluginAPI.createNewState({}); the app fails when it listens to it.",
            k.line,
            k.column,
        )


def _check_partly_written(
    plugin: Plugin, reg: Registration, known: dict[str, Key], broken: bool, report: Report
) -> None:
    """registerPlugin given an object made of parts some of which the file does not write out
    (``Object.assign(base, {...})``, ``{ ...base, ... }``, ``base`` a parameter): the values of the keys written out are
    checked (PD520, PD506), and PD519 says which of what the app calls (load, unload, the items'
    actions) are written out, and which may only be in the other parts.

    Why: it was PD519's "not given an object written out", with nothing checked, so a key
    written out with a name defined nowhere (``record: recrod``) passed, though it throws."""
    assert plugin.package is not None
    name = plugin.display_name
    for k in known.values():
        if k.name == "id" or not k.missing or broken:
            continue
        if k.name in ("load", "unload"):
            report(
                "PD520",
                f"{_registered_as(k.name, k, name)}. The app calls {k.name} when the plugin "
                f"{'starts' if k.name == 'load' else 'is switched off'}; this throws and shows the 'Oops' page.",
                k.value_line,
                k.value_column,
            )
        else:
            report(
                "PD506",
                f"{_registered_as(k.name, k, name)}; " + registered_value_effect(k.missing) + ".",
                k.value_line,
                k.value_column,
            )
    needed = dict.fromkeys(["load", "unload"] + [mi.action for _s, _i, mi in plugin.package.items() if mi.action])
    unsure = [f"'{shortened(n)}'" for n in needed if n not in known]
    parts = ", ".join(shortened(p, 40) for p in reg.unknown_parts)
    written = ", ".join(shortened(n) for n in known) or "none"
    tail = (
        f"it cannot tell whether {_joined(unsure)}, which the app calls, are among the others: make sure they are, or "
        "write them out here"
        if unsure
        else "load, unload and every menu action are among them, so nothing the app calls is left unchecked"
    )
    report(
        "PD519",
        f"registerPlugin in '{shortened(name)}' gets part of its object from {parts}, whose keys are known only when the "
        f"plugin runs. The designer checked the keys written out in the file ({written}); {tail}.",
        reg.line,
        reg.column,
    )


def _registered_as(key: str, k: Key, name: str, what: str = "") -> str:
    """The start of PD520's and PD506's sentence: registered ``key`` of plugin ``name`` and why
    its value ``k`` is no function (``k.missing``), naming the key once when the value has its name.

    Why: 'load: load' and 'record: record' (the usual way to write it) said the name twice:
    "'load' in the registerPlugin call … is 'load', which …", "the menu action 'record' … is
    registered as 'record', which …". ``what`` says what the key is ("the menu action ").
    """
    why = _not_a_function(k)
    if k.value == key and why.startswith(f"'{shortened(key)}'"):
        return f"The registerPlugin call of '{shortened(name)}' registers {what}{why}"
    return f"{what[:1].upper()}{what[1:]}'{shortened(key)}' in the registerPlugin call of '{shortened(name)}' is {why}"


def _not_a_function(k: Key) -> str:
    """Why the registered value of ``k`` is no function when registerPlugin runs (``k.missing``)."""
    v, at = k.value, k.missing_line
    holder, _, member = (v or "").rpartition(".")  # "no-member": Plugin.recrod
    why = {
        "nowhere": f"'{shortened(v)}', which is not defined anywhere in this file",
        "scope": f"'{shortened(v)}', which is defined only inside another function or block (line {at}) that cannot be seen "
        "from the registerPlugin call",
        "const": f"'{shortened(v)}', which is declared with const only after the registerPlugin call (line {at}); reading it "
        f"before that is a ReferenceError. Move registerPlugin after it, or write function {v}() {{...}}",
        "let": f"'{shortened(v)}', which is declared with let only after the registerPlugin call (line {at}); reading it before "
        "that is a ReferenceError. Move registerPlugin after it",
        "class": f"'{shortened(v)}', a class declared only after the registerPlugin call (line {at})",
        "var": f"'{shortened(v)}', which gets its value only after the registerPlugin call (var on line {at}), so it is still "
        f"undefined when registered. Move registerPlugin after it, or write function {v}() {{...}}",
        "assignment": f"'{shortened(v)}', which is assigned only after the registerPlugin call (line {at}), so it does not exist "
        "yet when registered. Move registerPlugin after it",
        "value": f"'{shortened(v)}', which holds a value that is not a function (line {at})",
        "no-member": f"'{shortened(v)}', which is undefined: the object {shortened(holder)} made on line {at} has no "
        f"'{shortened(member)}'",
        "overwritten": f"{k.missing_what or 'a value'}: line {at} sets '{shortened(v)}' to it before registerPlugin runs, and "
        f"that replaces the function {v} (a function is made before any line of the code around it runs). Give "
        "the function or the variable another name",
    }.get(k.missing or "")
    return why or f"{k.missing}, not a function"


def _check_calls(
    plugin: Plugin, index: int | None, src: str, info: JsInfo, report: Report, pkg: BrandingPackage
) -> None:
    assert plugin.package is not None
    name = plugin.display_name
    roles = plugin.package.participant_roles or []
    for_guests = "guest" in roles
    host_only: list[tuple[int, int, str, str]] = []  # (line, column, what it asks, the request) for PD517
    # The file's bytes, for the Fixes of PD532: read once (a read for each: 20,000 slips in a 1 MB
    # file added 3 seconds to the checks), and only when a slip has one.
    data: list[bytes | None] = []
    given_a_participant = _participant_menu_functions(plugin, info)
    for c in info.calls:
        if c.member not in API_MEMBERS:
            near = _near(c.member, API_MEMBERS)
            fix = None
            if near and c.span != (0, 0):  # (no span: no name that can be renamed in place)
                fix = Fix(
                    "rename-api-member",
                    f"Use {near}",
                    {"file": src, "line": c.line, "column": c.column, "old": c.member, "new": near},
                )
            report(
                "PD511",
                f"'{shortened(name)}' uses PEX.pluginAPI.{shortened(c.member)}, which the app does not have; calling it brings up the "
                f"'Oops' page." + (f" Did you mean {near}?" if near else ""),
                c.line,
                c.column,
                fix,
            )
            continue
        if c.member == "changeConferenceLayout":
            # (The preview's wording, imported only to say it: a clean check never loads the preview's module.)
            from designer.core.preview import old_layout_call

            report(
                "PD512",
                f"'{shortened(name)}' {old_layout_call()}.",  # the preview log's words too
                c.line,
                c.column,
            )
        if c.member == "transformConferenceLayout" and c.layout:
            for value in c.layout:
                if DYN in value or value in LAYOUTS:
                    continue
                from designer.core.preview import unknown_layout

                line, column = c.given_at.get(value, (c.line, c.column))  # (a helper's caller: where it is written)
                report(
                    "PD513",
                    f"'{shortened(name)}' {unknown_layout(shortened(value))}.",  # the preview log's words too
                    line,
                    column,
                )
        if c.shape is not None and c.called:
            for slip, repair in _argument_slips(c, given_a_participant):
                fix = None
                if repair is not None:
                    if not data:
                        data.append(_source_bytes(pkg, src))
                    fix = _argument_fix(data[0], src, c, *repair)
                report("PD532", f"'{shortened(name)}' {slip}", c.line, c.column, fix)
            # (close$ only: the one member of the dialog the guide names; others are not known to be the dialog's.)
            if c.member == "openTemplateDialog" and c.result_member == "close$":
                member = "close$"
                report(
                    "PD533",
                    f"'{shortened(name)}' reads {member} straight from what openTemplateDialog gives back, but that is a "
                    f"promise of the dialog, not the dialog: {member} is undefined there, and using it throws an error that "
                    f"brings up the 'Oops' page. Wait for the dialog: openTemplateDialog({{...}}).then(dialogRef => "
                    f"dialogRef.{member}...).",
                    c.line,
                    c.column,
                )
        if for_guests and c.member in HOST_ONLY_API and c.called:
            host_only.append((c.line, c.column, HOST_ONLY_API[c.member], request_named(c.member)))
        if c.member == "sendRequest" and c.called and c.args:
            _whole_participant_in_path(name, c, given_a_participant, report)
            asked = _check_request(name, c.args[0], c.line, c.column, report, c.given_at)
            if for_guests:
                host_only.extend((c.line, c.column, what, request) for request, what in asked)
    # A member also used without reading from it (if (PEX.version), PEX.x || ...) is looked for first.
    looked_for = {member for member, _, _, read in info.pex_members if not read}
    for member, line, col, read in info.pex_members:
        near = _pex_member_meant(member)
        if near is None:
            if read and member not in looked_for:
                _unknown_pex_member(name, member, line, col, report)
            continue  # not a slip of a name the app has: maybe something newer, nothing sure to say
        report(
            "PD522",
            f"'{shortened(name)}' uses PEX.{shortened(member)}, which the app does not have, so reading anything from it "
            f"throws an error and brings up the 'Oops' page. Did you mean PEX.{near}?",
            line,
            col,
        )
    for action, line, col in info.actions:
        if action in ACTIONS:
            continue
        near = _near_event(action)
        fix = None
        if near:
            args = {"file": src, "line": line, "column": col, "old": action, "new": near}
            fix = Fix("rename-pex-action", f"Use PEX.actions.{near}", args)
        report(
            "PD514",
            f"'{shortened(name)}' listens to PEX.actions.{shortened(action)}, which does not exist, so it never hears anything."
            + (f" Did you mean {near}?" if near else f" Known events: {', '.join(ACTIONS)}."),
            line,
            col,
            fix,
        )
    if host_only:
        _report_host_only(plugin, index, roles, host_only, report)


def _participant_menu_functions(plugin: Plugin, info: JsInfo) -> set[str]:
    """The names of the functions the participant menu's items run: the app gives each the
    participant it was opened on, a whole participant (the guide: "the current participant
    properties"), not a uuid. The item's action itself, and the function its registered key names."""
    items = ((plugin.package.menu_items if plugin.package else None) or {}).get("participants") or []
    actions = {mi.action for mi in items if mi.action}
    names = set(actions)
    for reg in info.registrations:
        for action in actions:
            k = (reg.keys or {}).get(action)
            if k is not None and k.kind == "identifier" and k.value:
                names.add(k.value)
    return names


def _a_participant(param: tuple[str, int, bool, str, int, int], given_a_participant: set[str]) -> bool:
    """Whether a parameter (see Call.uuid_params) surely holds a whole participant: its function
    reads .uuid of it, or it is the first parameter of a function the participant menu runs."""
    function, index, reads_uuid = param[:3]
    return reads_uuid or (index == 0 and function in given_a_participant)


def _whole_participant_in_path(name: str, c: Call, given_a_participant: set[str], report: Report) -> None:
    """PD516 for a participant joined whole into a request path ('/participants/' + participant +
    '/mute'): the path holds '[object Object]' where the uuid goes, and the request fails."""
    for param in c.uuid_params:
        if not _a_participant(param, given_a_participant):
            continue
        p, line, column = param[3:]
        report(
            "PD516",
            f"'{shortened(name)}' puts {shortened(p)}, which is the whole participant, in a request path where its uuid "
            f"goes: the path holds '[object Object]' there instead, so the request fails. Write {shortened(p)}.uuid there.",
            line,
            column,
        )


# The functions that take a participant's uuid (the guide's words), and what happens without it.
_TAKES_UUID = {
    "spotlightOnParticipant": "nobody is spotlighted",
    "spotlightOffParticipant": "the spotlight stays",
    "disconnectParticipant": "nobody is disconnected",
}


# How a PD532 slip is repaired in place: the argument's number and what becomes of its text.
_Repair = tuple[int, str]


def _source_bytes(pkg: BrandingPackage, src: str) -> bytes | None:
    """The bytes of ``src`` as the checks see them; None when they cannot be read now."""
    try:
        return pkg.read_bytes(src)
    except OSError:
        return None


def _argument_fix(data: bytes | None, src: str, c: Call, index: int, how: str) -> Fix | None:
    """The Fix of a PD532 slip: argument ``index`` of the call ``c`` in the file ``src`` (``data``:
    its bytes) written again (``how``: "wrap-layout" puts a layout's text in {layout: ...}, "uuid"
    gives a participant's uuid for the participant, "lowercase" writes a protocol's text in small letters). None when the file's text there is not
    what the analysis saw."""
    if data is None or index >= len(c.arg_spans):
        return None
    start, end = c.arg_spans[index]
    try:
        old = data[start:end].decode("utf-8")
    except UnicodeDecodeError:
        return None
    if how == "wrap-layout":
        new, title = f"{{layout: {old}}}", f"Write {{layout: {shortened(old)}}}"
    elif how == "uuid":
        new, title = f"{old}.uuid", f"Use {shortened(old)}.uuid"
    else:
        new = old.lower()
        if new[1:-1] not in DIAL_PROTOCOLS:  # (written with escapes: left to the user)
            return None
        title = f"Use {shortened(new)}"
    # ("argument", not "index": a fix's "index" is a plugin's entry, see fixes._touches)
    args = {
        "file": src,
        "line": c.line,
        "column": c.column,
        "member": c.member,
        "argument": index,
        "old": old,
        "new": new,
    }
    return Fix("set-call-argument", title, args)


def _argument_slips(c: Call, given_a_participant: set[str] = frozenset()) -> list[tuple[str, _Repair | None]]:
    """PD532: what is wrong with the arguments of one call whose arguments the guide describes,
    each as the end of a sentence that starts with the plugin's name, and how a Fix repairs it
    when the file spells out what was meant (a layout written as a text, a protocol in capitals).

    Why only these: the guide (and SPEC 4) say what openTemplateDialog, transformConferenceLayout,
    the DTMF request, dialOut, the spotlight and disconnect functions and sendChatMessage take; given something else they do nothing, and nothing says so.
    Only what the file spells out is judged: a value known only at run time is no slip.
    """
    shape = c.shape or []
    first = shape[0][0] if shape else None
    if c.member == "openTemplateDialog":
        if first is None:
            return [
                (
                    "opens a dialog with nothing in it: openTemplateDialog takes the dialog's title and its HTML, "
                    "openTemplateDialog({title: 'Title', body: '<p>...</p>'}).",
                    None,
                )
            ]
        if first == "string":
            return [
                (
                    "gives openTemplateDialog a text, but it takes an object holding the dialog's title and its "
                    "HTML, so the dialog has neither. Write openTemplateDialog({title: 'Title', body: '<p>...</p>'}).",
                    None,
                )
            ]
    elif c.member == "transformConferenceLayout" and first == "string":
        shown = next((v for v in c.args[0] if DYN not in v), "...") if c.args else "..."
        return [
            (
                f"gives transformConferenceLayout the text '{shortened(shown)}', but it takes an object, so the "
                f"layout does not change. Write transformConferenceLayout({{layout: '{shortened(shown)}'}}).",
                (0, "wrap-layout"),
            )
        ]
    elif c.member == "sendRequest" and c.args and first != "name":  # (see dialOut below)
        dtmf = [p for p in c.args[0] if classify_request(p) == ("participant", "dtmf")]
        if dtmf:
            shown = shortened(dtmf[0].replace(DYN, "…"))
            if len(shape) < 2:
                return [
                    (
                        f"sends {shown} without the tones to send, so the request fails. Give them as a second "
                        "argument: sendRequest(path, {digits: '1234'}).",
                        None,
                    )
                ]
            keys = shape[1][1]
            if shape[1][0] == "object" and keys is not None and "digits" not in keys:
                return [
                    (
                        f"sends {shown} with no 'digits' in what it gives, so no tone is sent. Name the tones "
                        "digits: sendRequest(path, {digits: '1234'}).",
                        None,
                    )
                ]
    elif c.member in _TAKES_UUID:
        if first is None:
            return [
                (
                    f"calls {c.member} without saying whom: it takes the participant's uuid, "
                    f"{c.member}(participant.uuid), so {_TAKES_UUID[c.member]}.",
                    None,
                )
            ]
        if first == "object":
            return [
                (
                    f"gives {c.member} an object, but it takes the participant's uuid, "
                    f"{c.member}(participant.uuid), so {_TAKES_UUID[c.member]}.",
                    None,
                )
            ]
        whole = next((p for p in c.uuid_params if _a_participant(p, given_a_participant)), None)
        if first == "name" and whole is not None:
            p = shortened(whole[3])
            return [
                (
                    f"gives {c.member} {p}, which is the whole participant, but it takes the participant's uuid, "
                    f"{c.member}({p}.uuid), so {_TAKES_UUID[c.member]}.",
                    (0, "uuid"),
                )
            ]
    elif c.member == "sendChatMessage" and first is None:
        return [
            (
                "calls sendChatMessage without the message, so nothing is sent. Give the text: "
                "sendChatMessage('Here is some chat').",
                None,
            )
        ]
    elif c.member == "dialOut" and len(c.args) > 1 and not (len(shape) > 1 and shape[1][0] == "name"):
        # (a variable of the protocol's: its value where it is read, not one of that name elsewhere)
        wrong = [v for v in c.args[1] if DYN not in v and v not in DIAL_PROTOCOLS]
        if wrong:
            # 'SIP' written out in the call: the same protocol in small letters (Infinity knows those only)
            written = len(shape) > 1 and shape[1][0] == "string" and len(c.args[1]) == 1
            repair: _Repair | None = (1, "lowercase") if written and wrong[0].lower() in DIAL_PROTOCOLS else None
            return [
                (
                    f"dials out with the protocol '{shortened(wrong[0])}', which Infinity does not know, so nobody "
                    f"is called. Use 'auto' (Infinity chooses), or one of "
                    f"{', '.join(repr(p) for p in DIAL_PROTOCOLS[1:])}.",
                    repair,
                )
            ]
    return []


def _joined(items: list[str]) -> str:
    """'a' or 'a and b' or 'a, b and c'."""
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else items[0]


_MOST_LINES = 20  # lines a message names; the rest are counted (see _lines_wording)


def _lines_wording(at: list[int]) -> str:
    """'line 5' or 'lines 5 and 9' or 'lines 5, 7 and 9'; past _MOST_LINES, the first ones and how
    many more ('lines 5, 7, ..., 60 and 19,980 more lines'): a source making one request 20,000 times
    had all its lines in one message of 130 KB."""
    if len(at) > _MOST_LINES:
        return "lines " + ", ".join(str(n) for n in at[:_MOST_LINES]) + f" and {len(at) - _MOST_LINES:,} more lines"
    return ("line " if len(at) == 1 else "lines ") + _joined([str(n) for n in at])


def _report_host_only(
    plugin: Plugin, index: int | None, roles: list[str], uses: list[tuple[int, int, str, str]], report: Report
) -> None:
    """PD517 once per plugin, naming every host-only request and its line.

    Why once: the answer (offer the plugin to hosts only) is the same for all of them, and a
    plugin that locks and mutes showed the same warning twice, which read as two problems. The
    first use is the location; the others are named with their lines so none is lost.
    """
    uses = sorted(uses)
    first_line, first_col = uses[0][:2]
    lines: dict[tuple[str, str], list[int]] = {}  # the same request made twice is named once, with both lines
    for line, _, what, request in uses:
        at = lines.setdefault((what, request), [])
        if not at or at[-1] != line:  # (sorted: a line twice comes twice in a row; a search of all was
            at.append(line)  # 20,000 requests' worth of comparisons for each, 8 s for a 0.8 MB source)
    # In the words the preview's log and simulate use for the refusal itself (see hostonly).
    refused = refused_for_guests(
        [refused_item(request, refusal(what), _lines_wording(at)) for (what, request), at in lines.items()]
    )
    name = shortened(plugin.display_name)
    fix = None
    others = [r for r in roles if r != "guest"]
    if others:
        advice = "Offer the plugin to hosts only (untick Guests under 'Available to'), or hide the item from guests."
        if index is not None:
            fix = Fix("make-hosts-only", "Offer it to hosts only", {"plugin": index})
    else:
        # Guests alone: unticking Guests would leave it for nobody (another error), so the way
        # out is to give it to hosts instead. Only when asked (not in check --fix's sweep):
        # who gets the plugin changes completely.
        advice = (
            "Offer it to hosts instead (tick Hosts and untick Guests under 'Available to'), or take "
            f"{'this request' if len(uses) == 1 else 'these requests'} out of the plugin."
        )
        if index is not None:
            fix = Fix("make-hosts-only", "Offer it to hosts instead", {"plugin": index}, batch=False)
    report(
        "PD517",
        f"'{name}' is offered to guests, but asks what only hosts may do. {refused}. {advice}",
        first_line,
        first_col,
        fix,
    )


def _meant_request(path: str) -> str | None:
    """The known request a misspelt path was probably meant to be, written as code, or None.

    Why: the vendor's guide itself writes sendRequest('/muteguest') for /muteguests; listing every
    known request left the reader to spot a one-letter difference.
    """
    segs = path.split("?", 1)[0].strip("/").split("/")
    if len(segs) == 1 and DYN not in segs[0]:
        near = _slip_from(segs[0], CONFERENCE_REQUESTS)
        return f"'/{near}'" if near else None
    if segs[0] == "participants" and len(segs) == 3 and DYN not in segs[2]:
        near = _slip_from(segs[2], PARTICIPANT_REQUESTS)
        return f"'/participants/' + participant.uuid + '/{near}'" if near else None
    return None


def _slip_from(word: str, choices: tuple[str, ...]) -> str | None:
    """The one choice ``word`` is a slip of a letter or two from (a letter missing, extra, wrong
    or two swapped), or None.

    Why not the closest by likeness (:func:`_near`): '/end_conference' was "meant" to be
    '/start_conference' and '/set_message_text' '/message', suggestions that start a meeting when
    the code meant to end one; a request the designer does not know may be real and newer.
    """
    word = word.lower()
    found: dict[int, list[str]] = {}
    for choice in choices:
        most = 1 if len(choice) <= 4 else 2
        if abs(len(word) - len(choice)) > most:
            continue  # (more edits than that, whatever the letters: see _edits)
        d = _edits(word, choice)
        if d <= most:
            found.setdefault(d, []).append(choice)
    best = found.get(min(found)) if found else None
    return best[0] if best is not None and len(best) == 1 else None


def _pex_member_meant(member: str) -> str | None:
    """The member of PEX that ``member`` is a slip of (another letter case, or a letter or two
    off: pluginApi, action$, conferenceQueryParam), or that its words name (conferenceQueryParameters,
    queryParams: see _pex_member_by_words), or None.

    Why not the closest by likeness (:func:`_near`): PD522 is an error, and PEX.plugins or
    PEX.conference were "meant" to be pluginAPI and conferenceQueryParams, though the app may
    well have them (the guide names only four members). A tie goes to the name that ends in '$'
    as this one does (action$ is actions$, not actions).
    """
    low = member.lower()
    for choice in PEX_MEMBERS:
        if choice.lower() == low:
            return choice
    near = [c for c in PEX_MEMBERS if abs(len(c) - len(low)) <= 2]  # (more edits than 2 anyway: see _edits)
    scored = sorted((_edits(low, c.lower()), c.endswith("$") != member.endswith("$"), c) for c in near)
    if not scored:
        return _pex_member_by_words(member)
    edits, other_end, best = scored[0]
    if edits > (1 if len(best) <= 4 else 2):
        return _pex_member_by_words(member)
    return best if len(scored) == 1 or scored[1][:2] != (edits, other_end) else None


# The words of PEX's members and the words written for them (PEX.conferenceQueryParameters,
# PEX.queryParams, PEX.urlParams, PEX.API): a name made of these only, naming one member's (see
# _pex_member_by_words), means that member. Another word in it (PEX.apiVersion) may name something else.
_PEX_MEMBER_WORDS = {
    "conferenceQueryParams": (
        frozenset({"query", "params", "param", "parameters", "parameter"}),
        frozenset({"conference", "meeting", "url", "search"}),
    ),
    "pluginAPI": (frozenset({"api"}), frozenset({"plugin", "plugins"})),
}


def _pex_member_by_words(member: str) -> str | None:
    """The member of PEX that ``member``'s words name: one of that member's own words, and no word
    that is not one of its words, or None."""
    words = {w.lower() for w in re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+", member)}
    meant = [m for m, (own, also) in _PEX_MEMBER_WORDS.items() if words & own and words <= own | also]
    return meant[0] if len(meant) == 1 else None


# What a plugin looking for these on PEX wants, and where the app gives it.
_PEX_GIVES_ELSEWHERE = {
    "participants": "The participants come to load: function load(participants$, conferenceDetails$), then "
    "participants$.subscribe(participants => ...).",
    "conference": "The meeting's details come to load: function load(participants$, conferenceDetails$), then "
    "conferenceDetails$.subscribe(details => ...).",
}


def _unknown_pex_member(name: str, member: str, line: int, col: int, report: Report) -> None:
    """PD534: something read from a member of PEX the guide does not name (PEX.conferenceDetails.locked).

    Why a warning, not PD522's error: the app may have members its guide does not name (PEX.plugins
    was no slip); but where it has none, the line throws. Said only where the code reads from it
    with nothing looking first (no PEX.x && ..., no if (PEX.x), no ?.).
    """
    low = member.lower()
    hint = next((said for word, said in _PEX_GIVES_ELSEWHERE.items() if word in low), "")
    report(
        "PD534",
        f"'{shortened(name)}' reads from PEX.{shortened(member)}, which the plugin guide does not give PEX: it names "
        f"only {_joined(list(PEX_MEMBERS))}. Unless the app has it, that line throws an error and brings up the "
        f"'Oops' page." + (f" {hint}" if hint else ""),
        line,
        col,
    )


def _edits(a: str, b: str) -> int:
    """Edits (insert, delete, replace, swap two neighbours) that make ``a`` into ``b``.

    A cell for each pair of their letters: the callers leave out the names whose length alone
    differs by more than the edits they allow (a request path or a PEX member of 100,000 letters
    made a million cells for each known name, and a source of a few took minutes to check)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i]
        for j, cb in enumerate(b, 1):
            cost = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, prev2[j - 2] + 1)
            row.append(cost)
        prev2, prev = prev, row
    return prev[-1]


def _check_request(
    name: str,
    paths: list[str],
    call_line: int,
    call_col: int,
    report: Report,
    given_at: dict[str, tuple[int, int]] | None = None,
) -> list[tuple[str, str]]:
    """PD515/PD516 for one sendRequest; the requests it may make that only hosts may, each as
    (the request as :func:`request_named` names it, what it does). A path a helper's caller gives
    is reported where that caller writes it (``given_at``), not in the helper."""
    host_only: dict[tuple[str, str], None] = {}
    for path in paths:
        line, col = (given_at or {}).get(path, (call_line, call_col))
        kind, what = classify_request(path)
        shown = path.replace(DYN, "…")
        if kind == "unknown":
            from designer.core.preview import unknown_request  # (only to say it: see PD512)

            meant = _meant_request(path)
            report(
                "PD515",
                f"'{shortened(name)}' {unknown_request(shortened(shown))}."  # the preview log's words too
                + (
                    f" Did you mean {meant}?"
                    if meant
                    else " Conference requests are /lock, /unlock, /muteguests, /unmuteguests, /transform_layout, "
                    "/message, ...; participant requests look like '/participants/' + participant.uuid + '/mute'."
                ),
                line,
                col,
            )
        elif kind == "no-uuid":
            from designer.core.preview import no_uuid_request

            report(
                "PD516",
                f"'{shortened(name)}' {no_uuid_request(shortened(shown), shortened(what or ''))}.",  # the log's too
                line,
                col,
            )
        if kind == "conference" and what in HOST_ONLY_CONFERENCE:
            host_only[(request_named("sendRequest", shown), HOST_ONLY_CONFERENCE[what])] = None
        elif kind in ("participant", "no-uuid") and what in HOST_ONLY_PARTICIPANT:
            host_only[(request_named("sendRequest", shown), HOST_ONLY_PARTICIPANT[what])] = None
    return list(host_only)


def _check_network(plugin: Plugin, info: JsInfo, report: Report) -> None:
    name = plugin.display_name
    hosts: dict[str, list[str]] = {}
    first = 0
    for ref in info.network:
        if ref.kind == "window.open":
            # A page opened in a new tab is a navigation: no CSP of the meeting page governs it,
            # and an http: page may be opened from an https one. Saying "may be blocked" misled.
            continue
        parsed = url_host(ref.url)
        if parsed is None:
            continue
        scheme, host = parsed
        hosts.setdefault(host, []).append(f"{ref.kind} on line {ref.line}")
        first = first or ref.line
        if scheme in ("http:", "ws:"):
            secure = "https:" if scheme == "http:" else "wss:"
            report(
                "PD601",
                f"'{shortened(name)}' uses the plain {scheme} address '{shortened(ref.url.replace(DYN, '…'))}'. The meeting page is "
                f"served over https, so browsers block it; use {secure} instead.",
                *ref.written_at,
            )
    if hosts:
        listed = "; ".join(f"{shortened(h)} ({', '.join(w[:3])})" for h, w in hosts.items())
        report(
            "PD600",
            f"'{shortened(name)}' contacts other servers: {listed}. The deployment's Content Security Policy may block these; "
            "ask the Pexip administrator to allow them.",
            first,
        )


# Domains kept for examples (RFC 2606): an address in them reaches nobody.
_EXAMPLE_DOMAINS = ("example.com", "example.net", "example.org")
_DOMAIN = r"[a-z0-9-]+(?:\.[a-z0-9-]+)+"


def example_domain(text: str) -> str | None:
    """The example domain (example.com, live.example.com, ...) ``text`` names, else None."""
    for host in re.compile(_DOMAIN).findall(text.lower()):
        if host.endswith(".example") or any(host == d or host.endswith("." + d) for d in _EXAMPLE_DOMAINS):
            return host
    return None


def _check_example_addresses(plugin: Plugin, info: JsInfo, report: Report) -> None:
    """PD602: the plugin dials or calls an example address (recorder@example.com, hooks.example.com).

    Why: a recipe offers such an address as a sample; left as it is, the checks said "no errors",
    the export went ahead, and the administrator uploaded a Record button that calls nobody.
    """
    name = plugin.display_name
    found: list[tuple[str, str, int, int]] = []
    for call in info.calls:
        if call.called and call.member == "dialOut" and call.args:
            found += [
                (value, "dials", *call.given_at.get(value, (call.line, call.column)))
                for value in call.args[0]
                if example_domain(value)
            ]
    for ref in info.network:
        if example_domain(ref.url.split("?", 1)[0]):
            found.append((ref.url, "calls", *ref.written_at))
    source = (plugin.source_path or "").rsplit("/", 1)[-1] or "its source"
    for value, verb, line, col in found:
        shown = shortened(value.replace(DYN, "…"))
        report(
            "PD602",
            f"'{shortened(name)}' {verb} '{shown}', an example address that reaches nobody "
            f"({example_domain(value)} is kept for examples). Type your real address in its place, between the "
            f"quotes on line {line} of {shortened(source)}.",
            line,
            col,
        )


def _check_icons(plugin: Plugin, src: str, info: JsInfo, ctx: Context, report: Report) -> None:
    name = plugin.display_name
    seen: set[str] = set()
    for value, line, col in info.icons:
        if value in seen or "://" in value or value.startswith(("/", "data:")):
            continue
        seen.add(value)
        file_part, _, frag = value.partition("#")
        target = plugin.resolve(file_part)
        if target is None:
            continue
        if not ctx.pkg.exists(target):
            actual = ctx.pkg.case_match(target)
            hint = (
                f" A file '{shortened(actual.rsplit('/', 1)[-1])}' exists; the names differ in {name_difference(target, actual)}."
                if actual
                else ""
            )
            report(
                "PD518",
                f"'{shortened(name)}' sets the icon '{shortened(value)}', but there is no {file_part} next to the package file.{hint}",
                line,
                col,
            )
            continue
        if (left_out := excluded_why(target)) is not None:
            report(
                "PD107",
                f"'{shortened(name)}' sets the icon '{shortened(value)}', but the export leaves {file_part} out: "
                f"{left_out}. After the upload the item has no icon then. Rename the file, and the icon here.",
                line,
                col,
            )
        if not target.lower().endswith(".svg"):
            continue
        from designer.core.checks.icons import readable_svg

        svg = readable_svg(ctx, target, file_part, name, plugin.key)
        if svg is None:
            continue
        check_svg(ctx, target, plugin.key)
        if frag and frag not in svg.ids:
            case = svg.id_case_match(frag)
            hint = f" It has '{shortened(case)}'; they differ in {name_difference(frag, case)}." if case else ""
            report(
                "PD518",
                f"'{shortened(name)}' sets the icon '{shortened(value)}', but {file_part} has no id '{shortened(frag)}'.{hint}",
                line,
                col,
            )
