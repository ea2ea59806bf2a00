"""Ids and function names made from what people type, in any language that uses Latin letters."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from designer.core.jstext import is_identifier, safe_id, safe_identifier


@pytest.mark.parametrize(
    ("name", "plugin_id", "function"),
    [
        ("Record & Stream!", "record-stream", "recordStream"),
        ("Gäste stummschalten", "gaste-stummschalten", "gasteStummschalten"),
        ("Ünïcødé Plügin", "unicode-plugin", "unicodePlugin"),
        ("Straße öffnen", "strasse-offnen", "strasseOffnen"),
        ("Łódź meeting", "lodz-meeting", "lodzMeeting"),
        ("Réunion d’équipe", "reunion-d-equipe", "reunionDEquipe"),
        ("2 hands up", "2-hands-up", "on2HandsUp"),
    ],
)
def test_accents_are_folded_not_dropped(name: str, plugin_id: str, function: str) -> None:
    assert safe_id(name) == plugin_id
    assert safe_identifier(name) == function and is_identifier(function)


@pytest.mark.parametrize(
    ("name", "plugin_id"),
    [
        ("Запись встречи", "zapis-vstrechi"),
        ("Щёлкнуть и выйти", "shchyolknut-i-vyyti"),
        ("Їжак Євген", "yizhak-yevgen"),
        ("Ηχογράφηση συνάντησης", "ichografisi-synantisis"),
        ("ΟΥΡΑ αναμονής", "oura-anamonis"),
    ],
)
def test_cyrillic_and_greek_names_make_ids_that_read_like_them(name: str, plugin_id: str) -> None:
    """'Запись встречи' made the id and folder 'plugin' (every letter dropped): a second Russian
    plugin could not be added, and the id said nothing of the plugin."""
    assert safe_id(name) == plugin_id


def test_names_in_other_scripts_make_distinct_stable_ids() -> None:
    """Japanese, Arabic, Hebrew or emoji names have no transliteration here: each gets 'plugin-'
    and a short suffix made from the name, the same each time, different for another name."""
    names = ["会議を録音", "会議を終了", "تسجيل الاجتماع", "הקלטת פגישה", "🎥🎙️"]
    ids = [safe_id(n) for n in names]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"plugin-[0-9a-z]{6}", i) for i in ids), ids
    assert ids == [safe_id(n) for n in names]
    # Latin words kept, the lost letters told apart by the suffix: '録音 v2' and '会議 v2' differ.
    assert re.fullmatch(r"v2-[0-9a-z]{6}", safe_id("録音 v2")) and safe_id("録音 v2") != safe_id("会議 v2")
    # The same name typed with a combining accent or a precomposed one is the same plugin.
    assert safe_id("Cafe\u0301 会議") == safe_id("Caf\u00e9 会議")
    assert safe_id("Café ☕") == "cafe"  # an emoji is no letter lost


def test_a_name_with_only_digits_in_latin_letters_keeps_the_word_plugin() -> None:
    """'تسجيل الاجتماع (2)' made the id and folder '2-' and six letters: a number alone says
    nothing of what it is (and '2-8fdd6b.plugin.js' looked like a leftover)."""
    assert re.fullmatch(r"plugin-2-[0-9a-f]{6}", safe_id("تسجيل الاجتماع (2)"))
    assert re.fullmatch(r"v2-[0-9a-f]{6}", safe_id("録音 v2"))


def test_a_plugin_called_like_a_windows_device_gets_a_folder_windows_can_make(tmp_path: Path) -> None:
    """'Aux' made plugins/aux/aux.plugin.js: a folder Windows cannot make (PD214), so the
    designer's own new plugin was one the export refuses."""
    from designer.cli import main
    from designer.core.checks import run_checks
    from designer.core.model import load

    assert [safe_id(n) for n in ("Aux", "CON", "com1", "Console")] == [
        "aux-plugin",
        "con-plugin",
        "com1-plugin",
        "console",
    ]
    assert main(["new", str(tmp_path / "p"), "--name", "Nul"]) == 0
    assert (tmp_path / "p/webapp2/plugins/nul-plugin/nul-plugin.plugin.js").is_file()
    assert [p.code for p in run_checks(load(tmp_path / "p")) if p.code == "PD214"] == []


@pytest.mark.parametrize(
    ("name", "ok"),
    [
        ("función", True),
        ("静音", True),
        ("Ünïcødé", True),
        ("müde_2", True),
        ("$αβγ", True),
        ("_私の関数", True),
        ("ⅫRoman", True),  # a letter number (Nl) may start a name
        ("x\u200d", True),  # zero-width joiner: may continue a name
        ("cafe\u0301", True),  # a combining accent (Mn) continues a name
        ("x·y", True),  # U+00B7: Other_ID_Continue
        ("\u0301e", False),  # ... but cannot start one
        ("\u200cx", False),
        ("2º", False),
        ("a b", False),
        ("a-b", False),
        ("😀", False),
        ("x😀", False),
        ("x\u2e2f", False),  # VERTICAL TILDE: a modifier letter JavaScript leaves out (Pattern_Syntax)
        ("x\u00a0", False),
        ("\\u0066oo", False),  # an escape is not the key's own characters
        ("class", False),
        ("función ", False),
        ("", False),
    ],
)
def test_a_javascript_name_may_use_letters_of_any_language(name: str, ok: bool) -> None:
    """Only [A-Za-z_$][A-Za-z0-9_$]* was accepted, while JavaScript takes any letter
    (ID_Start/ID_Continue, $ and _): a Spanish or Chinese plugin's functions were refused."""
    assert is_identifier(name) is ok


def test_shortened_keeps_short_text_and_cuts_long_text_in_the_middle() -> None:
    from designer.core.jstext import shortened

    assert shortened("record") == "record"
    assert shortened("x" * 80) == "x" * 80
    cut = shortened("start" + "m" * 1_000_000 + "end")
    assert len(cut) == 80 and cut.startswith("start") and cut.endswith("end") and "…" in cut


@pytest.mark.parametrize("count", range(20, 32))
def test_shortened_never_cuts_an_accent_or_an_emoji_from_its_letter(count: int) -> None:
    """A long name typed with combining accents ('Cafe' + U+0301, as macOS types it; Greek tonos)
    or with joined emoji (👩‍💻) was cut between a letter and its accent: the message showed 'Cafe'
    for 'Café', or an accent or a half emoji stuck on the '…'."""
    import unicodedata

    from designer.core.jstext import shortened

    for text in ("Cafe\u0301 ", unicodedata.normalize("NFD", "Ηχογράφηση "), "👩\u200d💻 "):
        cut = shortened(text * count)
        if len(text * count) <= 80:
            assert cut == text * count
            continue
        head, _, tail = cut.partition("…")
        joins = "\u200d\ufe0f"
        assert head and tail and len(cut) <= 80, cut
        assert not (unicodedata.combining(tail[0]) or tail[0] in joins or head[-1] in joins), (count, cut)
        # the head ends where the original's letter (with all its marks) ends
        after = (text * count)[len(head)]
        assert not unicodedata.combining(after) and after not in joins, (count, cut)


def test_a_name_with_a_line_break_after_it_is_no_javascript_name(tmp_path) -> None:
    """``$`` of the pattern matched before a final line break, so 'record⏎' passed for a function
    name: the Action field took 'record⏎' pasted (showing the break, the file getting 'record'), and
    ``check --fix`` on an item whose action was 'record\\n' renamed the registerPlugin key to it
    200 times over, writing 200 empty lines into the plugin's code."""
    import shutil

    from conftest import FIXTURES

    from designer.core.checks import run_checks
    from designer.core.fixes import fix_all
    from designer.core.model import load, save

    for name in ("record\n", "record\r\n", "\nrecord", "função\n"):
        assert not is_identifier(name), repr(name)
    shutil.copytree(FIXTURES / "base", tmp_path / "p")
    package = tmp_path / "p" / "webapp2" / "plugins" / "rec" / "rec.plugin.package.json"
    package.write_text(package.read_text().replace('"action": "record"', '"action": "record\\n"'))
    source = package.with_name("rec.plugin.js")
    code = source.read_text()
    pkg = load(tmp_path / "p")
    assert len(fix_all(pkg, run_checks)) < 2
    save(pkg)
    assert source.read_text().count("\n") <= code.count("\n")
