"""``plugin-designer import`` and ``plugin-designer export``: the command-line faces of
:mod:`designer.core.archive` and :mod:`designer.core.export`.

Kept apart from ``cli.py`` so ``check`` (called once per package by CI scripts) does not pay
for importing them. Exit codes: 0 done, 1 export blocked by errors, 2 refused or unusable.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cli import (
    checks_summary,
    import_first,
    next_step,
    plugins_on_disk,
    print_err,
    print_errors,
    print_json,
    quiet_stdout,
    save_cut_short,
    say_finished_write,
    shell_word,
)

if TYPE_CHECKING:
    import argparse

    from .core.export import ExportPlan, ExportResult

__all__ = ["add_arguments", "cmd_export", "cmd_import"]


def add_arguments(p: argparse.ArgumentParser, command: str) -> None:
    if command == "import":
        p.description = (
            "Unpack a branding ZIP (Branding Portal, Management Node download or hand-made) into a new project "
            "folder, refusing unsafe archives."
        )
        p.epilog = (
            "exit codes:\n"
            "  0  imported (the checks' findings are listed, not failed on)\n"
            "  2  refused: nothing was written\n\n"
            "examples:\n"
            "  plugin-designer import branding.zip -o my-branding\n"
            "  plugin-designer import default-download.zip -o my-branding --create-missing"
        )
        p.add_argument("source", metavar="ZIP", help="the branding ZIP to import")
        p.add_argument(
            "-o",
            "--output",
            metavar="DIR",  # (as the README and the examples name it; argparse said "-o OUTPUT")
            required=True,
            help="project folder to create (must not exist or be empty)",
        )
        p.add_argument(
            "--create-missing",
            action="store_true",
            help="create settings.json and manifest.json when the ZIP has none (Management Node default download)",
        )
        p.add_argument("--json", action="store_true", help="print the result as JSON")
        p.set_defaults(func=cmd_import, refuse=_refused)
    else:
        from .core.export import DIFF_LINE_CHARS, DIFF_LINES_SHOWN

        p.description = (
            "Write the branding ZIP to upload: settings.json and manifest.json (with a new brandingID) plus every "
            "other file of webapp2/, and show what changed since the last export."
        )
        p.epilog = (
            "exit codes:\n"
            "  0  the ZIP was written\n"
            "  1  blocked: the checks report errors (listed; --force exports anyway)\n"
            "  2  refused or unusable input: nothing was written\n\n"
            "examples:\n"
            "  plugin-designer export my-branding -o branding.zip\n"
            "  plugin-designer export my-branding -o branding.zip --json   for CI: sha256, brandingID, changes\n"
            "  plugin-designer export my-branding -o branding.zip --full-diff | less   every diff, whole"
        )
        p.add_argument("path", metavar="PATH", help="project folder or webapp2 folder")
        p.add_argument("-o", "--output", metavar="ZIP", required=True, help="the ZIP file to write")
        p.add_argument(
            "--branding-id",
            metavar="ID",
            default=None,
            help="brandingID to use: a whole number greater than the last one exported (default: a new one)",
        )
        p.add_argument("--force", action="store_true", help="export even though the checks report errors")
        p.add_argument(
            "--diff",
            action="store_true",
            help=f"print the line diff of every changed or added text file, each cut after {DIFF_LINES_SHOWN} lines "
            f"and each line after {DIFF_LINE_CHARS} characters, as the Export pane shows it",
        )
        p.add_argument(
            "--full-diff", action="store_true", help="print the line diffs whole, however long (implies --diff)"
        )
        p.add_argument("--json", action="store_true", help="print the result as JSON")
        p.set_defaults(func=cmd_export, refuse=_refused)


def _refused(args: argparse.Namespace, message: str, entry: str | None = None) -> int:
    if args.json:
        print_json({"ok": False, "error": message, "entry": entry})
    else:
        print_err(f"plugin-designer: {message}")
    return 2


def _no_import_needed(source: str) -> str | None:
    """Why ``import`` of a project folder, or of one file of a project, is refused, with the command
    that opens it as it is; None for anything else (a ZIP, a missing file: the import says those).

    Why: a project's settings.json given to import was called "JSON text, not a ZIP: the download
    most likely failed" (sending the user to download again), and a folder's hint
    ("open it directly with 'plugin-designer my project'") split a path with a space in two.
    """
    import zipfile

    from .core.files import package_around

    path = Path(source)
    if path.is_dir():
        home = package_around(path, path) or path  # (a plugins/ folder: its project opens)
        return f"{source} is a folder, not a ZIP: it needs no import. Open it with: plugin-designer {shell_word(home)}"
    if path.is_file() and not zipfile.is_zipfile(path):
        home = package_around(path, path.parent)
        if home is not None:
            return (
                f"{source} is one file of the project {home}, not a ZIP: that project needs no import. "
                f"Open it with: plugin-designer {shell_word(home)}"
            )
    return None


def cmd_import(args: argparse.Namespace) -> int:
    from .core.archive import ImportRefused, import_zip
    from .core.checks import run_checks
    from .core.files import os_message
    from .core.model import load
    from .core.problems import Severity, printable
    from .core.wording import byte_size, counted

    refusal = _no_import_needed(args.source)
    if refusal is not None:
        return _refused(args, refusal)
    from .core.archive import import_target_refusal
    from .core.newproject import folder_name_refusal

    bad_name = folder_name_refusal(Path(args.output))  # (the Import dialog's rule; a folder in the way says more)
    if bad_name is not None and import_target_refusal(Path(args.output)) is None:
        return _refused(args, bad_name)
    try:
        result = import_zip(Path(args.source), Path(args.output))
    except ImportRefused as exc:
        # A refusal about what is inside names the entry, not the archive: say which ZIP, as check does.
        message = str(exc)
        if not message.startswith((str(Path(args.source)), str(Path(args.output)))):
            message = f"{args.source}: {message}"
        return _refused(args, message, exc.entry)
    except OSError as exc:  # the core words what it foresees; anything else still gets one line, not a traceback
        return _refused(args, os_message(exc))
    created: list[str] = []
    if result.missing and args.create_missing:
        from .core.fixes import create_missing_files

        created = create_missing_files(result.target, result.missing)
    pkg = load(result.target)
    problems = run_checks(pkg)
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = sum(p.severity is Severity.WARNING for p in problems)
    # (a ZIP without settings.json: the checks looked at the plugins on disk, as check says)
    on_disk, unread = plugins_on_disk(pkg)
    # (--create-missing made what it could: what a folder blocks is still missing.)
    missing = [m for m in result.missing if m in result.blocked] if args.create_missing else result.missing
    if args.json:
        out: dict[str, Any] = {
            "ok": True,
            "project": str(result.target),
            "webapp2": str(result.webapp2),
            "package": pkg.files.label,  # (the webapp2 folder as check names it)
            "files": result.files,
            "bytes": result.bytes,
            "layout": result.layout,
            "carried": result.carried,
            "missing": missing,
            "blocked": result.blocked,
            "created": created,
            "brandingID": result.branding_id,
            "removed_leftovers": result.leftovers,
            "kept_copy": str(result.kept_copy) if result.kept_copy is not None else None,
            # (names stored in a Windows code page: which one was chosen, on what ground, and the names)
            "legacy_names": {
                "code_page": result.legacy.code_page,
                "basis": result.legacy.basis,
                "names": list(result.legacy.names),
            }
            if result.legacy.names
            else None,
            # (entries named by their Unicode Path field whose stored name, which other tools use, is another)
            "differing_names": [{"name": name, "stored": stored} for name, stored in result.legacy.differing],
            # (macOS metadata left out: __MACOSX/, .DS_Store, AppleDouble ._name files)
            "skipped_metadata": list(result.skipped),
            # (check's summary: info too, ok, and plugins_found_on_disk while settings.json is unread)
            "summary": checks_summary(pkg, problems),
        }
        out["checks"] = out["summary"]  # (the name export and deploy give the same counts)
        print_json(out)
        return 0
    print(  # (printable: a downloaded ZIP's name with an ESC in it recoloured the terminal)
        f"Imported {printable(args.source)} into {printable(str(result.target))} ({counted(result.files, 'file')}, "
        f"{byte_size(result.bytes)}; {result.layout})."
    )
    if result.kept_copy is not None:
        print(result.kept_copy_note())
    if result.legacy.names:
        print("Note: " + result.legacy_names_note())
    if result.legacy.differing:
        print("Note: " + result.differing_names_note())
    for name in result.leftovers:
        print(f"Removed {name}: what an interrupted import had left in {result.target.parent}.")
    if result.skipped:
        print(result.skipped_note())
    if result.carried:
        print("Kept as they were, next to webapp2/: " + ", ".join(result.carried))
    if created:
        # (the fixes' titles, "Create settings.json", read as orders here: say what was done)
        made = [m for m in result.missing if m not in result.blocked]
        print(f"Created {' and '.join(f'webapp2/{m}' for m in made)}, which the ZIP did not have.")
    creatable = [m for m in missing if m not in result.blocked]
    if creatable:
        # (only when both are missing: with one of them there, "has neither" was not so)
        neither = " (a Management Node default download has neither)" if len(creatable) > 1 else ""
        print(
            f"Note: the ZIP has no {' and no '.join(creatable)}{neither}. "
            f"Run 'plugin-designer check --fix {shell_word(result.target)}' to create {'them' if len(creatable) > 1 else 'it'} "
            "(importing again with --create-missing does it too, but only into a new folder: this one now holds the "
            "project)."
        )
    for name in (m for m in missing if m in result.blocked):
        # check --fix and --create-missing cannot write the file over it: suggesting them sent the
        # user round in circles.
        print(
            f"Note: webapp2/{name} in the ZIP is {result.blocked[name]}, not a file, so the app will not use it "
            f"and no fix can create the file while it is there. Rename or remove {result.webapp2 / name}, then "
            f"run 'plugin-designer check --fix {shell_word(result.target)}' to create {name}."
        )
    # ("0 plugins: 2 errors" for a ZIP without settings.json, whose 3 plugins check then counts on disk)
    plugins = (
        f"{counted(on_disk, 'plugin')} found on disk (settings.json {unread})"
        if on_disk is not None
        else counted(len(pkg.plugins), "plugin")
    )
    print(
        f"{plugins}: {counted(errors, 'error')}, {counted(warnings, 'warning')}. "
        f"Open it with: plugin-designer {shell_word(result.target)}"
    )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .core.checks import problems_json
    from .core.export import BrandingIdRefused, ExportRefused, not_written_said, plan_export, write_export
    from .core.files import NotAPackageError, os_message
    from .core.model import load
    from .core.wording import counted

    try:
        pkg = load(Path(args.path))
        say_finished_write(pkg)
        cut_short = save_cut_short(pkg)
        if cut_short and not args.force:
            return _refused(args, f"{cut_short}. Nothing was exported (--force exports the files as they are)")
        if not pkg.files.writable:
            then = f"export {{}} -o {shell_word(args.output)}"
            return _refused(
                args,
                f"{args.path} is a ZIP, opened read-only: the export writes the new brandingID into the project. "
                + import_first(args.path, "export that", then),
            )
        plan = plan_export(pkg, args.branding_id)
    except (NotAPackageError, ExportRefused) as exc:
        if isinstance(exc, BrandingIdRefused):
            return _refused(args, exc.for_cli())
        return _refused(args, next_step(args.path, exc, f"export {{}} -o {shell_word(args.output)}"))
    except OSError as exc:  # a project file that cannot be read (permissions, vanished)
        return _refused(args, os_message(exc))
    out = Path(args.output)
    errors = problems_json(plan.pkg, plan.errors)  # (each as check --json gives it)
    if plan.errors and not args.force:
        if args.json:
            print_json(
                {
                    "ok": False,
                    "blocked": True,
                    "package": pkg.files.label,
                    "errors": errors,
                    "checks": checks_summary(plan.pkg, plan.problems),
                }
            )
        else:
            print_errors(pkg.files, plan.errors)
            print_err(
                f"Export blocked: {counted(len(plan.errors), 'error')} must be fixed first "
                "(or use --force to export anyway)."
            )
        return 1
    try:
        result = write_export(plan, out, force=args.force)
    except ExportRefused as exc:
        return _refused(args, str(exc))
    except OSError as exc:
        return _refused(args, not_written_said(exc, plan, out))
    checklist = plan.checklist(out.name)
    try:
        if args.json:
            print_json(
                {
                    "ok": True,
                    # As given (relative when given so), as the README says of every path; through a link,
                    # the file it names, which is what was written.
                    "output": str(result.path if out.is_symlink() else out),
                    "package": plan.pkg.files.label,  # (as check and a blocked export name it)
                    "sha256": result.sha256,
                    "size": result.size,
                    "files": len(plan.entries),
                    "brandingID": {"old": result.old_branding_id, "new": result.branding_id},
                    "written": result.written,
                    "forced_errors": errors,
                    "repaired": plan.repaired,
                    "skipped": plan.skipped,
                    "skip_reasons": plan.skip_reasons,
                    "baseline": plan.baseline,
                    "baseline_lost": plan.baseline_lost,
                    "summary": plan.summary(),  # (kept for the scripts that read it: changes_summary)
                    "changes_summary": plan.summary(),
                    # As check --json counts them in its summary (the export's checks: without PD213,
                    # the brandingID it replaces; repaired lists what the export itself mends).
                    "checks": checks_summary(plan.pkg, plan.problems),
                    "changes": [c.to_json() for c in plan.listed_changes()],
                    "nothing_but_branding_id": plan.nothing_but_branding_id,
                    "checklist": checklist,
                    "upload_by_script": plan.upload_by_script(out.name),
                }
            )
        else:
            _print_export(args, plan, result, checklist)
    except BrokenPipeError:
        # The ZIP is written, whatever the reader of the report does: `export --diff | head` ends
        # with 0 as the export did (the command line's own catch said 1, "blocked").
        quiet_stdout()
    return 0


def _print_export(args: argparse.Namespace, plan: ExportPlan, result: ExportResult, checklist: list[str]) -> None:
    """The report of a written export: the ZIP, the brandingID, what changed since the last one
    (with --diff the line diffs, cut as the Export pane cuts them unless --full-diff) and the
    upload checklist."""
    from .cli import _display_base, problem_place
    from .core.export import diff_lines_shown, shown_change_name
    from .core.problems import printable
    from .core.wording import byte_size, counted

    out = Path(args.output)
    base = _display_base(plan.pkg.files)  # problems name files as check does: a path one can open from here
    for p in plan.errors:
        print_err(printable(f"warning: exported despite {problem_place(base, p)}: {p.code} {p.message}"))
    print(
        f"Exported {printable(str(out))} ({counted(len(plan.entries), 'file')}, {byte_size(result.size)}, "
        f"sha256 {result.sha256})."
    )
    print(
        f"brandingID: {result.old_branding_id if result.old_branding_id is not None else '(none)'} -> {result.branding_id}"
    )
    for note in plan.repaired:
        print(f"fixed on export: {note}")
    if result.written:
        print("Updated in the project: " + ", ".join(result.written))
    if plan.skipped:
        print(f"Left out (hidden, backups, links, system clutter, unusable names): {len(plan.skipped)}")
        for name in plan.skipped:
            print(f"  left out {shown_change_name(name)}: {plan.skip_reasons.get(name, 'not exported')}")
    print(plan.summary())
    whole = args.full_diff
    # A first export (no baseline) lists every file as added, as the Export pane does, and --diff
    # gives each its text as any added file's, cut alike: it printed no diff at all, while a later
    # export's --diff gave its added files' (and --json each one's, whole).
    for c in plan.listed_changes():
        # As the Export pane lists them: the upload number marked as such, the rest in words too.
        only_id = c.only_branding_id
        said = "  (only the new brandingID)" if only_id else f"  {c.size_note}" if c.size_note else ""
        print(printable(f"  {c.status:8} {c.shown}{said}"))
        if not only_id:
            for line in c.summary + c.notes:
                print(printable(f"      {line}"))
        if (args.diff or whole) and c.diff:
            lines = (
                c.diff.rstrip("\n").split("\n") if whole else diff_lines_shown(c.diff, "--full-diff prints them all")
            )
            for line in lines:
                print("    " + _terminal_line(line))
    print("Upload checklist:")
    for i, line in enumerate(checklist, 1):
        print(printable(f"  {i}. {line}"))  # (the steps name the ZIP: its name as the line above says it)
    print(printable(f"  ({plan.upload_by_script(out.name)})"))


def _terminal_line(line: str) -> str:
    """One line of a diff fit for a terminal: its tabs kept (a diff of tab-indented code reads so),
    its line end's CR dropped, every other character that is not printable written as its escape.

    Why: the diff was printed as the files hold it, so an ESC sequence in a source cleared or
    retitled the terminal of whoever ran ``export --diff``.
    """
    from .core.problems import printable

    return "\t".join(printable(part) for part in line.removesuffix("\r").split("\t"))
