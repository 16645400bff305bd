"""Problems found in contributed content, written for people.

Every check in the pipeline (front matter, photos, paths, slugs) reports a
:class:`Problem` instead of raising. A problem names the file, the line where
it can, the field, what was found and what is allowed, in Bahasa Indonesia
with an English second line. The pipeline collects every problem of a run and
reports them together.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
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

    def location(self) -> str:
        """``path:line`` as editors and GitHub understand it."""
        return f"{self.path.as_posix()}:{self.line}" if self.line else self.path.as_posix()

    def format(self, english: bool = True) -> str:
        """The problem as one line (plus an indented English line)."""
        field = f"{self.field}: " if self.field else ""
        text = f"{self.location()}: {field}{self.message}"
        if english and self.message_en:
            text += f"\n    (en) {field}{self.message_en}"
        return text


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
