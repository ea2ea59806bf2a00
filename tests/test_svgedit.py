"""The canvas's document operations (designer/core/svgedit.py): each changes only what it names."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from designer.core.svg import read_svg, scan_svg
from designer.core.svgedit import SvgDocument, SvgEditError, format_number

ICON = """<?xml version="1.0" encoding="UTF-8"?>
<!-- drawn by hand -->
<svg xmlns="http://www.w3.org/2000/svg" id="rec" viewBox="0 0 24 24">
  <circle id="dot" cx="12" cy="12" r="5" fill="currentColor"/>
  <path d="M1 1L5 5" style="stroke:red;fill:none"/>
</svg>
"""


def test_unchanged_document_gives_back_the_same_text() -> None:
    assert SvgDocument(ICON).to_text() == ICON


def test_add_appends_with_the_siblings_indentation() -> None:
    doc = SvgDocument(ICON)
    path = doc.add("rect", {"x": "2", "y": "3", "width": "4", "height": "5"})
    assert path == (2,)
    text = doc.to_text()
    assert (
        '  <path d="M1 1L5 5" style="stroke:red;fill:none"/>\n  <rect x="2" y="3" width="4" height="5"/>\n</svg>'
        in text
    )
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<!-- drawn by hand -->\n')


def test_add_to_an_empty_icon() -> None:
    doc = SvgDocument('<svg xmlns="http://www.w3.org/2000/svg" id="x" viewBox="0 0 24 24">\n</svg>\n')
    doc.add("line", {"x1": "1", "y1": "1", "x2": "5", "y2": "5"})
    assert doc.to_text() == (
        '<svg xmlns="http://www.w3.org/2000/svg" id="x" viewBox="0 0 24 24">\n'
        '  <line x1="1" y1="1" x2="5" y2="5"/>\n</svg>\n'
    )
    info = read_svg(doc.to_text().encode())
    assert info.ok and not scan_svg(doc.to_text().encode(), info)


@pytest.mark.parametrize(
    ("element", "expected"),
    [
        ('<rect x="1" y="2" width="3" height="3"/>', '<rect x="3" y="1.5" width="3" height="3"/>'),
        ('<circle cx="12" cy="12" r="2"/>', '<circle cx="14" cy="11.5" r="2"/>'),
        ('<line x1="0" y1="0" x2="4" y2="4"/>', '<line x1="2" y1="-0.5" x2="6" y2="3.5"/>'),
        ('<polyline points="1,1 2,2 3,1"/>', '<polyline points="3,0.5 4,1.5 5,0.5"/>'),
        ('<path d="M1 1h4"/>', '<path d="M1 1h4" transform="translate(2 -0.5)"/>'),
        (
            '<rect x="1" y="1" width="2" height="2" transform="rotate(45)"/>',
            '<rect x="1" y="1" width="2" height="2" transform="translate(2 -0.5) rotate(45)"/>',
        ),
    ],
)
def test_translate_keeps_shapes_readable(element: str, expected: str) -> None:
    doc = SvgDocument(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">{element}</svg>')
    doc.translate((0,), 2, -0.5)
    assert doc.to_text() == f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">{expected}</svg>'


def test_translate_twice_merges_into_one_translate() -> None:
    doc = SvgDocument('<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0"/></svg>')
    doc.translate((0,), 1, 1)
    doc.translate((0,), 1, 2)
    assert 'transform="translate(2 3)"' in doc.to_text()


def test_set_attributes_removes_the_overriding_style_property() -> None:
    doc = SvgDocument(ICON)
    doc.set_attributes((1,), {"stroke": "currentColor"})
    assert '<path d="M1 1L5 5" style="fill:none" stroke="currentColor"/>' in doc.to_text()
    doc.set_attributes((1,), {"fill": "#ff0000"})
    assert '<path d="M1 1L5 5" stroke="currentColor" fill="#ff0000"/>' in doc.to_text()


def test_restack_by_several_places_keeps_every_line_indented() -> None:
    """Each place keeps its whitespace: moved past the last shape by more than one place, its
    line break before </svg> stayed with the moved shape's old place (mid-drawing), and the
    shapes after it lost their indent."""
    rects = "".join(f'  <rect id="{n}" width="{i}" height="{i}"/>\n' for i, n in enumerate("abcd", 1))
    head = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">\n'
    for path, delta, order in [
        ((4,), -2, "adbc"),
        ((4,), -3, "dabc"),
        ((1,), 3, "bcda"),
        ((2,), 2, "acdb"),
    ]:  # (0: the title)
        doc = SvgDocument(head + "  <title>t</title>\n" + rects + "</svg>\n")
        doc.restack(path, delta)
        lines = doc.to_text().splitlines()
        assert lines[0] + "\n" == head and lines[1] == "  <title>t</title>" and lines[-1] == "</svg>"
        assert [line[:14] for line in lines[2:-1]] == [f'  <rect id="{n}"' for n in order], (path, delta, lines)


def test_delete_leaves_no_blank_line_and_restack_swaps() -> None:
    doc = SvgDocument(ICON)
    doc.add("rect", {"width": "1", "height": "1"})
    assert doc.restack((2,), -1) == (1,)
    assert doc.restack((1,), -5) == (0,)  # clamped at the bottom
    assert doc.restack((0,), 0) == (0,)
    tags = [s.tag for s in doc.shapes()]
    assert tags == ["rect", "circle", "path"]
    doc.delete((0,))
    doc.delete((1,))
    assert doc.to_text().endswith(
        '<svg xmlns="http://www.w3.org/2000/svg" id="rec" viewBox="0 0 24 24">\n'
        '  <circle id="dot" cx="12" cy="12" r="5" fill="currentColor"/>\n</svg>\n'
    )
    doc.delete((0,))
    assert doc.to_text().endswith('viewBox="0 0 24 24">\n</svg>\n')


def test_shapes_descend_into_layers_and_skip_definitions() -> None:
    doc = SvgDocument(
        '<svg xmlns="http://www.w3.org/2000/svg"><defs><path id="d" d="M0 0"/></defs>'
        '<g id="layer1"><rect id="a" width="1" height="1"/><circle r="1"/></g>'
        '<g transform="scale(2)"><rect/><rect/></g><symbol id="s"><path d="M0 0"/></symbol></svg>'
    )
    shapes = doc.shapes()
    assert [(s.path, s.tag, s.element_id) for s in shapes] == [
        ((1, 0), "rect", "a"),
        ((1, 1), "circle", None),
        ((2,), "g", None),
    ]
    assert doc.symbols() == ["s"]


def test_view_box_falls_back_to_size_then_24() -> None:
    assert SvgDocument('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 32"/>').view_box() == (0, 0, 48, 32)
    assert SvgDocument('<svg xmlns="http://www.w3.org/2000/svg" width="16px" height="20"/>').view_box() == (
        0,
        0,
        16,
        20,
    )
    assert SvgDocument('<svg xmlns="http://www.w3.org/2000/svg" width="1em"/>').view_box() == (0, 0, 24, 24)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('<svg xmlns="http://www.w3.org/2000/svg">\n<rect>\n</svg>', 3),
        ("", 1),
        ('<html xmlns="http://www.w3.org/1999/xhtml"/>', 1),
    ],
)
def test_unreadable_text_raises_with_a_line(text: str, line: int) -> None:
    with pytest.raises(SvgEditError) as info:
        SvgDocument(text)
    assert info.value.line == line


def test_entities_are_never_expanded(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    text = (
        f'<!DOCTYPE svg [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>'
    )
    assert "TOP-SECRET" not in SvgDocument(text).to_text()


def test_format_number() -> None:
    assert [format_number(v) for v in (2.0, 2.5, -0.0, 1 / 3, -0.0001)] == ["2", "2.5", "0", "0.333", "0"]


def test_paint_on_a_classed_shape_goes_into_its_style() -> None:
    """Illustrator colours shapes with class rules, which beat attributes but not inline style."""
    doc = SvgDocument(
        '<svg xmlns="http://www.w3.org/2000/svg"><style>.st0{fill:#E30613}</style>'
        '<switch><g><path class="st0" d="M0 0h4v4z"/><circle class="st0" r="1"/></g></switch></svg>'
    )
    shapes = doc.shapes()
    assert [s.tag for s in shapes] == ["path", "circle"]  # inside Illustrator's <switch>
    doc.set_attributes(shapes[0].path, {"fill": "currentColor"})
    assert '<path class="st0" d="M0 0h4v4z" style="fill:currentColor"/>' in doc.to_text()
    assert doc.paint_of(shapes[0].path, "fill") == "currentColor"
    doc.set_attributes(shapes[0].path, {"fill": "none"})
    assert 'style="fill:none"' in doc.to_text()


def test_untouched_style_keeps_its_spacing() -> None:
    doc = SvgDocument('<svg xmlns="http://www.w3.org/2000/svg"><rect style="opacity: 0.5; " width="1"/></svg>')
    doc.set_attributes((0,), {"fill": "red"})
    assert '<rect style="opacity: 0.5; " width="1" fill="red"/>' in doc.to_text()


def test_symbol_svg_draws_one_symbol_in_its_view_box() -> None:
    from designer.core.svgedit import symbol_svg

    sprite = (
        b'<svg xmlns="http://www.w3.org/2000/svg" style="display:none"><defs><linearGradient id="g"/></defs>'
        b'<symbol id="cam" viewBox="0 0 16 16"><rect width="8" height="8" fill="url(#g)"/></symbol>'
        b'<symbol id="mic" viewBox="0 0 24 24"><circle r="3"/></symbol></svg>'
    )
    out = symbol_svg(sprite, "cam")
    assert out is not None and b'viewBox="0 0 16 16"' in out and b"<rect" in out and b"<circle" not in out
    assert b"linearGradient" in out and b"display:none" not in out
    assert symbol_svg(sprite, "nope") is None and symbol_svg(b"<svg", "cam") is None


def test_a_symbol_in_defs_is_drawn_without_the_other_symbols_but_with_one_it_uses() -> None:
    """The app's own sprite keeps every symbol in one <defs>: each symbol's drawing held them all."""
    from designer.core.svgedit import symbol_svg, symbol_svgs

    sprite = (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><defs>'
        b'<linearGradient id="g"/><symbol id="dot" viewBox="0 0 24 24"><circle r="3" fill="url(#g)"/></symbol>'
        b'<symbol id="bar" viewBox="0 0 24 24"><rect width="20" height="4"/></symbol>'
        b'<symbol id="both" viewBox="0 0 24 24"><use xlink:href="#dot"/><path d="M0 0"/></symbol>'
        b"</defs></svg>"
    )
    drawings = symbol_svgs(sprite)
    assert list(drawings) == ["dot", "bar", "both"]
    assert all(drawings[name] == symbol_svg(sprite, name) for name in drawings)
    assert b"<rect" not in drawings["dot"] and b"linearGradient" in drawings["dot"]
    assert b'id="dot"' in drawings["both"] and b'id="bar"' not in drawings["both"]
    assert symbol_svgs(b"<svg") == {}


def test_drawing_every_symbol_of_a_big_sprite_copies_each_symbol_about_once(monkeypatch) -> None:
    """The icon editor draws every symbol again after each key typed in the XML: each drawing
    copied the whole <defs> (all the symbols) and then removed the others, two seconds a key for
    a sprite of 1,000 symbols. Now the <defs> without symbols is made once per reading; the
    drawings are the same (compared with symbol_svg, which draws one symbol the old way)."""
    import copy

    from designer.core.svgedit import symbol_svg, symbol_svgs

    count = 300
    fill = ' fill="url(#g)"'  # (every other symbol uses the gradient)
    symbols = "".join(
        f'<symbol id="s{i}" viewBox="0 0 24 24"><path d="M0 0L{i} 1"{fill * (i % 2)}/></symbol>' for i in range(count)
    )
    sprite = (
        f'<svg xmlns="http://www.w3.org/2000/svg"><defs><linearGradient id="g"/>{symbols}'
        '<symbol id="uses" viewBox="0 0 24 24"><use href="#s1"/></symbol></defs></svg>'
    ).encode()
    real = copy.deepcopy
    copied: list[int] = []
    monkeypatch.setattr(
        copy, "deepcopy", lambda x, *a: copied.append(sum(1 for _ in x.iter("{*}symbol"))) or real(x, *a)
    )
    drawings = symbol_svgs(sprite)
    monkeypatch.setattr(copy, "deepcopy", real)
    assert len(drawings) == count + 1
    # (the one that uses another symbol still takes the <defs> whole: one copy of every symbol)
    assert sum(copied) < 3 * count, sum(copied)
    for name in ("s0", "s1", "s2", f"s{count - 1}", "uses"):
        assert drawings[name] == symbol_svg(sprite, name)
    assert b'id="s1"' in drawings["uses"] and b'id="s2"' not in drawings["uses"]


def test_a_symbol_using_more_than_a_hundred_others_gets_no_picture() -> None:
    """A sprite of symbols each using the next: every drawing carries all those it uses, and 1,000
    of them made 47 MB of drawings, seven seconds after each key typed in the icon editor's XML.
    A symbol whose picture would carry more than MAX_USED_IN_A_PICTURE others is left without one
    (the list shows it with no picture); the others are drawn as symbol_svg draws them, and
    symbol_svg, which draws the one symbol a user picked, still draws any of them."""
    from designer.core.svgedit import MAX_USED_IN_A_PICTURE, symbol_svg, symbol_svgs

    count = 1000
    symbols = "".join(
        f'<symbol id="s{i}" viewBox="0 0 24 24"><circle r="{i}"/>'
        + (f'<use href="#s{i + 1}"/>' if i + 1 < count else "")
        + "</symbol>"
        for i in range(count)
    )
    sprite = f'<svg xmlns="http://www.w3.org/2000/svg"><defs>{symbols}</defs></svg>'.encode()
    drawings = symbol_svgs(sprite)
    # s{i} uses the count - 1 - i symbols after it: drawn from the one using exactly the limit on.
    first = count - 1 - MAX_USED_IN_A_PICTURE
    assert list(drawings) == [f"s{i}" for i in range(first, count)]
    for name in (f"s{first}", f"s{count - 2}", f"s{count - 1}"):
        assert drawings[name] == symbol_svg(sprite, name)
    assert drawings[f"s{first}"].count(b"<symbol") == MAX_USED_IN_A_PICTURE
    assert symbol_svg(sprite, "s0").count(b"<symbol") == count - 1


def test_error_message_does_not_repeat_the_position() -> None:
    with pytest.raises(SvgEditError) as info:
        SvgDocument('<svg xmlns="http://www.w3.org/2000/svg">\n<rect x=1/>\n</svg>')
    assert "line" not in str(info.value) and info.value.line == 2


def test_markup_in_comments_outside_the_root_survives_an_edit() -> None:
    text = (
        '<!-- icon: <svg> lock -->\n<svg xmlns="http://www.w3.org/2000/svg"><rect x="1" y="1" width="2" height="2"/>'
        "</svg>\n<!-- </svg> after -->\n"
    )
    doc = SvgDocument(text)
    doc.translate((0,), 1, 0)
    assert doc.to_text() == text.replace('x="1"', 'x="2"')


def test_crlf_files_keep_their_line_endings() -> None:
    text = (
        '<?xml version="1.0"?>\r\n<svg xmlns="http://www.w3.org/2000/svg">\r\n'
        '  <rect x="1" y="1" width="2" height="2"/>\r\n  <circle r="1"/>\r\n</svg>\r\n'
    )
    doc = SvgDocument(text)
    doc.translate((0,), 0, 1)
    assert doc.to_text() == text.replace('y="1"', 'y="2"')


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_a_shape_added_to_a_crlf_or_lone_cr_file_ends_its_line_so(newline: str) -> None:
    """A lone-CR icon (classic Mac) got the added shape's line ending in LF."""
    text = '<svg xmlns="http://www.w3.org/2000/svg">\n  <circle r="1"/>\n</svg>\n'.replace("\n", newline)
    doc = SvgDocument(text)
    doc.add("rect", {"width": "2", "height": "2"})
    added = '  <rect width="2" height="2"/>\n</svg>'.replace("\n", newline)
    assert doc.to_text() == text.replace("</svg>", added)


def test_set_root_attribute_edits_only_the_root_tag() -> None:
    from designer.core.svgedit import set_root_attribute

    text = '<!-- <svg id="x"> -->\n<svg xmlns="http://www.w3.org/2000/svg" data-id="q" id="old">\n<g id="old2"/></svg>'
    assert set_root_attribute(text, "id", "new") == text.replace('id="old"', 'id="new"')
    plain = '<svg xmlns="http://www.w3.org/2000/svg"/>'
    assert (
        set_root_attribute(plain, "viewBox", "0 0 24 24")
        == '<svg viewBox="0 0 24 24" xmlns="http://www.w3.org/2000/svg"/>'
    )
    with pytest.raises(ValueError):
        set_root_attribute("<html/>", "id", "x")


# -- an edit changes only what it changed (svgsplice) -------------------------------------------
KEEPSAKES = {
    "cdata": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">\n'
    "<style><![CDATA[ .a > .b { fill: red } /* x < y && */ ]]></style>\n"
    '<rect x="1" y="1" width="4" height="4"/>\n</svg>\n',
    "charrefs": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">\n'
    "<title>Caf&#233; &amp; bar&#160;&#x27;q&#x27;</title>\n"
    '<rect x="1" y="1" width="4" height="4"/>\n</svg>\n',
    "quotes": "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox='0 0 24 24'>\n"
    '<path d="M0 0\n   L10 10" data-x=\'say "hi"\' data-y="a&gt;b"/>\n'
    '<rect x="1" y="1" width="4" height="4"/>\n</svg>\n',
    "entities": '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE svg [\n\t<!ENTITY ns_svg "http://www.w3.org/2000/svg">\n'
    '\t<!ENTITY st0 "fill:#FF0000;">\n]>\n<svg version="1.1" xmlns="&ns_svg;" viewBox="0 0 24 24">\n'
    '<rect x="1" y="1" width="4" height="4" style="&st0;"/>\n<circle cx="12" cy="12" r="3"/>\n</svg>\n',
    "explicit_end": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><g></g>'
    '<rect x="1" y="1" width="4" height="4" ></rect></svg>',
    # An entity used in a text stays a node of its own in the tree, which canonical XML cannot write.
    "entity_refs": '<!DOCTYPE svg [<!ENTITY check "&#x2713;">]>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">\n'
    "<title>Caf&#233; &check;</title>\n<style><![CDATA[ .a > .b {} ]]></style>\n"
    '<rect x="1" y="1" width="4" height="4"/>\n</svg>\n',
}


@pytest.mark.parametrize("name", sorted(KEEPSAKES))
def test_moving_a_shape_changes_only_its_own_tag(name: str) -> None:
    import difflib

    text = KEEPSAKES[name]
    doc = SvgDocument(text)
    rect = next(s for s in doc.shapes() if s.tag == "rect")
    doc.translate(rect.path, 1, 0)
    out = doc.to_text()
    changed = [
        line
        for line in difflib.unified_diff(text.splitlines(), out.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert len(changed) == 2 and 'x="1"' in changed[0] and 'x="2"' in changed[1], changed


OPS = st.lists(
    st.tuples(st.sampled_from(["add", "move", "paint", "delete", "restack", "text", "root_id"]), st.integers(0, 50)),
    min_size=1,
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(KEEPSAKES)), st.booleans(), OPS)
def test_any_edit_sequence_splices_into_text_that_reads_back_as_the_edited_tree(name: str, crlf: bool, ops) -> None:
    """Every edit the canvas makes is written by splicing (not by lxml's fallback), and the text
    parses into exactly the edited tree."""
    text = KEEPSAKES[name].replace("\n", "\r\n") if crlf else KEEPSAKES[name]
    doc = SvgDocument(text)
    for op, n in ops:
        shapes = doc.shapes()
        shape = shapes[n % len(shapes)] if shapes else None
        if op == "add" or shape is None:
            doc.add("circle", {"cx": str(n), "cy": "3", "r": "2"})
        elif op == "move":
            doc.translate(shape.path, n % 5 + 1, -1)
        elif op == "paint":
            doc.set_attributes(shape.path, {"fill": "#12ab34" if n % 2 else None, "stroke": "red"})
        elif op == "delete":
            doc.delete(shape.path)
        elif op == "restack":
            doc.restack(shape.path, 1 if n % 2 else -1)
        elif op == "text" and shape.tag == "text":
            doc.set_text(shape.path, f"now {n} > 1")
        elif op == "text":
            doc.add("text", {"x": "1", "y": "20"}, text=f"a < b & 'c' {n}")
        else:
            doc.set_root_id(f"icon-{n}")
        assert doc._spans is not None
        body = doc._spans.write(doc.root, doc._newline)
        assert body is not None and doc._reads_back(doc._prolog + body + doc._epilog)
        assert doc.to_text() == doc._prolog + body + doc._epilog
        if "\r\n" in text:  # a CRLF file stays CRLF, new lines included
            assert "\n" not in doc.to_text().replace("\r\n", "")


def test_an_xml_error_in_a_file_of_lone_cr_line_ends_is_on_the_line_the_editor_shows() -> None:
    """libxml2 counts lines at LF only: the icon editor said "line 1" for every mistake."""
    with pytest.raises(SvgEditError) as err:
        SvgDocument('<svg xmlns="http://www.w3.org/2000/svg">\r  <g>\r  </h>\r</svg>\r')
    assert err.value.line == 3


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        (
            '<?xml version="1.0" encoding=\'UTF-8?>\n<svg xmlns="http://www.w3.org/2000/svg"/>',
            "not closed with its quote",
        ),
        ('<?xml version="1.0" encoding=UTF-8?>\n<svg xmlns="http://www.w3.org/2000/svg"/>', "not in quotes"),
        ('<?xmlversion="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>', "processing instruction"),
        ('<svg xmlns="http://www.w3.org/2000/svg"><rect/><? x</svg>', "processing instruction"),
    ],
)
def test_slips_in_declarations_are_said_plainly(text: str, plain: str) -> None:
    with pytest.raises(SvgEditError) as err:
        SvgDocument(text)
    assert plain in str(err.value), str(err.value)


# -- an imported icon's cut-out (svgimport's mask): each edit of a cut shape keeps its hole ----------

BADGE = b"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">
  <circle cx="12" cy="12" r="10" fill="#000"/>
  <g transform="rotate(10 12 12)"><path d="M7 12l3 3 7-7" fill="none" stroke="#fff" stroke-width="2"/></g>
  <rect x="10" y="4" width="4" height="2" fill="#ffffff"/>
</svg>"""


def _cut_badge() -> SvgDocument:
    from designer.core.svgimport import CUT_OUT, import_svg

    return SvgDocument(import_svg(BADGE, "badge.svg", colours=CUT_OUT).text)


def _mask_lines(text: str) -> list[str]:
    inside = text.split("<mask", 1)[1].split("</mask>", 1)[0]
    return [line.strip() for line in inside.splitlines()[1:] if line.strip()]


def test_a_cut_out_shape_in_a_turned_group_takes_its_hole_along() -> None:
    doc = _cut_badge()
    group = next(s for s in doc.shapes() if s.tag == "g")
    doc.translate(group.path, 1, 0)
    text = doc.to_text()
    assert text.count('<g transform="translate(1 0) rotate(10 12 12)">') == 2  # the tick, and its copy
    assert _mask_lines(text)[1:4] == [  # laid out as the import wrote it
        '<g transform="translate(1 0) rotate(10 12 12)">',
        '<path d="M7 12l3 3 7-7" stroke-width="2" style="fill:none;stroke:black"/>',
        "</g>",
    ]
    assert scan_svg(text.encode(), read_svg(text.encode())) == []


def test_a_wider_stroke_or_no_fill_on_a_cut_shape_shows_in_its_hole() -> None:
    doc = _cut_badge()
    tick, bar = [s for s in doc.shapes() if s.tag in ("g", "rect")]
    doc.set_attributes(tick.path + (0,), {"stroke-width": "3"})
    doc.set_attributes(bar.path, {"fill": "none", "stroke": "currentColor"})
    lines = _mask_lines(doc.to_text())
    assert lines[2] == '<path d="M7 12l3 3 7-7" stroke-width="3" style="fill:none;stroke:black"/>'
    assert lines[4] == '<rect x="10" y="4" width="4" height="2" style="fill:none;stroke:black"/>'


def test_restacking_a_cut_shape_restacks_its_hole() -> None:
    doc = _cut_badge()
    bar = doc.shapes()[-1]
    path = doc.restack(doc.restack(bar.path, -1), -1)  # behind the disc: covered by it, no longer a hole in it
    lines = _mask_lines(doc.to_text())
    assert [line.split(" ", 1)[0] for line in lines] == ["<rect", "<rect", "<circle", "<g", "<path", "</g>"]
    assert 'style="fill:black;stroke:none"' in lines[1] and 'style="fill:white;stroke:none"' in lines[2]
    doc.restack(doc.restack(path, 1), 1)  # in front again: as imported
    assert _mask_lines(doc.to_text()) == _mask_lines(_cut_badge().to_text())


def test_a_mask_written_by_hand_is_left_alone() -> None:
    text = (
        '<svg xmlns="http://www.w3.org/2000/svg" id="m" viewBox="0 0 24 24">\n'
        '  <mask id="k"><circle cx="5" cy="5" r="2" style="fill:black;stroke:none"/></mask>\n'
        '  <g mask="url(#k)">\n    <circle cx="5" cy="5" r="2"/>\n    <rect width="4" height="4"/>\n  </g>\n</svg>\n'
    )
    doc = SvgDocument(text)
    doc.translate(doc.shapes()[0].path, 3, 0)
    assert '<mask id="k"><circle cx="5" cy="5" r="2"' in doc.to_text()


@pytest.mark.parametrize("ns", [' xmlns="http://www.w3.org/2000/svg"', ""])
def test_the_pictures_of_a_big_sprite_look_at_its_top_level_once_each(monkeypatch, ns: str) -> None:
    """A sprite of symbols side by side under <svg> (as icon sites ship them) was walked whole for
    every symbol's picture, to find its <defs> and <style>: 3,000 symbols held the icon editor for
    ten seconds when the file opened, and again after each key typed in its XML."""
    from designer.core import svgedit

    n = 400
    data = (
        f"<svg{ns}><style>.a{{fill:red}}</style><defs><circle id='dot' r='1'/></defs>"
        + "".join(f'<symbol id="s{i}" viewBox="0 0 24 24"><path d="M{i % 20} 0h4v4z"/></symbol>' for i in range(n))
        + '<symbol id="uses" viewBox="0 0 24 24"><use href="#dot"/></symbol></svg>'
    ).encode()
    looked: list[int] = []
    real = svgedit._local
    monkeypatch.setattr(svgedit, "_local", lambda tag: looked.append(1) or real(tag))
    drawings = svgedit.symbol_svgs(data)
    assert len(drawings) == n + 1 and len(looked) < 10 * n
    assert b"dot" in drawings["uses"] and b".a{fill:red}" in drawings["s7"] and b"s8" not in drawings["s7"]


# -- copy, paste and duplicate -----------------------------------------------------------------------


def test_a_duplicated_cut_out_detail_gets_its_own_hole_and_deleting_it_gives_the_icon_back() -> None:
    doc = _cut_badge()
    before = doc.to_text()
    bar = next(s for s in doc.shapes() if s.tag == "rect")
    (copy_path,) = doc.duplicate([(bar.path, 0, 4)])
    text = doc.to_text()
    assert _mask_lines(text)[-1] == '<rect x="10" y="8" width="4" height="2" style="fill:black;stroke:none"/>'
    assert '<rect x="10" y="8" width="4" height="2" fill="currentColor"/>' in text
    assert scan_svg(text.encode(), read_svg(text.encode())) == []
    doc.delete(copy_path)
    assert doc.to_text() == before


def test_a_fragment_takes_the_groups_transform_and_the_gradient_and_pastes_back_without_a_second_one() -> None:
    icon = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">\n'
        '  <defs><radialGradient id="g1" href="#g0"/><linearGradient id="g0"/></defs>\n'
        '  <g transform="scale(2)"><circle id="dot" cx="3" cy="3" r="1" fill="url(#g1)"/><path d="M0 0h1"/></g>\n'
        "</svg>\n"
    )
    doc = SvgDocument(icon)
    fragment = doc.fragment([(1, 0)])  # the circle in the scaled group
    assert '<g transform="scale(2)"><circle id="dot"' in fragment
    assert 'id="g1"' in fragment and 'id="g0"' in fragment  # (the one the gradient names too)
    pasted = doc.paste(fragment, 1, 1)
    text = doc.to_text()
    assert text.count("Gradient id=") == 2  # the icon's own are used
    assert '<g transform="translate(1 1) scale(2)"><circle id="dot-2" cx="3" cy="3" r="1" fill="url(#g1)"/></g>' in text
    assert [s.path for s in doc.shapes()][-1] == pasted[0]


def test_paste_into_an_icon_without_the_svg_namespace_and_of_nothing_drawn() -> None:
    doc = SvgDocument('<svg viewBox="0 0 24 24">\n  <path d="M1 1h2"/>\n</svg>\n')
    doc.paste('<svg xmlns="http://www.w3.org/2000/svg"><rect width="2" height="2"/></svg>', 1, 1)
    assert (
        doc.to_text()
        == '<svg viewBox="0 0 24 24">\n  <path d="M1 1h2"/>\n  <rect width="2" height="2" x="1" y="1"/>\n</svg>\n'
    )
    for bad in ("", "words", "<svg xmlns='http://www.w3.org/2000/svg'><script>x</script></svg>", "<html/>"):
        with pytest.raises(SvgEditError):
            doc.paste(bad, 1, 1)


def test_a_shape_pasted_into_another_icon_keeps_the_paint_it_took_from_its_svg_and_groups() -> None:
    """The built-in icons write their paint once, on the <svg> (fill none, a round stroke): a
    finger pasted into the example's hand (fill currentColor) came out as a filled blob."""
    stroked = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor"'
        ' stroke-width="2" stroke-linecap="round">\n'
        '  <path d="M6 13.5V7"/>\n'
        '  <g style="stroke:red"><path d="M1 1h3"/><path d="M2 2h3"/></g>\n'
        "</svg>\n"
    )
    fragment = SvgDocument(stroked).fragment([(0,), (1, 0)])
    filled = SvgDocument('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="currentColor">\n</svg>\n')
    filled.paste(fragment, 1, 1)
    text = filled.to_text()
    assert (
        '<path d="M6 13.5V7" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"'
        ' transform="translate(1 1)"/>'
    ) in text
    assert '<path d="M1 1h3" stroke="red" fill="none" stroke-width="2" stroke-linecap="round"' in text
    # Back into its own icon it writes nothing the <svg> gives it already.
    same = SvgDocument(stroked)
    same.paste(fragment, 1, 1)
    assert '<path d="M6 13.5V7" transform="translate(1 1)"/>' in same.to_text()


def test_a_shape_from_an_icon_that_paints_nowhere_keeps_svgs_own_paint_in_one_that_strokes() -> None:
    plain = SvgDocument(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">\n  <rect width="4" height="4"/>\n</svg>\n'
    )
    stroked = SvgDocument(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor">\n</svg>\n'
    )
    stroked.paste(plain.fragment([(0,)]), 1, 1)  # (it was a black square; an outline it is not)
    assert '<rect width="4" height="4" fill="black" stroke="none" x="1" y="1"/>' in stroked.to_text()


def test_a_shape_pasted_into_an_icon_of_another_size_lands_at_the_same_place_and_size() -> None:
    """Copied from a 24×24 icon into a 48×48 one it kept its numbers: half its size, in a corner."""
    stroked = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor"'
        ' stroke-width="2">\n  <rect x="2" y="2" width="6" height="6"/>\n  <path d="M1 1h4a1 1 0 011 1"/>\n'
        '  <text x="1" y="20">A</text>\n</svg>\n'
    )
    fragment = SvgDocument(stroked).fragment([(0,), (1,), (2,)])
    big = SvgDocument(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" fill="none" stroke="currentColor"'
        ' stroke-width="2">\n</svg>\n'
    )
    big.paste(fragment, 2, 2)  # (a cell of the 48×48 grid on)
    text = big.to_text()
    # The attributes take the size (the stroke, as wide as it looked); a text, a transform.
    assert '<rect x="6" y="6" width="12" height="12" stroke-width="4"/>' in text
    assert '<path d="M4 4 h8 a2 2 0 0 1 2 2" stroke-width="4"/>' in text
    assert '<text x="1" y="20" transform="translate(2 2) scale(2)">A</text>' in text
    # A viewBox of the same size elsewhere: moved alike, its numbers kept.
    offset = SvgDocument('<svg xmlns="http://www.w3.org/2000/svg" viewBox="-12 -12 24 24">\n</svg>\n')
    offset.paste(SvgDocument(stroked).fragment([(0,)]), 1, 1)
    assert '<rect x="-9" y="-9" width="6" height="6" fill="none"' in offset.to_text()
    # A wide icon: scaled to its height and centred, as an <img> of the icon would be.
    wide = SvgDocument('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 48">\n</svg>\n')
    wide.paste(SvgDocument(stroked).fragment([(0,)]), 0, 0)
    assert '<rect x="28" y="4" width="12" height="12"' in wide.to_text()


def test_transform_writes_a_shapes_own_attributes_or_a_transform() -> None:
    doc = SvgDocument(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">\n'
        '  <circle cx="5" cy="5" r="2" fill="red"/>\n  <ellipse cx="5" cy="5" rx="2" ry="1"/>\n'
        '  <path d="m1 1 2 2z"/>\n  <path d="M1 1A2 1 30 0 1 3 3"/>\n  <line x1="1" y1="1" x2="3" y2="3"/>\n'
        '  <polygon points="1,1 3,1 2,3"/>\n</svg>\n'
    )
    for i in range(6):
        doc.transform((i,), (2, 0, 0, 3, 1, 0))
    assert doc.to_text() == (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">\n'
        '  <ellipse cx="11" cy="15" rx="4" ry="6" fill="red"/>\n  <ellipse cx="11" cy="15" rx="4" ry="3"/>\n'
        '  <path d="m3 3 4 6 z"/>\n  <path d="M1 1A2 1 30 0 1 3 3" transform="translate(1 0) scale(2 3)"/>\n'
        '  <line x1="3" y1="3" x2="7" y2="9"/>\n  <polygon points="3,3 7,3 5,9"/>\n</svg>\n'
    )


def test_paint_given_by_a_class_goes_along_into_another_icon() -> None:
    """Illustrator paints by class: pasted into an icon without the rule, the shape came out black."""
    icon = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">\n'
        "  <style>.cls-1{fill:#e30;stroke:blue} .cls-2{opacity:.5}</style>\n"
        '  <rect class="cls-1" x="2" y="2" width="6" height="6"/>\n'
        '  <circle class="cls-1 cls-2" style="stroke:green" cx="5" cy="5" r="2"/>\n</svg>\n'
    )
    fragment = SvgDocument(icon).fragment([(1,), (2,)])
    other = SvgDocument(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">\n  <style>.cls-1{fill:black}</style>\n</svg>\n'
    )
    other.paste(fragment, 1, 1)
    text = other.to_text()
    assert '<rect class="cls-1" x="3" y="3" width="6" height="6" style="fill:#e30;stroke:blue"/>' in text
    assert '<circle class="cls-1 cls-2" style="stroke:green;fill:#e30;opacity:.5" cx="6" cy="6" r="2"/>' in text
    assert text.count("<style>") == 1  # (the rules are not copied)
    same = SvgDocument(icon)
    same.paste(fragment, 1, 1)  # back into its own icon: nothing written
    assert same.to_text().endswith('<circle class="cls-1 cls-2" style="stroke:green" cx="6" cy="6" r="2"/>\n</svg>\n')


def test_transform_leaves_out_what_was_left_out_and_does_not_multiply_lengths_with_units() -> None:
    doc = SvgDocument(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">\n'
        '  <rect width="6" height="6"/>\n  <rect width="50%" height="6"/>\n</svg>\n'
    )
    doc.transform((0,), (2, 0, 0, 2, 0, 0))
    doc.transform((1,), (2, 0, 0, 2, 0, 0))
    assert doc.to_text() == (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">\n'
        '  <rect width="12" height="12"/>\n  <rect width="50%" height="6" transform="scale(2)"/>\n</svg>\n'
    )


def test_a_shape_in_a_group_painted_by_class_takes_that_paint_along() -> None:
    """Illustrator paints a group by class (``<g class="st0">``): a shape copied out of it lost it."""
    icon = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">\n'
        "  <style>.st0{fill:#e30}</style>\n"
        '  <g class="st0"><path d="M1 1h3v3z"/><path style="fill:blue" d="M9 9h3v3z"/></g>\n</svg>\n'
    )
    fragment = SvgDocument(icon).fragment([(1, 0), (1, 1)])
    other = SvgDocument('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">\n</svg>\n')
    other.paste(fragment, 1, 1)
    text = other.to_text()
    assert '<path d="M1 1h3v3z" fill="#e30" transform="translate(1 1)"/>' in text
    assert '<path style="fill:blue" d="M9 9h3v3z" transform="translate(1 1)"/>' in text  # its own wins


def test_set_root_attribute_reads_past_a_greater_than_sign_in_a_value() -> None:
    """A '>' in a value before the id ("Next > last", which XML allows) was taken for the end of
    the tag: the id was not found there, and a second one was added, which no reader accepts."""
    from designer.core.svgedit import set_root_attribute

    text = '<svg xmlns="http://www.w3.org/2000/svg" aria-label="Next > last" id="old">\n<g id="old2"/></svg>'
    assert set_root_attribute(text, "id", "new") == text.replace('id="old"', 'id="new"')
    text = "<svg xmlns='http://www.w3.org/2000/svg' data-note=\"say id='x'\" viewBox='0 0 9 9'/>"
    assert set_root_attribute(text, "id", "i") == text.replace("<svg ", '<svg id="i" ')
    assert set_root_attribute(text, "viewBox", "0 0 24 24") == text.replace("0 0 9 9", "0 0 24 24")


def test_restacking_an_element_written_with_the_svg_prefix_keeps_the_file_as_written() -> None:
    """A file that declares the SVG namespace twice (xmlns and xmlns:svg, as Inkscape does) with
    an element written "svg:g": moved, lxml took it for a "g", the splice no longer read back
    the same, and the whole file was written out by lxml (comments' places, quotes, layout)."""
    text = (
        "<svg xmlns='http://www.w3.org/2000/svg' xmlns:svg='http://www.w3.org/2000/svg' viewBox='0 0 24 24'>\n"
        "  <svg:g><rect x='1' y='1' width='4' height='4'/></svg:g>\n"
        "  <circle cx='3' cy='3' r='1'/>\n"
        "</svg>\n"
    )
    doc = SvgDocument(text)
    doc.restack((0,), 1)
    assert doc.to_text() == (
        "<svg xmlns='http://www.w3.org/2000/svg' xmlns:svg='http://www.w3.org/2000/svg' viewBox='0 0 24 24'>\n"
        "  <circle cx='3' cy='3' r='1'/>\n"
        "  <svg:g><rect x='1' y='1' width='4' height='4'/></svg:g>\n"
        "</svg>\n"
    )


def test_a_text_using_an_entity_is_copied_and_pasted_with_its_characters() -> None:
    """The copy of a text using an entity the icon declares (&check;) held the bare reference,
    which means nothing outside that icon: pasting it, even into the same icon, said "the
    clipboard holds no SVG drawing"."""
    text = (
        '<!DOCTYPE svg [<!ENTITY check "&#x2713;"><!ENTITY amp2 "a &amp; b">]>\n'
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">\n<text x="1" y="9">Done &check; &amp2;</text>\n</svg>\n'
    )
    doc = SvgDocument(text)
    fragment = doc.fragment([(0,)])
    assert "Done \u2713 a &amp; b</text>" in fragment
    doc.paste(fragment, 1, 1)
    assert doc.to_text().startswith(text[: text.index("</svg>")])
    assert '<text x="2" y="10">Done \u2713 a &amp; b</text>' in doc.to_text()
