"""Find the files a post body links or embeds, and point them elsewhere.

Validation uses :func:`local_targets` to check that each local target is a
photo inside the bundle, and :func:`remote_images` to refuse photos loaded
from other sites; page generation uses :func:`rewrite_local_targets` to point
each local target at the processed photo (``etalase-photo:<name>``, see
:func:`photo_ref`), so that the original file is never published.

The body is untrusted, so every pattern here runs in linear time (each match
attempt is bounded and cannot overlap the next), and a target is judged the
way a browser will read it: HTML entities decoded, tabs and newlines removed.
Targets inside code spans are text, not links, and are left alone, as are
footnote definitions (``[^1]: ...``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import quote, unquote

PHOTO_SCHEME = "etalase-photo:"
"""Scheme that marks a reference to a processed photo of the bundle."""

_TITLE = r"""(?:\s{1,20}(?:"[^"\n]{0,300}"|'[^'\n]{0,300}'|\([^()\n]{0,300}\)))?\s{0,20}\)"""
_DESTINATION = r"""\(\s{{0,20}}(?:<(?P<{0}1>[^<>\n]{{1,500}})>|(?P<{0}2>[^\s()<>\[\]"']{{1,500}}))"""
_MD_LINK = re.compile(r"\]" + _DESTINATION.format("link") + _TITLE)
"""``](target)`` or ``](<target with spaces> "title")``, the end of a link or image."""
_MD_IMAGE = re.compile(r"!\[(?:[^\[\]\n]|\[[^\[\]\n]{0,300}\]){0,300}\]" + _DESTINATION.format("img") + _TITLE)
"""``![alt](target)``: the same targets, known to be images."""
_MD_DEFINITION = re.compile(
    r"^ {0,3}\[(?!\^)[^\[\]\n]{1,300}\]:[ \t]*(?:<(?P<def1>[^<>\n]{1,500})>|(?P<def2>[^\s<>]{1,500}))", re.MULTILINE
)
"""``[id]: target``; not ``[^1]: ...``, which defines a footnote."""
_HTML_TAG = re.compile(r"<(?P<tag>[a-zA-Z][a-zA-Z0-9-]{0,30})(?P<attrs>[^<>]{0,3000})>")
_HTML_ATTRIBUTE = re.compile(
    r"""(?:^|[\s"'/])(?P<name>href|src)\s*=\s*(?:"(?P<q1>[^"]*)"|'(?P<q2>[^']*)'|(?P<q3>[^\s"'>`]+))""", re.IGNORECASE
)
"""The attributes that survive :mod:`etalase.build.sanitize` and name a file: ``a href``, ``img src``."""
_BACKTICKS = re.compile(r"`+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_C0_AND_SPACE = "".join(map(chr, range(0x21)))


@dataclass(frozen=True)
class Reference:
    """One link or image target in the body."""

    start: int
    end: int
    """Span of the target as written."""
    target: str
    """The target as written (entities not decoded)."""
    image: bool
    """Written as an image (``![...](...)`` or ``<img src>``) rather than a link."""


def references(body: str) -> list[Reference]:
    """Every link and image target of ``body`` outside code spans, in order."""
    code = _code_spans(body)
    image_starts = {match.start(g) for match in _MD_IMAGE.finditer(body) for g in ("img1", "img2") if match.group(g)}
    found: list[Reference] = []
    for match in _MD_LINK.finditer(body):
        group = "link1" if match.group("link1") else "link2"
        found.append(
            Reference(match.start(group), match.end(group), match.group(group), match.start(group) in image_starts)
        )
    for match in _MD_DEFINITION.finditer(body):
        group = "def1" if match.group("def1") else "def2"
        found.append(Reference(match.start(group), match.end(group), match.group(group), False))
    for tag in _HTML_TAG.finditer(body):
        offset = tag.start("attrs")
        for attribute in _HTML_ATTRIBUTE.finditer(tag.group("attrs")):
            group = next(g for g in ("q1", "q2", "q3") if attribute.group(g) is not None)
            if attribute.group(group):
                found.append(
                    Reference(
                        offset + attribute.start(group),
                        offset + attribute.end(group),
                        attribute.group(group),
                        tag.group("tag").lower() == "img",
                    )
                )
    return sorted((ref for ref in found if not _inside(ref.start, code)), key=lambda ref: ref.start)


def browser_url(target: str) -> str:
    """``target`` as a browser reads it: entities decoded, tabs and newlines dropped, trimmed."""
    return re.sub(r"[\t\n\r]", "", html.unescape(target)).strip(_C0_AND_SPACE)


def is_local(target: str) -> bool:
    """Neither a URL with a scheme, nor a site path (``/…``), nor an anchor (``#…``)."""
    url = browser_url(target)
    return not (url.startswith(("#", "/")) or _SCHEME.match(url))


def is_remote(target: str) -> bool:
    """A URL on another site: ``http(s)://…`` or ``//…``."""
    url = browser_url(target).lower()
    return url.startswith(("http://", "https://", "//", "\\\\"))


def local_targets(body: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, target) of each reference that is neither a URL nor a site path."""
    for ref in references(body):
        if is_local(ref.target):
            yield ref.start, ref.end, ref.target


def remote_images(body: str) -> Iterator[tuple[int, str]]:
    """(start, target) of each image loaded from another site."""
    for ref in references(body):
        if ref.image and is_remote(ref.target):
            yield ref.start, ref.target


def file_part(target: str) -> str:
    """The file a local target names: ``foto%20baru.jpg#x`` → ``foto baru.jpg``."""
    return unquote(browser_url(target).split("#")[0].split("?")[0])


def photo_ref(name: str) -> str:
    """The URL that stands for the bundle's photo ``name`` until the page is rendered."""
    return PHOTO_SCHEME + quote(name)


def photo_name(url: str) -> str | None:
    """The photo name of an ``etalase-photo:`` URL (entities already decoded), else ``None``."""
    return unquote(url[len(PHOTO_SCHEME) :]) if url.startswith(PHOTO_SCHEME) else None


def rewrite_local_targets(body: str, replace: Callable[[str], str]) -> str:
    """``body`` with each local target replaced by ``replace(file_part(target))``."""
    out, last = [], 0
    for start, end, target in local_targets(body):
        if start < last:
            continue
        out.append(body[last:start])
        out.append(replace(file_part(target)))
        last = end
    out.append(body[last:])
    return "".join(out)


def _code_spans(body: str) -> list[tuple[int, int]]:
    """Spans of inline code: a run of backticks up to the next run as long, within one block.

    Each backtick run is paired with the next run of the same length (the
    CommonMark rule), found through a precomputed "next run of this length"
    table, so the work is linear in the number of runs.
    """
    blocks = [0] + [m.end() for m in _BLANK_LINE.finditer(body)]
    runs = [
        (m.start(), m.end()) for m in _BACKTICKS.finditer(body) if not (m.start() > 0 and body[m.start() - 1] == "\\")
    ]
    block_of = []
    block = 0
    for start, _ in runs:
        while block + 1 < len(blocks) and blocks[block + 1] <= start:
            block += 1
        block_of.append(block)
    next_same: list[int | None] = [None] * len(runs)
    latest: dict[tuple[int, int], int] = {}
    for i in range(len(runs) - 1, -1, -1):
        key = (block_of[i], runs[i][1] - runs[i][0])
        next_same[i] = latest.get(key)
        latest[key] = i
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(runs):
        closer = next_same[i]
        if closer is None:
            i += 1
            continue
        spans.append((runs[i][0], runs[closer][1]))
        i = closer + 1
    return spans


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``position`` falls in one of the sorted, disjoint ``spans``."""
    low, high = 0, len(spans)
    while low < high:
        middle = (low + high) // 2
        start, end = spans[middle]
        if position < start:
            high = middle
        elif position >= end:
            low = middle + 1
        else:
            return True
    return False
