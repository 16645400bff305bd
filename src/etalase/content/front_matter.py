"""Read untrusted text files and their YAML front matter safely.

A post's ``index.md`` comes from anyone who can open a pull request, so this
module refuses what could hurt the build, or mislead the editor who reviews
it, before any of it is used:

* files that are not UTF-8 (a UTF-8 BOM and CRLF line endings are accepted),
* files larger than :data:`MAX_FILE_BYTES`,
* YAML tags that build anything but text, numbers, true/false, dates, lists
  and maps (no Python objects, and no ``!!set``, ``!!binary``, ``!!omap``),
* documents deeper than :data:`MAX_DEPTH`, or whose anchors and aliases would
  expand to more than :data:`MAX_NODES` values ("billion laughs"); both are
  measured on the event stream, before a node tree is built, so a document
  nested thousands deep fails fast instead of exhausting the recursion limit,
* a field written twice (YAML keeps the last silently; an editor reading the
  diff may only see the first),
* invisible characters that make a line read differently from how it parses:
  control characters, Unicode line separators and bidirectional overrides
  ("Trojan Source").

It also records the line of every key and list item, so that each problem can
point at the exact line of ``index.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import yaml
from frontmatter.default_handlers import YAMLHandler

from etalase.content.problems import Problem

MAX_FILE_BYTES = 512 * 1024
"""Largest text file read; a post of 60,000 words is smaller than this."""
MAX_FRONT_MATTER_BYTES = 64 * 1024
MAX_DEPTH = 12
"""Deepest nesting of mappings and lists; the schema needs 4."""
MAX_NODES = 20_000
"""Most values a document may expand to, counting every alias expansion."""

_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""Characters that hide or reorder text: C0/C1 controls (tab and newline
aside), line/paragraph separators (YAML breaks lines there, editors do not),
and bidirectional embeddings, overrides and isolates."""

_OPENING = re.compile(r"---[ \t]*\n")
"""The first line of a post: exactly ``---``."""

_REFUSED_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("binary", "set", "omap", "pairs")}
"""Safe-loader types the schema never uses; a set has no stable order."""


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


_BASE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader where PyYAML was built with it (its wheels are): the same
events, nodes and marks as the pure-Python one, about 20 times faster. Front matter
is scanned twice (the event check, then the composer), so this is most of the
check's time at thousands of posts."""


class _SafeLoader(_BASE_LOADER):  # type: ignore[valid-type, misc]
    """SafeLoader without the types the schema never needs: any other tag is refused."""

    yaml_constructors: ClassVar[dict] = {
        tag: constructor for tag, constructor in yaml.SafeLoader.yaml_constructors.items() if tag not in _REFUSED_TAGS
    }


def read_text(path: Path, display: Path) -> tuple[str | None, list[Problem]]:
    """Read ``path`` as UTF-8 text, refusing symlinks, huge and non-UTF-8 files."""
    if path.is_symlink():
        return None, [
            Problem(
                display,
                None,
                None,
                "berkas berupa tautan simbolik (symlink); kirim berkas aslinya",
                "the file is a symbolic link; submit the real file",
            )
        ]
    if not path.is_file():
        return None, [Problem(display, None, None, "bukan berkas biasa", "not a regular file")]
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return None, [
            Problem(
                display,
                None,
                None,
                f"berkas terlalu besar: {size:,} bita; paling besar {MAX_FILE_BYTES:,} bita",
                f"file too large: {size:,} bytes; at most {MAX_FILE_BYTES:,} bytes",
            )
        ]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            Problem(
                display,
                line,
                None,
                "berkas bukan teks UTF-8; simpan ulang sebagai UTF-8",
                "the file is not UTF-8 text; save it again as UTF-8",
            )
        ]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def _refused(display: Path, line: int | None, indonesian: str, english: str) -> tuple[None, dict, list[Problem]]:
    """What :func:`parse_yaml` returns for a document it refuses: no data, the one problem."""
    return None, {}, [Problem(display, line, None, indonesian, english)]


def parse_yaml(text: str, display: Path, first_line: int = 1) -> tuple[Any, dict, list[Problem]]:
    """Parse YAML with limits; returns (data, lines by field path, problems).

    ``first_line`` is the line of the file on which ``text`` starts.
    """
    line: int | None
    hidden = _HIDDEN.search(text)
    if hidden:
        line = first_line + text[: hidden.start()].count("\n")
        code = f"U+{ord(hidden.group()):04X}"
        return _refused(
            display,
            line,
            f"ada karakter tersembunyi {code}; hapus karakter itu (ketik ulang barisnya)",
            f"hidden character {code}; delete it (retype the line)",
        )
    try:
        problem = _check_events(text, display, first_line)
        if problem:
            return None, {}, [problem]
        node = yaml.compose(text, Loader=_SafeLoader)
    except yaml.MarkedYAMLError as fast_error:
        error = _python_error(text) or fast_error
        mark = error.problem_mark or error.context_mark
        line = first_line + mark.line if mark else None
        what = error.problem or "YAML tidak sah"
        return _refused(
            display,
            line,
            f"YAML tidak sah: {what}; periksa titik dua, tanda kutip dan indentasi",
            f"invalid YAML: {what}; check colons, quotes and indentation",
        )
    except yaml.YAMLError as error:
        return _refused(display, None, f"YAML tidak sah: {error}", f"invalid YAML: {error}")
    if node is None:
        return {}, {}, []
    lines: dict[tuple[str | int, ...], int] = {}
    problem = _map_lines(node, display, first_line, lines)
    if problem:
        return None, {}, [problem]
    try:
        data = _SafeLoader(text).construct_document(node)
    except yaml.constructor.ConstructorError as error:
        mark = error.problem_mark
        line = first_line + mark.line if mark else None
        tag = re.search(r"for the tag '([^']*)'", error.problem or "")
        if tag:
            shown = tag.group(1).replace("tag:yaml.org,2002:", "!!")
            return _refused(
                display,
                line,
                f"tag YAML {shown} tidak diizinkan; pakai teks, angka, daftar atau peta biasa",
                f"YAML tag {shown} not allowed; use plain text, numbers, lists or maps",
            )
        return _refused(
            display,
            line,
            f"YAML tidak sah: {error.problem}; nama isian harus berupa teks",
            f"invalid YAML: {error.problem}; field names must be text",
        )
    except (ValueError, TypeError, OverflowError) as error:
        return (
            None,
            {},
            [Problem(display, None, None, f"nilai YAML tidak sah: {error}", f"invalid YAML value: {error}")],
        )
    return data, lines, []


def _python_error(text: str) -> yaml.MarkedYAMLError | None:
    """The pure-Python parser's account of a document libyaml refused.

    Its wording ("mapping values are not allowed here") is the one creators'
    messages have always carried; the document is already known to be bad, so
    only a refused file pays for the slower parser.
    """
    try:
        yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        return error
    return None


def _check_events(text: str, display: Path, first_line: int) -> Problem | None:
    """Depth and expanded size of the document, from the parser's events.

    The parser is iterative, so this runs in constant stack whatever the
    input; the composer that builds the node tree afterwards is recursive
    and only ever sees documents within :data:`MAX_DEPTH`.
    """
    sizes: dict[str, int] = {}
    """Values each finished anchor expands to."""
    open_collections: list[list] = []
    """``[anchor, values so far]`` of each mapping/list being read, outermost first."""
    total = 0
    for event in yaml.parse(text, Loader=_SafeLoader):
        assert event.start_mark is not None, "the parser marks every event"
        line = first_line + event.start_mark.line
        if isinstance(event, yaml.AliasEvent):
            if event.anchor not in sizes:
                recursive = any(anchor == event.anchor for anchor, _ in open_collections)
                what = "merujuk ke dirinya sendiri" if recursive else "belum didefinisikan"
                what_en = "refers to itself" if recursive else "is not defined"
                return Problem(display, line, None, f"alias *{event.anchor} {what}", f"alias *{event.anchor} {what_en}")
            count = sizes[event.anchor]
        elif isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)):
            count = 1
        else:
            if isinstance(event, yaml.CollectionEndEvent):
                anchor, size = open_collections.pop()
                if anchor is not None:
                    sizes[anchor] = size
            continue
        total += count
        if total > MAX_NODES:
            return Problem(
                display,
                line,
                None,
                f"front matter terlalu besar: lebih dari {MAX_NODES:,} nilai (termasuk alias &/*)",
                f"front matter too large: more than {MAX_NODES:,} values (aliases included)",
            )
        for frame in open_collections:
            frame[1] += count
        if isinstance(event, yaml.ScalarEvent) and event.anchor is not None:
            sizes[event.anchor] = 1
        elif isinstance(event, yaml.CollectionStartEvent):
            if len(open_collections) >= MAX_DEPTH:
                return Problem(
                    display,
                    line,
                    None,
                    f"front matter terlalu dalam: lebih dari {MAX_DEPTH} tingkat",
                    f"front matter nested too deeply: more than {MAX_DEPTH} levels",
                )
            open_collections.append([event.anchor, 1])
    return None


def _map_lines(
    root: yaml.Node, display: Path, first_line: int, lines: dict[tuple[str | int, ...], int]
) -> Problem | None:
    """Record the line of every field; refuse a field written twice in one mapping."""
    stack: list[tuple[yaml.Node, tuple[str | int, ...]]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        lines.setdefault(path, first_line + node.start_mark.line)
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in node.value:
                name = key.value if isinstance(key, yaml.ScalarNode) else str(len(path))
                line = first_line + key.start_mark.line
                if isinstance(key, yaml.ScalarNode) and name != "<<":
                    if name in seen:
                        return Problem(
                            display,
                            line,
                            name,
                            "isian ini ditulis dua kali; hapus salah satunya",
                            "this field is written twice; delete one of them",
                        )
                    seen.add(name)
                lines.setdefault(path + (name,), line)
                stack.append((value, path + (name,)))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                stack.append((item, path + (index,)))
    return None


def parse_document(text: str, display: Path) -> tuple[Document | None, list[Problem]]:
    """Split a Markdown file into front matter and body, and parse the front matter."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not _OPENING.match(text):
        return None, [
            Problem(
                display,
                1,
                None,
                "berkas harus diawali front matter: baris '---', isian, lalu '---'",
                "the file must start with front matter: a '---' line, fields, then '---'",
            )
        ]
    try:
        fm, body = YAMLHandler().split(text)
    except ValueError:
        return None, [
            Problem(
                display,
                1,
                None,
                "front matter tidak ditutup: tambahkan baris '---' setelah isian terakhir",
                "front matter is not closed: add a '---' line after the last field",
            )
        ]
    if len(fm.encode()) > MAX_FRONT_MATTER_BYTES:
        return None, [
            Problem(
                display,
                1,
                None,
                f"front matter terlalu besar; paling besar {MAX_FRONT_MATTER_BYTES:,} bita",
                f"front matter too large; at most {MAX_FRONT_MATTER_BYTES:,} bytes",
            )
        ]
    data, lines, problems = parse_yaml(fm, display, first_line=1)
    if problems:
        return None, problems
    if not isinstance(data, dict):
        return None, [
            Problem(
                display,
                2,
                None,
                "front matter harus berupa daftar isian 'nama: nilai'",
                "front matter must be a mapping of 'name: value' fields",
            )
        ]
    body_line = text[: len(text) - len(body)].count("\n") + 1
    return Document(data=data, body=body, body_line=body_line, lines=lines), []
