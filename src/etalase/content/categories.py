"""The categories a post can have, declared once each in :data:`REGISTRY`.

Everything that differs by category is derived from its :class:`Category`:

* the post model of the category (the common fields plus its block), and from
  it validation, the JSON Schema, the guide's tables, the scaffold and the
  issue forms (:mod:`etalase.authoring.schema_docs`);
* its listing pages and feeds, its home-page section and blurb, its tab in
  the navigation (:mod:`etalase.build.listings`, :mod:`etalase.build.pages`,
  :mod:`etalase.build.plugin`);
* its colour (a CSS custom property ``--etalase-<id>``, overridable in
  ``extra.brand.colors.categories``) and its social cards;
* the schema.org entity a post of the category is about (:mod:`etalase.build.seo`).

Adding a category is one entry in :data:`REGISTRY` (with its block model in
:mod:`etalase.content.schema`), one partial ``overrides/partials/etalase/info-<id>.html``
that draws the block on the post page, and one demo post. :func:`missing_pieces`
reports a category whose partial is missing before anything is built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, Discriminator, Field, Tag, create_model

from etalase.content import urls
from etalase.content.problems import Problem
from etalase.content.schema import Accessibility, Budaya, Pembangunan, PostBase, Product, Umkm, Wisata

PARTIALS = "partials/etalase"
"""Folder of the category partials inside the theme (``overrides/``)."""


@dataclass(frozen=True)
class EntityContext:
    """What a category's schema.org builder may use besides the post's fields."""

    url: str
    """Canonical URL of the post."""
    address: Callable[[str | None], dict[str, Any]]
    """A schema.org ``PostalAddress`` of the post's place, with an optional street line."""


EntityBuilder = Callable[[Any, Any, EntityContext], "dict[str, Any] | None"]
"""``(post meta, category block, context)`` → the schema.org thing the post is about, or ``None``."""


@dataclass(frozen=True)
class Category:
    """One category: what it is called, what its block holds and how the site shows it."""

    id: str
    """Key in front matter (``category: wisata``), name of its block and its URL (``/wisata/``)."""
    label: str
    """Shown to visitors: ``Wisata``, ``UMKM``."""
    block: type[BaseModel]
    """The model of the category's block (``wisata:``)."""
    block_description: str
    """What the block is, for the guide and the JSON Schema (Indonesian)."""
    blurb: str
    """One line under the category's section on the home page."""
    colour: str
    """Default colour (``#rrggbb``) of tags, cards and social cards; white text on it must reach 4.5:1."""
    entity: EntityBuilder | None = None
    """Builds the schema.org entity a post is about (``TouristAttraction``…), if schema.org has one."""
    place: bool = False
    """Posts are about a place a visitor goes: they may describe its accessibility."""
    home_heading: str = ""
    """The heading of the category's block on the home page (``Jelajah``); empty: its label."""

    @property
    def partial(self) -> str:
        """Template that draws the block on the post page."""
        return f"{PARTIALS}/info-{self.id}.html"

    @property
    def url(self) -> str:
        return urls.category(self.id)

    @property
    def listing_description(self) -> str:
        return f"Kabar {self.label} terbaru dari para kreator."


class Registry:
    """Every category, in the order the site shows them; post models are derived on demand."""

    def __init__(self, categories: list[Category]):
        self._categories: dict[str, Category] = {}
        self._models: dict[str, type[PostBase]] = {}
        for category in categories:
            self.add(category)

    def add(self, category: Category) -> None:
        """Register ``category`` after the others."""
        if category.id in self._categories:
            raise ValueError(f"category {category.id!r} is already registered")
        self._categories[category.id] = category
        self._models.clear()

    def remove(self, category_id: str) -> None:
        del self._categories[category_id]
        self._models.clear()

    @contextmanager
    def extended(self, category: Category) -> Iterator[Category]:
        """``category`` registered for the duration of a ``with`` block (tests, experiments)."""
        self.add(category)
        try:
            yield category
        finally:
            self.remove(category.id)

    @contextmanager
    def replaced(self, category: Category) -> Iterator[Category]:
        """``category`` in place of the registered one of its id for a ``with`` block (tests, experiments)."""
        original = self._categories[category.id]
        self._categories[category.id] = category
        self._models.clear()
        try:
            yield category
        finally:
            self._categories[category.id] = original
            self._models.clear()

    def __iter__(self) -> Iterator[Category]:
        return iter(list(self._categories.values()))

    def __contains__(self, category_id: object) -> bool:
        return category_id in self._categories

    def __getitem__(self, category_id: str) -> Category:
        return self._categories[category_id]

    def ids(self) -> list[str]:
        return list(self._categories)

    def labels(self) -> dict[str, str]:
        """``{id: label}`` in order."""
        return {category.id: category.label for category in self}

    def post_model(self, category_id: str) -> type[PostBase]:
        """The model of a post of ``category_id``: the common fields, ``category`` and its block."""
        if category_id not in self._models:
            category = self._categories[category_id]
            place: dict[str, Any] = {}
            if category.place:
                place["accessibility"] = (
                    Accessibility | None,
                    Field(
                        default=None,
                        description="Aksesibilitas tempat bagi difabel (opsional, sangat dianjurkan)",
                        examples=[
                            {
                                "wheelchair": "sebagian",
                                "accessible_toilet": False,
                                "path": "Jalan dari parkir: permukaan dan kemiringannya",
                            }
                        ],
                    ),
                )
            self._models[category_id] = create_model(  # type: ignore[call-overload]
                f"{category.block.__name__}Post",
                __base__=PostBase,
                __doc__=f"A post of category {category.id}.",
                category=(Literal[category.id], Field(description="Kategori pos")),
                **{category.id: (category.block, Field(description=category.block_description))},
                **place,
            )
        return self._models[category_id]

    def post_models(self) -> dict[str, type[PostBase]]:
        """Every category's post model, by category id."""
        return {category_id: self.post_model(category_id) for category_id in self._categories}

    def front_matter(self) -> Any:
        """Any post: a union of the post models told apart by ``category`` (for the JSON Schema)."""
        members = tuple(Annotated[model, Tag(category_id)] for category_id, model in self.post_models().items())
        return Annotated[Union[members], Discriminator("category")]  # noqa: UP007 - a runtime union of models

    def any_category_model(self) -> type[PostBase]:
        """A post whose category is unknown: its common fields are still checked, blocks are not."""
        return create_model(  # type: ignore[call-overload]
            "UnknownCategoryPost",
            __base__=PostBase,
            category=(Any, None),
            accessibility=(Any, None),
            **{category_id: (Any, None) for category_id in self._categories},
        )

    def places(self) -> list[Category]:
        """Categories whose posts are about a place a visitor goes."""
        return [category for category in self if category.place]


def missing_pieces(registry: Registry, template_dirs: list[Path], config_file: Path) -> list[Problem]:
    """Categories that would break the build: a partial missing from the theme, a colour not ``#rrggbb``.

    Reported as problems of ``config_file`` before anything is built, never as
    a ``TemplateNotFound`` halfway through.
    """
    problems = []
    for category in registry:
        if not any((folder / category.partial).is_file() for folder in template_dirs):
            problems.append(
                Problem(
                    config_file,
                    None,
                    f"kategori {category.id}",
                    f"templat {category.partial} tidak ada di tema (overrides/); buat templat itu "
                    "untuk menampilkan blok kategori di halaman pos",
                    f"template {category.partial} is missing from the theme (overrides/); "
                    "create it to show the category's block on the post page",
                )
            )
    return problems


# --------------------------------------------------------------------------
# schema.org entities
# --------------------------------------------------------------------------


def _tourist_attraction(meta: Any, info: Wisata, ctx: EntityContext) -> dict[str, Any]:
    entity: dict[str, Any] = {
        "@type": "TouristAttraction",
        "@id": ctx.url + "#tempat",
        "name": info.place,
        "address": ctx.address(info.address),
    }
    if info.coordinates:
        lat, lon = info.coordinates.lat, info.coordinates.lon
        entity["geo"] = {"@type": "GeoCoordinates", "latitude": lat, "longitude": lon}
        entity["hasMap"] = urls.map_url(lat, lon)
    if info.facilities:
        entity["amenityFeature"] = [
            {"@type": "LocationFeatureSpecification", "name": name, "value": True} for name in info.facilities
        ]
    return entity


def _offer(product: str | Product) -> dict[str, Any]:
    if isinstance(product, str):
        return {"@type": "Offer", "itemOffered": {"@type": "Product", "name": product}}
    offer: dict[str, Any] = {"@type": "Offer", "itemOffered": {"@type": "Product", "name": product.name}}
    if product.price is not None:
        offer.update({"price": product.price, "priceCurrency": "IDR"})
    return offer


def _local_business(meta: Any, info: Umkm, ctx: EntityContext) -> dict[str, Any]:
    entity: dict[str, Any] = {
        "@type": "LocalBusiness",
        "@id": ctx.url + "#usaha",
        "name": info.business,
        "address": ctx.address(info.address),
        "telephone": info.whatsapp,
        "priceRange": info.price_range,
        "makesOffer": [_offer(product) for product in info.products],
    }
    if info.coordinates:
        lat, lon = info.coordinates.lat, info.coordinates.lon
        entity["geo"] = {"@type": "GeoCoordinates", "latitude": lat, "longitude": lon}
        entity["hasMap"] = urls.map_url(lat, lon)
    if info.links:
        entity["sameAs"] = [str(getattr(link, "url", link)) for link in info.links]
    if info.certificates:
        entity["hasCredential"] = [
            {"@type": "EducationalOccupationalCredential", "credentialCategory": c.type, "identifier": c.number}
            for c in info.certificates
        ]
    return entity


def _event(meta: Any, info: Budaya, ctx: EntityContext) -> dict[str, Any] | None:
    """A dated event; a living tradition (no dates) is no schema.org ``Event``."""
    if info.start is None:
        return None
    entity: dict[str, Any] = {
        "@type": "Event",
        "@id": ctx.url + "#acara",
        "name": meta.title,
        "startDate": info.start.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {"@type": "Place", "name": info.venue, "address": ctx.address(None)},
        "organizer": {"@type": "Organization", "name": info.organiser},
    }
    if info.end:
        entity["endDate"] = info.end.isoformat()
    if info.repeat == "tahunan":  # held every year on the same date, from the first one written
        entity["eventSchedule"] = {
            "@type": "Schedule",
            "repeatFrequency": "P1Y",
            "startDate": info.start.date().isoformat(),
        }
    return entity


REGISTRY = Registry(
    [
        Category(
            id="wisata",
            home_heading="Jelajah",
            label="Wisata",
            block=Wisata,
            block_description="Info tempat wisata",
            blurb="Pantai, bukit, air terjun, dan taman yang layak dikunjungi.",
            colour="#0f6e56",
            entity=_tourist_attraction,
            place=True,
        ),
        Category(
            id="umkm",
            home_heading="Belanja produk lokal",
            label="UMKM",
            block=Umkm,
            block_description="Info usaha",
            blurb="Usaha warga: makanan, kerajinan, oleh-oleh. Pesan langsung lewat WhatsApp.",
            colour="#a14a00",
            entity=_local_business,
            place=True,
        ),
        Category(
            id="budaya",
            home_heading="Budaya dan tradisi",
            label="Budaya",
            block=Budaya,
            block_description="Info acara atau tradisi",
            blurb="Acara, tradisi, dan seni yang hidup di kampung dan desa.",
            colour="#8a2a6b",
            entity=_event,
            place=True,
        ),
        Category(
            id="pembangunan",
            home_heading="Kabar pembangunan",
            label="Pembangunan",
            block=Pembangunan,
            block_description="Info proyek pembangunan dan sumbernya",
            blurb="Jalan, jembatan, dan fasilitas umum: apa yang dibangun, oleh siapa, dan sumbernya.",
            colour="#2f4f9a",
        ),
    ]
)
"""The categories of this site, in the order of the home page and the navigation."""
