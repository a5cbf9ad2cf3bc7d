"""URL lists: fetch each page with httpx, politely, within size and time limits.

Only http(s); redirects are followed by hand so that each hop is checked;
private and loopback addresses are refused unless ``allow_private_urls``.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator
from urllib.parse import urljoin, urlsplit

import httpx

from ..errors import InputError
from ..model import DocMeta, RawInput
from ..settings import Settings
from .decode import decode_bytes
from .read_files import file_key, read_text_file

MAX_REDIRECTS = 5
TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


@dataclass
class UrlListReader:
    """A ``.urls`` file, or a text file whose lines are all URLs."""

    name: str = "urls"
    client: httpx.Client | None = None  # tests pass one with a mock transport
    _last_hit: dict[str, float] = field(default_factory=dict)

    def accepts(self, path: Path) -> bool:
        suffix = path.suffix.lower()
        if suffix in {".urls", ".url"}:
            return True
        return suffix in {".txt", ".lst"} and _all_urls(path)

    def read(self, path: Path, settings: Settings) -> Iterator[RawInput]:
        try:
            text = read_text_file(path, settings)
        except InputError as exc:
            yield RawInput(source=path.name, key=file_key(path), error=exc.message)
            return
        client = self.client or _client(settings)  # one connection pool per list
        try:
            for line in text.split("\n"):
                url = line.strip()
                if url and not url.startswith("#"):
                    self._pause(url, settings)
                    yield fetch_url(url, url, settings, client)
        finally:
            if self.client is None:
                client.close()

    def _pause(self, url: str, settings: Settings) -> None:
        host = urlsplit(url).hostname or ""
        wait = self._last_hit.get(host, 0.0) + settings.fetch_delay_s - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._last_hit[host] = time.monotonic()


def _all_urls(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            head = fh.read(4096).decode("utf-8", errors="replace")
    except OSError:
        return False
    lines = [ln.strip() for ln in head.split("\n")[:-1] or head.split("\n") if ln.strip()]
    return bool(lines) and all(ln.lower().startswith(("http://", "https://")) for ln in lines)


def fetch_url(url: str, key: str, settings: Settings,
              client: httpx.Client | None = None) -> RawInput:
    """Fetch one page as a RawInput; failures become the item's ``error``."""
    item = RawInput(source=url, key=key, format="html", meta=DocMeta(url=url))
    try:
        check_url_allowed(url, settings)  # before any client or connection exists
    except InputError as exc:
        item.error = exc.message
        return item
    own = client is None
    client = client or _client(settings)
    try:
        body, ctype = _get(client, url, settings)
        item.content = decode_bytes(body, max_bytes=settings.fetch_max_bytes)
        item.format = "text" if ctype.startswith("text/plain") else "html"
    except InputError as exc:
        item.error = exc.message
    finally:
        if own:
            client.close()
    return item


def _client(settings: Settings) -> httpx.Client:
    return httpx.Client(timeout=settings.fetch_timeout_s,
                        headers={"User-Agent": settings.user_agent})


def _get(client: httpx.Client, url: str, settings: Settings) -> tuple[bytes, str]:
    for _ in range(MAX_REDIRECTS + 1):
        check_url_allowed(url, settings)
        try:
            response = _download(client, url, settings)
        except httpx.HTTPError as exc:
            raise InputError(f"could not fetch {url}: {exc.__class__.__name__}: {exc}. "
                             "Check the address and your connection.") from exc
        if response[0] in (301, 302, 303, 307, 308) and response[3]:
            url = urljoin(url, response[3])
            continue
        status, body, ctype, _ = response
        if status >= 400:
            raise InputError(f"{url} answered HTTP {status}: check the address")
        if not ctype.startswith(TEXT_TYPES):
            raise InputError(f"{url} is {ctype or 'of unknown type'}, not an HTML or text page")
        return body, ctype
    raise InputError(f"{url} redirects more than {MAX_REDIRECTS} times")


def _download(client: httpx.Client, url: str,
              settings: Settings) -> tuple[int, bytes, str, str | None]:
    with client.stream("GET", url, follow_redirects=False,
                       timeout=settings.fetch_timeout_s) as response:
        ctype = response.headers.get("content-type", "").lower()
        body = bytearray()
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > settings.fetch_max_bytes:
                raise InputError(f"{url} is larger than fetch_max_bytes "
                                 f"({settings.fetch_max_bytes:,} bytes)")
        return response.status_code, bytes(body), ctype, response.headers.get("location")


def check_url_allowed(url: str, settings: Settings) -> None:
    """Refuse non-http(s) schemes and, unless allowed, private addresses."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in {"http", "https"}:
        raise InputError(f"{url}: only http and https URLs are fetched")
    if settings.allow_private_urls or not parts.hostname:
        return
    for address in _addresses(parts.hostname):
        if not address.is_global:
            raise InputError(f"{url} points to a private or local address ({address}); "
                             "set allow_private_urls = true to fetch it")


def _addresses(host: str) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None)
    except (socket.gaierror, UnicodeError):
        return []  # unresolvable: the fetch itself reports the error
    return [ipaddress.ip_address(info[4][0]) for info in infos]
