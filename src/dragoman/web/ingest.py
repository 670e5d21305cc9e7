"""Ingest from the web: uploaded files and fetched URLs through the same pipeline as the CLI.

Writes are serialised (one ingest at a time, on a connection of its own);
readers keep reading meanwhile (SQLite WAL).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any, Callable

import anyio
import anyio.to_thread

from dragoman.errors import InputError
from dragoman.model import Document
from dragoman.read.sources import DEFAULT_MAX_BYTES, from_bytes_
from dragoman.web.fetch import FetchError, Fetched, fetch

MAX_URLS = 20
MAX_FILES = 20
MAX_URL_LENGTH = 2000


@dataclass
class Upload:
    name: str
    data: bytes | None  # None: it was over the size limit
    size: int


def upload_name(filename: str | None, n: int) -> str:
    """A safe display/source name for an uploaded file (its base name; the suffix tells its kind)."""
    base = PurePath((filename or "").replace("\\", "/")).name
    base = re.sub(r"[^\w.\- ]+", "_", base).strip()[:120]
    return f"upload/{base or f'file-{n}'}"


class Ingester:
    def __init__(self, db_path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES,
                 fetcher: Callable[..., Fetched] | None = None, on_stored: Callable[[], None] | None = None) -> None:
        self.db_path = str(db_path)
        self.on_stored = on_stored
        self.max_bytes = max_bytes
        self.fetcher = fetcher or fetch
        self.lock = threading.Lock()
        self.limiter: anyio.CapacityLimiter | None = None

    def documents(self, urls: list[str], uploads: list[Upload]) -> list[Document | InputError]:
        items: list[Document | InputError] = []
        for url in urls:
            try:
                got = self.fetcher(url, max_bytes=self.max_bytes)
            except FetchError as err:
                items.append(InputError(url, str(err)))
                continue
            docs = from_bytes_(got.body, got.url)
            for d in docs:
                if isinstance(d, Document) and d.content_type == "text" and "html" in got.content_type.lower():
                    d.content_type = "html"
            items += docs
        for up in uploads:
            if up.data is None:
                items.append(InputError(up.name, f"larger than the upload limit of {self.max_bytes:,} bytes"))
            elif not up.data:
                items.append(InputError(up.name, "empty file"))
            else:
                items += from_bytes_(up.data, up.name)
        return items

    async def run_async(self, urls: list[str], uploads: list[Upload]) -> dict[str, Any]:
        """``run`` on a thread of its own (one at a time), so a long ingest never takes the readers' threads."""
        if self.limiter is None:
            self.limiter = anyio.CapacityLimiter(1)
        return await anyio.to_thread.run_sync(self.run, urls, uploads, limiter=self.limiter)

    def run(self, urls: list[str], uploads: list[Upload]) -> dict[str, Any]:
        """Fetch, read and store; what was stored, what was already there, what failed and why."""
        from dragoman import pipeline
        from dragoman.store import Store

        items = self.documents(urls, uploads)
        with self.lock:
            store = Store(self.db_path)
            try:
                report = pipeline.ingest(items, store)
            finally:
                store.close()
        if report.stored and self.on_stored:
            self.on_stored()
        return {
            "stored": report.stored,
            "duplicates": report.duplicates,
            "failed": [{"source": e.source, "reason": e.reason} for e in report.failed],
        }
