"""Deep checks (issue 5): JavaScript (PD5xx), network/CSP (PD6xx), SVG safety (PD41x-PD43x), package (PD205/206/213).

Each rule has a case that triggers it, with the file and line it must be reported at (the line
holding ``/*HERE*/`` or ``<!--HERE-->``), and a near miss that must not trigger it. Cases are
built from copies of tests/fixtures/base (one plugin 'rec-1.0', source plugins/rec/rec.plugin.js).
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from designer.cli import main
from designer.core.checks import run_checks
from designer.core.export import export_package
from designer.core.fixes import apply_fix
from designer.core.model import BrandingPackage, load, save
from designer.core.problems import CODES, Problem, printable

JS = "plugins/rec/rec.plugin.js"
SVG = "plugins/rec/rec.svg"
PKG = "plugins/rec/rec.plugin.package.json"

# The base source with slots: {pre} top-level code, {body} inside record(), {reg} the registered object.
TEMPLATE = """(function () {{
{pre}    function load(participants$, conferenceDetails$) {{}}
    function unload() {{}}
    function record(participant) {{
{body}    }}
    PEX.pluginAPI.registerPlugin({{
{reg}    }});
}})();
"""
REG = "        id: 'rec-1.0',\n        load: load,\n        unload: unload,\n        record: record\n"


def source(pre: str = "", body: str = "", reg: str = REG) -> str:
    return TEMPLATE.format(pre=pre, body=body, reg=reg)


def marker_line(text: str, marker: str = "/*HERE*/") -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if marker in line)


def write(project: Path, rel: str, text: str) -> None:
    path = project / "webapp2" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def set_roles(project: Path, roles: list[str]) -> None:
    path = project / "webapp2" / PKG
    data = json.loads(path.read_text(encoding="utf-8"))
    data["participantRoles"] = roles
    path.write_text(json.dumps(data, indent=4), encoding="utf-8")


def problems(project: Path) -> list[Problem]:
    return run_checks(load(project))


def only(project: Path, code: str) -> list[Problem]:
    return [p for p in problems(project) if p.code == code]


# code -> (source, near-miss source); both replace rec.plugin.js
JS_CASES: dict[str, tuple[str, str]] = {
    "PD500": (
        source(body="        if (participant { /*HERE*/\n        }\n"),
        source(body="        var r = /}{/g; var t = `a${1}`;\n"),
    ),
    "PD501": ("var leaked = 1; /*HERE*/\n" + source(), "'use strict';\n" + source()),
    "PD502": (
        "/*HERE*/ (function () {\n    function load() {}\n})();\n",
        source(),
    ),
    "PD503": (
        source(
            pre="    PEX.pluginAPI.registerPlugin({ id: 'rec-1.0', load: load, unload: unload, record: record });\n"
        ).replace("    PEX.pluginAPI.registerPlugin({\n", "    PEX.pluginAPI.registerPlugin({ /*HERE*/\n"),
        source(),
    ),
    "PD504": (
        source(reg=REG.replace("'rec-1.0',", "'rec-2.0', /*HERE*/")),
        source(reg=REG.replace("'rec-1.0'", '"rec-1.0"')),
    ),
    "PD505": (
        source(reg=REG.replace("        record: record\n", "        recrod: record\n")).replace(
            "registerPlugin({", "registerPlugin({ /*HERE*/"
        ),
        source(reg="        id: 'rec-1.0', load, unload, record\n"),
    ),
    "PD506": (
        source(reg=REG.replace("record: record", "record: 'record' /*HERE*/")),
        source(reg=REG.replace("record: record", "record: function (p) { return p; }")),
    ),
    "PD507": (
        source(reg=REG.replace("record: record", "record: record,\n        helper: record /*HERE*/")),
        source(pre="    var state$ = PEX.pluginAPI.createNewState({});\n", reg=REG + "        , state$: state$\n"),
    ),
    "PD508": (
        source(reg=REG.replace("        unload: unload,\n", "")).replace(
            "registerPlugin({", "registerPlugin({ /*HERE*/"
        ),
        source(reg=REG.replace("unload: unload", "unload() {}")),
    ),
    "PD509": (
        source(pre="    var state$ = PEX.pluginAPI.createNewState({}); /*HERE*/\n"),
        source(pre="    var state$ = PEX.pluginAPI.createNewState({});\n", reg=REG + "        , state$: state$\n"),
    ),
    "PD510": (
        source(
            pre="    var state$ = {};\n",
            reg=REG.replace("record: record", "record: record,\n        state$: state$ /*HERE*/"),
        ),
        source(
            pre="    var state$ = window.PEX.pluginAPI.createNewState({});\n", reg=REG + "        , state$: state$\n"
        ),
    ),
    "PD511": (
        source(body="        PEX.pluginAPI.sendRequset('/lock'); /*HERE*/\n"),
        source(body="        PEX.pluginAPI.sendRequest('/lock');\n"),
    ),
    "PD512": (
        source(body="        PEX.pluginAPI.changeConferenceLayout('4:0'); /*HERE*/\n"),
        source(body="        PEX.pluginAPI.transformConferenceLayout({layout: '4:0'});\n"),
    ),
    "PD513": (
        source(body="        PEX.pluginAPI.transformConferenceLayout({layout: '3:3'}); /*HERE*/\n"),
        source(body="        var l = {layout: '1:33'}; PEX.pluginAPI.transformConferenceLayout(l);\n"),
    ),
    "PD514": (
        source(body="        PEX.actions$.ofType(PEX.actions.RECEIVE_CHAT).subscribe(function () {}); /*HERE*/\n"),
        source(body="        PEX.actions$.ofType(PEX.actions.RECEIVE_CHAT_MESSAGE).subscribe(function () {});\n"),
    ),
    "PD515": (
        source(body="        PEX.pluginAPI.sendRequest('/muteguest'); /*HERE*/\n"),
        source(body="        PEX.pluginAPI.sendRequest('/muteguests');\n"),
    ),
    "PD516": (
        source(body="        PEX.pluginAPI.sendRequest('/participants/mute'); /*HERE*/\n"),
        source(body="        PEX.pluginAPI.sendRequest('/participants/' + participant.uuid + '/mute');\n"),
    ),
    "PD518": (
        source(body="        state$.next({icon: 'missing.svg#x', label: 'x'}); /*HERE*/\n"),
        source(body="        state$.next({icon: 'rec.svg#rec', label: 'x'});\n"),
    ),
    "PD519": (
        source(reg="").replace(
            "PEX.pluginAPI.registerPlugin({\n    });", "PEX.pluginAPI.registerPlugin(make()); /*HERE*/"
        ),
        source(pre="    var plugin = { id: 'rec-1.0', load: load, unload: unload, record: record };\n").replace(
            "PEX.pluginAPI.registerPlugin({\n" + REG + "    });", "PEX.pluginAPI.registerPlugin(plugin);"
        ),
    ),
    "PD520": (
        source(reg=REG.replace("load: load,", "load: laod, /*HERE*/")),
        source(pre="    var start = function () {};\n", reg=REG.replace("load: load,", "load: start,")),
    ),
    "PD532": (
        source(body="        PEX.pluginAPI.transformConferenceLayout('1:7'); /*HERE*/\n"),
        source(body="        PEX.pluginAPI.transformConferenceLayout({layout: '1:7'});\n"),
    ),
    "PD533": (
        source(
            body="        PEX.pluginAPI.openTemplateDialog({title: 'T', body: '<p>x</p>'})\n"
            "            .close$.subscribe(function () {}); /*HERE*/\n"
        ).replace("PEX.pluginAPI.openTemplateDialog", "/*HERE*/PEX.pluginAPI.openTemplateDialog"),
        source(
            body="        PEX.pluginAPI.openTemplateDialog({title: 'T', body: '<p>x</p>'})\n"
            "            .then(function (dialogRef) { dialogRef.close$.subscribe(function () {}); });\n"
        ),
    ),
    "PD534": (
        source(body="        var locked = PEX.conferenceDetails.locked; /*HERE*/\n"),
        source(
            body="        var locked = PEX.conferenceDetails && PEX.conferenceDetails.locked, q = PEX.conferenceQueryParams.x;\n"
        ),
    ),
    "PD600": (
        source(body="        fetch('https://api.example.com/v1/items'); /*HERE*/\n"),
        source(
            body="        fetch('./custom_configuration/plugins/rec/data.json');\n"
            "        window.open('https://docs.example.com/help', '_blank');\n"  # a new tab: no CSP applies
        ),
    ),
    "PD601": (
        source(
            body="        var x = new XMLHttpRequest();\n        x.open('GET', 'http://api.example.com/a'); /*HERE*/\n"
        ),
        source(body="        var x = new XMLHttpRequest();\n        x.open('GET', 'https://api.example.com/a');\n"),
    ),
}


def test_every_new_code_is_registered_with_title_and_why() -> None:
    new = [c for c in CODES if c[2] in "56" or c in ("PD205", "PD206", "PD213") or c[:4] in ("PD41", "PD42", "PD43")]
    assert len(new) >= 35
    for code in new:
        assert CODES[code].title and CODES[code].why


def test_base_fixture_and_example_are_clean(base_project: Path, example_project: Path) -> None:
    assert problems(base_project) == []
    assert problems(example_project) == []


@pytest.mark.parametrize("code", sorted(JS_CASES))
def test_js_rule_reported_at_its_line(base_project: Path, code: str) -> None:
    bad, _good = JS_CASES[code]
    write(base_project, JS, bad)
    found = only(base_project, code)
    assert found, [(p.code, p.line, p.message) for p in problems(base_project)]
    assert found[0].file == JS
    assert found[0].line == marker_line(bad), found[0]
    assert found[0].column >= 1
    assert found[0].plugin == "rec-1.0"
    assert found[0].message and "  " not in found[0].message


# PD532, each function the guide says the arguments of: (the call, a piece of what the message says)
ARGUMENT_SLIPS = [
    ("PEX.pluginAPI.openTemplateDialog('Saved');", "takes an object holding the dialog's title and its HTML"),
    ("PEX.pluginAPI.openTemplateDialog();", "openTemplateDialog({title: 'Title', body: '<p>...</p>'})"),
    ("PEX.pluginAPI.transformConferenceLayout(`4:0`);", "transformConferenceLayout({layout: '4:0'})"),
    ("PEX.pluginAPI.sendRequest('/participants/' + participant.uuid + '/dtmf');", "without the tones"),
    ("var to = '/participants/' + participant.uuid + '/dtmf'; PEX.pluginAPI.sendRequest(to);", "without the tones"),
    ("PEX.pluginAPI.sendRequest(`/participants/${participant.uuid}/dtmf`, {tones: '12'});", "no 'digits'"),
    (
        "var tones = {digit: '1'}; PEX.pluginAPI.sendRequest('/participants/' + participant.uuid + '/dtmf', tones);",
        "no 'digits'",
    ),
    ("PEX.pluginAPI.dialOut('rec@example.com', 'rtsp', 'GUEST', function () {});", "protocol 'rtsp'"),
    ("var p = 'rtsp'; PEX.pluginAPI.dialOut('rec@example.com', p, 'GUEST', function () {});", "protocol 'rtsp'"),
    ("PEX.pluginAPI.spotlightOnParticipant();", "spotlightOnParticipant(participant.uuid)"),
    ("PEX.pluginAPI.disconnectParticipant({uuid: participant.uuid});", "gives disconnectParticipant an object"),
    ("PEX.pluginAPI.sendChatMessage();", "without the message"),
]
# ... and what looks like them but works, or cannot be judged before it runs
ARGUMENT_FINE = [
    "PEX.pluginAPI.openTemplateDialog({title: 'T', body: '<p>x</p>'});",
    "var opts = {title: 'T', body: 'b'}; PEX.pluginAPI.openTemplateDialog(opts);",
    "PEX.pluginAPI.openTemplateDialog(participant.dialog);",
    "PEX.pluginAPI.transformConferenceLayout({});",
    "PEX.pluginAPI.transformConferenceLayout(participant.layout);",
    "PEX.pluginAPI.sendRequest('/participants/' + participant.uuid + '/dtmf', {digits: participant.uri});",
    "var d = {digits: '1'}; PEX.pluginAPI.sendRequest('/participants/' + participant.uuid + '/dtmf', d);",
    "PEX.pluginAPI.sendRequest('/participants/' + participant.uuid + '/dtmf', Object.assign({}, participant));",
    "PEX.pluginAPI.sendRequest('/participants/' + participant.uuid + '/dtmf', {...participant});",
    # (an object given its keys after it is written, or a parameter named as another function's variable)
    "var b = {}; b.digits = '1'; PEX.pluginAPI.sendRequest('/participants/' + participant.uuid + '/dtmf', b);",
    "var b = {}; Object.assign(b, {digits: '1'}); PEX.pluginAPI.sendRequest('/participants/' + participant.uuid + '/dtmf', b);",
    "(function () { var participant = {}; return participant; })(); PEX.pluginAPI.spotlightOnParticipant(participant);",
    "(function (id) { var participant = '/participants/' + id + '/dtmf'; return participant; })(); "
    "PEX.pluginAPI.sendRequest(participant);",
    "(function () { var participant = 'rtsp'; return participant; })(); "
    "PEX.pluginAPI.dialOut('rec@example.com', participant, 'GUEST', function () {});",
    "PEX.pluginAPI.sendRequest('/participants/' + participant.uuid + '/mute');",
    "PEX.pluginAPI.dialOut('rec@example.com', 'auto', 'GUEST', function () {});",
    "PEX.pluginAPI.dialOut('rec@example.com', participant.protocol, 'GUEST', function () {});",
    "PEX.pluginAPI.spotlightOffParticipant(participant.uuid);",
    "PEX.pluginAPI.disconnectParticipant(participant);",  # (a uuid in a variable of that name: nothing sure)
    "PEX.pluginAPI.sendChatMessage(participant.name + ' joined');",
    # (arguments from an array: what follows a ...spread lands where only the run knows)
    "var to = ['rec@example.com']; PEX.pluginAPI.dialOut(...to, 'SIP', 'GUEST', function () {});",
    "var who = [participant.uuid]; PEX.pluginAPI.disconnectParticipant(...who);",
    "var say = ['hi']; PEX.pluginAPI.sendChatMessage(...say);",
    "var d = [{digits: '1'}]; PEX.pluginAPI.sendRequest('/participants/' + participant.uuid + '/dtmf', ...d);",
]


@pytest.mark.parametrize(("call", "said"), ARGUMENT_SLIPS)
def test_pd532_a_call_given_what_it_does_not_take(base_project: Path, call: str, said: str) -> None:
    write(base_project, JS, source(body=f"        {call} /*HERE*/\n"))
    (found,) = only(base_project, "PD532")
    assert (found.file, found.line) == (JS, 5)
    assert said in found.message and found.message.startswith("'Record' ")


@pytest.mark.parametrize("call", ARGUMENT_FINE)
def test_pd532_not_for_what_the_call_takes_or_what_only_running_shows(base_project: Path, call: str) -> None:
    write(base_project, JS, source(body=f"        {call}\n"))
    assert only(base_project, "PD532") == []


# PD532 slips a Fix repairs in place: (the call, the Fix's title, the call once fixed)
ARGUMENT_FIXES = [
    (
        "PEX.pluginAPI.transformConferenceLayout('1:7');",
        "Write {layout: '1:7'}",
        "PEX.pluginAPI.transformConferenceLayout({layout: '1:7'});",
    ),
    (
        "PEX.pluginAPI.transformConferenceLayout( `4:0` /* big */);",
        "Write {layout: `4:0`}",
        "PEX.pluginAPI.transformConferenceLayout( {layout: `4:0`} /* big */);",
    ),
    (
        "PEX.pluginAPI.dialOut('rec@example.com', 'SIP', 'GUEST', function () {});",
        "Use 'sip'",
        "PEX.pluginAPI.dialOut('rec@example.com', 'sip', 'GUEST', function () {});",
    ),
    (
        'PEX.pluginAPI.dialOut("rec@example.com", "MSSip", "GUEST", function () {});',
        'Use "mssip"',
        'PEX.pluginAPI.dialOut("rec@example.com", "mssip", "GUEST", function () {});',
    ),
]


@pytest.mark.parametrize(("call", "title", "fixed"), ARGUMENT_FIXES)
def test_pd532_fix_writes_the_argument_as_the_function_takes_it(
    base_project: Path, call: str, title: str, fixed: str
) -> None:
    write(base_project, JS, source(body=f"        {call} // é 😀\n"))
    pkg = load(base_project)
    (found,) = [p for p in run_checks(pkg) if p.code == "PD532"]
    assert found.fix is not None and found.fix.title == title and found.fix.batch
    assert apply_fix(pkg, found.fix) == f"{title} in {JS}"
    save(pkg)
    assert (base_project / "webapp2" / JS).read_text(encoding="utf-8") == source(body=f"        {fixed} // é 😀\n")
    assert only(base_project, "PD532") == []


@pytest.mark.parametrize(
    "call",
    [
        "PEX.pluginAPI.openTemplateDialog('Saved');",  # (the title, or the body? the person says)
        "PEX.pluginAPI.dialOut('rec@example.com', 'rtsp', 'GUEST', function () {});",  # (no such protocol)
        "var p = 'SIP'; PEX.pluginAPI.dialOut('rec@example.com', p, 'GUEST', function () {});",  # (not in the call)
        "PEX.pluginAPI.dialOut('rec@example.com', 'S\\x49P', 'GUEST', function () {});",  # (an escape in it)
        "PEX.pluginAPI.sendChatMessage();",
    ],
)
def test_pd532_no_fix_where_the_file_does_not_say_what_was_meant(base_project: Path, call: str) -> None:
    write(base_project, JS, source(body=f"        {call}\n"))
    (found,) = only(base_project, "PD532")
    assert found.fix is None


def test_pd532_fix_refuses_a_call_changed_since_the_check(base_project: Path) -> None:
    write(base_project, JS, source(body="        PEX.pluginAPI.transformConferenceLayout('1:7');\n"))
    pkg = load(base_project)
    (found,) = [p for p in run_checks(pkg) if p.code == "PD532"]
    assert found.fix is not None
    pkg.pending_texts[JS] = source(body="        PEX.pluginAPI.transformConferenceLayout('2:21');\n")
    with pytest.raises(ValueError, match="has changed"):
        apply_fix(pkg, found.fix)
    pkg.pending_texts[JS] = source(body="\n        PEX.pluginAPI.transformConferenceLayout('1:7');\n")
    with pytest.raises(ValueError, match="no longer at line"):
        apply_fix(pkg, found.fix)


def test_pd532_fixes_read_the_file_once_however_many_slips_it_has(base_project: Path, monkeypatch) -> None:
    """Each slip's Fix read the whole file again: 20,000 slips in a 1 MB file (a generated one)
    added 3 seconds to the checks, at every pause in typing."""
    reads: list[str] = []
    real = BrandingPackage.read_bytes
    monkeypatch.setattr(BrandingPackage, "read_bytes", lambda pkg, rel: reads.append(rel) or real(pkg, rel))
    counts = []
    for slips in (1, 40):
        calls = "".join(f"        PEX.pluginAPI.transformConferenceLayout('1:{n % 9}');\n" for n in range(slips))
        write(base_project, JS, source(body=calls))
        pkg = load(base_project)
        reads.clear()
        found = [p for p in run_checks(pkg) if p.code == "PD532"]
        assert len(found) == slips and all(p.fix is not None for p in found)
        counts.append(reads.count(JS))
    assert counts[0] == counts[1]


def test_check_fix_repairs_a_layout_given_as_a_text(base_project: Path, capsys) -> None:
    write(base_project, JS, source(body="        PEX.pluginAPI.transformConferenceLayout('1:7');\n"))
    assert main(["check", "--fix", str(base_project)]) == 0
    assert "{layout: '1:7'}" in (base_project / "webapp2" / JS).read_text(encoding="utf-8")
    assert main(["check", "--strict", str(base_project)]) == 0


# PD533 with the promise first kept in a variable: (the code in record(), whether it is reported)
KEPT_PROMISES = [
    (
        "var p = PEX.pluginAPI.openTemplateDialog({title: 'T', body: 'b'}); /*HERE*/\n"
        "        p.close$.subscribe(function () {});",
        True,
    ),
    (
        "const p = PEX.pluginAPI.openTemplateDialog({title: 'T', body: 'b'}); /*HERE*/\n"
        "        if (participant) { p.close$.subscribe(() => {}); }",
        True,
    ),
    # right: the dialog comes in .then, or is awaited
    (
        "const p = PEX.pluginAPI.openTemplateDialog({title: 'T', body: 'b'});\n"
        "        p.then(ref => ref.close$.subscribe(() => {}));",
        False,
    ),
    (
        "const p = PEX.pluginAPI.openTemplateDialog({title: 'T', body: 'b'});\n"
        "        p.then(function (p) { p.close$.subscribe(function () {}); });",
        False,
    ),
    (
        "(async () => { const ref = await PEX.pluginAPI.openTemplateDialog({title: 'T', body: 'b'});\n"
        "        ref.close$.subscribe(() => {}); })();",
        False,
    ),
    (
        "let p = PEX.pluginAPI.openTemplateDialog({title: 'T', body: 'b'});\n"
        "        (async () => { p = await p; p.close$.subscribe(() => {}); })();",
        False,
    ),
    # another variable of the same name, in another function, holds the dialog
    (
        "var p = PEX.pluginAPI.openTemplateDialog({title: 'T', body: 'b'});\n"
        "        p.then(function (ref) { (function () { var p = ref; p.close$.subscribe(function () {}); })(); });",
        False,
    ),
]


@pytest.mark.parametrize(("body", "reported"), KEPT_PROMISES)
def test_pd533_close_read_from_a_promise_kept_in_a_variable(base_project: Path, body: str, reported: bool) -> None:
    text = source(body=f"        {body}\n")
    write(base_project, JS, text)
    found = only(base_project, "PD533")
    if not reported:
        assert found == []
        return
    (one,) = found
    assert (one.file, one.line) == (JS, marker_line(text))
    assert "close$" in one.message and ".then(dialogRef =>" in one.message


@pytest.mark.parametrize("code", sorted(JS_CASES))
def test_js_rule_near_miss_not_reported(base_project: Path, code: str) -> None:
    _bad, good = JS_CASES[code]
    write(base_project, JS, good)
    assert only(base_project, code) == []
    assert not [p for p in problems(base_project) if p.severity.value == "error"]


def test_pd517_host_only_request_offered_to_guests(base_project: Path) -> None:
    """Two host-only requests in one plugin were two PD517s with the same advice, which read as
    two problems; now one, at the first, naming both with their lines."""
    text = source(
        body="        PEX.pluginAPI.sendRequest('/lock'); /*HERE*/\n        PEX.pluginAPI.dialOut('a', 'sip', 'guest');\n"
    )
    write(base_project, JS, text)
    assert only(base_project, "PD517") == []  # hosts only: fine
    set_roles(base_project, ["chair", "guest"])
    (found,) = only(base_project, "PD517")
    at = marker_line(text)
    assert (found.file, found.line) == (JS, at)
    # In the words the preview's log and simulate use when a guest presses the button.
    assert (
        f"Refused for guests: /lock (only hosts can lock the meeting) — line {at}; "
        f"dialOut (only hosts can dial out) — line {at + 1}."
    ) in found.message


def test_pd517_spotlight_and_lowering_every_hand_are_host_only_too(base_project: Path) -> None:
    """Guests get 403 for these as for /lock; PD517 said nothing about them."""
    text = source(
        body="        PEX.pluginAPI.spotlightOnParticipant(participant.uuid); /*HERE*/\n"
        "        PEX.pluginAPI.sendRequest('/clearallbuzz');\n"
        "        PEX.pluginAPI.sendRequest('/participants/' + participant.uuid + '/spotlightoff');\n"
        "        PEX.pluginAPI.sendRequest('/clearallbuzz');\n"
    )
    write(base_project, JS, text)
    set_roles(base_project, ["guest"])
    (found,) = only(base_project, "PD517")
    at = marker_line(text)
    assert found.line == at
    assert f"spotlightOnParticipant (only hosts can put a participant in the spotlight) — line {at};" in found.message
    assert (
        f"/clearallbuzz (only hosts can lower everyone's raised hand) — lines {at + 1} and {at + 3};" in found.message
    )
    assert (
        f"/participants/…/spotlightoff (only hosts can take a participant out of the spotlight) — line {at + 2}."
        in found.message
    )
    assert "Offer it to hosts instead (tick Hosts and untick Guests" in found.message
    assert found.fix is not None and found.fix.title == "Offer it to hosts instead"
    assert not found.fix.batch  # who gets it changes completely: only when a person asks


def test_pd517_for_guests_alone_does_not_say_untick_guests_and_its_fix_gives_it_to_hosts(base_project: Path) -> None:
    """A support engineer told to 'untick Guests' on a plugin for guests alone left it for nobody
    (PD304), and there was no Fix button; now the advice and the button give it to hosts."""
    write(base_project, JS, source(body="        PEX.pluginAPI.sendRequest('/lock');\n"))
    set_roles(base_project, ["guest"])
    pkg = load(base_project)
    (found,) = [p for p in run_checks(pkg) if p.code == "PD517"]
    assert "Offer the plugin to hosts only (untick Guests" not in found.message
    assert found.fix is not None
    assert apply_fix(pkg, found.fix) == "Offer 'Record' to hosts instead of guests"
    save(pkg)
    data = json.loads((base_project / "webapp2" / PKG).read_text(encoding="utf-8"))
    assert data["participantRoles"] == ["chair"]
    assert [p.code for p in run_checks(load(base_project)) if p.severity.value != "info"] == []
    set_roles(base_project, ["guest"])
    assert main(["check", "--fix", str(base_project)]) == 0  # (a warning) not in the sweep: the choice is the person's
    data = json.loads((base_project / "webapp2" / PKG).read_text(encoding="utf-8"))
    assert data["participantRoles"] == ["guest"]


def test_pd517_fix_offers_the_plugin_to_hosts_only(base_project: Path) -> None:
    """PD517 had no Fix; 'Offer it to hosts only' takes Guests from participantRoles and the
    warning goes. check --fix applies it too."""
    write(base_project, JS, source(body="        PEX.pluginAPI.sendRequest('/muteguests');\n"))
    set_roles(base_project, ["chair", "guest"])
    pkg = load(base_project)
    (found,) = [p for p in run_checks(pkg) if p.code == "PD517"]
    assert found.fix is not None and found.fix.title == "Offer it to hosts only" and found.fix.batch
    assert apply_fix(pkg, found.fix) == "Offer 'Record' to hosts only"
    save(pkg)
    data = json.loads((base_project / "webapp2" / PKG).read_text(encoding="utf-8"))
    assert data["participantRoles"] == ["chair"]
    assert only(base_project, "PD517") == []

    set_roles(base_project, ["guest", "chair"])
    assert main(["check", "--fix", str(base_project)]) == 0
    data = json.loads((base_project / "webapp2" / PKG).read_text(encoding="utf-8"))
    assert data["participantRoles"] == ["chair"]


def test_pd517_not_for_guest_safe_requests(base_project: Path) -> None:
    write(
        base_project,
        JS,
        source(body="        PEX.pluginAPI.sendRequest('/participants/' + participant.uuid + '/buzz');\n"),
    )
    set_roles(base_project, ["guest"])
    assert only(base_project, "PD517") == []


def test_pd600_lists_hosts_per_plugin(base_project: Path) -> None:
    text = source(
        body="        fetch('https://a.example.com/x'); /*HERE*/\n"
        "        new WebSocket('wss://b.example.com/ws');\n"
        "        PEX.pluginAPI.openTemplateDialog({title: 't', body: '<img src=\"https://c.example.com/i.png\">'});\n"
    )
    write(base_project, JS, text)
    (found,) = only(base_project, "PD600")
    assert found.line == marker_line(text) and found.severity.value == "info"
    for host in ("a.example.com", "b.example.com", "c.example.com"):
        assert host in found.message
    assert "Content Security Policy" in found.message


def test_syntax_error_still_finds_the_registration(base_project: Path) -> None:
    text = source(body="        var x = ; /*HERE*/\n")
    write(base_project, JS, text)
    codes = {p.code for p in problems(base_project)}
    assert "PD500" in codes and "PD502" not in codes and "PD505" not in codes


def test_js_not_utf8_is_reported_not_raised(base_project: Path) -> None:
    (base_project / "webapp2" / JS).write_bytes(b"(function () {\n var s = '\xff';\n})();\n")
    found = only(base_project, "PD103")
    assert found and found[0].file == JS and (found[0].line, found[0].column) == (2, 11)


# -- SVG -------------------------------------------------------------------------------------

SVG_HEAD = '<svg xmlns="http://www.w3.org/2000/svg" id="rec" viewBox="0 0 24 24">\n'
SVG_CASES: dict[str, tuple[str, str]] = {
    "PD410": (
        '<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "svg11.dtd"><!--HERE-->\n'
        + SVG_HEAD
        + "</svg>\n",
        '<?xml version="1.0"?>\n' + SVG_HEAD + "</svg>\n",
    ),
    "PD411": (
        '<!DOCTYPE svg [\n<!ENTITY a "x"><!--HERE-->\n]>\n' + SVG_HEAD + "<title>&a;</title></svg>\n",
        "<!-- <!ENTITY a 'x'> in a comment -->\n" + SVG_HEAD + "</svg>\n",
    ),
    "PD412": (
        SVG_HEAD + "<script>alert(1)</script><!--HERE-->\n</svg>\n",
        SVG_HEAD + "<title>script</title>\n</svg>\n",
    ),
    "PD413": (
        SVG_HEAD + '<circle r="3" onclick="alert(1)"/><!--HERE-->\n</svg>\n',
        SVG_HEAD + '<circle r="3" class="on"/>\n</svg>\n',
    ),
    "PD414": (
        SVG_HEAD + '<a href="javascript:alert(1)"><circle r="3"/></a><!--HERE-->\n</svg>\n',
        SVG_HEAD + '<circle r="3" fill="url(#g)"/><linearGradient id="g"/>\n</svg>\n',
    ),
    "PD415": (
        SVG_HEAD + '<use href="https://evil.example.com/s.svg#a"/><!--HERE-->\n</svg>\n',
        SVG_HEAD + '<symbol id="s"/><use href="#s"/>\n</svg>\n',
    ),
    "PD416": (
        SVG_HEAD + "<foreignObject><p xmlns='http://www.w3.org/1999/xhtml'>hi</p></foreignObject><!--HERE-->\n</svg>\n",
        SVG_HEAD + "<text>foreignObject</text>\n</svg>\n",
    ),
    "PD420": (
        SVG_HEAD + '<circle r="3" fill="url(#Grad)"/><!--HERE-->\n<linearGradient id="grad"/>\n</svg>\n',
        SVG_HEAD + '<circle r="3" fill="url(#grad)"/>\n<linearGradient id="grad"/>\n</svg>\n',
    ),
    "PD421": (
        SVG_HEAD + '<g id="a"/>\n<g id="a"/><!--HERE-->\n<use href="#a"/>\n</svg>\n',
        SVG_HEAD + '<g id="a"/>\n<g id="A"/>\n<use href="#a"/>\n</svg>\n',
    ),
    "PD422": (SVG_HEAD + '<g id="2 bad"/><!--HERE-->\n</svg>\n', SVG_HEAD + '<g id="good-2.x_y"/>\n</svg>\n'),
    "PD431": (
        SVG_HEAD
        + '<defs><rect id="l0" width="1" height="1"/>\n'
        + "".join(f'<g id="l{i}">' + f'<use href="#l{i - 1}"/>' * 10 + "</g>\n" for i in range(1, 5))
        + '<g id="l5"><use href="#l4"/><!--HERE-->'
        + '<use href="#l4"/>' * 9
        + "</g>\n"
        + '</defs><use href="#l5"/>\n</svg>\n',
        SVG_HEAD
        + '<defs><rect id="l0" width="1" height="1"/>\n'
        + "".join(f'<g id="l{i}">' + f'<use href="#l{i - 1}"/>' * 10 + "</g>\n" for i in range(1, 4))
        + '</defs><use href="#l3"/><use href="#c"/><g id="c"><use href="#c"/></g>\n</svg>\n',
    ),
    "PD430": (
        '<svg xmlns="http://www.w3.org/2000/svg" id="rec" width="24" height="24"><!--HERE-->\n</svg>\n',
        '<svg xmlns="http://www.w3.org/2000/svg" id="rec"><symbol id="s" viewBox="0 0 24 24"/></svg>\n',
    ),
}


@pytest.mark.parametrize("code", sorted(SVG_CASES))
def test_svg_rule_reported_at_its_line(base_project: Path, code: str) -> None:
    bad, _good = SVG_CASES[code]
    write(base_project, SVG, bad)
    found = only(base_project, code)
    assert found, [(p.code, p.line, p.message) for p in problems(base_project)]
    assert found[0].file == SVG
    assert found[0].line == marker_line(bad, "<!--HERE-->"), found[0]


@pytest.mark.parametrize(
    ("code", "said"),
    [
        (
            "PD411",
            "The icon rec.svg defines entities: <!ENTITY ...> lines in the DOCTYPE at its top. Entities are text "
            "shortcuts an icon does not need; they can make the computer that shows it read its own files or run out "
            "of memory. 'Sanitise icon' keeps the drawing and removes the rest.",
        ),
        (
            "PD416",
            "The icon rec.svg holds a piece of web page: HTML in a <foreignObject> element. An icon needs none, and "
            "it can carry scripts and forms. 'Sanitise icon' keeps the drawing and removes the rest.",
        ),
    ],
)
def test_unsafe_svg_parts_are_said_in_plain_words(base_project: Path, code: str, said: str) -> None:
    """A Pexip administrator read "declares entities: its DOCTYPE holds <!ENTITY ...>" with no idea
    what that was or why it mattered, and "embeds HTML (foreignObject): ... (embedded HTML)" twice."""
    write(base_project, SVG, SVG_CASES[code][0])
    (found,) = only(base_project, code)
    assert found.message == said


@pytest.mark.parametrize("code", sorted(SVG_CASES))
def test_svg_rule_near_miss_not_reported(base_project: Path, code: str) -> None:
    _bad, good = SVG_CASES[code]
    write(base_project, SVG, good)
    assert only(base_project, code) == []
    assert not [p for p in problems(base_project) if p.file == SVG and p.code != "PD402"]


def test_svg_named_only_by_js_state_is_scanned(base_project: Path) -> None:
    write(base_project, "plugins/rec/on.svg", SVG_HEAD.replace('"rec"', '"on"') + "<script>x()</script>\n</svg>\n")
    write(base_project, JS, source(body="        state$.next({icon: 'on.svg#on'});\n"))
    found = only(base_project, "PD412")
    assert found and found[0].file == "plugins/rec/on.svg" and found[0].line == 2


# -- package level ---------------------------------------------------------------------------


def test_pd205_unlisted_package_file(base_project: Path) -> None:
    shutil.copytree(base_project / "webapp2/plugins/rec", base_project / "webapp2/plugins/spare")
    (base_project / "webapp2/plugins/spare/rec.plugin.package.json").rename(
        base_project / "webapp2/plugins/spare/spare.plugin.package.json"
    )
    write(base_project, "plugins/other/plugin.json", "{}")
    found = only(base_project, "PD205")
    assert {p.file for p in found} == {"plugins/spare/spare.plugin.package.json", "plugins/other/plugin.json"}
    assert all(p.severity.value == "info" and p.line == 0 for p in found)


def test_pd205_fix_lists_the_package(base_project: Path) -> None:
    from designer.core.fixes import apply_fix
    from designer.core.model import save

    shutil.copytree(base_project / "webapp2/plugins/rec", base_project / "webapp2/plugins/spare")
    package = json.loads((base_project / "webapp2/plugins/spare/rec.plugin.package.json").read_text())
    package["id"] = "spare-1.0"
    (base_project / "webapp2/plugins/spare/rec.plugin.package.json").write_text(json.dumps(package, indent=4))
    pkg = load(base_project)
    (problem,) = [p for p in run_checks(pkg) if p.code == "PD205"]
    assert problem.fix is not None and problem.fix.title == "Add it to the plugin list"
    apply_fix(pkg, problem.fix)
    save(pkg)
    settings = json.loads((base_project / "webapp2/settings.json").read_text())
    assert settings["plugins"][-1] == {
        "id": "spare-1.0",
        "srcURL": "plugins/spare/rec.plugin.package.json",
        "enabled": True,
    }
    after = run_checks(load(base_project))
    assert not [p for p in after if p.code == "PD205" or (p.file == "settings.json" and p.severity.value == "error")]


def test_a_missing_key_names_the_one_that_looks_like_it(base_project: Path) -> None:
    settings = base_project / "webapp2/settings.json"
    settings.write_text(settings.read_text().replace('"srcURL"', '"srcUrl"'))
    (found,) = [p for p in run_checks(load(base_project)) if p.code == "PD102"]
    assert (
        "the package file it loads (srcURL) is missing" in found.message
        and "it has 'srcUrl' (names are case-sensitive)" in found.message
    )


def test_pd206_case_twins(base_project: Path) -> None:
    write(base_project, "plugins/rec/REC.svg", SVG_HEAD + "</svg>\n")
    (found,) = only(base_project, "PD206")
    assert found.file == "plugins/rec/rec.svg" and "REC.svg" in found.message


@pytest.mark.parametrize(
    ("twin", "said"),
    [
        ("plugins/Rec/other.svg", ["The folder plugins/", "plugins/Rec", "plugins/rec", "differ only in letter case"]),
        ("plugins/rec/re\u0301c.svg", ["re\u0301c.svg", "r\u00e9c.svg", "how an accented letter is encoded"]),
    ],
)
def test_pd206_folder_and_accent_twins(base_project: Path, twin: str, said: list[str]) -> None:
    """The export refuses these (and its import refused the ZIP): the check said nothing of them."""
    write(base_project, "plugins/rec/r\u00e9c.svg", SVG_HEAD + "</svg>\n")
    write(base_project, twin, SVG_HEAD + "</svg>\n")
    if len(load(base_project).names()) < 6:
        pytest.skip("this file system folds the two names into one")
    (found,) = only(base_project, "PD206")
    assert all(part in found.message for part in said), found.message


# name written into the package -> the part PD214 names (the file, or the folder once for all its files)
WINDOWS_NAMES = {
    "plugins/rec/aux.svg": "plugins/rec/aux.svg",
    "plugins/rec/NUL.json": "plugins/rec/NUL.json",
    "plugins/rec/Com1.plugin.js": "plugins/rec/Com1.plugin.js",
    "lpt9": "lpt9",
    "plugins/CON/one.svg": "plugins/CON",
    "plugins/rec/con .svg": "plugins/rec/con .svg",  # Windows reads 'con .svg' as CON too
    "plugins/rec/icon.svg.": "plugins/rec/icon.svg.",
    "plugins/rec/notes ": "plugins/rec/notes ",
    "plugins/rec/what?.svg": "plugins/rec/what?.svg",
}
# Near misses: these Windows stores as they are.
WINDOWS_FINE = ["plugins/rec/console.svg", "plugins/con-plugin/x.svg", "plugins/rec/aux-icon.svg", "com10.js", ".nul"]


@pytest.mark.parametrize("name", sorted(WINDOWS_NAMES))
def test_pd214_a_name_windows_cannot_unpack(base_project: Path, name: str) -> None:
    """CON, aux.svg, com1.js (device names, any case, any extension), a trailing dot or space:
    the ZIP cannot be unpacked on Windows, and check said nothing."""
    write(base_project, name, "x")
    if name.startswith("plugins/CON/"):
        write(base_project, "plugins/CON/two.svg", "x")  # said once for the folder
    (found,) = only(base_project, "PD214")
    part = WINDOWS_NAMES[name]
    assert found.file == name and found.severity.value == "warning"
    assert f" {part} " in found.message + " " and "Windows" in found.message and "Rename it" in found.message
    if part != name:
        assert found.message.startswith(f"The folder {part} (holding {name})")


def test_pd214_not_for_names_windows_takes(base_project: Path) -> None:
    for name in WINDOWS_FINE:
        write(base_project, name, "x")
    assert only(base_project, "PD214") == []


def test_pd214_in_a_branding_zip(base_project: Path, tmp_path: Path) -> None:
    """An administrator's ZIP is checked without unpacking it: the name is reported there too."""
    import zipfile

    write(base_project, "plugins/rec/aux.svg", "x")
    out = tmp_path / "branding.zip"
    with zipfile.ZipFile(out, "w") as zf:
        for path in sorted((base_project / "webapp2").rglob("*")):
            if path.is_file():
                zf.write(path, "webapp2/" + path.relative_to(base_project / "webapp2").as_posix())
    pkg = load(out)
    try:
        assert [p.file for p in run_checks(pkg) if p.code == "PD214"] == ["plugins/rec/aux.svg"]
    finally:
        pkg.files.close()  # type: ignore[attr-defined]


# name written into the package -> (the part PD215 names, the character in words)
HIDDEN_NAMES = {
    "plugins/rec/evil\u202egnp.js": ("plugins/rec/evil\u202egnp.js", "right-to-left override (U+202E)"),
    "plugins/rec/re\u200bc.svg": ("plugins/rec/re\u200bc.svg", "zero-width space (U+200B)"),
    "plugins/rec/\ufeffnotes.svg": ("plugins/rec/\ufeffnotes.svg", "byte order mark"),
    "plugins/rec/icon\u00ad.svg": ("plugins/rec/icon\u00ad.svg", "soft hyphen (U+00AD)"),
    "plugins/rec/a\u2066b\u2069.svg": ("plugins/rec/a\u2066b\u2069.svg", "left-to-right isolate (U+2066)"),
    "plugins/rec/x\u200f.svg": ("plugins/rec/x\u200f.svg", "right-to-left mark (U+200F)"),
    "plugins/rec/x\u061c.svg": ("plugins/rec/x\u061c.svg", "Arabic letter mark (U+061C)"),
    "plugins/rec/re\u200dc.svg": ("plugins/rec/re\u200dc.svg", "zero-width joiner (U+200D)"),
    "plugins/re\u2060c2/one.svg": ("plugins/re\u2060c2", "word joiner (U+2060)"),
}
# Near misses: letters of right-to-left scripts, accents, and joiners a script or an emoji needs.
HIDDEN_FINE = [
    "plugins/rec/\u062a\u0633\u062c\u064a\u0644.svg",  # Arabic
    "plugins/rec/\u05d4\u05e7\u05dc\u05d8\u05d4.svg",  # Hebrew
    "plugins/rec/r\u00e9c-\u00fcber.svg",
    "plugins/rec/\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645.svg",  # Persian with its ZWNJ
    "plugins/rec/\U0001f469\u200d\U0001f4bb.svg",  # woman technologist: an emoji joined by ZWJ
]


@pytest.mark.parametrize("name", sorted(HIDDEN_NAMES))
def test_pd215_a_name_with_a_hidden_character(base_project: Path, name: str) -> None:
    """'evil\u202egnp.js' shows as 'evilsj.png': a name that reads as another was accepted silently."""
    write(base_project, name, "x")
    if "/re\u2060c2/" in name:
        write(base_project, "plugins/re\u2060c2/two.svg", "x")  # said once for the folder
    (found,) = only(base_project, "PD215")
    part, what = HIDDEN_NAMES[name]
    assert found.file == name and found.severity.value == "warning" and found.fix is None
    assert what in found.message and "look like something else" in found.message
    shown = printable(part)
    assert shown != part and f" {shown} " in found.message  # the name escaped, never the raw character
    assert found.message.isprintable()
    if part != name:
        assert found.message.startswith(f"The folder {shown} (holding {printable(name)})")


def test_pd215_not_for_right_to_left_letters_accents_or_joiners_a_script_needs(base_project: Path) -> None:
    for name in HIDDEN_FINE:
        write(base_project, name, "x")
    assert len(load(base_project).names()) == 5 + len(HIDDEN_FINE)
    assert only(base_project, "PD215") == []


def test_pd215_in_a_branding_zip_and_after_its_import(base_project: Path, tmp_path: Path) -> None:
    """The import takes such a name (it is a file a Linux server serves, not a path that escapes)
    and the check of the imported project warns, as the check of the ZIP itself does."""
    import zipfile

    from designer.core.archive import import_zip

    name = "plugins/rec/evil\u202egnp.js"
    write(base_project, name, "x")
    out = tmp_path / "branding.zip"
    with zipfile.ZipFile(out, "w") as zf:
        for path in sorted((base_project / "webapp2").rglob("*")):
            if path.is_file():
                zf.write(path, "webapp2/" + path.relative_to(base_project / "webapp2").as_posix())
    pkg = load(out)
    try:
        assert [p.file for p in run_checks(pkg) if p.code == "PD215"] == [name]
    finally:
        pkg.files.close()  # type: ignore[attr-defined]
    result = import_zip(out, tmp_path / "imported")
    assert (result.webapp2 / name).read_text() == "x"
    assert [p.file for p in run_checks(load(result.target)) if p.code == "PD215"] == [name]


def test_pd215_check_prints_the_hidden_character_escaped(
    base_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(base_project, "plugins/rec/evil\u202egnp.js", "x")
    main(["check", str(base_project)])
    out = capsys.readouterr().out
    (line,) = [line for line in out.splitlines() if "PD215" in line]
    assert "\u202e" not in line
    assert (
        "webapp2/plugins/rec/evil\\u202egnp.js: warning PD215 The file plugins/rec/evil\\u202egnp.js contains" in line
    )


def test_a_huge_name_is_quoted_short_and_reported_where_it_is(base_project: Path) -> None:
    """A 1 MB function name registered made a 1 MB message (seconds for the Export pane to show,
    a flooded terminal): the message quotes it cut, the position and the fix keep it whole."""
    huge = "f" * 1_000_000
    js = source(
        pre=f"    function {huge}() {{}}\n",
        reg=REG.replace("record: record", f"record: record,\n        {huge}: /*HERE*/{huge}"),
    )
    write(base_project, JS, js)
    (found,) = only(base_project, "PD507")
    assert len(found.message) < 300 and "…" in found.message, len(found.message)
    assert found.line == marker_line(js)
    assert found.column == 9  # the key, at the start of its line
    write(base_project, JS, source())
    pkg_file = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    pkg_file.write_text(pkg_file.read_text().replace('"action": "record"', f'"action": "{huge}"'))
    (found,) = only(base_project, "PD505")
    assert len(found.message) < 300 and found.fix is not None and len(found.fix.title) < 120
    assert found.fix.args["action" if found.fix.kind == "create-action" else "key"] == huge


def test_a_huge_label_or_url_makes_no_huge_message(base_project: Path) -> None:
    big = "L" * 100_000
    pkg_file = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    pkg_file.write_text(
        pkg_file.read_text()
        .replace('"name": "Record"', f'"name": "{big}"')
        .replace('"rec.svg#rec"', f'"rec.svg#{big}"')
    )
    write(base_project, JS, source(body=f"        PEX.pluginAPI.sendRequest('/{big}'); fetch('http://{big}.com/');\n"))
    found = problems(base_project)
    assert {p.code for p in found} >= {"PD402", "PD515", "PD600", "PD601"}
    assert all(len(p.message) < 500 for p in found), [(p.code, len(p.message)) for p in found]


def test_pd213_branding_id_same_as_last_export(base_project: Path) -> None:
    state = base_project / ".plugin-designer" / "state.json"
    assert only(base_project, "PD213") == []  # no state file: silent
    state.parent.mkdir()
    state.write_text(json.dumps({"last_export": {"brandingID": 1699999999999}}), encoding="utf-8")
    assert only(base_project, "PD213") == []
    state.write_text(json.dumps({"last_export": {"brandingID": "1700000000000"}}), encoding="utf-8")
    (found,) = only(base_project, "PD213")
    assert found.file == "manifest.json" and found.line == 2 and found.fix is not None
    state.write_text("{not json", encoding="utf-8")
    assert only(base_project, "PD213") == []


def test_pd213_is_silent_right_after_an_export_and_speaks_once_something_changes(
    base_project: Path, tmp_path: Path
) -> None:
    """Right after an export the project holds its brandingID and nothing waits to be uploaded."""
    from designer.core.export import export_package

    export_package(base_project, tmp_path / "out.zip")
    assert only(base_project, "PD213") == []
    js = base_project / "webapp2/plugins/rec/rec.plugin.js"
    js.write_text(js.read_text() + "// changed after the export\n", encoding="utf-8")
    (found,) = only(base_project, "PD213")
    assert found.fix is not None
    js.write_text(js.read_text().replace("// changed after the export\n", ""), encoding="utf-8")
    pkg = load(base_project)
    assert [p for p in run_checks(pkg) if p.code == "PD213"] == []
    pkg.plugins[0].package.name = "Renamed"  # an unsaved edit counts too
    assert [p.code for p in run_checks(pkg) if p.code == "PD213"] == ["PD213"]


# -- fixes -----------------------------------------------------------------------------------


def _apply_all(project: Path) -> None:
    pkg = load(project)
    for _ in range(50):
        fixable = [p for p in run_checks(pkg) if p.fix is not None]
        if not fixable:
            break
        apply_fix(pkg, fixable[0].fix)  # type: ignore[arg-type]
    save(pkg)


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("PD504", source(reg=REG.replace("'rec-1.0'", "'rec-2.0'"))),
        ("PD505", source(reg=REG.replace("        record: record\n", ""))),
        # the action has no function at all: the fix writes one, as the form's "Create function"
        (
            "PD505",
            source(reg=REG.replace("        record: record\n", "")).replace("function record()", "function rec()"),
        ),
        # a misspelt key: renamed in place, not added beside the typo (which stayed as PD507)
        ("PD505", source(reg=REG.replace("        record: record\n", "        recrod: record\n"))),
        ("PD505", source(reg=REG.replace("        record: record\n", "        'recrod': record\n"))),
        # shorthand, the function misspelt too: the key is renamed, the value stays the function
        (
            "PD505",
            source(reg=REG.replace("        record: record\n", "        recrod\n")).replace(
                "function record(participant)", "function recrod(participant)"
            ),
        ),
        ("PD508", source(reg=REG.replace("        unload: unload,\n", "").replace("        load: load,\n", ""))),
        ("PD508", source(reg="        id: 'rec-1.0', record: record\n").replace("    function unload() {}\n", "")),
        ("PD509", source(pre="    var st = PEX.pluginAPI.createNewState({});\n")),
        ("PD511", source(body="        PEX.pluginAPI.sendRequset('/lock');\n")),
    ],
)
def test_js_fixes_repair_the_source(base_project: Path, code: str, text: str) -> None:
    write(base_project, JS, text)
    problem = only(base_project, code)[0]
    assert problem.fix is not None
    _apply_all(base_project)
    assert problems(base_project) == []
    if "recrod:" in text or "'recrod'" in text:  # the one line changed, and only the key's name in it
        assert (base_project / "webapp2" / JS).read_text() == text.replace("recrod", "record")
    elif "        recrod\n" in text:
        assert (base_project / "webapp2" / JS).read_text() == text.replace(
            "        recrod\n", "        record: recrod\n"
        )


@pytest.mark.parametrize("brk", ["\r", "\u2028", "\u2029"])
def test_js_fixes_find_their_text_after_a_line_break_only_javascript_counts(base_project: Path, brk: str) -> None:
    """The fixes find a typo by the line and column the checker gives, which count a lone CR,
    U+2028 and U+2029 as the editor does: counting only LF, they would look a line too early and
    say the text was no longer there."""
    text = source(
        pre=f"    // notes{brk} // more{brk}\n",  # (after the break JavaScript reads code: a lone 'more' throws)
        body="        PEX.actions$.ofType(PEX.actions.RECEIVE_CHAT).subscribe(function () {});\n",
        reg=REG.replace("        record: record\n", "        recrod: record\n"),
    )
    path = base_project / "webapp2" / JS
    path.write_bytes(text.encode("utf-8"))
    assert {p.code for p in problems(base_project)} >= {"PD505", "PD514"}
    _apply_all(base_project)
    assert problems(base_project) == []
    fixed = text.replace("recrod", "record").replace("RECEIVE_CHAT)", "RECEIVE_CHAT_MESSAGE)")
    assert path.read_bytes().decode("utf-8") == fixed


def test_svg_fixes_sanitise_and_add_viewbox(base_project: Path) -> None:
    write(
        base_project,
        SVG,
        '<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY e "x">]>\n'
        '<svg xmlns="http://www.w3.org/2000/svg" id="rec" width="24px" height="24" onload="x()">\n'
        '<script>x()</script><foreignObject/><circle id="c" r="6" style="fill:url(#c)"/>\n'
        '<a href="javascript:x()"><use href="http://e.example/a.svg#b"/></a><title>&e;</title></svg>\n',
    )
    assert {p.code for p in problems(base_project)} >= {"PD411", "PD412", "PD413", "PD414", "PD415", "PD416", "PD430"}
    _apply_all(base_project)
    assert problems(base_project) == []
    text = (base_project / "webapp2" / SVG).read_text(encoding="utf-8")
    assert 'id="rec"' in text and 'id="c"' in text and 'viewBox="0 0 24 24"' in text
    assert "script" not in text and "DOCTYPE" not in text and "onload" not in text


def test_check_fix_repairs_a_broken_example_then_strict_passes(
    example_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    web = example_project / "webapp2"
    lock = web / "plugins/lock-toggle/lock-toggle.plugin.js"
    text = lock.read_text(encoding="utf-8")
    text = text.replace("        state$: state$\n", "").replace("toggleLock: toggleLock,", "")
    text = text.replace("id: 'lock-toggle'", "id: 'lock-toggle-old'").replace("        unload: unload,\n", "")
    text = text.replace("window.PEX.pluginAPI.sendRequest(request)", "window.PEX.pluginAPI.sendRequets(request)")
    lock.write_text(text, encoding="utf-8")
    hand = web / "plugins/raise-hand-helper/hand.svg"
    svg = hand.read_text(encoding="utf-8").replace(' viewBox="0 0 24 24"', "")
    svg = '<!DOCTYPE svg SYSTEM "hand.dtd">\n' + svg  # not the W3C's own, which is accepted
    hand.write_text(svg.replace("<rect ", '<rect onmouseover="steal()" ', 1), encoding="utf-8")
    (example_project / ".plugin-designer").mkdir()
    branding = json.loads((web / "manifest.json").read_text(encoding="utf-8"))["brandingID"]
    (example_project / ".plugin-designer/state.json").write_text(json.dumps({"last_export": {"brandingID": branding}}))

    assert main(["check", str(example_project), "--strict"]) == 1
    before = capsys.readouterr().out
    for code in ("PD213", "PD504", "PD505", "PD508", "PD509", "PD511", "PD410", "PD413", "PD430"):
        assert code in before, code
    main(["check", str(example_project), "--fix"])
    assert main(["check", str(example_project), "--strict"]) == 0, capsys.readouterr()


def test_pd514_and_pd420_fixes(base_project: Path) -> None:
    write(
        base_project,
        JS,
        source(body="        PEX.actions$.ofType(PEX.actions.RECEIVE_CHAT_MESAGE).subscribe(function () {});\n"),
    )
    write(base_project, SVG, SVG_HEAD + '<circle r="3" fill="url(#Grad)"/>\n<linearGradient id="grad"/>\n</svg>\n')
    assert {p.code for p in problems(base_project) if p.fix} == {"PD514", "PD420"}
    _apply_all(base_project)
    assert problems(base_project) == []
    assert "PEX.actions.RECEIVE_CHAT_MESSAGE" in (base_project / "webapp2" / JS).read_text(encoding="utf-8")
    assert 'fill="url(#grad)"' in (base_project / "webapp2" / SVG).read_text(encoding="utf-8")


def test_crlf_sources_report_editor_lines_and_fix_in_place(base_project: Path) -> None:
    text = source(body="        PEX.pluginAPI.sendRequset('/lock'); /*HERE*/\n").replace("\n", "\r\n")
    (base_project / "webapp2" / JS).write_bytes(text.encode("utf-8"))
    (found,) = only(base_project, "PD511")
    assert found.line == marker_line(text)
    _apply_all(base_project)
    data = (base_project / "webapp2" / JS).read_bytes()
    assert b"sendRequest('/lock')" in data and data.count(b"\r\n") == text.count("\r\n")


def test_pd202_two_plugins_with_one_id_get_a_rename_not_a_removal(base_project: Path) -> None:
    """Removing the second entry (right for a plugin listed twice) would drop a whole plugin here."""
    from broken_cases import _second_plugin

    from designer.core.fixes import apply_fix

    root = base_project / "webapp2"
    _second_plugin(root)
    for rel in ("plugins/rec2/rec2.plugin.package.json", "plugins/rec2/rec.plugin.js", "settings.json"):
        (root / rel).write_text((root / rel).read_text().replace("rec-2.0", "rec-1.0"))
    pkg = load(base_project)
    (problem,) = [p for p in run_checks(pkg) if p.code == "PD202"]
    # Verbatim copies share their name too: "belongs to both 'Record' and 'Record'" told nothing.
    assert "belongs to two plugins named" in problem.message and "(plugins/rec/ and plugins/rec2/)" in problem.message
    assert problem.fix is not None and problem.fix.kind == "rename-plugin-id"
    apply_fix(pkg, problem.fix)
    save(pkg)
    after = run_checks(load(base_project))
    assert not [p for p in after if p.code in ("PD202", "PD203", "PD504")], after
    assert len(load(base_project).plugins) == 2
    new_id = problem.fix.args["value"]
    assert new_id != "rec-1.0" and f"id: '{new_id}'" in (root / "plugins/rec2/rec.plugin.js").read_text()


def test_pd309_a_toolbar_button_without_an_icon_and_no_state(base_project: Path) -> None:
    package = base_project / "webapp2" / PKG
    package.write_text(package.read_text().replace('"icon": "rec.svg#rec"', '"icon": null'), encoding="utf-8")
    (found,) = only(base_project, "PD309")
    assert found.file == PKG and found.severity.value == "warning" and "shows empty" in found.message
    assert found.line == 13  # the "icon": null of the item
    # With state$ registered the plugin sets the icon while it runs: nothing to say.
    write(
        base_project,
        JS,
        source(pre="    var st = PEX.pluginAPI.createNewState({});\n", reg=REG + "        , state$: st\n"),
    )
    assert only(base_project, "PD309") == []


def test_a_missing_comma_in_register_plugin_is_a_syntax_error_not_a_missing_key(base_project: Path) -> None:
    """Keys after a syntax error in the registered object may be unread: "no 'unload'" (PD508) or
    "no 'record'" (PD505) would send the user after the wrong thing."""
    reg = "        id: 'rec-1.0',\n        load: load\n        unload: unload,\n        record: record\n"
    write(base_project, JS, source(reg=reg))
    found = {p.code for p in problems(base_project)}
    assert "PD500" in found
    assert not found & {"PD504", "PD505", "PD508"}, found


def test_a_syntax_error_at_a_string_is_quoted_once(base_project: Path) -> None:
    write(base_project, JS, source(body="        var t = ['My plugin' 'x'];\n"))
    message = only(base_project, "PD500")[0].message
    assert "''" not in message and "\"'My plugin'\"" in message, message


def test_not_utf8_is_placed_on_the_line_the_editor_shows(base_project: Path) -> None:
    """Counted at LF only, the bad byte of a file of lone CRs was always on line 1 (at a column
    past its end), and a U+FEFF starting a later line was skipped as if it were a byte order mark."""
    (base_project / "webapp2" / JS).write_bytes(b"(function () {\r var s = '\xe2\x80\xa8';\r var t = '\xff';\r})();\r")
    assert [(p.file, p.line, p.column) for p in only(base_project, "PD103")] == [(JS, 4, 11)]
    (base_project / "webapp2" / "settings.json").write_bytes(b'{\n\xef\xbb\xbf"plugins": [], "a\xe9": 1}\n')
    # (The source is still checked, as found on disk, while settings.json cannot be read.)
    assert [(p.file, p.line, p.column) for p in only(base_project, "PD103")] == [(JS, 4, 11), ("settings.json", 2, 19)]


def test_pd202_plugins_with_their_own_names_are_named(base_project: Path) -> None:
    from broken_cases import _second_plugin

    root = base_project / "webapp2"
    _second_plugin(root)
    package = root / "plugins/rec2/rec2.plugin.package.json"
    data = json.loads(package.read_text())
    data["name"] = "Other"
    package.write_text(json.dumps(data, indent=4))
    for rel in ("plugins/rec2/rec2.plugin.package.json", "plugins/rec2/rec.plugin.js", "settings.json"):
        (root / rel).write_text((root / rel).read_text().replace("rec-2.0", "rec-1.0"))
    (problem,) = [p for p in run_checks(load(base_project)) if p.code == "PD202"]
    first_name = json.loads((root / PKG).read_text())["name"]
    assert f"belongs to both '{first_name}' and 'Other' in settings.json;" in problem.message


def test_pd202_copies_in_one_folder_are_told_apart_by_their_package_files(base_project: Path) -> None:
    """Two package files of one plugin side by side (rec.plugin.package.json copied to
    rec2.plugin.package.json and listed): their folder is the same, so it told nothing
    ("plugins/rec/ and plugins/rec/"); the package files are named instead."""
    root = base_project / "webapp2"
    (root / "plugins/rec/rec2.plugin.package.json").write_bytes((root / PKG).read_bytes())
    settings = json.loads((root / "settings.json").read_text())
    settings["plugins"].append({**settings["plugins"][0], "srcURL": "plugins/rec/rec2.plugin.package.json"})
    (root / "settings.json").write_text(json.dumps(settings, indent=4))
    (problem,) = [p for p in run_checks(load(base_project)) if p.code == "PD202"]
    assert "(plugins/rec/rec.plugin.package.json and plugins/rec/rec2.plugin.package.json)" in problem.message


def test_a_near_spelling_of_an_action_says_both_ways_out_and_the_fix_goes_the_way_it_says(base_project: Path) -> None:
    """The menu item's action mistyped ('recrod') beside registerPlugin's 'record': PD505 asked
    "Did you mean 'record'?" while its Fix renamed the code's 'record' to the typo. It now says
    that one of the two is mistyped, and both ways out, the Fix's first."""
    pkg_file = base_project / "webapp2/plugins/rec/rec.plugin.package.json"
    pkg_file.write_text(pkg_file.read_text().replace('"action": "record"', '"action": "recrod"'))
    (found,) = only(base_project, "PD505")
    assert "Did you mean" not in found.message
    assert found.message.endswith(
        "registerPlugin has 'record', spelt nearly the same: one of the two is mistyped. Rename it in "
        "registerPlugin to 'recrod', or choose 'record' as the item's action."
    )
    assert found.fix is not None and found.fix.title == "Rename 'record' in registerPlugin to 'recrod'"


def _rename_in(project: Path, rel: str, old: str, new: str) -> None:
    path = project / "webapp2" / rel
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


@pytest.mark.parametrize(
    ("what", "old", "new", "said_in", "said"),
    [
        ("menu item icon", "rec.svg", ".rec.svg", PKG, "the item has no icon"),
        ("icon set by the code", "rec.svg", "rec.svg~", JS, "the item has no icon then"),
        ("code", "rec.plugin.js", ".rec.plugin.js", PKG, "the plugin does not load"),
    ],
)
def test_pd107_a_file_the_plugin_uses_that_the_export_leaves_out(
    base_project: Path, tmp_path: Path, what: str, old: str, new: str, said_in: str, said: str
) -> None:
    """A hidden file or an editor backup that a plugin uses passed every check (and ran in the
    preview), while the export left it out of the ZIP: after the upload the plugin did not load,
    or its item had no icon, and nothing had said so before. (A package file goes in whatever
    its name: the export writes it from what the designer read.)"""
    folder = base_project / "webapp2" / "plugins" / "rec"
    if what == "icon set by the code":
        write(base_project, JS, source(body="        state$.next({icon: 'rec.svg~#rec'}); /*HERE*/\n"))
        (folder / "rec.svg~").write_bytes((folder / "rec.svg").read_bytes())
    else:
        (folder / old).rename(folder / new)
        _rename_in(base_project, PKG, old, new)
    (found,) = only(base_project, "PD107")
    assert found.file == said_in and said in found.message and new in found.message, found
    # ... and the export indeed leaves it out (the check tells the truth)
    zipped = export_package(base_project, tmp_path / "out.zip", force=True).path
    assert not any(n.endswith("/" + new) for n in zipfile.ZipFile(zipped).namelist())


@pytest.mark.parametrize(
    ("viewbox", "said"),
    [
        ("0 0 0 0", "width or height is 0: browsers draw nothing"),
        ("0 0 -24 24", "below 0: browsers ignore it"),
        ("0 0 24", "not four numbers"),
        ("0 0 24px 24px", "not four numbers"),
    ],
)
def test_pd430_a_viewbox_browsers_cannot_use(base_project: Path, viewbox: str, said: str) -> None:
    """Only a missing viewBox was said: one 0 wide or high (the icon draws nothing), with a negative
    size or not four numbers (ignored, so the icon does not scale) passed the checks. The Fix puts
    in what the width and height say; then the icon passes."""
    write(
        base_project,
        SVG,
        f'<svg xmlns="http://www.w3.org/2000/svg" id="rec" width="24" height="24" viewBox="{viewbox}">\n'
        '<circle cx="12" cy="12" r="8"/>\n</svg>\n',
    )
    (found,) = only(base_project, "PD430")
    assert found.file == SVG and said in found.message and viewbox in found.message, found.message
    assert found.fix is not None and found.fix.title == 'Use viewBox="0 0 24 24"'
    pkg = load(base_project)
    apply_fix(pkg, found.fix)
    save(pkg)
    assert only(base_project, "PD430") == []
    assert 'viewBox="0 0 24 24"' in (base_project / "webapp2" / SVG).read_text(encoding="utf-8")


@pytest.mark.parametrize("viewbox", ["0 0 24 24", "0,0,24,24", " -2 -2 28.5 2.85e1 ", "0, 0, 1e2, 100"])
def test_pd430_not_for_a_viewbox_browsers_read(base_project: Path, viewbox: str) -> None:
    write(base_project, SVG, f'<svg xmlns="http://www.w3.org/2000/svg" id="rec" viewBox="{viewbox}"/>\n')
    assert only(base_project, "PD430") == []


@pytest.mark.parametrize(
    ("code", "rel", "old", "new"),
    [
        ("PD201", "settings.json", "plugins/rec/rec.plugin.package.json", "plugins\\\\rec\\\\rec.plugin.package.json"),
        ("PD305", PKG, '"srcURL": "rec.plugin.js"', '"srcURL": ".\\\\rec.plugin.js"'),
        ("PD400", PKG, '"icon": "rec.svg#rec"', '"icon": ".\\\\rec.svg#rec"'),
    ],
)
def test_a_path_written_with_backslashes_is_said_so_and_fixed(
    base_project: Path, code: str, rel: str, old: str, new: str
) -> None:
    """A path typed on Windows ('plugins\\rec\\rec.plugin.package.json') was "outside the package or
    on another server", with no Fix: it is said to use backslashes, and the Fix writes it with '/'."""
    _rename_in(base_project, rel, old, new)
    (found,) = only(base_project, code)
    assert "backslashes" in found.message and "outside" not in found.message, found.message
    assert found.fix is not None
    assert main(["check", "--fix", str(base_project)]) == 0
    assert main(["check", "--strict", str(base_project)]) == 0
    assert "\\" not in (base_project / "webapp2" / rel).read_text(encoding="utf-8")


def test_addresses_a_helper_is_given_for_its_fetch_are_checked(base_project: Path) -> None:
    """``async function post(url, body) { await fetch(url, ...) }`` called as ``post(WEBHOOK, ...)``:
    the address was not seen at all, so a plain http: webhook, which browsers block on the https
    meeting page, passed without PD601 (and without PD600 or PD602)."""
    pre = (
        "    var WEBHOOK = 'http://hooks.acme.io/in';\n"
        "    function post(url, body) {\n"
        "        return Promise.resolve().then(function () { return fetch(url, { method: 'POST', body: body }); });\n"
        "    }\n"
        "    const ping = (where) => fetch(where);\n"
    )
    text = source(pre=pre, body="        post(WEBHOOK, '{}');\n        ping('https://status.example.com/up');\n")
    write(base_project, JS, text)
    problems = run_checks(load(base_project))
    (plain,) = [p for p in problems if p.code == "PD601"]
    # (Each said where its text is written: the constant's line, the caller's of ping.)
    assert "http://hooks.acme.io/in" in plain.message and plain.line == 2
    assert [p.line for p in problems if p.code == "PD602"] == [11]
    (hosts,) = [p for p in problems if p.code == "PD600"]
    assert "hooks.acme.io" in hosts.message and "status.example.com" in hosts.message


def test_a_fetch_of_an_address_known_only_when_it_runs_says_nothing(base_project: Path) -> None:
    pre = "    function get(url) { return fetch(url); }\n    function other(url) { return url; }\n"
    write(base_project, JS, source(pre=pre, body="        get(participant.uri);\n        other('http://a.acme.io');\n"))
    assert [p.code for p in run_checks(load(base_project)) if p.code.startswith("PD60")] == []


def test_calls_in_the_onclick_of_a_dialog_body_are_checked_where_they_are_written(base_project: Path) -> None:
    """The guide's layout dialog puts its calls in onclick attributes of the body's HTML; a
    misspelt function or a layout the conference does not know there made a button that did
    nothing, and check passed it (the attribute was only text to it). No fix is offered there: it
    would write quotes inside the HTML's own."""
    body = (
        "        PEX.pluginAPI.openTemplateDialog({ title: 'Layout', body: `<div>\n"
        "          <button onclick=\"window.PEX.pluginAPI.transformConferenceLayout({layout:'5:0'})\">A</button>\n"
        '          <button onclick="window.PEX.pluginAPI.transformLayout({})">B</button>\n'
        "          <button onclick='PEX.pluginAPI.transformConferenceLayout({layout: \"4:0\"})'>C</button>\n"
        "          <button onclick=\"PEX.pluginAPI.sendRequest('/lock')\">D</button>\n"
        '          <button onclick="x(${1})">E</button></div>` });\n'
    )
    write(base_project, JS, source(body=body))
    found = [(p.code, p.line, p.column, p.fix) for p in run_checks(load(base_project)) if p.code.startswith("PD5")]
    assert found == [("PD513", 6, 49, None), ("PD511", 7, 49, None)]


def test_onclick_text_that_is_no_plain_code_is_left_alone(base_project: Path) -> None:
    body = (
        "        PEX.pluginAPI.openTemplateDialog({ title: 'T', body: '<button onclick=\"PEX.pluginAPI.transformLayout(\\'a\\')\">A</button>' });\n"
        "        PEX.pluginAPI.openTemplateDialog({ title: 'T', body: `<b onclick=\"PEX.pluginAPI.sendRequst('${1}')\">B</b>` });\n"
        "        console.log('onclick = PEX.pluginAPI.transformLayout(x)');\n"
    )
    write(base_project, JS, source(body=body))
    assert [p.code for p in run_checks(load(base_project)) if p.code.startswith("PD5")] == []


def test_an_action_numbered_like_another_items_is_offered_its_function_not_asked_if_it_meant_that_one(
    base_project: Path,
) -> None:
    """Keypad buttons 'record', 'record2', 'record3' (one action each), registerPlugin holding only
    'record': 'record2' was asked "Did you mean 'record'?" and had no Fix, 'record' being spelt
    nearly the same, though the first button runs it. So after the first Create-the-function fix
    of a plugin with tone1, tone2, ..., every other button lost its Fix."""
    pkg_file = base_project / "webapp2" / PKG
    data = json.loads(pkg_file.read_text(encoding="utf-8"))
    first = data["menuItems"]["toolbar"][0]
    data["menuItems"]["toolbar"] += [{**first, "action": "record2"}, {**first, "action": "record3"}]
    pkg_file.write_text(json.dumps(data), encoding="utf-8")
    found = only(base_project, "PD505")
    assert [p.message.endswith("the app's 'Oops' page.") for p in found] == [True, True]
    assert [p.fix.title if p.fix else None for p in found] == [
        "Create the function 'record2'",
        "Create the function 'record3'",
    ]


@pytest.mark.parametrize(
    "encoded", [lambda t: t.encode("latin-1"), lambda t: t.encode("utf-16")], ids=["latin-1", "utf-16"]
)
def test_a_source_that_is_not_utf8_is_its_plugins_problem(base_project: Path, encoded) -> None:
    """A plugin whose source was saved in Latin-1 or UTF-16 had its PD103 under "Package" with no
    plugin: the tree showed the plugin with a green tick and `check --json` gave "plugin": null."""
    (base_project / "webapp2" / JS).write_bytes(encoded(source(body="        var s = 'på';\n")))
    [found] = only(base_project, "PD103")
    assert (found.file, found.plugin) == (JS, "rec-1.0")


def test_ids_that_differ_only_in_how_an_accent_is_written_say_so(base_project: Path) -> None:
    """The package file's id typed on a Mac ('rec-café' with a separate accent, NFD), the list's
    and the code's with one character: "uses the id 'rec-café' but the package file says
    'rec-café'", two ids that look the same, with nothing to say why they differ."""
    import unicodedata

    nfd = unicodedata.normalize("NFD", "rec-café")
    settings = base_project / "webapp2/settings.json"
    settings.write_text(settings.read_text("utf-8").replace('"rec-1.0"', '"rec-café"'), "utf-8")
    package = base_project / "webapp2" / PKG
    package.write_text(package.read_text("utf-8").replace('"rec-1.0"', f'"{nfd}"'), "utf-8")
    write(base_project, JS, source(reg=REG.replace("'rec-1.0'", "'rec-café'")))
    found = {p.code: p for p in problems(base_project) if p.code in ("PD203", "PD504")}
    assert sorted(found) == ["PD203", "PD504"]
    for p in found.values():
        assert "look the same" in p.message and "separate accent" in p.message, p.message


def test_an_action_that_differs_only_in_how_an_accent_is_written_says_so(base_project: Path) -> None:
    """The item's action 'récord' typed on a Mac (a separate accent, NFD), the code's with one
    character: "registerPlugin has no 'récord' ... has 'récord', spelt nearly the same: one of the
    two is mistyped", though neither is."""
    import unicodedata

    nfd = unicodedata.normalize("NFD", "récord")
    package = base_project / "webapp2" / PKG
    package.write_text(package.read_text("utf-8").replace('"action": "record"', f'"action": "{nfd}"'), "utf-8")
    write(base_project, JS, source().replace("record", "récord"))
    [found] = only(base_project, "PD505")
    assert "mistyped" not in found.message and "look the same" in found.message, found.message
    assert found.fix is not None and found.fix.title == "Rename it in registerPlugin to the item's spelling"


def test_a_plugin_folder_named_in_latin1_is_not_offered_to_the_plugin_list(base_project: Path) -> None:
    """A plugin folder unpacked by an old tool as b"r\\xe9c" (Latin-1), the list pointing to
    'plugins/réc/…': check --fix pointed the entry at "plugins/r\\udce9c/…", written so in
    settings.json. Then check said nothing (the designer found the folder), while the export left
    the folder out (PD107): the upload listed a plugin it did not have. No such fix is offered."""
    import os
    import shutil

    webapp2 = base_project / "webapp2"
    shutil.move(webapp2 / "plugins/rec", os.fsdecode(os.fsencode(webapp2 / "plugins") + b"/r\xe9c"))
    settings = webapp2 / "settings.json"
    settings.write_text(settings.read_text("utf-8").replace("plugins/rec/", "plugins/réc/"), "utf-8")
    found = problems(base_project)
    assert "PD201" in {p.code for p in found} and "PD107" in {p.code for p in found}
    offered = [p.code for p in found if p.fix and any("\udce9" in str(v) for v in p.fix.args.values())]
    assert offered == []


def test_an_icon_named_in_latin1_is_not_offered_to_the_menu_item(base_project: Path) -> None:
    """An icon an old tool unpacked as b"r\\xe9c.svg" (Latin-1), the item's icon 'réc.svg#rec':
    PD400's Fix "Use 'r\\udce9c.svg'" wrote that into the package file, then check said nothing
    while the export left the file out (PD107): a blank button after the upload."""
    import os

    folder = base_project / "webapp2/plugins/rec"
    os.rename(folder / "rec.svg", os.fsdecode(os.fsencode(folder) + b"/r\xe9c.svg"))
    package = base_project / "webapp2" / PKG
    package.write_text(package.read_text("utf-8").replace('"rec.svg#rec"', '"réc.svg#rec"'), "utf-8")
    found = problems(base_project)
    assert "PD107" in {p.code for p in found}
    [missing] = [p for p in found if p.code == "PD400"]
    assert "\udce9" not in missing.message and (missing.fix is None or "\udce9" not in str(missing.fix.args))


def test_an_icon_reference_to_a_file_named_in_latin1_is_said_to_be_left_out(base_project: Path) -> None:
    """An item whose icon names b"r\\xe9c.svg" (written "r\\udce9c.svg" in the package file, as an
    earlier Fix wrote it): check found the file and said nothing of the item, while the export left
    the file out. After the upload the button was blank."""
    import os

    folder = base_project / "webapp2/plugins/rec"
    os.rename(folder / "rec.svg", os.fsdecode(os.fsencode(folder) + b"/r\xe9c.svg"))
    package = base_project / "webapp2" / PKG
    package.write_text(package.read_text("utf-8").replace('"rec.svg#rec"', '"r\\udce9c.svg#rec"'), "utf-8")
    said = [p for p in only(base_project, "PD107") if p.file == PKG]
    assert said and "After the upload the item has no icon" in said[0].message, said


def test_a_plugin_list_entry_naming_a_folder_in_latin1_is_an_error(base_project: Path) -> None:
    """settings.json pointing to "plugins/r\\udce9c/…" (as an earlier Fix wrote it) at a folder an
    old tool unpacked as b"r\\xe9c": check found the plugin, and only warned that the folder is
    left out of the export: the upload listed a plugin that is not in it."""
    import os
    import shutil

    webapp2 = base_project / "webapp2"
    shutil.move(webapp2 / "plugins/rec", os.fsdecode(os.fsencode(webapp2 / "plugins") + b"/r\xe9c"))
    settings = webapp2 / "settings.json"
    settings.write_text(settings.read_text("utf-8").replace("plugins/rec/", "plugins/r\\udce9c/"), "utf-8")
    [said] = only(base_project, "PD201")
    assert said.file == "settings.json" and "not valid UTF-8" in said.message, said.message


def test_a_source_file_named_in_latin1_is_an_error(base_project: Path) -> None:
    """A source an old tool unpacked as b"r\\xe9c.js", the package file's srcURL "r\\udce9c.js"
    (a JSON escape): check ran it and warned only that the file is left out of the export; after
    the upload the plugin never started. Nor is such a file offered to a srcURL that names no .js."""
    import os

    folder = base_project / "webapp2/plugins/rec"
    os.rename(folder / "rec.plugin.js", os.fsdecode(os.fsencode(folder) + b"/r\xe9c.js"))
    package = base_project / "webapp2" / PKG
    text = package.read_text("utf-8")
    package.write_text(text.replace('"rec.plugin.js"', '"r\\udce9c.js"'), "utf-8")
    [said] = only(base_project, "PD305")
    assert said.file == PKG and "not valid UTF-8" in said.message, said.message
    package.write_text(text.replace('"rec.plugin.js"', '"rec.svg"'), "utf-8")
    [said] = only(base_project, "PD313")
    assert said.fix is None, said.fix
