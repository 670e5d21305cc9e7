"""Fetch a page for ingest without letting the server be turned against its own network.

Rules, checked before any connection is made and again for every redirect hop:

- only ``http`` and ``https`` URLs, with a host name;
- the host is resolved here and *every* address it resolves to must be a public
  (global unicast) address: private, loopback, link-local, multicast, reserved,
  unspecified, shared (CGNAT), documentation and IPv4-mapped/-compatible
  forms of those are refused;
- the connection then goes to the address that was checked (the name is not
  resolved a second time, so a DNS answer cannot change between check and use);
  the ``Host`` header and TLS server name stay the host name;
- redirects are followed by hand, at most ``MAX_REDIRECTS`` of them;
- the body is capped at ``max_bytes`` and the whole fetch at ``timeout`` seconds;
- no proxy is used and no compression is asked for (the cap is on bytes received).
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urljoin, urlsplit

MAX_BYTES = 5 * 1024 * 1024
TIMEOUT = 10.0
MAX_REDIRECTS = 5
USER_AGENT = "Dragoman/0.1 (+news analysis; single page fetch)"
_RESOLVER = ThreadPoolExecutor(max_workers=4, thread_name_prefix="dragoman-dns")


class FetchError(Exception):
    """A URL was refused or could not be fetched; the message says why (fit to show a user)."""


@dataclass
class Fetched:
    url: str  # the final URL, after redirects
    status: int
    content_type: str
    body: bytes


def address_problem(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why an address may not be fetched from, or None when it is a public unicast address."""
    if isinstance(ip, ipaddress.IPv6Address):
        inner = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if inner is None and ip.packed[:12] == bytes(12) and int(ip) > 1:  # deprecated IPv4-compatible ::a.b.c.d
            inner = ipaddress.IPv4Address(ip.packed[12:])
        if inner is not None:
            why = address_problem(inner)
            if why:
                return f"{why} (inside {ip})"
    checks = [
        ("unspecified", ip.is_unspecified), ("loopback", ip.is_loopback), ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast), ("private", ip.is_private), ("reserved", ip.is_reserved),
    ]
    for name, bad in checks:
        if bad:
            return f"a {name} address"
    if not ip.is_global:
        return "not a public address"
    return None


def check_url(url: str) -> tuple[str, str, int]:
    """Scheme, host and port of a URL we may fetch, or FetchError."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as err:
        raise FetchError(f"not a valid URL ({err})") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(f"only http and https URLs can be fetched, not {scheme or 'a URL without a scheme'}")
    host = parts.hostname
    if not host:
        raise FetchError("the URL has no host")
    if parts.username or parts.password:
        raise FetchError("URLs with a user name or password are not fetched")
    return scheme, host, port or (443 if scheme == "https" else 80)


def _getaddrinfo(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def resolve(host: str, port: int, timeout: float) -> list[str]:
    """Every address the host resolves to (an IP literal resolves to itself, no lookup)."""
    try:
        return [str(ipaddress.ip_address(host.strip("[]")))]
    except ValueError:
        pass
    future = _RESOLVER.submit(_getaddrinfo, host, port)
    try:
        addrs = future.result(timeout=max(0.1, timeout))
    except FutureTimeout:
        raise FetchError(f"looking up {host} took too long") from None
    except (OSError, UnicodeError) as err:
        raise FetchError(f"cannot resolve {host} ({getattr(err, 'strerror', None) or err})") from None
    if not addrs:
        raise FetchError(f"{host} has no address")
    return addrs


def allowed_address(url: str, timeout: float = TIMEOUT, resolver: Callable[[str, int, float], list[str]] | None = None) -> str:
    """Check a URL and return the one address to connect to; FetchError if any of its addresses is refused."""
    _, host, port = check_url(url)
    addrs = (resolver or resolve)(host, port, timeout)
    for a in addrs:
        ip = ipaddress.ip_address(a.split("%")[0])
        why = address_problem(ip)
        if why:
            shown = host if host == a else f"{host} ({a})"
            raise FetchError(f"refused: {shown} is {why}; only public addresses are fetched")
    return addrs[0]


class _PinnedHTTP(http.client.HTTPConnection):
    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def _open(url: str, address: str, timeout: float) -> http.client.HTTPResponse:
    """One GET to an address that has already been checked."""
    scheme, host, port = check_url(url)
    cls = _PinnedHTTPS if scheme == "https" else _PinnedHTTP
    conn = cls(host, port, address, timeout)
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    conn.request("GET", path, headers={"User-Agent": USER_AGENT, "Accept": "text/html, text/plain;q=0.9, */*;q=0.5",
                                       "Accept-Encoding": "identity", "Connection": "close"})
    return conn.getresponse()


def fetch(url: str, max_bytes: int = MAX_BYTES, timeout: float = TIMEOUT,
          resolver: Callable[[str, int, float], list[str]] | None = None,
          opener: Callable[[str, str, float], http.client.HTTPResponse] | None = None) -> Fetched:
    """GET a public http(s) URL under the rules above. ``resolver``/``opener`` are for tests."""
    deadline = time.monotonic() + timeout
    open_ = opener or _open

    def left() -> float:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchError(f"took longer than {timeout:g} s")
        return remaining

    current = url.strip()
    for hop in range(MAX_REDIRECTS + 1):
        address = allowed_address(current, left(), resolver)  # refused here, before any connection
        try:
            resp = open_(current, address, left())
        except FetchError:
            raise
        except (OSError, http.client.HTTPException, ssl.SSLError) as err:
            raise FetchError(f"cannot fetch {current} ({err.__class__.__name__}: {err})") from None
        try:
            if resp.status in (301, 302, 303, 307, 308):
                location = resp.getheader("Location")
                if not location:
                    raise FetchError(f"redirect ({resp.status}) without a Location")
                current = urljoin(current, location.strip())
                continue
            if resp.status != 200:
                raise FetchError(f"the server answered {resp.status} {resp.reason}")
            declared = resp.getheader("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(f"larger than the size limit of {max_bytes:,} bytes")
            chunks, size = [], 0
            while True:
                left()
                chunk = resp.read(min(65536, max_bytes + 1 - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"larger than the size limit of {max_bytes:,} bytes")
            return Fetched(current, resp.status, resp.getheader("Content-Type") or "", b"".join(chunks))
        except (OSError, http.client.HTTPException) as err:
            raise FetchError(f"cannot fetch {current} ({err.__class__.__name__}: {err})") from None
        finally:
            resp.close()
    raise FetchError(f"more than {MAX_REDIRECTS} redirects")
