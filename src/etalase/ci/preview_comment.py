#!/usr/bin/env python3
"""Write the PR comment that links to a PR check's preview, from untrusted data.

    python3 src/etalase/ci/preview_comment.py pr --metadata DATA/pr.json --github-output "$GITHUB_OUTPUT"
    python3 src/etalase/ci/preview_comment.py comment --metadata DATA/pr.json --changed-files FILES \\
        --conclusion success --run-url URL --artifact-url URL --head-sha SHA --output comment.md

It runs in the ``workflow_run`` job that holds a write token, on the default
branch's code. ``pr.json`` comes from the PR's own run, which the PR's author
controls (a PR can change the workflow it runs), so it is data to check, not
to trust: it must be small JSON of the expected shape, the PR number digits,
every post name a slug and every status one of a fixed set. Nothing from it is
echoed except those checked values.

``pr`` only checks the data and gives the PR number; the workflow then
confirms with the API that the PR's head commit is the run's, and lists the
PR's files (``--changed-files``, one path a line, from the API, never from
the artifact). ``comment`` writes the body. The preview is offered only when
every file the PR changes is under ``content/``: otherwise the preview was
built by the PR's own code (templates, scripts, workflow) and may carry
anything, so the comment says why it is not offered instead.

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
STATUSES = {
    "ok": "✅ ok",
    "masalah": "❌ ada masalah",
    "dihapus": "dihapus",
    "terjadwal": "✅ ok (terjadwal; tampil di pratinjau bertanda *Terjadwal*)",
    "draf": "✅ ok (draf; tidak tampil di pratinjau)",
}
RUN_URL = re.compile(r"https://github\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+/actions/runs/\d+(/attempts/\d+)?")
ARTIFACT_URL = re.compile(r"https://github\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+/actions/runs/\d+/artifacts/\d+")
SHA = re.compile(r"[0-9a-f]{40}")
CONTENT = "content/"
"""What a PR may change for its preview to be offered: the content folder, which the pipeline treats as untrusted."""
API_FILES_MAX = 3000
"""GitHub's API lists at most this many files of a pull request; a longer list cannot be judged."""


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
    total = data.get("posts_total", len(posts))  # absent from PR branches made before the field existed
    if not (isinstance(total, int) and not isinstance(total, bool) and len(posts) <= total < 10**7):
        raise Invalid("posts_total harus angka, paling sedikit sebanyak posts")
    checked = []
    for post in posts[:MAX_POSTS]:
        if not isinstance(post, dict):
            raise Invalid("setiap pos harus objek")
        slug, change, status = post.get("slug"), post.get("change"), post.get("status")
        if not (slug is None or (isinstance(slug, str) and len(slug) <= 80 and SLUG.fullmatch(slug))):
            raise Invalid("nama folder pos bukan slug")
        if change not in CHANGES or status not in STATUSES:
            raise Invalid("perubahan atau status pos tidak dikenal")
        checked.append({"slug": slug, "change": change, "status": status})
    return {"pr": pr, "ok": data["ok"], "problems": problems, "posts": checked, "more": total - len(checked)}


def read_changed_files(path: Path) -> list[str]:
    """The PR's files as the workflow listed them from the API, one a line (renames: both names)."""
    return [line for line in path.read_text(encoding="utf-8", errors="replace").splitlines() if line]


def withheld_because(changed: list[str]) -> str | None:
    """Why the preview must not be offered, in Bahasa Indonesia; ``None`` when the PR changes only ``content/``.

    A file name holding a line break is read as two lines: the second never
    starts a path under ``content/`` unless it does in the name itself, so
    such a name can only withhold the preview, never offer it.
    """
    if not changed:
        return "GitHub tidak memberi daftar berkas PR ini"
    if len(changed) >= API_FILES_MAX:
        listed = f"{API_FILES_MAX:,}".replace(",", ".")
        return (
            f"GitHub hanya memberi {listed} nama berkas pertama PR ini, "
            "jadi tidak bisa dipastikan semuanya di `content/`"
        )
    outside = sum(1 for name in changed if not name.startswith(CONTENT))
    if outside:
        return (
            f"PR ini juga mengubah {outside} berkas di luar `content/` (kode, templat, konfigurasi, "
            "atau alur kerja; lihat tab *Files changed*)"
        )
    return None


def comment(
    data: dict[str, Any], conclusion: str, run_url: str, artifact_url: str | None, head_sha: str, withheld: str | None
) -> str:
    """The comment body, in Bahasa Indonesia; ``withheld`` says why the preview is not offered."""
    lines = [MARKER, "### Pemeriksaan dan pratinjau situs", ""]
    if conclusion == "success" and data["ok"]:
        lines.append(f"✅ Pemeriksaan **berhasil**: konten beres dan situs terbangun. [Lihat ringkasan]({run_url}).")
    elif data["problems"]:
        lines.append(
            f"❌ Pemeriksaan menemukan **{data['problems']} masalah**. Setiap masalah ditandai pada "
            f"barisnya di tab *Files changed*; daftar lengkap ada di [ringkasan pemeriksaan]({run_url})."
        )
    else:
        lines.append(f"❌ Pemeriksaan **gagal** (`{conclusion}`). Lihat [log pemeriksaan]({run_url}).")
    lines.append("")
    if data["posts"]:
        lines += ["| Pos | Perubahan | Status |", "| --- | --- | --- |"]
        lines += [f"| {_folder(p['slug'])} | {p['change']} | {STATUSES[p['status']]} |" for p in data["posts"]]
        if data["more"]:
            lines.append(f"| … dan {data['more']} pos lain (lihat ringkasan) | | |")
        lines.append("")
    if withheld:
        lines += [
            (
                f"**Pratinjau tidak ditawarkan:** {withheld}. Situs pratinjau PR ini dibangun dengan kode dari "
                "PR itu sendiri, jadi bisa memuat skrip yang tidak aman dibuka di komputer Anda. Pengelola "
                "meninjau perubahan di luar `content/` lebih dulu (CODEOWNERS); setelah digabung, hasilnya "
                "tampil di situs utama."
            ),
            "",
        ]
    elif artifact_url:
        lines += [
            (
                f"**Pratinjau:** [unduh artefak `pratinjau-situs`]({artifact_url}), ekstrak, jalankan "
                "`python3 -m http.server 8000` di folder hasil ekstrak, lalu buka http://127.0.0.1:8000/. "
                "GitHub Pages hanya menampung situs utama, jadi pratinjau per PR berupa artefak (disimpan 7 hari)."
            ),
            "",
        ]
    lines.append(f"<sub>Diperbarui otomatis untuk commit `{head_sha[:7]}`.</sub>")
    return "\n".join(lines) + "\n"


def _folder(slug: str | None) -> str:
    return f"`{slug}`" if slug else "*(nama folder tidak sah)*"


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "comment" and (
        not RUN_URL.fullmatch(args.run_url)
        or not SHA.fullmatch(args.head_sha)
        or not re.fullmatch(r"[a-z_]+", args.conclusion)
        or (args.artifact_url and not ARTIFACT_URL.fullmatch(args.artifact_url))
    ):
        print("Argumen dari peristiwa GitHub tidak berbentuk semestinya. (unexpected event values)", file=sys.stderr)
        return 2
    try:
        data = read_metadata(args.metadata)
    except Invalid as error:
        print(f"Data pratinjau ditolak: {error}. (preview data rejected)", file=sys.stderr)
        return 1
    if args.command == "pr":
        if args.github_output:
            with args.github_output.open("a", encoding="utf-8") as out:
                out.write(f"pr={data['pr']}\n")
        print(f"Data pratinjau untuk PR #{data['pr']} diterima. (preview data accepted)")
        return 0
    try:
        withheld = withheld_because(read_changed_files(args.changed_files))
    except OSError as error:
        print(f"Daftar berkas PR tidak terbaca: {error} (changed-file list unreadable)", file=sys.stderr)
        return 2
    args.output.write_text(
        comment(data, args.conclusion, args.run_url, args.artifact_url or None, args.head_sha, withheld),
        encoding="utf-8",
    )
    print(
        f"Komentar untuk PR #{data['pr']} ditulis ke {args.output}"
        + (" (pratinjau tidak ditawarkan)" if withheld else "")
        + ". (comment written)"
    )
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="Tulis komentar pratinjau PR. (Write the PR preview comment.)")
    commands = parser.add_subparsers(dest="command", required=True)
    pr = commands.add_parser("pr", help="periksa data dan beri nomor PR (check the data, give the PR number)")
    pr.add_argument("--github-output", type=Path, help="tambahkan pr=<nomor> ke berkas ini ($GITHUB_OUTPUT)")
    write = commands.add_parser("comment", help="tulis isi komentar (write the comment body)")
    write.add_argument(
        "--changed-files",
        type=Path,
        required=True,
        help="berkas yang diubah PR, satu per baris, dari API GitHub (never from the artifact)",
    )
    write.add_argument("--conclusion", required=True, help="hasil run pemeriksaan: success atau failure")
    write.add_argument("--run-url", required=True)
    write.add_argument("--artifact-url", default="", help="tautan artefak pratinjau-situs, bila ada")
    write.add_argument("--head-sha", required=True)
    write.add_argument("--output", type=Path, required=True, help="tulis isi komentar ke sini")
    for command in (pr, write):
        command.add_argument("--metadata", type=Path, required=True, help="pr.json dari artefak (tidak dipercaya)")
    return parser


if __name__ == "__main__":
    sys.exit(main())
