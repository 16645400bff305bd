"""The ``etalase`` MkDocs plugin: runs the pipeline inside an MkDocs build.

Steps, in the order MkDocs calls them:

1. ``on_config``: load and validate ``content/`` (:mod:`~etalase.load`,
   :mod:`~etalase.validate`); any problem stops the build with every problem
   listed.
2. ``on_files``: process photos (:mod:`~etalase.images`), decide the pages
   (:mod:`~etalase.pages`) and add both as virtual files; nothing is written
   into ``docs/``.
3. ``on_page_markdown``: give each generated page its template and data.
4. ``on_page_content``: sanitise post HTML (:mod:`~etalase.sanitize`) and
   turn body photos into responsive ``<picture>`` elements.
5. ``on_post_build``: feeds and the search index (:mod:`~etalase.search`).

``scripts/build.py`` drives the same plugin and adds what MkDocs does not do:
``--check``, the atomic switch to the new site, exit codes.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime, timezone
from html import escape, unescape
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from . import feeds, search
from .config import EtalaseConfig
from .images import ImageSettings, PhotoRequest, ProcessedPhoto, picture_html, process_photos, prune_cache
from .load import load_content
from .markdown_refs import PHOTO_SCHEME, rewrite_local_targets
from .pages import MONTHS, PageSpec, build_pages
from .problems import Problem
from .sanitize import clean_html
from .schema import CATEGORY_LABELS, PROJECT_STATUS_LABELS
from .structure import Content
from .validate import validate

log = logging.getLogger("mkdocs.plugins.etalase")


class EtalasePlugin(BasePlugin[EtalaseConfig]):
    """Builds a content hub from ``content/`` with the Material theme."""

    def __init__(self) -> None:
        self.content: Content | None = None
        """Valid content; set by ``on_config``, or beforehand by ``scripts/build.py``."""
        self.photos: dict[Path, ProcessedPhoto] = {}
        self.specs: dict[str, PageSpec] = {}
        self.now: datetime = datetime.now(timezone.utc)
        self.content_dir: Path = Path("content")
        self.problems: list[Problem] = []

    # -- 1 -----------------------------------------------------------------
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        base = Path(config.config_file_path or ".").resolve().parent
        self.content_dir = (base / self.config.content_dir).resolve()
        if self.config.now:
            self.now = datetime.fromisoformat(self.config.now)
        if self.content is None:
            content, problems = validate(load_content(self.content_dir), self.now)
            self.fail_on(problems)
            self.content = content
        return config

    def fail_on(self, problems: list[Problem]) -> None:
        """Stop the build, listing every problem, if there is any."""
        if problems:
            self.problems = problems
            for problem in problems:
                log.error(problem.format())
            raise Abort(f"Konten bermasalah: {len(problems)} masalah (content has {len(problems)} problems)")

    # -- 2 -----------------------------------------------------------------
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.content is not None
        settings = self.image_settings()
        requests = [
            PhotoRequest(source=ref.file, post=post.slug, field=ref.field, line=ref.line, index_md=post.source)
            for post in self.content.posts for ref in post.photos
        ] + [
            PhotoRequest(source=c.photo, post=f"kreator {c.id}", field="photo", line=None, index_md=c.source)
            for c in self.content.creators.values() if c.photo
        ]
        cache = Path(config.config_file_path or ".").resolve().parent / self.config.cache_dir
        result = process_photos(requests, settings, cache / "images")
        self.fail_on(result.problems)
        self.photos = result.photos
        prune_cache(cache / "images", self.photos.values())

        for photo in sorted(self.photos.values(), key=lambda p: str(p.source)):
            for rendition in (*photo.renditions, photo.social, photo.thumb):
                if rendition.url not in files.src_uris:
                    files.append(File.generated(config, rendition.url, abs_src_path=str(rendition.file)))

        brand = config.extra.get("brand", {})
        pages = build_pages(
            self.content, self.photos,
            per_page=self.config.posts_per_page,
            home_per_category=self.config.home_per_category,
            home_latest=self.config.home_latest,
            site_description=config.site_description or brand.get("tagline", ""),
        )
        for spec in pages:
            if spec.src_uri in files.src_uris:
                files.remove(files.src_uris[spec.src_uri])
            markdown = spec.markdown
            if spec.kind == "post":
                markdown = rewrite_local_targets(markdown, lambda name: PHOTO_SCHEME + name)
            # Only the home and category pages are in mkdocs.yml's nav; the rest are linked from them.
            files.append(File.generated(config, spec.src_uri, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV))
            self.specs[spec.src_uri] = spec
        return files

    def image_settings(self) -> ImageSettings:
        images = self.config.images
        return ImageSettings(
            widths=tuple(images.widths),
            webp_quality=images.webp_quality,
            jpeg_quality=images.jpeg_quality,
            max_pixels=images.max_megapixels * 1_000_000,
            max_bytes=images.max_megabytes * 1024 * 1024,
        )

    # -- 3 -----------------------------------------------------------------
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        spec = self.specs.get(page.file.src_uri)
        if spec is not None:
            # Generated pages get their meta-data from the pipeline only.
            page.meta = {"title": spec.title, "template": spec.template, "description": spec.description,
                         "hide": ["navigation", "toc"], "etalase": spec}
        return markdown

    # -- 4 -----------------------------------------------------------------
    @event_priority(100)  # before any other plugin sees the HTML
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        spec = self.specs.get(page.file.src_uri)
        if spec is None or spec.kind != "post":
            return html
        post = spec.context["post"]
        by_name = {ref.file.relative_to(post.bundle).as_posix(): self.photos[ref.file] for ref in post.photos}
        prefix = _root_prefix(page)
        return _link_photos(clean_html(html), by_name, prefix)

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        env.globals["etalase_categories"] = CATEGORY_LABELS
        env.globals["etalase_status_labels"] = PROJECT_STATUS_LABELS
        env.globals["picture"] = _picture_global
        env.filters["rupiah"] = rupiah
        env.filters["tanggal"] = tanggal
        return env

    # -- 5 -----------------------------------------------------------------
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.content is not None
        site_dir = Path(config.site_dir)
        feeds.write_feeds(self.content, self.photos, config, site_dir, self.config.feed_size)
        if self.config.search:
            count = search.index_site(site_dir)
            log.info("Pagefind: %d halaman diindeks", count)

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        server.watch(str(self.content_dir))
        return server


def _root_prefix(page: Page) -> str:
    """Relative path from ``page`` to the site root, e.g. ``../../``."""
    depth = page.file.url.count("/") if page.file.url else 0
    return "../" * depth


_IMG = re.compile(r'<img src="' + re.escape(PHOTO_SCHEME) + r'([^"]*)"([^>]*)>')
_ALT = re.compile(r'alt="([^"]*)"')
_A = re.compile(r'<a href="' + re.escape(PHOTO_SCHEME) + r'([^"]*)"')


def _link_photos(html: str, by_name: dict[str, ProcessedPhoto], prefix: str) -> str:
    """Body photos become ``<picture>``; links to a photo point at its largest JPEG."""
    def picture(match: re.Match[str]) -> str:
        photo = by_name.get(match.group(1))
        alt_match = _ALT.search(match.group(2))
        alt = unescape(alt_match.group(1)) if alt_match else ""
        return picture_html(photo, alt, url_prefix=prefix) if photo else ""

    def link(match: re.Match[str]) -> str:
        photo = by_name.get(match.group(1))
        href = prefix + photo.largest("jpeg").url if photo else "#"
        return f'<a href="{escape(href)}"'

    return _A.sub(link, _IMG.sub(picture, html))


def _picture_global(photo: ProcessedPhoto, alt: str, base_url: str, **options: Any) -> Markup:
    """``{{ picture(photo, alt, base_url) }}`` in templates."""
    prefix = base_url.rstrip("/") + "/" if base_url not in ("", ".") else ""
    return Markup(picture_html(photo, alt, url_prefix=prefix, **options))


def rupiah(amount: int) -> str:
    """``1500000`` → ``Rp1.500.000``."""
    return "Rp" + f"{amount:,}".replace(",", ".")


def tanggal(moment: datetime, with_time: bool = False) -> str:
    """``2026-10-12 08:00+07:00`` → ``12 Oktober 2026`` (``, 08.00 WIB`` with time)."""
    text = f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}"
    if with_time:
        zone = {7: "WIB", 8: "WITA", 9: "WIT"}.get(int(moment.utcoffset().total_seconds() // 3600), "")
        text += f", {moment:%H.%M} {zone}".rstrip()
    return text

