"""JsonDocument: byte-exact round trips and minimal, style-keeping edits."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from designer.core.jsonfile import JsonDocument, JsonSyntaxError, same_json

STYLES = [
    '{\n    "a": 1,\n    "b": [1, 2]\n}\n',
    '{\r\n\t"a": 1,\r\n\t"b": [\r\n\t\t1,\r\n\t\t2\r\n\t]\r\n}',
    '{"a":1,"b":[1,2]}',
    '\ufeff{\n  "a" : 1 ,  \n  "b": [ 1 , 2 ]   \n}\n\n',
    '{\n    "version": 1.0,\n    "x": 1e3,\n    "s": "caf\\u00e9 \\/ \\n"\n}\n',
]


@pytest.mark.parametrize("text", STYLES)
def test_untouched_document_round_trips_exactly(text: str) -> None:
    assert JsonDocument(text).dumps() == text


def test_changing_one_value_changes_only_that_value() -> None:
    text = '{\r\n\t"id": "old",\r\n\t"version": 1.0,\r\n\t"configuration": {"k": [1, 2]}\r\n}'
    doc = JsonDocument(text)
    doc.set("/id", "new")
    assert doc.dumps() == text.replace('"old"', '"new"')
    assert doc.data["version"] == 1.0 and "1.0" in doc.dumps()


def test_added_member_follows_the_file_style() -> None:
    doc = JsonDocument('{\r\n\t"a": 1\r\n}')
    doc.set("/b", [1, 2])
    assert doc.dumps() == '{\r\n\t"a": 1,\r\n\t"b": [\r\n\t\t1,\r\n\t\t2\r\n\t]\r\n}'
    # Lines ending in a lone CR (classic Mac): the new lines ended in LF.
    doc = JsonDocument('{\r  "a": 1\r}\r')
    doc.set("/b", [1, 2])
    assert doc.dumps() == '{\r  "a": 1,\r  "b": [\r    1,\r    2\r  ]\r}\r'


def test_added_member_on_one_line_document() -> None:
    doc = JsonDocument('{"a":1}')
    doc.set("/b", True)
    assert json.loads(doc.dumps()) == {"a": 1, "b": True}
    assert "\n" not in doc.dumps()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"x":1}', '{"x":1,"new":2}'),
        ('{"x": 1}', '{"x": 1, "new": 2}'),
        ('{"x":1, "y":2}', '{"x":1, "y":2, "new":2}'),
        ('{"x": 1,"y": 2}', '{"x": 1,"y": 2,"new": 2}'),
    ],
)
def test_member_added_to_compact_json_follows_its_separators(text: str, expected: str) -> None:
    """With no comma to go by, the colon says the style: {"x":1} is written without spaces."""
    doc = JsonDocument.parse(text)
    doc.set("/new", 2)
    assert doc.dumps() == expected


def test_remove_member_takes_its_comma() -> None:
    doc = JsonDocument('{\n    "a": 1,\n    "b": 2,\n    "c": 3\n}\n')
    doc.remove("/b")
    assert doc.dumps() == '{\n    "a": 1,\n    "c": 3\n}\n'
    doc.remove("/a")
    assert doc.dumps() == '{\n    "c": 3\n}\n'


@pytest.mark.parametrize(
    ("text", "pointer", "fixed"),
    [
        ('{\n    "a": 1,\n    "b": 2,\n    "b": 3\n}\n', "/b", '{\n    "a": 1,\n    "b": 3\n}\n'),
        ('{\r\n\t"b": {"x": [1,\r\n\t\t2]},\r\n\t"a": 1,\r\n\t"b": 3\r\n}', "/b", '{\r\n\t"a": 1,\r\n\t"b": 3\r\n}'),
        ('{"b":1, "a":2, "b":3, "b":4}', "/b", '{"a":2, "b":4}'),  # three: both ignored ones go
        ('{"p": {"x": 1, "y": 2, "x": 5}}', "/p/x", '{"p": {"y": 2, "x": 5}}'),
        ('{"p": {"x": 1, "x": 2}, "p": {}}', "/p/x", '{"p": {"x": 2}, "p": {}}'),  # inside an ignored copy too
    ],
)
def test_removing_the_ignored_copies_of_a_name_keeps_the_rest_byte_for_byte(
    text: str, pointer: str, fixed: str
) -> None:
    doc = JsonDocument(text)
    data = json.loads(text)
    assert doc.remove_dead_duplicates(pointer) >= 1
    assert doc.dumps() == fixed
    assert json.loads(doc.dumps()) == data  # what a reader gets is the same
    assert pointer not in {p for p, _ in doc.duplicates}


def test_apply_keeps_key_order_and_unknown_keys() -> None:
    text = '{\n  "z": 1,\n  "plugins": [\n    {"id": "a", "srcURL": "x"}\n  ],\n  "theme": {"c": "#fff"}\n}\n'
    doc = JsonDocument(text)
    new = {"z": 1, "plugins": [{"id": "a", "srcURL": "x"}, {"id": "b", "srcURL": "y"}], "theme": {"c": "#fff"}}
    doc.apply(new)
    assert same_json(doc.data, new)
    out = doc.dumps()
    assert out.startswith('{\n  "z": 1,\n  "plugins": [\n    {"id": "a", "srcURL": "x"},')
    assert out.endswith('"theme": {"c": "#fff"}\n}\n')


def test_positions_of_values_and_keys() -> None:
    doc = JsonDocument('{\n  "plugins": [\n    {"id": "a"}\n  ]\n}')
    assert doc.position("/plugins/0/id") == (3, 12)
    assert doc.position("/plugins/0/id", key=True) == (3, 6)
    assert doc.position("/plugins/0/missing") == (3, 5)  # nearest existing parent


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        ('{\n  "a": 1\n  "b": 2\n}', 3, 3, "comma is missing"),
        ('{\n  "a": 1,\n}', 2, 9, "comma after the last entry"),
        ('{"a": "x', 1, 7, "not closed"),
        ("", 1, 1, "the file is empty"),
        ('{"a": "x\ty"}', 1, 9, "raw line break or tab"),
        # A NUL or an ESC is neither; the decoder's words for \u12 were left in English jargon.
        ('{"a": "x\x00"}', 1, 9, "invisible control character (U+0000)"),
        ('{\n"a": "\x1b[2J"}', 2, 7, "invisible control character (U+001B)"),
        ('{"a": "\\u12"}', 1, 9, "a \\u escape needs four hexadecimal digits"),
    ],
)
def test_syntax_errors_have_plain_words_and_exact_place(text: str, line: int, column: int, words: str) -> None:
    with pytest.raises(JsonSyntaxError) as info:
        JsonDocument(text)
    assert (info.value.line, info.value.column) == (line, column)
    assert words in info.value.message


def test_deep_nesting_is_an_error_not_a_crash() -> None:
    with pytest.raises(JsonSyntaxError):
        JsonDocument("[" * 100_000 + "]" * 100_000)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(
    old=st.dictionaries(st.text(max_size=5), json_values, max_size=5),
    new=json_values,
    indent=st.sampled_from(["  ", "\t", None]),
)
def test_apply_any_edit_gives_exactly_the_new_value(old, new, indent) -> None:
    text = json.dumps(old, indent=indent)
    doc = JsonDocument(text)
    doc.apply(new)

    def canon(v: object) -> str:  # key order of kept members is the file's, not the new value's
        return json.dumps(v, sort_keys=True)

    assert canon(json.loads(doc.dumps())) == canon(new)
    assert canon(doc.data) == canon(new)
    if isinstance(new, dict):
        kept = [k for k in old if k in new]
        assert [k for k in json.loads(doc.dumps()) if k in kept] == kept


items = st.lists(
    st.fixed_dictionaries({"z": st.integers(0, 3), "a": st.text("ab", max_size=2)}), min_size=1, max_size=5
)


@settings(max_examples=300, deadline=None)
@given(old=items, edits=st.lists(st.tuples(st.sampled_from(["drop", "add", "move"]), st.integers(0, 9)), max_size=4))
def test_array_elements_that_stay_keep_their_text(old, edits) -> None:
    """Removing, adding or moving menu items leaves every other item written as it was (the
    keys of one item used to be rewritten into another's place, in the other's key order)."""
    old = [{**item, "n": i} for i, item in enumerate(old)]  # each one told apart (equal values are one)
    text = json.dumps({"items": old}, indent=4)
    new = list(old)
    for op, n in edits:
        if op == "drop" and new:
            new.pop(n % len(new))
        elif op == "add":
            new.insert(n % (len(new) + 1), {"a": "new", "z": 9, "n": -1 - n})
        elif new:
            new.insert(n % len(new), new.pop(0))
    doc = JsonDocument(text)
    doc.apply({"items": new})
    out = doc.dumps()
    assert json.loads(out) == {"items": new}
    for item in old:  # an item still there (same value) is found in the new text, written as before
        if item in new:
            assert json.dumps(item, indent=4).replace("\n", "\n        ") in out


def _jackson(value: object, level: int = 0) -> str:
    """``value`` as Java's Jackson pretty printer writes it: two spaces, '"name" : value', lists
    on the bracket's line ('[ {' ... '}, {' ... '} ]', '[ "a", "b" ]')."""
    pad = "  " * level
    if isinstance(value, dict):
        members = ",\n".join(f"{pad}  {json.dumps(k)} : {_jackson(v, level + 1)}" for k, v in value.items())
        return "{\n" + members + "\n" + pad + "}" if value else "{ }"
    if isinstance(value, list):
        return "[ " + ", ".join(_jackson(v, level) for v in value) + " ]" if value else "[ ]"
    return json.dumps(value)


@settings(max_examples=300, deadline=None)
@given(
    old=st.lists(st.tuples(st.integers(0, 3), st.text("ab", max_size=2)), min_size=1, max_size=5),
    edits=st.lists(st.tuples(st.sampled_from(["drop", "add", "move", "edit"]), st.integers(0, 9)), max_size=4),
)
def test_lists_of_objects_written_by_jackson_stay_in_its_layout(old, edits) -> None:
    """Entries added, removed, moved or edited in a file Jackson wrote (the layout the hypothesis
    tests above never made): the file is what Jackson writes for the new value, byte for byte."""
    items = [{"z": z, "a": a, "n": i} for i, (z, a) in enumerate(old)]
    new = [dict(item) for item in items]
    for op, n in edits:
        if op == "drop" and new:
            new.pop(n % len(new))
        elif op == "add":
            new.insert(n % (len(new) + 1), {"z": 9, "a": "new", "n": -1 - n})
        elif op == "edit" and new:
            new[n % len(new)]["a"] = "edited"
        elif new:
            new.insert(n % len(new), new.pop(0))
    doc = JsonDocument(_jackson({"items": items, "k": [1, 2]}))
    doc.apply({"items": new, "k": [1, 2]})
    assert doc.dumps() == _jackson({"items": new, "k": [1, 2]})


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        ('{"a": NaN}', 1, 7, "NaN is not a JSON value"),
        ('{"a\\"NaN": 1,\n "b": [1,\n  -Infinity]}', 3, 3, "-Infinity is not a JSON value"),
        ('{"x": "\\\\", "y": Infinity}', 1, 18, "Infinity is not a JSON value"),
        ('{"w": "1e400",\n "v": 1e400}', 2, 7, "the number 1e400 is too large"),
        # Integers past a double are Infinity in a browser; past 4,300 digits Python's int() refuses.
        ('{"v": 1' + "0" * 309 + "}", 1, 7, "the number 100000000000…(310 digits) is too large"),
        ('{"a": 1,\n "v": -' + "9" * 5000 + "}", 2, 7, "(5001 digits) is too large"),
    ],
)
def test_nan_and_infinity_are_refused_where_they_are(text: str, line: int, column: int, words: str) -> None:
    """Python's json reads them; a browser's JSON.parse does not, and the whole file is lost."""
    with pytest.raises(JsonSyntaxError) as caught:
        JsonDocument(text)
    assert (caught.value.line, caught.value.column) == (line, column)
    assert words in caught.value.message


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('{\n  // the plugins\n  "plugins": []\n}', "JSON does not allow comments"),
        ("[/* none */]", "JSON does not allow comments"),
        ("{'plugins': []}", "not single quotes"),
        ("{\"a\": 'b'}", "not single quotes"),
        ("{plugins: []}", "a name must be in double quotes"),
        ('{"a": hello}', "text must be in double quotes"),
        ('{"a": 1,}', "a comma after the last entry is not allowed"),
        # The last plugin in the list copied with its comma: "a value was expected" sent people
        # looking for a missing plugin.
        ('{"plugins": [\n  {"id": "a"},\n]}', "a comma after the last entry is not allowed"),
    ],
)
def test_javascript_habits_in_json_are_explained(text: str, words: str) -> None:
    with pytest.raises(JsonSyntaxError) as caught:
        JsonDocument(text)
    assert words in caught.value.message


def test_an_element_brought_back_is_written_in_its_own_key_order() -> None:
    """Undo after a save: the file has another item where the restored one was; patched in place,
    the restored item took the other's key order."""
    text = '{\n    "items": [\n        {\n            "label": "New item",\n            "action": "action1"\n        }\n    ]\n}\n'
    doc = JsonDocument(text)
    doc.apply({"items": [{"action": "second", "label": "Second"}]})
    out = doc.dumps()
    assert out.index('"action": "second"') < out.index('"label": "Second"')
    doc = JsonDocument(text)
    doc.apply({"items": [{"label": "Renamed", "action": "action1"}]})  # an edit of values: in place
    assert doc.dumps() == text.replace("New item", "Renamed")


def test_spans_and_schema_errors_are_values_nothing_can_change() -> None:
    """A span or a schema error handed out is shared (the document keeps its spans; the checks
    keep the errors), so neither can be changed in place; equal values compare and hash equal."""
    from designer.core.jsonfile import Span
    from designer.core.schemas import validate

    doc = JsonDocument('{"a": [1, 22]}')
    span = doc.span("/a/1")
    assert span == Span(10, 12) and hash(span) == hash(Span(10, 12)) and doc.text[span.start : span.end] == "22"
    assert repr(span) == "Span(start=10, end=12, key_start=None)"
    with pytest.raises(AttributeError):
        span.start = 0  # type: ignore[misc]
    (err,) = validate("manifest", {"brandingID": 1, "isSettingsBranded": "yes"})
    assert (err.pointer, err.at_key) == ("/isSettingsBranded", False) and "true or false" in err.message
    with pytest.raises(AttributeError):
        err.message = "changed"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ('{\r    "a": 1,\r    "b": x\r}\r', 3, 10),  # lone CRs (old Mac files)
        ('{\r\n    "a": 1,\r\n    "b": x\r\n}\r\n', 3, 10),
        ('\ufeff{\n    "a": 1,\n    "b": x\n}\n', 3, 10),
        ('\ufeff{"a": 1, "b": x}', 1, 15),  # (line 1's columns start after the mark)
        ('{"a": "one\u2028two", "b": x}', 2, 12),  # U+2028 is allowed in a JSON string
        ('{\r    "a": NaN\r}', 2, 10),
    ],
    ids=["cr", "crlf", "bom", "bom-line-1", "u2028", "nan-cr"],
)
def test_a_syntax_error_is_placed_on_the_line_the_editor_shows(text: str, line: int, column: int) -> None:
    """The decoder counts lines at LF only: after a lone CR or a U+2028 the error pointed lines
    above the mistake (a file of lone CRs: always line 1, at a column past the line's end)."""
    from designer.core.lineends import offset_of

    with pytest.raises(JsonSyntaxError) as err:
        JsonDocument(text)
    assert (err.value.line, err.value.column) == (line, column)
    assert text[offset_of(text, line, column)] in "xN"


def test_positions_after_a_u2028_in_a_string_are_on_the_line_the_editor_shows() -> None:
    """The editor breaks the line at a U+2028 written raw in a string: what follows it was a line
    too high (the underline of a problem about "b" went on the line of "a")."""
    from designer.core.lineends import offset_of

    text = '{\n    "a": "one\u2028two", "b": [1, 2],\n    "c": 3\n}\n'
    doc = JsonDocument(text)
    for pointer, written in (("/b", "[1, 2]"), ("/c", "3"), ("/a", '"one')):
        line, column = doc.position(pointer)
        assert text[offset_of(text, line, column) :].startswith(written)
    assert doc.position("/b") == (3, 12) and doc.position("/c") == (4, 10)


def test_saving_a_long_list_with_many_changed_entries_reads_the_document_once(monkeypatch) -> None:
    """Each changed value was spliced in and the whole document read again (its value and the
    place of every value in it): a settings.json of 3,000 entries with a thousand ids changed
    took minutes to save. Now only the new values are read, and the places after them move."""
    from designer.core import jsonfile

    entries = [{"id": f"p{k}", "srcURL": f"plugins/p{k}/p{k}.plugin.package.json", "enabled": True} for k in range(600)]
    text = json.dumps({"plugins": entries}, indent=4) + "\n"
    changed = {k for k in range(600) if k % 3 != 1}  # runs of two changed entries, and lone ones
    new = {"plugins": [dict(e, id=f"new-{k}") if k in changed else e for k, e in enumerate(entries)]}
    doc = JsonDocument(text)
    doc.position("/plugins/0/id")  # the places are known, as when a check has pointed at one

    decoded: list[int] = []
    real_loads = json.loads
    monkeypatch.setattr(
        jsonfile.json, "loads", lambda s, **kw: decoded.append(len(s)) or real_loads(s, **kw), raising=True
    )
    scanned: list[int] = []
    real_scan = jsonfile._scan_value
    monkeypatch.setattr(jsonfile, "_scan_value", lambda *a: scanned.append(1) or real_scan(*a))
    doc.apply(new)
    monkeypatch.undo()

    expected = text
    for k in sorted(changed, reverse=True):
        expected = expected.replace(f'"id": "p{k}",', f'"id": "new-{k}",')
    assert doc.text == expected
    assert doc.data == new
    assert dict(doc.spans.items()) == dict(JsonDocument(expected).spans.items())
    assert sum(1 for n in decoded if n > 1000) == 0  # it was once per changed id
    values = 2 + 4 * len(entries)
    assert len(scanned) < 3 * values  # a few times each value; it was every value once per changed id


def test_saving_entries_with_two_values_changed_each_moves_the_places_once_not_per_entry(monkeypatch) -> None:
    """An entry with two values changed (its id and 'enabled') was edited in the object's order:
    the second edit came after the first, so every place in the file was moved and copied again,
    once per entry (4,000 entries: over a minute to save). The file written is the same."""
    from designer.core import jsonfile

    entries = [{"id": f"p{k}", "srcURL": f"plugins/p{k}/p{k}.plugin.package.json", "enabled": True} for k in range(300)]
    text = json.dumps({"plugins": entries}, indent=4) + "\n"
    new = {"plugins": [dict(e, id=f"new-{k}", enabled=False) for k, e in enumerate(entries)]}
    doc = JsonDocument(text)
    doc.position("/plugins/0/id")  # the places are known, as when a check has pointed at one

    copied: list[int] = []
    real = jsonfile._MovedSpans.__init__
    monkeypatch.setattr(
        jsonfile._MovedSpans, "__init__", lambda self, base: copied.append(len(base)) or real(self, base)
    )
    doc.apply(new)
    monkeypatch.undo()

    expected = json.dumps(new, indent=4) + "\n"
    assert doc.text == expected
    assert doc.data == new
    assert dict(doc.spans.items()) == dict(JsonDocument(expected).spans.items())
    assert len(copied) <= 2  # it was once per entry, each time every place of the file


def test_taking_back_many_entries_goes_through_the_places_once_not_once_per_entry(monkeypatch) -> None:
    """Entries given back their text as the file had it (an undo past a save of a long list)
    are each replaced whole: each such replacement went through the place of every value in
    the file to drop the ones inside the entry, so the save took time in the square of the
    entries. The file written is the same."""
    from designer.core import jsonfile

    entries = [{"id": f"p{k}", "srcURL": f"plugins/p{k}/p{k}.plugin.package.json", "enabled": True} for k in range(300)]
    text = json.dumps({"plugins": entries}, indent=4) + "\n"
    changed = {"plugins": [dict(e, id=f"new-{k}", enabled=False) for k, e in enumerate(entries)]}
    doc = JsonDocument(text)
    doc.apply(changed)
    half = {"plugins": [e if k % 2 else changed["plugins"][k] for k, e in enumerate(entries)]}

    walked: list[int] = []

    class Counted(dict):  # the places as they were, counting each walk through them
        def __iter__(self):
            walked.append(1)
            return super().__iter__()

    real = jsonfile._MovedSpans.__init__
    monkeypatch.setattr(jsonfile._MovedSpans, "__init__", lambda self, base: real(self, Counted(base)))
    doc.apply(half)
    assert len(walked) <= 2  # it was once per entry given back
    monkeypatch.undo()

    expected = JsonDocument(text)
    expected.apply(half)
    assert doc.text == expected.text == json.dumps(half, indent=4) + "\n"
    assert doc.data == half
    assert dict(doc.spans.items()) == dict(JsonDocument(doc.text).spans.items())


def test_a_file_that_escapes_every_slash_gets_its_new_texts_written_so() -> None:
    """PHP's json_encode writes every '/' as '\\/' (and Python's json.dump every 'é' as '\\u00e9',
    which was kept already): a plugin added to such a settings.json came with plain slashes, the
    only ones in the file."""
    text = '{"plugins":[{"id":"a","srcURL":"plugins\\/a\\/a.plugin.package.json","note":"caf\\u00e9"}]}'
    doc = JsonDocument(text)
    a = {"id": "a", "srcURL": "plugins/a/a.plugin.package.json", "note": "café"}
    doc.apply({"plugins": [a, {"id": "b/c", "srcURL": "plugins/b/b.plugin.package.json", "note": "é\\/"}]})
    added = '{"id":"b\\/c","srcURL":"plugins\\/b\\/b.plugin.package.json","note":"\\u00e9\\\\\\/"}'
    assert doc.dumps() == text[:-2] + "," + added + "]}"
    assert json.loads(doc.dumps())["plugins"][1]["note"] == "é\\/"
    # A file that writes a slash as itself somewhere goes on writing them so.
    mixed = JsonDocument('{"a": "x\\/y", "b": "x/y"}')
    mixed.apply({"a": "x/y", "b": "x/y", "c": "p/q"})
    assert mixed.dumps() == '{"a": "x\\/y", "b": "x/y", "c": "p/q"}'


def test_no_regular_expression_needs_a_newer_python_than_the_package_supports() -> None:
    """pyproject says Python 3.10, whose re has no possessive quantifiers (``*+``, ``++``) nor
    atomic groups (``(?>...)``): there `check` of a package file with ``"Press "1""`` in a text
    crashed with 're.error: multiple repeat'. Every pattern written in designer/ (a module's
    constants, the literals given to re) is parsed and may use neither."""
    import ast
    from pathlib import Path

    try:
        from re import _parser
    except ImportError:  # Python 3.10: there such a pattern fails to parse, and the designer's own tests fail
        import sre_parse as _parser

    newer = {"POSSESSIVE_REPEAT", "ATOMIC_GROUP"}

    def ops(node):
        node = getattr(node, "data", node)
        if isinstance(node, list | tuple):
            for item in node:
                yield from ops(item)
        elif isinstance(node, int) and type(node) not in (int, bool):  # re's named opcodes
            yield str(node)

    def literals(tree: ast.Module):
        for statement in tree.body:
            if isinstance(statement, ast.Assign | ast.AnnAssign) and isinstance(statement.value, ast.Constant):
                yield statement.lineno, statement.value.value
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args:
                if isinstance(node.func.value, ast.Name) and node.func.value.id == "re":
                    if isinstance(node.args[0], ast.Constant):
                        yield node.lineno, node.args[0].value

    root = Path(__file__).resolve().parent.parent / "designer"
    found = []
    for path in sorted(root.rglob("*.py")):
        for line, text in literals(ast.parse(path.read_text(encoding="utf-8"))):
            try:
                parsed = _parser.parse(text)
            except Exception:  # noqa: BLE001 - not a pattern
                continue
            if newer & set(ops(parsed)):
                found.append(f"{path.relative_to(root.parent)}:{line}")
    assert found == []


def test_a_value_added_to_a_compact_file_is_compact_whatever_its_strings_hold() -> None:
    """A description reading "lock, mute" in a file written without spaces made an object added
    to it (a menu item put back by an undo) come with ', ' between its members."""
    doc = JsonDocument('{"description":"lock, mute","items":[]}')
    doc.set("/items/0", {"icon": "a.svg#a", "label": "A"})
    assert doc.dumps() == '{"description":"lock, mute","items":[{"icon":"a.svg#a","label":"A"}]}'
