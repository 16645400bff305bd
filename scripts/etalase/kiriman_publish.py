"""The write side of a form submission: check the converter's artifact, word the PR and the replies.

``.github/workflows/kiriman.yml`` runs the converter (:mod:`etalase.kiriman`)
in a read-only job, on the issue's untrusted text, and uploads what it made as
an artifact: ``hasil.json`` (the converter's report), ``konten/`` (the new
bundle and, for a new creator, the creator file) and ``periksa.md`` (the PR
check's summary). A second job holds the write token; it runs this module on
the default branch's code and treats the artifact as untrusted data:

``accept``
    ``hasil.json`` must be small JSON of the expected shape and name the
    workflow's issue; ``konten/`` must hold exactly the files a conversion
    writes (``posts/<slug>/index.md``, ``sampul.<ext>``, ``foto-<n>.<ext>``,
    ``creators/<id>.yml``), regular files within the photo limits, under
    names made of safe characters, and nothing that already exists. The files
    are copied into ``content/`` and the whole content folder is validated
    again. Then the PR's title, body (crediting the creator, ``Closes #N``,
    the creator's statements and the PR template's editor checklist), the
    commit message and the PR-check comment are written to ``--out``.
``comment``
    The issue comment: what to fix (field by field), or the pull request's
    link and a preview, or why the run could not finish.

Every comment starts with a marker so the workflow updates its own comment
instead of adding one per edit.
"""

from __future__ import annotations

import argparse
import re
import shutil
import stat
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .categories import REGISTRY
from .github import md_text
from .images import ImageSettings
from .issue_form import CONSENT, MAX_PHOTOS
from .load import CREATORS_DIR, POST_FILE, POSTS_DIR, load_content
from .schema import COVER_STEM, GALLERY_STEM, GitHubLogin, Slug
from .validate import validate

ISSUE_MARKER = "<!-- etalase-kiriman -->"
"""First line of the issue comment."""
CHECK_MARKER = "<!-- etalase-kiriman-periksa -->"
"""First line of the PR-check comment on the pull request."""
BOT_EMAIL = "41898282+github-actions[bot]@users.noreply.github.com"
"""Author of the workflow's commits: a branch whose last commit has another author was changed by an editor."""
MAX_RESULT_BYTES = 256 * 1024
MAX_SUMMARY_CHARS = 60_000
"""GitHub refuses comments over 65,536 characters."""
MAX_PROBLEMS_SHOWN = 60
TEMPLATE = Path(".github") / "PULL_REQUEST_TEMPLATE.md"
EDITOR_SECTION = "## Daftar periksa editor"
_PHOTO = re.compile(rf"(?:{re.escape(COVER_STEM)}|{re.escape(GALLERY_STEM)}-\d{{1,2}})\.(?:jpg|png|webp|heic)")
_URL = re.compile(
    r"https://github\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+/"
    r"(?:pull/\d+|actions/runs/\d+(?:/artifacts/\d+)?)"
)
"""The only addresses a comment links: a pull request, a run, an artifact of this repository's kind."""

Text = Annotated[str, Field(max_length=2000)]


class Reported(BaseModel):
    """One problem of ``hasil.json``."""

    model_config = ConfigDict(extra="forbid", strict=True)
    label: Text
    field: Annotated[str, Field(max_length=100, pattern=r"^[A-Za-z0-9_-]*$")]
    message: Text
    message_en: Text
    item: Annotated[str, Field(max_length=40)]
    item_en: Annotated[str, Field(max_length=40)]


class Result(BaseModel):
    """``hasil.json``, the converter's report, as the write job accepts it."""

    model_config = ConfigDict(extra="forbid", strict=True)
    ok: bool
    issue: Annotated[int, Field(gt=0, lt=10**9)]
    author: GitHubLogin
    category: Literal["wisata", "umkm", "budaya", "pembangunan"] | None
    title: Annotated[str, Field(max_length=300)] | None
    summary: Annotated[str, Field(max_length=1000)] | None
    region: Annotated[str, Field(max_length=300)] | None
    slug: Slug | None
    creator: Slug | None
    creator_new: bool
    photos: Annotated[int, Field(ge=0, le=MAX_PHOTOS)]
    bundle: Annotated[str, Field(max_length=100, pattern=r"^posts/[a-z0-9-]+$")] | None
    creator_file: Annotated[str, Field(max_length=100, pattern=r"^creators/[a-z0-9-]+\.yml$")] | None
    problems: Annotated[list[Reported], Field(max_length=500)]


class Refused(Exception):
    """The artifact is not what a conversion makes; the message says why (for the log and the comment)."""


def read_result(path: Path, issue: int) -> Result:
    """``hasil.json`` checked field by field; it must be about ``issue``."""
    if not path.is_file() or path.is_symlink():
        raise Refused(f"{path.name} tidak ada atau bukan berkas biasa")
    raw = path.read_bytes()
    if len(raw) > MAX_RESULT_BYTES:
        raise Refused(f"{path.name} terlalu besar")
    try:
        result = Result.model_validate_json(raw)
    except ValidationError as error:
        raise Refused(f"{path.name} tidak berbentuk hasil konversi ({error.error_count()} isian salah)") from None
    if result.issue != issue:
        raise Refused(f"{path.name} untuk issue #{result.issue}, bukan #{issue}")
    if result.ok and (
        result.slug is None
        or result.creator is None
        or result.category is None
        or result.bundle != f"{POSTS_DIR}/{result.slug}"
        or (result.creator_file is not None) != result.creator_new
        or result.creator_file not in (None, f"{CREATORS_DIR}/{result.creator}.yml")
    ):
        raise Refused(f"{path.name} tidak utuh")
    return result


# --------------------------------------------------------------------------
# accept
# --------------------------------------------------------------------------


def expected_files(result: Result, files: list[str]) -> None:
    """Refuse anything a conversion of ``result`` does not write."""
    bundle = f"{POSTS_DIR}/{result.slug}/"
    photos = [name for name in files if name.startswith(bundle) and _PHOTO.fullmatch(name.removeprefix(bundle))]
    allowed = {bundle + POST_FILE, *photos} | ({result.creator_file} if result.creator_file else set())
    unexpected = sorted(set(files) - allowed)
    if unexpected:
        raise Refused(f"berkas yang tidak dibuat oleh konversi: {', '.join(unexpected[:5])}")
    if bundle + POST_FILE not in files or not photos or len(photos) > MAX_PHOTOS:
        raise Refused("folder pos tidak utuh (index.md dan foto)")


def list_files(root: Path, settings: ImageSettings) -> list[str]:
    """Every file under ``root`` (relative, ``/``-separated): regular files only, none too large."""
    files = []
    for path in sorted(root.rglob("*")):
        info = path.lstat()
        if stat.S_ISDIR(info.st_mode):
            continue
        if not stat.S_ISREG(info.st_mode):
            raise Refused(f"{path.relative_to(root).as_posix()} bukan berkas biasa")
        if info.st_size > settings.max_bytes:
            raise Refused(f"{path.relative_to(root).as_posix()} terlalu besar")
        files.append(path.relative_to(root).as_posix())
    return files


def accept(artifact: Path, content_dir: Path, issue: int, settings: ImageSettings) -> Result:
    """Check the artifact of ``issue`` and copy its files into ``content_dir``; the content must stay valid."""
    result = read_result(artifact / "hasil.json", issue)
    if not result.ok:
        return result
    source = artifact / "konten"
    if not source.is_dir() or source.is_symlink():
        raise Refused("folder konten kiriman tidak ada")
    files = list_files(source, settings)
    expected_files(result, files)
    for name in files:
        if (content_dir / name).exists() or (content_dir / name).is_symlink():
            raise Refused(f"{name} sudah ada di repositori")
    for name in files:
        (content_dir / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / name, content_dir / name)
    content, problems = validate(load_content(content_dir), datetime.now(UTC))
    if problems or content is None:
        raise Refused(f"konten tidak lolos pemeriksaan setelah kiriman disalin ({len(problems)} masalah)")
    # The post is the issue author's: credited to the creator the report names, a new creator to the author.
    post = next(post for post in content.posts + content.unpublished if post.bundle.name == result.slug)
    creator = content.creators.get(result.creator or "")
    if (
        list(post.meta.creators) != [result.creator]
        or creator is None
        or (result.creator_new and (creator.data.github or "").casefold() != result.author.casefold())
    ):
        raise Refused("kreator pos tidak sesuai dengan pembuat issue")
    return result


# --------------------------------------------------------------------------
# Words for the pull request and the issue
# --------------------------------------------------------------------------


def editor_checklist(template: Path) -> str:
    """The PR template's editor checklist section, as it is written there."""
    text = template.read_text(encoding="utf-8")
    start = text.index(EDITOR_SECTION)
    end = text.find("\n## ", start + len(EDITOR_SECTION))
    return text[start : end if end != -1 else len(text)].strip()


def pr_title(result: Result) -> str:
    title = " ".join((result.title or "").split())
    return f"Pos baru: {title[:120]}" if title else f"Pos baru dari kiriman #{result.issue}"


def pr_body(result: Result, creator_name: str, template: Path) -> str:
    """The pull request: who sent it, the post, the creator's statements, the editor's checklist."""
    assert result.category is not None
    new = " (kreator baru: berkas kreatornya ikut di PR ini)" if result.creator_new else ""
    lines = [
        f"Kiriman lewat formulir dari @{result.author}, issue #{result.issue}. Terima kasih!",
        "",
        f"Closes #{result.issue}",
        "",
        "## Pos ini",
        "",
        f"- Judul: {md_text(result.title or '')}",
        f"- Kategori: {REGISTRY[result.category].label}",
        f"- Kreator: {md_text(creator_name)} (`{result.creator}`){new}",
        f"- Folder: `content/{result.bundle}/` ({result.photos} foto)",
        "- Siap terbit: `draft: false` (terbit setelah PR ini digabung)",
        "",
        f"Perubahan pada formulir (sunting issue #{result.issue}) memperbarui PR ini selama belum ada commit dari editor. "
        "Hasil pemeriksaan ada di komentar PR ini.",
        "",
        "## Pernyataan kreator (dari formulir)",
        "",
        *[f"- [x] {statement}" for statement in CONSENT],
        "",
        editor_checklist(template),
        "",
    ]
    return "\n".join(lines)


def commit_message(result: Result, creator_name: str, author_id: int) -> str:
    """The commit: the post's title, who sent it, and the creator as co-author (GitHub credits the account)."""
    title = " ".join((result.title or "").split())[:120]
    return (
        f"Pos baru dari formulir: {title}\n\nKiriman #{result.issue} oleh {creator_name} (@{result.author}).\n\n"
        f"Co-authored-by: {result.author} <{author_id}+{result.author}@users.noreply.github.com>\n"
    )


def check_comment(summary: Path) -> str:
    """The PR check's summary as a comment on the pull request (cut to what GitHub accepts)."""
    text = (
        summary.read_text(encoding="utf-8", errors="replace")
        if summary.is_file() and not summary.is_symlink()
        else "Ringkasan pemeriksaan tidak tersedia; lihat log alur kerja."
    )
    if len(text) > MAX_SUMMARY_CHARS:
        text = text[:MAX_SUMMARY_CHARS] + "\n\n… (dipotong; ringkasan lengkap ada di log alur kerja)"
    return f"{CHECK_MARKER}\n{text}\n"


def issue_comment(
    state: str, result: Result | None, *, pr_url: str = "", preview_url: str = "", run_url: str = "", reason: str = ""
) -> str:
    """The reply on the issue, in plain Bahasa Indonesia."""
    lines = [ISSUE_MARKER]
    if state == "problems" and result is not None:
        count = len(result.problems)
        lines += [
            f"### ✏️ Ada {count} hal yang perlu diperbaiki",
            "",
            "Terima kasih sudah mengirim! Sebelum kiriman ini menjadi pos, perbaiki isian berikut:",
            "",
        ]
        for problem in result.problems[:MAX_PROBLEMS_SHOWN]:
            where = ", ".join(part for part in (problem.label, problem.item) if part)
            lines.append(
                f"- **{md_text(where)}**: {md_text(problem.message)}" if where else f"- {md_text(problem.message)}"
            )
        if count > MAX_PROBLEMS_SHOWN:
            lines.append(f"- … dan {count - MAX_PROBLEMS_SHOWN} lagi (lihat log alur kerja)")
        lines += [
            "",
            "**Cara memperbaiki:** di issue ini, klik **⋯** (pojok kanan atas isi issue) → **Edit**, ubah "
            "isiannya, lalu **Update comment**. Pemeriksaan berjalan lagi sendiri dan komentar ini diperbarui. "
            "Bila *pull request* kiriman ini sudah pernah dibuka, isinya tetap versi terakhir yang lolos "
            "pemeriksaan sampai semua isian beres.",
            "",
            "<details><summary>English</summary>",
            "",
        ]
        for problem in result.problems[:MAX_PROBLEMS_SHOWN]:
            where = ", ".join(part for part in (problem.field, problem.item_en) if part)
            lines.append(f"- `{where}`: {md_text(problem.message_en)}" if where else f"- {md_text(problem.message_en)}")
        lines += ["", "</details>"]
    elif state == "ok" and result is not None:
        lines += [
            "### ✅ Kiriman Anda sudah menjadi pull request",
            "",
            f"Terima kasih, @{result.author}! Pos Anda sekarang menunggu tinjauan editor: {pr_url}",
            "",
            "Pratinjau kartunya:",
            "",
            f"> **{md_text(result.title or '')}**  ",
            f"> {md_text(result.summary or '')}  ",
            f"> {REGISTRY.labels().get(result.category or '', '')} · {md_text(result.region or '')} · "
            f"{result.photos} foto (yang pertama menjadi sampul)",
            "",
            f"Alamatnya setelah terbit: `/artikel/{result.slug}/`.",
        ]
        if preview_url:
            lines.append(
                f"Pratinjau seluruh situs untuk editor: {preview_url} (cara membukanya ada di panduan "
                "editor, bagian *Pratinjau situs*)."
            )
        lines += [
            "",
            "Ingin mengubah sesuatu? Sunting issue ini (**⋯** → **Edit**); PR ikut diperbarui selama editor "
            "belum mengubahnya. Editor bisa juga meminta perbaikan lewat komentar di PR.",
        ]
    elif state == "editor" and result is not None:
        lines += [
            "### ℹ️ PR kiriman ini sudah diubah editor",
            "",
            f"Perubahan pada formulir tidak diterapkan agar pekerjaan editor tidak hilang: {pr_url}. "
            "Tulis perubahan yang Anda inginkan sebagai komentar di PR itu.",
        ]
    else:
        lines += [
            "### ⚠️ Kiriman belum bisa diproses",
            "",
            "Terjadi masalah di sisi sistem, bukan di isian Anda. Editor sudah bisa melihatnya di log alur "
            f"kerja{': ' + run_url if run_url else ''}. Anda tidak perlu mengirim ulang.",
        ]
        if reason:
            lines += ["", f"<sub>{md_text(reason)}</sub>"]
    return "\n".join(lines) + "\n"


def creator_name(content_dir: Path, creator: str) -> str:
    """The creator's display name from ``content_dir/creators/<id>.yml`` (the id when it cannot be read)."""
    for raw in load_content(content_dir).creators:
        if raw.path.stem == creator:
            return str(raw.document.data.get("name") or creator)
    return creator


# --------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Terima hasil konversi kiriman dan susun PR serta komentar. "
        "(Accept a converted submission; word the PR and the replies.)"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    accept_cmd = commands.add_parser("accept", help="periksa artefak, salin ke content/, tulis teks PR")
    accept_cmd.add_argument("--artifact", type=Path, required=True)
    accept_cmd.add_argument("--content", type=Path, default=Path("content"))
    accept_cmd.add_argument("--issue", type=int, required=True)
    accept_cmd.add_argument("--author-id", type=int, required=True, help="id akun GitHub pembuat issue (co-author)")
    accept_cmd.add_argument("--out", type=Path, required=True, help="folder untuk judul, isi PR, pesan commit")
    accept_cmd.add_argument("--github-output", type=Path, help="$GITHUB_OUTPUT: ok, state, branch")
    comment_cmd = commands.add_parser("comment", help="tulis komentar issue")
    comment_cmd.add_argument("--artifact", type=Path, required=True)
    comment_cmd.add_argument("--issue", type=int, required=True)
    comment_cmd.add_argument("--state", choices=("ok", "problems", "editor", "failed"), required=True)
    comment_cmd.add_argument("--pr-url", default="")
    comment_cmd.add_argument("--preview-url", default="")
    comment_cmd.add_argument("--run-url", default="")
    comment_cmd.add_argument("--reason", default="")
    comment_cmd.add_argument("--output", type=Path, required=True)
    args = parser.parse_args(argv)

    if args.command == "accept":
        return _accept(args)
    result = None
    try:
        result = read_result(args.artifact / "hasil.json", args.issue)
    except Refused as refused:
        args.state, args.reason = "failed", args.reason or str(refused)
    urls = [url if _URL.fullmatch(url) else "" for url in (args.pr_url, args.preview_url, args.run_url)]
    args.output.write_text(
        issue_comment(args.state, result, pr_url=urls[0], preview_url=urls[1], run_url=urls[2], reason=args.reason),
        encoding="utf-8",
    )
    return 0


def _accept(args: argparse.Namespace) -> int:
    outputs = {"ok": "false", "state": "failed", "branch": f"kiriman/{args.issue}"}
    try:
        result = accept(args.artifact, args.content, args.issue, ImageSettings())
        outputs["state"] = "ok" if result.ok else "problems"
        outputs["ok"] = str(result.ok).lower()
        if result.ok:
            assert result.creator is not None
            name = creator_name(args.content, result.creator)
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / "pr-title.txt").write_text(pr_title(result) + "\n", encoding="utf-8")
            (args.out / "pr-body.md").write_text(pr_body(result, name, TEMPLATE), encoding="utf-8")
            (args.out / "commit-message.txt").write_text(commit_message(result, name, args.author_id), encoding="utf-8")
            (args.out / "periksa-komentar.md").write_text(check_comment(args.artifact / "periksa.md"), encoding="utf-8")
    except Refused as refused:
        print(f"Artefak kiriman ditolak: {refused} (artifact refused)", file=sys.stderr)
        outputs["reason"] = str(refused)
    if args.github_output:
        with args.github_output.open("a", encoding="utf-8") as out:
            for key, value in outputs.items():
                out.write(f"{key}={' '.join(value.split())}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
