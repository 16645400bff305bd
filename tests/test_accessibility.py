"""Accessibility and valid HTML of every page type of the built demo site.

* axe-core (through axe-playwright-python) in real Chromium, all its rules
  (WCAG A/AA and best practices), at phone and desktop widths: no violation.
* The Nu HTML checker (``vnu.jar`` from the npm package ``vnu-jar``, which
  ``make test`` installs with ``npm ci``) over every HTML file: no error.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest
from axe_playwright_python.sync_playwright import Axe

import site_pages as sp
from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PAGES = {**sp.page_types(), "not-found": "404.html"}
HAND_WRITTEN = sorted(
    (md.parent / ("" if md.name == "index.md" else md.stem)).relative_to(ROOT / "docs").as_posix() + "/"
    for md in (ROOT / "docs").rglob("*.md")
)
"""Site-relative URL of every hand-written page (the guide, the about page)."""
VIEWPORTS = {"phone": {"width": 412, "height": 915}, "desktop": {"width": 1280, "height": 800}}


def describe(violations: list[dict]) -> str:
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:5]]}"
                     for v in violations)


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("kind", list(PAGES))
def test_axe_finds_no_violation(browser, demo_url, kind, viewport):
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="id-ID")
    page = context.new_page()
    try:
        page.goto(demo_url + PAGES[kind], wait_until="networkidle")
        if kind == "search":  # the results are part of the page too
            page.get_by_role("searchbox").fill("pantai")
            page.locator(".etalase-result").first.wait_for(timeout=10_000)
        violations = Axe().run(page).response["violations"]
    finally:
        context.close()
    assert violations == [], describe(violations)


@pytest.mark.parametrize("url", HAND_WRITTEN)
def test_axe_finds_no_violation_on_hand_written_pages(browser, demo_url, url):
    context = browser.new_context(viewport=VIEWPORTS["phone"], locale="id-ID")
    page = context.new_page()
    try:
        page.goto(demo_url + url, wait_until="networkidle")
        violations = Axe().run(page).response["violations"]
    finally:
        context.close()
    assert violations == [], describe(violations)


def test_axe_finds_no_violation_in_the_open_phone_menu(browser, demo_url):
    context = browser.new_context(viewport=VIEWPORTS["phone"], locale="id-ID")
    page = context.new_page()
    try:
        page.goto(demo_url + sp.newest_post("wisata").url)
        page.locator("label.md-header__button[for=__drawer]").click()
        page.locator(".md-sidebar--primary").get_by_role("link", name="Wisata", exact=True).wait_for(state="visible")
        violations = Axe().run(page).response["violations"]
    finally:
        context.close()
    assert violations == [], describe(violations)


def test_nu_html_checker_finds_no_error(demo_site):
    assert VNU.is_file(), "vnu.jar is missing: run `npm ci` (make test does)"
    java = shutil.which("java")
    assert java, "Java is missing: `make test` installs it (default-jre-headless)"
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--skip-non-html", str(demo_site)],
                            capture_output=True, text=True, timeout=600, check=False)
    errors = result.stderr.strip()
    assert result.returncode == 0 and not errors, errors[:5000]
