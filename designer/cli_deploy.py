"""``plugin-designer deploy``: export with a new brandingID and upload to a Management Node.

Kept apart from ``cli.py`` so ``check`` does not pay for importing httpx. The password comes from
the OS keyring (remembered with ``--remember``), else ``PLUGIN_DESIGNER_PASSWORD``, else a
hidden prompt when a terminal is attached; otherwise exit 2. Exit codes: 0 deployed (also when the
ZIP or the project could not be written afterwards: a warning, as check's warnings are), 1 the node
refused or could not be reached, 2 unusable input or no password.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from .cli import (
    checks_summary,
    import_first,
    next_step,
    not_utf8_option,
    print_err,
    print_errors,
    print_json,
    save_cut_short,
    say_finished_write,
    shell_word,
)
from .core.problems import printable

__all__ = ["add_arguments", "cmd_deploy"]


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Export the project (new brandingID) and upload it to a Pexip Management Node as a web app "
        "customization; one with the same name is replaced."
    )
    p.epilog = (
        "The password comes from the system keyring, else PLUGIN_DESIGNER_PASSWORD, else a prompt in a terminal.\n\n"
        "exit codes:\n"
        "  0  uploaded (a ZIP or project that could not be written afterwards is a warning)\n"
        "  1  the package has errors, or the node refused the upload or could not be reached\n"
        "  2  unusable input, or no password\n\n"
        "examples:\n"
        "  plugin-designer deploy my-branding --node https://mgr.example.com\n"
        "  PLUGIN_DESIGNER_PASSWORD=... plugin-designer deploy my-branding --node https://mgr.example.com --json"
    )
    p.add_argument("path", metavar="PATH", help="project folder or webapp2 folder")
    p.add_argument(
        "--node", required=True, metavar="URL", help="the Management Node, e.g. https://mgr.example.com[:port]"
    )
    p.add_argument("--name", default=None, help="customization name (default: the last one used, else the folder name)")
    p.add_argument("--description", default=None, metavar="TEXT", help="customization description")
    p.add_argument("--set-default", action="store_true", help="make it the default web app customization")
    p.add_argument(
        "--user", default=None, help="Management Node administrator (default: the last one used, else admin)"
    )
    p.add_argument(
        "--ca-bundle",
        default=None,
        metavar="FILE",
        help="PEM file of the CA that signed the node's certificate (remembered for this node; '' lets it go)",
    )
    p.add_argument(
        "--insecure",
        action="store_true",
        help="UNSAFE: do not verify the node's certificate (test labs only; never remembered)",
    )
    p.add_argument("--remember", action="store_true", help="store the password in the system keyring")
    p.add_argument(
        "-o",
        "--output",
        default=None,
        metavar="ZIP",
        help="where to write the exported ZIP (default: where the last export went, else PROJECT-branding.zip next "
        "to the project folder; an earlier ZIP there is replaced)",
    )
    p.add_argument(
        "--timeout",
        type=_seconds,
        default=30.0,
        metavar="SECONDS",
        help="seconds to wait for the node (default: %(default)s)",
    )
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=cmd_deploy, refuse=lambda args, message: _fail(args, message, 2))


def _seconds(text: str) -> float:
    """``--timeout`` as a number of seconds above 0 (argparse ``type``): 'nan' or '-1' reached the
    network code, which stopped with a traceback."""
    import argparse
    import math

    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds above 0, e.g. 30")
    return value


def _password_given(node: str, user: str, why: str = "") -> tuple[str | None, str]:
    """The password given for this run (``PLUGIN_DESIGNER_PASSWORD``, else asked in a terminal,
    ``why`` said first; "" when nothing was typed, None when it cannot be asked) and where it came
    from: ``env`` or ``prompt``. Ctrl-C at the prompt stops the command, as anywhere else."""
    from .core.deploy import password_from_env

    password = password_from_env()
    if password is not None:
        return password, "env"
    if not _terminal():
        return None, "prompt"
    try:
        return getpass.getpass(f"{why}Password for {user} on {node}: "), "prompt"
    except EOFError:  # (Ctrl-D)
        return "", "prompt"


def _terminal() -> bool:
    """Whether a password can be asked: a terminal on standard input (None: started with it closed, 0<&-)."""
    return sys.stdin is not None and sys.stdin.isatty()


def _password_after(exc: Exception, source: str, tries_left: int, node: str, user: str) -> tuple[str, str] | None:
    """The password to try after ``exc`` (and where it came from), or None to give up: after a
    refused one from the keyring, the one given for this run; after one typed at the prompt, typed again."""
    if getattr(exc, "kind", "") != "auth" or not tries_left or source == "env":
        return None
    if source == "prompt":
        print_err(printable(f"plugin-designer: {exc}"))
    why = "The password in the system keyring was refused. " if source == "keyring" else "Try again. "
    given, came_from = _password_given(node, user, why)
    return (given, came_from) if given else None


def _fail(args: argparse.Namespace, message: str, code: int, extra: dict[str, Any] | None = None) -> int:
    if args.json:
        print_json({"ok": False, "error": message, **(extra or {})})
    else:
        print_err(printable(f"plugin-designer: {message}"))
    return code


def cmd_deploy(args: argparse.Namespace) -> int:
    from .core.checks import problems_json
    from .core.deploy import (
        CancelToken,
        DeployError,
        DeployInterrupted,
        DeployTarget,
        deploy,
        keyring_lookup,
        normalize_node,
        password_from_env,
        prepare,
        remember_password,
        remembered_settings,
    )
    from .core.files import NotAPackageError, said_as_given
    from .core.model import load
    from .core.zipnames import project_name, readable

    not_utf8 = not_utf8_option([("--name", args.name), ("--description", args.description), ("--user", args.user)])
    if not_utf8 is not None:
        return _fail(args, not_utf8, 2)
    # Given empty (`--name "$NAME"`, NAME unset in a script): it was taken as not given, and the
    # deploy replaced the customization remembered from the last one.
    for option, value, what in (("--name", args.name, "the customization's name"), ("--user", args.user, "a user")):
        if value is not None and not value.strip():
            return _fail(args, f"{option} is empty: give {what}, or leave {option} out for the one used last.", 2)
    try:
        pkg = load(Path(args.path))
        say_finished_write(pkg)
        cut_short = save_cut_short(pkg)
        if cut_short:
            return _fail(args, f"{cut_short}. Nothing was exported or uploaded", 2)
        node = normalize_node(args.node)
    except NotAPackageError as exc:
        return _fail(args, next_step(args.path, exc, "deploy {} --node " + shell_word(args.node)), 2)
    except DeployError as exc:
        return _fail(args, str(exc), 2)
    project = getattr(pkg.files, "project", None)
    if project is None:
        message = f"{args.path} is a ZIP, opened read-only: a deploy writes the new brandingID into the project. "
        return _fail(
            args, message + import_first(args.path, "deploy that", f"deploy {{}} --node {shell_word(args.node)}"), 2
        )
    memory = remembered_settings(project)
    user = args.user or memory.get("user") or "admin"
    # (a folder named in Latin-1, b"m\xf8te": its byte cannot go to the node, a stand-in does)
    name = args.name or memory.get("name") or readable(project_name(project))
    # (None: the node's customization keeps its own, else there is none). The one remembered is
    # that customization's only: sent with --name Other, it overwrote the description Other had.
    description = args.description
    if description is None and memory.get("node") == node and memory.get("name") == name:
        description = memory.get("description")
    # ("" given: the system's certificates, the one remembered let go; it fell back to that one)
    remembered_ca = memory.get("ca_bundle") if args.ca_bundle is None and memory.get("node") == node else None
    ca_bundle = args.ca_bundle or remembered_ca
    if remembered_ca and not Path(remembered_ca).expanduser().is_file():
        # (said as remembered: 'The CA bundle … does not exist' named a file the user had not given)
        return _fail(
            args,
            f"The CA bundle {remembered_ca}, remembered from the last deploy to {node}, is no longer there: give "
            "its new place with --ca-bundle FILE, or --ca-bundle '' to trust the system's certificates.",
            2,
        )
    out = Path(args.output) if args.output else None

    def failed(exc: DeployError) -> int:
        """Say why the deploy failed (or was refused, or blocked by the package's errors); its exit code."""
        code = 2 if exc.kind in ("refused",) else 1
        extra: dict[str, Any] = {"kind": exc.kind, "field_errors": exc.field_errors}
        if exc.plan is not None:  # (blocked, or failed at the node: counted as export --json counts them)
            extra["checks"] = checks_summary(exc.plan.pkg, exc.plan.problems)
        if exc.problems:
            # Listed as check and export list them (a file to open from here, one a line; in JSON
            # as check gives them): the message alone named five, relative to webapp2/.
            if args.json:
                extra |= {"package": pkg.files.label, "errors": problems_json(pkg, exc.problems)}
            else:
                from .core.wording import counted

                print_errors(pkg.files, exc.problems)
                return _fail(args, f"Not deployed: {counted(len(exc.problems), 'error')} must be fixed first.", code)
        message = str(exc)
        if exc.kind == "tls" and remembered_ca:  # (used unsaid: "give its CA bundle" read as if none had been)
            message += (
                f" The CA bundle remembered for this node, {remembered_ca}, was used: give another with --ca-bundle "
                "FILE, or --ca-bundle '' to trust the system's certificates."
            )
        return _fail(args, message, code, extra)

    password, why = keyring_lookup(node, user)
    source = "keyring"
    if password is None:
        if password_from_env() is None and _terminal():
            # Checked before the password is asked: a package with errors (or a ZIP that could not
            # be written) was said once it was typed, and it was typed again after the fix.
            try:
                prepare(pkg, out=out)
            except DeployError as exc:
                return failed(exc)
        password, source = _password_given(node, user)
        if password == "":  # (asked, and nothing typed: "run the command in a terminal to be asked" it was)
            return _fail(args, f"No password was typed for {user} on {node}.", 2)
        if not password:
            if why:  # ("store it once with --remember": it was, and the keyring is locked)
                message = f"{why}. Set PLUGIN_DESIGNER_PASSWORD, or run the command in a terminal to be asked."
            else:
                message = (
                    "set PLUGIN_DESIGNER_PASSWORD, run the command in a terminal to be asked, or store it once with "
                    "--remember."
                )
            return _fail(args, f"No password for {user} on {node}: {message}", 2)
    if args.insecure:
        print(
            "WARNING: --insecure: the Management Node's certificate will NOT be verified. Anyone on the network "
            "path could read the password. Use this only in a test lab.",
            file=sys.stderr,
        )
    target = DeployTarget(
        node=node,
        user=user,
        name=name,
        description=description,
        set_default=args.set_default,
        ca_bundle=ca_bundle,
        insecure=args.insecure,
        timeout=args.timeout,
    )
    shown = [-1]
    bar_open = [False]  # the bar's line not ended: what is printed next must start a line of its own

    def progress(sent: int, total: int) -> None:
        if args.json or not sys.stderr.isatty() or total <= 0:
            return
        pct = sent * 100 // total
        if pct != shown[0]:
            shown[0] = pct
            bar_open[0] = sent < total
            print(f"\rUploading… {pct:3d}%", end="" if sent < total else "\n", file=sys.stderr, flush=True)

    def end_bar() -> None:
        """End the bar's line (a replace's stops at 50% between its two uploads): a 'trying again'
        or a failure was printed on it, 'Uploading…  50%plugin-designer: …'."""
        if bar_open[0]:
            bar_open[0] = False
            print(file=sys.stderr, flush=True)

    def waiting(text: str) -> None:  # (a silent node: three timeouts are a minute and a half)
        if not args.json:
            end_bar()
            print_err(printable(text))

    token = CancelToken()  # (never cancelled: it says whether Ctrl-C came once the node was being changed)
    notes: list[str] = []
    try:
        for tries_left in (2, 1, 0):
            try:
                result = deploy(pkg, target, password, out=out, progress=progress, waiting=waiting, cancel=token)
                break
            except DeployError as exc:
                # A refused sign-in changed nothing: the password given next is tried (the keyring's
                # one changed on the node since it was remembered, or one mistyped at the prompt).
                given = _password_after(exc, source, tries_left, node, user)
                if given is None or (source == "keyring" and given[0] == password):
                    if source == "env" and exc.kind == "auth":  # (a stale CI secret or export: said where from)
                        raise DeployError(
                            f"{exc} The password came from PLUGIN_DESIGNER_PASSWORD: set it to the right one, or "
                            "unset it to be asked in a terminal.",
                            exc.kind,
                        ) from None
                    if source == "keyring" and exc.kind == "auth":
                        raise DeployError(
                            f"{exc} The password stored in the system keyring for {user} was refused: give the new "
                            "one with PLUGIN_DESIGNER_PASSWORD (or in a terminal) and --remember to store it instead.",
                            exc.kind,
                        ) from None
                    raise
                if source == "keyring" and not args.remember:
                    notes.append(
                        f"The system keyring still holds the old password for {user} on {node}, which was refused: "
                        "add --remember to store the new one."
                    )
                password, source = given
    except KeyboardInterrupt as exc:
        end_bar()
        if isinstance(exc, DeployInterrupted):  # (what it uploaded removed on the way out, or why not)
            print_err(printable(f"plugin-designer: {exc.said}"))
        elif token.replacing:  # (main says "stopped (Ctrl-C)" and ends as interrupted)
            print_err(
                printable(
                    f"plugin-designer: the customization '{name}' on {node} was being changed: an old one of that "
                    "name may be already removed and the new one not uploaded; run the deploy again."
                )
            )
        elif token.committed or token.staging:  # (the old one, if any, still live: a copy beside it may be there)
            print_err(
                printable(
                    f"plugin-designer: the package was being uploaded to {node}, and may be there (as '{name}', or "
                    f"beside the customization '{name}' as '{name} (deploying …)'); run the deploy again."
                )
            )
        raise
    except DeployError as exc:
        end_bar()
        return failed(exc)
    notes = list(result.warnings) + notes
    if args.remember and source != "keyring":
        problem = remember_password(node, user, password)
        notes.append(problem or f"The password for {user} on {node} is now stored in the system keyring.")
    # The ZIP named as the user typed its place (-o, else the project whose folder it lies beside),
    # as every command names paths: it was the whole resolved path, one they never typed.
    written = result.export  # (None: live on the node, the ZIP and the project not written: in the notes)
    shown = said_as_given(written.path, Path(args.output if args.output else args.path)) if written else None
    if args.json:
        doc = result.to_json()  # (its "zip" stays the whole path, for the scripts that read it)
        doc["output"] = str(shown) if shown else None
        doc["warnings"] = notes
        # (as check --json counts them in its summary, and export --json under the same name; also with
        # the ZIP not written: `checks: null` stopped a script reading `checks.errors`)
        plan = result.plan
        doc["checks"] = checks_summary(plan.pkg, plan.problems) if plan else None
        print_json(doc)
        return 0
    # (escaped as every command prints what it quotes: an ESC in the name recoloured the terminal)
    verb = "Replaced" if result.replaced else "Created"
    print(printable(f"{verb} the web app customization '{result.name}' on {result.node}."))
    print(printable(f"Resource: {result.resource_uri}"))
    print(
        f"brandingID now live: {result.branding_id} (was {result.old_branding_id if result.old_branding_id is not None else 'none'})"
    )
    if shown is not None:
        print(printable(f"Exported ZIP kept at {shown} ({result.size:,} bytes)."))
    for note in notes:
        print_err(printable(note))
    return 0
