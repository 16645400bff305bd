"""Screenshots of the built site on a phone for the README (``make screenshots``).

    etalase screenshots --site site --out .github/screenshots

Serves the built site on 127.0.0.1, opens it in Debian's Chromium
(:mod:`etalase.authoring.chromium`) on a 360×800 phone screen at device scale
2, and writes the first screen of four pages as PNG: the home page, the UMKM
page, the newest UMKM post (the first card of the UMKM page) and the agenda.
Every request for another host is refused, so what is shown is what the site
itself serves. Needs the test requirements (Playwright) and Debian's Chromium.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from etalase.authoring.chromium import CHROMIUM, CHROMIUM_ARGS

if TYPE_CHECKING:
    from playwright.sync_api import ViewportSize

PHONE: ViewportSize = {"width": 360, "height": 800}
SCALE = 2
OUT = Path(".github") / "screenshots"
PAGES = {"beranda.png": "", "umkm.png": "umkm/", "umkm-pos.png": None, "agenda.png": "agenda/"}
"""File name → page, relative to the site's root; ``None``: the first post the UMKM page lists."""


def _serve(directory: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def take(site: Path, out: Path) -> dict[str, str]:
    """Write the screenshots under ``out``; returns each file name with the address it shows (site-relative)."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    base, server = _serve(site)
    host = urlsplit(base).netloc
    shown: dict[str, str] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(
                viewport=PHONE, device_scale_factor=SCALE, locale="id-ID", reduced_motion="reduce"
            )

            def only_this_site(route: Any) -> None:
                if urlsplit(route.request.url).netloc == host:
                    route.continue_()
                else:
                    route.abort()

            context.route("**/*", only_this_site)
            page = context.new_page()
            for name, path in PAGES.items():
                if path is None:
                    page.goto(base + "umkm/", wait_until="load")
                    href = page.locator("article.etalase-card .etalase-card__title a").first.get_attribute("href")
                    path = urlsplit(urljoin(base + "umkm/", href or "")).path.lstrip("/")
                page.goto(base + path, wait_until="load")
                page.evaluate("document.fonts.ready")
                page.screenshot(path=out / name, animations="disabled", caret="hide")
                shown[name] = "/" + path
            browser.close()
    finally:
        server.shutdown()
    return shown


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Gambar layar situs di ponsel untuk README. (Phone screenshots of the built site.)"
    )
    parser.add_argument("--site", type=Path, default=Path("site"), help="folder situs yang sudah dibangun (built site)")
    parser.add_argument("--out", type=Path, default=OUT, help=f"folder gambar (output folder, default {OUT})")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        parser.error(f"{args.site} belum berisi situs; jalankan dulu `etalase build` (no built site there)")
    for name, path in take(args.site, args.out).items():
        print(f"{args.out / name}  ← {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
