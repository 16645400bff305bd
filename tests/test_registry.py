"""One place for each idea: a category and a listing kind are added as data, and a build picks them up.

These tests build in this process through the public API (:mod:`etalase.api`),
with a category or listing kind registered for the duration of the test only,
a partial in a copy of the theme and a post, and read the built site.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from pydantic import Field

from etalase import api
from etalase.build import listings
from etalase.build.listings import ListingKind
from etalase.content.categories import REGISTRY, Category, EntityContext
from etalase.content.schema import ShortText, Strict
from etalase.content.text import slugify

from conftest import NOW, ROOT
from untrusted_content import add_post, base_content, front_matter


class Kuliner(Strict):
    """A place to eat."""

    dish: ShortText = Field(description="Hidangan andalan", examples=["Nasi kuning"])
    stall: ShortText = Field(description="Nama warung", examples=["Warung Bu Tini"])


def _restaurant(meta: Any, info: Kuliner, ctx: EntityContext) -> dict[str, Any]:
    return {
        "@type": "Restaurant",
        "@id": ctx.url + "#warung",
        "name": info.stall,
        "servesCuisine": info.dish,
        "address": ctx.address(None),
    }


KULINER = Category(
    id="kuliner",
    label="Kuliner",
    block=Kuliner,
    block_description="Info kuliner",
    blurb="Warung dan hidangan khas yang wajib dicoba.",
    colour="#7a3b00",
    entity=_restaurant,
)
PARTIAL = """{% set k = post.block %}
<aside class="etalase-info" aria-labelledby="info-judul">
  <h2 id="info-judul">Info kuliner</h2>
  <p class="etalase-info__name">{{ k.stall }}</p>
  <dl><dt>Hidangan</dt><dd>{{ k.dish }}</dd></dl>
</aside>
"""


def site_setup(tmp_path: Path, partial: bool = True) -> Path:
    """A copy of mkdocs.yml whose theme is a copy of overrides/ (with the kuliner partial, if asked)."""
    theme = tmp_path / "overrides"
    shutil.copytree(ROOT / "overrides", theme)
    if partial:
        (theme / "partials" / "etalase" / "info-kuliner.html").write_text(PARTIAL, encoding="utf-8")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(ROOT / "docs")
    config["theme"]["custom_dir"] = str(theme)
    config["plugins"] = [{"etalase": {"cache_dir": str(tmp_path / "cache"), "search": False}}]
    path = tmp_path / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def build(tmp_path: Path, content: Path, config: Path) -> api.Result:
    return api.build(
        api.Options(
            config_file=config,
            content_dir=content,
            site_dir=tmp_path / "site",
            now=datetime.fromisoformat(NOW),
            search=False,
        )
    )


def html(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def kuliner_content(root: Path) -> Path:
    content = base_content(root)
    add_post(
        content,
        "warung-bu-tini",
        front_matter(
            title="Nasi Kuning Warung Bu Tini",
            category="kuliner",
            wisata=None,
            kuliner={"dish": "Nasi kuning", "stall": "Warung Bu Tini"},
        ),
    )
    add_post(content, "pantai", front_matter(title="Pantai di kota", date="2026-01-09 08:00 WIB"))
    return content


def test_a_category_added_to_the_registry_alone_gets_listing_home_section_colour_and_json_ld(tmp_path: Path) -> None:
    content = kuliner_content(tmp_path / "content")
    config = site_setup(tmp_path)
    with REGISTRY.extended(KULINER):
        result = build(tmp_path, content, config)
    assert result.ok, [problem.format() for problem in result.problems]
    site = tmp_path / "site"

    listing = html(site, "kuliner")
    assert listing.h1.get_text(strip=True) == "Kuliner"
    assert [a.get_text(strip=True) for a in listing.select(".etalase-card__title a")] == ["Nasi Kuning Warung Bu Tini"]
    assert (site / "kuliner" / "feed.xml").is_file()

    home = html(site, "")
    section = home.select_one("section[aria-labelledby=bagian-kuliner]")
    assert section.h2.get_text(strip=True) == "Kuliner"
    assert section.select_one(".etalase-section__blurb").get_text(strip=True) == KULINER.blurb
    assert "etalase-cat--kuliner" in section["class"]
    style = home.find("style").get_text()
    assert (
        "--etalase-kuliner:#7a3b00" in style and ".etalase-cat--kuliner{--etalase-cat:var(--etalase-kuliner)}" in style
    )
    assert "Kuliner" in [a.get_text(strip=True) for a in home.select(".md-tabs__link")]

    post = html(site, "artikel/warung-bu-tini")
    assert post.select_one("aside.etalase-info .etalase-info__name").get_text(strip=True) == "Warung Bu Tini"
    graph = json.loads(post.find("script", type="application/ld+json").get_text())["@graph"]
    restaurant = next(item for item in graph if item["@type"] == "Restaurant")
    assert restaurant["servesCuisine"] == "Nasi kuning"
    assert restaurant["url"].endswith("/artikel/warung-bu-tini/")
    assert [c["name"] for c in next(i for i in graph if i["@type"] == "BreadcrumbList")["itemListElement"]] == [
        "Beranda",
        "Kuliner",
        "Nasi Kuning Warung Bu Tini",
    ]
    assert "kuliner" not in REGISTRY  # the test's category is gone again


def test_a_category_without_its_partial_is_a_problem_before_the_build(tmp_path: Path) -> None:
    content = kuliner_content(tmp_path / "content")
    config = site_setup(tmp_path, partial=False)
    with REGISTRY.extended(KULINER):
        checked = api.check(api.Options(config_file=config, content_dir=content, now=datetime.fromisoformat(NOW)))
        built = build(tmp_path, content, config)
    for result in (checked, built):
        assert [(p.field, p.message) for p in result.problems] == [
            (
                "kategori kuliner",
                "templat partials/etalase/info-kuliner.html tidak ada di tema (overrides/); buat templat itu untuk "
                "menampilkan blok kategori di halaman pos",
            )
        ]
    assert not (tmp_path / "site").exists()


def test_a_post_of_a_category_that_is_not_registered_is_refused(tmp_path: Path) -> None:
    content = kuliner_content(tmp_path / "content")
    result = api.check(
        api.Options(config_file=site_setup(tmp_path), content_dir=content, now=datetime.fromisoformat(NOW))
    )
    messages = [p.message for p in result.problems]
    assert 'ditemukan "kuliner"; yang diizinkan: wisata, umkm, budaya, pembangunan' in messages


@contextmanager
def extra_kind(kind: ListingKind) -> Iterator[ListingKind]:
    listings.KINDS.append(kind)
    try:
        yield kind
    finally:
        listings.KINDS.remove(kind)


AGENCY = ListingKind(
    name="agency",
    base="instansi",
    kicker="Instansi",
    keys=lambda post, content: [slugify(post.block.agency)] if post.category == "pembangunan" else [],
    heading=lambda key, content: key.replace("-", " ").title(),
    description=lambda key, content: f"Proyek pembangunan oleh {key.replace('-', ' ').title()}.",
)


def test_a_listing_kind_added_as_data_gets_its_pages(tmp_path: Path) -> None:
    content = base_content(tmp_path / "content")
    block = {
        "project": "Jembatan Kota",
        "agency": "Dinas PUPR",
        "status": "berjalan",
        "sources": [{"title": "DPA 2026", "document": "DPA No. 1"}],
    }
    for day in (3, 4):
        add_post(
            content,
            f"proyek-{day}",
            front_matter(
                title=f"Proyek hari {day}",
                date=f"2026-01-0{day} 08:00 WIB",
                category="pembangunan",
                wisata=None,
                pembangunan=block,
            ),
        )
    add_post(content, "pantai", front_matter(title="Pantai di kota"))
    with extra_kind(AGENCY):
        result = build(tmp_path, content, site_setup(tmp_path))
    assert result.ok, [problem.format() for problem in result.problems]
    page = html(tmp_path / "site", "instansi/dinas-pupr")
    assert page.h1.get_text(strip=True) == "Dinas Pupr"
    assert page.select_one(".etalase-listing__kind").get_text(strip=True) == "Instansi"
    assert [a.get_text(strip=True) for a in page.select(".etalase-card__title a")] == ["Proyek hari 4", "Proyek hari 3"]
    crumbs = [li.get_text(strip=True) for li in page.select(".etalase-crumbs li")]
    assert crumbs == ["Beranda", "Dinas Pupr"]
    assert "instansi/dinas-pupr/" in (tmp_path / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert AGENCY not in listings.KINDS


@pytest.mark.parametrize("category", REGISTRY.ids())
def test_every_registered_category_has_its_partial(category: str) -> None:
    assert (ROOT / "overrides" / REGISTRY[category].partial).is_file()


def test_the_form_routes_accept_step_takes_any_registered_category_and_no_other() -> None:
    from pydantic import ValidationError

    from etalase.kiriman.accept import Result

    report = {
        "ok": True,
        "issue": 12,
        "author": "rina-w",
        "category": "kuliner",
        "title": "Nasi Kuning Warung Bu Tini",
        "summary": "Sarapan nasi kuning sejak 1998.",
        "region": "sekar-kota",
        "slug": "nasi-kuning-warung-bu-tini",
        "creator": "rina-wulandari",
        "creator_new": False,
        "photos": 1,
        "bundle": "posts/nasi-kuning-warung-bu-tini",
        "creator_file": None,
        "problems": [],
    }
    with pytest.raises(ValidationError, match="kategori tidak dikenal: 'kuliner'"):
        Result.model_validate(report)
    with REGISTRY.extended(KULINER):
        assert Result.model_validate(report).category == "kuliner"
    for category in REGISTRY.ids():
        assert Result.model_validate({**report, "category": category}).category == category


def _answer(element: dict[str, Any], photo: str) -> str:
    """What a creator types into one element of a generated form (a required one: its own example)."""
    kind, attributes = element["type"], element.get("attributes", {})
    required = (element.get("validations") or {}).get("required", False)
    if kind == "checkboxes":
        return "\n".join(f"- [X] {option['label']}" for option in attributes["options"])
    if kind == "dropdown":
        return attributes["options"][0] if required else "_No response_"
    if element["id"] == "photos":
        return f"![warung.jpg](https://github.com/user-attachments/assets/{photo})"
    if element["id"] == "photo_alts":
        return "Sepiring nasi kuning dengan telur balado dan serundeng di atas daun pisang"
    if element["id"] == "body":
        return "Warung Bu Tini menjual nasi kuning sejak 1998. " * 4
    if required:
        return str(attributes.get("placeholder") or attributes["label"])
    return "_No response_"


def test_a_fifth_category_is_converted_from_its_generated_form_and_accepted(tmp_path: Path) -> None:
    from etalase.authoring import issue_form
    from etalase.content.load import load_content
    from etalase.content.schema import Regions
    from etalase.content.structure import places_of
    from etalase.kiriman import accept, convert
    from etalase.photos.types import ImageSettings

    from conftest import DEMO_CONTENT, LOGIN, add_login
    from test_kiriman import ASSETS, make_assets

    content = base_content(tmp_path / "content")
    shutil.copytree(DEMO_CONTENT / "creators", content / "creators", dirs_exist_ok=True)
    shutil.copy(DEMO_CONTENT / "regions.yml", content / "regions.yml")
    add_login(content)
    places = places_of(Regions.model_validate(load_content(content).regions.document.data))
    photo = next(iter(ASSETS))
    with REGISTRY.extended(KULINER):
        form = issue_form.form_document("kuliner", places, "https://etalase.example.go.id/")
        assert form["labels"] == ["kiriman"] or "kiriman" in form["labels"]
        fields = [element for element in form["body"] if element["type"] != "markdown"]
        assert {"kuliner_dish", "kuliner_stall"} <= {element["id"] for element in fields}
        body = "\n\n".join(f"### {el['attributes']['label']}\n\n{_answer(el, photo)}" for el in fields) + "\n"
        settings = convert.Settings(assets_dir=make_assets(tmp_path / "lampiran"))
        submission = convert.convert(body, LOGIN, 7, content, datetime.fromisoformat(NOW), settings)
        assert not submission.problems, [problem.message for problem in submission.problems]

        artifact = tmp_path / "kiriman"
        convert.write_report(submission, content, artifact / "hasil.json")
        report = json.loads((artifact / "hasil.json").read_text(encoding="utf-8"))
        assert report["ok"] and report["category"] == "kuliner"
        shutil.copytree(content / report["bundle"], artifact / "konten" / report["bundle"])
        shutil.rmtree(content / report["bundle"])  # the write job starts from the repository as it was
        result, post = accept.accept_post(artifact, content, 7, ImageSettings())
    assert result.category == "kuliner" and post is not None
    assert post.meta.kuliner.stall == "Warung Bu Tini" and post.meta.kuliner.dish == "Nasi kuning"
