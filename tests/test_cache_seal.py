"""The deploy reuses only cache entries its own build sealed (HMAC under a key only that step holds)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml

from etalase.build import cache_seal
from etalase.build.cache_seal import MANIFEST, seal, verify

from conftest import ROOT

KEY = b"kunci-rahasia-deploy"
PAGE = "<article><p>Halaman yang dibangun deploy.</p></article>"


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    """A build cache as the deploy leaves it: a photo entry, a rendered page, the photo index."""
    folder = tmp_path / ".cache" / "etalase"
    entry = folder / "images" / "ab" / ("ab" + "1" * 62)
    entry.mkdir(parents=True)
    (entry / "manifest.json").write_text('{"width": 800}', encoding="utf-8")
    (entry / "foto-800.webp").write_bytes(b"RIFF-foto-asli")
    (entry / "foto-800.jpg").write_bytes(b"\xff\xd8foto-asli")
    other = folder / "images" / "cd" / ("cd" + "2" * 62)
    other.mkdir(parents=True)
    (other / "manifest.json").write_text('{"width": 480}', encoding="utf-8")
    (other / "foto-480.webp").write_bytes(b"RIFF-lain")
    (folder / "pages" / "ef").mkdir(parents=True)
    (folder / "pages" / "ef" / "ef33.html").write_text(PAGE, encoding="utf-8")
    (folder / "index.json").write_text('{"version": 1, "files": {}}', encoding="utf-8")
    return folder


def _files(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}


def test_a_sealed_cache_is_reused_whole(cache: Path) -> None:
    before = _files(cache)
    assert seal(cache, KEY) == 7
    result = verify(cache, KEY)
    assert (result.trusted, result.kept, result.removed) == (True, 7, 0)
    assert _files(cache) == before  # the manifest is spent; everything else stays


def test_a_forged_entry_is_removed_and_the_rest_kept(cache: Path) -> None:
    seal(cache, KEY)
    page = cache / "pages" / "ef" / "ef33.html"
    page.write_text(PAGE.replace("</p>", "</p><script>alert(1)</script>"), encoding="utf-8")
    entry = cache / "images" / "ab" / ("ab" + "1" * 62)
    (entry / "foto-800.jpg").write_bytes(b"\xff\xd8foto-lain")  # one rendition of an entry swapped
    (cache / "pages" / "99").mkdir()
    (cache / "pages" / "99" / "99aa.html").write_text("<script>tambahan</script>", encoding="utf-8")  # added
    (cache / "pages" / "ef" / "tautan.html").symlink_to("/etc/passwd")
    result = verify(cache, KEY)
    assert result.trusted and result.kept == 3
    assert _files(cache) == {
        "images/cd/cd" + "2" * 62 + "/manifest.json",
        "images/cd/cd" + "2" * 62 + "/foto-480.webp",
        "index.json",
    }
    assert not entry.exists()  # the whole entry, not only the swapped file
    assert not (cache / "pages" / "ef" / "tautan.html").is_symlink()


@pytest.mark.parametrize(
    "forge",
    [
        pytest.param(lambda folder: (folder / MANIFEST).unlink(), id="no manifest"),
        pytest.param(lambda folder: seal(folder, b"kunci-lain"), id="signed with another key"),
        pytest.param(
            lambda folder: (folder / MANIFEST).write_text(
                json.dumps(json.loads((folder / MANIFEST).read_text()) | {"files": {"pages/ef/ef33.html": "0" * 64}})
            ),
            id="digests edited",
        ),
        pytest.param(lambda folder: (folder / MANIFEST).write_text("[]"), id="not a manifest"),
    ],
)
def test_a_cache_without_a_valid_seal_is_emptied(cache: Path, forge) -> None:
    seal(cache, KEY)
    forge(cache)
    result = verify(cache, KEY)
    assert (result.trusted, result.kept) == (False, 0)
    assert list(cache.iterdir()) == []


def test_without_the_key_nothing_is_trusted(cache: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    seal(cache, KEY)
    monkeypatch.delenv(cache_seal.KEY_VARIABLE, raising=False)
    assert cache_seal.main(["verify", str(cache)]) == 0
    assert list(cache.iterdir()) == []
    assert "tidak diatur" in capsys.readouterr().out


def test_the_command_seals_and_verifies_with_the_secret(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache_seal.KEY_VARIABLE, KEY.decode())
    assert cache_seal.main(["seal", str(cache)]) == 0
    assert (cache / MANIFEST).is_file()
    (cache / "index.json").write_text('{"version": 1, "files": {"palsu": []}}', encoding="utf-8")
    assert cache_seal.main(["verify", str(cache)]) == 0
    assert not (cache / "index.json").exists() and (cache / "pages" / "ef" / "ef33.html").is_file()


def test_the_deploy_verifies_before_and_seals_after_the_build_in_the_one_step_holding_the_key() -> None:
    workflows = ROOT / ".github" / "workflows"
    build = yaml.safe_load((workflows / "deploy.yml").read_text(encoding="utf-8"))["jobs"]["build"]
    holding = [step for step in build["steps"] if "ETALASE_CACHE_KEY" in str(step.get("env", {}))]
    (step,) = holding
    assert step["env"]["ETALASE_CACHE_KEY"] == "${{ secrets.ETALASE_CACHE_KEY }}"
    assert build["environment"] == "bangun-situs"  # an environment only the default branch may use
    run = step["run"]
    verify_at = run.index("etalase cache verify .cache/etalase")
    build_at = run.index("python scripts/build.py")
    seal_at = run.index("etalase cache seal .cache/etalase")
    assert verify_at < build_at < seal_at
    for name in os.listdir(workflows):  # the key reaches no other workflow
        if name != "deploy.yml":
            assert "ETALASE_CACHE_KEY" not in (workflows / name).read_text(encoding="utf-8"), name


def test_a_forged_page_in_the_cache_is_not_published(tmp_path: Path) -> None:
    """The threat and its cure, with real builds: a cached page is reused byte for byte unless unsealed."""
    from conftest import run_build, write_config
    from small_site import one_post_content

    content = one_post_content(tmp_path)
    config = write_config(tmp_path / "konfigurasi", content_dir=content)
    folder = tmp_path / "konfigurasi" / "cache"

    def build(name: str) -> str:
        site = tmp_path / name
        result = run_build("--config", config, "--content", content, "--site-dir", site, "--no-search")
        assert result.returncode == 0, result.stdout + result.stderr
        return (site / "artikel" / "lomba-tabuh-gendang-pasar-lama" / "index.html").read_text(encoding="utf-8")

    assert "DISUSUPKAN" not in build("pertama")
    seal(folder, KEY)
    pages = [page for page in folder.rglob("*.html") if "<" in page.read_text(encoding="utf-8")]
    assert pages, sorted(_files(folder))
    for page in pages:
        page.write_text(page.read_text(encoding="utf-8") + '<p id="DISUSUPKAN">palsu</p>', encoding="utf-8")
    forged = {page: page.read_text(encoding="utf-8") for page in pages}
    assert "DISUSUPKAN" in build("tanpa-segel")  # what a poisoned cache would do to the official site
    for page, text in forged.items():  # the same forged entries again, under the seal of the first build
        page.write_text(text, encoding="utf-8")
    result = verify(folder, KEY)
    assert result.trusted and result.removed >= len(pages)
    assert "DISUSUPKAN" not in build("terperiksa")
