"""One small storage interface, two implementations: a local folder and an S3 prefix.

Keys are '/'-separated and relative to the store's root (a folder or `s3://bucket/prefix/`),
so the same key layout is written whatever the store. Credentials never appear in a
store's URL, repr, errors or logs.
"""

import ctypes
import errno
import hashlib
import os
import re
import shutil
import stat
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property, lru_cache
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from newsclean.flows.storage.settings import S3Settings


class StorageError(Exception):
    """A store could not be reached or used; the message is one line, with no secrets.
    `retryable`: whether trying again within the run may get past it (a store's hiccup)."""

    retryable = True


# What a local file's read may get past when tried again (an NFS mount's stale handle, an
# interrupted or timed-out read); a file without permission, gone or a folder reads the
# same: a fresh user's run spent 15 s retrying "Permission denied" with backoff.
_TRANSIENT_ERRNOS = frozenset((errno.EIO, errno.EAGAIN, errno.EINTR, errno.ETIMEDOUT,
                               errno.ESTALE))


def _unreadable(key: str, exc: OSError) -> StorageError:
    """The StorageError of a local file's failed read, not retryable unless transient."""
    error = StorageError(f"cannot read {key}: {exc.strerror}")
    error.retryable = exc.errno in _TRANSIENT_ERRNOS
    return error


class Refused(StorageError):
    """An input refused before it is read: `rejected`, not `failed` (a retry reads the same)."""


class TooLarge(Refused):
    """An input over the raw-size limit, refused before it is read into memory."""


class NotAFile(Refused):
    """A named pipe, socket or device in a source folder: reading one would wait forever,
    holding the whole run."""


class UnsafeKey(StorageError):
    """A key that would land outside the store's root (`../x`, absolute, NUL)."""


# A listed file name whose bytes are not UTF-8, as `_listed_key` shows it ("caf\xe9.txt").
_SHOWN_BYTES = re.compile(r"\\x[0-9a-f]{2}")


@dataclass(frozen=True, slots=True)
class ObjectInfo:
    key: str
    size: int
    modified: datetime | None = None


def check_key(key: str) -> str:
    """Refuse keys that climb out of the root; every write goes through here."""
    if _SHOWN_BYTES.search(key):
        raise UnsafeKey(f"{key}: the file name is not UTF-8 (its other bytes are shown as \\xNN): "
                        "rename the file to clean it")
    if not key or "\x00" in key or key.startswith("/") or "\\" in key:
        raise UnsafeKey(f"unsafe key {key!r}")
    # split, not PurePosixPath: that folds "a//b" and "a/./b" into "a/b" before the check
    if any(p in ("..", ".", "") for p in key.split("/")):
        raise UnsafeKey(f"unsafe key {key!r}")
    return key


class Storage:
    url: str
    # Whether a write with `durable=False` needs `sync()` to survive a crash of the machine
    # (a folder); S3's PUTs are durable when they return.
    needs_sync: bool = False

    def iter_objects(self, prefix: str = "") -> Iterator[ObjectInfo]:
        raise NotImplementedError

    def read(self, key: str, max_bytes: int | None = None) -> bytes:
        """The whole object; `TooLarge` without reading it when it has over `max_bytes`."""
        raise NotImplementedError

    def read_if_exists(self, key: str) -> bytes | None:
        raise NotImplementedError

    def open(self, key: str) -> BinaryIO:
        """A stream over one input, for record files too large to read whole; close it."""
        raise NotImplementedError

    def write(self, key: str, data: bytes | BinaryIO,
              content_type: str = "application/octet-stream", *, durable: bool = True) -> None:
        """Write a key atomically from bytes or a seekable file object. `durable=False`:
        readers see it at once, but a crash of the machine may lose it until `sync()`."""
        raise NotImplementedError

    def sync(self) -> None:
        """Make every write so far durable: one sync for many files (group commit)."""

    def delete(self, key: str) -> None:
        """Remove a key if present (a stale clean copy whose document is now empty)."""
        raise NotImplementedError

    def discard_partial_writes(self) -> int:
        """Remove what writers killed mid-write left behind; the caller holds the
        destination, so no live writer's file is touched. Returns how many were removed."""
        return 0

    def check_reachable(self, quick: bool = False) -> None:
        """Raise StorageError in one line when the store cannot be used at all. `quick`:
        fewer retries, for an answer in seconds before a run starts (the CLI)."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.url!r})"


class LocalStorage(Storage):
    """A folder. Writes are atomic (temp file in the same folder, fsync, rename); a write
    with `durable=False` skips the fsync and `sync()` makes all of them durable at once."""

    needs_sync = True

    def __init__(self, root: str | Path, *, single: str | None = None) -> None:
        self.root = Path(root)
        self.single = single  # a source that is one file: only this key is listed
        # Sub-folders the last listing could not open ("lockeddir/ (Permission denied)"):
        # their files are in no manifest line, so the run says so.
        self.unlisted: list[str] = []
        self.url = str(self.root / single) if single else str(self.root)
        # What `sync()` makes durable. A folder of each file system written to since the
        # last sync, held open from before the first write: syncfs reports the write-back
        # errors met since its fd was opened, so one from the kernel's own write-back in
        # between is not missed. Without syncfs, the files themselves.
        self._sync_fds: dict[int, int] = {}  # st_dev -> fd
        self._unsynced: list[Path] = []
        self._sync_lock = threading.Lock()

    @cached_property
    def _real_root(self) -> Path:
        """The root with its links resolved, once per store (a realpath walks every part;
        a source's reads check every document against it)."""
        return self.root.resolve()

    def _path(self, key: str) -> Path:
        return self.root.joinpath(*check_key(key).split("/"))

    def make_root(self, *, probe: bool = False) -> None:
        """Make the folder and those above it, as a run does before its first write;
        `probe`: make only the first missing one and remove it again, so an uncreatable
        destination (/proc/x, a read-only mount, no permission) is refused before a run
        starts, in the words the run would use. StorageError in one line."""
        target = self.root.absolute()
        first = target
        while probe and not first.parent.exists() and first.parent != first:
            first = first.parent
        try:
            if probe:
                if target.is_dir():
                    return
                first.mkdir()
                first.rmdir()
            else:
                target.mkdir(parents=True, exist_ok=True)
        except FileExistsError:  # made meanwhile, or a file in the way: the run says which
            return
        except OSError as exc:
            raise StorageError(f"cannot create {self.root}: {exc.strerror}") from None

    def check_writable(self, folders: tuple[str, ...] = ()) -> None:
        """Make and remove a file in the folder, and in each of `folders` below it that is
        there: a read-only folder or mount, or a file where a folder must be, is refused
        before a run cleans anything, not at its first write after all of it (a fresh
        user's check). A file, not os.access, whose root passes every permission bit. A
        folder not made yet is `make_root(probe=True)`'s. StorageError in one line."""
        if not self.root.is_dir():
            return
        for where in (self.root, *(self.root / f for f in folders)):
            if where != self.root and not where.exists():
                continue
            if not where.is_dir():
                raise StorageError(f"cannot write into {self.root}: {where} is a file, not a folder")
            try:  # a probe left by a kill is a partial write: the next run sweeps it
                fd, probe = tempfile.mkstemp(dir=where, prefix=_TMP_PREFIX, suffix=_TMP_SUFFIX)
                os.close(fd)
                os.unlink(probe)
            except OSError as exc:
                raise StorageError(f"cannot write into {where}: {exc.strerror}") from None

    def check_reachable(self, quick: bool = False) -> None:
        if not self.root.exists():
            raise StorageError(f"no such folder: {self.root}")
        if not self.root.is_dir():
            raise StorageError(f"not a folder: {self.root}")

    def iter_objects(self, prefix: str = "") -> Iterator[ObjectInfo]:
        if self.single:
            st = (self.root / self.single).stat()
            yield ObjectInfo(_listed_key(self.single), st.st_size,
                             datetime.fromtimestamp(st.st_mtime, UTC))
            return
        root = self._real_root
        self.unlisted = []

        def unlisted(err: OSError) -> None:  # a folder os.walk cannot open
            where = Path(err.filename or root)
            if where == root:
                raise StorageError(f"cannot list {self.url}: {err.strerror}")
            self.unlisted.append(f"{where.relative_to(root).as_posix()}/ ({err.strerror})")

        for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=unlisted):
            dirnames.sort()
            for name in sorted(filenames):
                full = Path(dirpath, name)
                key = full.relative_to(root).as_posix()
                if prefix and not key.startswith(prefix):
                    continue
                try:
                    # A link leading out of the source is listed, never followed: reading
                    # it is refused, so the manifest says why it was not cleaned. A link
                    # whose target is gone is listed too: its read fails, and the manifest
                    # says so.
                    outside = full.is_symlink() and not _inside(full, root)
                    st = full.lstat() if outside else full.stat()
                except FileNotFoundError:
                    st = full.lstat()  # a dangling link
                yield ObjectInfo(_listed_key(key), st.st_size,
                                 datetime.fromtimestamp(st.st_mtime, UTC))

    def read(self, key: str, max_bytes: int | None = None) -> bytes:
        path = self._input_path(key)
        try:
            if max_bytes is not None and (size := path.stat().st_size) > max_bytes:
                raise TooLarge(_too_large(size, max_bytes))
            return path.read_bytes()
        except OSError as exc:  # gone since the listing, unreadable, a folder
            raise _unreadable(key, exc) from None

    def _input_path(self, key: str) -> Path:
        """The path of an input to read, refused (never followed or opened) when a link
        leads out of the source folder or loops, or when it is no file but a named pipe,
        socket or device."""
        path = self._path(key)
        try:
            inside = path.resolve().is_relative_to(self._real_root)  # a link, file or folder
        except (OSError, RuntimeError):  # a loop: Python 3.11 raises RuntimeError
            raise UnsafeKey(f"{key}: symbolic link loop, not followed") from None
        if not inside:
            raise UnsafeKey(f"{key}: symbolic link leads out of the source folder, not followed")
        try:
            mode = path.stat().st_mode
        except OSError:  # gone, a dangling link: the read says so
            return path
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            raise NotAFile(f"{key}: not a file but a named pipe, socket or device: not read")
        return path

    def read_if_exists(self, key: str) -> bytes | None:
        try:
            return self._path(key).read_bytes()
        except FileNotFoundError:
            return None

    def open(self, key: str) -> BinaryIO:
        path = self._input_path(key)
        try:
            return path.open("rb")
        except OSError as exc:
            raise _unreadable(key, exc) from None

    def write(self, key: str, data: bytes, content_type: str = "application/octet-stream",
              *, durable: bool = True) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=_TMP_PREFIX, suffix=_TMP_SUFFIX)
        try:
            # mkstemp makes the file 0600; outputs are for readers and publishing tools, so
            # they get the mode open() would give (0644 under umask 022), before the rename.
            os.fchmod(fd, 0o666 & ~_umask())
            if not durable:
                self._before_unsynced_write(os.fstat(fd).st_dev, path)
            with os.fdopen(fd, "wb") as fh:
                if isinstance(data, bytes | bytearray):
                    fh.write(data)
                else:  # a file object (a manifest assembled from its parts)
                    shutil.copyfileobj(data, fh)
                fh.flush()
                if durable:
                    os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def _before_unsynced_write(self, device: int, path: Path) -> None:
        if _libc_syncfs() is None:
            with self._sync_lock:
                self._unsynced.append(path)
        elif device not in self._sync_fds:
            fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
            with self._sync_lock:
                if self._sync_fds.setdefault(device, fd) != fd:
                    os.close(fd)

    def sync(self) -> None:
        """One `syncfs` per file system written to since the last sync: the kernel writes
        the files back together and commits its journal once, where an fsync per file
        commits it once per file (ext4). Without syncfs (not Linux), an fsync per file, as
        a durable write does. On an error, what was written since the last sync may be
        lost: the caller does not count it as done."""
        with self._sync_lock:
            fds, self._sync_fds = self._sync_fds, {}
            paths, self._unsynced = self._unsynced, []
        try:
            for fd in fds.values():
                _call_syncfs(fd)
            for path in paths:
                _fsync_path(path)
        except OSError as exc:
            raise StorageError(f"cannot sync {self.root}: {exc.strerror or exc}") from None
        finally:
            for fd in fds.values():
                os.close(fd)

    def delete(self, key: str) -> None:
        path = self._path(key)
        path.unlink(missing_ok=True)
        # S3 has no folders: a folder left empty by a delete (a run's manifest parts) goes too.
        root = self._real_root
        for parent in path.parents:
            if parent.resolve() == root or not _inside(parent, root):
                break
            try:
                parent.rmdir()
            except OSError:  # not empty (or not ours to remove)
                break


    def discard_partial_writes(self) -> int:
        """S3 PUTs are atomic; a folder keeps the temp file of a write killed before its
        rename (`.tmp-*.part`, never a name `write` gives a key)."""
        removed = 0
        for dirpath, _dirs, files in os.walk(self.root, followlinks=False):
            for name in files:
                if name.startswith(_TMP_PREFIX) and name.endswith(_TMP_SUFFIX):
                    Path(dirpath, name).unlink(missing_ok=True)
                    removed += 1
        return removed


_TMP_PREFIX, _TMP_SUFFIX = ".tmp-", ".part"


@lru_cache(maxsize=1)
def _libc_syncfs():
    """The C library's `syncfs(2)` (Linux; Python's os module has no binding), or None."""
    try:
        return ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None


def _call_syncfs(fd: int) -> None:
    """Write back and commit the file system `fd` is on. Since Linux 5.8 it reports a
    write-back error met by any file on it since `fd` was opened."""
    if _libc_syncfs()(fd) != 0:
        err = ctypes.get_errno()
        raise OSError(err, os.strerror(err))


def _fsync_path(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:  # replaced or deleted since: nothing of it to keep
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@lru_cache(maxsize=1)
def _umask() -> int:
    """The process's umask (read once: reading it means setting it)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _inside(path: Path, root: Path) -> bool:
    """Whether `path`, links followed, stays under `root`; a link loop does not (Python
    3.11's resolve() raises RuntimeError for one: it stopped a whole run)."""
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):
        return False


def _listed_key(key: str) -> str:
    """A listed file's key as text: a name whose bytes are not UTF-8 (an old archive
    unpacked here) shows them as \\xe9, so its manifest line can be written (its raw
    surrogates stopped the whole run); `check_key` refuses the key, so the line says to
    rename the file."""
    try:
        key.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(key).decode("utf-8", "backslashreplace")
    return key


# botocore's own default; a store used by N threads at once asks for N (see S3Storage).
DEFAULT_POOL_SIZE = 10


# Where boto3 finds credentials and endpoints: a client made before one of these changed
# (rotated keys, another profile, a test's fake credentials) is not reused after.
_CREDENTIAL_ENV = ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
                   "AWS_PROFILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE",
                   "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3", "AWS_DEFAULT_REGION")


def s3_client(settings: S3Settings, pool_size: int = DEFAULT_POOL_SIZE):
    """A client for these settings, reused while the credentials in the environment stay
    the same: boto3 clients are thread-safe and costly to make (~50 ms). Nothing to clear:
    the environment is part of the key.

    Retries use boto3's own 'standard' mode (jittered exponential backoff on throttling,
    5xx and connection errors), not a hand-written loop.
    """
    env = tuple(os.environ.get(name) for name in _CREDENTIAL_ENV)
    return _cached_client(settings, pool_size, hashlib.sha256(repr(env).encode()).hexdigest())


@lru_cache(maxsize=8)
def _cached_client(settings: S3Settings, pool_size: int, _env_digest: str):
    return make_s3_client(settings, pool_size)


def make_s3_client(settings: S3Settings, pool_size: int = DEFAULT_POOL_SIZE):
    """A new client (see s3_client)."""
    import boto3
    from botocore.config import Config

    session = boto3.session.Session(profile_name=settings.profile or None)
    endpoint = settings.endpoint_url or os.environ.get("AWS_ENDPOINT_URL_S3") or os.environ.get(
        "AWS_ENDPOINT_URL")
    style = settings.addressing_style
    if style == "auto":
        style = "path" if endpoint else "auto"
    config = Config(
        retries={"mode": "standard", "total_max_attempts": settings.max_attempts},
        max_pool_connections=pool_size,
        connect_timeout=10,
        read_timeout=settings.timeout,
        s3={"addressing_style": style},
        user_agent_extra="newsclean",
    )
    return session.client("s3", endpoint_url=endpoint or None, region_name=settings.region or None,
                          config=config)


class S3Storage(Storage):
    """An S3 prefix on any S3-compatible store (AWS, MinIO, Ceph radosgw, R2, moto)."""

    def __init__(self, bucket: str, prefix: str, settings: S3Settings, *,
                 single: str | None = None, pool_size: int = DEFAULT_POOL_SIZE,
                 client=None) -> None:
        self.pool_size = max(pool_size, DEFAULT_POOL_SIZE)  # one client per process and size
        self._client = client  # an explicit client (else the shared one for these settings)
        self.bucket = bucket
        self.prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""
        self.settings = settings
        self.single = single
        self.url = f"s3://{bucket}/{self.prefix}{single or ''}"

    @property
    def client(self):
        return self._client or s3_client(self.settings, self.pool_size)

    def _key(self, key: str) -> str:
        return self.prefix + check_key(key)

    def _error(self, exc: Exception, what: str) -> StorageError:
        return StorageError(f"{what} s3://{self.bucket}/{self.prefix}: {_describe(exc)}")

    def check_reachable(self, quick: bool = False) -> None:
        from botocore.exceptions import BotoCoreError, ClientError

        # Quick: two attempts, not the eight a transfer gets, so a wrong endpoint is
        # reported in seconds; a run's own check keeps them all (a blip must not fail it).
        settings = self.settings.model_copy(
            update={"max_attempts": min(2, self.settings.max_attempts)}) if quick else self.settings
        try:
            s3_client(settings).head_bucket(Bucket=self.bucket)
        except ClientError as exc:
            code = str(exc.response.get("Error", {}).get("Code", ""))
            if code in ("404", "NoSuchBucket", "NotFound"):
                raise StorageError(f"bucket {self.bucket} does not exist "
                                   f"(s3://{self.bucket}/{self.prefix})") from None
            if code in ("403", "AccessDenied", "Forbidden"):
                raise StorageError(f"access denied to bucket {self.bucket}: check the S3 "
                                   "credentials and their policy") from None
            raise self._error(exc, "cannot use") from None
        except BotoCoreError as exc:
            raise self._error(exc, "cannot use") from None

    def iter_objects(self, prefix: str = "") -> Iterator[ObjectInfo]:
        """Page by page: a prefix with 100,000 keys never sits whole in memory."""
        from botocore.exceptions import BotoCoreError, ClientError

        if self.single:
            yield ObjectInfo(self.single, 0)
            return
        paginator = self.client.get_paginator("list_objects_v2")
        try:
            for page in paginator.paginate(Bucket=self.bucket, Prefix=self.prefix + prefix):
                for obj in page.get("Contents", ()):
                    key = obj["Key"][len(self.prefix):]
                    if key and not key.endswith("/"):
                        yield ObjectInfo(key, obj.get("Size", 0), obj.get("LastModified"))
        except (BotoCoreError, ClientError) as exc:
            raise self._error(exc, "cannot list") from None

    def read(self, key: str, max_bytes: int | None = None) -> bytes:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            response = self.client.get_object(Bucket=self.bucket, Key=self._key(key))
            size = response.get("ContentLength")
            if max_bytes is not None and size is not None and size > max_bytes:
                response["Body"].close()
                raise TooLarge(_too_large(size, max_bytes))
            return response["Body"].read()
        except (BotoCoreError, ClientError) as exc:
            raise StorageError(f"cannot read {key}: {_describe(exc)}") from None

    def read_if_exists(self, key: str) -> bytes | None:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            return self.client.get_object(Bucket=self.bucket, Key=self._key(key))["Body"].read()
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
                return None
            raise StorageError(f"cannot read {key}: {_describe(exc)}") from None
        except BotoCoreError as exc:
            raise StorageError(f"cannot read {key}: {_describe(exc)}") from None

    def open(self, key: str) -> BinaryIO:
        """The object's body as a stream (botocore reads it from the socket as it goes)."""
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            return self.client.get_object(Bucket=self.bucket, Key=self._key(key))["Body"]
        except (BotoCoreError, ClientError) as exc:
            raise StorageError(f"cannot read {key}: {_describe(exc)}") from None

    def write(self, key: str, data: bytes, content_type: str = "application/octet-stream",
              *, durable: bool = True) -> None:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            self.client.put_object(Bucket=self.bucket, Key=self._key(key), Body=data,
                                   ContentType=content_type)
        except (BotoCoreError, ClientError) as exc:
            raise StorageError(f"cannot write {key}: {_describe(exc)}") from None


    def delete(self, key: str) -> None:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            self.client.delete_object(Bucket=self.bucket, Key=self._key(key))
        except (BotoCoreError, ClientError) as exc:
            raise StorageError(f"cannot delete {key}: {_describe(exc)}") from None


def os_error_line(exc: OSError, doing: str = "") -> str:
    """An OSError as an operator reads it, on one line: "<doing> <path>: <why>" ("cannot
    write /out/a.txt: Is a directory"). The path is a rename's target, not its temporary
    part; Python's "[Errno 21]" and quotes are left out. At most 500 characters."""
    path = exc.filename2 if exc.filename2 is not None else exc.filename
    why = exc.strerror or " ".join(str(exc).split()) or type(exc).__name__
    head = " ".join(str(part) for part in (doing, path) if part not in ("", None))
    return (f"{head}: {why}" if head else why)[:500]


def _too_large(size: int, limit: int) -> str:
    return f"input is {size:,} bytes, over the {limit:,}-byte limit (max_raw_bytes): not read"


def _describe(exc: Exception) -> str:
    """One line about a boto error, without request ids, signatures or credentials."""
    from botocore.exceptions import (
        ClientError,
        EndpointConnectionError,
        NoCredentialsError,
        ProfileNotFound,
    )

    if isinstance(exc, ClientError):
        err = exc.response.get("Error", {})
        code = err.get("Code", "error")
        status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        return f"{code} (HTTP {status})" if status else str(code)
    if isinstance(exc, EndpointConnectionError):
        return f"cannot connect to {exc.kwargs.get('endpoint_url', 'the endpoint')}"
    if isinstance(exc, NoCredentialsError):
        return "no credentials (set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or a profile)"
    if isinstance(exc, ProfileNotFound):
        return (f"no AWS profile named {exc.kwargs.get('profile', '?')!r} "
                "(profiles live in ~/.aws/config and ~/.aws/credentials)")
    return type(exc).__name__


def parse_s3_url(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    if parts.scheme != "s3" or not parts.netloc:
        raise StorageError(f"not an s3://bucket/prefix URL: {url!r}")
    return parts.netloc, parts.path.lstrip("/")


def open_store(url: str, settings: S3Settings | None = None, *,
               pool_size: int = DEFAULT_POOL_SIZE) -> Storage:
    """A store for a destination (or source folder) URL: `s3://bucket/prefix` or a path.
    `pool_size`: how many threads will use it at once (S3 connections kept open)."""
    settings = settings or S3Settings()
    if url.startswith("s3://"):
        bucket, prefix = parse_s3_url(url)
        return S3Storage(bucket, prefix, settings, pool_size=pool_size)
    if "://" in url:
        raise StorageError(f"unsupported URL scheme in {url!r}: use a path or s3://bucket/prefix")
    return LocalStorage(Path(url).expanduser())


def open_source(url: str, settings: S3Settings | None = None) -> Storage:
    """Like `open_store`, but a source may also name one file or one object."""
    settings = settings or S3Settings()
    if url.startswith("s3://"):
        bucket, prefix = parse_s3_url(url)
        if prefix and not prefix.endswith("/") and _s3_object_exists(bucket, prefix, settings):
            parent, _, name = prefix.rpartition("/")
            return S3Storage(bucket, parent, settings, single=name)
        return S3Storage(bucket, prefix, settings)
    if "://" in url:
        raise StorageError(f"unsupported URL scheme in {url!r}: use a path or s3://bucket/prefix")
    path = Path(url).expanduser()
    if path.is_file():
        return LocalStorage(path.parent, single=path.name)
    return LocalStorage(path)


def _s3_object_exists(bucket: str, key: str, settings: S3Settings) -> bool:
    from botocore.exceptions import BotoCoreError, ClientError

    try:
        s3_client(settings).head_object(Bucket=bucket, Key=key)
        return True
    except ClientError:
        return False
    except BotoCoreError as exc:
        raise StorageError(f"cannot reach s3://{bucket}: {_describe(exc)}") from None
