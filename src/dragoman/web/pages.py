"""The HTML pages: stories and search, a story's dossier, an article, events, an actor, ingest, API docs."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup
from starlette.exceptions import HTTPException

from dragoman.report.charts import network_svg, timeline_svg
from dragoman.report.dossier import build
from dragoman.report.html import event_label
from dragoman.store.records import event_record
from dragoman.web import params, queries
from dragoman.web.actor_charts import activity_svg, relations_svg
from dragoman.web.api import From, Limit, Offset, StoreDep, check_urls, read_uploads, require_token
from dragoman.web.ingest import MAX_FILES, MAX_URLS
from dragoman.web.params import NotFound, ParamError
from dragoman.web.security import CSRF_COOKIE, CSRF_FIELD, set_csrf_cookie
from dragoman.web.views import article_view, event_anchor

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


NAV = {"stories.html": "stories", "story.html": "stories", "article.html": "stories", "events.html": "events",
       "actor.html": "events", "ingest.html": "ingest", "docs.html": "docs"}


def render(request: Request, name: str, status: int = 200, **context: Any) -> Response:
    context.setdefault("nav", NAV.get(name))
    return request.app.state.templates.TemplateResponse(request, name, context, status_code=status)


@router.get("/")
def stories_page(request: Request, store: StoreDep, q: str | None = None, date_from: From = None, to: str | None = None,
                 actor: str | None = None, limit: Limit = 50, offset: Offset = 0) -> Response:
    f, t = params.date_range(date_from, to)
    words = params.text(q, "q")
    code = params.actor_code(actor) if actor and actor.strip() else None
    items, total = queries.stories(store, words, f, t, code, limit, offset)
    hits: list[dict[str, Any]] = []
    if words:
        hits, _ = queries.search_articles(store, words, 30, 0)
        for h in hits:
            h["parts"] = queries.snippet_parts(h.pop("snippet"))
    return render(request, "stories.html", stories=items, total=total, hits=hits, q=words or "", date_from=f or "",
                  date_to=t or "", actor=code or "", limit=limit, offset=offset, n_articles=store.count())


@router.get("/stories/{story_id}")
def story_page(request: Request, story_id: str, store: StoreDep) -> Response:
    sid = params.story_id(story_id)
    try:
        d = build(store, sid)
    except KeyError:
        raise NotFound(f"no story {sid!r}") from None
    info = {a["id"]: a for a in d["article_info"]}
    for it in d["timeline"]:
        it["label"] = event_label(it["cameo"])
        by_article: dict[str, dict[str, Any]] = {}
        for ev in it["evidence"]:
            ev["anchor"] = event_anchor(ev["start"], ev["end"])
            src = by_article.setdefault(ev["article_id"], {"article_id": ev["article_id"], "outlet": info[ev["article_id"]]["outlet"],
                                                           "evidence": []})
            if all(x["anchor"] != ev["anchor"] for x in src["evidence"]):
                src["evidence"].append(ev)
        it["sources"] = list(by_article.values())  # for the page only: evidence grouped by article
    return render(request, "story.html", d=d, info=info,
                  timeline_svg=Markup(timeline_svg(d["timeline"])), network_svg=Markup(network_svg(d["network"])))


@router.get("/articles/{article_id}")
def article_page(request: Request, article_id: str, store: StoreDep) -> Response:
    given = params.article_id(article_id)
    full = queries.resolve_article(store, given)
    if full != given:
        return RedirectResponse(f"/articles/{full}", status_code=307)
    view = article_view(store, full)
    if view is None:
        raise NotFound(f"no article {article_id!r}")
    return render(request, "article.html", v=view, a=view["article"], rec=view["record"])


@router.get("/events")
def events_page(request: Request, store: StoreDep, actor: str | None = None, code: str | None = None, date_from: From = None,
                to: str | None = None, outlet: str | None = None, article: str | None = None, sort: str | None = None,
                limit: Limit = 50, offset: Offset = 0) -> Response:
    f = params.EventFilters.parse(actor, code, date_from, to, outlet, article)
    order = params.sort(sort)
    rows, more = queries.events(store, f, order, limit, offset)
    events = [{**event_record(r), "label": event_label(r["cameo"]), "outlet": r["outlet"], "trigger": r["trigger"],
               "anchor": event_anchor(r["start"], r["end"])} for r in rows]
    return render(request, "events.html", events=events, f=f, sort=order, limit=limit, offset=offset, more=more,
                  outlets=request.app.state.cache.get("outlets", lambda: queries.outlets(store)),
                  filters=f.query())


@router.get("/actors/{code}")
def actor_page(request: Request, code: str, store: StoreDep) -> Response:
    c = params.actor_code(code)
    data = queries.actor(store, c)
    if data is None:
        raise NotFound(f"no actor {c!r}: no event or mention has this code")
    rows, more = queries.events(store, params.EventFilters(actor=c), "-date", 30, 0)
    events = [{**event_record(r), "label": event_label(r["cameo"]), "outlet": r["outlet"],
               "anchor": event_anchor(r["start"], r["end"])} for r in rows]
    return render(request, "actor.html", actor=data, events=events, more=more,
                  activity_svg=Markup(activity_svg(data["events_by_month"])), relations_svg=Markup(relations_svg(data["relations"])))


def _ingest_form(request: Request, status: int = 200, **context: Any) -> Response:
    cookie, field = request.app.state.csrf.issue(request)
    response = render(request, "ingest.html", status, csrf=field, csrf_field=CSRF_FIELD, needs_token=bool(request.app.state.token),
                      max_bytes=request.app.state.max_upload_bytes, max_files=MAX_FILES, max_urls=MAX_URLS, **context)
    set_csrf_cookie(response, cookie, secure=request.url.scheme == "https")
    return response


@router.get("/ingest")
def ingest_page(request: Request) -> Response:
    return _ingest_form(request)


@router.post("/ingest")
async def ingest_submit(request: Request) -> Response:
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype not in ("multipart/form-data", "application/x-www-form-urlencoded"):
        return _ingest_form(request, 400, error="the form must be sent as multipart/form-data")
    form = await request.form(max_files=MAX_FILES + 1, max_fields=50)
    field = form.get(CSRF_FIELD)
    if not request.app.state.csrf.valid(request.cookies.get(CSRF_COOKIE), field if isinstance(field, str) else None):
        return _ingest_form(request, 403, error="the form's security token is missing or expired: reload the page and send it again")
    token = form.get("token")
    try:
        require_token(request, token if isinstance(token, str) else None)
    except HTTPException as err:
        return _ingest_form(request, 401, error=str(err.detail))
    try:
        urls, uploads = await read_uploads(request, form)
        urls = check_urls(urls)
    except ParamError as err:
        return _ingest_form(request, 400, error=str(err.detail))
    if not urls and not uploads:
        return _ingest_form(request, 400, error="nothing to ingest: choose files or paste URLs")
    result = await request.app.state.ingester.run_async(urls, uploads)
    return _ingest_form(request, 200, result=result)


@router.get("/docs")
def docs_page(request: Request) -> Response:
    """The API described from the OpenAPI document, drawn here (no Swagger UI from a CDN)."""
    spec = request.app.openapi()
    ops = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            ops.append({"path": path, "method": method.upper(), "summary": op.get("summary", ""),
                        "description": op.get("description", ""), "parameters": op.get("parameters", []),
                        "body": list(op.get("requestBody", {}).get("content", {}))})
    return render(request, "docs.html", spec=spec, ops=ops)


@router.get("/favicon.ico")
def favicon() -> Response:
    return RedirectResponse("/static/favicon.svg", status_code=301)
