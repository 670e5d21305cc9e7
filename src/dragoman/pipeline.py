"""Wires the per-document stages; the one place that knows their order.

read → clean → annotate (spaCy, batched) → extract → store. Everything up to
``store`` is a pure function of one document, so the same ``process`` runs in
a loop here or inside a worker of a distributed engine.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, Any

from dragoman import nlp, stories
from dragoman.actors import resolve_actors
from dragoman.clean import clean
from dragoman.events import extract_events
from dragoman.quotes import add_quotes
from dragoman.tone import add_tones
from dragoman.errors import InputError
from dragoman.model import Article, Document

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from dragoman.store import Store

def _actors(article: Article, doc: Any) -> None:
    article.actors = resolve_actors(article, doc)


def _events(article: Article, doc: Any) -> None:
    article.events = extract_events(article, doc)


# Extraction components run after annotation, in order: f(article, parsed_doc).
# Actors come first: events and quotes point at the actors they resolve.
EXTRACTORS: list[Callable[[Article, Any], None]] = [_actors, _events, add_quotes, add_tones]


@dataclass
class Report:
    """What an ingest run did."""

    stored: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    failed: list[InputError] = field(default_factory=list)
    recoded: list[tuple[str, str]] = field(default_factory=list)  # (source, encoding) of pages that were not UTF-8

    @property
    def ok(self) -> bool:
        return not self.failed


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def extract(article: Article, parsed: Doc) -> Article:
    """Annotate and run every registered extractor on one parsed article."""
    nlp.annotate(article, parsed)
    article.terms = nlp.terms(parsed)
    for component in EXTRACTORS:
        component(article, parsed)
    return article


def process(docs: list[Document]) -> Iterator[tuple[Document, Article | InputError]]:
    """Clean, parse and extract a batch of documents (no database access)."""
    cleaned: list[tuple[Document, Article | InputError]] = []
    for doc in docs:
        try:
            cleaned.append((doc, clean(doc)))
        except InputError as err:
            cleaned.append((doc, err))
    good = [(d, a) for d, a in cleaned if isinstance(a, Article)]
    parsed = iter(nlp.parse(a.text for _, a in good))
    for doc, result in cleaned:
        if isinstance(result, Article):
            yield doc, extract(result, next(parsed))
        else:
            yield doc, result


def _process_list(docs: list[Document]) -> list[tuple[Document, Article | InputError]]:
    """``process`` for a worker process: a list in, a list out (picklable)."""
    return list(process(docs))


def _screen(chunk: list[Document | InputError], store: Store, report: Report,
            note: Callable[[str, str], None]) -> list[Document]:
    """Record bad sources and skip documents already stored; return what needs processing."""
    todo: list[Document] = []
    for item in chunk:
        if isinstance(item, InputError):
            report.failed.append(item)
            store.record_failure(item.source, item.reason)
            note(item.source, "failed")
        elif store.has(item.id) or any(d.id == item.id for d in todo):
            report.duplicates.append(item.id)
            note(item.uri, "duplicate")
        else:
            todo.append(item)
            if item.encoding.replace("_", "-").lower() not in ("utf-8", "utf-8-sig", "ascii"):
                report.recoded.append((item.uri, item.encoding))
    return todo


def _keep(results: Iterable[tuple[Document, Article | InputError]], store: Store, report: Report,
          note: Callable[[str, str], None]) -> None:
    """Store processed documents in order, one transaction each, and group them into stories."""
    for doc, result in results:
        if isinstance(result, InputError):
            report.failed.append(result)
            store.record_failure(result.source, result.reason)
            note(doc.uri, "failed")
        elif store.save(doc, result):
            report.stored.append(result.id)
            stories.assign(store, result.id)
            note(doc.uri, "stored")
        else:
            report.duplicates.append(result.id)
            note(doc.uri, "duplicate")


def ingest(
    items: Iterable[Document | InputError],
    store: Store,
    batch_size: int = 32,
    on_item: Callable[[str, str], None] | None = None,
    workers: int = 1,
) -> Report:
    """Process and store documents; bad ones are reported, the rest kept.

    With ``workers > 1`` the per-document stages run in that many processes
    (each loads spaCy once); storing and story grouping stay in this process,
    in input order, so the result is the same as with one worker.
    ``on_item(source, status)`` is called once per source for progress display.
    """
    report = Report()
    note = on_item or (lambda source, status: None)
    if workers <= 1:
        for chunk in _batches(items, batch_size):
            _keep(process(_screen(chunk, store, report, note)), store, report, note)
        return report
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending = []
        for chunk in _batches(items, batch_size):
            todo = _screen(chunk, store, report, note)
            if todo:
                pending.append(pool.submit(_process_list, todo))
            while len(pending) > workers * 2:  # bounded look-ahead keeps memory flat
                _keep(pending.pop(0).result(), store, report, note)
        for fut in pending:
            _keep(fut.result(), store, report, note)
    return report
