"""One orchestrator: the brand and the content are checked once per build, whichever way the build starts."""

from __future__ import annotations

import gzip
import os
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest

from etalase import api
from etalase.build import prepare
from etalase.content.post_cache import FOLDER

from conftest import NOW, write_config
from small_site import one_post_content


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often the brand check and the validation run."""
    counted: Counter[str] = Counter()

    def counting(name: str, function):  # type: ignore[no-untyped-def]
        def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
            counted[name] += 1
            return function(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(prepare, "check_brand", counting("brand", prepare.check_brand))
    monkeypatch.setattr(prepare, "validate", counting("validate", prepare.validate))
    return counted


def test_a_build_checks_the_brand_and_the_content_once(
    tmp_path: Path, calls: Counter[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    content = one_post_content(tmp_path)
    config = write_config(tmp_path / "config", content_dir=content, workers=1)
    result = api.build(
        api.Options(config_file=config, site_dir=tmp_path / "site", now=datetime.fromisoformat(NOW), search=False)
    )

    assert result.ok, [problem.format() for problem in result.problems]
    assert calls == {"brand": 1, "validate": 1}
    assert (tmp_path / "site" / "index.html").is_file()
    assert {"load", "validate", "photos", "pages", "publish"} <= set(result.timings)
    # The build was dated by its post, and a build this process starts next is not handed that date.
    assert "SOURCE_DATE_EPOCH" not in os.environ


def test_a_date_the_caller_gives_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1699920000")
    content = one_post_content(tmp_path)
    config = write_config(tmp_path / "config", content_dir=content, workers=1)
    site = tmp_path / "site"
    result = api.build(api.Options(config_file=config, site_dir=site, now=datetime.fromisoformat(NOW), search=False))

    assert result.ok and os.environ["SOURCE_DATE_EPOCH"] == "1699920000"
    with gzip.open(site / "sitemap.xml.gz") as sitemap:
        sitemap.read()
        assert sitemap.mtime == 1699920000  # 2023-11-14, a day as MkDocs dates it


def test_a_check_builds_nothing_and_checks_once(tmp_path: Path, calls: Counter[str]) -> None:
    content = one_post_content(tmp_path)
    config = write_config(tmp_path / "config", content_dir=content)
    result = api.check(api.Options(config_file=config, now=datetime.fromisoformat(NOW)))

    assert result.ok and result.content is not None and len(result.content.posts) == 1
    assert calls == {"brand": 1, "validate": 1}
    # Nothing built: the only thing kept is the post cache (validated posts), for the next check or build.
    cache = tmp_path / "config" / "cache"
    assert {path.relative_to(cache).parts[1] for path in cache.glob("*/*")} == {FOLDER}
    assert not (tmp_path / "site").exists()


def test_problems_stop_the_build_before_a_site_is_staged(tmp_path: Path, calls: Counter[str]) -> None:
    content = one_post_content(tmp_path, "summary_extra: tidak dikenal")
    config = write_config(tmp_path / "config", content_dir=content)
    result = api.build(api.Options(config_file=config, site_dir=tmp_path / "site", now=datetime.fromisoformat(NOW)))

    assert not result.ok and any("summary_extra" in problem.format() for problem in result.problems)
    assert calls == {"brand": 1, "validate": 1}
    assert not (tmp_path / "site").exists() and not list(tmp_path.glob(".site*"))
