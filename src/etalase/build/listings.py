"""The kinds of listing page, declared as data: one :class:`ListingKind` each in :data:`KINDS`.

A listing kind says which posts go together (a category, a tag, a place, a
creator, a month…), where their pages live, what they are called and how
they are described. :mod:`etalase.build.pages` makes paginated pages of cards for
every group of every kind in one pass over the posts, so the work stays
linear in the number of posts.

Adding a listing kind (say, by agency) is one entry here and, at most, a
template.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from etalase.content import urls
from etalase.content.categories import REGISTRY, Category
from etalase.content.datetext import MONTHS
from etalase.content.structure import Content, CreatorEntry, Place, Post


def month_label(key: str) -> str:
    """``2026/10`` → ``Oktober 2026``."""
    year, month = key.split("/")
    return f"{MONTHS[int(month) - 1]} {year}"


def _all_categories() -> str:
    """``Wisata, UMKM, Budaya dan Pembangunan``, from the registry."""
    labels = list(REGISTRY.labels().values())
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " dan " + labels[-1]


@dataclass(frozen=True)
class ListingKind:
    """One kind of listing: how posts are grouped and how each group's pages look."""

    name: str
    """Short name, used in CSS classes (``etalase-listing--tag``) and tests."""
    base: str
    """First URL part of its pages (``tag`` → ``/tag/<key>/``); ``""`` puts the key first (``/wisata/``)."""
    kicker: str
    """The small line above the heading: what kind of group this is."""
    keys: Callable[[Post, Content], Iterable[str]]
    """The groups a post belongs to."""
    heading: Callable[[str, Content], str]
    """The heading (and title) of a group's pages."""
    description: Callable[[str, Content], str]
    """The description of a group's pages (meta description, line under the heading)."""
    subject: Callable[[str, Content], Any] = field(default=lambda key, content: key)
    """What a group is about, for its template (a :class:`~etalase.content.structure.Place`, a creator…)."""
    parents: Callable[[str, Content], list[tuple[str, str]]] = field(default=lambda key, content: [])
    """``(name, url)`` of the breadcrumbs between the home page and a group's first page."""
    always: Callable[[Content], Iterable[str]] = field(default=lambda content: ())
    """Groups that have pages even when no post is in them."""
    template: str = "etalase/listing.html"
    feeds: bool = False
    """Whether each group also has RSS and JSON feeds (in its folder)."""
    figures: Callable[[Content], Mapping[str, Any]] | None = None
    """Figures about every group at once, ``{key: figures}``, from one pass over all posts; each page of a
    group shows its group's beside the cards (a creator's posts per category, first and latest date)."""

    def url(self, key: str, page: int = 1) -> str:
        return urls.listing(self.base, key, page)

    def groups(self, content: Content) -> dict[str, list[Post]]:
        """Every group of this kind with its posts, newest first, in one pass."""
        groups = content.group(lambda post: self.keys(post, content))
        for key in self.always(content):
            groups.setdefault(key, [])
        return dict(sorted(groups.items()))


def _place_keys(post: Post, content: Content) -> list[str]:
    """A desa's post also belongs to its kecamatan."""
    place = content.place_of(post)
    return [place.kecamatan_id, place.id] if place.is_desa else [place.id]


def _place_parents(key: str, content: Content) -> list[tuple[str, str]]:
    place = content.places[key]
    return [(f"Kec. {place.kecamatan_name}", urls.region(place.kecamatan_id))] if place.is_desa else []


@dataclass(frozen=True)
class CreatorProfile:
    """What is said of a creator beside the cards: posts per category, dates, home region."""

    creator: CreatorEntry
    per_category: list[tuple[Category, int]]
    """Posts in each category, in the registry's order, zeros included."""
    first: datetime | None
    """Date of the creator's first post; ``None`` before any."""
    latest: datetime | None
    region: Place | None
    """Where the creator is from (``region`` of the creator file)."""
    region_url: str | None
    """The region's listing page; ``None`` when it has none (no post there yet)."""

    @property
    def posts(self) -> int:
        return sum(count for _, count in self.per_category)

    @property
    def initial(self) -> str:
        """The first letter or digit of the name, upper case: the avatar of a creator without a photo."""
        return next((char.upper() for char in self.creator.data.name if char.isalnum()), "?")


def creator_profiles(content: Content) -> dict[str, CreatorProfile]:
    """Every creator's profile, in one pass over the posts; a co-written post counts for each of its creators."""
    counts: dict[str, Counter[str]] = {creator_id: Counter() for creator_id in content.creators}
    dates: dict[str, list[datetime]] = {}
    places_with_posts: set[str] = set()
    for post in content.posts:
        places_with_posts.update(_place_keys(post, content))
        for creator_id in dict.fromkeys(post.meta.creators):
            counts[creator_id][post.category] += 1
            dates.setdefault(creator_id, []).append(post.meta.date)
    profiles = {}
    for creator_id, creator in content.creators.items():
        region = content.places[creator.data.region] if creator.data.region else None
        own = dates.get(creator_id, [])
        profiles[creator_id] = CreatorProfile(
            creator=creator,
            per_category=[(category, counts[creator_id][category.id]) for category in REGISTRY],
            first=min(own, default=None),
            latest=max(own, default=None),
            region=region,
            region_url=region.url if region and region.id in places_with_posts else None,
        )
    return profiles


CATEGORY = ListingKind(
    name="category",
    base="",
    kicker="Kategori",
    keys=lambda post, content: [post.category],
    heading=lambda key, content: REGISTRY[key].label,
    description=lambda key, content: REGISTRY[key].listing_description,
    subject=lambda key, content: REGISTRY[key],
    always=lambda content: REGISTRY.ids(),
    feeds=True,
)
TAG = ListingKind(
    name="tag",
    base=urls.TAGS,
    kicker="Label",
    keys=lambda post, content: post.meta.tags,
    heading=lambda key, content: f"#{key}",
    description=lambda key, content: f"Semua pos berlabel #{key}.",
)
REGION = ListingKind(
    name="region",
    base=urls.REGIONS,
    kicker="Wilayah",
    keys=_place_keys,
    heading=lambda key, content: content.places[key].label,
    description=lambda key, content: f"{_all_categories()} di {content.places[key].label}.",
    subject=lambda key, content: content.places[key],
    parents=_place_parents,
)
CREATOR = ListingKind(
    name="creator",
    base=urls.CREATORS,
    kicker="Kreator",
    keys=lambda post, content: post.meta.creators,
    heading=lambda key, content: content.creators[key].data.name,
    description=lambda key, content: content.creators[key].data.bio,
    subject=lambda key, content: content.creators[key],
    parents=lambda key, content: [("Kreator", urls.creators())],
    # No ``always``: a creator with no published post has no page (the index of creators lists them,
    # "belum ada pos", without a link).
    template="etalase/creator.html",
    figures=creator_profiles,
)
MONTH = ListingKind(
    name="archive",
    base=urls.ARCHIVE,
    kicker="Arsip",
    keys=lambda post, content: [post.meta.date.strftime("%Y/%m")],
    heading=lambda key, content: month_label(key),
    description=lambda key, content: f"Pos yang terbit pada {month_label(key)}.",
    parents=lambda key, content: [("Arsip", urls.archive())],
)


def _accessible(post: Post, content: Content) -> list[str]:
    accessibility = getattr(post.meta, "accessibility", None)
    return [""] if accessibility is not None and accessibility.welcoming else []


ACCESSIBLE = ListingKind(
    name="accessible",
    base=urls.ACCESSIBLE,
    kicker="Aksesibilitas",
    keys=_accessible,
    heading=lambda key, content: "Ramah difabel",
    description=lambda key, content: (
        "Tempat yang bisa dijangkau pengguna kursi roda, atau punya toilet, parkir "
        "khusus, atau menerima anjing pemandu, menurut kreator yang datang langsung."
    ),
    always=lambda content: [""],
)

KINDS: list[ListingKind] = [CATEGORY, TAG, REGION, CREATOR, MONTH, ACCESSIBLE]
"""Every listing kind of the site, in the order their pages are generated."""
