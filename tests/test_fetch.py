"""Fetching article pages: against a fixture HTTP server on 127.0.0.1 started by the tests.

The server answers like the web does: redirects, 404s, a 500 that goes away, a 429 with
Retry-After, a page that never comes, a body that never ends, an image, a legacy-encoded
page. Loopback is refused unless allowed, so the fetcher is built with allow_private
(or an allowed network) except in the tests of that refusal.
"""

import contextlib
import gzip
import json
import logging
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsclean.flows.sources.fetch import AddressGuard, Fetcher, FetchPolicy, fetch_docs
from newsclean.flows.storage.backends import LocalStorage
from newsclean.flows.storage.layout import url_key
from tests.conftest import ROOT

ARTICLE = (
    b"<html><head><meta charset='utf-8'><title>Harbor Council Approves New Budget</title></head>"
    b"<body><nav>Home | News | Sports | Weather</nav><article>"
    b"<h1>Harbor Council Approves New Budget</h1>"
    b"<p>The Harbor City council voted 7-2 on Tuesday to approve a $48 million budget that "
    b"expands bus service and adds four branch libraries, ending months of debate.</p>"
    b"<p>Advertisement</p>"
    b"<p>Mayor Lena Ortiz said the plan keeps the tax rate flat while paying for road repairs "
    b"that were delayed during the pandemic, and thanked residents who spoke at hearings.</p>"
    b"<p>Opponents argued the spending would leave the city with thin reserves if the port's "
    b"revenue falls, and asked for a review of the library plan next spring.</p>"
    b"<p>Sign up for our daily newsletter</p></article></body></html>"
)
LATIN = ("<html><body><article><h1>Glaciers Retreat Faster</h1><p>The study, led by "
         "glaciologist Hélène Bérard of the Alpine Cryosphere Observatory, found that the "
         "glaciers' combined volume fell by 18% between 2008 and 2018, compared with the 10% "
         "projected by the regional models most widely used by water authorities.</p>"
         "<p>Bérard said the café owners of the valley had seen the change long before the "
         "satellites did, and that the models would be revised this year.</p></article>"
         "</body></html>").encode("cp1252")
SLOW_SECONDS = 3.0


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:  # quiet test output
        pass

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        server = self.server
        path = self.path
        with server.lock:
            server.hits[path] += 1
            hits = server.hits[path]
            server.arrivals.append((path, time.monotonic()))
        route = path.split("?")[0]
        if route == "/robots.txt":  # one folder kept from crawlers
            return self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        if route == "/article" or route.startswith("/private/"):
            return self._send(200, ARTICLE, "text/html; charset=utf-8")
        if route == "/latin":  # charset only in the HTTP header, none in the page
            return self._send(200, LATIN, "text/html; charset=windows-1252")
        if route == "/plain":
            return self._send(200, b"Just a line of plain text.\n", "text/plain; charset=utf-8")
        if route.startswith("/r/"):  # /r/2 -> /r/1 -> /article, relative Locations
            n = int(route[3:])
            return self._redirect("/article" if n <= 1 else f"/r/{n - 1}")
        if route == "/loop":
            return self._redirect("/loop")
        if route == "/elsewhere":  # a redirect to another loopback address
            return self._redirect(f"http://127.0.0.2:{server.server_port}/article")
        if route == "/missing":
            return self._send(404, b"<html><body>Not found</body></html>", "text/html")
        if route == "/flaky":  # fails once, then works
            return self._send(500, b"oops", "text/plain") if hits == 1 else \
                self._send(200, ARTICLE, "text/html")
        if route == "/throttled":
            if hits == 1:
                return self._send(429, b"slow down", "text/plain", {"Retry-After": "0"})
            return self._send(200, ARTICLE, "text/html")
        if route == "/down":
            return self._send(503, b"down", "text/plain")
        if route == "/slow":
            time.sleep(SLOW_SECONDS)
            return self._send(200, ARTICLE, "text/html")
        if route == "/huge":  # no Content-Length: the body just keeps coming
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(64):
                    self.wfile.write(b"<p>" + b"x" * 32_768 + b"</p>")
            except (BrokenPipeError, ConnectionResetError):
                pass
            return None
        if route == "/huge-declared":
            return self._send(200, b"<p>tiny</p>", "text/html", {"Content-Length": str(50 << 20)})
        if route == "/image":
            return self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(512), "image/png")
        return self._send(404, b"no route", "text/plain")

    def _redirect(self, location: str) -> None:
        self._send(302, b"", "text/html", {"Location": location})

    def _send(self, status: int, body: bytes, ctype: str, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        headers = headers or {}
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Set-Cookie", "session=secret")
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)


@pytest.fixture(scope="module")
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    server.hits = Counter()
    server.arrivals = []
    server.lock = threading.Lock()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.base = f"http://127.0.0.1:{server.server_port}"
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


# Fast and impatient: loopback answers in milliseconds.
FAST = FetchPolicy(timeout=0.5, retries=2, backoff=0.01, per_host_rate=0, max_bytes=256 << 10)


def _fetcher(policy: FetchPolicy = FAST, **guard) -> Fetcher:
    return Fetcher(policy, AddressGuard(**(guard or {"allow_private": True})))


def test_a_page_is_fetched_through_its_redirects(site):
    with _fetcher() as f:
        result = f.fetch(f"{site.base}/r/2")
    assert result.ok and result.status == 200 and result.body == ARTICLE
    assert result.final_url == f"{site.base}/article"
    assert result.redirects == [f"{site.base}/r/1", f"{site.base}/article"]
    assert result.headers["content-type"] == "text/html; charset=utf-8"
    assert "set-cookie" not in result.headers  # the site's session state is not kept


def test_too_many_redirects_is_a_permanent_refusal(site):
    with _fetcher(FAST.model_copy(update={"max_redirects": 3})) as f:
        result = f.fetch(f"{site.base}/loop")
    assert result.permanent and result.error == "more than 3 redirects"
    assert site.hits["/loop"] == 4  # the page and three redirects


def test_404_is_not_retried(site):
    with _fetcher() as f:
        result = f.fetch(f"{site.base}/missing?case=404")
    assert result.permanent and result.error == "HTTP 404 Not Found"
    assert site.hits["/missing?case=404"] == 1


def test_a_500_that_goes_away_is_retried(site):
    with _fetcher() as f:
        result = f.fetch(f"{site.base}/flaky?case=500")
    assert result.ok and result.attempts == 2
    assert site.hits["/flaky?case=500"] == 2


def test_429_is_retried_after_the_servers_retry_after(site):
    with _fetcher() as f:
        result = f.fetch(f"{site.base}/throttled?case=429")
    assert result.ok and result.attempts == 2


def test_a_server_that_stays_down_fails_after_the_retries(site):
    with _fetcher() as f:
        result = f.fetch(f"{site.base}/down?case=503")
    assert not result.ok and not result.permanent
    assert result.error == "HTTP 503 after 3 attempts"
    assert site.hits["/down?case=503"] == 3


def test_a_slow_response_times_out(site):
    policy = FAST.model_copy(update={"timeout": 0.3, "retries": 1})
    with _fetcher(policy) as f:
        result = f.fetch(f"{site.base}/slow?case=timeout")
    assert not result.ok and not result.permanent
    assert result.error == "timed out after 2 attempts"


@pytest.mark.parametrize("path", ["/huge", "/huge-declared"])
def test_a_huge_body_is_dropped_at_the_limit(site, path):
    with _fetcher() as f:
        result = f.fetch(f"{site.base}{path}")
    assert result.permanent and result.body is None
    assert "over the 262,144-byte limit" in result.error


def test_a_non_html_body_is_refused_unread(site):
    with _fetcher() as f:
        result = f.fetch(f"{site.base}/image")
    assert result.permanent and result.error == "not an article page: Content-Type image/png"


@pytest.mark.parametrize("url", ["{base}/article?case=loopback", "http://localhost:{port}/article",
                                 "http://[::1]:{port}/article", "http://0.0.0.0:{port}/article"])
def test_loopback_is_refused_without_allow_private(site, url):
    url = url.format(base=site.base, port=site.server_port)
    before = sum(site.hits.values())
    with _fetcher(allow_private=False) as f:
        result = f.fetch(url)
    assert result.permanent and "refused (allow with --allow-private" in result.error
    assert any(f"{kind} address" in result.error for kind in ("loopback", "private"))
    assert sum(site.hits.values()) == before  # nothing was sent


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/a", "file:///etc/passwd", "gopher://x/"])
def test_only_http_and_https_are_fetched(url):
    with _fetcher() as f:
        result = f.fetch(url)
    assert result.permanent and result.error.startswith("only http and https URLs are fetched")


@pytest.mark.parametrize(("line", "said"), [
    ("not a url", "not a URL: 'not a url'"),
    ("news.example/2018/story.html",
     "not a URL: 'news.example/2018/story.html' (did you mean https://news.example/2018/story.html?)"),
])
def test_a_line_without_a_scheme_is_called_not_a_url(line, said):
    """It was "only http and https URLs are fetched, not ?:" (a new user's report)."""
    with _fetcher() as f:
        result = f.fetch(line)
    assert result.permanent and result.error == said


def test_every_redirect_hop_is_checked(site):
    """127.0.0.1 allowed, 127.0.0.2 not: the redirect to it is refused before it is sent."""
    with _fetcher(allow_networks=["127.0.0.1/32"]) as f:
        allowed = f.fetch(f"{site.base}/article?case=network")
        redirected = f.fetch(f"{site.base}/elsewhere")
    assert allowed.ok
    assert redirected.permanent
    assert "127.0.0.2 resolves to loopback address 127.0.0.2: refused" in redirected.error
    assert site.hits["/elsewhere"] == 1


def test_requests_to_one_host_are_spaced_by_the_rate(site):
    policy = FAST.model_copy(update={"per_host_rate": 10, "concurrency": 4})
    urls = [f"{site.base}/article?case=rate-{i}" for i in range(4)]
    with _fetcher(policy) as f:
        results = list(map(f.fetch, urls))
    assert all(r.ok for r in results)
    times = sorted(t for p, t in site.arrivals if "case=rate-" in p)
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert min(gaps) >= 0.1 - 0.03  # 10 a second: a tenth of a second apart, give or take


def test_fetched_pages_are_stored_raw_and_read_back_without_fetching(site, tmp_path):
    store = LocalStorage(tmp_path)
    urls = [f"{site.base}/r/1?case=store", f"{site.base}/latin", f"{site.base}/missing?case=store"]
    with _fetcher() as f:
        docs = list(fetch_docs(urls, store, f))
    by_url = {d.source: d for d in docs}
    page = by_url[urls[0]]
    assert page.url == f"{site.base}/article" and page.raw == ARTICLE
    assert page.rel == url_key(urls[0]) and page.rel.startswith("127.0.0.1_")
    meta = json.loads((tmp_path / "_raw" / f"{page.rel}.json").read_text())
    assert meta["url"] == urls[0] and meta["final_url"] == f"{site.base}/article"
    assert meta["status"] == 200 and meta["redirects"] == [f"{site.base}/article"]
    assert meta["headers"]["content-type"] == "text/html; charset=utf-8"
    assert meta["fetched_at"].endswith("Z")
    assert gzip.decompress((tmp_path / meta["body_key"]).read_bytes()) == ARTICLE
    latin = by_url[urls[1]]
    assert "Hélène Bérard" in latin.raw.decode("utf-8")  # the header's charset, applied
    stored_latin = json.loads((tmp_path / "_raw" / f"{latin.rel}.json").read_text())
    assert gzip.decompress((tmp_path / stored_latin["body_key"]).read_bytes()) == LATIN  # as sent
    missing = by_url[urls[2]]
    assert missing.error == "HTTP 404 Not Found" and missing.error_status == "rejected"

    hits = sum(site.hits.values())
    with _fetcher() as f:
        again = list(fetch_docs(urls, store, f))
    # only the 404 is asked again (after the site's robots.txt, read once per batch)
    assert sum(site.hits.values()) == hits + 2 and site.hits["/robots.txt"] >= 2
    assert [d.raw for d in again[:2]] == [d.raw for d in docs[:2]]
    with _fetcher() as f:
        list(fetch_docs(urls[:1], store, f, refetch=True))
    assert site.hits["/r/1?case=store"] == 2


@pytest.mark.s3
def test_url_lists_come_from_the_parameter_and_a_file_in_s3(s3, moto_endpoint):
    from newsclean.flows.orchestration.fetch_flow import iter_urls
    from newsclean.flows.storage.backends import StorageError
    from newsclean.flows.storage.settings import S3Settings

    bucket = s3.make_bucket("urls")
    s3.put_object(Bucket=bucket, Key="lists/july.txt", Body=b"\xef\xbb\xbf# July stories\n"
                  b"https://a.example/1\n\n  https://a.example/2  \nhttps://a.example/0\n")
    settings = S3Settings(endpoint_url=moto_endpoint)
    urls = iter_urls(["https://a.example/0"], f"s3://{bucket}/lists/july.txt", settings)
    assert list(urls) == ["https://a.example/0", "https://a.example/1", "https://a.example/2"]
    with pytest.raises(StorageError, match="no such URL file"):
        list(iter_urls([], f"s3://{bucket}/lists/missing.txt", settings))


# Through the flow and the command line ---------------------------------------------------


@pytest.mark.prefect
def test_fetch_and_clean_flow_keeps_raw_copies_and_reruns_offline(site, tmp_path):
    from newsclean.flows.orchestration.fetch_flow import fetch_and_clean

    dest = tmp_path / "clean"
    urls = [f"{site.base}/article?case=flow", f"{site.base}/latin?case=flow",
            f"{site.base}/missing?case=flow", f"{site.base}/image?case=flow",
            f"{site.base}/article?case=flow"]  # listed twice: fetched once
    summary = fetch_and_clean(dest=str(dest), urls=urls, allow_private=True, fetch=FAST,
                              batch_size=2, shard_size=10)

    assert summary["inputs"] == 4
    assert summary["statuses"] == {"cleaned": 2, "rejected": 2}
    manifest = {m["source"]: m for m in (json.loads(line) for line in next(
        (dest / "_manifests").glob("*.jsonl")).read_text().splitlines())}
    assert manifest[urls[2]]["reason"] == "HTTP 404 Not Found"
    assert manifest[urls[3]]["reason"] == "not an article page: Content-Type image/png"
    name = url_key(urls[0])
    text = (dest / f"{name}.txt").read_text()
    assert text.startswith("The Harbor City council voted") and "Advertisement" not in text
    record = json.loads((dest / f"{name}.json").read_text())
    assert record["url"] == urls[0] and record["source"] == urls[0]
    assert (dest / "_raw" / f"{name}.html.gz").exists()
    assert "Hélène" in (dest / f"{url_key(urls[1])}.txt").read_text()
    [shard] = (dest / "_shards").rglob("*.jsonl")  # the second batch has no article
    assert [json.loads(x)["url"] for x in shard.read_text().splitlines()] == urls[:2]

    hits = sum(site.hits.values())
    again = fetch_and_clean(dest=str(dest), urls=urls[:2], fetch=FAST)  # no allow_private
    assert again["statuses"] == {"unchanged": 2}  # stored pages: nothing fetched or refused
    assert sum(site.hits.values()) == hits


@pytest.mark.prefect
def test_fetch_command_refuses_loopback_unless_allowed(site, tmp_path, prefect_api):
    from prefect.settings import PREFECT_API_URL

    urls = tmp_path / "urls.txt"
    urls.write_text(f"# July stories\n{site.base}/article?case=cli\n\n{site.base}/plain?case=cli\n")
    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value()}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "newsclean.flows.cli", "fetch", str(urls), *args],
                              capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)

    refused = run(str(tmp_path / "out1"), "--timeout", "0.5")
    assert refused.returncode == 0, refused.stderr[-2000:]
    lines = next((tmp_path / "out1/_manifests").glob("*.jsonl")).read_text().splitlines()
    assert [json.loads(x)["status"] for x in lines] == ["rejected", "rejected"]
    assert "loopback address 127.0.0.1" in lines[0]
    assert site.hits["/article?case=cli"] == 0

    allowed = run(str(tmp_path / "out2"), "--allow-private", "--timeout", "0.5", "--retries", "1")
    assert allowed.returncode == 0, allowed.stderr[-2000:]
    assert "cleaned" in allowed.stderr and "manifest:" in allowed.stderr
    [manifest] = (tmp_path / "out2" / "_manifests").glob("*.jsonl")
    assert f"newsclean fetch {manifest.stem}" in allowed.stderr  # not "newsclean run"
    assert (tmp_path / "out2" / f"{url_key(f'{site.base}/article?case=cli')}.txt").exists()


@pytest.mark.prefect
def test_fetch_flow_shares_the_run_skeleton_parts_and_partial_writes(site, tmp_path):
    """Issue 14: the fetch flow had its own drifted copy of the run skeleton: no manifest
    parts while it ran (a killed fetch left no trace of its finished batches) and no
    discarding of a killed run's half-written files."""
    from newsclean.flows.orchestration.fetch_flow import fetch_and_clean

    dest = tmp_path / "clean"
    (dest / "2018").mkdir(parents=True)
    stale = dest / "2018" / ".tmp-abc123.part"  # what a write killed before its rename leaves
    stale.write_bytes(b"half a page")
    seen_parts: list[str] = []
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            seen_parts.extend(p.name for p in dest.glob("_manifests/*.parts/*.jsonl")
                              if p.name not in seen_parts)
            time.sleep(0.02)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        summary = fetch_and_clean(dest=str(dest), urls=[f"{site.base}/article?case=parts",
                                                        f"{site.base}/slow?case=parts"],
                                  allow_private=True, batch_size=1,
                                  fetch=FetchPolicy(timeout=SLOW_SECONDS + 5, retries=1,
                                                    backoff=0.01, per_host_rate=0))
    finally:
        stop.set()
        watcher.join()
    assert summary["statuses"] == {"cleaned": 2}
    assert "00001.jsonl" in seen_parts  # the first batch's lines, while the second ran
    assert not stale.exists()
    [manifest] = (dest / "_manifests").glob("*.jsonl")
    assert len(manifest.read_text().splitlines()) == 2
    assert not list(dest.glob("_manifests/*.parts/*"))


def test_robots_txt_is_honoured_once_per_site_unless_the_site_is_our_own(site, tmp_path):
    """Issue 14: the fetcher ignored robots.txt although the README promises politeness."""
    dest = LocalStorage(tmp_path / "out")
    urls = [f"{site.base}/private/a?case=robots", f"{site.base}/article?case=robots",
            f"{site.base}/private/b?case=robots"]
    before = site.hits["/robots.txt"]
    with _fetcher() as fetcher:
        docs = {d.source: d for d in fetch_docs(urls, dest, fetcher)}
    assert site.hits["/robots.txt"] == before + 1  # read once for the site
    assert site.hits["/private/a?case=robots"] == site.hits["/private/b?case=robots"] == 0
    for url in (urls[0], urls[2]):
        assert docs[url].error_status.value == "rejected"
        assert docs[url].error == f"disallowed by {site.base}/robots.txt"
    assert docs[urls[1]].error is None
    own = FetchPolicy(**{**FAST.model_dump(), "own_sites": ("127.0.0.1",)})
    with _fetcher(own) as fetcher:
        [doc] = fetch_docs([f"{site.base}/private/c?case=robots"], dest, fetcher)
    assert doc.error is None and site.hits["/private/c?case=robots"] == 1


@pytest.mark.prefect
def test_credentials_in_a_url_are_redacted_everywhere_the_run_writes(site, tmp_path, caplog):
    """Issue 14: `http://user:pw@host/path` was written verbatim as the manifest's source,
    in records, raw metadata and logs."""
    from newsclean.flows.orchestration.fetch_flow import fetch_and_clean

    dest = tmp_path / "clean"
    url = f"http://editor:Pa55-Secret@127.0.0.1:{site.server_port}/article?case=creds"
    missing = f"http://editor:Pa55-Secret@127.0.0.1:{site.server_port}/missing?case=creds"
    caplog.set_level(logging.DEBUG)
    summary = fetch_and_clean(dest=str(dest), urls=[url, missing], allow_private=True, fetch=FAST)
    assert summary["statuses"] == {"cleaned": 1, "rejected": 1}
    assert site.hits["/article?case=creds"] == 1
    shown = f"http://***@127.0.0.1:{site.server_port}/article?case=creds"
    [manifest] = (dest / "_manifests").glob("*.jsonl")
    assert json.loads(manifest.read_text().splitlines()[0])["source"] in (shown, missing.replace(
        "editor:Pa55-Secret", "***"))
    written = [p for p in dest.rglob("*") if p.is_file()]
    assert written and not [p for p in written if "Pa55" in str(p)]
    leaks = [p for p in written
             if b"Pa55-Secret" in (gzip.decompress(p.read_bytes()) if p.suffix == ".gz"
                                   else p.read_bytes())]
    assert not leaks
    assert "Pa55-Secret" not in caplog.text
    assert "Pa55-Secret" not in json.dumps(summary)


def test_a_stored_page_is_read_back_through_the_capped_gzip_reader(site, tmp_path):
    """Issue 14: a page stored under _raw/ was read back with an unbounded gzip.decompress
    (one of three gzip paths); it now goes through cleaners' capped `inflate`: a stored body
    no fetch could have produced (here 8 MB from 8 KB) is refused and the page fetched anew."""
    from newsclean.flows.storage.layout import raw_keys
    from newsclean.flows.storage.records import sha256

    url = f"{site.base}/article?case=stored-bomb"
    name = url_key(url)
    body_key, meta_key = raw_keys(name, "text/html")
    bomb = b"<p>" + b"x" * (8 << 20) + b"</p>"
    store = LocalStorage(tmp_path)
    store.write(body_key, gzip.compress(bomb, mtime=0))
    store.write(meta_key, json.dumps({"url": url, "body_key": body_key, "sha256": sha256(bomb),
                                      "headers": {"content-type": "text/html"}}).encode())
    with _fetcher() as fetcher:
        [doc] = fetch_docs([url], store, fetcher)
    assert doc.raw == ARTICLE and site.hits["/article?case=stored-bomb"] == 1


@pytest.mark.prefect
def test_a_fetch_batch_that_fails_after_its_retries_is_accounted_not_fatal(site, tmp_path,
                                                                          monkeypatch):
    """Issue 14: a fetch batch failing after its retries failed the whole fetch run (no
    manifest). Now, as in clean-articles, its URLs get `failed` lines with the reason and
    the other batches finish. Here the shards of the first batch cannot be written (the
    disk fills up under the shard's write), which no per-document handling catches. (A
    file where the `_shards` folder goes no longer serves: the run refuses it before
    cleaning, `LocalStorage.check_writable`.)"""
    from newsclean.flows.orchestration import fetch_flow
    from newsclean.flows.storage.backends import StorageError
    from newsclean.flows.storage.shards import ShardWriter

    def full_disk(self):
        if self._lines:
            raise StorageError("cannot write _shards/…: No space left on device")

    monkeypatch.setattr(fetch_flow, "fetch_batch",
                        fetch_flow.fetch_batch.with_options(retry_delay_seconds=0))
    monkeypatch.setattr(ShardWriter, "flush", full_disk)
    dest = tmp_path / "clean"
    dest.mkdir()
    urls = [f"{site.base}/article?case=batch-fails", f"{site.base}/missing?case=batch-fails"]
    summary = fetch_flow.fetch_and_clean(dest=str(dest), urls=urls, allow_private=True,
                                         fetch=FAST, batch_size=1, shard_size=10)
    assert summary["statuses"] == {"failed": 1, "rejected": 1}
    [manifest] = (dest / "_manifests").glob("*.jsonl")
    lines = {m["source"]: m for m in map(json.loads, manifest.read_text().splitlines())}
    assert lines[urls[0]]["status"] == "failed" and lines[urls[0]]["retryable"] is True
    assert lines[urls[0]]["reason"].startswith("batch failed: ")
