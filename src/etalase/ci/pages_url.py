#!/usr/bin/env python3
"""Stop a deploy whose ``site_url`` is not where GitHub Pages serves the site.

    PAGES_JSON="$(gh api "repos/$REPO/pages")" etalase ci pages-url

``PAGES_JSON`` is GitHub's answer to ``GET /repos/{owner}/{repo}/pages``
(empty when the request failed: Pages is not enabled, or the token may not
read it). The deploy workflow passes it through the environment, never
through a ``${{ }}`` expression in the script.

Every absolute URL the site prints (canonical links, the sitemap, feeds,
Open Graph, JSON-LD, the JSON Schema's ``$id``) starts with ``site_url`` from
``mkdocs.yml``. If it is not the Pages URL, the site deploys without an error
and every one of them points somewhere else, so this check fails first and
says what to change. It also fails when Pages publishes from a branch rather
than from GitHub Actions (``build_type`` ``legacy``): the deploy step would
fail later with a less helpful message.

Exit status: 0 when they agree, 1 when they do not (with a GitHub error
annotation in Bahasa Indonesia and English), 2 when ``mkdocs.yml`` cannot be read.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from etalase.ci.github import escape_data, escape_property

SETTINGS = "Settings → Pages → Build and deployment → Source: GitHub Actions"


def problems(site_url: str | None, pages_json: str) -> list[tuple[str, str, str]]:
    """What is wrong, as ``(setting, Bahasa Indonesia, English)``; empty when ``site_url`` is the Pages URL."""
    try:
        pages = json.loads(pages_json) if pages_json.strip() else None
    except json.JSONDecodeError:
        pages = None
    if not isinstance(pages, dict) or not isinstance(pages.get("html_url"), str):
        return [
            (
                "GitHub Pages",
                f"GitHub Pages belum aktif di repositori ini (atau tidak terbaca). Aktifkan di {SETTINGS}.",
                f"GitHub Pages is not enabled for this repository (or cannot be read). Enable it: {SETTINGS}.",
            )
        ]
    found: list[tuple[str, str, str]] = []
    if pages.get("build_type") != "workflow":
        found.append(
            (
                "GitHub Pages",
                f"GitHub Pages diterbitkan dari cabang, bukan dari alur kerja ini. Ubah di {SETTINGS}.",
                f"GitHub Pages publishes from a branch, not from this workflow. Change it: {SETTINGS}.",
            )
        )
    pages_url = pages["html_url"]
    if not site_url:
        found.append(
            (
                "site_url",
                f"site_url di mkdocs.yml kosong; isi dengan alamat GitHub Pages: {pages_url}",
                f"site_url in mkdocs.yml is empty; set it to the GitHub Pages URL: {pages_url}",
            )
        )
    elif _place(site_url) != _place(pages_url):
        found.append(
            (
                "site_url",
                f"site_url di mkdocs.yml ({site_url}) bukan alamat GitHub Pages repositori ini ({pages_url}); "
                "ubah site_url, atau pasang domain sendiri di Settings → Pages → Custom domain",
                f"site_url in mkdocs.yml ({site_url}) is not this repository's GitHub Pages URL ({pages_url}); "
                "change site_url, or set a custom domain in Settings → Pages → Custom domain",
            )
        )
    return found


def _place(url: str) -> tuple[str, str]:
    """Host and path of ``url``, compared without case or trailing slash (Pages serves both ways)."""
    parts = urlsplit(url.strip())
    return (parts.hostname or "").lower(), parts.path.rstrip("/").lower()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Cocokkan site_url dengan alamat GitHub Pages. (Check that site_url is the GitHub Pages URL.)"
    )
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="berkas mkdocs.yml")
    args = parser.parse_args(argv)

    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    try:
        site_url = load_config(str(args.config)).site_url
    except (ConfigurationError, OSError) as error:
        print(f"mkdocs.yml tidak terbaca: {error} (cannot read mkdocs.yml)", file=sys.stderr)
        return 2
    found = problems(site_url, os.environ.get("PAGES_JSON", ""))
    for setting, message, message_en in found:
        print(
            f"::error file={escape_property(os.path.relpath(args.config))},title={escape_property(setting)}::"
            f"{escape_data(message)}%0A(en) {escape_data(message_en)}"
        )
    if not found:
        print(f"site_url sama dengan alamat GitHub Pages: {site_url} (site_url matches GitHub Pages)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
