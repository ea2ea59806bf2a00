"""Fuzzing the checks with malformed JSON, JavaScript and SVG (hypothesis, > 5,000 inputs).

Whatever the input, ``run_checks`` must not raise, and every problem must say where it is: a
file, and a line >= 1 unless the problem is about the file as a whole (line 0, see WHOLE_FILE).
The package lives in memory so each example costs about a millisecond.
"""

from __future__ import annotations

from conftest import FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from designer.core.checks import run_checks
from designer.core.files import PackageFiles
from designer.core.model import load

BASE = {
    str(p.relative_to(FIXTURES / "base" / "webapp2")).replace("\\", "/"): p.read_bytes()
    for p in (FIXTURES / "base" / "webapp2").rglob("*")
    if p.is_file()
}
JS = "plugins/rec/rec.plugin.js"
SVG = "plugins/rec/rec.svg"
PKG = "plugins/rec/rec.plugin.package.json"

# Problems about a file as a whole (or a JSON key that may be absent) may have line 0.
WHOLE_FILE = {
    "PD200", "PD205", "PD206", "PD210", "PD211", "PD212", "PD213", "PD300", "PD102", "PD304", "PD303", "PD406"
}  # fmt: skip


class MemFiles(PackageFiles):
    label = "<memory>"

    def __init__(self, files: dict[str, bytes]) -> None:
        self.files = files

    def names(self) -> list[str]:
        return sorted(self.files)

    def read_bytes(self, rel: str) -> bytes:
        return self.files[rel]


def check(overrides: dict[str, bytes]) -> None:
    files = dict(BASE)
    files.update(overrides)
    problems = run_checks(load(MemFiles(files)))
    for p in problems:
        assert p.file, p
        assert p.line >= 1 or (p.line == 0 and p.code in WHOLE_FILE), p
        assert p.column >= 0 and p.message, p


def mutate(base: bytes) -> st.SearchStrategy[bytes]:
    """The base file with a few random cuts, insertions and byte flips."""

    @st.composite
    def build(draw: st.DrawFn) -> bytes:
        data = bytearray(base)
        for _ in range(draw(st.integers(1, 6))):
            op = draw(st.sampled_from(["cut", "insert", "flip"]))
            at = draw(st.integers(0, len(data)))
            if op == "cut":
                del data[at : at + draw(st.integers(1, 40))]
            elif op == "insert":
                data[at:at] = draw(st.binary(min_size=1, max_size=12) | st.sampled_from(INSERTS))
            elif data:
                data[min(at, len(data) - 1)] = draw(st.integers(0, 255))
        return bytes(data)

    return build()


INSERTS = [
    b"{",
    b"}",
    b"(",
    b")",
    b"'",
    b'"',
    b"`",
    b"${",
    b"/*",
    b"<",
    b">",
    b"&",
    b"]]>",
    b"<!DOCTYPE svg [<!ENTITY e 'x'>]>",
    b"&e;",
    b"<script>x()</script>",
    b' onload="x()"',
    b' href="http://e.example/a"',
    b"PEX.pluginAPI.registerPlugin({id: 1});",
    b"PEX.pluginAPI.sendRequest('/participants/' + p + '/mute');",
    b"fetch('http://' + h);",
    b"PEX.actions.X",
    b"\xff\xfe",
    b"\x00",
    b"\r\n",
    "\ufeff".encode(),
    b'"menuItems": {"toolbar": [{"icon": "rec.svg#nope", "action": null}]}',
    b"null",
    b"[]",
    # the JSON slips PD100 repairs: a Windows path, a tab, a low curly quote
    b"\\",
    b"C:\\Users\\",
    b"\t",
    "\u201a".encode(),
]

JS_TOKENS = st.sampled_from(
    [
        "(function () {",
        "})();",
        "PEX.pluginAPI.registerPlugin({",
        "window.PEX.pluginAPI.",
        "id: 'rec-1.0',",
        "load: load,",
        "record: record",
        "state$: state$",
        "});",
        "function record(p) {",
        "function load() {}",
        "var state$ = PEX.pluginAPI.createNewState({});",
        "sendRequest('/lock');",
        "transformConferenceLayout({layout: '9:9'});",
        "fetch(`https://${h}/x`);",
        "new WebSocket('ws://a');",
        "'<img src=\"http://x/y.png\">'",
        "icon: 'rec.svg#REC'",
        "}",
        "{",
        "(",
        ")",
        ",",
        ";",
        "'",
        "`",
        "/",
        "\n",
        "=>",
        "é",
        "\u2028",
    ]
)

SVG_TOKENS = st.sampled_from(
    [
        '<svg xmlns="http://www.w3.org/2000/svg" id="rec">',
        "<svg>",
        "</svg>",
        '<g id="a">',
        "</g>",
        '<use href="#a"/>',
        '<use href="other.svg#b"/>',
        '<circle fill="url(#A)" r="1"/>',
        "<script>x</script>",
        "<foreignObject/>",
        '<!DOCTYPE svg [<!ENTITY e "x">]>',
        "<!DOCTYPE svg>",
        "&e;",
        "&amp;",
        '<?xml version="1.0"?>',
        '<a href="javascript:x()">',
        "</a>",
        '<style>@import url("http://x");</style>',
        '<g id="1 2"/>',
        "<",
        ">",
        '"',
        "\n",
    ]
)

FAST = settings(max_examples=1750, deadline=None, suppress_health_check=list(HealthCheck), database=None)


@FAST
@given(st.one_of(mutate(BASE[JS]), st.lists(JS_TOKENS, max_size=40).map(lambda t: " ".join(t).encode("utf-8"))))
def test_fuzz_javascript(data: bytes) -> None:
    check({JS: data})


@FAST
@given(st.one_of(mutate(BASE[SVG]), st.lists(SVG_TOKENS, max_size=30).map(lambda t: "".join(t).encode("utf-8"))))
def test_fuzz_svg(data: bytes) -> None:
    check({SVG: data})


@FAST
@given(
    st.sampled_from([PKG, "settings.json", "manifest.json"]).flatmap(
        lambda rel: st.tuples(st.just(rel), mutate(BASE[rel]))
    )
)
def test_fuzz_json(case: tuple[str, bytes]) -> None:
    rel, data = case
    check({rel: data})


@settings(max_examples=600, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(
    st.one_of(mutate(BASE[SVG]), st.lists(SVG_TOKENS, max_size=30).map(lambda t: "".join(t).encode("utf-8"))),
    st.integers(0, 20),
)
def test_fuzz_svg_edits_never_fail_and_read_back(data: bytes, n: int) -> None:
    """Whatever the icon editor can open, an edit writes text that reads back as the edited tree."""
    from lxml import etree

    from designer.core.svg import safe_parser
    from designer.core.svgedit import SvgDocument, SvgEditError

    try:
        doc = SvgDocument(data.decode("utf-8", "surrogateescape"))
    except SvgEditError:
        return
    shapes = doc.shapes()
    if shapes:
        doc.translate(shapes[n % len(shapes)].path, 1, 2)
    else:
        doc.add("rect", {"width": str(n)})
    out = doc.to_text()
    again = etree.fromstring(out.encode("utf-8", "surrogateescape"), safe_parser())
    try:
        assert etree.tostring(again, method="c14n") == etree.tostring(doc.root, method="c14n")
    except etree.C14NError:  # canonical XML refuses some namespaces (relative URIs): lxml's own text
        assert etree.tostring(again) == etree.tostring(doc.root)
