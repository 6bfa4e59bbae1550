"""Record files: JSONL (plain, .gz, .zst), CSV and WARC.gz dumps, one document per record.

The samples are small but shaped like the real thing (CC-News/news-please JSONL, CMS CSV
exports, crawler WARCs), each with a malformed record in the middle of a good file: the
bad record is reported with its line, the rest is cleaned.
"""

import csv
import gzip
import io
import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import zstandard

from newsclean.flows.orchestration.clean_flow import _modified_since, iter_batches
from newsclean.flows.sources.readers import RecordFields, iter_docs, with_http_charset
from newsclean.flows.storage.backends import LocalStorage, open_source
from newsclean.flows.storage.layout import archive_suffix, is_included, rel_for
from newsclean.flows.storage.shards import ShardSpec
from newsclean.flows.work.batch import RunPlan, _url, process_batch

BODY = [
    ("Harbor Council Approves New Budget",
     "The Harbor City council voted 7-2 on Tuesday to approve a $48 million budget that "
     "expands bus service and adds four branch libraries, ending months of debate over "
     "property taxes.\n\nAdvertisement\n\nMayor Lena Ortiz said the plan keeps the tax rate "
     "flat while paying for road repairs that were delayed during the pandemic, and she "
     "thanked residents who spoke at the hearings.\n\nRead more: Harbor City Schools Face "
     "Teacher Shortage\n\nOpponents argued the spending would leave the city with thin "
     "reserves if the port's revenue falls, and asked for a review next spring."),
    ("Storm Knocks Out Power Along the Coast",
     "<html><head><title>Storm Knocks Out Power Along the Coast</title></head><body>"
     "<nav>Home | News | Sports</nav><article><h1>Storm Knocks Out Power Along the Coast</h1>"
     "<p>A powerful storm struck the coast on Monday night, knocking out power to about "
     "40,000 homes and flooding low-lying streets in three towns, the utility said.</p>"
     "<p>Advertisement</p><p>Emergency crews worked through the night to clear fallen trees "
     "and restore lines, and officials said most customers should have power back by "
     "Wednesday evening.</p><p>Schools in the county were closed on Tuesday, and the state "
     "opened two shelters for residents whose homes were damaged by the wind.</p>"
     "<p>Sign up for our daily newsletter</p></article></body></html>"),
    ("Glaciologist Warns of Faster Melt",
     "The study, led by glaciologist Hélène Bérard of the Alpine Cryosphere Observatory, "
     "found that the glaciers’ combined volume fell by 18% between 2008 and 2018, compared "
     "with the 10% projected by the regional models.\n\nSign up for our daily newsletter\n\n"
     "Bérard said the café owners of the valley had seen the change long before the "
     "satellites did, and that the models would be revised this year to match what the "
     "field teams measured on the ice every summer."),
]
FIELDS = RecordFields()


def _jsonl_lines() -> list[bytes]:
    """news-please-like records; line 3 is cut off mid-string (a crashed exporter)."""
    recs = [
        {"id": "2018/07/harbor-budget", "url": "https://harbor.example/2018/07/budget",
         "title": BODY[0][0], "text": BODY[0][1]},
        {"id": 1002, "link": "https://coast.example/storm", "headline": BODY[1][0],
         "html": BODY[1][1]},
    ]
    lines = [json.dumps(r).encode() for r in recs]
    lines.append(b'{"id": "broken", "text": "The council met on')
    lines.append(json.dumps({"uuid": "glacier-3", "maintext": BODY[2][1],
                             "metadata": {"url": "https://alps.example/melt"}},
                            ensure_ascii=False).encode())
    lines.append(json.dumps({"id": "no-body", "title": "A record without a body"}).encode())
    lines.append(b"")
    lines.append(json.dumps({"content": BODY[0][1], "title": "No id here"}).encode())
    return lines


def _write_jsonl(path: Path, lines: list[bytes]) -> Path:
    data = b"\n".join(lines) + b"\n"
    if path.name.endswith(".gz"):
        data = gzip.compress(data)
    elif path.name.endswith(".zst"):
        data = zstandard.ZstdCompressor().compress(data)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _docs(path: Path, fields: RecordFields = FIELDS, limit: int = 20 << 20) -> list:
    store = LocalStorage(path.parent)
    return list(iter_docs(store, path.name, str(path), fields, max_record_bytes=limit))


def _run(src: Path, dest: Path, **plan) -> dict[str, dict]:
    keys = sorted(p.relative_to(src).as_posix() for p in src.rglob("*") if p.is_file())
    entries = [e for batch in iter_batches(iter(keys), 50)
               for e in process_batch(batch, RunPlan(source_url=str(src), dest_url=str(dest),
                                                     **plan))]
    return {e.key: json.loads(e.to_json()) for e in entries}


@pytest.mark.parametrize("name", ["2018-07.jsonl", "2018-07.jsonl.gz", "2018-07.ndjson.zst"])
def test_jsonl_dump_gives_one_document_per_record(tmp_path, name):
    path = _write_jsonl(tmp_path / "dumps" / name, _jsonl_lines())
    docs = _docs(path)

    assert [d.key.split("#")[1] for d in docs] == [
        "2018_07_harbor-budget-31445726", "1002", "line-3", "glacier-3", "no-body", "line-7"]
    good = [d for d in docs if not d.error]
    assert [d.url for d in good] == ["https://harbor.example/2018/07/budget",
                                     "https://coast.example/storm", "https://alps.example/melt",
                                     None]
    assert [d.title for d in good] == [BODY[0][0], BODY[1][0], None, "No id here"]
    assert all(d.rel.startswith("2018-07/") for d in docs)
    broken, no_body = docs[2], docs[4]
    assert broken.error.startswith("line 3: not valid JSON") and broken.error_status == "rejected"
    assert no_body.error == "line 5: no body field (looked for text, content, body, html, " \
                            "raw_content, maintext, article)"
    assert "Hélène" in good[2].raw.decode()


def test_jsonl_records_are_cleaned_stored_and_skipped_on_rerun(tmp_path):
    src, dest = tmp_path / "raw", tmp_path / "clean"
    _write_jsonl(src / "dumps" / "2018-07.jsonl.gz", _jsonl_lines())

    first = _run(src, dest)

    base = "dumps/2018-07.jsonl.gz#"
    assert {k: v["status"] for k, v in first.items()} == {
        base + "2018_07_harbor-budget-31445726": "cleaned", base + "1002": "cleaned",
        base + "line-3": "rejected", base + "glacier-3": "cleaned", base + "no-body": "rejected",
        base + "line-7": "cleaned"}
    assert first[base + "line-3"]["reason"].startswith("line 3: ")
    assert first[base + "1002"]["source"] == f"{src}/dumps/2018-07.jsonl.gz#1002"
    text = (dest / "dumps/2018-07/1002.txt").read_text()
    assert text.startswith("A powerful storm struck") and "Advertisement" not in text
    record = json.loads((dest / "dumps/2018-07/2018_07_harbor-budget-31445726.json").read_text())
    assert record["url"] == "https://harbor.example/2018/07/budget"  # the record's URL, not the file
    assert record["title"] == BODY[0][0]
    assert record["source_key"] == base + "2018_07_harbor-budget-31445726"
    assert {r["rule"] for r in record["removed"]} >= {"ads.slot-label",
                                                       "cross-link.labelled-headline"}
    melt = (dest / "dumps/2018-07/glacier-3.txt").read_text()
    assert "Hélène Bérard" in melt and "newsletter" not in melt
    assert not list(dest.rglob("line-3*"))  # a malformed record leaves no outputs

    again = _run(src, dest)
    assert {v["status"] for k, v in again.items() if not k.endswith(("line-3", "no-body"))} == \
        {"unchanged"}

    lines = _jsonl_lines()
    lines[1] = json.dumps({"id": 1002, "html": BODY[1][1].replace("40,000", "41,000")}).encode()
    _write_jsonl(src / "dumps" / "2018-07.jsonl.gz", lines)
    third = _run(src, dest)
    assert third[base + "1002"]["status"] == "cleaned"  # the one record that changed
    assert third[base + "glacier-3"]["status"] == "unchanged"


def test_a_records_byline_and_date_are_kept_where_its_body_names_none(tmp_path):
    """Fresh-user check #26: a CMS export's "author" and "date" fields (and news-please's
    "authors" list and "date_publish") were read for nothing: every record came out with no
    author and no date. A byline or a date the body gives wins."""
    src, dest = tmp_path / "raw", tmp_path / "clean"
    _write_jsonl(src / "cms.jsonl", [
        json.dumps({"story_id": "s1", "article_body": BODY[2][1], "authors": [
            "Ana Ruiz", {"name": "Jane Doe"}], "date_publish": "2018-07-03 08:15:00"}).encode(),
        json.dumps({"story_id": "s2", "article_body": BODY[2][1], "byline": "Tom Lee",
                    "published_at": "2026-11-03T08:15:00Z"}).encode()])
    fields = RecordFields(id=["story_id"], text=["article_body"])
    docs = _docs(src / "cms.jsonl", fields)
    assert [(d.author, d.date) for d in docs] == [
        ("Ana Ruiz, Jane Doe", "2018-07-03 08:15:00"), ("Tom Lee", "2026-11-03T08:15:00Z")]
    _run(src, dest, records=fields)
    record = json.loads((dest / "cms/s2.json").read_text())
    assert (record["author"], record["date"]) == ("Tom Lee", "2026-11-03T08:15:00Z")


def test_truncated_gzip_dump_keeps_what_came_before_and_says_where_it_stopped(tmp_path):
    data = gzip.compress(b"\n".join(_jsonl_lines() * 300))  # ~1 MB inflated
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) * 2 // 3])
    docs = _docs(tmp_path / "cut.jsonl.gz")
    assert len([d for d in docs if not d.error]) > 10
    last = docs[-1]
    assert last.error_status == "failed" and last.key == "cut.jsonl.gz#stopped"
    assert last.error.startswith("file truncated after line ")
    assert "records before it were cleaned" in last.error


@pytest.mark.parametrize("name", ["story.txt.gz", "page.html.gzip", "2018-07.jsonl.gz",
                                  "export.csv.gz", "crawl.warc.gz"])
@pytest.mark.parametrize("content", [b'{"id": "a1", "text": "The council met."}\n', b""],
                         ids=["plain", "empty"])
def test_an_input_named_gz_that_is_not_gzip_is_one_refused_document(tmp_path, name, content):
    """Read as plain text before (an article cleaned as if nothing were wrong; a record
    file `failed` with zlib's "incorrect header check", retried; an empty one in no manifest
    line): one `rejected` document now, the input's own key, its reason in one line."""
    (tmp_path / name).write_bytes(content)
    [doc] = _docs(tmp_path / name)
    ext = ".gzip" if name.endswith(".gzip") else ".gz"
    found = "its bytes are not gzip" if content else "it is empty"
    assert (doc.key, doc.error_status, doc.raw) == (name, "rejected", b"")
    assert doc.error == (f"not gzip: named {ext} but {found} (already decompressed? rename it "
                         f"without {ext})")


def _whole_lines(n: int) -> bytes:
    """n JSONL records of ~2 KB of words that compress like prose (not to a few bytes)."""
    import random

    rnd = random.Random(7)
    words = ["harbor", "council", "budget", "storm", "glacier", "mayor", "library", "roads"]
    return b"".join(json.dumps({"id": f"r{i}", "text": " ".join(rnd.choice(words) for _ in range(300))})
                    .encode() + b"\n" for i in range(n))


@pytest.mark.parametrize(("name", "compress"), [
    ("cut.jsonl.gz", gzip.compress),
    ("cut.jsonl.zst", lambda d: zstandard.ZstdCompressor().compress(d[:30000]) +  # 2 frames
     zstandard.ZstdCompressor(write_checksum=True).compress(d[30000:])),
    ("cut.csv.gz", lambda d: gzip.compress(b"id,text\n" + b"".join(
        b'%d,"%s"\n' % (i, line[-200:-3]) for i, line in enumerate(d.splitlines())))),
])
def test_a_small_cut_file_keeps_every_whole_record_before_the_cut_once(tmp_path, name, compress):
    """A cut .jsonl.gz of 15 whole decompressible lines gave 0 documents (gzip's last read
    raised and took the lines it had inflated with it), its failure marked retryable; a cut
    .zst gave no document at all, not even the failure (a new user's report)."""
    data = compress(_whole_lines(20))
    whole = _docs(_write(tmp_path / "whole" / name, data))
    assert len(whole) == 20 and not any(d.error for d in whole)
    for cut in (len(data) * 3 // 4, len(data) - 30):
        docs = _docs(_write(tmp_path / str(cut) / name, data[:cut]))
        inflated = _inflated_prefix(name, data[:cut])
        complete = inflated.count(b"\n") - name.endswith(".csv.gz")  # the header row
        assert complete > 0
        assert [d.error for d in docs[:-1]] == [None] * complete
        stopped = docs[-1]
        assert stopped.key == f"{name}#stopped" and stopped.error_status == "failed"
        assert not stopped.retryable and [d for d in docs if d.error] == [stopped]
        assert stopped.error.startswith(f"file truncated after {'row' if 'csv' in name else 'line'}")
        assert "a retry reads the same bytes" in stopped.error
        plan = RunPlan(source_url=str(tmp_path / str(cut)), dest_url=str(tmp_path / "out"))
        [entry] = [e for e in process_batch([name], plan) if e.key.endswith("#stopped")]
        assert entry.status == "failed" and entry.retryable is False


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _inflated_prefix(name: str, data: bytes) -> bytes:
    """All a decompressor can give of a cut file: what the reader should have handed on."""
    import zlib

    if name.endswith(".gz"):
        return zlib.decompressobj(wbits=31).decompress(data)
    out = bytearray()
    while data:  # frame by frame: zstandard's streaming API drops a cut frame's whole blocks too
        obj = zstandard.ZstdDecompressor().decompressobj()
        out += obj.decompress(data)
        data = obj.unused_data if obj.eof else b""
    return bytes(out)


def test_overlong_record_is_refused_unread_and_the_next_one_read(tmp_path):
    lines = [json.dumps({"id": "big", "text": "word " * 5000}).encode(),
             json.dumps({"id": "small", "text": BODY[0][1]}).encode()]
    docs = _docs(_write_jsonl(tmp_path / "d.jsonl", lines), limit=4000)
    assert docs[0].error == "line 1: over the 8,000-byte record limit"
    assert docs[1].raw.decode() == BODY[0][1]


def test_field_names_are_options_case_insensitive_and_nested(tmp_path):
    line = json.dumps({"StoryID": "s-1", "Story": {"Body": BODY[0][1], "Link": "https://x.example/s"},
                       "text": "not this one"})
    fields = RecordFields(id=["storyid"], text=["story.body"], url=["story.link"])
    [doc] = _docs(_write_jsonl(tmp_path / "cms.jsonl", [line.encode()]), fields)
    assert doc.key == "cms.jsonl#s-1" and doc.url == "https://x.example/s"
    assert doc.raw.decode() == BODY[0][1]


def test_record_ids_become_safe_distinct_keys(tmp_path):
    ids = ["../../etc/passwd", "a/b", "a_b", "x" * 300, "plain-id", "plain-id", "", " "]
    lines = [json.dumps({"id": i, "text": "Some words of text."}).encode() for i in ids]
    docs = _docs(_write_jsonl(tmp_path / "ids.jsonl", lines))
    rels = [d.rel for d in docs]
    assert len(set(rels)) == len(rels)
    assert all(r.startswith("ids/") and ".." not in r.split("/") and r.count("/") == 1
               and len(r) < 130 for r in rels)
    assert rels[4:6] == ["ids/plain-id", "ids/plain-id.2"]  # a repeated id never overwrites
    assert rels[6:] == ["ids/line-7", "ids/line-8"]  # an empty id is a missing id
    assert docs == _docs(tmp_path / "ids.jsonl")  # deterministic


def test_a_record_with_a_lone_surrogate_is_read_and_the_ones_after_it_too(tmp_path):
    """A JSON string may escape a lone surrogate, which no UTF-8 holds: the first one stopped
    the whole file and left the records after it unlisted (fresh-user check #26)."""
    lines = [json.dumps({"id": "r1", "text": BODY[0][1]}).encode(),
             b'{"id": "bad", "title": "Caf\\udce9", "text": "Caf\\udce9 au lait \\ud800 ok"}',
             json.dumps({"id": "r3", "body": None}).encode(),
             json.dumps({"id": "r4", "text": BODY[2][1]}).encode()]
    docs = _docs(_write_jsonl(tmp_path / "cms.jsonl", lines))
    assert [d.key.split("#")[1] for d in docs] == ["r1", "bad", "r3", "r4"]
    bad = docs[1]
    assert bad.error is None and bad.title == "Caf\ufffd"
    # the escaped byte is that byte again (Latin-1 "é" here); the other surrogate is U+FFFD
    assert bad.raw == b"Caf\xe9 au lait " + "\ufffd ok".encode()
    assert docs[2].error == "line 3: body field 'body' is null"
    assert docs[3].raw.decode() == BODY[2][1]


@pytest.mark.parametrize("codec", ["cp1252", "koi8_r", "shift_jis", "gb18030"])
def test_legacy_encoded_jsonl_is_decoded(tmp_path, codec):
    texts = {
        "cp1252": BODY[2][1],
        "koi8_r": "Мэр города представил в четверг новый бюджет, который, по его словам, "
                  "сбалансирован и не потребует повышения налогов для жителей. " * 3,
        "shift_jis": "東京都は木曜日、新しい予算案を発表した。知事は記者会見で、財政は健全だと述べた。" * 3,
        "gb18030": "北京市政府周四公布了新的预算方案，市长在新闻发布会上表示财政状况良好。" * 3,
    }
    text = texts[codec].replace("’", "'") if codec != "cp1252" else texts[codec]
    lines = [json.dumps({"id": f"r{i}", "text": text}, ensure_ascii=False).encode(codec)
             for i in range(2)]
    docs = _docs(_write_jsonl(tmp_path / "legacy.jsonl", lines))
    assert [d.raw.decode() for d in docs] == [text, text]


def _csv_bytes(rows: list[list[str]], encoding: str = "utf-8") -> bytes:
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    return buf.getvalue().encode(encoding)


def test_csv_export_rows_are_documents_and_a_ragged_row_is_reported(tmp_path):
    rows = [["ID", "Headline", "Body", "URL"],
            ["101", BODY[0][0], BODY[0][1], "https://harbor.example/budget"],
            ["102", "Broken row", "only three fields"],
            ["103", BODY[1][0], BODY[1][1], "https://coast.example/storm"]]
    data = b"\xef\xbb\xbf" + _csv_bytes(rows)  # Excel's UTF-8 export starts with a BOM
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "export.csv").write_bytes(data)

    result = _run(tmp_path / "src", tmp_path / "out")

    assert {k: v["status"] for k, v in result.items()} == {
        "export.csv#101": "cleaned", "export.csv#row-2": "rejected", "export.csv#103": "cleaned"}
    assert result["export.csv#row-2"]["reason"] == \
        "row 2 (line 11): 3 fields where the header has 4"  # row 1's body spans lines 2-10
    record = json.loads((tmp_path / "out/export/101.json").read_text())
    assert record["title"] == BODY[0][0] and record["url"] == "https://harbor.example/budget"
    assert (tmp_path / "out/export/103.txt").read_text().startswith("A powerful storm")


def test_cp1252_csv_is_detected(tmp_path):
    rows = [["id", "text"], ["m1", BODY[2][1]], ["m2", BODY[0][1]]]
    (tmp_path / "old.csv.gz").write_bytes(gzip.compress(_csv_bytes(rows, "cp1252")))
    docs = _docs(tmp_path / "old.csv.gz")
    assert [d.raw.decode() for d in docs] == [BODY[2][1], BODY[0][1]]


def _warc_gz(offsets: dict | None = None) -> bytes:
    """A crawl as a crawler writes it: warcinfo, request/response pairs, an image, a page
    whose charset only the HTTP header names, a 404, and a response whose HTTP block is
    garbage, each record its own gzip member."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "test"}))

    def response(url: str, body: bytes, ctype: str, status: str = "200 OK") -> None:
        writer.write_record(writer.create_warc_record(
            url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"),
            warc_content_type="application/http; msgtype=request"))
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        start = buf.tell()
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
        if offsets is not None:
            offsets[url] = (start, buf.tell())  # where the response's gzip member lies

    response("https://coast.example/storm", BODY[1][1].encode(), "text/html; charset=utf-8")
    response("https://coast.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(256), "image/png")
    bad = b"garbage instead of an HTTP status line\r\n\r\n<p>half a page</p>"
    buf.write(gzip.compress(  # warcio refuses to write this one: written by hand
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://coast.example/bad\r\n"
        b"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-00000000bad0>\r\n"
        b"WARC-Date: 2018-07-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
        b"Content-Length: %d\r\n\r\n%s\r\n\r\n" % (len(bad), bad)))
    tokyo = ("<html><body><article><h1>東京都の予算</h1>" + "<p>東京都は木曜日、新しい予算案を"
             "発表した。知事は記者会見で、財政は健全だと述べた。</p>" * 4 + "</article></body></html>")
    response("https://tokyo.example/budget", tokyo.encode("shift_jis"),
             "text/html; charset=Shift_JIS")
    response("https://coast.example/gone", b"<html><body>Not found</body></html>", "text/html",
             "404 Not Found")
    return buf.getvalue()


def test_warc_html_responses_are_documents_with_the_target_uri_as_source(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "crawl.warc.gz").write_bytes(_warc_gz())

    docs = _docs(tmp_path / "src" / "crawl.warc.gz")
    assert [d.url for d in docs] == [
        "https://coast.example/storm", "https://coast.example/logo.png",
        "https://coast.example/bad", "https://tokyo.example/budget", "https://coast.example/gone"]
    assert docs[2].key == "crawl.warc.gz#00000000-0000-4000-8000-00000000bad0"
    assert docs[2].error == "record 6 (https://coast.example/bad): unreadable HTTP status line"
    assert docs[4].error.endswith("HTTP 404 response, not a page")
    # every response is an input: a picture is no article page, said so (fresh-user #20)
    assert docs[1].error.endswith("not an article page: Content-Type image/png")

    result = _run(tmp_path / "src", tmp_path / "out")
    by_url = {json.loads((tmp_path / "out" / f"{d.rel}.json").read_text())["url"]: d.rel
              for d in docs if not d.error}
    assert [result[d.key]["status"] for d in docs] == [
        "cleaned", "rejected", "rejected", "cleaned", "rejected"]  # Japanese: by characters
    storm = tmp_path / "out" / f"{by_url['https://coast.example/storm']}.txt"
    assert storm.read_text().startswith("A powerful storm")
    tokyo = tmp_path / "out" / f"{by_url['https://tokyo.example/budget']}.txt"
    assert "東京都は木曜日" in tokyo.read_text()  # the charset only the HTTP header named


@pytest.mark.parametrize("where", ["mid-member", "mid-body"])
def test_truncated_warc_is_reported_not_taken_for_complete(tmp_path, where):
    offsets: dict[str, tuple[int, int]] = {}
    data = _warc_gz(offsets)
    start, end = offsets["https://tokyo.example/budget"]
    cut = (start + end) // 2 if where == "mid-member" else end - 20
    (tmp_path / "cut.warc.gz").write_bytes(data[:cut])
    docs = _docs(tmp_path / "cut.warc.gz")
    assert docs[0].url == "https://coast.example/storm" and not docs[0].error
    last = docs[-1]
    assert last.error_status == "failed" and last.key == "cut.warc.gz#stopped"
    assert "ends inside a gzip member" in last.error and not last.retryable
    if where == "mid-member":  # the record's own headers are lost: the file says where
        assert last.error.startswith("file truncated after record 6 (https://coast.example/bad)")
    else:  # the headers made it, part of the body did not: the record says so too
        assert docs[-2].url == "https://tokyo.example/budget" and docs[-2].error_status == "failed"
        assert docs[-2].error.endswith("truncated: the file ends inside this record")
        assert not docs[-2].retryable  # a retry reads the same cut-off bytes


def test_http_charset_is_applied_only_when_the_page_has_none():
    sjis = "東京都の予算".encode("shift_jis")
    assert with_http_charset(sjis, "text/html; charset=shift_jis").decode() == "東京都の予算"
    assert with_http_charset(sjis, "text/html") == sjis
    declared = b'<meta charset="euc-jp">' + "予算".encode("euc-jp")
    assert with_http_charset(declared, "text/html; charset=shift_jis") == declared
    utf8 = "Hélène".encode()
    assert with_http_charset(utf8, "text/html; charset=iso-8859-1") == utf8
    assert with_http_charset("Hélène".encode("cp1252"), "text/html; charset=iso-8859-1") == utf8


def test_shards_hold_every_clean_article_of_the_run(tmp_path):
    src, dest = tmp_path / "raw", tmp_path / "clean"
    _write_jsonl(src / "a.jsonl", _jsonl_lines())
    (src / "story.txt").write_text(BODY[0][0] + "\n\n" + BODY[0][1])

    _run(src, dest, shards=ShardSpec("run-1", size=2))
    again = _run(src, dest, shards=ShardSpec("run-2", size=2))

    assert {v["status"] for v in again.values()} >= {"unchanged"}
    for run in ("run-1", "run-2"):
        parts = sorted((dest / "_shards" / run).glob("part-*.jsonl"))
        rows = [json.loads(line) for p in parts for line in p.read_text().splitlines()]
        assert max(len(p.read_text().splitlines()) for p in parts) <= 2
        assert sorted(r["id"] for r in rows) == sorted(
            ["a/2018_07_harbor-budget-31445726", "a/1002", "a/glacier-3", "a/line-7", "story"])
        storm = next(r for r in rows if r["id"] == "a/1002")
        assert storm["url"] == "https://coast.example/storm"
        assert storm["text"] == (dest / "a/1002.txt").read_text().rstrip("\n")


def test_layout_recognises_record_files_and_never_reads_its_own_outputs():
    assert archive_suffix("dumps/2018-07.JSONL.GZ") == ".jsonl.gz"
    assert rel_for("dumps/2018-07.jsonl.gz") == "dumps/2018-07"
    assert rel_for("crawl/CC-MAIN-1.warc.gz") == "crawl/CC-MAIN-1"
    assert is_included("x/export.csv") and is_included("y.ndjson.zst") and is_included("c.warc")
    assert not is_included("_manifests/20261125T000000Z.jsonl")
    assert not is_included("_shards/run/part-1-00000.jsonl")
    batches = list(iter_batches(iter(["a.txt", "b.jsonl", "c.html", "d.warc.gz", "e.txt"]), 2))
    assert batches == [["b.jsonl"], ["a.txt", "c.html"], ["d.warc.gz"], ["e.txt"]]


def test_since_compares_modification_times_in_utc():
    now = datetime.now(UTC)
    assert _modified_since(now, None) and _modified_since(None, now)
    assert _modified_since(now, now - timedelta(hours=1))
    assert not _modified_since(now - timedelta(days=2), now - timedelta(days=1))
    naive = (now - timedelta(hours=1)).replace(tzinfo=None)
    assert _modified_since(now, naive)


def test_run_command_takes_since_shards_and_record_fields():
    from newsclean.flows.cli import _parser

    args = _parser().parse_args(["run", "dumps/", "clean/", "--since", "2026-11-24",
                                 "--shards", "500", "--text-field", "story", "--text-field",
                                 "body", "--id-field", "sid"])
    assert args.since == datetime(2026, 11, 24, tzinfo=UTC)
    assert args.shards == 500 and args.text_field == ["story", "body"] and args.id_field == ["sid"]
    ago = datetime.now(UTC) - _parser().parse_args(["run", "a", "b", "--since", "36h"]).since
    assert timedelta(hours=35) < ago < timedelta(hours=37)
    zoned = _parser().parse_args(["run", "a", "b", "--since", "2026-11-24T02:30+01:00"]).since
    assert zoned == datetime(2026, 11, 24, 1, 30, tzinfo=UTC)


# Through the flow, with a real Prefect API ----------------------------------------------


def _mixed_source(root: Path) -> Path:
    src = root / "raw"
    (src / "2018/07").mkdir(parents=True)
    (src / "2018/07/story.txt").write_text(BODY[0][0] + "\n\n" + BODY[0][1])
    (src / "2018/07/page.html").write_text(BODY[1][1])
    _write_jsonl(src / "dumps/2018-07.jsonl.gz", _jsonl_lines())
    (src / "dumps/export.csv").write_bytes(_csv_bytes(
        [["id", "title", "text"], ["c1", BODY[0][0], BODY[0][1]], ["c2", "ragged"],
         ["c3", BODY[2][0], BODY[2][1]]]))
    (src / "crawl.warc.gz").write_bytes(_warc_gz())
    (src / "README.md").write_text("not an input")
    return src


@pytest.mark.prefect
def test_flow_cleans_a_folder_mixing_articles_and_record_files(tmp_path):
    from newsclean.flows.orchestration.clean_flow import clean_articles

    src, dest = _mixed_source(tmp_path), tmp_path / "clean"
    summary = clean_articles(source=str(src), dest=str(dest), batch_size=10, shard_size=100)

    manifest = [json.loads(line) for line in
                next((dest / "_manifests").glob("*.jsonl")).read_text().splitlines()]
    # 2 articles + 6 JSONL records + 3 CSV rows + 5 WARC responses: each one line.
    assert len(manifest) == summary["inputs"] == 16
    by_key = {m["key"]: m for m in manifest}
    assert len(by_key) == 16
    assert by_key["dumps/2018-07.jsonl.gz#line-3"]["status"] == "rejected"
    assert by_key["dumps/2018-07.jsonl.gz#line-3"]["reason"].startswith("line 3: not valid JSON")
    assert by_key["dumps/export.csv#row-2"]["reason"].startswith("row 2 (line 11): 2 fields")
    assert by_key["dumps/2018-07.jsonl.gz#glacier-3"]["source"].endswith(
        "/dumps/2018-07.jsonl.gz#glacier-3")
    assert summary["statuses"] == {"cleaned": 10, "rejected": 6}
    assert (dest / "2018/07/story.txt").exists() and (dest / "dumps/export/c3.txt").exists()
    assert (dest / "dumps/2018-07/1002.txt").read_text().startswith("A powerful storm")
    shard_rows = [line for p in (dest / "_shards").rglob("*.jsonl")
                  for line in p.read_text().splitlines()]
    assert len(shard_rows) == 10  # every clean article (none held for review)


@pytest.mark.prefect
def test_flow_since_cleans_only_what_changed(tmp_path):
    from newsclean.flows.orchestration.clean_flow import clean_articles

    src, dest = _mixed_source(tmp_path), tmp_path / "clean"
    old = (datetime.now(UTC) - timedelta(days=3)).timestamp()
    for p in src.rglob("*"):
        if p.is_file() and p.name != "export.csv":
            os.utime(p, (old, old))
    summary = clean_articles(source=str(src), dest=str(dest),
                             since=datetime.now(UTC) - timedelta(days=1))
    assert summary["inputs"] == 3  # the three rows of the one recent file
    assert {p.name for p in dest.rglob("*.txt")} == {"c1.txt", "c3.txt"}


@pytest.mark.prefect
@pytest.mark.s3
def test_flow_reads_a_jsonl_gz_dump_from_s3(s3, moto_endpoint):
    from newsclean.flows.orchestration.clean_flow import clean_articles
    from newsclean.flows.storage.settings import S3Settings

    raw, out = s3.make_bucket("raw"), s3.make_bucket("clean")
    body = gzip.compress(b"\n".join(_jsonl_lines()) + b"\n")
    s3.put_object(Bucket=raw, Key="dumps/2018-07.jsonl.gz", Body=body)
    s3.put_object(Bucket=raw, Key="dumps/2018-07/plain.txt", Body=(BODY[0][0] + "\n\n" + BODY[0][1]).encode())
    settings = S3Settings(endpoint_url=moto_endpoint)

    summary = clean_articles(source=f"s3://{raw}/dumps/", dest=f"s3://{out}/articles/", s3=settings)

    assert summary["inputs"] == 7
    assert summary["statuses"] == {"cleaned": 5, "rejected": 2}
    keys = {o["Key"] for o in s3.list_objects_v2(Bucket=out)["Contents"]}
    assert {"articles/2018-07/1002.txt", "articles/2018-07/glacier-3.json",
            "articles/2018-07/plain.txt"} <= keys
    manifest_key = next(k for k in keys if k.startswith("articles/_manifests/"))
    lines = [json.loads(x) for x in
             s3.get_object(Bucket=out, Key=manifest_key)["Body"].read().splitlines()]
    sources = {m["source"] for m in lines}
    assert f"s3://{raw}/dumps/2018-07.jsonl.gz#1002" in sources

    single = clean_articles(source=f"s3://{raw}/dumps/2018-07.jsonl.gz",
                            dest=f"s3://{out}/articles/", s3=settings)
    assert single["statuses"] == {"unchanged": 4, "rejected": 2}


def test_a_csv_with_a_long_field_leaves_the_process_csv_limit_as_it_was(tmp_path):
    """Issue 14: the reader raised csv.field_size_limit for the whole process and never
    put it back; it now raises it for each row it reads only."""
    before = csv.field_size_limit()
    long_body = " ".join([BODY[0][1]] * (before // len(BODY[0][1]) + 2))  # over the default
    (tmp_path / "long.csv").write_bytes(_csv_bytes([["id", "text"], ["m1", long_body]]))
    docs = _docs(tmp_path / "long.csv")
    assert [len(d.raw.decode()) for d in docs] == [len(long_body)]
    assert csv.field_size_limit() == before


def test_an_http_charset_is_read_with_the_one_charset_table():
    """Issue 14: the fetch path had its own charset table (latin-1 → cp1252 only); it now
    uses cleaners' one (`codec_for_label`), where gb2312 is read as its superset gb18030,
    as browsers do."""
    text = "北京新闻：市政府今天宣布新的公交线路，𠀀字也在其中。"
    body = f"<html><body><p>{text}</p></body></html>".encode("gb18030")
    assert with_http_charset(body, "text/html; charset=gb2312").decode("utf-8").count(text) == 1
    cp = "Caf\u00e9 \u201cquoted\u201d".encode("cp1252")
    assert with_http_charset(cp, "text/plain; charset=latin1") == "Café “quoted”".encode()


@pytest.mark.parametrize(("where", "want"), [
    (".", "story.txt"),  # `newsclean run story.txt DEST`: not "story.txt/story.txt"
    ("adir", "adir/story.txt"),
])
def test_a_source_that_is_one_file_names_that_file(tmp_path, monkeypatch, where, want):
    """A fresh user's `run story.txt DEST` recorded "story.txt/story.txt" as the source
    (flows.work.batch._url)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "adir").mkdir()
    (tmp_path / where / "story.txt").write_text("A story.\n")
    path = "story.txt" if where == "." else f"{where}/story.txt"
    store = open_source(path)
    assert _url(store, store.single) == want


def test_a_local_file_that_reads_the_same_again_is_not_retried(tmp_path):
    """A file gone since the listing (or without permission, or a folder) fails the same way
    on every try: a fresh user's run spent 15 s retrying "Permission denied" with backoff
    (backends._unreadable); a transient error (EIO, ESTALE…) stays retryable."""
    import errno

    from newsclean.flows.storage.backends import _unreadable
    from newsclean.flows.storage.records import RunStatus

    (doc,) = _docs(tmp_path / "gone.txt")
    assert doc.error == "cannot read gone.txt: No such file or directory"
    assert (doc.error_status, doc.retryable) == (RunStatus.FAILED, False)
    assert not _unreadable("x.txt", PermissionError(errno.EACCES, "Permission denied")).retryable
    assert _unreadable("x.txt", OSError(errno.EIO, "Input/output error")).retryable
