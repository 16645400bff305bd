"""Browser tabs a test worker keeps for its whole run and lends to one test at a time.

Each Playwright browser context starts renderer processes of its own. Measured
on the demo's home page, 15 loads: a new context each time 6.0 s, a new tab in
one context 4.5 s, the same tab 1.6 s. A short browser test spent a third of
its time starting a context, so the tests that only look at pages borrow a
tab: one per kind of context (language, JavaScript on or off, device scale),
sized to the test's viewport, and given back on a blank page with the site's
storage and cookies cleared and the pointer at the corner. A tab whose test
failed is closed, not lent again.

Tests that change the context or the page itself (routes, init scripts,
permissions, event listeners) make a context of their own.
"""

from __future__ import annotations

from playwright.sync_api import Browser, Page

PHONE = {"width": 412, "height": 915}

RESET = "() => { try { localStorage.clear(); sessionStorage.clear(); } catch (error) {} }"
"""Clears what the page stored for its origin (a page without storage access throws: nothing to clear)."""


class Tabs:
    """Tabs kept by kind of context; :meth:`open` lends one, :meth:`give_back` takes every lent tab back."""

    def __init__(self, browser: Browser) -> None:
        self._browser = browser
        self._kept: dict[tuple[str, bool, float], Page] = {}
        self._lent: list[tuple[tuple[str, bool, float], Page]] = []

    def open(
        self,
        url: str,
        *,
        viewport: dict | None = None,
        javascript: bool = True,
        scale: float = 1,
        locale: str = "id-ID",
        wait_until: str = "load",
    ) -> Page:
        """A tab with ``url`` loaded at ``viewport`` (a 412×915 phone unless given). A test gets one tab of
        each kind: opening another page of the same kind loads it in the same tab."""
        viewport = viewport or PHONE
        key = (locale, javascript, scale)
        page = next((lent for kind, lent in self._lent if kind == key), None) or self._kept.pop(key, None)
        if page is None:
            context = self._browser.new_context(
                viewport=viewport, locale=locale, java_script_enabled=javascript, device_scale_factor=scale
            )
            page = context.new_page()
        else:
            page.set_viewport_size(viewport)
        if all(lent is not page for _, lent in self._lent):
            self._lent.append((key, page))
        page.goto(url, wait_until=wait_until)  # type: ignore[arg-type]
        return page

    def give_back(self, *, failed: bool) -> None:
        """Take back the tabs lent to the test that ends: kept for the next test, or closed if it failed."""
        lent, self._lent = self._lent, []
        for key, page in lent:
            if failed or key in self._kept or not self._reset(page):
                page.context.close()
            else:
                self._kept[key] = page

    def close(self) -> None:
        self.give_back(failed=True)
        for page in self._kept.values():
            page.context.close()
        self._kept.clear()

    @staticmethod
    def _reset(page: Page) -> bool:
        """Blank the tab and forget what the site stored; ``False`` if the tab cannot be brought back."""
        try:
            if page.is_closed():
                return False
            if page.url.startswith("http"):
                page.evaluate(RESET)
            page.goto("about:blank")
            page.context.clear_cookies()
            page.mouse.move(0, 0)
            return True
        except Exception:  # a crashed tab or a dialog left open: the next test gets a new one
            return False
