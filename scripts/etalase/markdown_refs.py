"""Find the local files a post body links or embeds, and point them elsewhere.

Validation uses :func:`local_targets` to check that each one is a photo inside
the bundle; page generation uses :func:`rewrite_local_targets` to point each
at the processed photo, so that the original file is never published.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

# [text](target), ![alt](target "title"), [id]: target, and src=/href=/… in raw HTML
_MD_TARGET = re.compile(r"\]\(\s*<?(?P<a>[^)\s>]+)>?(?:\s+[\"'(][^)]*)?\)"
                        r"|^\s{0,3}\[[^\]]+\]:\s*<?(?P<b>[^\s>]+)>?", re.MULTILINE)
_HTML_TARGET = re.compile(r"""\b(?:src|href|srcset|poster|data)\s*=\s*["']?(?P<c>[^"'\s>]+)""", re.IGNORECASE)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")

PHOTO_SCHEME = "etalase-photo:"
"""Scheme that marks a reference to a processed photo of the bundle."""


def local_targets(body: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, target) of each reference that is neither a URL nor a site path."""
    for pattern in (_MD_TARGET, _HTML_TARGET):
        for match in pattern.finditer(body):
            group = next(g for g in ("a", "b", "c") if g in match.groupdict() and match.group(g))
            target = match.group(group)
            if target.startswith(("#", "/")) or _SCHEME.match(target):
                continue
            yield match.start(group), match.end(group), target


def file_part(target: str) -> str:
    """``foto.jpg#x`` and ``foto.jpg?y`` → ``foto.jpg``."""
    return target.split("#")[0].split("?")[0]


def rewrite_local_targets(body: str, replace: Callable[[str], str]) -> str:
    """``body`` with each local target replaced by ``replace(file_part(target))``."""
    spans = sorted(local_targets(body))
    out, last = [], 0
    for start, end, target in spans:
        if start < last:
            continue
        out.append(body[last:start])
        out.append(replace(file_part(target)))
        last = end
    out.append(body[last:])
    return "".join(out)
