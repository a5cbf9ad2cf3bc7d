"""The built-in readers, registered like any plugin's."""

from __future__ import annotations

from ..hookspecs import hookimpl
from ..ingest.read_files import HtmlReader, JsonLinesReader, TextReader
from ..ingest.read_urls import UrlListReader


@hookimpl
def register_readers(register):  # type: ignore[no-untyped-def]
    register(UrlListReader())  # before TextReader: a .txt of URLs is a URL list
    register(HtmlReader())
    register(TextReader())
    register(JsonLinesReader())
