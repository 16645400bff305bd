#!/usr/bin/env python3
"""The pull-request check: build, mark every problem on its line, summarise the PR's posts.

    etalase ci pr-check --base HEAD^1 --site-dir /tmp/situs \\
        --summary "$GITHUB_STEP_SUMMARY" --metadata /tmp/data/pr.json --pr 12

Steps, each one ordinary code that runs the same on a laptop:

1. ``git diff --name-status BASE HEAD`` → the posts the PR adds, changes or
   removes (:mod:`etalase.ci.changes`), and any file outside ``content/``.
2. ``scripts/build.py --preview-scheduled`` builds the site (or only checks,
   without ``--site-dir``) and saves its problems as JSON; its own report goes
   to the log. Scheduled posts are built too, marked "Terjadwal", so that a post
   dated next week is checked now (photos included), not on its date.
3. Every problem becomes a GitHub annotation on its file and line
   (:mod:`etalase.ci.github`), printed to standard output.
4. A summary in Bahasa Indonesia (changed posts with category, creators,
   region, photo count and status, then the editor's checklist) is appended
   to ``--summary``, capped below GitHub's 1 MiB (:mod:`etalase.ci.github`).
5. ``--metadata`` gets a small JSON file for the preview-comment workflow,
   which treats it as untrusted data: at most :data:`METADATA_POSTS` posts and
   their total, well under the reader's 64 KiB.

Exit status: the build's: 0 when all is well, 1 when the content has problems,
2 when the command is used wrongly (or git cannot compare the commits).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import TypeAdapter, ValidationError

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from etalase.ci.changes import ADDED, DELETED, Changes, GitError, changed_posts
from etalase.ci.github import DRAFT, SCHEDULED, PostRow, annotation, read_problems, summary_markdown
from etalase.content.categories import REGISTRY
from etalase.content.load import Loaded, load_content
from etalase.content.photo_files import PHOTO_SUFFIXES
from etalase.content.problems import Problem
from etalase.content.schema import DateTimeWithZone, Regions, Slug
from etalase.content.settings import parse_now
from etalase.content.structure import places_of
from etalase.content.zones import written

BUILD = ["-m", "etalase", "build"]
"""The build as a person runs it (``etalase build``), in a process of its own."""
EXIT_USAGE = 2
METADATA_POSTS = 50
"""Posts named in ``pr.json``: as many as the comment shows (``preview_comment.MAX_POSTS``)."""
_SLUG = TypeAdapter(Slug)
_DATE = TypeAdapter(DateTimeWithZone)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    repo = args.repo.resolve()
    content_dir = args.content.resolve() if args.content else repo / "content"
    try:
        content_rel = content_dir.relative_to(repo).as_posix()
        changes = changed_posts(str(repo), args.base, args.head, content_rel)
    except (GitError, ValueError) as error:
        print(
            f"Tidak bisa membandingkan {args.base}..{args.head}: {error} (cannot compare the commits)", file=sys.stderr
        )
        return EXIT_USAGE
    try:
        now = parse_now(args.now)
    except ValueError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE

    code, problems = _build(args, repo, content_dir, now)
    for problem in problems:
        print(annotation(problem))
    sys.stdout.flush()

    loaded = load_content(content_dir)
    warnings = dated_long_ago(changes, repo, loaded, now)
    for warning in warnings:
        print(annotation(warning, level="warning"))
    rows = post_rows(changes, problems, repo, loaded, now)
    if args.summary:
        with args.summary.open("a", encoding="utf-8") as out:
            out.write(
                summary_markdown(
                    rows,
                    problems,
                    changes.outside,
                    changes.other_content,
                    code,
                    site_built=args.site_dir is not None,
                    warnings=warnings,
                )
            )
    if args.metadata:
        args.metadata.parent.mkdir(parents=True, exist_ok=True)
        args.metadata.write_text(
            json.dumps(metadata(args.pr, rows, problems, code), ensure_ascii=False) + "\n", encoding="utf-8"
        )
    return code


STALE_DAYS = 30
"""A new post dated more than this many days before the check is probably dated by its event, not its publication."""


def dated_long_ago(changes: Changes, repo: Path, loaded: Loaded, now: datetime) -> list[Problem]:
    """A warning for each post this PR adds whose date is more than :data:`STALE_DAYS` days before ``now``.

    The date is the publication date: a post dated months back goes straight
    into the archive and never reaches the home page, which is rarely what the
    creator meant (the event's own date belongs in the category's block).
    """
    added = {(repo / post.index).resolve() for post in changes.posts if post.change == ADDED}
    warnings = []
    for raw in loaded.posts:
        date = raw.document.data.get("date")
        if raw.path.resolve() not in added or not isinstance(date, str | datetime):
            continue
        try:
            moment = _DATE.validate_python(date)
        except ValueError:
            continue  # the check reports it
        days = (now - moment).days
        if days > STALE_DAYS:
            warnings.append(
                Problem(
                    raw.display,
                    raw.document.line_of(("date",)),
                    "date",
                    f"pos baru ini bertanggal {days} hari sebelum hari ini; date adalah tanggal terbit, dan pos "
                    f"bertanggal lama langsung masuk arsip tanpa tampil di beranda. Bila itu tanggal acara atau "
                    f"kunjungan, tulis tanggal terbit di date (mis. hari ini) dan tanggal acara di ceritanya atau di "
                    f"blok kategori",
                    f"this new post is dated {days} days ago; date is the publication date, and an old date sends the "
                    f"post straight to the archive, never to the home page. If it is the event's date, write today's "
                    f"date in date and the event's date in the story or the category block",
                )
            )
    return warnings


def _build(args: argparse.Namespace, repo: Path, content_dir: Path, now: datetime) -> tuple[int, list[Problem]]:
    """Run ``etalase build`` from the repository root, as a person would."""
    with tempfile.TemporaryDirectory() as tmp:
        problems_file = Path(tmp) / "problems.json"
        command = [
            sys.executable,
            *BUILD,
            "--config",
            str(args.config.resolve()),
            "--content",
            str(content_dir),
            "--now",
            now.isoformat(),
            "--preview-scheduled",
            "--problems-json",
            str(problems_file),
        ]
        command += ["--site-dir", str(args.site_dir.resolve())] if args.site_dir else ["--check"]
        sys.stdout.flush()
        code = subprocess.run(command, cwd=repo).returncode
        return code, read_problems(problems_file)


def post_rows(changes: Changes, problems: list[Problem], repo: Path, loaded: Loaded, now: datetime) -> list[PostRow]:
    """One summary row per changed post, from its files as they are in the PR."""
    raw_by_path = {raw.path.resolve(): raw for raw in loaded.posts}
    creator_names = {raw.path.stem: str(raw.document.data.get("name") or raw.path.stem) for raw in loaded.creators}
    places = {}
    if loaded.regions:
        try:
            places = places_of(Regions.model_validate(loaded.regions.document.data))
        except ValueError:
            pass  # the build reports it; the summary shows region ids

    problem_counts = _problems_by_folder(problems)
    rows = []
    for post in changes.posts:
        if post.change == DELETED:
            rows.append(PostRow(path=str(post.index), change=post.change))
            continue
        data: dict[str, Any] = {}
        raw = raw_by_path.get((repo / post.index).resolve())
        if raw is not None:
            data = raw.document.data
        count = problem_counts[post.bundle]
        state, publish_at = ("", "") if count else _state(data, now)
        named = data.get("creators")
        creators = named if isinstance(named, list) else []
        region = data.get("region")
        category = data.get("category")
        rows.append(
            PostRow(
                path=str(post.index),
                change=post.change,
                title=str(data.get("title") or ""),
                category=(REGISTRY[category].label if category in REGISTRY else category)
                if isinstance(category, str)
                else "",
                creators=", ".join(creator_names.get(str(c), str(c)) for c in creators),
                region=places[region].label if isinstance(region, str) and region in places else str(region or ""),
                photos=_photo_count(repo / post.bundle),
                problems=count,
                state=state,
                publish_at=publish_at,
            )
        )
    return rows


def _problems_by_folder(problems: list[Problem]) -> Counter[PurePosixPath]:
    """How many problems each folder holds, its subfolders' included (one pass, for thousands of posts)."""
    counts: Counter[PurePosixPath] = Counter()
    for problem in problems:
        path = PurePosixPath(problem.path.as_posix())
        counts.update([path, *path.parents])
    return counts


def _photo_count(bundle: Path) -> int:
    """Photo files in the bundle folder: each one needs credit, licence and consent."""
    if not bundle.is_dir():
        return 0
    return sum(1 for f in bundle.rglob("*") if f.is_file() and f.suffix.lower() in PHOTO_SUFFIXES)


def _state(data: dict[str, Any], now: datetime) -> tuple[str, str]:
    """``(draf, "")`` or ``(terjadwal, when)`` for a valid post that the site will not show yet."""
    category = data.get("category")
    model = REGISTRY.post_model(category) if isinstance(category, str) and category in REGISTRY else None
    if model is None:
        return "", ""
    try:
        meta = model.model_validate(data)
    except ValueError:
        return "", ""
    if meta.draft:
        return DRAFT, ""
    if meta.date > now:
        return SCHEDULED, written(meta.date)
    return "", ""


def metadata(pr: int | None, rows: list[PostRow], problems: list[Problem], code: int) -> dict[str, Any]:
    """What the preview-comment workflow may know: numbers, folder names, statuses.

    The first :data:`METADATA_POSTS` posts are named, with ``posts_total``; a
    folder name that is not a slug (the check reports it) is named ``null``,
    so that the reader, which accepts slugs only, still writes the comment.
    """
    return {
        "pr": pr,
        "ok": code == 0,
        "problems": len(problems),
        "posts_total": len(rows),
        "posts": [
            {"slug": _slug_or_none(PurePosixPath(row.path).parent.name), "change": row.change, "status": _status(row)}
            for row in rows[:METADATA_POSTS]
        ],
    }


def _slug_or_none(name: str) -> str | None:
    try:
        return _SLUG.validate_python(name)
    except ValidationError:
        return None


def _status(row: PostRow) -> str:
    """``dihapus``, ``masalah``, ``draf``, ``terjadwal`` or ``ok``."""
    if row.change == DELETED:
        return DELETED
    return "masalah" if not row.ok else row.state or "ok"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description="Pemeriksaan PR: bangun, tandai masalah, ringkas pos yang berubah. "
        "(PR check: build, annotate, summarise.)"
    )
    parser.add_argument("--base", required=True, help="commit dasar, mis. HEAD^1 atau SHA cabang tujuan")
    parser.add_argument("--head", default="HEAD", help="commit PR (bawaan: HEAD)")
    parser.add_argument("--repo", type=Path, default=Path.cwd(), help="akar repositori (bawaan: folder kerja)")
    parser.add_argument("--content", type=Path, help="folder konten (bawaan: content/ di repositori)")
    parser.add_argument(
        "--config", type=Path, default=Path("mkdocs.yml"), help="berkas mkdocs.yml (bawaan: di repositori)"
    )
    parser.add_argument("--site-dir", type=Path, help="bangun situs ke sini; tanpa ini hanya diperiksa")
    parser.add_argument(
        "--summary", type=Path, help="tambahkan ringkasan Markdown ke berkas ini ($GITHUB_STEP_SUMMARY)"
    )
    parser.add_argument("--metadata", type=Path, help="tulis data untuk komentar pratinjau (JSON)")
    parser.add_argument("--pr", type=int, help="nomor PR, untuk --metadata")
    parser.add_argument("--now", help="anggap waktu sekarang ini (ISO)")
    return parser


if __name__ == "__main__":
    sys.exit(main())
