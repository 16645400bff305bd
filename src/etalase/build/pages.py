"""Step 4, pages: decide every page the site generates, from valid content.

Each page is a typed object (:class:`HomePage`, :class:`PostPage`,
:class:`ListingPage`, :class:`ArchivePage`, :class:`SearchPage`) that owns
its template, its breadcrumbs, its last-modified date and what it tells
search engines (:meth:`Page.seo`). :mod:`etalase.build.templates` draws each
with its template, outside MkDocs' page build; the template finds it as ``page.meta.etalase``. A post
page carries the post's Markdown body; every other page is drawn by its
template from its fields.

Listings come from :data:`etalase.build.listings.KINDS`, built in one pass over
the posts, so the work is linear in the number of posts; no page looks posts
up in a list. Posts are not in the navigation tree, so a page never embeds
every post's link.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from math import ceil
from pathlib import Path
from typing import Any, ClassVar

from etalase.build import agenda, seo
from etalase.build.agenda import Event
from etalase.build.charts import Chart
from etalase.build.listings import CREATOR, KINDS, MONTH, CreatorProfile, ListingKind, month_label
from etalase.build.report_page import Report, build_report
from etalase.build.seo import Crumb, PageSeo, Site
from etalase.build.share_cards import Card as SocialCard
from etalase.content import urls
from etalase.content.brand import Brand
from etalase.content.categories import REGISTRY, Category
from etalase.content.datetext import MONTHS
from etalase.content.schema import WHEELCHAIR_LABELS, GalleryPhoto
from etalase.content.structure import Content, CreatorEntry, Place, Post
from etalase.photos.types import ProcessedPhoto

WORDS_PER_MINUTE = 200
"""Reading speed used for the "N menit baca" line."""
HOME = Crumb(seo.HOME_LABEL, "")


@dataclass
class Card:
    """What a listing shows of one post."""

    post: Post
    cover: ProcessedPhoto | None
    place: Place
    event: Event | None = None
    """The event the post is about, as of the build's now (its date, and whether it is over)."""

    @property
    def url(self) -> str:
        return self.post.url

    @property
    def price_from(self) -> int | None:
        """A UMKM post's lowest product price (the "mulai Rp25.000" of its card), if any product has one."""
        products = getattr(getattr(self.post.meta, "umkm", None), "products", None) or []
        prices = [product.price for product in products if getattr(product, "price", None) is not None]
        return min(prices) if prices else None

    @property
    def badges(self) -> list[str]:
        """The short names of a UMKM post's halal and P-IRT certificates, for its card."""
        certificates = getattr(getattr(self.post.meta, "umkm", None), "certificates", None) or []
        kinds = {certificate.type for certificate in certificates}
        return [label for kind, label in CARD_BADGES.items() if kind in kinds]


CARD_BADGES = {"halal": "Halal", "pirt": "P-IRT"}
"""Certificates a UMKM card shows as a badge, by type, in this order."""


@dataclass
class Pagination:
    """Where a page of a listing stands among its pages."""

    page: int
    pages: int
    urls: list[str]
    """URL of every page of the listing, first to last."""

    @property
    def previous(self) -> str | None:
        return self.urls[self.page - 2] if self.page > 1 else None

    @property
    def next(self) -> str | None:
        return self.urls[self.page] if self.page < self.pages else None


@dataclass
class Page:
    """A generated page."""

    url: str
    title: str
    description: str
    lastmod: datetime | None
    """When what the page shows last changed (the sitemap's ``lastmod``); ``None``: not dated."""

    template: ClassVar[str]
    """Template under ``overrides/`` that draws the page."""
    kind: ClassVar[str]
    """Short name of the page type, for CSS classes and tests."""

    @property
    def src_uri(self) -> str:
        return urls.src_uri(self.url)

    @property
    def markdown(self) -> str:
        """The page's Markdown; only posts have a body."""
        return ""

    def crumbs(self) -> list[Crumb]:
        """The trail from the home page to this page, this page last."""
        return [HOME, Crumb(self.title, self.url)]

    def attachments(self) -> dict[str, str]:
        """Files published beside the page, by site-relative path (the report's JSON and CSV)."""
        return {}

    def seo(self, site: Site, card: SocialCard | None = None) -> PageSeo:
        """What the page tells search engines and link previews: a breadcrumb trail by default."""
        page_seo = PageSeo(
            title=self.title,
            description=self.description or site.description,
            url=site.absolute(self.url),
            crumbs=self.crumbs(),
        )
        page_seo.json_ld = seo.graph(seo.breadcrumb_list(site, page_seo.crumbs))
        return page_seo


@dataclass
class Section:
    """A category's part of the home page."""

    category: Category
    cards: list[Card]


@dataclass
class HomePage(Page):
    """The home page: hero, the coming events, a section per category, then the newest other posts.

    No post is on it twice: each block takes only posts no earlier block shows.
    """

    template: ClassVar[str] = "etalase/home.html"
    kind: ClassVar[str] = "home"
    events: list[Card] = field(default_factory=list)
    """The coming events, soonest first (:data:`HOME_EVENTS` at most)."""
    latest: list[Card] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)

    def crumbs(self) -> list[Crumb]:
        return []

    def seo(self, site: Site, card: SocialCard | None = None) -> PageSeo:
        page_seo = PageSeo(title=site.name, description=self.description or site.description, url=site.url)
        page_seo.json_ld = seo.graph(seo.website(site), seo.organisation(site))
        return page_seo


@dataclass
class GalleryItem:
    photo: ProcessedPhoto
    meta: GalleryPhoto


@dataclass
class PostPage(Page):
    """One post: its body, its category's block, photos, credits, related posts."""

    template: ClassVar[str] = "etalase/post.html"
    kind: ClassVar[str] = "post"
    post: Post = field(kw_only=True)
    place: Place = field(kw_only=True)
    creators: list[CreatorEntry] = field(kw_only=True)
    cover: ProcessedPhoto = field(kw_only=True)
    gallery: list[GalleryItem] = field(kw_only=True)
    related: list[Card] = field(kw_only=True)
    photos: dict[str, ProcessedPhoto] = field(kw_only=True, default_factory=dict)
    """The processed photo of each front-matter field that names one (``pembangunan.sources.0.photo``)."""
    filters: dict[str, list[str]] = field(kw_only=True, default_factory=dict)
    """Its search filters (:func:`search_filters`)."""
    event: Event | None = field(kw_only=True, default=None)
    """The event the post is about, as of the build's now: whether it is over is part of the page."""
    site_url: str = field(kw_only=True, default="")

    def attachments(self) -> dict[str, str]:
        """An event's calendar file (``acara.ics``) beside the post."""
        if self.event is None:
            return {}
        text = agenda.calendar([(self.post, self.event)], self.site_url, self.post.meta.title)
        return {urls.event_calendar(self.post.slug): text}

    def photo_at(self, field_path: str) -> ProcessedPhoto | None:
        """The photo the field ``field_path`` names, for templates: ``ctx.photo_at("cover.file")``."""
        return self.photos.get(field_path)

    @property
    def markdown(self) -> str:
        # A leading blank line stops MkDocs from reading the body as its own meta-data.
        return "\n" + self.post.body

    @property
    def reading_minutes(self) -> int:
        return max(1, round(len(self.post.body.split()) / WORDS_PER_MINUTE))

    def crumbs(self) -> list[Crumb]:
        category = self.post.category_def
        return [HOME, Crumb(category.label, category.url), Crumb(self.title, self.url)]

    def seo(self, site: Site, card: SocialCard | None = None) -> PageSeo:
        return seo.post_seo(site, self.post, self.place, self.creators, self.cover, card, self.crumbs())


@dataclass
class ListingPage(Page):
    """One page of a listing: a heading, cards, pagination."""

    kind: ClassVar[str] = "listing"
    listing: ListingKind = field(kw_only=True)
    key: str = field(kw_only=True)
    heading: str = field(kw_only=True)
    subject: Any = field(kw_only=True)
    """What the listing is about: a category, a place, a creator, a tag or month key."""
    photo: ProcessedPhoto | None = field(kw_only=True, default=None)
    """The subject's own photo (a creator's profile photo)."""
    figures: Any = field(kw_only=True, default=None)
    """The group's figures (:attr:`ListingKind.figures`), if its kind has them."""
    cards: list[Card] = field(kw_only=True)
    total: int = field(kw_only=True)
    pagination: Pagination = field(kw_only=True)
    parents: list[Crumb] = field(kw_only=True)
    """Breadcrumbs between the home page and the listing (a desa's kecamatan, the archive)."""

    @property
    def template(self) -> str:  # type: ignore[override]
        return self.listing.template

    def crumbs(self) -> list[Crumb]:
        trail = [HOME, *self.parents, Crumb(self.heading, self.pagination.urls[0])]
        if self.pagination.page > 1:
            trail.append(Crumb(f"Halaman {self.pagination.page}", self.url))
        return trail

    @property
    def feeds(self) -> dict[str, str] | None:
        """``{"rss": url, "json": url}`` of this group's feeds, if the kind has them."""
        if not self.listing.feeds:
            return None
        folder = self.listing.url(self.key)
        return {"rss": urls.feed(folder, "rss"), "json": urls.feed(folder, "json")}


@dataclass
class MonthLink:
    key: str
    label: str
    url: str
    count: int


@dataclass
class ArchivePage(Page):
    """Every month with posts, newest first."""

    template: ClassVar[str] = "etalase/archive.html"
    kind: ClassVar[str] = "archive-index"
    months: list[MonthLink] = field(default_factory=list)


@dataclass
class AgendaMonth:
    """The coming events of one month on the agenda."""

    label: str
    cards: list[Card]


@dataclass
class AgendaPage(Page):
    """Every event: the coming ones by start date, grouped by month, then the past ones."""

    template: ClassVar[str] = "etalase/agenda.html"
    kind: ClassVar[str] = "agenda"
    months: list[AgendaMonth] = field(default_factory=list)
    past: list[Card] = field(default_factory=list)
    calendar: str = ""
    """The iCalendar text of the coming events (``agenda/agenda.ics``)."""

    def attachments(self) -> dict[str, str]:
        return {urls.agenda(urls.AGENDA_ICS): self.calendar}


@dataclass
class SearchPage(Page):
    """The search page: its form, filters and results (etalase.build.search_index, assets/etalase-search.js)."""

    template: ClassVar[str] = "etalase/search.html"
    kind: ClassVar[str] = "search"
    filters: list[SearchFilter] = field(default_factory=list)
    """The filters the page offers, with every value some published post has."""


@dataclass(frozen=True)
class SearchFilter:
    """A search filter and its values, as the search page offers them."""

    name: str
    """The filter's name in the index, lower case (``kategori``)."""
    values: tuple[str, ...]

    @property
    def legend(self) -> str:
        return self.name.capitalize()


ACCESSIBILITY_FILTERS = ("Toilet difabel", "Parkir khusus difabel", "Anjing pemandu boleh masuk")
"""Values of the ``aksesibilitas`` filter besides the wheelchair's, in the order of the schema's fields."""


def search_filters(post: Post, place: Place) -> dict[str, list[str]]:
    """The filters a post's page carries in the search index (name → values): category, kecamatan, accessibility.

    The search index keeps them for each post (:mod:`etalase.build.search_index`) and the
    search page offers the values found across all posts (:func:`offered_filters`).
    """
    filters = {"kategori": [post.category_label], "wilayah": [place.kecamatan_name]}
    access = getattr(post.meta, "accessibility", None)  # only categories about a place have it
    if access is not None:
        flags = (access.accessible_toilet, access.accessible_parking, access.guide_dog_welcome)
        filters["aksesibilitas"] = [WHEELCHAIR_LABELS[access.wheelchair]] * (access.wheelchair != "tidak") + [
            label for label, flag in zip(ACCESSIBILITY_FILTERS, flags, strict=True) if flag
        ]
    return filters


def offered_filters(pages: list[PostPage]) -> list[SearchFilter]:
    """Every filter value some post carries: categories in the registry's order, kecamatan by name,
    accessibility as the schema declares it."""
    found: dict[str, set[str]] = {}
    for page in pages:
        for name, values in page.filters.items():
            found.setdefault(name, set()).update(values)
    orders = {
        "kategori": list(REGISTRY.labels().values()),
        "aksesibilitas": [*list(WHEELCHAIR_LABELS.values()), *ACCESSIBILITY_FILTERS],
    }
    offered = []
    for name in ("kategori", "wilayah", "aksesibilitas"):
        order = orders.get(name)
        ranked = sorted(
            found.get(name, set()), key=lambda value: (order.index(value) if order else 0, value.casefold())
        )
        if ranked:
            offered.append(SearchFilter(name, tuple(ranked)))
    return offered


def build_pages(
    content: Content,
    photos: dict[Path, ProcessedPhoto],
    *,
    per_page: int,
    home_per_category: int,
    home_latest: int,
    site_description: str,
    now: datetime,
    brand: Brand,
    site_url: str = "",
) -> list[Page]:
    """Every generated page of the site, in a stable order.

    ``now`` is the build's moment (the newcomers of the index of creators, whether an event is over);
    ``brand`` colours the report's charts; ``site_url`` makes the calendar files' links and UIDs.
    """
    events = {post.slug: event for post in content.posts if (event := agenda.event_of(post, now)) is not None}
    cards = {
        post.slug: Card(post, photos.get(post.cover), content.place_of(post), events.get(post.slug))
        for post in content.posts
    }

    def card_list(posts: list[Post]) -> list[Card]:
        return [cards[post.slug] for post in posts]

    by_category = content.by_category()
    dated = [(post, events[post.slug]) for post in content.posts if post.slug in events]
    coming = agenda.coming(dated)
    pages: list[Page] = [
        home_page(content, card_list, by_category, coming, site_description, home_per_category, home_latest)
    ]

    groups = {kind.name: kind.groups(content) for kind in KINDS}
    figures = {kind.name: kind.figures(content) if kind.figures else {} for kind in KINDS}
    for post in content.posts:
        page = _post_page(post, content, photos, card_list(_related(post, groups, by_category)))
        page.event, page.site_url = events.get(post.slug), site_url
        pages.append(page)
    for kind in KINDS:
        for key, posts in groups[kind.name].items():
            pages += _listing(kind, key, posts, content, photos, card_list, per_page, figures[kind.name].get(key))

    months = groups[MONTH.name]
    pages.append(
        ArchivePage(
            url=urls.archive(),
            title="Arsip",
            description="Semua pos menurut bulan terbit.",
            lastmod=content.newest_change(),
            months=[
                MonthLink(key, month_label(key), urls.archive(key), len(posts))
                for key, posts in sorted(months.items(), reverse=True)
            ],
        )
    )
    pages.append(agenda_page(content, card_list, coming, agenda.past(dated), site_url, brand))
    pages.append(
        SearchPage(
            url=urls.search(),
            title="Cari",
            lastmod=None,
            description=f"Cari {', '.join(REGISTRY.labels().values())}.",
            filters=offered_filters([page for page in pages if isinstance(page, PostPage)]),
        )
    )
    pages += creator_indexes(content, photos, figures[CREATOR.name], now)
    pages.append(report_page(content, photos, brand))
    return pages


HOME_EVENTS = 4
"""Coming events on the home page, at most."""


def home_page(
    content: Content,
    card_list: Any,
    by_category: dict[str, list[Post]],
    coming: list[tuple[Post, Event]],
    description: str,
    per_category: int,
    latest: int,
) -> HomePage:
    """The home page's blocks in order, each taking only posts no earlier block took."""
    shown: set[str] = set()

    def fresh(posts: list[Post], limit: int) -> list[Post]:
        picked = [post for post in posts if post.slug not in shown][:limit]
        shown.update(post.slug for post in picked)
        return picked

    events = fresh([post for post, _ in coming], HOME_EVENTS)
    sections = [
        Section(category, card_list(fresh(by_category.get(category.id, []), per_category))) for category in REGISTRY
    ]
    return HomePage(
        url="",
        title=seo.HOME_LABEL,
        description=description,
        lastmod=content.newest_change(),
        events=card_list(events),
        sections=sections,
        latest=card_list(fresh(content.posts, latest)),
    )


def agenda_page(
    content: Content,
    card_list: Any,
    coming: list[tuple[Post, Event]],
    over: list[tuple[Post, Event]],
    site_url: str,
    brand: Brand,
) -> AgendaPage:
    """The agenda: coming events by month of their start, then the past ones; and its calendar file."""
    months: list[AgendaMonth] = []
    for post, event in coming:
        label = f"{MONTHS[event.start.month - 1]} {event.start.year}"
        if not months or months[-1].label != label:
            months.append(AgendaMonth(label, []))
        months[-1].cards += card_list([post])
    return AgendaPage(
        url=urls.agenda(),
        title="Agenda",
        description=f"Acara yang akan datang di {brand.name}: tanggal, waktu dan tempatnya.",
        lastmod=content.newest_change(),
        months=months,
        past=card_list([post for post, _ in over]),
        calendar=agenda.calendar(coming, site_url, f"Agenda {brand.name}"),
    )


def _post_page(post: Post, content: Content, photos: dict[Path, ProcessedPhoto], related: list[Card]) -> PostPage:
    gallery = []
    for index, meta in enumerate(post.meta.gallery):
        photo = post.photo(f"gallery.{index}.file")
        assert photo is not None, f"{post.source}: every gallery item of a valid post has its photo"
        gallery.append(GalleryItem(photos[photo], meta))
    return PostPage(
        url=post.url,
        title=post.meta.title,
        description=post.meta.summary,
        lastmod=post.modified,
        post=post,
        place=content.place_of(post),
        creators=content.creators_of(post),
        cover=photos[post.cover],
        gallery=gallery,
        related=related,
        photos={ref.field: photos[ref.file] for ref in post.photos if ref.field is not None},
        filters=search_filters(post, content.place_of(post)),
    )


def _related(
    post: Post, groups: dict[str, dict[str, list[Post]]], by_category: dict[str, list[Post]], limit: int = 3
) -> list[Post]:
    """Newest other posts of the same place, then of the same category."""
    picked: list[Post] = []
    for group in (groups["region"].get(post.meta.region, []), by_category.get(post.category, [])):
        for other in group[: limit + len(picked) + 1]:
            if other is not post and other not in picked:
                picked.append(other)
                if len(picked) == limit:
                    return picked
    return picked


def _listing(
    kind: ListingKind,
    key: str,
    posts: list[Post],
    content: Content,
    photos: dict[Path, ProcessedPhoto],
    card_list: Any,
    per_page: int,
    figures: Any,
) -> list[ListingPage]:
    """The pages of one group of a listing kind, ``per_page`` cards each."""
    count = max(1, ceil(len(posts) / per_page))
    page_urls = [kind.url(key, page=n) for n in range(1, count + 1)]
    heading = kind.heading(key, content)
    description = kind.description(key, content)
    subject = kind.subject(key, content)
    own_photo = getattr(subject, "photo", None)
    parents = [Crumb(name, url) for name, url in kind.parents(key, content)]
    pages = []
    for n in range(1, count + 1):
        chunk = posts[(n - 1) * per_page : n * per_page]
        pages.append(
            ListingPage(
                url=page_urls[n - 1],
                title=heading if n == 1 else f"{heading} (halaman {n})",
                description=description,
                lastmod=max((post.modified for post in chunk), default=None),
                listing=kind,
                key=key,
                heading=heading,
                subject=subject,
                photo=photos.get(own_photo) if isinstance(own_photo, Path) else None,
                figures=figures,
                cards=card_list(chunk),
                total=len(posts),
                pagination=Pagination(n, count, page_urls),
                parents=parents,
            )
        )
    return pages


# --------------------------------------------------------------------------
# Creators and the report
# --------------------------------------------------------------------------

NEWCOMER_DAYS = 90
"""A creator whose first post is at most this many days old is a newcomer on the index."""
CREATORS_TITLE = "Kreator"


@dataclass
class CreatorCard:
    """One creator on the index of creators."""

    profile: CreatorProfile
    photo: ProcessedPhoto | None
    """The profile photo; without one the index draws the name's initial."""

    @property
    def name(self) -> str:
        return self.profile.creator.data.name


@dataclass
class CreatorIndexPage(Page):
    """Every creator, by most posts (``/kreator/``) or by name (``/kreator/urut/nama/``), and the newcomers."""

    template: ClassVar[str] = "etalase/creators.html"
    kind: ClassVar[str] = "creators"
    by_name: bool = field(kw_only=True)
    creators: list[CreatorCard] = field(kw_only=True)
    newcomers: list[CreatorCard] = field(kw_only=True)
    """Creators whose first post is at most :data:`NEWCOMER_DAYS` days before the build's now, newest first."""
    newcomer_days: int = NEWCOMER_DAYS

    def crumbs(self) -> list[Crumb]:
        trail = [HOME, Crumb(CREATORS_TITLE, urls.creators())]
        return [*trail, Crumb("Menurut nama", self.url)] if self.by_name else trail


def creator_indexes(
    content: Content, photos: dict[Path, ProcessedPhoto], profiles: Mapping[str, CreatorProfile], now: datetime
) -> list[CreatorIndexPage]:
    """The index of creators in both orders; a creator without posts is listed with 0."""
    cards = [
        CreatorCard(profile, photos.get(profile.creator.photo) if profile.creator.photo else None)
        for profile in profiles.values()
    ]
    by_name = sorted(cards, key=lambda card: (card.name.casefold(), card.profile.creator.id))
    by_posts = sorted(by_name, key=lambda card: -card.profile.posts)
    since = now - timedelta(days=NEWCOMER_DAYS)
    newcomers = sorted(
        (card for card in by_name if card.profile.first and card.profile.first >= since),
        key=lambda card: card.profile.first or now,
        reverse=True,
    )
    description = f"{len(cards)} kreator lokal yang menulis untuk situs ini: jumlah pos dan pos terbaru mereka."
    return [
        CreatorIndexPage(
            url=urls.creators(),
            title=CREATORS_TITLE,
            description=description,
            lastmod=content.newest_change(),
            by_name=False,
            creators=by_posts,
            newcomers=newcomers,
        ),
        CreatorIndexPage(
            url=urls.creators(by_name=True),
            title=f"{CREATORS_TITLE} menurut nama",
            description=description,
            lastmod=content.newest_change(),
            by_name=True,
            creators=by_name,
            newcomers=newcomers,
        ),
    ]


@dataclass
class ReportPage(Page):
    """The programme's report: summary, charts with their tables, and the same figures as JSON and CSV."""

    template: ClassVar[str] = "etalase/report.html"
    kind: ClassVar[str] = "report"
    report: Report = field(kw_only=True)
    charts: list[Chart] = field(kw_only=True)

    def attachments(self) -> dict[str, str]:
        return {
            urls.report(urls.REPORT_JSON): self.report.json_text(),
            urls.report(urls.REPORT_CSV): self.report.csv_text(),
        }


def report_page(content: Content, photos: dict[Path, ProcessedPhoto], brand: Brand) -> ReportPage:
    report = build_report(content, photos)
    return ReportPage(
        url=urls.report(),
        title="Laporan",
        description="Apa yang dihasilkan program kreator: pos per bulan, kategori, kecamatan dan "
        "kreator, foto, dan aksesibilitas, dari konten situs ini.",
        lastmod=content.newest_change(),
        report=report,
        charts=report.charts(brand),
    )
