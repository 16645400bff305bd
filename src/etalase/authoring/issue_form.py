"""GitHub issue forms for creators without git, generated from the schema.

A creator with a phone and a GitHub account opens "Kirim pos baru", picks a
category and fills a form; :mod:`etalase.kiriman.convert` turns the issue into a post
bundle and ``.github/workflows/kiriman.yml`` opens a pull request from it.

There is one form per category (``.github/ISSUE_TEMPLATE/kirim-<category>.yml``):
a form cannot show fields conditionally, so one form per category is the only
way to mark that category's required fields required in the form itself, and
it keeps a phone form short. Every form has

* a ``category`` dropdown holding its one category (preselected),
* the common fields of a post, then that category's block,
* the story (``body``), the photos and their alt lines, credit and licence,
* the creator's name and bio (used only for a GitHub account no creator names),
* the creator's statements (checkboxes).

Everything a field shows is derived from the pydantic models through
:mod:`etalase.authoring.schema_docs`: the label is the field's ``title`` or the first
clause of its ``description``, the hint is the description, the placeholder is
its ``examples`` value, ``required`` and the dropdown options (enums, literals,
true/false) come from the type. The region dropdown is ``content/regions.yml``.

**Element ids are the front-matter keys they fill**: ``title``, ``summary``,
``region``…, a category field as ``<category>_<field>`` and a nested field with
its path joined by ``_`` (``wisata_coordinates_lat``). Fields the converter
fills itself (``creators``, ``cover``, ``gallery``, ``draft``, ``slug``,
``updated``) are not asked; the form's own fields are ``body``, ``photos``,
``photo_alts``, ``photo_credit``, ``photo_license``, ``photo_ai_generated``,
``creator_name``, ``creator_bio`` and ``consent``.

``python -m etalase.authoring.issue_form --write`` (``make form``) writes the forms and
``config.yml``; ``--check`` exits 1 when the committed forms differ from the
schema and the region list (a test runs it).
"""

from __future__ import annotations

import argparse
import re
import sys
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from pydantic_core import PydanticUndefined

from etalase.authoring.schema_docs import FieldDoc, block_field_docs, category_field_docs, common_field_docs, field_docs
from etalase.content import urls
from etalase.content.categories import REGISTRY
from etalase.content.datetext import read_moment, without_year
from etalase.content.load import load_content
from etalase.content.placeholders import TEMPLATE_BODY
from etalase.content.schema import (
    FUNDING_LABELS,
    PROJECT_STATUS_LABELS,
    WHEELCHAIR_LABELS,
    Cover,
    Creator,
    IsPhoto,
    PostBase,
    Regions,
    Slug,
    carries,
)
from etalase.content.settings import read_settings
from etalase.content.structure import Place, places_of
from etalase.content.zones import DEFAULT_ZONE, ZONES

FORM_DIR = Path(".github") / "ISSUE_TEMPLATE"
"""Where GitHub looks for issue forms, relative to the repository root."""
LABEL = "kiriman"
"""Label every form gives its issues; the workflow runs for issues that carry it."""
GUIDE_PAGE = urls.FORM_GUIDE
"""The contributor guide's page about the form, relative to ``site_url``."""
"""The repository's page that lists the forms, relative to the repository URL."""

FILLED_BY_CONVERTER = ("creators", "cover", "gallery", "draft", "slug", "updated")
"""Post fields the converter fills itself (from the GitHub login and the photos), never asked."""
DEFAULTED = {
    "date": "Kosongkan agar pos terbit saat editor menggabungkannya (tanggal terbitnya waktu itu); isi tanggal "
    "untuk menjadwalkan. Tahun boleh tidak ditulis: yang dimaksud tanggal terdekat yang akan datang."
}
"""Post fields the schema requires but the form may leave empty: the converter fills them (hint shown)."""
PHOTO_FIELDS = {
    "alt": "photo_alts",
    "credit": "photo_credit",
    "license": "photo_license",
    "ai_generated": "photo_ai_generated",
}
"""Cover fields asked once for all photos: form id of each (alt: one line per photo)."""
UPLOADS = "JPEG atau PNG, paling besar 10 MB per foto"
"""Photos a form can take: what both GitHub's attachments (PNG, GIF, JPEG, SVG up to 10 MB) and the
photo pipeline accept (:data:`etalase.photos.images.ACCEPTED`)."""
YES, NO = "ya", "tidak"
"""Options of a true/false dropdown."""
LONG_TEXT = 200
"""Text fields that allow more characters than this are a text area, not a one-line input."""
MAX_PHOTOS = 1 + next(m.max_length for m in PostBase.model_fields["gallery"].metadata if hasattr(m, "max_length"))
"""The cover and the longest gallery."""

WHATSAPP_CONSENT = "Pemilik usaha setuju nomor WhatsApp ini tampil di situs"
"""The tick a form asks next to a WhatsApp number that the site will show (a button, and in the page's data)."""
CHOICE_LABELS: dict[str, dict[str, str]] = {
    "pembangunan.status": PROJECT_STATUS_LABELS,
    "pembangunan.funding": FUNDING_LABELS,
    "accessibility.wheelchair": WHEELCHAIR_LABELS,
}
"""Dropdowns that show the site's names for their values (``APBD kabupaten/kota`` for ``apbd-kabupaten``),
by the end of the field's path."""

CONSENT = (
    "Fakta dan angka dalam kiriman ini sudah saya cek, dan sumbernya saya sebut.",
    "Foto ini milik saya, atau saya punya izin pemotretnya untuk kredit dan lisensi di atas.",
    "Orang yang wajahnya jelas terlihat di foto sudah memberi izin (anak-anak: izin orang tua atau wali).",
)
"""The creator's statements, each a required checkbox (the PR template's creator checklist, without YAML)."""


@dataclass(frozen=True)
class FormField:
    """One element of a form, and how its value becomes part of the bundle."""

    id: str
    type: str
    """``input``, ``textarea``, ``dropdown`` or ``checkboxes``."""
    label: str
    description: str
    required: bool
    shape: str
    """How the value is read: ``text`` (one line), ``story`` (Markdown), ``slugs`` (comma-separated),
    ``lines`` (one item a line), ``blocks`` (one block a line, parts split by ``|``), ``choice``
    (a dropdown option), ``photos`` (attachments), ``confirm`` (every box ticked)."""
    target: str = "post"
    """``post`` (front matter), ``creator`` (a new creator file), or ``form`` (read by the converter)."""
    path: tuple[str, ...] = ()
    """The front-matter (or creator-file) path the value fills."""
    placeholder: str = ""
    example: str = ""
    """The schema's example, as a creator would type it (shown in problem messages too)."""
    options: tuple[str, ...] = ()
    values: tuple[Any, ...] = ()
    """The value each dropdown option stands for."""
    default: int | None = None
    """Index of the preselected dropdown option."""
    parts: tuple[str, ...] = ()
    """``blocks``: the block's field names, in the order a line gives them."""
    part_labels: tuple[str, ...] = ()
    doc: FieldDoc | None = field(default=None, compare=False, repr=False)

    def element(self) -> dict[str, Any]:
        """The form element, as GitHub's form schema writes it; the description ends with the example."""
        description = "" if self.description == self.label else self.description
        shown = self.example.replace("\n", " / ")
        if shown and shown not in description:
            description = _sentences(description, f"Contoh: {shown}")
        attributes: dict[str, Any] = {"label": self.label}
        if description:  # GitHub refuses an empty description
            attributes["description"] = description[0].upper() + description[1:]
        if self.type in ("input", "textarea") and self.placeholder:
            attributes["placeholder"] = self.placeholder
        if self.type == "dropdown":
            attributes["options"] = list(self.options)
            if self.default is not None:
                attributes["default"] = self.default
        if self.type == "checkboxes":
            attributes["options"] = [{"label": option, "required": True} for option in self.options]
        element: dict[str, Any] = {"type": self.type, "id": self.id, "attributes": attributes}
        if self.required and self.type != "checkboxes":
            element["validations"] = {"required": True}
        return element

    def hint(self) -> tuple[str, str]:
        """What a problem message adds: the allowed options or an example (Indonesian, English)."""
        if self.options and self.type == "dropdown":  # every option: a cut list hides the one that was meant
            shown = ", ".join(f"“{option}”" for option in self.options)
            return f"pilihan: {shown}", f"options: {shown}"
        if self.example:
            example = self.example.replace("\n", " / ")
            return f"contoh: {example}", f"e.g. {example}"
        return "", ""


def _sentences(*parts: str) -> str:
    """Non-empty ``parts`` as sentences; the last keeps its end (an example must not gain a full stop)."""
    kept = [part for part in parts if part]
    return " ".join([p if p.endswith((".", "?", "!", "…")) else p + "." for p in kept[:-1]] + kept[-1:])


# --------------------------------------------------------------------------
# Fields
# --------------------------------------------------------------------------


def form_fields(category: str, places: dict[str, Place]) -> list[FormField]:
    """Every field of ``category``'s form, in the order the form shows them."""
    label = REGISTRY[category].label
    docs = common_field_docs()
    fields = [
        FormField(
            id="category",
            type="dropdown",
            label=form_label(docs[0]),
            description=f"Formulir ini untuk pos {label}; untuk kategori lain, pilih formulirnya di daftar formulir.",
            required=True,
            shape="choice",
            path=("category",),
            options=(label,),
            values=(category,),
            default=0,
            doc=docs[0],
        )
    ]
    fields += _schema_fields(docs[1:], places)
    fields += _schema_fields(category_field_docs(category), places)
    model = REGISTRY.post_model(category)
    if "accessibility" in model.model_fields:  # a place a visitor goes: how people with disabilities get in
        fields += _schema_fields(block_field_docs(model, "accessibility"), places)
    fields = _with_whatsapp_consent(fields)
    fields += _own_fields()
    _check(category, fields)
    return fields


def _with_whatsapp_consent(fields: list[FormField]) -> list[FormField]:
    """A required tick after every WhatsApp number the site shows: the owner agrees to it being public."""
    ticked: list[FormField] = []
    for form_field in fields:
        ticked.append(form_field)
        if form_field.path[-1:] == ("whatsapp",):
            ticked.append(
                FormField(
                    id=f"{form_field.id}_consent",
                    type="checkboxes",
                    label="Izin menampilkan nomor WhatsApp",
                    description="Nomor di atas tampil di halaman pos sebagai tombol WhatsApp dan bisa dibaca "
                    "siapa saja, juga di issue ini. Centang hanya bila pemilik usaha sudah setuju; tanpa "
                    "centang ini kiriman tidak diproses.",
                    required=True,
                    shape="confirm",
                    target="form",
                    options=(WHATSAPP_CONSENT,),
                )
            )
    return ticked


def form_label(doc: FieldDoc) -> str:
    """A field's short label: its ``title``, or the first clause of its description."""
    if doc.info is not None and doc.info.title:
        return doc.info.title
    return re.split(r",\s|;\s|:\s|\s\(|\smis\.", doc.description, maxsplit=1)[0].strip()


def _schema_fields(docs: list[FieldDoc], places: dict[str, Place]) -> list[FormField]:
    """The form fields of ``docs`` (a list from :func:`etalase.authoring.schema_docs.field_docs`)."""
    fields: list[FormField] = []
    required_blocks: dict[str, bool] = {}
    skipped: list[str] = []
    for index, doc in enumerate(docs):
        top = doc.path.split(".")[0].split("[")[0]
        parent = _parent(doc.path)
        if top in FILLED_BY_CONVERTER or any(doc.path.startswith(s) for s in skipped):
            continue
        required = doc.required and required_blocks.get(parent, True)
        if doc.block and _is_list(doc):
            parts = [d for d in docs[index + 1 :] if d.path.startswith(doc.path + "[].")]
            fields.append(_blocks_field(doc, parts, required))
            skipped.append(doc.path + "[]")
        elif doc.block:
            required_blocks[doc.path] = required
        elif doc.path == "region":
            fields.append(_region_field(doc, places))
        else:
            fields.append(_leaf_field(doc, required))
    return fields


def _parent(path: str) -> str:
    return path.rsplit(".", 1)[0] if "." in path else ""


def _field_id(path: str) -> str:
    return path.replace("[]", "").replace(".", "_")


def _is_list(doc: FieldDoc) -> bool:
    assert doc.info is not None
    annotation = _unwrap(doc.info.annotation)
    return typing.get_origin(annotation) is list


def _unwrap(annotation: Any) -> Any:
    """``X`` of ``X | None`` and of ``Annotated[X, …]``."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _unwrap(args[0]) if len(args) == 1 else annotation
    return annotation


def value_type(form_field: FormField) -> Any:
    """The type a field's value has in the schema (``float`` for a latitude), ``X`` of ``X | None``."""
    info = form_field.doc.info if form_field.doc is not None else None
    return _unwrap(info.annotation) if info is not None else str


def _example(doc: FieldDoc) -> Any:
    value = doc.real_example
    if isinstance(value, str) and doc.info is not None and _unwrap(doc.info.annotation) is datetime:
        # A date and time with no year (the form reads it as the next such day): never a past example.
        return without_year(read_moment(value, ZONES[DEFAULT_ZONE]).value)
    return value.value if isinstance(value, Enum) else value


def _leaf_field(doc: FieldDoc, required: bool) -> FormField:
    """An input, text area or dropdown for one field."""
    assert doc.info is not None
    common: dict[str, Any] = {
        "id": _field_id(doc.path),
        "label": form_label(doc),
        "path": tuple(doc.path.split(".")),
        "doc": doc,
    }
    annotation = _unwrap(doc.info.annotation)
    description = doc.description
    if doc.path in DEFAULTED:
        required, description = False, _sentences(description, DEFAULTED[doc.path])
    if doc.choices:
        default = (
            doc.choices.index(doc.default.value if isinstance(doc.default, Enum) else doc.default)
            if doc.default not in (PydanticUndefined, None)
            else None
        )
        example = _example(doc)
        labels = next((names for end, names in CHOICE_LABELS.items() if doc.path.endswith(end)), {})
        options = tuple(labels.get(str(choice), str(choice)) for choice in doc.choices)
        shown = "" if example is PydanticUndefined else labels.get(str(example), str(example))
        return FormField(
            type="dropdown",
            description=description,
            required=required,
            shape="choice",
            options=options,
            values=doc.choices,
            default=default,
            example=shown,
            **common,
        )
    if annotation is bool:  # the description speaks of true/false: the dropdown says ya/tidak
        description = re.sub(r"\bfalse\b", NO, re.sub(r"\btrue\b", YES, description))
        if doc.default is None:  # optional yes/no (a facility that may be unknown): nothing chosen beforehand
            return FormField(
                type="dropdown",
                description=description,
                required=False,
                shape="choice",
                options=(YES, NO),
                values=(True, False),
                default=None,
                **common,
            )
        return FormField(
            type="dropdown",
            description=description,
            required=True,
            shape="choice",
            options=(YES, NO),
            values=(True, False),
            default=1 if doc.default is False else 0,
            **common,
        )
    example = _example(doc)
    if typing.get_origin(annotation) is list:
        items = example if isinstance(example, list) else []
        if typing.get_args(annotation)[0] is Slug:
            text = ", ".join(map(str, items))
            return FormField(
                type="input",
                description=_sentences(description, "Pisahkan dengan koma."),
                required=required,
                shape="slugs",
                placeholder=text,
                example=text,
                **common,
            )
        text = "\n".join(map(str, items))
        return FormField(
            type="textarea",
            description=_sentences(description, "Satu per baris."),
            required=required,
            shape="lines",
            placeholder=text,
            example=text,
            **common,
        )
    text = "" if example is PydanticUndefined else str(example)
    long = any(getattr(m, "max_length", 0) > LONG_TEXT for m in doc.info.metadata)
    return FormField(
        type="textarea" if long else "input",
        description=description,
        required=required,
        shape="text",
        placeholder=text,
        example=text,
        **common,
    )


def _blocks_field(doc: FieldDoc, parts: list[FieldDoc], required: bool) -> FormField:
    """A list of blocks (sources, videos): a text area with one block a line, parts split by ``|``."""
    names = tuple(p.path.rsplit(".", 1)[1] for p in parts)
    labels = tuple(form_label(p) for p in parts)
    example = _example(doc)
    if not isinstance(example, list):  # no example for the list: one line of its parts' examples
        example = [{p.path.rsplit(".", 1)[1]: _example(p) for p in parts if p.example is not PydanticUndefined}]
    blocks = [item if isinstance(item, dict) else {names[0]: item} for item in example]  # a plain item: its first part
    text = "\n".join(" | ".join(str(item.get(name, "")) for name in names).rstrip(" |") for item in blocks)
    description = _sentences(
        doc.description, f"Satu per baris: {' | '.join(labels)} (bagian kosong boleh dilewati: a | | c)."
    )
    photos = [label for part, label in zip(parts, labels, strict=True) if _is_photo_part(part)]
    if photos:  # a photo inside a line: the number of an attachment of the photos field
        description = _sentences(description, f"“{photos[0]}”: nomor foto di kotak Foto, mis. 3.")
    return FormField(
        id=_field_id(doc.path),
        type="textarea",
        label=form_label(doc),
        description=description,
        required=required,
        shape="blocks",
        path=tuple(doc.path.split(".")),
        placeholder=text,
        example=text,
        parts=names,
        part_labels=labels,
        doc=doc,
    )


def _is_photo_part(doc: FieldDoc) -> bool:
    return doc.info is not None and carries(doc.info, IsPhoto)


def _region_field(doc: FieldDoc, places: dict[str, Place]) -> FormField:
    """The region dropdown: every kecamatan, each followed by its desa, as ``content/regions.yml`` lists them."""
    return FormField(
        id="region",
        type="dropdown",
        label=form_label(doc),
        description="Kecamatan, atau desa/kelurahan di kecamatan itu, tempat yang diceritakan.",
        required=True,
        shape="choice",
        path=("region",),
        options=tuple(place.label for place in places.values()),
        values=tuple(places),
        doc=doc,
    )


def _own_fields() -> list[FormField]:
    """The story, the photos and their details, the new creator's name and bio, the statements."""
    cover = {doc.path: doc for doc in field_docs(Cover)}
    fields = [
        FormField(
            id="body",
            type="textarea",
            label="Cerita",
            required=True,
            shape="story",
            target="post",
            description=TEMPLATE_BODY.replace("\n\n", " ").strip()
            + " Boleh teks biasa atau Markdown. Foto jangan ditaruh di sini: pakai kotak Foto di bawah.",
            placeholder="Setiap Sabtu pagi, nelayan Teluk Biru ...",
        ),
        FormField(
            id="photos",
            type="textarea",
            label="Foto",
            required=True,
            shape="photos",
            target="form",
            description=f"Seret foto ke kotak ini, atau ketuk untuk memilih dari galeri ({UPLOADS}; "
            f"paling banyak {MAX_PHOTOS} foto). Foto pertama menjadi sampul, sisanya galeri. "
            "Data lokasi (GPS) tidak ikut terbit di situs.",
        ),
    ]
    for name, field_id in PHOTO_FIELDS.items():
        leaf = replace(_leaf_field(cover[name], required=True), id=field_id, path=("cover", name))
        if name == "alt":
            leaf = replace(
                leaf,
                type="textarea",
                shape="lines",
                description=_sentences(
                    leaf.description, "Satu baris per foto, urut seperti fotonya (baris pertama untuk sampul)."
                ),
            )
        fields.append(leaf)
    for doc in field_docs(Creator):
        if doc.required:
            leaf = _leaf_field(doc, required=False)
            fields.append(
                replace(
                    leaf,
                    id=f"creator_{leaf.id}",
                    target="creator",
                    description=_sentences(
                        doc.description,
                        "Hanya untuk kiriman pertama dari akun GitHub Anda; setelah itu boleh dikosongkan.",
                    ),
                )
            )
    fields.append(
        FormField(
            id="consent",
            type="checkboxes",
            label="Pernyataan kreator",
            required=True,
            shape="confirm",
            target="form",
            options=CONSENT,
            description="Centang semuanya. Editor membaca kiriman Anda sebelum terbit.",
        )
    )
    return fields


def _check(category: str, fields: list[FormField]) -> None:
    """What GitHub refuses in a form: repeated or bad ids and labels, repeated or reserved options."""
    where = f"formulir {category}"
    for attribute in ("id", "label"):
        seen = [getattr(f, attribute) for f in fields]
        repeated = sorted({value for value in seen if seen.count(value) > 1})
        if repeated:
            raise ValueError(f"{where}: {attribute} dipakai dua kali: {', '.join(repeated)}")
    for form_field in fields:
        if not re.fullmatch(r"[A-Za-z0-9_-]+", form_field.id):
            raise ValueError(f"{where}: id {form_field.id!r} hanya boleh huruf, angka, - dan _")
        options = [option.strip().lower() for option in form_field.options]
        if len(set(options)) != len(options) or "none" in options:
            raise ValueError(f"{where}: pilihan {form_field.id} berulang atau memakai kata 'None'")


# --------------------------------------------------------------------------
# Forms
# --------------------------------------------------------------------------


def form_document(category: str, places: dict[str, Place], site_url: str) -> dict[str, Any]:
    """The issue form of ``category`` as GitHub reads it."""
    label = REGISTRY[category].label
    about = REGISTRY[category].block_description
    guide = guide_url(site_url)
    intro = (
        f"**Pos {label}** ({about.lower()}). Isi formulir ini; tidak perlu menulis kode atau YAML. "
        "Isian bertanda * wajib. Setelah Anda menekan **Submit new issue**, pemeriksaan otomatis membalas di "
        "issue ini dalam beberapa menit: apa yang perlu diperbaiki, atau tautan *pull request* yang dibuka "
        f"untuk editor. Panduan lengkap: [Kirim lewat formulir]({guide})."
    )
    return {
        "name": f"Kirim pos {label}",
        "description": f"Pos baru kategori {label}: {about.lower()}. Tanpa YAML, bisa dari ponsel.",
        "title": f"Kiriman {label}: ",
        "labels": [LABEL, f"{LABEL}:{category}"],
        "body": [
            {"type": "markdown", "attributes": {"value": intro}},
            *(f.element() for f in form_fields(category, places)),
        ],
    }


def guide_url(site_url: str) -> str:
    return site_url.rstrip("/") + "/" + GUIDE_PAGE


def config_document(site_url: str) -> dict[str, Any]:
    """``config.yml``: the chooser keeps blank issues (editors use them) and links the guide."""
    return {
        "blank_issues_enabled": True,
        "contact_links": [
            {
                "name": "Panduan: kirim pos lewat formulir",
                "url": guide_url(site_url),
                "about": "Cara mengisi formulir, foto yang diterima, dan apa yang terjadi setelah Anda mengirim.",
            }
        ],
    }


HEADER = (
    "# Dibuat otomatis dari skema pos (src/etalase/content/schema.py) dan content/regions.yml.\n"
    "# Jangan disunting langsung: jalankan `make form` setelah skema, wilayah atau site_url berubah.\n"
)


def rendered(places: dict[str, Place], site_url: str) -> dict[str, str]:
    """File name → text of every form and of ``config.yml``."""
    files = {f"kirim-{category}.yml": _dump(form_document(category, places, site_url)) for category in REGISTRY.ids()}
    files["config.yml"] = _dump(config_document(site_url))
    return files


class _Dumper(yaml.SafeDumper):
    """Multi-line text (placeholders) as ``|`` blocks, as a person would write them."""


_Dumper.add_representer(
    str,
    lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None),
)


def _dump(document: dict[str, Any]) -> str:
    return HEADER + yaml.dump(document, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110)


# --------------------------------------------------------------------------
# Reading the repository
# --------------------------------------------------------------------------


def load_places(content_dir: Path) -> dict[str, Place]:
    """Kecamatan and desa of ``content_dir/regions.yml``; :class:`ValueError` when it cannot be read."""
    loaded = load_content(content_dir)
    if loaded.regions is None:
        raise ValueError(f"{content_dir}/regions.yml tidak bisa dibaca; jalankan make check")
    try:
        return places_of(Regions.model_validate(loaded.regions.document.data))
    except ValidationError as error:
        raise ValueError(
            f"{content_dir}/regions.yml tidak sah; jalankan make check ({error.error_count()} masalah)"
        ) from None


def brand(config: Mapping[str, Any]) -> Mapping[str, Any]:
    """``extra.brand`` of ``mkdocs.yml`` (empty when missing)."""
    extra = config.get("extra")
    value = extra.get("brand") if isinstance(extra, Mapping) else None
    return value if isinstance(value, Mapping) else {}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Tulis formulir issue dari skema. (Write the issue forms.)")
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", action="store_true", help="tulis formulir ke .github/ISSUE_TEMPLATE/")
    action.add_argument("--check", action="store_true", help="periksa formulir yang di-commit (exit 1 bila beda)")
    parser.add_argument("--content", type=Path, default=Path("content"), help="folder konten (regions.yml)")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="mkdocs.yml (site_url)")
    parser.add_argument("--out", type=Path, default=FORM_DIR, help="folder formulir")
    args = parser.parse_args(argv)
    try:
        places = load_places(args.content)
        site_url = read_settings(args.config).site_url
        files = rendered(places, site_url)
    except (OSError, ValueError) as error:
        print(f"Formulir tidak dapat dibuat: {error} (cannot make the forms)", file=sys.stderr)
        return 1
    stale = [name for name, text in files.items() if _read(args.out / name) != text]
    if args.check:
        for name in stale:
            print(f"{args.out / name}: tidak sesuai skema; jalankan make form (out of date: run make form)")
        return 1 if stale else 0
    args.out.mkdir(parents=True, exist_ok=True)
    for name in stale:
        (args.out / name).write_text(files[name], encoding="utf-8")
        print(f"Ditulis: {args.out / name} (written)")
    return 0


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


if __name__ == "__main__":
    raise SystemExit(main())
