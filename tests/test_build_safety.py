"""The build under faults: killed midway, failing midway, run twice, fed arbitrary front matter.

* A build killed (SIGKILL, with its workers) at each named step of the
  build (:data:`etalase.build.pause.POINTS`) leaves a whole site, byte for byte:
  the old one until the exchange, the new one after it; the next build
  succeeds. The check is shown to catch an exchange made of three renames.
* A build that fails after it started writing keeps the old site.
* Two builds of the same content, each with its own fresh cache, another
  ``PYTHONHASHSEED`` and another day on the clock, write byte-identical
  sites, search index included, dated by the content only.
* Validation only ever returns problems, whatever the front matter holds.
* Publishing removes only what killed builds left, puts back a site a
  killed build had set aside, and never leaves the site missing.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from etalase.build import publish, search_index
from etalase.build.pause import ENV_AT, ENV_MARKER, POINTS
from etalase.content.front_matter import Document, parse_document
from etalase.content.load import Loaded, RawFile, load_content
from etalase.content.problems import Problem
from etalase.content.validate import validate
from etalase.utils.forked import ChildFailed

from conftest import BUILD, PHOTOS, ROOT, run_build, run_check, write_config
from untrusted_content import POST, add_post, base_content, front_matter, snapshot

NOW = "2026-06-01T00:00:00+07:00"
SMALL_PHOTOS = tuple(next(p for p in PHOTOS if p.name == name) for name in ("gendang.jpg", "pondok-kayu.jpg"))
FAULTY_BUILD = Path(__file__).resolve().parent / "faulty_build.py"


def photo_post(content: Path, slug: str, photo: Path, day: int) -> None:
    """A post whose cover is one of the demo's photos."""
    bundle = add_post(
        content, slug, front_matter(title=f"Pos {slug}", date=f"2026-01-{day:02d} 08:00 WIB"), cover=False
    )
    shutil.copyfile(photo, bundle / "cover.jpg")


def small_content(root: Path) -> Path:
    """Three posts: two with real photos, one with a drawn cover; a body with every Markdown feature used."""
    base_content(root)
    for day, photo in enumerate(SMALL_PHOTOS, start=2):
        photo_post(root, f"foto-{day}", photo, day)
    add_post(
        root,
        "tulisan",
        front_matter(title="Tulisan dengan gambar", tags=["uji", "senja"])
        + "\n## Bagian\n\nTeks[^1] dengan ![gambar](cover.jpg) dan [tautan](https://contoh.id/).\n\n[^1]: Catatan.\n",
    )
    return root


def build(
    config: Path,
    content: Path,
    site: Path,
    *extra: str,
    env: dict[str, str] | None = None,
    via: tuple[str, ...] = (),
    seed: bool = True,
) -> subprocess.CompletedProcess[str]:
    result = run_build(
        "--config", config, "--content", content, "--site-dir", site, "--now", NOW, *extra, env=env, via=via, seed=seed
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


# --------------------------------------------------------------------------
# SIGKILL at each named step
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Sites:
    """One configuration (one photo cache), an old and a new content folder, and each one's site as built."""

    config: Path
    new_content: Path
    old_site: Path
    old: dict[str, str]
    """:func:`snapshot` of the old site."""
    new: dict[str, str]
    """:func:`snapshot` of the new content's site."""


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Sites:
    folder = tmp_path_factory.mktemp("kill")
    config = write_config(folder)
    old_content = small_content(folder / "old")
    new_content = small_content(folder / "new")
    photo_post(new_content, "baru", next(p for p in PHOTOS if p.name not in {p.name for p in SMALL_PHOTOS}), 20)
    build(config, old_content, folder / "old-site")
    build(config, new_content, folder / "new-site")
    old, new = snapshot(folder / "old-site"), snapshot(folder / "new-site")
    assert old != new and any(path.startswith("indeks-cari/") for path in new)
    return Sites(config, new_content, folder / "old-site", old, new)


def kill_at(point: str, sites: Sites, site: Path, exchange: str | None = None) -> None:
    """Build the new content into ``site``, stopped at pause point ``point``, and SIGKILL it (and its workers) there.

    ``exchange`` names a replacement of the publish step's exchange (see ``faulty_build.py``).
    """
    marker = site.parent / "paused-at"
    log = site.parent / "build.log"
    command = [sys.executable, str(FAULTY_BUILD), exchange] if exchange else [sys.executable, str(BUILD)]
    with log.open("w", encoding="utf-8") as output:
        process = subprocess.Popen(
            [
                *command,
                "--config",
                str(sites.config),
                "--content",
                str(sites.new_content),
                "--site-dir",
                str(site),
                "--now",
                NOW,
            ],
            cwd=ROOT,
            start_new_session=True,
            stdout=output,
            stderr=subprocess.STDOUT,
            env={**os.environ, ENV_AT: point, ENV_MARKER: str(marker)},
        )
    with ThreadPoolExecutor(1) as waiting:  # waitpid(WUNTRACED) returns when the build stops itself, or ends
        status = waiting.submit(os.waitpid, process.pid, os.WUNTRACED)
        try:
            _, code = status.result(timeout=600)
        finally:
            if not status.done():
                os.killpg(process.pid, signal.SIGKILL)
    if not os.WIFSTOPPED(code):
        process.returncode = os.waitstatus_to_exitcode(code)
        raise AssertionError(f"the build ended before {point}:\n{log.read_text(encoding='utf-8')}")
    assert marker.read_text(encoding="utf-8").split() == [point, str(process.pid)]
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def leftovers(site: Path, kind: str) -> list[Path]:
    """What builds left beside ``site``: staging folders (``new``) or old sites set aside (``old``)."""
    return sorted(site.parent.glob(f".{site.name}.{kind}-*"))


def assert_whole(site: Path, expected: dict[str, str], when: str) -> None:
    assert snapshot(site) == expected, f"{when}: the site is not whole"


KILLED_SITE = {point: "old" for point in POINTS} | {"publish:exchanged": "new", "publish:set-aside": "aside"}
"""What a build killed at each pause point leaves: the old site, the new one, or the old one set aside."""


@pytest.mark.parametrize("point", list(POINTS))
def test_a_build_killed_at_each_step_leaves_a_whole_site(sites: Sites, tmp_path: Path, point: str) -> None:
    site = tmp_path / "www" / "site"
    shutil.copytree(sites.old_site, site)
    neighbour = tmp_path / "www" / ".site.backup-2025"  # an unrelated folder beside the site
    neighbour.mkdir()
    state = KILLED_SITE[point]
    kill_at(point, sites, site, exchange="none" if state == "aside" else None)
    if state == "aside":  # between the fallback's two renames: no site, the old one whole beside it
        assert not site.exists()
        [aside] = leftovers(site, "old")
        assert_whole(aside, sites.old, f"killed at {point}")
    else:
        assert_whole(site, sites.old if state == "old" else sites.new, f"killed at {point}")

    build(sites.config, sites.new_content, site)
    assert_whole(site, sites.new, "the next build")
    assert sorted(path.name for path in site.parent.iterdir()) == [neighbour.name, "build.log", "paused-at", "site"]


def test_the_kill_check_catches_an_exchange_made_of_three_renames(sites: Sites, tmp_path: Path) -> None:
    """Killed between the first two renames, such an exchange leaves no site: the check above must fail."""
    site = tmp_path / "www" / "site"
    shutil.copytree(sites.old_site, site)
    kill_at("exchange:renamed-1", sites, site, exchange="renames")
    for expected in (sites.old, sites.new):
        with pytest.raises(AssertionError, match="the site is not whole"):
            assert_whole(site, expected, "killed at exchange:renamed-1")


def test_a_build_that_fails_while_rendering_keeps_the_old_site(sites: Sites, tmp_path: Path) -> None:
    """The failure comes after the staging folder, the photos and most pages were made: nothing of it is published."""
    site = tmp_path / "www" / "site"
    shutil.copytree(sites.old_site, site)
    content = shutil.copytree(sites.new_content, tmp_path / "content")
    add_post(content, "bersarang", front_matter() + "\n" + "*" * 3000 + "a" + "*" * 3000 + "\n")
    result = run_build("--config", sites.config, "--content", content, "--site-dir", site, "--now", NOW)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "bersarang/index.md: isi pos bertingkat terlalu dalam" in result.stdout  # raised while rendering
    assert_whole(site, sites.old, "a failed build")
    assert sorted(path.name for path in site.parent.iterdir()) == ["site"]


def test_a_search_index_that_fails_in_its_own_process_fails_the_build_and_keeps_the_old_site(
    sites: Sites, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The index is written by a forked process while the pages are drawn (etalase.utils.forked): its failure
    still stops the build, names what failed, and nothing of the build is published or left behind."""

    def broken_index(*args: object) -> None:
        raise ValueError("indeks rusak")

    monkeypatch.setattr(search_index, "build_index", broken_index)
    site = tmp_path / "www" / "site"
    shutil.copytree(sites.old_site, site)
    with pytest.raises(ChildFailed, match="ValueError: indeks rusak"):
        run_build("--config", sites.config, "--content", sites.new_content, "--site-dir", site, "--now", NOW)
    assert_whole(site, sites.old, "a build whose index failed")
    assert sorted(path.name for path in site.parent.iterdir()) == ["site"]


# --------------------------------------------------------------------------
# Two builds, the same bytes
# --------------------------------------------------------------------------

FAKE_TODAY = "2031-05-17"
"""The day on the clock of one of the two builds (through faketime): it must not appear in the site."""


def test_two_builds_with_fresh_caches_are_byte_identical(tmp_path: Path) -> None:
    content = small_content(tmp_path / "content")
    first, second = tmp_path / "a" / "site", tmp_path / "b" / "site"
    build(write_config(tmp_path / "a"), content, first, env={"PYTHONHASHSEED": "3"}, seed=False)
    build(
        write_config(tmp_path / "b"),
        content,
        second,
        env={"PYTHONHASHSEED": "4"},
        via=("faketime", "-f", f"@{FAKE_TODAY} 10:00:00"),
        seed=False,
    )
    left, right = snapshot(first), snapshot(second)
    assert sorted(left) == sorted(right)
    assert [path for path in left if left[path] != right[path]] == []
    assert any(path.startswith("indeks-cari/s/") for path in left)  # the search index is compared too

    # Dated by the content, not the clock: the newest post is of 2026-01-10.
    with gzip.open(second / "sitemap.xml.gz") as sitemap:
        sitemap.read()
        assert datetime.fromtimestamp(sitemap.mtime, UTC).date() == date(2026, 1, 10)
    texts = [path for path in second.rglob("*") if path.suffix in (".html", ".xml", ".json", ".txt")]
    assert [path for path in texts if FAKE_TODAY in path.read_text(encoding="utf-8")] == []


def test_the_demo_builds_byte_identical_with_another_hash_seed(demo_build: Path, tmp_path: Path) -> None:
    """The demo (every category, many regions and tags) again, with another ``PYTHONHASHSEED``: the same bytes.

    The photo cache is a copy of the first build's, so this build spends its time on pages and search.
    """
    folder = tmp_path / "again"
    shutil.copytree(demo_build / "cache", folder / "cache")
    site = folder / "site"
    result = run_build("--config", write_config(folder), "--site-dir", site, env={"PYTHONHASHSEED": "2"})
    assert result.returncode == 0, result.stdout + result.stderr
    first, again = snapshot(demo_build / "site"), snapshot(site)
    assert sorted(first) == sorted(again)
    assert [path for path in first if first[path] != again[path]] == []


# --------------------------------------------------------------------------
# Arbitrary front matter: only problems, never an exception
# --------------------------------------------------------------------------

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=40)
    | st.dates()
    | st.datetimes(timezones=st.none() | st.timezones())
    | st.sampled_from(
        [
            "wisata",
            "umkm",
            "budaya",
            "pembangunan",
            "penguji",
            "kota",
            "cover.jpg",
            "../cover.jpg",
            "/etc/passwd",
            "C:\\x.jpg",
            "a\0b.jpg",
            "2026-01-01 08:00 WIB",
            "https://contoh.id/",
            "javascript:alert(1)",
            "M7lc1UVf-VE",
            "0812-3456-7890",
        ]
    )
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=12) | st.integers() | st.none() | st.booleans(), inner, max_size=5),
    max_leaves=25,
)
KEYS = (
    st.sampled_from([*POST, "gallery", "tags", "slug", "draft", "updated", "videos", "umkm", "budaya", "pembangunan"])
    | st.text(max_size=10)
    | st.integers()
    | st.none()
    | st.booleans()
)


@pytest.fixture(scope="module")
def bundle_content(tmp_path_factory: pytest.TempPathFactory) -> Loaded:
    """A valid content folder; the test swaps the front matter of its one post."""
    content = base_content(tmp_path_factory.mktemp("arbitrary") / "content")
    add_post(content, "pos", front_matter())
    loaded = load_content(content)
    assert loaded.problems == [] and len(loaded.posts) == 1
    return loaded


def validate_with(loaded: Loaded, post: dict, creator: dict | None = None, regions: dict | None = None):
    def swapped(raw: RawFile, data: dict | None) -> RawFile:
        if data is None:
            return raw
        return RawFile(
            raw.path,
            raw.display,
            Document(data=data, body=raw.document.body, body_line=raw.document.body_line, lines={(): 1}),
        )

    return validate(
        Loaded(
            root=loaded.root,
            posts=[swapped(loaded.posts[0], post)],
            creators=[swapped(loaded.creators[0], creator)],
            regions=swapped(loaded.regions, regions),
        ),
        datetime.fromisoformat(NOW),
    )


def only_problems(result: tuple) -> None:
    content, problems = result
    assert (content is None) == bool(problems)
    assert all(isinstance(problem, Problem) and problem.format() for problem in problems)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    changes=st.dictionaries(KEYS, VALUES, max_size=8),
    start_valid=st.booleans(),
    creator=st.none() | st.dictionaries(KEYS, VALUES, max_size=4),
    regions=st.none() | st.dictionaries(st.sampled_from(["kecamatan", "x"]), VALUES, max_size=2),
)
# Found by a random run: the tag pydantic gives a list item's block form, written as a key, crashed --check.
@example(changes={"__blok__": 0}, start_valid=False, creator=None, regions=None)
@example(changes={"__teks__": None}, start_valid=True, creator=None, regions=None)
def test_arbitrary_front_matter_gives_only_problems(
    bundle_content: Loaded, changes: dict, start_valid: bool, creator: dict | None, regions: dict | None
) -> None:
    post = {**POST, **changes} if start_valid else changes
    only_problems(validate_with(bundle_content, post, creator, regions))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.dictionaries(
        st.sampled_from([*POST, "gallery", "videos", "tags", "slug", "draft", "updated"]), VALUES, max_size=4
    )
)
def test_arbitrary_values_in_valid_front_matter_give_only_problems(bundle_content: Loaded, changes: dict) -> None:
    nested = {key: value for key, value in changes.items()}
    for block in ("cover", "wisata"):
        if isinstance(nested.get(block), dict):
            nested[block] = {**POST[block], **nested[block]}
    only_problems(validate_with(bundle_content, {**POST, **nested}))


ODD_VALUES = [
    None,
    True,
    0,
    7,
    -1,
    1.5,
    float("nan"),
    float("inf"),
    "",
    " ",
    "x",
    "a\0b",
    "../x.jpg",
    "//evil/x",
    [],
    [1],
    [None],
    [{}],
    {},
    {"a": 1},
    {"file": 5},
    date(2026, 1, 1),
    datetime(2026, 1, 1),
]
"""Values of every type YAML can produce, and a few paths, for :data:`FIELD_PATHS`."""
FIELD_PATHS = [
    *((key,) for key in POST),
    ("gallery",),
    ("videos",),
    ("tags",),
    ("slug",),
    ("draft",),
    ("updated",),
    ("cover", "file"),
    ("cover", "alt"),
    ("cover", "source"),
    ("cover", "ai_generated"),
    ("wisata", "coordinates"),
    ("wisata", "facilities"),
    ("wisata", "ticket"),
    ("gallery", 0),
    ("gallery", 0, "file"),
    ("videos", 0),
    ("videos", 0, "youtube"),
    ("umkm",),
    ("budaya",),
    ("pembangunan",),
]
"""Where :func:`test_every_field_takes_any_value` puts each odd value (a list index creates a one-item list)."""


def with_value(path: tuple, value: object) -> dict:
    post = json.loads(json.dumps(POST))
    post.setdefault("gallery", [{"file": "cover.jpg", "alt": "Foto galeri"}])
    post.setdefault("videos", [{"youtube": "M7lc1UVf-VE", "title": "Video"}])
    target = post
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return post


def test_every_field_takes_any_value(bundle_content: Loaded) -> None:
    for category in ("wisata", "umkm"):
        for path in FIELD_PATHS:
            for value in ODD_VALUES:
                post = {**with_value(path, value), "category": category}
                try:
                    only_problems(validate_with(bundle_content, post))
                except Exception as error:
                    raise AssertionError(f"{category}: {path} = {value!r}") from error


def test_a_key_named_like_an_internal_tag_is_an_unknown_field(tmp_path: Path) -> None:
    content = base_content(tmp_path / "content")
    add_post(content, "pos", front_matter() + "Isi.\n")
    umkm = {
        "category": "umkm",
        "wisata": None,
        "umkm": {"business": "Warung Uji", "products": [{"name": "Kopi", "__teks__": 1}, "Teh"]},
    }
    add_post(content, "toko", front_matter(**umkm).replace("---\n", "---\n__blok__: 1\n", 1) + "Isi.\n")
    result = run_check("--content", content, cwd=tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    toko = "content/posts/toko/index.md"
    fields = "accessibility, category, cover, creators, date, draft, gallery, region, slug, summary, tags, title, umkm"
    assert (
        f"{toko}:2: __blok__: isian tidak dikenal; yang diizinkan di sini: {fields}, updated, videos\n"
        f"    (en) __blok__: unknown field; allowed here: {fields}, updated, videos\n"
    ) in result.stdout
    assert (
        f"{toko}:19: umkm.products (produk ke-1).__teks__: isian tidak dikenal; yang diizinkan di sini: name, price\n"
        "    (en) umkm.products (produk ke-1).__teks__: unknown field; allowed here: name, price\n"
    ) in result.stdout
    assert "content/posts/pos/" not in result.stdout
    assert "5 masalah di 1 berkas." in result.stderr


YAML_TEXT = st.text(
    alphabet=st.sampled_from(list("-:[]{},&*!|>'\"#%@`?\\ \t\nab01.\u2028\u202e\ufeff\x00\r")), max_size=120
)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    head=st.sampled_from(["---\n", "---\r\n", "\ufeff---\n", "", "----\n", "---x\n"]),
    text=YAML_TEXT,
    tail=st.sampled_from(["\n---\n", "\n---\nIsi\n---\nlagi\n", "", "\n...\n"]),
)
def test_arbitrary_text_gives_a_document_or_problems(bundle_content: Loaded, head: str, text: str, tail: str) -> None:
    document, problems = parse_document(head + text + tail, Path("content/posts/pos/index.md"))
    assert (document is None) == bool(problems)
    assert all(isinstance(problem, Problem) and problem.format() for problem in problems)
    if document is not None:
        assert isinstance(document.data, dict) and isinstance(document.body, str)
        only_problems(validate_with(bundle_content, document.data))


# --------------------------------------------------------------------------
# Publishing
# --------------------------------------------------------------------------


def watch_renames(monkeypatch: pytest.MonkeyPatch, site: Path) -> list[tuple[str, str, dict[str, str] | None]]:
    """After each ``os.rename``: (source name, target name, :func:`snapshot` of ``site`` or ``None`` if it is gone)."""
    seen: list[tuple[str, str, dict[str, str] | None]] = []
    rename = os.rename

    def watched(source, target) -> None:
        rename(source, target)
        seen.append((Path(source).name, Path(target).name, snapshot(site) if site.exists() else None))

    monkeypatch.setattr(os, "rename", watched)
    return seen


def test_publish_exchanges_the_site_and_keeps_its_neighbours(tmp_path: Path, monkeypatch) -> None:
    exchanged: list[bool] = []
    exchange = publish._exchange
    monkeypatch.setattr(publish, "_exchange", lambda a, b: exchanged.append(exchange(a, b)) or exchanged[-1])
    site = tmp_path / "site"
    (site / "lama").mkdir(parents=True)
    unrelated = [tmp_path / name for name in (".site.backup-1", "site.new-1", ".site-new-1", ".situs.new-1")]
    for folder in unrelated:
        folder.mkdir()
    killed = tmp_path / ".site.new-killed"
    (killed / "separuh").mkdir(parents=True)
    new = publish.staging_dir(site)
    assert not killed.exists() and all(folder.is_dir() for folder in unrelated)
    (new / "baru.html").write_text("baru", encoding="utf-8")
    renames = watch_renames(monkeypatch, site)
    publish.publish(new, site)
    assert exchanged == [True]  # one atomic renameat2(RENAME_EXCHANGE) (Linux)…
    assert renames == []  # …and no rename that would leave a moment without the site
    assert sorted(p.name for p in site.iterdir()) == ["baru.html"]
    assert oct(site.stat().st_mode & 0o777) == "0o755"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["site", *(f.name for f in unrelated)])


def test_publish_without_exchange_falls_back_to_two_renames(tmp_path: Path, monkeypatch) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "lama.html").write_text("lama", encoding="utf-8")
    monkeypatch.setattr(publish, "_exchange", lambda a, b: False)
    new = publish.staging_dir(site)
    (new / "baru.html").write_text("baru", encoding="utf-8")
    renames = watch_renames(monkeypatch, site)
    publish.publish(new, site)
    aside = new.name.replace(".new-", ".old-")
    assert renames == [("site", aside, None), (new.name, "site", snapshot(site))]  # between them: no site, see below
    assert [p.name for p in site.iterdir()] == ["baru.html"]
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_a_site_set_aside_by_a_killed_build_is_put_back(tmp_path: Path) -> None:
    # The fallback renames the old site away, then the new one in; killed in between, no site is left.
    aside = tmp_path / ".site.old-killed"
    aside.mkdir()
    (aside / "index.html").write_text("lama", encoding="utf-8")
    (tmp_path / ".site.new-killed").mkdir()
    new = publish.staging_dir(tmp_path / "site")
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "lama"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["site", new.name])
    publish.discard(new)


def test_the_newest_of_two_set_aside_sites_is_put_back(tmp_path: Path) -> None:
    # Two killed builds each set a site aside; the one set aside last is the newer site. Names sort the other way.
    for name, text, seconds in (
        (".site.old-zzz", "lebih lama", 1_700_000_000),
        (".site.old-aaa", "terbaru", 1_700_000_600),
    ):
        aside = tmp_path / name
        aside.mkdir()
        (aside / "index.html").write_text(text, encoding="utf-8")
        os.utime(aside, (seconds, seconds))
    new = publish.staging_dir(tmp_path / "site")
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "terbaru"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["site", new.name])  # the older one is deleted
    publish.discard(new)


def test_a_running_build_keeps_its_staging_folder(tmp_path: Path) -> None:
    site = tmp_path / "site"
    running = publish.staging_dir(site)  # still locked: its build has not published
    second = publish.staging_dir(site)
    assert running.is_dir() and second.is_dir()
    publish.discard(second)
    publish.discard(running)
    assert list(tmp_path.iterdir()) == []
