"""Escaping text for generated JavaScript and JSON, so user text never breaks out of a literal."""

from __future__ import annotations

import json
import re
import unicodedata

from .files import windows_name_problem

__all__ = ["js_string", "is_identifier", "safe_id", "safe_identifier", "shortened"]

# Compiled (and cached by re) on first use, not by `check`. Matched whole (fullmatch): the "$" of
# "^...$" also matches before a final line break, and 'record\n' passed for a function name.
_IDENT = r"[A-Za-z_$][A-Za-z0-9_$]*"
_RESERVED = frozenset(
    "break case catch class const continue debugger default delete do else export extends false finally for "
    "function if import in instanceof new null return super switch this throw true try typeof var void while "
    "with yield let static enum await implements package protected interface private public"
    # Not keywords, but no function may be called so in strict code ('use strict' in the sources).
    " eval arguments".split()
)


def js_string(text: str, quote: str = "'") -> str:
    """A JS string literal in ``quote`` (single by default; double, or a backtick for a template
    literal, to write a value where the code has one in that spelling); safe inside a <script>
    and against line terminators."""
    body = json.dumps(text, ensure_ascii=False)[1:-1]
    if quote != '"':
        body = body.replace(quote, "\\" + quote).replace('\\"', '"')
    if quote == "`":
        body = body.replace("${", "\\${")
    body = body.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    body = body.replace("</", "<\\/").replace("<!--", "<\\!--")
    if any("\ud800" <= c <= "\udfff" for c in body):  # a lone surrogate (an id read from "\ud800"):
        body = "".join(f"\\u{ord(c):04x}" if "\ud800" <= c <= "\udfff" else c for c in body)  # not UTF-8
    return f"{quote}{body}{quote}"


def is_identifier(name: str) -> bool:
    """Whether ``name`` can be written as a JavaScript function name (and a registerPlugin key)
    as it is: what the language accepts, letters of any script included (``función``, ``静音``),
    and no reserved word.

    Why not ASCII only: a plugin written in Spanish or Chinese names its functions so, the app
    runs them, and the menu item form refused them. Unicode escapes (``\\u0066``) are left out:
    the menu item's action must be the very characters of the key the code registers.
    """
    if re.fullmatch(_IDENT, name):
        return name not in _RESERVED
    if not name or name.isascii():
        return False
    return _id_start(name[0]) and all(_id_part(c) for c in name[1:])


# ECMAScript IdentifierStart: ID_Start, $ and _; IdentifierPart: ID_Continue, $, ZWNJ and ZWJ.
# ID_Start is the letters (Lu Ll Lt Lm Lo) and letter numbers (Nl), plus Other_ID_Start, minus
# Pattern_Syntax (of those letters only U+2E2F VERTICAL TILDE); ID_Continue adds combining
# marks (Mn Mc), digits (Nd), connectors (Pc) and Other_ID_Continue.
_START_CATEGORIES = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Nl"})
_PART_CATEGORIES = _START_CATEGORIES | {"Mn", "Mc", "Nd", "Pc"}
_OTHER_ID_START = frozenset("\u1885\u1886\u2118\u212e\u309b\u309c")
_OTHER_ID_CONTINUE = frozenset("\u00b7\u0387\u1369\u136a\u136b\u136c\u136d\u136e\u136f\u1370\u1371\u19da")


def _id_start(c: str) -> bool:
    import unicodedata

    if c in "$_" or c in _OTHER_ID_START:
        return True
    return c != "\u2e2f" and unicodedata.category(c) in _START_CATEGORIES


def _id_part(c: str) -> bool:
    import unicodedata

    if c in "$_\u200c\u200d" or c in _OTHER_ID_START or c in _OTHER_ID_CONTINUE:
        return True
    return c != "\u2e2f" and unicodedata.category(c) in _PART_CATEGORIES


def _ascii_letters(text: str) -> str:
    """Accents folded, not dropped: 'Gäste stummschalten' -> 'Gaste stummschalten' ('ß' -> 'ss').

    Why: ids and function names keep to ASCII (URLs, folders, JavaScript everywhere), and a name
    losing every accented letter ('g-ste') no longer says what it is.
    """
    import unicodedata

    folded = unicodedata.normalize("NFKD", text.translate(_NO_DECOMPOSITION))
    bare = "".join(c for c in folded if not unicodedata.combining(c))
    if bare.isascii():
        return bare
    return re.compile(_GREEK_OU).sub(lambda m: "OU" if m[0].isupper() else "ou", bare).translate(_CYRILLIC_GREEK)


# Latin letters Unicode does not decompose into a base letter and an accent.
_NO_DECOMPOSITION = str.maketrans(
    {
        "ß": "ss",
        "ẞ": "SS",
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "đ": "d",
        "Đ": "D",
        "ł": "l",
        "Ł": "L",
        "þ": "th",
        "Þ": "Th",
        "ð": "d",
        "Ð": "D",
        "ı": "i",
        # Cyrillic letters whose accent carries the sound (й is not и, ё not е): before decomposition.
        "й": "y",
        "Й": "Y",
        "ё": "yo",
        "Ё": "Yo",
        "ї": "yi",
        "Ї": "Yi",
        "ў": "u",
        "Ў": "U",
    }
)

# Cyrillic (Russian, Ukrainian, Belarusian, Serbian, Macedonian, Bulgarian) and Greek letters in
# the plain romanisations people use for web addresses (Russian BGN/PCGN without diacritics,
# Greek ELOT 743). Why a table of our own: two small alphabets with one agreed spelling each;
# the libraries that do every script (Unidecode is GPL, anyascii ships megabytes of tables) give
# Japanese kanji their Chinese readings, which a Japanese user would not recognise either.
_CYRILLIC = dict(
    zip(
        "абвгдежзиклмнопрстуфхцчшщъыьэюяєіґђјљњћџѓќѕ",
        "a b v g d e zh z i k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya ye i g dj j lj nj c dz gj kj dz".split(),
        strict=True,
    )
)
_GREEK = dict(
    zip("αβγδεζηθικλμνξοπρσςτυφχψω", "a v g d e z i th i k l m n x o p r s s t y f ch ps o".split(), strict=True)
)
_CYRILLIC_GREEK = str.maketrans(
    {
        **{k: ("" if v == "_" else v) for k, v in {**_CYRILLIC, **_GREEK}.items()},
        **{k.upper(): ("" if v == "_" else v.capitalize()) for k, v in {**_CYRILLIC, **_GREEK}.items() if k != "ς"},
    }
)
_GREEK_OU = "[οΟ][υΥ]"  # ου is one sound, "ou" (ELOT 743), not "oy"


MAX_ID_LENGTH = 60  # a folder and file name of its own: 280 characters could not be saved (ENAMETOOLONG)


def safe_id(name: str) -> str:
    """A plugin id / folder name from a display name: 'Record & Stream!' -> 'record-stream',
    'Запись встречи' -> 'zapis-vstrechi', '会議を録音' -> 'plugin-' and six letters or digits.
    At most :data:`MAX_ID_LENGTH` characters, cut at a hyphen where there is one.

    Why the suffix: letters with no romanisation here (Japanese, Chinese, Arabic, Hebrew...) were
    dropped, so every such plugin was 'plugin' and a second one could not be added (or was
    'plugin-2', which says nothing). A short digest of the name tells them apart and stays the
    same each time the same name is typed (NFC and case folded: 'Café' typed either way).
    """
    folded = _ascii_letters(name)
    s = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    # Letters or digits dropped, or nothing left of a name that had something (emoji only).
    lost = any(not c.isascii() and c.isalnum() for c in folded) or (not s and bool(name.strip()))
    if lost and not re.search("[a-z]", s):
        s = f"plugin-{s}".strip("-")  # 'plugin-2-…', not '2-…': a number alone says nothing
    room = MAX_ID_LENGTH - (7 if lost else 0)
    if len(s) > room:
        cut = s[:room]
        s = (cut.rsplit("-", 1)[0] if "-" in cut[room // 2 :] else cut).strip("-")
    if lost:
        import unicodedata

        from .digest import blake2s

        digest = blake2s(unicodedata.normalize("NFC", name.casefold()).encode("utf-8", "surrogatepass"))
        s = f"{s}-{digest.hexdigest()[:6]}"
    if s and windows_name_problem(s) is not None:
        s += "-plugin"  # 'Aux' -> plugins/aux/: a folder Windows cannot make (PD214), and the export refuses
    return s or "plugin"


def safe_identifier(name: str) -> str:
    """A JS function name from free text: 'start recording' -> 'startRecording'."""
    words = re.findall(r"[A-Za-z0-9]+", _ascii_letters(name))
    if not words:
        return "action"
    ident = words[0].lower() + "".join(w[:1].upper() + w[1:] for w in words[1:])
    if ident[0].isdigit():
        ident = "on" + ident[0].upper() + ident[1:]
    return ident if is_identifier(ident) else ident + "Action"


LINE_BREAKS = "\r\n\u2028\u2029\x85"  # the characters that end a line (CR, LF, U+2028, U+2029, NEL)


def one_line(text: str) -> str:
    """``text`` with each run of characters that end a line (:data:`LINE_BREAKS`) made one
    space: a name shown in a one-line message or written into a ``//`` comment."""
    if not any(c in text for c in LINE_BREAKS):  # the usual case: no pattern compiled
        return text
    return re.sub(f"[{LINE_BREAKS}]+", " ", text)


# What a description may hold of the control characters: tabs and line breaks lay out its text.
DESCRIPTION_LAYOUT = "\t\n\r"


def control_characters(text: str, allowed: str = "") -> list[str]:
    """The control characters in ``text`` (C0, DEL and C1: ESC, NUL, a bell, a tab, a line break),
    each once, in the order they come; those in ``allowed`` left out."""
    if text.isprintable():  # the usual case
        return []
    return list(dict.fromkeys(c for c in text if unicodedata.category(c) == "Cc" and c not in allowed))


def without_control_characters(text: str, allowed: str = "") -> str:
    """``text`` with its control characters gone, but those in ``allowed``; a tab or a line break
    (when not allowed) becomes a space, so that the words on either side stay apart."""
    found = control_characters(text, allowed)
    if not found:
        return text
    spaced = "".join(c for c in found if c == "\t" or c in LINE_BREAKS)
    if spaced:  # (a run of them, such as CR LF, one space)
        text = re.sub(f"[{re.escape(spaced)}]+", " ", text)
    return text.translate(dict.fromkeys(ord(c) for c in found if c not in spaced))


def typed_on_one_line(text: str) -> str:
    """``text`` as a one-line field takes it: the line breaks at either end gone, each run of them
    inside one space (see :func:`one_line`).

    Why: a name pasted with its line break ("Record⏎"), typed into a form or given to ``--set
    $'name=Lay\\nout'``, went into the package as "Record\\n", where the app shows it on one line.
    The other control characters (an ESC, a bell, pasted from a terminal or a log) go too, a tab
    becoming a space: invisible in the field, the app shows them as boxes or garbled text (PD315).
    """
    return without_control_characters(one_line(text.strip(LINE_BREAKS)))


_SHORT = 80  # characters of quoted text a message keeps


def shortened(text: object, limit: int = _SHORT) -> str:
    """``text`` cut to at most ``limit`` characters for quoting in a message: its start and end
    kept, with "…" in place of the middle (two names that differ at either end still read apart).

    Why: messages quote what the files hold (a function name, an id, a label), and that can be of
    any length. A 1 MB function name made a 1 MB message: the Export pane took seconds to show it
    and ``check`` flooded the terminal. Only the words shown are cut; positions and fix data
    keep the whole text. Not text (a number, None): as an f-string shows it.
    """
    if not isinstance(text, str):
        text = str(text)
    if len(text) <= limit:
        return text
    head = (limit - 1) * 2 // 3
    tail = len(text) - (limit - 1 - head)
    # Never between a letter and its accent (U+0301 typed on a Mac, Greek tonos) or inside a
    # joined emoji (👩‍💻): 'Cafe…' read as another word, an accent sat on the '…'.
    while head > 0 and _continues(text, head):
        head -= 1
    while tail < len(text) and _continues(text, tail):
        tail += 1
    return f"{text[:head]}…{text[tail:]}"


def _continues(text: str, i: int) -> bool:
    """Whether ``text[i]`` belongs to the character before it: a combining mark, a joiner, a
    variation selector, a skin tone, or whatever follows a zero-width joiner."""
    import unicodedata

    c = text[i]
    if c in "\u200d\ufe0e\ufe0f" or "\U0001f3fb" <= c <= "\U0001f3ff" or (i > 0 and text[i - 1] == "\u200d"):
        return True
    return unicodedata.category(c) in ("Mn", "Mc", "Me")


def comment_text(text: str) -> str:
    """``text`` made safe for a ``//`` comment: every character JavaScript ends a line at becomes a
    space (:func:`one_line`), and ``</`` is split. A plugin named with U+2028 (or a lone CR) ended
    its header comment early, and the rest of the name was read as code."""
    return one_line(text).replace("</", "<\\/")
