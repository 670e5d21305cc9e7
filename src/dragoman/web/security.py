"""Web safety: the write token, CSRF tokens for forms, cross-site checks, response headers, body caps.

- **Token**: when the app has a token, write endpoints want it as
  ``Authorization: Bearer <token>`` or ``X-Dragoman-Token: <token>`` (the ingest
  form has a field for it). Compared in constant time.
- **CSRF**: a form page sets a random value in an HttpOnly, SameSite=Strict
  cookie and puts the same value, signed with the app's secret, in a hidden
  field; a form POST must bring both, matching (double submit, signed).
- **Cross-site requests**: any unsafe request that a browser marks as coming
  from another site (``Sec-Fetch-Site: cross-site`` or an ``Origin`` that is not
  this host) is refused, so a page elsewhere cannot post to the API either.
- **Host check**: requests must name an allowed host (defeats DNS rebinding
  against a server on 127.0.0.1).
- **Headers**: a strict Content-Security-Policy (scripts only from this app,
  no inline script), no sniffing, no framing, no referrer sent to other sites (the same-origin policy keeps the Origin header of
  the app's own form posts, which the cross-site check needs).
- **Body cap**: request bodies larger than the cap are refused with 413 before
  they are parsed (by Content-Length and by counting what arrives).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from typing import Any, Awaitable, Callable
from urllib.parse import urlsplit

from starlette.exceptions import HTTPException
from starlette.requests import Request

CSRF_COOKIE = "dragoman_csrf"
CSRF_FIELD = "csrf_token"
TOKEN_HEADER = "x-dragoman-token"
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "testserver")

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


class Csrf:
    """Signed double-submit CSRF tokens."""

    def __init__(self, secret: bytes | None = None) -> None:
        self.secret = secret or secrets.token_bytes(32)

    def _sign(self, nonce: str) -> str:
        return hmac.new(self.secret, nonce.encode(), hashlib.sha256).hexdigest()

    def issue(self, request: Request) -> tuple[str, str]:
        """(cookie value, form field value); reuses the browser's cookie when it is still valid."""
        nonce = request.cookies.get(CSRF_COOKIE) or ""
        if len(nonce) != 43 or not all(c.isalnum() or c in "-_" for c in nonce):
            nonce = secrets.token_urlsafe(32)
        return nonce, f"{nonce}.{self._sign(nonce)}"

    def valid(self, cookie: str | None, field: str | None) -> bool:
        if not cookie or not field or "." not in field:
            return False
        nonce, sig = field.rsplit(".", 1)
        return hmac.compare_digest(nonce, cookie) and hmac.compare_digest(sig, self._sign(nonce))


def set_csrf_cookie(response: Any, value: str, secure: bool = False) -> None:
    response.set_cookie(CSRF_COOKIE, value, httponly=True, samesite="strict", secure=secure, path="/")


def presented_token(request: Request, form_value: str | None = None) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth[:7].lower() == "bearer ":
        return auth[7:].strip()
    return request.headers.get(TOKEN_HEADER) or form_value


def token_ok(expected: str | None, given: str | None) -> bool:
    """True when no token is required, or the given one matches (constant time)."""
    if not expected:
        return True
    return bool(given) and hmac.compare_digest(expected.encode(), (given or "").encode())


def _host_of(value: str) -> str:
    """Host name of a Host header value (``[::1]:8000`` → ``::1``)."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


Send = Callable[[dict[str, Any]], Awaitable[None]]
Receive = Callable[[], Awaitable[dict[str, Any]]]


class GuardMiddleware:
    """Pure ASGI middleware: host check, cross-site refusal, body cap, security headers."""

    def __init__(self, app: Any, allowed_hosts: list[str] | None, max_body: int) -> None:
        self.app = app
        self.allowed = None if allowed_hosts is None or "*" in allowed_hosts else {h.lower().strip("[]") for h in allowed_hosts}
        self.max_body = max_body

    async def _refuse(self, send: Send, status: int, message: str) -> None:
        body = json.dumps({"error": {"status": status, "message": message}}).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), *HEADERS]})
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: dict[str, Any], receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        host = headers.get("host", "")
        if self.allowed is not None and _host_of(host) not in self.allowed:
            await self._refuse(send, 400, f"host {host!r} is not served here (allowed: {', '.join(sorted(self.allowed))})")
            return
        if scope["method"] in UNSAFE:
            origin = headers.get("origin")
            if headers.get("sec-fetch-site") == "cross-site" or (
                    origin is not None and (origin == "null" or urlsplit(origin).netloc.lower() != host.lower())):
                await self._refuse(send, 403, "cross-site request refused: post from this app's own pages or from a non-browser client")
                return
            declared = headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > self.max_body:
                await self._refuse(send, 413, f"request body larger than the limit of {self.max_body:,} bytes")
                return
        seen = 0
        started = False

        async def counted_receive() -> dict[str, Any]:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise BodyTooLarge(self.max_body)
            return message

        async def send_with_headers(message: dict[str, Any]) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in message.get("headers", [])}
                message = {**message, "headers": [*message.get("headers", []), *(h for h in HEADERS if h[0] not in names)]}
            await send(message)

        try:
            await self.app(scope, counted_receive, send_with_headers)
        except BodyTooLarge:
            if not started:
                await self._refuse(send, 413, f"request body larger than the limit of {self.max_body:,} bytes")


class BodyTooLarge(HTTPException):
    """Raised while a body is being read once it passes the cap (turned into a 413 answer)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body larger than the limit of {limit:,} bytes")
        self.limit = limit
