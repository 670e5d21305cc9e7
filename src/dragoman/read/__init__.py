"""Readers: turn files, directories, globs, stdin and JSONL into Documents.

Each reader yields either a ``Document`` or an ``InputError`` so a batch can
report a bad source and carry on with the rest.
"""

from dragoman.read.sources import DEFAULT_MAX_BYTES, iter_documents

__all__ = ["DEFAULT_MAX_BYTES", "iter_documents"]
