"""Shared fixtures: build real sites from content folders into temporary folders."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

BUILD = ROOT / "scripts" / "build.py"
DEMO_CONTENT = ROOT / "content"
PHOTOS = sorted(DEMO_CONTENT.glob("posts/*/*.jpg"))
"""Real camera photos (and one digital artwork) of the demo content, for tests that need them."""

NOW = "2026-12-01T12:00:00+07:00"
"""The one clock of the suite: every build and check a test runs treats this moment as now.

No test reads the wall clock, so the suite gives the same result on any day
(the demo's scheduled post, dated 10 January 2027, stays scheduled)."""


def run_build(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run ``scripts/build.py`` as a person would, at :data:`NOW` unless ``--now`` is given."""
    clock = [] if "--now" in map(str, args) else ["--now", NOW]
    return subprocess.run([sys.executable, str(BUILD), *map(str, args), *clock], cwd=cwd,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo content built once per test session."""
    site = tmp_path_factory.mktemp("demo") / "site"
    result = run_build("--site-dir", site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the demo content, for tests that change it."""
    target = tmp_path / "content"
    shutil.copytree(DEMO_CONTENT, target, symlinks=True)
    return target


# --------------------------------------------------------------------------
# Real Chromium over a local HTTP server
# --------------------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def serve(directory: Path, prefix: str = "/"):
    """Serve ``directory`` on 127.0.0.1 in a thread at ``prefix`` (``/repo/`` as a GitHub project site);
    returns (base URL, server). Paths outside ``prefix`` are not found."""
    import functools
    import http.server
    import threading

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:  # keep test output clean
            pass

        def translate_path(self, path: str) -> str:
            if not path.startswith(prefix):
                return str(directory / "(none)")
            return super().translate_path("/" + path[len(prefix):])

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(Handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}{prefix}", server


@pytest.fixture(scope="session")
def demo_url(demo_site: Path):
    """Base URL of the demo site served locally."""
    url, server = serve(demo_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh browser page (phone-sized unless a test resizes it)."""
    context = browser.new_context(viewport={"width": 412, "height": 915}, locale="id-ID")
    tab = context.new_page()
    yield tab
    context.close()
