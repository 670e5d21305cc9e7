"""Storage: SQLite by default (``./dragoman.db``)."""

from dragoman.store.db import DEFAULT_DB, Store

__all__ = ["DEFAULT_DB", "Store"]
