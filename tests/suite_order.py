"""How ``make test`` orders and groups the tests (``tests/conftest.py`` calls :func:`order_and_group`).

``make test`` spreads the tests over the cores one by one (``--dist loadgroup``), except that the tests
using a fixture shared by their module are one group (``xdist_group``), run by one worker, so that the
module's site is built once. Work is handed out in this order, the longest first so that no worker is
left alone with a long test at the end: the ``slow`` tests (installs, benchmarks), the groups, the
browser tests, then the rest, each in the order collected. ``tests/test_suite.py`` checks that the
groups hold with the pinned pytest and pytest-xdist.
"""

from __future__ import annotations

import pytest

BROWSER_FIXTURES = {"browser", "page", "tabs", "tab"}
"""Fixtures that start Chromium: a test using one is marked ``browser``."""
SHARED_SCOPES = {"module", "class", "package"}
"""Fixture scopes whose value the tests of one module share (a site built for the module, its server)."""


def order_and_group(items: list[pytest.Item]) -> None:
    """Mark the tests that drive Chromium ``browser``; group and order the tests as the module says."""
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
        if shares_module_fixtures(item):
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::", 1)[0]))

    def rank(item: pytest.Item) -> int:
        if item.get_closest_marker("slow"):
            return 0
        if item.get_closest_marker("xdist_group"):
            return 1
        return 2 if item.get_closest_marker("browser") else 3

    items.sort(key=rank)


def shares_module_fixtures(item: pytest.Item) -> bool:
    """Whether ``item`` uses (directly or through another fixture) a fixture of module, class or package scope."""
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return False
    return any(d.scope in SHARED_SCOPES for defs in info.name2fixturedefs.values() for d in defs)
