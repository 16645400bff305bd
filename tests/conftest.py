"""Shared fixtures: build real sites from content folders into temporary folders.

The suite runs on two cores with pytest-xdist (``make test``). Every build a
test starts has its own photo cache in a temporary folder (never the
checkout's ``.cache``), and the demo site is built once per run: the first
worker that needs it builds it under a lock in the run's shared temporary
folder, the others wait for that lock and read what it built.
"""

from __future__ import annotations

import fcntl
import hashlib
import importlib.util
import io
import json
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import redirect_stderr, redirect_stdout
from datetime import timedelta
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml
from hypothesis import settings

from etalase.authoring.chromium import CHROMIUM, CHROMIUM_ARGS
from suite_order import order_and_group

ROOT = Path(__file__).resolve().parent.parent


pytest_plugins = ["programme_content"]
"""Fixtures shared by modules: ``programme_site`` (a year of a regency's posts, built once per module)."""
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

settings.register_profile("ci", derandomize=True, database=None, deadline=timedelta(seconds=5), print_blob=True)
"""Property tests as CI and ``make test`` run them: the same examples on every run, so a landing is never stopped
by a seed. A failure found is kept as an explicit ``@example`` next to the test."""
settings.register_profile("explore", derandomize=False, database=None, deadline=None, print_blob=True)
"""``make test-explore``: new random examples on each run (``--hypothesis-seed=N`` replays one run); a failure
prints the ``@reproduce_failure`` blob to paste next to the test, then the example becomes an ``@example``."""
settings.load_profile(os.environ.get("ETALASE_HYPOTHESIS_PROFILE", "ci"))


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the xdist_group marks
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the browser tests, keep together and start first the tests that share a module's fixtures
    (:mod:`suite_order`)."""
    order_and_group(items)


BUILD = ROOT / "scripts" / "build.py"
DEMO_CONTENT = ROOT / "content"
PHOTOS = sorted(DEMO_CONTENT.glob("posts/*/*.jpg"))
"""Real camera photos (and one digital artwork) of the demo content, for tests that need them."""

NOW = "2026-12-01T12:00:00+07:00"
"""The one clock of the suite: every build and check a test runs treats this moment as now.

No test reads the wall clock, so the suite gives the same result on any day
(the demo's scheduled post, dated 10 January 2027, stays scheduled)."""

DEMO_HASH_SEED = "1"
"""``PYTHONHASHSEED`` of the session's demo build; a second build with another seed must write the same bytes."""

_suite_config: Path | None = None
"""``mkdocs.yml`` of this worker's builds that name no config: the demo content, a cache of the worker's own."""


def write_config(folder: Path, *, content_dir: Path | None = None, **options: Any) -> Path:
    """A copy of ``mkdocs.yml`` in ``folder`` with its own photo cache (``folder/cache``) and plugin ``options``.

    Docs and theme stay those of the checkout; ``content_dir`` (default: the
    checkout's ``content/``) is where a build without ``--content`` reads.
    """
    data = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    data["docs_dir"] = str(ROOT / "docs")
    data["theme"]["custom_dir"] = str(ROOT / "overrides")
    plugins = []
    for plugin in data["plugins"]:
        if isinstance(plugin, dict) and "etalase" in plugin:
            plugin = {
                "etalase": {
                    **(plugin["etalase"] or {}),
                    "content_dir": str(content_dir or DEMO_CONTENT),
                    "cache_dir": str(folder / "cache"),
                    **options,
                }
            }
        plugins.append(plugin)
    data["plugins"] = plugins
    config = folder / "mkdocs.yml"
    folder.mkdir(parents=True, exist_ok=True)
    config.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config


@pytest.fixture(scope="session", autouse=True)
def suite_config(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The configuration :func:`run_build` uses when a test names none (one per worker)."""
    global _suite_config
    _suite_config = write_config(tmp_path_factory.mktemp("suite-config"))
    yield _suite_config
    _suite_config = None


def run_build(
    *args: str | Path,
    cwd: Path = ROOT,
    env: dict[str, str] | None = None,
    via: Sequence[str] = (),
    seed: bool = True,
    process: bool = False,
) -> subprocess.CompletedProcess[str]:
    """Run ``scripts/build.py`` as a person would, at :data:`NOW` unless ``--now`` is given.

    The build runs inside this process (:func:`_in_process`: the same ``main``, arguments, output and exit
    status, without starting Python and importing MkDocs again) unless the process is what the test is about:
    ``process``, or an ``env`` or ``via`` that only a process of its own can have.

    Without ``--config`` the build uses :func:`suite_config`: the checkout's
    ``mkdocs.yml`` with a photo cache of its own. ``env`` is added to the
    environment (``PYTHONHASHSEED``…); ``via`` is a command the build runs
    under (``faketime …``). The content's cache starts with the demo build's
    photos, share cards and compiled templates (:func:`seed_caches`) unless
    ``seed`` is false: a test of builds from nothing.
    """
    given = list(map(str, args))
    clock = [] if "--now" in given else ["--now", NOW]
    if "--config" not in given:
        assert _suite_config is not None, "run_build runs inside a test session"
        given = ["--config", str(_suite_config), *given]
    if seed:
        _seed(Path(given[given.index("--config") + 1]), given, cwd)
    if not (process or env or via):
        return _in_process([*given, *clock], cwd)
    return subprocess.run(
        [*via, sys.executable, str(BUILD), *given, *clock],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, **(env or {})},
    )


def _in_process(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """``scripts/build.py`` with ``args`` run by this process's ``main``: what it prints (its log too) and its status.

    The log goes where the command's would, to the captured error output, at the level the command sets
    (``-v``: INFO); the handlers of this process (pytest's) are put back afterwards.
    """
    out, err = io.StringIO(), io.StringIO()
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    root.handlers = [logging.StreamHandler(err)]
    root.handlers[0].setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    root.setLevel(logging.INFO if "-v" in args or "--verbose" in args else logging.WARNING)
    before = Path.cwd()
    os.chdir(cwd)
    try:
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = _build_script().main(args)
            except SystemExit as stop:
                code = stop.code if isinstance(stop.code, int) else 1
    finally:
        os.chdir(before)
        root.handlers, root.level = handlers, level
    return subprocess.CompletedProcess([str(BUILD), *args], code, out.getvalue(), err.getvalue())


def run_check(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """``scripts/build.py --check`` run inside this process, for the many tests that only check content.

    The same argument parsing, checks, messages and exit status as
    ``run_build("--check", …)``, without starting Python and importing MkDocs
    again for each check. Tests of the command itself use :func:`run_build`.
    """
    given = ["--check", *map(str, args)]
    clock = [] if "--now" in given else ["--now", NOW]
    if "--config" not in given:
        assert _suite_config is not None, "run_check runs inside a test session"
        given = ["--config", str(_suite_config), *given]
    return _in_process([*given, *clock], cwd)  # messages name files relative to the working directory


@cache
def _build_script() -> ModuleType:
    """``scripts/build.py`` as a module."""
    spec = importlib.util.spec_from_file_location("etalase_build_script", BUILD)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def shared_folder(tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    """A folder every xdist worker of this run sees (the worker's own temporary folder without xdist)."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent
    folder = base / name
    folder.mkdir(exist_ok=True)
    return folder


def search_records(site: Path) -> list[dict]:
    """What the search index (etalase.build.search_index) holds for each post: its record and its filter values."""
    folder = site / "indeks-cari"
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    facets = json.loads((folder / "f.json").read_text(encoding="utf-8"))
    rows = []
    for number in range(len(list((folder / "r").glob("*.json")))):
        rows += json.loads((folder / "r" / f"{number}.json").read_text(encoding="utf-8"))
    fields = ("title", "url", "category", "category_label", "place", "date", "when", "image", "side", "summary")
    records = []
    for row, values in zip(rows, facets, strict=True):
        record = dict(zip(fields, row, strict=True))
        record["filters"] = {
            item["name"]: [item["values"][index] for index in chosen]
            for item, chosen in zip(meta["filters"], values, strict=True)
            if chosen
        }
        records.append(record)
    return records


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder of the demo build: ``site/`` and the ``cache/`` it made (built once per run)."""
    folder = shared_folder(tmp_path_factory, "demo")
    with (folder / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        done = folder / "built"
        if not done.exists():
            shutil.rmtree(folder / "site", ignore_errors=True)
            result = run_build(
                "--config", write_config(folder), "--site-dir", folder / "site", env={"PYTHONHASHSEED": DEMO_HASH_SEED}
            )
            assert result.returncode == 0, result.stdout + result.stderr
            done.touch()
    global _demo_build
    _demo_build = folder
    return folder


def content_cache(config: Path, content: Path) -> Path:
    """The cache folder a build with ``config`` keeps for ``content`` (``EtalasePlugin.cache_for_content``)."""
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    options = next(p["etalase"] for p in data["plugins"] if isinstance(p, dict) and "etalase" in p) or {}
    base = config.resolve().parent / options.get("cache_dir", ".cache/etalase")
    return base / hashlib.sha256(str(content.resolve()).encode()).hexdigest()[:12]


CONTENT_ADDRESSED = ("images", "social", "templates")
"""Caches whose entries are named by a digest of everything that shapes them (a photo's bytes and the image
settings; a share card's background, texts and font; a template's compiled code, by the pipeline's code and the
template's source): an entry made for the demo is the right one for any copy."""


def seed_caches(demo_build: Path, target: Path) -> None:
    """Give ``target`` (a content folder's cache) the demo build's photos and share cards, hard-linked.

    A copy of the demo then builds without processing its 15 photos again and writes the same bytes: the
    entries are found by the same keys a cold build computes (its photos' digests), and whatever the copy
    changed gets keys of its own and is made anew. Rendered bodies and pages are not seeded.
    """
    (source,) = (folder for folder in (demo_build / "cache").iterdir() if folder.is_dir())
    for name in CONTENT_ADDRESSED:
        if (source / name).is_dir() and not (target / name).exists():
            # Not the photo index: it maps the demo's own file paths to digests.
            top = str(source / name)
            skip = lambda folder, names: [n for n in names if folder == top and n in ("index.json", ".tmp")]  # noqa: E731
            shutil.copytree(source / name, target / name, copy_function=os.link, ignore=skip)


_demo_build: Path | None = None
"""Folder of the session's demo build once :func:`demo_build` made it (for :func:`run_build`'s seeding)."""


def _seed(config: Path, args: list[str], cwd: Path) -> None:
    """Before a build, seed its content's cache (:func:`seed_caches`): any content, as the seeded caches are
    content-addressed (a photo the demo does not have, a card with other text, is made anew)."""
    if _demo_build is None:
        return
    config = cwd / config
    if "--content" in args:
        content = (cwd / args[args.index("--content") + 1]).resolve()
    else:
        data = yaml.safe_load(config.read_text(encoding="utf-8"))
        options = next((p["etalase"] for p in data["plugins"] if isinstance(p, dict) and "etalase" in p), None) or {}
        content = (config.resolve().parent / options.get("content_dir", "content")).resolve()
    seed_caches(_demo_build, content_cache(config, content))


@pytest.fixture(scope="session")
def demo_site(demo_build: Path) -> Path:
    """The demo content built once per test run (read only: tests that change a site build their own)."""
    return demo_build / "site"


@pytest.fixture
def content_copy(tmp_path: Path, demo_build: Path) -> Path:
    """A writable copy of the demo content, for tests that change it.

    A build of it (:func:`run_build`) starts with the demo build's photos and share cards in its cache
    (:func:`seed_caches`): the bytes a cold build would write, without processing the same photos again.
    """
    target = tmp_path / "content"
    shutil.copytree(DEMO_CONTENT, target, symlinks=True)
    return target


LOGIN = "rina-w"
"""GitHub login of the demo creator ``rina-wulandari`` in the form route's tests."""


def add_login(content: Path, creator: str = "rina-wulandari", login: str = LOGIN) -> None:
    """Give a demo creator a GitHub login, as an editor would."""
    path = content / "creators" / f"{creator}.yml"
    path.write_text(path.read_text(encoding="utf-8") + f"github: {login}\n", encoding="utf-8")


@pytest.fixture
def content(content_copy: Path) -> Path:
    """A writable copy of the demo content whose creator ``rina-wulandari`` has the GitHub login :data:`LOGIN`."""
    add_login(content_copy)
    return content_copy


# --------------------------------------------------------------------------
# Real Chromium over a local HTTP server
# --------------------------------------------------------------------------


def serve(directory: Path, prefix: str = "/"):
    """Serve ``directory`` on 127.0.0.1 in a thread at ``prefix`` (``/repo/`` as a GitHub project site);
    returns (base URL, server). Paths outside ``prefix`` are not found."""
    import functools
    import http.server
    import threading

    class Handler(http.server.SimpleHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as a real web server: a page's 30 files over a few connections

        def log_message(self, *args) -> None:  # keep test output clean
            pass

        def translate_path(self, path: str) -> str:
            if not path.startswith(prefix):
                return str(directory / "(none)")
            return super().translate_path("/" + path[len(prefix) :])

    class Server(http.server.ThreadingHTTPServer):
        def handle_error(self, request, client_address) -> None:
            if not isinstance(sys.exc_info()[1], ConnectionError):  # a browser that closed its tab is not news
                super().handle_error(request, client_address)

    server = Server(("127.0.0.1", 0), functools.partial(Handler, directory=str(directory)))
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


@pytest.fixture(scope="session")
def tabs(browser):
    """The worker's kept browser tabs (:mod:`browser_tabs`)."""
    from browser_tabs import Tabs

    kept = Tabs(browser)
    yield kept
    kept.close()


@pytest.fixture
def tab(tabs, request: pytest.FixtureRequest):
    """``tab(url, viewport=…, javascript=…, scale=…)``: a kept tab with ``url`` loaded, for a test that
    only looks at pages; given back when the test ends (closed if it failed)."""
    yield tabs.open
    report = getattr(request.node, "report_call", None)
    tabs.give_back(failed=report is None or report.failed)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """Keep each test's call report on it (``item.report_call``): the ``tab`` fixture closes a failed test's tab."""
    report = yield
    if report.when == "call":
        item.report_call = report  # type: ignore[attr-defined]
    return report
