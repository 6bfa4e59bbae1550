"""Hostile and broken inputs: each is recorded with a status and a reason, none crashes or
stalls a run, none becomes a "clean" article, and nothing outside the input is read,
fetched or written (entities, links, record ids that climb out)."""

import gzip
import http.server
import json
import os
import threading
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from newsclean.cleaners import CleanOptions, clean
from newsclean.flows.storage.backends import UnsafeKey, check_key
from newsclean.flows.storage.layout import record_rel, rel_for, safe_segment
from newsclean.flows.work.batch import ReviewPolicy, RunPlan, process_batch
from tests.conftest import SEEDS

ARTICLE = (SEEDS / "001_senate-farm-bill-stalls.txt").read_text("utf-8")
PAGE = (SEEDS / "105_drupal-ice-storm-outages.html").read_bytes()
PROSE = ("The council voted on Thursday to approve the budget for the coming year, "
         "officials said after a meeting that ran late into the evening. ")
MARKER = "XXE-MARKER-7f3a91"
# Long enough to be kept as an article paragraph if an entity ever pulled it in.
SECRET = (f"{MARKER} The private ledger lists every payment the council made in secret, "
          "and it should never appear in a cleaned article, whatever the page asks for. ")


def _page(body: str, doctype: str = "") -> bytes:
    return (f"{doctype}<html><head><title>City budget</title></head><body>"
            f"<article>{body}</article></body></html>").encode()


def _bomb(gigabytes: int = 4) -> bytes:
    """gzip members of 64 MB of zeros each (~64 KB compressed), built 1 MB at a time:
    `gigabytes` GB inflated from ~1 MB per GB, and never held inflated here."""
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    member = b"".join(z.compress(bytes(1 << 20)) for _ in range(64)) + z.flush()
    return member * (16 * gigabytes)


def _billion_laughs() -> bytes:
    levels = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    doctype = f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY lol0 "lol">{levels}]>'
    return _page("<p>&lol9;</p><p>&lol9;&lol9;&lol9;</p>", doctype)


def _truncated_gzip() -> bytes:
    data = gzip.compress(ARTICLE.encode())
    return data[: len(data) // 2]


def _boilerplate_text() -> bytes:
    return "\n\n".join([
        "Skip to content", "Home » News » Local", "Advertisement", "Share this:",
        "Facebook", "Twitter", "Sign up for our newsletter",
        "Get real time updates directly on you device, subscribe now.",
        "Tags: Budget, Council", "© 2018 Daily Times. All rights reserved.",
    ]).encode()


def _boilerplate_page() -> bytes:
    return (b"<html><head><title>Daily Times</title></head><body><nav><a href='/'>Home</a>"
            b"<a href='/news'>News</a><a href='/sport'>Sport</a></nav><div class='cookie'>"
            b"We use cookies to improve your experience.</div><footer>"
            b"<p>\xc2\xa9 2018 Daily Times. All rights reserved.</p><p>Advertisement</p>"
            b"</footer></body></html>")


# name -> (bytes, file name, the statuses it may end with in a run's manifest)
REFUSED = {"rejected", "empty"}
HOSTILE = {
    "empty": (lambda: b"", "empty.txt", {"empty"}),
    "whitespace-only": (lambda: b"  \n\t \r\n\n   ", "blank.txt", {"empty"}),
    "png-as-html": (lambda: b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16, "photo.html", {"rejected"}),
    "binary-as-txt": (lambda: bytes(range(256)) * 64, "dump.txt", {"rejected"}),
    "nul-bytes": (lambda: b"\x00" * 8192, "nulls.txt", {"rejected"}),
    "truncated-gzip": (_truncated_gzip, "story.txt.gz", {"rejected"}),
    "decompression-bomb": (_bomb, "bomb.html.gz", {"rejected"}),
    "gzip-of-gzip": (lambda: gzip.compress(gzip.compress(bytes(4 << 20))), "nested.txt.gz",
                     {"rejected"}),
    "10mb-line": (lambda: (PROSE * (10_000_000 // len(PROSE))).encode(), "line.txt", {"rejected"}),
    "10mb-line-no-spaces": (lambda: b"x" * 10_000_000, "xxx.txt", {"rejected"}),
    "10mb-line-html": (lambda: _page("<p>" + PROSE * (10_000_000 // len(PROSE)) + "</p>"),
                       "line.html", REFUSED),
    "nested-100k": (lambda: _page("<div>" * 100_000 + PROSE * 3 + "</div>" * 100_000),
                    "deep.html", REFUSED),
    # Never expanded: the page keeps its literal "&lol9;" references, as a browser shows
    # them, a few words that the review policy holds back.
    "billion-laughs": (_billion_laughs, "laughs.html", {"needs_review", *REFUSED}),
    "boilerplate-only-text": (_boilerplate_text, "chrome.txt", {"empty"}),
    "boilerplate-only-page": (_boilerplate_page, "chrome.html", {"empty"}),
}
# Not hostile, only old or unusual: cleaned like any other article.
LEGIT = {
    "utf-16-bom": (lambda: ARTICLE.encode("utf-16"), "utf16.txt"),
    "utf-16-be-no-bom": (lambda: ARTICLE.encode("utf-16-be"), "utf16be.txt"),
    "cp1252-undeclared": (lambda: ARTICLE.encode("cp1252"), "cp1252.txt"),
    "stray-nul-bytes": (lambda: ARTICLE.replace("Senate on", "Senate\x00 on").encode(),
                        "stray-nul.txt"),
    "page-utf-16": (lambda: PAGE.decode("utf-8").encode("utf-16"), "page16.html"),
}


def _verdict(result) -> tuple[str, str | None]:
    """The status and reason a run would record: `clean()`'s, then the review policy's."""
    if result.status != "cleaned":
        return str(result.status), result.reason
    why = ReviewPolicy().verdict(result.stats["words_out"], result.stats["prose_removed_share"])
    return ("needs_review", why) if why else ("cleaned", None)


@pytest.mark.timeout(120)
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_is_refused_with_a_reason(name):
    make, filename, allowed = HOSTILE[name]
    result = clean(make(), source=filename)
    status, reason = _verdict(result)
    assert status in allowed, (status, reason)
    assert reason
    assert len(result.text) < 100 and "lollol" not in result.text


@pytest.mark.parametrize("name", sorted(LEGIT))
def test_unusual_encodings_are_cleaned_not_refused(name):
    make, filename = LEGIT[name]
    result = clean(make(), source=filename)
    assert result.status == "cleaned", result.reason
    assert "\x00" not in result.text
    if filename.endswith(".txt"):
        assert "crop insurance subsidies for five years stalled in the Senate" in result.text
        assert "Skip to content" not in result.text


def test_decompression_bomb_is_stopped_at_the_cap():
    bomb = _bomb(4)
    assert len(bomb) < 5 << 20  # 4 GB inflated from ~4 MB
    result = clean(bomb, options=CleanOptions(max_inflated_bytes=8 << 20))
    assert result.status == "rejected"
    assert "decompression bomb" in result.reason and "8,388,608" in result.reason


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list = []

    def do_GET(self):  # noqa: N802 - the base class's name
        self.hits.append(self.path)
        body = SECRET.encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def recorder():
    """A loopback HTTP server that records every request it gets."""
    hits: list[str] = []
    handler = type("Handler", (_Recorder,), {"hits": hits})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()
        server.server_close()


def _xxe_pages(secret_file: Path, url: str) -> list[bytes]:
    doctype = (f'<?xml version="1.0"?><!DOCTYPE html [\n'
               f'<!ENTITY file SYSTEM "file://{secret_file}">\n'
               f'<!ENTITY web SYSTEM "{url}/entity">\n'
               f'<!ENTITY % remote SYSTEM "{url}/dtd"> %remote;\n]>')
    return [
        _page("<p>&file;</p><p>&web;</p>", doctype),
        _page("<p>&file;</p>", f'<!DOCTYPE html SYSTEM "{url}/external.dtd">'),
        _page(f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file://{secret_file}"'
              f' parse="text"/><iframe src="{url}/frame"></iframe><img src="{url}/img.png">'
              f'<link rel="stylesheet" href="{url}/style.css"><script src="{url}/app.js"></script>'
              f'<object data="{url}/object"></object>', doctype),
    ]


def test_entities_and_links_are_never_resolved_or_fetched(tmp_path, recorder):
    url, hits = recorder
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET * 3)
    # The control: the same page with the secret inline is cleaned and keeps it, so an
    # entity that were resolved would show in the checks below.
    control = clean(_page(f"<p>{SECRET * 3}</p>"))
    assert control.status == "cleaned" and MARKER in control.text
    for page in _xxe_pages(secret, url):
        for hint in (None, "html", "text"):
            result = clean(page, options=CleanOptions(format_hint=hint))
            assert MARKER not in json.dumps(result.to_dict())
            assert "lollol" not in result.text
    assert hits == []


def test_a_page_that_runs_too_long_is_stopped_and_reported(tmp_path):
    """trafilatura has no timeout: the batch stops it at `max_seconds`, in the main thread
    (SIGALRM) and in a worker thread (injected exception) alike."""
    src = tmp_path / "raw"
    src.mkdir()
    # 200 blocks nested 250 deep: ~5 s in trafilatura on this machine (see flows/deadline.py)
    slow = _page(("<div>" * 250 + f"<p>{PROSE}</p>" + "</div>" * 250) * 200)
    (src / "slow.html").write_bytes(slow)
    (src / "fine.txt").write_text(ARTICLE)
    keys = ["slow.html", "fine.txt"]
    for where in ("main thread", "worker thread"):
        dest = tmp_path / where
        plan = RunPlan(source_url=str(src), dest_url=str(dest),
                       options=CleanOptions(max_seconds=0.5))
        if where == "main thread":
            slow_entry, fine = process_batch(keys, plan)
        else:
            with ThreadPoolExecutor(1) as pool:
                slow_entry, fine = pool.submit(process_batch, keys, plan).result()
        assert slow_entry.status == "rejected"
        assert slow_entry.reason == "cleaning took longer than 0.5 s (limit max_seconds): stopped"
        assert fine.status == "cleaned"
        assert json.loads((dest / "slow.json").read_text())["status"] == "rejected"
        assert not (dest / "slow.txt").exists()


@pytest.mark.parametrize("key", ["../x", "../../x", "a/../../x", "/etc/passwd", "a//b", "./a",
                                 "a/./b", "a\\..\\b", "a\x00b", "", "a/"])
def test_keys_that_climb_out_are_refused(key):
    with pytest.raises(UnsafeKey):
        check_key(key)
    with pytest.raises(UnsafeKey):
        rel_for(f"{key}/story.txt")


@pytest.mark.parametrize("record_id", ["../../x", "../../../etc/passwd", "/abs/path", "a/../../b",
                                       "..", ".", "", "\x00", "ok id", "日本語"])
def test_record_ids_become_one_safe_key_segment(record_id):
    """How the archive readers (flows/readers.py) name a record: REL/<one safe segment>."""
    key = record_rel("dumps/2018", record_id) if record_id else record_rel("dumps/2018", "id")
    assert key.startswith("dumps/2018/") and key.count("/") == 2
    assert check_key(key) == key


def _hostile_tree(root: Path) -> tuple[Path, dict[str, set[str]]]:
    """A source folder holding every hostile input, the unusual-but-legit ones, odd names,
    links leading out of it and an archive whose record ids climb; key -> the statuses
    its manifest line may have."""
    src = root / "raw"
    src.mkdir()
    expected: dict[str, set[str]] = {}
    for name, (make, filename, allowed) in HOSTILE.items():
        key = f"hostile/{name}-{filename}"
        (src / key).parent.mkdir(exist_ok=True)
        (src / key).write_bytes(make())
        expected[key] = allowed
    for name, (make, filename) in LEGIT.items():
        (src / "legit").mkdir(exist_ok=True)
        (src / f"legit/{name}-{filename}").write_bytes(make())
        expected[f"legit/{name}-{filename}"] = {"cleaned"}
    for odd in ["with space.txt", "quote's \"double\".txt", "ünïcödé-日本語.txt", ".hidden.txt",
                "-dash.txt", "semi;colon&amp.txt", "#hash%41?.txt"]:
        (src / "names").mkdir(exist_ok=True)
        (src / "names" / odd).write_text(ARTICLE)
        expected[f"names/{odd}"] = {"cleaned"}
    outside = root / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(ARTICLE.replace("WASHINGTON", MARKER))
    os.symlink(outside / "secret.txt", src / "leak.txt")
    os.symlink(outside, src / "leakdir")  # a folder link: never descended into
    os.symlink(src / "names" / "with space.txt", src / "inside-link.txt")  # stays inside: fine
    os.symlink(src / "names" / "gone.txt", src / "dangling.txt")  # its target is missing
    expected["leak.txt"] = {"rejected"}
    expected["inside-link.txt"] = {"cleaned"}
    expected["dangling.txt"] = {"failed"}  # listed and accounted for, not silently left out
    records = [{"id": rid, "text": ARTICLE} for rid in
               ("../../x", "../../../escaped", "/abs", "a/../../b", "..", "fine")]
    (src / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    for r in records:
        expected[f"feed.jsonl#{safe_segment(r['id'])}"] = {"cleaned"}
    return src, expected


def _snapshot(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


@pytest.mark.prefect
@pytest.mark.timeout(300)
def test_one_run_over_every_hostile_input_accounts_for_each(tmp_path):
    from newsclean.flows.orchestration.clean_flow import clean_articles

    src, expected = _hostile_tree(tmp_path)
    dest = tmp_path / "clean"
    outside_before = _snapshot(tmp_path / "outside")
    around_before = {p.name for p in tmp_path.parent.iterdir()}

    summary = clean_articles(source=str(src), dest=str(dest), batch_size=5)

    manifests = sorted((dest / "_manifests").glob("*.jsonl"))
    assert len(manifests) == 1 and not list((dest / "_manifests").glob("*.parts/*"))
    lines = [json.loads(x) for x in manifests[0].read_text().splitlines()]
    assert summary["inputs"] == len(lines)
    got = {line["key"]: line for line in lines}
    assert len(got) == len(lines)
    assert set(got) == set(expected)
    for key, want in expected.items():
        line = got[key]
        assert line["status"] in want, (key, line)
        if line["status"] != "cleaned":
            assert line.get("reason"), key
        if line["status"] in REFUSED:
            assert "dest" not in line, key
    assert "symbolic link leads out" in got["leak.txt"]["reason"]

    written = [p for p in dest.rglob("*") if p.is_file()]
    for p in written:  # every output below the destination, none of them a leak
        assert p.resolve().is_relative_to(dest.resolve())
        assert MARKER not in p.read_text("utf-8", errors="replace")
    texts = [p.relative_to(dest).as_posix() for p in written if p.suffix == ".txt"]
    held = [t for t in texts if t.startswith("_review/")]
    assert len(texts) - len(held) == sum(1 for line in lines if line["status"] == "cleaned")
    assert len(held) == sum(1 for line in lines if line["status"] == "needs_review")
    assert {p.name for p in tmp_path.parent.iterdir()} == around_before
    assert _snapshot(tmp_path / "outside") == outside_before
    assert {p.name for p in tmp_path.iterdir()} == {"raw", "clean", "outside"}


@pytest.mark.s3
def test_each_limit_is_reported_in_the_manifest_when_it_fires(tmp_path, s3, moto_endpoint):
    """Raw size (checked before the input is read, locally and on S3), inflated size,
    inflation ratio and output size: the entry says which limit and by how much."""
    from newsclean.flows.storage.settings import S3Settings

    src = tmp_path / "raw"
    src.mkdir()
    inputs = {"big.txt": ARTICLE.encode() * 8, "packed.txt.gz": gzip.compress(ARTICLE.encode() * 400),
              "long.txt": ARTICLE.encode(), "fine.txt": ARTICLE[:1500].encode()}
    bucket = s3.make_bucket("limits")
    for name, data in inputs.items():
        (src / name).write_bytes(data)
        s3.put_object(Bucket=bucket, Key=f"raw/{name}", Body=data)
    options = CleanOptions(max_raw_bytes=len(ARTICLE.encode()) * 5, max_inflated_bytes=8 << 20,
                           max_inflate_ratio=20, max_output_chars=2000)
    settings = S3Settings(endpoint_url=moto_endpoint)
    for source in (str(src), f"s3://{bucket}/raw/"):
        plan = RunPlan(source_url=source, dest_url=str(tmp_path / "out"), s3=settings,
                       options=options, dry_run=True)
        big, packed, long, fine = process_batch(list(inputs), plan)
        size = len(inputs["big.txt"])
        assert (big.status, big.reason) == (
            "rejected", f"input is {size:,} bytes, over the {options.max_raw_bytes:,}-byte "
                        "limit (max_raw_bytes): not read")
        assert packed.status == "rejected" and "1,048,576 bytes" in packed.reason  # ratio floor: 1 MB
        assert long.status == "rejected" and "over the 2,000 limit" in long.reason
        assert fine.status in ("cleaned", "needs_review")


def test_inputs_that_share_a_name_stem_are_both_kept(tmp_path):
    """story.txt beside story.html (or es.txt beside es.txt.gz) map to the same place:
    the second keeps its whole name, neither copy is lost, and a rerun changes nothing."""
    src, dest = tmp_path / "raw", tmp_path / "clean"
    src.mkdir()
    (src / "story.html").write_bytes(PAGE)
    (src / "story.txt").write_text(ARTICLE)
    (src / "story.txt.gz").write_bytes(gzip.compress(ARTICLE.encode()))
    keys = ["story.html", "story.txt", "story.txt.gz"]
    plan = RunPlan(source_url=str(src), dest_url=str(dest))
    first = process_batch(keys, plan)
    assert [e.status for e in first] == ["cleaned"] * 3
    assert len({e.dest for e in first}) == 3
    records = {json.loads(p.read_text())["source_key"] for p in dest.glob("*.json")}
    assert records == set(keys)
    again = process_batch(keys, plan)
    assert [e.status for e in again] == ["unchanged"] * 3
    assert [e.dest for e in again] == [e.dest for e in first]


@pytest.mark.parametrize(("key", "input_"), [
    ("clean/_manifests/20261130T010203Z-abc.jsonl", False),  # an earlier run's destination
    ("clean/_review/story.txt", False),
    ("clean/_shards/run/part-1.jsonl", False),
    (".venv/lib/python3.11/site-packages/pkg/README.txt", False),
    ("a/.git/description.txt", False),
    (".hidden.txt", True),  # an odd name, still an input
    ("2018/07/story.txt", True),
])
def test_earlier_outputs_and_hidden_folders_are_not_inputs(key, input_):
    from newsclean.flows.storage.layout import is_included

    assert is_included(key) is input_
