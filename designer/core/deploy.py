"""Deploy: export the package (new brandingID) and upload it to a Pexip Management Node.

Why here, Qt-free: the ``deploy`` command and the GUI's Deploy dialog run exactly this code.

The upload uses the node's configuration REST API: a multipart ``POST`` to
``/api/admin/configuration/v1/webapp_branding/`` with ``name``, ``description``, ``uuid``,
``webapp_type`` = ``webapp2``, ``is_default`` and ``branding_file``.

Replacing a customization with the same name: the list endpoint is asked for that name (GET
``?name=``); when one exists the new package is first posted under a name of its own, then the
old one is deleted, the new package posted (with a uuid of its own: a deploy knows its upload by it)
under the real name, and the first copy deleted (see :func:`_replace`). Why not PATCH/PUT: the branding file can only be sent
as a multipart upload, which the API documents for POST only (PATCH/PUT take JSON bodies without
files), and names are unique, so the old one must go before the new one takes its name. Uploaded
first, a package the node refuses leaves the old one live; a failure after the DELETE leaves the
new package on the node under the first name, both said in plain words.

The project only changes after a successful upload: the ZIP is built in memory, uploaded, and
only then written next to the project (``write_export``), with the resource URI and the live
brandingID remembered in the project state under ``deploy``. A failed deploy leaves every
project file as it was.

Credentials: the password is never stored by this module except in the OS keyring when the
caller asks (:func:`remember_password`); every error message is passed through
:func:`redact` so neither the password nor the Basic-auth header value can leak into a log.
"""

from __future__ import annotations

import base64
import html
import os
import re
import secrets
import ssl
import time
import urllib.parse
import uuid as uuidlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from .archive import zip_bytes
from .export import ExportPlan, ExportRefused, ExportResult, check_output_path, plan_export, write_export
from .files import DirFiles, os_message
from .model import BrandingPackage, load
from .problems import Problem, printable
from .state import load_state, state_dir, update_state
from .wording import byte_size, counted

__all__ = [
    "CancelToken",
    "API_PATH",
    "KEYRING_SERVICE",
    "DeployError",
    "DeployInterrupted",
    "DeployResult",
    "DeployTarget",
    "deploy",
    "forget_password",
    "keyring_missing",
    "keyring_lookup",
    "default_zip_path",
    "normalize_node",
    "prepare",
    "password_from_env",
    "recall_password",
    "redact",
    "remember_password",
    "remembered_settings",
]

API_PATH = "/api/admin/configuration/v1/webapp_branding/"
KEYRING_SERVICE = "plugin-designer"
CHUNK = 64 * 1024
MAX_ATTEMPTS = 3  # bounded: one try and two retries on 5xx or connection errors
BACKOFF = 1.0  # seconds before the first retry; doubled each time, capped at MAX_BACKOFF
MAX_BACKOFF = 8.0
UNDO_TIMEOUT = 5.0  # seconds in all for the requests removing an upload on the way out of a Ctrl-C

Progress = Callable[[int, int], None]  # (bytes sent, total bytes)
Waiting = Callable[[str], None]  # a sentence: what the deploy waits for while it tries again


class DeployError(Exception):
    """The deploy failed; ``str(exc)`` is a plain-language, credential-free message.

    ``kind`` names the failure for callers (``auth``, ``forbidden``, ``invalid``, ``too-large``, ``tls``,
    ``unreachable``, ``timeout``, ``server``, ``blocked``, ``refused``, ``http``, ``conflict``: another
    deploy of the same name overtook this one);
    ``field_errors`` holds the server's per-field messages for a 400; ``problems`` the errors that
    blocked it (``blocked``), for a caller to list as ``check`` does: the message names five;
    ``found`` what a failed upload's lookup found on the node under its name (None: nothing, or
    no answer), for its caller to read rather than ask the node again; ``left_on_node`` whether a
    cancelled deploy may have left its upload on the node (to delete there, or stored late), for the
    dialog to say it as a warning, not as a cancel that left nothing; ``plan`` the export checked
    before it was blocked or the node failed (None: refused before), for ``deploy --json``'s checks.
    """

    def __init__(
        self,
        message: str,
        kind: str,
        field_errors: dict[str, list[str]] | None = None,
        problems: list[Problem] | None = None,
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.field_errors = field_errors or {}
        self.problems = problems or []
        self.found: dict[str, Any] | None = None
        self.left_on_node = False
        self.plan: ExportPlan | None = None


class DeployInterrupted(KeyboardInterrupt):
    """Ctrl-C stopped the deploy while it uploaded the package; ``said``: what the node is left
    with, the upload removed on the way out (or why it could not be)."""

    def __init__(self, said: str) -> None:
        super().__init__(said)
        self.said = said


@dataclass
class DeployTarget:
    node: str  # https://host[:port]
    user: str
    name: str
    description: str | None = ""  # None: the one the node's customization of that name has (else none)
    set_default: bool = False
    ca_bundle: str | None = None
    insecure: bool = False  # never remembered
    timeout: float = 30.0


@dataclass
class DeployResult:
    node: str
    name: str
    uuid: str
    resource_uri: str
    branding_id: Any
    old_branding_id: Any
    replaced: bool
    size: int
    export: ExportResult | None  # None: live on the node, but the ZIP and the project not written (in warnings)
    warnings: list[str] = field(default_factory=list)
    # What was uploaded, checked: there also when ``export`` is None (a script reads its checks after each deploy)
    plan: ExportPlan | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": True,
            "node": self.node,
            "name": self.name,
            "uuid": self.uuid,
            "resource_uri": self.resource_uri,
            "brandingID": {"old": self.old_branding_id, "new": self.branding_id},
            "replaced": self.replaced,
            "size": self.size,
            "zip": str(self.export.path) if self.export is not None else None,
            "sha256": self.export.sha256 if self.export is not None else None,
            "warnings": self.warnings,
        }


# -- credentials -------------------------------------------------------------------------------
def redact(text: str, secret: str | None, user: str | None = None, keep: tuple[str, ...] = ()) -> str:
    """``text`` with the password (plain, URL-quoted) and the Basic-auth token replaced by ``***``;
    the strings of ``keep`` (the node's address, typed by the user) stay whole, unless the password
    holds one of them.

    Why ``keep``: a password whose letters are in the node's address ("pexip", pexip.example.com)
    made "Cannot reach the Management Node at https://***.example.com", the one thing to check.
    """
    if not secret:
        return text
    kept = sorted({k for k in keep if k and k not in secret}, key=len, reverse=True)
    if kept:
        parts = re.split("(" + "|".join(re.escape(k) for k in kept) + ")", text)
        return "".join(part if i % 2 else redact(part, secret, user) for i, part in enumerate(parts))
    variants = {secret, urllib.parse.quote(secret, safe=""), urllib.parse.quote_plus(secret)}
    if user is not None:
        variants.add(base64.b64encode(f"{user}:{secret}".encode()).decode("ascii"))
    for v in sorted(variants, key=len, reverse=True):
        if v:
            text = text.replace(v, "***")
    return text


def _keyring_key(node: str) -> str:
    return f"{KEYRING_SERVICE}:{normalize_node(node)}"


def recall_password(node: str, user: str) -> str | None:
    """The password remembered in the OS keyring for ``user`` on ``node``, if any (never raises)."""
    return keyring_lookup(node, user)[0]


def keyring_lookup(node: str, user: str) -> tuple[str | None, str | None]:
    """(the password remembered for ``user`` on ``node`` or None, why the keyring could not be asked
    — locked, none on this computer — or None); never raises. Why the reason: with no password
    found, "store it once with --remember" was said to a user who had, the keyring locked. One
    question for both: a second one could ask the user to unlock the keyring a second time."""
    try:
        import keyring

        return keyring.get_password(_keyring_key(node), user), None
    except Exception as exc:  # noqa: BLE001 - whatever it is, it is the reason (no usable keyring)
        return None, "the system keyring is locked" if type(exc).__name__ == "KeyringLocked" else _keyring_problem(exc)


def remember_password(node: str, user: str, password: str) -> str | None:
    """Store the password in the OS keyring; return None, or why it could not be stored."""
    try:
        import keyring

        keyring.set_password(_keyring_key(node), user, password)
    except Exception as exc:
        return redact(f"The password was not stored: {_keyring_problem(exc)}.", password) + (
            " It is needed again next time (the command line also reads PLUGIN_DESIGNER_PASSWORD)."
        )
    return None


_NO_KEYRING = "this computer has no system keyring (on Linux, GNOME Keyring or KWallet provides one)"


def keyring_missing() -> str | None:
    """Why no password can be remembered on this computer (no keyring at all), or None.

    Why asked before: the dialog offered "Remember the password", and only after the deploy said
    it could not be stored.
    """
    try:
        import keyring

        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - a broken keyring package is no keyring either
        return _NO_KEYRING
    if type(backend).__module__ == "keyring.backends.fail" or getattr(backend, "backends", None) == []:
        return _NO_KEYRING  # (the "fail" backend, or a chain of none)
    return None


def _keyring_problem(exc: Exception) -> str:
    """Why the keyring refused, in words: it said only its exception's class ("NoKeyringError")."""
    name = type(exc).__name__
    if name == "NoKeyringError":
        return _NO_KEYRING
    if name == "KeyringLocked":
        return "the system keyring is locked; unlock it and deploy again to store it"
    return f"the system keyring refused it ({name})"


def forget_password(node: str, user: str) -> None:
    try:
        import keyring

        keyring.delete_password(_keyring_key(node), user)
    except Exception:
        pass


# -- addresses and TLS -------------------------------------------------------------------------
def normalize_node(node: str) -> str:
    """``https://host[:port]`` from what the user typed (a bare host gets ``https://``)."""
    text = (node or "").strip()
    if not text:
        raise DeployError("Give the address of the Management Node, e.g. https://mgr.example.com.", "refused")
    if "://" not in text:
        text = "https://" + text
    try:
        parts = urllib.parse.urlsplit(text)
    except ValueError:  # an unclosed [ of an IPv6 address: Python's own words were a traceback
        raise DeployError(
            f"'{printable(text)}' is not a web address; give the Management Node as https://host or https://host:port "
            "(an IPv6 address in brackets: https://[2001:db8::1])",
            "refused",
        ) from None
    if parts.scheme.lower() != "https":
        raise DeployError(
            f"Use an https:// address for the Management Node, not {parts.scheme}://: "
            "the password must not travel unencrypted.",
            "refused",
        )
    if not parts.hostname or parts.username or parts.password:
        raise DeployError("The Management Node address must look like https://host or https://host:port.", "refused")
    try:
        port = parts.port
    except ValueError:
        port = 0
    if port == 0:  # (":0" was dropped, and the deploy went to port 443 instead)
        raise DeployError("The port in the Management Node address must be a number from 1 to 65535.", "refused")
    host = parts.hostname
    # A space (or a tab, which urlsplit drops unsaid), a control character (pasted with a terminal's
    # colours) or a sign no host name holds: it was taken, and the deploy exported, then "could not
    # reach" a host that cannot exist.
    if re.search(r"[\s\x00-\x1f\x7f]", text) or re.search(r"[<>\"{}|\\^`]", host):
        raise DeployError(
            f"'{printable(text)}' holds a space, a control character or a sign no host name has; give the "
            "Management Node as https://host or https://host:port.",
            "refused",
        )
    if ":" in host:
        host = f"[{host}]"
    return f"https://{host}" + (f":{port}" if port and port != 443 else "")


def ssl_context(ca_bundle: str | None = None, insecure: bool = False) -> ssl.SSLContext:
    """Verification on: the system's trust store plus certifi, plus ``ca_bundle`` when given."""
    ctx = ssl.create_default_context()
    if insecure:
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        return ctx
    try:
        import certifi

        ctx.load_verify_locations(cafile=certifi.where())
    except (ImportError, OSError, ssl.SSLError):
        pass
    if ca_bundle:
        path = Path(ca_bundle).expanduser()
        if not path.is_file():
            raise DeployError(f"The CA bundle {path} does not exist or is not a file.", "refused")
        try:
            ctx.load_verify_locations(cafile=str(path))
        except (OSError, ssl.SSLError):
            raise DeployError(f"{path} is not a PEM file of CA certificates.", "refused") from None
    return ctx


_CERT_PROBLEMS = {
    "self-signed certificate": "the node's certificate is self-signed",
    "self signed certificate": "the node's certificate is self-signed",
    "self-signed certificate in certificate chain": "the node's certificate chain ends in a self-signed CA this computer does not trust",
    "self signed certificate in certificate chain": "the node's certificate chain ends in a self-signed CA this computer does not trust",
    "unable to get local issuer certificate": "the node's certificate was issued by an authority this computer does not trust",
    "certificate has expired": "the node's certificate has expired",
    "certificate is not yet valid": "the node's certificate is not valid yet (check the clock)",
}


def _plain_http(exc: BaseException) -> bool:
    """Whether the TLS handshake failed because the server answered in plain HTTP (a wrong port).

    Why: it was said as a certificate problem, "give its CA bundle", which could not help.
    """
    first = _first_ssl_error(exc)
    return first is not None and first.reason in ("WRONG_VERSION_NUMBER", "HTTP_REQUEST")


def _first_ssl_error(exc: BaseException) -> ssl.SSLError | None:
    """The ssl error behind ``exc`` (httpx wraps it once or twice), if one is."""
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        if isinstance(cur, ssl.SSLError):
            return cur
        cur = cur.__cause__ or cur.__context__
    return None


def _tls_problem(exc: BaseException) -> str | None:
    cur = _first_ssl_error(exc)
    if isinstance(cur, ssl.SSLCertVerificationError):
        msg = (cur.verify_message or str(cur)).strip()
        low = msg.lower()
        if "hostname mismatch" in low or "ip address mismatch" in low or "doesn't match" in low:
            return f"the node's certificate was issued for another name ({msg})"
        return _CERT_PROBLEMS.get(low, f"the node's certificate was refused ({msg})")
    if cur is not None:
        return f"the secure connection failed ({cur.reason or cur})"
    text = str(exc)
    if "CERTIFICATE_VERIFY_FAILED" in text or "certificate verify failed" in text:
        return "the node's certificate was refused"
    return None


# -- the multipart body ------------------------------------------------------------------------
def multipart_body(fields: dict[str, str], filename: str, data: bytes) -> tuple[str, bytes]:
    """``(content type, body)`` of a multipart/form-data upload: the fields, then ``branding_file``."""
    boundary = "----plugin-designer-" + secrets.token_hex(12)
    out = bytearray()
    for key, value in fields.items():
        out += f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n'.encode()
        out += value.encode("utf-8") + b"\r\n"
    safe = filename.replace('"', "").replace("\r", "").replace("\n", "")
    # A byte of a folder's name that is not UTF-8 (b"m\xf8te-branding.zip", from a Latin-1 share)
    # cannot be written as UTF-8 text: it raised UnicodeEncodeError after the export. A stand-in
    # character goes up instead (the node keeps the name for people to read, nothing more).
    from .zipnames import readable

    safe = readable(safe)
    out += (
        f'--{boundary}\r\nContent-Disposition: form-data; name="branding_file"; filename="{safe}"\r\n'
        "Content-Type: application/zip\r\n\r\n"
    ).encode()
    out += data + f"\r\n--{boundary}--\r\n".encode()
    return f"multipart/form-data; boundary={boundary}", bytes(out)


def _chunks(body: bytes, progress: Progress | None) -> Iterator[bytes]:
    total = len(body)
    if progress:
        progress(0, total)
    for start in range(0, total, CHUNK):
        piece = body[start : start + CHUNK]
        yield piece
        if progress:
            progress(min(start + CHUNK, total), total)


def _stoppable(chunks: Iterator[bytes], cancel: CancelToken | None) -> Iterator[bytes]:
    """``chunks``, stopped before the next one once ``cancel`` is cancelled (the node then never
    gets the whole package, so cannot keep it)."""
    for piece in chunks:
        if cancel is not None and cancel.cancelled:
            raise DeployError("Deploy cancelled.", "cancelled")
        yield piece
    if cancel is not None:
        cancel.unanswered = True  # (all sent: the node may store it, answered or not)


# -- talking to the node -----------------------------------------------------------------------
class CancelToken:
    """Lets another thread stop a deploy until the node's customization is about to change.

    Why only until then: once the old customization is being removed, stopping half-way would
    leave the node without one. Before that point (looking the name up, retries, back-off) a
    cancel closes the connection at once and the deploy ends with nothing changed anywhere.
    While the package is uploaded (``staging``: a replace's copy beside the old one, or a name new
    to the node) a cancel is let through too: the upload stops before its next chunk (or the
    node's answer is awaited, the package all sent), and the deploy removes it if the node kept
    it. Why: Cancel was refused there as too late, though the old one was live, untouched.
    """

    def __init__(self) -> None:
        import _thread

        self.cancelled = False
        self.committed = False  # past the point of no return (the package is up: the swap under way)
        self.replacing = False  # (committed) an old customization of that name is being replaced
        self.staging = False  # the package is being uploaded: a cancel stops it and removes it
        self.upload: _Copy | None = None  # (staging) what is uploaded: its uuid and name, to remove
        self.unanswered = False  # (staging) the upload all sent, the node's answer not come (yet)
        self.budget: float | None = None  # seconds a cancel may take (the node's timeout: set by deploy)
        self.deadline: float | None = None  # (cancelled) when the deploy stops waiting for the node
        self._closers: list[Callable[[], None]] = []
        self._lock = _thread.allocate_lock()  # cancel and commit decide once, in one order

    def cancel(self) -> bool:
        """Stop the deploy; False when it is too late (the node is being changed)."""
        with self._lock:
            if self.committed:
                return False
            again, self.cancelled = self.cancelled, True
            if not again and self.budget is not None:
                # One timeout in all: each request of the clean-up waited a whole one again, and
                # Cancel sat on "Cancelling…" for minutes with a silent node (see _Node.request).
                self.deadline = time.monotonic() + self.budget
            if self.staging or again:  # (the deploy stops itself, and removes the copy it uploaded)
                return True
        for close in self._closers:
            try:
                close()
            except Exception:  # noqa: BLE001 - closing a connection mid-request may complain
                pass
        return True

    def stage(self) -> None:
        """Called before the package is uploaded (a new name, a replace's copy): raises when cancelled,
        else a cancel from here is left to the deploy to carry out (see the class)."""
        with self._lock:
            if not self.cancelled:
                self.staging = True
                return
        raise DeployError("Deploy cancelled: nothing was changed on the node or in the project.", "cancelled")

    def commit(self, replacing: bool = False) -> None:
        """Called once the package is on the node (under a name new to it, or as a replace's copy:
        ``replacing``, the old one removed next): raises when cancelled, else no way back."""
        with self._lock:
            if not self.cancelled:
                self.committed, self.replacing = True, replacing
                return
        raise DeployError("Deploy cancelled: nothing was changed on the node or in the project.", "cancelled")


class _Node:
    """One session with the node: retries, timeouts and plain-language errors."""

    def __init__(
        self,
        target: DeployTarget,
        password: str,
        transport: Any = None,
        backoff: float = BACKOFF,
        waiting: Waiting | None = None,
        cancel: CancelToken | None = None,
        deadline: float | None = None,
    ) -> None:
        import httpx

        self.httpx = httpx
        self.waiting = waiting
        self.cancel = cancel
        self.deadline = deadline  # (time.monotonic()) no request waits past it, none is tried again
        self.target = target
        self.base = normalize_node(target.node)
        self.password = password
        self.backoff = backoff
        self.client = httpx.Client(
            base_url=self.base,
            auth=httpx.BasicAuth(target.user, password),
            verify=ssl_context(target.ca_bundle, target.insecure),
            timeout=httpx.Timeout(target.timeout, connect=min(target.timeout, 15.0)),
            follow_redirects=False,
            transport=transport,
            headers={"User-Agent": "plugin-designer", "Accept": "application/json"},
        )

    def close(self) -> None:
        self.client.close()

    def fail(self, message: str, kind: str, fields: dict[str, list[str]] | None = None) -> DeployError:
        clean = {k: [redact(m, self.password, self.target.user) for m in v] for k, v in (fields or {}).items()}
        return DeployError(redact(message, self.password, self.target.user, keep=(self.base,)), kind, clean)

    def request(
        self,
        method: str,
        url: str,
        *,
        retry_timeouts: bool,
        body: Callable[[], Any] | None = None,
        attempts: int = MAX_ATTEMPTS,
        **kw: Any,
    ) -> Any:
        httpx = self.httpx
        where = self.base
        began = time.monotonic()
        for attempt in range(1, attempts + 1):
            left = self._left_to_cancel()
            if left is not None:  # (cancelled: one try, waiting no longer than the cancel may take)
                if left <= 0:
                    raise self.fail(f"The Management Node at {where} did not answer in time.", "timeout")
                kw["timeout"] = left
            last = attempt == attempts or left is not None
            try:
                content = body() if body is not None else None
                resp = self.client.request(method, url, content=content, **kw)
            except httpx.TimeoutException as exc:
                if retry_timeouts and not last and not isinstance(exc, httpx.WriteTimeout):
                    self._again(attempt, attempts, "did not answer in time")
                    continue
                waited = time.monotonic() - began
                tries = f" ({attempt} tries over {waited:.0f} seconds)" if attempt > 1 else ""
                raise self.fail(
                    f"The Management Node at {where} did not answer in time{tries}. "
                    "It may be busy or the network slow; try again later.",
                    "timeout",
                ) from None
            except httpx.TransportError as exc:
                if _plain_http(exc):
                    said = (
                        f"{where} answered in plain HTTP, not HTTPS: the port in the address is not the Management "
                        "Node's secure one (its API is on https:// port 443 unless set otherwise); check the port."
                    )
                    raise self.fail(said, "unreachable", {"node": [said]}) from None
                problem = _tls_problem(exc)
                if problem is not None:
                    raise self.fail(
                        f"The secure connection to {where} was refused: {problem}. If your organisation uses its own "
                        "certificate authority, give its CA bundle (a .pem file; --ca-bundle FILE on the command line, "
                        "'CA bundle' in the Deploy dialog) and try again.",
                        "tls",
                    ) from None
                if isinstance(exc, httpx.ConnectError | httpx.RemoteProtocolError | httpx.ReadError) and not last:
                    lost = not isinstance(exc, httpx.ConnectError)  # (reached, then the answer lost)
                    self._again(
                        attempt, attempts, "closed the connection without answering" if lost else "could not be reached"
                    )
                    continue
                # ("[Errno 111] Connection refused": the number is Python's, no word for an administrator;
                # its own full stop made "(… a response.). Check")
                reason = re.sub(r"\[Errno -?\d+\] ", "", str(exc)).rstrip(". ") or type(exc).__name__
                if isinstance(exc, httpx.ProxyError):
                    # (HTTPS_PROXY of a company network: "Cannot reach … Check the address" sent the
                    # administrator to check what was right; the proxy's address is not said, it
                    # may hold its password)
                    raise self.fail(
                        f"The proxy this computer goes through (HTTPS_PROXY) refused to connect to {where} "
                        f"({reason}). Check its settings (a proxy asking for a sign-in takes "
                        "http://user:password@proxy:port), or set NO_PROXY to the node's host name to reach it "
                        "directly.",
                        "unreachable",
                    ) from None
                if isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError):
                    # (reached, then the answer lost: "Cannot reach … Check the address" sent the
                    # administrator to check what was right)
                    raise self.fail(
                        f"The Management Node at {where} closed the connection without answering ({reason}), "
                        f"{attempt} {'time' if attempt == 1 else 'times in a row'}. It may be restarting, or a proxy "
                        "or firewall on the way cuts the connection; try again later.",
                        "unreachable",
                    ) from None
                raise self.fail(
                    f"Cannot reach the Management Node at {where} ({reason}). Check the address, the port and that "
                    "this computer can reach it.",
                    "unreachable",
                ) from None
            if resp.status_code >= 500 and not last:
                resp.close()
                self._again(attempt, attempts, _server_trouble(resp.status_code))
                continue
            return resp
        raise AssertionError("unreachable")  # pragma: no cover

    def _left_to_cancel(self) -> float | None:
        """Seconds left before a cancelled deploy (or the session's ``deadline``) stops waiting for
        the node; None: no end set."""
        deadline = self.cancel.deadline if self.cancel is not None else self.deadline
        return None if deadline is None else deadline - time.monotonic()

    def _again(self, attempt: int, attempts: int, what: str) -> None:
        """Say the node ``what`` and that the deploy tries again, then wait before it does.

        Why said: three timeouts are a minute and a half, and the dialog showed nothing new meanwhile.
        """
        if self.waiting is not None:
            self.waiting(f"The Management Node {what}; trying again (try {attempt + 1} of {attempts})…")
        self._sleep(attempt)

    def _sleep(self, attempt: int) -> None:
        delay = min(self.backoff * (2 ** (attempt - 1)), MAX_BACKOFF)
        if delay > 0:
            time.sleep(delay)

    def check(self, resp: Any, action: str, size: int = 0) -> None:
        code = resp.status_code
        if 200 <= code < 300:
            self._refuse_web_page(resp, action)
            return
        if code == 401:
            raise self.fail(f"The user name or password was refused by {self.base} (HTTP 401) while {action}.", "auth")
        if code == 403:  # signed in: the password was right, and retyping it cannot help
            raise self.fail(
                f"The user '{self.target.user}' may not change the web app customizations on {self.base} (HTTP 403) "
                f"while {action}. Deploy as an administrator allowed to change the configuration.",
                "forbidden",
            )
        if code == 400:
            fields = _field_errors(resp)
            detail = "; ".join(f"{k}: {' '.join(v)}" for k, v in fields.items()) or _short(resp.text)
            # (said of what it refused: a removal or a lookup refused was called a refused upload)
            what = "the upload" if size else f"the request while {action}"
            raise self.fail(f"The Management Node refused {what}: {detail} (HTTP 400).", "invalid", fields)
        if code == 413:
            raise self.fail(
                f"The branding package ({byte_size(size)}) is too large for the Management Node (HTTP 413). "
                "Remove large images or unused files from the project and try again.",
                "too-large",
            )
        if 300 <= code < 400:  # (redirects are not followed: the password would go along)
            where = _short(resp.headers.get("Location", ""), 120)
            raise self.fail(
                f"{self.base} sent the request elsewhere ({where}, HTTP {code}) while {action}: a sign-in page or "
                "proxy may stand in the way, or this is not the Management Node's address.",
                "http",
            )
        if code == 404:
            raise self.fail(
                f"{self.base} has no web app customization API (HTTP 404) while {action}: is this the address of "
                "the Management Node (not a Conferencing Node)?",
                "http",
            )
        if code >= 500:  # (with the node's words, if any: "being upgraded" says why)
            words = f" Its answer: {_short(resp.text, 200)}" if (resp.text or "").strip() else ""
            raise self.fail(
                f"The Management Node {_server_trouble(code)} while {action}, {MAX_ATTEMPTS} times in a "
                f"row. Try again later, or ask its administrator.{words}",
                "server",
            )
        # (with the node's words: they say why, e.g. a 409 to a removal of one still in use)
        raise self.fail(
            f"Unexpected answer from the Management Node (HTTP {code}) while {action}: {_short(resp.text, 200)}", "http"
        )

    def _refuse_web_page(self, resp: Any, action: str) -> None:
        """Raise when a success is a web page: the API answers JSON (or nothing), a proxy in front
        of the node its sign-in or block page, and such an upload was counted as deployed."""
        if "html" not in resp.headers.get("Content-Type", "").lower():
            return
        raise self.fail(
            f"{self.base} answered with a web page, not the Management Node's API, while {action} "
            f"('{_short(resp.text, 120)}'). A proxy or sign-in page may stand between this computer and the "
            "node: check the address, or deploy from a network that reaches the node directly.",
            "http",
        )


def _server_trouble(code: int) -> str:
    """What an answer of 500 or more says of the node, in words (after "The Management Node").

    Why: a 503 (a node starting up, overloaded or being upgraded) and a gateway's 502 or 504 were
    each said as "had an internal error", and the administrator looked for a fault.
    """
    if code == 503:
        return "is unavailable (HTTP 503: busy, starting up or being upgraded)"
    if code in (502, 504):
        return f"did not answer the gateway or proxy in front of it (HTTP {code})"
    return f"had an internal error (HTTP {code})"


def _short(text: str, limit: int = 300) -> str:
    """A node's answer in a sentence: an HTML error page is reduced to its words (no markup,
    styles or scripts), and long answers are cut."""
    if re.search(r"<(html|body|head|!doctype)\b", text or "", re.IGNORECASE):
        text = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>|<!--.*?-->", " ", text)
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    text = " ".join((text or "").split())
    return text[:limit] + ("…" if len(text) > limit else "") or "no details given"


def _field_errors(resp: Any) -> dict[str, list[str]]:
    """The server's per-field messages from a 400 (tastypie style, possibly nested per resource)."""
    try:
        data = resp.json()
    except ValueError:
        return {}
    if isinstance(data, dict) and len(data) == 1 and isinstance(next(iter(data.values())), dict):
        data = next(iter(data.values()))  # {"webapp_branding": {"name": [...]}}
    out: dict[str, list[str]] = {}
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, list):
                out[str(key)] = [str(v) for v in value]
            elif isinstance(value, str):
                out[str(key)] = [value]
    return out


def _find(node: _Node, name: str, attempts: int = MAX_ATTEMPTS) -> dict[str, Any] | None:
    resp = node.request("GET", API_PATH, params={"name": name, "limit": 1000}, retry_timeouts=True, attempts=attempts)
    node.check(resp, "looking for an existing customization")
    try:
        data = resp.json()
    except ValueError:
        raise node.fail("The Management Node's answer to the list request is not JSON.", "http") from None
    objects = data.get("objects") if isinstance(data, dict) else None
    for obj in objects if isinstance(objects, list) else []:
        if isinstance(obj, dict) and obj.get("name") == name:
            return obj
    return None


_WEB_APPS = {"webapp1": "Web App 1 (Infinity Connect)", "webapp3": "Web App 3"}


def _refuse_other_web_app(node: _Node, existing: dict[str, Any] | None, name: str) -> None:
    """Raise when the customization named ``name`` on the node is another web app's.

    Why: names are unique across every web app's customizations, and replacing this one deleted
    an administrator's Web App 3 branding to put a webapp2 package in its place. Taken so while
    the deploy ran, it was said as another deploy's, to deploy again, which was then refused.
    """
    kind = existing.get("webapp_type") if existing else None
    if not kind or kind == "webapp2":  # (an older node lists no webapp_type: webapp2 only)
        return
    app = _WEB_APPS.get(str(kind), f"'{kind}'")
    said = f"The name '{name}' is taken on {node.base} by a {app} customization, which was left alone"
    raise node.fail(f"Not deployed: {said}. Give this one another name.", "invalid", {"name": [f"{said}."]})


def _resource_path(node: _Node, uri: str) -> str:
    parts = urllib.parse.urlsplit(uri)
    return parts.path or uri


def default_zip_path(project: Path) -> Path:
    last = _last_export_place(project)
    if last is not None:
        return last
    from .zipnames import zip_beside

    return zip_beside(project)


def _get(existing: dict[str, Any] | None, key: str) -> Any:
    """``existing[key]``, or "" when there is none (no customization, or no such key)."""
    return (existing.get(key) if existing else None) or ""


def _is_default(existing: dict[str, Any] | None) -> bool:
    """Whether the node's customization is its default one (the API says true, or "true")."""
    value = existing.get("is_default") if existing else None
    return value is True or (isinstance(value, str) and value.lower() == "true")


def _refuse_folder_gone(pkg: BrandingPackage) -> None:
    """Raise when the folder of a package read before is no longer there. Why: each of its files
    was an error ("A file cannot be read"), five listed, and none said the folder had gone."""
    files = pkg.files
    if isinstance(files, DirFiles) and not files.root.is_dir():
        gone = files.project if not files.project.is_dir() else files.root
        raise DeployError(
            f"Not deployed: the project folder {gone} was deleted or moved by another program. Save the project "
            "into a folder again (in the designer: File ▸ Save As…) and deploy it from there.",
            "refused",
        )


def _zip_place_refused(plan: ExportPlan, zip_path: Path, given: bool) -> DeployError | None:
    """Why the ZIP cannot be written at ``zip_path`` (``given`` with ``-o``, else the default), as
    the error to raise before anything is sent; None when it can. Nothing is written there.

    Why a file is made there and removed at once: running as root (or on a drive mounted
    read-only) the folder's permissions say nothing, and ``-o /proc/x.zip`` was found only once the
    package was live on the node, the project not knowing its brandingID. Why the last export's
    place said as such: with no ``-o`` the ZIP goes there, and that folder gone (a USB stick taken
    out) was said "Check the name for a typo, or make the folder first", a name the user never
    typed, with nothing on how to write the ZIP elsewhere.
    """
    try:
        check_output_path(plan, zip_path)
    except ExportRefused as exc:
        said, why = str(exc), f"and it cannot be written there now: {str(exc).rstrip('.')}"
    else:
        refused = _cannot_write_in(Path(os.path.realpath(zip_path)).parent)  # (through a link, where it goes)
        if refused is None:
            return None
        said = (
            f"the ZIP {zip_path} cannot be written in {zip_path.parent} ({refused}), so nothing was sent to the "
            "node. Choose another place for the ZIP, or make that folder writable."
        )
        why = f"and no file can be written there now ({refused})"
    if given or _last_export_place(plan.project) != zip_path:
        return DeployError(f"Not deployed: {said}", "refused")
    if not zip_path.parent.is_dir():
        why = f"and that folder ({zip_path.parent}) is no longer there"
    return DeployError(
        f"Not deployed: the ZIP goes where the last export went ({zip_path}), {why}; nothing was sent to the "
        "node. Give another place for it with -o ZIP (in the designer: 'Save the ZIP as' in the Export pane).",
        "refused",
    )


def _last_export_place(project: Path) -> Path | None:
    """Where the project's last export wrote its ZIP (the place a deploy with no ``-o`` writes it), or None."""
    last = load_state(project).get("last_export")
    return Path(last["path"]) if isinstance(last, dict) and isinstance(last.get("path"), str) else None


def _refuse_unwritable_project(plan: ExportPlan) -> None:
    """Raise when a folder the export writes in after the upload cannot be written: the one where
    the designer keeps the project's record (``.plugin-designer``, else the project folder it is
    made in), and those of the project files it updates (manifest.json's: the new brandingID);
    make nothing there.

    Why before the upload: a read-only record or webapp2 folder was found once the package was
    live on the node, the project not knowing its brandingID, said as "nothing was exported …
    export again" or in Python's words ("[Errno 1] Operation not permitted: '…/manifest.json'").
    """
    record = state_dir(plan.project)
    folders = {record if record.is_dir() else plan.project: None}
    for rel in sorted(plan.writes):
        folders.setdefault((plan.root / rel).parent, rel)
    for folder, rel in folders.items():
        refused = _cannot_write_in(folder)
        if refused is None:
            continue
        what = (
            "the record of this project's exports and deploys (so that the next brandingID is greater)"
            if rel is None
            else f"{rel} (with the new brandingID)"
        )
        raise DeployError(
            f"Not deployed: the designer cannot write in {folder} ({refused}), where it keeps {what}, so nothing "
            "was sent to the node. Make that folder writable and deploy again.",
            "refused",
        )


def _cannot_write_in(folder: Path) -> str | None:
    """Why no file can be made in ``folder`` (the system's words), or None; a trial file is removed at once."""
    import tempfile

    try:
        fd, probe = tempfile.mkstemp(prefix=".probe.", suffix=".tmp", dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


def _find_quietly(node: Any, name: str) -> dict[str, Any] | None:
    """:func:`_find`, or None when the node cannot say (it is the question after a failure).

    Asked once: retried as the first lookup is, a node gone silent during the upload kept the
    deploy (and the dialog, too late to cancel) waiting three more timeouts, two minutes.
    """
    try:
        return _find(node, name, attempts=1)
    except DeployError:
        return None


def _post(
    node: _Node,
    fields: dict[str, str],
    filename: str,
    data: bytes,
    progress: Progress | None,
    cancel: CancelToken | None = None,
) -> Any:
    """Upload the package with ``fields``: the node's answer, or None when the node kept it but
    its answer was lost. Raises :class:`DeployError`.

    Why the question after a failure: a slow node may have stored the upload after all and only
    answered too late, or its answer was lost with the connection (and the retry was then told
    the name is taken): asked, rather than report a failure that did not happen.
    """
    ctype, body = multipart_body(fields, filename, data)
    try:
        resp = node.request(
            "POST",
            API_PATH,
            retry_timeouts=False,
            body=lambda: _stoppable(_chunks(body, progress), cancel),
            headers={"Content-Type": ctype, "Content-Length": str(len(body))},
        )
        if cancel is not None:
            cancel.unanswered = False  # (answered: a removal now finds what the node kept)
        node.check(resp, "uploading the package", len(data))
    except DeployError as exc:
        if cancel is not None and cancel.cancelled:  # (the caller removes it by its uuid: no question)
            raise
        stored = _find_quietly(node, fields["name"])
        if stored is not None and str(stored.get("uuid")) == fields["uuid"]:
            return None
        exc.found = stored  # (asked once: the caller asked the same again, whether another deploy's is there)
        raise
    return resp


class _Copy(NamedTuple):
    """The copy a replace uploads first, beside the old one: its uuid and the name it has on the node."""

    uid: str
    name: str


def _staging_name(name: str, uid: str) -> str:
    """The name the new package is first uploaded under while the old one is still live."""
    return f"{name} (deploying {uid[:8]})"


def _short_staging_name(name: str, uid: str) -> str | None:
    """A name for the copy no longer than ``name``, or None when ``name`` is too short to make one.

    Why: on a node limiting the length of names, ' (deploying xxxxxxxx)' made one that fits on its
    own too long, refused under the Name field, and the old one could not be replaced at all.
    """
    for suffix in (f" (deploying {uid[:8]})", f"~{uid[:8]}"):
        if len(name) - len(suffix) >= 3:
            return name[: len(name) - len(suffix)] + suffix
    return None


def _is_copy_of(name: str, other: str) -> bool:
    """Whether ``other`` is the name of a copy a replace of ``name`` uploaded first."""
    uid = re.search(r"([0-9a-f]{8})\)?$", other)
    return uid is not None and other in (_staging_name(name, uid[1]), _short_staging_name(name, uid[1]))


def _post_copy(
    node: _Node,
    fields: dict[str, str],
    filename: str,
    data: bytes,
    progress: Progress | None,
    cancel: CancelToken | None,
    copy: _Copy,
) -> _Copy:
    """Upload the copy beside the old one (:func:`_post`); refused for its name, once more under a
    name no longer than the real one (:func:`_short_staging_name`). The copy as the node has it."""
    short = _short_staging_name(fields["name"], copy.uid)
    try:
        _post(node, _copy_fields(fields, copy), filename, data, progress, cancel)
        return copy
    except DeployError as exc:
        if "name" not in exc.field_errors or short is None or (cancel is not None and cancel.cancelled):
            raise
    copy = copy._replace(name=short)
    if cancel is not None:
        cancel.upload = copy
    _post(node, _copy_fields(fields, copy), filename, data, progress, cancel)
    return copy


def _copy_fields(fields: dict[str, str], copy: _Copy) -> dict[str, str]:
    """The upload's fields for ``copy``: never the default (the old one stays so until replaced)."""
    return {**fields, "name": copy.name, "uuid": copy.uid, "is_default": "false"}


def _replace(
    node: _Node,
    existing: dict[str, Any],
    fields: dict[str, str],
    filename: str,
    data: bytes,
    progress: Progress | None,
    warnings: list[str],
    cancel: CancelToken | None = None,
) -> Any:
    """Replace ``existing`` by the package: upload it under a name of its own first, then remove
    the old one and upload it under the real name, then remove the first copy.

    Why not the old one removed first: when the upload then failed (too large, a field the node
    refused, no answer) the node was left with none, the live branding gone. The API takes a file
    only in a POST and names are unique, so the swap cannot be one step; uploaded first, every
    refusal of the package comes while the old one is still live, and a failure after it is
    removed leaves the new package on the node under the first name, said.
    """
    name = fields["name"]
    uid = str(uuidlib.uuid4())
    copy = _Copy(uid, _staging_name(name, uid))
    if cancel is not None:
        cancel.stage()
        cancel.upload = copy
    try:
        copy = _post_copy(node, fields, filename, data, _half(progress, 0), cancel, copy)
        if cancel is not None:  # (said so from here on: until now the old one was live, untouched)
            cancel.commit(replacing=True)
    except DeployError as exc:
        if cancel is not None and cancel.cancelled:
            raise _cancelled(node, name, copy, late=cancel.unanswered) from None
        raise _not_replaced(node, exc, name, copy, late=exc.kind == "timeout") from None
    _remove_old(node, existing, name, copy)
    try:
        resp = _post(node, fields, filename, data, _half(progress, 1))
    except DeployError as exc:
        if exc.found is not None:  # (not this upload: _post said so)
            try:
                _refuse_other_web_app(node, exc.found, name)
            except DeployError as taken:  # (the copy kept: the old one gone, it is all there is of this one)
                raise DeployError(
                    f"{taken} The old customization '{name}' was already removed; the new package is on the node "
                    f"as '{copy.name}'.",
                    taken.kind,
                    taken.field_errors,
                ) from None
            raise _conflict(node, name, copy) from None
        # (the node's default one gone, meetings lose the branding: said, it is the urgent part)
        # (run again, nothing says the one it creates was the default: told how to make it so)
        default = (
            " It was the node's default: meetings have no branding until it is deployed again as the default "
            "(--set-default; in the designer, tick 'Make it the default customization')."
            if _is_default(existing)
            else ""
        )
        raise DeployError(
            f"{exc} The old customization '{name}' was already removed; the new package is on the node as "
            f"'{copy.name}'.{_maybe_late(exc, name)} Run the deploy again once the problem is solved: it removes "
            f"that copy.{default}",
            exc.kind,
            exc.field_errors,
        ) from None
    if not _copy_gone(node, copy):
        warnings.append(_left_over(copy.name).strip())
    _remove_left_copies(node, name, warnings, keep=copy.uid)
    return resp


def _remove_old(node: _Node, existing: dict[str, Any], name: str, copy: _Copy) -> None:
    """Delete the old customization; raise when the replace must stop there (said as it stands).

    Not there (404), or no answer: the node is asked what it holds under the name. Free, the
    removal went through (a try whose answer was lost) and the replace goes on; the old one still
    there, nothing was replaced; another one there, another deploy overtook this one. Why asked:
    a removal done though its answers were lost was said "as it was", and the copy uploaded first
    removed too: the node had neither.
    """
    uri = existing.get("resource_uri") or f"{API_PATH}{existing.get('uuid')}/"
    failure: DeployError | None = None  # (None: the node said 404)
    try:
        resp = node.request("DELETE", _resource_path(node, str(uri)), retry_timeouts=True)
        if resp.status_code != 404:
            node.check(resp, "removing the old customization with the same name")
            return
    except DeployError as exc:
        if exc.kind not in ("timeout", "unreachable", "server"):  # (refused: nothing was removed)
            raise _not_replaced(node, exc, name, copy) from None
        failure = exc
    try:
        current = _find(node, name, attempts=1)
    except DeployError as unanswered:
        said = failure or unanswered
        raise DeployError(
            f"{said} The old customization '{name}' may have been removed; the new package is on the node as "
            f"'{copy.name}'. Check the node's web app customizations, and run the deploy again.",
            said.kind,
        ) from None
    if current is None:
        return
    if str(current.get("uuid")) != str(existing.get("uuid")):
        raise _conflict(node, name, copy)
    if failure is not None:
        raise _not_replaced(node, failure, name, copy)
    raise _not_replaced(
        node,
        DeployError(f"The Management Node could not remove the old customization '{name}'.", "http"),
        name,
        copy,
    )


def _create(
    node: _Node,
    fields: dict[str, str],
    filename: str,
    data: bytes,
    progress: Progress | None,
    cancel: CancelToken | None = None,
) -> Any:
    """Upload the package under a name new to the node (:func:`_post`); cancelled on the way, it
    is removed again if the node kept it (as a replace's copy is: see :class:`CancelToken`).

    Why the question after a refusal: two deploys creating one name at once, the second was told
    the node's "with this Name already exists" (under the Name field in the dialog), where a
    replace overtaken so says another deploy put its own there (:func:`_conflict`).
    """
    if cancel is not None:
        cancel.stage()
        cancel.upload = _Copy(fields["uuid"], fields["name"])
    try:
        resp = _post(node, fields, filename, data, progress, cancel)
        if cancel is not None:
            cancel.commit()
        return resp
    except DeployError as exc:
        if cancel is not None and cancel.cancelled:
            upload = _Copy(fields["uuid"], fields["name"])
            raise _cancelled(node, fields["name"], upload, replacing=False, late=cancel.unanswered) from None
        if exc.kind == "invalid" and exc.found is not None:  # (not this upload: _post said so)
            _refuse_other_web_app(node, exc.found, fields["name"])  # (taken meanwhile on the node: no deploy's)
            raise _conflict(node, fields["name"]) from None
        if late := _maybe_late(exc, fields["name"]):
            raise DeployError(f"{exc}{late}", exc.kind, exc.field_errors) from None
        raise


def _maybe_late(exc: DeployError, name: str) -> str:
    """Said of an upload under ``name`` the node did not answer in time (else ""): it may store it yet.

    Why: a slow node stored it a moment after the deploy said it failed, live as the name, while
    the message said the package was elsewhere (a replace's copy) or nowhere.
    """
    if exc.kind != "timeout":
        return ""
    return f" The node may yet store it as '{name}', its answer late: the next deploy of this name replaces it."


def _not_replaced(node: _Node, exc: DeployError, name: str, copy: _Copy, late: bool = False) -> DeployError:
    """``exc`` said with the node as it is: the old one live, the copy uploaded first removed.

    ``late``: the copy's upload went unanswered in time. Why said: a slow node stored it a moment
    after its removal found nothing, and it stood beside the old one, unsaid.
    """
    left = _left_unless(_copy_gone(node, copy), copy, late)
    return DeployError(
        f"{exc} Nothing was replaced: the customization '{name}' on the node is as it was.{left}",
        exc.kind,
        exc.field_errors,
    )


def _left_unless(gone: bool, copy: _Copy, late: bool = False) -> str:
    """What the node may still hold of ``copy``, in a sentence to add ("" for nothing): all of it
    unless ``gone`` (its removal found it removed or not there), else, ``late`` (sent whole, never
    answered), what a slow node may store yet."""
    if not gone:
        return _left_over(copy.name)
    return _stored_late(copy.name) if late else ""


def _stored_late(copy_name: str) -> str:
    """Said when the node found nothing to remove of a copy it was sent whole but did not answer
    for: a slow node stored it a moment later, beside the old one, unsaid."""
    return f" The node may yet store the copy it was sent, as '{copy_name}': the next deploy of this name removes it."


def _cancelled(
    node: _Node,
    name: str,
    copy: _Copy,
    replacing: bool = True,
    said_as: str = "Deploy cancelled",
    late: bool = False,
) -> DeployError:
    """The error for a deploy cancelled while it uploaded (a replace its copy beside the old one,
    else the package under a name new to the node): the upload removed if the node kept it (asked
    once the upload stopped or was answered, so a node that stored it late has it by then; ``late``:
    it was all sent and never answered, so the node may store it yet)."""
    try:
        gone = _copy_gone(node, copy, attempts=MAX_ATTEMPTS)
    except KeyboardInterrupt:  # (Ctrl-C again on the way out of one: the removal is left)
        gone = False
    if replacing:
        left = _left_unless(gone, copy, late)
        said = f"the customization '{name}' on the node is as it was, and nothing was changed in the project.{left}"
    elif gone and late:
        said = (
            f"the node may yet store the package it was sent, as '{name}', its answer late: delete it there, or "
            "deploy again to replace it. Nothing was changed in the project."
        )
    elif gone:
        said = f"'{name}' was not left on the node, and nothing was changed in the project."
    else:
        said = (
            f"the package may be on the node as '{name}', and could not be removed: delete it there. Nothing was "
            "changed in the project."
        )
    error = DeployError(f"{said_as}: {said}", "cancelled")
    error.left_on_node = not gone or late
    return error


def _undo_interrupted(
    target: DeployTarget,
    password: str,
    name: str,
    cancel: CancelToken | None,
    existing: dict[str, Any] | None,
    uid: str,
    transport: Any,
) -> None:
    """Raise :class:`DeployInterrupted` when Ctrl-C came while the package was uploaded (what the
    node kept of it removed, as a cancel does: :func:`_cancelled`) or while a replace swapped it
    in (:func:`_after_interrupted_swap`), each request bounded.

    Why: Ctrl-C there left 'NAME (deploying …)' (or the new name) on the node, said only as "may
    be there". A new session: the one interrupted may be stuck half-way through a request.
    """
    copy = cancel.upload if cancel is not None else None
    if cancel is None or copy is None:
        return  # (nothing uploaded yet)
    if cancel.committed and not cancel.replacing:  # (a new name up: "may be there" was said of it)
        raise DeployInterrupted(f"Deploy stopped once the package was live as '{name}': {_not_recorded()}") from None
    # (bounded in all: three tries of a removal and a question, each a whole timeout, were a minute)
    node = _Node(target, password, transport=transport, backoff=0, deadline=time.monotonic() + UNDO_TIMEOUT)
    try:
        if cancel.replacing and existing is not None:
            said = _after_interrupted_swap(node, name, existing, uid, copy)
        else:
            late = cancel.unanswered
            said = str(_cancelled(node, name, copy, existing is not None, said_as="Deploy stopped", late=late))
    finally:
        node.close()
    raise DeployInterrupted(said) from None


def _not_recorded() -> str:
    """Said of a package live on the node whose deploy stopped before the project was written."""
    return "the project does not know its brandingID yet; deploy again to record it."


def _after_interrupted_swap(node: _Node, name: str, existing: dict[str, Any], uid: str, copy: _Copy) -> str:
    """What a replace stopped while it swapped the new package in left on the node, in words; its
    copy removed unless it is all the node has of the new package.

    Why: said "the new one not uploaded", though it was on the node as the copy, and the copy was
    left there also when the new one was live under the name.
    """
    removed = f"the old customization '{name}' was removed, and the new package is on the node as '{copy.name}'"
    again = "Run the deploy again: it removes that copy."
    try:
        current = _find(node, name, attempts=1)
    except (DeployError, KeyboardInterrupt):  # (no answer, or Ctrl-C again)
        return f"Deploy stopped: {removed.replace('was removed', 'may be removed')}. {again}"
    if current is None:
        return f"Deploy stopped: {removed}. {again}"
    try:
        left = _left_unless(_copy_gone(node, copy), copy)
    except KeyboardInterrupt:
        left = _left_over(copy.name)
    holder = str(current.get("uuid"))
    if holder == uid:
        return f"Deploy stopped once the new package was live as '{name}': {_not_recorded()}{left}"
    if holder == str(existing.get("uuid")):
        return f"Deploy stopped: the customization '{name}' on the node is as it was.{left}"
    return f"Deploy stopped: another deploy put its own '{name}' on the node meanwhile; it was left alone.{left}"


def _conflict(node: _Node, name: str, copy: _Copy | None = None) -> DeployError:
    """The error for a deploy another deploy of the same name overtook (the copy a replace
    uploaded first, ``copy``, removed).

    Why: two deploys of one name at once (two windows, the CLI and the GUI) both said 'Replaced',
    the second having deleted the first one's fresh upload to put its own in place.
    """
    left = "" if copy is None else _left_unless(_copy_gone(node, copy), copy)
    return DeployError(
        f"Not deployed: while this deploy ran, another deploy (another window or computer) put its own '{name}' "
        "on the node; it was left alone, and this package was not put in its place. Deploy again to replace it "
        f"with this one.{left}",
        "conflict",
    )


def _left_over(staged_name: str) -> str:
    """Said when the copy uploaded first could not be removed (it would stay on the node unsaid)."""
    return (
        f" The copy uploaded first as '{staged_name}' could not be removed: delete it on the node (the next "
        "deploy of this name does)."
    )


def _remove_left_copies(node: _Node, name: str, warnings: list[str], keep: str = "") -> None:
    """Delete the copies earlier deploys of ``name`` uploaded first and could not remove (each said).

    Why: a replace that failed once the old one was gone left 'NAME (deploying …)' on the node,
    and the deploy run again as told left it there: one more stray customization each bad day.
    Safe while another deploy of the name runs: that one's copy removed, it is overtaken anyway
    (its old one is gone), and it says so (:func:`_conflict`). Asked once; no answer, none removed.
    """
    try:
        resp = node.request("GET", API_PATH, params={"limit": 1000}, retry_timeouts=False, attempts=1)
        node.check(resp, "looking for copies left by earlier deploys")
        objects = resp.json().get("objects")
    except (DeployError, ValueError, AttributeError):
        return
    for obj in objects if isinstance(objects, list) else []:
        if not isinstance(obj, dict) or not _is_copy_of(name, str(obj.get("name"))) or obj.get("uuid") in (None, keep):
            continue  # (``keep``: this deploy's own, whose removal was said already)
        if _remove_quietly(node, str(obj["uuid"])):
            warnings.append(f"Removed '{obj['name']}', left on the node by an earlier deploy that failed.")


def _half(progress: Progress | None, which: int) -> Progress | None:
    """``progress`` for one of the two uploads of a replace, said as half of one bar."""
    if progress is None:
        return None
    return lambda sent, total: progress(which * total + sent, 2 * total)


def _copy_gone(node: _Node, copy: _Copy, attempts: int = 1) -> bool:
    """Remove ``copy``; whether it is off the node: removed, or, its removal refused, never there.

    Why asked: a copy the node had refused (a user who may not change it, HTTP 403 to each change)
    was said to be left on the node, to delete there, and the administrator looked for it in vain.
    """
    if _remove_quietly(node, copy.uid, attempts):
        return True
    try:
        resp = node.request("GET", f"{API_PATH}{copy.uid}/", retry_timeouts=False, attempts=1)
    except DeployError:
        return False  # (no answer: it may be there)
    return resp.status_code == 404


def _remove_quietly(node: _Node, uid: str, attempts: int = 1) -> bool:
    """Delete the customization ``uid`` (asked once, or ``attempts`` times on connection errors);
    whether it is gone."""
    try:
        resp = node.request("DELETE", f"{API_PATH}{uid}/", retry_timeouts=False, attempts=attempts)
    except DeployError:
        return False
    return resp.status_code in (200, 202, 204, 404)


def prepare(
    source: Path | str | BrandingPackage, *, out: Path | None = None, branding_id: Any = None, force: bool = False
) -> tuple[ExportPlan, Path]:
    """The export of ``source`` planned and where its ZIP goes, as :func:`deploy` makes them before
    it sends anything; raises :class:`DeployError` as it would (errors in the package: ``blocked``;
    a ZIP or project that cannot be written: ``refused``). Nothing is written.

    Why apart: the deploy command asks it before asking for the password in a terminal. A package
    with errors (or a ZIP it could not write) was said only once the password was typed, and typed
    again after the fix.
    """
    try:
        pkg = source if isinstance(source, BrandingPackage) else load(Path(source))
    except Exception as exc:  # NotAPackageError and friends
        raise DeployError(f"Not deployed: {exc}", "refused") from None
    _refuse_folder_gone(pkg)
    try:
        plan: ExportPlan = plan_export(pkg, branding_id)  # None: a new one, greater than the last
    except ExportRefused as exc:
        raise DeployError(f"Not deployed: {exc}", "refused") from None
    except Exception as exc:  # NotAPackageError and friends
        raise DeployError(f"Not deployed: {exc}", "refused") from None
    if plan.errors and not force:
        blocked = DeployError(
            f"Not deployed: {counted(len(plan.errors), 'error')} must be fixed first: "
            + "; ".join(f"{p.location()} {p.message}" for p in plan.errors[:5]),
            "blocked",
            problems=list(plan.errors),
        )
        blocked.plan = plan
        raise blocked
    assert isinstance(pkg.files, DirFiles)
    zip_path = Path(out) if out is not None else default_zip_path(plan.project)
    refused = _zip_place_refused(plan, zip_path, given=out is not None)  # (write_export would refuse after the upload)
    if refused is not None:
        raise refused
    _refuse_unwritable_project(plan)
    return plan, zip_path


def deploy(
    source: Path | str | BrandingPackage,
    target: DeployTarget,
    password: str,
    *,
    out: Path | None = None,
    branding_id: Any = None,
    cancel: CancelToken | None = None,
    progress: Progress | None = None,
    transport: Any = None,
    backoff: float = BACKOFF,
    force: bool = False,
    waiting: Waiting | None = None,
) -> DeployResult:
    """Export ``source`` (new brandingID), upload it, then write the ZIP and remember the deploy.

    ``waiting`` hears, in a sentence, each time the node failed to answer and the deploy tries again.

    Raises :class:`DeployError` (plain words, no credentials) and leaves the project untouched
    when anything fails before the upload succeeded.
    """
    name = (target.name or "").strip()
    if not name:
        raise DeployError("Give the customization a name (it is shown on the Management Node).", "refused")
    if not target.user:
        raise DeployError("Give the Management Node user name.", "refused")
    base = normalize_node(target.node)
    plan, zip_path = prepare(source, out=out, branding_id=branding_id, force=force)
    data = zip_bytes(plan.entries.items())
    node = _Node(target, password, transport=transport, backoff=backoff, waiting=waiting, cancel=cancel)
    warnings: list[str] = []
    if target.insecure:
        warnings.append(
            "The node's certificate was NOT verified (--insecure): anyone on the network path could have read "
            "the password. Do not use this outside a test lab."
        )
    if cancel is not None:
        cancel.budget = target.timeout
        cancel._closers.append(node.close)
    existing: dict[str, Any] | None = None
    uid = ""
    try:
        try:
            existing = _find(node, name)
        except Exception:
            if cancel is not None and cancel.cancelled:  # the cancel closed the connection under it
                cancel.commit()  # raises "cancelled"
            raise
        _refuse_other_web_app(node, existing, name)
        # A new uuid each time, also for a replace: a deploy knows its own upload by it (another
        # deploy's of the same name, or one the node kept though its answer was lost).
        uid = str(uuidlib.uuid4())
        # The node's default one stays its default: posted as not, every meeting lost the branding.
        kept_default = not target.set_default and _is_default(existing)
        if kept_default:
            warnings.append(f"'{name}' was the node's default web app customization, and stays so.")
        # None given: the node's own kept (a deploy with no --description wiped the one typed there).
        description = target.description if target.description is not None else str(_get(existing, "description"))
        fields = {
            "name": name,
            "description": description,
            "uuid": uid,
            "webapp_type": "webapp2",
            "is_default": "true" if target.set_default or kept_default else "false",
        }
        filename = zip_path.name or "branding.zip"
        if existing is None:
            resp = _create(node, fields, filename, data, progress, cancel)
            _remove_left_copies(node, name, warnings)
        else:
            resp = _replace(node, existing, fields, filename, data, progress, warnings, cancel)
        location = resp.headers.get("Location") or "" if resp is not None else ""
        if not location and resp is not None:
            try:
                body_json = resp.json()
                location = body_json.get("resource_uri", "") if isinstance(body_json, dict) else ""
            except ValueError:
                location = ""
        resource_uri = _resource_path(node, location) if location else f"{API_PATH}{uid}/"
    except DeployError as exc:
        exc.plan = plan  # (the package was checked: its checks are said with the failure)
        raise
    except KeyboardInterrupt:
        node.close()
        _undo_interrupted(target, password, name, cancel, existing, uid, transport)
        raise
    finally:
        node.close()
    # Uploaded: now the project follows (ZIP written, manifest.json with the live brandingID).
    # Either write failing is a warning, not a failure: the package is live on the node, and a
    # failure (exit 2) had a script deploy again or report that nothing went up.
    result: ExportResult | None = None
    try:
        result = write_export(plan, zip_path, force=force)
    except (ExportRefused, OSError) as exc:
        # (in words: Python's "[Errno 28] …: '/path'" was shown, and a sentence of ours ended "..")
        why = os_message(exc) if isinstance(exc, OSError) else str(exc)
        warnings.append(
            f"The upload went through, but the ZIP and the project could not be written: {why.rstrip('.')}. The "
            "project still holds the brandingID of before; its next export or deploy makes a new one."
        )
    if result is not None:
        try:
            update_state(
                plan.project,
                deploy={
                    "node": base,
                    "name": name,
                    "user": target.user,
                    "description": description,
                    "uuid": uid,
                    "resource_uri": resource_uri,
                    "brandingID": plan.branding_id,
                    "sha256": result.sha256,
                    "ca_bundle": target.ca_bundle or None,
                    "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                },
            )
        except OSError as exc:
            warnings.append(
                f"The upload went through, but the project could not remember this deploy ({os_message(exc)}): the next one "
                f"does not know the node, name and user; give them again (--name '{name}')."
            )
    return DeployResult(
        node=base,
        name=name,
        uuid=uid,
        resource_uri=resource_uri,
        branding_id=plan.branding_id,
        old_branding_id=plan.old_branding_id,
        replaced=existing is not None,
        size=len(data),
        export=result,
        warnings=warnings,
        plan=plan,
    )


def remembered_settings(project: Path) -> dict[str, Any]:
    """Node, name, user, description and CA bundle of the last deploy (never a password or --insecure)."""
    rec = load_state(project).get("deploy")
    if not isinstance(rec, dict):
        return {}
    # Text only: a number or a list there (the file edited or merged outside) made the Deploy
    # dialog raise TypeError on opening, and deploy crash on the name.
    return {
        k: v for k in ("node", "name", "user", "description", "ca_bundle") if isinstance(v := rec.get(k), str) and v
    }


def password_from_env() -> str | None:
    value = os.environ.get("PLUGIN_DESIGNER_PASSWORD")
    return value if value else None
