"""Accessibility and valid HTML of every page type of the built demo site.

* axe-core (through axe-playwright-python) in real Chromium, all its rules
  (WCAG A/AA and best practices), at phone and desktop widths: no violation.
* The Nu HTML checker (``vnu.jar`` from the npm package ``vnu-jar``, which
  ``make test`` installs with ``npm ci``) over every HTML file: no error.
* What axe cannot judge, read from the accessibility tree a screen reader gets
  (Playwright's ARIA snapshot) and from the rendered pixels: landmarks named in
  Indonesian with the page's heading and search inside <main>, page titles,
  search results as headings read once, links named for what they do, nothing
  decorative read aloud, and search fields with a visible label and borders.
  The keyboard is tested in test_keyboard.py.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup
from PIL import Image

from etalase.content import urls
from test_hero_contrast import contrast, luminance

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
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:5]]}" for v in violations
    )


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("kind", list(PAGES))
def test_axe_finds_no_violation(tab, demo_url, kind, viewport):
    page = tab(demo_url + PAGES[kind], viewport=VIEWPORTS[viewport], wait_until="networkidle")
    if kind == "search":  # the results and the opened filters are part of the page too
        page.get_by_role("searchbox").fill("pantai")
        page.locator(".etalase-result").first.wait_for(timeout=10_000)
        page.get_by_role("button", name="Saring").click()
        page.locator(".etalase-search__count").first.filter(has_text="(").wait_for(timeout=10_000)
    violations = Axe().run(page).response["violations"]
    assert violations == [], describe(violations)


@pytest.mark.parametrize("url", HAND_WRITTEN)
def test_axe_finds_no_violation_on_hand_written_pages(tab, demo_url, url):
    page = tab(demo_url + url, viewport=VIEWPORTS["phone"], wait_until="networkidle")
    violations = Axe().run(page).response["violations"]
    assert violations == [], describe(violations)


def test_axe_finds_no_violation_in_the_open_phone_menu(tab, demo_url):
    page = tab(demo_url + sp.newest_post("wisata").url, viewport=VIEWPORTS["phone"])
    page.get_by_role("button", name="Menu").click()
    page.get_by_role("navigation", name="Navigasi utama").get_by_role("link", name="Wisata", exact=True).wait_for()
    violations = Axe().run(page).response["violations"]
    assert violations == [], describe(violations)


def test_nu_html_checker_finds_no_error(demo_site):
    assert VNU.is_file(), "vnu.jar is missing: run `npm ci` (make test does)"
    java = shutil.which("java")
    assert java, "Java is missing: `make test` installs it (default-jre-headless)"
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--skip-non-html", str(demo_site)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    errors = result.stderr.strip()
    assert result.returncode == 0 and not errors, errors[:5000]


# -- what axe cannot judge ----------------------------------------------------------------------

LANDMARK = re.compile(
    r"^(?P<indent> *)- (?P<role>banner|navigation|main|complementary|contentinfo|search|region|form)"
    r'(?: "(?P<name>[^"]*)")?'
)
NAVIGATION_NAMES = {"Navigasi utama", "Remah roti", "Halaman", "Jelajahi", "Tindakan cepat", "Navigasi", "Daftar isi"}
"""Every navigation landmark's name: Indonesian, and none twice in the tree at once ("Tindakan cepat" is a
post's action bar on phones; the last two are Material's sidebars of hand-written pages on wide screens:
the guide's pages, a page's contents)."""


def landmarks(snapshot: str) -> list[tuple[str, str | None, str]]:
    """(role, name, the snapshot of its subtree) of each landmark in an ARIA snapshot."""
    lines = snapshot.splitlines()
    found = []
    for i, line in enumerate(lines):
        if match := LANDMARK.match(line):
            indent = len(match["indent"])
            end = next(
                (j for j in range(i + 1, len(lines)) if len(lines[j]) - len(lines[j].lstrip()) <= indent), len(lines)
            )
            found.append((match["role"], match["name"], "\n".join(lines[i:end])))
    return found


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("kind", ["home", "post-wisata", "category", "search", "page", "not-found"])
def test_landmarks_are_named_in_indonesian_and_main_holds_the_page(tab, demo_url, kind, viewport):
    page = tab(demo_url + PAGES[kind], viewport=VIEWPORTS[viewport], wait_until="networkidle")
    found = landmarks(page.locator("body").aria_snapshot())
    heading = page.get_by_role("heading", level=1).inner_text().strip()
    names = [name for role, name, _ in found if role == "navigation"]
    assert set(names) <= NAVIGATION_NAMES and len(names) == len(set(names)), names
    assert ("complementary", "Pemberitahuan") in [(role, name) for role, name, _ in found]  # the demo banner
    assert all(name for role, name, _ in found if role in ("region", "complementary", "form"))
    mains = [tree for role, _, tree in found if role == "main"]
    assert len(mains) == 1 and f'heading "{heading}" [level=1]' in mains[0]
    if kind == "home":
        assert "- search:" in mains[0]


def test_the_404_page_says_so_in_its_title(tab, demo_url):
    page = tab(demo_url + PAGES["not-found"], viewport=VIEWPORTS["phone"])
    assert page.title() == f"Halaman tidak ditemukan - {sp.site_config().site_name}"


def test_search_results_are_headings_and_each_title_is_read_once(tab, demo_url):
    page = tab(demo_url + urls.search() + "?q=pantai", viewport=VIEWPORTS["phone"], wait_until="networkidle")
    results = page.locator(".etalase-result")
    results.first.wait_for()
    titles = page.locator(".etalase-result a").all_inner_texts()
    snapshot = page.locator(".etalase-results").aria_snapshot()
    images = page.locator(".etalase-result img").evaluate_all("images => images.map(i => i.getAttribute('alt'))")
    assert titles and images == [""] * len(titles)  # the thumbnail is decorative: the title says what it shows
    for title in titles:
        assert snapshot.count(f'heading "{title}" [level=2]') == 1
        assert f'img "{title}"' not in snapshot


def test_decorative_separators_are_not_read_and_links_say_what_they_do(tab, demo_url):
    post = sp.newest_post("wisata")
    page = tab(demo_url + post.url, viewport=VIEWPORTS["phone"])
    crumbs = "\n".join(
        line
        for line in page.get_by_role("navigation", name="Remah roti").aria_snapshot().splitlines()
        if "/url:" not in line
    )
    share = page.locator(".etalase-share")
    names = [
        share.get_by_role("link", name=name).count()
        for name in ("Bagikan ke WhatsApp", "Bagikan ke Facebook", "Bagikan ke X (Twitter)")
    ]
    bare = share.get_by_role("link", name="X", exact=True).count()
    # On a phone the trail is one line: the post's own title is its heading, not a crumb.
    assert "Beranda" in crumbs and post.title not in crumbs and not re.search(r"[›>»/|]", crumbs), crumbs
    assert names == [1, 1, 1] and bare == 0


def rgb(css: str) -> tuple[int, int, int]:
    red, green, blue = (int(part) for part in re.findall(r"\d+", css)[:3])
    return red, green, blue


@pytest.mark.parametrize("url", ["", urls.search(), PAGES["not-found"]])
def test_search_fields_have_a_visible_label_and_a_border_of_3_to_1(tab, demo_url, url):
    """The label is what a voice-control user says; the field's edge and the checkboxes' must be seen."""
    page = tab(demo_url + url, viewport=VIEWPORTS["phone"], wait_until="networkidle")
    form = page.get_by_role("search")
    label = form.locator("label")
    field = form.get_by_role("searchbox", name=label.inner_text().strip())
    assert label.is_visible() and field.is_visible()
    colours = field.evaluate("""f => ({border: getComputedStyle(f).borderTopColor, width: getComputedStyle(f).borderTopWidth,
        placeholder: getComputedStyle(f, '::placeholder').color, around: getComputedStyle(f.closest('form')).color})""")
    if url == urls.search():
        page.get_by_role("button", name="Saring").click()  # the filters are behind it
        page.get_by_role("checkbox").first.wait_for()
        box = page.get_by_role("checkbox").first
        darkest = min(
            luminance(p) for p in Image.open(io.BytesIO(box.screenshot())).convert("RGB").get_flattened_data()
        )
        assert contrast(darkest, 1.0) >= 3, "the checkbox's edge"
    assert contrast(luminance(rgb(colours["placeholder"])), 1.0) >= 4.5
    if url != "":  # in the hero the white field stands on the dark scrim (tests/test_hero_contrast.py)
        assert colours["width"] != "0px" and contrast(luminance(rgb(colours["border"])), 1.0) >= 3


def test_the_accessibility_statement_is_in_the_footer_and_names_whom_to_tell(demo_site):
    """The statement (docs/aksesibilitas.md) takes the office's email and WhatsApp from extra.brand.contact."""
    contact = sp.brand()["contact"]
    statement = BeautifulSoup(sp.html_of(demo_site, urls.ACCESSIBILITY), "html.parser")
    assert statement.h1.get_text(strip=True) == "Pernyataan aksesibilitas"
    assert statement.find(id="laporkan-hambatan") is not None
    report = [a["href"] for a in statement.select(".etalase-report a")]
    assert report[0].startswith(f"mailto:{contact['email']}?subject=")
    assert report[1].startswith("https://wa.me/" + contact["whatsapp"].removeprefix("+") + "?text=")
    for kind, url in PAGES.items():
        html = (demo_site / url).read_text(encoding="utf-8") if url.endswith(".html") else sp.html_of(demo_site, url)
        page = BeautifulSoup(html, "html.parser")
        footer_links = [a.get_text(strip=True) for a in page.select("footer nav a")]
        assert "Aksesibilitas" in footer_links, kind  # the footer's, not the visitors' menu (six items)
