"""The render cache is never stale: one change at a time, a warm build equals a fresh one byte for byte.

A small site of its own (three posts with drawn photos, one creator, two
kecamatan) is built once with an empty cache. Each scenario then copies that
site, its cache included, changes one thing that shapes what a visitor gets,
builds again with the warm cache, and builds the same sources again with an
empty render cache (pages and bodies) and no validated posts kept (processed
photos and share cards are shared, they have caches and tests of their own).
Scenarios that count on validated posts from the post cache build the copy
once before the change: the cache keys a post by where it is. The two sites must be
identical, and the change must show (the warm site differs from the first
build), so no scenario passes by changing nothing.

The two scenarios that change the pipeline's own code (the sanitiser's rules,
the ``<picture>`` markup) build with a copy of the package, in a new process:
a security fix to the sanitiser must reach every published page without
anyone bumping a version by hand.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pytest
import yaml
from PIL import Image, ImageDraw

import etalase
from etalase import api
from etalase.build import sanitize
from etalase.build.plugin import content_cache_name
from etalase.content.post_cache import FOLDER as POST_CACHE
from etalase.photos import markup

from conftest import NOW, ROOT

EVENT_POST = "lomba-tabuh-sanggar"
SCHEDULED_POST = "pameran-foto-warga"
SHOP_POST = "pondok-kayu-pantai"
PACKAGE = Path(etalase.__file__).resolve().parent
"""The ``etalase`` package of this checkout (copied for the code scenarios)."""
SOURCES = PACKAGE.parent
"""The folder that holds the package (copied, the copy changed, and put first on ``PYTHONPATH``)."""


def _photo(path: Path, colour: tuple[int, int, int]) -> None:
    image = Image.new("RGB", (1200, 800), colour)
    draw = ImageDraw.Draw(image)
    for step in range(0, 1200, 60):
        draw.line([(step, 0), (1200 - step, 800)], fill=(255 - colour[0], 200, colour[2] // 2), width=9)
    image.save(path, "JPEG", quality=85)


def _post(folder: Path, slug: str, front_matter: str, body: str, colour: tuple[int, int, int]) -> None:
    bundle = folder / "posts" / slug
    bundle.mkdir(parents=True)
    _photo(bundle / "sampul.jpg", colour)
    _photo(bundle / "suasana.jpg", tuple(255 - part for part in colour))  # type: ignore[arg-type]
    (bundle / "index.md").write_text(f"---\n{front_matter.strip()}\n---\n\n{body.strip()}\n", encoding="utf-8")


COVER = """cover:
  file: sampul.jpg
  alt: {alt}
  credit: Dinas Komunikasi dan Informatika
  license: CC-BY-4.0"""


def write_content(content: Path) -> None:
    """Three posts (a shop, an event that ends in October, a post scheduled for January), a creator, regions."""
    (content / "creators").mkdir(parents=True)
    (content / "creators" / "rina-wulandari.yml").write_text(
        "name: Rina Wulandari\nbio: Fotografer lanskap dari Tanjung Sari.\nregion: tanjung-sari/pasir-putih\n",
        encoding="utf-8",
    )
    (content / "regions.yml").write_text(
        "kecamatan:\n"
        "  - id: sekar-kota\n    name: Sekar Kota\n    desa:\n      - id: pasar-lama\n        name: Pasar Lama\n"
        "  - id: tanjung-sari\n    name: Tanjung Sari\n    desa:\n      - id: pasir-putih\n        name: Pasir Putih\n",
        encoding="utf-8",
    )
    _post(
        content,
        SHOP_POST,
        f"""
title: Pondok Kayu di Tepi Pantai, Penginapan Keluarga
date: 2026-10-02 19:30 WIB
category: umkm
summary: Tiga pondok kayu lima menit dari pantai, dikelola keluarga Bu Lestari.
creators: [rina-wulandari]
region: tanjung-sari/pasir-putih
tags: [penginapan, keluarga]
{COVER.format(alt="Pondok kayu bercat putih di antara pohon kelapa, pintu terbuka menghadap pantai")}
umkm:
  business: Pondok Kayu Pantai
  products:
    - Pondok untuk 2 orang
    - Sewa sepeda
  price_range: Rp250.000–Rp450.000 per malam
  whatsapp: 0812-0000-3391
  address: Gang Nelayan No. 3, Desa Pasir Putih
""",
        """
Setiap kali memandu tamu ke pantai, pertanyaan yang sering saya dengar adalah
tempat menginap yang dekat. Kini jawabannya ada, lima menit berjalan kaki.

## Cara memesan

Pesan lewat [situs pondok](https://pondok.example.com "Situs Pondok") atau WhatsApp.

![Teras pondok dengan dua kursi rotan menghadap laut pada sore hari](suasana.jpg)
""",
        (170, 110, 60),
    )
    _post(
        content,
        EVENT_POST,
        f"""
title: Lomba Tabuh Gendang Antarsanggar di Pasar Lama
date: 2026-10-05 08:00 WIB
category: budaya
summary: Dua belas sanggar beradu irama gendang di halaman Pasar Lama.
creators: [rina-wulandari]
region: sekar-kota/pasar-lama
tags: [musik-tradisional, festival]
{COVER.format(alt="Gendang tangan berkulit putih dengan tali anyaman cokelat di atas tikar pandan")}
budaya:
  venue: Halaman Pasar Lama, Kec. Sekar Kota
  organiser: Karang Taruna Kelurahan Pasar Lama
  start: 2026-10-24 08:00 WIB
  end: 2026-10-24 16:00 WIB
""",
        """
Dua belas sanggar dari empat kecamatan beradu irama di halaman Pasar Lama.

## Jadwal

Lomba dimulai pukul 08.00 dan pengumuman pemenang pukul 15.30.

![Penabuh muda memainkan gendang di panggung kayu](suasana.jpg)
""",
        (120, 40, 100),
    )
    _post(
        content,
        SCHEDULED_POST,
        f"""
title: Pameran Foto Warga Dibuka 17 Januari 2027
date: 2027-01-10 08:00 WIB
category: budaya
summary: Enam puluh foto karya warga dipamerkan selama sepekan di Gedung Kesenian.
creators: [rina-wulandari]
region: sekar-kota
tags: [fotografi, pameran]
{COVER.format(alt="Deretan foto berbingkai kayu di dinding putih gedung kesenian")}
budaya:
  venue: Gedung Kesenian Sekar Kota
  organiser: Komunitas Fotografi Sekar Laut
  start: 2027-01-17 09:00 WIB
  end: 2027-01-24 17:00 WIB
""",
        """
Seperti apa kota ini di mata warganya sendiri? Jawabannya ada di pameran ini.

## Isi pameran

Enam puluh foto tentang pasar, sawah, dan pantai.
""",
        (30, 90, 150),
    )


def write_config(folder: Path) -> Path:
    """The checkout's ``mkdocs.yml`` with every path relative to ``folder``, so a copied folder builds as it is."""
    data = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    data["docs_dir"] = "docs"
    data["theme"]["custom_dir"] = "overrides"
    data["plugins"] = [
        {"etalase": {**(plugin["etalase"] or {}), "content_dir": "content", "cache_dir": "cache", "workers": 1}}
        if isinstance(plugin, dict) and "etalase" in plugin
        else plugin
        for plugin in data["plugins"]
    ]
    config = folder / "mkdocs.yml"
    config.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config


def at(moment: str) -> datetime:
    return datetime.fromisoformat(moment)


def build(folder: Path, site: Path, *, now: str = NOW, preview: bool = False) -> dict[str, int]:
    """Build ``folder``'s sources into ``site`` in this process; the cache counts."""
    result = api.build(
        api.Options(
            config_file=folder / "mkdocs.yml", site_dir=site, now=at(now), search=False, preview_scheduled=preview
        )
    )
    assert result.ok, [problem.format() for problem in result.problems] or result.usage
    return result.counts


def build_with_code(folder: Path, package_parent: Path, site: Path, *, now: str = NOW) -> None:
    """Build ``folder``'s sources with the ``etalase`` package found in ``package_parent`` (a changed copy)."""
    result = subprocess.run(
        [sys.executable, "-m", "etalase.cli", "build", "--config", str(folder / "mkdocs.yml")]
        + ["--site-dir", str(site), "--now", now, "--no-search"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=folder,
        env={**os.environ, "PYTHONPATH": str(package_parent)},
    )
    assert result.returncode == 0, result.stdout + result.stderr


def files_of(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def differing(built: Path, reference: Path) -> list[str]:
    got, want = files_of(built), files_of(reference)
    return sorted(set(got) ^ set(want)) + [name for name in sorted(set(got) & set(want)) if got[name] != want[name]]


@pytest.fixture(scope="module")
def first(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Sources, cache and site of the first build, with an empty cache, at the suite's NOW."""
    folder = tmp_path_factory.mktemp("scenario-base") / "sources"
    write_content(folder / "content")
    shutil.copytree(ROOT / "docs", folder / "docs", ignore=shutil.ignore_patterns("schema"))
    shutil.copytree(ROOT / "overrides", folder / "overrides")
    write_config(folder)
    counts = build(folder, folder.parent / "site")
    assert counts["pages_cached"] == 0 and counts["pages_built"] > 0
    return folder


def copy_sources(first: Path, target: Path, *, render_cache: bool) -> Path:
    """A copy of the first build's sources under ``target``, with its cache moved to the copy's content folder.

    Without ``render_cache`` the copy keeps only the processed photos and share
    cards: its build checks every post and renders every body and page anew.
    """
    shutil.copytree(first, target)
    (old,) = (target / "cache").iterdir()
    cache = old.rename(target / "cache" / content_cache_name((target / "content").resolve()))
    if not render_cache:
        for name in ("pages", "bodies", POST_CACHE):
            shutil.rmtree(cache / name, ignore_errors=True)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@dataclass
class Scenario:
    name: str
    change: Callable[[Path], None]
    """Changes the sources in the folder given (content, docs, overrides, mkdocs.yml)."""
    now: str = NOW
    preview: bool = False
    before: dict[str, object] = field(default_factory=dict)
    """A build with these options first (``now``, ``preview``): the cache the changed build starts from."""
    reuses: bool = True
    """Whether the warm build must take some pages from the cache (a change that not every page shows)."""
    posts_cached: int | None = None
    """How many validated posts the warm build must take from the post cache (:mod:`etalase.content.post_cache`),
    if said: the scenario then builds first (``before``) so that the post cache is warm where the copy is."""


def _name(scenario: object) -> str:
    return scenario.name if isinstance(scenario, Scenario) else str(scenario)


SCENARIOS = [
    Scenario(
        "body text",
        lambda s: edit(s / "content/posts" / SHOP_POST / "index.md", "lima menit berjalan kaki.", "tiga menit saja."),
    ),
    Scenario(
        "creator data",
        lambda s: edit(
            s / "content/creators/rina-wulandari.yml", "Fotografer lanskap", "Pemandu wisata dan fotografer"
        ),
    ),
    Scenario(
        "region names",
        lambda s: edit(s / "content/regions.yml", "name: Pasir Putih", "name: Pasir Putih Indah"),
        reuses=False,  # every page's search filters list the regions
    ),
    Scenario("a post's category", lambda s: _move_to_wisata(s)),
    Scenario(
        "a guide page's title",
        lambda s: edit(s / "docs/panduan/editor.md", "title: Untuk editor", "title: Bagi editor"),
        reuses=False,  # every page's menu names it
    ),
    Scenario(
        "a config key outside the brand",
        lambda s: edit(s / "mkdocs.yml", "permalink: false", "permalink: true"),
        reuses=False,
    ),
    Scenario(
        "a category colour in the brand",
        lambda s: edit(s / "mkdocs.yml", "umkm: '#a14a00'", "umkm: '#8a3f00'"),
        reuses=False,
    ),
    Scenario("a template", lambda s: _append_to_templates(s / "overrides"), reuses=False),
    Scenario("preview of scheduled posts", lambda s: None, preview=True),
    Scenario("now across a publication", lambda s: None, now="2027-01-10T09:00:00+07:00"),
    Scenario(
        "a post's text, validated posts cached",
        lambda s: edit(s / "content/posts" / SHOP_POST / "index.md", "lima menit berjalan kaki.", "tiga menit saja."),
        before={"now": NOW},
        posts_cached=2,
    ),
    Scenario(
        "a photo replaced by one of the same size, validated posts cached",
        lambda s: _replace_photo(s / "content/posts" / SHOP_POST / "sampul.jpg"),
        before={"now": NOW},
        posts_cached=2,
    ),
    Scenario(
        "creator data, validated posts cached",
        lambda s: edit(
            s / "content/creators/rina-wulandari.yml", "Fotografer lanskap", "Pemandu wisata dan fotografer"
        ),
        before={"now": NOW},
        posts_cached=3,  # a valid post holds only the creator's id
    ),
    Scenario(
        "region names, validated posts cached",
        lambda s: edit(s / "content/regions.yml", "name: Pasir Putih", "name: Pasir Putih Indah"),
        before={"now": NOW},
        reuses=False,
        posts_cached=3,
    ),
    Scenario(
        "a damaged post cache and a post's text",
        lambda s: _damage_post_cache(s, "lima menit berjalan kaki."),
        before={"now": NOW},
        posts_cached=0,
    ),
    pytest.param(
        Scenario(
            "now across an event's end",
            lambda s: None,
            now="2026-10-24T17:00:00+07:00",
            before={"now": "2026-10-24T07:00:00+07:00"},
        ),
        id="now across an event's end",
    ),
    pytest.param(
        Scenario(
            "now across the end of a scheduled event",
            lambda s: None,
            now="2027-01-25T09:00:00+07:00",
            before={"now": "2027-01-16T09:00:00+07:00"},
        ),
        id="now across the end of a scheduled event",
    ),
]


def _replace_photo(photo: Path) -> None:
    """Another picture in the same file, of the same size in bytes (padded after the JPEG's end)."""
    size = photo.stat().st_size
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), (20, 160, 90)).save(buffer, "JPEG", quality=80)
    data = buffer.getvalue()
    assert len(data) <= size, "the other picture must not be larger"
    photo.write_bytes(data + b"\0" * (size - len(data)))
    assert photo.stat().st_size == size


def _damage_post_cache(sources: Path, text: str) -> None:
    """Garbage in the post cache's files, and a change to a post's text that must show."""
    (cache,) = (sources / "cache").iterdir()
    files = sorted((cache / POST_CACHE).glob("*.sqlite3"))
    assert files
    for file in files:
        file.write_bytes(b"not a database" * 100)
    edit(sources / "content/posts" / SHOP_POST / "index.md", text, "lima menit, lewat jalan setapak.")


def _move_to_wisata(sources: Path) -> None:
    """The event post becomes a wisata post: its category, and the block its category asks for."""
    index = sources / "content/posts" / EVENT_POST / "index.md"
    text = index.read_text(encoding="utf-8")
    start = text.index("budaya:\n")
    end = text.index("\n---", start)
    index.write_text(
        text[:start].replace("category: budaya", "category: wisata")
        + "wisata:\n  place: Halaman Pasar Lama\n  address: Jl. Pasar Lama No. 2, Kec. Sekar Kota\n"
        + "  opening_hours: Setiap hari 08.00–16.00 WIB\n  ticket: Gratis"
        + text[end:],
        encoding="utf-8",
    )


def _append_to_templates(overrides: Path) -> None:
    """A visible line at the end of every partial and page template (whichever the pages use)."""
    changed = 0
    for template in sorted(overrides.rglob("*.html")):
        text = template.read_text(encoding="utf-8")
        if "{% endblock %}" in text:
            template.write_text(text.replace("{% endblock %}", "<!-- uji tema -->{% endblock %}", 1), encoding="utf-8")
            changed += 1
    assert changed


@pytest.mark.parametrize("scenario", SCENARIOS, ids=_name)
def test_a_warm_build_after_one_change_equals_a_fresh_build(scenario: Scenario, first: Path, tmp_path: Path) -> None:
    warm = copy_sources(first, tmp_path / "warm", render_cache=True)
    before = first.parent / "site"
    if scenario.before or scenario.posts_cached is not None:
        before = tmp_path / "before-site"
        build(warm, before, now=str(scenario.before.get("now", NOW)), preview=bool(scenario.before.get("preview")))
    scenario.change(warm)
    counts = build(warm, tmp_path / "warm-site", now=scenario.now, preview=scenario.preview)
    fresh = copy_sources(warm, tmp_path / "fresh", render_cache=False)
    fresh_counts = build(fresh, tmp_path / "fresh-site", now=scenario.now, preview=scenario.preview)

    assert fresh_counts["pages_cached"] == 0 and fresh_counts["bodies_cached"] == 0, fresh_counts
    assert differing(tmp_path / "warm-site", before), "the change shows nowhere: the scenario tests nothing"
    assert not differing(tmp_path / "warm-site", tmp_path / "fresh-site"), (
        f"stale pages from the cache after {scenario.name}: {differing(tmp_path / 'warm-site', tmp_path / 'fresh-site')[:8]}"
    )
    if scenario.reuses:
        assert counts["pages_cached"] > 0, counts
    if scenario.posts_cached is not None:
        assert counts["posts_cached"] == scenario.posts_cached, counts
        assert fresh_counts["posts_cached"] == 0, fresh_counts


def test_nothing_changed_takes_every_page_from_the_cache(first: Path, tmp_path: Path) -> None:
    warm = copy_sources(first, tmp_path / "warm", render_cache=True)
    counts = build(warm, tmp_path / "warm-site")

    assert counts["pages_built"] == 0 and counts["bodies_rendered"] == 0, counts
    assert not differing(tmp_path / "warm-site", first.parent / "site")


CODE_CHANGES = {
    "the sanitiser's allowed attributes": (
        sanitize,
        '"*": {"id", "class", "title", "lang", "dir"}',
        '"*": {"id", "class", "lang", "dir"}',
        'title="Situs Pondok"',
    ),
    "the default sizes of a body photo": (
        markup,
        'sizes: str = "(min-width: 76.25em) 46rem, 100vw"',
        'sizes: str = "(min-width: 60em) 40rem, 100vw"',
        "(min-width: 76.25em) 46rem, 100vw",
    ),
}


@pytest.mark.parametrize("name", list(CODE_CHANGES))
def test_a_change_to_the_pipelines_code_renders_every_body_again(name: str, first: Path, tmp_path: Path) -> None:
    module, old, new, gone = CODE_CHANGES[name]
    sources = tmp_path / "sources"
    shutil.copytree(PACKAGE, sources / PACKAGE.name, ignore=shutil.ignore_patterns("__pycache__"))
    edit(sources / Path(module.__file__).resolve().relative_to(SOURCES), old, new)
    warm = copy_sources(first, tmp_path / "warm", render_cache=True)
    build_with_code(warm, sources, tmp_path / "warm-site")
    fresh = copy_sources(first, tmp_path / "fresh", render_cache=False)
    build_with_code(fresh, sources, tmp_path / "fresh-site")

    post = f"{SHOP_POST}/index.html"
    before = next((first.parent / "site").rglob(post)).read_text(encoding="utf-8")
    assert gone in before
    assert gone not in next((tmp_path / "warm-site").rglob(post)).read_text(encoding="utf-8")
    assert not differing(tmp_path / "warm-site", tmp_path / "fresh-site")
