#!/usr/bin/env python3
"""Build the Etalase site, or only check the content.

    python scripts/build.py --check            # validate content/, build nothing
    python scripts/build.py                    # validate, photos, pages, MkDocs, search
    python scripts/build.py --content DIR --site-dir DIR
    python scripts/build.py --preview-scheduled  # scheduled posts too, marked "Terjadwal"

The pipeline: load → validate → photos → pages → MkDocs → search index →
atomic switch to the new site. Every problem in the content is reported in
one run, one per line, ``path:line: field: message`` in Bahasa Indonesia with
an English second line.

``--preview-scheduled`` is the PR check's build: posts dated after ``--now``
(drafts never) are checked, their photos processed and their pages built as
if published, so that a scheduled post's problems show before its date. Its
page says "Terjadwal: terbit <tanggal, jam, zona>" under the title and its
cards carry a "Terjadwal" badge. The published site never uses it.

Exit status: 0 when all is well, 1 when the content has problems, 2 when the
command is used wrongly (unknown option, missing config or folder).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from etalase.github import write_problems  # noqa: E402
from etalase.guard import PostTooComplex  # noqa: E402
from etalase.load import load_content  # noqa: E402
from etalase.problems import Problem  # noqa: E402
from etalase.publish import discard, publish, staging_dir  # noqa: E402
from etalase.validate import validate  # noqa: E402

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if not args.config.is_file():
        print(f"berkas konfigurasi tidak ada: {args.config} (config file not found)", file=sys.stderr)
        return EXIT_USAGE
    content_dir = args.content or _configured_content_dir(args.config)
    if not content_dir.is_dir():
        print(f"folder konten tidak ada: {content_dir} (content folder not found)", file=sys.stderr)
        return EXIT_USAGE
    try:
        now = datetime.fromisoformat(args.now) if args.now else datetime.now(timezone.utc)
    except ValueError:
        print(f"--now bukan waktu ISO yang sah: {args.now!r} (not an ISO date-time)", file=sys.stderr)
        return EXIT_USAGE
    if now.tzinfo is None:
        now = now.replace(tzinfo=timezone.utc)

    content, problems = validate(load_content(content_dir), now, args.preview_scheduled)
    if problems:
        return _report(problems, args.problems_json)
    assert content is not None
    if args.check:
        previewed = sum(post.scheduled for post in content.posts)
        print(f"Konten beres: {len(content.posts) - previewed} pos terbit"
              + (f" + {previewed} terjadwal (pratinjau)" if previewed else "")
              + f", {len(content.unpublished)} draf/terjadwal, {len(content.creators)} kreator. (content OK)")
        return EXIT_OK
    return _build(args, content_dir, content, now)


def _build(args: argparse.Namespace, content_dir: Path, content, now: datetime) -> int:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(message)s")
    site_dir = args.site_dir or ROOT / "site"
    new = staging_dir(site_dir)
    try:
        config = load_config(str(args.config), site_dir=str(new), strict=not args.no_strict)
        plugin = config.plugins["etalase"]
        plugin.config.content_dir = str(content_dir.resolve())
        plugin.config.now = now.isoformat()
        plugin.config.preview_scheduled = args.preview_scheduled
        plugin.config.search = not args.no_search
        plugin.content = content
        build(config)
    except Abort as error:
        discard(new)
        plugin_problems = getattr(locals().get("plugin"), "problems", [])
        if plugin_problems:
            return _report(plugin_problems, args.problems_json)
        print(f"Build gagal: {error} (build failed)", file=sys.stderr)
        return EXIT_CONTENT
    except ConfigurationError as error:
        discard(new)
        print(f"Konfigurasi salah: {error} (configuration error)", file=sys.stderr)
        return EXIT_USAGE
    except PostTooComplex as error:  # a post over its time budget (etalase.guard)
        plugin.guard.leave()
        discard(new)
        return _report([error.problem], args.problems_json)
    except Exception:
        discard(new)
        plugin_problems = getattr(locals().get("plugin"), "problems", [])
        if plugin_problems:  # an error while a post was rendered, named by the plugin
            return _report(plugin_problems, args.problems_json)
        raise
    except BaseException:
        discard(new)
        raise
    publish(new, site_dir)
    print(f"Situs selesai: {site_dir} ({len(content.posts)} pos). (site built)")
    return EXIT_OK


def _report(problems: list[Problem], json_file: Path | None = None) -> int:
    if json_file:
        write_problems(problems, json_file)
    for problem in problems:
        print(problem.format())
    files = len({p.path for p in problems})
    print(f"\n{len(problems)} masalah di {files} berkas. ({len(problems)} problems in {files} files)", file=sys.stderr)
    return EXIT_CONTENT


def _configured_content_dir(config_file: Path) -> Path:
    """``content_dir`` of the etalase plugin in ``mkdocs.yml``, read without building."""
    import yaml

    class _Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml may use !!python/name tags for Markdown extensions; they are not needed here.
    _Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    _Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Loader) or {}
    for plugin in data.get("plugins", []):
        if isinstance(plugin, dict) and "etalase" in plugin:
            return config_file.parent / (plugin["etalase"] or {}).get("content_dir", "content")
    return config_file.parent / "content"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="Periksa dan bangun situs Etalase. (Check and build the site.)")
    parser.add_argument("--check", action="store_true", help="hanya periksa konten (validate only)")
    parser.add_argument("--content", type=Path, help="folder konten (default: content_dir di mkdocs.yml)")
    parser.add_argument("--site-dir", type=Path, help="folder hasil (default: site/)")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="berkas mkdocs.yml")
    parser.add_argument("--now", help="anggap waktu sekarang ini (ISO), untuk pratinjau pos terjadwal")
    parser.add_argument("--preview-scheduled", action="store_true",
                        help="bangun juga pos terjadwal (tanggal sesudah --now), ditandai \"Terjadwal\"; draf tidak "
                             "(build scheduled posts too, marked as scheduled: the PR check's preview)")
    parser.add_argument("--no-search", action="store_true", help="lewati indeks pencarian (skip search index)")
    parser.add_argument("--no-strict", action="store_true", help="peringatan MkDocs tidak menggagalkan build")
    parser.add_argument("--problems-json", type=Path, help="tulis juga daftar masalah ke berkas JSON ini (for CI)")
    parser.add_argument("-v", "--verbose", action="store_true", help="tampilkan log MkDocs")
    return parser


if __name__ == "__main__":
    sys.exit(main())
