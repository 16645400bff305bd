"""What the PR check tells GitHub: annotations, the job summary, problem lists.

GitHub reads *workflow commands* from a step's output. An annotation is::

    ::error file=content/posts/x/index.md,line=7,title=cover.alt::wajib diisi …

Values are escaped as GitHub's runner unescapes them: in the message ``%``,
CR and LF become ``%25``, ``%0D`` and ``%0A``; in properties (``file``,
``title``) also ``:`` and ``,`` become ``%3A`` and ``%2C``. Without that, a
message holding ``%0A::`` or a file name holding ``,line=1`` could forge
another command or property.

The job summary is Markdown appended to ``$GITHUB_STEP_SUMMARY``. Text that
comes from a contribution (titles, file names) is escaped so that it shows as
typed and cannot add links, images or HTML. GitHub drops a step's summary
whole when it passes 1 MiB, so the summary is capped (:data:`SUMMARY_MAX_BYTES`)
and says what it left out.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from etalase.ci.changes import DELETED
from etalase.content.problems import Problem

EDITOR_CHECKLIST = (
    (
        "Fakta dan sumber: angka dan klaim benar dan bersumber; pos pembangunan punya sumber yang bisa dicek; "
        "tidak ada hoaks, kebencian, kampanye, atau iklan terselubung"
    ),
    (
        "Foto: kredit dan lisensi benar; izin orang yang tampak (anak-anak dengan izin orang tua); "
        "teks alternatif menggambarkan foto; gambar AI ditandai `ai_generated: true`"
    ),
    "Nada: positif, sopan, tidak berlebihan; bahasa Indonesia yang baik",
    "Kategori dan data: kategori tepat; kreator, wilayah, tanggal dan zona waktu benar",
    "Terbit: contoh dari templat sudah diganti semua, termasuk foto sampul sementara; `draft: false` bila siap",
)
"""The editor's review checklist, shown in the summary (same points as the PR template)."""


# --------------------------------------------------------------------------
# Workflow commands
# --------------------------------------------------------------------------


def escape_data(text: str) -> str:
    """Escape a workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value (``file=``, ``title=``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem, level: str = "error") -> str:
    """``problem`` as a GitHub annotation on its file and line."""
    properties = [f"file={escape_property(problem.path.as_posix())}"]
    if problem.line:
        properties.append(f"line={problem.line}")
    properties.append(f"title={escape_property(problem.field or 'konten')}")
    field = f"{problem.field}: " if problem.field else ""
    message = f"{field}{problem.message}"
    if problem.message_en:
        message += f"\n(en) {field}{problem.message_en}"
    return f"::{level} {','.join(properties)}::{escape_data(message)}"


# --------------------------------------------------------------------------
# Problems as JSON (from scripts/build.py --problems-json)
# --------------------------------------------------------------------------


def write_problems(problems: Iterable[Problem], path: Path) -> None:
    """Save ``problems`` as a JSON list of objects."""
    rows = [asdict(p) | {"path": p.path.as_posix()} for p in problems]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def read_problems(path: Path) -> list[Problem]:
    """Problems saved by :func:`write_problems`; none when the file does not exist."""
    if not path.is_file():
        return []
    return [
        Problem(
            Path(row["path"]),
            row.get("line"),
            row.get("field"),
            row["message"],
            row.get("message_en", ""),
            tuple(row["loc"]) if row.get("loc") is not None else None,
        )
        for row in json.loads(path.read_text(encoding="utf-8"))
    ]


# --------------------------------------------------------------------------
# Job summary
# --------------------------------------------------------------------------

SUMMARY_MAX_BYTES = 512 * 1024
"""Most the job summary may take. GitHub drops a step's summary whole past 1 MiB (with an error
annotation); half of that leaves room for anything else the step writes."""
SUMMARY_ROWS_MAX = 300
"""Changed posts listed in the summary; a larger PR is summed up in one line after them."""
SUMMARY_FILES_MAX = 100
"""Files listed under each of "Data lain di content/" and "Berkas di luar content/"."""
SUMMARY_PROBLEMS_MAX = 200
"""Problems listed in the job summary; the log always has them all."""
CELL_MAX = 160
"""Characters of contributed text (a title, a name, a path) shown in one cell or line."""
_RESERVED = 16 * 1024
"""Bytes kept for what is always written: headings, the notes on what was left out, the checklist."""

DRAFT, SCHEDULED = "draf", "terjadwal"
"""States of a valid post that the site does not show yet (:attr:`PostRow.state`)."""


@dataclass(frozen=True)
class PostRow:
    """One post that a pull request adds, changes or removes."""

    path: str
    """``content/posts/<slug>/index.md``."""
    change: str
    """``baru``, ``diubah`` or ``dihapus``."""
    title: str = ""
    category: str = ""
    creators: str = ""
    region: str = ""
    photos: int = 0
    problems: int = 0
    state: str = ""
    """:data:`DRAFT` or :data:`SCHEDULED` for a valid post that the site does not show yet."""
    publish_at: str = ""
    """When a scheduled post appears, e.g. ``2026-12-24 07:30 WITA``."""

    @property
    def ok(self) -> bool:
        return self.problems == 0

    @property
    def status(self) -> str:
        if self.change == DELETED:
            return DELETED
        if self.problems:
            return f"❌ {self.problems} masalah"
        note = f"{self.state} {self.publish_at}".strip()
        return "✅ ok" + (f" ({note})" if note else "")


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>@:])")


def md_text(text: str, limit: int = CELL_MAX) -> str:
    """Untrusted text for a Markdown table cell: shown as typed, on one line, at most ``limit`` characters."""
    one_line = " ".join(text.split())
    if len(one_line) > limit:
        one_line = one_line[: limit - 1] + "…"
    escaped = one_line.replace("&", "&amp;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", escaped)


class _Summary:
    """Markdown lines within :data:`SUMMARY_MAX_BYTES`.

    Lines of lists are *offered* and stop fitting once the budget less
    :data:`_RESERVED` is spent; headings, notes and the checklist are *added*
    and always fit in the reserve.
    """

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.size = 0

    def add(self, *lines: str) -> None:
        for line in lines:
            self.lines.append(line)
            self.size += len(line.encode("utf-8")) + 1

    def offer(self, lines: Iterable[str], total: int, cap: int) -> int:
        """Add up to ``cap`` of ``lines`` while they fit; returns how many of ``total`` were left out."""
        shown = 0
        for line in lines:
            size = len(line.encode("utf-8")) + 1
            if shown == cap or self.size + size > SUMMARY_MAX_BYTES - _RESERVED:
                break
            self.add(line)
            shown += 1
        return total - shown

    def text(self) -> str:
        return "\n".join(self.lines)


def summary_markdown(
    rows: list[PostRow],
    problems: list[Problem],
    outside: list[str],
    other_content: list[str],
    build_code: int,
    site_built: bool = True,
    warnings: list[Problem] | None = None,
) -> str:
    """The job summary of a PR check, in Bahasa Indonesia, at most :data:`SUMMARY_MAX_BYTES` long.

    ``warnings`` are things an editor should look at that do not fail the check.
    """
    out = _Summary()
    out.add("## Pemeriksaan pos", "")
    files = len({p.path for p in problems})
    if problems:
        out.add(
            f"❌ **{len(problems)} masalah di {files} berkas.** Setiap masalah juga ditandai pada "
            "barisnya di tab *Files changed* (GitHub menampilkan paling banyak 10 tanda per langkah)."
        )
    elif build_code:
        out.add("❌ **Situs gagal dibangun.** Lihat log langkah *Periksa dan bangun*.")
    elif site_built:
        out.add("✅ **Konten beres dan situs berhasil dibangun.** Pratinjau ada di artefak `pratinjau-situs`.")
    else:
        out.add("✅ **Konten beres.**")
    out.add("")

    # A list, not a table: the summary is also the form PR's comment, read on a 360 px phone screen.
    out.add("### Pos yang ditambah atau diubah", "")
    if rows:
        left_out = out.offer(map(_row_line, rows), len(rows), SUMMARY_ROWS_MAX)
        if left_out:
            out.add(f"- … dan {left_out} pos lain (ringkasan dibatasi agar tetap tampil)")
    else:
        out.add("PR ini tidak menambah atau mengubah pos.")
    out.add("")

    if other_content:
        out.add("### Data lain di `content/`", "")
        _file_list(out, other_content)
    if outside:
        out.add(
            "### Berkas di luar `content/`",
            "",
            "⚠️ PR ini juga mengubah berkas berikut. Perubahan ini perlu ditinjau pengelola (CODEOWNERS).",
            "",
        )
        _file_list(out, outside)

    for heading, listed in (("Masalah", problems), ("Peringatan", warnings or [])):
        if not listed:
            continue
        out.add(f"### {heading}", "")
        lines = (
            f"- {md_text(p.location(), 2 * CELL_MAX)}:{f' {md_text(p.field)}:' if p.field else ''} "
            f"{md_text(p.message, 2 * CELL_MAX)}"
            for p in listed
        )
        left_out = out.offer(lines, len(listed), SUMMARY_PROBLEMS_MAX)
        if left_out:
            out.add(f"- … dan {left_out} {heading.lower()} lain (lihat log).")
        out.add("")

    # One checklist per PR: the description's (the PR template, or the form PR's body) holds it.
    out.add("Daftar periksa editor: di deskripsi PR ini.", "")
    return out.text()


def _row_line(row: PostRow) -> str:
    """One post as a list item of three short lines: status and title; change and facts; the file."""
    title = f" **{md_text(row.title)}**" if row.title else ""
    facts = [row.change, md_text(row.category)]
    if row.change != DELETED:
        facts.append(f"{row.photos} foto")
    facts += [md_text(row.creators), md_text(row.region)]
    return f"- {row.status}{title}<br>{' · '.join(fact for fact in facts if fact)}<br>{md_text(row.path)}"


def _file_list(out: _Summary, paths: list[str]) -> None:
    left_out = out.offer((f"- {md_text(path)}" for path in paths), len(paths), SUMMARY_FILES_MAX)
    if left_out:
        out.add(f"- … dan {left_out} berkas lain (lihat tab *Files changed*).")
    out.add("")
