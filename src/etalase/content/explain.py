"""pydantic's validation errors, told to people: Indonesian first, English second, at the line.

Every model of the project (a post's front matter, a creator file, the
region list, the brand block of ``mkdocs.yml``) is checked by pydantic;
:func:`problems_of` turns each of its errors into a
:class:`~etalase.content.problems.Problem` that names the file, the line, the field
(with list positions counted from 1, as people count), what was found and
what is allowed, with a did-you-mean for a misspelt key or value.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from etalase.content.problems import Problem
from etalase.content.schema import BLOCK, PLAIN, Items, nested_model
from etalase.content.text import did_you_mean, show

LineOf = Callable[[tuple[Any, ...]], "int | None"]
"""The line of a field path in the file (the nearest enclosing field's when it is absent)."""


UnknownField = Callable[[tuple[Any, ...]], "tuple[str, str] | None"]
"""A message of its own for a field that is not allowed at this place (``(indonesian, english)``), or ``None``."""


def problems_of(
    error: ValidationError,
    model: type[BaseModel],
    display: Path,
    line_of: LineOf,
    prefix: tuple[str, ...] = (),
    unknown_field: UnknownField | None = None,
) -> list[Problem]:
    """Every error of ``error`` (raised validating ``model``) as a problem of ``display``.

    ``prefix`` is where the validated data sits in the file (``("extra", "brand")``
    in ``mkdocs.yml``); it is part of the field names and line lookups.
    ``unknown_field`` may explain a field that is not allowed better than the
    list of allowed ones does.
    """
    return [
        _problem(model, display, line_of, prefix, detail, unknown_field) for detail in error.errors(include_url=False)
    ]


def data_path(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """``loc`` of a pydantic error without the tags of :func:`~etalase.content.schema.either`'s two forms.

    pydantic puts the tag of the form it tried right after the list position
    (``("products", 0, "__blok__", "price")``); only there is it a tag. The
    same word anywhere else is a key someone wrote (``__blok__: 1`` at the top
    of the front matter) and stays, so the message names it.
    """
    return tuple(
        part
        for index, part in enumerate(loc)
        if not (part in (PLAIN, BLOCK) and index > 0 and isinstance(loc[index - 1], int))
    )


def field_name(model: type[BaseModel] | None, loc: tuple[Any, ...], prefix: tuple[str, ...] = ()) -> str:
    """``pembangunan.sources (sumber ke-1).url`` for ``("pembangunan", "sources", 0, "url")``.

    A list position is counted from 1 and named with the noun the schema gives
    the list's items (:class:`~etalase.content.schema.Items`), ``butir`` otherwise.
    """
    text = ".".join(prefix)
    current: Any = model
    noun = "butir"
    for part in loc:
        if isinstance(part, int):
            text += f" ({noun} ke-{part + 1})"
            continue
        text += f".{part}" if text else str(part)
        info = current.model_fields.get(part) if isinstance(current, type) and issubclass(current, BaseModel) else None
        nouns = [meta.noun for meta in info.metadata if isinstance(meta, Items)] if info is not None else []
        noun = nouns[0] if nouns else "butir"
        current = nested_model(info.annotation)[0] if info is not None else None
    return text


def fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Names of the fields allowed at ``loc`` inside ``model``."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return []
        current = nested_model(current.model_fields[part].annotation)[0]
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _problem(
    model: type[BaseModel],
    display: Path,
    line_of: LineOf,
    prefix: tuple[str, ...],
    detail: Any,
    unknown_field: UnknownField | None,
) -> Problem:
    loc = data_path(detail["loc"])
    field = field_name(model, loc, prefix) or None
    line = line_of(prefix + loc)
    kind = detail["type"]
    found = detail.get("input")
    ctx = detail.get("ctx") or {}

    if kind == "extra_forbidden":
        special = unknown_field(loc) if unknown_field else None
        if special:
            return Problem(display, line, field, *special, loc=prefix + loc)
        allowed = sorted(fields_at(model, loc[:-1]))
        hint = did_you_mean(str(loc[-1]), allowed)
        return Problem(
            display,
            line,
            field,
            f"isian tidak dikenal{hint[0]}; yang diizinkan di sini: {', '.join(allowed)}",
            f"unknown field{hint[1]}; allowed here: {', '.join(allowed)}",
            loc=prefix + loc,
        )
    if kind == "missing":
        return Problem(display, line, field, "wajib diisi tetapi tidak ada", "required but missing", loc=prefix + loc)

    if kind in ("too_long", "too_short") and isinstance(found, str):
        kind += "_text"
    message_id, message_en = MESSAGES.get(kind, ("isiannya tidak sah", detail["msg"]))
    try:
        message_id = message_id.format(**ctx)
        message_en = message_en.format(**ctx)
    except (KeyError, IndexError):
        pass
    if kind in ("literal_error", "enum"):
        options = [o.strip(" '") for o in str(ctx.get("expected", "")).replace(" or ", ",").split(",") if o.strip()]
        hint = did_you_mean(str(found), options)
        message_id = f"yang diizinkan: {', '.join(options)}{hint[0]}"
        message_en = f"allowed: {', '.join(options)}{hint[1]}"
    if isinstance(found, dict):
        return Problem(display, line, field, message_id, message_en, loc=prefix + loc)  # a rule about the whole block
    return Problem(
        display,
        line,
        field,
        f"ditemukan {show(found)}; {message_id}",
        f"found {show(found)}; {message_en}",
        loc=prefix + loc,
    )


MESSAGES: dict[str, tuple[str, str]] = {
    "string_too_long": (
        "terlalu panjang; paling banyak {max_length} karakter",
        "too long; at most {max_length} characters",
    ),
    "string_too_short": (
        "terlalu pendek; paling sedikit {min_length} karakter",
        "too short; at least {min_length} characters",
    ),
    "too_long": ("terlalu banyak; paling banyak {max_length} butir", "too many; at most {max_length} items"),
    "too_short": ("terlalu sedikit; paling sedikit {min_length} butir", "too few; at least {min_length} items"),
    "too_long_text": (
        "terlalu panjang; paling banyak {max_length} karakter",
        "too long; at most {max_length} characters",
    ),
    "too_short_text": (
        "terlalu pendek; paling sedikit {min_length} karakter",
        "too short; at least {min_length} characters",
    ),
    "string_pattern_mismatch": (
        "hanya huruf kecil a–z, angka dan tanda -, mis. pantai-indah",
        "only lowercase a–z, digits and -, e.g. pantai-indah",
    ),
    "string_type": ("harus berupa teks", "must be text"),
    "list_type": ("harus berupa daftar (baris-baris diawali '- ')", "must be a list (lines starting with '- ')"),
    "model_type": ("harus berupa blok isian (nama: nilai)", "must be a block of fields (name: value)"),
    "model_attributes_type": ("harus berupa blok isian (nama: nilai)", "must be a block of fields (name: value)"),
    "dict_type": ("harus berupa blok isian (nama: nilai)", "must be a block of fields (name: value)"),
    "bool_type": ("harus ya atau tidak (true atau false)", "must be yes or no (ya/tidak, true/false)"),
    "bool_parsing": ("harus ya atau tidak (true atau false)", "must be yes or no (ya/tidak, true/false)"),
    "int_type": ("harus berupa bilangan bulat", "must be a whole number"),
    "int_parsing": ("harus berupa bilangan bulat", "must be a whole number"),
    "int_from_float": ("harus berupa bilangan bulat", "must be a whole number"),
    "float_type": ("harus berupa angka, mis. -2.7455", "must be a number, e.g. -2.7455"),
    "float_parsing": ("harus berupa angka, mis. -2.7455", "must be a number, e.g. -2.7455"),
    "greater_than_equal": ("paling kecil {ge}", "at least {ge}"),
    "less_than_equal": ("paling besar {le}", "at most {le}"),
    "url_parsing": (
        "bukan alamat web yang sah; tulis lengkap, mis. https://contoh.id/halaman",
        "not a valid web address; write it in full, e.g. https://contoh.id/halaman",
    ),
    "url_scheme": (
        "alamat web harus diawali http:// atau https://",
        "a web address must start with http:// or https://",
    ),
    "url_type": ("bukan alamat web yang sah", "not a valid web address"),
    "datetime_type": (
        "tulis tanggal, jam dan zona waktu, mis. 2026-11-20 08:00 WIB",
        "write date, time and time zone, e.g. 2026-11-20 08:00 WIB",
    ),
    "datetime_parsing": (
        "tulis tanggal, jam dan zona waktu, mis. 2026-11-20 08:00 WIB",
        "write date, time and time zone, e.g. 2026-11-20 08:00 WIB",
    ),
    "datetime_from_date_parsing": (
        "tulis tanggal, jam dan zona waktu, mis. 2026-11-20 08:00 WIB",
        "write date, time and time zone, e.g. 2026-11-20 08:00 WIB",
    ),
    "etalase_date_text": ("{id}", "{en}"),
    "etalase_number_text": ("{id}", "{en}"),
    "etalase_latitude": ("harus berupa angka lintang, mis. -2.7455", "must be a latitude number, e.g. -2.7455"),
    "etalase_longitude": ("harus berupa angka bujur, mis. 107.6349", "must be a longitude number, e.g. 107.6349"),
    "etalase_point": (
        "tulis lintang dan bujur, mis. -7.2412, 110.4021, atau tempel tautan Google Maps",
        "write latitude and longitude, e.g. -7.2412, 110.4021, or paste a Google Maps link",
    ),
    "date_type": ("tulis tanggal, mis. 20 Desember 2026 atau 20/12/2026", "write a date, e.g. 20 Desember 2026"),
    "date_parsing": ("tulis tanggal, mis. 20 Desember 2026 atau 20/12/2026", "write a date, e.g. 20 Desember 2026"),
    "date_from_datetime_parsing": (
        "tulis tanggal, mis. 20 Desember 2026 atau 20/12/2026",
        "write a date, e.g. 20 Desember 2026",
    ),
    "etalase_datetime": (
        "bukan tanggal dan jam yang sah; tulis mis. 2026-11-20 08:00 WIB",
        "not a valid date and time; write e.g. 2026-11-20 08:00 WIB",
    ),
    "etalase_timezone": (
        "zona waktu wajib; tulis mis. 2026-11-20 08:00 WIB (atau WITA, WIT, +07:00)",
        "a time zone is required; write e.g. 2026-11-20 08:00 WIB (or WITA, WIT, +07:00)",
    ),
    "etalase_timezone_offset": (
        "zona waktu harus WIB (+07:00), WITA (+08:00) atau WIT (+09:00)",
        "time zone must be WIB (+07:00), WITA (+08:00) or WIT (+09:00)",
    ),
    "etalase_whatsapp": (
        "bukan nomor HP Indonesia; tulis mis. 0812-3456-7890 atau +62 812-3456-7890",
        "not an Indonesian mobile number; write e.g. 0812-3456-7890 or +62 812-3456-7890",
    ),
    "etalase_rupiah": (
        "tulis jumlah rupiah, mis. 1500000000, Rp1.500.000.000 atau 1,5 miliar",
        "write an amount in rupiah, e.g. 1500000000, Rp1.500.000.000 or 1,5 miliar",
    ),
    "etalase_tradition_dates": (
        "tradisi (tradition: true) tidak memakai start/end; hapus tanggal atau set tradition: false",
        "a tradition (tradition: true) has no start/end; remove the dates or set tradition: false",
    ),
    "etalase_event_start": (
        "acara wajib punya start (tanggal mulai); untuk tradisi tanpa tanggal tulis tradition: true",
        "an event needs start; for a tradition without dates write tradition: true",
    ),
    "etalase_event_order": ("end (selesai) harus sesudah start (mulai)", "end must come after start"),
    "etalase_source_empty": (
        "setiap sumber perlu url, document atau photo agar bisa dicek",
        "every source needs a url, a document or a photo so it can be checked",
    ),
    "etalase_progress_date": (
        "progress dan progress_date ditulis bersama: angka kemajuan beserta tanggal "
        "angka itu berlaku, mis. progress: 40 dan progress_date: 2026-11-13",
        "progress and progress_date go together: the figure and the date it is true for",
    ),
    "etalase_progress_done": (
        "proyek berstatus selesai tetapi progress {progress}; tulis progress: 100 atau ubah status menjadi berjalan",
        "the project is selesai (done) but progress is {progress}; write progress: 100 or set status: berjalan",
    ),
    "etalase_target_order": ("target (selesai) tidak boleh sebelum start (mulai)", "target must not be before start"),
    "etalase_youtube": (
        "bukan id atau tautan video YouTube; tulis mis. M7lc1UVf-VE atau https://youtu.be/M7lc1UVf-VE",
        "not a YouTube video id or link; write e.g. M7lc1UVf-VE or https://youtu.be/M7lc1UVf-VE",
    ),
    "etalase_colour": ("tulis warna sebagai #rrggbb, mis. #0b5563", "write the colour as #rrggbb, e.g. #0b5563"),
    "etalase_contrast": (
        "teks putih di atas warna ini hanya berkontras {ratio}:1; perlu paling sedikit 4,5:1, "
        "pilih warna yang lebih gelap",
        "white text on this colour has a contrast of only {ratio}:1; at least 4.5:1 is needed, choose a darker colour",
    ),
    "etalase_handle": (
        "bukan nama akun yang sah; tulis mis. @nama.akun atau tautan lengkap",
        "not a valid account name; write e.g. @account.name or the full link",
    ),
    "etalase_github": (
        "bukan nama pengguna GitHub; tulis mis. rina-wulandari (huruf, angka dan satu tanda - di antaranya)",
        "not a GitHub login; write e.g. rina-wulandari (letters, digits and single hyphens between them)",
    ),
    "etalase_photo_alt": ("foto profil perlu photo_alt (teks alternatif)", "a profile photo needs photo_alt"),
    "etalase_brand_photo_alt": (
        "ada photo tanpa alt: tulis apa yang tampak di foto",
        "a photo without alt: write what the photo shows",
    ),
}
"""pydantic error types in Indonesian and English; ``{…}`` are pydantic's context values."""
