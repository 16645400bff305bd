"""The kept browser tabs (tests/browser_tabs.py): reused only clean, never after a failure."""

from __future__ import annotations

import pytest

from browser_tabs import Tabs

from conftest import serve


@pytest.fixture(scope="module")
def origin(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("tabs")
    (folder / "index.html").write_text(
        "<!doctype html><title>t</title><script>document.documentElement.dataset.ran = 'ya'</script><p>isi</p>",
        encoding="utf-8",
    )
    url, server = serve(folder)
    yield url
    server.shutdown()


def test_a_kept_tab_comes_back_blank_with_the_site_s_storage_and_cookies_gone(browser, origin: str) -> None:
    tabs = Tabs(browser)
    try:
        page = tabs.open(origin, viewport={"width": 360, "height": 800})
        page.evaluate("() => { localStorage.k = 'v'; sessionStorage.k = 'v'; document.cookie = 'k=v'; }")
        page.mouse.move(200, 200)
        assert page.context.cookies() != []
        tabs.give_back(failed=False)
        assert page.url == "about:blank"

        again = tabs.open(origin, viewport={"width": 1280, "height": 800})
        assert again is page  # the same tab: no new context started
        assert again.viewport_size == {"width": 1280, "height": 800}
        assert again.evaluate("() => [localStorage.length, sessionStorage.length, document.cookie]") == [0, 0, ""]
        assert again.context.cookies() == []
        assert tabs.open(origin) is page  # a second page of the same kind in one test: the same tab
    finally:
        tabs.close()


def test_a_failed_test_s_tab_is_closed_and_each_kind_has_its_own(browser, origin: str) -> None:
    tabs = Tabs(browser)
    try:
        page = tabs.open(origin)
        without = tabs.open(origin, javascript=False)
        scaled = tabs.open(origin, scale=2)
        assert len({id(page.context), id(without.context), id(scaled.context)}) == 3
        ran = "document.documentElement.dataset.ran ?? 'tidak'"
        assert (page.evaluate(ran), without.evaluate(ran)) == ("ya", "tidak")  # the page's own script
        assert scaled.evaluate("devicePixelRatio") == 2 and page.evaluate("devicePixelRatio") == 1
        tabs.give_back(failed=True)
        assert page.is_closed() and without.is_closed() and scaled.is_closed()
        assert tabs.open(origin) is not page
    finally:
        tabs.close()
