"""The ``dragoman`` command line: thin over the library.

Typical session::

    dragoman ingest samples/            # read pages into ./dragoman.db
    dragoman articles                   # what was found
    dragoman show 3f2a                  # one article: metadata, body, removed parts
    dragoman export articles -f jsonl -o articles.jsonl
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Iterable, Iterator, TextIO

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from dragoman.read import DEFAULT_MAX_BYTES, iter_documents
from dragoman.store import DEFAULT_DB, Store

app = typer.Typer(
    help="Dragoman turns news pages into a sourced record: clean articles, who did what to whom "
    "(CAMEO/PLOVER events), who said what (quotes), and how each outlet told the story.\n\n"
    "Start with `dragoman ingest PATH`, then `dragoman articles` and `dragoman show ID`.",
    no_args_is_help=True,
    rich_markup_mode="markdown",
)
export_app = typer.Typer(help="Write stored records in analysts' formats (JSONL, CSV, GDELT TSV).", no_args_is_help=True)
app.add_typer(export_app, name="export")
stories_app = typer.Typer(help="Stories: articles grouped by the development they cover. Run alone to list them.",
                          invoke_without_command=True)
app.add_typer(stories_app, name="stories")

console = Console(soft_wrap=False)
err_console = Console(stderr=True, soft_wrap=True)

DbOpt = Annotated[Path, typer.Option("--db", help="SQLite database file (created if missing).", envvar="DRAGOMAN_DB")]


class Format(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


class DossierFormat(str, Enum):
    html = "html"
    md = "md"
    json = "json"


class EventFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    gdelt = "gdelt"


def _open_store(db: Path, must_exist: bool = False) -> Store:
    if must_exist and not db.exists():
        err_console.print(f"[red]error:[/] no database at {db} — run `dragoman ingest PATH` first (or pass --db).")
        raise typer.Exit(2)
    return Store(db)


def _write(fmt: str, records: Iterable[dict], fields: list[str], output: Path | None) -> int:
    """Write records as jsonl, csv or parquet to a file or stdout."""
    from dragoman.report.export import write_csv, write_jsonl, write_parquet

    if fmt == "parquet":
        if output is None or str(output) == "-":
            err_console.print("[red]error:[/] Parquet is binary: give a file with --output")
            raise typer.Exit(2)
        try:
            return write_parquet(records, str(output), fields)
        except RuntimeError as err:
            err_console.print(f"[red]error:[/] {err}")
            raise typer.Exit(2) from err
    with _output(output) as out:
        return write_jsonl(records, out) if fmt == "jsonl" else write_csv(records, out, fields)


@contextmanager
def _output(path: Path | None) -> Iterator[TextIO]:
    if path is None or str(path) == "-":
        yield sys.stdout
    else:
        with path.open("w", encoding="utf-8", newline="") as fh:
            yield fh


def _article_id(store: Store, given: str) -> str:
    full = store.resolve_id(given)
    if full is None:
        err_console.print(f"[red]error:[/] no single article matches id {given!r} (see `dragoman articles`).")
        raise typer.Exit(2)
    return full


def _progress_columns() -> list[Any]:
    """The columns of a long run's progress bar: spinner, what it is doing, bar, count, time."""
    return [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (recursive), globs in quotes, or - for stdin. "
                                               ".txt and .html/.htm pages; .jsonl, .csv and .tsv records (a row "
                                               "per article: text or html, and date, url, title, outlet if known).")],
    db: DbOpt = Path(DEFAULT_DB),
    max_bytes: Annotated[int, typer.Option(help="Refuse files larger than this many bytes.")] = DEFAULT_MAX_BYTES,
    batch_size: Annotated[int, typer.Option(help="Documents parsed per spaCy batch.")] = 32,
    workers: Annotated[int, typer.Option(help="Processes for cleaning, parsing and extraction (one per core).")] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Read pages, find each article, annotate it and store it.

    Re-running is safe: a page already stored (same content hash) is skipped.
    Bad files are reported with the reason and skipped; the rest are stored,
    and the command exits with status 1 if any failed.

    Example: `dragoman ingest samples/ 'crawl/**/*.html' --db news.db`
    """
    from dragoman import pipeline

    store = _open_store(db)
    with Progress(*_progress_columns(), console=err_console, disable=quiet, transient=True) as progress:
        task = progress.add_task("ingesting", total=None)

        def note(source: str, status: str) -> None:
            progress.advance(task)
            progress.update(task, description=f"{status}: {Path(source).name[:40]}")

        report = pipeline.ingest(iter_documents(paths, max_bytes=max_bytes), store, batch_size=batch_size, on_item=note,
                                 workers=workers)
    for source, encoding in report.recoded:
        err_console.print(f"[yellow]note:[/] {source}: not valid UTF-8; decoded as {encoding}")
    for err in report.failed:
        err_console.print(f"[red]error:[/] {err.source}: {err.reason}")
    console.print(
        f"stored {len(report.stored)} article(s), {len(report.duplicates)} already stored, "
        f"{len(report.failed)} failed — {store.count()} in {db}"
    )
    store.close()
    if report.failed:
        raise typer.Exit(1)


@app.command()
def retone(
    db: DbOpt = Path(DEFAULT_DB),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Store the tone toward each actor mention in a database written before tones were kept.

    Parses those articles again (about as long as ingesting them); articles that already have
    tones are left alone, so running it twice does nothing the second time.

    Example: `dragoman retone --db news.db`
    """
    from dragoman.tone.mentions import fill_tones

    store = _open_store(db, must_exist=True)
    ids = [r[0] for r in store.db.execute("SELECT DISTINCT article_id FROM actor_mentions WHERE tone_role IS NULL ORDER BY 1")]
    with Progress(*_progress_columns(), console=err_console, disable=quiet, transient=True) as progress:
        task = progress.add_task("scoring tone", total=len(ids))
        for aid in ids:
            text = store.db.execute("SELECT text FROM articles WHERE id = ?", (aid,)).fetchone()[0]
            rows = store.db.execute('SELECT * FROM actor_mentions WHERE article_id = ? ORDER BY start, "end"', (aid,)).fetchall()
            fill_tones(store.db, aid, text, rows)
            progress.advance(task)
    console.print(f"stored tones for the actor mentions of {len(ids)} article(s) in {db}")
    store.close()


@app.command()
def articles(db: DbOpt = Path(DEFAULT_DB)) -> None:
    """List stored articles: id, date, outlet, title, size, comments."""
    store = _open_store(db, must_exist=True)
    table = Table("id", "published", "outlet", "title", "words", "comments", title=f"{store.count()} articles")
    for a in store.articles():
        date = (a.published or "—") + ("*" if a.published_source == "inferred" else "")
        table.add_row(a.id[:10], date, a.outlet or "—", a.title or "—", str(len(a.text.split())), str(len(a.comments)))
    console.print(table)
    console.print("[dim]* date inferred from the dates the article cites[/]")


@app.command()
def show(article_id: Annotated[str, typer.Argument(help="Article id or a unique prefix of it.")], db: DbOpt = Path(DEFAULT_DB)) -> None:
    """One article: metadata, clean body, and every removed part with its label."""
    from rich.panel import Panel

    store = _open_store(db, must_exist=True)
    a = store.article(_article_id(store, article_id))
    assert a is not None
    meta = Table.grid(padding=(0, 2))
    for k, v in [("id", a.id), ("uri", a.uri), ("title", a.title), ("authors", ", ".join(a.authors)), ("outlet", a.outlet),
                 ("published", f"{a.published} ({a.published_source})" if a.published else None), ("page date", a.page_date),
                 ("section", a.section), ("tags", ", ".join(a.tags)), ("sentences", str(len(a.sentences))),
                 ("entities", str(len(a.mentions)))]:
        meta.add_row(f"[bold]{k}[/]", str(v) if v else "—")
    console.print(meta)
    console.print(Panel(a.text, title="body", title_align="left"))
    if a.signature:
        console.print(f"[bold]signature:[/] {a.signature}")
    if a.bio:
        console.print(Panel(a.bio, title="author bio", title_align="left"))
    for n, r in enumerate(a.references, 1):
        console.print(f"[bold]reference {n}:[/] {r}")
    for n, c in enumerate(a.comments, 1):
        head = " · ".join(x for x in (c.title, c.author, c.published) if x)
        console.print(Panel(c.text, title=f"comment {n}: {head}", title_align="left", border_style="dim"))
    for r in a.removed:
        console.print(f"[dim]removed ({r.label}):[/] {r.text[:300]}{'…' if len(r.text) > 300 else ''}")
    evs = store.events(article=a.id)
    if evs:
        console.print(f"[bold]events ({len(evs)}):[/]")
        for e in evs:
            tgt = f" → {e['target_name']} [{e['target_code'] or '?'}]" if e["target_name"] else ""
            mode = "" if e["modality"] == "happened" else f" ({e['modality']})"
            console.print(f"  {e['date'] or '?'} {e['source_name']} [{e['source_code'] or '?'}] {e['cameo']} {e['plover'] or ''}"
                          f"{tgt}{mode}{' NEGATED' if e['negated'] else ''}  [dim]@{e['start']}–{e['end']}[/]")
    qs = store.quotes(article=a.id)
    if qs:
        console.print(f"[bold]quotes ({len(qs)}):[/]")
        for q in qs:
            via = f" via {q['via']}" if q["via"] else ""
            console.print(f"  {q['speaker'] or '—'} [{q['actor_code'] or '?'}] ({q['kind']}{via}): “{q['text'][:200]}”  [dim]@{q['start']}–{q['end']}[/]")


@export_app.command("articles")
def export_articles(
    fmt: Annotated[Format, typer.Option("--format", "-f", help="jsonl (one object per line), csv (lists as JSON), or parquet (needs -o).")] = Format.jsonl,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")] = None,
    db: DbOpt = Path(DEFAULT_DB),
) -> None:
    """Export articles with their metadata, comments, bio and references."""
    from dragoman.report.export import ARTICLE_FIELDS, article_record

    store = _open_store(db, must_exist=True)
    n = _write(fmt.value, (article_record(a) for a in store.articles()), ARTICLE_FIELDS, output)
    if output:
        err_console.print(f"wrote {n} article(s) to {output}")


ActorOpt = Annotated[str | None, typer.Option("--actor", "-a", help="CAMEO actor code prefix (IRN, IRNGOV) or exact name.")]
CodeOpt = Annotated[str | None, typer.Option("--code", "-c", help="CAMEO event code prefix: 19 (any assault), 036, 1246.")]
FromOpt = Annotated[str | None, typer.Option("--from", help="Earliest event date, ISO (2007, 2007-05, 2007-05-28).")]
ToOpt = Annotated[str | None, typer.Option("--to", help="Latest event date, ISO, inclusive.")]
ArticleOpt = Annotated[str | None, typer.Option("--article", help="Article id (or prefix).")]
UnrealOpt = Annotated[bool, typer.Option(
    "--unreal/--factual",
    help="Also list records of what did not happen: hypotheticals and recommendations (\"the US should consider "
         "talks\") and negated acts (\"did not attack\"), marked by their modality and negated fields.")]
OneSidedOpt = Annotated[bool, typer.Option(
    "--one-sided/--dyadic",
    help="Also list events whose target is not identified (\"Somalia appealed for aid\"). By default only dyadic "
         "events (source and target both coded) are listed, as CAMEO event data are: one-sided records are kept in "
         "the database and shown in the web app and dossier.")]


@app.command()
def events(
    actor: ActorOpt = None,
    code: CodeOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    article: ArticleOpt = None,
    one_sided: OneSidedOpt = False,
    unreal: UnrealOpt = False,
    limit: Annotated[int, typer.Option(help="Show at most this many.")] = 200,
    db: DbOpt = Path(DEFAULT_DB),
) -> None:
    """Events (who did what to whom, when, where) as a table, filterable.

    Example: `dragoman events --actor IRN --code 04 --from 2007-05 --to 2007-07`
    """
    store = _open_store(db, must_exist=True)
    rows = store.events(actor=actor, code=code, date_from=date_from, date_to=date_to, article=article, dyadic=not one_sided,
                        factual=not unreal)
    table = Table("date", "source", "event", "target", "where", "mode", "article", title=f"{len(rows)} events")
    table.columns[0].no_wrap = True
    for r in rows[:limit]:
        date = f"{r['date'] or '—'}" + ("~" if r["date_source"] == "report" else "")
        mode = r["modality"] + (" (negated)" if r["negated"] else "") + (f" per {r['asserted_by']}" if r["asserted_by"] else "")
        table.add_row(date, f"{r['source_name']} [{r['source_code'] or '?'}]", f"{r['cameo']} {r['plover'] or ''}".strip(),
                      f"{r['target_name']} [{r['target_code'] or '?'}]" if r["target_name"] else "—",
                      r["place_name"] or "—", mode, r["article_id"][:10])
    console.print(table)
    console.print("[dim]~ no date of its own in the text: the report's date[/]")
    _note_left_out(store, len(rows), one_sided, unreal, actor=actor, code=code, date_from=date_from, date_to=date_to,
                   article=article)


def _note_left_out(store: Store, shown: int, one_sided: bool, unreal: bool, **filters: str | None) -> None:
    """Say what the defaults left out (on stderr, so exports stay clean)."""
    if not one_sided:
        n = store.count_events(**filters, factual=not unreal) - shown
        if n:
            err_console.print(f"[dim]{n} one-sided event(s) without an identified target left out; --one-sided includes them[/]")
    if not unreal:
        n = store.count_events(**filters, dyadic=not one_sided) - shown
        if n:
            err_console.print(f"[dim]{n} hypothetical or negated record(s) left out; --unreal includes them[/]")


@app.command()
def quotes(
    article: ArticleOpt = None,
    speaker: Annotated[str | None, typer.Option(help="Speaker name (substring).")] = None,
    actor: ActorOpt = None,
    db: DbOpt = Path(DEFAULT_DB),
) -> None:
    """Who said what: direct, indirect and partial quotes with their speakers."""
    store = _open_store(db, must_exist=True)
    rows = store.quotes(article=article, speaker=speaker, actor=actor)
    table = Table("speaker", "code", "kind", "quote", "via", "outlet", "article", title=f"{len(rows)} quotes")
    for r in rows:
        text = r["text"] if len(r["text"]) < 140 else r["text"][:137] + "…"
        table.add_row(r["speaker"] or "—", r["actor_code"] or "—", r["kind"], text, r["via"] or "—", r["outlet"] or "—",
                      r["article_id"][:10])
    console.print(table)


@export_app.command("events")
def export_events(
    fmt: Annotated[EventFormat, typer.Option("--format", "-f", help="jsonl, csv, parquet (needs -o), or gdelt (GDELT 2.0 event table TSV).")] = EventFormat.jsonl,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")] = None,
    actor: ActorOpt = None,
    code: CodeOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    one_sided: OneSidedOpt = False,
    unreal: UnrealOpt = False,
    db: DbOpt = Path(DEFAULT_DB),
) -> None:
    """Export events: every field with provenance (article id and character span)."""
    from dragoman.report.gdelt import write_gdelt
    from dragoman.store.records import EVENT_FIELDS, event_record

    store = _open_store(db, must_exist=True)
    rows = store.events(actor=actor, code=code, date_from=date_from, date_to=date_to, dyadic=not one_sided, factual=not unreal)
    _note_left_out(store, len(rows), one_sided, unreal, actor=actor, code=code, date_from=date_from, date_to=date_to)
    if fmt is EventFormat.gdelt:
        with _output(output) as out:
            n = write_gdelt(rows, out)
    else:
        n = _write(fmt.value, (event_record(r) for r in rows), EVENT_FIELDS, output)
    if output:
        err_console.print(f"wrote {n} event(s) to {output}")


@export_app.command("mentions")
def export_mentions(
    fmt: Annotated[Format, typer.Option("--format", "-f", help="jsonl, csv, or parquet (needs -o).")] = Format.jsonl,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")] = None,
    actor: ActorOpt = None,
    db: DbOpt = Path(DEFAULT_DB),
) -> None:
    """Export actor mentions: span, resolved actor (name, CAMEO code, country, role, kind) and the tone the
    sentence takes toward it there (-1 hostile … +1 favourable) with the role it was read from
    (agent, judged, patient, mentioned, people, sole). A store written before tones were kept has none until
    `dragoman retone` (or a dossier of the article's story) computes them."""
    from dragoman.store.records import MENTION_FIELDS

    store = _open_store(db, must_exist=True)
    n = _write(fmt.value, ({k: r[k] for k in MENTION_FIELDS} for r in store.actor_mentions(actor)), MENTION_FIELDS, output)
    if output:
        err_console.print(f"wrote {n} mention(s) to {output}")


@export_app.command("quotes")
def export_quotes(
    fmt: Annotated[Format, typer.Option("--format", "-f", help="jsonl, csv, or parquet (needs -o).")] = Format.jsonl,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")] = None,
    db: DbOpt = Path(DEFAULT_DB),
) -> None:
    """Export quotes with speaker, actor code, kind, cue verb, outlet quoted and span."""
    from dragoman.store.records import QUOTE_FIELDS, quote_record

    store = _open_store(db, must_exist=True)
    n = _write(fmt.value, (quote_record(r) for r in store.quotes()), QUOTE_FIELDS, output)
    if output:
        err_console.print(f"wrote {n} quote(s) to {output}")


@stories_app.callback()
def stories_list(ctx: typer.Context, db: DbOpt = Path(DEFAULT_DB)) -> None:
    """List stories: id, dates, number of articles, title."""
    if ctx.invoked_subcommand is not None:
        return
    from dragoman.report.dossier import stories

    store = _open_store(db, must_exist=True)
    table = Table("id", "from", "to", "articles", "title", title="stories")
    for s in stories(store):
        table.add_row(s["id"], s["first_date"] or "—", s["last_date"] or "—", str(s["n_articles"]), s["title"] or "—")
    console.print(table)


@stories_app.command("merge")
def stories_merge(into: str, other: str, db: DbOpt = Path(DEFAULT_DB)) -> None:
    """Merge story OTHER into story INTO (for a story the grouping split in two)."""
    from dragoman import stories

    store = _open_store(db, must_exist=True)
    try:
        stories.merge(store, into, other)
    except KeyError as err:
        err_console.print(f"[red]error:[/] {err.args[0]}")
        raise typer.Exit(2) from err
    console.print(f"merged {other} into {into}")


@stories_app.command("split")
def stories_split(story: str, articles: Annotated[list[str], typer.Argument(help="Article ids to move to a new story.")],
                  title: Annotated[str | None, typer.Option(help="Title of the new story.")] = None,
                  db: DbOpt = Path(DEFAULT_DB)) -> None:
    """Move ARTICLES out of STORY into a new story (for one the grouping joined wrongly)."""
    from dragoman import stories

    store = _open_store(db, must_exist=True)
    try:
        new = stories.split(store, story, [_article_id(store, a) for a in articles], title)
    except (KeyError, ValueError) as err:
        err_console.print(f"[red]error:[/] {err.args[0]}")
        raise typer.Exit(2) from err
    console.print(f"new story {new}")


@app.command()
def dossier(
    story: Annotated[str, typer.Argument(help="Story id (see `dragoman stories`).")],
    fmt: Annotated[DossierFormat, typer.Option("--format", "-f", help="html (one self-contained file), md, or json.")] = DossierFormat.html,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")] = None,
    db: DbOpt = Path(DEFAULT_DB),
) -> None:
    """A story's dossier: timeline, source-by-source comparison, quotes, actor network, tone.

    Example: `dragoman dossier s7124db375b8b293 -o dossier.html`
    """
    import json

    from dragoman.report.dossier import build

    store = _open_store(db, must_exist=True)
    try:
        d = build(store, story)
    except KeyError as err:
        err_console.print(f"[red]error:[/] no story {story!r} (see `dragoman stories`).")
        raise typer.Exit(2) from err
    if fmt is DossierFormat.json:
        text = json.dumps(d, ensure_ascii=False, indent=1)
    elif fmt is DossierFormat.md:
        from dragoman.report.markdown import render_markdown

        text = render_markdown(d)
    else:
        from dragoman.report.html import render_html

        text = render_html(store, d)
    with _output(output) as out:
        out.write(text)
    if output:
        err_console.print(f"wrote the {fmt.value} dossier of {story} ({len(d['articles'])} articles, "
                          f"{len(d['timeline'])} story events) to {output}")


@app.command()
def serve(
    db: DbOpt = Path(DEFAULT_DB),
    host: Annotated[str, typer.Option(help="Address to bind (localhost by default; 0.0.0.0 exposes it).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    token: Annotated[str | None, typer.Option(help="If set, ingest (the write endpoints) requires this token.",
                                              envvar="DRAGOMAN_TOKEN")] = None,
) -> None:
    """Serve the store as a web app and JSON API (OpenAPI at /docs), like Datasette serves SQLite.

    Example: `dragoman serve --db news.db` then open http://127.0.0.1:8000/
    """
    from dragoman.web.app import run

    run(db, host=host, port=port, token=token)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
