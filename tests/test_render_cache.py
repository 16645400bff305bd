"""The render cache and the render workers change nothing a visitor gets (etalase.build.render).

A rebuild after one post changed takes most pages from the cache and lets
forked workers build the rest; its site must be byte for byte the site a
build without any cache, in one process, makes of the same content.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PIL import Image, ImageOps

from etalase.build import render
from etalase.content import urls
from etalase.content.structure import Post

from conftest import ROOT, run_build, write_config

CHANGED_POST = "pondok-kayu-pasir-putih"
PHOTO_POST = "matahari-terbenam-bukit-jati"
"""The test gives its body a photo of its own (not in the front matter), then other pixels under the same name."""


def build(config: Path, content: Path, site: Path) -> dict[str, int]:
    """Build and return the cache counts that ``--timings`` prints."""
    result = run_build("--config", config, "--content", content, "--site-dir", site, "--timings")
    assert result.returncode == 0, result.stdout + result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("Cache: "))
    return json.loads(line.removeprefix("Cache: "))


def files_of(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def assert_same_site(built: Path, reference: Path) -> None:
    got, want = files_of(built), files_of(reference)
    assert sorted(got) == sorted(want), set(got) ^ set(want)
    differing = [name for name in want if got[name] != want[name]]
    assert not differing, f"differ from a build without cache: {differing[:10]}"


def retitle(content: Path, slug: str, title: str) -> None:
    index = content / "posts" / slug / "index.md"
    lines = index.read_text(encoding="utf-8").splitlines(keepends=True)
    lines = [f"title: {title}\n" if line.startswith("title:") else line for line in lines]
    index.write_text("".join(lines), encoding="utf-8")


def test_rebuild_after_one_change_equals_a_build_without_cache(tmp_path: Path, content_copy: Path) -> None:
    bundle = content_copy / "posts" / PHOTO_POST
    shutil.copy(bundle / "senja.jpg", bundle / "tugu.jpg")
    with (bundle / "index.md").open("a", encoding="utf-8") as index:
        index.write("\n![Tugu batu penanda arah di puncak bukit](tugu.jpg)\n")
    cached = write_config(tmp_path / "cached", workers=3)
    first = build(cached, content_copy, tmp_path / "first")
    assert first["pages_cached"] == 0 and first["pages_built"] > render.MIN_SHARED  # so workers were forked

    retitle(content_copy, CHANGED_POST, "Pondok Kayu Pasir Putih Kini Punya Dapur Bersama")
    photo = bundle / "tugu.jpg"
    with Image.open(photo) as image:
        ImageOps.mirror(image).save(photo, "JPEG", quality=90)
    second = build(cached, content_copy, tmp_path / "second")
    fresh = build(write_config(tmp_path / "fresh", workers=1), content_copy, tmp_path / "fresh-site")

    assert_same_site(tmp_path / "second", tmp_path / "fresh-site")
    assert second["pages_cached"] > second["pages_built"] > 0, second
    # Only the body whose photo changed is rendered again; the retitled post's body comes from the cache.
    assert second["bodies_rendered"] == 1 and second["bodies_cached"] >= 1, second
    assert fresh["pages_cached"] == 0
    home = (tmp_path / "second" / "index.html").read_text(encoding="utf-8")
    assert "Dapur Bersama" in home
    assert "Dapur Bersama" not in (tmp_path / "first" / "index.html").read_text(encoding="utf-8")


def test_a_theme_change_rebuilds_every_page(tmp_path: Path, content_copy: Path) -> None:
    overrides = tmp_path / "overrides"
    shutil.copytree(ROOT / "overrides", overrides)
    config = write_config(tmp_path / "config", workers=2)
    config.write_text(
        config.read_text(encoding="utf-8").replace(str(ROOT / "overrides"), str(overrides)), encoding="utf-8"
    )
    build(config, content_copy, tmp_path / "first")
    footer = overrides / "partials" / "etalase" / "footer.html"
    footer.write_text(footer.read_text(encoding="utf-8") + "\n<p>Tanda uji tema</p>\n", encoding="utf-8")
    counts = build(config, content_copy, tmp_path / "second")

    assert counts["pages_cached"] == 0, counts
    pages = sorted((tmp_path / "second").glob(f"{urls.POSTS}/*/index.html"))
    assert pages and all("Tanda uji tema" in page.read_text(encoding="utf-8") for page in pages)


def test_unchanged_content_is_all_from_the_cache(tmp_path: Path, content_copy: Path) -> None:
    config = write_config(tmp_path / "config", workers=2)
    build(config, content_copy, tmp_path / "first")
    counts = build(config, content_copy, tmp_path / "second")

    assert counts["pages_built"] == 0 and counts["bodies_rendered"] == 0, counts
    assert_same_site(tmp_path / "second", tmp_path / "first")


def test_fingerprint_refuses_what_it_does_not_know() -> None:
    memo: dict[int, str] = {}
    with pytest.raises(TypeError, match="etalase.build.render.fingerprint"):
        render.fingerprint(object(), lambda post: "", memo)


def test_fingerprint_follows_a_post_through_its_digest(tmp_path: Path) -> None:
    post = Post.__new__(Post)
    post.slug, post.scheduled = "satu", False
    first = render.fingerprint([post], lambda _: "a", {})
    assert render.fingerprint([post], lambda _: "a", {}) == first
    assert render.fingerprint([post], lambda _: "b", {}) != first


def test_prune_keeps_only_what_is_named(tmp_path: Path) -> None:
    for key in ("aa11", "aa22", "bb33"):
        (tmp_path / key[:2]).mkdir(exist_ok=True)
        (tmp_path / key[:2] / f"{key}.html").write_text(key)
    (tmp_path / "aa" / ".tmp-half").write_text("")

    assert render.prune(tmp_path, ["aa11"]) == 3
    assert [path.name for path in tmp_path.rglob("*")] == ["aa", "aa11.html"]


def test_body_store_keeps_what_it_is_told_and_starts_afresh_from_a_broken_file(tmp_path: Path) -> None:
    (tmp_path / "ab").mkdir()
    (tmp_path / "ab" / "ab12.html").write_text("one file per body, as earlier versions kept them")
    store = render.BodyStore(tmp_path)
    assert not (tmp_path / "ab").exists()

    store.update({"k1": "<p>satu</p>", "k2": "<p>dua</p>"}, keep={"k1", "k2"})
    assert store.read(["k1", "k2", "k3"]) == {"k1": "<p>satu</p>", "k2": "<p>dua</p>"}
    store.update({"k3": "<p>tiga</p>"}, keep={"k2", "k3"})
    assert render.BodyStore(tmp_path).read(["k1", "k2", "k3"]) == {"k2": "<p>dua</p>", "k3": "<p>tiga</p>"}
    many = {f"key{index}": str(index) for index in range(render.BodyStore.BATCH * 2 + 7)}
    store.update(many, keep=set(many))
    assert store.read(many) == many

    store.path.write_bytes(b"half a database, cut short" * 50)
    assert store.read(["key1"]) == {}
    store.update({"k4": "<p>empat</p>"}, keep={"k4"})
    assert store.read(["k4"]) == {"k4": "<p>empat</p>"}
