"""Step 2, validate: turn loaded files into :class:`~etalase.content.structure.Content`.

Fields are checked by the pydantic models of :mod:`etalase.content.schema` (a post by
the model of its category, :mod:`etalase.content.categories`); their errors are told
to people by :mod:`etalase.content.explain`. This module adds the checks that need
more than one file: creators and regions that exist, photo files that exist
inside the bundle (every field the schema marks as a photo, and every photo
the body shows), and URL slugs that are unique.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import replace
from datetime import datetime, timezone
from functools import partial
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from etalase.content.brand import configured_zone
from etalase.content.categories import REGISTRY
from etalase.content.explain import field_name, problems_of
from etalase.content.load import Loaded, RawFile, read_post
from etalase.content.markdown_refs import file_part, local_targets, remote_images
from etalase.content.merge_dates import MergeDates, is_at_merge
from etalase.content.photo_files import PHOTO_SUFFIXES
from etalase.content.photo_privacy import gps_problems
from etalase.content.placeholders import PLACEHOLDER_PHOTO_MARK, TEMPLATE_BODY
from etalase.content.post_cache import Outcome, PostCache, PostFile, context_of, dumps, loads_outcome
from etalase.content.problems import Problem
from etalase.content.schema import Creator, PostBase, Regions, Slug, photo_locations, placeholder_locations, values_at
from etalase.content.structure import Content, CreatorEntry, PhotoRef, Place, Post, places_of
from etalase.content.text import SLUG, did_you_mean, normalise, show
from etalase.content.zones import DEFAULT_ZONE, ZONES
from etalase.utils.forked import CAN_FORK, Forked


def validate(
    loaded: Loaded, now: datetime, preview_scheduled: bool = False, zone: timezone | None = None
) -> tuple[Content | None, list[Problem]]:
    """Validate everything; returns the content only when there is no problem.

    With ``preview_scheduled``, posts dated after ``now`` (not drafts) are
    among the published posts, marked :attr:`~etalase.content.structure.Post.scheduled`.
    A date written without a zone is in ``zone``; by default the regency's,
    ``extra.brand.timezone`` of the ``mkdocs.yml`` beside the content folder
    (:func:`etalase.content.brand.configured_zone`).
    """
    zone = zone or ZONES[configured_zone(loaded.root.parent / "mkdocs.yml")]
    token = _ZONE.set(zone)
    try:
        return _validate(loaded, now, preview_scheduled)
    finally:
        _ZONE.reset(token)


_ZONE: ContextVar[timezone] = ContextVar("zone")
"""The zone of the run of :func:`validate` (the validation context of every model it checks)."""


def _validate(loaded: Loaded, now: datetime, preview_scheduled: bool) -> tuple[Content | None, list[Problem]]:
    problems = list(loaded.problems)
    places: dict[str, Place] = {}
    if loaded.regions:
        regions = _validate_model(Regions, loaded.regions, problems)
        if isinstance(regions, Regions):
            places = places_of(regions)

    creators: dict[str, CreatorEntry] = {}
    broken: dict[str, Path] = {}
    """Creator files that exist but have problems of their own, by id."""
    for raw in loaded.creators:
        entry = _validate_creator(raw, places, problems)
        if entry:
            creators[entry.id] = entry
        else:
            broken[raw.path.stem] = raw.display

    # ``date: saat digabung``: the moment the post landed on this branch (the merge, on the default branch).
    merge_date = MergeDates(loaded.root, now, _ZONE.get())
    for raw in loaded.posts:
        if is_at_merge(raw.document.data.get("date")):
            _date_at_merge(raw, merge_date(raw.path))
    posts = [post for raw in loaded.posts if (post := _validate_post(raw, creators, broken, places, problems))]
    if loaded.cache is not None:
        posts += _through_cache(loaded, loaded.cache, creators, broken, places, problems, merge_date)
    problems.extend(_duplicate_slugs(posts))
    if problems:
        return None, sorted(set(problems))

    posts.sort(key=lambda p: (-p.meta.date.timestamp(), p.slug))
    published: list[Post] = []
    unpublished: list[Post] = []
    for post in posts:
        post.scheduled = not post.meta.draft and post.meta.date > now
        shown = post.is_published(now) or (preview_scheduled and post.scheduled)
        (published if shown else unpublished).append(post)
    return Content(loaded.root, published, creators, places, unpublished), []


# --------------------------------------------------------------------------
# Posts
# --------------------------------------------------------------------------


def _through_cache(
    loaded: Loaded,
    cache: PostCache,
    creators: dict[str, CreatorEntry],
    broken: dict[str, Path],
    places: dict[str, Place],
    problems: list[Problem],
    merge_date: MergeDates,
) -> list[Post]:
    """The valid posts of :attr:`Loaded.pending`: each from the cache when its outcome still holds, else checked.

    The problems of each post, from the cache or found now, go to ``problems``. A post dated ``saat digabung``
    is taken from the cache only while git still gives it the date it was checked with.
    """
    setup = cache.setup(_ZONE.get())
    context = context_of(creators, broken, places)
    keys = [PostCache.key(setup, post_file) for post_file in loaded.pending]
    stored = cache.read(keys)
    outcomes: dict[str, Outcome] = {}
    misses: list[tuple[str, PostFile]] = []
    for key, post_file in zip(keys, loaded.pending, strict=True):
        outcome = stored.get(key)
        if (
            outcome is not None
            and outcome.holds(creators, places, context)
            and (outcome.merged is None or outcome.merged == merge_date(post_file.index))
        ):
            outcomes[key] = outcome
        else:
            misses.append((key, post_file))
    cache.reused, cache.checked = len(outcomes), len(misses)
    check = partial(
        _check_pending, creators=creators, broken=broken, places=places, context=context, merge_date=merge_date
    )
    forked = None
    if len(misses) >= FORK_AT and CAN_FORK:  # half on the other core: 1.9 ms a post, 20 s of a 10,000-post build
        forked = Forked(partial(_check_as_text, misses[1::2], check))
        misses_here = misses[0::2]
    else:
        misses_here = misses
    outcomes.update(check(misses_here))
    texts: dict[str, str] = {}
    """The forked process's outcomes as the cache writes them: stored as they came, not written again."""
    if forked is not None:
        texts = forked.result()
        for key, post_file in misses[1::2]:
            outcome = loads_outcome(texts[key]) if key in texts else None
            if outcome is None:
                texts.pop(key, None)
                outcome = check([(key, post_file)])[key]
            outcomes[key] = outcome
    fresh: dict[str, str] = {}
    posts: list[Post] = []
    checked = {key for key, _ in misses}
    for key, post_file in zip(keys, loaded.pending, strict=True):
        outcome = outcomes[key]
        if key in checked and PostCache.unchanged(post_file):
            text = texts.get(key) or dumps(outcome)
            if text is not None:
                fresh[key] = text
        problems.extend(outcome.problems)
        if outcome.post is not None:
            posts.append(outcome.post)
    cache.write(fresh, keep=set(keys))
    return posts


FORK_AT = 64
"""Posts to check from which half of them are checked in a forked process (:mod:`etalase.utils.forked`)."""


def _check_pending(
    pending: list[tuple[str, PostFile]],
    *,
    creators: dict[str, CreatorEntry],
    broken: dict[str, Path],
    places: dict[str, Place],
    context: str,
    merge_date: MergeDates,
) -> dict[str, Outcome]:
    """Check each post of ``pending`` (its cache key, its file): its outcome, by key."""
    return {
        key: _check_post(
            post_file.index,
            post_file.display,
            PostCache.post_digest(post_file, _ZONE.get()),
            creators,
            broken,
            places,
            context,
            merge_date,
        )
        for key, post_file in pending
    }


def _check_as_text(
    pending: list[tuple[str, PostFile]], check: Callable[[list[tuple[str, PostFile]]], dict[str, Outcome]]
) -> dict[str, str]:
    """In the forked process: each outcome as the post cache writes it (a post's model is made at run time, so
    only the cache's own pickling carries it); one that cannot be written is checked again by the parent."""
    return {key: text for key, outcome in check(pending).items() if (text := dumps(outcome)) is not None}


def _check_post(
    index: Path,
    display: Path,
    digest: str,
    creators: dict[str, CreatorEntry],
    broken: dict[str, Path],
    places: dict[str, Place],
    context: str,
    merge_date: MergeDates,
) -> Outcome:
    """Read and check one post: its outcome, with what of the creators and places it depends on.

    ``context``: :func:`~etalase.content.post_cache.context_of` the creators and places.
    """
    raw, problems = read_post(index, display)
    if raw is None:
        return Outcome(problems, None)
    raw.digest = digest
    merged = None
    if is_at_merge(raw.document.data.get("date")):
        merged = merge_date(raw.path)
        _date_at_merge(raw, merged)
    post = _validate_post(raw, creators, broken, places, problems)
    if post is None:
        return Outcome(problems, None, context=context, merged=merged)
    named = raw.document.data.get("creators")
    region = raw.document.data.get("region")
    return Outcome(
        problems,
        post,
        creators=tuple(creator for creator in named if isinstance(creator, str)) if isinstance(named, list) else (),
        region=region if isinstance(region, str) else None,
        merged=merged,
    )


def _date_at_merge(raw: RawFile, date: datetime) -> None:
    """Give ``raw`` (dated ``saat digabung``) its ``date``; the date is part of its digest, so a page made
    before the merge (dated at that run's now) is not taken from the cache after it."""
    raw.document.data["date"] = date
    if raw.digest:
        raw.digest = hashlib.sha256(f"{raw.digest}\0{date.isoformat()}".encode()).hexdigest()


def _validate_post(
    raw: RawFile,
    creators: dict[str, CreatorEntry],
    broken: dict[str, Path],
    places: dict[str, Place],
    problems: list[Problem],
) -> Post | None:
    """Check one post; fields first, then what it refers to, so one run reports both."""
    data = raw.document.data
    category = data.get("category")
    before = len(problems)
    if isinstance(category, str) and category in REGISTRY:
        model = REGISTRY.post_model(category)
    else:
        problems.append(_bad_category(raw, category))
        model = REGISTRY.any_category_model()
    meta = _validate_model(model, raw, problems, _foreign_block)

    named = data.get("creators")
    for i, creator in enumerate(named if isinstance(named, list) else []):
        if isinstance(creator, str) and creator not in creators:
            problems.append(_unknown_creator(raw, model, i, creator, creators, broken))
    region = data.get("region")
    if isinstance(region, str) and region not in places:
        names = {normalise(p.name): pid for pid, p in places.items()}
        guess = names.get(normalise(region.split("/")[-1])) or names.get(normalise(region))
        problems.append(
            _unknown(
                raw,
                ("region",),
                "region",
                region,
                sorted(places),
                "wilayah",
                "region",
                "lihat content/regions.yml; wilayah yang belum ada ditambahkan ke berkas itu dalam PR yang sama",
                guess,
            )
        )

    bundle = raw.path.parent
    photos: list[PhotoRef] = []
    for loc, name in values_at(data, photo_locations(model)):
        if not isinstance(name, str):
            continue  # reported by the model
        field = ".".join(str(part) for part in loc)
        line = raw.document.line_of(loc)
        shown = field_name(model, loc)
        target = _bundle_file(raw, bundle, name.strip(), shown, line, problems, loc)
        if target:
            photos.append(PhotoRef(target, field, line, shown))
    photos.extend(_body_photos(raw, bundle, problems))
    problems.extend(gps_problems(raw, photos))  # the repository is public: no committed photo with a location
    if data.get("draft") is not True:
        problems.extend(_placeholders(raw, model, photos))
    if not data.get("slug") and not _is_slug(bundle.name):
        problems.append(
            Problem(
                raw.display,
                None,
                "slug",
                f"nama folder {show(bundle.name)} tidak bisa menjadi alamat pos: pakai huruf kecil "
                "a–z, angka dan tanda -, mis. pantai-indah, atau isi slug",
                f"folder name {show(bundle.name)} cannot be the post's URL: use lowercase a–z, "
                "digits and -, e.g. pantai-indah, or set slug",
            )
        )
    if len(problems) > before or meta is None:
        return None
    assert isinstance(meta, PostBase)
    return Post(
        slug=meta.slug or bundle.name,
        bundle=bundle,
        source=raw.display,
        meta=meta,
        body=raw.document.body,
        body_line=raw.document.body_line,
        photos=photos,
        digest=raw.digest,
    )


_SLUG = TypeAdapter(Slug)


def _is_slug(name: str) -> bool:
    try:
        _SLUG.validate_python(name)
    except ValidationError:
        return False
    return True


def _placeholders(raw: RawFile, model: type[BaseModel], photos: list[PhotoRef]) -> list[Problem]:
    """What a post to be published still holds of the scaffold's and the guide's templates.

    The examples of :class:`~etalase.content.schema.Placeholder` fields, the template's
    body lines and the scaffold's placeholder cover photo. A draft may keep them.
    """
    found = []
    data = raw.document.data
    advice = (
        "ganti dengan isian Anda, atau tulis draft: true bila pos belum siap terbit",
        "replace it with your own, or write draft: true while the post is not ready",
    )
    for location, example in placeholder_locations(model):
        for loc, value in values_at(data, [location]):
            examples = example if isinstance(example, list) else [example]
            values = value if isinstance(value, list) else [value]
            if any(item in examples for item in values if isinstance(item, (str, int, float, dict))):
                found.append(
                    Problem(
                        raw.display,
                        raw.document.line_of(loc),
                        field_name(model, loc),
                        f"masih berisi contoh dari templat: {show(value)}; {advice[0]}",
                        f"still holds the template's example: {show(value)}; {advice[1]}",
                        loc=loc,
                    )
                )
    body = raw.document.body
    for template_line in (line for line in TEMPLATE_BODY.splitlines() if line.strip()):
        start = body.find(template_line)
        if start >= 0:
            line = raw.document.body_line + body[:start].count("\n")
            found.append(
                Problem(
                    raw.display,
                    line,
                    None,
                    f"isi pos masih berisi baris contoh dari templat; {advice[0]}",
                    f"the body still holds a line of the template; {advice[1]}",
                )
            )
    for ref in photos:
        if ref.field and _is_placeholder_photo(ref.file):
            found.append(
                Problem(
                    raw.display,
                    ref.line,
                    ref.shown,
                    "masih foto sementara dari templat; ganti berkasnya dengan foto Anda "
                    "(nama berkas boleh tetap), atau tulis draft: true bila pos belum siap terbit",
                    "still the template's placeholder photo; replace the file with your photo "
                    "(the file name may stay), or write draft: true while the post is not ready",
                    loc=tuple(int(part) if part.isdigit() else part for part in ref.field.split(".")),
                )
            )
    return found


def _is_placeholder_photo(path: Path) -> bool:
    """Whether ``path`` is the scaffold's placeholder photo (it carries :data:`PLACEHOLDER_PHOTO_MARK`)."""
    try:
        with path.open("rb") as file:
            return PLACEHOLDER_PHOTO_MARK in file.read(4096)
    except OSError:
        return False


def _foreign_block(loc: tuple[Any, ...]) -> tuple[str, str] | None:
    """The message for a block this post's category has not (``umkm:`` in a wisata post)."""
    if len(loc) == 1 and loc[0] in REGISTRY:
        return (
            f"blok {show(loc[0])} hanya untuk kategori {loc[0]}; pos ini berkategori lain",
            f"block {show(loc[0])} is only for category {loc[0]}; this post has another category",
        )
    if loc == ("accessibility",):
        places = ", ".join(category.id for category in REGISTRY.places())
        return (
            f"blok accessibility hanya untuk pos tentang tempat yang dikunjungi ({places})",
            f"the accessibility block is only for posts about a place visitors go ({places})",
        )
    return None


def _bad_category(raw: RawFile, found: Any) -> Problem:
    allowed = ", ".join(REGISTRY.ids())
    line = raw.document.line_of(("category",))
    if found is None:
        return Problem(
            raw.display,
            line,
            "category",
            f"wajib diisi; pilih salah satu: {allowed}",
            f"required; choose one of: {allowed}",
        )
    hint = did_you_mean(str(found), REGISTRY.ids())
    return Problem(
        raw.display,
        line,
        "category",
        f"ditemukan {show(found)}; yang diizinkan: {allowed}{hint[0]}",
        f"found {show(found)}; allowed: {allowed}{hint[1]}",
    )


def _unknown_creator(
    raw: RawFile,
    model: type[BaseModel],
    index: int,
    creator: str,
    creators: dict[str, CreatorEntry],
    broken: dict[str, Path],
) -> Problem:
    """A creator id that names no valid creator: a file with problems of its own, or no file at all."""
    loc = ("creators", index)
    if creator in broken:
        where = broken[creator].as_posix()
        return Problem(
            raw.display,
            raw.document.line_of(loc),
            field_name(model, loc),
            f"berkas kreator {where} ada tetapi bermasalah; perbaiki dulu masalah di berkas itu "
            "(lihat pesan untuk berkas itu)",
            f"creator file {where} exists but has problems; fix them first (see the messages for that file)",
            loc=loc,
        )
    return _unknown(
        raw,
        loc,
        field_name(model, loc),
        creator,
        sorted(creators),
        "kreator",
        "creator",
        f"buat berkas content/creators/{creator}.yml (lihat Panduan Kontributor → Daftar isian)",
    )


def _unknown(
    raw: RawFile,
    loc: tuple[Any, ...],
    field: str,
    found: str,
    known: list[str],
    kind_id: str,
    kind_en: str,
    advice: str,
    guess: str | None = None,
) -> Problem:
    hint = (
        (f" (maksud Anda {show(guess)}?)", f" (did you mean {show(guess)}?)") if guess else did_you_mean(found, known)
    )
    shown = ", ".join(known[:12]) + (" …" if len(known) > 12 else "")
    return Problem(
        raw.display,
        raw.document.line_of(loc),
        field,
        f"{kind_id} {show(found)} tidak dikenal{hint[0]}; yang ada: {shown or '(belum ada)'}; {advice}",
        f"unknown {kind_en} {show(found)}{hint[1]}; known: {shown or '(none yet)'}",
        loc=loc,
    )


def _body_photos(raw: RawFile, bundle: Path, problems: list[Problem]) -> list[PhotoRef]:
    """Local files the body links or embeds: they must be photos in the bundle."""
    body = raw.document.body
    photos: list[PhotoRef] = []
    for start, _end, target in local_targets(body):
        line = raw.document.body_line + body[:start].count("\n")
        found = _bundle_file(raw, bundle, file_part(target), None, line, problems)
        if found:
            photos.append(PhotoRef(found, None, line))
    for start, target in remote_images(body):
        line = raw.document.body_line + body[:start].count("\n")
        problems.append(
            Problem(
                raw.display,
                line,
                None,
                f"foto dari situs lain ({show(target)}) tidak dimuat; simpan fotonya di folder pos "
                "dan tulis nama berkasnya, mis. ![teks alternatif](foto.jpg)",
                f"photos from other sites ({show(target)}) are not loaded; put the photo in the post "
                "folder and write its file name, e.g. ![alt text](photo.jpg)",
            )
        )
    return photos


def _bundle_file(
    raw: RawFile,
    bundle: Path,
    name: str,
    field: str | None,
    line: int | None,
    problems: list[Problem],
    loc: tuple[Any, ...] | None = None,
) -> Path | None:
    """Resolve ``name`` inside ``bundle``; report anything that leaves it (``loc``: the field's path, if any)."""
    problems_before = len(problems)
    found = _resolve_in_bundle(raw, bundle, name, field, line, problems)
    for index in range(problems_before, len(problems)):
        problems[index] = replace(problems[index], loc=loc)
    return found


def _resolve_in_bundle(
    raw: RawFile, bundle: Path, name: str, field: str | None, line: int | None, problems: list[Problem]
) -> Path | None:
    if re.search(r"[\x00-\x1f\x7f]", name):
        problems.append(
            Problem(
                raw.display,
                line,
                field,
                f"nama berkas {show(name)} berisi karakter kendali; ketik ulang nama berkasnya",
                f"file name {show(name)} contains control characters; retype it",
            )
        )
        return None
    if not name or name.startswith(("/", "\\")) or re.match(r"^[a-zA-Z]:", name) or ".." in re.split(r"[/\\]", name):
        problems.append(
            Problem(
                raw.display,
                line,
                field,
                f"jalur {show(name)} keluar dari folder pos; sebut nama berkas di folder ini saja",
                f"path {show(name)} leaves the post folder; name a file in this folder only",
            )
        )
        return None
    target = bundle / name
    step = bundle
    symlink = False
    for part in Path(name).parts:
        step = step / part
        symlink = symlink or step.is_symlink()
    if symlink:
        problems.append(
            Problem(
                raw.display,
                line,
                field,
                f"{show(name)} adalah tautan simbolik (symlink); kirim berkas aslinya",
                f"{show(name)} is a symbolic link; submit the real file",
            )
        )
        return None
    if Path(os.path.realpath(bundle)) not in Path(os.path.realpath(target)).parents:
        problems.append(
            Problem(
                raw.display,
                line,
                field,
                f"jalur {show(name)} keluar dari folder pos",
                f"path {show(name)} leaves the post folder",
            )
        )
        return None
    if not target.is_file():
        present = sorted(p.name for p in bundle.iterdir() if p.suffix.lower() in PHOTO_SUFFIXES)
        hint = did_you_mean(name, present)
        problems.append(
            Problem(
                raw.display,
                line,
                field,
                f"berkas {show(name)} tidak ada di folder pos{hint[0]}",
                f"file {show(name)} is not in the post folder{hint[1]}",
            )
        )
        return None
    if target.suffix.lower() not in PHOTO_SUFFIXES:
        allowed = ", ".join(PHOTO_SUFFIXES)
        problems.append(
            Problem(
                raw.display,
                line,
                field,
                f"{show(name)} bukan foto; yang diizinkan: {allowed}",
                f"{show(name)} is not a photo; allowed: {allowed}",
            )
        )
        return None
    return target


def _duplicate_slugs(posts: list[Post]) -> list[Problem]:
    """Two posts with one URL: an error on each, naming the other."""
    seen: dict[str, Post] = {}
    problems = []
    for post in sorted(posts, key=lambda p: str(p.source)):
        other = seen.setdefault(post.slug, post)
        if other is not post:
            for a, b in ((post, other), (other, post)):
                problems.append(
                    Problem(
                        a.source,
                        None,
                        "slug",
                        f"alamat /{a.url} sama dengan pos {b.source.as_posix()}; ganti nama folder atau isi slug",
                        f"URL /{a.url} is the same as post {b.source.as_posix()}; rename the folder or set slug",
                    )
                )
    return problems


# --------------------------------------------------------------------------
# Creators
# --------------------------------------------------------------------------


def _validate_creator(raw: RawFile, places: dict[str, Place], problems: list[Problem]) -> CreatorEntry | None:
    creator_id = raw.path.stem
    if not re.fullmatch(SLUG, creator_id):
        problems.append(
            Problem(
                raw.display,
                None,
                None,
                f"nama berkas kreator {show(creator_id)} harus huruf kecil, angka dan tanda -",
                f"creator file name {show(creator_id)} must be lowercase letters, digits and -",
            )
        )
        return None
    data = _validate_model(Creator, raw, problems)
    if not isinstance(data, Creator):
        return None
    if data.region is not None and data.region not in places:
        problems.append(
            _unknown(
                raw,
                ("region",),
                "region",
                data.region,
                sorted(places),
                "wilayah",
                "region",
                "lihat content/regions.yml",
            )
        )
        return None
    photo = None
    if data.photo:
        photo = _bundle_file(raw, raw.path.parent, data.photo, "photo", raw.document.line_of(("photo",)), problems)
        if photo is None:
            return None
    return CreatorEntry(creator_id, raw.display, data, photo)


def _validate_model(
    model: type[BaseModel],
    raw: RawFile,
    problems: list[Problem],
    unknown_field: Callable[[tuple[Any, ...]], tuple[str, str] | None] | None = None,
) -> BaseModel | None:
    try:
        return model.model_validate(raw.document.data, context={"zone": _ZONE.get(ZONES[DEFAULT_ZONE])})
    except ValidationError as error:
        problems.extend(problems_of(error, model, raw.display, raw.document.line_of, unknown_field=unknown_field))
        return None
