"""The site's own search index (:mod:`etalase.build.search_index`) and the search page over it (assets/etalase-search.js).

A site of six posts with text written here is built once for the module and
served under ``/etalase/`` (a GitHub project site); queries are typed into
the real page in Chromium at 360 × 800 and the results read back as a reader
sees them. The page's Indonesian stemmer (assets/etalase-stem-id.js, vendored
from the npm package pinned in package.json) is held to PyStemmer's on every
word of the demo content and of the benchmark corpus, run by Node.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from etalase.build import search_index
from etalase.build.search_index import fnv1a, markdown_text, stem, terms_of, words

from conftest import DEMO_CONTENT, ROOT, run_build, serve, write_config

SCRIPT = ROOT / "docs" / "assets" / "etalase-search.js"
STEMMER = ROOT / "docs" / "assets" / "etalase-stem-id.js"
STEMMER_PACKAGE = "@orama/stemmers"
STEMMER_SOURCE = ROOT / "node_modules" / STEMMER_PACKAGE / "dist" / "id.js"
NODE = shutil.which("node") or "/usr/bin/node"
PHONE = {"width": 360, "height": 800}

# slug: (demo bundle it is made from, date, title, summary, tags, body)
POSTS = {
    "jembatan-judul": (
        "penghijauan-bantaran-sungai-jernih",
        "2026-11-01 08:00 WIB",
        "Pembangunan Jembatan Desa Hulu",
        "Kabar pekerjaan umum dari desa hulu minggu ini.",
        "[pekerjaan-umum]",
        "Warga bergotong royong setiap sore.",
    ),
    "jembatan-isi": (
        "penghijauan-bantaran-sungai-jernih",
        "2026-11-20 08:00 WIB",
        "Kabar Desa Hilir Pekan Ini",
        "Catatan warga desa hilir tentang pekerjaan minggu ini.",
        "[]",
        "Warga memperbaiki bangunan balai dan jembatan kayu.",
    ),
    "menara-pantau": (
        "penghijauan-bantaran-sungai-jernih",
        "2026-11-10 08:00 WIB",
        "Menara Pengawas Sungai",
        "Alat pemantauan banjir dipasang di tepi sungai.",
        "[]",
        "Pemantauan dilakukan setiap jam oleh petugas.",
    ),
    "malam-budaya": (
        "lomba-tabuh-gendang-pasar-lama",
        "2026-10-05 08:00 WIB",
        "Malam Budaya Sanggar Rentak",
        "Pentas tari dan musik semalam suntuk di halaman sanggar.",
        "[]",
        "Keindahan gerak penari memukau penonton.",
    ),
    "olahan-muara": (
        "olahan-buah-tin-kebun-kopi",
        "2026-10-10 08:00 WIB",
        "Olahan Hasil Perikanan Muara",
        "Kerupuk dan abon dari hasil tangkapan nelayan muara.",
        "[]",
        "Usaha keluarga ini mengolah hasil perikanan sejak lama. Ada juga penginapan sederhana untuk tamu.",
    ),
    "pantai-senja": (
        "curug-bertingkat-air-terjun",
        "2026-10-15 08:00 WIB",
        "Pantai Senja yang Tenang",
        "Pasir putih dan ombak kecil cocok untuk keluarga.",
        "[]",
        "Kuliner laut dijual di warung tepi pantai.",
    ),
}
TITLES = {slug: post[2] for slug, post in POSTS.items()}


def write_post(content: Path, slug: str, source: str, date: str, title: str, summary: str, tags: str, body: str):
    bundle = shutil.copytree(DEMO_CONTENT / "posts" / source, content / "posts" / slug)
    text = (bundle / "index.md").read_text(encoding="utf-8")
    front = text[: text.index("\n---", 3)]
    front = re.sub(r"(?m)^updated:.*\n", "", front)
    for field, value in (("title", title), ("summary", summary), ("tags", tags), ("date", date)):
        front = re.sub(rf"(?m)^{field}:.*$", f"{field}: {value}", front)
    (bundle / "index.md").write_text(front + "\n---\n\n" + body + "\n", encoding="utf-8")


def make_content(folder: Path) -> Path:
    content = folder / "content"
    (content / "posts").mkdir(parents=True)
    shutil.copytree(DEMO_CONTENT / "creators", content / "creators")
    shutil.copy(DEMO_CONTENT / "regions.yml", content / "regions.yml")
    for slug, post in POSTS.items():
        write_post(content, slug, *post)
    return content


def build(folder: Path, content: Path, site: Path, cache: str = "cache") -> None:
    config = write_config(folder / cache, content_dir=content)
    result = run_build("--config", config, "--site-dir", site)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("search")
    content = make_content(folder)
    build(folder, content, folder / "site")
    return folder, content


@pytest.fixture(scope="module")
def site(built: tuple[Path, Path]) -> Path:
    return built[0] / "site"


@pytest.fixture(scope="module")
def site_url(site: Path) -> Iterator[str]:
    url, server = serve(site, "/etalase/")
    yield url
    server.shutdown()


@pytest.fixture
def phone(tab) -> Iterator:
    """A phone-sized kept tab (conftest's ``tab``), blank."""
    yield tab("about:blank", viewport=PHONE)


def search(page, base: str, query: str) -> list[str]:
    """Type ``query`` into the search page and return the titles of the results in their order."""
    page.goto(base + "cari/")
    page.wait_for_function("() => document.querySelector('[data-etalase-search-toggle]').hidden === false")
    if not query:
        return []
    page.get_by_role("searchbox").fill(query)
    page.wait_for_function("() => /^(Ditemukan|Tidak ada)/.test(document.querySelector('[role=status]').textContent)")
    return page.locator(".etalase-result__title").all_inner_texts()


# -- the index, from Python ------------------------------------------------------------------


def test_words_are_lower_case_without_accents_and_stems_come_from_snowball() -> None:
    assert words("Kafé di Pantai-Senja, 2026! a") == ["kafe", "di", "pantai", "senja", "2026"]
    shown = markdown_text(
        "Lihat [peta](https://x.example/p) ![Foto jembatan](a.jpg){: .kiri } <b>tebal</b> &amp; www.x.id/a"
    )
    assert words(shown) == ["lihat", "peta", "foto", "jembatan", "tebal"]
    terms = terms_of(("Pembangunan Jembatan", "membangun desa", "bangunan kebudayaan"))
    assert terms.vocabulary == {
        "pembangunan": "bangun",
        "jembatan": "jembat",
        "membangun": "bangun",
        "desa": "desa",
        "bangunan": "bangun",
        "kebudayaan": "budaya",
    }
    assert terms.weights == {"bangun": 4 | 2 | 1, "jembat": 4, "desa": 2, "budaya": 1}


def test_fnv1a_matches_the_published_test_vectors() -> None:
    assert fnv1a("") == 0x811C9DC5
    assert fnv1a("a") == 0xE40C292C
    assert fnv1a("foobar") == 0xBF9CF968


def read_index(site: Path) -> dict[str, bytes]:
    folder = site / search_index.OUTPUT_DIR
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*.json"))}


def test_the_index_holds_stems_by_weight_and_records_newest_first(site: Path) -> None:
    index = read_index(site)
    meta = json.loads(index["meta.json"])
    assert meta["posts"] == 6 and meta["prefix"] == 3
    vocabulary = json.loads(index["v/pem.json"])
    assert vocabulary["pembangunan"] == "bangun" and vocabulary["pemantauan"] == "pantau"
    shard = json.loads(index[f"s/{fnv1a('bangun') % meta['stemShards']}.json"])
    # ids newest first: jembatan-isi 0, menara-pantau 1, jembatan-judul 2; title (4) + summary, tags or category
    # (2, "Pembangunan" for all three) + body (1)
    assert shard["bangun"] == {"3": [0], "2": [1], "6": [2]}
    records = json.loads(index["r/0.json"])
    assert [record[0] for record in records] == [
        TITLES[slug]
        for slug in (
            "jembatan-isi",
            "menara-pantau",
            "jembatan-judul",
            "pantai-senja",
            "olahan-muara",
            "malam-budaya",
        )
    ]
    event = records[5]
    assert event[2:4] == ["budaya", "Budaya"] and event[5] == "2026-10-24"  # the event's date, not the post's
    assert event[6].startswith("24 Oktober 2026")
    assert records[0][7].startswith("media/") and records[0][7].endswith(".webp")


def test_one_changed_post_gives_the_bytes_of_a_clean_build(built: tuple[Path, Path]) -> None:
    folder, content = built
    index = content / "posts" / "pantai-senja" / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("Kuliner laut", "Sate cumi"), encoding="utf-8")
    try:
        build(folder, content, folder / "again")
        build(folder, content, folder / "clean", cache="fresh")
        again, clean = read_index(folder / "again"), read_index(folder / "clean")
        assert again == clean
        assert again != read_index(folder / "site")
        assert b"sate" in again["v/sat.json"] and "v/kul.json" not in again
        [store] = (folder / "cache" / "cache").rglob(search_index.TermStore.FILE)
        with sqlite3.connect(store) as db:  # the old text's terms are forgotten
            assert db.execute("SELECT count(*) FROM terms").fetchone() == (6,)
    finally:
        index.write_text(index.read_text(encoding="utf-8").replace("Sate cumi", "Kuliner laut"), encoding="utf-8")


def test_the_search_script_and_its_stemmer_stay_small() -> None:
    assert len(gzip.compress(SCRIPT.read_bytes(), 9)) + len(gzip.compress(STEMMER.read_bytes(), 9)) <= 15_000


# -- the page's stemmer: the pinned npm package's, and Snowball's as PyStemmer runs it -----------------


def test_the_vendored_stemmer_is_the_pinned_package_file_byte_for_byte(tmp_path: Path) -> None:
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"][STEMMER_PACKAGE]
    assert re.fullmatch(r"\d+\.\d+\.\d+", pinned)  # an exact version, not a range
    locked = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    assert locked["packages"][f"node_modules/{STEMMER_PACKAGE}"]["version"] == pinned
    installed = json.loads((STEMMER_SOURCE.parents[1] / "package.json").read_text(encoding="utf-8"))
    assert installed["version"] == pinned  # node_modules as `npm ci` installs it
    vendored = STEMMER.read_bytes()
    end = vendored.index(b"\n */\n") + len(b"\n */\n")
    header, body = vendored[:end].decode("utf-8"), vendored[end:]
    assert header.startswith("/*\n")
    assert f"npm package {STEMMER_PACKAGE} {pinned} " in " ".join(header.split())
    assert "Licensed under the Apache License, Version 2.0" in header
    assert body == STEMMER_SOURCE.read_bytes()
    # `make vendor-stemmer` writes exactly the committed file (node_modules taken as it is)
    again = tmp_path / "stem.js"
    made = subprocess.run(
        ["make", "-s", "-o", "node_modules/.package-lock.json", "vendor-stemmer", f"STEMMER_JS={again}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert made.returncode == 0, made.stdout + made.stderr
    assert again.read_bytes() == vendored


NODE_STEMS = """
import { readFileSync } from "node:fs";
const source = readFileSync(process.argv[1], "utf8");
const { stemmer } = await import("data:text/javascript," + encodeURIComponent(source));
const words = JSON.parse(readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(words.map(stemmer)));
"""
"""Stems of the JSON list of words on stdin by the vendored module (a file named on the command line), as JSON."""


def node_stems(words_: list[str]) -> list[str]:
    result = subprocess.run(
        [NODE, "--input-type=module", "-e", NODE_STEMS, str(STEMMER)],
        input=json.dumps(words_),
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def text_words(folder: Path) -> set[str]:
    return {
        word
        for path in sorted(folder.rglob("*"))
        if path.suffix in {".md", ".yml", ".yaml"}
        for word in words(path.read_text(encoding="utf-8"))
    }


def corpus_words(folder: Path) -> set[str]:
    """Every word of bench/corpus.py's text: 150 posts it writes, and every word and place name it draws from."""
    import corpus  # bench/ is on the tests' path (pyproject.toml)

    photos = []
    for name in corpus.PHOTO_NAMES:  # hard-linked, never read: any bytes do
        photos.append(folder / name)
        photos[-1].write_bytes(b"foto")
    corpus.make_corpus(folder / "konten", 150, seed=1, photos=photos)
    found = text_words(folder / "konten")

    def strings(value: object) -> Iterator[str]:
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from strings(key)
                yield from strings(item)
        elif isinstance(value, list | tuple | set):
            for item in value:
                yield from strings(item)

    lists = [value for name, value in vars(corpus).items() if name.isupper()]
    lists.append([prefix + suffix for prefix in corpus.PLACE_PREFIXES for suffix in corpus.PLACE_SUFFIXES])
    for text in strings(lists):
        found.update(words(text))
    return found


def test_the_page_stems_as_pystemmer_on_every_word_of_the_demo_and_the_benchmark_corpus(tmp_path: Path) -> None:
    demo = text_words(DEMO_CONTENT)
    bench = corpus_words(tmp_path)
    everything = sorted(demo | bench)
    assert len(demo) > 1000 and len(bench) > 1000  # the texts were read
    for word in ("pembangunan", "membangun", "bangunan", "kebudayaan", "pengunjung", "keindahan", "penginapan"):
        assert word in everything
    in_js = dict(zip(everything, node_stems(everything), strict=True))
    disagreements = {word: (stem(word), in_js[word]) for word in everything if in_js[word] != stem(word)}
    assert disagreements == {}
    # the spine, written out
    assert [in_js[word] for word in ("pembangunan", "membangun", "bangunan", "kebudayaan", "keindahan")] == [
        "bangun",
        "bangun",
        "bangun",
        "budaya",
        "indah",
    ]


# -- the search page, in Chromium --------------------------------------------------------------


@pytest.mark.parametrize("query", ["bangun ", "pembangunan ", "membangun ", "bangunan"])
def test_derived_forms_find_the_spine_stem_and_title_matches_come_first(phone, site_url: str, query: str) -> None:
    # jembatan-isi is newer but has "bangunan" in its body only. No post says "membangun": the page stems it.
    # menara-pantau is in the category Pembangunan, and says nothing else of building
    assert search(phone, site_url, query) == [
        TITLES[slug] for slug in ("jembatan-judul", "jembatan-isi", "menara-pantau")
    ]


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("budaya ", "malam-budaya"),
        ("indah ", "malam-budaya"),
        ("ikan ", "olahan-muara"),
        ("inap ", "olahan-muara"),
    ],
)
def test_roots_are_found_through_derived_forms_only(phone, site_url: str, query: str, slug: str) -> None:
    assert search(phone, site_url, query) == [TITLES[slug]]


@pytest.mark.parametrize(
    ("query", "slugs"),
    [
        ("membangun", ("jembatan-judul", "jembatan-isi", "menara-pantau")),
        ("membangun ", ("jembatan-judul", "jembatan-isi", "menara-pantau")),
        ("kebudayaan", ("malam-budaya",)),
        ("kebudayaan pantai ", ()),
        ("kebudayaan sanggar", ("malam-budaya",)),
    ],
)
def test_a_word_no_post_has_is_stemmed_by_the_page(phone, site: Path, site_url: str, query: str, slugs) -> None:
    index = read_index(site)
    vocabulary = json.loads(index["v/mem.json"]) | json.loads(index["v/keb.json"])
    assert "membangun" not in vocabulary and "kebudayaan" not in vocabulary  # no post has either word
    assert not any(b"membangun" in data or b"kebudayaan" in data for data in index.values())
    assert vocabulary["memperbaiki"] == "baik"  # jembatan-isi's verb
    # menara-pantau says only "Pembangunan" (its category); the event says only "Budaya" (title, category)
    assert search(phone, site_url, query) == [TITLES[slug] for slug in slugs]


def test_only_the_last_word_matches_as_a_prefix(phone, site_url: str) -> None:
    both = [TITLES["jembatan-judul"], TITLES["jembatan-isi"]]
    assert search(phone, site_url, "jemba") == both
    assert search(phone, site_url, "desa jemba") == both
    assert search(phone, site_url, "jemba desa") == []
    assert search(phone, site_url, "jemba ") == []  # a space: the word is complete
    assert search(phone, site_url, "je") == []  # fewer than three letters: whole words only
    assert search(phone, site_url, "pantai") == [TITLES["pantai-senja"]]  # never "pemantauan"
    assert search(phone, site_url, "pantai kuliner") == [TITLES["pantai-senja"]]
    assert phone.get_by_role("status").inner_text() == "Ditemukan 1 hasil untuk “pantai kuliner”."


def test_a_result_shows_category_place_date_or_price_and_a_sized_thumbnail(phone, site_url: str) -> None:
    search(phone, site_url, "pantai")
    result = phone.locator(".etalase-result").first
    assert result.locator(".etalase-result__category").text_content() == "Wisata"
    assert result.locator(".etalase-result__place").inner_text() == "Air Terjun, Kec. Bukit Jati"
    when = result.locator("time")
    assert when.inner_text().startswith("Rp") or when.inner_text() == "Gratis"  # a place to visit: its ticket
    image = result.locator("img")
    assert image.get_attribute("width") == image.get_attribute("height") == "80"
    # Loaded (under the project path too): decode() settles once the file has arrived, or fails if it cannot.
    assert image.evaluate("i => i.decode().then(() => i.naturalWidth, () => 0)") > 0
    link = result.get_by_role("link")
    assert link.get_attribute("href").endswith("/etalase/artikel/pantai-senja/")
    assert result.bounding_box()["y"] + 40 < PHONE["height"]  # the first result starts within the first screen


def test_filters_behind_saring_by_keyboard_with_counts_and_the_live_region(phone, site_url: str) -> None:
    search(phone, site_url, "kabar ")
    status = phone.get_by_role("status")
    assert status.inner_text() == "Ditemukan 2 hasil untuk “kabar”."
    toggle = phone.get_by_role("button", name="Saring")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert phone.get_by_role("checkbox").count() == 0  # closed: no Tab stop among the filters
    toggle.focus()
    phone.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    pembangunan = phone.get_by_role("checkbox", name="Pembangunan (2)")
    pembangunan.wait_for()
    assert phone.get_by_role("checkbox", name="Wisata (0)").count() == 1
    phone.keyboard.press("Tab")
    assert phone.evaluate("document.activeElement.value") == "Wisata"  # the panel follows its button
    phone.keyboard.press("Space")
    phone.wait_for_function("() => document.querySelector('[role=status]').textContent.startsWith('Tidak ada')")
    assert status.inner_text() == "Tidak ada hasil untuk “kabar” (saringan: Wisata)."
    assert toggle.inner_text() == "Saring (1 aktif)"
    assert phone.get_by_role("checkbox", name="Pembangunan (2)").count() == 1  # counts under the other filters
    phone.keyboard.press("Space")
    phone.wait_for_function("() => document.querySelector('[role=status]').textContent.startsWith('Ditemukan')")
    assert toggle.inner_text() == "Saring"


def test_filters_alone_list_every_post_of_a_category(phone, site_url: str) -> None:
    search(phone, site_url, "")
    phone.get_by_role("button", name="Saring").click()
    phone.get_by_role("checkbox", name=re.compile(r"^Pembangunan")).check()
    phone.wait_for_function("() => document.querySelector('[role=status]').textContent.startsWith('Ditemukan')")
    assert phone.locator(".etalase-result__title").all_inner_texts() == [
        TITLES[slug] for slug in ("jembatan-isi", "menara-pantau", "jembatan-judul")
    ]


def test_without_javascript_the_page_offers_the_categories(tab, site_url: str) -> None:
    page = tab(site_url + "cari/", viewport=PHONE, javascript=False)
    assert not page.get_by_role("searchbox").is_visible()
    browse = page.locator("[data-etalase-search-browse]")
    assert browse.get_by_role("link", name="Budaya").is_visible()
    assert browse.get_by_role("link", name="Arsip").is_visible()


def test_more_results_on_request_with_focus_on_the_first_new_one(phone, demo_url: str) -> None:
    phone.goto(demo_url + "cari/")
    phone.get_by_role("button", name="Saring").click()
    for category in ("Wisata", "UMKM", "Budaya", "Pembangunan"):
        phone.get_by_role("checkbox", name=re.compile(f"^{category}")).check()
    phone.wait_for_function(
        "() => /hasil \\(saringan: Wisata, UMKM, Budaya, Pembangunan\\)/.test(document.querySelector('[role=status]').textContent)"
    )
    total = int(re.match(r"Ditemukan (\d+)", phone.get_by_role("status").inner_text()).group(1))
    assert total > 10 and phone.locator(".etalase-result").count() == 10
    more = phone.get_by_role("button", name="Tampilkan hasil berikutnya")
    more.focus()
    phone.keyboard.press("Enter")
    phone.wait_for_function(f"() => document.querySelectorAll('.etalase-result').length === {total}")
    assert phone.evaluate(
        "document.activeElement.closest('li') === document.querySelectorAll('.etalase-results li')[10]"
    )
    assert more.count() == 0


def script_function(name: str) -> str:
    """The source of ``function name(...) {...}`` in the search script (its body ends at the first ``\\n  }``)."""
    text = SCRIPT.read_text(encoding="utf-8")
    start = text.index(f"function {name}(")
    return text[start : text.index("\n  }", start) + 4]


def test_the_script_splits_words_and_finds_their_files_as_python_does(phone, demo_site: Path, site_url: str) -> None:
    """Every word of the demo's titles, summaries and bodies, and every word and stem of its index."""
    from bs4 import BeautifulSoup

    phone.goto(site_url + "cari/")
    index = read_index(demo_site)
    meta = json.loads(index["meta.json"])
    texts = [
        BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").get_text(" ")
        for path in sorted((DEMO_CONTENT / "posts").glob("*/index.md"))
    ] + ["Kafé ÀÉÎÕÜ naïve Jum'at anak-anak 2026 ß İstanbul"]
    in_js = phone.evaluate(f"texts => {{ {script_function('words')}; return texts.map(words); }}", texts)
    assert in_js == [words(text) for text in texts]
    vocabulary: dict[str, str] = {}
    for name, data in index.items():
        if name.startswith("v/"):
            for word, stemmed in json.loads(data).items():
                assert name == f"v/{word[: meta['prefix']]}.json"  # where the script looks it up
                vocabulary[word] = stemmed
    stems = sorted(set(vocabulary.values()))
    hashes = phone.evaluate(f"stems => {{ {script_function('fnv1a')}; return stems.map(fnv1a); }}", stems)
    assert hashes == [fnv1a(item) for item in stems]
    for stemmed in stems:
        assert stemmed in json.loads(index[f"s/{fnv1a(stemmed) % meta['stemShards']}.json"])
