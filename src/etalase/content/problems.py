"""Problems found in contributed content, written for people.

Every check in the pipeline (front matter, photos, paths, slugs) reports a
:class:`Problem` instead of raising. A problem names the file, the line where
it can, the field, what was found and what is allowed, in Bahasa Indonesia
with an English second line. The pipeline collects every problem of a run and
reports them together.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path


@functools.total_ordering
@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file."""

    path: Path
    """The file, relative to the repository root when it lies inside it."""
    line: int | None
    """1-based line in ``path``, or ``None`` when the problem has no line."""
    field: str | None
    """Dotted front-matter field (``cover.alt``, ``gallery.2.file``), if any."""
    message: str
    """What is wrong, in Bahasa Indonesia: what was found and what is allowed."""
    message_en: str = ""
    """The same in English, shown as a second line."""
    loc: tuple[str | int, ...] | None = None
    """The field as a path into the file's data (``("gallery", 1, "alt")``), for tools; ``field`` is for people."""

    def sort_key(self) -> tuple[str, int, str, str, str]:
        """Order of problems in a report: by file, line, field; a missing line or field first."""
        return self.path.as_posix(), self.line or 0, self.field or "", self.message, self.message_en

    def __lt__(self, other: Problem) -> bool:
        return self.sort_key() < other.sort_key()

    def location(self) -> str:
        """``path:line`` as editors and GitHub understand it."""
        path = printable(self.path.as_posix())
        return f"{path}:{self.line}" if self.line else path

    def format(self, english: bool = True) -> str:
        """The problem as one line (plus an indented English line).

        Control characters from the content (a newline in a file name, an
        escape sequence in a value) are shown escaped, so that a report
        printed in a terminal or a CI log cannot start a line of its own.
        """
        field = f"{printable(self.field)}: " if self.field else ""
        text = f"{self.location()}: {field}{printable(self.message)}"
        if english and self.message_en:
            text += f"\n    (en) {field}{printable(self.message_en)}"
        return text


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with control, line-separator and bidi characters written as ``\\uXXXX``."""
    return _CONTROL.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


class ContentError(Exception):
    """Raised by a pipeline step that cannot go on; carries every problem."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} masalah pada konten")
        self.problems = sorted(problems)


def display_path(path: Path, root: Path | None = None) -> Path:
    """``path`` relative to ``root`` (default: the working directory) if inside it."""
    base = Path(os.path.abspath(root or Path.cwd()))
    try:
        return Path(os.path.abspath(path)).relative_to(base)
    except ValueError:
        return path
