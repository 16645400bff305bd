"""The "Kirim pos" issue forms: generated from the schema and regions.yml, valid for GitHub, ids = front-matter keys."""

from __future__ import annotations

import re
import typing
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel, Field

from etalase.authoring import issue_form
from etalase.authoring.issue_form import FILLED_BY_CONVERTER, FORM_DIR, form_fields, load_places
from etalase.content.categories import REGISTRY
from etalase.content.schema import ShortText, Wisata

from conftest import DEMO_CONTENT, ROOT

FORMS = ROOT / FORM_DIR
PLACES = load_places(DEMO_CONTENT)
SITE_URL = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE)[1]
TOP_LEVEL = {"name", "description", "title", "labels", "assignees", "projects", "type", "body"}
ATTRIBUTES = {
    "markdown": {"value"},
    "input": {"label", "description", "placeholder", "value"},
    "textarea": {"label", "description", "placeholder", "value", "render"},
    "dropdown": {"label", "description", "multiple", "options", "default"},
    "checkboxes": {"label", "description", "options"},
}
"""What GitHub's form schema allows in each element's ``attributes``."""


@pytest.fixture(scope="module")
def forms() -> dict[str, dict]:
    """The committed forms, parsed once for the module (each test only reads them)."""
    return {
        category: yaml.safe_load((FORMS / f"kirim-{category}.yml").read_text(encoding="utf-8"))
        for category in REGISTRY.ids()
    }


def test_the_committed_forms_are_what_the_schema_and_regions_make(tmp_path: Path) -> None:
    args = ["--content", str(DEMO_CONTENT), "--config", str(ROOT / "mkdocs.yml")]
    assert issue_form.main(["--check", *args, "--out", str(FORMS)]) == 0
    # …and the check fails as soon as they differ: a new desa must reach the region dropdown.
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    regions = (DEMO_CONTENT / "regions.yml").read_text(encoding="utf-8")
    (content / "regions.yml").write_text(regions + "      - id: desa-baru\n        name: Desa Baru\n", encoding="utf-8")
    assert (
        issue_form.main(
            ["--check", "--content", str(content), "--config", str(ROOT / "mkdocs.yml"), "--out", str(FORMS)]
        )
        == 1
    )
    out = tmp_path / "forms"
    assert (
        issue_form.main(["--write", "--content", str(content), "--config", str(ROOT / "mkdocs.yml"), "--out", str(out)])
        == 0
    )
    assert "- Desa Baru, Kec. Muara Dua\n" in (out / "kirim-wisata.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize("category", REGISTRY.ids())
def test_each_form_is_valid_for_github(category: str, forms: dict[str, dict]) -> None:
    form = forms[category]
    assert set(form) <= TOP_LEVEL and {"name", "description", "body"} <= set(form)
    assert form["labels"] == ["kiriman", f"kiriman:{category}"]
    inputs = [element for element in form["body"] if element["type"] != "markdown"]
    ids = [element["id"] for element in inputs]
    labels = [element["attributes"]["label"] for element in inputs]
    assert len(set(ids)) == len(ids) and len(set(labels)) == len(labels)
    for element in form["body"]:
        attributes = element["attributes"]
        assert set(attributes) <= ATTRIBUTES[element["type"]], element
        assert set(element) <= {"type", "id", "attributes", "validations"}
        for value in attributes.values():
            assert not isinstance(value, str) or value.strip(), element  # GitHub refuses empty strings
        if element["type"] == "markdown":
            continue
        assert re.fullmatch(r"[A-Za-z0-9_-]+", element["id"])
        assert "description" in attributes, element["id"]  # every field has a hint…
        if element["type"] == "dropdown":
            options = attributes["options"]
            lowered = [option.lower() for option in options]
            assert options and len(set(lowered)) == len(options) and "none" not in lowered
            assert all(isinstance(option, str) for option in options)
        if element["type"] == "checkboxes":
            assert all(option["required"] is True for option in attributes["options"])


@pytest.mark.parametrize("category", REGISTRY.ids())
def test_ids_are_the_front_matter_keys_they_fill(category: str, forms: dict[str, dict]) -> None:
    form = forms[category]
    elements = {element["id"]: element for element in form["body"] if element["type"] != "markdown"}
    model = REGISTRY.post_model(category)
    for form_field in form_fields(category, PLACES):
        element = elements.pop(form_field.id)
        assert element["attributes"]["label"] == form_field.label
        if form_field.target != "post" or form_field.id.startswith("photo_") or form_field.id == "body":
            continue
        assert form_field.id == "_".join(form_field.path)
        assert form_field.path[0] not in FILLED_BY_CONVERTER
        _resolve(model, form_field.path)  # the path names real fields of the model
    assert elements == {}
    ids = [element.get("id") for element in form["body"][1:]]
    assert ids[:2] == ["category", "title"]
    assert {
        "summary",
        "region",
        "date",
        "tags",
        "body",
        "photos",
        "photo_alts",
        "photo_credit",
        "photo_license",
        "creator_name",
        "creator_bio",
    } <= set(ids)
    assert any(i.startswith(f"{category}_") for i in ids)


def _resolve(model: typing.Any, path: tuple[str, ...]) -> None:
    """Walk ``path`` through ``model`` and its nested blocks; fails on a name the schema does not have."""
    for name in path:
        assert isinstance(model, type) and issubclass(model, BaseModel) and name in model.model_fields, path
        model = _block(model.model_fields[name].annotation)


def _block(annotation: typing.Any) -> typing.Any:
    """The model inside ``X``, ``X | None``, ``list[X]`` or ``Annotated[X, …]``; else the annotation."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next(
        (
            found
            for arg in typing.get_args(annotation)
            if isinstance(found := _block(arg), type) and issubclass(found, BaseModel)
        ),
        annotation,
    )


def test_required_in_the_form_is_required_in_the_schema(forms: dict[str, dict]) -> None:
    form = forms["budaya"]
    required = {e["id"] for e in form["body"] if e.get("validations", {}).get("required")}
    assert required == {
        "category",
        "title",
        "summary",
        "region",
        "budaya_venue",
        "budaya_organiser",
        "budaya_tradition",
        "body",
        "photos",
        "photo_alts",
        "photo_credit",
        "photo_license",
        "photo_ai_generated",
    }
    wisata = {e["id"] for e in forms["wisata"]["body"] if e.get("validations", {}).get("required")}
    assert {"wisata_place", "wisata_address", "wisata_opening_hours", "wisata_ticket"} <= wisata
    assert not {"wisata_coordinates_lat", "wisata_coordinates_lon", "wisata_facilities", "date"} & wisata


def test_fields_show_the_schema_hint_example_and_options(forms: dict[str, dict]) -> None:
    elements = {e.get("id"): e for e in forms["umkm"]["body"]}
    whatsapp = elements["umkm_whatsapp"]["attributes"]
    assert whatsapp == {
        "label": "Nomor WhatsApp untuk pesan",
        "placeholder": "0812-3456-7890",
        "description": "Nomor WhatsApp untuk pesan (08…, 62… atau +62…), disimpan sebagai +62… Contoh: 0812-3456-7890",
    }
    assert elements["umkm_products"]["type"] == "textarea"
    # A real answer as the example (the schema's second one), not the scaffold's placeholder.
    assert (
        elements["umkm_products"]["attributes"]["placeholder"] == "Sambal bawang 150 gr\nSambal ijo 150 gr | Rp25.000"
    )
    assert elements["tags"]["attributes"]["description"].startswith("Label (huruf kecil, pakai tanda -). Pisahkan")
    assert elements["region"]["attributes"]["options"] == [place.label for place in PLACES.values()]
    assert elements["category"]["attributes"]["options"] == ["UMKM"]
    assert elements["category"]["attributes"]["default"] == 0
    assert elements["photo_ai_generated"]["attributes"]["options"] == ["ya", "tidak"]
    assert elements["photo_ai_generated"]["attributes"]["default"] == 1
    pembangunan = {e.get("id"): e for e in forms["pembangunan"]["body"]}
    # Dropdowns show the site's names; the ids stay behind them (what the converter writes).
    assert pembangunan["pembangunan_status"]["attributes"]["options"] == ["Direncanakan", "Sedang berjalan", "Selesai"]
    assert pembangunan["pembangunan_funding"]["attributes"]["options"][:3] == [
        "APBN",
        "APBD provinsi",
        "APBD kabupaten/kota",
    ]
    funding = next(f for f in form_fields("pembangunan", PLACES) if f.id == "pembangunan_funding")
    assert funding.values[:3] == ("apbn", "apbd-provinsi", "apbd-kabupaten")
    sources = pembangunan["pembangunan_sources"]["attributes"]
    assert "Judul sumber | Tautan sumber | Rujukan dokumen jika tanpa tautan" in sources["description"]
    assert sources["placeholder"] == "Siaran pers Dinas PUPR | https://example.go.id/berita"


def test_a_new_schema_field_appears_in_the_form() -> None:
    class WisataWithParking(Wisata):
        parking: ShortText = Field(
            description="Tempat parkir, mis. Parkir motor di depan gerbang", examples=["Parkir motor di depan gerbang"]
        )

    with REGISTRY.replaced(replace(REGISTRY["wisata"], block=WisataWithParking)):
        parking = next(f for f in form_fields("wisata", PLACES) if f.id == "wisata_parking")
    assert (parking.label, parking.required, parking.placeholder) == (
        "Tempat parkir",
        True,
        "Parkir motor di depan gerbang",
    )


def test_the_umkm_form_asks_the_owner_s_consent_to_show_the_number(forms: dict[str, dict]) -> None:
    ids = [element.get("id") for element in forms["umkm"]["body"]]
    consent = forms["umkm"]["body"][ids.index("umkm_whatsapp") + 1]
    assert consent["id"] == "umkm_whatsapp_consent"
    assert consent["attributes"]["options"] == [
        {"label": "Pemilik usaha setuju nomor WhatsApp ini tampil di situs", "required": True}
    ]
    assert "tampil di halaman pos" in consent["attributes"]["description"]
    for category in ("wisata", "budaya", "pembangunan"):  # no number shown, no tick asked
        assert not [e for e in forms[category]["body"] if str(e.get("id", "")).endswith("_consent")]


def test_the_chooser_links_the_guide() -> None:
    config = yaml.safe_load((FORMS / "config.yml").read_text(encoding="utf-8"))
    assert config["contact_links"][0]["url"] == SITE_URL.rstrip("/") + "/panduan/lewat-formulir/"
    assert set(config) == {"blank_issues_enabled", "contact_links"}


@pytest.mark.parametrize("now", ["2026-12-01T12:00:00+07:00", "2028-07-01T12:00:00+07:00", "2031-11-21T00:00:00+07:00"])
def test_date_examples_on_the_forms_are_never_past(forms: dict[str, dict], now: str) -> None:
    """The forms are committed and read for years: a date-and-time example carries no year (the form route
    reads it as the next such day), so on any day the example, typed as shown, is a day to come."""
    from datetime import datetime

    from etalase.content.datetext import read_moment
    from etalase.content.zones import WIB

    clock = datetime.fromisoformat(now)
    seen = []
    for category, form in forms.items():
        for form_field in form_fields(category, PLACES):
            if issue_form.value_type(form_field) is not datetime:
                continue
            element = next(e for e in form["body"] if e.get("id") == form_field.id)["attributes"]
            assert not re.search(r"\b(19|20)\d\d\b", element["placeholder"] + element["description"]), element
            moment = read_moment(element["placeholder"], WIB, after=clock)
            assert moment.value >= clock.replace(hour=0, minute=0), (form_field.id, moment.value)
            seen.append(form_field.id)
    assert {"date", "budaya_start", "budaya_end"} <= set(seen)
    date_field = next(e for e in forms["wisata"]["body"] if e.get("id") == "date")["attributes"]
    assert date_field["placeholder"] == "20 November pukul 08.00"
    assert "Kosongkan agar pos terbit saat editor menggabungkannya (tanggal terbitnya waktu itu)" in date_field[
        "description"
    ].replace("\n", " ")
    assert "Tahun boleh tidak ditulis: yang dimaksud tanggal terdekat yang akan datang." in date_field["description"]
