"""Request parameters: checked once, for pages and API alike, with messages a person can act on."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date

from starlette.exceptions import HTTPException

MAX_LIMIT = 500
MAX_OFFSET = 10_000_000

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_CODE = re.compile(r"^\d{2,4}$")
_ACTOR_CODE = re.compile(r"^[A-Z]{3}[A-Z0-9]{0,12}$")
_ARTICLE_ID = re.compile(r"^[0-9a-f]{4,64}$")
_STORY_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


class ParamError(HTTPException):
    """A bad request parameter: 400 with the parameter's name and what is wrong."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(400, f"{param}: {message}")
        self.param = param
        self.message = message


class NotFound(HTTPException):
    def __init__(self, message: str) -> None:
        super().__init__(404, message)


def iso_date(value: str | None, param: str) -> str | None:
    """An ISO date or a prefix of one (2023, 2023-04, 2023-04-11), checked for being a real date."""
    if value is None or not value.strip():
        return None
    v = value.strip()
    m = _DATE.match(v)
    if not m:
        raise ParamError(param, f"{v!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
    y, mo, d = m.group(1), m.group(2), m.group(3)
    try:
        date(int(y), int(mo or 1), int(d or 1))
    except ValueError:
        raise ParamError(param, f"{v!r} is not a real date") from None
    return v


def date_range(date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
    f, t = iso_date(date_from, "from"), iso_date(date_to, "to")
    if f and t and f[:len(t)] > t:
        raise ParamError("from", f"{f} is after to={t}")
    return f, t


def cameo(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    v = value.strip()
    if not _CODE.match(v):
        raise ParamError("code", f"{v!r} is not a CAMEO code or root; use 2 to 4 digits (19, 190, 1246)")
    return v


def actor_filter(value: str | None, param: str = "actor") -> str | None:
    """An actor code prefix (KEN, KENGOV) or an exact actor name."""
    if value is None or not value.strip():
        return None
    v = value.strip()
    if len(v) > 100 or any(c in v for c in "%_\\") or any(ord(c) < 32 for c in v):
        raise ParamError(param, "use an actor code (KEN, KENGOV) or an actor's name, without % _ or \\")
    return v


def actor_code(value: str) -> str:
    v = value.strip().upper()
    if not _ACTOR_CODE.match(v):
        raise ParamError("code", f"{value!r} is not an actor code; use 3 letters and optional role letters (KEN, KENGOV, IGOAFRAFU)")
    return v


def article_id(value: str) -> str:
    v = value.strip().lower()
    if not _ARTICLE_ID.match(v):
        raise ParamError("id", f"{value!r} is not an article id (4 to 64 hex characters)")
    return v


def story_id(value: str) -> str:
    v = value.strip()
    if not _STORY_ID.match(v):
        raise ParamError("id", f"{value!r} is not a story id (letters, digits, - and _)")
    return v


def text(value: str | None, param: str, max_len: int = 200) -> str | None:
    if value is None or not value.strip():
        return None
    v = value.strip()
    if len(v) > max_len or any(ord(c) < 32 for c in v):
        raise ParamError(param, f"at most {max_len} characters, no control characters")
    return v


@dataclass
class EventFilters:
    """What the events page and /api/events filter on (same meaning as ``Store.events``)."""

    actor: str | None = None
    code: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    outlet: str | None = None
    article: str | None = None

    @classmethod
    def parse(cls, actor: str | None = None, code: str | None = None, date_from: str | None = None,
              date_to: str | None = None, outlet: str | None = None, article: str | None = None) -> EventFilters:
        f, t = date_range(date_from, date_to)
        art = None
        if article is not None and article.strip():
            art = article.strip().lower()
            if not _ARTICLE_ID.match(art):
                raise ParamError("article", f"{article!r} is not an article id (4 to 64 hex characters)")
        return cls(actor_filter(actor), cameo(code), f, t, text(outlet, "outlet"), art)

    def query(self) -> dict[str, str]:
        """As URL query parameters (the names the pages and API use)."""
        names = {"date_from": "from", "date_to": "to"}
        return {names.get(k, k): v for k, v in asdict(self).items() if v}


SORTS = {
    "date": "e.date", "source": "e.source_name", "target": "e.target_name", "cameo": "e.cameo",
    "goldstein": "e.goldstein", "quad": "e.quad_class", "outlet": "a.outlet", "place": "e.place_name",
}


def sort(value: str | None) -> str:
    if value is None or not value.strip():
        return "date"
    v = value.strip()
    if v.lstrip("-") not in SORTS:
        raise ParamError("sort", f"{v!r} is not a sort key; use one of {', '.join(SORTS)} (prefix - for descending)")
    return v
