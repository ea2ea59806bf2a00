"""Which Windows code page the names of a ZIP without the UTF-8 flag were written in.

Why: Explorer, 7-Zip and WinRAR store a name without the UTF-8 flag in the code page of the
Windows that made the ZIP: 'иконка.svg' is cp866 bytes on a Russian machine, 'アイコン.svg' cp932
on a Japanese one. The ZIP standard says cp437 (US English DOS), and read so those names become
box-drawing gibberish: the package file's "иконка.svg#mic" then names a file that is not there,
and the export writes the gibberish on. Nothing in the ZIP says which code page it was, so the
choice rests on evidence, strongest first:

1. the package's own text files (settings.json, package files, scripts, styles) name the files
   as typed, in UTF-8: the code page under which the ZIP's names are the ones they name is it;
2. otherwise, the code page under which every name reads as words of one script (Latin letters,
   Cyrillic, kana and kanji, hangul) when only one script does;
3. otherwise cp437, what the ZIP standard says and what the designer always read.

One archive is made on one machine, so one code page is chosen for all its names. cp437 comes
first whenever it does as well as another: a Western name ('caf\\x82.png', 'café.png') must keep
reading as it always did. (A ZIP that says it was made on Windows NTFS or VFAT holds names in the
Windows code page instead, cp1252 'caf\\xe9.png': there cp1252 and cp1251 come first.)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .problems import printable

__all__ = ["ANSI_FIRST", "CODE_PAGES", "CodePageChoice", "choose_code_page", "code_page_words", "legacy_name_note"]

# In order of preference when two do equally well: the ZIP standard's first, then the DOS code
# pages Explorer writes (Western Europe, Russia), then the ANSI ones some tools use, then East Asia.
CODE_PAGES = ("cp437", "cp850", "cp866", "cp1252", "cp1251", "cp932", "cp936", "cp949", "cp950")
# For a ZIP that says it was made on Windows NTFS or VFAT: the tools that write so (minizip-ng) store
# the name as the program had it, in the Windows (ANSI) code page, and 7-Zip and Info-ZIP's unzip
# read those names so; the DOS code pages come after.
ANSI_FIRST = ("cp1252", "cp1251", "cp437", "cp850", "cp866", "cp932", "cp936", "cp949", "cp950")

# What the names of each code page's country look like: the starts of the Unicode names of the
# characters beyond ASCII (halfwidth katakana left out: many stray bytes read as them in cp932).
_LATIN = ("LATIN ",)
_CYRILLIC = ("CYRILLIC ",)
_JAPANESE = ("CJK UNIFIED IDEOGRAPH", "HIRAGANA ", "KATAKANA ", "KATAKANA-HIRAGANA ", "IDEOGRAPHIC ")
_CHINESE = ("CJK UNIFIED IDEOGRAPH", "IDEOGRAPHIC ")
_KOREAN = ("HANGUL SYLLABLE", "IDEOGRAPHIC ")
_SCRIPTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "cp437": ("Latin", _LATIN),
    "cp850": ("Latin", _LATIN),
    "cp1252": ("Latin", _LATIN),
    "cp866": ("Cyrillic", _CYRILLIC),
    "cp1251": ("Cyrillic", _CYRILLIC),
    "cp932": ("Japanese", _JAPANESE),
    "cp936": ("Chinese", _CHINESE),
    "cp950": ("Chinese", _CHINESE),
    "cp949": ("Korean", _KOREAN),
}
_WORDS = {
    "cp437": "the code page of English DOS and Windows (cp437)",
    "cp850": "the code page of Western European Windows (cp850)",
    "cp1252": "the Western European Windows code page cp1252",
    "cp866": "the code page of Russian Windows (cp866)",
    "cp1251": "the Russian Windows code page cp1251",
    "cp932": "the code page of Japanese Windows (cp932, Shift-JIS)",
    "cp936": "the code page of Simplified Chinese Windows (cp936, GBK)",
    "cp949": "the code page of Korean Windows (cp949)",
    "cp950": "the code page of Traditional Chinese Windows (cp950, Big5)",
}
_WORD = re.compile(r"[^\W\d_]+")  # a run of letters
# What stands between a file name and the rest of the text that names it: quotes, '/', '#', '?',
# brackets, spaces ... (a name holding one of them is looked for in the whole text instead).
# (ASCII ones only: a no-break space is part of what cp1252 makes of a name's bytes.)
_BETWEEN = re.compile(r"""[\s"'`/\\#?&=,;:()<>\[\]{}|]+""", re.ASCII)
_MAX_SEARCHES = 50  # names holding such a character looked for in the whole text, per code page


@dataclass(frozen=True)
class CodePageChoice:
    """The code page chosen for an archive's names and on what ground.

    ``basis``: "referenced" (the package's files name its files so), "plausible" (only this code
    page reads every name as words of one script) or "default" (no evidence: cp437, as the ZIP
    standard says; such names may be gibberish).
    """

    code_page: str
    basis: str


def code_page_words(code_page: str) -> str:
    """``code_page`` in words for a person who never heard of code pages ("the code page of Russian Windows (cp866)")."""
    return _WORDS.get(code_page, f"the code page {code_page}")


def _decoded(names: Sequence[bytes], code_page: str) -> list[str] | None:
    """Every name decoded in ``code_page``, or None when one of them is not text in it."""
    try:
        return [raw.decode(code_page) for raw in names]
    except UnicodeDecodeError:
        return None


def _tokens(names: Iterable[str]) -> set[str]:
    """The parts of the paths (file and folder names) that hold more than ASCII: what the text is searched for."""
    return {part for name in names for part in name.replace("\\", "/").split("/") if part and not part.isascii()}


def _named(text: str) -> set[str]:
    """The pieces of ``text`` between quotes, slashes, spaces and the like that hold more than ASCII.

    Why a set: looking each name up in megabytes of text, once per code page, took seconds for a
    package of a thousand files; the pieces are found once and each name is then one lookup.
    """
    return {piece for piece in _BETWEEN.split(text) if not piece.isascii()}


def _found(tokens: set[str], named: set[str], text: str) -> int:
    """How many of ``tokens`` the text names: a lookup in ``named``, or a search of ``text`` for the
    few that hold a space or another character the text was split at."""
    searches = _MAX_SEARCHES
    count = 0
    for token in tokens:
        if token in named:
            count += 1
        elif searches and _BETWEEN.search(token) is not None:
            searches -= 1
            count += token in text
    return count


def _reads_as(names: Iterable[str], script: tuple[str, ...]) -> bool:
    """Whether every character beyond ASCII in ``names`` is one of ``script`` (by its Unicode name).

    Box-drawing lines, symbols and private-use characters, what the wrong code page makes of
    bytes, belong to no script here. Nor does a word of ASCII letters with another script's inside
    it ('cafВ', what 'caf\\x82' is in cp866): only Latin letters mix with ASCII ones in a word.
    """
    # Each character once, not once per name: a ZIP of thousands of names of 200 spaces each took
    # a second here, looking at every space of every name under every code page.
    if not all(c.isascii() or unicodedata.name(c, "").startswith(script) for c in set("".join(names))):
        return False
    if script is _LATIN:
        return True
    return not any(
        not word.isascii() and any(c.isascii() for c in word) for name in names for word in _WORD.findall(name)
    )


def choose_code_page(names: Sequence[bytes], text: str, order: Sequence[str] = CODE_PAGES) -> CodePageChoice:
    """The code page of ``names`` (stored names that are neither ASCII nor UTF-8) by the evidence
    of ``text`` (the archive's own text files, decoded), then by how the names read.

    A code page that cannot decode every name is never chosen: one machine wrote them all. Of two
    that do as well, the first in ``order`` (:data:`ANSI_FIRST` for a ZIP made on NTFS or VFAT).
    """
    decoded = {cp: found for cp in order if (found := _decoded(names, cp)) is not None}
    if not decoded:  # (cp437 decodes every byte: only reached with no code page at all)
        return CodePageChoice("cp437", "default")
    if text:
        named = _named(text)
        found = {cp: _found(_tokens(ns), named, text) for cp, ns in decoded.items()}
        best = max(found.values())
        if best > 0:
            return CodePageChoice(next(cp for cp in decoded if found[cp] == best), "referenced")
    plausible = [cp for cp, ns in decoded.items() if _reads_as(ns, _SCRIPTS[cp][1])]
    if plausible and len({_SCRIPTS[cp][0] for cp in plausible}) == 1:
        # (of the same script, the first: cp437 before cp850, the DOS code page before the ANSI one,
        # or for NTFS and VFAT the ANSI one first)
        return CodePageChoice(plausible[0], "plausible")
    # Words in two scripts ('âAâCâRâô' in cp437 is 'アイコン' in cp932), or in none: no evidence.
    return CodePageChoice("cp437", "default")


_BASIS = {
    "referenced": "the package's own files name {them} so",
    "plausible": "in no other code page {does} {it} read as letters of one language",
    "default": (
        "nothing in the ZIP tells which code page it is, so the ZIP standard's was used; if a name looks "
        "garbled, make the ZIP again with a tool that stores UTF-8 names (7-Zip: -mcu=on)"
    ),
}


def legacy_name_note(names: Sequence[str], code_page: str, basis: str) -> str:
    """The sentence that tells the user ``names`` were read from ``code_page`` and why it matters.

    Why say it at all: the choice is the designer's reading, not something the ZIP states. The
    Management Node (or a colleague's unzip) may read the same bytes in another code page and
    then look for files of other names; a ZIP the designer exports stores UTF-8 names instead.
    """
    shown = ", ".join(f"'{printable(n)}'" for n in names[:3]) + (
        f" and {len(names) - 3} more ({len(names)} in all)" if len(names) > 3 else ""
    )
    one = len(names) == 1
    why = _BASIS.get(basis, _BASIS["default"]).format(
        it="it" if one else "they", them="it" if one else "them", does="does" if one else "do"
    )
    return (
        f"{'The name' if one else 'The names'} {shown} {'is' if one else 'are'} stored without the UTF-8 mark, "
        f"in {code_page_words(code_page)}: {why}. The Management Node may read such names differently: upload "
        "a ZIP the designer exported, which stores every name as UTF-8."
    )
