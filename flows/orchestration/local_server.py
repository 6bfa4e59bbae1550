"""The CLI's embedded Prefect server, started once per PREFECT_HOME and reused while alive.

Without PREFECT_API_URL, Prefect starts a temporary API server for every flow call and stops
it when the process exits: on 2 cores that is 4-6 s of a one-document run, plus 2-4 s of
importing the server's modules into the CLI's own process just to launch it (measured with
pyinstrument: see the README's Performance section). `newsclean run` and `fetch` instead:

1. **start a server process speculatively** as the command starts, before the options are
   checked. It imports Prefect's server (the slow part) while the CLI checks options and rule
   packs, then waits for a word on its stdin. It touches nothing on disk before that word:
   a refused run (exit 2) closes the pipe and the process exits without a trace.
2. **go**: under a lock file, reuse a live server recorded for this PREFECT_HOME (same Python
   and Prefect) and let the speculative one go; else tell the speculative one to serve, and
   record it. Either way the run registers its pid as a user of that server.
3. The server is Prefect's own app (`create_app`, as Prefect's temporary server: no UI, no
   background services) over PREFECT_HOME's database, on a free loopback port. It stops
   `IDLE_SECONDS` after its last registered user process has gone
   (NEWSCLEAN_SERVER_IDLE_SECONDS; 0 keeps Prefect's own per-run temporary server), or at
   once when its state folder is removed. A user is a pid: a run killed with SIGKILL stops
   counting when its pid is gone, and its destination lock is taken over as before (the
   lock judges the holder's pid and flow run state, which live in the same database).

State: PREFECT_HOME/newsclean-server/{lock, server.json, schema.json, users/<pid>, server.log};
schema.json names the database revision this Prefect version (and these Prefect collections)
set up (the next start skips the migration and block registration checks while it holds).
Stop it by hand: `kill $(jq .pid ~/.prefect/newsclean-server/server.json)`.
"""

import contextlib
import fcntl
import json
import os
import select
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

IDLE_SECONDS = 300.0
_WATCH_SECONDS = 2.0
_STATE = "newsclean-server"


class ServerDidNotStart(RuntimeError):
    """The embedded server did not answer in time."""


def idle_seconds() -> float:
    try:
        return float(os.environ.get("NEWSCLEAN_SERVER_IDLE_SECONDS", IDLE_SECONDS))
    except ValueError:
        return IDLE_SECONDS


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextlib.contextmanager
def _locked(state: Path):
    state.mkdir(parents=True, exist_ok=True)
    with open(state / "lock", "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _read_record(state: Path) -> dict | None:
    try:
        record = json.loads((state / "server.json").read_text())
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) and {"pid", "url"} <= record.keys() else None


def _healthy(url: str, timeout: float = 2.0) -> bool:
    """GET /api/health (http.client: this runs before Prefect, or httpx, is imported)."""
    import http.client
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        conn.request("GET", f"{parts.path}/health")
        return conn.getresponse().status == 200
    except OSError:
        return False
    finally:
        conn.close()


def _identity() -> dict:
    from importlib.metadata import version

    return {"python": sys.prefix, "prefect": version("prefect")}


def _home() -> Path:
    return Path(os.environ.get("PREFECT_HOME") or "~/.prefect").expanduser()


def _profile_names_a_server(home: Path) -> bool:
    """Whether Prefect's settings would not start a temporary server: an API URL or
    ephemeral mode switched off, in the environment or the active profile."""
    import tomllib

    names = ("PREFECT_SERVER_ALLOW_EPHEMERAL_MODE", "PREFECT_SERVER_EPHEMERAL_ENABLED")
    if any(os.environ.get(n, "").lower() in ("0", "false", "no", "off") for n in names):
        return True
    path = Path(os.environ.get("PREFECT_PROFILES_PATH") or home / "profiles.toml").expanduser()
    try:
        profiles = tomllib.loads(path.read_text())
    except FileNotFoundError:
        return False  # Prefect's default profile: ephemeral
    except (OSError, ValueError):
        return True  # unreadable: leave it to Prefect
    active = os.environ.get("PREFECT_PROFILE") or profiles.get("active") or "ephemeral"
    settings = profiles.get("profiles", {}).get(active, {})
    return bool(settings.get("PREFECT_API_URL")) or any(
        str(settings.get(n, "")).lower() in ("0", "false", "no", "off") for n in names)


class EmbeddedServer:
    """One CLI run's handle on the shared server (see the module's docstring).

    `start` must run before Prefect is imported: it sets PREFECT_API_URL in the environment,
    which Prefect reads once, for every thread and child process of the run."""

    def __init__(self) -> None:
        self._child: subprocess.Popen | None = None
        self._state = _home() / _STATE
        self.url: str | None = None
        self.started = False  # this run started the server (else it reused one)

    @classmethod
    def start(cls) -> "EmbeddedServer | None":
        if "prefect" in sys.modules or os.environ.get("PREFECT_API_URL") \
                or idle_seconds() <= 0 or _profile_names_a_server(_home()):
            return None
        self = cls()
        if not self._reuse():
            self._spawn()
        if self.url is None:
            return None
        os.environ["PREFECT_API_URL"] = self.url
        return self

    def _reuse(self) -> bool:
        """Register with a live server recorded for this PREFECT_HOME (no files are made
        where none is recorded)."""
        if not (self._state / "server.json").exists():
            return False
        with _locked(self._state):
            record = _read_record(self._state)
            if not (record and _pid_alive(record["pid"])
                    and {k: record.get(k) for k in _identity()} == _identity()
                    and _healthy(record["url"])):
                return False
            self._register(record["pid"])
        self.url = record["url"]
        return True

    def _register(self, server_pid: int) -> None:
        users = self._state / "users"
        users.mkdir(exist_ok=True)
        (users / str(os.getpid())).write_text(str(server_pid))

    def _spawn(self) -> None:
        """The speculative server process: it takes a loopback port at once, imports
        Prefect's server, then waits for `go` (or EOF: it exits, nothing written)."""
        # No automations: the reactive triggers and actions services serve automations, which
        # nobody can define on this private, UI-less server, and their start-up builds two
        # in-process API clients on the server's event loop (0.3-0.9 s of CPU, right when the
        # run's first requests arrive).
        env = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1",
               "PREFECT__SERVER_FINAL": "1", "PREFECT_SERVER_SERVICES_TRIGGERS_ENABLED": "false"}
        self._child = subprocess.Popen(
            [sys.executable, "-m", "newsclean.flows.orchestration.local_server"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            env=env, start_new_session=True, text=True)  # outlives this run: own session
        port = 0
        if select.select([self._child.stdout], [], [], 30.0)[0]:
            with contextlib.suppress(ValueError):
                port = int(self._child.stdout.readline().strip() or 0)
        if port:
            self.url = f"http://127.0.0.1:{port}/api"
        else:
            self.cancel()

    def cancel(self) -> None:
        """Let the speculative process go without serving (it exits on EOF)."""
        if self._child is not None:
            with contextlib.suppress(OSError):
                self._child.stdin.close()
                self._child.stdout.close()
            self._child = None

    def go(self, startup_timeout: float = 60.0, meanwhile=None) -> None:
        """Before the flow starts: the speculative process serves, recorded for the next
        runs; wait until it answers. `meanwhile()` is run while it starts (the run's own
        remaining imports: this process would otherwise sit idle beside it)."""
        if self._child is None:  # a reused server
            if meanwhile is not None:
                meanwhile()
            return
        child = self._child
        with _locked(self._state):
            try:
                child.stdin.write(f"go {self._state}\n")
                child.stdin.flush()
            except OSError:
                raise ServerDidNotStart("the embedded Prefect server exited at start") from None
            (self._state / "server.json").write_text(json.dumps(
                {"pid": child.pid, "url": self.url, **_identity(), "started": time.time()}))
            self._register(child.pid)
        self.cancel()
        self.started = True
        if meanwhile is not None:
            meanwhile()
        deadline = time.monotonic() + startup_timeout
        while not _healthy(self.url, timeout=1.0):
            if time.monotonic() > deadline or child.poll() is not None:
                raise ServerDidNotStart(f"the embedded Prefect server did not start (see "
                                        f"{self._state / 'server.log'})")
            time.sleep(0.05)

    def release(self) -> None:
        """This run no longer uses the server (the server stops once idle)."""
        self.cancel()
        if os.environ.get("PREFECT_API_URL") == self.url:
            del os.environ["PREFECT_API_URL"]
        with contextlib.suppress(OSError):
            (self._state / "users" / str(os.getpid())).unlink()


# -- the server process ---------------------------------------------------------------------

def _watch(state: Path, server, idle: float) -> None:
    """Stop the server once no registered user is alive for `idle` seconds, its record names
    another server, or its state folder is gone."""
    me, last_used = os.getpid(), time.monotonic()
    while not server.should_exit:
        time.sleep(_WATCH_SECONDS)
        if not state.is_dir():
            server.should_exit = True
            return
        with _locked(state):
            mine = 0
            for user in (state / "users").glob("*"):
                try:
                    pid, served_by = int(user.name), int(user.read_text() or 0)
                except (OSError, ValueError):
                    continue
                if served_by != me:
                    continue
                if _pid_alive(pid):
                    mine += 1
                else:
                    with contextlib.suppress(OSError):
                        user.unlink()
            record = _read_record(state)
            ours = record is not None and record.get("pid") == me
            if mine:
                last_used = time.monotonic()
            elif not ours or time.monotonic() - last_used >= idle:
                if ours:
                    (state / "server.json").unlink(missing_ok=True)
                server.should_exit = True
                return


def _preload(plugins: bool) -> None:
    """Before the word, what the app's start-up would otherwise do after it, on the run's
    critical path, without touching the database: import the server's services, configure
    the ORM mappers (0.1-0.3 s at the first query), and when the database's set-up is to be
    checked, import Prefect's plugins (the block registration check imports every
    `prefect.collections` entry point: prefect-dask imports distributed, 1-1.5 s)."""
    import prefect.plugins
    import sqlalchemy.orm
    from prefect.server.database import orm_models  # noqa: F401 - the mapped classes
    from prefect.server.services.base import Service

    if plugins:
        prefect.plugins.load_prefect_collections()
    Service.all_services()
    sqlalchemy.orm.configure_mappers()


def _sqlite_path() -> Path | None:
    """The server's database file, when it is SQLite (Prefect's default)."""
    from prefect.settings import get_current_settings

    url = get_current_settings().server.database.connection_url
    url = url.get_secret_value() if hasattr(url, "get_secret_value") else str(url or "")
    prefix = "sqlite+aiosqlite:///"
    if not url.startswith(prefix) or ":memory:" in url:
        return None
    return Path(url[len(prefix):].split("?", 1)[0])


def _schema_revision(db: Path | None) -> list[str] | None:
    """The alembic revision(s) the database is at (read-only, stdlib sqlite3), or None."""
    import sqlite3

    if db is None or not db.is_file():
        return None
    try:
        with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True,
                                                timeout=5)) as conn:
            return sorted(r[0] for r in conn.execute("SELECT version_num FROM alembic_version"))
    except sqlite3.Error:
        return None


def _schema(db: Path | None, revision: list[str]) -> dict:
    """What a database's set-up depends on: its revision, this Prefect, the installed
    Prefect collections (their block types are registered at start-up)."""
    from importlib.metadata import entry_points

    collections = sorted(f"{ep.name}={ep.dist.version if ep.dist else ''}"
                         for ep in entry_points(group="prefect.collections"))
    return {"prefect": _identity()["prefect"], "database": str(db), "revision": revision,
            "collections": collections}


def _schema_is_current(state: Path, db: Path | None) -> bool:
    """Whether a server of this Prefect version, with these collections, has already set
    this database up at the revision it is at now. Then its start-up can skip the migration
    check (alembic loading every migration script and taking the database's write lock:
    0.4-1.5 s) and the block registration check (importing every collection: prefect-dask
    imports distributed, 1-1.5 s); any other case (a new Prefect or collection, another
    program's migration, a new database) does both, as Prefect would."""
    revision = _schema_revision(db)
    if not revision:
        return False
    try:
        known = json.loads((state / "schema.json").read_text())
    except (OSError, ValueError):
        return False
    return known == _schema(db, revision)


def _note_schema(state: Path, db: Path | None, server) -> None:
    """Once the server has started (migrated, blocks registered), record the database's
    set-up for the next start."""
    while not server.started and not server.should_exit:
        time.sleep(0.05)
    revision = _schema_revision(db)
    if server.started and revision:
        with contextlib.suppress(OSError):
            (state / "schema.json").write_text(json.dumps(_schema(db, revision)))


def _serve() -> int:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))  # the run's PREFECT_API_URL names this port from now on
    print(sock.getsockname()[1], flush=True)

    import uvicorn
    from prefect.server.api.server import create_app  # the slow import, before the word
    from prefect.settings import (
        PREFECT_API_BLOCKS_REGISTER_ON_START,
        PREFECT_API_DATABASE_MIGRATE_ON_START,
        PREFECT_MEMOIZE_BLOCK_AUTO_REGISTRATION,
        temporary_settings,
    )

    app = create_app()  # builds the routes (0.3 s); the database is first opened at start-up
    db = _sqlite_path()
    _preload(plugins=not _schema_is_current(_home() / _STATE, db))  # read-only: no writes
    word = sys.stdin.readline().split(maxsplit=1)
    if not word or word[0] != "go":
        return 0  # the run was refused: nothing was touched
    state = Path(word[1].strip())
    log = os.open(state / "server.log", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    for fd in (1, 2):
        os.dup2(log, fd)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    current = _schema_is_current(state, db)
    server = uvicorn.Server(uvicorn.Config(app, log_level="error", lifespan="on"))
    threading.Thread(target=_watch, args=(state, server, max(idle_seconds(), 1.0)),
                     daemon=True).start()
    if not current:
        threading.Thread(target=_note_schema, args=(state, db, server), daemon=True).start()
    set_up = {PREFECT_API_DATABASE_MIGRATE_ON_START: False,
              PREFECT_API_BLOCKS_REGISTER_ON_START: False,
              PREFECT_MEMOIZE_BLOCK_AUTO_REGISTRATION: False}
    with temporary_settings(updates=set_up) if current else contextlib.nullcontext():
        server.run(sockets=[sock])
    return 0


if __name__ == "__main__":
    sys.exit(_serve())
