"""Recipes: every one, with default and awkward answers, makes a plugin the checks pass."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import tree_sitter_javascript
from lxml import etree
from tree_sitter import Language, Parser

from designer.cli import main
from designer.core.checks import run_checks
from designer.core.jstext import one_line, safe_id
from designer.core.model import load
from designer.core.newproject import create_project
from designer.core.problems import Severity
from designer.core.recipes import (
    RecipeError,
    coerce_answers,
    list_recipes,
    load_recipe,
    render,
    validate_answers,
)

RECIPES = [r.name for r in list_recipes()]
EDGE = 'It\'s "quoted" \\ back\\slash\nnew line é ☃ 漢字 </script><!-- \u2028 ${x} `tick` */'
ALLOWED_INFO = {
    "PD600",
    "PD300",
    "PD602",
}  # contacts another server (the webhook); no button (background); sample address
_PARSER = Parser(Language(tree_sitter_javascript.language()))


def edge_answers(name: str) -> dict[str, Any]:
    """Awkward text everywhere free text is allowed, every yes/no flipped, the last option of each choice."""
    recipe = load_recipe(name)
    out: dict[str, Any] = {}
    for p in recipe.parameters:
        if p.type == "text" and not p.pattern:
            out[p.key] = EDGE[: p.max_length]
        elif p.type == "boolean":
            out[p.key] = not p.default
        elif p.options():
            out[p.key] = p.options()[-1][0]
    return out


def check_files(tmp_path: Path, files: dict[str, bytes]) -> list[str]:
    """Errors and warnings (and unexpected notes) of a project made of these files, as text."""
    root = create_project(tmp_path / "p", files=files)
    problems = run_checks(load(root))
    return [
        f"{p.code} {p.file}:{p.line} {p.message}"
        for p in problems
        if p.severity != Severity.INFO or p.code not in ALLOWED_INFO
    ]


def assert_js_parses(source: bytes) -> None:
    tree = _PARSER.parse(source)
    assert not tree.root_node.has_error, source.decode()


def test_there_are_the_promised_recipes() -> None:
    assert set(RECIPES) >= {
        "lock-toggle",
        "mute-guests",
        "send-dtmf",
        "spotlight",
        "layout-chooser",
        "record-stream",
        "chat-keyword",
        "raised-hands",
        "overlay-text",
        "conference-info",
        "webhook",
        "query-auto-action",
    }
    for r in list_recipes():
        assert r.title and r.description and "\n" not in r.description
        assert r.placement_text and r.roles_text


@pytest.mark.parametrize("name", RECIPES)
@pytest.mark.parametrize("kind", ["defaults", "edge"])
def test_recipe_makes_a_plugin_that_passes_the_checks(name: str, kind: str, tmp_path: Path) -> None:
    recipe = load_recipe(name)
    answers = {} if kind == "defaults" else edge_answers(name)
    assert validate_answers(recipe, answers) == []
    files = render(recipe, answers, "my-plugin")
    assert all(rel.startswith("plugins/my-plugin/") for rel in files)
    package = json.loads(files["plugins/my-plugin/my-plugin.plugin.package.json"])
    assert package["id"] == "my-plugin" and package["srcURL"] == "my-plugin.plugin.js"
    assert package["participantRoles"] == recipe.roles
    if kind == "edge" and recipe.parameter("name").type == "text":
        # on one line, as the app shows a name: each run of line breaks a space
        assert package["name"] == one_line(EDGE[: recipe.parameter("name").max_length])
    source = files["plugins/my-plugin/my-plugin.plugin.js"]
    assert_js_parses(source)
    text = source.decode()
    assert "</script" not in text and "\u2028" not in text
    assert text.count("//") >= 8, "the generated code explains itself in comments"
    assert check_files(tmp_path, files) == []


@pytest.mark.parametrize("name", RECIPES)
def test_every_option_of_every_choice_renders_cleanly(name: str, tmp_path: Path) -> None:
    recipe = load_recipe(name)
    for p in recipe.parameters:
        for value, _label in p.options():
            files = render(recipe, {p.key: value}, "opt")
            assert_js_parses(files["plugins/opt/opt.plugin.js"])
    placement = json.loads(render(recipe, {}, "x")["plugins/x/x.plugin.package.json"])["menuItems"]
    assert list(placement) == ([] if recipe.placement == "none" else [recipe.placement])


def test_the_webhook_note_is_the_only_one(tmp_path: Path) -> None:
    files = render(load_recipe("webhook"), {"url": "https://hooks.acme.test:8443/x?y=1", "method": "GET"}, "hook")
    root = create_project(tmp_path / "p", files=files)
    codes = [(p.code, p.severity) for p in run_checks(load(root))]
    assert codes == [("PD600", Severity.INFO)]
    assert main(["check", "--strict", str(root)]) == 0


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("record-stream", "'Record' dials 'recorder@example.com', an example address that reaches nobody"),
        ("webhook", "'Record' calls 'https://hooks.example.com/meeting', an example address that reaches nobody"),
    ],
)
def test_a_sample_address_left_as_it_was_is_told(name: str, line: str, tmp_path: Path, capsys) -> None:
    """An administrator added the Record recipe, kept its sample address and saw "no errors": the
    uploaded button called recorder@example.com, which reaches nobody. Now a note (PD602) says so,
    with the line to change. A note, not a warning: a recipe's default answers make a plugin that
    passes check --strict (the recipes' promise), and the note is there for whoever reads it."""
    root = create_project(tmp_path / "p", files=render(load_recipe(name), {"name": "Record"}, "rec"))
    [problem] = [p for p in run_checks(load(root)) if p.code == "PD602"]
    assert (problem.severity, problem.file) == (Severity.INFO, "plugins/rec/rec.plugin.js")
    assert problem.message.startswith(line) and problem.message.endswith(
        f"Type your real address in its place, between the quotes on line {problem.line} of rec.plugin.js."
    )
    assert main(["check", "--strict", str(root)]) == 0
    assert f"rec.plugin.js:{problem.line}:" in capsys.readouterr().out  # the file and line to change


def test_example_domains_are_told_from_real_ones() -> None:
    from designer.core.checks.source import example_domain

    for text, host in [
        ("recorder@example.com", "example.com"),
        ("rtmp://live.EXAMPLE.net/app/key", "live.example.net"),
        ("sip:room@vc.example", "vc.example"),
        ("https://example.org:8443/x", "example.org"),
    ]:
        assert example_domain(text) == host
    for text in ("recorder@myexample.com", "https://example.community/x", "room@vc.acme.test", "example"):
        assert example_domain(text) is None


@pytest.mark.parametrize("name", RECIPES)
def test_icons_are_our_own_24px_single_colour_drawings(name: str) -> None:
    recipe = load_recipe(name)
    files = render(recipe, {}, "x")
    package = json.loads(files["plugins/x/x.plugin.package.json"])
    refs = [item["icon"] for items in package["menuItems"].values() for item in items if item["icon"]]
    refs += re.findall(r"'([\w-]+\.svg#[\w-]+)'", files["plugins/x/x.plugin.js"].decode())
    for rel, data in files.items():
        if rel.endswith(".svg"):
            root = etree.fromstring(data)
            # Filled (the recipes' own) or drawn with strokes (the built-in set): one colour, the app's.
            assert root.get("viewBox") == "0 0 24 24" and "currentColor" in (root.get("fill"), root.get("stroke"))
            colours = {v for el in root.iter() for k, v in el.attrib.items() if k in ("fill", "stroke")}
            assert colours <= {"currentColor", "none"}, (rel, colours)
            assert root.get("id") == rel.rsplit("/", 1)[-1][:-4]
    for ref in refs:
        file, _, frag = ref.partition("#")
        assert f"plugins/x/{file}" in files and file == frag + ".svg"
    assert b"<svg" in recipe.icon_svg()


def test_validation_speaks_plain_words() -> None:
    recipe = load_recipe("send-dtmf")
    errors = validate_answers(
        recipe, {"action": "function", "default_digits": "12x", "label": "  ", "nope": 1, "name": "x" * 61}
    )
    text = "\n".join(errors)
    assert "no setting called 'nope'" in text
    assert "'Function name' ('function') cannot be used as a function name" in text
    assert "use only the digits 0-9, * and #" in text
    assert "'Menu item text' is empty" in text
    assert "too long" in text
    assert "already used inside this recipe's code" in "\n".join(validate_answers(recipe, {"action": "sendDigits"}))
    assert "must be one of" in validate_answers(load_recipe("layout-chooser"), {"recommended": "3:3"})[0]
    assert validate_answers(load_recipe("webhook"), {"url": "http://x.example.com"})[0].startswith("'Web address")
    with pytest.raises(ValueError, match="cannot be used as a function name"):
        render(recipe, {"action": "load"}, "x")


def test_text_answers_are_coerced() -> None:
    recipe = load_recipe("mute-guests")
    answers, errors = coerce_answers(recipe, {"confirm": "No", "name": "A"})
    assert answers == {"confirm": False, "name": "A"} and errors == []
    _answers, errors = coerce_answers(recipe, {"confirm": "perhaps", "colour": "red"})
    assert len(errors) == 2 and "yes or no" in errors[1] + errors[0]


def test_unknown_or_unsafe_recipe_names() -> None:
    with pytest.raises(RecipeError, match="no recipe called"):
        load_recipe("no-such-recipe")
    with pytest.raises(RecipeError, match="not a recipe name"):
        load_recipe("../schemas")


def test_templates_run_in_a_sandbox() -> None:
    from jinja2.exceptions import SecurityError, UndefinedError

    from designer.core.recipes import _environment

    env = _environment(load_recipe("lock-toggle"))
    with pytest.raises(SecurityError):
        env.from_string("{{ ''.__class__.__mro__[1].__subclasses__() }}").render()
    with pytest.raises(UndefinedError):
        env.from_string("{{ missing }}").render()
    assert env.from_string("{{ x|js }}").render(x="a'</script>") == "'a\\'<\\/script>'"


def test_cli_lists_recipes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["recipes"]) == 0
    out = capsys.readouterr().out
    assert all(name in out for name in RECIPES)
    assert main(["recipes", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert sorted(r["name"] for r in data) == sorted(RECIPES)
    layout = next(r for r in data if r["name"] == "layout-chooser")
    assert next(p for p in layout["parameters"] if p["key"] == "recommended")["choices"][:2] == ["1:0", "1:7"]


def test_cli_recipes_json_says_what_each_answer_must_be(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A script filling in a recipe needs the limits `new --set` checks; the JSON gave only the
    key, type, label, default and choices. Now each setting has required, max_length, pattern
    (with its message) and when, as recipe.json defines them."""
    assert main(["recipes", "--json"]) == 0
    listed = {r["name"]: {p["key"]: p for p in r["parameters"]} for r in json.loads(capsys.readouterr().out)}
    seen = set()
    for name in RECIPES:
        raw = json.loads((load_recipe(name).folder / "recipe.json").read_text(encoding="utf-8"))
        for d in raw["parameters"]:
            got = listed[name][d["key"]]
            assert got["when"] == d.get("when")
            if d["type"] == "text":
                assert got["required"] == d.get("required", True)
                assert got["max_length"] == d.get("max_length", 200)
                assert got["pattern"] == d.get("pattern")
                assert got["pattern_message"] == (d.get("pattern_message") if d.get("pattern") else None)
            else:  # no length or form to keep, and an empty answer is refused
                assert (got["required"], got["max_length"], got["pattern"]) == (True, None, None)
            seen |= {k for k in ("max_length", "pattern", "when", "required") if k in d}
    assert seen == {"max_length", "pattern", "when", "required"}  # every one is exercised by the data
    # What the JSON says is what `new` checks: one character over max_length, or off the pattern, is refused.
    param = listed["query-auto-action"]["param"]
    too_long = "param=" + "a" * (param["max_length"] + 1)
    assert main(["new", str(tmp_path / "p"), "--recipe", "query-auto-action", "--set", too_long]) == 2
    assert "at most 60" in capsys.readouterr().err
    assert re.fullmatch(param["pattern"], "auto lock") is None


def test_cli_new_bad_answer_names_the_set_key_typed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The error named only the form label ('Setting in the link'), not the key the user typed
    (--set param=...), so it was unclear which --set to change."""
    target = tmp_path / "proj"
    args = ["new", str(target), "--recipe", "query-auto-action", "--set", "param=auto lock", "--set", "announce=yes"]
    assert main([*args, "--set", "announce_text=", "--name", "x" * 61]) == 2
    err = capsys.readouterr().err
    assert "'Setting in the link' (--set param): use only letters" in err
    assert "'Chat message' (--set announce_text) is empty" in err
    assert "'Plugin name' (--name) is too long" in err
    assert not target.exists()


def test_cli_new_from_recipe_writes_the_rendered_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "proj"
    args = ["new", str(target), "--recipe", "record-stream", "--set", "name=Rec & Stream", "--set", "streaming=no"]
    args += ["--set", f"start_label={EDGE[:80]}", "--set", "alias=recorder@vc.acme.test"]
    assert main(args) == 0
    expected = render(
        load_recipe("record-stream"),
        {"name": "Rec & Stream", "streaming": False, "start_label": EDGE[:80], "alias": "recorder@vc.acme.test"},
        "rec-stream",
    )
    root = target / "webapp2"
    for rel, data in expected.items():
        assert (root / rel).read_bytes() == data
    settings = json.loads((root / "settings.json").read_text())
    assert settings["plugins"] == [
        {"id": "rec-stream", "srcURL": "plugins/rec-stream/rec-stream.plugin.package.json", "enabled": True}
    ]
    capsys.readouterr()
    assert main(["check", "--strict", str(target)]) == 0


def test_cli_new_with_bad_answers_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "proj"
    assert main(["new", str(target), "--recipe", "spotlight", "--set", "action=my action", "--set", "oops"]) == 2
    err = capsys.readouterr().err
    assert "cannot be used as a function name" in err and "key=value" in err
    assert not target.exists()
    assert main(["new", str(target), "--recipe", "nothing-like-it"]) == 2
    err = capsys.readouterr().err
    assert "no recipe called 'nothing-like-it'. Recipes: " in err and "did you mean" not in err
    assert main(["new", str(target), "--recipe", "webhok"]) == 2
    assert "no recipe called 'webhok' (did you mean 'webhook'?). Recipes: " in capsys.readouterr().err


def test_cli_new_set_without_a_value_says_only_that(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "proj"
    assert main(["new", str(target), "--recipe", "mute-guests", "--set", "confirm"]) == 2
    err = capsys.readouterr().err
    assert err == (
        "plugin-designer: the answers for the recipe 'mute-guests' cannot be used:\n"
        "  - '--set confirm' needs the form key=value, e.g. --set name='My button'.\n"
    )
    assert not target.exists()


def test_cli_new_recipe_takes_name_option(tmp_path: Path) -> None:
    assert main(["new", str(tmp_path / "p"), "--recipe", "lock-toggle", "--name", "Door"]) == 0
    package = json.loads((tmp_path / "p/webapp2/plugins/door/door.plugin.package.json").read_text())
    assert package["name"] == "Door" and safe_id("Door") == package["id"]


@pytest.mark.parametrize(
    ("recipe", "switch", "text"),
    [
        ("query-auto-action", "announce", "announce_text"),
        ("layout-chooser", "include_default", "default_label"),
        ("mute-guests", "confirm", "confirm_text"),
    ],
)
def test_a_text_its_switch_turns_off_is_not_asked_for(recipe: str, switch: str, text: str) -> None:
    """'Chat message' may stay empty while 'Also post a chat message' is off, and renders."""
    from designer.core.recipes import load_recipe, render, validate_answers

    r = load_recipe(recipe)
    assert validate_answers(r, {switch: True, text: ""})  # on: it must be filled in
    assert validate_answers(r, {switch: False, text: ""}) == []
    files = render(r, {switch: False, text: ""}, "p")
    assert files


@pytest.mark.parametrize(
    ("recipe", "action", "says"),
    [
        ("lock-toggle", "locked", "already used inside this recipe's code"),
        ("webhook", "fetch", "a name JavaScript already has"),
        ("lock-toggle", "Boolean", "a name JavaScript already has"),
    ],
)
def test_a_function_name_the_recipe_code_or_javascript_uses_is_refused(recipe: str, action: str, says: str) -> None:
    """Accepted before: the function replaced the recipe's own variable (``locked``) or a built-in
    (``Boolean``, ``fetch``), and the plugin crashed with the Oops page when it ran."""
    r = load_recipe(recipe)
    key = next(p.key for p in r.parameters if p.type == "identifier")
    errors = validate_answers(r, {key: action})
    assert len(errors) == 1 and says in errors[0] and f"'{action}'" in errors[0]
    assert validate_answers(r, {key: action + "Now"}) == []


def test_checking_the_answers_renders_the_recipe_once_for_its_names(monkeypatch: pytest.MonkeyPatch) -> None:
    """The names in the recipe's code come from one render of its defaults. Through render(),
    which checks the answers, that render asked for the names again: some 250 renders deep, a
    second and a half before the wizard showed a recipe's questions."""
    import designer.core.recipes as recipes

    built: list[str] = []
    real = recipes._environment
    monkeypatch.setattr(recipes, "_environment", lambda r: built.append(r.name) or real(r))
    monkeypatch.setattr(recipes, "_CODE_NAMES", {})
    recipe = load_recipe("lock-toggle")
    assert "'Function name' ('locked') is already used inside this recipe's code" in "\n".join(
        validate_answers(recipe, {"action": "locked"})
    )
    assert built == ["lock-toggle"]


def test_a_line_break_in_a_one_line_answer_becomes_a_space(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--set $'name=Lay\\nout'` wrote "Lay\\nout" into the package: a plugin name and a menu item
    text the app shows on one line, as the forms make a pasted line break a space. A text shown
    as a message (the dialog's question, a chat message) may hold line breaks."""
    target = tmp_path / "p"
    args = ["new", str(target), "--recipe", "send-dtmf", "--set", "name=Lay\nout", "--set", "label=\r\nTo\u2028\nnes\n"]
    assert main([*args, "--set", "prompt=Which digits?\nOnly 0-9."]) == 0
    plugin = target / "webapp2" / "plugins" / "lay-out"
    package = json.loads((plugin / "lay-out.plugin.package.json").read_text(encoding="utf-8"))
    assert package["name"] == "Lay out"
    assert package["menuItems"]["participants"][0]["label"] == "To nes"
    assert "Which digits?\\nOnly 0-9." in (plugin / "lay-out.plugin.js").read_text(encoding="utf-8")
    recipe = load_recipe("send-dtmf")
    assert [p.key for p in recipe.parameters if p.multiline] == ["prompt"]
    assert render(recipe, {"name": "Lay\nout"}, "x") == render(recipe, {"name": "Lay out"}, "x")
    assert validate_answers(recipe, {"name": "\n\n"}) == ["'Plugin name' is empty; please fill it in."]
    capsys.readouterr()
    assert main(["recipes", "--json"]) == 0
    listed = {r["name"]: {p["key"]: p for p in r["parameters"]} for r in json.loads(capsys.readouterr().out)}
    assert (listed["send-dtmf"]["prompt"]["multiline"], listed["send-dtmf"]["name"]["multiline"]) == (True, False)
    assert listed["send-dtmf"]["action"]["multiline"] is None


def test_cli_new_refuses_two_different_answers_to_one_setting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--set name=A --set name=B` (or `--name A --set name=B`) quietly made a plugin called 'B':
    one of the two answers was lost without a word. The same answer twice is fine."""
    target = tmp_path / "p"
    assert main(["new", str(target), "--recipe", "lock-toggle", "--set", "name=A", "--set", "name=B"]) == 2
    assert "--set name is given twice ('A' and 'B'); give it once" in capsys.readouterr().err
    assert main(["new", str(target), "--recipe", "lock-toggle", "--name", "A", "--set", "name=B"]) == 2
    assert "--name 'A' and --set name='B' disagree; give the name once" in capsys.readouterr().err
    assert not target.exists()
    assert (
        main(["new", str(target), "--recipe", "lock-toggle", "--name", "A", "--set", "name=A", "--set", "name=A"]) == 0
    )
