"""RSS 2.0 and JSON Feed 1.1 of the newest posts, for the site and per category.

Written after the MkDocs build into ``feed.xml``/``feed.json`` at the site
root and ``<category>/feed.xml``/``feed.json``. URLs are absolute, from
``site_url``; dates come from the posts only, so two builds of the same
content write the same bytes.
"""

from __future__ import annotations

import html
import json
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

from etalase.build.listings import KINDS
from etalase.build.seo import Site
from etalase.content import urls
from etalase.content.structure import Content, Post
from etalase.photos.types import ProcessedPhoto, Rendition


def write_feeds(content: Content, photos: dict[Path, ProcessedPhoto], site: Site, site_dir: Path, size: int) -> None:
    """Write the site's feeds and one pair for each group of a listing kind that has feeds (categories)."""
    feeds = [("", site.name, content.posts)]
    for kind in KINDS:
        if kind.feeds:
            feeds += [
                (kind.url(key), f"{kind.heading(key, content)} · {site.name}", posts)
                for key, posts in kind.groups(content).items()
            ]
    for folder, feed_title, posts in feeds:
        target = site_dir / folder
        target.mkdir(parents=True, exist_ok=True)
        chosen = posts[:size]
        (target / urls.FEED_RSS).write_text(
            _rss(site.url, folder, feed_title, site.description, chosen, content, photos), encoding="utf-8"
        )
        (target / urls.FEED_JSON).write_text(
            _json_feed(site.url, folder, feed_title, site.description, chosen, content, photos), encoding="utf-8"
        )


def _image(post: Post, photos: dict[Path, ProcessedPhoto]) -> Rendition | None:
    """The cover's 1200x630 crop: feed readers print the title beside it themselves."""
    photo = photos.get(post.cover)
    return photo.social if photo else None


def _authors(post: Post, content: Content) -> list[str]:
    return [content.creators[c].data.name for c in post.meta.creators]


def _rss(
    base: str,
    folder: str,
    title: str,
    description: str,
    posts: list[Post],
    content: Content,
    photos: dict[Path, ProcessedPhoto],
) -> str:
    items = []
    for post in posts:
        link = base + post.url
        image = _image(post, photos)
        enclosure = (
            f'\n      <enclosure url="{escape(base + image.url)}" type="image/jpeg" '
            f'length="{image.file.stat().st_size}"/>'
            if image
            else ""
        )
        authors = "".join(f"\n      <dc:creator>{escape(a)}</dc:creator>" for a in _authors(post, content))
        items.append(f"""    <item>
      <title>{escape(post.meta.title)}</title>
      <link>{escape(link)}</link>
      <guid isPermaLink="true">{escape(link)}</guid>
      <pubDate>{format_datetime(post.meta.date)}</pubDate>
      <category>{escape(post.category_label)}</category>
      <description>{escape(html.escape(post.meta.summary))}</description>{authors}{enclosure}
    </item>""")
    last = (
        f"\n    <lastBuildDate>{format_datetime(max(post.modified for post in posts))}</lastBuildDate>" if posts else ""
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>{escape(title)}</title>
    <link>{escape(base + folder)}</link>
    <atom:link href="{escape(base + urls.feed(folder, "rss"))}" rel="self" type="application/rss+xml"/>
    <description>{escape(description or title)}</description>
    <language>id</language>{last}
{chr(10).join(items)}
  </channel>
</rss>
"""


def _json_feed(
    base: str,
    folder: str,
    title: str,
    description: str,
    posts: list[Post],
    content: Content,
    photos: dict[Path, ProcessedPhoto],
) -> str:
    items = []
    for post in posts:
        item = {
            "id": base + post.url,
            "url": base + post.url,
            "title": post.meta.title,
            "summary": post.meta.summary,
            "content_text": post.meta.summary,
            "date_published": post.meta.date.isoformat(),
            "tags": [post.category_label, *post.meta.tags],
            "authors": [
                {"name": n, "url": base + content.creators[c].url}
                for c, n in zip(post.meta.creators, _authors(post, content))
            ],
        }
        if post.meta.updated:
            item["date_modified"] = post.meta.updated.isoformat()
        image = _image(post, photos)
        if image:
            item["image"] = base + image.url
        items.append(item)
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": title,
        "home_page_url": base + folder,
        "feed_url": base + urls.feed(folder, "json"),
        "description": description,
        "language": "id",
        "items": items,
    }
    return json.dumps(feed, ensure_ascii=False, indent=2) + "\n"
