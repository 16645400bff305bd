"""The write side of a form submission: check the converter's artifact, word the PR and the replies.

``.github/workflows/kiriman.yml`` runs the converter (:mod:`etalase.kiriman.convert`)
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
import html
import json
import re
import shutil
import stat
import sys
from datetime import UTC, date, datetime
from enum import Enum
from pathlib import Path
from typing import Annotated
from urllib.parse import quote

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from etalase.authoring.issue_form import CONSENT, MAX_PHOTOS
from etalase.build.theme import rupiah, tanggal
from etalase.ci.github import md_text
from etalase.content.categories import REGISTRY
from etalase.content.front_matter import parse_document, read_text
from etalase.content.load import CREATORS_DIR, POST_FILE, POSTS_DIR, load_content
from etalase.content.merge_dates import is_at_merge
from etalase.content.photo_privacy import not_clean
from etalase.content.schema import COVER_STEM, GALLERY_STEM, GitHubLogin, PostBase, Slug
from etalase.content.structure import Post
from etalase.content.validate import validate
from etalase.kiriman.gate import MAX_OPEN, as_dict, is_registered, registry_entry
from etalase.photos.types import ImageSettings

ISSUE_MARKER = "<!-- etalase-kiriman -->"
"""First line of the issue comment."""
CHECK_MARKER = "<!-- etalase-kiriman-periksa -->"
"""First line of the PR-check comment on the pull request."""
BOT_EMAIL = "41898282+github-actions[bot]@users.noreply.github.com"
"""Committer of the workflow's commits: a branch whose last commit has another committer was changed by an editor."""
BOT_NAME = "github-actions[bot]"
CHECK_NAME = "Periksa pos"
"""Name of the required check (``pr-check.yml``); the form workflow sets a commit status of this name."""
MAX_RESULT_BYTES = 256 * 1024
MAX_SUMMARY_CHARS = 60_000
"""GitHub refuses comments over 65,536 characters."""
MAX_PROBLEMS_SHOWN = 60
BRANCH_PREFIX = "kiriman/"
TEMPLATE = Path(".github") / "PULL_REQUEST_TEMPLATE.md"
EDITOR_SECTION = "## Daftar periksa editor"
_PHOTO = re.compile(rf"(?:{re.escape(COVER_STEM)}|{re.escape(GALLERY_STEM)}-\d{{1,2}})\.(?:jpg|png|webp|heic)")
_URL = re.compile(
    r"https://github\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+/"
    r"(?:pull/\d+|actions/runs/\d+(?:/artifacts/\d+)?)"
)
"""The only addresses a comment links: a pull request, a run, an artifact of this repository's kind."""

Text = Annotated[str, Field(max_length=2000)]


def _registered_category(category: str) -> str:
    """A category of the registry (whichever categories this site has), or the report is refused."""
    if category not in REGISTRY:
        raise ValueError(f"kategori tidak dikenal: {category!r} (unknown category)")
    return category


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
    category: Annotated[str, AfterValidator(_registered_category)] | None
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


NOTES_FILE = "catatan.json"
"""The converter's notes (how an answer was read, what an editor may look at), beside ``hasil.json``."""
MAX_NOTES = 60


def read_notes(path: Path) -> list[Reported]:
    """The notes of a conversion, checked like its problems; none when the file is missing or malformed.

    Notes only inform the reply: an artifact without them (or with a file that is
    not what a conversion writes) still gives the reply its state, without notes.
    """
    if not path.is_file() or path.is_symlink() or path.stat().st_size > MAX_RESULT_BYTES:
        return []
    try:
        return TypeAdapter(Annotated[list[Reported], Field(max_length=MAX_NOTES)]).validate_json(path.read_bytes())
    except ValidationError:
        return []


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
    return accept_post(artifact, content_dir, issue, settings)[0]


def accept_post(artifact: Path, content_dir: Path, issue: int, settings: ImageSettings) -> tuple[Result, Post | None]:
    """:func:`accept`, with the post as validation read it (None when the form had problems)."""
    result = read_result(artifact / "hasil.json", issue)
    if not result.ok:
        return result, None
    source = artifact / "konten"
    if not source.is_dir() or source.is_symlink():
        raise Refused("folder konten kiriman tidak ada")
    files = list_files(source, settings)
    expected_files(result, files)
    for name in files:  # the conversion strips every photo: one that is not stripped was not made by it
        if _PHOTO.fullmatch(name.rsplit("/", 1)[-1]) and (reason := not_clean(source / name)):
            raise Refused(f"foto {name} {reason}")
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
    return result, post


# --------------------------------------------------------------------------
# This repository's pull request and branch
# --------------------------------------------------------------------------

_REPO = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")


def open_pr_url(pulls: object, repo: str, branch: str) -> str:
    """The open pull request from ``repo``'s own ``branch`` into ``repo``, from GitHub's list of pulls.

    ``gh pr list --head BRANCH`` (and the API's ``head`` filter without an
    owner) also match a fork's branch of that name: a stranger could open
    ``kiriman/12`` from a fork and have the bot comment on and link it. Only a
    pull request whose head and base repositories are both ``repo`` counts.
    """
    if not isinstance(pulls, list):
        return ""
    for pull in pulls:
        if not isinstance(pull, dict) or pull.get("state") != "open":
            continue
        head, base = as_dict(pull.get("head")), as_dict(pull.get("base"))
        head_repo, base_repo = as_dict(head.get("repo")), as_dict(base.get("repo"))
        if (
            head.get("ref") == branch
            and head_repo.get("full_name") == repo
            and base_repo.get("full_name") == repo
            and not head_repo.get("fork", False)
        ):
            url = pull.get("html_url")
            if isinstance(url, str) and _URL.fullmatch(url) and url.startswith(f"https://github.com/{repo}/pull/"):
                return url
    return ""


def branch_state(branch: object) -> tuple[str, bool]:
    """``(lease, edited)`` of the branch ``kiriman/<issue>`` as GitHub's branch API gives it (``{}`` when absent).

    ``lease`` is the commit the push may replace (empty: the branch must not
    exist); ``edited`` tells that its last commit was committed by someone
    other than the workflow. The committer, not the author: an editor who
    commits on the web or amends keeps the bot as author, never as committer.
    """
    if not isinstance(branch, dict) or not branch:
        return "", False
    commit = as_dict(branch.get("commit"))
    sha = commit.get("sha")
    if not isinstance(sha, str) or not re.fullmatch(r"[0-9a-f]{40}", sha):
        raise Refused("cabang kiriman ada tetapi commit terakhirnya tidak terbaca")
    committer = as_dict(as_dict(commit.get("commit")).get("committer"))
    return sha, committer.get("email") != BOT_EMAIL or committer.get("name") != BOT_NAME


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


def published_when(post: Post) -> str:
    """When the post appears, for the editor: at the merge (``date: saat digabung``), or its own date."""
    index = post.bundle / POST_FILE
    text, _ = read_text(index, post.source)
    document = parse_document(text, post.source)[0] if text is not None else None
    if document is not None and is_at_merge(document.data.get("date")):
        return "saat PR ini digabung (tanggal terbitnya waktu penggabungan itu)"
    return f"terbit {tanggal(post.meta.date, with_time=True)} (tidak sebelum PR ini digabung)"


def pr_body(result: Result, post: Post, creator_name: str, template: Path, repo: str) -> str:
    """The pull request as an editor reviews it on a phone: the post as it will read, then one checklist.

    Title, summary, the category's facts, each photo (an image from the
    branch, its alt text under it), the creator and the publication time;
    the creator's statements from the form; the PR template's editor checklist.
    """
    assert result.category is not None
    meta = post.meta
    new = " (kreator baru: berkas kreatornya ikut di PR ini)" if result.creator_new else ""
    folder = f"content/{result.bundle}"
    lines = [
        f"Kiriman lewat formulir dari @{result.author}, issue #{result.issue}. Terima kasih!",
        "",
        f"Closes #{result.issue}",
        "",
        f"## {md_text(meta.title, 300)}",
        "",
        f"> {md_text(meta.summary, 1000)}",
        "",
        f"- **Kategori:** {REGISTRY[result.category].label} · {md_text(result.region or '')}",
        f"- **Kreator:** {md_text(creator_name)} (`{result.creator}`, @{result.author}){new}",
        f"- **Waktu terbit:** {published_when(post)}",
        f"- **Folder:** `{folder}/` ({result.photos} foto)",
        "",
        f"### {REGISTRY[result.category].label}: data pos",
        "",
        *post_facts(meta, result.category),
        "",
        "### Foto",
        "",
    ]
    base = f"https://github.com/{repo}/raw/{BRANCH_PREFIX}{result.issue}/{folder}/"
    for number, (file, alt) in enumerate(post_photos(post), 1):
        role = "sampul" if number == 1 else f"foto {number - 1}"
        lines += [
            f'<img src="{html.escape(base + quote(file))}" alt="{html.escape(alt)}" width="320">',
            "",
            f"**{role}** (`{md_text(file)}`) · *teks alternatif:* {md_text(alt, 500)}",
            "",
        ]
    lines += [
        f"Perubahan pada formulir (sunting issue #{result.issue}) memperbarui PR ini selama belum ada commit dari "
        "editor. Hasil pemeriksaan ada di komentar PR ini.",
        "",
        "### Pernyataan kreator (dari formulir)",
        "",
        *[f"- ✔ {statement}" for statement in CONSENT],
        "",
        editor_checklist(template),
        "",
    ]
    return "\n".join(lines)


def post_photos(post: Post) -> list[tuple[str, str]]:
    """``(file, alt)`` of the cover, every gallery photo, then any other photo of the post (evidence), in order."""
    meta = post.meta
    photos = [(meta.cover.file, meta.cover.alt)]
    photos += [(photo.file, photo.alt) for photo in meta.gallery]
    named = {file for file, _ in photos}
    for ref in post.photos:
        name = ref.file.relative_to(post.bundle).as_posix()
        if name not in named:
            named.add(name)
            photos.append((name, f"(tanpa teks alternatif: foto bukti di {ref.shown or ref.field or 'isi pos'})"))
    return photos


def post_facts(meta: PostBase, category: str) -> list[str]:
    """The category block and accessibility as a Markdown list, labelled as the schema describes each field."""
    lines: list[str] = []
    for model, heading in (
        (getattr(meta, category, None), None),
        (getattr(meta, "accessibility", None), "Aksesibilitas"),
    ):
        if not isinstance(model, BaseModel):
            continue
        indent = ""
        if heading:
            lines.append(f"- **{heading}**")
            indent = "  "
        lines += _fact_lines(model, indent)
    return lines or ["- (tidak ada data kategori)"]


def _fact_lines(model: BaseModel, indent: str) -> list[str]:
    lines = []
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        if value is None or value == [] or value == "":
            continue
        label = _label(info, name)
        if isinstance(value, BaseModel) and not _is_coordinates(value):
            lines += [f"{indent}- **{label}**", *_fact_lines(value, indent + "  ")]
        elif isinstance(value, list):
            lines.append(f"{indent}- **{label}**")
            lines += [f"{indent}  - {_inline(item)}" for item in value]
        else:
            lines.append(f"{indent}- **{label}:** {_value(name, value)}")
    return lines


def _label(info: FieldInfo, name: str) -> str:
    """A field's short label: its title, or its description up to the first example or comma."""
    text = info.title or info.description or name
    return md_text(re.split(r",|:|;| \(| mis\.", text, maxsplit=1)[0].strip() or name)


def _is_coordinates(value: BaseModel) -> bool:
    return set(type(value).model_fields) == {"lat", "lon"}


def _inline(item: object) -> str:
    if isinstance(item, BaseModel):
        parts = [
            f"{_label(info, name)}: {_value(name, getattr(item, name))}"
            for name, info in type(item).model_fields.items()
            if getattr(item, name) not in (None, "", [], False)
        ]
        return "; ".join(parts)
    return md_text(str(item), 500)


def _value(name: str, value: object) -> str:
    """One fact as people read it: dates in Indonesian, rupiah, per cent, ya/tidak."""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, datetime):
        return tanggal(value, with_time=True)
    if isinstance(value, date):
        return tanggal(datetime(value.year, value.month, value.day))
    if isinstance(value, Enum):
        return md_text(str(value.value))
    if isinstance(value, int) and name in ("price", "budget"):
        return rupiah(value)
    if isinstance(value, int) and name == "progress":
        return f"{value}%"
    if isinstance(value, BaseModel) and _is_coordinates(value):
        return f"{getattr(value, 'lat')}, {getattr(value, 'lon')}"
    return md_text(str(value), 500)


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
    state: str,
    result: Result | None,
    *,
    pr_url: str = "",
    preview_url: str = "",
    run_url: str = "",
    reason: str = "",
    notes: list[Reported] | None = None,
) -> str:
    """The reply on the issue, in plain Bahasa Indonesia; with ``notes``, how the form's answers were read."""
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
    elif state == "waiting" and result is not None:
        lines += [
            "### 👀 Kiriman Anda lolos pemeriksaan dan menunggu editor",
            "",
            f"Terima kasih, @{result.author}! Isiannya sudah beres. Karena ini kiriman pertama dari akun Anda, "
            "editor meninjaunya dulu; bila disetujui, *pull request* dibuka otomatis dan Anda diberi tahu di sini. "
            "Setelah pos pertama Anda terbit, kiriman berikutnya langsung menjadi *pull request*.",
            "",
            f"> **{md_text(result.title or '')}**  ",
            f"> {md_text(result.summary or '')}",
            "",
            "Ingat: repositori ini publik. Isi formulir dan foto Anda bisa dibaca siapa pun.",
        ]
    elif state == "limit":
        lines += [
            f"### ⏳ Sudah ada {MAX_OPEN} kiriman Anda yang menunggu",
            "",
            f"Terima kasih atas semangatnya! Setiap akun boleh punya paling banyak {MAX_OPEN} kiriman terbuka "
            "sekaligus, agar editor bisa meninjau semuanya dengan baik. Kiriman ini belum diproses. Setelah salah "
            "satu kiriman Anda terbit atau ditutup, sunting issue ini (**⋯** → **Edit** → **Update comment**) "
            "dan pemeriksaan berjalan lagi.",
            "",
            "<details><summary>English</summary>",
            "",
            f"Each account may have at most {MAX_OPEN} open submissions. This one was not processed; edit it once "
            "one of the others is published or closed.",
            "",
            "</details>",
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
    if notes and result is not None and state in ("ok", "waiting", "problems"):
        lines += ["", "#### Cara isian Anda dibaca", ""]
        for note in notes[:MAX_NOTES]:
            where = ", ".join(part for part in (note.label, note.item) if part)
            lines.append(f"- **{md_text(where)}**: {md_text(note.message)}" if where else f"- {md_text(note.message)}")
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
    accept_cmd.add_argument("--repo", default="owner/repo", help="OWNER/REPO: alamat foto di deskripsi PR")
    accept_cmd.add_argument(
        "--registry",
        type=Path,
        help="folder akun terdaftar: akun yang belum ada ditambahkan ke PR (.github/kiriman-akun)",
    )
    accept_cmd.add_argument("--out", type=Path, required=True, help="folder untuk judul, isi PR, pesan commit")
    accept_cmd.add_argument("--github-output", type=Path, help="$GITHUB_OUTPUT: ok, state, branch")
    comment_cmd = commands.add_parser("comment", help="tulis komentar issue")
    comment_cmd.add_argument("--artifact", type=Path, required=True)
    comment_cmd.add_argument("--issue", type=int, required=True)
    comment_cmd.add_argument("--state", choices=("ok", "problems", "editor", "failed"), required=True)
    comment_cmd.add_argument(
        "--gate", default="member", help="keputusan kiriman_gate: member, registered, approved, waiting, limit"
    )
    comment_cmd.add_argument("--pr-url", default="")
    comment_cmd.add_argument("--preview-url", default="")
    comment_cmd.add_argument("--run-url", default="")
    comment_cmd.add_argument("--reason", default="")
    comment_cmd.add_argument("--output", type=Path, required=True)
    pr_cmd = commands.add_parser("pr-url", help="PR terbuka dari cabang repositori ini (bukan fork)")
    pr_cmd.add_argument("--pulls", type=Path, required=True, help="daftar PR dari API (JSON)")
    pr_cmd.add_argument("--repo", required=True)
    pr_cmd.add_argument("--branch", required=True)
    branch_cmd = commands.add_parser("branch-state", help="commit yang boleh ditimpa, dan apakah editor mengubahnya")
    branch_cmd.add_argument("--branch-json", type=Path, required=True, help="jawaban API cabang (kosong: tidak ada)")
    branch_cmd.add_argument("--github-output", type=Path, required=True)
    args = parser.parse_args(argv)

    if args.command == "accept":
        return _accept(args)
    if args.command == "pr-url":
        print(open_pr_url(_json_file(args.pulls, []), args.repo, args.branch))
        return 0
    if args.command == "branch-state":
        lease, edited = branch_state(_json_file(args.branch_json, {}))
        _write_outputs(args.github_output, {"lease": lease, "editor": str(edited).lower()})
        return 0
    result = None
    try:
        result = read_result(args.artifact / "hasil.json", args.issue)
    except Refused as refused:
        if args.gate != "limit":
            args.state, args.reason = "failed", args.reason or str(refused)
    if args.gate == "limit":
        args.state = "limit"  # nothing was converted: the reply says why
    elif args.gate == "waiting" and args.state == "ok":
        args.state = "waiting"  # converted and valid, not pushed
    urls = [url if _URL.fullmatch(url) else "" for url in (args.pr_url, args.preview_url, args.run_url)]
    notes = read_notes(args.artifact / NOTES_FILE) if result is not None else []
    args.output.write_text(
        issue_comment(
            args.state, result, pr_url=urls[0], preview_url=urls[1], run_url=urls[2], reason=args.reason, notes=notes
        ),
        encoding="utf-8",
    )
    return 0


def _json_file(path: Path, default: object) -> object:
    """JSON from an API answer saved by the workflow; ``default`` when empty or not JSON."""
    if not path.is_file() or path.stat().st_size > MAX_RESULT_BYTES * 40:
        return default
    try:
        return json.loads(path.read_text(encoding="utf-8") or "null") or default
    except (ValueError, UnicodeDecodeError):
        return default


def _write_outputs(path: Path | None, outputs: dict[str, str]) -> None:
    if path:
        with path.open("a", encoding="utf-8") as out:
            for key, value in outputs.items():
                out.write(f"{key}={' '.join(value.split())}\n")


def _accept(args: argparse.Namespace) -> int:
    outputs = {"ok": "false", "state": "failed", "branch": f"{BRANCH_PREFIX}{args.issue}"}
    try:
        if not _REPO.fullmatch(args.repo):
            raise Refused(f"nama repositori tidak sah: {args.repo!r}")
        result, post = accept_post(args.artifact, args.content, args.issue, ImageSettings())
        outputs["state"] = "ok" if result.ok else "problems"
        outputs["ok"] = str(result.ok).lower()
        if result.ok:
            assert result.creator is not None and post is not None
            name = creator_name(args.content, result.creator)
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / "pr-title.txt").write_text(pr_title(result) + "\n", encoding="utf-8")
            (args.out / "pr-body.md").write_text(pr_body(result, post, name, TEMPLATE, args.repo), encoding="utf-8")
            (args.out / "commit-message.txt").write_text(commit_message(result, name, args.author_id), encoding="utf-8")
            (args.out / "periksa-komentar.md").write_text(check_comment(args.artifact / "periksa.md"), encoding="utf-8")
            if args.registry is not None and not is_registered(args.registry, args.author_id):
                # Registered when an editor merges this first post: the id, never the login, is what counts.
                args.registry.mkdir(parents=True, exist_ok=True)
                (args.registry / f"{args.author_id}.json").write_text(
                    registry_entry(args.author_id, result.author, result.creator), encoding="utf-8"
                )
    except Refused as refused:
        print(f"Artefak kiriman ditolak: {refused} (artifact refused)", file=sys.stderr)
        outputs["reason"] = str(refused)
    _write_outputs(args.github_output, outputs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
