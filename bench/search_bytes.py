"""What one search costs a visitor on the wire, measured in Chromium.

The built site is served on 127.0.0.1 by :class:`GzipServer`, which
compresses as GitHub Pages does: text, JavaScript, JSON, SVG and WebAssembly
responses are gzipped when the request accepts gzip; everything else is
sent as stored. The server counts the body bytes it sends for every request.

:func:`measure_searches` opens ``/cari/?q=<query>`` in Debian's Chromium
(fresh context, so nothing is cached between queries), waits for the results
and for the network to settle, and sorts the bytes by file kind: the search
script, and the files of the index (:mod:`etalase.build.search_index`): its meta
file, vocabulary, stem and record shards, and the filter values. Those make
the search's cost; the page itself (its HTML, styles) and the result
thumbnails are reported beside it.
"""

from __future__ import annotations

import gzip
import http.server
import mimetypes
import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from etalase.authoring.chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent

COMPRESSED_TYPES = (
    "application/javascript",
    "application/json",
    "application/manifest+json",
    "application/wasm",
    "application/xml",
    "image/svg+xml",
    "text/",
)
"""Content types gzipped on the way out (prefixes), as GitHub Pages does."""
GZIP_LEVEL = 6
SEARCH_KINDS = ("ui js", "meta", "vocabulary", "stems", "records", "filters", "index other")
"""Kinds of file a search loads, in the order they are printed."""
OTHER_KINDS = ("page", "image")
"""What the search page loads besides the search: its HTML, styles and logo; the result thumbnails."""
_INDEX = "/indeks-cari/"
"""Where the index is in the site (etalase.build.search_index.OUTPUT_DIR)."""
_INDEX_KINDS = {"meta.json": "meta", "v": "vocabulary", "s": "stems", "r": "records", "f.json": "filters"}
_SETTLED = r"/\d+ hasil|Tidak ada hasil/"
"""The search page's message once a query has been answered (see overrides/etalase/search.html)."""
_STATUS = "[data-etalase-search-status]"
"""The search page's live region, where the count is written (docs/assets/etalase-search.js)."""
_UI_SCRIPTS = ("/assets/etalase-search.js", "/assets/etalase-stem-id.js")
"""The search page's own scripts: the query logic and the Snowball stemmer it imports."""
"""The search page's own script: the "ui js" of the table."""
_RESULTS_SHOWN = """() => {
  const shown = document.querySelectorAll('.etalase-result');
  const filled = document.querySelectorAll('.etalase-result__title a');
  const onScreen = image => image.getBoundingClientRect().top < innerHeight;
  const images = [...document.querySelectorAll('.etalase-result img')].filter(onScreen);
  return shown.length > 0 && filled.length === shown.length && images.every(image => image.complete);
}"""
"""Every result on the first page has its title and link, and the thumbnails on screen have loaded.

Thumbnails load lazily: those below the fold cost nothing until the visitor scrolls.
"""
TIMEOUT_MS = 120_000


@dataclass(frozen=True)
class Transfer:
    """One response as it went over the wire."""

    path: str
    bytes: int
    gzipped: bool


def kind(path: str) -> str:
    """The kind of file at site path ``path`` (one of :data:`SEARCH_KINDS` or :data:`OTHER_KINDS`)."""
    if path.startswith("/media/"):
        return "image"
    if path in _UI_SCRIPTS:
        return "ui js"
    if not path.startswith(_INDEX):
        return "page"
    return _INDEX_KINDS.get(path[len(_INDEX) :].split("/")[0], "index other")


class GzipServer(http.server.ThreadingHTTPServer):
    """Serves ``directory`` as a static host does, gzipping what GitHub Pages gzips; counts what it sends."""

    def __init__(self, directory: Path) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.directory = directory.resolve()
        self.transfers: list[Transfer] = []
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def take_transfers(self) -> list[Transfer]:
        """The responses sent since the last call."""
        with self.lock:
            taken, self.transfers = self.transfers, []
        return taken


class _Handler(http.server.BaseHTTPRequestHandler):
    server: GzipServer
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        path = unquote(urlsplit(self.path).path)
        file = (self.server.directory / path.lstrip("/")).resolve()
        if not file.is_relative_to(self.server.directory) or not file.exists():
            self.send_error(404)
            return
        if file.is_dir():
            if not path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            file = file / "index.html"
            if not file.is_file():
                self.send_error(404)
                return
        body = file.read_bytes()
        content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        gzipped = content_type.startswith(COMPRESSED_TYPES) and "gzip" in self.headers.get("Accept-Encoding", "")
        if gzipped:
            body = gzip.compress(body, GZIP_LEVEL, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        self.wfile.write(body)
        with self.server.lock:
            self.server.transfers.append(Transfer(path, len(body), gzipped))

    def log_message(self, format: str, *args: object) -> None:
        """Requests are counted, not logged."""


@contextmanager
def serving(directory: Path) -> Iterator[GzipServer]:
    """A :class:`GzipServer` for ``directory`` running in a thread."""
    server = GzipServer(directory)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@dataclass
class SearchCost:
    """The wire cost of one query on the search page."""

    query: str
    results: int
    transfers: list[Transfer]
    blocked: list[str] = field(default_factory=list)
    """Requests to anywhere but the local server (aborted; there should be none)."""

    @property
    def by_kind(self) -> dict[str, int]:
        totals = dict.fromkeys(SEARCH_KINDS + OTHER_KINDS, 0)
        for transfer in self.transfers:
            totals[kind(transfer.path)] += transfer.bytes
        return totals

    @property
    def search_bytes(self) -> int:
        """Everything the search itself needed (its script and the index's files)."""
        totals = self.by_kind
        return sum(totals[name] for name in SEARCH_KINDS)


def measure_searches(site: Path, queries: Sequence[str]) -> list[SearchCost]:
    """The wire cost of each query on the search page of the built ``site``."""
    from playwright.sync_api import sync_playwright

    costs = []
    with serving(site) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for query in queries:
                costs.append(_search(browser, server, query))
        finally:
            browser.close()
    return costs


def result_count(message: str) -> int:
    """The number of results in the search page's message: ``Ditemukan 6.096 hasil untuk jembatan`` is 6096.

    The count may carry ``.`` between thousands, as Indonesian writes it.
    """
    found = re.search(r"\d(?:[.,\u00a0\u202f]?\d)*", message)
    return int(re.sub(r"\D", "", found.group())) if found else 0


def _search(browser, server: GzipServer, query: str) -> SearchCost:  # noqa: ANN001  (a Playwright Browser)
    context = browser.new_context(viewport={"width": 412, "height": 915}, locale="id-ID")
    blocked: list[str] = []
    in_flight: set[str] = set()

    def local_only(route) -> None:  # noqa: ANN001  (a Playwright Route)
        if route.request.url.startswith(server.url):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    try:
        page = context.new_page()
        page.route("**/*", local_only)
        page.on("request", lambda request: in_flight.add(request.url))
        page.on("requestfinished", lambda request: in_flight.discard(request.url))
        page.on("requestfailed", lambda request: in_flight.discard(request.url))
        server.take_transfers()
        page.goto(f"{server.url}cari/?q={quote(query)}")
        page.wait_for_function(
            f"() => {_SETTLED}.test(document.querySelector('{_STATUS}')?.textContent ?? '')", timeout=TIMEOUT_MS
        )
        results = result_count(page.locator(_STATUS).inner_text())
        if results:
            page.wait_for_function(_RESULTS_SHOWN, timeout=TIMEOUT_MS)
        while in_flight:
            page.wait_for_timeout(50)
    finally:
        context.close()
    return SearchCost(query, results, server.take_transfers(), blocked)
