"""Step 4, pages: decide every page the site has, from valid content.

Each :class:`PageSpec` becomes a virtual MkDocs page (see
:mod:`etalase.plugin`). A post page carries the post's Markdown body; every
other page (home, category, tag, region, creator, archive) carries no body
and is drawn by its template from :attr:`PageSpec.context`.

Listings are built in one pass over the posts (see
:meth:`~etalase.structure.Content.by_category` and friends), so the work is
linear in the number of posts; no page looks posts up in a list. Posts are
not in the navigation tree, so a page never embeds every post's link.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from math import ceil
from typing import Any

from .images import ProcessedPhoto
from .schema import CATEGORY_LABELS
from .structure import Content, Post, urls

WORDS_PER_MINUTE = 200
"""Reading speed used for the "N menit baca" line."""

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
          "Agustus", "September", "Oktober", "November", "Desember"]


@dataclass
class Card:
    """What a listing shows of one post."""

    post: Post
    cover: ProcessedPhoto | None

    @property
    def url(self) -> str:
        return self.post.url


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
class PageSpec:
    """One page to generate."""

    url: str
    title: str
    template: str
    """Template under ``overrides/`` that draws the page."""
    kind: str
    """``home``, ``post``, ``category``, ``tag``, ``region``, ``creator``, ``archive`` or ``search``."""
    description: str = ""
    markdown: str = ""
    context: dict[str, Any] = field(default_factory=dict)

    @property
    def src_uri(self) -> str:
        return urls.src_uri(self.url)


def month_label(key: str) -> str:
    """``2026/10`` → ``Oktober 2026``."""
    year, month = key.split("/")
    return f"{MONTHS[int(month) - 1]} {year}"


def build_pages(content: Content, photos: dict, *, per_page: int, home_per_category: int,
                home_latest: int, site_description: str) -> list[PageSpec]:
    """Every generated page of the site, in a stable order."""
    cards = {post.slug: Card(post, photos.get(post.cover))
             for post in content.posts}

    def card_list(posts: list[Post]) -> list[Card]:
        return [cards[p.slug] for p in posts]

    pages: list[PageSpec] = []
    by_category = content.by_category()
    pages.append(PageSpec(
        url="", title="Beranda", template="etalase/home.html", kind="home", description=site_description,
        context={
            "latest": card_list(content.posts[:home_latest]),
            "sections": [
                {"category": cat, "label": label, "url": urls.category(cat),
                 "cards": card_list(by_category.get(cat, [])[:home_per_category])}
                for cat, label in CATEGORY_LABELS.items()
            ],
        },
    ))

    by_region = content.by_region()
    for post in content.posts:
        related = [cards[p.slug] for p in _related(post, by_region, by_category)]
        pages.append(_post_page(post, content, photos, related))

    for cat, label in CATEGORY_LABELS.items():
        pages += _listing(by_category.get(cat, []), card_list, per_page, "category", urls.category, cat,
                          label, f"Kabar {label.lower()} terbaru dari para kreator.")
    for tag, posts in content.by_tag().items():
        pages += _listing(posts, card_list, per_page, "tag", urls.tag, tag, f"#{tag}",
                          f"Semua pos berlabel #{tag}.")
    for place_id, posts in by_region.items():
        place = content.places[place_id]
        pages += _listing(posts, card_list, per_page, "region", urls.region, place_id, place.label,
                          f"Wisata, UMKM, budaya dan pembangunan di {place.label}.", place=place)
    for creator_id, posts in content.by_creator().items():
        creator = content.creators[creator_id]
        pages += _listing(posts, card_list, per_page, "creator", urls.creator, creator_id, creator.data.name,
                          creator.data.bio, creator=creator, photo=photos.get(creator.photo))

    months = content.by_month()
    pages.append(PageSpec(
        url=urls.archive(), title="Arsip", template="etalase/archive.html", kind="archive",
        description="Semua pos menurut bulan terbit.",
        context={"months": [{"key": key, "label": month_label(key), "url": urls.archive(key), "count": len(posts)}
                            for key, posts in sorted(months.items(), reverse=True)]},
    ))
    for key, posts in sorted(months.items(), reverse=True):
        pages += _listing(posts, card_list, per_page, "archive", urls.archive, key, month_label(key),
                          f"Pos yang terbit pada {month_label(key)}.")
    pages.append(PageSpec(url=f"{urls.SEARCH}/", title="Cari", template="etalase/search.html", kind="search",
                          description="Cari wisata, UMKM, budaya dan pembangunan."))
    return pages


def _post_page(post: Post, content: Content, photos: dict, related: list[Card]) -> PageSpec:
    gallery = post.photos[1: 1 + len(post.meta.gallery)]
    return PageSpec(
        url=post.url, title=post.meta.title, template="etalase/post.html", kind="post",
        description=post.meta.summary,
        # A leading blank line stops MkDocs from reading the body as its own meta-data.
        markdown="\n" + post.body,
        context={
            "post": post,
            "place": content.places[post.meta.region],
            "creators": [content.creators[c] for c in post.meta.creators],
            "cover": photos[post.cover],
            "gallery": [{"photo": photos[ref.file], "meta": meta} for ref, meta in zip(gallery, post.meta.gallery)],
            "reading_minutes": max(1, round(len(post.body.split()) / WORDS_PER_MINUTE)),
            "related": related,
        },
    )


def _related(post: Post, by_region: dict[str, list[Post]], by_category: dict[str, list[Post]],
             limit: int = 3) -> list[Post]:
    """Newest other posts of the same place, then of the same category."""
    picked: list[Post] = []
    for group in (by_region.get(post.meta.region, []), by_category.get(post.category, [])):
        for other in group[: limit + len(picked) + 1]:
            if other is not post and other not in picked:
                picked.append(other)
                if len(picked) == limit:
                    return picked
    return picked


def _listing(posts: list[Post], card_list, per_page: int, kind: str, url_of, key: str, title: str,
             description: str, **extra: Any) -> list[PageSpec]:
    """The pages of one listing, ``per_page`` cards each."""
    count = max(1, ceil(len(posts) / per_page))
    page_urls = [url_of(key, page=n) for n in range(1, count + 1)]
    specs = []
    for n in range(1, count + 1):
        chunk = posts[(n - 1) * per_page: n * per_page]
        specs.append(PageSpec(
            url=page_urls[n - 1], title=title if n == 1 else f"{title} (halaman {n})",
            template="etalase/listing.html", kind=kind, description=description,
            context={"key": key, "heading": title, "total": len(posts), "cards": card_list(chunk),
                     "pagination": Pagination(n, count, page_urls), **extra},
        ))
    return specs
