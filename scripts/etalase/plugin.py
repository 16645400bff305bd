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

import dataclasses
import hashlib
import logging
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import escape as escape_html
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from . import feeds, issue_form, schema_docs, search, seo, social, theme
from .config import EtalaseConfig
from .guard import PostGuard
from .images import ImageSettings, PhotoRequest, ProcessedPhoto, picture_html, process_photos, prune_cache
from .load import load_content
from .markdown_refs import photo_ref, rewrite_local_targets
from .pages import PageSpec, build_pages
from .problems import Problem
from .sanitize import clean_html, link_photos
from .structure import Content
from .validate import PHOTO_SUFFIXES, validate

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
        self.hero: ProcessedPhoto | None = None
        """The brand's hero photo (``extra.brand.hero.photo``), processed like a post's photos."""
        self.cards: dict[str, social.Card] = {}
        """Social card of each post, by slug."""
        self.site: seo.Site | None = None
        self.guard = PostGuard(0)
        """Times each post page and names the post when rendering it fails (:mod:`etalase.guard`)."""

    # -- 1 -----------------------------------------------------------------
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        base = Path(config.config_file_path or ".").resolve().parent
        self.content_dir = (base / self.config.content_dir).resolve()
        if self.config.now:
            self.now = datetime.fromisoformat(self.config.now)
        self.guard = PostGuard(self.config.render_seconds)
        if self.content is None:
            content, problems = validate(load_content(self.content_dir), self.now)
            self.fail_on(problems)
            self.content = content
        _date_build_by_content(self.content)
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
        cache = self.cache_for_content(config)
        hero = self._hero_request(config)
        requests += [hero] if hero else []
        result = process_photos(requests, settings, cache / "images")
        self.fail_on(result.problems)
        self.photos = result.photos
        self.hero = self.photos.get(hero.source) if hero else None
        prune_cache(cache / "images", self.photos.values())
        _drop_original_photos(files, config, hero.source if hero else None)

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
                markdown = rewrite_local_targets(markdown, photo_ref)
            # Only the home and category pages are in mkdocs.yml's nav; the rest are linked from them.
            files.append(File.generated(config, spec.src_uri, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV))
            self.specs[spec.src_uri] = spec

        # The front-matter JSON Schema, for editors' autocompletion (replaces a local `make schema` copy).
        if schema_docs.SCHEMA_URI in files.src_uris:
            files.remove(files.src_uris[schema_docs.SCHEMA_URI])
        files.append(File.generated(config, schema_docs.SCHEMA_URI,
                                    content=schema_docs.json_schema_text(config.site_url)))
        self._add_social_cards(files, config, cache / "social")
        return files

    def cache_for_content(self, config: MkDocsConfig) -> Path:
        """The cache of this content folder.

        Each content folder has its own, so that building one (a test, a
        benchmark) never prunes the processed photos of another.
        """
        base = Path(config.config_file_path or ".").resolve().parent / self.config.cache_dir
        return base / hashlib.sha256(str(self.content_dir).encode()).hexdigest()[:12]

    def _hero_request(self, config: MkDocsConfig) -> PhotoRequest | None:
        """The brand's hero photo, a file under ``docs/``, if ``mkdocs.yml`` names one."""
        photo = config.extra.get("brand", {}).get("hero", {}).get("photo")
        if not photo:
            return None
        config_file = Path(config.config_file_path or "mkdocs.yml")
        return PhotoRequest(source=(Path(config.docs_dir) / photo).resolve(), post="extra.brand.hero",
                            field="extra.brand.hero.photo", line=None, index_md=config_file)

    def _add_social_cards(self, files: Files, config: MkDocsConfig, cache: Path) -> None:
        """Draw each post's social card and the site's (see :mod:`etalase.social`); set :attr:`site`."""
        assert self.content is not None
        site = seo.Site.from_config(config)
        brand = config.extra.get("brand", {})
        colours = brand.get("colors", {})
        requests = {
            post.slug: social.CardRequest(
                background=self.photos[post.cover].social.file, kicker=post.category_label,
                title=post.meta.title, footer=f"{site.brand} · {site.host}",
                colour=colours.get("categories", {}).get(post.category, colours.get("primary", "#000000")),
                name=post.slug)
            for post in self.content.posts
        }
        if self.hero:
            requests[SITE_CARD] = social.CardRequest(
                background=self.hero.social.file, kicker=site.brand, title=brand.get("tagline", site.description),
                footer=site.host, colour=colours.get("primary", "#000000"), name="situs")
        self.cards = social.render_cards(requests, cache)
        for card in self.cards.values():
            files.append(File.generated(config, card.url, abs_src_path=str(card.file)))
        self.site = dataclasses.replace(site, card=self.cards.get(SITE_CARD))

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
            # Generated pages get their meta-data from the pipeline only. Title and description are
            # contributed text and Material's templates print them unescaped: escape them here.
            page.meta = {"title": escape_html(spec.title), "template": spec.template,
                         "description": escape_html(spec.description),
                         "hide": ["navigation", "toc"], "etalase": spec}
            if spec.kind == "post":
                self.guard.enter(spec.context["post"].source, blame=True)  # until on_page_content
        else:
            # Hand-written pages: the guide's field table and schema URL come from the schema, the submit button's
            # address from extra.brand.repository.
            markdown = issue_form.expand_markers(schema_docs.expand_markers(markdown, config.site_url), config)
        return markdown

    # -- 4 -----------------------------------------------------------------
    @event_priority(100)  # before any other plugin sees the HTML
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        spec = self.specs.get(page.file.src_uri)
        if spec is None or spec.kind != "post":
            return theme.scrollable_tables(html)
        post = spec.context["post"]
        by_name = {ref.file.relative_to(post.bundle).as_posix(): self.photos[ref.file] for ref in post.photos}
        prefix = _root_prefix(page)
        html = theme.scrollable_tables(_link_photos(clean_html(html, site_url=config.site_url), by_name, prefix))
        self.guard.leave()
        return html

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        theme.install(env, hero=self.hero, places=self.content.places if self.content else {}, lastmod=self._lastmod)
        return env

    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        """``etalase_seo``: the page's Open Graph, JSON-LD and breadcrumbs (:mod:`etalase.seo`)."""
        assert self.site is not None
        spec = self.specs.get(page.file.src_uri)
        if spec is not None and spec.kind == "post":
            self.guard.enter(spec.context["post"].source, blame=False)  # until on_post_page
        card = self.cards.get(spec.context["post"].slug) if spec is not None and spec.kind == "post" else None
        title = spec.title if spec is not None else page.title or config.site_name
        description = spec.description if spec is not None else page.meta.get("description", "")
        context["etalase_seo"] = seo.page_seo(self.site, spec, title=title, path=page.url,
                                              description=description, card=card)
        return context

    def _lastmod(self, page: Page) -> str:
        """The sitemap's ``lastmod`` of ``page``: from the content, never the build time (``""``: none)."""
        assert self.content is not None
        newest = seo.newest_change(self.content.posts)
        moment = seo.lastmod(self.specs.get(page.file.src_uri), newest)
        return moment.isoformat() if moment else ""

    # -- 5 -----------------------------------------------------------------
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        self.guard.leave()
        return theme.finish_html(output)

    def on_build_error(self, *, error: Exception) -> None:
        """An error while a post was being rendered is that post's problem, reported by ``scripts/build.py``."""
        problem = self.guard.problem(error)
        self.guard.leave()
        if problem:
            self.problems = [problem]

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        return theme.finish_html(output_content) if template_name.endswith(".html") else output_content

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


SITE_CARD = "(situs)"
"""Key of the site's own social card among the posts' (not a valid slug)."""

_EPOCH_GIVEN = "SOURCE_DATE_EPOCH" in os.environ


def _date_build_by_content(content: Content) -> None:
    """Date the build by its newest post, not the clock, so two builds of the same content are identical.

    MkDocs dates every page, the sitemap and its gzip header with the build
    date, or with ``SOURCE_DATE_EPOCH`` when set (reproducible-builds.org);
    a value set by the caller wins.
    """
    if not _EPOCH_GIVEN:
        newest = seo.newest_change(content.posts)
        os.environ["SOURCE_DATE_EPOCH"] = str(int(newest.timestamp()) if newest else 0)


def _drop_original_photos(files: Files, config: MkDocsConfig, hero: Path | None) -> None:
    """Keep every photo under ``docs/`` out of the site: only processed renditions are published.

    An original is heavy and may carry EXIF and GPS. The hero is processed
    (see :meth:`EtalasePlugin._hero_request`); any other is named in a warning.
    """
    docs = Path(config.docs_dir).resolve()
    for file in list(files):
        if file.generated_by or not file.abs_src_path or not file.src_uri.lower().endswith(PHOTO_SUFFIXES):
            continue
        source = Path(file.abs_src_path).resolve()
        if not source.is_relative_to(docs):
            continue
        files.remove(file)
        if source != hero:
            log.warning("foto asli di docs/ tidak diterbitkan: %s; pakai foto di pos (content/) "
                        "(original photo in docs/ not published: use photos in a post bundle)", file.src_uri)


def _root_prefix(page: Page) -> str:
    """Relative path from ``page`` to the site root, e.g. ``../../``."""
    depth = page.file.url.count("/") if page.file.url else 0
    return "../" * depth


def _link_photos(html: str, by_name: dict[str, ProcessedPhoto], prefix: str) -> str:
    """Body photos become ``<picture>``; links to a photo point at its largest JPEG."""
    def picture(name: str, alt: str) -> str | None:
        photo = by_name.get(name)
        return picture_html(photo, alt, url_prefix=prefix) if photo else None

    def href(name: str) -> str | None:
        photo = by_name.get(name)
        return prefix + photo.largest("jpeg").url if photo else None

    return link_photos(html, picture, href)
