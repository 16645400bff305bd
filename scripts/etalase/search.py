"""Step 6, search index: index the built site with Pagefind.

Material's built-in search cannot serve Indonesian (lunr has no Indonesian
stemmer, and its single index is downloaded whole). Pagefind stems
Indonesian when pages say ``<html lang="id">`` ("bangun" finds
"pembangunan") and splits its index into small chunks that a browser fetches
only as a query needs them.

Only post content is indexed: the post template marks its article with
``data-pagefind-body``, so pages without it (listings, home) and the theme's
chrome are left out. Category and region are ``data-pagefind-filter`` facets.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

from . import pagefind_stable
from .pause import pause_point

OUTPUT_DIR = "pagefind"
"""Folder of the index inside the site; the search page loads its UI from here."""


def index_site(site_dir: Path, language: str = "id") -> int:
    """Write the Pagefind index into ``site_dir/pagefind``; returns the pages indexed.

    The index is then rewritten in a stable order (:mod:`etalase.pagefind_stable`),
    so that two builds of the same site write the same bytes.
    """
    count = asyncio.run(_index(site_dir, language))
    pause_point("search:indexed")
    pagefind_stable.stabilise(site_dir / OUTPUT_DIR)
    return count


async def _index(site_dir: Path, language: str) -> int:
    config = IndexConfig(force_language=language, output_path=str(site_dir / OUTPUT_DIR))
    async with PagefindIndex(config=config) as index:
        result = await index.add_directory(str(site_dir))
        return int(result["page_count"])
