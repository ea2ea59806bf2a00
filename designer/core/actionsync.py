"""Keep menu item actions and the source's functions in step (the form's action field).

Why edits go through tree-sitter nodes and not a text search: renaming ``raise`` must not touch
``'raise'`` in a string, ``// raise`` in a comment or ``obj.raise``; the parse tree says which
occurrences are the variable. Every helper takes the source text and returns the new text
(or raises ValueError with a sentence for the user); the form applies it in one undo step
together with the menu item change.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ._records import Record
from .indentation import indent_unit, unit_under
from .jsanalysis import DYN, FUNCTION_NODE_TYPES, Registration, analyse, parse_tree
from .jstext import comment_text, is_identifier, js_string, shortened
from .lineends import line_start, newline_of, split_first_line
from .snippets import code_style

__all__ = [
    "ActionState",
    "StateLook",
    "action_state",
    "add_action_function",
    "create_function_title",
    "missing_action_effect",
    "give_placement_parameters",
    "hidden_global",
    "refit_placement_parameters",
    "register_function_title",
    "registered_effect",
    "registered_value_effect",
    "retell_starter_comments",
    "retell_starter_description",
    "retell_starter_name",
    "rename_action_function",
    "state_look",
    "unmatched_keys",
    "unreadable_at_registration",
]

RESERVED_KEYS = frozenset({"id", "load", "unload", "state$", "state"})

# What a click on an item does when registerPlugin has no function for its action: the app calls
# what it finds under the action's name in the registered object, which throws (a TypeError), and
# an error in a plugin is an app crash (the guide's "Application Oops"; the preview shows it so).
# One wording for the form's note and PD505: the form said the click "would do nothing", the
# Problems list that it "fails".
_MISSING_EFFECT = "throws an error and brings up the app's 'Oops' page"


def missing_action_effect(subject: str = "clicking it") -> str:
    """``subject`` + what happens when the action is not in the registered object."""
    return f"{subject} {_MISSING_EFFECT}"


# The registered values (Key.missing) that cannot even be read where registerPlugin runs: reading
# them throws a ReferenceError while registerPlugin's object is built, so the plugin fails as the app
# loads it, before any click (simulate and the preview show it so). The others ("var", "value",
# "overwritten", a literal) are read as something that is no function, and the click throws, as for PD505.
_UNREADABLE_AT_REGISTRATION = frozenset({"nowhere", "scope", "const", "let", "class", "assignment"})


def unreadable_at_registration(missing: str | None) -> bool:
    """Whether a registered value that is no function (``Key.missing``) throws as soon as
    registerPlugin's object is built, whether or not a menu item uses its key."""
    return missing in _UNREADABLE_AT_REGISTRATION


def registered_value_effect(missing: str | None, subject: str = "clicking the item") -> str:
    """What happens in the app when an action is registered with a value that is no function,
    by why it is none (``Key.missing``): PD506's words and the form's."""
    if unreadable_at_registration(missing):
        return "the plugin throws an error as the app loads it, before any click, and brings up the app's 'Oops' page"
    return missing_action_effect(subject)


def registered_effect(source: str, action: str, subject: str = "clicking the item") -> str:
    """:func:`registered_value_effect` for ``action`` as the single registerPlugin call of ``source`` has it
    (a key with no function: named nowhere, it throws as the plugin loads; a literal, when clicked)."""
    reg = _registration(source)
    k = reg.keys.get(action) if reg is not None and reg.keys else None
    return registered_value_effect(k.missing if k is not None else None, subject)


def create_function_title(action: str) -> str:
    """The name of the fix that writes the action's function (the form's button, PD505's Fix)."""
    return f"Create the function '{shortened(action, 40)}'"  # (cut short: a button, a line that cannot wrap)


def register_function_title(action: str) -> str:
    """The name of the fix that adds an existing function to registerPlugin (form and PD505)."""
    return f"Register the function '{shortened(action, 40)}'"


class ActionState(Record):
    """What a source has for a menu item's action (see :func:`action_state`).

    (A plain record, as the analysis's are, not a dataclass: making the class cost every
    ``plugin-designer check`` about 0.9 ms, see core/_records.py. Read, never changed.)
    """

    __slots__ = ("function", "registered", "editable")

    def __init__(self, function: bool, registered: bool, editable: bool) -> None:
        self.function = function  # the source defines a function (or variable) with the action's name
        self.registered = registered  # registerPlugin has a key with the action's name
        self.editable = editable  # exactly one registerPlugin({...}) call, so keys can be added


def _registration(source: str) -> Registration | None:
    regs = analyse(source).registrations
    return regs[0] if len(regs) == 1 and regs[0].keys is not None and regs[0].open_brace >= 0 else None


@lru_cache(maxsize=8)
def _facts(source: str) -> tuple[frozenset[str], frozenset[str], tuple[tuple[str, str], ...] | None]:
    """(names defined, keys of any registerPlugin, the single editable registration's (key, kind)s).

    Cached by text: the form asks after every edit of the package, and parsing a 10,000-line
    source takes about 100 ms.
    """
    info = analyse(source)
    regs = info.registrations
    reg = regs[0] if len(regs) == 1 and regs[0].keys is not None and regs[0].open_brace >= 0 else None
    registered = frozenset(k for r in regs if r.keys for k in r.keys)
    keys = tuple((k, key.kind) for k, key in reg.keys.items()) if reg is not None else None
    return frozenset(info.functions) | frozenset(info.variables), registered, keys


def action_state(source: str, action: str) -> ActionState:
    """What the source has for ``action``. A key written as the function itself
    (``doThing() {...}``, ``doThing: () => {...}``) counts as the function: the form said the item
    would do nothing and offered to create one, which added a stub no key ran."""
    names, registered, keys = _facts(source)
    inline = any(k == action and kind == "function" for k, kind in keys or ())
    defined = action in names and _seen_by_registration(source, action)
    return ActionState(defined or inline, action in registered, keys is not None)


# The longest source :func:`_seen_by_registration` parses on the caller's thread (the window's):
# about 10 ms. A bigger one (a library pasted in: 3 s for 5 MB) is analysed on a worker, and a
# name of it not registered yet counts as seen, as every name did before the question was asked.
SEEN_PARSED_UP_TO = 200_000


@lru_cache(maxsize=32)
def _seen_by_registration(source: str, name: str) -> bool:
    """Whether ``name`` is declared where the registerPlugin call can see it (its own function or
    one around it); True when there is no single call to ask about.

    Why: a variable of another function ('rows' inside showMeetingInfo) counted as the action's
    function, and the form's *Register the function 'rows'* wrote ``rows: rows`` where no 'rows'
    is seen (PD506, and the plugin failed when loaded) instead of offering to create it.
    """
    reg = _registration(source)
    if reg is None:
        return True
    key = reg.keys.get(name) if reg.keys else None
    if key is not None and key.kind == "identifier" and key.value == name:
        return key.missing not in ("nowhere", "scope")  # (``rows: rows``: the analysis has looked)
    if len(source) > SEEN_PARSED_UP_TO:
        return True  # (as before this was asked: see SEEN_PARSED_UP_TO)
    data = source.encode("utf-8", "surrogatepass")
    root = parse_tree(data).root_node
    call = root.descendant_for_byte_range(reg.open_brace - 1, reg.open_brace)
    if call is None:
        return True
    return any(_inside(call, scope) for scope in _declaring_scopes(root, data, name.encode("utf-8")))


class StateLook(Record):
    """What the plugin's code shows on its items while the meeting runs (``state$.next({icon,
    label})``), in place of the icon and label of the package file (the form's).

    (A plain record like :class:`ActionState`, for the same reason. Read, never changed.)
    """

    __slots__ = ("line", "icon", "label", "labels", "icons")

    def __init__(self, line: int, icon: bool, label: bool, labels: tuple[str, ...], icons: tuple[str, ...]) -> None:
        self.line = line  # the first line of the code that gives them
        self.icon = icon  # it gives an icon
        self.label = label  # it gives a label
        self.labels = labels  # the labels it gives, when the file spells out every one (else empty)
        self.icons = icons  # the same for the icons ('lock.svg#lock')


def _spelt_out(values: list[list[str] | None]) -> tuple[str, ...]:
    """Each value once, in the file's order; nothing when one is made at run time (a partial list
    would read as the whole of it)."""
    out: list[str] = []
    for group in values:
        for v in group or ():
            if DYN in v or not v:
                return ()
            if v not in out:
                out.append(v)
    return tuple(out)


def state_look(source: str) -> StateLook | None:
    """What the code gives its items to show while the meeting runs, when that is sure: the file
    runs (no syntax error), registers once the state createNewState made (``state$: state$``)
    and gives that state an icon or a label somewhere. None otherwise, and for a plugin that
    never sets one.

    Why: a toggle button's icon and label chosen in the form never appeared in the preview, as
    the code replaced them at once, and nothing said so. The form and the preview now say it.
    """
    info = analyse(source)
    if info.syntax_errors or len(info.registrations) != 1:
        return None
    reg = info.registrations[0]
    if reg.keys is None or reg.damaged or reg.unreached or reg.cut_off:
        return None
    key = reg.keys.get("state$")
    if key is None or key.kind != "identifier" or key.missing:
        return None
    sets = [s for s in info.state_sets if s.variable == key.value and (s.icons or s.labels)]
    if not sets:
        return None
    return StateLook(
        sets[0].line,
        any(s.icons for s in sets),
        any(s.labels for s in sets),
        _spelt_out([s.labels for s in sets]),
        _spelt_out([s.icons for s in sets]),
    )


def hidden_global(source: str, name: str) -> int | None:
    """The line where the source reads ``name`` from the browser or the app (``PEX``,
    ``console``, ``window``) without declaring it, else None.

    Why: a function called ``PEX`` next to registerPlugin is hoisted over the app's ``PEX``, so
    ``PEX.pluginAPI.registerPlugin`` itself failed and the plugin never loaded; an action must
    not take such a name, neither as a new stub nor by a rename.
    """
    data = source.encode("utf-8", "surrogatepass")
    name_b = name.encode("utf-8")
    if name_b not in data:
        return None
    root = parse_tree(data).root_node
    if _declaring_scopes(root, data, name_b):
        return None  # the source's own name: the checks of add/rename see it
    stack = [root]
    first: int | None = None
    while stack:
        node = stack.pop()
        if node.type == "identifier" and data[node.start_byte : node.end_byte] == name_b:
            line = node.start_point[0] + 1
            first = line if first is None else min(first, line)
        elif node.child_count and name_b in data[node.start_byte : node.end_byte]:
            stack.extend(node.children)
    return first


def _refuse_hidden_global(source: str, name: str) -> None:
    line = hidden_global(source, name)
    if line is not None:
        raise ValueError(
            f"the source uses '{name}' from the browser or the app (line {line}); a function called "
            f"'{name}' would hide it and the plugin would break: choose another name"
        )


def unmatched_keys(source: str, actions: list[str]) -> list[str]:
    """Keys registerPlugin has that no menu item uses (a function renamed in the code)."""
    keys = _facts(source)[2] or ()
    return [k for k, kind in keys if k not in RESERVED_KEYS and k not in actions and kind != "other"]


_PARAMS = {
    "participants": "participant",
    "conference": "conferenceDetails",
    "toolbar": "participants, conferenceDetails",
}


def add_action_function(source: str, action: str, placement: str | None = None) -> str:
    """``source`` with a stub ``function action(...) {}`` before registerPlugin and the key registered."""
    if not is_identifier(action):
        raise ValueError(f"'{action}' is not a JavaScript function name")
    reg = _registration(source)
    if reg is None:
        raise ValueError("the source has no single registerPlugin({...}) call to add the action to")
    state = action_state(source, action)
    if not state.function:
        _refuse_hidden_global(source, action)
    data = source.encode("utf-8", "surrogatepass")
    nl = newline_of(data)
    edits: list[tuple[int, int, str]] = []
    tree = parse_tree(data)
    params = _PARAMS.get(placement or "", "")
    inline = _inline_entry(data, tree, reg, action, params, nl, indent_unit(source))
    if inline is not None and not state.registered and not state.function:
        edits.append(_key_entry(data, reg.open_brace, reg.indent, nl, inline))
        state = ActionState(True, True, state.editable)  # (both written, as the object's others are)
    if not state.registered:
        entry = _written_entry(data, tree, reg.open_brace, action)
        edits.append(_key_entry(data, reg.open_brace, reg.indent, nl, entry))
    if not state.function:
        node = tree.root_node.descendant_for_byte_range(reg.open_brace - 1, reg.open_brace)
        # The statement holding the call, in the plugin's own function (``var p = register(...)``
        # too): the stub goes right before it, inside the wrapper, where it sees the plugin's state.
        while node is not None and node.parent is not None and node.parent.type not in ("statement_block", "program"):
            node = node.parent
        if node is not None and node.type == "ERROR":
            # (a wrapper never closed: the parse's one broken piece starts at the file's top, outside it)
            raise ValueError(
                "the source has a syntax error around its registerPlugin call (the Problems list says where): "
                "fix it first, else the function would go outside the plugin's wrapper function"
            )
        node = _with_comments_above(data, node)
        at = line_start(data, node.start_byte if node is not None else reg.open_brace)
        if at == 0 and data.startswith(b"\xef\xbb\xbf"):
            at = 3  # after the byte order mark, which must stay first
        line = re.split(rb"[\r\n]", data[at:], maxsplit=1)[0].decode("utf-8", "replace")
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        above = b""
        if data[at - 1 : at] in (b"\n", b"\r"):  # a line above (not the file's start or its byte order mark)
            end = at - 2 if data[at - 2 : at] == b"\r\n" else at - 1
            above = data[line_start(data, end) : end].strip()
        # Code right above (``};``): a blank line between, as the file's functions are apart; not
        # below a blank line or the wrapper's opening ``(function () {``.
        gap = nl if above and not above.endswith(b"{") else ""
        keyword = _arrow_keyword(data, node)
        semicolon = ";" if code_style(source).semicolons else ""  # (none in a file written without)
        head, end = (
            (f"{keyword} {action} = ({params}) =>", "}" + semicolon)
            if keyword
            else (f"function {action}({params})", "}")
        )
        stub = (
            f"{gap}{indent}{head} {{{nl}"
            f"{indent}{unit_under(indent, indent_unit(source))}// runs when the menu item is clicked{nl}"
            f"{indent}{end}{nl}{nl}"
        )
        if node is not None and data[at : node.start_byte].strip():
            # Code before the call on its line (a minified plugin's one line, its wrapper opening
            # there): above the line, the function was outside the wrapper, a global of the page.
            # It goes right before the call, which goes on a line of its own after it.
            at = node.start_byte
            stub = f"{head} {{{nl}{indent_unit(source)}// runs when the menu item is clicked{nl}{end}{nl}"
        edits.append((at, at, stub))
    for start, end, text in sorted(edits, reverse=True):
        data = data[:start] + text.encode("utf-8") + data[end:]
    return data.decode("utf-8", "surrogatepass")


def _arrow_keyword(data: bytes, statement: Any) -> str | None:
    """``const`` (or ``let``, ``var``) when the functions declared beside ``statement`` (the one
    holding registerPlugin's call) are all arrow functions given to a name (``const load = () =>
    {...}``); else None, a function declaration. Why: in such a plugin, the stub was the one
    ``function`` of the file."""
    keywords: list[str] = []
    for sibling in statement.parent.named_children if statement is not None and statement.parent else ():
        if sibling.type in ("function_declaration", "generator_function_declaration"):
            return None
        if sibling.type in ("lexical_declaration", "variable_declaration"):
            for declarator in sibling.named_children:
                value = declarator.child_by_field_name("value") if declarator.type == "variable_declarator" else None
                if value is not None and value.type in ("function_expression", "function"):
                    return None
                if value is not None and value.type == "arrow_function":
                    keywords.append(data[sibling.start_byte : sibling.start_byte + 5].split()[0].decode())
    return max(set(keywords), key=keywords.count) if keywords else None


def _inline_entry(
    data: bytes, tree: Any, reg: Registration, action: str, params: str, nl: str, unit: str
) -> str | None:
    """The function ``action`` as an entry of registerPlugin's object, written as its functions
    are when every one is written there (``load() {...}``, ``load: function () {...}``,
    ``'load': () => {...}``), its keys one per line; else None (a function declared beside the
    call, and its key, as for ``load: load``).

    Why: in such a plugin, a lone ``function raiseHand() {}`` above the call and a key naming it
    were unlike anything else in the file.
    """
    if reg.indent is None:
        return None
    node = _object_at(tree.root_node, reg.open_brace)
    styles: dict[str, int] = {}
    quote = ""
    for entry in node.named_children if node is not None else ():
        value = entry.child_by_field_name("value") if entry.type == "pair" else None
        if entry.type == "comment":
            continue
        if entry.type == "method_definition":
            style = "method"
        elif value is not None and value.type in ("function_expression", "function", "arrow_function"):
            style = "arrow" if value.type == "arrow_function" else "function"
            key = entry.child_by_field_name("key")
            quote = (
                data[key.start_byte : key.start_byte + 1].decode() if key is not None and key.type == "string" else ""
            )
        elif value is not None and value.type in ("string", "number", "true", "false", "template_string"):
            continue  # (id: 'x' and other values: no function)
        else:
            return None  # (load: load, { load }: functions declared beside the call)
        styles[style] = styles.get(style, 0) + 1
    if not styles:
        return None
    style = max(styles, key=lambda s: styles[s])
    key = js_string(action, quote) if quote else action
    head = {
        "method": f"{action}({params})",
        "function": f"{key}: function ({params})",
        "arrow": f"{key}: ({params}) =>",
    }
    body = f"{reg.indent}{unit}// runs when the menu item is clicked"
    return f"{head[style]} {{{nl}{body}{nl}{reg.indent}}}"


def _with_comments_above(data: bytes, node: Any) -> Any:
    """The first of the comments on the lines right above ``node`` (a statement), else ``node``.

    Why: the stub went between registerPlugin and the comment that says what the call does
    ("// Tell the app about this plugin."), which then read as the new function's comment.
    A comment after code on its line, or with a blank line below it, is not the statement's.
    """
    first = node
    while node is not None:
        before = node.prev_sibling
        if before is None or before.type != "comment" or before.end_point[0] + 1 < first.start_point[0]:
            break
        if data[line_start(data, before.start_byte) : before.start_byte].strip():
            break  # `foo(); // done`: the comment of the line it ends
        first = node = before
    return first


def _written_entry(data: bytes, tree: Any, at: int, action: str) -> str:
    """The entry registering the function ``action`` under its own name in the object whose ``{``
    ends at ``at``, written as most of its keys are: plain (``stop: stop``), in the quotes they
    have (``'stop': stop``: a plain key among them looked a slip) or, where more of its functions
    are registered by shorthand (``{ load, unload }``) than spelt out (``load: load``), ``stop``."""
    node = tree.root_node.descendant_for_byte_range(at - 1, at)
    while node is not None and node.type != "object":
        node = node.parent
    quotes = []
    plain = shorthand = spelt = 0
    for pair in node.named_children if node is not None else ():
        if pair.type == "shorthand_property_identifier":
            shorthand += 1
            continue
        key = pair.child_by_field_name("key") if pair.type == "pair" else None
        if key is not None and key.type == "string":
            quotes.append(data[key.start_byte : key.start_byte + 1].decode())
        elif key is not None:
            plain += 1
            value = pair.child_by_field_name("value")
            if (
                value is not None
                and value.type == "identifier"
                and data[value.start_byte : value.end_byte] == (data[key.start_byte : key.end_byte])
            ):
                spelt += 1
    if len(quotes) > plain + shorthand:
        return f"{js_string(action, quotes[0])}: {action}"
    return action if shorthand > spelt else f"{action}: {action}"


def _key_entry(data: bytes, at: int, indent: str | None, nl: str, entry: str) -> tuple[int, int, str]:
    """The edit that puts ``entry`` (``stop: stop``, ``stop``) first in the object whose ``{`` ends at ``at``.

    Laid out as the object is: on a line of its own with the keys' indent when they stand one
    per line; else on the brace's line, spaced like written code. Why the spacing: glued on
    as it was, ``{id: 'x'}`` became ``{ lowerHand: lowerHand,id: 'x'}`` and ``{}`` became
    ``{ lowerHand: lowerHand,}``, code a user then had to tidy up by hand.
    """
    if indent is not None:
        return at, at, f"{nl}{indent}{entry},"
    rest = data[at:]
    gap = len(rest) - len(rest.lstrip())
    if rest[gap : gap + 1] == b"}":  # an empty object: ``{}``, ``{ }``, or its braces on two lines
        return at, at + gap, f" {entry} "
    return at, at, f" {entry}," + ("" if gap else " ")


def give_placement_parameters(source: str, actions: list[str], placement: str | None) -> str:
    """``source`` with the placement's parameters given to each action function that takes none.

    Why: a plugin made as a toolbar button and moved to the participant menu kept
    ``function lowerHand()``; the participant the app passes was out of reach, and the request
    snippet (``participant.uuid``) threw when the item was clicked. A function that already names
    parameters is the user's and is left alone, as are functions the source does not declare.
    """
    params = _PARAMS.get(placement or "", "")
    reg = _registration(source)
    if not params or not actions or reg is None:
        return source
    data = source.encode("utf-8", "surrogatepass")
    names = [p.strip().encode("utf-8") for p in params.split(",")]
    edits: list[int] = []
    for _action, fn in _action_functions(data, actions, reg.open_brace):
        formal = fn.child_by_field_name("parameters")
        if formal is None:
            continue
        body = fn.child_by_field_name("body")
        if body is not None and any(_names(body, data, n) for n in names):
            continue  # it reads an outer `participant`: a parameter of that name would hide it
        if formal.named_child_count == 0 and data[formal.start_byte : formal.end_byte].replace(b" ", b"") == b"()":
            edits.append(formal.start_byte)
    for at in sorted(set(edits), reverse=True):
        end = data.index(b")", at)
        data = data[: at + 1] + params.encode("utf-8") + data[end:]
    return data.decode("utf-8", "surrogatepass")


def _action_functions(data: bytes, actions: list[str], call_at: int) -> list[tuple[str, Any]]:
    """(action, function node) for each of ``actions`` the source declares in the scope of its
    registerPlugin call (``call_at``, a byte offset): ``function a() {}`` or ``var a = function/arrow``,
    or writes in that call's object (see :func:`_registered_functions`)."""
    wanted = {a.encode("utf-8") for a in actions if is_identifier(a)}
    root = parse_tree(data).root_node
    out = _registered_functions(data, root, call_at, wanted)
    stack = [root]
    while stack:
        node = stack.pop()
        stack.extend(node.named_children)
        if node.type == "function_declaration":
            name, fn = node.child_by_field_name("name"), node
        elif node.type == "variable_declarator":
            name, fn = node.child_by_field_name("name"), node.child_by_field_name("value")
            if fn is None or fn.type not in ("function_expression", "function", "arrow_function"):
                continue
        else:
            continue
        if name is None or data[name.start_byte : name.end_byte] not in wanted:
            continue
        scope = _scope_of(node)
        if scope is not None and scope.type != "program" and not scope.start_byte <= call_at < scope.end_byte:
            continue  # a function of that name in some other function: not the one registered
        out.append((data[name.start_byte : name.end_byte].decode("utf-8"), fn))
    return out


def _object_at(root: Any, open_brace: int) -> Any:
    """The object literal whose ``{`` ends at byte ``open_brace`` (a registration's), else None."""
    node = root.descendant_for_byte_range(open_brace - 1, open_brace) if open_brace > 0 else None
    while node is not None and node.type != "object":  # from its "{" up to the object
        node = node.parent
    return node


def _registered_functions(data: bytes, root: Any, call_at: int, wanted: set[bytes]) -> list[tuple[str, Any]]:
    """(action, function node) for each of ``wanted`` written in the registerPlugin object whose
    ``{`` ends at ``call_at``: ``a() {}``, ``a: function () {}``, ``'a': () => {}``.

    Why: many plugins write their items' functions there; moved to the participant menu, such a
    function kept no parameter, so the participant the app passes was out of reach.
    """
    node = _object_at(root, call_at)
    out: list[tuple[str, Any]] = []
    for entry in node.named_children if node is not None else ():
        if entry.type == "method_definition":
            key, fn = entry.child_by_field_name("name"), entry
        elif entry.type == "pair":
            key, fn = entry.child_by_field_name("key"), entry.child_by_field_name("value")
            if fn is None or fn.type not in ("function_expression", "function", "arrow_function"):
                continue
        else:
            continue
        name = data[key.start_byte : key.end_byte].strip(b"'\"") if key is not None else b""
        if name in wanted:
            out.append((name.decode("utf-8"), fn))
    return out


def refit_placement_parameters(source: str, actions: list[str], old: str | None, placement: str | None) -> str:
    """``source`` with each action function whose parameter list is still the one the designer
    gave it for the ``old`` placement (:data:`_PARAMS`; None: any placement's, the items were
    parked while the plugin was event-only) given the one ``placement`` passes instead.

    Why: the starter moved from the toolbar to the conference menu got ``(conferenceDetails)``,
    and moved on to the participant menu it kept it: the participant the app passes was called
    the conference details, and code written for a participant would read the wrong thing.
    A name both placements pass stays (``conferenceDetails``); the others take the new names in
    order (``participant`` <-> ``participants``). Its uses are renamed with it in a body the
    designer wrote (:func:`designer.core.behaviours.body_state`). Left alone: a list the user
    wrote, a body of the user's that uses the parameters, a body that reads a name the new list
    would hide, and one that uses a parameter the new placement does not pass.
    """
    new = _PARAMS.get(placement or "", "")
    was = {_PARAMS[old]} if old in _PARAMS else set(_PARAMS.values())
    was.discard(new)
    reg = _registration(source)
    if not new or not was or not actions or reg is None:
        return source
    from .behaviours import body_state

    data = source.encode("utf-8", "surrogatepass")
    new_names = [n.strip() for n in new.split(",")]
    edits: list[tuple[int, int, str]] = []
    for action, fn in _action_functions(data, actions, reg.open_brace):
        formal = fn.child_by_field_name("parameters")
        body = fn.child_by_field_name("body")
        if formal is None or body is None:
            continue  # (an arrow's bare parameter, `p => ...`: not what the designer writes)
        spelled = b"".join(data[formal.start_byte : formal.end_byte].split())
        old_list = next((w for w in sorted(was) if spelled == f"({w.replace(' ', '')})".encode()), None)
        if old_list is None:
            continue  # the user's list (or none: give_placement_parameters gives one)
        old_names = [n.strip() for n in old_list.split(",")]
        left = [n for n in new_names if n not in old_names]
        becomes = {n: n if n in new_names else (left.pop(0) if left else None) for n in old_names}
        used = [n for n in old_names if _names(body, data, n.encode())]
        if used and (
            body_state(source, action).state != "designer"
            or any(becomes[n] is None for n in used)
            or any(_declaring_scopes(body, data, n.encode()) for n in used)
        ):
            continue
        if any(_names(body, data, n.encode()) for n in new_names if n not in old_names):
            continue  # it reads an outer `participant`: a parameter of that name would hide it
        renames: list[tuple[int, int, str]] = []
        stack = [body]
        while stack:
            node = stack.pop()
            stack.extend(node.named_children)
            if node.type not in ("identifier", "shorthand_property_identifier"):
                continue
            text = data[node.start_byte : node.end_byte].decode("utf-8", "surrogatepass")
            if text not in used or becomes[text] == text:
                continue
            if node.type == "shorthand_property_identifier":
                break  # `{participant}`: its key would change too
            renames.append((node.start_byte, node.end_byte, str(becomes[text])))
        else:
            edits.append((formal.start_byte, formal.end_byte, f"({new})"))
            edits.extend(renames)
    for start, end, text in sorted(edits, reverse=True):
        data = data[:start] + text.encode("utf-8") + data[end:]
    return data.decode("utf-8", "surrogatepass")


# The starter plugin's comments (core/newproject.py) that name its placement, per placement.
_STARTER_WHAT = {
    "toolbar": "a toolbar button",
    "conference": "a conference menu item",
    "participants": "a participant menu item",
}
_STARTER_WHEN = {
    "toolbar": "// Called when the button is pressed.",
    "conference": "// Called when the menu item is clicked.",
    "participants": "// Called when the menu item is clicked for a participant.",
}


# How the starter's first line ends: as made, and once "Make it do" wrote what the item does.
STARTER_TAILS = (" that shows a short message.", " made with 'Make it do'.")


def retell_starter_comments(source: str, placement: str | None) -> str:
    """The starter plugin's two comments that say where its button is, told for ``placement``.

    Only those exact comments, on the first line and above the action, are changed; any other
    text is the user's. (Moved to the participant menu, the plugin still said "a toolbar button".)
    """
    if placement not in _STARTER_WHAT:
        return source
    first, sep, rest = split_first_line(source)
    for what, tail in ((w, t) for w in _STARTER_WHAT.values() for t in STARTER_TAILS):
        marker = f": {what}{tail}"
        if first.startswith("// ") and first.endswith(marker):
            first = first[: -len(marker)] + f": {_STARTER_WHAT[placement]}{tail}"
            break
    out = first + sep + rest
    for when in _STARTER_WHEN.values():
        if when != _STARTER_WHEN[placement] and out.count(when) == 1:
            out = out.replace(when, _STARTER_WHEN[placement])
    return out


def retell_starter_description(description: object, old_name: str, name: str, placement: str | None) -> object:
    """The starter plugin's description ("Hands: a toolbar button.", core/newproject.py) told for
    the plugin's ``name`` and ``placement`` (None: where it is now); any other description is the
    user's and comes back as it is.

    Why: users read it under the plugin's name in Settings > Plugins. Renamed to "Send to lobby"
    and moved to the participant menu, the plugin still said "My plugin: a toolbar button.".
    """
    if not isinstance(description, str):
        return description
    for what in _STARTER_WHAT.values():
        if description == f"{old_name}: {what}.":
            return f"{name}: {_STARTER_WHAT.get(placement or '', what) if placement else what}."
    return description


def retell_starter_name(source: str, actions: list[str], old_name: str, name: str) -> str:
    """``source`` with the starter plugin's header comment ("// My plugin: a toolbar button that
    shows a short message.") and the title of its dialog (``title: 'My plugin'``, in the starter's
    body of one of ``actions``) told for the plugin's new ``name``; each only while it is exactly
    what core/newproject.py wrote for ``old_name``. Anything else is the user's and stays.

    Why: renamed from "Verify project" to "Send to lobby", the plugin still opened a window
    titled "Verify project" and its code said so at the top.
    """
    if old_name == name:
        return source
    out = source
    first, sep, rest = split_first_line(out)
    for what, tail in ((w, t) for w in _STARTER_WHAT.values() for t in STARTER_TAILS):
        if first == f"// {comment_text(old_name)}: {what}{tail}":
            out = f"// {comment_text(name)}: {what}{tail}{sep}{rest}"
            break
    title = f"title: {js_string(old_name)},".encode()
    if title not in out.encode("utf-8", "surrogatepass"):  # (the usual case: no parse)
        return out
    from .behaviours import _function_node, body_state

    for action in actions:
        if body_state(out, action).wrote != "starter":
            continue
        found = _function_node(out, action)
        if found is None:
            continue
        fn, data = found
        body = fn.child_by_field_name("body")
        inner = data[body.start_byte : body.end_byte]
        if inner.count(title) == 1:  # (the starter's body has one title)
            at = body.start_byte + inner.index(title)
            data = data[:at] + f"title: {js_string(name)},".encode() + data[at + len(title) :]
            out = data.decode("utf-8", "surrogatepass")
    return out


def _names(node: Any, data: bytes, name: bytes) -> bool:
    """Whether the identifier ``name`` is used anywhere inside ``node``."""
    if name not in data[node.start_byte : node.end_byte]:
        return False
    stack = [node]
    while stack:
        n = stack.pop()
        if n.type in ("identifier", "shorthand_property_identifier") and data[n.start_byte : n.end_byte] == name:
            return True
        stack.extend(n.named_children)
    return False


_FUNCTION_TYPES = FUNCTION_NODE_TYPES | {"catch_clause"}


def _scope_of(node: Any) -> Any:
    """The function (or catch clause) whose scope a declaration at ``node`` belongs to."""
    scope = node.parent
    while scope is not None and scope.type not in _FUNCTION_TYPES and scope.type != "program":
        scope = scope.parent
    return scope


def _declaring_scopes(root: Any, data: bytes, name: bytes) -> list[Any]:
    """The scopes in which ``name`` is declared: parameters, var/let/const, functions, catch."""
    scopes = []
    stack = [root]
    while stack:
        node = stack.pop()
        if (
            node.type in ("identifier", "shorthand_property_identifier_pattern")
            and data[node.start_byte : node.end_byte] == name
        ):
            parent = node.parent
            kind = parent.type if parent is not None else ""
            if kind in ("variable_declarator", "function_declaration", "generator_function_declaration"):
                if parent.child_by_field_name("name") == node:
                    scopes.append(_scope_of(parent))
            elif kind == "formal_parameters":
                scopes.append(parent.parent)
            elif kind == "arrow_function" and parent.child_by_field_name("parameter") == node:
                scopes.append(parent)
            elif kind == "catch_clause":
                scopes.append(parent)
            elif kind in ("object_pattern", "array_pattern", "assignment_pattern", "rest_pattern"):
                scopes.append(_scope_of(parent))  # destructured: a parameter or a variable
            continue
        if node.child_count and data.find(name, node.start_byte, node.end_byte) >= 0:  # (no copy of the range)
            stack.extend(node.children)
    return [sc for sc in scopes if sc is not None]


def _inside(node: Any, scope: Any) -> bool:
    return scope is not None and scope.start_byte <= node.start_byte and node.end_byte <= scope.end_byte


def rename_action_function(source: str, old: str, new: str) -> str:
    """``source`` with the action function ``old`` renamed to ``new``: its declaration, the uses
    that mean it (not a parameter or local variable of the same name in an inner function) and
    its registerPlugin key (written plain, quoted or as a shorthand, in each registerPlugin object)
    in the object's own style: the menu item's action names the key, so key and function change
    together and ``{ old }`` becomes ``{ new }``.

    A shorthand ``{old}`` elsewhere keeps its key (``{old: new}``): it names a property, and only
    ``key: function`` can say that the function behind it changed. Raises
    ValueError when ``new`` is taken, or when an inner function has a ``new`` of its own that a
    renamed use would then mean instead.
    """
    if not is_identifier(new):
        raise ValueError(f"'{new}' is not a JavaScript function name")
    info = analyse(source)
    if new in info.functions or new in info.variables:
        raise ValueError(f"the source already has a '{new}'")
    _refuse_hidden_global(source, new)
    data = source.encode("utf-8", "surrogatepass")
    old_b, new_b = old.encode("utf-8"), new.encode("utf-8")
    tree = parse_tree(data)
    spans: list[tuple[int, int, str]] = []
    # Every registerPlugin object's key names the action (a plugin may register once per platform):
    # left behind in a second call, ``{ stop }`` became ``{ stop: halt }``, a key no item named.
    reg_objects: list[Any] = []
    for reg in info.registrations:
        if reg.keys is None or reg.open_brace <= 0:
            continue
        found = _object_at(tree.root_node, reg.open_brace)
        if found is not None:
            reg_objects.append(found)
    declared = _declaring_scopes(tree.root_node, data, old_b)
    # The action's own scope: the outermost one declaring it (the plugin's wrapper, usually).
    home = min(declared, key=lambda sc: (sc.start_byte, -sc.end_byte)) if declared else tree.root_node
    # Inner functions with their own ``old``: the uses in them mean that one, not the action.
    shadows = [sc for sc in declared if sc != home and _inside(sc, home)]
    captures = _declaring_scopes(tree.root_node, data, new_b)  # where a renamed use would mean another
    uses: list[Any] = []
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.end_byte - node.start_byte == len(old_b) and data[node.start_byte : node.end_byte] == old_b:
            t = node.type
            parent = node.parent
            in_reg = parent is not None and (
                parent in reg_objects or (parent.type == "pair" and parent.parent in reg_objects)
            )
            if t == "identifier" and not any(_inside(node, sc) for sc in shadows):
                spans.append((node.start_byte, node.end_byte, new))
                uses.append(node)
            elif t == "shorthand_property_identifier" and not any(_inside(node, sc) for sc in shadows):
                # registerPlugin's key follows the action; elsewhere the key is a property name
                spans.append((node.start_byte, node.end_byte, new if in_reg else f"{old}: {new}"))
                uses.append(node)
            elif t == "property_identifier" and in_reg and parent.child_by_field_name("key") == node:
                spans.append((node.start_byte, node.end_byte, new))
            elif (
                t == "property_identifier"
                and parent is not None
                and parent.type == "method_definition"
                and parent.parent in reg_objects
                and parent.child_by_field_name("name") == node
            ):
                spans.append((node.start_byte, node.end_byte, new))  # registerPlugin({ old() {...} })
            elif t == "string_fragment" and parent is not None and parent.type == "string":
                pair = parent.parent
                if (
                    pair is not None
                    and pair.type == "pair"
                    and pair.parent in reg_objects
                    and pair.child_by_field_name("key") == parent
                ):
                    spans.append((node.start_byte, node.end_byte, new))  # 'old': old
            continue
        if node.child_count and node.start_byte < node.end_byte and old_b in data[node.start_byte : node.end_byte]:
            stack.extend(node.children)
    if not spans:
        raise ValueError(f"the source has no '{old}' to rename")
    if any(_inside(use, sc) for use in uses for sc in captures):
        raise ValueError(
            f"a function in the source has its own '{new}' (a parameter or variable) and uses '{old}': "
            f"renamed, it would mean that '{new}' instead; choose another name"
        )
    for start, end, text in sorted(set(spans), reverse=True):
        data = data[:start] + text.encode("utf-8") + data[end:]
    return data.decode("utf-8", "surrogatepass")
