"""The public seam of the pipeline: check or build a site, and read what happened.

    from etalase import api
    result = api.build(api.Options(config_file=Path("mkdocs.yml"), site_dir=Path("/tmp/situs")))
    if not result.ok:
        for problem in result.problems:
            print(problem.format())

:func:`check` validates ``mkdocs.yml``'s brand block, the category registry's
theme pieces and every file under ``content/``; :func:`build` also runs the
photos, pages, MkDocs and the search index into a staging folder and
switches to it atomically (:mod:`etalase.build.publish`), so a failed or killed
build leaves the previous site whole. Both return a :class:`Result`;
neither raises for bad content. The ``etalase`` command
(:mod:`etalase.cli`) and ``scripts/build.py`` are thin layers over these
two functions.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from etalase.build.guard import PostTooComplex
from etalase.build.pause import pause_point
from etalase.build.prepare import prepare
from etalase.build.publish import discard, publish, staging_dir
from etalase.content.post_cache import FOLDER as POST_CACHE
from etalase.content.problems import Problem, display_path
from etalase.content.structure import Content

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from etalase.build.plugin import EtalasePlugin

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@dataclass
class Options:
    """What to check or build."""

    config_file: Path = Path("mkdocs.yml")
    content_dir: Path | None = None
    """Default: the plugin's ``content_dir``, relative to ``config_file``."""
    site_dir: Path | None = None
    """Default: ``site_dir`` of ``config_file``."""
    now: datetime | None = None
    """The moment that decides which posts are published; default: the real time."""
    search: bool = True
    """Write the site's search index (:mod:`etalase.build.search_index`)."""
    strict: bool = True
    """MkDocs warnings stop the build."""
    preview_scheduled: bool = False
    """Build posts dated after :attr:`now` (not drafts) as if published, each marked "Terjadwal":
    the PR check's preview, so that a scheduled post's problems show before its date."""


@dataclass
class Result:
    """What a check or a build found and made."""

    problems: list[Problem] = field(default_factory=list)
    """Every problem of the content and the brand; empty when all is well."""
    usage: str | None = None
    """Why the command could not run at all (no config, no content folder…), in Indonesian and English."""
    content: Content | None = None
    site_dir: Path | None = None
    """Where the site was published (builds only)."""
    counts: dict[str, int] = field(default_factory=dict)
    """Posts taken from the post cache or checked (:mod:`etalase.content.post_cache`); in builds also generated
    pages and post bodies taken from the cache or made anew (:mod:`etalase.build.render`)."""
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds spent in each step: load, validate, photos, pages, bodies (post Markdown), render (the other
    MkDocs work: templates, pages from the cache), search, publish."""

    @property
    def ok(self) -> bool:
        return not self.problems and self.usage is None


def check(options: Options) -> Result:
    """Validate the brand, the registry's theme pieces and the content; build nothing."""
    result = Result()
    _prepare(options, result)
    return result


def build(options: Options) -> Result:
    """Check, then build the site into a staging folder and publish it atomically."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.exceptions import Abort

    result = Result()
    prepared = _prepare(options, result)
    if prepared is None or not result.ok:
        return result
    config, plugin = prepared
    site_dir = Path(options.site_dir or config.site_dir).absolute()
    new = staging_dir(site_dir)
    pause_point("build:staged")
    config.site_dir = str(new)
    plugin.config.search = options.search
    plugin.timings = result.timings
    started = time.perf_counter()
    # The checked content (every post's model, its photos' records) lives as long as the build: frozen out of the
    # garbage collector's reach, each full collection no longer walks it again (a one-post rebuild at 2,000 posts:
    # the photos step 0.48 -> 0.33 s), and forked workers keep sharing its memory pages, which the collector's
    # walk would have made them copy. Thawed when the build ends: `etalase serve` rebuilds in one process.
    gc.freeze()
    try:
        mkdocs_build(config)
    except BaseException as error:
        plugin.abandon()  # no process of this build may go on writing into the folder deleted here
        discard(new)
        if isinstance(error, Abort):
            result.problems = plugin.problems or [_build_failure(options, str(error))]
            return result
        if isinstance(error, PostTooComplex):  # a post over its time budget (etalase.build.guard)
            plugin.guard.leave()
            result.problems = [error.problem]
            return result
        if isinstance(error, Exception) and plugin.problems:  # an error while a post was rendered, named by the plugin
            result.problems = plugin.problems
            return result
        raise
    finally:
        gc.unfreeze()
    result.counts = plugin.counts
    result.timings["render"] = (
        time.perf_counter()
        - started
        - sum(result.timings.get(step, 0.0) for step in ("photos", "pages", "bodies", "search"))
    )
    with _timed(result, "publish"):
        publish(new, site_dir)
    result.site_dir = site_dir
    return result


def _prepare(options: Options, result: Result) -> tuple[MkDocsConfig, EtalasePlugin] | None:
    """Read ``mkdocs.yml``, then the one prepare step (:mod:`etalase.build.prepare`), handed to the plugin as it is.

    ``None`` with :attr:`Result.usage` set when the command cannot run at all;
    the problems found are in ``result``.
    """
    config = _config(options, result)
    if config is None:
        return None
    plugin = _plugin(config, result)
    if plugin is None:
        return None
    base = Path(config.config_file_path or ".").resolve().parent
    content_dir = (options.content_dir or base / plugin.config.content_dir).resolve()
    if not content_dir.is_dir():
        result.usage = f"folder konten tidak ada: {content_dir} (content folder not found)"
        return None
    prepared = prepare(
        config,
        content_dir,
        options.now or datetime.now(UTC),
        options.preview_scheduled,
        plugin.cache_for_content(config, content_dir) / POST_CACHE,
    )
    plugin.prepared = prepared
    result.content, result.problems = prepared.content, prepared.problems
    result.timings.update(prepared.timings)
    result.counts.update(prepared.counts)
    return config, plugin


@contextmanager
def _timed(result: Result, step: str) -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        result.timings[step] = result.timings.get(step, 0.0) + time.perf_counter() - started


def _config(options: Options, result: Result) -> MkDocsConfig | None:
    """``mkdocs.yml`` as MkDocs reads it, or ``None`` with :attr:`Result.usage` set."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    if not options.config_file.is_file():
        result.usage = f"berkas konfigurasi tidak ada: {options.config_file} (config file not found)"
        return None
    try:
        return load_config(str(options.config_file), strict=options.strict)
    except ConfigurationError as error:
        result.usage = f"konfigurasi salah: {error} (configuration error)"
        return None


def _plugin(config: MkDocsConfig, result: Result) -> EtalasePlugin | None:
    plugin = config.plugins.get("etalase")
    if plugin is None:
        result.usage = (
            "plugin etalase tidak ada di mkdocs.yml (plugins: - etalase) (the etalase plugin is not configured)"
        )
        return None
    return plugin


def _build_failure(options: Options, error: str) -> Problem:
    """MkDocs stopped for a reason of its own (a strict-mode warning, a broken hand-written page)."""
    return Problem(
        display_path(options.config_file),
        None,
        None,
        f"build gagal: {error}; lihat pesan MkDocs di atas",
        f"build failed: {error}; see MkDocs' messages above",
    )
