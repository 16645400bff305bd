"""Steps 1 and 2, prepare: the brand, the category registry's theme pieces and the content, checked once per build.

Every way into a build runs this one step, once: the ``etalase`` command
(:mod:`etalase.api`) before MkDocs starts, so that a check needs no build and
a build with problems never stages a site; and the plugin's ``on_config``
when MkDocs runs by itself (``mkdocs serve``). What it finds travels in one
object, :class:`Prepared`, that the plugin takes as it is.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from etalase.content.brand import Brand, check_brand
from etalase.content.categories import REGISTRY, missing_pieces
from etalase.content.load import load_content
from etalase.content.post_cache import PostCache
from etalase.content.problems import Problem, display_path
from etalase.content.structure import Content
from etalase.content.validate import validate

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


@dataclass
class Prepared:
    """What a build starts from: the brand and the valid content, or every problem that stops it."""

    content_dir: Path
    now: datetime
    """The moment that decides which posts are published."""
    preview_scheduled: bool
    brand: Brand | None = None
    content: Content | None = None
    problems: list[Problem] = field(default_factory=list)
    """Every problem of the brand block, the theme's category pieces and the content, sorted; none: build."""
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds spent loading and validating (``load``, ``validate``)."""
    counts: dict[str, int] = field(default_factory=dict)
    """Posts taken from the post cache and posts checked (with a cache)."""


def prepare(
    config: MkDocsConfig,
    content_dir: Path,
    now: datetime,
    preview_scheduled: bool = False,
    cache_dir: Path | None = None,
) -> Prepared:
    """Check the brand block and the theme's category pieces, load and validate ``content_dir``.

    With ``cache_dir``, the outcome of each post is kept there and reused
    while its bundle is unchanged (:mod:`etalase.content.post_cache`).
    """
    prepared = Prepared(content_dir=content_dir, now=now, preview_scheduled=preview_scheduled)
    prepared.brand, problems = check_brand(config)
    problems += missing_pieces(
        REGISTRY,
        [Path(folder) for folder in config.theme.dirs],
        display_path(Path(config.config_file_path or "mkdocs.yml")),
    )
    started = time.perf_counter()
    cache = PostCache(cache_dir) if cache_dir is not None else None
    loaded = load_content(content_dir, cache)
    prepared.timings["load"] = time.perf_counter() - started
    started = time.perf_counter()
    prepared.content, content_problems = validate(loaded, now, preview_scheduled)
    prepared.timings["validate"] = time.perf_counter() - started
    if cache is not None:
        prepared.counts = {"posts_cached": cache.reused, "posts_checked": cache.checked}
    prepared.problems = sorted(set(problems + content_problems))
    return prepared
