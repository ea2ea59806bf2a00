"""Line endings survive the editor: untouched lines keep theirs, whatever the mix."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from designer.core.lineends import LineEndings

_PIECES = st.lists(
    st.sampled_from(["a", "b", " ", "\u00a0", "é", "😀", "\r\n", "\n", "\r", "\u2028", "\u2029", "'"]), max_size=40
)


@settings(max_examples=300, deadline=None)
@given(_PIECES, st.booleans())
def test_the_shown_text_gives_back_the_file_byte_for_byte(pieces: list[str], bom: bool) -> None:
    raw = ("\ufeff" if bom else "") + "".join(pieces)
    ends = LineEndings(raw)
    assert "\r" not in ends.shown and "\u2028" not in ends.shown and "\u2029" not in ends.shown
    assert not ends.shown.startswith("\ufeff")
    assert ends.to_raw(ends.shown) == raw


@settings(max_examples=300, deadline=None)
@given(_PIECES, st.integers(min_value=0, max_value=60), st.text(alphabet="xy\n", max_size=6), st.integers(0, 3))
def test_an_edit_changes_only_the_lines_it_touches(pieces: list[str], at: int, typed: str, cut: int) -> None:
    raw = "".join(pieces)
    ends = LineEndings(raw)
    shown = ends.shown
    at = min(at, len(shown))
    edited = shown[:at] + typed + shown[at + cut :]
    out = ends.to_raw(edited)
    assert LineEndings(out).shown == edited  # the text is what the editor shows
    # Lines wholly before the edit keep their exact text and endings.
    line_start = shown.rfind("\n", 0, at) + 1
    prefix_lines = shown[:line_start].count("\n")
    before = LineEndings(raw)
    assert _lines_with_ends(out)[:prefix_lines] == _lines_with_ends(raw)[:prefix_lines], (raw, edited, out)
    assert before.to_raw(before.shown) == raw


def _lines_with_ends(text: str) -> list[str]:
    import re

    return re.findall("[^\r\n\u2028\u2029]*(?:\r\n|\r|\n|\u2028|\u2029|$)", text)[:-1] or [text]


def test_typing_in_a_file_of_mixed_endings_keeps_every_other_line() -> None:
    raw = "one\r\ntwo\nthree\rfour\u2029five"
    ends = LineEndings(raw)
    assert ends.shown == "one\ntwo\nthree\nfour\nfive" and ends.mixed
    assert ends.to_raw("one\ntwo!\nthree\nfour\nfive") == "one\r\ntwo!\nthree\rfour\u2029five"
    assert ends.to_raw("one\ntwo!\nthr\nee\nfour\nfive") == "one\r\ntwo!\nthr\r\nee\rfour\u2029five"
    assert ends.to_raw("one\ntwo!\nthree\nfour\nfive") == "one\r\ntwo!\nthree\rfour\u2029five"


def test_uniform_endings_and_a_bom() -> None:
    ends = LineEndings("\ufeffa\r\nb\r\n")
    assert (ends.shown, ends.newline, ends.bom, ends.mixed) == ("a\nb\n", "\r\n", True, False)
    assert ends.to_raw("a\nb\nc\n") == "\ufeffa\r\nb\r\nc\r\n"
    assert LineEndings("x\u00a0y").to_raw("x\u00a0y!") == "x\u00a0y!"


def test_lines_between_two_changes_keep_their_own_endings() -> None:
    """Replace all changed two lines far apart: the unchanged lines between them took the
    endings of their neighbours (matched from the end of the whole changed block)."""
    from designer.core.lineends import LineEndings

    raw = "one();\r\nkeep1\nkeep2\r\ntwo();\n"
    endings = LineEndings(raw)
    out = endings.to_raw(endings.shown.replace("();", "();\n// x"))
    assert "\r\n// x" in out or "\n// x" in out
    assert "keep1\nkeep2\r\ntwo();\n" in out  # untouched lines, untouched endings
    assert out.startswith("one();\r\n")


def test_offset_of_counts_every_line_ending_the_editor_shows() -> None:
    from designer.core.lineends import offset_of

    text = "a\r\nb\rc\u2028d\u2029e\nf"
    for line, letter in enumerate("abcdef", 1):
        assert text[offset_of(text, line, 1)] == letter
    assert offset_of(text, 7, 1) is None and offset_of(text, 0, 1) is None


@settings(max_examples=300, deadline=None)
@given(_PIECES, st.booleans())
def test_line_cols_places_every_offset_as_line_col_does(pieces: list[str], bom: bool) -> None:
    """line_cols (the line ends found once for many places) agrees with line_col at every offset,
    a CRLF's LF, a byte-order mark and the end of the text included."""
    from designer.core.lineends import line_col, line_cols

    text = ("\ufeff" if bom else "") + "".join(pieces)
    offsets = list(range(len(text) + 1))
    assert line_cols(text, offsets) == [line_col(text, at) for at in offsets]


def test_lone_crs_read_as_lf_for_the_fixes_and_written_back() -> None:
    """The fixes that write whole lines read a source's lone CRs as LF (the lines JavaScript
    counts, the same length) and give each line kept its own ending back: in a lone-CR file, a
    CRLF one and files of mixed ends, the lines added taking the file's most common ending."""
    from designer.core.lineends import lone_crs_as_lf, with_lone_crs_of

    for original, read, written, expected in (
        ("a\rb\rc\r", "a\nb\nc\n", "a\nb\nnew\nc\n", "a\rb\rnew\rc\r"),  # lone CR
        ("a\r\nb\r\nc", "a\r\nb\r\nc", "a\r\nb\r\nnew\r\nc", "a\r\nb\r\nnew\r\nc"),  # CRLF: as it is
        ("a\rb\nc\nd\n", "a\nb\nc\nd\n", "a\nb\nnew\nc\nd\n", "a\rb\nnew\nc\nd\n"),  # LF, a lone CR
        ("\ufeffa\rb\r\nc\r\n", "\ufeffa\nb\r\nc\r\n", "\ufeffa\nb\r\nnew\r\nc\r\n", "\ufeffa\rb\r\nnew\r\nc\r\n"),
        (
            "a\n\u2028b\rc",
            "a\n\u2028b\nc",
            "a\n\u2028b\nnew\nc",
            "a\n\u2028b\rnew\nc",
        ),  # (as JavaScript: U+2028 ends a line)
    ):
        assert lone_crs_as_lf(original) == read and len(read) == len(original)
        assert lone_crs_as_lf(original.encode()) == read.encode()
        assert with_lone_crs_of(original, read) == original
        assert with_lone_crs_of(original, written) == expected, repr(original)


@settings(max_examples=300, deadline=None)
@given(_PIECES, st.booleans())
def test_a_source_read_for_a_fix_and_written_back_unchanged_is_the_same(pieces: list[str], bom: bool) -> None:
    from designer.core.lineends import lone_crs_as_lf, with_lone_crs_of

    original = ("\ufeff" if bom else "") + "".join(pieces)
    read = lone_crs_as_lf(original)
    assert len(read) == len(original) and "\r" not in read.replace("\r\n", "")
    assert with_lone_crs_of(original, read) == original
