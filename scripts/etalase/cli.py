"""The ``etalase`` command: check, build, scaffold a post, write the JSON Schema.

    etalase check                   # validate mkdocs.yml's brand and content/, build nothing
    etalase build                   # validate, photos, pages, MkDocs, search, atomic publish
    etalase build --content DIR --site-dir DIR --now 2026-12-01T08:00+07:00
    etalase build --preview-scheduled          # scheduled posts too, marked "Terjadwal" (the PR check)
    etalase post                    # a new post bundle, asking for what it needs
    etalase schema FILE             # the front-matter JSON Schema, for editors
    etalase foto bersihkan PATH     # strip photos in place: GPS, camera data, orientation, size

Every problem in the content is reported in one run, one per line,
``path:line: field: message`` in Bahasa Indonesia with an English second
line. Exit status: 0 when all is well, 1 when the content (or the brand
block) has problems, 2 when the command is used wrongly (unknown option,
missing config or folder). ``scripts/build.py`` is ``etalase build`` (with
``--check`` for ``etalase check``), kept for those who run it by path.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from . import api
from .github import write_problems
from .problems import Problem
from .settings import parse_now

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="etalase",
        description="Situs Etalase: periksa, bangun, tulis pos. (Check and build the site, scaffold posts.)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="PERINTAH")
    build_options(commands.add_parser("build", help="bangun situs (build the site)"))
    build_options(commands.add_parser("check", help="hanya periksa konten (validate only)"))
    post = commands.add_parser("post", help="buat pos baru dari templat (new post scaffold)", add_help=False)
    post.add_argument("args", nargs=argparse.REMAINDER)
    schema = commands.add_parser(
        "schema", help="tulis JSON Schema front matter (write the JSON Schema)", add_help=False
    )
    schema.add_argument("args", nargs=argparse.REMAINDER)
    photo = commands.add_parser("foto", help="bersihkan foto: hapus GPS dan data kamera (strip photos)", add_help=False)
    photo.add_argument("args", nargs=argparse.REMAINDER)
    args, rest = parser.parse_known_args(argv)  # `etalase post --help`: the option is the command's own
    if args.command == "foto":
        from . import photo_privacy

        return photo_privacy.main([*rest, *args.args])
    if args.command == "post":
        from . import scaffold

        return scaffold.main([*rest, *args.args])
    if args.command == "schema":
        from . import schema_docs

        return schema_docs.main([*rest, *args.args])
    if rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    if args.command == "check":
        args.check = True
    return run(args)


def build_options(parser: argparse.ArgumentParser, config: Path = Path("mkdocs.yml")) -> argparse.ArgumentParser:
    """The options of ``etalase build`` and ``etalase check`` (and of ``scripts/build.py``)."""
    parser.add_argument("--check", action="store_true", help="hanya periksa konten (validate only)")
    parser.add_argument("--content", type=Path, help="folder konten (bawaan: content_dir di mkdocs.yml)")
    parser.add_argument("--site-dir", type=Path, help="folder hasil (bawaan: site_dir di mkdocs.yml)")
    parser.add_argument("--config", type=Path, default=config, help="berkas mkdocs.yml")
    parser.add_argument("--now", help="anggap waktu sekarang ini (ISO), untuk pratinjau pos terjadwal")
    parser.add_argument(
        "--preview-scheduled",
        action="store_true",
        help='bangun juga pos terjadwal (tanggal sesudah --now), ditandai "Terjadwal"; draf tidak '
        "(build scheduled posts too, marked as scheduled: the PR check's preview)",
    )
    parser.add_argument("--no-search", action="store_true", help="lewati indeks pencarian (skip search index)")
    parser.add_argument("--no-strict", action="store_true", help="peringatan MkDocs tidak menggagalkan build")
    parser.add_argument("--problems-json", type=Path, help="tulis juga daftar masalah ke berkas JSON ini (for CI)")
    parser.add_argument("--timings", action="store_true", help="cetak lama setiap langkah (print step timings)")
    parser.add_argument("-v", "--verbose", action="store_true", help="tampilkan log MkDocs")
    return parser


def run(args: argparse.Namespace) -> int:
    """Check or build as ``args`` say; print the outcome; return the exit status."""
    try:
        now = parse_now(args.now)
    except ValueError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    if args.content is not None and not args.content.is_dir():
        print(f"folder konten tidak ada: {args.content} (content folder not found)", file=sys.stderr)
        return EXIT_USAGE
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(message)s")
    options = api.Options(
        config_file=args.config,
        content_dir=args.content,
        site_dir=args.site_dir,
        now=now,
        search=not args.no_search,
        strict=not args.no_strict,
        preview_scheduled=args.preview_scheduled,
    )
    result = api.check(options) if args.check else api.build(options)
    if result.usage:
        print(result.usage, file=sys.stderr)
        return EXIT_USAGE
    if args.timings:
        print("Waktu (timings): " + json.dumps({step: round(seconds, 3) for step, seconds in result.timings.items()}))
        if result.counts:
            print("Cache: " + json.dumps(result.counts))
    if result.problems:
        return report(result.problems, args.problems_json)
    if args.problems_json:
        write_problems([], args.problems_json)
    assert result.content is not None
    content = result.content
    if args.check:
        previewed = sum(post.scheduled for post in content.posts)
        print(
            f"Konten beres: {len(content.posts) - previewed} pos terbit"
            + (f" + {previewed} terjadwal (pratinjau)" if previewed else "")
            + f", {len(content.unpublished)} draf/terjadwal, {len(content.creators)} kreator. (content OK)"
        )
    else:
        print(f"Situs selesai: {result.site_dir} ({len(content.posts)} pos). (site built)")
    return EXIT_OK


def report(problems: list[Problem], json_file: Path | None = None) -> int:
    """Print every problem, one per line (and save them as JSON); the exit status of content problems."""
    if json_file:
        write_problems(problems, json_file)
    for problem in problems:
        print(problem.format())
    files = len({p.path for p in problems})
    print(f"\n{len(problems)} masalah di {files} berkas. ({len(problems)} problems in {files} files)", file=sys.stderr)
    return EXIT_CONTENT


if __name__ == "__main__":
    sys.exit(main())
