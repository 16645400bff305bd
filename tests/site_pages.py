"""Which page of the built demo site stands for each page type, and what it should show.

Shared by ``test_site.py``, ``test_seo.py`` and ``test_accessibility.py``.
The expectations come from the demo content itself (loaded and validated
like the build does), so the tests follow the content as it grows.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from conftest import DEMO_CONTENT, NOW, ROOT
from etalase.load import load_content
from etalase import urls
from etalase.structure import Content, Post
from etalase.validate import validate

CATEGORIES = ("wisata", "umkm", "budaya", "pembangunan")


@cache
def demo_content() -> Content:
    """The demo content as the session build sees it at the suite's clock (published posts only)."""
    content, problems = validate(load_content(DEMO_CONTENT), datetime.fromisoformat(NOW))
    assert content is not None, [problem.format() for problem in problems]
    return content


@cache
def site_config() -> MkDocsConfig:
    """``mkdocs.yml`` as MkDocs reads it."""
    return load_config(str(ROOT / "mkdocs.yml"))


def brand() -> dict:
    return site_config().extra["brand"]


def site_url() -> str:
    return site_config().site_url.rstrip("/") + "/"


def newest_post(category: str) -> Post:
    """The newest published post of ``category``; the demo has one in every category."""
    posts = demo_content().by_category().get(category)
    assert posts, f"the demo content has no published {category} post"
    return posts[0]


def tradition_post() -> Post | None:
    """A budaya post about a tradition (no event dates), if the demo has one."""
    return next((p for p in demo_content().by_category().get("budaya", []) if p.meta.budaya.tradition), None)


def page_types() -> dict[str, str]:
    """Page type -> site-relative URL of one page of that type."""
    content = demo_content()
    post = content.posts[0]
    place = content.places[post.meta.region]
    tagged = next(p for p in content.posts if p.meta.tags)
    pages = {
        "home": "",
        **{f"post-{category}": newest_post(category).url for category in CATEGORIES},
        "category": urls.category("wisata"),
        "tag": urls.tag(tagged.meta.tags[0]),
        "region": urls.region(place.id),
        "kecamatan": urls.region(place.kecamatan_id),
        "creator": urls.creator(post.meta.creators[0]),
        "archive": urls.archive(),
        "month": urls.archive(post.meta.date.strftime("%Y/%m")),
        "search": f"{urls.SEARCH}/",
        "page": "tentang/",
        "accessible": urls.accessible(),
        "post-accessible": urls.post("mengamati-burung-taman-kota"),
        "post-progress": urls.post("pembangunan-jembatan-lubuk-tenang"),
        "creators": urls.creators(),
        "creators-by-name": urls.creators(by_name=True),
        "report": urls.report(),
    }
    tradition = tradition_post()
    if tradition is not None:
        pages["post-tradisi"] = tradition.url
    return pages


def html_of(site: Path, url: str) -> str:
    """The built HTML of the page at site-relative ``url``."""
    return (site / url / "index.html").read_text(encoding="utf-8")
