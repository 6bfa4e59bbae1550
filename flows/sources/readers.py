"""One input in, the documents in it out: an article file is one document, a record file
(JSONL/NDJSON, CSV, WARC) one document per record.

The reader is picked by the file's name (`newsclean.flows.storage.layout.record_kind`).
Record files are streamed: a 10 GB dump never sits in memory, only the record being cleaned. A record that
cannot be read becomes a `RawDoc` whose `error` names its line, and the rest of the file
goes on; a file that breaks off (truncated gzip, lost connection) ends with one document
saying where it stopped. An input named .gz that is not gzip is one document, refused.
"""

import codecs
import csv
import io
import json
import re
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Annotated, BinaryIO

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo, field_serializer

from newsclean.cleaners.decode import GZIP_MAGIC, InputRejected, codec_for_label, decode_bytes
from newsclean.flows.storage.backends import Refused, Storage, StorageError, UnsafeKey
from newsclean.flows.storage.layout import (
    COMPRESSION_EXTS,
    archive_suffix,
    record_kind,
    record_rel,
    rel_for,
    safe_segment,
    url_key,
)
from newsclean.flows.storage.records import RunStatus

# Read buffer for record files: large enough that S3 bodies arrive in few round trips,
# small next to a worker's memory.
_BUFFER = 1 << 16
# What a record costs to parse: JSON escapes HTML (quotes, slashes, non-ASCII) into up to
# twice its size; a record larger than twice the cleaner's raw-input limit is refused
# without being parsed, a smaller one reaches the cleaner, which applies its own limit.
_RECORD_OVERHEAD = 2
_OVERLONG_LINE = "\x00newsclean-overlong\x00"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET_RE = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]{2,40})", re.IGNORECASE)
_META_CHARSET_RE = re.compile(rb"<meta[^>]{0,200}?charset|<\?xml[^>]{0,100}encoding", re.IGNORECASE)
_WARC_UUID_RE = re.compile(r"^<?urn:uuid:([0-9a-fA-F-]{8,64})>?$")


def _names(*names: str):
    """A field list whose form default is empty (one short row, not a row per name): empty
    means these common names, which the description lists."""
    return Field(default=[], json_schema_extra={"examples": [list(names)]})


_DEFAULT_NAMES = {
    "id": ("id", "doc_id", "uuid", "article_id", "guid"),
    "text": ("text", "content", "body", "html", "raw_content", "maintext", "article"),
    "url": ("url", "link", "source_url", "canonical_url", "metadata.url"),
    "title": ("title", "headline"),
    # news-please writes "authors" and "date_publish"; CMS exports "byline", "published_at"
    "author": ("author", "authors", "byline", "creator"),
    "date": ("date_publish", "published_at", "publish_date", "published", "date_published",
             "pubdate", "date"),
}


def _or_default(names: list[str], info: ValidationInfo) -> list[str]:
    return list(names) or list(_DEFAULT_NAMES[info.field_name])


class RecordFields(BaseModel):
    """Which fields of a JSONL or CSV record hold the article: the first present wins.

    Names match case-insensitively and may name nested JSON fields (`metadata.url`). The
    defaults fit the common news datasets (CC-News/news-please, dolma, CNN/DailyMail,
    CMS exports).
    """

    model_config = ConfigDict(frozen=True, extra="forbid", validate_default=True)

    id: Annotated[list[str], AfterValidator(_or_default), Field(title="Id fields", description=(
        "The record's id, used in its output key REL/{id}. None present: line-{n}. Empty: "
        + ", ".join(_DEFAULT_NAMES["id"]) + "."))] = _names(*_DEFAULT_NAMES["id"])
    text: Annotated[list[str], AfterValidator(_or_default), Field(title="Body fields", description=(
        "The article body, HTML or text. Empty: " + ", ".join(_DEFAULT_NAMES["text"]) + "."))] = \
        _names(*_DEFAULT_NAMES["text"])
    url: Annotated[list[str], AfterValidator(_or_default), Field(title="URL fields", description=(
        "The article's URL, given to the cleaner (site rules) and kept in its record. Empty: "
        + ", ".join(_DEFAULT_NAMES["url"]) + "."))] = _names(*_DEFAULT_NAMES["url"])
    title: Annotated[list[str], AfterValidator(_or_default), Field(title="Title fields", description=(
        "The headline, kept when the body has none of its own. Empty: "
        + ", ".join(_DEFAULT_NAMES["title"]) + "."))] = _names(*_DEFAULT_NAMES["title"])

    author: Annotated[list[str], AfterValidator(_or_default), Field(
        title="Author fields", description=(
            "Who wrote it (a list of names is joined), kept when the body names no byline. "
            "Empty: " + ", ".join(_DEFAULT_NAMES["author"]) + "."))] = \
        _names(*_DEFAULT_NAMES["author"])
    date: Annotated[list[str], AfterValidator(_or_default), Field(title="Date fields", description=(
        "When it was published, kept when the body gives no date. Empty: "
        + ", ".join(_DEFAULT_NAMES["date"]) + "."))] = _names(*_DEFAULT_NAMES["date"])

    @field_serializer("id", "text", "url", "title", "author", "date")
    def _default_as_empty(self, names: list[str], info) -> list[str]:
        """The common names are stored as `[]` (the form's empty default), so a form or a
        parameter payload never lists them row by row."""
        return [] if tuple(names) == _DEFAULT_NAMES[info.field_name] else names


@dataclass(slots=True)
class RawDoc:
    """One document to clean, or one that could not even be read (`error`)."""

    key: str  # the manifest's name for it: the input's key, `KEY#<record id>` for a record
    rel: str  # where its outputs go: REL, or REL/<record id>
    source: str  # the input's URL or path, `…#<record id>` for a record
    raw: bytes = b""
    url: str | None = None  # the article's own URL, when the dump carries one
    title: str | None = None  # a headline carried beside the body
    author: str | None = None  # a byline carried beside the body
    date: str | None = None  # a publication date carried beside the body
    error: str | None = None  # why it could not be read; then `raw` is empty
    error_status: RunStatus = RunStatus.REJECTED
    # A FAILED read a retry may mend (a store's hiccup); a cut-off file reads the same again.
    retryable: bool = True


class Truncated(EOFError):
    """A compressed file that ends inside a gzip member or zstd frame: cut off, so rereading
    it gives the same bytes; what came before the cut is read."""


def is_archive(key: str) -> bool:
    """A record file: its own work item, its records streamed inside one task."""
    return archive_suffix(key) is not None


def iter_docs(store: Storage, key: str, source_url: str, fields: RecordFields,
              *, max_record_bytes: int) -> Iterator[RawDoc]:
    """The documents in one input, in file order."""
    try:
        rel = rel_for(key)
    except UnsafeKey as exc:
        yield RawDoc(key, "", source_url, error=f"unsafe name: {exc}")
        return
    suffix = archive_suffix(key)
    if suffix is None:
        try:
            raw = store.read(key, max_bytes=max_record_bytes)
            reason = not_gzip(key, raw)
            yield RawDoc(key, rel, source_url, error=reason) if reason else RawDoc(
                key, rel, source_url, raw)
        except UnsafeKey as exc:
            yield RawDoc(key, rel, source_url, error=f"unsafe name: {exc}")
        except Refused as exc:  # the raw-size limit, a named pipe: checked before reading
            yield RawDoc(key, rel, source_url, error=str(exc))
        except StorageError as exc:
            yield RawDoc(key, rel, source_url, error=str(exc), error_status=RunStatus.FAILED,
                         retryable=exc.retryable)
        return
    yield from _record_docs(store, key, rel, source_url, suffix, fields,
                            max_record_bytes * _RECORD_OVERHEAD)


def not_gzip(name: str, data: bytes) -> str | None:
    """Why an input named .gz (.gzip) is refused: its bytes are not gzip (a file renamed, or
    stored already inflated), which were read as text, cleaned as if nothing were wrong. None
    for gzip, and for a name without the extension (gzip bytes under any name are inflated).
    `data`: the input's first bytes at least."""
    ext = next((e for e in COMPRESSION_EXTS if name.lower().endswith(e)), None)
    if ext is None or data.startswith(GZIP_MAGIC):
        return None
    found = "it is empty" if not data else "its bytes are not gzip"
    return f"not gzip: named {ext} but {found} (already decompressed? rename it without {ext})"


@dataclass(slots=True)
class _Record:
    position: str  # `line-12`, `row-3`, `record-7`: names the record when it has no id
    where: str  # the same for people: "line 12", "row 3 (line 5)"
    record_id: str | None = None
    text: str | bytes | None = None
    url: str | None = None
    title: str | None = None
    author: str | None = None
    date: str | None = None
    error: str | None = None
    error_status: RunStatus = RunStatus.REJECTED
    retryable: bool = True


def _record_docs(store: Storage, key: str, rel: str, source_url: str, suffix: str,
                 fields: RecordFields, limit: int) -> Iterator[RawDoc]:
    seen: set[str] = set()  # record names already used in this file: duplicates get .2, .3…
    last = "the start"
    try:
        with store.open(key) as body:
            stream = buffered(body)
            if reason := not_gzip(key, stream.peek(len(GZIP_MAGIC))):
                yield RawDoc(key, rel, source_url, error=reason)
                return
            kind = record_kind(key)
            if kind == "WARC":
                records = _warc_records(stream, limit)
            elif kind == "CSV":
                records = _csv_records(_decompressed(stream, suffix), fields, limit)
            else:
                records = _jsonl_records(_decompressed(stream, suffix), fields, limit)
            for rec in records:
                last = rec.where
                try:
                    doc = _doc(rec, key, rel, source_url, seen)
                except Exception as exc:  # one record's fault is that record's, not the file's
                    reason = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
                    doc = RawDoc(f"{key}#{rec.position}", record_rel(rel, rec.position),
                                 f"{source_url}#{rec.position}", retryable=False,
                                 error=f"{rec.where}: unreadable record: {reason}")
                yield doc
    except StorageError as exc:
        yield RawDoc(f"{key}#unreadable", rel, source_url, error=str(exc),
                     error_status=RunStatus.FAILED, retryable=exc.retryable)
    except Truncated as exc:
        before = ("before its first whole record" if last == "the start" else
                  f"after {last}: the records before it were cleaned")
        yield RawDoc(f"{key}#stopped", rel, source_url, error_status=RunStatus.FAILED,
                     retryable=False, error=f"file truncated {before}; {exc}: a cut-off copy, "
                                            "a retry reads the same bytes (replace the file)")
    except Exception as exc:  # a broken stream ends the file, never the batch
        reason = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
        yield RawDoc(f"{key}#stopped", rel, source_url, error_status=RunStatus.FAILED,
                     error=f"file unreadable after {last}: {reason}; the records before "
                           "it were cleaned")


# A lone surrogate, which a JSON string may escape ("Caf\udce9") and no UTF-8 holds. One of
# U+DC80-U+DCFF is how Python escapes a byte it could not decode (PEP 383 surrogateescape).
_LONE_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_NOT_ESCAPED_BYTE_RE = re.compile("[\ud800-\udc7f\udd00-\udfff]")


def _utf8(text: str) -> bytes:
    """`text` as UTF-8 bytes, its lone surrogates mended: an escaped byte is that byte
    again, for decoding to read as the rest of the record's charset ("Caf\udce9" a
    Latin-1 "é"), any other is U+FFFD. The first one stopped the whole file, the records
    after it unlisted (fresh-user check #26)."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return _NOT_ESCAPED_BYTE_RE.sub("\ufffd", text).encode("utf-8", "surrogateescape")


def _mended(text: str | None) -> str | None:
    """`text` (a record's id, URL or title) with each lone surrogate as U+FFFD."""
    return _LONE_SURROGATE_RE.sub("\ufffd", text) if text else text


def _doc(rec: _Record, key: str, rel: str, source_url: str, seen: set[str]) -> RawDoc:
    rec.record_id, rec.url, rec.title, rec.author, rec.date = map(_mended, (
        rec.record_id, rec.url, rec.title, rec.author, rec.date))
    name = safe_segment(rec.record_id) if rec.record_id else rec.position
    if name in seen:
        n = 2
        while f"{name}.{n}" in seen:
            n += 1
        name = f"{name}.{n}"
    seen.add(name)
    doc = RawDoc(f"{key}#{name}", record_rel(rel, name), f"{source_url}#{name}",
                 url=rec.url, title=rec.title, author=rec.author, date=rec.date,
                 error_status=rec.error_status,
                 retryable=rec.retryable)
    if rec.error:
        doc.error = f"{rec.where}: {rec.error}"
    elif rec.text is None:
        doc.error = f"{rec.where}: no article body"
    else:
        doc.raw = _utf8(rec.text) if isinstance(rec.text, str) else rec.text
    return doc


class _RawReader(io.RawIOBase):
    """Any object with `read(n)` (a botocore body, a zstd reader) as a raw stream, so it can
    be buffered and read line by line. `cut`: at the end, why the input was cut off (raised
    as Truncated once every byte before it was read), or None."""

    def __init__(self, f, cut: Callable[[], str | None] | None = None) -> None:
        self._f = f
        self._cut = cut

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:
        data = self._f.read(len(buf))
        if not data and self._cut is not None and (why := self._cut()):
            raise Truncated(why)
        buf[: len(data)] = data
        return len(data)


def buffered(f, cut: Callable[[], str | None] | None = None) -> io.BufferedReader:
    """A buffered, line-readable stream over anything with `read(n)`."""
    return io.BufferedReader(_RawReader(f, cut), _BUFFER)


def _decompressed(stream: BinaryIO, suffix: str) -> io.BufferedReader:
    if suffix.endswith(".gz"):
        gunzip = _Gunzip(stream)
        return buffered(gunzip, lambda: "the file ends inside a gzip member" if gunzip.inside else None)
    if suffix.endswith(".zst"):
        import zstandard

        frames = _ZstdFrames(stream)
        return buffered(zstandard.ZstdDecompressor().stream_reader(frames, read_across_frames=True),
                        lambda: "the file ends inside a zstd frame" if frames.inside else None)
    return stream  # type: ignore[return-value]


class _GzipInflater:
    """gzip data inflated member after member (the NUL padding some writers put between
    members skipped), at most `n` bytes of output a call, so a bomb never fills memory.
    Feed it `pending` bytes; `inside`: the data so far ends inside a member (cut off)."""

    def __init__(self) -> None:
        self.pending = b""  # read, not yet inflated
        self._member = None

    @property
    def inside(self) -> bool:
        return self._member is not None

    def inflate(self, n: int) -> bytes:
        """Up to `n` bytes (n > 0) inflated from `pending`; b"" once it is used up."""
        while self.pending:
            if self._member is None:
                self.pending = self.pending.lstrip(b"\x00")
                if not self.pending:
                    break
                self._member = zlib.decompressobj(wbits=31)
            out = self._member.decompress(self.pending, n)
            self.pending = self._member.unconsumed_tail
            if self._member.eof:
                self.pending, self._member = self._member.unused_data, None
            if out:
                return out
        return b""


class _Gunzip:
    """A gzip file's content, inflated as it is read (`_GzipInflater`). Not gzip.GzipFile:
    at a cut its last read raises EOFError, and the buffer above it drops what that read had
    inflated, complete records before the cut included (a cut file of 15 whole lines gave
    none)."""

    def __init__(self, f) -> None:
        self._f = f
        self._gzip = _GzipInflater()

    @property
    def inside(self) -> bool:
        return self._gzip.inside

    def read(self, n: int) -> bytes:
        n = n if n > 0 else _BUFFER  # zlib takes 0 as "no limit"
        while not (out := self._gzip.inflate(n)):
            self._gzip.pending = self._f.read(_BUFFER)
            if not self._gzip.pending:
                return b""  # the end: between members (whole) or inside one (cut)
        return out


_ZSTD_MAGIC = 0xFD2FB528
_ZSTD_SKIPPABLE = 0x184D2A50  # to 0x184D2A5F: a frame of metadata, no content


class _ZstdFrames:
    """Passes a .zst file's bytes through to zstandard and follows its frame and block
    headers (RFC 8878; the contents are skipped, not inflated), to tell whether the file
    ends inside a frame: zstandard's stream reader ends a cut-off file quietly."""

    def __init__(self, f) -> None:
        self._f = f
        self._head = b""  # the header being read
        self._need = 4  # its length: a frame's magic number first
        self._next = self._magic  # what reads it
        self._skip = 0  # block or skippable-frame bytes still to pass over
        self._checksum = False
        self._lost = False  # not zstd as we know it: zstandard says what is wrong

    @property
    def inside(self) -> bool:
        return not self._lost and (self._next != self._magic or bool(self._head) or self._skip > 0)

    def read(self, n: int = -1) -> bytes:
        data = self._f.read(n)
        at = 0
        while at < len(data) and not self._lost:
            if self._skip:
                step = min(self._skip, len(data) - at)
                self._skip, at = self._skip - step, at + step
                continue
            take = min(self._need - len(self._head), len(data) - at)
            self._head, at = self._head + data[at:at + take], at + take
            if len(self._head) == self._need:
                head, self._head = self._head, b""
                self._next(head)
        return data

    def _magic(self, head: bytes) -> None:
        magic = int.from_bytes(head, "little")
        if magic == _ZSTD_MAGIC:
            self._need, self._next = 1, self._descriptor
        elif magic & ~0xF == _ZSTD_SKIPPABLE:
            self._need, self._next = 4, self._skippable
        else:
            self._lost = True

    def _skippable(self, head: bytes) -> None:
        self._skip = int.from_bytes(head, "little")
        self._need, self._next = 4, self._magic

    def _descriptor(self, head: bytes) -> None:
        d = head[0]
        single = bool(d & 0x20)
        self._checksum = bool(d & 0x04)
        rest = (0 if single else 1) + (0, 1, 2, 4)[d & 3] + ((1 if single else 0), 2, 4, 8)[d >> 6]
        if rest:
            self._need, self._next = rest, self._header_rest
        else:
            self._header_rest(b"")

    def _header_rest(self, head: bytes) -> None:
        self._need, self._next = 3, self._block

    def _block(self, head: bytes) -> None:
        v = int.from_bytes(head, "little")
        last, kind, size = v & 1, (v >> 1) & 3, v >> 3
        self._skip = 1 if kind == 1 else size  # an RLE block holds one byte
        if not last:
            self._need, self._next = 3, self._block
        else:  # the frame's end: its checksum, then the next frame's magic number
            self._skip += 4 if self._checksum else 0
            self._need, self._next = 4, self._magic


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) with lines over `limit` bytes skipped unread (None)."""
    n = 0
    while line := stream.readline(limit + 1):
        n += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (more := stream.readline(1 << 20)) and not more.endswith(b"\n"):
                pass
            yield n, None
        else:
            yield n, line


class _LineDecoder:
    """JSON Lines are UTF-8 by the spec, but old exports are not: a line that is not UTF-8
    is read in the file's legacy encoding, detected once, on the first such line."""

    def __init__(self) -> None:
        self.legacy: str | None = None

    def __call__(self, line: bytes) -> str:
        try:
            return line.decode("utf-8")
        except UnicodeDecodeError:
            pass
        if self.legacy is None:
            self.legacy = decode_bytes(line).encoding
        return line.decode(self.legacy, errors="replace")


def _jsonl_records(stream: BinaryIO, fields: RecordFields, limit: int) -> Iterator[_Record]:
    decode = _LineDecoder()
    for n, line in _lines(stream, limit):
        where, position = f"line {n}", f"line-{n}"
        if line is None:
            yield _Record(position, where, error=f"over the {limit:,}-byte record limit")
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(decode(line).lstrip("\ufeff"))
        except InputRejected as exc:
            yield _Record(position, where, error=exc.reason)
            continue
        except json.JSONDecodeError as exc:
            yield _Record(position, where, error=f"not valid JSON: {exc.msg} (column {exc.colno})")
            continue
        if not isinstance(obj, dict):
            yield _Record(position, where, error=f"a JSON {type(obj).__name__}, not an object")
            continue
        yield _from_mapping(obj, position, where, fields)


def _csv_records(stream: BinaryIO, fields: RecordFields, limit: int) -> Iterator[_Record]:
    """Rows of a CSV export with a header row; the encoding is detected on the first 64 KB
    (spreadsheets export cp1252 or UTF-8 with a BOM as often as plain UTF-8)."""
    buffered = stream if isinstance(stream, io.BufferedReader) else io.BufferedReader(stream)
    text = io.TextIOWrapper(buffered, encoding=_csv_encoding(buffered.peek(_BUFFER)),
                            errors="replace", newline="")
    reader = csv.reader(_text_lines(text, limit))
    header: list[str] | None = None
    row_no = 0
    while True:
        try:
            row = _next_row(reader, limit)
        except StopIteration:
            return
        except csv.Error as exc:
            row_no += 1
            yield _Record(f"row-{row_no}", f"row {row_no} (line {reader.line_num})",
                          error=f"unreadable CSV ({exc})")
            continue
        if not row:
            continue
        if header is None:
            header = [h.strip().lstrip("\ufeff") for h in row]
            continue
        row_no += 1
        where, position = f"row {row_no} (line {reader.line_num})", f"row-{row_no}"
        if row == [_OVERLONG_LINE]:
            yield _Record(position, where, error=f"over the {limit:,}-byte record limit")
        elif len(row) != len(header):
            yield _Record(position, where,
                          error=f"{len(row)} fields where the header has {len(header)}")
        else:
            yield _from_mapping(dict(zip(header, row, strict=True)), position, where, fields)


def _next_row(reader, limit: int) -> list[str]:
    """The next row, read with a field size limit of `limit` (the csv module's limit is
    process-wide: raised for this one call only, then put back as it was)."""
    previous = csv.field_size_limit(max(csv.field_size_limit(), limit))
    try:
        return next(reader)
    finally:
        csv.field_size_limit(previous)


def _csv_encoding(head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        return decode_bytes(head).encoding


def _text_lines(text: io.TextIOWrapper, limit: int) -> Iterator[str]:
    """Lines for the csv module, each at most `limit` characters: a longer one is skipped
    and stands as a marker row, so one broken line cannot take the worker's memory."""
    while line := text.readline(limit + 1):
        if len(line) > limit and not line.endswith("\n"):
            while (more := text.readline(1 << 20)) and not more.endswith("\n"):
                pass
            yield _OVERLONG_LINE + "\n"
        else:
            yield line


def _from_mapping(obj: dict, position: str, where: str, fields: RecordFields) -> _Record:
    rec = _Record(position, where)
    rec.record_id = _scalar(_first(obj, fields.id))
    rec.url = _scalar(_first(obj, fields.url))
    rec.title = _scalar(_first(obj, fields.title))
    rec.author = _names_of(_first(obj, fields.author))
    rec.date = _scalar(_first(obj, fields.date))
    body = _first(obj, fields.text)
    if isinstance(body, list) and all(isinstance(p, str) for p in body):
        body = "\n\n".join(body)  # a body given as a list of paragraphs
    if body is None and (null := _null_field(obj, fields.text)):
        rec.error = f"body field {null!r} is null"  # the field is there (a fresh user)
    elif body is None:
        rec.error = f"no body field (looked for {', '.join(fields.text)})"
    elif not isinstance(body, str):
        rec.error = f"body field is a JSON {type(body).__name__}, not text"
    else:
        rec.text = body
    return rec


def _first(obj: dict, names: list[str]):
    for name in names:
        value = obj
        for part in name.split("."):
            value = _get(value, part) if isinstance(value, dict) else None
            if value is None:
                break
        if value is not None:
            return value
    return None


def _null_field(obj: dict, names: list[str]) -> str | None:
    """The first of `names` that `obj` holds as JSON null (its parent found as `_first`
    finds a field), or None."""
    for name in names:
        parent_name, _, last = name.rpartition(".")
        parent = _first(obj, [parent_name]) if parent_name else obj
        if isinstance(parent, dict) and any(
                isinstance(k, str) and k.lower() == last.lower() and v is None
                for k, v in parent.items()):
            return name
    return None


def _get(obj: dict, name: str):
    if name in obj:
        return obj[name]
    lowered = name.lower()
    return next((v for k, v in obj.items() if isinstance(k, str) and k.lower() == lowered), None)


def _names_of(value) -> str | None:
    """A record's author field as one line: a name, a list of names (joined with ", "), a
    person as a mapping ({"name": …})."""
    if isinstance(value, dict):
        value = _get(value, "name")
    if isinstance(value, list):
        return ", ".join(n for n in map(_names_of, value) if n) or None
    return _scalar(value)


def _scalar(value) -> str | None:
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value).strip() or None
    return None


def _warc_records(stream: BinaryIO, limit: int) -> Iterator[_Record]:
    """The response records of a WARC (gzip per record or not, as warcio reads both), each an
    input: HTML ones to clean, the others (images, scripts) rejected as no article page, as
    the fetch flow does (a fresh user's PNG response had no manifest line, the run's count
    one input short). Requests, metadata and revisits are no responses, no inputs."""
    from warcio.archiveiterator import ArchiveIterator

    members = _GzipMembers(stream)
    for n, rec in enumerate(ArchiveIterator(members), 1):
        if rec.rec_type != "response":
            continue
        uri = (rec.rec_headers.get_header("WARC-Target-URI") or "").strip("<> ")
        if not uri.lower().startswith(("http://", "https://")):
            continue
        m = _WARC_UUID_RE.match(rec.rec_headers.get_header("WARC-Record-ID") or "")
        out = _Record(f"record-{n}", f"record {n} ({uri})",
                      record_id=m.group(1).lower() if m else url_key(uri).replace("/", "_"),
                      url=uri)
        http = rec.http_headers
        status = http.get_statuscode() if http else None
        ctype = (http.get_header("Content-Type") or "") if http else ""
        if not status or not status.isdigit():
            out.error = "unreadable HTTP status line"
        elif status != "200":
            out.error = f"HTTP {status} response, not a page"
        elif ctype and not ctype.lower().startswith(_HTML_TYPES):
            out.error = f"not an article page: Content-Type {ctype.split(';')[0]}"
        else:
            body = rec.content_stream().read(limit + 1)
            if len(body) > limit:
                out.error = f"body over the {limit:,}-byte record limit"
            elif getattr(rec.raw_stream, "limit", 0) > 0:
                # warcio ends a cut-off file quietly; the record's own length tells.
                out.error = "truncated: the file ends inside this record"
                out.error_status, out.retryable = RunStatus.FAILED, False
            else:
                out.text = with_http_charset(body, ctype)
        yield out
    if members.inside:
        raise Truncated("the file ends inside a gzip member")


class _GzipMembers:
    """Passes a WARC's bytes through to warcio and follows its gzip members (`_GzipInflater`,
    the output discarded), to tell whether the file ends inside one: warcio ends a cut-off
    file quietly, as if it were complete."""

    _STEP = 1 << 20  # inflate in steps: a bomb never fills memory

    def __init__(self, f) -> None:
        self._f = f
        self._members = _GzipInflater()
        self._gzip: bool | None = None  # decided on the first bytes

    @property
    def inside(self) -> bool:
        return bool(self._gzip) and self._members.inside

    def read(self, n: int = -1) -> bytes:
        data = self._f.read(n)
        if self._gzip is None and data:
            self._gzip = data.startswith(GZIP_MAGIC)
        if self._gzip:
            self._members.pending = data
            try:
                while self._members.inflate(self._STEP):
                    pass
            except zlib.error:
                self._gzip = False  # not ours to judge: warcio reports it
        return data


def with_http_charset(body: bytes, content_type: str | None) -> bytes:
    """The body as the cleaner should see it, given the HTTP `Content-Type`.

    The cleaner reads a page's own `<meta charset>` and detects the rest; a charset named
    only in the HTTP header would be lost, so a body in that charset (valid, not UTF-8, no
    declaration of its own) is handed over as UTF-8. The stored raw copy stays as received.
    """
    m = _CHARSET_RE.search(content_type or "")
    if not m:
        return body
    codec = codec_for_label(m.group(1))  # latin-1 and ascii read as cp1252, as browsers do
    if codec is None:
        return body
    if codec.startswith("utf-8") or _META_CHARSET_RE.search(body[:4096]):
        return body
    try:
        body.decode("utf-8")
        return body
    except UnicodeDecodeError:
        pass
    try:
        return body.decode(codec).encode("utf-8")
    except UnicodeDecodeError:
        return body
