"""What search engines and chat apps read of a page: JSON-LD, Open Graph, breadcrumbs.

Python builds plain dicts and lists here; the templates only print them
(``tojson`` for JSON-LD, one ``<meta>`` per Open Graph pair), so the rules
live in one place and can be tested without a browser.

* Every post is a schema.org ``BlogPosting`` (headline, image, dates, authors
  as ``Person`` with the URL of their creator page, publisher). Its category
  adds the thing it is about: ``TouristAttraction`` (wisata), ``LocalBusiness``
  (umkm), ``Event`` (budaya with dates; a living tradition has none).
* Every page but the home page has a ``BreadcrumbList``; the same crumbs are
  drawn on the page, so what a search result shows is what a reader sees.
* The home page describes the site (``WebSite`` with its search) and the
  regency's office (``GovernmentOrganization``).
* The share image of a post is its social card (:mod:`etalase.social`:
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
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig

from .images import ProcessedPhoto
from .pages import PageSpec
from .social import Card
from .structure import CreatorEntry, Place, Post, urls

SCHEMA = "https://schema.org"
HOME_LABEL = "Beranda"


@dataclass(frozen=True)
class Site:
    """What every page says about the site, from ``mkdocs.yml``."""

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
    address: str | None = None
    card: Card | None = None
    """The share image of pages that have none of their own."""
    card_alt: str = ""

    @classmethod
    def from_config(cls, config: MkDocsConfig) -> Site:
        """The site as ``mkdocs.yml`` describes it (without a share card: see the plugin)."""
        brand = config.extra.get("brand", {})
        url = (config.site_url or "/").rstrip("/") + "/"
        logo = config.theme.get("logo")
        contact = brand.get("contact", {})
        return cls(name=config.site_name, url=url, description=config.site_description or "",
                   brand=brand.get("name", config.site_name), logo=url + logo if logo else None,
                   same_as=tuple(brand.get("social", {}).values()), email=contact.get("email"),
                   address=contact.get("address"), card_alt=brand.get("hero", {}).get("alt", ""))

    @property
    def host(self) -> str:
        return urlsplit(self.url).netloc or self.url

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
        pairs = [("og:type", self.type), ("og:title", self.title), ("og:description", self.description),
                 ("og:url", self.url), ("og:locale", "id_ID")]
        if self.image:
            pairs += [("og:image", self.image), ("og:image:type", "image/jpeg"),
                      ("og:image:width", str(self.image_width)), ("og:image:height", str(self.image_height)),
                      ("og:image:alt", self.image_alt)]
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
        pairs = [("twitter:card", "summary_large_image" if self.image else "summary"),
                 ("twitter:title", self.title), ("twitter:description", self.description)]
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


def page_seo(site: Site, spec: PageSpec | None, *, title: str, path: str, description: str,
             card: Card | None = None) -> PageSeo:
    """What the page at site-relative ``path`` says about itself.

    ``spec`` is the generated page's spec, ``None`` for a hand-written page;
    ``card`` is the post's social card.
    """
    url = site.absolute(path)
    description = description or site.description
    if spec is not None and spec.kind == "home":
        seo = PageSeo(title=site.name, description=description, url=url)
        seo.json_ld = _graph(_website(site), _organisation(site))
    elif spec is not None and spec.kind == "post":
        seo = _post_seo(site, spec, url, card)
    else:
        seo = PageSeo(title=title, description=description, url=url)
        seo.crumbs = breadcrumbs(spec, title, path)
        seo.json_ld = _graph(_breadcrumb_list(site, seo.crumbs))
    if seo.image is None and site.card is not None:
        seo.image, seo.image_alt = site.absolute(site.card.url), site.card_alt
        seo.image_width, seo.image_height = site.card.width, site.card.height
    return seo


def breadcrumbs(spec: PageSpec | None, title: str, path: str) -> list[Crumb]:
    """The trail from the home page to the page at ``path``, that page last."""
    home = Crumb(HOME_LABEL, "")
    if spec is None:
        return [home, Crumb(title, path)]
    ctx = spec.context
    if spec.kind == "post":
        post: Post = ctx["post"]
        return [home, Crumb(post.category_label, urls.category(post.category)), Crumb(post.meta.title, post.url)]
    trail = [home]
    if spec.kind == "region":
        place: Place = ctx["place"]
        if place.is_desa:
            trail.append(Crumb(f"Kec. {place.kecamatan_name}", urls.region(place.kecamatan_id)))
        trail.append(Crumb(place.label, urls.region(place.id)))
    elif spec.kind == "archive":
        trail.append(Crumb("Arsip", urls.archive()))
        if "key" in ctx:
            trail.append(Crumb(ctx["heading"], urls.archive(ctx["key"])))
    elif "heading" in ctx:
        trail.append(Crumb(ctx["heading"], spec.context["pagination"].urls[0]))
    else:
        trail.append(Crumb(spec.title, spec.url))
    pagination = ctx.get("pagination")
    if pagination is not None and pagination.page > 1:
        trail.append(Crumb(f"Halaman {pagination.page}", spec.url))
    return trail


def lastmod(spec: PageSpec | None, newest: datetime | None) -> datetime | None:
    """When what a generated page shows last changed, for the sitemap.

    A post: its ``updated`` or ``date``. A listing: the newest of the posts
    it shows. The home page and the archive index change with every post:
    ``newest``, the latest change of any post. ``None`` for hand-written pages
    and the search page, whose content is not dated.
    """
    if spec is None or spec.kind == "search":
        return None
    if spec.kind == "post":
        return _modified(spec.context["post"])
    if "cards" not in spec.context:
        return newest
    return max((_modified(card.post) for card in spec.context["cards"]), default=None)


def newest_change(posts: list[Post]) -> datetime | None:
    """The latest ``updated`` or ``date`` of ``posts``."""
    return max((_modified(post) for post in posts), default=None)


# -- posts ---------------------------------------------------------------------


def _post_seo(site: Site, spec: PageSpec, url: str, card: Card | None) -> PageSeo:
    ctx = spec.context
    post: Post = ctx["post"]
    meta = post.meta
    cover: ProcessedPhoto | None = ctx.get("cover")
    seo = PageSeo(title=meta.title, description=meta.summary, url=url, type="article",
                  published=meta.date.isoformat(), modified=_modified(post).isoformat(),
                  section=post.category_label, tags=list(meta.tags))
    if card is not None:
        seo.image, seo.image_alt = site.absolute(card.url), meta.cover.alt
        seo.image_width, seo.image_height = card.width, card.height
    images = [site.absolute(card.url)] if card else []
    if cover is not None:
        images.append(site.absolute(cover.largest("jpeg").url))
    seo.crumbs = breadcrumbs(spec, meta.title, post.url)
    entity = _category_entity(site, post, ctx["place"], url, images[-1:] or None)
    seo.json_ld = _graph(
        _blog_posting(site, post, ctx["creators"], ctx["place"], url, images, entity),
        *([entity] if entity else []),
        _breadcrumb_list(site, seo.crumbs),
    )
    return seo


def _modified(post: Post) -> datetime:
    return post.meta.updated or post.meta.date


def _blog_posting(site: Site, post: Post, creators: list[CreatorEntry], place: Place, url: str,
                  images: list[str], entity: dict[str, Any] | None) -> dict[str, Any]:
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
        "dateModified": _modified(post).isoformat(),
        "inLanguage": "id",
        "articleSection": post.category_label,
        "author": [_person(site, creator) for creator in creators],
        "publisher": _organisation(site),
        "contentLocation": {"@type": "Place", "name": place.label, "address": _address(site, place)},
    }
    if meta.tags:
        posting["keywords"] = list(meta.tags)
    if entity is not None:
        posting["about"] = {"@id": entity["@id"]}
    if post.category == "pembangunan":
        posting["citation"] = [_citation(source) for source in meta.pembangunan.sources]  # type: ignore[attr-defined]
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
    address: dict[str, Any] = {"@type": "PostalAddress", "addressLocality": place.label,
                               "addressRegion": site.brand, "addressCountry": "ID"}
    if street:
        address["streetAddress"] = street
    return address


def _category_entity(site: Site, post: Post, place: Place, url: str,
                     image: list[str] | None) -> dict[str, Any] | None:
    """The thing a post is about, as schema.org knows it; ``None`` when there is no such type."""
    meta: Any = post.meta
    entity: dict[str, Any]
    if post.category == "wisata":
        info = meta.wisata
        entity = {"@type": "TouristAttraction", "@id": url + "#tempat", "name": info.place,
                  "address": _address(site, place, info.address)}
        if info.coordinates:
            lat, lon = info.coordinates.lat, info.coordinates.lon
            entity["geo"] = {"@type": "GeoCoordinates", "latitude": lat, "longitude": lon}
            entity["hasMap"] = map_url(lat, lon)
        if info.facilities:
            entity["amenityFeature"] = [{"@type": "LocationFeatureSpecification", "name": name, "value": True}
                                        for name in info.facilities]
    elif post.category == "umkm":
        info = meta.umkm
        entity = {"@type": "LocalBusiness", "@id": url + "#usaha", "name": info.business,
                  "address": _address(site, place, info.address), "telephone": info.whatsapp,
                  "priceRange": info.price_range,
                  "makesOffer": [{"@type": "Offer", "itemOffered": {"@type": "Product", "name": product}}
                                 for product in info.products]}
        if info.links:
            entity["sameAs"] = [str(link) for link in info.links]
    elif post.category == "budaya" and meta.budaya.start is not None:
        info = meta.budaya
        entity = {"@type": "Event", "@id": url + "#acara", "name": meta.title,
                  "startDate": info.start.isoformat(),
                  "eventStatus": f"{SCHEMA}/EventScheduled",
                  "eventAttendanceMode": f"{SCHEMA}/OfflineEventAttendanceMode",
                  "location": {"@type": "Place", "name": info.venue, "address": _address(site, place)},
                  "organizer": {"@type": "Organization", "name": info.organiser}}
        if info.end:
            entity["endDate"] = info.end.isoformat()
    else:
        return None
    entity.update({"description": meta.summary, "url": url})
    if image:
        entity["image"] = image
    return entity


def map_url(lat: float, lon: float) -> str:
    """An OpenStreetMap link to a point: an outbound link, no map script on our pages."""
    return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=16/{lat}/{lon}"


# -- site ----------------------------------------------------------------------


def _website(site: Site) -> dict[str, Any]:
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
            "target": {"@type": "EntryPoint", "urlTemplate": site.absolute(f"{urls.SEARCH}/") + "?q={q}"},
            "query-input": "required name=q",
        },
    }


def _organisation(site: Site) -> dict[str, Any]:
    organisation: dict[str, Any] = {"@type": "GovernmentOrganization", "@id": site.url + "#organisasi",
                                    "name": site.brand, "url": site.url}
    if site.logo:
        organisation["logo"] = {"@type": "ImageObject", "url": site.logo}
    if site.same_as:
        organisation["sameAs"] = list(site.same_as)
    if site.email:
        organisation["email"] = site.email
    if site.address:
        organisation["address"] = {"@type": "PostalAddress", "streetAddress": site.address, "addressCountry": "ID"}
    return organisation


def _breadcrumb_list(site: Site, crumbs: list[Crumb]) -> dict[str, Any]:
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [{"@type": "ListItem", "position": n, "name": crumb.name, "item": site.absolute(crumb.url)}
                            for n, crumb in enumerate(crumbs, start=1)],
    }


def _graph(*items: dict[str, Any]) -> dict[str, Any]:
    return {"@context": SCHEMA, "@graph": list(items)}

