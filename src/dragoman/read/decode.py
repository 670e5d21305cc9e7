"""Bytes to text: BOM-aware UTF-8 first, then charset detection."""

from __future__ import annotations

import hashlib

from charset_normalizer import from_bytes

from dragoman.errors import InputError

_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32))


def content_id(raw: bytes) -> str:
    """The document id: a short, stable hash of the bytes as received."""
    return hashlib.sha256(raw).hexdigest()[:16]


def looks_binary(raw: bytes) -> bool:
    """True for data that is not text in any encoding (NULs, many control bytes)."""
    sample = raw[:8192]
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    controls = sum(1 for b in sample if b in _CONTROL)
    return controls > max(8, len(sample) // 100)


def decode(raw: bytes, source: str) -> tuple[str, str]:
    """Decode page bytes; return (text, encoding) or raise InputError.

    UTF-8 (with or without BOM) is taken as is; anything else goes through
    charset-normalizer, and the encoding it chose is reported back.
    """
    if not raw.strip():
        raise InputError(source, "empty file")
    if looks_binary(raw):
        raise InputError(source, "binary data, not a text or HTML page")
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            return raw.decode(enc), enc
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    results = list(from_bytes(raw))
    if not results:
        raise InputError(source, "invalid UTF-8 and no other text encoding fits")
    best = results[0]
    # Ties go to windows-1252, the legacy encoding of most Western web pages
    # (browsers read 'latin-1' labels as it too).
    for r in results:
        if (r.chaos, -r.coherence) <= (best.chaos, -best.coherence) and "cp1252" in r.could_be_from_charset:
            best = r
            break
    return str(best), best.encoding
