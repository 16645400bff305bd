"""Validated posts from the post cache are those a fresh check finds: the same posts, the same problems.

Each test writes a small content folder (the render-cache scenarios' three
posts, no docs or theme of its own) and checks it in this process with
``api.check``: loading and validating, no site. The site-level proof (a warm
build byte for byte a fresh one) is in ``test_render_cache_scenarios.py``.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

import etalase
from etalase import api
from etalase.content import digests, validate
from etalase.content.digests import FileDigests
from etalase.content.photo_files import MAX_ORIGINAL_BYTES
from etalase.content.post_cache import FOLDER
from test_render_cache_scenarios import EVENT_POST, SHOP_POST, edit, write_content

from conftest import NOW, write_config

PACKAGE = Path(etalase.__file__).resolve().parent


def check(config: Path) -> api.Result:
    return api.check(api.Options(config_file=config, now=datetime.fromisoformat(NOW)))


def messages(result: api.Result) -> list[str]:
    return [problem.format() for problem in result.problems]


def posts_of(result: api.Result) -> list[tuple[object, ...]]:
    assert result.content is not None
    return [
        (post.slug, type(post.meta), post.meta.model_dump_json(), post.body, post.photos, post.digest, post.bundle)
        for post in result.content.posts + result.content.unpublished
    ]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """``mkdocs.yml`` of a folder whose content is the three scenario posts, with its own cache."""
    write_content(tmp_path / "content")
    return write_config(tmp_path, content_dir=tmp_path / "content")


def post_cache(config: Path) -> Path:
    (cache,) = (config.parent / "cache").iterdir()
    return cache / FOLDER


def add_problems(content: Path) -> None:
    """Problems of every kind a post can have: fields, a creator, a region, a photo, YAML, encoding, a link."""
    edit(content / "posts" / SHOP_POST / "index.md", "creators: [rina-wulandari]", "creators: [budi-santoso]")
    edit(content / "posts" / SHOP_POST / "index.md", "file: sampul.jpg", "file: sampul-baru.jpg")
    edit(content / "posts" / EVENT_POST / "index.md", "region: sekar-kota/pasar-lama", "region: sekar-kota/pasar")
    edit(content / "posts" / EVENT_POST / "index.md", "date: 2026-10-05 08:00 WIB", "date: 31 Februari")
    broken = content / "posts" / "rusak"
    broken.mkdir()
    (broken / "index.md").write_text("---\ntitle: [tidak ditutup\n---\n\nIsi.\n", encoding="utf-8")
    latin = content / "posts" / "latin"
    latin.mkdir()
    (latin / "index.md").write_bytes("---\ntitle: Caf\xe9\n---\n".encode("latin-1"))
    linked = content / "posts" / "tautan"
    shutil.copytree(content / "posts" / EVENT_POST, linked)
    (linked / "index.md").write_text(
        (linked / "index.md").read_text(encoding="utf-8").replace("title: Lomba", "title: Tautan Lomba"),
        encoding="utf-8",
    )
    (linked / "sampul.jpg").unlink()
    (linked / "sampul.jpg").symlink_to(content / "posts" / EVENT_POST / "sampul.jpg")


def test_a_warm_check_finds_the_posts_a_fresh_one_does(site: Path) -> None:
    cold = check(site)
    warm = check(site)

    assert cold.ok and warm.ok
    assert cold.counts == {"posts_cached": 0, "posts_checked": 3}
    assert warm.counts == {"posts_cached": 3, "posts_checked": 0}
    assert posts_of(warm) == posts_of(cold)
    assert all(post.digest for post in cold.content.posts)  # type: ignore[union-attr]


def test_problems_are_reported_identically_warm_and_cold(site: Path) -> None:
    add_problems(site.parent / "content")
    cold = check(site)
    warm = check(site)

    assert cold.counts == {"posts_cached": 0, "posts_checked": 6}
    assert warm.counts == {"posts_cached": 6, "posts_checked": 0}
    assert messages(warm) == messages(cold)
    shown = "\n".join(messages(cold))
    for expected in ("budi-santoso", "sampul-baru.jpg", "sekar-kota/pasar", "31 Februari", "rusak", "latin", "symlink"):
        assert expected in shown, expected


def test_a_post_with_problems_is_checked_again_when_what_it_names_appears(site: Path) -> None:
    content = site.parent / "content"
    edit(content / "posts" / SHOP_POST / "index.md", "creators: [rina-wulandari]", "creators: [budi-santoso]")
    assert "budi-santoso" in "\n".join(messages(check(site)))
    (content / "creators" / "budi-santoso.yml").write_text("name: Budi Santoso\nbio: Pemandu wisata.\n", "utf-8")

    warm = check(site)

    assert warm.ok, messages(warm)
    assert warm.counts == {"posts_cached": 2, "posts_checked": 1}  # the valid posts hold: they name rina-wulandari


def test_a_valid_post_is_checked_again_when_its_creator_breaks(site: Path) -> None:
    content = site.parent / "content"
    assert check(site).ok
    edit(content / "creators" / "rina-wulandari.yml", "region: tanjung-sari/pasir-putih", "region: tidak-ada")
    warm = check(site)

    assert warm.counts == {"posts_cached": 0, "posts_checked": 3}
    assert sum("ada tetapi bermasalah" in message for message in messages(warm)) == 3


def test_a_damaged_cache_is_a_miss(site: Path) -> None:
    add_problems(site.parent / "content")
    cold = check(site)
    with sqlite3.connect(post_cache(site) / "posts.sqlite3") as db:
        db.execute("UPDATE outcome SET pickled = 'bm90IGEgcGlja2xl' WHERE rowid = 1")
        db.execute("UPDATE outcome SET pickled = '%%%' WHERE rowid = 2")
    assert check(site).counts == {"posts_cached": 4, "posts_checked": 2}
    for file in post_cache(site).glob("*.sqlite3"):
        file.write_bytes(b"\0garbage" * 64)

    warm = check(site)

    assert warm.counts == {"posts_cached": 0, "posts_checked": 6}
    assert messages(warm) == messages(cold)


def test_a_change_to_the_code_checks_every_post_again(site: Path, tmp_path: Path) -> None:
    """The schema, the checks and their messages are code: a change to them reaches every cached post."""
    add_problems(site.parent / "content")
    before = check(site)
    assert any("tidak dikenal" in message for message in messages(before))
    sources = tmp_path / "sources"
    shutil.copytree(PACKAGE, sources / PACKAGE.name, ignore=shutil.ignore_patterns("__pycache__"))
    edit(sources / PACKAGE.name / "content" / "validate.py", "tidak dikenal{hint[0]}", "belum terdaftar{hint[0]}")

    result = subprocess.run(
        [sys.executable, "-m", "etalase.cli", "check", "--config", str(site), "--now", NOW],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(sources)},
    )

    assert result.returncode == 1, result.stdout + result.stderr
    assert "belum terdaftar" in result.stdout + result.stderr
    assert "tidak dikenal" not in result.stdout + result.stderr


def test_an_unchanged_file_costs_a_stat_and_a_same_size_rewrite_is_noticed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stat shortcut holds size, mtime, ctime and inode: a rewrite in place that keeps size and mtime shows."""
    monkeypatch.setattr(digests, "RACY_NS", -(10**12))  # remember stats of files written this instant
    photo, other = tmp_path / "foto.jpg", tmp_path / "lain.jpg"
    photo.write_bytes(b"A" * 4096)
    other.write_bytes(b"B" * 100)
    files = FileDigests(tmp_path / "cache")
    first = files.digests({path: os.lstat(path) for path in (photo, other)})
    assert files.hashed == 2
    assert files.digests({path: os.lstat(path) for path in (photo, other)}) == first
    assert files.hashed == 0

    kept = os.lstat(photo)
    photo.write_bytes(b"C" * 4096)  # same size, same inode
    os.utime(photo, ns=(kept.st_atime_ns, kept.st_mtime_ns))  # and the old mtime
    after = files.digests({path: os.lstat(path) for path in (photo, other)})

    assert files.hashed == 1
    assert after[photo] != first[photo] and after[other] == first[other]


def test_a_file_larger_than_any_photo_is_keyed_by_its_stat_and_never_read(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = site.parent / "content" / "posts" / SHOP_POST / "video.mp4"
    with big.open("wb") as file:
        file.truncate(MAX_ORIGINAL_BYTES + 1)  # sparse: no disk used
    read: list[Path] = []
    hash_file = digests._sha256
    monkeypatch.setattr(digests, "_sha256", lambda path: read.append(path) or hash_file(path))
    assert check(site).counts == {"posts_cached": 0, "posts_checked": 3}
    assert check(site).counts == {"posts_cached": 3, "posts_checked": 0}
    with big.open("r+b") as file:
        file.write(b"x")

    assert check(site).counts == {"posts_cached": 2, "posts_checked": 1}
    assert read and big not in read


def test_posts_checked_on_two_cores_give_what_one_core_gives(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From :data:`validate.FORK_AT` posts to check, every other one is checked in a forked process and sent back
    as the post cache writes it: the same posts, the same problems in the same order, the same cache."""
    add_problems(site.parent / "content")
    alone = check(site)
    shutil.rmtree(site.parent / "cache")

    forks: list[object] = []

    class Counted(validate.Forked):
        def __init__(self, *args: object, **kwargs: object) -> None:
            forks.append(args)
            super().__init__(*args, **kwargs)

    here: list[Path] = []  # the posts this process checks (the forked one counts in its own memory)
    check_post = validate._check_post
    monkeypatch.setattr(validate, "_check_post", lambda index, *rest: here.append(index) or check_post(index, *rest))
    monkeypatch.setattr(validate, "FORK_AT", 2)
    monkeypatch.setattr(validate, "Forked", Counted)
    shared = check(site)
    assert len(forks) == 1  # the check was shared out, and the other half's outcomes came back and were used:
    assert len(here) == (shared.counts["posts_checked"] + 1) // 2 < shared.counts["posts_checked"]
    assert messages(shared) == messages(alone) != []
    warm = check(site)  # warm: every outcome comes from the cache both processes filled
    assert messages(warm) == messages(alone)

    clean = tmp_path / "clean"
    write_content(clean / "content")  # the scenario posts, no problem: every post sent back whole
    config = write_config(clean, content_dir=clean / "content")
    shared_posts = posts_of(check(config))
    shutil.rmtree(clean / "cache")
    monkeypatch.setattr(validate, "FORK_AT", 10**6)
    assert shared_posts == posts_of(check(config)) != []
    assert len(forks) == 2
