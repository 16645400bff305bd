"""Step 5, render: post bodies and whole pages on every core, and from a cache when nothing they show changed.

MkDocs renders every page on one core, every build, although a merged pull
request changes one post. This module takes two jobs off that path:

* **Bodies** (:class:`BodyRenderer`): each post's Markdown becomes its final
  HTML (rendered, cleaned by :mod:`etalase.build.sanitize`, body photos turned into
  ``<picture>``) in a pool of processes, one Markdown instance each, under
  each post's time budget (:mod:`etalase.build.guard`). Results are cached by a
  digest of the body, every rendition of the photos it shows, the Markdown
  configuration and the pipeline's own code with the versions it runs on
  (:func:`code_digest`): no version number to bump by hand.
* **Pages** (:class:`PageWork`): every generated page has a fingerprint: a
  digest of everything its template reads (the page's own data, the posts,
  creators, places and photos it shows) and of everything every page shares
  (the theme, ``mkdocs.yml``, the navigation with its resolved titles, the
  pipeline's code). A page
  whose fingerprint is cached is linked from the cache; the others are
  shared out between this process and forked workers, each of which draws
  its pages with the theme's templates (:mod:`etalase.build.templates`) and
  caches what it wrote. MkDocs never sees these pages: it builds the
  hand-written ones.

Outputs are byte-identical to a build without any cache: the same code
renders every page, only in another process or at another time, and a page
is reused only when nothing it shows has changed (a test compares a
one-post rebuild with a full build).
"""

from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import fields, is_dataclass
from datetime import date
from functools import cache, partial
from pathlib import Path
from typing import Any

import markdown
from mkdocs.config.defaults import MkDocsConfig
from pydantic import BaseModel

from etalase.build.guard import PostGuard, PostTooComplex
from etalase.build.listings import ListingKind
from etalase.build.pages import Page, PostPage
from etalase.build.sanitize import clean_html, link_photos
from etalase.build.share_cards import Card
from etalase.build.theme import scrollable_tables
from etalase.content.categories import Category
from etalase.content.digests import code_digest
from etalase.content.markdown_refs import photo_ref, rewrite_local_targets
from etalase.content.problems import Problem
from etalase.content.structure import CreatorEntry, Place, Post
from etalase.content.text_cache import TextCache
from etalase.photos.markup import picture_html
from etalase.photos.types import ProcessedPhoto
from etalase.utils.forked import CAN_FORK, ChildFailed, Forked

log = logging.getLogger("mkdocs.plugins.etalase")

MIN_SHARED = 50
"""Fewer pages to build than this are built by this process alone: a fork costs more than it saves."""


def photo_shape(photo: ProcessedPhoto) -> tuple[object, ...]:
    """Everything of a processed photo that markup can show: every rendition's URL, size and format."""
    return tuple(
        (rendition.url, rendition.width, rendition.height, rendition.format)
        for rendition in (*photo.renditions, photo.social, *photo.thumbs)
    ) + ((photo.width, photo.height),)


# --------------------------------------------------------------------------
# Bodies
# --------------------------------------------------------------------------


def _digest(*parts: object) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(str(part).encode("utf-8", "surrogatepass") + b"\0")
    return hasher.hexdigest()


class BodyRenderer:
    """Renders post bodies to their final HTML, in parallel and through a cache."""

    def __init__(self, config: MkDocsConfig, cache_dir: Path, render_seconds: float, workers: int):
        self.cache_dir = cache_dir
        self.render_seconds = render_seconds
        self.workers = workers
        self.extensions = config.markdown_extensions
        self.extension_configs = config.mdx_configs or {}
        self.site_url = config.site_url
        self.cached = 0
        """Bodies the last :meth:`render` took from the cache."""
        self.setup = _digest(
            code_digest(),
            json.dumps(self.extensions, default=str),
            json.dumps(self.extension_configs, sort_keys=True, default=str),
            self.site_url,
        )
        """What every body's HTML depends on besides the body and its photos."""

    def render(
        self, posts: list[Post], photos: dict[Path, ProcessedPhoto], keep: Iterable[Post]
    ) -> tuple[dict[str, str], list[Problem]]:
        """The final body HTML of each of ``posts``, by slug, and the posts that could not be rendered.

        The cache keeps the bodies of ``keep`` (every post of the site) and
        forgets the others.
        """
        kept = {_BodyJob.key_of(post, photos, self.setup) for post in keep}
        wanted = {post.slug: _BodyJob.of(post, photos, self.setup) for post in posts}
        store = BodyStore(self.cache_dir)
        stored = store.read(job.key for job in wanted.values())
        bodies = {slug: stored[job.key] for slug, job in wanted.items() if job.key in stored}
        self.cached = len(bodies)
        jobs = [job for slug, job in wanted.items() if slug not in bodies]
        problems: list[Problem] = []
        rendered: dict[str, str] = {}
        for slug, outcome in self._run(jobs).items():
            if isinstance(outcome, Problem):
                problems.append(outcome)
            else:
                bodies[slug] = rendered[wanted[slug].key] = outcome
        store.update(rendered, keep=kept)
        return bodies, problems

    def _run(self, jobs: list[_BodyJob]) -> dict[str, str | Problem]:
        if not jobs:
            return {}
        setup = (self.extensions, self.extension_configs, self.site_url, self.render_seconds)
        if self.workers <= 1 or len(jobs) < 2 * self.workers:
            _start_worker(*setup)
            return dict(_render_body(job) for job in jobs)
        chunk = max(1, len(jobs) // (self.workers * 8))
        forked = CAN_FORK
        context = multiprocessing.get_context("fork" if forked else "spawn")
        global _JOBS
        _JOBS = jobs if forked else []  # forked workers inherit them: only indices go through the pool's pipes
        try:
            with ProcessPoolExecutor(
                self.workers, mp_context=context, initializer=_start_worker, initargs=setup
            ) as pool:
                if forked:
                    return dict(pool.map(_render_body_at, range(len(jobs)), chunksize=chunk))
                return dict(pool.map(_render_body, jobs, chunksize=chunk))  # spawned workers are sent their jobs
        finally:
            _JOBS = []


class BodyStore(TextCache):
    """Rendered post bodies by key (:mod:`etalase.content.text_cache`)."""

    FILE = "bodies.sqlite3"
    TABLE, COLUMN = "body", "html"

    def __init__(self, folder: Path):
        super().__init__(folder)
        prune(folder, ())  # one file per body, as earlier versions kept them

    read = TextCache.read_texts
    update = TextCache.update_texts


class _BodyJob:
    """One post body to render (picklable, for the pool)."""

    def __init__(
        self, slug: str, source: Path, markdown_text: str, photos: dict[str, ProcessedPhoto], prefix: str, key: str
    ):
        self.slug, self.source, self.markdown, self.photos, self.prefix, self.key = (
            slug,
            source,
            markdown_text,
            photos,
            prefix,
            key,
        )

    @classmethod
    def of(cls, post: Post, photos: dict[Path, ProcessedPhoto], setup: str) -> _BodyJob:
        by_name = _photos_by_name(post, photos)
        return cls(
            post.slug,
            post.source,
            rewrite_local_targets(post.body, photo_ref),
            by_name,
            _prefix(post),
            cls.key_of(post, photos, setup, by_name),
        )

    @staticmethod
    def key_of(
        post: Post, photos: dict[Path, ProcessedPhoto], setup: str, by_name: dict[str, ProcessedPhoto] | None = None
    ) -> str:
        """The body cache's key of ``post``: what its HTML is made of (its Markdown is read, not rewritten)."""
        by_name = _photos_by_name(post, photos) if by_name is None else by_name
        shown = sorted((name, photo_shape(photo)) for name, photo in by_name.items())
        return _digest(setup, post.body, shown, _prefix(post))


def _photos_by_name(post: Post, photos: dict[Path, ProcessedPhoto]) -> dict[str, ProcessedPhoto]:
    return {ref.file.relative_to(post.bundle).as_posix(): photos[ref.file] for ref in post.photos}


def _prefix(post: Post) -> str:
    """From a post's page to the site's root."""
    return "../" * post.url.count("/")


_MARKDOWN: markdown.Markdown | None = None
_SETUP: tuple[str | None, float] = (None, 0)


def _start_worker(extensions: list[Any], configs: dict[str, Any], site_url: str | None, seconds: float) -> None:
    """One Markdown instance per process, reset between bodies (creating one costs more than a body)."""
    global _MARKDOWN, _SETUP
    _MARKDOWN = markdown.Markdown(extensions=extensions, extension_configs=configs)
    _SETUP = (site_url, seconds)


_JOBS: list[_BodyJob] = []
"""The bodies a pool of forked workers renders, set before the pool forks.

Sending each job through the pool's pipe pickled its photos (every
rendition's ``Path``): unpickling them took the workers 3.8 of the 6.5
seconds of 2,000 bodies (py-spy of a 2,000-post build).
"""


def _render_body_at(index: int) -> tuple[str, str | Problem]:
    """Render the body of ``_JOBS[index]`` (in a forked worker)."""
    return _render_body(_JOBS[index])


def _render_body(job: _BodyJob) -> tuple[str, str | Problem]:
    """Render one body, or the problem that names its post. Never raises for bad input."""
    assert _MARKDOWN is not None
    site_url, seconds = _SETUP
    guard = PostGuard(seconds)
    guard.enter(job.source, blame=True)
    try:
        rendered = _MARKDOWN.reset().convert(job.markdown)
        body = link_photos(
            clean_html(rendered, site_url=site_url),
            lambda name, alt: _picture(job, name, alt),
            lambda name: _href(job, name),
        )
        return job.slug, scrollable_tables(body)
    except PostTooComplex as error:
        return job.slug, error.problem
    except Exception as error:  # noqa: BLE001 - a body that breaks Markdown is its post's problem
        problem = guard.problem(error)
        assert problem is not None
        return job.slug, problem
    finally:
        guard.leave()


def _picture(job: _BodyJob, name: str, alt: str) -> str | None:
    photo = job.photos.get(name)
    return picture_html(photo, alt, url_prefix=job.prefix) if photo else None


def _href(job: _BodyJob, name: str) -> str | None:
    photo = job.photos.get(name)
    return job.prefix + photo.largest("jpeg").url if photo else None


# --------------------------------------------------------------------------
# Pages
# --------------------------------------------------------------------------


class PageWork:
    """Which generated pages come from the cache, which this process draws, which a forked worker draws."""

    def __init__(self, cache_dir: Path, shared: str, workers: int):
        self.cache_dir = cache_dir
        self.shared = shared
        """Digest of what every page shows (theme, mkdocs.yml, navigation, code): see :func:`shared_fingerprint`."""
        self.workers = workers
        self.keys: dict[str, str] = {}
        """Fingerprint of each generated page, by URL."""
        self.cached: set[str] = set()
        self._children: list[Forked[list[Problem]]] = []

    def plan(self, pages: Iterable[Page], post_digest: Callable[[Post], str], extra: Callable[[Page], object]) -> None:
        """Fingerprint every page; note which are cached.

        ``extra`` gives what a page shows that is not among its data (a post's
        share card), fingerprinted with it.
        """
        memo: dict[int, Any] = {}
        for page in pages:
            self.keys[page.url] = _digest(
                self.shared,
                page.template,
                page.url,
                fingerprint(page, post_digest, memo),
                fingerprint(extra(page), post_digest, memo),
            )
            if self._cached_file(self.keys[page.url]).is_file():
                self.cached.add(page.url)

    def needs_body(self, page: Page) -> bool:
        """Whether the page is drawn in this build (its post's body is needed)."""
        return page.url not in self.cached

    def build(self, pages: list[Page], draw: Callable[[Page], str], site_dir: Path) -> None:
        """Draw every page the cache does not hold into ``site_dir``: a share in each forked worker, the first here.

        The workers run while MkDocs builds the hand-written pages;
        :meth:`finish` waits for them. ``draw`` gives a page's whole HTML.
        """
        todo = [page for page in pages if page.url not in self.cached]
        shares = [todo]
        if self.workers > 1 and len(todo) >= MIN_SHARED and CAN_FORK:
            shares = [todo[index :: self.workers] for index in range(self.workers)]
        for share in shares[1:]:
            self._children.append(Forked(partial(self._build_share, share, draw, site_dir)))
        for page in shares[0]:
            self.store(page.url, draw(page), site_dir / page_file(page.url))

    def _build_share(self, share: list[Page], draw: Callable[[Page], str], site_dir: Path) -> list[Problem]:
        """In a worker: draw every page of ``share``; the problem that stopped it, if any (none: ``[]``)."""
        page: Page | None = None
        try:
            for page in share:
                self.store(page.url, draw(page), site_dir / page_file(page.url))
        except BaseException as error:  # noqa: BLE001 - reported to the parent, which stops the build
            problem = getattr(error, "problem", None)
            if isinstance(problem, Problem):
                return [problem]
            log.exception("halaman %s gagal dibangun (page failed to build)", page.url if page else "?")
            return [
                Problem(
                    page.post.source if isinstance(page, PostPage) else Path(page.src_uri if page else "?"),
                    None,
                    None,
                    f"halaman tidak dapat dibangun ({type(error).__name__}: {error})",
                    f"the page cannot be built ({type(error).__name__}: {error})",
                )
            ]
        return []

    def store(self, url: str, output: str, target: Path) -> None:
        """Keep a page drawn in this build for the next build, and put it in place at ``target`` in the site.

        The page is written once, into the cache, and linked into the site:
        writing it twice cost 1 ms a page on a busy disk (py-spy of a
        2,000-post build, 3,500 pages).
        """
        cached = self._cached_file(self.keys[url])
        _write_atomic(cached, output.encode("utf-8", errors="xmlcharrefreplace"))
        _place(cached, target)

    def finish(self, site_dir: Path) -> list[Problem]:
        """Wait for the workers and put every cached page in place; the workers' problems, if any."""
        problems: list[Problem] = []
        children, self._children = self._children, []
        for child in children:
            try:
                problems += child.result()
            except ChildFailed as error:
                problems.append(
                    Problem(
                        Path("mkdocs.yml"),
                        None,
                        None,
                        f"proses pembangun halaman berhenti tanpa hasil ({error}); jalankan ulang build",
                        f"a page-building process stopped without a result ({error}); run the build again",
                    )
                )
        prune(self.cache_dir, self.keys.values())
        for url in sorted(self.cached):
            _place(self._cached_file(self.keys[url]), site_dir / page_file(url))
        return problems

    def abandon(self) -> None:
        """The build failed: stop the workers and forget their results."""
        children, self._children = self._children, []
        for child in children:
            child.abandon()

    def _cached_file(self, key: str) -> Path:
        return self.cache_dir / key[:2] / f"{key}.html"


def page_file(url: str) -> str:
    """Where the page at ``url`` is in the site: ``wisata/`` -> ``wisata/index.html``, ``""`` -> ``index.html``."""
    return f"{url}index.html"


def _write_atomic(path: Path, data: bytes) -> None:
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    except FileNotFoundError:  # the folder is made when first needed: a mkdir per file cost more than the write
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(handle, "wb") as file:
        file.write(data)
    os.chmod(temporary, 0o644)
    os.replace(temporary, path)


def _place(source: Path, target: Path) -> None:
    """A cached file into the site: a hard link where the file system allows it, else a copy.

    A link costs no copy now and no delete of data when the site is next
    replaced (:mod:`etalase.build.publish`); nothing writes into a placed file. The target's folder is made
    when the link finds none: a ``mkdir`` before each of the 8,000 files of a 2,000-post site took 0.7 s
    (cProfile of a one-post rebuild), most of them for folders that were there.
    """
    try:
        os.link(source, target)
        return
    except FileExistsError:
        target.unlink()
    except FileNotFoundError:
        if not os.path.exists(source):
            raise
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass
    try:
        os.link(source, target)
    except OSError:  # a file system without hard links, or the cache on another one
        target.unlink(missing_ok=True)
        shutil.copyfile(source, target)


def place_files(files: Mapping[str, Path], site_dir: Path) -> None:
    """Put each cached file of ``files`` (site URL -> file in a cache) in place in ``site_dir`` (:func:`_place`)."""
    for url, source in sorted(files.items()):
        _place(source, site_dir / url)


def prune(cache_dir: Path, keep: Iterable[str]) -> int:
    """Delete every cached file whose key is not in ``keep``, and leftovers of interrupted writes.

    The caches here hold one file per key, under a folder named by the key's
    first two characters. Returns how many files were deleted.
    """
    kept = set(keep)
    removed = 0
    for shard in sorted(cache_dir.glob("??")):
        if not shard.is_dir():
            continue
        for entry in shard.iterdir():
            if entry.name.startswith(".tmp-") or entry.name.split(".")[0] not in kept:
                entry.unlink(missing_ok=True)
                removed += 1
        if not any(shard.iterdir()):
            shard.rmdir()
    return removed


def shared_fingerprint(config: MkDocsConfig, nav: list[Any], extra: Iterable[object]) -> str:
    """What every generated page shows or is shaped by, besides its own data.

    ``mkdocs.yml`` (every key: the brand, the plugins' options, the
    extensions), the configuration as MkDocs resolved it (defaults, an
    ``INHERIT``-ed file), every template and stylesheet under the theme's
    custom folder, the pipeline's own code and the versions it runs on
    (:func:`code_digest`), the navigation as pages show it (``nav``: every
    title as resolved from the pages themselves, and every URL; see
    :func:`nav_outline`) and ``extra`` (the hero photo, the site's card).
    """
    hasher = hashlib.sha256()
    hasher.update(Path(config.config_file_path or "mkdocs.yml").read_bytes())
    hasher.update(_config_text(config).encode("utf-8", "surrogatepass"))
    hasher.update(code_digest().encode())
    custom = [Path(folder) for folder in config.theme.dirs[:1]] if config.theme.custom_dir else []
    for folder in custom:
        for path in sorted(path for path in folder.rglob("*") if path.is_file()):
            hasher.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    hasher.update(json.dumps(nav, default=str).encode())
    hasher.update(fingerprint(list(extra), _no_post, {}).encode())
    return hasher.hexdigest()


def _no_post(post: Post) -> str:
    raise TypeError(f"a post in what every page shares: {post.slug}")


_VOLATILE_KEYS = {"site_dir", "config_file_path", "plugins", "nav"}
"""Keys of the resolved configuration that are not in the fingerprint as they are: the site folder (each build
writes to a staging folder of its own), the file's own path, the plugin objects (their options are in the file's
bytes) and the navigation (in the fingerprint as pages show it, :func:`nav_outline`)."""


def _config_text(config: MkDocsConfig) -> str:
    """The resolved configuration as text, every key but :data:`_VOLATILE_KEYS`, in a stable order.

    Paths under the configuration's own folder are written relative to it, so
    that a checkout moved elsewhere (a cache restored on another runner) keeps
    its pages.
    """
    items = sorted((key, value) for key, value in config.items() if key not in _VOLATILE_KEYS)
    text = json.dumps(items, default=_plain, sort_keys=True)
    base = Path(config.config_file_path or "mkdocs.yml").resolve().parent
    return text.replace(json.dumps(str(base))[1:-1], "<config>")


def _plain(value: object) -> object:
    """A configuration value JSON cannot write as it is: its plain form.

    A theme is its name and options; its folders are not (the custom folder's
    files are fingerprinted by :func:`shared_fingerprint`, the theme package's by
    its version).
    """
    if hasattr(value, "dirs") and hasattr(value, "name"):  # mkdocs.theme.Theme
        return {"name": getattr(value, "name"), **dict(value)}  # type: ignore[call-overload]
    if isinstance(value, (set, frozenset)):
        return sorted(map(str, value))
    return str(value)


def nav_outline(items: Iterable[Any]) -> list[Any]:
    """The navigation as every page's menus show it: each item's resolved title, its URL and its children.

    Read after MkDocs has read every hand-written page (``on_env``): a page
    named in ``mkdocs.yml`` without a title takes it from its front matter or
    its first heading, so changing a guide page's ``title:`` changes every
    page's menu.
    """
    outline: list[Any] = []
    for item in items:
        children = getattr(item, "children", None)
        outline.append(
            [
                type(item).__name__,
                item.title,
                getattr(item, "url", None),
                nav_outline(children) if children else None,
            ]
        )
    return outline


def fingerprint(value: Any, post_digest: Callable[[Post], str], memo: dict[int, Any]) -> str:
    """A digest of everything ``value`` (a generated page, or a part of one) holds that a template could show.

    ``memo`` remembers the digest of each post, card, photo and other object the pages share (a post's card is
    on a dozen listings), by identity, with the object itself so that its id is not reused meanwhile.
    """
    if isinstance(value, (list, tuple, dict, str, int, float, bool, date, Path)) or value is None:
        return _fingerprint(value, post_digest, memo)
    known = memo.get(id(value))
    if known is None:
        known = memo[id(value)] = (value, _fingerprint(value, post_digest, memo))
    return known[1]


@cache
def _fields(kind: type) -> tuple[str, ...]:
    return tuple(item.name for item in fields(kind))


def _fingerprint(value: Any, post_digest: Callable[[Post], str], memo: dict[int, Any]) -> str:
    if isinstance(value, Post):
        return _digest("post", post_digest(value), value.slug, value.scheduled)
    if isinstance(value, CreatorEntry):  # its photo is shown through its processed renditions (in the page's data)
        return _digest("creator", value.id, value.data.model_dump_json(), value.photo.name if value.photo else None)
    if isinstance(value, Card):  # the file in the cache is not shown: its URL and size are
        return _digest("card", value.url, value.width, value.height)
    if isinstance(value, ProcessedPhoto):
        return _digest("photo", photo_shape(value))
    if isinstance(value, (Category, ListingKind)):
        return _digest(type(value).__name__, getattr(value, "id", None) or getattr(value, "name", ""))
    if isinstance(value, Place):
        return _digest("place", value.id, value.label)
    if isinstance(value, BaseModel):
        return _digest(type(value).__name__, value.model_dump_json())
    if is_dataclass(value) and not isinstance(value, type):
        return _digest(
            type(value).__name__,
            *(fingerprint(getattr(value, name), post_digest, memo) for name in _fields(type(value))),
        )
    if isinstance(value, (list, tuple)):
        return _digest("list", *(fingerprint(item, post_digest, memo) for item in value))
    if isinstance(value, dict):
        return _digest("dict", *(f"{key}={fingerprint(item, post_digest, memo)}" for key, item in value.items()))
    if value is None or isinstance(value, (str, int, float, bool, date, Path)):
        return f"{type(value).__name__}:{value!r}"  # as it is: the digest of what holds it covers it (repr escapes \0)
    raise TypeError(f"no fingerprint for {type(value).__name__}: add it to etalase.build.render.fingerprint")
