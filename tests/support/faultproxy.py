"""A fault-injecting reverse proxy for tests: boto3 → this proxy → the loopback S3 server.

It forwards every request to the upstream server, except a seeded random share that it
answers the way a struggling S3 store does: 503 SlowDown (throttling), 500 InternalError,
a connection reset before the request reaches the server, a response lost after the
server did the work (the PUT happened, the client never heard), a stall longer than the
client's read timeout, or a delay. The same seed gives the same sequence of faults.

Only 127.0.0.1: it binds there and forwards to a loopback upstream.
"""

import http.client
import random
import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

FAULTS = ("slowdown", "error", "reset", "lost_response", "stall", "delay")
_HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "proxy-connection", "te",
               "trailer", "upgrade"}
_ERROR_XML = ('<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>{code}</Code>'
              "<Message>{message}</Message><RequestId>faultproxy</RequestId></Error>")


class FaultProxy:
    """`with FaultProxy(upstream, seed=1, slowdown=0.05, …) as proxy:` → `proxy.url`.

    Each fault's share is a probability per request; `only` limits faults to requests it
    accepts (`only(method, path) -> bool`), e.g. PUTs of one key. `counts` says what
    happened: `requests`, `forwarded`, and one count per fault kind and method.
    """

    def __init__(self, upstream: str, *, seed: int = 0, stall_seconds: float = 3.0,
                 delay_seconds: float = 0.2,
                 only: Callable[[str, str], bool] | None = None, **shares: float) -> None:
        unknown = set(shares) - set(FAULTS)
        if unknown:
            raise ValueError(f"unknown faults: {sorted(unknown)}")
        parts = urlsplit(upstream)
        if parts.hostname not in ("127.0.0.1", "localhost"):
            raise ValueError("the fault proxy only forwards to a loopback server")
        self.upstream = (parts.hostname, parts.port)
        self.shares = {k: shares.get(k, 0.0) for k in FAULTS}
        self.stall_seconds = stall_seconds
        self.delay_seconds = delay_seconds
        self.only = only
        self.counts: Counter = Counter()
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def set_shares(self, **shares: float) -> None:
        with self._lock:
            self.shares = {k: shares.get(k, 0.0) for k in FAULTS}

    def _choose(self, method: str, path: str) -> str | None:
        with self._lock:
            self.counts["requests"] += 1
            if self.only is not None and not self.only(method, path):
                return None
            draw = self._rng.random()
            for kind in FAULTS:
                draw -= self.shares[kind]
                if draw < 0:
                    self.counts[kind] += 1
                    self.counts[f"{kind} {method}"] += 1
                    return kind
            return None

    def __enter__(self) -> "FaultProxy":
        proxy = self

        class Handler(_ProxyHandler):
            owner = proxy

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True,
                                        name="faultproxy")
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)


class _ProxyHandler(BaseHTTPRequestHandler):
    owner: FaultProxy
    protocol_version = "HTTP/1.1"  # keep-alive, as boto3's connection pool expects

    def log_message(self, format, *args) -> None:  # noqa: A002 - the base class's name
        pass

    def _body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass  # trailers
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _handle(self) -> None:
        body = self._body()
        fault = self.owner._choose(self.command, self.path)
        if fault == "delay":
            time.sleep(self.owner.delay_seconds)
        elif fault == "slowdown":
            return self._error(503, "SlowDown", "Please reduce your request rate.")
        elif fault == "error":
            return self._error(500, "InternalError", "We encountered an internal error.")
        elif fault == "reset":
            return self._reset()
        elif fault == "stall":
            time.sleep(self.owner.stall_seconds)  # the client gives up first
            return self._reset()
        status, reason, headers, data = self._forward(body)
        if fault == "lost_response":
            return self._reset()
        with self.owner._lock:
            self.owner.counts["forwarded"] += 1
        self.send_response(status, reason)
        for name, value in headers:
            if name.lower() not in _HOP_BY_HOP and name.lower() != "content-length":
                self.send_header(name, value)
        length = dict((k.lower(), v) for k, v in headers).get("content-length")
        if self.command == "HEAD":
            self.send_header("Content-Length", length or "0")
            self.end_headers()
            return
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _forward(self, body: bytes) -> tuple[int, str, list[tuple[str, str]], bytes]:
        conn = http.client.HTTPConnection(*self.owner.upstream, timeout=60)
        try:
            headers = {k: v for k, v in self.headers.items()
                       if k.lower() not in _HOP_BY_HOP and k.lower() != "expect"}
            headers["Content-Length"] = str(len(body))
            conn.request(self.command, self.path, body=body or None, headers=headers)
            resp = conn.getresponse()
            data = resp.read()
            return resp.status, resp.reason, resp.getheaders(), data
        finally:
            conn.close()

    def _error(self, status: int, code: str, message: str) -> None:
        data = _ERROR_XML.format(code=code, message=message).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _reset(self) -> None:
        """Close with a TCP reset, no response: what a crashed or overloaded server does."""
        self.close_connection = True
        try:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                       struct.pack("ii", 1, 0))
            self.connection.close()
        except OSError:
            pass

    do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = _handle  # noqa: N815
