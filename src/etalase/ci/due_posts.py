#!/usr/bin/env python3
"""Decide whether the hourly run must publish: has a scheduled post's time come since the last publication?

    etalase ci due --since 2026-12-01T01:17:04Z --github-output "$GITHUB_OUTPUT"

The deploy workflow runs every hour (see ``.github/workflows/deploy.yml``)
and passes ``--since``: when the last successful run of that workflow on the
default branch started (``created_at`` from GitHub's API). Any post that is
not a draft and dated after that moment and at or before now is *due*, and
the run rebuilds and publishes the site; otherwise it stops after this
check, so that an hour with nothing new deploys nothing.

A run that failed or was cancelled is not successful, so the next one looks
further back and tries again. An empty ``--since`` (no successful run yet)
publishes, and so does content with problems: the build then reports them.

Writes ``publish=true`` or ``publish=false`` to ``--github-output`` and says
why on standard output. Exit status: 0, or 2 when used wrongly.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from etalase.content.load import load_content
from etalase.content.validate import validate

EXIT_USAGE = 2


def due_reason(content_dir: Path, since: datetime | None, now: datetime) -> str | None:
    """Why the site must be published now, or ``None`` when nothing has become due since ``since``."""
    if since is None:
        return "belum ada run berhasil sebelumnya (no earlier successful run)"
    content, problems = validate(load_content(content_dir), now)
    if content is None:
        return f"konten bermasalah ({len(problems)} masalah); build akan melaporkannya (content has problems)"
    due = [post for post in content.posts if post.meta.date > since]
    if not due:
        return None
    names = ", ".join(post.source.parent.name for post in due)
    return f"{len(due)} pos terjadwal sudah tiba waktunya: {names} ({len(due)} scheduled posts are due)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Apakah ada pos terjadwal yang tiba waktunya sejak terbit terakhir? "
        "(Has a scheduled post become due since the last publication?)"
    )
    parser.add_argument("--since", required=True, help="waktu run berhasil terakhir (ISO); kosong: belum ada")
    parser.add_argument("--now", help="anggap waktu sekarang ini (ISO)")
    parser.add_argument("--content", type=Path, default=Path("content"), help="folder konten")
    parser.add_argument("--github-output", type=Path, help="tambahkan publish=true|false ke berkas ini")
    args = parser.parse_args(argv)
    try:
        since = _moment(args.since) if args.since else None
        now = _moment(args.now) if args.now else datetime.now(UTC)
    except ValueError as error:
        print(f"Waktu bukan ISO yang sah: {error} (not an ISO date-time)", file=sys.stderr)
        return EXIT_USAGE

    reason = due_reason(args.content, since, now)
    print(
        f"Terbitkan: {reason}."
        if reason
        else f"Tidak ada pos yang tiba waktunya sejak {args.since}; situs tidak diterbitkan ulang. (nothing is due)"
    )
    if args.github_output:
        with args.github_output.open("a", encoding="utf-8") as out:
            out.write(f"publish={'true' if reason else 'false'}\n")
    return 0


def _moment(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


if __name__ == "__main__":
    sys.exit(main())
