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
typed and cannot add links, images or HTML.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from .problems import Problem

SUMMARY_PROBLEMS_MAX = 200
"""Problems listed in the job summary; the log always has them all."""

EDITOR_CHECKLIST = (
    ("Fakta dan sumber: angka dan klaim benar dan bersumber; pos pembangunan punya sumber yang bisa dicek; "
     "tidak ada hoaks, kebencian, kampanye, atau iklan terselubung"),
    ("Foto: kredit dan lisensi benar; izin orang yang tampak (anak-anak dengan izin orang tua); "
     "teks alternatif menggambarkan foto; gambar AI ditandai `ai_generated: true`"),
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
    return [Problem(Path(row["path"]), row.get("line"), row.get("field"), row["message"], row.get("message_en", ""))
            for row in json.loads(path.read_text(encoding="utf-8"))]


# --------------------------------------------------------------------------
# Job summary
# --------------------------------------------------------------------------

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
    note: str = ""
    """``draf`` or ``terjadwal …`` for a valid post that will not show yet."""

    @property
    def ok(self) -> bool:
        return self.problems == 0

    @property
    def status(self) -> str:
        if self.change == "dihapus":
            return "dihapus"
        if self.problems:
            return f"❌ {self.problems} masalah"
        return "✅ ok" + (f" ({self.note})" if self.note else "")


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>@:])")


def md_text(text: str) -> str:
    """Untrusted text for a Markdown table cell: shown as typed, on one line."""
    one_line = " ".join(text.split())
    escaped = one_line.replace("&", "&amp;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", escaped)


def summary_markdown(rows: list[PostRow], problems: list[Problem], outside: list[str],
                     other_content: list[str], build_code: int, site_built: bool = True) -> str:
    """The job summary of a PR check, in Bahasa Indonesia."""
    lines = ["## Pemeriksaan pos", ""]
    files = len({p.path for p in problems})
    if problems:
        lines.append(f"❌ **{len(problems)} masalah di {files} berkas.** Setiap masalah juga ditandai pada "
                     "barisnya di tab *Files changed* (GitHub menampilkan paling banyak 10 tanda per langkah).")
    elif build_code:
        lines.append("❌ **Situs gagal dibangun.** Lihat log langkah *Periksa dan bangun*.")
    elif site_built:
        lines.append("✅ **Konten beres dan situs berhasil dibangun.** Pratinjau ada di artefak `pratinjau-situs`.")
    else:
        lines.append("✅ **Konten beres.**")
    lines.append("")

    lines += ["### Pos yang ditambah atau diubah", ""]
    if rows:
        lines += ["| Pos | Perubahan | Kategori | Kreator | Wilayah | Foto | Status |",
                  "| --- | --- | --- | --- | --- | --- | --- |"]
        for row in rows:
            title = f"**{md_text(row.title)}**<br>" if row.title else ""
            cells = [f"{title}{md_text(row.path)}", row.change, md_text(row.category), md_text(row.creators),
                     md_text(row.region), str(row.photos) if row.change != "dihapus" else "", row.status]
            lines.append("| " + " | ".join(cells) + " |")
    else:
        lines.append("PR ini tidak menambah atau mengubah pos.")
    lines.append("")

    if other_content:
        lines += ["### Data lain di `content/`", ""]
        lines += [f"- {md_text(path)}" for path in other_content]
        lines.append("")
    if outside:
        lines += ["### Berkas di luar `content/`", "",
                  "⚠️ PR ini juga mengubah berkas berikut. Perubahan ini perlu ditinjau pengelola (CODEOWNERS).", ""]
        lines += [f"- {md_text(path)}" for path in outside]
        lines.append("")

    if problems:
        lines += ["### Masalah", ""]
        for problem in problems[:SUMMARY_PROBLEMS_MAX]:
            field = f" {md_text(problem.field)}:" if problem.field else ""
            lines.append(f"- {md_text(problem.location())}:{field} {md_text(problem.message)}")
        if len(problems) > SUMMARY_PROBLEMS_MAX:
            lines.append(f"- … dan {len(problems) - SUMMARY_PROBLEMS_MAX} masalah lain (lihat log).")
        lines.append("")

    lines += ["### Daftar periksa editor", ""]
    lines += [f"- [ ] {item}" for item in EDITOR_CHECKLIST]
    lines.append("")
    return "\n".join(lines)
