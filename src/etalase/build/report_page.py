"""The programme's report (``/laporan/``): what the content produced, for Diskominfo and the public.

Every figure comes from the published posts of the report's period: the
:data:`PERIOD_MONTHS` calendar months that end with the month of the newest
post. The report is dated by the content, never by the build's clock, so two
builds of the same content publish the same bytes. A post belongs to the
month of its own date, as in the archive.

* Posts per month, by category; posts per kecamatan (every kecamatan of
  ``regions.yml``, zeros included: under-covered areas are the point); the
  most active creators and the number of active creators per month. A
  co-written post counts once for each of its creators.
* Photos: every photo a post of the period names (cover, gallery, body),
  once per post, and their weight *as a phone gets them*: the bytes of
  :func:`served_rendition`, read from the processed files.
* Accessibility: of the posts about a place a visitor goes to (categories
  with :attr:`~etalase.content.categories.Category.place`), those whose front matter
  has an ``accessibility`` block.

:meth:`Report.charts` gives each chart with its table (drawn by
:mod:`etalase.build.charts`); :meth:`Report.json_text` and :meth:`Report.csv_text`
publish the same figures as ``laporan.json`` and ``laporan.csv``.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from markupsafe import Markup

from etalase.build import charts
from etalase.build.charts import Chart, Series, number
from etalase.content.brand import Brand
from etalase.content.categories import REGISTRY, Category
from etalase.content.datetext import MONTHS
from etalase.content.structure import Content, CreatorEntry, Place
from etalase.photos.types import ProcessedPhoto, Rendition

PERIOD_MONTHS = 12
TOP_CREATORS = 10
PHONE_CSS_WIDTH = 360
"""Width of the phones most readers use (CSS pixels)."""
PHONE_PIXEL_RATIO = 2
SERVED_AS = (
    f"WebP terkecil yang lebarnya paling sedikit {PHONE_CSS_WIDTH * PHONE_PIXEL_RATIO} px (800 px pada "
    f"pengaturan bawaan): yang diunduh ponsel selebar {PHONE_CSS_WIDTH} px dengan rasio piksel "
    f"{PHONE_PIXEL_RATIO} untuk foto selebar layar; foto yang lebih kecil: rendisi terbesarnya"
)
"""Which rendition the photo weight counts, as the report says it."""
CSV_HEADER = ["bulan", "kategori", "kecamatan_id", "kecamatan", "kreator_id", "kreator", "pos"]


def served_rendition(photo: ProcessedPhoto) -> Rendition:
    """The rendition a phone fetches for ``photo`` drawn full width (``sizes="100vw"``, see ``srcset``).

    A 360 CSS px phone at a device pixel ratio of 2 needs 720 pixels: the
    browser takes the narrowest WebP at least that wide, the widest when none is.
    """
    webp = sorted((r for r in photo.renditions if r.format == "webp"), key=lambda r: r.width)
    need = PHONE_CSS_WIDTH * PHONE_PIXEL_RATIO
    return next((r for r in webp if r.width >= need), webp[-1])


@dataclass(frozen=True)
class Month:
    """A calendar month of the report."""

    year: int
    month: int

    @property
    def key(self) -> str:
        """``2026-10``: how the JSON and the CSV name it."""
        return f"{self.year}-{self.month:02d}"

    @property
    def label(self) -> str:
        return f"{MONTHS[self.month - 1]} {self.year}"

    @property
    def short(self) -> str:
        """``Okt``: under a column of a chart."""
        return MONTHS[self.month - 1][:3]

    def before(self) -> Month:
        return Month(self.year - 1, 12) if self.month == 1 else Month(self.year, self.month - 1)


def period(newest: datetime) -> list[Month]:
    """The :data:`PERIOD_MONTHS` months that end with ``newest``'s, oldest first."""
    months = [Month(newest.year, newest.month)]
    while len(months) < PERIOD_MONTHS:
        months.append(months[-1].before())
    return months[::-1]


@dataclass(frozen=True)
class Row:
    """One line of ``laporan.csv``: the posts of one month and category in one kecamatan by one creator."""

    month: Month
    category: Category
    kecamatan: Place
    creator: CreatorEntry
    posts: int


@dataclass
class Report:
    """The figures of the report's period."""

    newest: datetime | None
    """Date of the newest post: what the report is dated by (``None``: no post yet)."""
    months: list[Month]
    per_month: list[Counter[str]]
    """Posts of each month (aligned with :attr:`months`) by category id."""
    kecamatan: list[tuple[Place, int]]
    """Every kecamatan of ``regions.yml`` in its order, with its posts (a desa's count for its kecamatan)."""
    creators: list[tuple[CreatorEntry, int]]
    """Every creator with a post in the period, most posts first (then by name)."""
    active: list[int]
    """Creators with at least one post in each month (aligned with :attr:`months`)."""
    photos: int
    photo_bytes: int
    """Bytes of every photo's :func:`served_rendition`."""
    place_posts: int
    """Posts about a place a visitor goes to (wisata, UMKM, budaya)."""
    accessible_posts: int
    """Of those, posts with an ``accessibility`` block."""
    rows: list[Row]

    @property
    def posts(self) -> int:
        return sum(sum(counts.values()) for counts in self.per_month)

    @property
    def period_label(self) -> str:
        return f"{self.months[0].label} – {self.months[-1].label}" if self.months else ""

    def summary(self) -> list[tuple[str, str]]:
        """``(what, how much)`` of the period, the report's first lines."""
        share = f"{round(100 * self.accessible_posts / self.place_posts)}%" if self.place_posts else "–"
        return [
            ("Pos terbit", number(self.posts)),
            ("Kreator yang menerbitkan pos", number(len(self.creators))),
            ("Foto terbit", number(self.photos)),
            ("Bobot foto yang diunduh ponsel", _size(self.photo_bytes)),
            (
                "Pos tentang tempat dengan info aksesibilitas",
                f"{number(self.accessible_posts)} dari {number(self.place_posts)} ({share})",
            ),
        ]

    def notes(self) -> list[str]:
        """How the figures are counted, as the page and ``laporan.json`` say it."""
        places = ", ".join(category.label for category in REGISTRY if category.place)
        return [
            f"Periode: {PERIOD_MONTHS} bulan kalender yang berakhir pada bulan pos terbaru. Laporan diberi tanggal "
            "menurut konten, bukan menurut waktu situs dibangun.",
            "Hanya pos yang sudah terbit yang dihitung; setiap pos masuk ke bulan tanggal terbitnya.",
            "Pos yang ditulis bersama dihitung untuk setiap penulisnya; pos dari desa dihitung untuk kecamatannya.",
            f"Foto terbit: setiap foto yang dipakai pos (sampul, galeri, isi). Bobotnya: {SERVED_AS}.",
            f"Info aksesibilitas: pos {places} yang mengisi blok accessibility.",
            "laporan.csv: satu baris per bulan, kategori, kecamatan dan kreator yang punya pos, dalam UTF-8. Bila "
            "Excel menaruh semuanya dalam satu kolom, buka lewat Data → Dari Teks/CSV.",
        ]

    def charts(self, brand: Brand) -> list[Chart]:
        """Each chart of the report with its table, in the brand's colours."""
        if not self.months:
            return []
        first, last = self.months[0].label, self.months[-1].label
        labels = [(m.short, str(m.year)) for m in self.months]
        totals = [sum(counts.values()) for counts in self.per_month]
        busiest = max(range(len(totals)), key=lambda i: (totals[i], i))
        categories = list(REGISTRY)
        per_month = _chart(
            "grafik-pos-bulanan",
            "Pos per bulan menurut kategori",
            f"Diagram batang bertumpuk: jumlah pos setiap bulan, {first} sampai {last}. Setiap kategori punya "
            f"warna dan pola sendiri, bertumpuk dari bawah: {', '.join(c.label for c in categories)}. Seluruhnya "
            f"{number(self.posts)} pos; terbanyak {self.months[busiest].label} ({number(totals[busiest])} pos).",
            ["Bulan", *(c.label for c in categories), "Jumlah"],
            [
                [m.label, *(number(counts[c.id]) for c in categories), number(total)]
                for m, counts, total in zip(self.months, self.per_month, totals)
            ],
            lambda chart_id, title, text: charts.columns(
                chart_id,
                title,
                text,
                labels,
                [Series(c.label, brand.colour_of(c.id)) for c in categories],
                [[counts[c.id] for c in categories] for counts in self.per_month],
            ),
        )

        fewest_first = sorted(self.kecamatan, key=lambda item: item[1])
        none = [place.label for place, posts in fewest_first if not posts]
        coverage = (
            f"Belum ada pos dari {', '.join(none)}."
            if none
            else f"Setiap kecamatan punya pos; paling sedikit {fewest_first[0][0].label} "
            f"({number(fewest_first[0][1])} pos)."
        )
        kecamatan = _chart(
            "grafik-kecamatan",
            "Pos per kecamatan",
            f"Diagram batang: jumlah pos dari setiap kecamatan, {first} sampai {last}, dari yang paling sedikit. "
            f"Pos dari desa dihitung untuk kecamatannya. {coverage}",
            ["Kecamatan", "Pos"],
            [[place.label, number(posts)] for place, posts in fewest_first],
            lambda chart_id, title, text: charts.bars(
                chart_id,
                title,
                text,
                [(place.label, posts) for place, posts in fewest_first],
                brand.colors.primary,
                "pos",
                "0 · belum ada pos",
                brand.colors.accent,
            ),
        )

        top = self.creators[:TOP_CREATORS]
        leader = f" Teratas: {top[0][0].data.name} ({number(top[0][1])} pos)." if top else ""
        creators = _chart(
            "grafik-kreator-teraktif",
            "Kreator paling aktif",
            f"Diagram batang: {len(top)} kreator dengan pos terbanyak, {first} sampai {last}. Pos yang ditulis "
            f"bersama dihitung untuk setiap penulisnya.{leader}",
            ["Kreator", "Pos"],
            [[creator.data.name, number(posts)] for creator, posts in top],
            lambda chart_id, title, text: charts.bars(
                chart_id,
                title,
                text,
                [(creator.data.name, posts) for creator, posts in top],
                brand.colors.primary,
                "pos",
                "0",
                brand.colors.accent,
            ),
        )

        most = max(range(len(self.active)), key=lambda i: (self.active[i], i))
        active = _chart(
            "grafik-kreator-aktif",
            "Kreator aktif per bulan",
            f"Diagram batang: jumlah kreator yang menerbitkan paling sedikit satu pos setiap bulan, {first} sampai "
            f"{last}. Tertinggi {self.months[most].label} ({number(self.active[most])} kreator).",
            ["Bulan", "Kreator aktif"],
            [[m.label, number(count)] for m, count in zip(self.months, self.active)],
            lambda chart_id, title, text: charts.columns(
                chart_id,
                title,
                text,
                labels,
                [Series("Kreator aktif", brand.colors.primary)],
                [[count] for count in self.active],
            ),
        )
        return [per_month, kecamatan, creators, active]

    def as_data(self) -> dict[str, Any]:
        """The report's figures as plain data: what ``laporan.json`` holds."""
        return {
            "period": {"from": self.months[0].key, "to": self.months[-1].key} if self.months else None,
            "data_until": self.newest.isoformat() if self.newest else None,
            "posts": self.posts,
            "categories": [{"id": c.id, "label": c.label} for c in REGISTRY],
            "posts_per_month": [
                {
                    "month": m.key,
                    "label": m.label,
                    "posts": sum(counts.values()),
                    "by_category": {c.id: counts[c.id] for c in REGISTRY},
                }
                for m, counts in zip(self.months, self.per_month)
            ],
            "posts_per_kecamatan": [
                {"id": place.id, "name": place.name, "posts": posts} for place, posts in self.kecamatan
            ],
            "creators_with_posts": len(self.creators),
            "most_active_creators": [
                {"id": creator.id, "name": creator.data.name, "posts": posts}
                for creator, posts in self.creators[:TOP_CREATORS]
            ],
            "active_creators_per_month": [
                {"month": m.key, "creators": count} for m, count in zip(self.months, self.active)
            ],
            "photos": {"published": self.photos, "bytes_as_served": self.photo_bytes, "rendition": SERVED_AS},
            "accessibility": {"place_posts": self.place_posts, "with_accessibility": self.accessible_posts},
            "notes": self.notes(),
        }

    def json_text(self) -> str:
        return json.dumps(self.as_data(), ensure_ascii=False, indent=2) + "\n"

    def csv_text(self) -> str:
        """One row per month, category, kecamatan and creator with posts; UTF-8 with a BOM, so Excel reads it."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(CSV_HEADER)
        for row in self.rows:
            writer.writerow(
                [
                    row.month.key,
                    row.category.label,
                    row.kecamatan.id,
                    row.kecamatan.name,
                    row.creator.id,
                    row.creator.data.name,
                    row.posts,
                ]
            )
        return "\ufeff" + out.getvalue()


def build_report(content: Content, photos: dict[Path, ProcessedPhoto]) -> Report:
    """The report of ``content``'s published posts, in one pass over them."""
    newest = max((post.meta.date for post in content.posts), default=None)
    months = period(newest) if newest else []
    month_index = {month.key: index for index, month in enumerate(months)}
    per_month: list[Counter[str]] = [Counter() for _ in months]
    active: list[set[str]] = [set() for _ in months]
    by_kecamatan: Counter[str] = Counter()
    by_creator: Counter[str] = Counter()
    cells: Counter[tuple[int, str, str, str]] = Counter()
    photo_files: set[Path] = set()
    place_posts = accessible_posts = 0
    for post in content.posts:
        index = month_index.get(post.meta.date.strftime("%Y-%m"))
        if index is None:
            continue
        kecamatan = content.place_of(post).kecamatan_id
        per_month[index][post.category] += 1
        by_kecamatan[kecamatan] += 1
        for creator_id in dict.fromkeys(post.meta.creators):
            by_creator[creator_id] += 1
            active[index].add(creator_id)
            cells[index, post.category, kecamatan, creator_id] += 1
        photo_files.update(ref.file for ref in post.photos)
        if post.category_def.place:
            place_posts += 1
            accessible_posts += getattr(post.meta, "accessibility", None) is not None

    kecamatan_order = [place for place in content.places.values() if not place.is_desa]
    rank = {place.id: n for n, place in enumerate(kecamatan_order)}
    category_rank = {category_id: n for n, category_id in enumerate(REGISTRY.ids())}

    def name_key(creator_id: str) -> tuple[str, str]:
        return content.creators[creator_id].data.name.casefold(), creator_id

    rows = [
        Row(months[i], REGISTRY[category], content.places[kecamatan], content.creators[creator], posts)
        for (i, category, kecamatan, creator), posts in sorted(
            cells.items(),
            key=lambda item: (item[0][0], category_rank[item[0][1]], rank[item[0][2]], name_key(item[0][3])),
        )
    ]
    return Report(
        newest=newest,
        months=months,
        per_month=per_month,
        kecamatan=[(place, by_kecamatan[place.id]) for place in kecamatan_order],
        creators=[
            (content.creators[creator_id], posts)
            for creator_id, posts in sorted(by_creator.items(), key=lambda item: (-item[1], *name_key(item[0])))
        ],
        active=[len(ids) for ids in active],
        photos=len(photo_files),
        photo_bytes=sum(served_rendition(photos[file]).file.stat().st_size for file in sorted(photo_files)),
        place_posts=place_posts,
        accessible_posts=accessible_posts,
        rows=rows,
    )


def _chart(
    chart_id: str,
    title: str,
    description: str,
    head: list[str],
    rows: list[list[str]],
    draw: Callable[[str, str, str], Markup],
) -> Chart:
    """A chart and its table; ``draw(chart_id, title, description)`` draws the SVG."""
    return Chart(chart_id, title, description, draw(chart_id, title, description), head, rows)


def _size(size: int) -> str:
    """``1234567`` → ``1,2 MB``; ``45678`` → ``46 KB`` (decimal units, as phone plans count)."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB".replace(".", ",")
    return f"{round(size / 1000)} KB"
