"""Create a new post bundle that passes the checks, ready to be filled in (``etalase post``, ``make post``).

    etalase post                       # asks for what it needs
    etalase post --category umkm --title "Keripik Tempe Bu Sari" \\
        --creator rina-wulandari --region sekar-kota/pasar-lama [--cover foto.jpg] [--slug ...]

Writes ``content/posts/<slug>/index.md`` with the fields of the chosen
category filled with the schema's examples (:mod:`etalase.authoring.schema_docs`, the
same values the guide shows), ``draft: true`` so that no placeholder can be
published by accident, and a cover photo: the one given with ``--cover``, or a
plain placeholder image to replace.

The slug (the post's URL) comes from the title unless ``--slug`` is given; a
slug that another post already uses is refused. A creator or region typed
close to an existing one is offered and taken with Enter; a full name no
creator has (with ``--bio``, or asked) makes a new creator file. The
accessibility block is written only with ``--accessibility``: what nobody
checked is left unknown, not claimed.

Exit status: 0 when the post was written, 1 when the slug is taken, 2 when an
answer or option is not valid (or input ended).
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import yaml
from PIL import Image, ImageDraw, ImageFont
from pydantic import TypeAdapter, ValidationError
from rich.console import Console

from etalase.authoring.schema_docs import post_markdown, template_data
from etalase.content.brand import configured_zone
from etalase.content.categories import REGISTRY
from etalase.content.load import POST_FILE, POSTS_DIR, REGIONS_FILE, load_content
from etalase.content.photo_files import PHOTO_SUFFIXES
from etalase.content.placeholders import PLACEHOLDER_PHOTO_MARK
from etalase.content.schema import COVER_STEM, TITLE_MAX, Creator, PostBase, Regions, photo_locations, values_at
from etalase.content.slugs import slug_from_title, taken_slugs
from etalase.content.structure import places_of
from etalase.content.text import SLUG, closest
from etalase.content.text import slugify as slugify_text
from etalase.content.zones import ZONES

EXIT_OK, EXIT_TAKEN, EXIT_USAGE = 0, 1, 2

# No wrapping: messages stay one line each in logs; no markup: answers are printed as typed.
console = Console(highlight=False, soft_wrap=True)
errors = Console(stderr=True, highlight=False, soft_wrap=True)


class Refused(Exception):
    """An answer or option that cannot be used; ``code`` is the exit status."""

    def __init__(self, message: str, message_en: str, code: int = EXIT_USAGE):
        super().__init__(message)
        self.message, self.message_en, self.code = message, message_en, code


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    content_dir: Path = args.content
    try:
        zone = configured_zone(args.config)
        choices = Choices.read(content_dir)
        category = _ask(args.category, ("Kategori", "category"), choices.category, choices.category_menu())
        title = _ask(args.title, ("Judul pos", "title"), _title)
        creator = _ask(
            args.creator,
            ("Id kreator (belum terdaftar? tulis nama lengkap Anda)", "creator id"),
            lambda answer: choices.creator(answer, args.bio),
            choices.creator_menu(),
        )
        region = _ask(
            args.region,
            ("Wilayah (kecamatan atau kecamatan/desa)", "region"),
            lambda answer: choices.region(answer, args.new_region),
            choices.region_menu(),
        )
        proposal = slugify(title)
        slug = _ask(args.slug, (f"Alamat pos (Enter: {proposal})", "slug"), _slug, default=proposal)
        choices.refuse_taken(slug)
        cover = _cover_source(args.cover)
        date = args.date or datetime.now(ZONES[zone]).strftime(f"%Y-%m-%d %H:%M {zone}")
        cover_name = COVER_STEM + (cover.suffix.lower() if cover else ".jpg")
        data = template_data(category, zone=zone, title=title, date=date, creators=[creator], region=region)
        data["cover"] = data["cover"] | {"file": cover_name}
        if not args.accessibility:  # what nobody checked is not claimed: unknown until the creator writes it
            data.pop("accessibility", None)
        _check(category, data)
    except Refused as refused:
        errors.print(f"{refused.message}\n    (en) {refused.message_en}", style="bold red", markup=False)
        return refused.code

    choices.save_new_regions()
    choices.save_new_creator()
    bundle = content_dir / POSTS_DIR / slug
    bundle.mkdir(parents=True)
    if cover:
        shutil.copyfile(cover, bundle / cover_name)
    for _, name in values_at(data, photo_locations(REGISTRY.post_model(category))):
        if not (bundle / name).exists():
            placeholder_photo(bundle / name, title)
    (bundle / POST_FILE).write_text(post_markdown(data), encoding="utf-8")

    console.print(f"\nPos baru dibuat: {bundle / POST_FILE}", style="bold green", markup=False)
    if choices.new_regions:
        console.print(
            f"Wilayah baru ditambahkan ke {content_dir / REGIONS_FILE}: "
            f"{', '.join(choices.new_regions)}; editor memeriksanya di PR yang sama.",
            markup=False,
        )
    if choices.new_creator:
        console.print(
            f"Berkas kreator baru: {content_dir / 'creators' / (choices.new_creator + '.yml')}; "
            "lengkapi bio dan tautan Anda di sana.",
            markup=False,
        )
    console.print(
        "Langkah berikutnya (next steps):\n"
        f"  1. Ganti semua contoh di index.md dengan isian Anda (lihat Panduan Kontributor → Daftar isian).\n"
        f"  2. {'Periksa' if cover else 'Ganti'} foto sampul {cover_name} (dan foto galeri sementara): "
        "kredit, lisensi, dan teks alternatif (alt).\n"
        "  3. Lihat hasilnya: make serve   ·   periksa: make check\n"
        "  4. Ubah draft: true menjadi draft: false bila pos siap terbit.",
        markup=False,
    )
    return EXIT_OK


# --------------------------------------------------------------------------
# Answers
# --------------------------------------------------------------------------


def _ask(
    given: str | None, label: tuple[str, str], check: Callable[[str], str], menu: str = "", default: str | None = None
) -> str:
    """``given`` checked, or asked on standard input until the answer is valid; ``label`` is (id, en).

    With a ``default``, an empty answer (or the end of input) takes it.
    """
    if given is not None:
        return check(given)
    if menu:
        console.print(menu, markup=False)
    while True:
        try:
            answer = input(f"{label[0]}: ")
        except EOFError:
            if default is not None:
                return check(default)
            raise Refused(
                f"Masukan berhenti sebelum {label[0].split(' (')[0].lower()} diisi.",
                f"input ended before the {label[1]} was given",
            ) from None
        try:
            return check(answer.strip() or default or "")
        except Refused as refused:
            errors.print(f"{refused.message} Coba lagi. (try again)", style="red", markup=False)


_TITLE_INFO = PostBase.model_fields["title"]
_TITLE = TypeAdapter(Annotated[str, *_TITLE_INFO.metadata])
_TITLE_MIN = next(m.min_length for m in _TITLE_INFO.metadata if hasattr(m, "min_length"))


def _title(text: str) -> str:
    try:
        return _TITLE.validate_python(text)
    except ValidationError:
        raise Refused(
            f"Judul harus {_TITLE_MIN} sampai {TITLE_MAX} karakter.",
            f"the title must be {_TITLE_MIN} to {TITLE_MAX} characters",
        ) from None


def _check(category: str, data: dict) -> None:
    """The scaffold's promise: the front matter it writes is valid (``--date`` is the only free input left)."""
    try:
        REGISTRY.post_model(category).model_validate(data)
    except ValidationError as error:
        fields = ", ".join(".".join(str(p) for p in e["loc"]) for e in error.errors())
        raise Refused(
            f"Isian tidak sah: {fields}. Untuk --date tulis mis. 2026-11-20 08:00 WIB.", f"invalid field(s): {fields}"
        ) from None


def _bio(text: str) -> str:
    try:
        return str(Creator.model_validate({"name": "-", "bio": text}).bio)
    except ValidationError:
        raise Refused(
            "Bio wajib diisi, paling banyak 400 karakter.", "a bio is required, at most 400 characters"
        ) from None


def _slug(text: str) -> str:
    if not re.fullmatch(SLUG, text) or len(text) > 80:
        raise Refused(
            f'Alamat "{text}" tidak sah: pakai huruf kecil a–z, angka, dan tanda -, mis. pantai-indah.',
            "the slug must be lowercase a–z, digits and -",
        )
    return text


def region_id_of(name: str) -> str:
    """The id of a region name (``Tanah Grogot`` → ``tanah-grogot``); ``""`` when it has no letter or digit."""
    return slugify_text(name, 80)


def slugify(title: str) -> str:
    """The slug proposed for ``title`` (:func:`etalase.content.slugs.slug_from_title`), which the creator may change."""
    slug = slug_from_title(title)
    if not slug:
        raise Refused(
            "Judul tidak menghasilkan alamat; beri --slug, mis. --slug pantai-indah.",
            "the title gives no slug; pass --slug",
        )
    return slug


def _cover_source(path: Path | None) -> Path | None:
    if path is None:
        return None
    if not path.is_file():
        raise Refused(f"Foto sampul tidak ditemukan: {path}", f"cover photo not found: {path}")
    if path.suffix.lower() not in PHOTO_SUFFIXES:
        raise Refused(
            f"{path.name} bukan foto; yang diizinkan: {', '.join(PHOTO_SUFFIXES)}", f"{path.name} is not a photo"
        )
    return path


class Choices:
    """What the content folder allows: categories, creators, regions, free slugs."""

    def __init__(
        self,
        content_dir: Path,
        creators: dict[str, str],
        places: dict[str, str],
        taken: dict[str, Path],
        regions: dict[str, Any] | None = None,
    ):
        self.content_dir = content_dir
        self.regions: dict[str, Any] = regions or {"kecamatan": []}
        """``regions.yml`` as data, to which :meth:`add_region` adds."""
        self.new_regions: list[str] = []
        self.new_creator = ""
        """The id of a creator made by :meth:`creator`, written by :meth:`save_new_creator`."""
        self.new_creator_data: dict[str, str] = {}
        self.creators = creators
        """id → name."""
        self.places = places
        """id → label."""
        self.taken = taken
        """slug → the post that uses it."""

    @classmethod
    def read(cls, content_dir: Path) -> Choices:
        if not content_dir.is_dir():
            raise Refused(f"Folder konten tidak ada: {content_dir}", f"content folder not found: {content_dir}")
        loaded = load_content(content_dir)
        creators = {raw.path.stem: str(raw.document.data.get("name") or raw.path.stem) for raw in loaded.creators}
        places: dict[str, str] = {}
        regions = None
        if loaded.regions:
            try:
                regions = Regions.model_validate(loaded.regions.document.data)
            except ValidationError:
                raise Refused(
                    "content/regions.yml bermasalah; jalankan make check dulu.",
                    "content/regions.yml is invalid; run make check first",
                ) from None
            places = {pid: p.label for pid, p in places_of(regions).items()}
        return cls(
            content_dir,
            creators,
            places,
            taken_slugs(content_dir, loaded),
            regions.model_dump(exclude_defaults=False) if regions else None,
        )

    def category(self, answer: str) -> str:
        names = REGISTRY.ids()
        if answer.isdigit() and 1 <= int(answer) <= len(names):
            return names[int(answer) - 1]
        if answer.lower() in REGISTRY:
            return answer.lower()
        raise Refused(
            f'Kategori "{answer}" tidak dikenal; pilih {", ".join(names)}.',
            f"unknown category; choose {', '.join(names)}",
        )

    def category_menu(self) -> str:
        return "Kategori:\n" + "\n".join(
            f"  {i}. {c} ({label})" for i, (c, label) in enumerate(REGISTRY.labels().items(), 1)
        )

    def creator(self, answer: str, bio: str | None = None) -> str:
        """A creator's id; a guess taken with Enter; or, for a name no creator has, a new creator file."""
        ids = sorted(self.creators)
        if answer.isdigit() and 1 <= int(answer) <= len(ids):
            return ids[int(answer) - 1]
        if answer in self.creators:
            return answer
        guess = closest(answer, ids) if answer and ids else None
        if guess and bio is None:
            taken = _ask(
                None, (f'Kreator "{answer}" tidak ada. Maksud Anda "{guess}"? (Enter: ya)', "creator"), str, default=""
            )
            if taken.strip().casefold() in ("", "y", "ya"):
                return guess
        new_id = region_id_of(answer)
        if not new_id or " " not in answer.strip() and bio is None and guess:
            raise Refused(
                f'Kreator "{answer}" tidak ada{_hint(answer, ids)}; pilih dari daftar, atau tulis nama lengkap '
                "Anda untuk membuat berkas kreator baru.",
                "unknown creator; choose one, or write your full name to make a new creator file",
            )
        if bio is None:
            bio = _ask(
                None,
                (f"Kreator baru “{answer}” ({new_id}). Bio singkat: siapa Anda dan apa yang Anda liput", "bio"),
                _bio,
            )
        self.new_creator = new_id
        self.new_creator_data = {"name": answer.strip(), "bio": bio}
        self.creators[new_id] = answer.strip()
        return new_id

    def save_new_creator(self) -> None:
        """Write the creator file made by :meth:`creator` (never over an existing one)."""
        if not self.new_creator:
            return
        path = self.content_dir / "creators" / f"{self.new_creator}.yml"
        path.parent.mkdir(exist_ok=True)
        with open(path, "x", encoding="utf-8") as out:
            out.write(yaml.safe_dump(self.new_creator_data, allow_unicode=True, sort_keys=False))

    def creator_menu(self) -> str:
        ids = sorted(self.creators)
        return "Kreator:\n" + "\n".join(f"  {i}. {cid} ({self.creators[cid]})" for i, cid in enumerate(ids, 1))

    def region(self, answer: str, new_region: str | None = None) -> str:
        """A region id of ``regions.yml``, or a new one the creator names (added to ``regions.yml``)."""
        if answer in self.places:
            return answer
        unknown = f'Wilayah "{answer}" tidak ada di content/regions.yml{_hint(answer, list(self.places))}.'
        guess = closest(answer, list(self.places)) if answer else None
        if new_region is None:
            errors.print(unknown, style="red", markup=False)
            if guess:
                taken = _ask(None, (f'Pakai "{guess}"? (Enter: ya; atau tulis "tidak")', "region"), str, default="")
                if taken.strip().casefold() in ("", "y", "ya"):
                    return guess
            new_region = _ask(
                None,
                (
                    'Bila memang belum ada, tulis namanya untuk ditambahkan: "Nama Kecamatan" atau '
                    '"Nama Kecamatan/Nama Desa" (Enter: pilih wilayah lain)',
                    "new region",
                ),
                str,
                default="",
            )
            if not new_region:
                raise Refused(unknown, "unknown region")
        return self.add_region(new_region)

    def add_region(self, names: str) -> str:
        """Add ``Kecamatan`` or ``Kecamatan/Desa`` (names) to the region list; returns its id."""
        parts = [part.strip() for part in names.split("/")]
        if not 1 <= len(parts) <= 2 or not all(region_id_of(part) for part in parts):
            raise Refused(
                f'"{names}" bukan nama wilayah; tulis "Nama Kecamatan" atau "Nama Kecamatan/Nama Desa".',
                "not a region name; write Kecamatan or Kecamatan/Desa",
            )
        kecamatan = next((k for k in self.regions["kecamatan"] if k["id"] == region_id_of(parts[0])), None)
        if kecamatan is None:
            kecamatan = {"id": region_id_of(parts[0]), "name": parts[0], "desa": []}
            self.regions["kecamatan"].append(kecamatan)
        region_id = kecamatan["id"]
        if len(parts) == 2:
            desa_id = region_id_of(parts[1])
            if not any(d["id"] == desa_id for d in kecamatan.setdefault("desa", [])):
                kecamatan["desa"].append({"id": desa_id, "name": parts[1]})
            region_id += f"/{desa_id}"
        self.places[region_id] = names
        self.new_regions.append(region_id)
        return region_id

    def save_new_regions(self) -> None:
        """Write the regions added by :meth:`add_region` into ``regions.yml``, keeping its opening comments."""
        if not self.new_regions:
            return
        path = self.content_dir / REGIONS_FILE
        comments = [
            line
            for line in (path.read_text(encoding="utf-8").splitlines() if path.exists() else [])
            if line.startswith("#")
        ]
        body = yaml.safe_dump(self.regions, allow_unicode=True, sort_keys=False)
        path.write_text("\n".join([*comments, body.rstrip("\n")]) + "\n", encoding="utf-8")

    def region_menu(self) -> str:
        kecamatan = [pid for pid in self.places if "/" not in pid]
        lines = ["Wilayah (tulis id kecamatan, atau kecamatan/desa):"]
        for kec in kecamatan:
            desa = [pid.split("/", 1)[1] for pid in self.places if pid.startswith(kec + "/")]
            lines.append(f"  {kec}" + (f": {', '.join(desa)}" if desa else ""))
        return "\n".join(lines)

    def refuse_taken(self, slug: str) -> None:
        if slug in self.taken:
            where = self.taken[slug]
            shown = where.relative_to(self.content_dir.parent) if self.content_dir.parent in where.parents else where
            raise Refused(
                f'Alamat "{slug}" sudah dipakai oleh {shown.as_posix()}. '
                "Pilih judul lain, atau beri alamat lain dengan --slug.",
                f'slug "{slug}" is already used by {shown.as_posix()}; choose another title or --slug',
                code=EXIT_TAKEN,
            )


def _hint(found: str, options: list[str]) -> str:
    """A did-you-mean for a typo or the start of an id (``rina`` → ``rina-wulandari``)."""
    guess = closest(found, options) if found else None
    return f' (maksud Anda "{guess}"?)' if guess else ""


# --------------------------------------------------------------------------
# Placeholder photo
# --------------------------------------------------------------------------


def placeholder_photo(path: Path, title: str) -> None:
    """A plain 1600×900 JPEG that says it is a placeholder, to be replaced."""
    image = Image.new("RGB", (1600, 900), (11, 85, 99))
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=64)
    small = ImageFont.load_default(size=40)
    draw.text((800, 400), "FOTO SAMPUL SEMENTARA", font=font, fill="white", anchor="mm")
    draw.text((800, 500), f"ganti dengan foto untuk: {title[:50]}", font=small, fill="white", anchor="mm")
    image.save(path, "JPEG", quality=80, comment=PLACEHOLDER_PHOTO_MARK)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="etalase post", description="Buat pos baru dari templat. (Create a new post from the template.)"
    )
    parser.add_argument("--category", help=", ".join(REGISTRY.ids()))
    parser.add_argument("--title", help="judul pos")
    parser.add_argument(
        "--creator",
        help="id kreator (nama berkas di content/creators/ tanpa .yml); kreator baru: nama lengkapnya, dengan --bio",
    )
    parser.add_argument("--bio", help='bio singkat kreator baru (dengan --creator "Nama Lengkap")')
    parser.add_argument(
        "--accessibility",
        action="store_true",
        help="tulis juga contoh blok aksesibilitas (hanya bila Anda sudah mengecek tempatnya)",
    )
    parser.add_argument("--region", help="id wilayah: kecamatan atau kecamatan/desa")
    parser.add_argument(
        "--new-region", help='wilayah yang belum ada: "Nama Kecamatan/Nama Desa" (ditambahkan ke content/regions.yml)'
    )
    parser.add_argument("--slug", help="alamat pos (bawaan: dari judul)")
    parser.add_argument("--cover", type=Path, help="foto sampul untuk disalin ke folder pos")
    parser.add_argument("--date", help="tanggal terbit, mis. '2026-11-20 08:00 WIB' (bawaan: sekarang)")
    parser.add_argument("--content", type=Path, default=Path("content"), help="folder konten (bawaan: content/)")
    parser.add_argument(
        "--config",
        type=Path,
        default=Path("mkdocs.yml"),
        help="mkdocs.yml, untuk zona waktu daerah (extra.brand.timezone)",
    )
    return parser


if __name__ == "__main__":
    sys.exit(main())
