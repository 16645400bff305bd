"""What search engines and chat apps read of a page: JSON-LD, Open Graph, breadcrumbs.

Python builds plain dicts and lists here; the templates only print them
(``tojson`` for JSON-LD, one ``<meta>`` per Open Graph pair), so the rules
live in one place and can be tested without a browser.

* Every post is a schema.org ``BlogPosting`` (headline, image, dates, authors
  as ``Person`` with the URL of their creator page, publisher). Its category
  adds the thing it is about, built by the category's entry in
  :mod:`etalase.content.categories`: ``TouristAttraction`` (wisata), ``LocalBusiness``
  (umkm), ``Event`` (budaya with dates; a living tradition has none).
* Every page but the home page has a ``BreadcrumbList``; the same crumbs are
  drawn on the page, so what a search result shows is what a reader sees.
* The home page describes the site (``WebSite`` with its search) and the
  regency's office (``GovernmentOrganization``).
* The share image of a post is its social card (:mod:`etalase.build.share_cards`:
  the cover's 1200x630 crop with the category, title and regency drawn on
  it); other pages share the site card (the brand hero with the regency's
  name and tagline). Drawn rather than the bare crop because a picture
  forwarded in a chat, or screenshotted, loses the link text beside it; the
  card still says what it shows and whose it is. The font is bundled (a
  pinned PyPI package), so cards are built offline.

All URLs are absolute, from ``site_url``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig

from etalase.build.share_cards import Card
from etalase.content import urls
from etalase.content.brand import Brand
from etalase.content.categories import EntityContext
from etalase.content.structure import CreatorEntry, Place, Post
from etalase.photos.types import ProcessedPhoto

SCHEMA = "https://schema.org"
HOME_LABEL = "Beranda"


@dataclass(frozen=True)
class Site:
    """What every page says about the site, from ``mkdocs.yml`` and its brand block."""

    name: str
    """``site_name``."""
    url: str
    """``site_url``, ending in ``/``."""
    description: str
    brand: str
    """The regency's name (``extra.brand.name``)."""
    logo: str | None = None
    """Absolute URL of the logo."""
    same_as: tuple[str, ...] = ()
    """The office's social accounts."""
    email: str | None = None
    address_line: str | None = None
    """The office's postal address."""
    card: Card | None = None
    """The share image of pages that have none of their own."""
    card_alt: str = ""

    @classmethod
    def from_config(cls, config: MkDocsConfig, brand: Brand) -> Site:
        """The site as ``mkdocs.yml`` describes it (without a share card: see :meth:`with_card`)."""
        url = (config.site_url or "/").rstrip("/") + "/"
        logo = config.theme.get("logo")
        return cls(
            name=config.site_name,
            url=url,
            description=config.site_description or brand.tagline,
            brand=brand.name,
            logo=url + logo if logo else None,
            same_as=tuple(str(link) for link in brand.social.model_dump().values() if link),
            email=brand.contact.email,
            address_line=brand.contact.address,
            card_alt=brand.hero.alt if brand.hero else "",
        )

    def with_card(self, card: Card | None) -> Site:
        return replace(self, card=card)

    @property
    def host(self) -> str:
        return urlsplit(self.url).netloc or self.url

    @property
    def address(self) -> str:
        """The site's address as people type it: host and path, no scheme (``pemda.github.io/etalase``)."""
        parts = urlsplit(self.url)
        return (parts.netloc + parts.path).rstrip("/") or self.url

    def absolute(self, url: str) -> str:
        """Site-relative ``url`` (``artikel/x/``) as an absolute URL."""
        return self.url + url.lstrip("/")


@dataclass(frozen=True)
class Crumb:
    """One step of a page's breadcrumb trail."""

    name: str
    url: str
    """Site-relative URL (``""`` is the home page)."""


@dataclass
class PageSeo:
    """Everything a page's ``<head>`` says for search engines and link previews."""

    title: str
    description: str
    url: str
    """Canonical absolute URL."""
    type: str = "website"
    """Open Graph type: ``article`` for posts."""
    image: str | None = None
    image_alt: str = ""
    image_width: int = 0
    image_height: int = 0
    published: str | None = None
    modified: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    crumbs: list[Crumb] = field(default_factory=list)
    json_ld: dict[str, Any] | None = None

    @property
    def open_graph(self) -> list[tuple[str, str]]:
        """``(property, content)`` pairs, Open Graph then the X (Twitter) card."""
        pairs = [
            ("og:type", self.type),
            ("og:title", self.title),
            ("og:description", self.description),
            ("og:url", self.url),
            ("og:locale", "id_ID"),
        ]
        if self.image:
            pairs += [
                ("og:image", self.image),
                ("og:image:type", "image/jpeg"),
                ("og:image:width", str(self.image_width)),
                ("og:image:height", str(self.image_height)),
                ("og:image:alt", self.image_alt),
            ]
        if self.published:
            pairs.append(("article:published_time", self.published))
        if self.modified:
            pairs.append(("article:modified_time", self.modified))
        if self.section:
            pairs.append(("article:section", self.section))
        pairs += [("article:tag", tag) for tag in self.tags]
        return pairs

    @property
    def twitter(self) -> list[tuple[str, str]]:
        """``(name, content)`` pairs of the X card (X also reads the Open Graph ones)."""
        pairs = [
            ("twitter:card", "summary_large_image" if self.image else "summary"),
            ("twitter:title", self.title),
            ("twitter:description", self.description),
        ]
        if self.image:
            pairs += [("twitter:image", self.image), ("twitter:image:alt", self.image_alt)]
        return pairs

    @property
    def json_ld_html(self) -> Markup | None:
        """The JSON-LD, safe inside ``<script>``: ``<``, ``>`` and ``&`` are escaped."""
        if self.json_ld is None:
            return None
        text = json.dumps(self.json_ld, ensure_ascii=False, separators=(",", ":"))
        return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def hand_written_seo(site: Site, title: str, path: str, description: str) -> PageSeo:
    """A hand-written page (``docs/``): its title under the home page."""
    crumbs = [Crumb(HOME_LABEL, ""), Crumb(title, path)]
    page_seo = PageSeo(title=title, description=description or site.description, url=site.absolute(path), crumbs=crumbs)
    page_seo.json_ld = graph(breadcrumb_list(site, crumbs))
    return page_seo


def with_site_card(page_seo: PageSeo, site: Site) -> PageSeo:
    """Pages without a share image of their own share the site's card."""
    if page_seo.image is None and site.card is not None:
        page_seo.image, page_seo.image_alt = site.absolute(site.card.url), site.card_alt
        page_seo.image_width, page_seo.image_height = site.card.width, site.card.height
    return page_seo


# -- posts ---------------------------------------------------------------------


def post_seo(
    site: Site,
    post: Post,
    place: Place,
    creators: list[CreatorEntry],
    cover: ProcessedPhoto | None,
    card: Card | None,
    crumbs: list[Crumb],
) -> PageSeo:
    """A post: ``BlogPosting``, the thing it is about (its category's entity) and its breadcrumbs."""
    meta = post.meta
    url = site.absolute(post.url)
    page_seo = PageSeo(
        title=meta.title,
        description=meta.summary,
        url=url,
        type="article",
        published=meta.date.isoformat(),
        modified=post.modified.isoformat(),
        section=post.category_label,
        tags=list(meta.tags),
        crumbs=crumbs,
    )
    if card is not None:
        page_seo.image, page_seo.image_alt = site.absolute(card.url), meta.cover.alt
        page_seo.image_width, page_seo.image_height = card.width, card.height
    images = [site.absolute(card.url)] if card else []
    if cover is not None:
        images.append(site.absolute(cover.largest("jpeg").url))
    entity = _category_entity(site, post, place, url, images[-1:] or None)
    page_seo.json_ld = graph(
        _blog_posting(site, post, creators, place, url, images, entity),
        *([entity] if entity else []),
        breadcrumb_list(site, crumbs),
    )
    return page_seo


def _blog_posting(
    site: Site,
    post: Post,
    creators: list[CreatorEntry],
    place: Place,
    url: str,
    images: list[str],
    entity: dict[str, Any] | None,
) -> dict[str, Any]:
    meta = post.meta
    posting: dict[str, Any] = {
        "@type": "BlogPosting",
        "@id": url + "#artikel",
        "mainEntityOfPage": url,
        "url": url,
        "headline": meta.title,
        "description": meta.summary,
        "image": images,
        "datePublished": meta.date.isoformat(),
        "dateModified": post.modified.isoformat(),
        "inLanguage": "id",
        "accessibilityFeature": ["alternativeText"],  # every photo has its alt text: the check requires it
        "articleSection": post.category_label,
        "author": [_person(site, creator) for creator in creators],
        "publisher": organisation(site),
        "contentLocation": {"@type": "Place", "name": place.label, "address": _address(site, place)},
    }
    if meta.tags:
        posting["keywords"] = list(meta.tags)
    if entity is not None:
        posting["about"] = {"@id": entity["@id"]}
    sources = getattr(post.block, "sources", None)
    if sources:
        posting["citation"] = [_citation(source) for source in sources]
    return posting


def _person(site: Site, creator: CreatorEntry) -> dict[str, Any]:
    person: dict[str, Any] = {"@type": "Person", "name": creator.data.name, "url": site.absolute(creator.url)}
    links = [str(link) for link in creator.data.links.model_dump().values() if link]
    if links:
        person["sameAs"] = links
    return person


def _citation(source) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "name": source.title}
    if source.url:
        work["url"] = str(source.url)
    if source.document:
        work["identifier"] = source.document
    return work


def _address(site: Site, place: Place, street: str | None = None) -> dict[str, Any]:
    address: dict[str, Any] = {
        "@type": "PostalAddress",
        "addressLocality": place.label,
        "addressRegion": site.brand,
        "addressCountry": "ID",
    }
    if street:
        address["streetAddress"] = street
    return address


def _category_entity(site: Site, post: Post, place: Place, url: str, image: list[str] | None) -> dict[str, Any] | None:
    """The thing a post is about, as its category builds it; ``None`` when schema.org has no such type."""
    build = post.category_def.entity
    if build is None:
        return None
    entity = build(post.meta, post.block, EntityContext(url=url, address=lambda street: _address(site, place, street)))
    if entity is None:
        return None
    accessibility = getattr(post.meta, "accessibility", None)
    if accessibility is not None:
        where = entity["location"] if entity["@type"] == "Event" else entity  # amenityFeature belongs to a Place
        where["amenityFeature"] = [*where.get("amenityFeature", []), *_accessibility_features(accessibility)]
    entity.update({"description": post.meta.summary, "url": url})
    if image:
        entity["image"] = image
    return entity


# -- site ----------------------------------------------------------------------


def _accessibility_features(accessibility: Any) -> list[dict[str, Any]]:
    """A place's accessibility as schema.org ``LocationFeatureSpecification`` items (what is known only)."""
    features = [
        ("Akses kursi roda", {"ya": True, "sebagian": "sebagian", "tidak": False}[accessibility.wheelchair]),
        ("Toilet difabel", accessibility.accessible_toilet),
        ("Parkir khusus difabel", accessibility.accessible_parking),
        ("Anjing pemandu boleh masuk", accessibility.guide_dog_welcome),
    ]
    return [
        {"@type": "LocationFeatureSpecification", "name": name, "value": value}
        for name, value in features
        if value is not None
    ]


def website(site: Site) -> dict[str, Any]:
    return {
        "@type": "WebSite",
        "@id": site.url + "#situs",
        "url": site.url,
        "name": site.name,
        "description": site.description,
        "inLanguage": "id",
        "publisher": {"@id": site.url + "#organisasi"},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": site.absolute(urls.search()) + "?q={q}"},
            "query-input": "required name=q",
        },
    }


def organisation(site: Site) -> dict[str, Any]:
    organisation: dict[str, Any] = {
        "@type": "GovernmentOrganization",
        "@id": site.url + "#organisasi",
        "name": site.brand,
        "url": site.url,
    }
    if site.logo:
        organisation["logo"] = {"@type": "ImageObject", "url": site.logo}
    if site.same_as:
        organisation["sameAs"] = list(site.same_as)
    if site.email:
        organisation["email"] = site.email
    if site.address_line:
        organisation["address"] = {"@type": "PostalAddress", "streetAddress": site.address_line, "addressCountry": "ID"}
    return organisation


def breadcrumb_list(site: Site, crumbs: list[Crumb]) -> dict[str, Any]:
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": crumb.name, "item": site.absolute(crumb.url)}
            for n, crumb in enumerate(crumbs, start=1)
        ],
    }


def graph(*items: dict[str, Any]) -> dict[str, Any]:
    return {"@context": SCHEMA, "@graph": list(items)}
