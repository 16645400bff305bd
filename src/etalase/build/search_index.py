"""Step 6, search index: static files of our own that a phone fetches a few small ones of per query.

Material's built-in search cannot serve Indonesian (lunr has no Indonesian
stemmer, and its single index is downloaded whole). This index stems every
word with Snowball's Indonesian stemmer (PyStemmer): *pembangunan*,
*membangun* and *bangunan* are all *bangun*. The browser looks query words
up in a vocabulary made here (word → stem), which also serves prefix search
for the word being typed; a word no post has is stemmed in the browser by the
same Snowball algorithm (``docs/assets/etalase-stem-id.js``, a test shows it
agrees with PyStemmer on every word of the demo and the benchmark corpus),
so *membangun* finds *pembangunan* though no post says *membangun*.

What is written under ``site/indeks-cari/`` (all JSON, written with
:func:`json.dumps`, sorted, so that the same posts give the same bytes):

``meta.json``
    How many posts, stem shards and records per shard; the filters and
    their values; a digest of the whole index that the page adds to every
    shard's address (``?v=``), so a visitor never mixes two builds.
``v/<abc>.json``
    The vocabulary of words starting with ``abc`` (a word shorter than three
    letters: its own file): word → stem, every stem also a word of its own. A query word is looked up whole; the
    last word being typed, from three letters, by every word it begins.
``s/<n>.json``
    Stem shard ``n`` = FNV-1a of the stem modulo the shard count: for each
    stem, the posts that have it by weight (:data:`TITLE` + :data:`SUMMARY` +
    :data:`BODY`, where it occurs), each list of post ids as gaps.
``r/<n>.json``
    Records of posts ``n * RECORDS_PER_SHARD`` onwards: title, address,
    category, place, date or event date or price, thumbnail, summary.
``f.json``
    Each post's filter values (as indexes into ``meta.json``'s), fetched only
    once the reader opens the filters: the counts and the filtering need it.

Post ids follow the date, newest first, so "then by date" is "then by id".
A post's words come from its title, summary, tags, category, body, its
category's block and its place; the body's text is read from its Markdown (tags, link targets, attribute lists dropped), not
by parsing the rendered page again. Each post's terms are cached by a digest
of that text (:class:`TermStore`): a rebuild after one post changed stems
that post alone, and writes the same bytes as a clean build.

Contributed text reaches the index only as JSON strings (titles, summaries,
places) and as stems of ``[a-z0-9]`` letters; the search page sets it as text.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
import time
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from importlib.metadata import version
from pathlib import Path

import Stemmer  # type: ignore[import-not-found]  # PyStemmer ships no type hints

from etalase.build.pages import PostPage, SearchFilter, offered_filters
from etalase.build.theme import event_time, tanggal
from etalase.content.text_cache import TextCache

OUTPUT_DIR = "indeks-cari"
"""Folder of the index inside the site; the search page's script reads it from ``data-etalase-index``."""
INDEX_VERSION = "1"
"""Bump when what a post's terms are made of changes: it is part of every term cache key."""
TITLE, SUMMARY, BODY = 4, 2, 1
"""A stem's weight in a post: the sum of where it occurs (title 4, summary or tags 2, body 1), one byte."""
RESULT_THUMB_PX = 80
"""Side of a result's thumbnail on the search page (assets/etalase-search.js draws it 80 px square)."""

RECORDS_PER_SHARD = 20
"""Post records in one ``r/`` file: two pages of results."""
POSTINGS_PER_SHARD = 1500
"""About how many (stem, post) pairs one ``s/`` file holds; the shard count is the power of two that gives this."""
MAX_STEM_SHARDS = 4096
PREFIX = 3
"""Letters that name a vocabulary file, and the fewest a prefix query needs."""
MIN_WORD = 2
"""Shorter words are not indexed (``a``, ``x``)."""

_STEMMER = Stemmer.Stemmer("indonesian")
_STEMMER_VERSION = version("PyStemmer")
_WORD = re.compile(r"[a-z0-9]+")
_MARKS = re.compile(r"[\u0300-\u036f]")
_TAG = re.compile(r"<[^>]*>")
_IMAGE_OR_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_REFERENCE = re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$", re.MULTILINE)
_ATTRIBUTES = re.compile(r"\{:?\s*[#.][^}]*\}")
_ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+")


def words(text: str) -> list[str]:
    """The words of ``text`` as the index and the search page see them: lower case, no accents, ``[a-z0-9]+``.

    The search page's script does the same (``toLowerCase``, ``NFKD``, the
    same letters); a test holds the two together.
    """
    folded = _MARKS.sub("", unicodedata.normalize("NFKD", text.lower()))
    return [word for word in _WORD.findall(folded) if len(word) >= MIN_WORD]


def stem(word: str) -> str:
    return str(_STEMMER.stemWord(word))


def markdown_text(body: str) -> str:
    """The readable text of a post's Markdown body: no tags, link targets, addresses or attribute lists."""
    text = _REFERENCE.sub(" ", body)
    text = _IMAGE_OR_LINK.sub(r" \1 ", text)
    text = _TAG.sub(" ", text)
    text = _ATTRIBUTES.sub(" ", text)
    text = _ADDRESS.sub(" ", text)
    return html.unescape(text)


@dataclass(frozen=True)
class Terms:
    """What one post adds to the index: each of its words' stem, and each stem's weight."""

    vocabulary: dict[str, str]
    weights: dict[str, int]

    def to_json(self) -> str:
        return json.dumps([self.vocabulary, self.weights], sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> Terms:
        vocabulary, weights = json.loads(text)
        return cls(vocabulary, weights)


def post_text(page: PostPage) -> tuple[str, str, str]:
    """A post's searchable text by weight: title; summary, tags and category; body, its category's block (a
    business's products, an event's venue) and its place."""
    meta = page.post.meta
    tags = " ".join(tag.replace("-", " ") for tag in meta.tags)
    block = " ".join(_strings(page.post.block.model_dump(mode="json")))
    summary = f"{meta.summary} {tags} {page.post.category_label}"
    return meta.title, summary, f"{markdown_text(page.post.body)} {block} {page.place.label}"


def _strings(value: object) -> Iterator[str]:
    """Every text in a block's data but addresses (links, phone numbers are digits and stay)."""
    if isinstance(value, str):
        if not _ADDRESS.match(value):
            yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def terms_of(text: tuple[str, str, str]) -> Terms:
    """Stem the words of a post's (title, summary and tags, body)."""
    vocabulary: dict[str, str] = {}
    weights: dict[str, int] = {}
    for part, weight in zip(text, (TITLE, SUMMARY, BODY), strict=True):
        found = sorted(set(words(part)))
        for word, stemmed in zip(found, _STEMMER.stemWords(found), strict=True):
            stemmed = stemmed if len(stemmed) >= MIN_WORD else word
            vocabulary[word] = stemmed
            weights[stemmed] = weights.get(stemmed, 0) | weight
    return Terms(vocabulary, weights)


def text_key(text: tuple[str, str, str]) -> str:
    """The term cache's key of a post's text: the text, this module's version, the stemmer's."""
    hasher = hashlib.sha256(f"{INDEX_VERSION}\0{_STEMMER_VERSION}\0".encode())
    for part in text:
        hasher.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return hasher.hexdigest()


class TermStore(TextCache):
    """Each post's terms (:meth:`Terms.to_json`) by the digest of its text (:mod:`etalase.content.text_cache`)."""

    FILE = "terms.sqlite3"
    TABLE, COLUMN = "terms", "terms"


def fnv1a(text: str) -> int:
    """32-bit FNV-1a of ``text``'s UTF-8 bytes: which stem shard holds a stem (the script computes the same)."""
    value = 0x811C9DC5
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value


def vocabulary_file(word: str) -> str:
    """The vocabulary file that holds ``word``: its first :data:`PREFIX` letters (a shorter word: itself)."""
    return word[:PREFIX]


def record(page: PostPage) -> list[str | int]:
    """What a result shows of a post: [title, URL, category id, category, place, ISO date, when or price,
    thumbnail URL, thumbnail side, summary]. URLs are site-relative."""
    post = page.post
    block = post.block
    start = getattr(block, "start", None)  # an event's (a project's start is a date, not an event)
    start = start if isinstance(start, datetime) else None
    price = getattr(block, "price_range", None) or getattr(block, "ticket", None)
    if start is not None:
        moment, when = start, event_time(start, getattr(block, "end", None))
    else:
        moment, when = post.meta.date, price or tanggal(post.meta.date)
    thumb = page.cover.thumb_for(RESULT_THUMB_PX)
    return [
        post.meta.title,
        page.url,
        post.category,
        post.category_label,
        page.place.label,
        moment.date().isoformat(),
        when,
        thumb.url,
        thumb.width,
        post.meta.summary,
    ]


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _gaps(ids: list[int]) -> list[int]:
    return [ids[0], *(b - a for a, b in zip(ids, ids[1:], strict=False))]


@dataclass
class IndexResult:
    posts: int
    stemmed: int
    """Posts whose terms were not in the cache."""
    files: int
    seconds: float
    """How long writing the index took."""


def build_index(site_dir: Path, pages: Iterable[PostPage], cache_dir: Path) -> IndexResult:
    """Write the index of ``pages`` into ``site_dir/indeks-cari``; ``cache_dir`` keeps each post's terms."""
    started = time.perf_counter()
    ordered = sorted(pages, key=lambda page: (-page.post.meta.date.timestamp(), page.post.slug))
    store = TermStore(cache_dir)
    keys: list[str] = []
    made: dict[str, str] = {}
    """The terms stemmed in this build, as the cache keeps them (JSON: a tenth of their size as dicts)."""
    vocabulary: dict[str, dict[str, str]] = {}
    postings: dict[str, dict[int, list[int]]] = {}
    # A batch of posts at a time, each post's terms folded in and dropped: at 10,000 posts, holding every post's
    # text and terms at once took 600 MiB (bench/bench_scale.py, the full build against --no-search).
    for start in range(0, len(ordered), TermStore.BATCH):
        texts = [post_text(page) for page in ordered[start : start + TermStore.BATCH]]
        batch = [text_key(text) for text in texts]
        cached = store.read_texts(batch)
        for doc, key, text in zip(range(start, start + len(batch)), batch, texts, strict=True):
            stored = cached.get(key) or made.get(key)
            if stored is None:
                terms = terms_of(text)
                made[key] = terms.to_json()
            else:
                terms = Terms.from_json(stored)
            for word, stemmed in terms.vocabulary.items():
                vocabulary.setdefault(vocabulary_file(word), {})[word] = stemmed
            for stemmed, weight in terms.weights.items():
                postings.setdefault(stemmed, {}).setdefault(weight, []).append(doc)
        keys += batch
    store.update_texts(made, keep=set(keys))
    for stemmed in postings:  # a stem is a query word too: "bangun" finds pembangunan where no text says bangun
        vocabulary.setdefault(vocabulary_file(stemmed), {}).setdefault(stemmed, stemmed)
    total = sum(len(ids) for by_weight in postings.values() for ids in by_weight.values())
    stem_shards = 1
    while stem_shards < MAX_STEM_SHARDS and total / stem_shards > POSTINGS_PER_SHARD:
        stem_shards *= 2
    shards: dict[int, dict[str, dict[str, list[int]]]] = {}
    for stemmed, by_weight in postings.items():
        shards.setdefault(fnv1a(stemmed) % stem_shards, {})[stemmed] = {
            str(weight): _gaps(ids) for weight, ids in by_weight.items()
        }

    filters = offered_filters(ordered)
    files: dict[str, str] = {}
    for name, words_of in vocabulary.items():
        files[f"v/{name}.json"] = _dump(words_of)
    for number, stems in shards.items():
        files[f"s/{number}.json"] = _dump(stems)
    records = [record(page) for page in ordered]
    for start in range(0, len(records), RECORDS_PER_SHARD):
        files[f"r/{start // RECORDS_PER_SHARD}.json"] = _dump(records[start : start + RECORDS_PER_SHARD])
    files["f.json"] = _dump([_facets(page, filters) for page in ordered])
    digest = hashlib.sha256(_dump(sorted(files.items())).encode()).hexdigest()[:12]
    files["meta.json"] = _dump(
        {
            "filters": [{"name": item.name, "values": list(item.values)} for item in filters],
            "perRecords": RECORDS_PER_SHARD,
            "posts": len(ordered),
            "prefix": PREFIX,
            "stemShards": stem_shards,
            "version": digest,
        }
    )
    output = site_dir / OUTPUT_DIR
    shutil.rmtree(output, ignore_errors=True)
    for name in ("v", "s", "r"):
        (output / name).mkdir(parents=True)
    for name, data in sorted(files.items()):
        (output / name).write_text(data, encoding="utf-8")
    return IndexResult(len(ordered), len(made), len(files), time.perf_counter() - started)


def _facets(page: PostPage, filters: list[SearchFilter]) -> list[list[int]]:
    """A post's filter values, as indexes into each offered filter's values."""
    return [
        sorted(item.values.index(value) for value in page.filters.get(item.name, []) if value in item.values)
        for item in filters
    ]
