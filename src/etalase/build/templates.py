"""The visitors' pages drawn straight from the theme's Jinja environment, outside MkDocs' per-page build.

MkDocs builds the pages it knows (the contributor guide, the hand-written
pages); the pages made from content (home, categories, posts, the agenda…)
are not MkDocs pages at all. Each is one template of ``overrides/etalase/``
rendered with the environment MkDocs made for the theme (its loaders, its
``url`` filter, the globals of :mod:`etalase.build.theme`), given the
context those templates read:

* ``page`` (:class:`TemplatePage`): the page's title, URL, canonical URL,
  ``meta`` (``meta.etalase`` is the generated page, :mod:`etalase.build.pages`)
  and, for a post, its final body;
* ``config``, ``base_url`` and ``mkdocs_version``, as MkDocs gives its own pages (the version is taken
  from the context of the tool that runs: MkDocs, or ProperDocs, which names itself there);
* ``etalase_seo``: what the page tells search engines (:mod:`etalase.build.seo`).

Templates are compiled once per build, in the process that forks the page
workers (:meth:`Templates.compile`), and their bytecode is kept between
builds (:class:`jinja2.FileSystemBytecodeCache`) in a folder named by the
pipeline's code digest (:func:`~etalase.content.digests.code_digest`, which
holds the versions of Jinja, MkDocs and the theme): Jinja itself checks each
template's source against its checksum, and everything else that shapes the
compiled code (the autoescape rule, the Jinja version) is our code or its
pinned dependencies.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from jinja2 import Environment, FileSystemBytecodeCache, Template, pass_context
from jinja2.bccache import Bucket
from jinja2.runtime import Context
from markupsafe import Markup
from markupsafe import escape as escape_html
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import get_relative_url

from etalase.build.pages import Page
from etalase.content.digests import code_digest

OWN_FOLDERS = ("etalase", "partials/etalase")
"""Folders of the theme's custom folder whose templates are compiled before the workers fork."""


class BytecodeCache(FileSystemBytecodeCache):
    """Jinja's bytecode files, where an entry that does not load back (cut short, damaged) is compiled again."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 - any unreadable entry is a miss, never a failed build
            bucket.reset()


class TemplatePage:
    """What a visitor page's template reads as ``page``: the part of an MkDocs page our templates use."""

    def __init__(self, generated: Page, site_url: str | None, content: str = ""):
        self.generated = generated
        self.title = generated.title
        self.url = generated.url
        """The page's URL relative to the site's root (``""``, ``wisata/``, ``wisata/pantai-x/``)."""
        self.canonical_url: str | None = urljoin(site_url.rstrip("/") + "/", self.url) if site_url else None
        self.is_homepage = self.url == ""
        self.content = content
        """The page's final HTML body (posts only)."""
        # Title and description are contributed text: escaped here, as MkDocs' page meta-data would be.
        self.meta: dict[str, Any] = {
            "title": escape_html(generated.title),
            "template": generated.template,
            "description": escape_html(generated.description),
            "etalase": generated,
        }

    @property
    def base_url(self) -> str:
        """The way from this page to the site's root (``.``, ``..``, ``../..``), as MkDocs gives it to templates."""
        return get_relative_url(".", self.url)


CARD = "partials/etalase/card.html"


class Fragments:
    """Parts that many pages show alike, drawn once per build for each way they are shown: cards, header, footer.

    ``etalase_card(card, featured=…, heading=…)`` draws a post's card (:data:`CARD`): the same card is on
    the home page, its category's, its place's and its creator's listings, the archive and other posts'
    related lists. What it shows depends on the card, the two options and ``base_url`` (its links are made
    from the root, :func:`etalase.build.theme.from_root`), which are its key; the card objects live as long as
    the build (:func:`etalase.build.pages.build_pages` makes one per post), and each is kept with its HTML so
    that its id is not reused meanwhile.
    """

    def __init__(self, env: Environment):
        self.env = env
        self.drawn: dict[tuple[int, bool, int, str], tuple[object, Markup]] = {}
        self.parts: dict[tuple[str, str, tuple[tuple[str, Any], ...]], Markup] = {}

    def clear(self) -> None:
        """Forget what was drawn (the pages are drawn): at 10,000 posts the cards alone are tens of MiB."""
        self.drawn.clear()
        self.parts.clear()

    @pass_context
    def part(self, context: Context, name: str, **values: Any) -> Markup:
        """``etalase_fragment(name, **values)``: the template ``name`` (the header, the tabs, the footer) drawn
        once for each ``base_url`` and ``values``, which must be all it reads besides the globals and ``config``.

        It is drawn without ``page``: MkDocs' ``url`` filter then makes a link from ``base_url`` too.
        """
        key = (name, context["base_url"], tuple(sorted(values.items())))
        known = self.parts.get(key)
        if known is None:
            known = self.parts[key] = Markup(
                self.env.get_template(name).render(
                    base_url=context["base_url"], config=context["config"], page=None, **values
                )
            )
        return known

    @pass_context
    def card(self, context: Context, card: Any, featured: bool = False, heading: int = 3) -> Markup:
        base_url = context["base_url"]
        key = (id(card), bool(featured), heading, base_url)
        known = self.drawn.get(key)
        if known is None:
            html = self.env.get_template(CARD).render(
                card=card, featured=featured, heading=heading, base_url=base_url, config=context["config"]
            )
            known = self.drawn[key] = (card, Markup(html))
        return known[1]


class Templates:
    """The theme's Jinja environment, compiled once, its bytecode kept between builds."""

    def __init__(self, env: Environment, config: MkDocsConfig, cache_dir: Path, generator: str):
        self.env = env
        self.config = config
        self.generator = generator
        """``mkdocs_version`` of the context the running tool gives its own pages."""
        self.fragments = fragments = Fragments(env)
        env.globals.update(etalase_card=fragments.card, etalase_fragment=fragments.part)
        self.cache_dir = cache_dir
        """The bytecode cache's folder (``<cache>/templates``): one sub-folder per code digest."""

    def compile(self, names: Iterable[str]) -> None:
        """Compile ``names`` and every template under :data:`OWN_FOLDERS` now, through the bytecode cache.

        Called before the page workers fork: they inherit the compiled
        templates instead of compiling each of them again. A template only
        some pages include (Material's icons) is compiled when first needed,
        from the bytecode cache after the first build.
        """
        folder = self.cache_dir / code_digest()[:16]
        folder.mkdir(parents=True, exist_ok=True)
        for old in self.cache_dir.iterdir():  # bytecode of other code is never read again
            if old != folder:
                shutil.rmtree(old, ignore_errors=True)
        self.env.bytecode_cache = BytecodeCache(str(folder))
        wanted = set(names)
        custom = self.config.theme.custom_dir
        if custom:
            for sub in OWN_FOLDERS:
                for path in sorted((Path(custom) / sub).glob("*.html")):
                    wanted.add(path.relative_to(custom).as_posix())
        for name in sorted(wanted):
            self.env.get_template(name)

    def template(self, name: str) -> Template:
        return self.env.get_template(name)

    def render(self, generated: Page, body: str, page_seo: Any) -> str:
        """The whole HTML document of a generated page (``body``: a post's final body), drawn by its template."""
        page = TemplatePage(generated, self.config.site_url, body)
        context = {
            "config": self.config,
            "page": page,
            "base_url": page.base_url,
            "mkdocs_version": self.generator,
            "etalase_seo": page_seo,
        }
        return self.template(generated.template).render(context)
