"""The command line: ``plugin-designer [PATH]`` opens the designer; subcommands work headless.

Why one front door: the GUI and the CLI are two faces of the same core, and CI scripts of
teams that deploy plugins use exactly the checks the designer shows.
Exit codes: 0 fine, 1 problems found, 2 the input cannot be used at all.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, NoReturn

from .gcpause import collector_paused

if TYPE_CHECKING:
    import argparse

COMMANDS = ("check", "new", "recipes", "screenshot", "import", "export", "deploy", "simulate")
# One line per command for the top-level --help; a test checks that every command has one.
SUMMARIES = {
    "check": "check a branding package (folder or ZIP) for problems; --json, --strict, --fix",
    "new": "create a project with one working plugin (optionally from a recipe), or add one to a project",
    "recipes": "list the recipes 'new --recipe' can start from",
    "import": "unpack a branding ZIP into a new project folder, refusing unsafe archives",
    "export": "write the branding ZIP to upload, with a new brandingID and what changed",
    "deploy": "export (new brandingID) and upload it to a Management Node as a web app customization",
    "simulate": "run every plugin in an offscreen browser against a mock meeting",
    "screenshot": "render the designer window offscreen and save it as a PNG",
}
MAX_WINDOW_SIDE = 8192  # a bigger window's PNG is hundreds of megabytes of pixels


def print_json(doc: Any) -> None:
    """Print ``doc`` as JSON that stays valid JSON whatever the output can hold.

    Why: with output to an ASCII or cp1252 console (or PYTHONIOENCODING=ascii in CI), the
    characters it cannot hold were printed as Python's ``\\xe9`` or ``\\U0001f389``, which are no
    JSON escapes: a script reading ``--json`` failed on a plugin called "Café" or "🎉". Such
    output (and text with undecodable bytes of a file name) gets JSON's own ``\\u`` escapes.
    """
    text = json.dumps(doc, indent=2, ensure_ascii=False)
    try:
        text.encode(getattr(sys.stdout, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        text = json.dumps(doc, indent=2, ensure_ascii=True)
    print(text)


def print_err(text: str) -> None:
    """Print a line on stderr after everything printed so far on stdout.

    Why: stdout is buffered when it is not a terminal (a pipe, an IDE's console, ``2>&1 | tee``)
    while stderr is written at once, so check's summary came out before the problem lines or in
    the middle of them ("...never change.1 plugin checked"). Flushing stdout first keeps the two
    streams in the order they were written; what goes to which stream does not change.
    """
    sys.stdout.flush()
    print(text, file=sys.stderr, flush=True)


def say_finished_write(pkg: Any) -> None:
    """Say on stderr what opening the package ``pkg`` finished of a write a killed process had begun
    (an export, a check --fix: see files.finish_interrupted_write). Why: finished silently, the ZIP
    and the project changed under the user, who had seen that command fail."""
    from .core.problems import printable

    if pkg.files.finished_write:
        print_err(printable(f"plugin-designer: {pkg.files.finished_write}"))


def save_cut_short(pkg: Any) -> str | None:
    """Why the project ``pkg`` may hold mixed files: a save in the designer killed half way (see
    core.recovery.save_cut_short); None for a ZIP, or when there was none. Commands that write the
    project or make a ZIP of it refuse then: the designer puts it right."""
    if not pkg.files.writable or not pkg.files.holds_temporaries():
        # (a save cut short leaves the old versions it keeps beside the files: without them there
        # is no need to find the crash copies, whose place takes platformdirs, 13 ms, to learn)
        return None
    from .core.recovery import save_cut_short as cut_short

    return cut_short(pkg.files.root)


def quiet_stdout() -> None:
    """Point stdout at nothing once its reader has gone (``| head`` read what it wanted and closed
    the pipe): Python would print a BrokenPipeError traceback when it flushes stdout at exit."""
    _to_nothing(sys.stdout)


def _to_nothing(stream: Any) -> None:
    """Point ``stream``'s file descriptor at the null device: what is still to come goes nowhere."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, stream.fileno())
    finally:
        os.close(devnull)


class _UntilReaderGone:
    """One of the process's own output streams that, once its reader has gone, takes the rest of the
    output into nothing, so the command runs to its end and exits with its own code.

    Why: ``check PATH --json | head -1`` (or ``recipes | head -1``) raised BrokenPipeError at the
    first line ``head`` no longer read, and main() could only end with 1, "problems found", for a
    package without any (recipes: "0 always"). ``export`` caught it around its report alone; the
    other commands had no such catch. Everything else is the stream's own (encoding, fileno, ...).
    """

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return int(self._stream.write(text))
        except BrokenPipeError:
            _to_nothing(self._stream)
            return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            _to_nothing(self._stream)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def print_errors(files: Any, problems: list[Any]) -> None:
    """The errors ``problems`` of the package ``files`` on stderr, one a line, each file named as
    check names it (a path one can open from here): what export and deploy list when blocked."""
    from .core.problems import printable

    base = _display_base(files)
    for p in problems:
        print_err(printable(f"{problem_place(base, p)}: error {p.code} {p.message}"))


def problem_place(base: str, problem: Any) -> str:
    """Where ``problem`` is, as check prints it: ``base`` (from :func:`_display_base`) and its place.

    Why: a file beside webapp2/ (PD110's ``.plugin-designer``) is named ``../.plugin-designer`` in
    the package, and check printed ``p/webapp2/../.plugin-designer``, a path a non-developer has to
    work out; in a folder it is now ``p/.plugin-designer``, as the window's Problems list names it. A
    ZIP's entries keep the ``b.zip!webapp2/`` form: inside a ZIP there is no path to shorten to.
    """
    where = problem.location()
    if not (problem.file.startswith("../") and "!" not in base):
        return base + where
    import posixpath

    return posixpath.normpath(base + problem.file) + where[len(problem.file) :]


def _display_base(files: Any) -> str:
    """How to print a file of the package so a terminal or editor can open it.

    A ZIP's files are named inside it (``b.zip!webapp2/``); a folder's relative to the working
    folder when it lies in it, else in full (``check /tmp/p`` run from /home/me named its files
    ``../../tmp/p/webapp2/...``, a path nobody typed). (Told apart by the label's '!', a folder
    with one in its name was named in full.)
    """
    from .core.files import DirFiles

    label = files.label
    if not isinstance(files, DirFiles):
        # (a ZIP with the package files at its top, as a Management Node download is, is ``b.zip!/``:
        # its files were named ``b.zip!//settings.json``)
        return label if label.endswith("/") else label + "/"
    try:
        rel = os.path.relpath(label)
    except ValueError:
        rel = label
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        rel = label
    return ("" if rel == "." else rel + "/").replace(os.sep, "/")


def cmd_check(args: argparse.Namespace) -> int:
    # The core's modules live as long as this short process (about a tenth of a `check` run; see
    # bench/check_speed.py), and so does most of what the check makes: the collector stays off for
    # the whole command. (It ran about fifteen times during a check of 20 plugins and found some 60
    # objects in cycles, made once; the checks --fix runs after each fix leave none, see
    # schemas._FJS_UNIQUE.) Only when main() runs the process: a caller that imports main() keeps
    # its collector as it was.
    with collector_paused(_whole_process):
        return _check(args)


def _check(args: argparse.Namespace) -> int:
    from .core.checks import problems_json, run_checks
    from .core.files import NotAPackageError
    from .core.model import load, save
    from .core.problems import Severity, printable
    from .core.wording import counted

    try:
        pkg = load(Path(args.path))
    except NotAPackageError as exc:
        return _unusable(
            args, next_step(args.path, exc, "check --fix {}" if args.fix else "check {}", as_is=not args.fix)
        )
    say_finished_write(pkg)
    cut_short = save_cut_short(pkg)
    if cut_short and args.fix:
        return _unusable(args, f"{args.path}: {cut_short}. Nothing was fixed", None)
    if cut_short:
        print_err(printable(f"plugin-designer: warning: {cut_short}."))
    fixed: list[str] = []
    written: list[str] = []
    if args.fix:
        from .core.fixes import fix_all

        if not pkg.files.writable:
            return _unusable(
                args,
                f"{args.path}: a ZIP is opened read-only, so fixes cannot be saved in it. "
                + import_first(args.path, "fix that", "check --fix {}"),
                None,
            )
        try:
            fixed = fix_all(pkg, run_checks)
            written = save(pkg, journal="plugin-designer check --fix")  # all of the fixes' files or none
        except (OSError, ValueError) as exc:
            from .core.files import os_message

            why = os_message(exc) if isinstance(exc, OSError) else exc
            return _unusable(args, f"{args.path}: the fixes could not be saved ({why}); nothing was changed")
        pkg = load(Path(args.path))
    problems = run_checks(pkg)
    counts = {s.value: sum(1 for p in problems if p.severity is s) for s in Severity}
    # While settings.json cannot be read (or has no plugin list) the package lists no plugin, but the
    # checks looked at the plugins found on disk (core.checks): "0 plugins checked" under their
    # problems read as a contradiction.
    on_disk, unread = plugins_on_disk(pkg)
    failing = counts["error"] > 0 or (args.strict and counts["warning"] > 0)
    if args.json:
        summary = checks_summary(pkg, problems, args.strict)
        out = {
            "ok": not failing,  # (as every command's JSON has it: one key for a script to test)
            "package": pkg.files.label,
            "problems": problems_json(pkg, problems),
            "summary": summary,
            "checks": summary,  # (the name import, export and deploy give the same counts)
        }
        if args.fix:
            out["fixed"] = fixed
            out["written"] = written
        print_json(out)
    else:
        base = _display_base(pkg.files)
        for line in fixed:
            print(printable(f"fixed: {line}"))
        for p in problems:  # one line each, whatever the files hold (see printable)
            print(printable(f"{problem_place(base, p)}: {p.severity.value} {p.code} {p.message}"))
        checked = (
            f"{counted(on_disk, 'plugin')} found on disk checked (settings.json {unread})"
            if on_disk is not None
            else f"{counted(len(pkg.plugins), 'plugin')} checked"
        )
        summary = (
            f"{checked}: {counted(counts['error'], 'error')}, "
            f"{counted(counts['warning'], 'warning')}, {counted(counts['info'], 'note')}"
        )
        if problems:
            print_err(summary)
        else:
            print(summary)
        # What to do next: the listing showed no sign that --fix would repair some of them.
        fixable = sum(1 for p in problems if p.fix is not None and p.fix.batch)
        if fixable and not args.fix:
            which = "It" if len(problems) == 1 else "All of them" if fixable == len(problems) else f"{fixable} of them"
            ready = f"{which} can be repaired automatically"
            if pkg.files.writable:
                print_err(f"{ready}: plugin-designer check --fix {shell_word(args.path)}")
            else:
                print_err(f"{ready}. " + import_first(args.path, "fix that", "check --fix {}"))
    return 1 if failing else 0


def checks_summary(pkg: Any, problems: list[Any], strict: bool = False) -> dict[str, Any]:
    """What the checks found in ``pkg`` (their ``problems``), counted as ``check --json`` gives it in
    ``summary``: errors, warnings, info, plugins, ok (no error; with ``strict``, no warning either),
    and plugins_found_on_disk while settings.json cannot be read.

    Why one function: every command that checks a project reports these counts under ``checks``
    (check and import under ``summary`` too). Export's ``summary`` is the sentence about what
    changed, deploy reported no counts at all, and import's had no ``ok``: a script reading
    ``summary.errors`` of each got a number from one command and nothing from the others.
    """
    from .core.problems import Severity

    counts = {s: sum(1 for p in problems if p.severity is s) for s in Severity}
    errors, warnings = counts[Severity.ERROR], counts[Severity.WARNING]
    out: dict[str, Any] = {
        "errors": errors,
        "warnings": warnings,
        "info": counts[Severity.INFO],
        "plugins": len(pkg.plugins),
        "ok": not (errors or (strict and warnings)),
    }
    on_disk, _unread = plugins_on_disk(pkg)
    if on_disk is not None:
        out["plugins_found_on_disk"] = on_disk
    return out


def plugins_on_disk(pkg: Any) -> tuple[int | None, str | None]:
    """How many plugin package files the checks looked at on disk, and what is wrong with
    settings.json, while the app cannot read its plugin list; (None, None) while it can.

    Why: the package then lists no plugin, but the checks look at the plugins found on disk
    (core.checks), and "0 plugins" above their problems read as a contradiction.
    """
    from .core.checks import unread_plugin_list

    unread = unread_plugin_list(pkg)
    if unread is None:
        return None, None
    from .core.model import package_files_on_disk

    return len(package_files_on_disk(pkg)), unread


def _unusable(args: argparse.Namespace, message: str, code: str | None = "PD104") -> int:
    """PATH cannot be checked at all: problem code PD104 ("not a branding package"), exit code 2.
    ``code`` None: PATH is a package, but the request cannot be done on it (``--fix`` on a ZIP)."""
    if getattr(args, "json", False):
        out = {"ok": False, "error": message, "code": code, "problems": [], "summary": {"ok": False}}
        print_json(out)
    else:
        print(f"plugin-designer: error {code + ' ' if code else ''}{message}", file=sys.stderr)
    return 2


def cmd_new(args: argparse.Namespace) -> int:
    from .core.files import inside_package_refusal
    from .core.jstext import one_line
    from .core.newproject import STARTER_NAME, create_project, folder_name_refusal, no_place_for_a_project

    target = Path(args.dir)
    # The options as given, for a hint that repeats the command with another DIR.
    given = [
        *(["--name", args.name] if args.name is not None else []),
        *(["--recipe", args.recipe] if args.recipe else []),
    ]
    given += [word for answer in args.set or [] for word in ("--set", answer)]
    try:
        target.exists()
    except OSError as exc:  # a name longer than the file system takes, a loop of links
        return _new_refused(args, f"cannot create {target}: {exc.strerror or exc}")
    if target.exists() and not target.is_dir():
        import zipfile

        if zipfile.is_zipfile(target):  # (a branding ZIP is opened read-only everywhere)
            return _new_refused(
                args,
                f"{target} is a ZIP, which is only read, never changed; import it into a folder "
                f"first (plugin-designer import {shell_word(args.dir)} -o FOLDER), then add the plugin to that folder",
            )
        return _new_refused(args, f"{target} is a file; name a folder to create the project in")
    files = None
    # A terminal not set to UTF-8 passes bytes Python keeps as lone surrogates; written into the
    # package files they were a UnicodeEncodeError traceback (or a '\udcff' in the plugin's code).
    not_utf8 = not_utf8_option([("--name", args.name), *(("--set " + s.partition("=")[0], s) for s in args.set or [])])
    if not_utf8 is not None:
        return _new_refused(args, not_utf8)
    if args.set and not args.recipe:  # (they were ignored: --set name=Foo still gave the default name)
        return _new_refused(
            args,
            "--set answers a recipe's settings, and no --recipe is given; add --recipe NAME "
            "(see 'plugin-designer recipes'), or give the plugin's name with --name",
        )
    if args.name is not None and not args.name.strip():  # (before a recipe, which would use its own name)
        return _new_refused(args, "--name is empty; give the plugin a name people will recognise")
    if args.recipe:
        made = _recipe_files(args)
        if made is None:
            return 2
        args.name, files = made
    # On one line, as the app shows a plugin's name (and the wizard and forms make a pasted line break a space).
    # (a tab too: the name is one field of words, and the app shows it as a space at best)
    args.name = one_line((args.name or STARTER_NAME).strip()).replace("\t", " ")
    control = _control_characters_refusal(args.name)
    if control is not None:
        return _new_refused(args, control)
    if _is_project(target):
        return _add_to_project(args, target, files)
    # DIR named as the package's own folder (`new proj/webapp2`, as check and the designer take a
    # project): made there, in the project folder around it. It became proj/webapp2/webapp2.
    project = target.parent if target.name == "webapp2" else target
    bad_name = folder_name_refusal(project)
    if bad_name is not None and inside_package_refusal(project, "a new project") is None:  # (that says more)
        return _new_refused(args, bad_name)
    no_place = no_place_for_a_project(project) if project.is_dir() else None
    if no_place is not None:  # (the home folder: webapp2/ among everything else, as the window no longer offers)
        inside = " ".join(shell_word(word) for word in [os.path.join(str(project), "my-branding"), *given])
        return _new_refused(
            args,
            f"{project} is no place for a project: {no_place}. To make one in a new folder inside it: "
            f"plugin-designer new {inside}",
        )
    try:
        root = create_project(project, args.name, files)
    except FileExistsError as exc:
        from .core.files import package_around

        # A plugin folder given as DIR (inside a project): most likely the plugin was meant for that project.
        home = package_around(target, target)
        if home is None:
            return _new_refused(args, f"{exc}")
        again = " ".join(shell_word(word) for word in [str(home), *given])
        return _new_refused(args, f"{exc} To add the plugin to that project instead: plugin-designer new {again}")
    except OSError as exc:
        return _new_refused(args, f"cannot create {target}: {exc.strerror or exc}")
    if args.json:
        from .core.files import locate

        print_json(_new_json(args, locate(root), files if files is not None else {}, added=False))
        return 0
    print(
        f"Created {_shown(str(root))} with the plugin '{_shown(args.name)}'. "
        f"Open it with: plugin-designer {shell_word(args.dir)}"
    )
    return 0


def not_utf8_option(given: list[tuple[str, str | None]]) -> str | None:
    """Why the first of the (option, value) pairs ``given`` whose value holds bytes that are not
    UTF-8 cannot be used, else None.

    Why: a terminal not set to UTF-8 passes bytes Python keeps as lone surrogates; written into the
    package files or sent to the Management Node they were a UnicodeEncodeError traceback."""
    from .core.files import is_utf8

    for option, value in given:
        if value is not None and not is_utf8(value):
            return (
                f"{_shown(option)} holds bytes that are not UTF-8 text (is the terminal set to "
                "another encoding?); type it again as UTF-8"
            )
    return None


def _new_refused(args: argparse.Namespace | SimpleNamespace, message: str, details: list[str] | None = None) -> int:
    """``new`` cannot do what was asked: say why (with ``--json``: ``ok`` false, ``error``, and the
    recipe's answers that cannot be used as ``errors``), exit code 2."""
    if getattr(args, "json", False):
        print_json({"ok": False, "error": message.rstrip(":"), "errors": details or []})
    else:
        print(f"plugin-designer: {message}", file=sys.stderr)
        for line in details or []:
            print(f"  - {line}", file=sys.stderr)
    return 2


def _new_json(args: argparse.Namespace, files: Any, made: dict[str, bytes], added: bool) -> dict[str, Any]:
    """What ``new --json`` prints once the project is made or the plugin added."""
    from .core.model import load

    pkg = load(files)
    plugin = pkg.plugins[-1]  # (the one just listed: created alone, or added at the end)
    names = sorted(made) or sorted(n for n in pkg.names() if plugin.folder and n.startswith(plugin.folder + "/"))
    return {
        "ok": True,
        "added": added,  # false: a new project was created
        "project": str(getattr(files, "project", files.label)),
        "webapp2": files.label,
        "package": files.label,  # (the same, under the name check, export and import give it)
        "plugin": {"id": plugin.entry.id, "name": args.name, "folder": plugin.folder, "files": names},
    }


def _is_project(target: Path) -> bool:
    """Whether ``new DIR`` names a project (or its webapp2 folder) to add the plugin to, rather
    than a folder to create one in (missing, empty, or holding other things: webapp2/ goes in it)."""
    from .core.files import _MARKERS

    try:
        if not target.is_dir():
            return False
        web = target / "webapp2"
        return (web.is_dir() and any(web.iterdir())) or any((target / m).exists() for m in _MARKERS)
    except OSError:
        return False  # (create_project says why the folder cannot be used)


def _add_to_project(args: argparse.Namespace, target: Path, files: dict[str, bytes] | None) -> int:
    """``new DIR`` where DIR is a project: add the plugin to it (as Plugin ▸ Add Plugin… and the
    recipe wizard do) and save, or refuse with exit 2 and change nothing.

    Why refuse a taken id instead of giving a free one: the id comes from the name typed, and a
    script run twice would quietly add a second copy of the plugin (see plugins.id_in_use).
    """
    from .core.files import NotAPackageError, os_message
    from .core.jstext import safe_id
    from .core.model import load, save
    from .core.newproject import plugin_files
    from .core.plugins import add_plugin_files, cannot_add_plugins, id_in_use, taken_keys, unique_id
    from .core.wording import counted

    shown = _shown(args.dir)
    try:
        pkg = load(target)
    except NotAPackageError as exc:
        return _new_refused(args, f"{exc}")
    say_finished_write(pkg)
    cut_short = save_cut_short(pkg)
    if cut_short:
        return _new_refused(args, f"cannot add '{_shown(args.name)}' to {shown}: {cut_short}. Nothing was changed")
    files = files if files is not None else plugin_files(args.name)
    reason = cannot_add_plugins(pkg, told=f"'plugin-designer check {shell_word(args.dir)}' says why")
    unlisted = [
        rel
        for rel in pkg.files.names()
        if rel.startswith("plugins/") and rel.endswith((".plugin.package.json", "/plugin.json"))
    ]
    if reason is None and not pkg.files.exists("settings.json") and unlisted:
        # A settings.json made for the new plugin alone would leave these out, with only a note
        # (PD205) to say so: check --fix makes one that lists them, and the plugin goes in after.
        reason = (
            f"the project has no settings.json, and a new one listing only this plugin would leave out the "
            f"{counted(len(unlisted), 'plugin')} in plugins/ ({', '.join(unlisted[:3])}"
            f"{', ...' if len(unlisted) > 3 else ''}). Run 'plugin-designer check --fix {shell_word(args.dir)}' first "
            "(it makes a settings.json listing them), then add the plugin"
        )
    in_use = id_in_use(pkg, files)
    if reason is None and in_use is not None:
        by_set = any(s.partition("=")[0].strip() == "name" for s in args.set or [])
        option = "--set name=NAME" if by_set else "--name NAME"
        reason = f"{in_use}. Give the new plugin another name with {option} (its id and folder are made from the name)"
        taken = taken_keys(pkg)  # (read once, not again for each name tried)
        n = next(
            (n for n in range(2, 100) if unique_id(pkg, f"{args.name} {n}", taken) == safe_id(f"{args.name} {n}")), None
        )
        if n is not None:
            example = shell_word(f"{args.name} {n}")
            reason += f", e.g. {'--set name=' if by_set else '--name '}{example}"
    if reason is not None:
        return _new_refused(args, f"cannot add '{_shown(args.name)}' to {shown}: {reason}")
    add_plugin_files(pkg, files)
    try:
        save(pkg, journal=f"Adding the plugin '{args.name}'")  # (all or none, finished at the next open if killed)
    except (OSError, ValueError) as exc:
        why = os_message(exc) if isinstance(exc, OSError) else exc
        return _new_refused(args, f"cannot add '{_shown(args.name)}' to {shown}: {why}; nothing was changed")
    package_path = next(rel for rel in files if rel.endswith(".plugin.package.json"))
    folder = package_path.rsplit("/", 1)[0]
    made = sum(1 for rel in files if rel.startswith(folder + "/"))
    if args.json:
        print_json(_new_json(args, pkg.files, files, added=True))
        return 0
    print(
        f"Added the plugin '{_shown(args.name)}' to {shown}: {_display_base(pkg.files)}{folder}/ "
        f"({counted(made, 'file')}), listed in settings.json. Check it with: plugin-designer check {shell_word(args.dir)}"
    )
    return 0


def import_first(zip_path: str, what: str, then: str) -> str:
    """ "Import it into a folder first and WHAT: plugin-designer import ZIP -o FOLDER, then
    plugin-designer THEN", ``then`` holding ``{}`` where the folder goes.

    Why the commands, not only "import it first": a support engineer scripting this had to look up
    import's arguments; ``check --fix``, ``export`` and ``deploy`` of a ZIP say it alike. The folder
    is one that is free here (a folder of the ZIP's name, the project it came from perhaps, would
    be refused by the import).
    """
    folder = _free_folder(zip_path)
    return (
        f"Import it into a folder first and {what}: plugin-designer import {shell_word(zip_path)} -o {folder}, "
        f"then plugin-designer {then.format(folder)}"
    )


def _free_folder(zip_path: str) -> str:
    """A folder to import ``zip_path`` into that is free here, as one shell word (see :func:`import_first`)."""
    from .core.archive import folder_name_for_zip  # (x.zip.zip: not "-o x.zip", which import refuses)

    stem = folder_name_for_zip(Path(zip_path)) or "branding"
    taken = [stem, *(f"{stem}-imported" + (f"-{n}" if n > 1 else "") for n in range(1, 100))]
    return shell_word(next((f for f in taken if not Path(f).exists()), f"{stem}-imported"))


def next_step(path: str, exc: Exception, then: str, as_is: bool = False) -> str:
    """``exc``'s sentence, and for a folder with no package in it what to do next: ``new`` to
    start a project there, or (the folder holds a ZIP) ``import`` it and then ``then`` (holding
    ``{}`` where the folder goes, as :func:`import_first`'s). ``as_is``: ``then`` works on a ZIP
    as it is (``check``, ``simulate``), so it is given with the ZIP, the import only to edit it.

    Why: "not a branding package" left a new user who had just made a folder at a dead end; the
    designer has a command for each way out, so the message gives it.
    """
    from .core.files import NoPackageHereError

    if not isinstance(exc, NoPackageHereError):
        return str(exc)
    if exc.zips:
        more = len(exc.zips) - 1
        others = f" (and {more} more ZIP{'s' if more > 1 else ''})" if more else ""
        zip_path = os.path.join(path, exc.zips[0])
        held = f"{exc}. It holds the ZIP {exc.zips[0]}{others}"
        if as_is:
            return (
                f"{held}: plugin-designer {then.format(shell_word(zip_path))} reads it as it is; to edit it, "
                f"import it into a folder: plugin-designer import {shell_word(zip_path)} -o {_free_folder(zip_path)}"
            )
        return f"{held}. " + import_first(zip_path, "use that folder", then)
    from .core.files import project_of_designer_folder, said_as_given

    project = project_of_designer_folder(Path(path))
    if project is not None:  # (the designer's own folder of a project: no project goes there)
        home = said_as_given(project, Path(path))
        return (
            f"{exc}. It is where the designer keeps the records of the project {home}: "
            f"plugin-designer {then.format(shell_word(home))}"
        )
    from .core.newproject import no_place_for_a_project

    no_place = no_place_for_a_project(Path(path))
    if no_place is not None:  # (the home folder, say: a project goes in a folder of its own)
        inside = os.path.join(path, "my-branding")
        return f"{exc}, and {no_place}. To start a project in a new folder inside it: plugin-designer new {shell_word(inside)}"
    return f"{exc}. To start a project in this folder: plugin-designer new {shell_word(path)}"


def shell_word(text: object) -> str:
    """``text`` (a path) as one word of a command to copy into a shell: quoted only when needed.

    Why: the hints ("Open it with: plugin-designer my project") split a path with a space in two
    when pasted, and the command then named two folders that do not exist.
    """
    from .core.problems import name_as_text

    # (not printable(): a name with a space of another kind, or an emoji joined of several, is
    # pasted as it is written, its escapes would name another folder)
    word = name_as_text(str(text))
    if sys.platform != "win32":
        import shlex

        return shlex.quote(word)
    # cmd.exe and PowerShell both take a word in double quotes (a path holds none).
    return f'"{word}"' if not word or any(c in word for c in " \t&()[]{}^=;!'+,`~%$@#") else word


def _shown(text: str) -> str:
    """``text`` printable whatever it holds (undecodable bytes and control characters as \\x
    escapes: an ESC in a plugin's name recoloured the terminal that ``new`` said it in)."""
    from .core.problems import printable

    return printable(text)


def _control_characters_refusal(name: str) -> str | None:
    """Why ``new`` makes no plugin called ``name``: it holds a control character (an ESC, a tab),
    which the app shows as a box or garbled text (check's PD315); None for a good name."""
    from .core.jstext import control_characters
    from .core.problems import escaped

    found = control_characters(name)
    if not found:
        return None
    some = "an invisible control character" if len(found) == 1 else "invisible control characters"
    return (
        f"the plugin's name '{_shown(name)}' has {some} ({', '.join(map(escaped, found))}), which the app shows "
        "as a box or garbled text; type the name without it"
    )


def _recipe_files(args: argparse.Namespace) -> tuple[str, dict[str, bytes]] | None:
    """The name and files of ``new --recipe NAME --set key=value ...``; None (after saying why) when unusable."""
    from .core.jstext import safe_id
    from .core.recipes import RecipeError, answer_problems, coerce_answers, load_recipe, render

    try:
        recipe = load_recipe(args.recipe)
    except RecipeError as exc:
        _new_refused(args, str(exc))
        return None
    raw: dict[str, str] = {}
    given: dict[str, str] = {}  # setting key -> the option the user typed it with
    errors = []
    for item in args.set or []:
        key, eq, value = item.partition("=")
        if not eq:
            errors.append(f"'--set {item}' needs the form key=value, e.g. --set name='My button'.")
            continue  # not an answer at all: judging it as an empty one only adds a second, misleading line
        key = key.strip()
        if key in raw and raw[key] != value:  # (the last one was taken, the other lost without a word)
            errors.append(f"--set {key} is given twice ({_quoted(raw[key])} and {_quoted(value)}); give it once.")
        raw[key] = value
        given[key] = f"--set {key}"
    if args.name and "name" not in raw:
        raw["name"] = args.name
        given["name"] = "--name"
    elif args.name and raw["name"] != args.name:
        errors.append(
            f"--name {_quoted(args.name)} and --set name={_quoted(raw['name'])} disagree; give the name once."
        )
    answers, more = coerce_answers(recipe, raw)
    errors += more
    labels = {p.key: f"'{p.label}'" for p in recipe.parameters}
    for key, message in answer_problems(recipe, answers):
        if key not in labels:
            continue  # an unknown key: coerce_answers said so, with the recipe's keys
        # The messages name a setting by its form label; the user typed its key: say which option to change.
        option = given.get(key) or f"the recipe's default; change it with --set {key}=..."
        label = labels[key]
        errors.append(
            f"{label} ({option}){message[len(label) :]}" if message.startswith(label) else f"{option}: {message}"
        )
    if errors:
        _new_refused(args, f"the answers for the recipe '{recipe.name}' cannot be used:", list(dict.fromkeys(errors)))
        return None
    name = str(recipe.complete(answers)["name"])  # (a name the chosen action suggests, too)
    return name, render(recipe, answers, safe_id(name))


def _quoted(answer: str) -> str:
    """An answer as a message quotes it: in single quotes, on one line and cut short."""
    from .core.jstext import one_line, shortened

    return f"'{shortened(one_line(answer))}'"


def cmd_recipes(args: argparse.Namespace) -> int:
    from .core.recipes import list_recipes

    recipes = list_recipes()
    if args.json:
        out = [
            {
                "name": r.name,
                "title": r.title,
                "description": r.description,
                "placement": r.placement,
                "roles": r.roles,
                "parameters": [
                    {
                        "key": p.key,
                        "type": p.type,
                        "label": p.label,
                        "description": p.description,
                        "default": p.default,
                        "choices": [v for v, _ in p.options()],
                        # What an answer must be, as `new --set` checks it: a script can fill them in.
                        "required": p.required if p.type == "text" else True,  # (an empty answer is refused)
                        "max_length": p.max_length if p.type == "text" else None,
                        "pattern": p.pattern if p.type == "text" else None,  # the whole answer must match
                        "pattern_message": (p.pattern_message or None) if p.type == "text" and p.pattern else None,
                        # a text that may hold line breaks (a message); in any other one a line break is a space
                        "multiline": p.multiline if p.type == "text" else None,
                        # asked and checked only while this yes/no setting is on ("key:flag": while
                        # the choice 'key' has the flag, e.g. "what:alias")
                        "when": p.when,
                        # left out, its default fits this choice's answer ("Disconnect" for what=disconnect)
                        "suggested_by": p.suggested_by,
                    }
                    for p in r.parameters
                ],
            }
            for r in recipes
        ]
        print_json(out)
        return 0
    width = max(len(r.name) for r in recipes)
    for r in recipes:
        print(f"{r.name:<{width}}  {r.title}: {r.description} ({r.placement_text}; for {r.roles_text})")
        keys = ", ".join(
            f"{p.key}={p.default!r}" if p.type != "boolean" else f"{p.key}={p.default}" for p in r.parameters
        )
        print(f"{'':<{width}}  settings: {keys}")
        following: dict[str, list[str]] = {}
        for p in r.parameters:
            if p.suggested_by:
                following.setdefault(p.suggested_by, []).append(p.key)
        for key, keys_following in following.items():
            print(f"{'':<{width}}  ({', '.join(keys_following)} fit the {key} chosen unless set)")
    print(
        "\nCreate a project from one, or add its plugin to the project DIR: "
        "plugin-designer new DIR --recipe NAME [--set key=value ...]"
    )
    return 0


def cmd_screenshot(args: argparse.Namespace) -> int:
    from .gui.app import quiet_qt, screenshot

    quiet_qt()
    return screenshot(args.path, Path(args.output), args.pane, args.size, as_json=args.json)


def cmd_simulate(args: argparse.Namespace) -> int:
    """Run every plugin in an offscreen Chromium: load, each action, unload, load again."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from .core.files import NotAPackageError
    from .core.model import load
    from .core.wording import counted

    try:
        pkg = load(Path(args.path))
    except NotAPackageError as exc:
        # (before Qt and Chromium load: a refusal costs nothing)
        return _unusable(args, next_step(args.path, exc, "simulate {}", as_is=True))
    say_finished_write(pkg)
    from .gui.app import make_app, quiet_qt
    from .gui.preview import simulate

    quiet_qt()
    make_app()
    report = simulate(pkg, role=args.role, platform=args.platform).as_json()
    base = _display_base(pkg.files)
    from .core.preview import console_said, crash_said, default_participants, repeated_said, request_said

    people = {p["uuid"]: p["name"] for p in default_participants()}  # the meeting simulate runs in
    if args.json:
        print_json(report | {"package": pkg.files.label, "role": args.role, "platform": args.platform})
        return 0 if report["ok"] else 1
    from .core.problems import printable

    def say(text: str) -> None:  # a plugin's name, error or console.log text: one line each
        print(printable(text))

    # Each line in the preview log's words (core.preview makes both): the same finding reads the same.
    for p in report["plugins"]:
        if not p["loaded"]:
            say(f"{p['name']}: {p['not_loaded']}")
            continue
        thrown = sum(e["times"] for e in p["errors"])  # (an error thrown again and again is listed once)
        asked = sum(r["times"] for r in p["requests"])  # (a request sent again and again too)
        say(f"{p['name']}: {counted(thrown, 'uncaught error')}, {counted(asked, 'request')}")
        for e in p["errors"]:
            say("  " + " — ".join(crash_said(e, base)))
        for w in p["warnings"]:
            said = str(w["message"])
            place = f" — {w.get('file')} line {w.get('line')}"
            if w.get("file") and w.get("line") and said.endswith(place):  # (the log's place, from webapp2/)
                said = said[: -len(place)] + f" — {base}{w['file']} line {w['line']}"
            say(f"  warning: {said}{repeated_said(w)}")
        for r in p["requests"]:
            # (a guest's refusal: check's words too)
            say(f"  {request_said(r, people, base)}{repeated_said(r, request=True)}")
        for c in p["console"]:
            say(f"  {console_said(c['level'], c['text'], c.get('file'), c.get('line'), base)}")
        for n in p["notes"]:
            say(f"  note: {n['text']}")
    for e in report["unattributed"]:
        say(f"{'warning' if e.get('type') == 'warning' else 'error'}: {e.get('message')}")
    print(counted(report["errors"], "uncaught error"))
    return 0 if report["ok"] else 1


def cmd_gui(args: argparse.Namespace | SimpleNamespace) -> int:
    headless = _no_display(args.path)
    if headless is not None:
        print(f"plugin-designer: {headless}", file=sys.stderr)
        return 2
    with collector_paused(_whole_process):  # PySide's modules: 3 ms of the start otherwise
        from .gui.app import run

    return run(args.path)


def _no_display(path: str | None) -> str | None:
    """Why the designer's window cannot open here (Linux with no display), else None.

    Why ask before Qt does: over SSH or in a CI job, ``plugin-designer PATH`` (or a lone mistyped
    word, which is taken for a PATH) made Qt abort the process (exit 134, a core dump) with
    "Reinstalling the application may fix this problem", which it would not.
    """
    if sys.platform in ("win32", "cygwin", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    why = "there is no display here (DISPLAY and WAYLAND_DISPLAY are not set, as over SSH or in a CI job)"
    if path is None:
        return f"cannot open the designer: {why}. The commands work without one: see 'plugin-designer --help'."
    try:
        present = os.path.lexists(path)
    except (OSError, ValueError):
        present = False
    if not present:
        return (
            f"{_shown(path)}: no such file or folder, and no such command (the commands are {', '.join(COMMANDS)}); "
            f"and the designer cannot open: {why}."
        )
    return (
        f"cannot open the designer on {_shown(path)}: {why}. To check it without one: "
        f"plugin-designer check {shell_word(path)}"
    )


def _window_size(text: str) -> str:
    """``--size`` as WIDTHxHEIGHT in pixels, each from 1 to :data:`MAX_WINDOW_SIDE` (argparse ``type``)."""
    import argparse

    w, sep, h = text.strip().lower().partition("x")
    if not (sep and w.isascii() and w.isdigit() and h.isascii() and h.isdigit()):
        raise argparse.ArgumentTypeError(f"'{text}' is not a size: give WIDTHxHEIGHT in pixels, e.g. 1280x800")
    width, height = int(w), int(h)
    if not (0 < width <= MAX_WINDOW_SIDE and 0 < height <= MAX_WINDOW_SIDE):
        raise argparse.ArgumentTypeError(
            f"'{text}': width and height must each be from 1 to {MAX_WINDOW_SIDE} pixels, e.g. 1280x800"
        )
    return f"{width}x{height}"


def _parser(words: list[str]) -> argparse.ArgumentParser:
    """The parser of ``plugin-designer [PATH]`` and its options, ``words`` the command line."""
    import argparse

    width = max(map(len, COMMANDS))
    commands = "\n".join(f"  {c:<{width}}  {SUMMARIES[c]}" for c in COMMANDS)
    p = _hinting_parser(words)(
        prog="plugin-designer",
        description="Design, check and export Pexip Infinity Connect (webapp2) plugins.\n\n"
        "With no command, open the designer (on PATH if given).",
        epilog=f"commands:\n{commands}\n\nRun 'plugin-designer COMMAND --help' for the options of one.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    return p


def _command_parser(argv: list[str]) -> argparse.ArgumentParser:
    """The parser of the command ``argv[0]``; with ``--json`` among the words, its usage errors
    (an unknown option, a missing argument) are JSON on stdout too.

    Why: a script asking for JSON got only argparse's text on stderr and nothing to parse on
    stdout, unlike every other refusal. The usage text still goes to stderr, and the exit is 2.
    """
    wants_json = any(w.startswith("--j") and "--json".startswith(w) for w in argv[1:])  # (or abbreviated)
    return _hinting_parser(argv[1:], wants_json)(prog=f"plugin-designer {argv[0]}", formatter_class=_help_formatter())


def _hinting_parser(words: list[str], wants_json: bool = False) -> type[argparse.ArgumentParser]:
    """An ArgumentParser class whose usage errors name the option a mistyped one was meant to be
    (``--jsn``: "did you mean --json?"), among the options of its own command; exit code 2 still.
    With ``wants_json`` the error is also JSON on stdout (see :func:`_command_parser`).

    Why: argparse said only "unrecognized arguments: --strcit", and a missing ``-o`` for
    ``--ouput x.zip``, leaving the user to compare the spelling with --help letter by letter.
    """
    import argparse

    class Parser(argparse.ArgumentParser):
        def error(self, message: str) -> NoReturn:
            message += _did_you_mean(self, words)
            if wants_json:
                print_json({"ok": False, "error": f"{self.prog}: {message}", "code": "usage"})
            super().error(message)

    return Parser


def _did_you_mean(parser: argparse.ArgumentParser, words: list[str]) -> str:
    """ " (did you mean --json?)" for the words of ``words`` that look like options ``parser`` does not
    have, but close to one it has; "" when there is none."""
    import difflib

    options = [o for o in parser._option_string_actions if o.startswith("--")]
    hints: list[tuple[str, str]] = []
    for before, word in zip(["", *words], words, strict=False):  # (each word and the one before it)
        if word == "--":
            break  # (what follows is PATH, however it starts)
        given = parser._option_string_actions.get(before)
        if given is not None and given.nargs is None:
            continue  # the value of the option before it (--name -x): no option mistyped
        name = word.partition("=")[0]
        if not name.startswith("-") or name == "-" or any(o.startswith(name) for o in parser._option_string_actions):
            continue  # (a value, a PATH, an option or an abbreviation argparse takes)
        close = difflib.get_close_matches(name if name.startswith("--") else "-" + name, options, n=1, cutoff=0.6)
        if close and (name, close[0]) not in hints:
            hints.append((name, close[0]))
    if not hints:
        return ""
    if len(hints) == 1:
        return f" (did you mean {hints[0][1]}?)"
    return " (did you mean " + " and ".join(f"{meant} for {typed}" for typed, meant in hints) + "?)"


def _version() -> str:
    from . import __version__

    return __version__


def _help_formatter() -> type:
    """argparse's help layout, with the description's paragraphs wrapped one by one and the
    epilog's lists (exit codes, examples: lines indented by two spaces) kept line by line.

    Why: argparse either wraps everything into one paragraph (a list of examples became one
    long line) or nothing (a description as long as a paragraph ran off a terminal's width).
    """
    import argparse
    import textwrap

    class Help(argparse.HelpFormatter):
        def _fill_text(self, text: str, width: int, indent: str) -> str:
            paragraphs = []
            for para in text.split("\n\n"):
                lines = para.splitlines()
                if any(line.startswith("  ") for line in lines):  # a list: one item a line
                    paragraphs.append("\n".join(indent + line for line in lines))
                else:
                    words = " ".join(line.strip() for line in lines)
                    paragraphs.append(textwrap.fill(words, width, initial_indent=indent, subsequent_indent=indent))
            return "\n\n".join(paragraphs)

    return Help


_CHECK_FLAGS = ("--json", "--strict", "--fix")


def _plain_check_args(args: list[str]) -> SimpleNamespace | None:
    """``check PATH [--json] [--strict] [--fix]`` parsed without argparse, else ``None``.

    Why: importing and building argparse costs a few milliseconds of every ``check`` run, which
    CI scripts call once per package. Only the plain spelling is taken here (exact flags, one
    path not starting with '-'); anything else (--help, abbreviations, '--', errors) goes to
    argparse, so the results and messages are the same either way.
    """
    paths = [a for a in args if not a.startswith("-")]
    if len(paths) != 1 or any(a.startswith("-") and a not in _CHECK_FLAGS for a in args):
        return None
    return SimpleNamespace(
        path=paths[0],
        json="--json" in args,
        strict="--strict" in args,
        fix="--fix" in args,
        func=cmd_check,
        refuse=_unusable,
    )


_EXPORT_FLAGS = ("--force", "--diff", "--full-diff", "--json")
_EXPORT_OPTIONS = {"-o": "output", "--output": "output", "--branding-id": "branding_id"}


def _plain_export_args(args: list[str]) -> SimpleNamespace | None:
    """``export PATH -o ZIP [--branding-id ID] [--force] [--diff] [--full-diff] [--json]`` without argparse, else ``None``.

    Why: as for check (see :func:`_plain_check_args`), argparse costs an export a few milliseconds.
    Only the plain spelling is taken (exact flags, each option once and its value apart, no word
    starting with '-' but those); anything else goes to argparse, with the same results and messages.
    """
    from .cli_export import _refused, cmd_export

    values: dict[str, str] = {}
    flags: set[str] = set()
    paths: list[str] = []
    words = iter(args)
    for word in words:
        if word in _EXPORT_OPTIONS:
            value = next(words, None)
            key = _EXPORT_OPTIONS[word]
            if value is None or value.startswith("-") or key in values:
                return None
            values[key] = value
        elif word in _EXPORT_FLAGS:
            flags.add(word)
        elif word.startswith("-"):
            return None
        else:
            paths.append(word)
    if len(paths) != 1 or "output" not in values:
        return None
    return SimpleNamespace(
        path=paths[0],
        output=values["output"],
        branding_id=values.get("branding_id"),
        force="--force" in flags,
        diff="--diff" in flags,
        full_diff="--full-diff" in flags,
        json="--json" in flags,
        func=cmd_export,
        refuse=_refused,
    )


def _unknown_command(argv: list[str]) -> bool:
    """Say so (and return True) when the first word looks like a mistyped command, not a PATH.

    ``plugin-designer PATH`` opens the designer, so a word that exists as a file or folder is
    always a PATH, and so is a word written like one (``./x``, ``x.zip``). Otherwise it is a
    mistyped command when more words follow (``chek p0``: no PATH takes arguments) or when it is
    close to a command (``chek``); a lone word that is neither still goes to the designer, which
    says that no such file exists.
    """
    word = argv[0]
    if word.startswith("-") or word in COMMANDS or os.path.lexists(word):
        return False
    if any(c in word for c in "/\\.:") or word.startswith("~"):  # written as a path: a missing PATH
        return False
    import difflib

    close = difflib.get_close_matches(word, COMMANDS, n=1, cutoff=0.6)
    if len(argv) < 2 and not close:
        return False
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    message = f"unknown command '{word}'{hint}; the commands are {', '.join(COMMANDS)} (see 'plugin-designer --help')"
    if "--json" in argv[1:]:  # (a script's typo: one JSON document on stdout, as for any unreadable command line)
        print_json({"ok": False, "error": f"plugin-designer: {message}", "code": "usage"})
    print(f"plugin-designer: {message}", file=sys.stderr)
    return True


_whole_process = False  # main() was called for the process's own command line

# The words of a command that name a file or folder, and how to say which one is empty.
_PATH_WORDS = {"path": "PATH", "dir": "DIR", "source": "ZIP", "output": "-o"}


def _run(args: argparse.Namespace | SimpleNamespace) -> int:
    """Run a command, unless a file or folder it names is the empty string (or ``-o -``).

    Why: an empty word is the current folder to the file system, so ``new "$DIR"`` with DIR unset
    made a project in whatever folder the script ran in, and ``check ""`` checked it. And ``-o -``,
    which many tools read as "to standard output", wrote a file called '-' (awkward to remove):
    standard output carries the report, so the ZIP (or PNG, or project) needs a name.
    """
    for key, word in _PATH_WORDS.items():
        value = getattr(args, key, None)
        if value == "" or (key == "output" and value == "-"):
            message = (
                f"{word} is given as empty text; name a file or folder (a variable left unset in a script?)"
                if value == ""
                else "-o - would write a file called '-': standard output carries the report, not the file; "
                "give the file a name, e.g. -o branding.zip"
            )
            # Each command refuses in the shape its --json has for its other refusals (its parser
            # names the function, ``refuse``): deploy's carried import/export's "entry" (the ZIP
            # entry a refusal names), which it never has.
            refuse = getattr(args, "refuse", _new_refused)
            return int(refuse(args, message))
    return int(args.func(args))


@functools.cache
def _escaped_error() -> str:
    """The name of the encoding error handler for the output streams: what they cannot encode as
    backslash escapes, a byte of a name that is not UTF-8 as that byte (``proj\\xe5``, as the
    problem lines print it), not as Python's stand-in for it (``proj\\udce5``). Registered at
    the first call only: each stream of each run asks for it."""
    import codecs

    from .core.problems import escaped

    def handler(exc: UnicodeError) -> tuple[str, int]:
        if not isinstance(exc, UnicodeEncodeError):
            raise exc
        return "".join(escaped(c) for c in exc.object[exc.start : exc.end]), exc.end

    codecs.register_error("plugin-designer-escaped", handler)
    return "plugin-designer-escaped"


def main(argv: list[str] | None = None) -> int:
    """The command line; output piped into a reader that stops early (``| head``) ends it quietly."""
    for name, mode in (("stdin", "r"), ("stdout", "w"), ("stderr", "w")):
        if argv is None and getattr(sys, name) is None:
            # Started with the stream closed (0<&-, >&-, 2>&-, as cron and some CI runners do),
            # Python has None there: flushing stdout before a line on stderr raised AttributeError
            # (a traceback), and print(file=sys.stderr) wrote the errors into stdout, mixed with
            # --json. A closed stream takes nothing now, as a full one would. (Only the process's
            # own streams: a caller that passes argv keeps its own.)
            setattr(sys, name, open(os.devnull, mode, encoding="utf-8"))  # noqa: SIM115 (open until exit)
    for stream in (sys.stdout, sys.stderr):
        # Output redirected to a file on a cp1252 Windows console: a CJK name or an emoji raised
        # UnicodeEncodeError (after `export` had written the ZIP). Such characters print as \u escapes.
        # Each line goes out whole, in one write, as soon as it ends: unbuffered (PYTHONUNBUFFERED,
        # python -u) print wrote the text and its line break apart, and a terminal or console that
        # reads stdout and stderr apart showed check's summary between them ("...never change.1
        # plugin checked"); block-buffered (a pipe) stdout came out after the summary on stderr.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors=_escaped_error(), line_buffering=True, write_through=False)
            except (ValueError, OSError):
                pass
    if argv is None:  # (the process's own streams; a caller that passes argv keeps its own)
        sys.stdout, sys.stderr = _UntilReaderGone(sys.stdout), _UntilReaderGone(sys.stderr)
    try:
        return _main(argv)
    except BrokenPipeError:
        quiet_stdout()
        return 1
    except KeyboardInterrupt:
        # Ctrl-C printed a traceback of whatever ran at that moment (zipfile's compressor during an
        # export), which read like a crash. The writes are all-or-nothing (save, export; import
        # unpacks beside the target), so one line says it; the process then ends by the signal, as
        # a shell or CI runner expects of an interrupted command (130 where it cannot).
        print_err("plugin-designer: stopped (Ctrl-C)")
        if _whole_process and os.name == "posix":
            import signal

            signal.signal(signal.SIGINT, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGINT)
        return 130


def _main(argv: list[str] | None = None) -> int:
    global _whole_process
    _whole_process = argv is None
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "check":
        fast = _plain_check_args(argv[1:])
        if fast is not None:
            return _run(fast)
    if argv and argv[0] == "export":
        fast = _plain_export_args(argv[1:])
        if fast is not None:
            with collector_paused(_whole_process):  # see below, at "export"
                return _run(fast)
    if argv and argv[0] in COMMANDS:
        p = _command_parser(argv)
        if argv[0] == "check":
            p.description = (
                "Check a branding package (project folder, webapp2 folder or ZIP) for problems: one line each, "
                "file:line:column: severity CODE message (file: alone for a problem about the whole file), then a "
                "summary on stderr."
            )
            p.epilog = (
                "exit codes:\n"
                "  0  no errors (warnings and notes allowed, unless --strict)\n"
                "  1  problems found (errors; with --strict, warnings too)\n"
                "  2  PATH cannot be used at all (missing, not a package, unreadable or unsafe ZIP)\n\n"
                "examples:\n"
                "  plugin-designer check my-branding\n"
                "  plugin-designer check --json --strict branding.zip   for CI: JSON on stdout, fail on warnings\n"
                "  plugin-designer check --fix my-branding              apply the one-click fixes and save"
            )
            p.add_argument("path", metavar="PATH", help="project folder, webapp2 folder or branding ZIP")
            p.add_argument(
                "--json", action="store_true", help="print the problems as JSON (its fields: the README, Command line)"
            )
            p.add_argument("--strict", action="store_true", help="fail on warnings too")
            p.add_argument("--fix", action="store_true", help="apply every available fix and save")
            p.set_defaults(func=cmd_check, refuse=_unusable)
        elif argv[0] in ("import", "export"):
            from .cli_export import add_arguments

            add_arguments(p, argv[0])
        elif argv[0] == "deploy":
            from .cli_deploy import add_arguments as add_deploy_arguments

            add_deploy_arguments(p)
        elif argv[0] == "new":
            p.description = (
                "Create a new project with one working plugin, or add a plugin to a project.\n\n"
                "When DIR is already a project (it holds webapp2/, or it is the webapp2 folder),\n"
                "the plugin is added to it: its files go in plugins/<id>/ and settings.json lists\n"
                "it, keeping that file's layout. The id and folder are made from the plugin's\n"
                "name; when another plugin has that id, or the folder exists, nothing is changed\n"
                "and the command says which name to give instead (exit 2)."
            )
            p.epilog = (
                "exit codes:\n"
                "  0  the project was created, or the plugin added\n"
                "  2  refused: nothing was written (what to change is said)\n\n"
                "examples:\n"
                "  plugin-designer new my-branding                       new project, a 'Hello message' button\n"
                "  plugin-designer new my-branding --recipe lock-toggle  add a plugin from a recipe\n"
                "  plugin-designer new my-branding --name 'Say hello'    add another toolbar button\n"
                "  plugin-designer recipes                               what each recipe makes and asks"
            )
            p.add_argument(
                "dir",
                metavar="DIR",
                help="folder to create the project in (it will hold webapp2/), or a project to add the plugin to",
            )
            p.add_argument("--name", default=None, help="the plugin's name (default: Hello message, or the recipe's)")
            p.add_argument(
                "--recipe", metavar="NAME", default=None, help="start from a recipe (see `plugin-designer recipes`)"
            )
            p.add_argument(
                "--set", action="append", metavar="KEY=VALUE", help="answer one of the recipe's settings (repeatable)"
            )
            p.add_argument("--json", action="store_true", help="print the result as JSON")
            p.set_defaults(func=cmd_new)
        elif argv[0] == "simulate":
            p.description = (
                "Run each plugin in an offscreen browser against a mock meeting; exit 1 on any uncaught error."
            )
            p.epilog = (
                "exit codes:\n"
                "  0  no plugin raised an uncaught error\n"
                "  1  a plugin raised an uncaught error (each listed as file:line)\n"
                "  2  PATH cannot be used at all\n\n"
                "examples:\n"
                "  plugin-designer simulate my-branding\n"
                "  plugin-designer simulate --role guest --json branding.zip"
            )
            p.add_argument("path", metavar="PATH", help="project folder, webapp2 folder or branding ZIP")
            p.add_argument("--json", action="store_true", help="print the findings as JSON")
            p.add_argument(
                "--role",
                choices=("chair", "guest"),
                default="chair",
                # (The package files' words; the designer and the checklist say Host and Guest.)
                help="who the plugins run for: chair (a Host) or guest (a Guest); default: chair",
            )
            p.add_argument(
                "--platform",
                choices=("web", "electron", "ios", "android"),
                default="web",
                help="which app: web (the web app), electron (the desktop app), ios or android; default: web",
            )
            p.set_defaults(func=cmd_simulate, refuse=_unusable)
        elif argv[0] == "recipes":
            p.description = "List the recipes `plugin-designer new DIR --recipe NAME` can start from."
            p.epilog = (
                "exit codes:\n"
                "  0  always\n\n"
                "examples:\n"
                "  plugin-designer recipes\n"
                "  plugin-designer recipes --json   each setting's type, default, choices and limits\n"
                "  plugin-designer new my-branding --recipe lock-toggle --set name='Lock it'"
            )
            p.add_argument(
                "--json",
                action="store_true",
                help="print the recipes and their settings as JSON: each setting's key, type, default, choices, "
                "required, max_length, pattern (the whole answer must match), multiline (a text that may hold line "
                "breaks; in any other a line break becomes a space), when (the yes/no setting that asks it, or "
                "key:flag: asked when the answer to the choice key has that flag) and suggested_by (the choice "
                "whose answer gives its default)",
            )
            p.set_defaults(func=cmd_recipes)
        else:
            p.description = "Open PATH in the designer offscreen and save a PNG of the window."
            p.epilog = (
                "exit codes:\n"
                "  0  the PNG was written\n"
                "  2  PATH cannot be opened, or the folder of the PNG does not exist (it is not made)\n\n"
                "examples:\n"
                "  plugin-designer screenshot my-branding -o window.png --pane problems\n"
                "  plugin-designer screenshot my-branding -o window.png --json   for scripts: the file and its size"
            )
            p.add_argument(
                "path",
                metavar="PATH",
                nargs="?",
                help="project folder, webapp2 folder or branding ZIP (none: the welcome screen)",
            )
            p.add_argument("-o", "--output", metavar="PNG", required=True, help="PNG file to write")
            p.add_argument(
                "--pane",
                choices=("problems", "export", "preview"),
                default=None,
                help="show that pane too: the problems list in front, the Export pane, or the preview's meeting "
                "with the plugins loaded (default: the window as it opens)",
            )
            p.add_argument(
                "--size",
                metavar="WxH",
                default="1280x800",
                type=_window_size,
                help="window size WxH (default: %(default)s)",
            )
            p.add_argument(
                "--json", action="store_true", help="print the result as JSON: ok, output (the PNG) and size (bytes)"
            )
            p.set_defaults(func=cmd_screenshot)
        args = p.parse_args(argv[1:])
        if argv[0] in ("export", "import"):
            # Short processes that import much (the checks, zipfile, hashlib) and keep nearly all
            # they make, as check does (see cmd_check): the collector ran some forty times during
            # an export of 20 plugins (11 ms) and found next to nothing.
            with collector_paused(_whole_process):
                return _run(args)
        return _run(args)
    if argv and _unknown_command(argv):
        return 2
    if len(argv) < 2 and not (argv and argv[0].startswith("-")):
        # ``plugin-designer [PATH]``, the way the desktop starts it, without argparse: building the
        # parser asks importlib.metadata for --version's text (20 ms before the window appears).
        # Options (--help, --version, '--') and anything else go to argparse, as before.
        return cmd_gui(SimpleNamespace(path=argv[0] if argv else None))
    p = _parser(argv)
    p.add_argument("path", nargs="?", help="project folder, webapp2 folder or branding ZIP to open")
    p.add_argument(
        "--example", action="store_true", help="open your own copy of the bundled example (made on first use)"
    )
    args = p.parse_args(argv)
    if args.example:
        if args.path:
            p.error("give a PATH or --example, not both")
        headless = _no_display(None)
        if headless is not None:  # (said before the copy: with no window to open it in, none is made)
            print(f"plugin-designer: {headless}", file=sys.stderr)
            return 2
        from .core.resources import example_copy

        try:
            args.path = str(example_copy())
        except OSError as exc:
            print(f"plugin-designer: cannot copy the example: {exc}", file=sys.stderr)
            return 2
    return cmd_gui(args)


if __name__ == "__main__":
    sys.exit(main())
