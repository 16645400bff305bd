"""Step 2, validate: turn loaded files into :class:`~etalase.structure.Content`.

Fields are checked by the pydantic models of :mod:`etalase.schema`; this
module translates pydantic's errors into :class:`~etalase.problems.Problem`
objects for people (Indonesian, exact line, what was found, what is allowed,
a did-you-mean for typos) and adds the checks that need more than one file:
creators and regions that exist, photo files that exist inside the bundle,
and URL slugs that are unique.
"""

from __future__ import annotations

import difflib
import os
import re
import types
import typing
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from .frontmatter_yaml import Document
from .load import Loaded, RawFile
from .markdown_refs import file_part, local_targets, remote_images
from .problems import Problem
from .schema import CATEGORY_LABELS, POST_MODELS, Creator, PostBase, Regions, Slug
from .structure import Content, CreatorEntry, PhotoRef, Post, places_of

PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif")
"""Photo files a post may name; :mod:`etalase.images` checks their contents."""
CATEGORY_BLOCKS = tuple(POST_MODELS)


def validate(loaded: Loaded, now: datetime) -> tuple[Content | None, list[Problem]]:
    """Validate everything; returns the content only when there is no problem."""
    problems = list(loaded.problems)
    places = {}
    if loaded.regions:
        regions = _validate_model(Regions, loaded.regions, problems)
        if regions:
            places = places_of(regions)

    creators: dict[str, CreatorEntry] = {}
    for raw in loaded.creators:
        entry = _validate_creator(raw, problems)
        if entry:
            creators[entry.id] = entry

    posts = [post for raw in loaded.posts if (post := _validate_post(raw, creators, places, problems))]
    problems.extend(_duplicate_slugs(posts))
    if problems:
        return None, sorted(set(problems))

    posts.sort(key=lambda p: (-p.meta.date.timestamp(), p.slug))
    published = [p for p in posts if p.is_published(now)]
    unpublished = [p for p in posts if not p.is_published(now)]
    return Content(loaded.root, published, creators, places, unpublished), []


# --------------------------------------------------------------------------
# Posts
# --------------------------------------------------------------------------

def _validate_post(raw: RawFile, creators: dict[str, CreatorEntry], places: dict,
                   problems: list[Problem]) -> Post | None:
    """Check one post; fields first, then what it refers to, so one run reports both."""
    data = raw.document.data
    category = data.get("category")
    model = POST_MODELS.get(category) if isinstance(category, str) else None
    before = len(problems)
    if model is None:
        problems.append(_bad_category(raw, category))
        meta = _validate_model(_UnknownCategoryPost, raw, problems)
    else:
        meta = _validate_model(model, raw, problems)

    for i, creator in enumerate(_strings(data.get("creators"))):
        if creator not in creators:
            problems.append(_unknown(raw, ("creators", i), creator, sorted(creators),
                                     "kreator", "creator", "buat berkas content/creators/<id>.yml"))
    region = data.get("region")
    if isinstance(region, str) and region not in places:
        names = {_normalise(p.name): pid for pid, p in places.items()}
        guess = names.get(_normalise(region.split("/")[-1])) or names.get(_normalise(region))
        problems.append(_unknown(raw, ("region",), region, sorted(places),
                                 "wilayah", "region", "lihat content/regions.yml", guess))

    bundle = raw.path.parent
    photos: list[PhotoRef] = []
    gallery = data.get("gallery")
    named = [(("cover",), data.get("cover"))] + (
        [(("gallery", i), item) for i, item in enumerate(gallery)] if isinstance(gallery, list) else []
    )
    for loc, block in named:
        name = block.get("file") if isinstance(block, dict) else None
        if not isinstance(name, str):
            continue  # reported by the model
        field = ".".join(str(p) for p in loc) + ".file"
        line = raw.document.line_of(loc + ("file",))
        target = _bundle_file(raw, bundle, name.strip(), field, line, problems)
        if target:
            photos.append(PhotoRef(target, field, line))
    photos.extend(_body_photos(raw, bundle, problems))
    if not data.get("slug") and not _is_slug(bundle.name):
        problems.append(Problem(raw.display, None, "slug",
                                f"nama folder {_show(bundle.name)} tidak bisa menjadi alamat pos: pakai huruf kecil "
                                "a–z, angka dan tanda -, mis. pantai-indah, atau isi slug",
                                f"folder name {_show(bundle.name)} cannot be the post's URL: use lowercase a–z, "
                                "digits and -, e.g. pantai-indah, or set slug"))
    if len(problems) > before or meta is None:
        return None
    assert isinstance(meta, PostBase)
    return Post(slug=meta.slug or bundle.name, bundle=bundle, source=raw.display, meta=meta,
                body=raw.document.body, body_line=raw.document.body_line, photos=photos)


_SLUG = TypeAdapter(Slug)


def _is_slug(name: str) -> bool:
    try:
        _SLUG.validate_python(name)
    except ValidationError:
        return False
    return True


class _UnknownCategoryPost(PostBase):
    """A post whose category is wrong: its other fields are still checked."""

    category: Any = None
    wisata: Any = None
    umkm: Any = None
    budaya: Any = None
    pembangunan: Any = None


def _strings(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _bad_category(raw: RawFile, found: Any) -> Problem:
    allowed = ", ".join(CATEGORY_LABELS)
    line = raw.document.line_of(("category",))
    if found is None:
        return Problem(raw.display, line, "category", f"wajib diisi; pilih salah satu: {allowed}",
                       f"required; choose one of: {allowed}")
    hint = _did_you_mean(str(found), list(CATEGORY_LABELS))
    return Problem(raw.display, line, "category",
                   f"ditemukan {_show(found)}; yang diizinkan: {allowed}{hint[0]}",
                   f"found {_show(found)}; allowed: {allowed}{hint[1]}")


def _body_photos(raw: RawFile, bundle: Path, problems: list[Problem]) -> list[PhotoRef]:
    """Local files the body links or embeds: they must be photos in the bundle."""
    body = raw.document.body
    photos: list[PhotoRef] = []
    for start, _end, target in local_targets(body):
        line = raw.document.body_line + body[:start].count("\n")
        found = _bundle_file(raw, bundle, file_part(target), None, line, problems, body=True)
        if found:
            photos.append(PhotoRef(found, None, line))
    for start, target in remote_images(body):
        line = raw.document.body_line + body[:start].count("\n")
        problems.append(Problem(raw.display, line, None,
                                f"foto dari situs lain ({_show(target)}) tidak dimuat; simpan fotonya di folder pos "
                                "dan tulis nama berkasnya, mis. ![teks alternatif](foto.jpg)",
                                f"photos from other sites ({_show(target)}) are not loaded; put the photo in the post "
                                "folder and write its file name, e.g. ![alt text](photo.jpg)"))
    return photos


def _bundle_file(raw: RawFile, bundle: Path, name: str, field: str | None, line: int | None,
                 problems: list[Problem], body: bool = False) -> Path | None:
    """Resolve ``name`` inside ``bundle``; report anything that leaves it."""
    where = "isi pos" if body else "berkas"
    if re.search(r"[\x00-\x1f\x7f]", name):
        problems.append(Problem(raw.display, line, field,
                                f"nama berkas {_show(name)} berisi karakter kendali; ketik ulang nama berkasnya",
                                f"file name {_show(name)} contains control characters; retype it"))
        return None
    if not name or name.startswith(("/", "\\")) or re.match(r"^[a-zA-Z]:", name) or ".." in re.split(r"[/\\]", name):
        problems.append(Problem(raw.display, line, field,
                                f"jalur {_show(name)} keluar dari folder pos; sebut nama berkas di folder ini saja",
                                f"path {_show(name)} leaves the post folder; name a file in this folder only"))
        return None
    target = bundle / name
    step = bundle
    symlink = False
    for part in Path(name).parts:
        step = step / part
        symlink = symlink or step.is_symlink()
    if symlink:
        problems.append(Problem(raw.display, line, field,
                                f"{_show(name)} adalah tautan simbolik (symlink); kirim berkas aslinya",
                                f"{_show(name)} is a symbolic link; submit the real file"))
        return None
    if Path(os.path.realpath(bundle)) not in Path(os.path.realpath(target)).parents:
        problems.append(Problem(raw.display, line, field,
                                f"jalur {_show(name)} keluar dari folder pos",
                                f"path {_show(name)} leaves the post folder"))
        return None
    if not target.is_file():
        present = sorted(p.name for p in bundle.iterdir() if p.suffix.lower() in PHOTO_SUFFIXES)
        hint = _did_you_mean(name, present)
        return _missing(raw, line, field, name, where, hint, problems)
    if target.suffix.lower() not in PHOTO_SUFFIXES:
        allowed = ", ".join(PHOTO_SUFFIXES)
        problems.append(Problem(raw.display, line, field,
                                f"{_show(name)} bukan foto; yang diizinkan: {allowed}",
                                f"{_show(name)} is not a photo; allowed: {allowed}"))
        return None
    return target


def _missing(raw: RawFile, line: int | None, field: str | None, name: str, where: str,
             hint: tuple[str, str], problems: list[Problem]) -> None:
    problems.append(Problem(raw.display, line, field,
                            f"berkas {_show(name)} tidak ada di folder pos{hint[0]}",
                            f"file {_show(name)} is not in the post folder{hint[1]}"))
    return None


def _duplicate_slugs(posts: list[Post]) -> list[Problem]:
    """Two posts with one URL: an error on each, naming the other."""
    seen: dict[str, Post] = {}
    problems = []
    for post in sorted(posts, key=lambda p: str(p.source)):
        other = seen.setdefault(post.slug, post)
        if other is not post:
            for a, b in ((post, other), (other, post)):
                problems.append(Problem(a.source, None, "slug",
                                        f"alamat /{a.url} sama dengan pos {b.source.as_posix()}; ganti nama folder atau isi slug",
                                        f"URL /{a.url} is the same as post {b.source.as_posix()}; rename the folder or set slug"))
    return problems


# --------------------------------------------------------------------------
# Creators
# --------------------------------------------------------------------------

def _validate_creator(raw: RawFile, problems: list[Problem]) -> CreatorEntry | None:
    creator_id = raw.path.stem
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", creator_id):
        problems.append(Problem(raw.display, None, None,
                                f"nama berkas kreator {_show(creator_id)} harus huruf kecil, angka dan tanda -",
                                f"creator file name {_show(creator_id)} must be lowercase letters, digits and -"))
        return None
    data = _validate_model(Creator, raw, problems)
    if not isinstance(data, Creator):
        return None
    photo = None
    if data.photo:
        photo = _bundle_file(raw, raw.path.parent, data.photo, "photo", raw.document.line_of(("photo",)), problems)
        if photo is None:
            return None
    return CreatorEntry(creator_id, raw.display, data, photo)


# --------------------------------------------------------------------------
# pydantic errors, for people
# --------------------------------------------------------------------------

def _validate_model(model: type[BaseModel], raw: RawFile, problems: list[Problem],
                    data: dict | None = None) -> BaseModel | None:
    try:
        return model.model_validate(raw.document.data if data is None else data)
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            problems.append(_problem_from(model, raw.display, raw.document, detail))
        return None


def _problem_from(model: type[BaseModel], display: Path, doc: Document, detail: dict) -> Problem:
    loc = tuple(detail["loc"])
    field = ".".join(str(p) for p in loc) or None
    line = doc.line_of(loc)
    kind = detail["type"]
    found = detail.get("input")
    ctx = detail.get("ctx") or {}

    if kind == "extra_forbidden":
        allowed = sorted(_fields_at(model, loc[:-1]))
        hint = _did_you_mean(str(loc[-1]), allowed)
        blocks = [b for b in CATEGORY_BLOCKS if b == loc[-1]]
        if blocks and len(loc) == 1:
            return Problem(display, line, field,
                           f"blok {_show(loc[-1])} hanya untuk kategori {loc[-1]}; pos ini berkategori lain",
                           f"block {_show(loc[-1])} is only for category {loc[-1]}; this post has another category")
        return Problem(display, line, field,
                       f"isian tidak dikenal{hint[0]}; yang diizinkan di sini: {', '.join(allowed)}",
                       f"unknown field{hint[1]}; allowed here: {', '.join(allowed)}")
    if kind == "missing":
        return Problem(display, line, field, "wajib diisi tetapi tidak ada", "required but missing")

    if kind in ("too_long", "too_short") and isinstance(found, str):
        kind += "_text"
    message_id, message_en = _MESSAGES.get(kind, (None, None))
    if message_id is None:
        message_id = message_en = detail["msg"]
    try:
        message_id = message_id.format(**ctx)
        message_en = message_en.format(**ctx)
    except (KeyError, IndexError):
        pass
    if kind in ("literal_error", "enum"):
        options = [o.strip(" '") for o in str(ctx.get("expected", "")).replace(" or ", ",").split(",") if o.strip()]
        hint = _did_you_mean(str(found), options)
        message_id = f"yang diizinkan: {', '.join(options)}{hint[0]}"
        message_en = f"allowed: {', '.join(options)}{hint[1]}"
    if isinstance(found, dict):
        return Problem(display, line, field, message_id, message_en)  # a rule about the whole block
    return Problem(display, line, field, f"ditemukan {_show(found)}; {message_id}", f"found {_show(found)}; {message_en}")


_MESSAGES: dict[str, tuple[str, str]] = {
    "string_too_long": ("terlalu panjang; paling banyak {max_length} karakter", "too long; at most {max_length} characters"),
    "string_too_short": ("terlalu pendek; paling sedikit {min_length} karakter", "too short; at least {min_length} characters"),
    "too_long": ("terlalu banyak; paling banyak {max_length} butir", "too many; at most {max_length} items"),
    "too_short": ("terlalu sedikit; paling sedikit {min_length} butir", "too few; at least {min_length} items"),
    "too_long_text": ("terlalu panjang; paling banyak {max_length} karakter", "too long; at most {max_length} characters"),
    "too_short_text": ("terlalu pendek; paling sedikit {min_length} karakter", "too short; at least {min_length} characters"),
    "string_pattern_mismatch": ("hanya huruf kecil a–z, angka dan tanda -, mis. pantai-indah",
                                "only lowercase a–z, digits and -, e.g. pantai-indah"),
    "string_type": ("harus berupa teks", "must be text"),
    "list_type": ("harus berupa daftar (baris-baris diawali '- ')", "must be a list (lines starting with '- ')"),
    "model_type": ("harus berupa blok isian (nama: nilai)", "must be a block of fields (name: value)"),
    "model_attributes_type": ("harus berupa blok isian (nama: nilai)", "must be a block of fields (name: value)"),
    "dict_type": ("harus berupa blok isian (nama: nilai)", "must be a block of fields (name: value)"),
    "bool_type": ("harus true atau false", "must be true or false"),
    "bool_parsing": ("harus true atau false", "must be true or false"),
    "int_type": ("harus berupa bilangan bulat", "must be a whole number"),
    "int_parsing": ("harus berupa bilangan bulat", "must be a whole number"),
    "int_from_float": ("harus berupa bilangan bulat", "must be a whole number"),
    "float_type": ("harus berupa angka, mis. -2.7455", "must be a number, e.g. -2.7455"),
    "float_parsing": ("harus berupa angka, mis. -2.7455", "must be a number, e.g. -2.7455"),
    "greater_than_equal": ("paling kecil {ge}", "at least {ge}"),
    "less_than_equal": ("paling besar {le}", "at most {le}"),
    "url_parsing": ("bukan alamat web yang sah; tulis lengkap, mis. https://contoh.id/halaman",
                    "not a valid web address; write it in full, e.g. https://contoh.id/halaman"),
    "url_scheme": ("alamat web harus diawali http:// atau https://", "a web address must start with http:// or https://"),
    "url_type": ("bukan alamat web yang sah", "not a valid web address"),
    "datetime_type": ("tulis tanggal, jam dan zona waktu, mis. 2026-11-20 08:00 WIB",
                      "write date, time and time zone, e.g. 2026-11-20 08:00 WIB"),
    "datetime_parsing": ("tulis tanggal, jam dan zona waktu, mis. 2026-11-20 08:00 WIB",
                         "write date, time and time zone, e.g. 2026-11-20 08:00 WIB"),
    "datetime_from_date_parsing": ("tulis tanggal, jam dan zona waktu, mis. 2026-11-20 08:00 WIB",
                                   "write date, time and time zone, e.g. 2026-11-20 08:00 WIB"),
    "etalase_datetime": ("bukan tanggal dan jam yang sah; tulis mis. 2026-11-20 08:00 WIB",
                         "not a valid date and time; write e.g. 2026-11-20 08:00 WIB"),
    "etalase_timezone": ("zona waktu wajib; tulis mis. 2026-11-20 08:00 WIB (atau WITA, WIT, +07:00)",
                         "a time zone is required; write e.g. 2026-11-20 08:00 WIB (or WITA, WIT, +07:00)"),
    "etalase_timezone_offset": ("zona waktu harus WIB (+07:00), WITA (+08:00) atau WIT (+09:00)",
                                "time zone must be WIB (+07:00), WITA (+08:00) or WIT (+09:00)"),
    "etalase_whatsapp": ("bukan nomor HP Indonesia; tulis mis. 0812-3456-7890 atau +62 812-3456-7890",
                         "not an Indonesian mobile number; write e.g. 0812-3456-7890 or +62 812-3456-7890"),
    "etalase_rupiah": ("tulis angka rupiah, mis. 1500000000 atau Rp1.500.000.000",
                       "write an amount in rupiah, e.g. 1500000000 or Rp1.500.000.000"),
    "etalase_tradition_dates": ("tradisi (tradition: true) tidak memakai start/end; hapus tanggal atau set tradition: false",
                                "a tradition (tradition: true) has no start/end; remove the dates or set tradition: false"),
    "etalase_event_start": ("acara wajib punya start (tanggal mulai); untuk tradisi tanpa tanggal tulis tradition: true",
                            "an event needs start; for a tradition without dates write tradition: true"),
    "etalase_event_order": ("end (selesai) harus sesudah start (mulai)", "end must come after start"),
    "etalase_source_empty": ("setiap sumber perlu url atau document agar bisa dicek",
                             "every source needs a url or a document so it can be checked"),
    "etalase_youtube": ("bukan id atau tautan video YouTube; tulis mis. M7lc1UVf-VE atau https://youtu.be/M7lc1UVf-VE",
                        "not a YouTube video id or link; write e.g. M7lc1UVf-VE or https://youtu.be/M7lc1UVf-VE"),
    "etalase_github": ("bukan nama pengguna GitHub; tulis mis. rina-wulandari (huruf, angka dan satu tanda - di antaranya)",
                       "not a GitHub login; write e.g. rina-wulandari (letters, digits and single hyphens between them)"),
    "etalase_photo_alt": ("foto profil perlu photo_alt (teks alternatif)", "a profile photo needs photo_alt"),
}
"""pydantic error types in Indonesian and English; ``{…}`` are pydantic's context values."""


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """Names of the fields allowed at ``loc`` inside ``model``."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return []
        current = _model_in(current.model_fields[part].annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _model_in(annotation: Any) -> Any:
    """The BaseModel inside ``X | None``, ``list[X]`` or ``Annotated[X, …]``."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _model_in(typing.get_args(annotation)[0])
    if origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if isinstance(found, type) and issubclass(found, BaseModel):
                return found
    return annotation


def _unknown(raw: RawFile, loc: tuple, found: str, known: list[str], kind_id: str, kind_en: str,
             advice: str, guess: str | None = None) -> Problem:
    hint = (f" (maksud Anda {_show(guess)}?)", f" (did you mean {_show(guess)}?)") if guess else _did_you_mean(found, known)
    shown = ", ".join(known[:12]) + (" …" if len(known) > 12 else "")
    return Problem(raw.display, raw.document.line_of(loc), ".".join(str(p) for p in loc),
                   f"{kind_id} {_show(found)} tidak dikenal{hint[0]}; yang ada: {shown or '(belum ada)'}; {advice}",
                   f"unknown {kind_en} {_show(found)}{hint[1]}; known: {shown or '(none yet)'}")


def _did_you_mean(found: str, options: list[str]) -> tuple[str, str]:
    by_norm = {_normalise(o): o for o in options}
    close = difflib.get_close_matches(_normalise(found), list(by_norm), n=1, cutoff=0.6)
    if not close:
        return "", ""
    guess = by_norm[close[0]]
    return f" (maksud Anda {_show(guess)}?)", f" (did you mean {_show(guess)}?)"


def _normalise(text: str) -> str:
    """Lowercase, without 'Kec.'/'Desa' prefixes, spaces or punctuation."""
    text = re.sub(r"^(kec(amatan)?|desa|kel(urahan)?)\.?\s+", "", text.strip().lower())
    return re.sub(r"[^a-z0-9]", "", text)


def _show(value: Any) -> str:
    """A found value, quoted and cut short."""
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, list):
        return f"{len(value)} butir"
    if isinstance(value, dict):
        return "(blok)"
    text = str(value)
    if len(text) > 60:
        text = text[:57] + "…"
    return f'"{text}"'
