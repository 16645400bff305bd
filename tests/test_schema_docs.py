"""The JSON Schema and the guide's field table, both derived from the pydantic schema.

The JSON Schema is checked with an independent validator (``jsonschema``)
against the demo posts and against broken front matter; the guide page of the
built demo site must have a table row for every field the JSON Schema names.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup

from etalase.authoring.schema_docs import json_schema, post_markdown, template_data
from etalase.content.categories import REGISTRY
from etalase.content.front_matter import parse_document
from filled_templates import fill
from test_validation import make_content

from conftest import DEMO_CONTENT, PHOTOS, ROOT, run_check

SITE_URL = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE)[1]


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft7Validator:
    schema = json_schema()
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def _demo_front_matters() -> list[tuple[str, dict]]:
    posts = []
    for index in sorted((DEMO_CONTENT / "posts").rglob("index.md")):
        document, problems = parse_document(index.read_text(encoding="utf-8"), index)
        assert document is not None and not problems
        posts.append((index.parent.name, document.data))
    return posts


DEMO = _demo_front_matters()


@pytest.mark.parametrize(("slug", "data"), DEMO, ids=[slug for slug, _ in DEMO])
def test_demo_posts_are_valid_for_the_json_schema(validator, slug: str, data: dict) -> None:
    REGISTRY.post_model(data["category"]).model_validate(data)  # valid for the build…
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(_as_json(data))]
    assert errors == []  # …and for an editor


def _as_json(data: Any) -> Any:
    """Front matter as an editor's YAML service sees it: dates are strings."""
    return json.loads(json.dumps(data, default=str))


def test_every_category_template_is_valid_for_the_json_schema(validator) -> None:
    for category in REGISTRY.ids():
        data = template_data(category)
        REGISTRY.post_model(category).model_validate(data)
        assert list(validator.iter_errors(_as_json(data))) == []


def _broken(change) -> dict:
    data = copy.deepcopy(next(d for _, d in DEMO if d["category"] == "wisata"))
    change(data)
    return _as_json(data)


@pytest.mark.parametrize(
    ("name", "change", "expected"),
    [
        ("unknown category", lambda d: d.update(category="kuliner"), "'kuliner' is not one of"),
        ("block of another category", lambda d: d.update(umkm=d.pop("wisata")), "'umkm' was unexpected"),
        ("cover without alt", lambda d: d["cover"].pop("alt"), "'alt' is a required property"),
        ("unknown field", lambda d: d.update(judul="x"), "'judul' was unexpected"),
        ("date without time zone", lambda d: d.update(date="2026-11-20 08:00"), "does not match"),
        ("summary too short", lambda d: d.update(summary="Pendek"), "is too short"),
        ("tag with spaces", lambda d: d.update(tags=["Pantai Indah"]), "does not match"),
    ],
)
def test_broken_front_matter_is_rejected_with_the_right_reason(validator, name: str, change, expected: str) -> None:
    messages = [e.message for e in validator.iter_errors(_broken(change))]
    assert any(expected in m for m in messages), messages


def test_a_post_dated_at_the_merge_is_valid_for_an_editor_too(validator) -> None:
    for written in ("saat digabung", "Saat digabung"):
        assert list(validator.iter_errors(_broken(lambda d, w=written: d.update(date=w)))) == []
    messages = [e.message for e in validator.iter_errors(_broken(lambda d: d.update(date="saat disetujui")))]
    assert any("does not match" in m for m in messages), messages
    start = [e.message for e in validator.iter_errors(_broken(lambda d: d.update(updated="saat digabung")))]
    assert start == ["'saat digabung' is not valid under any of the given schemas"]  # only the publish date


def test_the_category_selects_one_model_only(validator) -> None:
    """A wisata post without its block is told about ``wisata``, not about the other three blocks."""
    messages = [e.message for e in validator.iter_errors(_broken(lambda d: d.pop("wisata")))]
    assert messages == ["'wisata' is a required property"]


def _schema_paths(schema: dict) -> set[str]:
    """Dotted field paths named by the JSON Schema, walked independently of schema_docs."""
    definitions = schema["definitions"]

    def resolve(node: dict) -> dict:
        return definitions[node["$ref"].rsplit("/", 1)[1]] if "$ref" in node else node

    def walk(node: dict, prefix: str) -> set[str]:
        node = resolve(node)
        found = set()
        for option in node.get("anyOf", []):
            found |= walk(option, prefix)
        if node.get("type") == "array" and "items" in node:
            found |= walk(node["items"], prefix[:-1] + "[].") if prefix else set()
        for name, child in node.get("properties", {}).items():
            found.add(prefix + name)
            found |= walk(child, prefix + name + ".")
        return found

    paths: set[str] = set()
    for branch in schema["allOf"]:
        paths |= walk(branch["then"], "")
    return paths


def test_guide_page_has_a_card_for_every_schema_field(demo_site: Path) -> None:
    expected = _schema_paths(json_schema())
    assert {"cover.alt", "gallery[].file", "wisata.coordinates.lat", "pembangunan.sources[].url"} <= expected
    page = BeautifulSoup((demo_site / "panduan" / "isian" / "index.html").read_text(encoding="utf-8"), "html.parser")
    cards = {term.find("code").get_text(strip=True): term for term in page.select("dl dt") if term.find("code")}
    assert expected <= set(cards), sorted(expected - set(cards))
    assert "<!-- etalase" not in str(page)
    assert not page.select("article table")  # no wide table left to scroll sideways
    title = cards["title"]
    assert title.get_text(" ", strip=True) == "title · wajib"
    details = title.find_next_sibling("dd").get_text(" ", strip=True)
    assert details == "Judul pos, paling banyak 100 karakter Contoh: Curug Tujuh Tingkat, Segar Setelah Hujan"
    assert cards["tags"].get_text(" ", strip=True) == "tags · tidak wajib"


def test_the_field_list_reads_on_a_360_px_phone(demo_url: str, page) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(demo_url + "panduan/isian/")
    widths = page.evaluate(
        """() => ({
            page: document.documentElement.scrollWidth,
            view: window.innerWidth,
            cards: document.querySelectorAll('article dl dt').length,
            overflowing: [...document.querySelectorAll('article dt, article dd, article dd code, article dt code')]
                .filter(el => [...el.getClientRects()].some(rect => rect.right > window.innerWidth - 8))
                .map(el => [el.textContent.slice(0, 40), ...[...el.getClientRects()].map(r => Math.round(r.right))]),
        })"""
    )
    assert widths["cards"] > 60
    assert widths["page"] <= widths["view"], widths
    assert widths["overflowing"] == [], widths["overflowing"]
    # The templates and the filled-in posts, opened: their code scrolls inside its box, the page does not.
    page.goto(demo_url + "panduan/lewat-github/")
    opened = page.evaluate(
        """() => {
            const blocks = [...document.querySelectorAll('article details')];
            blocks.forEach(block => { block.open = true; });
            return {
                blocks: blocks.length,
                page: document.documentElement.scrollWidth,
                view: window.innerWidth,
                wider: [...document.querySelectorAll('article details')]
                    .filter(el => el.getBoundingClientRect().right > window.innerWidth).length,
            };
        }"""
    )
    assert opened["blocks"] == 2 * len(CATEGORY_FIELDS)
    assert opened["page"] <= opened["view"] and opened["wider"] == 0, opened


CATEGORY_FIELDS = {
    "wisata": {"place", "address", "opening_hours", "ticket"},
    "umkm": {"business", "products", "price_range", "whatsapp", "address"},
    "budaya": {"venue", "organiser"},
    "pembangunan": {"project", "agency", "status", "sources"},
}
"""The fields each category's block requires, as the contributor guide states them."""
POST_FIELDS = {"title", "date", "category", "summary", "creators", "region", "cover"}


def test_guide_shows_a_template_per_category_and_the_schema_url(demo_site: Path) -> None:
    """Each template is a draft of its category with every required field, valid for the published JSON Schema."""
    published = jsonschema.Draft7Validator(
        json.loads((demo_site / "schema" / "post.schema.json").read_text(encoding="utf-8"))
    )
    page = BeautifulSoup(
        (demo_site / "panduan" / "lewat-github" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    templates = [d for d in page.select("details") if d.summary.get_text(strip=True).startswith("Templat kategori")]
    blocks = [block.select_one("pre").get_text() for block in templates]
    assert len(blocks) == len(CATEGORY_FIELDS)
    for category, block in zip(CATEGORY_FIELDS, blocks, strict=True):
        head, front, body = block.split("---\n", 2)
        assert head == "" and body.strip(), block
        data = yaml.safe_load(front)
        assert data["category"] == category and data["draft"] is True
        assert "accessibility" not in data  # unknown until the creator checks the place
        assert POST_FIELDS | {category} <= set(data) and CATEGORY_FIELDS[category] <= set(data[category])
        assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d WIB", data["date"])
        assert list(published.iter_errors(_as_json(data))) == []
    computer = (demo_site / "panduan" / "lewat-komputer" / "index.html").read_text(encoding="utf-8")
    assert f"# yaml-language-server: $schema={SITE_URL}schema/post.schema.json" in computer


def test_schema_is_published_with_the_site(demo_site: Path) -> None:
    published = json.loads((demo_site / "schema" / "post.schema.json").read_text(encoding="utf-8"))
    assert published["$id"] == f"{SITE_URL}schema/post.schema.json"
    assert published["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(published)
    assert published["properties"]["category"]["enum"] == list(CATEGORY_FIELDS)
    validator = jsonschema.Draft7Validator(published)
    for slug, data in DEMO:
        assert list(validator.iter_errors(_as_json(data))) == [], slug
    messages = [e.message for e in validator.iter_errors(_broken(lambda d: d.pop("wisata")))]
    assert messages == ["'wisata' is a required property"]


def test_every_guide_template_passes_the_check_once_its_placeholders_are_replaced(tmp_path: Path) -> None:
    """What a creator does with the guide's copy-and-paste templates: replace every example, add photos."""
    content = make_content(tmp_path / "content", {})
    for category in REGISTRY.ids():
        data = template_data(category)
        assert {"gallery", "videos", category} <= set(data) and "caption" in data["cover"]
        if REGISTRY[category].place:
            assert "accessibility" in data
        bundle = content / "posts" / f"pos-{category}"
        bundle.mkdir(parents=True)
        data = fill(data, bundle) | {"creators": ["rina-wulandari"], "region": "tanjung-sari"}
        (bundle / "index.md").write_text(
            post_markdown(data, "Cerita saya sendiri tentang tempat ini.\n"), encoding="utf-8"
        )
    result = run_check("--content", content)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Konten beres: 4 pos terbit" in result.stdout


def test_a_guide_template_left_as_it_is_is_refused_field_by_field(tmp_path: Path) -> None:
    content = make_content(tmp_path / "content", {})
    bundle = content / "posts" / "pos-umkm"
    bundle.mkdir(parents=True)
    data = template_data("umkm") | {"creators": ["rina-wulandari"], "region": "tanjung-sari", "draft": False}
    (bundle / "index.md").write_text(post_markdown(data), encoding="utf-8")
    for photo in ("sampul.jpg", "foto-1.jpg"):
        shutil.copyfile(PHOTOS[0], bundle / photo)
    result = run_check("--content", content)
    fields = [line.split(": ")[1] for line in result.stdout.splitlines() if "masih berisi contoh dari templat" in line]
    assert fields == [
        "title",
        "summary",
        "tags",
        "cover.alt",
        "cover.caption",
        "cover.credit",
        "gallery (foto ke-1).alt",
        "videos (video ke-1).youtube",
        "videos (video ke-1).title",
        "umkm.business",
        "umkm.products",
        "umkm.whatsapp",
        "umkm.address",
        "umkm.coordinates",
        "umkm.certificates (sertifikat ke-1).number",
        "umkm.links",
        "accessibility.path",
    ]
    assert sum("isi pos masih berisi baris contoh dari templat" in line for line in result.stdout.splitlines()) == 2


def test_the_guide_shows_a_published_post_of_each_category_as_its_file_reads(demo_site: Path) -> None:
    """A filled-in example per category of the registry: the regency's newest published post of it."""
    page = BeautifulSoup(
        (demo_site / "panduan" / "lewat-github" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    filled = {
        d.summary.get_text(strip=True): d.select_one("pre").get_text()
        for d in page.select("details")
        if d.summary.get_text(strip=True).startswith("Contoh terisi")
    }
    assert list(filled) == [
        "Contoh terisi: pos Wisata",
        "Contoh terisi: pos UMKM",
        "Contoh terisi: pos Budaya",
        "Contoh terisi: pos Pembangunan",
    ]
    for (title, text), category in zip(filled.items(), CATEGORY_FIELDS, strict=True):
        document, problems = parse_document(text, Path("index.md"))
        assert document is not None and not problems, title
        data = document.data
        assert data["category"] == category and not data.get("draft")
        source = (DEMO_CONTENT / "posts").glob("*/index.md")
        (original,) = [p for p in source if p.read_text(encoding="utf-8").startswith(text.split("\n---\n")[0])]
        assert document.body.strip().splitlines()[0] in original.read_text(encoding="utf-8")


def test_example_dates_in_the_guide_are_never_past() -> None:
    """The guide is built again on every deploy: on the build's day each example date and time is still to come,
    every one moved by the same years so that a post still comes before its event. Fixed days only."""
    from datetime import date

    from etalase.authoring.schema_docs import GuideContext, expand_markers

    page = "<!-- etalase:date-example --> / <!-- etalase:example-year -->\n<!-- etalase:field-table -->"
    for today, year in [
        (None, "2026"),
        (date(2026, 11, 20), "2026"),
        (date(2026, 11, 21), "2027"),
        (date(2028, 7, 1), "2028"),
        (date(2033, 12, 31), "2034"),
    ]:
        guide = GuideContext(today=today, zone="WITA")
        assert guide.date == f"{year}-11-20 08:00 WITA"
        text = expand_markers(page, guide)
        assert text.startswith(f"{year}-11-20 08:00 WITA / {year}\n")
        assert f"Contoh: `{year}-11-20 08:00 WITA`" in text  # the card of date
        assert f"Contoh: `{year}-12-20 19:00 WITA`" in text  # the card of budaya.start, after it
        templates = expand_markers("<!-- etalase:templates -->", guide)
        assert f"date: {year}-11-20 08:00 WITA" in templates
        assert f"start: {year}-12-20 19:00 WITA" in templates


def test_a_category_without_a_published_post_points_to_its_template() -> None:
    from etalase.authoring.schema_docs import GuideContext, filled_examples_markdown

    story = "\n\n".join(f"Paragraf {n}." for n in range(1, 10))
    post = f"---\ntitle: Keripik Tempe Bu Sari\ncategory: umkm\n---\n\n{story}\n"
    text = filled_examples_markdown(GuideContext(posts=(("umkm", post),)))
    assert text.count('??? example "Contoh terisi: pos ') == len(REGISTRY.ids())
    assert "    Belum ada pos Wisata yang terbit di situs ini. Mulailah dari templatnya di" in text
    assert "Belum ada pos UMKM" not in text
    assert "        title: Keripik Tempe Bu Sari\n" in text
    assert "        Paragraf 3.\n\n        …\n" in text and "Paragraf 4." not in text  # the story cut short


def test_the_form_guide_says_how_to_get_map_numbers_and_what_to_do_with_a_large_photo(demo_site: Path) -> None:
    page = BeautifulSoup(
        (demo_site / "panduan" / "lewat-formulir" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    text = " ".join(page.select_one("article").get_text(" ").split())
    assert "buka Google Maps, tekan lama titik lokasinya sampai muncul penanda, salin dua angka" in text
    assert "Tautan pendek maps.app.goo.gl/… tidak bisa dibaca" in text
    assert "Foto lebih dari 10 MB ditolak GitHub: kirim ulang fotonya lewat WhatsApp ke diri sendiri" in text
    assert "pos terbit saat editor menggabungkannya ( merge ), dan tanggal terbitnya adalah waktu itu" in text
    assert "20 Desember pukul 08.00" in text and "Tahun boleh tidak ditulis" in text
    assert "<!-- etalase" not in str(page)
