"""Read untrusted text files and their YAML front matter safely.

A post's ``index.md`` comes from anyone who can open a pull request, so this
module refuses what could hurt the build before any of it is used:

* files that are not UTF-8 (a UTF-8 BOM and CRLF line endings are accepted),
* files larger than :data:`MAX_FILE_BYTES`,
* YAML tags that would build objects (only YAML's safe types are constructed),
* documents that are too deep, or whose anchors and aliases would expand to
  more than :data:`MAX_NODES` values ("billion laughs").

It also records the line of every key and list item, so that each problem can
point at the exact line of ``index.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

from .problems import Problem

MAX_FILE_BYTES = 512 * 1024
"""Largest text file read; a post of 100,000 words is smaller than this."""
MAX_FRONT_MATTER_BYTES = 64 * 1024
MAX_DEPTH = 12
"""Deepest nesting of mappings and lists; the schema needs 4."""
MAX_NODES = 20_000
"""Most values a document may expand to, counting every alias expansion."""


@dataclass
class Document:
    """A parsed text file: front matter, body and where each field stands."""

    data: dict[str, Any]
    body: str
    body_line: int
    """Line of ``index.md`` on which the body starts."""
    lines: dict[tuple[str | int, ...], int] = field(default_factory=dict)
    """Line of each field, by path: ``("cover", "alt")``, ``("gallery", 1)``."""

    def line_of(self, path: tuple[str | int, ...]) -> int | None:
        """Line of the deepest field of ``path`` that exists."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), None)


class _SafeLoader(yaml.SafeLoader):
    """SafeLoader whose only job here is to refuse unknown tags clearly."""


def read_text(path: Path, display: Path) -> tuple[str | None, list[Problem]]:
    """Read ``path`` as UTF-8 text, refusing symlinks, huge and non-UTF-8 files."""
    if path.is_symlink():
        return None, [Problem(display, None, None,
                              "berkas berupa tautan simbolik (symlink); kirim berkas aslinya",
                              "the file is a symbolic link; submit the real file")]
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return None, [Problem(display, None, None,
                              f"berkas terlalu besar: {size:,} bita; paling besar {MAX_FILE_BYTES:,} bita",
                              f"file too large: {size:,} bytes; at most {MAX_FILE_BYTES:,} bytes")]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(display, line, None,
                              "berkas bukan teks UTF-8; simpan ulang sebagai UTF-8",
                              "the file is not UTF-8 text; save it again as UTF-8")]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def parse_yaml(text: str, display: Path, first_line: int = 1) -> tuple[Any, dict, list[Problem]]:
    """Parse YAML with limits; returns (data, lines by field path, problems).

    ``first_line`` is the line of the file on which ``text`` starts.
    """
    try:
        node = yaml.compose(text, Loader=_SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first_line + mark.line if mark else None
        what = error.problem or "YAML tidak sah"
        return None, {}, [Problem(display, line, None,
                                  f"YAML tidak sah: {what}; periksa titik dua, tanda kutip dan indentasi",
                                  f"invalid YAML: {what}; check colons, quotes and indentation")]
    except yaml.YAMLError as error:
        return None, {}, [Problem(display, None, None, f"YAML tidak sah: {error}", f"invalid YAML: {error}")]
    if node is None:
        return {}, {}, []
    lines: dict[tuple[str | int, ...], int] = {}
    problem = _check_shape(node, display, first_line, lines)
    if problem:
        return None, {}, [problem]
    try:
        data = _SafeLoader(text).construct_document(node)
    except yaml.constructor.ConstructorError as error:
        mark = error.problem_mark
        line = first_line + mark.line if mark else None
        tag = getattr(node, "tag", "")
        return None, {}, [Problem(display, line, None,
                                  f"tag YAML tidak diizinkan: {error.problem or tag}; pakai teks, angka, daftar atau peta biasa",
                                  f"YAML tag not allowed: {error.problem or tag}; use plain text, numbers, lists or maps")]
    except (ValueError, TypeError, OverflowError) as error:
        return None, {}, [Problem(display, None, None, f"nilai YAML tidak sah: {error}", f"invalid YAML value: {error}")]
    return data, lines, []


def _check_shape(root: yaml.Node, display: Path, first_line: int,
                 lines: dict[tuple[str | int, ...], int]) -> Problem | None:
    """Walk the node tree, expanding aliases, within depth and size limits."""
    budget = MAX_NODES
    stack: list[tuple[yaml.Node, tuple[str | int, ...], int]] = [(root, (), 0)]
    while stack:
        node, path, depth = stack.pop()
        budget -= 1
        if budget < 0:
            return Problem(display, first_line + root.start_mark.line, None,
                           f"front matter terlalu besar: lebih dari {MAX_NODES:,} nilai (termasuk alias &/*)",
                           f"front matter too large: more than {MAX_NODES:,} values (aliases included)")
        if depth > MAX_DEPTH:
            return Problem(display, first_line + node.start_mark.line, None,
                           f"front matter terlalu dalam: lebih dari {MAX_DEPTH} tingkat",
                           f"front matter nested too deeply: more than {MAX_DEPTH} levels")
        lines.setdefault(path, first_line + node.start_mark.line)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                name = key.value if isinstance(key, yaml.ScalarNode) else str(len(path))
                lines.setdefault(path + (name,), first_line + key.start_mark.line)
                stack.append((value, path + (name,), depth + 1))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                stack.append((item, path + (index,), depth + 1))
    return None


def parse_document(text: str, display: Path) -> tuple[Document | None, list[Problem]]:
    """Split a Markdown file into front matter and body, and parse the front matter."""
    handler = YAMLHandler()
    if not text.startswith("---"):
        return None, [Problem(display, 1, None,
                              "berkas harus diawali front matter: baris '---', isian, lalu '---'",
                              "the file must start with front matter: a '---' line, fields, then '---'")]
    try:
        fm, body = handler.split(text)
    except ValueError:
        return None, [Problem(display, 1, None,
                              "front matter tidak ditutup: tambahkan baris '---' setelah isian terakhir",
                              "front matter is not closed: add a '---' line after the last field")]
    if len(fm.encode()) > MAX_FRONT_MATTER_BYTES:
        return None, [Problem(display, 1, None,
                              f"front matter terlalu besar; paling besar {MAX_FRONT_MATTER_BYTES:,} bita",
                              f"front matter too large; at most {MAX_FRONT_MATTER_BYTES:,} bytes")]
    data, lines, problems = parse_yaml(fm, display, first_line=1)
    if problems:
        return None, problems
    if not isinstance(data, dict):
        return None, [Problem(display, 2, None,
                              "front matter harus berupa daftar isian 'nama: nilai'",
                              "front matter must be a mapping of 'name: value' fields")]
    body_line = text[: len(text) - len(body)].count("\n") + 1
    return Document(data=data, body=body, body_line=body_line, lines=lines), []

