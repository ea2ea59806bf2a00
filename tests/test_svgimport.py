"""Importing SVGs made elsewhere: editor clutter and unsafe content go, ids survive, nothing is fetched."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from designer.core.checks import run_checks
from designer.core.model import load
from designer.core.svg import read_svg, sanitise_svg, sanitise_tree, scan_svg
from designer.core.svgimport import (
    APP_COLOUR,
    CUT_OUT,
    OWN_COLOURS,
    SvgImportError,
    SvgSymbol,
    derive_icon_id,
    import_svg,
    svg_symbols,
)

INKSCAPE = b"""<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Created with Inkscape (http://www.inkscape.org/) -->

<svg
   width="24mm"
   height="24mm"
   viewBox="0 0 24 24"
   version="1.1"
   id="svg5"
   inkscape:version="1.2.2 (b0a8486541, 2022-12-01)"
   sodipodi:docname="mic.svg"
   xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
   xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
   xmlns="http://www.w3.org/2000/svg"
   xmlns:svg="http://www.w3.org/2000/svg"
   xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
   xmlns:cc="http://creativecommons.org/ns#"
   xmlns:dc="http://purl.org/dc/elements/1.1/">
  <sodipodi:namedview
     id="namedview7"
     pagecolor="#ffffff"
     bordercolor="#666666"
     inkscape:pageshadow="2"
     inkscape:document-units="mm"
     showgrid="false">
    <inkscape:grid type="xygrid" id="grid9" />
  </sodipodi:namedview>
  <defs
     id="defs2">
    <linearGradient inkscape:collect="always" id="linearGradient870">
      <stop style="stop-color:#000000;stop-opacity:1;" offset="0" id="stop866" />
    </linearGradient>
  </defs>
  <metadata
     id="metadata5">
    <rdf:RDF>
      <cc:Work rdf:about="">
        <dc:format>image/svg+xml</dc:format>
        <dc:title>Microphone</dc:title>
      </cc:Work>
    </rdf:RDF>
  </metadata>
  <g
     inkscape:label="Layer 1"
     inkscape:groupmode="layer"
     id="layer1">
    <path
       style="fill:#1a1a1a;fill-opacity:1;stroke:none;stroke-width:0.264583"
       d="M 12,2 A 3,3 0 0 0 9,5 v 6 a 3,3 0 0 0 6,0 V 5 A 3,3 0 0 0 12,2 Z"
       id="path815"
       sodipodi:nodetypes="cssssc"
       inkscape:connector-curvature="0" />
    <rect
       style="fill:url(#linearGradient870)"
       id="mic-stand"
       width="2" height="4" x="11" y="17"
       inkscape:label="stand" />
  </g>
</svg>
"""

ILLUSTRATOR = b"""<?xml version="1.0" encoding="utf-8"?>
<!-- Generator: Adobe Illustrator 16.0.0, SVG Export Plug-In . SVG Version: 6.00 Build 0)  -->
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [
\t<!ENTITY ns_extend "http://ns.adobe.com/Extensibility/1.0/">
\t<!ENTITY ns_ai "http://ns.adobe.com/AdobeIllustrator/10.0/">
\t<!ENTITY ns_graphs "http://ns.adobe.com/Graphs/1.0/">
]>
<svg version="1.1" id="Layer_1" xmlns:x="&ns_extend;" xmlns:i="&ns_ai;" xmlns:graph="&ns_graphs;"
\t xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" x="0px" y="0px" width="24px"
\t height="24px" viewBox="0 0 24 24" enable-background="new 0 0 24 24" xml:space="preserve">
<style type="text/css">
\t.st0{fill:#1E1E1E;}
\t.st1{fill:none;stroke:#E30613;stroke-width:2;}
</style>
<switch>
\t<foreignObject requiredExtensions="&ns_ai;" x="0" y="0" width="1" height="1">
\t\t<i:pgfRef  xlink:href="#adobe_illustrator_pgf">
\t\t</i:pgfRef>
\t</foreignObject>
\t<g i:extraneous="self" data-name="Camera">
\t\t<path class="st0" d="M4 6h12v12H4z"/>
\t\t<polyline class="st1" points="16,10 21,7 21,17 16,14"/>
\t</g>
</switch>
<i:pgf  id="adobe_illustrator_pgf">
\t<![CDATA[
\teJzsvWmTHLmRIPh9zPY/5NfmrzL8Bv
\t]]>
</i:pgf>
</svg>
"""

FIGMA = b"""<svg width="24" height="24" viewBox="0 0 24 24" fill="none" xmlns="http://www.w3.org/2000/svg">
<g clip-path="url(#clip0_12_34)">
<path d="M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2z" fill="#1E1E1E"/>
<path d="M11 7h2v6h-2z" stroke="rgb(30, 30, 30)" stroke-width="2"/>
<circle cx="12" cy="16" r="1" fill="white"/>
</g>
<defs>
<clipPath id="clip0_12_34">
<rect width="24" height="24" fill="white"/>
</clipPath>
</defs>
</svg>
"""

SECRET = "TOP-SECRET-5f4dcc3b5aa7"


def clean(text: str) -> list[str]:
    """The checker's findings about an imported icon's text: codes only."""
    data = text.encode("utf-8")
    info = read_svg(data)
    assert info.ok, info.error
    return [f.code for f in scan_svg(data, info)]


# -- ids from file names ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("My Icon (1).svg", "my-icon-1"),
        ("1st.svg", "icon-1st"),
        ("mic.svg", "mic"),
        ("Mic_Off.SVG", "mic-off"),
        ("C:\\Users\\ann\\Desktop\\Hand Raise.svg", "hand-raise"),
        ("icons/nested/Ünïcödé Ñame.svg", "unicode-name"),
        ("Микрофон.svg", "mikrofon"),
        (".svg", "icon"),
        ("", "icon"),
        ("v1.2 arrow.svg", "v1-2-arrow"),
    ],
)
def test_derive_icon_id(name: str, expected: str) -> None:
    assert derive_icon_id(name) == expected


def test_icons_named_in_scripts_with_no_romanisation_get_ids_that_differ() -> None:
    """'图标.svg' and '録音.svg' both made the id 'icon': a second such icon in a plugin's folder
    took an id another icon already had."""
    ids = [derive_icon_id(n) for n in ("图标.svg", "録音.svg", "ميكروفون.svg")]
    assert len(set(ids)) == 3 and all(re.fullmatch(r"icon-[0-9a-f]{6}", i) for i in ids), ids


# -- drawing programs ------------------------------------------------------------------------------


def test_inkscape_export_loses_editor_data_and_keeps_what_is_used() -> None:
    result = import_svg(INKSCAPE, "Mic Icon.svg", keep_ids=["path815"])
    text = result.text
    assert clean(text) == []
    for junk in ("sodipodi", "inkscape", "metadata", "rdf:", "dc:title", "namedview", "Created with"):
        assert junk not in text
    ids = set(read_svg(text.encode()).ids)
    # kept: asked for (path815), used inside the file (the gradient), chosen by the author (mic-stand)
    assert {"path815", "linearGradient870", "mic-stand"} <= ids
    # gone: ids Inkscape made up that nothing uses
    assert not ids & {"defs2", "stop866", "layer1", "namedview7", "grid9", "metadata5"}
    # Inkscape's own root id gives way to one from the file name
    assert result.root_id == "mic-icon" and ids >= {"mic-icon"} and "svg5" not in ids
    assert 'viewBox="0 0 24 24"' in text and not result.viewbox_added
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ') and text.endswith("</svg>\n")
    removed = "\n".join(result.removed)
    assert "Inkscape editor data (sodipodi:namedview, 6 inkscape:* attributes, 2 sodipodi:* attributes)" in removed
    assert "document metadata" in removed and "automatic ids" in removed
    assert result.converted_colours == 0 and "#1a1a1a" in text
    # readable: one element per line
    assert "\n    <path " in text and "\n  </g>\n</svg>\n" in text


def test_inkscape_root_id_stays_when_asked_for() -> None:
    result = import_svg(INKSCAPE, "Mic Icon.svg", keep_ids=["svg5"])
    assert result.root_id == "svg5" and 'id="svg5"' in result.text


def test_viewbox_from_size_in_millimetres() -> None:
    data = INKSCAPE.replace(b'   viewBox="0 0 24 24"\n', b"").replace(b'height="24mm"', b'height="12mm"')
    result = import_svg(data, "mic.svg")
    assert result.viewbox_added
    assert 'viewBox="0 0 90.7087 45.3543"' in result.text  # user units are CSS pixels: 96 per inch
    assert clean(result.text) == []


def test_viewbox_from_pixel_size() -> None:
    result = import_svg(
        b'<svg xmlns="http://www.w3.org/2000/svg" width="32px" height="16"><path d="M0 0"/></svg>', "a.svg"
    )
    assert result.viewbox_added and 'viewBox="0 0 32 16"' in result.text and clean(result.text) == []


def test_no_viewbox_and_no_usable_size_is_said() -> None:
    result = import_svg(b'<svg xmlns="http://www.w3.org/2000/svg" width="100%"><path d="M0 0"/></svg>', "a.svg")
    assert not result.viewbox_added and "viewBox" not in result.text
    assert any("no viewBox" in n and 'width="100%"' in n for n in result.notes)
    assert clean(result.text) == ["PD430"]


def test_illustrator_export_with_doctype_entities_and_private_data() -> None:
    result = import_svg(ILLUSTRATOR, "Video Camera.svg", to_current_color=True)
    text = result.text
    assert clean(text) == []
    for junk in (
        "DOCTYPE",
        "ENTITY",
        "adobe",
        "i:pgf",
        "extraneous",
        "foreignObject",
        "eJzs",
        "data-name",
        "Generator",
    ):
        assert junk not in text
    assert result.root_id == "video-camera" and 'id="video-camera"' in text  # Layer_1 was Illustrator's
    removed = "\n".join(result.removed)
    assert "Illustrator editor data" in removed and "DOCTYPE declaring 3 entities" in removed
    assert "layer names" in removed
    # the drawing itself survives, styled by class; both colours in the <style> become currentColor
    assert 'class="st0"' in text and "<polyline" in text
    assert result.converted_colours == 2
    assert ".st0{fill:currentColor;}" in text and "stroke:currentColor;" in text and "fill:none" in text


def test_figma_export_gets_an_id_and_one_colour() -> None:
    plain = import_svg(FIGMA, "Figma Icon.svg")
    assert plain.root_id == "figma-icon" and plain.converted_colours == 0 and 'fill="#1E1E1E"' in plain.text
    assert not plain.text.startswith("<?xml")  # the input had no declaration
    result = import_svg(FIGMA, "Figma Icon.svg", to_current_color=True)
    text = result.text
    assert clean(text) == []
    assert result.converted_colours == 3  # #1E1E1E, rgb(30, 30, 30) and the white dot
    assert "#1E1E1E" not in text and "rgb(" not in text
    assert 'fill="none"' in text  # the root's none stays
    # the clip path's own rectangle keeps its colour (it never shows, and a mask would break)
    assert '<rect width="24" height="24" fill="white"/>' in text
    assert 'clip-path="url(#clip0_12_34)"' in text and 'id="clip0_12_34"' in text


def test_current_color_conversion_counts_what_it_changes() -> None:
    data = b"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" id="x">
  <defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient>
  <mask id="m"><rect width="24" height="24" fill="white"/></mask></defs>
  <path d="M0 0" fill="#FFF"/>
  <path d="M0 0" fill="none" stroke="currentColor"/>
  <path d="M0 0" fill="url(#g)" stroke="transparent"/>
  <path d="M0 0" style="fill: hsl(0, 0%, 10%) !important; stroke:RebeccaPurple;opacity:.5" mask="url(#m)"/>
  <path d="M0 0" fill="inherit" stroke="#12345678"/>
</svg>"""
    result = import_svg(data, "x.svg", to_current_color=True)
    assert result.converted_colours == 5
    text = result.text
    assert 'fill="currentColor"' in text and 'stroke="transparent"' in text
    assert "fill: currentColor !important; stroke:currentColor;opacity:.5" in text
    # the gradient's shape is in the app's colour too, and the gradient nothing uses any more is gone
    assert "url(#g)" not in text and "linearGradient" not in text and 'stop-color="red"' not in text
    assert '<rect width="24" height="24" fill="white"/>' in text  # the mask still works
    assert 'fill="inherit"' in text and 'stroke="currentColor"' in text


def test_hand_written_svg_without_namespace_becomes_svg() -> None:
    result = import_svg(b'<svg viewBox="0 0 24 24"><circle cx="12" cy="12" r="5"/></svg>', "dot.svg")
    assert result.text.startswith('<svg xmlns="http://www.w3.org/2000/svg" id="dot" viewBox="0 0 24 24">')
    assert any("namespace" in n for n in result.notes)
    assert clean(result.text) == []


def test_ids_the_checker_would_report_are_repaired() -> None:
    data = (
        b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
        b'<g id="Frame 1"><rect id="r" width="3" height="3"/><rect id="r" width="1" height="1" fill="url(#Grad)"/>'
        b'<rect fill="url(#gone)"/><use href="#r"/><use href="#nothing"/></g>'
        b'<defs><linearGradient id="grad"/></defs><symbol id="mic off" viewBox="0 0 1 1"/></svg>'
    )
    result = import_svg(data, "hand.svg")
    text = result.text
    assert clean(text) == []
    assert set(read_svg(text.encode()).ids) == {"hand", "r", "grad", "mic-off"}
    assert 'fill="url(#grad)"' in text and 'fill="none"' in text and 'href="#nothing"' not in text
    assert 'href="#r"' in text
    notes = "\n".join(result.notes)
    assert "'mic off' to 'mic-off'" in notes and "'#Grad' at '#grad'" in notes
    removed = "\n".join(result.removed)
    assert "repeated id" in removed and "'Frame 1'" in removed and "'#nothing'" in removed


def test_reimporting_an_import_changes_nothing() -> None:
    first = import_svg(INKSCAPE, "mic.svg", to_current_color=True)
    again = import_svg(first.text.encode(), "other name.svg", keep_ids=[first.root_id])
    assert again.text == first.text and again.removed == [] and again.root_id == first.root_id


# -- hostile files -----------------------------------------------------------------------------------

HOSTILE = {
    "script": (b"<script>alert(document.cookie)</script>", b"alert", "a <script> element (line 4)"),
    "onload": (b'<g onload="alert(1)"><path d="M0 0"/></g>', b"alert", 'event handler onload="alert(1)"'),
    "javascript-href": (
        b'<a xlink:href="javascript:alert(2)"><path d="M0 0h4"/></a>',
        b"javascript",
        "javascript: address in xlink:href",
    ),
    "external-use": (b'<use href="http://evil.example/sprite.svg#x"/>', b"evil", "external link to http://evil."),
    "image-file": (
        b'<image href="file:///etc/passwd" width="1" height="1"/>',
        b"passwd",
        "<image> element that loads file:///etc/passwd",
    ),
    "foreign-object": (
        b'<foreignObject width="9" height="9"><div xmlns="http://www.w3.org/1999/xhtml">'
        b'<iframe src="http://evil.example/"/></div></foreignObject>',
        b"iframe",
        "<foreignObject> element (embedded HTML)",
    ),
    "style-import": (
        b"<style>@import url(http://evil.example/x.css); path { fill: red }</style>",
        b"evil",
        "<style> element that loads an outside style sheet",
    ),
    "css-url": (
        b'<rect width="4" height="4" style="fill:url(http://evil.example/p.svg#g)"/>',
        b"evil",
        "outside resource",
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_nothing_unsafe_survives(case: str, no_network: list[object]) -> None:
    body, marker, said = HOSTILE[case]
    data = (
        b'<?xml version="1.0"?>\n'
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 24 24">\n'
        b'  <circle cx="12" cy="12" r="6"/>\n  ' + body + b"\n</svg>\n"
    )
    before = read_svg(data)
    assert before.ok and any(f.sanitisable for f in scan_svg(data, before))  # really hostile
    result = import_svg(data, "hostile.svg")
    assert clean(result.text) == []
    assert marker.decode() not in result.text
    assert '<circle cx="12" cy="12" r="6"/>' in result.text  # the drawing stays
    assert any(said in line for line in result.removed), result.removed
    assert no_network == []


def test_xml_stylesheet_instruction_is_removed_and_reported() -> None:
    data = (
        b'<?xml version="1.0"?>\n<?xml-stylesheet href="http://evil.example/s.css" type="text/css"?>\n'
        b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M0 0"/></svg>'
    )
    result = import_svg(data, "s.svg")
    assert "stylesheet" not in result.text and "evil" not in result.text and clean(result.text) == []
    assert result.removed == ["an xml-stylesheet instruction that loads 'http://evil.example/s.css' (line 2)"]


def test_external_entities_are_never_read(tmp_path: Path, no_network: list[object]) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    data = (
        '<?xml version="1.0"?>\n'
        '<!DOCTYPE svg SYSTEM "http://127.0.0.1:9/evil.dtd" [\n'
        f'  <!ENTITY xxe SYSTEM "{secret.as_uri()}">\n'
        '  <!ENTITY % pe SYSTEM "http://127.0.0.1:9/pe.dtd">\n'
        '  <!ENTITY lol "lol">\n'
        '  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n'
        "]>\n"
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">\n'
        "  <title>&xxe;&lol2;</title>\n"
        "  <text>&xxe;</text>\n"
        '  <path d="M0 0h24"/>\n'
        "</svg>\n"
    ).encode()
    result = import_svg(data, "xxe.svg")
    assert SECRET not in result.text and "lol" not in result.text and "ENTITY" not in result.text
    assert clean(result.text) == []
    removed = "\n".join(result.removed)
    # The address in full (tmp_path's grows with pytest's run counter: cut at 80, it failed at run 1000).
    assert f"external entity 'xxe' pointing at {secret.as_uri()}\n" in removed + "\n"
    assert "the entity reference &xxe; (lines 9, 10)" in removed
    assert no_network == []


def test_billion_laughs_is_refused_or_defused(no_network: list[object]) -> None:
    levels = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    data = (
        f'<!DOCTYPE svg [<!ENTITY l0 "ha">{levels}]>\n'
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><title>&l9;</title></svg>'
    ).encode()
    try:
        result = import_svg(data, "laughs.svg")
    except SvgImportError as exc:  # libxml2 refuses the amplification outright
        assert exc.line >= 1 and "laughs.svg" in str(exc)
    else:
        assert "haha" not in result.text and len(result.text) < 500 and clean(result.text) == []


def test_ids_on_unsafe_content_are_reported_as_lost() -> None:
    data = (
        b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" id="x">'
        b'<foreignObject id="keep" width="1" height="1"/><path id="path12" d="M0 0"/></svg>'
    )
    result = import_svg(data, "x.svg", keep_ids=["keep", "path12"])
    assert result.lost_ids == ["keep"]
    assert 'id="path12"' in result.text  # kept although it looks automatic
    assert any("'keep'" in n and "no icon" in n for n in result.notes)
    assert any("(it held the id 'keep')" in line for line in result.removed)


# -- unreadable files ----------------------------------------------------------------------------------


def test_malformed_xml_says_where() -> None:
    with pytest.raises(SvgImportError) as err:
        import_svg(b'<svg xmlns="http://www.w3.org/2000/svg">\n  <g>\n    <path d="M0 0">\n</svg>\n', "broken.svg")
    exc = err.value
    assert isinstance(exc, ValueError)
    assert (exc.line, exc.column) == (4, 1)  # the start of </svg>, which closes <path>
    assert "broken.svg" in str(exc) and "(line 4, column 1)" in str(exc) and str(exc).count("line 4") == 1


@pytest.mark.parametrize("data", [b"", b"not xml at all", b"<svg", b"\xff\xfe<"])
def test_unreadable_bytes_raise_import_error(data: bytes) -> None:
    with pytest.raises(SvgImportError) as err:
        import_svg(data, "junk.svg")
    assert err.value.line >= 1 and err.value.column >= 1 and "junk.svg" in str(err.value)


def test_xml_that_is_not_svg_is_refused() -> None:
    with pytest.raises(SvgImportError, match="page.svg is XML but not an SVG drawing"):
        import_svg(b"<html><body/></html>", "page.svg")


# -- sprites -----------------------------------------------------------------------------------------

SPRITE = b"""<svg xmlns="http://www.w3.org/2000/svg" style="display:none">
  <symbol id="mic" viewBox="0 0 24 24"><title>Microphone
     on</title><path id="path4" d="M12 2v10"/></symbol>
  <defs>
    <symbol id="cam" viewBox="0 0 24 24"><rect width="20" height="12"/></symbol>
  </defs>
  <symbol viewBox="0 0 1 1"/>
  <symbol id="blank"/>
</svg>
"""


def test_svg_symbols_lists_each_icon_of_a_sprite() -> None:
    assert svg_symbols(SPRITE) == [
        SvgSymbol("mic", "Microphone on", "0 0 24 24"),
        SvgSymbol("cam", None, "0 0 24 24"),
        SvgSymbol("blank", None, None),
    ]
    assert svg_symbols(b'<svg xmlns="http://www.w3.org/2000/svg" id="a"/>') == []
    with pytest.raises(SvgImportError):
        svg_symbols(b"<svg><symbol></svg>")


def test_imported_sprite_keeps_every_symbol() -> None:
    result = import_svg(SPRITE, "Sprite.svg")
    assert [s.id for s in svg_symbols(result.text.encode())] == ["mic", "cam", "blank"]
    assert result.root_id == "sprite" and "path4" not in result.text
    assert not result.viewbox_added and not any("viewBox" in n for n in result.notes)  # each symbol has its own
    assert clean(result.text) == []


def test_checker_accepts_a_reference_to_a_sprite_symbol(base_project: Path) -> None:
    plugin_dir = base_project / "webapp2/plugins/rec"
    (plugin_dir / "sprite.svg").write_text(import_svg(SPRITE, "sprite.svg").text, encoding="utf-8")
    package = plugin_dir / "rec.plugin.package.json"
    package.write_text(package.read_text(encoding="utf-8").replace("rec.svg#rec", "sprite.svg#cam"), encoding="utf-8")
    problems = run_checks(load(base_project))
    # The reference checks clean; rec.svg, used by nothing now, is named as a leftover (a note).
    assert [(p.code, p.file) for p in problems if p.code.startswith("PD4")] == [("PD406", "plugins/rec/rec.svg")]
    package.write_text(package.read_text(encoding="utf-8").replace("#cam", "#Cam"), encoding="utf-8")
    assert [p.code for p in run_checks(load(base_project)) if p.code.startswith("PD4")] == ["PD402", "PD406"]


# -- the sanitiser's own report ---------------------------------------------------------------------


def _sanitise_with_words(data: bytes) -> tuple[str, list[str]]:
    from lxml import etree

    root = read_svg(data).tree
    removed: list[str] = []
    sanitise_tree(root, removed)
    return etree.tostring(root, encoding="unicode"), removed


def test_the_sanitiser_words_what_it_removes() -> None:
    data = (
        b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" id="a" viewBox="0 0 24 24" onclick="x()">\n'
        b"<script>1</script><script>2</script>\n"
        b'<path d="M0 0" sketch:type="MSShapeGroup" xmlns:sketch="http://www.bohemiancoding.com/sketch/ns"/>\n'
        b'<a href="https://example.com"><circle r="1"/></a>\n</svg>\n'
    )
    text, removed = _sanitise_with_words(data)
    assert sanitise_svg(data) == ('<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n", [])
    assert removed == [
        'an event handler onclick="x()" on <svg> (line 2)',
        "a <script> element (2 times, line 3)",
        "a link around part of the drawing (the drawing stays) (line 5)",
        "an external link to https://example.com on <g> (line 5)",
        "1 attribute an icon does not use (sketch:type)",
    ]
    assert _sanitise_with_words(text.encode())[1] == []


def test_sketch_export_loses_its_notes_and_layer_ids() -> None:
    data = (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:sketch="http://www.bohemiancoding.com/sketch/ns" '
        b'viewBox="0 0 24 24"><title>icon/mic</title><desc>Created with Sketch.</desc>'
        b'<g id="Page-1" sketch:type="MSPage"><g sketch:type="MSLayerGroup"><path d="M0 0h4"/></g></g></svg>'
    )
    result = import_svg(data, "mic.svg")
    assert (
        "sketch" not in result.text.lower() and "Page-1" not in result.text and "<title>icon/mic</title>" in result.text
    )
    assert result.removed[0] == "Sketch editor data (desc, 2 sketch:* attributes)"
    assert clean(result.text) == []


def test_every_hostile_part_at_once(tmp_path: Path, no_network: list[object]) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    body = b"\n".join(part for part, _marker, _said in HOSTILE.values())
    data = (
        b'<?xml version="1.0"?>\n<?xml-stylesheet href="http://evil.example/s.css"?>\n'
        b'<!DOCTYPE svg [<!ENTITY xxe SYSTEM "' + secret.as_uri().encode() + b'">]>\n'
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="x()">\n'
        + body
        + b"\n<title>&xxe;</title><path d='M0 0'/></svg>"
    )
    result = import_svg(data, "all.svg", to_current_color=True)
    assert clean(result.text) == ["PD430"]  # no size to work a viewBox out from: said, not guessed
    for marker in (b"alert", b"evil", b"passwd", b"javascript", b"iframe", SECRET.encode(), b"onload"):
        assert marker.decode() not in result.text
    assert len(result.removed) >= len(HOSTILE) + 3 and no_network == []


def test_an_svg_element_of_another_namespace_is_not_an_svg() -> None:
    with pytest.raises(SvgImportError) as info:
        import_svg(b'<svg xmlns="http://evil.example/"><path d="M0 0"/></svg>', "fake.svg")
    assert "fake.svg is XML but not an SVG drawing" in str(info.value) and "evil.example" in str(info.value)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG picture"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG photo"),
        (b"GIF89a\x01\x00", "a GIF picture"),
        (b"RIFF\x10\x00\x00\x00WEBPVP8 ", "a WebP picture"),
    ],
)
def test_a_picture_that_is_not_svg_is_named_in_plain_words(data: bytes, kind: str) -> None:
    """A PNG renamed logo.svg was refused with "there is no XML here (no element starts with '<')"."""
    with pytest.raises(SvgImportError) as err:
        import_svg(data, "logo.svg")
    assert str(err.value).startswith(f"logo.svg is {kind}, not an SVG drawing. Icons must be SVG")


# -- drawings of several colours ---------------------------------------------------------------

# A door drawn in blue with a white knob: the new-user walk's icon, whose knob vanished when it
# took the app's colour.
DOOR = b"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">
  <rect x="5" y="2" width="14" height="20" rx="1" fill="#1565C0"/>
  <circle cx="15.5" cy="12" r="1.5" fill="#fff"/>
</svg>
"""


def _mask_of(text: str):
    root = etree.fromstring(text.encode())
    masks = root.findall(".//{http://www.w3.org/2000/svg}mask")
    assert len(masks) == 1, text
    return root, masks[0]


def test_a_two_colour_drawing_is_counted_and_its_white_knob_cut_out() -> None:
    flat = import_svg(DOOR, "door.svg", to_current_color=True)
    assert [(p.words, p.light, p.shapes) for p in flat.colours] == [
        ("blue (#1565C0)", False, 1),
        ("white (#fff)", True, 1),
    ]
    assert flat.can_cut_out and flat.cut_out == 0 and "<mask" not in flat.text  # as before: one colour for all

    result = import_svg(DOOR, "door.svg", colours=CUT_OUT)
    assert clean(result.text) == [] and result.cut_out == 1 and result.colours == flat.colours
    root, mask = _mask_of(result.text)
    # the whole drawing is in the app's colour, in a group the mask cuts the knob out of
    group = root.find("{http://www.w3.org/2000/svg}g")
    assert group.get("mask") == f"url(#{mask.get('id')})" and mask.get("id") == "door-cut-out"
    assert [(el.tag.split("}")[1], el.get("fill")) for el in group] == [
        ("rect", "currentColor"),
        ("circle", "currentColor"),
    ]
    # the mask: everything shown (white), but the knob (black), where it lies
    cover, knob = list(mask)
    assert cover.get("fill") == "white" and float(cover.get("width")) >= 24
    assert (knob.get("cx"), knob.get("cy"), knob.get("r"), knob.get("style")) == (
        "15.5",
        "12",
        "1.5",
        "fill:black;stroke:none",
    )
    assert "#1565C0" not in result.text and "#fff" not in result.text

    own = import_svg(DOOR, "door.svg", colours=OWN_COLOURS)
    assert own.converted_colours == 0 and 'fill="#1565C0"' in own.text and 'fill="#fff"' in own.text


def test_colours_are_counted_from_styles_rules_and_gradients_but_not_from_none() -> None:
    data = b"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">
  <style>.body { fill: rgb(21, 101, 192) } #dot { fill: crimson }</style>
  <defs>
    <linearGradient id="sky"><stop offset="0" stop-color="#0d47a1"/><stop offset="1" style="stop-color:#e3f2fd"/></linearGradient>
    <clipPath id="c"><rect width="24" height="24" fill="orange"/></clipPath>
  </defs>
  <g fill="none" stroke="transparent" clip-path="url(#c)">
    <rect class="body" width="20" height="20"/>
    <circle id="dot" cx="15" cy="15" r="2"/>
    <path d="M4 4h16v4H4z" fill="url(#sky)"/>
    <path d="M2 22h20" stroke="#1565c0"/>
    <circle cx="6" cy="6" r="1" style="fill: #FFFFFF; stroke: none"/>
  </g>
</svg>
"""
    result = import_svg(data, "busy.svg", colours=OWN_COLOURS)
    assert [(p.key, p.name, p.shapes) for p in result.colours] == [
        ("#1565c0", "blue", 2),  # the class rule's rgb() and the stroke's hex are one colour
        ("#dc143c", "red", 1),
        ("url(#sky)", "gradient", 1),
        ("#ffffff", "white", 1),
    ]  # the clip path's orange and the line's fill (a line fills nothing) are not colours that show
    assert result.colours[2].words == "a gradient (blue to light blue)"
    # with the app's colour, the gradient's shape takes it too (a recoloured icon kept a blue gradient)
    app = import_svg(data, "busy.svg", colours=APP_COLOUR)
    assert "url(#sky)" not in app.text and "linearGradient" not in app.text and clean(app.text) == []


def test_a_coloured_detail_drawn_on_the_cut_out_stays() -> None:
    """The mask follows the file's stacking: a blue dot drawn on the white knob is not cut away with it."""
    data = DOOR.replace(
        b"</svg>", b'  <g transform="translate(1 0)"><circle cx="14.5" cy="12" r=".5" fill="#1565C0"/></g>\n</svg>'
    )
    result = import_svg(data, "door.svg", colours=CUT_OUT)
    _root, mask = _mask_of(result.text)
    assert [el.tag.split("}")[1] for el in mask] == ["rect", "circle", "g"]
    dot = mask[2][0]
    assert mask[2].get("transform") == "translate(1 0)" and dot.get("style") == "fill:white;stroke:none"


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (DOOR.replace(b' viewBox="0 0 24 24"', b""), "no viewBox"),
        (DOOR.replace(b'viewBox="0 0 24 24"', b'viewBox="0 0 0 24"'), "its viewBox cannot be read"),
        (DOOR.replace(b"<rect", b"<style>svg > rect { stroke: #eee }</style><rect"), "style rules"),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><defs><circle id="k" r="2" fill="white"/>'
            b'</defs><rect width="9" height="9" fill="blue"/><use href="#k"/></svg>',
            "<use>",
        ),
    ],
)
def test_light_details_that_cannot_be_cut_out_are_said(data: bytes, why: str) -> None:
    result = import_svg(data, "door.svg", colours=CUT_OUT)
    assert "<mask" not in result.text and result.cut_out == 0 and not result.can_cut_out
    assert result.cut_out_blocked and why in result.cut_out_blocked
    assert any("could not be cut out" in n for n in result.notes), result.notes


def test_colours_drawn_again_by_uses_of_uses_are_counted_once() -> None:
    """Ten <use>s of ten <use>s of ... a white square: 10^11 squares drawn, each part looked at once."""
    levels = "".join(f'<g id="l{i}">' + f'<use href="#l{i - 1}"/>' * 10 + "</g>" for i in range(1, 12))
    data = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><defs>'
        f'<rect id="l0" width="1" height="1" fill="#fff"/>{levels}</defs>'
        '<rect width="9" height="9" fill="blue"/><use href="#l11"/></svg>'
    ).encode()
    result = import_svg(data, "laughs.svg", colours=CUT_OUT)
    assert [(p.name, p.shapes) for p in result.colours] == [("blue", 1), ("white", 1)]
    assert "<use>" in result.cut_out_blocked and "<mask" not in result.text


NAVY_AND_BLACK = b"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">
  <rect x="3" y="3" width="18" height="18" rx="2" fill="navy"/>
  <circle cx="12" cy="10" r="3" fill="#000"/>
  <path d="M8 15h8v3H8z" fill="black"/>
</svg>
"""

# a black phone with a dark grey screen, and a dark grey arrow beside it (on nothing)
PHONE_AND_ARROW = b"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">
  <rect x="2" y="4" width="9" height="16" rx="2" fill="#000"/>
  <rect x="4" y="6" width="5" height="10" fill="#333"/>
  <path d="M14 12h7m-3-3 3 3-3 3" fill="none" stroke="#333" stroke-width="2"/>
</svg>
"""


def test_two_dark_colours_the_one_drawn_on_the_other_is_cut_out() -> None:
    """Navy with black details came in as one colour: the face was gone. The drawing's base
    colour (its first shape's) takes the app's colour; the other is cut out of it."""
    flat = import_svg(NAVY_AND_BLACK, "badge.svg", colours=APP_COLOUR)
    assert [p.key for p in flat.colours] == ["#000000", "#000080"] and not any(p.light for p in flat.colours)
    assert flat.can_cut_out and flat.details == ["#000000"] and flat.detail_shapes == 2 and "<mask" not in flat.text

    result = import_svg(NAVY_AND_BLACK, "badge.svg", colours=CUT_OUT)
    assert clean(result.text) == [] and result.cut_out == 2
    _root, mask = _mask_of(result.text)
    assert [(el.tag.split("}")[1], el.get("style")) for el in mask][1:] == [
        ("circle", "fill:black;stroke:none"),
        ("path", "fill:black;stroke:none"),
    ]
    assert "navy" not in result.text and 'fill="#000"' not in result.text


def test_a_dark_detail_beside_the_drawing_is_not_cut_out_of_nothing() -> None:
    result = import_svg(PHONE_AND_ARROW, "phone.svg", colours=CUT_OUT)
    assert result.details == ["#333333"] and result.detail_shapes == 2 and result.cut_out == 1
    _root, mask = _mask_of(result.text)
    assert [(el.tag.split("}")[1], el.get("style")) for el in mask][1:] == [
        ("rect", "fill:black;stroke:none"),  # the screen, on the phone: a hole
        ("path", "fill:none;stroke:white"),  # the arrow, on nothing: drawn in the app's colour
    ]
    # an arrow that does reach the phone is cut where it lies on it, as any detail drawn on it
    reaching = PHONE_AND_ARROW.replace(b"M14 12h7", b"M8 12h13")
    assert import_svg(reaching, "phone.svg", colours=CUT_OUT).cut_out == 2


def test_a_white_only_drawing_is_not_cut_out_of_itself() -> None:
    """The dialog asks for the cut-out by default; a drawing all in white has nothing to cut it
    out of, and came out as an icon that draws nothing."""
    data = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><rect width="9" height="9" fill="#fff"/></svg>'
    result = import_svg(data, "white.svg", colours=CUT_OUT)
    assert "<mask" not in result.text and 'fill="currentColor"' in result.text and not result.can_cut_out


def test_a_dark_detail_written_by_an_optimiser_is_cut_out_where_it_lies() -> None:
    """An optimiser writes an arc's flags without spaces (``a10 10 0 110 20``: flags 1 and 1, then
    0 20). Read as the number 110, the arcs were lost, the black disc on the navy square seemed to
    be only its top point, on the square's edge, so beside it: it was not cut out and came in in
    the square's colour, gone."""
    spaced = b"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">
  <rect x="2" y="2" width="20" height="20" fill="navy"/>
  <path d="M12 2a10 10 0 1 1 0 20a10 10 0 1 1 0-20z" fill="#000"/>
</svg>
"""
    packed = spaced.replace(b"a10 10 0 1 1 0 20a10 10 0 1 1 0-20z", b"a10 10 0 110 20a10 10 0 010-20z")
    for data in (spaced, packed):
        result = import_svg(data, "disc.svg", colours=CUT_OUT)
        assert result.cut_out == 1
        _root, mask = _mask_of(result.text)
        assert [(el.tag.split("}")[1], el.get("style")) for el in mask][1:] == [("path", "fill:black;stroke:none")]


def test_an_alpha_mask_from_figma_stays_an_alpha_mask() -> None:
    """Figma and Eva Icons write ``mask-type="alpha"`` on the mask of every icon, whose shape is
    near-black (#231F20). The import dropped it as "an attribute an icon does not use": the
    browser then read the mask by its lightness, and the icon showed at an eighth of its colour."""
    data = b"""<svg width="24" height="24" viewBox="0 0 24 24" fill="none" xmlns="http://www.w3.org/2000/svg">
<mask id="mask0" mask-type="alpha" maskUnits="userSpaceOnUse" x="2" y="2" width="20" height="20">
<path fill-rule="evenodd" d="M2 2H22V22H2Z" fill="#231F20"/>
</mask>
<g mask="url(#mask0)"><rect width="24" height="24" fill="#0D1C2E"/></g>
</svg>
"""
    result = import_svg(data, "eva.svg")
    assert etree.fromstring(result.text.encode()).find("{*}mask").get("mask-type") == "alpha"
    assert not any("mask-type" in line for line in result.removed)
    assert 'mask-type="alpha"' in sanitise_svg(data)[0]


STYLED_AFTER_A_COMMENT = b"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">
  <defs>
    <linearGradient id="linearGradient12"><stop offset="0" stop-color="#08c"/></linearGradient>
    <style><!-- the button's body --> .body { fill: url(#linearGradient12); stroke: #123456 }</style>
  </defs>
  <path class="body" d="M2 2h20v20H2z"/>
</svg>
"""


def test_a_gradient_named_in_a_style_after_a_comment_survives_the_import() -> None:
    """The import's clean-up read a <style>'s text up to its first XML comment only: a gradient
    named after one was taken for an unused made-up id and removed, and the icon lost its fill
    (the checks and the sanitiser already read the whole text)."""
    result = import_svg(STYLED_AFTER_A_COMMENT, "button.svg")
    tree = read_svg(result.text.encode())
    assert "linearGradient12" in tree.ids, result.text
    assert clean(result.text) == []


def test_colours_in_a_style_after_a_comment_follow_the_app_colour() -> None:
    """Made to follow the app's colour, the colours of a <style> after its first comment stayed."""
    result = import_svg(STYLED_AFTER_A_COMMENT, "button.svg", colours=APP_COLOUR)
    assert "#123456" not in result.text and "currentColor" in result.text, result.text
