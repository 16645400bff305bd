"""Step 6, search index: index the built site with Pagefind.

Material's built-in search cannot serve Indonesian (lunr has no Indonesian
stemmer, and its single index is downloaded whole). Pagefind stems
Indonesian when pages say ``<html lang="id">`` ("bangun" finds
"pembangunan") and splits its index into small chunks that a browser fetches
only as a query needs them.

Only post pages are indexed, and of them only the article the post template
marks with ``data-pagefind-body`` (not the theme's chrome); inside it, what
every post repeats (photo licences, reading time, credits, button labels)
is ``data-pagefind-ignore``, so excerpts and word counts are the story's.
Category, region and accessibility are ``data-pagefind-filter`` facets
(:func:`etalase.pages.search_filters`), and the result thumbnail a
``data-pagefind-meta``, in an ignored element: Pagefind reads them there
but does not index their text.
The search page is the site's own (``assets/etalase-search.js`` over
``pagefind.js``), so Pagefind's ready-made interfaces are not published.
"""

from __future__ import annotations

import asyncio
import os
import re
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from pagefind.index import IndexConfig
from pagefind.service import PagefindService

from . import pagefind_stable
from .pause import pause_point

OUTPUT_DIR = "pagefind"
"""Folder of the index inside the site; the search page loads its UI from here."""


UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)
"""Pagefind's ready-made interfaces, which the site does not load."""
PAGES_AT_ONCE = 400
"""Post pages handed to Pagefind in one request.

Pagefind's ``add_directory`` reads and parses every HTML file it matches at
once (one future per file, joined): given the whole site at 10,000 posts
(17,000 pages) its process peaked at 2.9 GiB (bench/bench_scale.py). Given
the post pages a few hundred at a time (a glob naming them), only what the
index keeps stays in memory. Not one page per request: the Python service
reads one response per tenth of a second (its poll loop sleeps 0.1 s), so
2,000 ``add_html_file`` calls cost 200 s of waiting.
"""
GLOB_SPECIAL = re.compile(r"([?*$:<>()\[\]{},\\!#])")
"""Characters with a meaning in a Wax glob (Pagefind's), escaped in page names."""


def index_site(site_dir: Path, pages: Iterable[str], language: str = "id") -> int:
    """Index ``pages`` (site-relative URLs of post pages, ``artikel/slug/``) into ``site_dir/pagefind``.

    Returns the pages indexed. The index is then rewritten in a stable order
    (:mod:`etalase.pagefind_stable`), so that two builds of the same site write
    the same bytes.
    """
    count = asyncio.run(_index(site_dir, sorted(pages), language))
    for name in UNUSED:
        (site_dir / OUTPUT_DIR / name).unlink(missing_ok=True)
    pause_point("search:indexed")
    pagefind_stable.stabilise(site_dir / OUTPUT_DIR)
    return count


async def _index(site_dir: Path, pages: list[str], language: str) -> int:
    output = site_dir / OUTPUT_DIR
    service = await PagefindService().launch()
    try:
        index = await service.create_index(IndexConfig(force_language=language))
        count = 0
        for glob in page_globs(pages):
            count += (await index.add_directory(str(site_dir), glob=glob))["page_count"]
        await index.write_files(output_path=str(output))
        await _written(service._backend.pid, output)
    finally:
        await service.close()
    return count


def page_globs(pages: list[str]) -> Iterator[str]:
    """Wax globs, relative to the site, that match the ``index.html`` of ``pages`` (``artikel/slug/``).

    Each names at most :data:`PAGES_AT_ONCE` pages of one folder:
    ``artikel/{slug-a,slug-b}/index.html``.
    """
    by_folder: dict[str, list[str]] = {}
    for url in pages:
        folder, _, name = url.strip("/").rpartition("/")
        by_folder.setdefault(folder, []).append(GLOB_SPECIAL.sub(r"\\\1", name))
    for folder, names in by_folder.items():
        base = GLOB_SPECIAL.sub(r"\\\1", folder) + "/" if folder else ""
        for start in range(0, len(names), PAGES_AT_ONCE):
            yield base + "{" + ",".join(names[start : start + PAGES_AT_ONCE]) + "}/index.html"


async def _written(pid: int, folder: Path, timeout: float = 120) -> None:
    """Wait until Pagefind (process ``pid``) has closed every file it opened under ``folder``.

    Pagefind answers "files written" once each write is handed to its I/O
    threads (tokio's ``File::write_all`` without a flush), and the service's
    ``close()`` then terminates it: on a loaded machine a file could be left
    empty (an empty ``pagefind-entry.json`` was seen in the suite). A file
    stays open until its write is done, so the process's open files under
    ``folder`` (``/proc/<pid>/fd``, Linux) are the signal that they are
    complete. Where there is no ``/proc``, this returns at once.
    """
    deadline = time.monotonic() + timeout
    while open_under(pid, folder):
        if time.monotonic() > deadline:
            raise TimeoutError(f"Pagefind masih menulis indeks setelah {timeout:.0f} detik (index not written in time)")
        await asyncio.sleep(0.01)


def open_under(pid: int, folder: Path) -> bool:
    """Whether process ``pid`` has a file under ``folder`` open (False if that cannot be known)."""
    prefix = str(folder.resolve()) + os.sep
    try:
        descriptors = list(Path(f"/proc/{pid}/fd").iterdir())
    except OSError:  # no /proc, or the process has ended
        return False
    for descriptor in descriptors:
        try:
            if os.readlink(descriptor).startswith(prefix):
                return True
        except OSError:  # closed meanwhile
            continue
    return False
