"""The web app: HTML pages and a JSON API over one store, like Datasette over SQLite.

``create_app(db_path, token=None)`` builds the FastAPI app; ``run`` serves it
with uvicorn, on 127.0.0.1 unless told otherwise. Pages and API read the same
view models (the dossier is ``report.dossier.build``'s dict in both).
"""

from __future__ import annotations

import json
import queue
import time
import sys
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlencode

from anyio import to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException

from dragoman import __version__ as _version
from dragoman.read.sources import DEFAULT_MAX_BYTES
from dragoman.report.charts import QUAD_COLOURS, QUAD_NAMES
from dragoman.report.html import event_label, tone_colour
from dragoman.store import Store
from dragoman.web.fetch import Fetched
from dragoman.web.ingest import Ingester
from dragoman.web.security import LOCAL_HOSTS, Csrf, GuardMiddleware

HERE = Path(__file__).resolve().parent
WORKER_THREADS = 4
DESCRIPTION = """The store of a Dragoman installation as JSON: stories and their dossiers, articles with every
extracted record and its character span, events (CAMEO/PLOVER) and quotes, actors, and ingest.

Lists are paged with `limit` (1–500) and `offset`; each answer says `next_offset` (null at the end).
Bad parameters get a 400 answer `{"error": {"status": 400, "message": "...", "param": "..."}}`;
unknown ids a 404 of the same shape. `POST /api/ingest` needs the server's token, when it has one,
as `Authorization: Bearer <token>` or `X-Dragoman-Token: <token>`."""


class StorePool:
    """Read connections, one per request at a time, reused; opened lazily, read-only by pragma."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.free: queue.SimpleQueue[Store] = queue.SimpleQueue()
        self.opened: list[Store] = []
        self.closed = False

    @contextmanager
    def get(self) -> Iterator[Store]:
        try:
            store = self.free.get_nowait()
        except queue.Empty:
            store = Store(self.path)
            store.db.execute("PRAGMA query_only = ON")
            self.opened.append(store)
        try:
            yield store
        finally:
            if store.db.in_transaction:
                store.db.execute("ROLLBACK")
            self.free.put(store)

    def close(self) -> None:
        for s in self.opened:
            s.close()
        self.opened.clear()


class TTLCache:
    """Small results that change only on ingest (the outlet list): kept a while, dropped on ingest."""

    def __init__(self, ttl: float = 60.0) -> None:
        self.ttl = ttl
        self.items: dict[str, tuple[float, Any]] = {}

    def get(self, key: str, compute: Callable[[], Any]) -> Any:
        now = time.monotonic()
        hit = self.items.get(key)
        if hit is not None and now - hit[0] < self.ttl:
            return hit[1]
        value = compute()
        self.items[key] = (now, value)
        return value

    def clear(self) -> None:
        self.items.clear()


def _query(params: Any, **changes: Any) -> str:
    """The current query string with some parameters changed (None drops one)."""
    merged = {k: v for k, v in dict(params).items() if v not in (None, "")}
    for k, v in changes.items():
        if v is None or v == "":
            merged.pop(k, None)
        else:
            merged[k] = v
    return ("?" + urlencode(merged)) if merged else "?"


def _web_url(value: Any) -> str | None:
    """A URL fit for an href: http(s) only (an article's ``uri`` may be anything)."""
    v = str(value or "")
    return v if v.lower().startswith(("http://", "https://")) else None


def _from_json(value: Any) -> Any:
    if not isinstance(value, str):
        return value or []
    try:
        return json.loads(value)
    except ValueError:
        return [value]


def templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True, auto_reload=False)
    env.filters.update(tone_colour=tone_colour, event_label=event_label, web_url=_web_url, from_json=_from_json)
    env.globals.update(quad_colours=QUAD_COLOURS, quad_names=QUAD_NAMES, query=_query, version=_version)
    return Jinja2Templates(env=env)


def is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def error_response(request: Request, status: int, message: str, param: str | None = None,
                   extra: list[dict[str, Any]] | None = None) -> Any:
    if is_api(request):
        body: dict[str, Any] = {"status": status, "message": message}
        if param:
            body["param"] = param
        if extra:
            body["errors"] = extra
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return JSONResponse({"error": body}, status_code=status, headers=headers)
    return request.app.state.templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                                        status_code=status)


def create_app(db_path: str | Path, token: str | None = None, *, allowed_hosts: list[str] | None = None,
               max_upload_bytes: int = DEFAULT_MAX_BYTES, fetcher: Callable[..., Fetched] | None = None) -> FastAPI:
    """The app over the store at ``db_path``. ``token``: required by write endpoints when set.
    ``allowed_hosts``: Host header values served (default: 127.0.0.1, localhost, ::1; ``["*"]`` for any)."""
    from dragoman.web import api, pages

    Store(db_path).close()  # create or migrate once, before readers open

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Few worker threads: queries release the GIL and overlap, while many threads would only contend for it.
        to_thread.current_default_thread_limiter().total_tokens = WORKER_THREADS
        yield
        app.state.pool.close()

    app = FastAPI(title="Dragoman", version=_version, description=DESCRIPTION, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json", lifespan=lifespan)
    app.state.db_path = str(db_path)
    app.state.token = token or None
    app.state.pool = StorePool(db_path)
    app.state.csrf = Csrf()
    app.state.templates = templates()
    app.state.cache = TTLCache()
    app.state.ingester = Ingester(db_path, max_upload_bytes, fetcher, on_stored=app.state.cache.clear)
    app.state.max_upload_bytes = max_upload_bytes
    hosts = list(LOCAL_HOSTS) if allowed_hosts is None else allowed_hosts
    app.add_middleware(GuardMiddleware, allowed_hosts=hosts, max_body=max_upload_bytes * 4 + 256 * 1024)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Any:
        return error_response(request, exc.status_code, str(exc.detail), getattr(exc, "param", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Any:
        errors = []
        for e in exc.errors():
            loc = [str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body", "header")]
            name = ".".join(loc) or "request"
            got = e.get("input")
            shown = f" (got {got!r})" if isinstance(got, (str, int, float)) else ""
            errors.append({"param": name, "message": f"{e.get('msg', 'invalid')}{shown}"})
        message = "; ".join(f"{x['param']}: {x['message']}" for x in errors) or "bad request"
        return error_response(request, 400, message, errors[0]["param"] if errors else None, errors)

    return app


def run(db: str | Path, host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> None:
    """Serve the store with uvicorn (localhost by default)."""
    import uvicorn

    local = host in ("127.0.0.1", "localhost", "::1")
    hosts = list(LOCAL_HOSTS) if local else ["*"] if host in ("0.0.0.0", "::") else [*LOCAL_HOSTS, host]
    if not local and not token:
        print(f"warning: serving on {host} without --token: anyone who can reach it can ingest", file=sys.stderr)
    print(f"Dragoman: serving {db} on http://{'[' + host + ']' if ':' in host else host}:{port}/ "
          f"(API docs at /docs, OpenAPI at /openapi.json)", file=sys.stderr)
    uvicorn.run(create_app(db, token, allowed_hosts=hosts), host=host, port=port, log_level="info",
                limit_concurrency=256, timeout_keep_alive=5)


__all__ = ["create_app", "run"]
