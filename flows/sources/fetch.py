"""Fetch article pages over HTTP, politely and safely, and keep each response as received.

- Politeness: bounded concurrency, at most `per_host_rate` requests a second to any host,
  retries with jittered exponential backoff (tenacity) on 429, 5xx, timeouts and lost
  connections, honouring `Retry-After`; never on 404 or other 4xx answers.
- Safety: only http and https; the body is streamed and dropped past `max_bytes`; at most
  `max_redirects` hops; every hop's host is resolved and each of its addresses checked
  before anything is sent, and the connection goes to the checked address (no second DNS
  lookup an attacker could answer differently). Loopback, private, link-local and other
  non-public addresses are refused unless the caller allows them (intranet newsrooms and
  tests), all of them or some networks.
- Storage: the body as received, gzip, beside a small JSON of URL, status, headers and
  fetch time (`newsclean.flows.storage.layout.raw_keys`), so a rule change re-cleans without fetching again.

No Prefect here: `newsclean.flows.orchestration.fetch_flow` runs `fetch_docs` inside its batch task.
"""

import base64
import gzip
import ipaddress
import json
import logging
import socket
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Annotated
from urllib.parse import unquote
from urllib.robotparser import RobotFileParser

import httpx
from pydantic import BaseModel, ConfigDict, Field
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception_type,
    stop_after_attempt,
    wait_exponential_jitter,
)

from newsclean.cleaners import CleanOptions, InputRejected, __version__
from newsclean.cleaners.decode import inflate
from newsclean.flows.sources.readers import RawDoc, with_http_charset
from newsclean.flows.sources.urls import with_scheme
from newsclean.flows.storage.backends import Storage, StorageError
from newsclean.flows.storage.layout import raw_keys, url_key
from newsclean.flows.storage.records import RunStatus, sha256

_ARTICLE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_REDIRECTS = (301, 302, 303, 307, 308)
# Longest `Retry-After` we honour: a server asking for an hour gets its answer as a
# failure (rerun later), not a worker asleep for an hour.
_RETRY_AFTER_MAX = 120.0
_BACKOFF_MAX = 60.0
# A whole response (headers and body) must arrive within this many `timeout`s: the read
# timeout alone restarts with every chunk, so a server dripping a byte at a time would
# otherwise hold a worker forever.
_DEADLINE_TIMEOUTS = 3
log = logging.getLogger(__name__)
_MAX_INFLATE_RATIO = CleanOptions().max_inflate_ratio
# Response headers not kept in the stored metadata: they carry the site's session state.
_DROPPED_HEADERS = frozenset({"set-cookie", "set-cookie2"})


class FetchPolicy(BaseModel):
    """How pages are fetched: concurrency, politeness, limits."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    concurrency: Annotated[int, Field(ge=1, le=64, title="Concurrent requests", description=(
        "Requests in flight at once, over all hosts."))] = 8
    per_host_rate: Annotated[float, Field(ge=0, le=100, title="Requests per second per host",
                                          description="0: no limit.")] = 1.0
    timeout: Annotated[float, Field(gt=0, le=300, title="Timeout (s)", description=(
        "For connecting and for each read; a whole response gets three times this."))] = 20.0
    retries: Annotated[int, Field(ge=0, le=10, title="Retries", description=(
        "Further attempts after a 429, a 5xx, a timeout or a lost connection."))] = 3
    backoff: Annotated[float, Field(ge=0, le=60, title="Backoff (s)", description=(
        "First wait before a retry; doubles with each retry, with jitter."))] = 1.0
    max_bytes: Annotated[int, Field(ge=1024, le=100 << 20, title="Max body bytes", description=(
        "A page larger than this is dropped unread past the limit."))] = 10 << 20
    max_redirects: Annotated[int, Field(ge=0, le=20, title="Max redirects")] = 5
    user_agent: Annotated[str, Field(min_length=1, title="User-Agent")] = \
        f"newsclean/{__version__} (newsroom archive cleanup)"
    robots: Annotated[bool, Field(title="Honour robots.txt", description=(
        "A page a site's robots.txt disallows for this User-Agent is not fetched "
        "(`rejected`, with the reason)."))] = True
    own_sites: Annotated[tuple[str, ...], Field(title="Own sites", description=(
        "Hosts whose robots.txt is not consulted: the organisation's own sites "
        "(e.g. cms.newsroom.example)."))] = ()


def redact_url(url: str) -> str:
    """`http://user:pw@host/path` → `http://***@host/path`: credentials in a URL never go
    into a manifest, record, key, log line or artifact (the fetch itself still uses them)."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    authority, slash, tail = rest.partition("/")
    if "@" not in authority:
        return url
    return f"{scheme}://***@{authority.rpartition('@')[2]}{slash}{tail}"


class Refused(Exception):
    """A URL we will not fetch (scheme, address): a permanent answer, never retried."""


class _Retryable(Exception):
    """A 429 or 5xx answer: worth another try, after `retry_after` if the server said."""

    def __init__(self, status: int, retry_after: float | None) -> None:
        super().__init__(f"HTTP {status}")
        self.status = status
        self.retry_after = retry_after


@dataclass(slots=True)
class FetchResult:
    url: str  # as listed
    final_url: str | None = None  # after redirects
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None
    fetched_at: str | None = None
    redirects: list[str] = field(default_factory=list)
    attempts: int = 0
    error: str | None = None
    permanent: bool = False  # an answer that another try would not change (404, refused)

    @property
    def ok(self) -> bool:
        return self.error is None and self.body is not None


class AddressGuard:
    """Which addresses may be fetched: public ones, plus private ones when allowed."""

    def __init__(self, allow_private: bool = False, allow_networks: Sequence[str] = ()) -> None:
        self.allow_private = allow_private
        self.networks = tuple(ipaddress.ip_network(n, strict=False) for n in allow_networks)

    def resolve(self, host: str, port: int) -> str:
        """The address to connect to; raises Refused if any address of `host` is barred."""
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except socket.gaierror as exc:
            if exc.errno in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", None)):
                raise Refused(f"unknown host {host}") from None
            raise httpx.ConnectError(f"cannot resolve {host}: {exc.strerror}") from None
        addresses = list(dict.fromkeys(info[4][0] for info in infos))
        for address in addresses:
            why = self.refusal(address)
            if why:
                raise Refused(f"{host} resolves to {why} address {address}: refused (allow with "
                              "--allow-private or --allow-network)")
        return addresses[0]

    def refusal(self, address: str) -> str | None:
        """None if the address may be fetched, else what kind of address it is."""
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
            ip = ip.ipv4_mapped
        if ip.is_global and not ip.is_multicast:
            return None
        if self.allow_private or any(ip in net for net in self.networks):
            return None
        for kind in ("loopback", "link_local", "private", "multicast", "unspecified"):
            if getattr(ip, f"is_{kind}"):
                return kind.replace("_", "-")
        return "non-public"


class HostPacer:
    """At most `rate` requests a second to any one host, shared by all fetch threads."""

    def __init__(self, rate: float) -> None:
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str) -> None:
        if not self.interval:
            return
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next.get(host, now))
            self._next[host] = slot + self.interval
        if slot > now:
            time.sleep(slot - now)


class Fetcher:
    """One per batch task: an httpx client, the address guard and the per-host pacer."""

    def __init__(self, policy: FetchPolicy, guard: AddressGuard) -> None:
        self.policy = policy
        self.guard = guard
        self.pacer = HostPacer(policy.per_host_rate)
        # No keep-alive: connections go to checked IP addresses, and a pooled TLS connection
        # to one IP could otherwise be reused for another site hosted on it. Per-host pacing
        # leaves little to reuse anyway.
        self.client = httpx.Client(
            timeout=httpx.Timeout(policy.timeout), follow_redirects=False, trust_env=False,
            limits=httpx.Limits(max_connections=policy.concurrency, max_keepalive_connections=0),
            headers={"User-Agent": policy.user_agent})
        self._backoff = wait_exponential_jitter(multiplier=policy.backoff, max=_BACKOFF_MAX,
                                                jitter=policy.backoff)
        # robots.txt per scheme://host:port, read once per batch (a parser, or the reason
        # every page of the host is refused when robots.txt could not be had)
        self._robots: dict[str, RobotFileParser | str] = {}
        self._robots_lock = threading.Lock()
        self._site_locks: dict[str, threading.Lock] = {}
        self._own = {h.lower().strip() for h in policy.own_sites}

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def fetch(self, url: str, *, robots: bool = True) -> FetchResult:
        """Fetch one URL with retries; every outcome is a result, never an exception."""
        url = url.strip().split("#", 1)[0]
        try:
            parsed = httpx.URL(url)
        except httpx.InvalidURL as exc:
            return FetchResult(url, error=f"not a usable URL: {exc}", permanent=True)
        if not parsed.scheme:  # a line of prose, or a host typed without https://
            guess = with_scheme(url)
            return FetchResult(url, error=f"not a URL: {url!r}"
                               + (f" (did you mean {guess}?)" if guess else ""), permanent=True)
        retrying = Retrying(stop=stop_after_attempt(self.policy.retries + 1), wait=self._wait,
                            retry=retry_if_exception_type((httpx.TransportError, _Retryable)),
                            reraise=True)
        attempts = 0
        try:
            for attempt in retrying:
                with attempt:
                    attempts = attempt.retry_state.attempt_number
                    result = self._once(url, robots=robots)
        except Refused as exc:
            return FetchResult(url, error=redact_url(str(exc)), permanent=True, attempts=attempts)
        except _Retryable as exc:
            return FetchResult(url, status=exc.status, attempts=attempts,
                               error=f"HTTP {exc.status} after {_n(attempts, 'attempt')}")
        except httpx.TimeoutException:
            return FetchResult(url, attempts=attempts,
                               error=f"timed out after {_n(attempts, 'attempt')}")
        except httpx.TransportError as exc:
            return FetchResult(url, attempts=attempts, error=f"connection failed after "
                               f"{_n(attempts, 'attempt')}: {_describe(exc)}")
        result.attempts = attempts
        return result

    def _wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        if isinstance(exc, _Retryable) and exc.retry_after is not None:
            return min(exc.retry_after, _RETRY_AFTER_MAX)
        return self._backoff(state)

    def _allowed(self, url: httpx.URL) -> str | None:
        """Why robots.txt refuses `url` for our User-Agent, or None when it may be fetched."""
        if not self.policy.robots or (url.host or "").lower() in self._own:
            return None
        site = f"{url.scheme}://{url.netloc.decode('ascii').rpartition('@')[2]}"
        with self._robots_lock:
            site_lock = self._site_locks.setdefault(site, threading.Lock())
        with site_lock:  # one read of a site's robots.txt, whatever the threads
            rules = self._robots.get(site)
            if rules is None:
                rules = self._robots[site] = self._read_robots(site)
        if isinstance(rules, str):
            return rules
        if not rules.can_fetch(self.policy.user_agent, str(url.copy_with(username=None,
                                                                           password=None))):
            return f"disallowed by {site}/robots.txt"
        return None

    def _read_robots(self, site: str) -> "RobotFileParser | str":
        """RFC 9309: a robots.txt that is missing (4xx) allows everything; one that cannot
        be had (5xx, no answer) disallows everything until a later run."""
        result = self.fetch(f"{site}/robots.txt", robots=False)
        if result.ok:
            parser = RobotFileParser()
            parser.parse(result.body.decode("utf-8", "replace").splitlines())
            return parser
        if result.status is not None and 400 <= result.status < 500:
            parser = RobotFileParser()
            parser.parse([])
            return parser
        return f"robots.txt of {site} could not be read ({result.error}): not fetched"

    def _once(self, url: str, robots: bool = True) -> FetchResult:
        """One attempt: follow redirects hop by hop, checking each hop's address (and its
        site's robots.txt)."""
        current = httpx.URL(url)
        redirects: list[str] = []
        deadline = time.monotonic() + self.policy.timeout * _DEADLINE_TIMEOUTS
        while True:
            if current.scheme not in ("http", "https"):
                raise Refused(f"only http and https URLs are fetched, not {current.scheme or '?'}:")
            if not current.host:
                raise Refused(f"no host in {current}")
            port = current.port or (443 if current.scheme == "https" else 80)
            address = self.guard.resolve(current.host, port)
            if robots and (why := self._allowed(current)):
                raise Refused(why)
            self.pacer.wait(current.host)
            headers = {"Host": current.netloc.decode("ascii")}
            if current.userinfo:  # sent as a header, never in a URL that httpx logs
                headers["Authorization"] = "Basic " + base64.b64encode(
                    unquote(current.userinfo.decode("ascii")).encode()).decode("ascii")
            request = self.client.build_request(
                "GET", current.copy_with(host=address, username=None, password=None),
                headers=headers,
                extensions={"sni_hostname": current.host} if current.scheme == "https" else {})
            response = self.client.send(request, stream=True)
            try:
                location = response.headers.get("location")
                if response.status_code in _REDIRECTS and location:
                    if len(redirects) >= self.policy.max_redirects:
                        return self._result(url, current, response, redirects,
                                            f"more than {self.policy.max_redirects} redirects")
                    current = current.join(location)
                    redirects.append(str(current))
                    continue
                if response.status_code == 429 or response.status_code >= 500:
                    raise _Retryable(response.status_code, _retry_after(response))
                return self._read(url, current, response, redirects, deadline)
            finally:
                response.close()

    def _read(self, url: str, final: httpx.URL, response: httpx.Response, redirects: list[str],
              deadline: float) -> FetchResult:
        if response.status_code != 200:
            return self._result(url, final, response, redirects,
                                f"HTTP {response.status_code} {response.reason_phrase}".strip())
        ctype = response.headers.get("content-type", "").strip().lower()
        if ctype and not ctype.startswith(_ARTICLE_TYPES):
            return self._result(url, final, response, redirects,
                                f"not an article page: Content-Type {ctype.split(';')[0]}")
        limit = self.policy.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            return self._result(url, final, response, redirects,
                                f"body of {int(declared):,} bytes, over the {limit:,}-byte limit")
        body = bytearray()
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > limit:
                return self._result(url, final, response, redirects,
                                    f"body over the {limit:,}-byte limit: dropped")
            if time.monotonic() > deadline:
                raise httpx.ReadTimeout("response too slow", request=response.request)
        result = self._result(url, final, response, redirects, None)
        result.body = bytes(body)
        return result

    def _result(self, url: str, final: httpx.URL, response: httpx.Response, redirects: list[str],
                error: str | None) -> FetchResult:
        headers = {k.lower(): v for k, v in response.headers.multi_items()
                   if k.lower() not in _DROPPED_HEADERS}
        return FetchResult(url, final_url=redact_url(str(final)), status=response.status_code,
                           headers=headers, fetched_at=_now(),
                           redirects=[redact_url(r) for r in redirects],
                           error=error, permanent=error is not None)


def _n(count: int, what: str) -> str:
    return f"{count} {what}{'' if count == 1 else 's'}"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds())
    except (TypeError, ValueError):
        return None


def _describe(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}"[:200] if text else type(exc).__name__


def _interleaved(urls: Iterable[str]) -> list[str]:
    """One URL per host in turn, so threads waiting on one host's pace do not hold up the
    others (a batch of 100 pages of one site and 10 of another)."""
    by_host: dict[str, list[str]] = {}
    for u in urls:
        try:
            host = httpx.URL(u.strip()).host
        except httpx.InvalidURL:
            host = ""
        by_host.setdefault(host, []).append(u)
    queues = list(by_host.values())
    out: list[str] = []
    while queues:
        out += [q.pop(0) for q in queues]
        queues = [q for q in queues if q]
    return out


def fetch_docs(urls: Iterable[str], dest: Storage, fetcher: Fetcher, *, refetch: bool = False,
               ) -> Iterator[RawDoc]:
    """The documents behind `urls`, fetched `policy.concurrency` at a time and stored raw
    under `dest`; a URL already stored (earlier run or retried task) is read back, not
    fetched, unless `refetch`. A page that could not be had is a document with an error."""

    def get(url: str) -> RawDoc:
        shown = redact_url(url.strip())  # what every record, key and log line names
        try:
            name = url_key(shown)
        except ValueError as exc:  # UnsafeKey too
            return RawDoc(shown, "", shown, error=f"not a usable URL: {exc}")
        try:
            if not refetch:
                stored = _stored(dest, name, shown, fetcher.policy.max_bytes)
                if stored is not None:
                    return stored
            result = fetcher.fetch(url)
            result.url = shown
            if not result.ok:
                status = RunStatus.REJECTED if result.permanent else RunStatus.FAILED
                return RawDoc(name, name, shown, error=result.error, error_status=status)
            return _store(dest, name, result)
        except Exception as exc:  # a bug must cost one page, never the batch
            log.error("unexpected error fetching %s: %s", shown, _describe(exc))
            return RawDoc(name, name, shown, error=_describe(exc), error_status=RunStatus.FAILED)

    with ThreadPoolExecutor(fetcher.policy.concurrency, thread_name_prefix="fetch") as pool:
        yield from pool.map(get, _interleaved(urls))


def _store(dest: Storage, name: str, result: FetchResult) -> RawDoc:
    """Body first, metadata last: metadata present means the body beside it is complete."""
    ctype = result.headers.get("content-type")
    body_key, meta_key = raw_keys(name, ctype)
    meta = {"url": result.url, "final_url": result.final_url, "status": result.status,
            "fetched_at": result.fetched_at, "redirects": result.redirects,
            "attempts": result.attempts, "body_key": body_key, "size": len(result.body or b""),
            "sha256": sha256(result.body or b""), "headers": result.headers}
    try:
        dest.write(body_key, gzip.compress(result.body or b"", mtime=0), "application/gzip")
        dest.write(meta_key, (json.dumps(meta, ensure_ascii=False, indent=1) + "\n").encode(),
                   "application/json")
    except StorageError as exc:
        return RawDoc(name, name, result.url, error=f"fetched, but {exc}",
                      error_status=RunStatus.FAILED)
    return RawDoc(name, name, result.url, with_http_charset(result.body or b"", ctype),
                  url=result.final_url)


def _stored(dest: Storage, name: str, url: str, max_bytes: int) -> RawDoc | None:
    """A page stored by an earlier run, read back within the fetch's own size limit (the
    one capped gzip reader of newsclean: a body no fetch could have stored is refused)."""
    _, meta_key = raw_keys(name)
    try:
        data = dest.read_if_exists(meta_key)
        if data is None:
            return None
        meta = json.loads(data)
        body, _ = inflate(dest.read(meta["body_key"]), max_bytes=max_bytes,
                          max_ratio=_MAX_INFLATE_RATIO)
    except (StorageError, InputRejected, ValueError, KeyError, OSError, EOFError):
        return None  # damaged or half-written: fetch again
    if meta.get("url") != url or sha256(body) != meta.get("sha256"):
        return None
    ctype = (meta.get("headers") or {}).get("content-type")
    return RawDoc(name, name, url, with_http_charset(body, ctype), url=meta.get("final_url") or url)
