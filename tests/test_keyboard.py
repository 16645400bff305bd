"""The built demo site with a keyboard only, in real Chromium, mostly at a phone's 360 px.

What a person who cannot use a mouse or a touch screen meets: the skip link,
the menu button, every Tab stop on screen and not under the sticky header, a
visible focus ring (proven on pixels: each stop is photographed focused and
blurred, and the pixels that change must change with at least 3:1), search
results announced, the video player taking focus, and no page wider than the
screen at 320, 360 and 412 px.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator

import pytest
from PIL import Image
from playwright.sync_api import Page

from etalase.content import urls
from etalase.content.categories import REGISTRY
from test_hero_contrast import contrast, luminance

import site_pages as sp
import small_site
from conftest import serve

PHONE = {"width": 360, "height": 800}
DESKTOP = {"width": 1280, "height": 800}
PAGES = {**sp.page_types(), "not-found": "404.html"}

FOCUSED = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) { return null; }
  const ids = window.__focusIds = window.__focusIds || new WeakMap();
  if (!ids.has(element)) { window.__focusCount = (window.__focusCount || 0) + 1; ids.set(element, window.__focusCount); }
  const box = element.getBoundingClientRect();
  const line = element.getClientRects()[0] || box;
  const fits = box.width <= innerWidth + 1 && box.height <= innerHeight + 1;
  const visible = {left: Math.max(box.left, 0), top: Math.max(box.top, 0),
                   right: Math.min(box.right, innerWidth), bottom: Math.min(box.bottom, innerHeight)};
  const onScreen = fits ? box.left >= -1 && box.top >= -1 && box.right <= innerWidth + 1 && box.bottom <= innerHeight + 1
                        : visible.right > visible.left && visible.bottom > visible.top;
  const x = fits ? line.left + line.width / 2 : (visible.left + visible.right) / 2;
  const y = fits ? line.top + line.height / 2 : (visible.top + visible.bottom) / 2;
  const hit = onScreen ? document.elementFromPoint(x, y) : null;
  const header = document.querySelector('[data-etalase-header]').getBoundingClientRect();
  const underHeader = fits && !element.closest('[data-etalase-header]') && box.top < header.bottom - 1 && box.bottom > header.top;
  const name = e => e.tagName.toLowerCase() + ' "' + (e.getAttribute('aria-label') || e.textContent || e.value || '')
    .trim().replace(/\\s+/g, ' ').slice(0, 50) + '"';
  return {id: ids.get(element), name: name(element), box: {x: box.x, y: box.y, width: box.width, height: box.height},
          onScreen, underHeader, covered: onScreen && !(hit && (hit === element || element.contains(hit))),
          coveredBy: hit && hit !== element && !element.contains(hit) ? name(hit) : null,
          inMain: !!element.closest('main'), inMenu: !!element.closest('#menu')};
}"""
"""What is focused: a stable id, a name for messages, its box, whether it is on screen and uncovered.

An element taller or wider than the window (a long table) only has to show a
part; the point checked is the centre of its first line box (a link that wraps)
or of its visible part. An element that fits must also be wholly clear of the
sticky header."""


@pytest.fixture
def open_page(browser, tab, demo_url) -> Iterator[Callable[..., Page]]:
    """Open a page of the demo site in a kept tab (conftest's ``tab``), or with ``fresh=True`` in a context of
    its own, for a test that adds listeners or scripts to the page; own contexts are closed after the test."""
    contexts = []

    def open_(url: str, viewport: dict = PHONE, javascript: bool = True, fresh: bool = False) -> Page:
        if not fresh:
            return tab(demo_url + url, viewport=viewport, javascript=javascript, wait_until="networkidle")
        context = browser.new_context(viewport=viewport, locale="id-ID", java_script_enabled=javascript)
        contexts.append(context)
        page = context.new_page()
        page.goto(demo_url + url, wait_until="networkidle")
        return page

    yield open_
    for context in contexts:
        context.close()


def press(page: Page, key: str = "Tab") -> dict | None:
    page.keyboard.press(key)
    return page.evaluate(FOCUSED)


def walk(page: Page, key: str = "Tab", limit: int = 300) -> list[dict]:
    """Every stop ``key`` reaches from where focus is, until focus leaves the page or comes round again."""
    stops: list[dict] = []
    for _ in range(limit):
        stop = press(page, key)
        if stop is None or (stops and stop["id"] == stops[0]["id"]):
            return stops
        stops.append(stop)
    raise AssertionError(f"{key} never left the page in {limit} presses")


def placement_problems(stops: list[dict]) -> list[str]:
    """Stops off screen, covered at their centre, or with any part under the sticky header."""
    problems = []
    for stop in stops:
        if not stop["onScreen"]:
            problems.append(f"{stop['name']} is off screen at {stop['box']}")
        elif stop["covered"]:
            problems.append(f"{stop['name']} is under {stop['coveredBy']}")
        elif stop["underHeader"]:
            problems.append(f"{stop['name']} is partly under the header at {stop['box']}")
    return problems


# -- skip link ----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(PAGES))
def test_the_skip_link_is_the_first_tab_stop_and_leads_to_the_start_of_main(open_page, kind):
    page = open_page(PAGES[kind])
    first = press(page)
    assert first and first["name"] == 'a "Langsung ke isi utama"' and first["onScreen"] and not first["covered"]
    page.keyboard.press("Enter")
    landed = page.evaluate("""() => {
      const focused = document.activeElement, main = document.querySelector('main');
      const focusable = [...main.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex="0"]')]
        .filter(e => e.checkVisibility() && !e.disabled);
      return {inMain: main.contains(focused), beforeHeading: !!(focused.compareDocumentPosition(document.querySelector('h1'))
              & Node.DOCUMENT_POSITION_FOLLOWING), firstInMain: focusable[0] && focusable[0].outerHTML.slice(0, 80)};
    }""")
    assert landed["inMain"] and landed["beforeHeading"], landed
    after = press(page)
    if landed["firstInMain"]:  # Tab goes on from there: to the first control in <main>
        assert (
            after["inMain"] and page.evaluate("document.activeElement.outerHTML.slice(0, 80)") == landed["firstInMain"]
        )
    else:  # a page of text only: past <main>
        assert after and not after["inMain"]


# -- the phone menu -----------------------------------------------------------------------------


def test_the_phone_menu_is_a_button_enter_opens_and_escape_closes(open_page):
    page = open_page(sp.newest_post("wisata").url)
    button = page.get_by_role("button", name="Menu", exact=True)
    menu = page.get_by_role("navigation", name="Navigasi utama")
    assert button.get_attribute("aria-expanded") == "false" and menu.count() == 0  # closed: not in the tree
    stops = [press(page) for _ in range(3)]
    assert [stop["name"] for stop in stops[1:]] == [f'a "{sp.site_config().site_name}"', 'button "Menu"']

    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true" and menu.is_visible()
    links = menu.get_by_role("link").all_inner_texts()
    # The visitors' six items and one way into the contributor guide, never the guide's pages.
    assert [link.strip() for link in links] == [
        *REGISTRY.labels().values(),
        "Agenda",
        "Cari",
        "Untuk kreator: panduan menulis",
    ]
    into_guide = [
        href for href in menu.get_by_role("link").evaluate_all("ls => ls.map(a => a.href)") if "/panduan/" in href
    ]
    assert len(links) <= 12 and len(into_guide) == 1
    reached = [press(page) for _ in links]
    assert [stop["name"] for stop in reached] == [f'a "{link.strip()}"' for link in links]
    assert all(stop["inMenu"] for stop in reached) and placement_problems(reached) == []

    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false" and menu.count() == 0
    assert page.evaluate(FOCUSED)["name"] == 'button "Menu"'

    page.keyboard.press("Space")
    assert button.get_attribute("aria-expanded") == "true"
    beyond = [press(page) for _ in range(len(links) + 1)][-1]
    assert not beyond["inMenu"] and button.get_attribute("aria-expanded") == "false", beyond
    assert placement_problems([beyond]) == []


def test_without_javascript_the_menu_is_a_link_to_the_list(open_page):
    page = open_page(sp.newest_post("umkm").url, javascript=False)
    assert page.get_by_role("button", name="Menu").count() == 0
    stops = [press(page) for _ in range(3)]
    assert stops[2]["name"] == 'a "Menu"'
    page.keyboard.press("Enter")
    menu = page.get_by_role("navigation", name="Navigasi utama")
    assert page.url.endswith("#menu") and menu.is_visible()
    first = press(page)
    assert first["inMenu"] and first["name"] == 'a "Wisata"' and placement_problems([first]) == []
    menu.get_by_role("link", name="Tutup menu").click()
    assert menu.count() == 0


# -- every stop on screen -----------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(PAGES))
def test_every_tab_stop_is_on_screen_and_not_under_the_header(open_page, kind):
    """Forwards with Tab and backwards with Shift+Tab (which scrolls each stop to the top, under the header)."""
    page = open_page(PAGES[kind])
    forwards = walk(page, "Tab")
    backwards = walk(page, "Shift+Tab")
    assert len(forwards) >= 10 and len(backwards) == len(forwards)
    assert placement_problems(forwards) == [] and placement_problems(backwards) == []


# -- a visible focus ring -----------------------------------------------------------------------


def shot(page: Page, clip: dict) -> Image.Image:
    return Image.open(io.BytesIO(page.screenshot(clip=clip, animations="disabled", caret="hide"))).convert("RGB")


def focus_change(page: Page, stop: dict, margin: int = 8) -> tuple[int, int]:
    """Photograph the focused element with a margin, then blurred; the pixels that change, and those that change by 3:1."""
    box = stop["box"]
    viewport = page.viewport_size
    left, top = max(box["x"] - margin, 0), max(box["y"] - margin, 0)
    right = min(box["x"] + box["width"] + margin, viewport["width"])
    bottom = min(box["y"] + box["height"] + margin, viewport["height"])
    clip = {"x": left, "y": top, "width": right - left, "height": bottom - top}
    focused = shot(page, clip)
    page.evaluate("document.activeElement.blur()")
    blurred = shot(page, clip)
    changed = [(p, q) for p, q in zip(focused.get_flattened_data(), blurred.get_flattened_data()) if p != q]
    strong = sum(1 for p, q in changed if contrast(luminance(p), luminance(q)) >= 3)
    return len(changed), strong


FOCUS_PAGES = {
    "home": "",
    "category": urls.category("wisata"),
    "post": sp.newest_post("umkm").url,
    "search": urls.search() + "?q=pantai",
}


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("kind", list(FOCUS_PAGES))
def test_every_focus_stop_shows_a_ring_of_3_to_1(open_page, kind, viewport):
    """Each stop, focused then blurred: enough pixels change by 3:1 to draw a 2 px line round it (WCAG 2.4.13's area)."""
    page = open_page(FOCUS_PAGES[kind], viewport=PHONE if viewport == "phone" else DESKTOP)
    if kind == "search":
        page.locator(".etalase-result").first.wait_for()
        # Opening the filters fetches the count of each value, which widens the labels: let that happen
        # first, then walk from the top of the page with every stop where it stays.
        page.get_by_role("button", name="Saring").click()
        page.wait_for_function("() => document.querySelector('.etalase-search__count').textContent !== ''")
        page.evaluate("document.body.tabIndex = -1; document.body.focus(); document.body.removeAttribute('tabindex')")
    faint = []
    count = 0
    while (stop := press(page)) is not None and count < 200:
        count += 1
        changed, strong = focus_change(page, stop)
        needed = 2 * 2 * (stop["box"]["width"] + stop["box"]["height"])
        if strong < needed:
            faint.append(f"{stop['name']}: {strong} pixels change by 3:1 ({changed} change), {needed:.0f} needed")
    assert count >= 10 and faint == []


# -- search ------------------------------------------------------------------------------------


def test_search_results_are_announced_after_typing_and_after_a_filter(open_page):
    page = open_page(urls.search(), fresh=True)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.reload(wait_until="networkidle")  # with every request of the page seen
    status = page.get_by_role("status")
    assert status.count() == 1 and status.inner_text() == ""  # the live region is there before it speaks
    page.get_by_role("searchbox").focus()
    page.keyboard.type("pantai")
    found = re.compile(r"Ditemukan (\d+) hasil untuk “pantai”\.")
    page.wait_for_function("() => /^Ditemukan/.test(document.querySelector('[role=status]').textContent)")
    total = int(found.fullmatch(status.inner_text()).group(1))
    assert total == page.locator(".etalase-result").count() > 0

    assert not [url for url in requested if "/indeks-cari/f.json" in url]  # a plain query loads no filter index
    page.get_by_role("button", name="Saring").click()  # opening the filters fetches each value's count
    box = page.locator("[data-etalase-filter]").and_(page.get_by_role("checkbox", name=re.compile(r"\([1-9]"))).first
    value = box.get_attribute("value")
    box.focus()
    page.keyboard.press("Space")
    page.wait_for_function(
        "v => document.querySelector('[role=status]').textContent.includes('saringan: ' + v)", arg=value
    )
    filtered = re.fullmatch(r"Ditemukan (\d+) hasil untuk “pantai” \(saringan: (.+)\)\.", status.inner_text())
    assert filtered and filtered.group(2) == value
    assert int(filtered.group(1)) == page.locator(".etalase-result").count() <= total

    page.get_by_role("searchbox").fill("qwzxv")
    page.wait_for_function("() => /^Tidak ada hasil/.test(document.querySelector('[role=status]').textContent)")
    assert status.inner_text() == f"Tidak ada hasil untuk “qwzxv” (saringan: {value})."
    next_steps = page.locator("[data-etalase-search-browse]")
    assert next_steps.is_visible() and next_steps.get_by_role("link", name="Arsip").is_visible()


def test_the_clear_button_shows_with_text_only_and_gives_focus_back_to_the_field(open_page):
    page = open_page(urls.search())
    clear = page.get_by_role("button", name="Hapus")
    assert clear.count() == 0  # hidden: no Tab stop
    field = page.get_by_role("searchbox")
    field.focus()
    page.keyboard.type("kopi")
    assert clear.is_visible()
    assert press(page)["name"] == 'button "Hapus"'
    page.keyboard.press("Enter")
    assert field.input_value() == "" and clear.count() == 0
    assert page.evaluate("document.activeElement.id") == field.get_attribute("id")


# -- video ---------------------------------------------------------------------------------------

PLAYER = """<!doctype html><html lang="id"><title>Pemutar</title>
<button id="play">Putar</button>
<script>document.addEventListener("keydown", e => { document.body.dataset.keys = (document.body.dataset.keys || "") + e.code; });</script>
</html>"""
"""A stand-in for YouTube's player (requests to YouTube are answered here: none leaves the machine)."""


@pytest.fixture(scope="module")
def video_url(tmp_path_factory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("video")
    content = small_site.one_post_content(folder, "videos:\n  - youtube: aqz-KE-bpKQ\n    title: Tabuh gendang\n")
    url, server = serve(small_site.build(folder, "site", content))
    yield url + urls.post(small_site.POST)
    server.shutdown()


def test_the_video_player_takes_focus_after_the_press(browser, tabs, video_url):
    # The player's frame is another site, in a process of its own. With the worker's kept tabs open in other
    # windows it twice never reported focus in clean-clone runs (30 s), also with this tab brought to front;
    # it never failed while each test's window was the browser's only one. So the kept tabs are closed first
    # (the next test opens new ones), and the reader's tab is the only window, as it was.
    tabs.close()
    context = browser.new_context(viewport=PHONE, locale="id-ID")
    context.route(
        "https://www.youtube-nocookie.com/**", lambda route: route.fulfill(content_type="text/html", body=PLAYER)
    )
    page = context.new_page()
    try:
        page.goto(video_url, wait_until="networkidle")
        assert page.locator("iframe").count() == 0  # nothing from YouTube before the press
        page.get_by_role("link", name=re.compile("Putar video")).focus()
        page.keyboard.press("Enter")
        frame = page.frame_locator("iframe.etalase-video__frame")
        frame.locator("#play").wait_for()
        page.wait_for_function("() => document.activeElement.tagName === 'IFRAME'")
        player = next(f for f in page.frames if f.url.startswith("https://www.youtube-nocookie.com/"))
        assert "autoplay=1" in player.url  # it plays because the reader pressed play
        player.wait_for_function("() => document.hasFocus()")
        scrolled = page.evaluate("scrollY")
        page.keyboard.press("Space")
        assert player.evaluate("document.body.dataset.keys") == "Space"  # the player's key, not the page's
        assert page.evaluate("scrollY") == scrolled
    finally:
        context.close()


# -- no sideways scrolling ------------------------------------------------------------------------


@pytest.mark.parametrize("width", [320, 360, 412])
def test_no_page_scrolls_sideways(browser, demo_url, width):
    """Every page type, and a post with its menu open, fit the width of a small phone (WCAG 1.4.10 at 320 px)."""
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="id-ID")
    page = context.new_page()
    wide = {}
    try:
        for kind, url in PAGES.items():
            page.goto(demo_url + url, wait_until="load")
            wide[kind] = page.evaluate("document.documentElement.scrollWidth")
        page.get_by_role("button", name="Menu").click()
        wide["open menu"] = page.evaluate("document.documentElement.scrollWidth")
    finally:
        context.close()
    assert {kind: scroll for kind, scroll in wide.items() if scroll > width} == {}


TEXT_SPACING = (
    "* { line-height: 1.5 !important; letter-spacing: .12em !important; word-spacing: .16em !important; }"
    " p { margin-bottom: 2em !important; }"
)
"""WCAG 1.4.12's text spacing, as a reader's style sheet would set it."""

CUT_TEXT = """() => [...document.body.querySelectorAll('*')].filter(e => {
  const style = getComputedStyle(e);
  if (!e.checkVisibility() || !e.textContent.trim() || style.webkitLineClamp !== 'none') { return false; }
  return /hidden|clip/.test(style.overflowX + style.overflowY)
    && (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1);
}).map(e => e.tagName.toLowerCase() + '.' + e.className)"""
"""Elements whose text overflows a box that hides it (a card's summary, clamped to a few lines by design, aside)."""


@pytest.mark.parametrize("kind", ["home", "post-pembangunan", "search"])
def test_spaced_out_text_is_not_cut_and_focus_stays_clear_of_the_taller_header(open_page, kind):
    page = open_page(PAGES[kind], viewport={"width": 320, "height": 640})
    page.add_style_tag(content=TEXT_SPACING)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert page.evaluate(CUT_TEXT) == []
    header = page.locator("[data-etalase-header]").bounding_box()["height"]
    forwards = walk(page, "Tab")
    backwards = walk(page, "Shift+Tab")
    assert header > 60 and len(backwards) == len(forwards)  # the site's name takes three lines
    assert placement_problems(backwards) == []


SHIFT_LIMIT = 0.01
"""Largest layout shift the search page may make while its results arrive: a tenth of Lighthouse's "good"
(0.1). The results once pushed the page by 0.14; a busy machine can still shift a line by under 0.001 as the
heading typeface arrives after the first paint (font-display: swap), which no visitor sees as a jump."""


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_search_results_move_nothing_as_they_arrive(open_page, viewport):
    """A search opened with its query (a shared link, the header's form): the results appear after the first
    paint and must not push what is already drawn (Cumulative Layout Shift, as Lighthouse counts it)."""
    page = open_page("", viewport=PHONE if viewport == "phone" else DESKTOP, fresh=True)
    page.add_init_script(  # records every shift of the next page from its first paint, and what moved
        "window.__shifts = []; new PerformanceObserver(list => list.getEntries()"
        ".forEach(entry => { if (!entry.hadRecentInput) window.__shifts.push([entry.value, entry.sources"
        ".map(source => source.node ? (source.node.className || source.node.nodeName) : '?').join(' ')]); }))"
        ".observe({type: 'layout-shift', buffered: true})"
    )
    page.goto(page.url + urls.search() + "?q=pantai", wait_until="networkidle")
    page.locator(".etalase-result").first.wait_for()
    page.wait_for_timeout(300)
    shifts = page.evaluate("window.__shifts")
    assert sum(value for value, _ in shifts) < SHIFT_LIMIT, shifts


def test_a_results_place_and_event_time_stay_inside_it_on_a_phone(open_page):
    """An event's time ("28 November 2026, 19.00 WIB sampai 29 November …") is longer than a phone's line: it
    wraps inside the result, nothing of it is cut at the screen's edge."""
    page = open_page("", viewport={"width": 360, "height": 800})
    page.goto(page.url + urls.search() + "?q=pantai", wait_until="networkidle")
    page.locator(".etalase-result").first.wait_for()
    cut = page.evaluate(
        """() => [...document.querySelectorAll('.etalase-result__meta')].filter(meta => {
            const box = meta.getBoundingClientRect();
            return meta.scrollWidth > meta.clientWidth + 1 || box.right > document.documentElement.clientWidth
              || [...meta.children].some(part => part.getBoundingClientRect().right > box.right + 1);
        }).map(meta => meta.textContent)"""
    )
    assert cut == []
