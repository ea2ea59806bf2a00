"""SVG safety: hostile icons are reported and sanitised without any file or network access."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from designer.cli import main
from designer.core.checks import run_checks
from designer.core.fixes import apply_fix
from designer.core.model import load, save
from designer.core.problems import Fix
from designer.core.svg import read_svg, sanitise_svg, scan_svg

SECRET = "TOP-SECRET-d41d8cd98f00"


def hostile_svg(secret_file: Path) -> bytes:
    uri = secret_file.as_uri()
    return (
        '<?xml version="1.0"?>\n'
        f'<!DOCTYPE svg SYSTEM "http://127.0.0.1:9/evil.dtd" [\n'
        f'  <!ENTITY xxe SYSTEM "{uri}">\n'
        f'  <!ENTITY % pe SYSTEM "http://127.0.0.1:9/pe.dtd">\n'
        '  <!ENTITY lol "lol">\n'
        '  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n'
        '  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n'
        "]>\n"
        '<?xml-stylesheet href="http://127.0.0.1:9/s.css"?>\n'
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" id="rec" '
        'viewBox="0 0 24 24" onload="fetch(1)">\n'
        "  <title>&xxe;&lol3;</title>\n"
        '  <image xlink:href="http://127.0.0.1:9/track.png"/>\n'
        f'  <use href="{uri}#x"/>\n'
        '  <circle cx="12" cy="12" r="6"/>\n'
        "</svg>\n"
    ).encode()


def test_hostile_svg_reads_no_file_and_opens_no_socket(
    base_project: Path, tmp_path: Path, no_network: list[object], capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    svg = base_project / "webapp2/plugins/rec/rec.svg"
    svg.write_bytes(hostile_svg(secret))

    info = read_svg(svg.read_bytes())
    assert info.ok and "rec" in info.ids
    from lxml import etree

    assert SECRET not in etree.tostring(info.tree, encoding="unicode")
    codes = {f.code for f in scan_svg(svg.read_bytes(), info)}
    assert {"PD411", "PD413", "PD415"} <= codes

    assert main(["check", str(base_project), "--json"]) == 1
    out = capsys.readouterr().out
    assert SECRET not in out
    report = json.loads(out)
    assert {"PD411", "PD413", "PD415"} <= {p["code"] for p in report["problems"]}

    main(["check", str(base_project), "--fix"])
    cleaned = svg.read_text(encoding="utf-8")
    assert SECRET not in cleaned and "ENTITY" not in cleaned and "127.0.0.1" not in cleaned and "file:" not in cleaned
    assert 'id="rec"' in cleaned and "<circle" in cleaned
    assert [p for p in run_checks(load(base_project)) if p.file.endswith(".svg")] == []
    assert no_network == []


def test_billion_laughs_is_refused_quickly(base_project: Path) -> None:
    import time

    levels = "".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    data = f'<!DOCTYPE svg [<!ENTITY l0 "ha">{levels}]>\n<svg xmlns="http://www.w3.org/2000/svg" id="rec"><title>&l9;</title></svg>'
    start = time.perf_counter()
    info = read_svg(data.encode())
    assert time.perf_counter() - start < 1.0
    if info.ok:  # parsed without expanding: the entities are declared, so PD411
        assert "PD411" in {f.code for f in scan_svg(data.encode(), info)}
    else:  # libxml2 refuses the amplification outright: an unreadable icon (PD403), not a crash
        assert "amplification" in info.error or "entity" in info.error.lower()
    (base_project / "webapp2/plugins/rec/rec.svg").write_text(data, encoding="utf-8")
    found = [p for p in run_checks(load(base_project)) if p.file.endswith(".svg")]
    assert found and found[0].code in ("PD403", "PD411") and found[0].line >= 1


def test_sanitiser_keeps_drawing_and_every_id() -> None:
    data = (
        b'<svg xmlns="http://www.w3.org/2000/svg" id="sprite">'
        b'<defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs>'
        b'<symbol id="mic" viewBox="0 0 24 24"><path d="M0 0h24" fill="url(#g)" data-x="1"/></symbol>'
        b'<symbol id="cam" viewBox="0 0 24 24"><rect width="4" height="4" onclick="x()"/></symbol>'
        b'<use href="#mic"/><a href="https://example.com"><circle id="c" r="1"/></a>'
        b"</svg>"
    )
    text, lost = sanitise_svg(data)
    assert lost == []
    info = read_svg(text.encode())
    assert set(info.ids) == {"sprite", "g", "mic", "cam", "c"}
    assert "onclick" not in text and "https://" not in text and 'href="#mic"' in text and 'data-x="1"' in text
    assert [f.code for f in scan_svg(text.encode(), info)] == []
    # Idempotent: a clean file stays the same.
    assert sanitise_svg(text.encode())[0] == text


def test_sanitiser_refuses_unreadable_svg() -> None:
    with pytest.raises(ValueError):
        sanitise_svg(b"<svg><g></svg>")


def test_standard_public_doctype_is_accepted(base_project: Path) -> None:
    """Illustrator and Inkscape write the W3C's public DOCTYPE; browsers never fetch its DTD and
    SPEC 5b says to accept SVGs with one: no warning, so check --strict passes."""
    svg = base_project / "webapp2/plugins/rec/rec.svg"
    text = svg.read_text(encoding="utf-8")
    for doctype in (
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">',
        "<!DOCTYPE svg PUBLIC '-//W3C//DTD SVG 1.0//EN' 'http://www.w3.org/TR/2001/REC-SVG-20010904/DTD/svg10.dtd'>",
        "<!DOCTYPE svg>",
    ):
        svg.write_text(doctype + "\n" + text, encoding="utf-8")
        assert [p for p in run_checks(load(base_project)) if p.file.endswith(".svg")] == [], doctype


def test_other_doctype_is_a_warning_whose_fix_removes_only_it(base_project: Path) -> None:
    """The fix used to sanitise the whole file (comment, xmlns:xlink, the root tag's layout and
    the declared encoding's case all changed); now only the DOCTYPE goes."""
    svg = base_project / "webapp2/plugins/rec/rec.svg"
    text = svg.read_text(encoding="utf-8")
    head = '<?xml version="1.0" encoding="utf-8"?>\r\n<!-- Generator: Adobe Illustrator -->\r\n'
    doctype = '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "svg11.dtd" [\r\n  <!ATTLIST svg x CDATA "">\r\n]>\r\n'
    body = text.replace("<svg ", '<svg xmlns:xlink="http://www.w3.org/1999/xlink"\r\n\t ', 1).replace("\n", "\r\n")
    svg.write_bytes((head + doctype + body).encode("utf-8"))
    found = [p for p in run_checks(load(base_project)) if p.file.endswith(".svg")]
    assert [(p.code, p.severity.value, p.line) for p in found] == [("PD410", "warning", 3)]
    assert found[0].fix is not None and found[0].fix.kind == "remove-svg-doctype"
    pkg = load(base_project)
    apply_fix(pkg, found[0].fix)
    save(pkg)
    assert svg.read_bytes() == (head + body).encode("utf-8")
    assert [p for p in run_checks(load(base_project)) if p.file.endswith(".svg")] == []


def test_an_svg_nothing_uses_is_still_checked_for_safety(base_project: Path) -> None:
    """It is uploaded with the rest: a script in it reaches the server like any other."""
    from designer.core.fixes import fix_all

    spare = base_project / "webapp2" / "plugins" / "rec" / "spare.svg"
    spare.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script>'
        '<path id="x" d="M0 0h4v4z"/><use href="#missing"/></svg>\n',
        encoding="utf-8",
    )
    found = {(p.code, p.file) for p in run_checks(load(base_project))}
    rel = "plugins/rec/spare.svg"
    assert {("PD406", rel), ("PD412", rel), ("PD413", rel)} <= found
    assert ("PD420", rel) not in found and ("PD430", rel) not in found  # its ids and size do not matter
    pkg = load(base_project)
    fix_all(pkg, run_checks)
    assert "<script" not in pkg.read_text(rel) and "onload" not in pkg.read_text(rel)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"<svg><path></svg>", "the <path> that starts on line 1 is not closed before </svg>"),
        (b"<svg><g>", "the file ends before <g> is closed"),
        (b'<svg a="1" a="2"/>', "the attribute a is written twice"),
        (b"<svg>&</svg>", "write &amp;"),
        (b"", "the file is empty"),
        (b'<svg a="' + b"x" * 20_000_000 + b'"/>', "safety limits"),
        (b"<g>" * 300, "elements are nested more than 256 deep"),
        (b"hello", "there is no XML here"),
        (b"<svg a=1/>", "an attribute's value is not in quotes"),
        (b"<svg/><svg/>", "there is more after the end of the root element"),
        (b'<!DOCTYPE s [<!ENTITY a "&a;">]><svg>&a;</svg>', "its entity definitions expand far too much"),
        (b"<svg>\xff</svg>", "it is not UTF-8 text (byte 0xff), and it declares no other encoding"),
        (b'<?xml version="1.0" encoding="bogus-8"?><svg/>', "its text encoding cannot be read as declared"),
        # Slips of hand-written SVG that were shown in libxml2's words ("Entity 'nbsp' not defined").
        (b"<svg><title>&nbsp;</title></svg>", "&nbsp; is not an XML entity"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><use xlink:href="#a"/></svg>', "add xmlns:xlink="),
        (b'<svg a="<"/>', "an attribute's value holds a '<' (write &lt;)"),
        (b"<svg>\x00</svg>", "a control character that XML does not allow"),
        (b'<svg a="\x1b"/>', "a control character that XML does not allow"),
        (b"<svg>&#1;</svg>", "names a character that XML does not allow"),
        (b"<svg><!-- a -- b --></svg>", "a comment holds '--'"),
        (b"<svg><![CDATA[ x </svg>", "is not closed with ]]>"),
        (b'<svg a="x"b="y"/>', 'an attribute is not written as name="value"'),
        (b"<svg><a b></a></svg>", "the attribute b has no value"),
        (b"<svg>< g/></svg>", "a '<' is not followed by an element name"),
        (b"<svg>]]></svg>", "the text ']]>' is not allowed"),
        (b' <?xml version="1.0"?><svg/>', "the <?xml ...?> declaration must come first"),
        (b'<?xml version="2.0"?><svg/>', "its <?xml ...?> declaration is not valid"),
    ],
)
def test_xml_errors_are_told_in_plain_words(data: bytes, words: str) -> None:
    info = read_svg(data)
    assert not info.ok and words in info.error and ", column" not in info.error  # the problem gives its place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ('<svg xmlns="http://www.w3.org/2000/svg">\n  <g>\n    <path d="M0 0"/>\n  </svg>\n', (4, 3)),
        ('<svg xmlns="http://www.w3.org/2000/svg"><g><path d="M0 0"/></svg>', (1, 60)),
        ('<svg xmlns="http://www.w3.org/2000/svg">\n  <g>\n  </svg\n  >\n', (3, 3)),  # a '>' on the next line
        ('<svg xmlns="http://www.w3.org/2000/svg">\n  <g><text>ééé</text></rect>\n</svg>\n', (2, 22)),  # characters
        ('\ufeff<svg xmlns="http://www.w3.org/2000/svg">\r  <g>\r  </svg>\r', (3, 3)),  # BOM, lone CRs
    ],
)
def test_a_mismatched_end_tag_is_placed_at_its_start(text: str, place: tuple[int, int]) -> None:
    """libxml2 places "<g> is closed by </svg>" just past the end tag's '>': the problem pointed
    one column after the tag (or at the next line's text). Now it points at the tag's '<'."""
    info = read_svg(text.encode("utf-8"))
    assert "is not closed before" in info.error
    assert (info.line, info.column) == place


@pytest.mark.parametrize(
    "text",
    [
        '<svg xmlns="http://www.w3.org/2000/svg">\n<g>\n  <circle\n   r="3">\n</g>\n</svg>\n',
        '<svg xmlns="http://www.w3.org/2000/svg">\r<g>\r  <circle\r   r="3">\r</g>\r</svg>\r',  # lone CRs
        '\ufeff<svg xmlns="http://www.w3.org/2000/svg">\u2028<g>\u2028  <circle r="3">\u2028</g></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg">\r<circle/><g>\r  <circle/><circle r="3">\r</g></svg>',
    ],
)
def test_an_element_left_open_is_named_with_the_line_it_starts_on(text: str) -> None:
    """ "<circle> is closed by </g>" was the parser's way of saying it. The line the element starts
    on is the editor's, also where libxml2 counts other line ends than the editor (lone CRs)."""
    info = read_svg(text.encode("utf-8"))
    assert info.error == (
        "the <circle> that starts on line 3 is not closed before </g>; end it with '/>' or add </circle> where it ends"
    )


HEAD = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'


@pytest.mark.parametrize(
    "hostile",
    [
        '<style>@\\69mport "https://t.example/track.css";</style>',  # CSS escape: @import
        '<rect width="4" height="4" style="fill:u\\72l(https://t.example/p.svg#a)"/>',  # u\72l( is url(
        '<rect width="4" height="4" style="fill:\\75 \\72 \\6c (https://t.example/p.svg#a)"/>',  # hex + space
        '<style>rect{background-image:image-set("https://t.example/s.png" 1x)}</style>',  # no url() needed
        '<rect width="4" height="4" style="mask:-webkit-image-set(\'https://t.example/m.png\' 1x)"/>',
    ],
)
def test_css_escapes_and_image_set_are_seen_through(hostile: str) -> None:
    """A browser reads u\\72l( as url( and fetches image-set("x.png"): the checker reports them
    (PD415) and the sanitiser removes them, as it does the plain spellings."""
    data = (HEAD + hostile + '<circle r="3"/></svg>').encode()
    assert "PD415" in {f.code for f in scan_svg(data, read_svg(data))}
    clean, _lost = sanitise_svg(data)
    assert "t.example" not in clean and "<circle" in clean
    assert not [f for f in scan_svg(clean.encode(), read_svg(clean.encode())) if f.sanitisable]


def test_css_escapes_of_an_internal_reference_are_fine() -> None:
    data = (HEAD + '<linearGradient id="g"/><rect width="4" height="4" style="fill:u\\72l(#g)"/></svg>').encode()
    assert [f.code for f in scan_svg(data, read_svg(data))] == []
    assert "u\\72l(#g)" in sanitise_svg(data)[0]  # kept as the user wrote it


def test_entity_references_in_attributes_are_written_out_expanded() -> None:
    """Illustrator's "style attributes (entity references)": style="&st0;" with st0 in the DOCTYPE.
    The DOCTYPE goes, so the value must be written out as text or the result does not parse."""
    from designer.core.svgimport import import_svg

    data = (
        b'<?xml version="1.0"?>\n<!DOCTYPE svg [\n\t<!ENTITY st0 "fill:#FF0000;">\n]>\n'
        b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">\n<rect width="24" height="24" style="&st0;"/>\n</svg>\n'
    )
    clean, _lost = sanitise_svg(data)
    assert read_svg(clean.encode()).ok and 'style="fill:#FF0000;"' in clean
    imported = import_svg(data, "logo.svg").text
    assert read_svg(imported.encode()).ok and 'style="fill:#FF0000;"' in imported


@pytest.mark.parametrize(
    "root",
    [
        '<script xmlns="http://www.w3.org/2000/svg">alert(1)</script>',
        '<style xmlns="http://www.w3.org/2000/svg">@import "https://t.example/x.css";</style>',
    ],
)
def test_a_root_that_is_not_svg_is_made_one(root: str) -> None:
    clean, _lost = sanitise_svg(root.encode())
    assert clean.startswith("<svg") and "alert" not in clean and "t.example" not in clean


@pytest.mark.parametrize("end", ["\r", "\u2028", "\r\n"], ids=["cr", "u2028", "crlf"])
def test_icon_problems_are_on_the_line_the_editor_shows(end: str) -> None:
    """libxml2 counts lines at LF only: in an icon saved with lone CRs (or with U+2028 between its
    elements) every problem was on line 1, the attribute's at a column far past that line's end."""
    from designer.core.lineends import offset_of

    outside = "\n" if end == "\u2028" else end  # (outside the root or in a tag a U+2028 is not XML)
    text = (
        '<?xml version="1.0"?>' + outside + '<?xml-stylesheet href="http://example.com/s.css"?>' + outside
    ) + end.join(
        [
            '<svg xmlns="http://www.w3.org/2000/svg">',
            "  <g>",
            '    <rect width="1"' + outside + '          onclick="x()"/>',
            "    <script>alert(1)</script>",
            "  </g>",
            "</svg>",
        ]
    )
    data = text.encode()
    found = {f.code: (f.line, f.column) for f in scan_svg(data, read_svg(data))}
    assert found["PD415"][0] == 2
    assert found["PD413"] == (6, 11) and text[offset_of(text, 6, 11) :].startswith("onclick=")
    assert found["PD412"][0] == 7 and found["PD430"][0] == 3
    broken = (text.replace("</g>", "</h>")).encode()
    info = read_svg(broken)
    assert not info.ok and info.line == 8, (info.line, info.column, info.error)


def test_a_doctype_is_placed_in_characters_after_a_byte_order_mark() -> None:
    """The DOCTYPE's column was counted in bytes, the mark's three among them."""
    from designer.core.lineends import offset_of

    text = '\ufeff<!-- é -->\r<!-- ü --><!DOCTYPE svg [<!ENTITY a "b">]>\r<svg xmlns="http://www.w3.org/2000/svg"/>'
    (finding,) = [f for f in scan_svg(text.encode(), read_svg(text.encode())) if f.code == "PD411"]
    assert (finding.line, finding.column) == (2, 26)
    assert text[offset_of(text, finding.line, finding.column) :].startswith("<!ENTITY")


def test_an_attribute_on_the_first_line_after_a_byte_order_mark_is_at_its_column() -> None:
    from designer.core.lineends import offset_of

    text = '\ufeff<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>'
    (finding,) = [f for f in scan_svg(text.encode(), read_svg(text.encode())) if f.code == "PD413"]
    assert (finding.line, finding.column) == (1, 41)
    assert text[offset_of(text, 1, 41) :].startswith("onload=")


@pytest.mark.parametrize(
    "hostile",
    [
        '<image width="4" height="4"><set attributeName="href" to="https://t.example/pixel.png"/></image>',
        '<image width="4" height="4"><animate attributeName="xlink:href" values="#a; https://t.example/p.png"/></image>',
        '<use><animate attributeName="href" from="#a" to="//t.example/s.svg#x"/></use>',
    ],
)
def test_an_animated_href_to_an_outside_address_is_reported(hostile: str) -> None:
    """The picture an <image> shows can be set by animation: the checker said nothing, so an icon
    that loads a tracking picture for every participant passed (the sanitiser did remove it)."""
    data = (
        HEAD.replace(">", ' xmlns:xlink="http://www.w3.org/1999/xlink">', 1) + '<g id="a"/>' + hostile + "</svg>"
    ).encode()
    found = [f for f in scan_svg(data, read_svg(data)) if f.code == "PD415"]
    assert len(found) == 1 and "t.example" in found[0].detail
    assert data.decode()[found[0].column - 1 :].startswith(("to=", "values="))  # on the attribute that loads it
    clean, _lost = sanitise_svg(data)
    assert "t.example" not in clean


def test_an_element_with_thousands_of_attributes_is_refused_not_read_for_minutes() -> None:
    """lxml reads an element's attribute values one search at a time: an <svg> with 50,000
    attributes (a 1 MB file) took twenty seconds of every check and froze the icon editor."""
    from designer.core.svgedit import SvgDocument, SvgEditError, symbol_svgs

    attrs = " ".join(f'data-a{i}="1"' for i in range(19_999))
    data = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">\n<g>\n<path {attrs} d="M0 0h2"/>\n</g>\n</svg>\n'
    )
    info = read_svg(data.encode())
    assert not info.ok and info.line == 3
    assert info.error == (
        "the element <path> has 20,000 attributes (an icon's elements have a handful; more than 1,000 are not read)"
    )
    with pytest.raises(SvgEditError, match="20,000 attributes"):
        SvgDocument(data)
    assert symbol_svgs(data.encode()) == {}
    # As many as a real icon's elements can have are read as before.
    fine = "".join(f' data-a{i}="1"' for i in range(999))
    assert read_svg(f'<svg xmlns="http://www.w3.org/2000/svg" id="a"{fine}/>'.encode()).ids == {"a": 1}


INKSCAPE_WITH_HANDLER = b"""<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<svg
   viewBox="0 0 24 24"
   id="rec"
   xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
   xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
   xmlns="http://www.w3.org/2000/svg">
  <sodipodi:namedview id="namedview7" pagecolor="#ffffff" inkscape:zoom="22.6" />
  <circle cx="12" cy="12" r="6" onclick="fetch('https://t.example/')" />
</svg>
"""


def test_an_inkscape_icon_with_a_handler_can_be_sanitised(base_project: Path) -> None:
    """Inkscape gives its page settings (<sodipodi:namedview>) an id that nothing uses. The check
    refused the Sanitise fix for any id the clean-up took away, so an Inkscape icon with a
    handler was an error without a fix, whose message still named 'Sanitise icon'."""
    svg = base_project / "webapp2/plugins/rec/rec.svg"
    svg.write_bytes(INKSCAPE_WITH_HANDLER)
    found = [p for p in run_checks(load(base_project)) if p.code == "PD413"]
    assert len(found) == 1 and found[0].fix is not None and found[0].fix.kind == "sanitise-svg"
    assert main(["check", str(base_project), "--fix"]) == 0
    cleaned = svg.read_text(encoding="utf-8")
    assert "onclick" not in cleaned and 'id="rec"' in cleaned and "<circle" in cleaned


def test_an_icon_whose_used_id_is_on_unsafe_content_gets_no_sanitise_fix(base_project: Path) -> None:
    """The other side: the id the menu item names is on the <foreignObject> the clean-up removes."""
    svg = base_project / "webapp2/plugins/rec/rec.svg"
    svg.write_bytes(
        b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
        b'<foreignObject id="rec" width="24" height="24"/></svg>'
    )
    found = [p for p in run_checks(load(base_project)) if p.code == "PD416"]
    assert len(found) == 1 and found[0].fix is None
    with pytest.raises(ValueError, match="rec"):
        apply_fix(load(base_project), Fix("sanitise-svg", "Sanitise", {"file": "plugins/rec/rec.svg"}))


def test_an_icon_that_cannot_be_sanitised_does_not_point_to_the_sanitise_fix(base_project: Path) -> None:
    """Without the fix (the id the menu item names is on the <foreignObject>), the message still
    said "'Sanitise icon' keeps the drawing and removes the rest", a button that was not there."""
    svg = base_project / "webapp2/plugins/rec/rec.svg"
    svg.write_bytes(
        b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" onload="x()">'
        b'<foreignObject id="rec" width="24" height="24"/></svg>'
    )
    found = [p for p in run_checks(load(base_project)) if p.code in ("PD413", "PD416")]
    assert len(found) == 2
    for p in found:
        assert p.fix is None and "'Sanitise icon' keeps" not in p.message
        assert "the id 'rec', which is in use" in p.message


@pytest.mark.parametrize("split", ["<!-- x -->", "<?pi x?>", "<![CDATA[]]><!---->"])
@pytest.mark.parametrize("css", [".b{fill:url(https://t.example/p.png)}", "@import url(https://t.example/s.css);"])
def test_a_comment_inside_a_style_does_not_hide_what_follows_it(split: str, css: str) -> None:
    """A browser reads all the text of a <style>, around its comments; the checks and the
    sanitiser read only the text before the first one, so an outside address after it passed."""
    data = (HEAD + f"<style>.a{{fill:red}}{split}{css}</style><rect width='9' height='9'/></svg>").encode()
    found = [f for f in scan_svg(data, read_svg(data)) if f.code == "PD415"]
    assert found and all(f.line == 1 for f in found)
    assert "t.example" not in sanitise_svg(data)[0]


def test_id_findings_in_an_inkscape_layout_point_at_their_attribute() -> None:
    """Inkscape writes one attribute a line. A broken url(#...), an invalid id and a repeated one
    were reported on the line where the start tag ends ("/>"), not where they are written."""
    text = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" id="icon">
  <path
     id="1bad"
     d="M0 0h4v4z"
     fill="url(#nowhere)"
     />
  <g
     id="dup">
    <use
       href="#dup"
       />
  </g>
  <g
     id="dup"
     />
  <style>
    .a { fill: url(#gone) }
  </style>
</svg>
"""
    data = text.encode()
    found = {f.code + f.detail[:12]: (f.line, f.column) for f in scan_svg(data, read_svg(data))}
    assert found == {
        "PD420fill=url(#..": (5, 6),
        "PD420a style refe": (16, 3),
        "PD422the id '1bad": (3, 6),
        "PD421the id 'dup'": (14, 6),
    }


def test_a_link_inside_a_text_keeps_its_words_on_show() -> None:
    """The sanitiser keeps a link's drawing as a <g>; inside a <text> a <g> is no text content, so
    browsers dropped the linked words ('Help <a>here</a>' showed 'Help')."""
    data = (HEAD + '<text x="1" y="20">Help <a href="https://t.example/">here</a>!</text></svg>').encode()
    clean = sanitise_svg(data)[0]
    assert "t.example" not in clean and '<text x="1" y="20">Help <tspan>here</tspan>!</text>' in clean
    data = (HEAD + '<a href="https://t.example/"><rect width="9" height="9"/></a></svg>').encode()
    assert "<g><rect" in sanitise_svg(data)[0]  # a link around shapes stays a group


def _utf16(text: str) -> bytes:
    return text.replace("\n", "\r\n").encode("utf-16")  # as Notepad writes "Unicode"


def test_an_icon_in_utf16_is_checked_as_one_in_utf8(base_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The checks looked for '<!ENTITY' and for the start tags as UTF-8 bytes: in a UTF-16 icon an
    external entity was only a warning (check passed it), its handler was said two lines too low,
    and the warning's fix stopped check --fix with "could not be saved (utf-8 codec ...)"."""
    xxe = (
        '<?xml version="1.0" encoding="UTF-16"?>\n'
        '<!DOCTYPE svg [\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n'
        '<svg xmlns="http://www.w3.org/2000/svg" id="rec" viewBox="0 0 24 24">\n'
        '  <circle cx="12" cy="12" r="6" onclick="x()"/><title>&xxe;</title>\n</svg>\n'
    )
    data = _utf16(xxe)
    found = {f.code: (f.line, f.column) for f in scan_svg(data, read_svg(data))}
    assert found == {"PD411": (3, 3), "PD413": (6, 33)}
    svg = base_project / "webapp2/plugins/rec/rec.svg"
    svg.write_bytes(data)
    assert main(["check", str(base_project)]) == 1
    # A DOCTYPE of another DTD alone: its fix (only the DOCTYPE goes) works on the UTF-16 file too.
    svg.write_bytes(
        _utf16(xxe.replace('[\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]', 'SYSTEM "e.dtd"').replace("&xxe;", ""))
    )
    assert [p.code for p in run_checks(load(base_project)) if p.file.endswith(".svg")] == ["PD407", "PD410", "PD413"]
    capsys.readouterr()
    assert main(["check", str(base_project), "--fix"]) == 0, capsys.readouterr().err
    cleaned = svg.read_bytes().decode("utf-8")
    assert "DOCTYPE" not in cleaned and "onclick" not in cleaned and 'id="rec"' in cleaned


@pytest.mark.parametrize(
    ("bad", "said"),
    [("icon#1", "it holds '#'"), ("a b", "it holds a space"), ("1st", "it starts with '1'"), ("svg:x", "it holds ':'")],
)
def test_an_invalid_id_is_told_what_is_wrong_with_it(bad: str, said: str) -> None:
    """PD422 said "(no spaces; it must not start with a digit)" of every invalid id, also of
    'icon#1', which has neither: the user was left to guess."""
    data = (HEAD + f'<path id="{bad}" d="M0 0h4"/></svg>').encode()
    (found,) = [f for f in scan_svg(data, read_svg(data)) if f.code == "PD422"]
    assert f"the id '{bad}' is not a valid name: {said}" in found.detail


@pytest.mark.parametrize(
    ("head", "words"),
    [
        ("", "it is not UTF-8 text (byte 0xc5), and it declares no other encoding"),
        (
            '<?xml version="1.0" encoding="utf-8"?>\n',
            "its <?xml ...?> declaration says UTF-8, but it is not UTF-8 text (byte 0xc5)",
        ),
    ],
)
def test_an_icon_saved_in_latin1_is_said_to_be_no_utf8_and_how_to_mend_it(
    base_project: Path, head: str, words: str
) -> None:
    """An icon saved in Latin-1 (a comment 'drawn by Åse') was "cannot be read as SVG: its text
    encoding cannot be read as declared. Correct it in the icon editor's XML view": it declared
    nothing, and the icon editor does not open a file that is not UTF-8."""
    icon = base_project / "webapp2/plugins/rec/rec.svg"
    text = icon.read_text("utf-8")
    icon.write_bytes((head + "<!-- tegnet av Åse -->\n" + text).encode("latin-1"))
    [problem] = [p for p in run_checks(load(base_project)) if p.code == "PD403"]
    assert words in problem.message, problem.message
    assert "XML view" not in problem.message and "Save it as UTF-8" in problem.message
    assert (problem.line, problem.column) == (head.count("\n") + 1, 16)


def test_an_icon_that_declares_its_latin1_is_read(base_project: Path) -> None:
    """Browsers read an icon in the encoding its declaration names: no problem to report."""
    icon = base_project / "webapp2/plugins/rec/rec.svg"
    text = icon.read_text("utf-8")
    icon.write_bytes(('<?xml version="1.0" encoding="ISO-8859-1"?>\n<!-- tegnet av Åse -->\n' + text).encode("latin-1"))
    assert [p for p in run_checks(load(base_project)) if p.code == "PD403"] == []


def test_an_id_ending_in_a_line_break_is_no_valid_name() -> None:
    """`id="rec&#10;"` passed PD422 (the name rule's `$` matched before the final line break),
    while `file.svg#rec` can never name it: now refused, the line break said."""
    data = (HEAD + '<path id="rec&#10;" d="M0 0h4"/></svg>').encode()
    found = [f for f in scan_svg(data, read_svg(data)) if f.code == "PD422"]
    assert len(found) == 1
    assert "is not a valid name: it holds a line break" in found[0].detail


LATIN1_ICON = (
    b'<?xml version="1.0" encoding="ISO-8859-1"?>\n'
    b'<svg xmlns="http://www.w3.org/2000/svg" id="rec" viewBox="0 0 24 24">\n'
    b"    <title>Caf\xe9</title>\n"
    b'    <circle cx="12" cy="12" r="6"/>\n'
    b"</svg>\n"
)


def test_an_icon_in_the_encoding_it_declares_is_said_and_saved_as_utf8(base_project: Path) -> None:
    """An icon in ISO-8859-1 that says so checked clean (a browser reads it), yet the designer could
    not open it. PD407 (a note) says so; its fix writes the same drawing in UTF-8, the declaration
    naming UTF-8, and nothing else changes."""
    svg = base_project / "webapp2/plugins/rec/rec.svg"
    svg.write_bytes(LATIN1_ICON)
    pkg = load(base_project)
    [problem] = [p for p in run_checks(pkg) if p.code == "PD407"]
    assert "ISO-8859-1" in problem.message and problem.fix is not None and problem.fix.kind == "save-as-utf8"
    assert apply_fix(pkg, problem.fix) == "Save plugins/rec/rec.svg as UTF-8"
    save(pkg)
    assert svg.read_bytes() == LATIN1_ICON.replace(b"ISO-8859-1", b"UTF-8").replace(b"\xe9", "é".encode())
    assert [p.code for p in run_checks(load(base_project))] == []


@pytest.mark.parametrize(
    "data",
    [
        LATIN1_ICON.replace(b"ISO-8859-1", b"UTF-8").replace(b"\xe9", "é".encode()),  # UTF-8, and says so
        LATIN1_ICON.replace(b"\xe9", b"e"),  # declares ISO-8859-1, but each byte of it is UTF-8 as well
    ],
)
def test_an_icon_the_designer_can_open_is_not_said_to_be_in_another_encoding(base_project: Path, data: bytes) -> None:
    (base_project / "webapp2/plugins/rec/rec.svg").write_bytes(data)
    assert "PD407" not in [p.code for p in run_checks(load(base_project))]
