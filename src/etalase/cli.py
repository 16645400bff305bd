"""The ``etalase`` command: check, build, scaffold a post, write the JSON Schema.

    etalase check                   # validate mkdocs.yml's brand and content/, build nothing
    etalase build                   # validate, photos, pages, MkDocs, search, atomic publish
    etalase build --content DIR --site-dir DIR --now 2026-12-01T08:00+07:00
    etalase build --preview-scheduled          # scheduled posts too, marked "Terjadwal" (the PR check)
    etalase serve                   # live preview (mkdocs serve --livereload)
    etalase post                    # a new post bundle, asking for what it needs
    etalase schema FILE             # the front-matter JSON Schema, for editors
    etalase form [--write]          # the issue forms, from the schema and the regions
    etalase form-screenshots        # the guide's pictures of the form
    etalase screenshots             # the README's pictures of the built site on a phone
    etalase foto bersihkan PATH     # strip a photo's GPS and camera data in place
    etalase kiriman convert|accept|comment|pr-url|branch-state|gate ...   # the form route
    etalase cache verify|seal DIR   # the deploy's signed cache
    etalase ci pr-check|due|pages-url|preview-comment ...   # what the workflows run

``etalase COMMAND --help`` explains each.
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
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from etalase import api
from etalase.ci.github import write_problems
from etalase.content.problems import Problem
from etalase.content.settings import parse_now

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


DELEGATED: dict[str, tuple[str, str]] = {
    "post": ("etalase.authoring.scaffold", "buat pos baru (new post scaffold)"),
    "schema": ("etalase.authoring.schema_docs", "tulis JSON Schema front matter (write the JSON Schema)"),
    "form": ("etalase.authoring.issue_form", "tulis formulir issue dari skema (write the issue forms)"),
    "form-screenshots": ("etalase.authoring.form_screenshots", "gambar formulir untuk panduan (form screenshots)"),
    "screenshots": ("etalase.authoring.site_screenshots", "gambar layar situs di ponsel untuk README (screenshots)"),
    "foto": ("etalase.content.photo_privacy", "bersihkan foto: hapus GPS dan data kamera (strip photos)"),
}
"""Commands whose module has a ``main(argv)`` of its own: its options and ``--help`` are that module's."""
GROUPS: dict[str, dict[str, tuple[str, list[str], str]]] = {
    "kiriman": {
        "convert": ("etalase.kiriman.convert", [], "issue formulir -> bundel pos (issue form -> post bundle)"),
        "accept": ("etalase.kiriman.accept", ["accept"], "terima hasil konversi, tulis teks PR (accept, word the PR)"),
        "comment": ("etalase.kiriman.accept", ["comment"], "tulis balasan di issue (word the issue reply)"),
        "pr-url": (
            "etalase.kiriman.accept",
            ["pr-url"],
            "PR terbuka dari cabang repositori ini (this repository's PR)",
        ),
        "branch-state": ("etalase.kiriman.accept", ["branch-state"], "commit yang boleh ditimpa (the branch's state)"),
        "gate": ("etalase.kiriman.gate", [], "siapa yang boleh membuat PR (who may get a pull request)"),
    },
    "cache": {
        "verify": ("etalase.build.cache_seal", ["verify"], "hapus isi cache tanpa segel sah (drop unsealed entries)"),
        "seal": ("etalase.build.cache_seal", ["seal"], "segel cache sesudah build (seal the cache)"),
    },
    "ci": {
        "pr-check": ("etalase.ci.pr_check", [], "pemeriksaan PR (the pull request check)"),
        "due": ("etalase.ci.due_posts", [], "pos terjadwal yang tiba waktunya (scheduled posts now due)"),
        "pages-url": ("etalase.ci.pages_url", [], "site_url cocok dengan GitHub Pages (site_url matches Pages)"),
        "preview-comment": ("etalase.ci.preview_comment", [], "komentar pratinjau PR (the PR preview comment)"),
    },
}
"""Command groups: ``etalase GROUP NAME ARGS`` runs ``main([*prefix, *ARGS])`` of the module named."""


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    if given and given[0] in DELEGATED:
        return _delegate(DELEGATED[given[0]][0], given[1:], prog=f"etalase {given[0]}")
    if given and given[0] in GROUPS:
        return _group(given[0], given[1:])
    if given and given[0] == "serve":
        return _serve(given[1:])
    parser = argparse.ArgumentParser(
        prog="etalase",
        description="Situs Etalase: periksa, bangun, tulis pos. (Check and build the site, scaffold posts.)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="PERINTAH")
    build_options(commands.add_parser("build", help="bangun situs (build the site)"))
    build_options(commands.add_parser("check", help="hanya periksa konten (validate only)"))
    commands.add_parser("serve", help="pratinjau langsung (live preview: mkdocs serve --livereload)")
    for name, (_, summary) in DELEGATED.items():
        commands.add_parser(name, help=summary)
    for group, members in GROUPS.items():
        commands.add_parser(group, help=", ".join(members))
    args = parser.parse_args(given)
    if args.command == "check":
        args.check = True
    return run(args)


def _delegate(module: str, argv: list[str], prefix: Sequence[str] = (), *, prog: str) -> int:
    """Run ``module``'s ``main``; its usage and ``--help`` name the command as it was typed (``prog``)."""
    from importlib import import_module

    name, sys.argv[0] = sys.argv[0], prog  # argparse takes a parser's name from sys.argv[0]
    try:
        code = import_module(module).main([*prefix, *argv])
    finally:
        sys.argv[0] = name
    return int(code or 0)


def _group(group: str, argv: list[str]) -> int:
    members = GROUPS[group]
    parser = argparse.ArgumentParser(prog=f"etalase {group}", description=f"etalase {group}: " + ", ".join(members))
    commands = parser.add_subparsers(dest="command", required=True, metavar="PERINTAH")
    for name, (_, _, summary) in members.items():
        commands.add_parser(name, help=summary, add_help=False)
    if not argv or argv[0] not in members:
        parser.parse_args(argv)  # prints the help or the usage error (exit 0 or 2)
        return EXIT_USAGE
    module, prefix, _ = members[argv[0]]
    return _delegate(module, argv[1:], prefix, prog=f"etalase {group} {argv[0]}")


def _serve(argv: list[str]) -> int:
    """``mkdocs serve --livereload`` with the options given (``etalase serve --help``: MkDocs' own)."""
    from mkdocs.__main__ import cli as mkdocs_cli

    try:
        mkdocs_cli.main(["serve", "--livereload", *argv], prog_name="etalase serve", standalone_mode=False)
    except SystemExit as done:
        return int(done.code or 0)
    return EXIT_OK


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


def console() -> NoReturn:
    """The ``etalase`` program: :func:`main`, then :func:`leave`."""
    leave(main())


def leave(code: int) -> NoReturn:
    """End the program with ``code`` once its output is out, without tearing down its objects one by one.

    Every file a command writes is closed by the time it returns. What
    Python's own exit adds is freeing the heap object by object: after a
    2,000-post build, 1.1 s between the last line printed and the end of the
    process (a third of a one-post rebuild), for memory the system takes back
    at once anyway.
    """
    sys.stdout.flush()
    sys.stderr.flush()
    logging.shutdown()
    os._exit(code)


if __name__ == "__main__":
    console()
