"""A file's text as a text editor shows it, and back, without touching what the user did not edit.

Why: an editor widget keeps lines, not line endings. Qt's document turns ``\\r\\n``, a lone
``\\r``, U+2028 and U+2029 into the same line break and drops a leading byte-order mark, so
reading its text back and saving it would rewrite every line of a file with mixed endings (or
turn a U+2029 inside a JavaScript string into a real line break, a syntax error) after a
single keystroke. :class:`LineEndings` remembers the ending after each line and the BOM, and
:meth:`LineEndings.to_raw` rebuilds the file: unchanged lines keep their own endings, new
lines get the file's most common one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from typing import AnyStr

__all__ = [
    "LineEndings",
    "byte_position",
    "line_col",
    "line_cols",
    "line_start",
    "lone_crs_as_lf",
    "newline_of",
    "not_utf8_message",
    "odd_breaks",
    "utf16_text",
    "windows_1252_text",
    "offset_of",
    "split_first_line",
    "split_lines",
    "with_lone_crs_of",
]

# A pattern string, compiled (and cached) by re on first use: `check` imports this module for
# odd_breaks and most checks never need the pattern (compiling it was 0.4 ms of every run).
_BREAK = "\r\n|\r|\n|\u2028|\u2029"
_BOM = "\ufeff"


class LineEndings:
    """The endings of one file's lines; ``shown`` is its text with ``\\n`` between lines, no BOM.

    The common case, one kind of ending throughout, costs one ``str.replace`` per
    :meth:`to_raw`; a file with mixed endings also keeps its lines to compare the next text with.
    """

    __slots__ = ("bom", "newline", "shown", "_ends", "_lines")

    def __init__(self, raw: str) -> None:
        self.bom = raw.startswith(_BOM)
        body = raw[1:] if self.bom else raw
        self._ends: list[str] | None = None  # the ending after each line ("" after the last): mixed files only
        self._lines: list[str] | None = None
        if "\r" not in body and "\u2028" not in body and "\u2029" not in body:
            # Only \n, or none: most files. Three scans in C instead of a string per line (2 ms of
            # the stall of opening a 10,000-line file).
            self.newline, self.shown = "\n", body
            return
        kinds = Counter(re.findall(_BREAK, body))
        # The most common ending (ties: the first of CRLF, LF, CR); new lines get it.
        self.newline = max(("\r\n", "\n", "\r", "\u2028", "\u2029"), key=lambda e: kinds[e]) if kinds else "\n"
        if len(kinds) <= 1:
            self.shown = body if self.newline == "\n" else body.replace(self.newline, "\n")
        else:
            parts = re.split(_BREAK, body)
            self._ends = [*re.findall(_BREAK, body), ""]
            self._lines = parts
            self.shown = "\n".join(parts)

    @property
    def mixed(self) -> bool:
        return self._ends is not None

    def to_raw(self, shown: str) -> str:
        """The file's text for ``shown`` (the editor's text); remembered as the new starting point."""
        self.shown = shown
        head = _BOM if self.bom else ""
        if self._ends is None or self._lines is None:
            return head + (shown if self.newline == "\n" else shown.replace("\n", self.newline))
        old, ends = self._lines, self._ends
        new = shown.split("\n")
        limit = min(len(old), len(new))
        same_start = 0  # the old last line never counts as unchanged from the start: its "" ending may not stay last
        while same_start < min(limit, len(old) - 1) and old[same_start] == new[same_start]:
            same_start += 1
        same_end = 0
        while same_end < limit - same_start and old[-1 - same_end] == new[-1 - same_end]:
            same_end += 1
        # Between the unchanged start and end, lines are matched (difflib): one Replace all can
        # change two lines far apart, and the unchanged lines between them keep their own endings.
        # Changed lines keep the endings of the lines they replace, counted from the end (a line
        # broken in two: the new break is the inner one); added lines get the common one.
        import difflib

        old_mid = old[same_start : len(old) - same_end]
        new_mid = new[same_start : len(new) - same_end]
        ends_mid = ends[same_start : len(ends) - same_end]
        kept: list[str] = []
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old_mid, new_mid, autojunk=False).get_opcodes():
            replaced, count = ends_mid[i1:i2], j2 - j1
            if tag == "equal":
                kept += replaced
            elif count <= len(replaced):
                kept += replaced[len(replaced) - count :]
            else:
                kept += [self.newline] * (count - len(replaced)) + replaced
        new_ends = ends[:same_start] + kept + (ends[len(ends) - same_end :] if same_end else [])
        for i in range(len(new_ends) - 1):
            if not new_ends[i]:  # the old last line, now followed by more
                new_ends[i] = self.newline
        new_ends[-1] = ""  # nothing follows the last line
        for i in range(1, len(new_ends)):
            # A lone CR, an empty line and an LF would read back as one CRLF: one line lost.
            if new_ends[i - 1] == "\r" and not new[i] and new_ends[i].startswith("\n"):
                new_ends[i] = "\r"
        self._lines, self._ends = new, new_ends
        return head + "".join(line + end for line, end in zip(new, new_ends, strict=True))


def newline_of(data: bytes) -> str:
    """The line ending for lines a fix adds to a source: CRLF when it has one, a lone CR when it
    ends its lines only so (classic Mac), else LF. (The lone-CR file got LF lines in it.)"""
    if b"\r\n" in data:
        return "\r\n"
    return "\r" if b"\r" in data and b"\n" not in data else "\n"


_LONE_CR = "\r(?!\n)"


def lone_crs_as_lf(text: AnyStr) -> AnyStr:
    """``text`` (a source's text or bytes) with each CR that ends a line alone (an old Mac editor's,
    throughout or on some lines) as an LF: the same length, so every offset holds.

    Why: the fixes that write whole lines split a source at LF, while JavaScript, and so the
    checks' line numbers, also ends a line at a lone CR. A lone-CR file read as one line had no
    place for them, and in a file of LF or CRLF lines with a lone CR among them the line a check
    named was another. Written back with :func:`with_lone_crs_of`.
    """
    if isinstance(text, str):
        return re.sub(_LONE_CR, "\n", text) if "\r" in text else text
    return re.sub(_LONE_CR.encode(), b"\n", text) if b"\r" in text else text


def with_lone_crs_of(original: str, written: str) -> str:
    """``written`` (a fix's text for ``original`` read through :func:`lone_crs_as_lf`) with the
    lone CRs ``original`` ends lines with: the lines it keeps keep their own endings, and the lines
    a fix adds take the file's most common one (CR in an old Mac file)."""
    if "\r" not in original or re.search(_LONE_CR, original) is None:
        return written
    endings = LineEndings(original)
    shown = re.sub(_BREAK, "\n", written)  # (its lines as LineEndings takes them)
    return endings.to_raw(shown[1:] if endings.bom and shown.startswith(_BOM) else shown)


def split_first_line(text: str) -> tuple[str, str, str]:
    """``text``'s first line without its ending, that ending ("" when there is none) and the rest:
    CRLF, LF and a lone CR each end a line. (Split at LF alone, a CRLF file's first line kept its
    CR and a lone-CR file was one line, so the starter's first comment was never recognised.)"""
    for at, ch in enumerate(text):
        if ch == "\n" or ch == "\r":
            end = at + 2 if text.startswith("\r\n", at) else at + 1
            return text[:at], text[at:end], text[end:]
    return text, "", ""


def split_lines(text: str) -> list[str]:
    """``text``'s lines as the editor shows them, each with its ending ("" for a last line without
    one): CRLF, LF, a lone CR, U+2028 and U+2029 end a line, nothing else.

    Why not ``str.splitlines``: it also ends a line at a vertical tab, a form feed, U+0085 and
    U+001C-U+001E, which the editor and JavaScript keep inside the line (a string holding one):
    a diff then showed one line as two and numbered the lines after it otherwise than the editor.
    """
    if not text:
        return []
    ends = [m.end() for m in re.finditer(_BREAK, text)]
    starts = [0, *ends]
    if ends and ends[-1] == len(text):
        starts.pop()
    return [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


def line_start(data: bytes, at: int) -> int:
    """Where the line holding byte ``at`` starts, a lone CR ending a line too (tree-sitter's rows
    and a search for LF alone put a whole lone-CR file on line 1)."""
    return max(data.rfind(b"\n", 0, at), data.rfind(b"\r", 0, at)) + 1


def offset_of(text: str, line: int, column: int) -> int | None:
    """The index in ``text`` of 1-based ``line`` and ``column`` (characters), lines counted as
    the editor shows them and as JavaScript (and so the checker) counts them: CRLF, LF, a lone
    CR, U+2028 and U+2029 each end one. None when the text has no such line.

    Why: a fix finds the text a problem points at by its line and column; counting only LF, it
    looked on another line after a lone CR and said the text was "no longer there".
    """
    if line < 1 or column < 1:
        return None
    start = 1 if text.startswith("\ufeff") else 0  # (columns start after a byte order mark)
    for _ in range(line - 1):
        m = re.compile(_BREAK).search(text, start)
        if m is None:
            return None
        start = m.end()
    return start + column - 1


def line_col(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column (characters) of ``text[offset]`` as the editor shows them: the
    inverse of :func:`offset_of` (CRLF, LF, a lone CR, U+2028 and U+2029 each end a line, line 1's
    columns start after a byte order mark).

    Why: parsers count lines at LF only (Python's json, libxml2), so after a lone CR or a U+2028
    a problem pointed lines above where the editor shows its text. Only a text with such a
    character before ``offset`` is searched with the pattern; the rest costs two scans.
    """
    head = text[:offset]
    if "\r" in head or "\u2028" in head or "\u2029" in head:
        line, start = 1, 0
        for m in re.finditer(_BREAK, head):
            line, start = line + 1, m.end()
    else:
        line, start = head.count("\n") + 1, head.rfind("\n") + 1
    if start == 0 and head.startswith(_BOM):
        start = 1
    return line, offset - start + 1


def line_cols(text: str, offsets: Iterable[int]) -> list[tuple[int, int]]:
    """:func:`line_col` of each of ``offsets``, the text's line ends found once.

    Why: line_col reads the text up to its offset, so placing each of many findings (an icon of
    10,000 onclick attributes, a source naming an icon 10,000 times) read the file once per
    finding: 40,000 attributes in 0.8 MB took 24 seconds to check.
    """
    starts = [0, *(m.end() for m in re.finditer(_BREAK, text))]  # where each line starts
    out = []
    for offset in offsets:
        k = bisect_right(starts, offset) - 1
        if 0 < offset < len(text) and text[offset - 1] == "\r" and text[offset] == "\n":
            out.append((k + 2, 1))  # (in a CRLF: the text before it ends with a lone CR, see line_col)
            continue
        start = starts[k]
        if start == 0 and offset > 0 and text.startswith(_BOM):
            start = 1
        out.append((k + 1, offset - start + 1))
    return out


def byte_position(data: bytes, index: int) -> tuple[int, int]:
    """Line and column (:func:`line_col`) of the byte at ``index`` of UTF-8 ``data`` (the first
    byte that is not UTF-8, or a DOCTYPE's): counted in characters, lines as the editor shows them.

    Why: the place of a "not UTF-8" problem was counted at LF only (in a file of lone CRs, always
    line 1) and a U+FEFF starting any line was skipped as if it were the file's byte order mark.
    """
    head = data[:index].decode("utf-8", "replace")
    return line_col(head, len(head))


def odd_breaks(data: bytes) -> bool:
    """Whether ``data`` ends a line anywhere but at an LF (a lone CR, U+2028 or U+2029), where
    parsers that count LF only (tree-sitter, libxml2) and the editor disagree: two scans, no
    pattern, for most files."""
    if b"\xe2\x80" in data and (b"\xe2\x80\xa8" in data or b"\xe2\x80\xa9" in data):
        return True
    return b"\r" in data and data.count(b"\r") != data.count(b"\r\n")


def not_utf8_message(rel: str, data: bytes, index: int) -> str:
    """Why ``rel`` (whose byte ``index`` is the first that is not UTF-8) cannot be read, in words.

    Why UTF-16 is named: Windows Notepad's "Unicode" saves it, and "byte 0xff" sent its users
    looking for a stray character that is not there; the whole file is in another encoding.
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return (
            f"{rel} is saved as UTF-16 (Notepad calls it 'Unicode'); save it as UTF-8, the encoding the web app "
            "expects (in Notepad: Save as, Encoding UTF-8)."
        )
    return f"{rel} is not UTF-8 text (byte 0x{data[index]:02x}); save it as UTF-8."


def utf16_text(data: bytes) -> str | None:
    """The text of ``data`` when it is UTF-16 that says so in its first bytes (a byte-order mark,
    as Notepad's "Unicode" writes it) and reads whole as such, else None: the one encoding other
    than UTF-8 a file can be turned from without guessing (its PD103 Fix, "Save it as UTF-8")."""
    if data[:2] not in (b"\xff\xfe", b"\xfe\xff"):
        return None
    try:
        return data.decode("utf-16")  # (the mark is read, not kept: UTF-8 needs none)
    except UnicodeDecodeError:
        return None


_HIGH_BYTES = bytes(range(0x80, 0x100))


def windows_1252_text(data: bytes) -> str | None:
    """The text of ``data`` read as Windows-1252 (Notepad's "ANSI" on a Western European Windows:
    'på' as the byte 0xe5) when that is a fair guess: no byte of it is UTF-8 (a file of UTF-8
    with one stray byte, so read, would turn its 'ø' into 'Ã¸') and each byte has a letter there.
    A guess all the same: its Fix says how it reads the file and waits for a person."""
    high = len(data) - len(data.translate(None, _HIGH_BYTES))  # (in C: a loop of Python's took ms a check)
    if data.decode("utf-8", "replace").count("\ufffd") != high:
        return None  # (some of it is UTF-8)
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:  # (0x81, 0x8d, 0x8f, 0x90, 0x9d: no letter there, so not this code page)
        return None
