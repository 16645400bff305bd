"""A small real site: one post of the demo content, built with the repository's theme.

For tests that need a site the demo does not give (another hero photo, a post
with videos) without processing every demo photo again: the post's bundle, the
creators and the regions are copied, and only the post's own photos (and the
hero) go through the photo pipeline.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import DEMO_CONTENT, ROOT, run_build

POST = "lomba-tabuh-gendang-pasar-lama"
"""A published post of the demo with a single photo."""


def one_post_content(folder: Path, front_matter: str = "") -> Path:
    """Content under ``folder`` with the demo's creators, regions and :data:`POST`, ``front_matter`` lines added."""
    content = folder / "content"
    (content / "posts").mkdir(parents=True)
    shutil.copytree(DEMO_CONTENT / "creators", content / "creators")
    shutil.copy(DEMO_CONTENT / "regions.yml", content / "regions.yml")
    bundle = shutil.copytree(DEMO_CONTENT / "posts" / POST, content / "posts" / POST)
    index = bundle / "index.md"
    text = index.read_text(encoding="utf-8")
    end = text.index("\n---", 3)
    index.write_text(text[:end] + "\n" + front_matter.rstrip("\n") + text[end:], encoding="utf-8")
    return content


def build(folder: Path, name: str, content: Path, hero: Path | None = None) -> Path:
    """Build ``content`` with the repository's ``mkdocs.yml`` and theme into ``folder/name``; returns the site.

    With ``hero``, the hand-written pages are copied and ``hero`` replaces the brand's
    hero photo. Sites built in one ``folder`` from one ``content`` share a photo cache.
    """
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    docs = ROOT / "docs"
    if hero is not None:
        docs = shutil.copytree(docs, folder / f"docs-{name}")
        shutil.copy(hero, docs / "assets" / "brand" / "hero.jpg")
    config = config.replace("docs_dir: docs", f"docs_dir: {docs}")
    config = config.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    config_file = folder / f"mkdocs-{name}.yml"
    config_file.write_text(config, encoding="utf-8")
    site = folder / name
    result = run_build("--config", config_file, "--content", content, "--site-dir", site, "--no-search", cwd=folder)
    assert result.returncode == 0, result.stdout + result.stderr
    return site
