"""The ``etalase`` MkDocs plugin: runs the pipeline inside an MkDocs build.

Steps, in the order MkDocs calls them:

1. ``on_config``: check the brand (:mod:`~etalase.content.brand`) and the category
   registry's theme pieces, load and validate ``content/``
   (:mod:`~etalase.content.load`, :mod:`~etalase.content.validate`), and put the generated
   pages in the navigation; any problem stops the build with every problem
   listed.
2. ``on_files``: process photos (:mod:`~etalase.photos.images`), decide the pages
   (:mod:`~etalase.build.pages`), draw share cards (:mod:`~etalase.build.share_cards`) and add
   all of them as virtual files (nothing is written into ``docs/``).
3. ``on_page_markdown``, ``on_page_content``: the guide's markers on
   hand-written pages. The generated pages are not MkDocs pages: MkDocs
   builds only the hand-written ones.
4. ``on_env``: once MkDocs has read the hand-written pages (so the
   navigation's titles are resolved), fingerprint every generated page and
   render the post bodies of those the page cache does not hold
   (:mod:`~etalase.build.render`); template globals (:mod:`~etalase.build.theme`);
   compile the templates and draw the generated pages with them
   (:mod:`~etalase.build.templates`), a share in each forked worker
   (:class:`~etalase.build.render.PageWork`).
5. ``on_page_context``: what a hand-written page tells search engines (:mod:`~etalase.build.seo`).
6. ``on_post_build``: the workers' and the cached pages into place, feeds (:mod:`~etalase.build.feeds`)
   and the search index (:mod:`~etalase.build.search_index`).

:mod:`etalase.api` drives the same plugin and adds what MkDocs does not do:
checking without building, the atomic switch to the new site, a result to read.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils.templates import TemplateContext

from etalase.authoring import schema_docs
from etalase.build import feeds, render, search_index, seo, theme
from etalase.build import share_cards as social
from etalase.build.guard import PostGuard
from etalase.build.options import EtalaseConfig
from etalase.build.pages import Page, PostPage, build_pages
from etalase.build.pause import pause_point
from etalase.build.prepare import Prepared, prepare
from etalase.build.templates import Templates
from etalase.content import urls
from etalase.content.brand import Brand
from etalase.content.categories import REGISTRY
from etalase.content.load import POST_FILE
from etalase.content.photo_files import PHOTO_SUFFIXES
from etalase.content.post_cache import FOLDER as POST_CACHE
from etalase.content.problems import Problem, display_path
from etalase.content.settings import parse_now
from etalase.content.structure import Content, Post
from etalase.photos.cache import prune_cache
from etalase.photos.process import process_photos
from etalase.photos.types import PhotoRequest, ProcessedPhoto
from etalase.utils.forked import Forked

log = logging.getLogger("mkdocs.plugins.etalase")

SITE_CARD = "(situs)"
"""Key of the site's own social card among the posts' (not a valid slug)."""


class EtalasePlugin(BasePlugin[EtalaseConfig]):
    """Builds a content hub from ``content/`` with the Material theme."""

    def __init__(self) -> None:
        self.prepared: Prepared | None = None
        """The brand and the valid content (:mod:`etalase.build.prepare`): given by :mod:`etalase.api`, or made by
        ``on_config`` when MkDocs runs by itself."""
        self.content: Content | None = None
        """Valid content, from :attr:`prepared`."""
        self.brand: Brand | None = None
        self.photos: dict[Path, ProcessedPhoto] = {}
        self.pages: dict[str, Page] = {}
        """Every generated page, by the source URI a hand-written page in its place would have (``wisata/index.md``)."""
        self.now: datetime = datetime.now(UTC)
        self.content_dir: Path = Path("content")
        self.problems: list[Problem] = []
        """What stopped the build, if content did: read by :mod:`etalase.api`."""
        self.hero: ProcessedPhoto | None = None
        """The brand's hero photo (``extra.brand.hero.photo``), processed like a post's photos."""
        self.category_photos: dict[str, ProcessedPhoto] = {}
        """The photo each category's page opens with (``extra.brand.categories.<id>.photo``), by category id."""
        self.cards: dict[str, social.Card] = {}
        """Social card of each post, by slug."""
        self.site: seo.Site | None = None
        self.guard = PostGuard(0)
        """Times each post page and names the post when drawing it fails (:mod:`etalase.build.guard`)."""
        self.timings: dict[str, float] = {}
        """Seconds spent in the plugin's own steps (photos, pages, search), read by :mod:`etalase.api`."""
        self.bodies: dict[str, str] = {}
        """The final HTML body of each post whose page is drawn in this build, by slug."""
        self.page_work = render.PageWork(Path(), "", 1)
        """Which pages come from the page cache and which process builds the others (:mod:`etalase.build.render`)."""
        self.counts: dict[str, int] = {}
        """Generated pages and post bodies taken from the cache or made anew, read by :mod:`etalase.api`."""
        self.nav: Navigation | None = None
        self.cache = Path()
        """This content folder's cache (:meth:`cache_for_content`), set by ``on_files``."""
        self.second_core: Forked[search_index.IndexResult | None] | None = None
        """What a forked process does while this one draws the pages (:func:`_second_core`)."""

    # -- 1 -----------------------------------------------------------------
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.guard = PostGuard(self.config.render_seconds)
        if self.prepared is None:  # MkDocs runs by itself (mkdocs serve): prepare here, from the plugin's options
            base = Path(config.config_file_path or ".").resolve().parent
            content_dir = (base / self.config.content_dir).resolve()
            self.prepared = prepare(
                config,
                content_dir,
                parse_now(self.config.now),
                self.config.preview_scheduled,
                self.cache_for_content(config, content_dir) / POST_CACHE,
            )
        self.fail_on(self.prepared.problems)
        content, brand = self.prepared.content, self.prepared.brand
        assert content is not None and brand is not None
        self.content, self.brand = content, brand
        self.now, self.content_dir = self.prepared.now, self.prepared.content_dir
        # What names the office on every page comes from the brand block.
        config.site_author = brand.author
        config.copyright = brand.copyright_line
        _date_build_by_content(content)
        return config

    def fail_on(self, problems: list[Problem]) -> None:
        """Stop the build, listing every problem, if there is any."""
        if problems:
            self.problems = sorted(set(problems))
            for problem in self.problems:
                log.error(problem.format())
            raise Abort(f"Konten bermasalah: {len(problems)} masalah (content has {len(problems)} problems)")

    # -- 2 -----------------------------------------------------------------
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.content is not None and self.brand is not None
        requests = [
            PhotoRequest(source=ref.file, post=post.slug, field=ref.shown, line=ref.line, index_md=post.source)
            for post in self.content.posts
            for ref in post.photos
        ] + [
            PhotoRequest(source=c.photo, post=f"kreator {c.id}", field="photo", line=None, index_md=c.source)
            for c in self.content.creators.values()
            if c.photo
        ]
        cache = self.cache_for_content(config)
        hero = self._hero_request(config)
        requests += [hero] if hero else []
        category_requests = self._category_photo_requests(config)
        requests += category_requests.values()
        with self._timed("photos"):
            result = process_photos(requests, self.config.images.settings(), cache / "images")
        self.fail_on(result.problems)
        pause_point("photos:done")
        self.photos = result.photos
        self.hero = self.photos.get(hero.source) if hero else None
        self.category_photos = {
            category_id: self.photos[request.source]
            for category_id, request in category_requests.items()
            if request.source in self.photos
        }
        prune_cache(cache / "images", self.photos.values())
        brand_photos = {request.source for request in (hero, *category_requests.values()) if request}
        _drop_original_photos(files, config, brand_photos)

        media = {  # linked into the site from the cache by the second core (below), not copied as MkDocs files
            rendition.url: rendition.file
            for photo in self.photos.values()
            for rendition in (*photo.renditions, photo.social, *photo.thumbs)
        }

        with self._timed("pages"):
            pages = build_pages(
                self.content,
                self.photos,
                per_page=self.config.posts_per_page,
                home_per_category=self.config.home_per_category,
                home_latest=self.config.home_latest,
                site_description=config.site_description or self.brand.tagline,
                now=self.now,
                brand=self.brand,
                site_url=config.site_url or "",
            )
        for page in pages:  # drawn by etalase.build.templates, not by MkDocs: a hand-written page in its place goes
            if page.src_uri in files.src_uris:
                files.remove(files.src_uris[page.src_uri])
            self.pages[page.src_uri] = page
            for path, text in page.attachments().items():
                files.append(File.generated(config, path, content=text))
        # The front-matter JSON Schema, for editors' autocompletion (replaces a local `make schema` copy).
        if schema_docs.SCHEMA_URI in files.src_uris:
            files.remove(files.src_uris[schema_docs.SCHEMA_URI])
        files.append(
            File.generated(config, schema_docs.SCHEMA_URI, content=schema_docs.json_schema_text(config.site_url))
        )
        self._add_social_cards(config, cache / "social")
        media.update({card.url: card.file for card in self.cards.values()})
        self.second_core = Forked(
            partial(
                _second_core,
                Path(config.site_dir),
                {url: file for url, file in media.items() if url not in files.src_uris},
                [page for page in pages if isinstance(page, PostPage)] if self.config.search else None,
                cache / "search",
            )
        )
        self.cache = cache
        return files

    def _render_bodies(self, config: MkDocsConfig, cache: Path, nav: Navigation) -> None:
        """Plan which pages come from the page cache, and render the bodies of the posts that do not.

        Runs once MkDocs has read every hand-written page (``on_env``): the
        navigation's titles, which every page's menus show, are resolved only then.
        """
        assert self.content is not None and self.site is not None
        digests = {post.slug: _source_digest(post) for post in self.content.posts}
        shared = render.shared_fingerprint(
            config,
            render.nav_outline(nav.items),
            [
                self.site,
                render.photo_shape(self.hero) if self.hero else None,
                {category_id: render.photo_shape(photo) for category_id, photo in self.category_photos.items()},
                self.brand,
                self.content.places,
            ],
        )
        self.page_work = render.PageWork(cache / "pages", shared, self._workers())
        with self._timed("pages"):
            self.page_work.plan(self.pages.values(), lambda post: digests[post.slug], extra=self._shown_besides)
        posts = [
            page.post for page in self.pages.values() if isinstance(page, PostPage) and self.page_work.needs_body(page)
        ]
        renderer = render.BodyRenderer(config, cache / "bodies", self.config.render_seconds, self._workers())
        with self._timed("bodies"):
            bodies, problems = renderer.render(posts, self.photos, keep=self.content.posts)
        self.fail_on(problems)
        self.counts = {
            **(self.prepared.counts if self.prepared else {}),
            "pages_cached": len(self.page_work.cached),
            "pages_built": len(self.page_work.keys) - len(self.page_work.cached),
            "bodies_cached": renderer.cached,
            "bodies_rendered": len(posts) - renderer.cached,
        }
        self.bodies = bodies

    def _shown_besides(self, page: Page) -> object:
        """What a page shows that its data does not hold: a post's share card and every photo of its body."""
        if not isinstance(page, PostPage):
            return None
        return self.cards.get(page.post.slug), [self.photos[ref.file] for ref in page.post.photos]

    def _workers(self) -> int:
        """Processes that render at once: ``workers``, or every core.

        Only a process with one thread forks: a fork copies locks that other
        threads may hold (``mkdocs serve`` rebuilds while its server runs threads).
        """
        if threading.active_count() > 1:
            return 1
        return max(1, self.config.workers or os.cpu_count() or 1)

    def cache_for_content(self, config: MkDocsConfig, content_dir: Path | None = None) -> Path:
        """The cache of this content folder (``content_dir``, by default the one being built).

        Each content folder has its own, so that building one (a test, a
        benchmark) never prunes the processed photos of another.
        """
        base = Path(config.config_file_path or ".").resolve().parent / self.config.cache_dir
        return base / content_cache_name(content_dir or self.content_dir)

    def _hero_request(self, config: MkDocsConfig) -> PhotoRequest | None:
        """The brand's hero photo, a file under ``docs/``, if the brand names one."""
        assert self.brand is not None
        if self.brand.hero is None:
            return None
        config_file = Path(config.config_file_path or "mkdocs.yml")
        return PhotoRequest(
            source=(Path(config.docs_dir) / self.brand.hero.photo).resolve(),
            post="extra.brand.hero",
            field="extra.brand.hero.photo",
            line=None,
            index_md=display_path(config_file),
        )

    def _category_photo_requests(self, config: MkDocsConfig) -> dict[str, PhotoRequest]:
        """The photos the brand gives category pages (``extra.brand.categories.<id>.photo``), files under ``docs/``."""
        assert self.brand is not None
        config_file = Path(config.config_file_path or "mkdocs.yml")
        requests = {}
        for category in REGISTRY:
            photo = self.brand.category_page(category.id).photo
            if photo:
                requests[category.id] = PhotoRequest(
                    source=(Path(config.docs_dir) / photo).resolve(),
                    post=f"extra.brand.categories.{category.id}",
                    field=f"extra.brand.categories.{category.id}.photo",
                    line=None,
                    index_md=display_path(config_file),
                )
        return requests

    def _add_social_cards(self, config: MkDocsConfig, cache: Path) -> None:
        """Draw each post's social card and the site's (see :mod:`etalase.build.share_cards`); set :attr:`site`."""
        assert self.content is not None and self.brand is not None
        site = seo.Site.from_config(config, self.brand)
        title_font = Path(config.docs_dir) / social.DISPLAY_FONT
        requests = {
            post.slug: social.CardRequest(
                background=self.photos[post.cover].social.file,
                background_key=_cache_name(self.photos[post.cover].social.file),
                kicker=post.category_label,
                title=post.meta.title,
                footer=f"{site.brand} · {site.address}",
                colour=self.brand.colour_of(post.category),
                name=post.slug,
                title_font=title_font,
            )
            for post in self.content.posts
        }
        if self.hero:
            requests[SITE_CARD] = social.CardRequest(
                background=self.hero.social.file,
                background_key=_cache_name(self.hero.social.file),
                kicker=site.brand,
                title=self.brand.tagline,
                footer=site.address,
                colour=self.brand.colors.primary,
                name="situs",
                title_font=title_font,
            )
        self.cards = social.render_cards(requests, cache)
        self.site = site.with_card(self.cards.get(SITE_CARD))

    # -- 3 -----------------------------------------------------------------
    def on_page_markdown(self, markdown: str, *, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri in self.pages:
            return markdown  # a generated page: its meta-data and body come from the pipeline (render.GeneratedPage)
        # Hand-written pages: the guide's field table and schema URL come from the schema.
        return schema_docs.expand_markers(markdown, self._guide(config))

    def _guide(self, config: MkDocsConfig) -> schema_docs.GuideContext:
        """The guide's examples from this regency's own regions, creators and time zone."""
        assert self.content is not None and self.brand is not None
        places = self.content.places
        kecamatan = next((pid for pid in places if "/" not in pid), None)
        desa = next((pid for pid in places if "/" in pid), None)
        creator = min(self.content.creators, default=None)
        neutral = schema_docs.GuideContext()
        newest: dict[str, Post] = {}
        for post in self.content.posts:  # newest first
            if not post.scheduled:
                newest.setdefault(post.category, post)
        return schema_docs.GuideContext(
            site_url=config.site_url,
            zone=self.brand.timezone,
            kecamatan=kecamatan or neutral.kecamatan,
            desa=desa or neutral.desa,
            creator=creator or neutral.creator,
            submit_url=urls.submit(self.brand.repository) if self.brand.repository else neutral.submit_url,
            today=self.now.astimezone(self.brand.zone).date(),
            posts=tuple(
                (category, (newest[category].bundle / POST_FILE).read_text(encoding="utf-8"))
                for category in REGISTRY.ids()
                if category in newest
            ),
        )

    @event_priority(100)  # before any other plugin sees the HTML
    def on_page_content(self, html: str, *, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri in self.pages:
            return html  # a post's body is final already (render.BodyRenderer)
        return theme.scrollable_tables(html)

    # -- 4 -----------------------------------------------------------------
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav = nav
        return nav

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Give templates their globals, then draw the generated pages, shared out among processes."""
        assert self.brand is not None and self.nav is not None and self.site is not None
        self._render_bodies(config, self.cache, self.nav)
        theme.install(env, brand=self.brand, hero=self.hero, category_photos=self.category_photos)
        env.globals["etalase_sitemap"] = [
            (self.site.absolute(page.url), page.lastmod.isoformat() if page.lastmod else "")
            for page in self.pages.values()
        ]
        generator = get_context(self.nav, files, config)["mkdocs_version"]  # MkDocs', or ProperDocs' own name
        templates = Templates(env, config, self.cache / "templates", generator)
        pages = list(self.pages.values())
        with self._timed("templates"):
            templates.compile({page.template for page in pages})
        self.page_work.build(pages, lambda page: self._draw(templates, page), Path(config.site_dir))
        self.bodies = {}  # drawn: the rest of the build needs neither the bodies nor the drawn parts
        templates.fragments.clear()
        return env

    def _draw(self, templates: Templates, page: Page) -> str:
        """The whole HTML of a generated page, drawn by its template; a post's failure names the post."""
        assert self.site is not None
        card = None
        if isinstance(page, PostPage):
            self.guard.enter(page.post.source, blame=False)
            card = self.cards.get(page.post.slug)
        body = self.bodies.get(page.post.slug, "") if isinstance(page, PostPage) else ""
        page_seo = seo.with_site_card(page.seo(self.site, card), self.site)
        html = templates.render(page, body, page_seo)
        self.guard.leave()
        return html

    # -- 5 -----------------------------------------------------------------
    def on_page_context(
        self, context: TemplateContext, *, page: MkDocsPage, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """``etalase_seo``: a hand-written page's Open Graph, JSON-LD and breadcrumbs (:mod:`etalase.build.seo`)."""
        assert self.site is not None
        page_seo = seo.hand_written_seo(
            self.site, page.title or config.site_name, page.url, page.meta.get("description", "")
        )
        context["etalase_seo"] = seo.with_site_card(page_seo, self.site)  # type: ignore[typeddict-unknown-key]
        return context

    def on_post_page(self, output: str, *, page: MkDocsPage, config: MkDocsConfig) -> str:
        return theme.finish_html(output)

    def on_build_error(self, *, error: Exception) -> None:
        """An error while a post was being rendered is that post's problem, reported by :mod:`etalase.api`."""
        _undate_build()
        self.abandon()
        problem = self.guard.problem(error)
        self.guard.leave()
        if problem:
            self.problems = [problem]

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        return theme.finish_html(output_content) if template_name.endswith(".html") else output_content

    # -- 6 -----------------------------------------------------------------
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.content is not None and self.site is not None
        _undate_build()  # every page and the sitemap are dated by now
        pause_point("pages:written")
        site_dir = Path(config.site_dir)
        self.fail_on(self.page_work.finish(site_dir))
        feeds.write_feeds(self.content, self.photos, self.site, site_dir, self.config.feed_size)
        if self.second_core is not None:
            with self._timed("search"):  # the wait for it: the index is written while the pages are drawn
                index, self.second_core = self.second_core.result(), None
            if index is not None:
                pause_point("search:indexed")
                log.info(
                    "Indeks pencarian: %d pos (%d distem ulang), %.2f s", index.posts, index.stemmed, index.seconds
                )

    def abandon(self) -> None:
        """The build failed: stop the processes still working for it (page shares, the second core)."""
        self.page_work.abandon()
        if self.second_core is not None:
            self.second_core.abandon()
            self.second_core = None

    @contextmanager
    def _timed(self, step: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.timings[step] = self.timings.get(step, 0.0) + time.perf_counter() - started

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        server.watch(str(self.content_dir))
        return server


def _second_core(
    site_dir: Path, media: dict[str, Path], posts: list[PostPage] | None, search_cache: Path
) -> search_index.IndexResult | None:
    """The build's second process, forked once every photo and share card is made (:mod:`etalase.utils.forked`):
    link the photos' renditions and the share cards from their caches into the site, then write the search
    index of ``posts`` (``None``: ``--no-search``). At 2,000 posts that is 8,000 links and 1,500 index files,
    done while the first process draws the pages."""
    render.place_files(media, site_dir)
    return search_index.build_index(site_dir, posts, search_cache) if posts is not None else None


def _cache_name(rendition: Path) -> str:
    """A rendition's name in the photo cache, ``<entry key>/<file>``: what it holds, wherever the cache is."""
    return f"{rendition.parent.name}/{rendition.name}"


def content_cache_name(content_dir: Path) -> str:
    """The name of a content folder's own cache folder under ``cache_dir``: from its absolute path."""
    return hashlib.sha256(str(content_dir).encode()).hexdigest()[:12]


_epoch_set: str | None = None
"""The ``SOURCE_DATE_EPOCH`` this module set for the build under way (None: none, or the caller's own)."""


def _date_build_by_content(content: Content) -> None:
    """Date the build by its newest post, not the clock, so two builds of the same content are identical.

    MkDocs dates every page, the sitemap and its gzip header with the build
    date, or with ``SOURCE_DATE_EPOCH`` when set (reproducible-builds.org);
    a value set by the caller wins. Ours is taken back when the build ends
    (:func:`_undate_build`): a process that builds and then starts another
    build (a test suite, a tool) must not hand it this content's date.
    """
    global _epoch_set
    given = os.environ.get("SOURCE_DATE_EPOCH")
    if given is not None and given != _epoch_set:
        return
    newest = content.newest_change()
    _epoch_set = os.environ["SOURCE_DATE_EPOCH"] = str(int(newest.timestamp()) if newest else 0)


def _undate_build() -> None:
    """Take back the ``SOURCE_DATE_EPOCH`` that :func:`_date_build_by_content` set, if it is still ours."""
    global _epoch_set
    if _epoch_set is not None and os.environ.get("SOURCE_DATE_EPOCH") == _epoch_set:
        del os.environ["SOURCE_DATE_EPOCH"]
    _epoch_set = None


BRAND_FOLDER = Path("assets") / "brand"
"""The brand's files under ``docs/``: the logo, the hero and the category pages' photos (README, re-branding)."""


def _drop_original_photos(files: Files, config: MkDocsConfig, brand_photos: set[Path]) -> None:
    """Keep every photo under ``docs/`` out of the site: only processed renditions are published.

    An original is heavy and may carry EXIF and GPS. The brand's photos (the hero, the category
    pages' photos) are processed (see :meth:`EtalasePlugin._hero_request`); a photo in the brand's
    folder that the brand does not name (the demo's, after a re-brand) is left out quietly; any other
    is named in a warning.
    """
    docs = Path(config.docs_dir).resolve()
    brand_folder = docs / BRAND_FOLDER
    for file in list(files):
        if file.generated_by or not file.abs_src_path or not file.src_uri.lower().endswith(PHOTO_SUFFIXES):
            continue
        source = Path(file.abs_src_path).resolve()
        if not source.is_relative_to(docs):
            continue
        files.remove(file)
        if source not in brand_photos and not source.is_relative_to(brand_folder):
            log.warning(
                "foto asli di docs/ tidak diterbitkan: %s; pakai foto di pos (content/) "
                "(original photo in docs/ not published: use photos in a post bundle)",
                file.src_uri,
            )


def _source_digest(post: Post) -> str:
    """What a post is made of (a page showing it changes when it does): its ``index.md``.

    The file's digest is known from loading it (:mod:`etalase.content.post_cache`); the front matter and the
    body are hashed only for a post loaded without it. Not where it is: a checkout moved elsewhere (a cache
    restored on another runner) keeps its pages.
    """
    if post.digest:
        return post.digest
    return hashlib.sha256((post.meta.model_dump_json() + "\0" + post.body).encode("utf-8", "surrogatepass")).hexdigest()
