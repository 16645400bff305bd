#!/usr/bin/env python3
"""Write the PR comment that links to a PR check's preview, from untrusted data.

    python3 scripts/preview_comment.py --metadata DATA/pr.json --conclusion success \\
        --run-url URL --artifact-url URL --head-sha SHA --output comment.md --github-output "$GITHUB_OUTPUT"

It runs in the ``workflow_run`` job that holds a write token, on the default
branch's code. ``pr.json`` comes from the PR's own run, which the PR's author
controls (a PR can change the workflow it runs), so it is data to check, not
to trust: it must be small JSON of the expected shape, the PR number digits,
every post name a slug and every status one of a fixed set. Nothing from it is
echoed except those checked values. The workflow then confirms with the API
that the PR's head commit is the run's before it writes the comment.

Only the standard library is used: the job installs nothing.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

MARKER = "<!-- etalase-pratinjau -->"
"""First line of the comment, so the workflow finds and updates its own comment."""
MAX_BYTES = 64 * 1024
MAX_POSTS = 50
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
CHANGES = {"baru", "diubah", "dihapus"}
STATUSES = {"ok": "✅ ok", "masalah": "❌ ada masalah", "dihapus": "dihapus"}
RUN_URL = re.compile(r"https://github\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+/actions/runs/\d+(/attempts/\d+)?")
ARTIFACT_URL = re.compile(r"https://github\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+/actions/runs/\d+/artifacts/\d+")
SHA = re.compile(r"[0-9a-f]{40}")


class Invalid(Exception):
    """The data does not have the expected shape; the message says what."""


def read_metadata(path: Path) -> dict[str, Any]:
    """``pr.json`` checked field by field; raises :class:`Invalid`."""
    if not path.is_file() or path.is_symlink():
        raise Invalid(f"{path} tidak ada atau bukan berkas biasa")
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        raise Invalid(f"{path} terlalu besar ({len(raw)} bita)")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise Invalid(f"{path} bukan JSON yang sah: {error}") from None
    if not isinstance(data, dict):
        raise Invalid("isi harus objek JSON")
    pr = data.get("pr")
    if not (isinstance(pr, int) and not isinstance(pr, bool) and 0 < pr < 10**9):
        raise Invalid("pr harus nomor PR (angka)")
    problems = data.get("problems")
    if not (isinstance(problems, int) and not isinstance(problems, bool) and 0 <= problems < 10**6):
        raise Invalid("problems harus angka")
    if not isinstance(data.get("ok"), bool):
        raise Invalid("ok harus true atau false")
    posts = data.get("posts")
    if not isinstance(posts, list):
        raise Invalid("posts harus daftar")
    checked = []
    for post in posts[:MAX_POSTS]:
        if not isinstance(post, dict):
            raise Invalid("setiap pos harus objek")
        slug, change, status = post.get("slug"), post.get("change"), post.get("status")
        if not (isinstance(slug, str) and len(slug) <= 80 and SLUG.fullmatch(slug)):
            raise Invalid("nama folder pos bukan slug")
        if change not in CHANGES or status not in STATUSES:
            raise Invalid("perubahan atau status pos tidak dikenal")
        checked.append({"slug": slug, "change": change, "status": status})
    return {"pr": pr, "ok": data["ok"], "problems": problems, "posts": checked, "more": max(0, len(posts) - MAX_POSTS)}


def comment(data: dict[str, Any], conclusion: str, run_url: str, artifact_url: str | None, head_sha: str) -> str:
    """The comment body, in Bahasa Indonesia."""
    lines = [MARKER, "### Pemeriksaan dan pratinjau situs", ""]
    if conclusion == "success" and data["ok"]:
        lines.append(f"✅ Pemeriksaan **berhasil**: konten beres dan situs terbangun. [Lihat ringkasan]({run_url}).")
    elif data["problems"]:
        lines.append(f"❌ Pemeriksaan menemukan **{data['problems']} masalah**. Setiap masalah ditandai pada "
                     f"barisnya di tab *Files changed*; daftar lengkap ada di [ringkasan pemeriksaan]({run_url}).")
    else:
        lines.append(f"❌ Pemeriksaan **gagal** (`{conclusion}`). Lihat [log pemeriksaan]({run_url}).")
    lines.append("")
    if data["posts"]:
        lines += ["| Pos | Perubahan | Status |", "| --- | --- | --- |"]
        lines += [f"| `{p['slug']}` | {p['change']} | {STATUSES[p['status']]} |" for p in data["posts"]]
        if data["more"]:
            lines.append(f"| … dan {data['more']} pos lain | | |")
        lines.append("")
    if artifact_url:
        lines += [(f"**Pratinjau:** [unduh artefak `pratinjau-situs`]({artifact_url}), ekstrak, jalankan "
                   "`python3 -m http.server 8000` di folder hasil ekstrak, lalu buka http://127.0.0.1:8000/. "
                   "GitHub Pages hanya menampung situs utama, jadi pratinjau per PR berupa artefak (disimpan 7 hari)."),
                  ""]
    lines.append(f"<sub>Diperbarui otomatis untuk commit `{head_sha[:7]}`.</sub>")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Tulis komentar pratinjau PR. (Write the PR preview comment.)")
    parser.add_argument("--metadata", type=Path, required=True, help="pr.json dari artefak (tidak dipercaya)")
    parser.add_argument("--conclusion", required=True, help="hasil run pemeriksaan: success, failure, …")
    parser.add_argument("--run-url", required=True)
    parser.add_argument("--artifact-url", default="", help="tautan artefak pratinjau-situs, bila ada")
    parser.add_argument("--head-sha", required=True)
    parser.add_argument("--output", type=Path, required=True, help="tulis isi komentar ke sini")
    parser.add_argument("--github-output", type=Path, help="tambahkan pr=<nomor> ke berkas ini ($GITHUB_OUTPUT)")
    args = parser.parse_args(argv)

    if not RUN_URL.fullmatch(args.run_url) or not SHA.fullmatch(args.head_sha) \
            or not re.fullmatch(r"[a-z_]+", args.conclusion) \
            or (args.artifact_url and not ARTIFACT_URL.fullmatch(args.artifact_url)):
        print("Argumen dari peristiwa GitHub tidak berbentuk semestinya. (unexpected event values)", file=sys.stderr)
        return 2
    try:
        data = read_metadata(args.metadata)
    except Invalid as error:
        print(f"Data pratinjau ditolak: {error}. (preview data rejected)", file=sys.stderr)
        return 1
    args.output.write_text(comment(data, args.conclusion, args.run_url, args.artifact_url or None, args.head_sha),
                           encoding="utf-8")
    if args.github_output:
        with args.github_output.open("a", encoding="utf-8") as out:
            out.write(f"pr={data['pr']}\n")
    print(f"Komentar untuk PR #{data['pr']} ditulis ke {args.output}. (comment written)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
