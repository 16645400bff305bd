"""Make the rendered HTML of a post safe to publish.

Python-Markdown passes raw HTML through and ``attr_list`` can add any
attribute, so a post can contain ``<script>``, ``onclick=`` or a
``javascript:`` link. Every post body is cleaned with `nh3
<https://nh3.readthedocs.io>`_ against an allow-list of what Markdown and
its extensions legitimately produce:

* no script, style, iframe, object, embed, form, svg, math, meta, base or link
  element, no event-handler or ``style`` attribute (except ``text-align`` in
  table cells, which the ``tables`` extension writes);
* links only to ``http(s):``, ``mailto:``, ``tel:``, site paths and anchors;
* images only from the post's own bundle (``etalase-photo:``, see
  :mod:`etalase.content.markdown_refs`): a photo from another site would make every
  visitor's browser call that site;
* classes only those the Markdown extensions and Material's button idiom use,
  so a post cannot dress itself in the theme's dialogs or banners; ids not
  starting with ``__`` (Material's own).

Links to other sites then get ``rel="noopener noreferrer nofollow ugc"``,
and :func:`link_photos` turns the bundle's photos into ``<picture>``
elements. Both work on nh3's output, whose serialisation is regular: every
attribute is written ``name="value"``, with ``"`` escaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from urllib.parse import urlsplit

import nh3

from etalase.content.markdown_refs import PHOTO_SCHEME, browser_url, is_remote, photo_name

_TEXT = {
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "code",
    "kbd",
    "samp",
    "em",
    "strong",
    "b",
    "i",
    "u",
    "s",
    "del",
    "ins",
    "mark",
    "small",
    "sub",
    "sup",
    "abbr",
    "cite",
    "q",
    "dfn",
    "time",
    "span",
    "div",
    "a",
    "img",
    "figure",
    "figcaption",
}
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
    "th": {"colspan", "rowspan", "align", "scope", "style"},
    "td": {"colspan", "rowspan", "align", "style"},
    "ol": {"start", "reversed", "type"},
    "details": {"open"},
}
"""Attributes allowed per tag; no event handlers; ``style`` only for table cells' alignment."""

STYLE_PROPERTIES = {"text-align"}
"""The one CSS property kept: the ``tables`` extension aligns columns with it."""

URL_SCHEMES = {"http", "https", "mailto", "tel", PHOTO_SCHEME.rstrip(":")}
"""Schemes allowed in links; ``javascript:``, ``data:`` and ``vbscript:`` are not.

``etalase-photo:`` marks the bundle's own photos; :func:`link_photos`
replaces it with the processed photo, and drops it when it names no such photo."""

ADMONITION_TYPES = {
    "note",
    "abstract",
    "summary",
    "tldr",
    "info",
    "todo",
    "tip",
    "hint",
    "important",
    "success",
    "check",
    "done",
    "question",
    "help",
    "faq",
    "warning",
    "caution",
    "attention",
    "failure",
    "fail",
    "missing",
    "danger",
    "error",
    "bug",
    "example",
    "quote",
    "cite",
}
ALLOWED_CLASSES = ADMONITION_TYPES | {
    "admonition",
    "admonition-title",  # admonition, pymdownx.details
    "footnote",
    "footnote-ref",
    "footnote-backref",  # footnotes
    "md-button",
    "md-button--primary",  # Material's button idiom: [Pesan](…){ .md-button }
}
"""Classes a post may carry; any other class is dropped."""

_ID = re.compile(r"(?!__)[\w:.-]{1,100}")
"""Heading anchors (``toc``) and footnote ids (``fn:1``); not Material's ``__…`` ids."""

EXTERNAL_REL = "noopener noreferrer nofollow ugc"

_TAG = re.compile(r'<(?P<name>a|img)(?P<attrs>(?: [^\s="<>/]+="[^"]*")*)>')
_ATTRIBUTE = re.compile(r' ([^\s="<>/]+)="([^"]*)"')


def clean_html(text: str, *, site_url: str | None = None) -> str:
    """The post body with everything outside the allow-list removed.

    Links whose host differs from ``site_url``'s get :data:`EXTERNAL_REL`.
    """
    cleaned = nh3.clean(
        text,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
        attribute_filter=_filter_attribute,
        filter_style_properties=STYLE_PROPERTIES,
    )
    own_host = (urlsplit(site_url).hostname or "") if site_url else ""

    def mark_external(match: re.Match[str]) -> str:
        attributes = _attributes(match)
        href = attributes.get("href", "")
        if match.group("name") != "a" or not is_remote(href) or _host(href) == own_host:
            return match.group()
        return f'<a{match.group("attrs")} rel="{EXTERNAL_REL}">'

    return _TAG.sub(mark_external, cleaned)


def link_photos(text: str, picture: Callable[[str, str], str | None], href: Callable[[str], str | None]) -> str:
    """Point a cleaned body's photo references at the processed photos.

    Each ``<img>`` becomes ``picture(name, alt)`` (HTML) when its source is a
    bundle photo that ``picture`` knows, and is removed otherwise; each
    ``<a href="etalase-photo:name">`` gets ``href(name)``, or loses its link.
    """

    def replace(match: re.Match[str]) -> str:
        attributes = _attributes(match)
        if match.group("name") == "img":
            name = photo_name(attributes.get("src", ""))
            return (picture(name, attributes.get("alt", "")) if name is not None else None) or ""
        name = photo_name(attributes.get("href", ""))
        if name is None:
            return match.group()
        target = href(name)
        kept = "".join(f' {key}="{html.escape(value)}"' for key, value in attributes.items() if key != "href")
        return f'<a href="{html.escape(target)}"{kept}>' if target else f"<a{kept}>"

    return _TAG.sub(replace, text)


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    """nh3's per-attribute hook: narrow classes, ids and image sources further."""
    if attribute == "class":
        kept = [name for name in value.split() if name in ALLOWED_CLASSES]
        return " ".join(kept) or None
    if attribute == "id":
        return value if _ID.fullmatch(value) else None
    if tag == "img" and attribute == "src":
        return value if browser_url(value).startswith(PHOTO_SCHEME) else None
    return value


def _attributes(match: re.Match[str]) -> dict[str, str]:
    """The attributes of a tag matched by :data:`_TAG`, values unescaped."""
    return {name: html.unescape(value) for name, value in _ATTRIBUTE.findall(match.group("attrs"))}


def _host(url: str) -> str:
    url = browser_url(url)
    try:
        return urlsplit("https:" + url if url.startswith("//") else url).hostname or ""
    except ValueError:
        return ""
