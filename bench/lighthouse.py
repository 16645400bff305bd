#!/usr/bin/env python3
"""Lighthouse scores of the demo site: home, a category page, a post page, the agenda and search.

    .venv/bin/python bench/lighthouse.py            # build the demo, serve it, run Lighthouse
    .venv/bin/python bench/lighthouse.py --site-dir /tmp/site --runs 3

Lighthouse runs with its default (mobile) configuration: a Moto G Power
sized screen, simulated slow 4G and a 4x slower CPU. The four category
scores (performance, accessibility, best practices, SEO) are printed per page,
the median of ``--runs`` runs; targets are 0.98, 1.00, 1.00, 1.00.

The site is served from 127.0.0.1 by a small server that gzips text the way
static hosts (GitHub Pages, Netlify, nginx) do; ``--no-gzip`` serves
it uncompressed. Lighthouse comes from ``npm ci`` (``package.json`` pins
it) and drives Debian's Chromium (``CHROME_PATH=/usr/bin/chromium``).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from etalase.authoring.chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
CHROME = CHROMIUM
CHROME_FLAGS = " ".join(CHROMIUM_ARGS)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files; text is gzipped when the client accepts it and ``gzip`` is on."""

    gzip = True

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the base class redirects to the slash URL
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.gzip and accepts and path.suffix in COMPRESSED and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)


class _Body:
    """What ``send_head`` returns: something ``copyfile`` can read and close."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = (self.data, b"") if size < 0 else (self.data[:size], self.data[size:])
        return data

    def close(self) -> None:
        pass


class Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """A browser that drops a connection it no longer needs is not an error here."""


def serve(site: Path, compress: bool) -> tuple[str, http.server.ThreadingHTTPServer]:
    handler = type("SiteHandler", (Handler,), {"gzip": compress})
    server = Server(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def lighthouse(url: str) -> dict[str, float]:
    """One Lighthouse run (mobile defaults); the four category scores."""
    binary = ROOT / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        sys.exit("Lighthouse is missing: run `npm ci` in the repository root first.")
    result = subprocess.run(
        [
            str(binary),
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "CHROME_PATH": CHROME},
        timeout=300,
        check=False,
    )
    if result.returncode != 0:
        sys.exit(f"Lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    return {name: report["categories"][name]["score"] for name in CATEGORIES} | {
        "lcp_ms": report["audits"]["largest-contentful-paint"]["numericValue"],
        "tbt_ms": report["audits"]["total-blocking-time"]["numericValue"],
        "cls": report["audits"]["cumulative-layout-shift"]["numericValue"],
        "bytes": report["audits"]["total-byte-weight"]["numericValue"],
    }


def pages(site: Path) -> dict[str, str]:
    """Home, the first category with posts, the newest post, the agenda and search with a query (its results
    come from the index in the browser)."""
    feed = json.loads((site / "feed.json").read_text(encoding="utf-8"))
    base = feed["home_page_url"]
    newest = feed["items"][0]["url"].removeprefix(base)
    category = next(
        cat
        for cat in ("wisata", "umkm", "budaya", "pembangunan")
        if json.loads((site / cat / "feed.json").read_text(encoding="utf-8"))["items"]
    )
    return {"home": "", "category": f"{category}/", "post": newest, "agenda": "agenda/", "search": "cari/?q=pantai"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site-dir", type=Path, help="an already built site (default: build the demo now)")
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the median is printed")
    parser.add_argument("--no-gzip", action="store_true", help="serve without compression")
    args = parser.parse_args()

    temporary = None
    site = args.site_dir
    if site is None:
        temporary = Path(tempfile.mkdtemp(prefix="etalase-lh."))
        site = temporary / "site"
        built = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "build.py"), "--site-dir", str(site)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        if built.returncode != 0:
            sys.exit(built.stdout + built.stderr)
    base, server = serve(site, compress=not args.no_gzip)
    try:
        print(
            f"Lighthouse (mobile), {args.runs} run(s) per page, "
            f"{'uncompressed' if args.no_gzip else 'gzip'} from {base}"
        )
        print(
            f"{'page':<10} {'perf':>5} {'a11y':>5} {'b.p.':>5} {'seo':>5} {'LCP ms':>7} {'TBT ms':>7} {'CLS':>6} {'KB':>6}  url"
        )
        for name, path in pages(site).items():
            runs = [lighthouse(base + path) for _ in range(args.runs)]
            median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
            print(
                f"{name:<10} {median['performance']:>5.2f} {median['accessibility']:>5.2f} "
                f"{median['best-practices']:>5.2f} {median['seo']:>5.2f} {median['lcp_ms']:>7.0f} "
                f"{median['tbt_ms']:>7.0f} {median['cls']:>6.3f} {median['bytes'] / 1024:>6.0f}  /{path}"
            )
    finally:
        server.shutdown()
        if temporary:
            shutil.rmtree(temporary, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
