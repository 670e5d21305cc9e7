"""The JSON API (``/api/...``), described at ``/openapi.json``."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import AsyncIterator, Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from dragoman.report.dossier import build
from dragoman.report.html import event_label
from dragoman.store import Store
from dragoman.store.records import EVENT_FIELDS, event_record, quote_record
from dragoman.web import params, queries
from dragoman.web.ingest import MAX_FILES, MAX_URL_LENGTH, MAX_URLS, Upload, upload_name
from dragoman.web.params import MAX_LIMIT, MAX_OFFSET, NotFound, ParamError
from dragoman.web.security import presented_token, token_ok
from dragoman.web.views import article_view

router = APIRouter(prefix="/api")


async def get_store(request: Request) -> AsyncIterator[Store]:
    """A pooled read connection for one request (async, so taking and returning it costs no thread hop)."""
    with request.app.state.pool.get() as store:
        yield store


StoreDep = Annotated[Store, Depends(get_store)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Items per page, 1–{MAX_LIMIT}.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]
From = Annotated[str | None, Query(alias="from", description="Earliest date, ISO or a prefix: 2023, 2023-04, 2023-04-11.")]
To = Annotated[str | None, Query(description="Latest date (inclusive), ISO or a prefix.")]
ActorQ = Annotated[str | None, Query(description="Actor code prefix (KEN, KENGOV) or an actor's exact name.")]


class Error(BaseModel):
    status: int
    message: str = Field(description="What is wrong, for a person to read.")
    param: str | None = Field(None, description="The parameter at fault, if one is.")


class ErrorBody(BaseModel):
    error: Error


ERRORS: dict[int | str, dict[str, Any]] = {400: {"model": ErrorBody, "description": "Bad parameter"},
                                           404: {"model": ErrorBody, "description": "Unknown id"}}


class Page(BaseModel):
    items: list[dict[str, Any]]
    limit: int
    offset: int
    next_offset: int | None = Field(description="Offset of the next page; null on the last page.")
    total: int | None = Field(None, description="Number of items matching, when counted.")


class Failure(BaseModel):
    source: str
    reason: str


class IngestResult(BaseModel):
    stored: list[str] = Field(description="Ids of the articles stored.")
    duplicates: list[str] = Field(description="Ids of pages already stored (same content).")
    failed: list[Failure] = Field(description="Sources that could not be fetched, read or stored, with the reason.")


class IngestUrls(BaseModel):
    urls: list[str] = Field(description=f"http(s) URLs to fetch (public addresses only), at most {MAX_URLS}.")


def _page(items: list[dict[str, Any]], limit: int, offset: int, more: bool, total: int | None = None) -> dict[str, Any]:
    return {"items": items, "limit": limit, "offset": offset, "next_offset": offset + limit if more else None, "total": total}


@router.get("/stories", response_model=Page, responses=ERRORS, summary="Stories, newest first; search and filter")
def api_stories(store: StoreDep, limit: Limit = 50, offset: Offset = 0,
                q: Annotated[str | None, Query(description="Words that articles of the story contain (full-text search).")] = None,
                date_from: From = None, to: To = None,
                actor: Annotated[str | None, Query(description="Actor code prefix named in the story (KEN, IRN).")] = None) -> Any:
    f, t = params.date_range(date_from, to)
    code = params.actor_code(actor) if actor else None
    items, total = queries.stories(store, params.text(q, "q"), f, t, code, limit, offset)
    return _page(items, limit, offset, offset + len(items) < total, total)


@router.get("/search", response_model=Page, responses=ERRORS, summary="Full-text search over articles (SQLite FTS5)")
def api_search(store: StoreDep, q: Annotated[str, Query(description="Words; every word must occur; word* for a prefix.")],
               limit: Limit = 50, offset: Offset = 0) -> Any:
    rows, more = queries.search_articles(store, params.text(q, "q") or "", limit, offset)
    items = [{**{k: v for k, v in r.items() if k != "snippet"}, "snippet": "".join(
        f"[{t}]" if hit else t for t, hit in queries.snippet_parts(r["snippet"]))} for r in rows]
    return _page(items, limit, offset, more)


@router.get("/stories/{story_id}", responses=ERRORS, summary="A story's dossier (the model the dossier page renders)")
def api_story(story_id: str, store: StoreDep) -> dict[str, Any]:
    sid = params.story_id(story_id)
    try:
        return build(store, sid)
    except KeyError:
        raise NotFound(f"no story {sid!r} (see /api/stories)") from None


@router.get("/articles/{article_id}", responses=ERRORS,
            summary="An article: metadata, clean body, removed parts, and every record with its span")
def api_article(article_id: str, store: StoreDep) -> dict[str, Any]:
    full = queries.resolve_article(store, params.article_id(article_id))
    view = article_view(store, full)
    if view is None:
        raise NotFound(f"no article {article_id!r}")
    return view["record"]


def _event_item(r: Any) -> dict[str, Any]:
    return {**event_record(r), "label": event_label(r["cameo"]), "outlet": r["outlet"], "uri": r["uri"]}


EventSort = Annotated[str | None, Query(description="date, source, target, cameo, goldstein, quad, outlet or place; "
                                                    "prefix - for descending.")]
CodeQ = Annotated[str | None, Query(description="CAMEO code or root prefix: 19 (any assault), 036, 1246.")]
OutletQ = Annotated[str | None, Query(description="Outlet name, exact.")]
ArticleQ = Annotated[str | None, Query(description="Article id or prefix.")]


@router.get("/events", response_model=Page, responses=ERRORS, summary="Events (who did what to whom), filtered and paged")
def api_events(store: StoreDep, actor: ActorQ = None, code: CodeQ = None, date_from: From = None, to: To = None,
               outlet: OutletQ = None, article: ArticleQ = None, sort: EventSort = None, limit: Limit = 50, offset: Offset = 0,
               count: Annotated[bool, Query(description="Also count all matching events (slower on a large store).")] = False
               ) -> Any:
    f = params.EventFilters.parse(actor, code, date_from, to, outlet, article)
    rows, more = queries.events(store, f, params.sort(sort), limit, offset)
    total = queries.count_events(store, f) if count else None
    return _page([_event_item(r) for r in rows], limit, offset, more, total)


@router.get("/events.csv", responses=ERRORS, summary="All matching events as CSV (nested values as JSON in their cell)",
            response_class=StreamingResponse)
def api_events_csv(request: Request, actor: ActorQ = None, code: CodeQ = None, date_from: From = None, to: To = None,
                   outlet: OutletQ = None, article: ArticleQ = None, sort: EventSort = None) -> StreamingResponse:
    f = params.EventFilters.parse(actor, code, date_from, to, outlet, article)
    order = params.sort(sort)
    fields = [*EVENT_FIELDS, "outlet"]
    path = request.app.state.db_path

    def lines() -> Iterator[str]:
        store = Store(path)
        try:
            buf = io.StringIO()
            w = csv.DictWriter(buf, fieldnames=fields, extrasaction="ignore")
            w.writeheader()
            for n, r in enumerate(queries.iter_events(store, f, order)):
                rec = {**event_record(r), "outlet": r["outlet"]}
                w.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in rec.items()})
                if n % 500 == 0:
                    yield buf.getvalue()
                    buf.seek(0)
                    buf.truncate()
            yield buf.getvalue()
        finally:
            store.close()

    return StreamingResponse(lines(), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": 'attachment; filename="events.csv"'})


@router.get("/quotes", response_model=Page, responses=ERRORS, summary="Quotes (who said what), filtered and paged")
def api_quotes(store: StoreDep, article: ArticleQ = None,
               speaker: Annotated[str | None, Query(description="Speaker name, substring.")] = None,
               actor: Annotated[str | None, Query(description="Speaker's actor code prefix.")] = None,
               limit: Limit = 50, offset: Offset = 0) -> Any:
    art = params.article_id(article) if article else None
    code = params.actor_code(actor) if actor else None
    rows, more = queries.quotes(store, art, params.text(speaker, "speaker"), code, limit, offset)
    return _page([{**quote_record(r), "actor_code": r["actor_code"], "outlet": r["outlet"]} for r in rows], limit, offset, more)


@router.get("/actors/{code}", responses=ERRORS,
            summary="An actor: names, events per month, relations with other actors (Goldstein sums per month)")
def api_actor(code: str, store: StoreDep) -> dict[str, Any]:
    c = params.actor_code(code)
    data = queries.actor(store, c)
    if data is None:
        raise NotFound(f"no actor {c!r}: no event or mention has this code (prefix)")
    rows, _ = queries.events(store, params.EventFilters(actor=c), "-date", 20, 0)
    return {**data, "recent_events": [_event_item(r) for r in rows]}


def require_token(request: Request, form_value: str | None = None) -> None:
    from starlette.exceptions import HTTPException

    expected = request.app.state.token
    if not token_ok(expected, presented_token(request, form_value)):
        given = presented_token(request, form_value)
        raise HTTPException(401, "this server requires its token for ingest: send 'Authorization: Bearer <token>' or "
                                 "'X-Dragoman-Token: <token>'" + (" (the one given is wrong)" if given else ""))


async def read_uploads(request: Request, form: Any) -> tuple[list[str], list[Upload]]:
    """URLs (one per line in ``urls`` fields) and files (``files`` fields) of a multipart form, size-capped."""
    cap = request.app.state.max_upload_bytes
    urls = [u.strip() for v in form.getlist("urls") if isinstance(v, str) for u in v.splitlines() if u.strip()]
    uploads = []
    files = [f for f in form.getlist("files") if not isinstance(f, str)]
    if len(files) > MAX_FILES:
        raise ParamError("files", f"at most {MAX_FILES} files per request (got {len(files)})")
    for n, f in enumerate(files):
        if not f.filename and not f.size:
            continue  # the empty file input of a form sent without a file
        data = await f.read(cap + 1)
        await f.close()
        name = upload_name(f.filename, n)
        uploads.append(Upload(name, data if len(data) <= cap else None, len(data)))
    return urls, uploads


def check_urls(urls: Any) -> list[str]:
    if not isinstance(urls, list) or not all(isinstance(u, str) for u in urls):
        raise ParamError("urls", "must be a list of URL strings")
    urls = [u.strip() for u in urls if u.strip()]
    if len(urls) > MAX_URLS:
        raise ParamError("urls", f"at most {MAX_URLS} URLs per request (got {len(urls)})")
    for u in urls:
        if len(u) > MAX_URL_LENGTH:
            raise ParamError("urls", f"a URL longer than {MAX_URL_LENGTH} characters")
    return urls


INGEST_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": IngestUrls.model_json_schema()},
            "multipart/form-data": {"schema": {"type": "object", "properties": {
                "files": {"type": "array", "items": {"type": "string", "format": "binary"},
                          "description": f".txt, .html, .jsonl, .csv or .tsv files, at most {MAX_FILES}, each size-capped"},
                "urls": {"type": "string", "description": "URLs to fetch, one per line"}}}},
        },
    }
}


@router.post("/ingest", response_model=IngestResult, responses={**ERRORS, 401: {"model": ErrorBody}, 413: {"model": ErrorBody}},
             openapi_extra=INGEST_BODY, summary="Fetch URLs or upload files and store what they hold")
async def api_ingest(request: Request) -> Any:
    """JSON `{"urls": [...]}` or a multipart form with `files` (and optionally `urls`, one per line).
    Each URL is fetched server-side (public http/https addresses only, also after redirects; size and time capped)."""
    require_token(request)
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "application/json":
        try:
            body = await request.json()
        except (ValueError, UnicodeDecodeError):
            raise ParamError("body", "not valid JSON") from None
        if not isinstance(body, dict) or set(body) - {"urls"}:
            raise ParamError("body", 'expected a JSON object {"urls": ["https://…", …]}')
        urls, uploads = check_urls(body.get("urls", [])), []
    elif ctype == "multipart/form-data":
        form = await request.form(max_files=MAX_FILES + 1, max_fields=50)
        urls, uploads = await read_uploads(request, form)
        urls = check_urls(urls)
    else:
        raise ParamError("content-type", "send application/json {\"urls\": [...]} or multipart/form-data with files")
    if not urls and not uploads:
        raise ParamError("urls", "nothing to ingest: give URLs or files")
    return await request.app.state.ingester.run_async(urls, uploads)
