"""Make the rendered HTML of a post safe to publish.

Python-Markdown passes raw HTML through and ``attr_list`` can add any
attribute, so a post can contain ``<script>``, ``onclick=`` or a
``javascript:`` link. Every post body is cleaned with `nh3
<https://nh3.readthedocs.io>`_ against an allow-list of what Markdown and
its extensions legitimately produce. Links to other sites get
``rel="noopener noreferrer nofollow ugc"``.
"""

from __future__ import annotations

import re

import nh3

from .markdown_refs import PHOTO_SCHEME

_TEXT = {"p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "kbd", "samp",
         "em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup", "abbr",
         "cite", "q", "dfn", "time", "span", "div", "a", "img", "figure", "figcaption"}
_LISTS = {"ul", "ol", "li", "dl", "dt", "dd"}
_TABLES = {"table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col"}
_DISCLOSURE = {"details", "summary"}

ALLOWED_TAGS = _TEXT | _LISTS | _TABLES | _DISCLOSURE
"""Tags a post body may contain: no script, style, iframe, object, embed, form, svg, meta."""

ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "abbr": {"title"},
    "time": {"datetime"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "td": {"colspan", "rowspan", "align"},
    "ol": {"start", "reversed", "type"},
    "details": {"open"},
}
"""Attributes allowed per tag; no event handlers, no ``style``."""

URL_SCHEMES = {"http", "https", "mailto", "tel", PHOTO_SCHEME.rstrip(":")}
"""Schemes allowed in links; ``javascript:``, ``data:`` and ``vbscript:`` are not.

``etalase-photo:`` marks the bundle's own photos; the plugin replaces it with
the processed photo after cleaning, and drops it when it names no such photo."""


EXTERNAL_REL = "noopener noreferrer nofollow ugc"

_OUTSIDE_LINK = re.compile(r'<a href="((?:https?:)?//[^"]*)"')


def clean_html(html: str) -> str:
    """The post body with everything outside the allow-list removed."""
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    return _OUTSIDE_LINK.sub(rf'<a href="\1" rel="{EXTERNAL_REL}"', cleaned)
