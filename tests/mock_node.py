"""A local mock Pexip Management Node for the deploy tests and for demos.

HTTPS on 127.0.0.1 (ephemeral port) with a certificate signed by a throw-away CA generated on
start (``cryptography``), HTTP Basic auth, and the web app customization endpoint
``/api/admin/configuration/v1/webapp_branding/``:

- ``GET`` (list, optional ``?name=``) and ``GET``/``DELETE`` of ``.../<uuid>/``;
- ``POST`` multipart form validated like the real API documents it: ``name``, ``uuid`` and
  ``webapp_type`` required, ``webapp_type`` must be ``webapp2``, ``name`` unique,
  ``branding_file`` a ZIP holding ``webapp2/manifest.json``; field errors come back as a 400
  with ``{"webapp_branding": {field: [messages]}}``; 201 with a ``Location`` header on success.

Failures on demand: ``node.fail_next("401" | "403" | "400" | "409" | "413" | "500" | "slow", method=None)`` (once
each, on the next request or the next one of ``method``, or the one after ``skip`` of them; "500" then succeeds on the retry;
"503" says the node is being upgraded);
"drop" closes the connection without an answer, "drop-after" does the request, then closes
without an answer (a connection lost on the way back); "html" answers 200 with a proxy's
sign-in page, as a proxy in front of the node may, and "redirect" sends it to one (302). Uploads are kept in memory (``node.uploads``, ``node.store``).
``name_limit`` makes it refuse longer names, as a node whose names have a maximum length does.
Bounded: requests bigger than ``max_upload`` get a 413, and the server stops itself after
``lifetime`` seconds even if a test forgets to.

Demo: ``python tests/mock_node.py`` prints the address, user, password and CA file to use with
``plugin-designer deploy PATH --node URL --ca-bundle CA --user admin``.
"""

from __future__ import annotations

import base64
import datetime
import email.parser
import email.policy
import io
import ipaddress
import json
import ssl
import tempfile
import threading
import time
import urllib.parse
import zipfile
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

API = "/api/admin/configuration/v1/webapp_branding/"
PROXY_PAGE = (
    "<!DOCTYPE html><html><head><title>Sign in</title><style>body{font:14px sans-serif}</style></head>"
    "<body><h1>Example Corp web gateway</h1><p>Sign in to continue.</p><form method=post></form></body></html>"
)


def make_certificates(folder: Path) -> tuple[Path, Path, Path]:
    """A CA and a server certificate for 127.0.0.1/localhost: (ca.pem, server.pem, server.key)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.datetime.now(datetime.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Mock Management Node test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
        )  # keyCertSign, cRLSign
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    folder.mkdir(parents=True, exist_ok=True)
    ca_pem = folder / "ca.pem"
    ca_pem.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    cert_pem = folder / "server.pem"
    cert_pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_pem = folder / "server.key"
    key_pem.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return ca_pem, cert_pem, key_pem


@dataclass
class Upload:
    method: str
    fields: dict[str, str]
    filename: str
    data: bytes


@dataclass
class MockNode:
    user: str = "admin"
    password: str = "s3cret-Pa55word"
    max_upload: int = 20 * 1024 * 1024
    lifetime: float = 120.0
    slow_seconds: float = 3.0
    name_limit: int | None = None  # the longest name the node takes (None: any), said as Django says it
    folder: Path | None = None
    store: dict[str, dict[str, Any]] = field(default_factory=dict)  # uuid -> resource
    uploads: list[Upload] = field(default_factory=list)
    requests: list[tuple[str, str, int]] = field(default_factory=list)  # (method, path, status)
    _failures: list[tuple[str, str | None, int]] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> MockNode:
        if self.folder is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="mock-node-")
            self.folder = Path(self._tmp.name)
        self.ca_file, cert, key = make_certificates(self.folder)
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(cert, key)
        node = self

        class Handler(_Handler):
            mock = node

        self.server = _Server(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.socket = ctx.wrap_socket(self.server.socket, server_side=True)
        self.port = self.server.server_address[1]
        self.url = f"https://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        self._timer = threading.Timer(self.lifetime, self.stop)
        self._timer.daemon = True
        self._timer.start()
        return self

    def stop(self) -> None:
        self._timer.cancel()
        if getattr(self, "server", None) is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None  # type: ignore[assignment]
        tmp = getattr(self, "_tmp", None)
        if tmp is not None:
            tmp.cleanup()
            self._tmp = None

    def __enter__(self) -> MockNode:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def fail_next(self, mode: str, method: str | None = None, skip: int = 0) -> None:
        """Fail the next request (of ``method``, e.g. "POST", when given) in the way ``mode`` says;
        with ``skip``, the one after ``skip`` such requests went through (the second upload of a replace)."""
        modes = ("401", "403", "400", "409", "413", "500", "503", "slow", "drop", "drop-after", "html", "redirect")
        assert mode in modes, mode
        with self._lock:
            self._failures.append((mode, method, skip))

    def _take_failure(self, method: str) -> str | None:
        with self._lock:
            for i, (mode, want, skip) in enumerate(self._failures):
                if want in (None, method):
                    if skip:
                        self._failures[i] = (mode, want, skip - 1)
                        return None
                    del self._failures[i]
                    return mode
            return None

    def add(
        self,
        name: str,
        uid: str = "11111111-2222-3333-4444-555555555555",
        data: bytes = b"",
        webapp_type: str = "webapp2",
    ) -> dict[str, Any]:
        """Pretend a customization already exists on the node (of ``webapp_type``: also another web app's)."""
        res = {
            "name": name,
            "uuid": uid,
            "description": "",
            "webapp_type": webapp_type,
            "is_default": False,
            "resource_uri": f"{API}{uid}/",
            "branding_file": f"/static/{uid}.zip",
            "_data": data,
        }
        self.store[uid] = res
        return res


class _Server(ThreadingHTTPServer):
    """Quiet when a client goes away mid-request (a cancelled or interrupted deploy): the
    tracebacks of the lost connection were printed, and one raised in the request's thread."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass

    def shutdown_request(self, request: Any) -> None:
        try:
            super().shutdown_request(request)
        except (OSError, ValueError):
            pass


class _Handler(BaseHTTPRequestHandler):
    mock: MockNode
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    _mute = False  # "drop-after": the answer is lost

    def _send(self, status: int, body: Any = None, headers: dict[str, str] | None = None) -> None:
        payload = b"" if body is None else json.dumps(body).encode()
        self.mock.requests.append((self.command, self.path, status))
        if self._mute:
            self.close_connection = True
            return
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if payload:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if payload:
            self.wfile.write(payload)

    def _send_page(self, status: int, page: str) -> None:
        payload = page.encode()
        self.mock.requests.append((self.command, self.path, status))
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def _authorised(self) -> bool:
        want = base64.b64encode(f"{self.mock.user}:{self.mock.password}".encode()).decode()
        return self.headers.get("Authorization", "") == f"Basic {want}"

    def _drain(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        if length > self.mock.max_upload:  # read and drop it (bounded memory), then answer 413
            left = length
            while left > 0:
                chunk = self.rfile.read(min(left, 65536))
                if not chunk:
                    break
                left -= len(chunk)
            return b""
        return self.rfile.read(length) if length else b""

    def _begin(self) -> tuple[bool, bytes]:
        """Read the body, apply a requested failure and the auth check; False when answered."""
        body = self._drain()
        failure = self.mock._take_failure(self.command)
        if failure == "slow":
            time.sleep(self.mock.slow_seconds)
        if failure == "html":
            self._send_page(200, PROXY_PAGE)
            return False, body
        if failure == "redirect":
            self._send(302, None, {"Location": "https://sso.example.com/login?next=/api/"})
            return False, body
        if failure == "drop":
            self.mock.requests.append((self.command, self.path, 0))
            self.close_connection = True
            return False, body
        self._mute = failure == "drop-after"
        if not self._authorised() or failure == "401":
            self._send(401, None, {"WWW-Authenticate": 'Basic realm="management"'})
            return False, body
        if failure == "403":  # signed in, but the account may not do this
            self._send(403, {"error": "You do not have permission to perform this action."})
            return False, body
        length = int(self.headers.get("Content-Length") or 0)
        if failure == "413" or length > self.mock.max_upload:
            self._send(413, {"error": "Request Entity Too Large"})
            return False, body
        if failure == "500":
            self._send(500, {"error": "internal"})
            return False, body
        if failure == "503":  # (a node being upgraded, in its words)
            self._send(503, {"error": "The Management Node is being upgraded."})
            return False, body
        if failure == "409":  # an answer the API does not document, in the node's words
            self._send(409, {"error": "This customization is in use by a web app path."})
            return False, body
        if failure == "400":
            self._send(400, {"webapp_branding": {"name": ["A customization with this name is not allowed here."]}})
            return False, body
        return True, body

    def _public(self, res: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in res.items() if not k.startswith("_")}

    def do_GET(self) -> None:  # noqa: N802
        ok, _ = self._begin()
        if not ok:
            return
        url = urllib.parse.urlsplit(self.path)
        if url.path == API:
            query = urllib.parse.parse_qs(url.query)
            objs = [self._public(r) for r in self.mock.store.values()]
            if "name" in query:
                objs = [o for o in objs if o["name"] == query["name"][0]]
            self._send(200, {"meta": {"total_count": len(objs)}, "objects": objs})
        elif url.path.startswith(API) and url.path[len(API) :].strip("/") in self.mock.store:
            self._send(200, self._public(self.mock.store[url.path[len(API) :].strip("/")]))
        else:
            self._send(404)

    def do_DELETE(self) -> None:  # noqa: N802
        ok, _ = self._begin()
        if not ok:
            return
        url = urllib.parse.urlsplit(self.path)
        uid = url.path[len(API) :].strip("/") if url.path.startswith(API) else ""
        if uid and self.mock.store.pop(uid, None) is not None:
            self._send(204)
        else:
            self._send(404)

    def do_POST(self) -> None:  # noqa: N802
        ok, body = self._begin()
        if not ok:
            return
        if urllib.parse.urlsplit(self.path).path != API:
            self._send(404)
            return
        ctype = self.headers.get("Content-Type", "")
        if not ctype.startswith("multipart/form-data"):
            self._send(400, {"webapp_branding": {"__all__": ["Expected a multipart/form-data upload."]}})
            return
        msg = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            f"Content-Type: {ctype}\r\n\r\n".encode() + body
        )
        fields: dict[str, str] = {}
        filename, data = "", b""
        for part in msg.iter_parts() if msg.is_multipart() else []:
            name = part.get_param("name", header="content-disposition")
            if name == "branding_file":
                filename = part.get_filename() or ""
                data = part.get_payload(decode=True) or b""
            elif name:
                fields[name] = (part.get_payload(decode=True) or b"").decode("utf-8")
        self.mock.uploads.append(Upload("POST", dict(fields), filename, data))
        errors: dict[str, list[str]] = {}
        for key in ("name", "uuid", "webapp_type"):
            if not fields.get(key):
                errors[key] = ["This field is required."]
        if fields.get("webapp_type") and fields["webapp_type"] != "webapp2":
            errors["webapp_type"] = [f"'{fields['webapp_type']}' is not a valid choice for a webapp2 branding."]
        limit = self.mock.name_limit
        if limit is not None and len(fields.get("name", "")) > limit:
            errors["name"] = [f"Ensure this value has at most {limit} characters (it has {len(fields['name'])})."]
        elif any(r["name"] == fields.get("name") for r in self.mock.store.values()):
            errors["name"] = ["Web app customization with this Name already exists."]
        if not data:
            errors["branding_file"] = ["This field is required."]
        else:
            try:
                with zipfile.ZipFile(io.BytesIO(data)) as zf:
                    if "webapp2/manifest.json" not in zf.namelist():
                        errors["branding_file"] = ["The ZIP file has no webapp2/manifest.json."]
            except zipfile.BadZipFile:
                errors["branding_file"] = ["The uploaded file is not a ZIP file."]
        if errors:
            self._send(400, {"webapp_branding": errors})
            return
        uid = fields["uuid"]
        res = {
            "name": fields["name"],
            "uuid": uid,
            "description": fields.get("description", ""),
            "webapp_type": "webapp2",
            "is_default": fields.get("is_default", "false").lower() == "true",
            "resource_uri": f"{API}{uid}/",
            "branding_file": f"/static/{uid}.zip",
            "_data": data,
        }
        self.mock.store[uid] = res
        self._send(201, None, {"Location": f"{self.mock.url}{API}{uid}/"})


def fake_keyring() -> Any:
    """An in-memory keyring backend for tests (``keyring.set_keyring(fake_keyring())``)."""
    import keyring.backend

    class MemoryKeyring(keyring.backend.KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.items: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.items.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.items[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.items.pop((service, username), None)

    return MemoryKeyring()


if __name__ == "__main__":  # demo: a node for five minutes
    with MockNode(lifetime=300) as demo:
        print(f"Mock Management Node at {demo.url} (stops in 5 minutes or on Ctrl+C)")
        print(f"user: {demo.user}  password: {demo.password}  CA bundle: {demo.ca_file}")
        print(f"plugin-designer deploy PATH --node {demo.url} --user {demo.user} --ca-bundle {demo.ca_file}")
        try:
            while demo.server is not None:
                time.sleep(0.5)
        except KeyboardInterrupt:
            pass
