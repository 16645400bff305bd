"""The build under faults: killed midway, run twice, fed arbitrary front matter.

* A build killed (SIGKILL, with its photo workers) at any moment leaves the
  previous site whole, byte for byte, and the photo cache usable by the next
  build.
* Two builds of the same content, each with its own fresh cache, write
  byte-identical sites, search index included, dated by the content only.
* Validation only ever returns problems, whatever the front matter holds.
* Publishing removes only what killed builds left, and puts back a site a
  killed build had set aside.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import BUILD, PHOTOS, ROOT, run_build
from etalase import publish
from etalase.frontmatter_yaml import Document, parse_document
from etalase.load import Loaded, RawFile, load_content
from etalase.problems import Problem
from etalase.validate import validate
from untrusted_content import POST, add_post, base_content, front_matter, snapshot, write_config

NOW = "2026-06-01T00:00:00+07:00"
SMALL_PHOTOS = tuple(next(p for p in PHOTOS if p.name == name) for name in ("gendang.jpg", "pondok-kayu.jpg"))


def photo_post(content: Path, slug: str, photo: Path, day: int) -> None:
    """A post whose cover is one of the demo's photos."""
    bundle = add_post(content, slug, front_matter(title=f"Pos {slug}", date=f"2026-01-{day:02d} 08:00 WIB"),
                      cover=False)
    shutil.copyfile(photo, bundle / "cover.jpg")


def small_content(root: Path) -> Path:
    """Three posts: two with real photos, one with a drawn cover; a body with every Markdown feature used."""
    base_content(root)
    for day, photo in enumerate(SMALL_PHOTOS, start=2):
        photo_post(root, f"foto-{day}", photo, day)
    add_post(root, "tulisan", front_matter(title="Tulisan dengan gambar", tags=["uji", "senja"]) +
             "\n## Bagian\n\nTeks[^1] dengan ![gambar](cover.jpg) dan [tautan](https://contoh.id/).\n\n[^1]: Catatan.\n")
    return root


def build(config: Path, content: Path, site: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    result = run_build("--config", config, "--content", content, "--site-dir", site, "--now", NOW, *extra)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


# --------------------------------------------------------------------------
# SIGKILL at any moment
# --------------------------------------------------------------------------

def _staging(site: Path) -> list[Path]:
    return sorted(site.parent.glob(f".{site.name}.new-*"))


KILL_MOMENTS: dict[str, Callable[[Path, float], bool]] = {
    "staging folder appears": lambda site, elapsed: bool(_staging(site)),
    "after 0.5 s": lambda site, elapsed: elapsed >= 0.5,
    "after 1.5 s": lambda site, elapsed: elapsed >= 1.5,
    "pages being written": lambda site, elapsed: any((s / "artikel").exists() for s in _staging(site)),
    "search index being written": lambda site, elapsed: any((s / "pagefind").exists() for s in _staging(site)),
}
"""When to kill a build, polled every few milliseconds."""


def kill_build_when(config: Path, content: Path, site: Path, moment: Callable[[Path, float], bool]) -> bool:
    """Start a build and SIGKILL it (and its photo workers) at ``moment``; ``False`` if it ended first."""
    process = subprocess.Popen([sys.executable, str(BUILD), "--config", str(config), "--content", str(content),
                                "--site-dir", str(site), "--now", NOW], cwd=ROOT, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    start = time.monotonic()
    while process.poll() is None:
        if moment(site, time.monotonic() - start):
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            return True
        time.sleep(0.005)
    return False


def test_killed_builds_leave_the_old_site_whole_and_the_cache_usable(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    old_content = small_content(tmp_path / "old")
    site = tmp_path / "www" / "site"
    build(config, old_content, site)
    before = snapshot(site)
    neighbour = tmp_path / "www" / ".site.backup-2025"  # an unrelated folder beside the site
    neighbour.mkdir()

    # The new content has every demo photo, none of them cached yet: photo work takes a few seconds.
    new_content = small_content(tmp_path / "new")
    photos = PHOTOS
    for day, photo in enumerate(photos, start=10):
        photo_post(new_content, f"baru-{day}", photo, day)

    for name, moment in KILL_MOMENTS.items():
        assert kill_build_when(config, new_content, site, moment), f"the build ended before: {name}"
        assert snapshot(site) == before, f"killed when {name}: the old site changed"

    build(config, new_content, site)
    assert _staging(site) == [] and neighbour.is_dir()
    pages = sorted(site.glob("artikel/*/index.html"))
    assert len(pages) == len(SMALL_PHOTOS) + 1 + len(photos)
    for page in pages:  # every photo a page shows was rendered whole from the cache the killed builds used
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        sources = [img["src"] for img in soup.select(".etalase-post img")]
        sources += [part.split()[0] for source in soup.select(".etalase-post source")
                    for part in source["srcset"].split(",")]
        assert sources, page
        for source in sources:
            assert (page.parent / source).stat().st_size > 0, source


# --------------------------------------------------------------------------
# Two builds, the same bytes
# --------------------------------------------------------------------------

def test_two_builds_with_fresh_caches_are_byte_identical(tmp_path: Path) -> None:
    content = small_content(tmp_path / "content")
    first, second = tmp_path / "a" / "site", tmp_path / "b" / "site"
    build(write_config(tmp_path / "a"), content, first)
    build(write_config(tmp_path / "b"), content, second)
    left, right = snapshot(first), snapshot(second)
    assert sorted(left) == sorted(right)
    assert [path for path in left if left[path] != right[path]] == []
    assert any(path.startswith("pagefind/filter/") for path in left)  # the search index is compared too

    # Dated by the content, not the clock: the newest post is of 2026-01-10.
    with gzip.open(first / "sitemap.xml.gz") as sitemap:
        sitemap.read()
        assert datetime.fromtimestamp(sitemap.mtime, UTC).date() == date(2026, 1, 10)
    today = datetime.now(UTC).date().isoformat()
    if today != "2026-01-10":
        texts = [path for path in first.rglob("*") if path.suffix in (".html", ".xml", ".json")]
        assert [path for path in texts if today in path.read_text(encoding="utf-8")] == []


# --------------------------------------------------------------------------
# Arbitrary front matter: only problems, never an exception
# --------------------------------------------------------------------------

SCALARS = (st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40) | st.dates()
           | st.datetimes(timezones=st.none() | st.timezones())
           | st.sampled_from(["wisata", "umkm", "budaya", "pembangunan", "penguji", "kota", "cover.jpg",
                              "../cover.jpg", "/etc/passwd", "C:\\x.jpg", "a\0b.jpg", "2026-01-01 08:00 WIB",
                              "https://contoh.id/", "javascript:alert(1)", "M7lc1UVf-VE", "0812-3456-7890"]))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(st.text(max_size=12) | st.integers() | st.none() | st.booleans(),
                                        inner, max_size=5), max_leaves=25)
KEYS = st.sampled_from([*POST, "gallery", "tags", "slug", "draft", "updated", "videos", "umkm", "budaya",
                        "pembangunan"]) | st.text(max_size=10) | st.integers() | st.none() | st.booleans()


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
        return RawFile(raw.path, raw.display, Document(data=data, body=raw.document.body,
                                                       body_line=raw.document.body_line, lines={(): 1}))
    return validate(Loaded(root=loaded.root,
                           posts=[swapped(loaded.posts[0], post)],
                           creators=[swapped(loaded.creators[0], creator)],
                           regions=swapped(loaded.regions, regions)), datetime.fromisoformat(NOW))


def only_problems(result: tuple) -> None:
    content, problems = result
    assert (content is None) == bool(problems)
    assert all(isinstance(problem, Problem) and problem.format() for problem in problems)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=st.dictionaries(KEYS, VALUES, max_size=8), start_valid=st.booleans(),
       creator=st.none() | st.dictionaries(KEYS, VALUES, max_size=4),
       regions=st.none() | st.dictionaries(st.sampled_from(["kecamatan", "x"]), VALUES, max_size=2))
def test_arbitrary_front_matter_gives_only_problems(bundle_content: Loaded, changes: dict, start_valid: bool,
                                                    creator: dict | None, regions: dict | None) -> None:
    post = {**POST, **changes} if start_valid else changes
    only_problems(validate_with(bundle_content, post, creator, regions))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.sampled_from([*POST, "gallery", "videos", "tags", "slug", "draft", "updated"]),
                       VALUES, max_size=4))
def test_arbitrary_values_in_valid_front_matter_give_only_problems(bundle_content: Loaded, changes: dict) -> None:
    nested = {key: value for key, value in changes.items()}
    for block in ("cover", "wisata"):
        if isinstance(nested.get(block), dict):
            nested[block] = {**POST[block], **nested[block]}
    only_problems(validate_with(bundle_content, {**POST, **nested}))


ODD_VALUES = [None, True, 0, 7, -1, 1.5, float("nan"), float("inf"), "", " ", "x", "a\0b", "../x.jpg", "//evil/x",
              [], [1], [None], [{}], {}, {"a": 1}, {"file": 5}, date(2026, 1, 1), datetime(2026, 1, 1)]
"""Values of every type YAML can produce, and a few paths, for :data:`FIELD_PATHS`."""
FIELD_PATHS = [
    *((key,) for key in POST), ("gallery",), ("videos",), ("tags",), ("slug",), ("draft",), ("updated",),
    ("cover", "file"), ("cover", "alt"), ("cover", "source"), ("cover", "ai_generated"),
    ("wisata", "coordinates"), ("wisata", "facilities"), ("wisata", "ticket"),
    ("gallery", 0), ("gallery", 0, "file"), ("videos", 0), ("videos", 0, "youtube"), ("umkm",), ("budaya",),
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


YAML_TEXT = st.text(alphabet=st.sampled_from(list("-:[]{},&*!|>'\"#%@`?\\ \t\nab01.\u2028\u202e\ufeff\x00\r")),
                    max_size=120)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(head=st.sampled_from(["---\n", "---\r\n", "\ufeff---\n", "", "----\n", "---x\n"]), text=YAML_TEXT,
       tail=st.sampled_from(["\n---\n", "\n---\nIsi\n---\nlagi\n", "", "\n...\n"]))
def test_arbitrary_text_gives_a_document_or_problems(bundle_content: Loaded, head: str, text: str,
                                                     tail: str) -> None:
    document, problems = parse_document(head + text + tail, Path("content/posts/pos/index.md"))
    assert (document is None) == bool(problems)
    assert all(isinstance(problem, Problem) and problem.format() for problem in problems)
    if document is not None:
        assert isinstance(document.data, dict) and isinstance(document.body, str)
        only_problems(validate_with(bundle_content, document.data))


# --------------------------------------------------------------------------
# Publishing
# --------------------------------------------------------------------------

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
    publish.publish(new, site)
    assert exchanged == [sys.platform == "linux"]  # one atomic renameat2(RENAME_EXCHANGE) on Linux
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
    publish.publish(new, site)
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


def test_a_running_build_keeps_its_staging_folder(tmp_path: Path) -> None:
    site = tmp_path / "site"
    running = publish.staging_dir(site)  # still locked: its build has not published
    second = publish.staging_dir(site)
    assert running.is_dir() and second.is_dir()
    publish.discard(second)
    publish.discard(running)
    assert list(tmp_path.iterdir()) == []
