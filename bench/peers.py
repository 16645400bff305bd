"""The tools compared, each as a project ready to build: Etalase, the stock Material blog, Pelican.

:func:`etalase_site` points an isolated copy of ``mkdocs.yml`` (its own photo
cache) at a content folder. :func:`read_content` reads a content folder in
Etalase's format (any: the synthetic corpus or the demo) into plain records;
:func:`material_site` and :func:`pelican_site` write each peer's project from
them, as a person setting up that tool would. Each returns a :class:`Peer`
that says how to build it and where each post's page lands.

Photos are not copied: a peer page only references its cover by URL, so no
peer does any image work (Etalase's photo cache is warm when it is timed).
Nothing in either configuration fetches from the network.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

from etalase.content import urls  # noqa: E402
from etalase.content.categories import REGISTRY  # noqa: E402

SITE_URL = "https://etalase.example.go.id/"
PER_PAGE = 12
"""Cards on a listing page, as Etalase's ``posts_per_page``."""
FEED_SIZE = 20
"""Entries in a feed, as Etalase's ``feed_size``."""
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_ZONES = {"WIB": 7, "WITA": 8, "WIT": 9}


@dataclass(frozen=True)
class Post:
    """What a peer needs of one post."""

    slug: str
    title: str
    date: datetime
    category: str
    """The category's label (``Wisata``, ``UMKM`` …)."""
    summary: str
    creators: list[str]
    tags: list[str]
    cover_alt: str
    body: str


@dataclass(frozen=True)
class Peer:
    """A peer's project, ready to build."""

    name: str
    project: Path
    command: Callable[..., list[str]]
    """The build command writing the site into the given folder, with any further options given
    (run in :attr:`project`)."""
    post_page: Callable[[Path, str], Path]
    """The HTML file of the post ``slug`` in a built site."""


def etalase_site(content: Path, project: Path, now: datetime) -> Peer:
    """Etalase building ``content`` at the moment ``now``, with its photo cache in ``project/cache``.

    ``mkdocs.yml`` is copied into ``project`` with its folders made absolute,
    so a benchmark's builds never prune the demo's photo cache.
    """
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(ROOT / "docs")
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["plugins"] = [
        {"etalase": {**(plugin["etalase"] or {}), "cache_dir": str(project / "cache")}}
        if isinstance(plugin, dict) and "etalase" in plugin
        else plugin
        for plugin in config["plugins"]
    ]
    project.mkdir(parents=True, exist_ok=True)
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return Peer(
        name="etalase",
        project=ROOT,
        command=lambda site, *options: [
            sys.executable,
            str(ROOT / "scripts" / "build.py"),
            "--config",
            str(project / "mkdocs.yml"),
            "--content",
            str(content),
            "--site-dir",
            str(site),
            "--now",
            now.isoformat(),
            "--timings",
            *options,
        ],
        post_page=lambda site, slug: site / urls.post(slug) / "index.html",
    )


def read_content(content: Path) -> tuple[list[Post], dict[str, dict[str, str]]]:
    """The posts (bundles under ``posts/``) and creators (``creators/*.yml``) of a content folder."""
    creators = {
        path.stem: yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
        for path in sorted((content / "creators").glob("*.yml"))
    }
    posts = []
    for index in sorted((content / "posts").glob("*/index.md")):
        _, front, body = index.read_text(encoding="utf-8").split("---\n", 2)
        meta = yaml.load(front, Loader=_LOADER)
        if meta.get("draft"):
            continue
        posts.append(
            Post(
                slug=meta.get("slug") or index.parent.name,
                title=meta["title"],
                date=_date(meta["date"]),
                category=REGISTRY[meta["category"]].label,
                summary=meta["summary"],
                creators=meta["creators"],
                tags=meta.get("tags", []),
                cover_alt=meta["cover"]["alt"],
                body=body.strip() + "\n",
            )
        )
    return posts, creators


def _date(value: str | datetime) -> datetime:
    """``2026-10-12 08:00 WIB`` (or ISO 8601 with an offset) as an aware datetime."""
    if isinstance(value, datetime):
        return value
    stamp, _, zone = value.rpartition(" ")
    if zone in _ZONES:
        return datetime.fromisoformat(stamp).replace(tzinfo=timezone(timedelta(hours=_ZONES[zone])))
    return datetime.fromisoformat(value)


def _cover(post: Post) -> str:
    """The cover as a reference only: no peer copies or processes photos."""
    return f"![{post.cover_alt}](/media/{post.slug}/sampul.jpg)"


# --------------------------------------------------------------------------
# Material for MkDocs, blog plugin
# --------------------------------------------------------------------------


def material_site(posts: list[Post], creators: dict[str, dict[str, str]], project: Path) -> Peer:
    """A Material blog: posts under ``docs/blog/posts/``, authors, categories, tags and search plugins.

    The stock configuration, with Etalase's Markdown extensions, the
    listings Etalase also has (categories, authors, monthly archive, tags
    index) and its page size; ``theme.font: false`` so no font is fetched.
    """
    docs = project / "docs"
    posts_dir = docs / "blog" / "posts"
    posts_dir.mkdir(parents=True)
    (docs / "index.md").write_text("# Etalase\n\nSitus contoh untuk pembanding.\n", encoding="utf-8")
    (docs / "blog" / "index.md").write_text("# Artikel\n", encoding="utf-8")
    (docs / "tags.md").write_text("# Tag\n\n<!-- material/tags -->\n", encoding="utf-8")
    (docs / "assets").mkdir()
    (docs / "assets" / "kreator.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>\n',
        encoding="utf-8",
    )
    authors = {
        creator_id: {"name": data["name"], "description": data["bio"], "avatar": "/assets/kreator.svg"}
        for creator_id, data in creators.items()
    }
    (docs / "blog" / ".authors.yml").write_text(
        yaml.safe_dump({"authors": authors}, allow_unicode=True), encoding="utf-8"
    )
    for post in posts:
        meta = {
            "date": {"created": post.date},
            "slug": post.slug,
            "categories": [post.category],
            "authors": post.creators,
            "tags": post.tags,
        }
        (posts_dir / f"{post.slug}.md").write_text(
            f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)}---\n\n# {post.title}\n\n"
            f"{post.summary}\n\n<!-- more -->\n\n{_cover(post)}\n\n{post.body}",
            encoding="utf-8",
        )
    config = {
        "site_name": "Etalase (Material blog)",
        "site_url": SITE_URL,
        "theme": {"name": "material", "language": "id", "font": False},
        "plugins": [
            "search",
            {
                "blog": {
                    "post_url_format": "artikel/{slug}",
                    "archive_date_format": "MMMM yyyy",
                    "archive_url_date_format": "yyyy/MM",
                    "authors_profiles": True,
                    "categories_allowed": list(REGISTRY.labels().values()),
                    "pagination_per_page": PER_PAGE,
                }
            },
            "tags",
        ],
        "markdown_extensions": _etalase_markdown_extensions(),
    }
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return Peer(
        name="material-blog",
        project=project,
        command=lambda site: [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--quiet",
            "-f",
            str(project / "mkdocs.yml"),
            "-d",
            str(site),
        ],
        post_page=lambda site, slug: site / "blog" / "artikel" / slug / "index.html",
    )


def _etalase_markdown_extensions() -> list[object]:
    """Etalase's ``markdown_extensions`` from ``mkdocs.yml``, so both render the same Markdown."""
    return yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["markdown_extensions"]


# --------------------------------------------------------------------------
# Pelican
# --------------------------------------------------------------------------

PELICAN_CONF = f'''\
"""Pelican settings of the benchmark: the default theme, Etalase's URLs, page size and feed size."""
AUTHOR = "Diskominfo"
SITENAME = "Etalase (Pelican)"
SITEURL = "{SITE_URL.rstrip("/")}"
RELATIVE_URLS = False
PATH = "content"
TIMEZONE = "Asia/Jakarta"
DEFAULT_LANG = "id"
DEFAULT_PAGINATION = {PER_PAGE}
ARTICLE_URL = "artikel/{{slug}}/"
ARTICLE_SAVE_AS = "artikel/{{slug}}/index.html"
MONTH_ARCHIVE_SAVE_AS = "arsip/{{date:%Y}}/{{date:%m}}/index.html"
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/{{slug}}.atom.xml"
FEED_MAX_ITEMS = {FEED_SIZE}
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
LINKS = ()
SOCIAL = ()
'''


def pelican_site(posts: list[Post], creators: dict[str, dict[str, str]], project: Path) -> Peer:
    """A Pelican site: Markdown articles with Title/Date/Category/Tags/Authors/Summary, the default theme.

    Monthly archives, a page size and feeds as Etalase's; URLs absolute
    (``RELATIVE_URLS = False``); the default feeds, which need no network.
    """
    articles = project / "content" / "posts"
    articles.mkdir(parents=True)
    for post in posts:
        names = ", ".join(creators[creator_id]["name"] for creator_id in post.creators)
        header = {
            "Title": post.title,
            "Date": post.date.isoformat(),
            "Category": post.category,
            "Tags": ", ".join(post.tags),
            "Authors": names,
            "Summary": post.summary,
            "Slug": post.slug,
        }
        text = "".join(f"{key}: {value}\n" for key, value in header.items())
        (articles / f"{post.slug}.md").write_text(f"{text}\n{_cover(post)}\n\n{post.body}", encoding="utf-8")
    (project / "pelicanconf.py").write_text(PELICAN_CONF, encoding="utf-8")
    return Peer(
        name="pelican",
        project=project,
        command=lambda site: [
            sys.executable,
            "-m",
            "pelican",
            str(project / "content"),
            "-o",
            str(site),
            "-s",
            str(project / "pelicanconf.py"),
            "--quiet",
        ],
        post_page=lambda site, slug: site / "artikel" / slug / "index.html",
    )
