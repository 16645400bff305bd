"""One reader of mkdocs.yml for the tools that run without MkDocs, and one reading of --now."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from etalase.content.settings import Settings, parse_now, read_settings

from conftest import ROOT


def test_the_repository_config_gives_its_site_url_and_zone() -> None:
    settings = read_settings(ROOT / "mkdocs.yml")
    assert settings.site_url == "https://etalase.example.go.id/"
    assert settings.zone == "WIB"
    assert settings.brand["name"] == "Kabupaten Sekar Laut"


def test_python_and_env_tags_are_read_as_nothing_and_run_nothing(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_url: https://kab.example.go.id/\n"
        "extra:\n  brand:\n    timezone: WITA\n    name: !ENV [NAMA, Kabupaten]\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:os.system\n"
        "hooks: !!python/object/apply:os.system ['touch " + str(tmp_path / "dijalankan") + "']\n",
        encoding="utf-8",
    )
    settings = read_settings(config)
    assert settings.zone == "WITA" and settings.site_url == "https://kab.example.go.id/"
    assert settings.brand["name"] is None
    assert not (tmp_path / "dijalankan").exists()


@pytest.mark.parametrize(
    "text",
    ["", "site_url: [\n", "- a list\n", "extra:\n  brand:\n    timezone: Europe/Paris\n", "extra: 3\n", "\xff\xfe"],
)
def test_a_file_that_says_nothing_usable_gives_the_defaults(tmp_path: Path, text: str) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_bytes(text.encode("latin-1"))
    settings = read_settings(config)
    assert settings.zone == "WIB" and settings.site_url == "/"
    assert read_settings(tmp_path / "tidak-ada.yml") == Settings()


def test_now_without_a_zone_is_utc_and_with_one_keeps_it() -> None:
    assert parse_now("2026-12-01T12:00:00") == datetime(2026, 12, 1, 12, tzinfo=UTC)
    with_zone = parse_now("2026-12-01T12:00:00+08:00")
    assert with_zone.utcoffset() == timedelta(hours=8)
    assert with_zone == datetime(2026, 12, 1, 4, tzinfo=UTC)
    assert parse_now("2026-12-01") == datetime(2026, 12, 1, tzinfo=UTC)
    assert abs(parse_now(None) - datetime.now(UTC)) < timedelta(minutes=1)
    assert parse_now("").tzinfo is not None and parse_now("").tzinfo != timezone(timedelta(hours=7))


def test_now_that_is_not_a_moment_says_so_in_both_languages() -> None:
    with pytest.raises(ValueError, match=r"--now bukan waktu ISO yang sah: 'besok' \(not an ISO date-time\)"):
        parse_now("besok")
