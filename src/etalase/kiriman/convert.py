"""Turn an issue made with a "Kirim pos" form into a post bundle, or say what to fix in the form.

The issue body is read by label (:mod:`etalase.kiriman.issue_body`) against the
form of its category (:mod:`etalase.authoring.issue_form`), its photos are fetched from
GitHub (:mod:`etalase.kiriman.assets`), and the bundle is written only when it
passes the checks ``build.py --check`` runs, on the whole content folder:
the bundle (and a new creator file) is first written into a temporary copy of
``content/`` (hard links, so it is cheap), validated there with
:func:`etalase.content.validate.validate`, and its photos are decoded by the photo
pipeline (:func:`etalase.photos.images.process_photos`, smallest rendition only).

Every problem names the **form field's label** (the creator never saw the
YAML), in Indonesian with an English line, with the allowed options or an
example; all problems of an issue are reported in one run and nothing is
written when there is any.

What the converter decides itself:

* the creator: the one whose ``content/creators/<id>.yml`` names the issue
  author's GitHub login (``github:``); otherwise a new creator file from the
  form's name and bio, its id made from the name and unique;
* the slug: from the title, short, cut at a word boundary, unique among the
  existing posts (``-2``, ``-3`` … when taken);
* the photos: the first is the cover (``sampul.<ext>``), the others the
  gallery (``foto-<n>.<ext>``), named by their sniffed format; alt lines pair
  with photos in order; credit and licence are the cover's (the gallery
  inherits them);
* the date: the form's (without a zone, the brand's: ``extra.brand.timezone``
  in ``mkdocs.yml``, WIB by default), or when left empty ``saat digabung``:
  the post is dated when an editor merges it (:mod:`etalase.content.merge_dates`);
  ``draft: false`` (the editor reviews the pull request before it is merged).

Nothing in the body is run or expanded: values become YAML through a safe
dumper, the story is written as the post's Markdown body after the front
matter (a ``---`` in it stays text) and is cleaned by the build's sanitiser
like any post's; file names and the slug are made here, never taken from the
issue.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import shutil
import sys
import tempfile
import typing
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import yaml

from etalase.authoring.issue_form import (
    CONSENT,
    MAX_PHOTOS,
    NO,
    PHOTO_FIELDS,
    WHATSAPP_CONSENT,
    YES,
    FormField,
    brand,
    form_fields,
    value_type,
)
from etalase.authoring.schema_docs import FIRST_KEYS, post_markdown
from etalase.content.categories import REGISTRY
from etalase.content.datetext import AT_MERGE, DateTextError, is_month_alone, read_day, read_moment, spoken, written
from etalase.content.load import CREATORS_DIR, POST_FILE, POSTS_DIR, Loaded, load_content
from etalase.content.numtext import HOW_TO_COPY, NumberTextError, read_degrees, read_percent, read_point
from etalase.content.problems import Problem, printable
from etalase.content.schema import (
    COVER_STEM,
    GALLERY_STEM,
    Creator,
    EndMonth,
    Regions,
    StartMonth,
    photo_locations,
    takes_plain_items,
    values_at,
)
from etalase.content.settings import parse_now, read_settings
from etalase.content.slugs import slug_from_title, taken_slugs
from etalase.content.structure import Place, places_of
from etalase.content.validate import validate
from etalase.content.zones import WIB, ZONES
from etalase.kiriman import assets as kiriman_assets
from etalase.kiriman.assets import AttachmentHost, Photo, Refusal
from etalase.kiriman.issue_body import Answers, normalise, read_answers, ticked
from etalase.photos.process import process_photos
from etalase.photos.types import ImageSettings, PhotoRequest

MAX_BODY_BYTES = 512 * 1024
"""Longest issue body read; GitHub allows 65,536 characters."""
MAX_TOTAL_BYTES = 200 * 1024 * 1024
"""Most bytes all the photos of one issue may have together."""
CHECK_WIDTH = 480
"""Photos are decoded and rendered at this one width to check them (the build renders all widths)."""
_LIST_MARK = re.compile(r"^\s*(?:[-*+•]|\d+[.)])(?:\s+|$)")
_ITEM_WORD = {
    "photos": ("foto", "photo"),
    "photo_alts": ("foto", "photo"),
    "lines": ("baris", "line"),
    "blocks": ("baris", "line"),
    "story": ("baris", "line"),
}
"""What the n-th item of a field is called in messages (Indonesian, English), by id or shape; else ``butir``."""


# --------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class FormProblem:
    """One thing to fix in the form, named by the field's label."""

    label: str
    """The form field's label; ``""`` for the issue as a whole."""
    field: str
    """The form field's id (shown in the English line)."""
    message: str
    message_en: str
    item: str = ""
    """Which item of the field: ``foto ke-2``, ``baris ke-3``; ``""`` for the whole field."""
    item_en: str = ""

    def format(self) -> str:
        """Two lines, like ``build.py --check``: the Indonesian one with the label, then ``(en)``."""
        where = ", ".join(part for part in (self.label, self.item) if part)
        where_en = ", ".join(part for part in (self.field, self.item_en) if part)
        text = f"{where}: {self.message}" if where else self.message
        text_en = f"{where_en}: {self.message_en}" if where_en else self.message_en
        return f"{printable(text)}\n    (en) {printable(text_en)}"


@dataclass
class Submission:
    """What the converter made of one issue: the bundle, or the problems."""

    issue: int
    author: str
    category: str | None = None
    title: str | None = None
    summary: str | None = None
    region: str | None = None
    """The region's name as the site shows it (``Pasir Putih, Kec. Tanjung Sari``)."""
    slug: str | None = None
    creator: str | None = None
    creator_new: bool = False
    photos: int = 0
    bundle: Path | None = None
    """The written bundle folder (only when there is no problem)."""
    creator_file: Path | None = None
    """The written creator file, when the author was not a creator yet."""
    problems: list[FormProblem] = field(default_factory=list)
    notes: list[FormProblem] = field(default_factory=list)
    """What the reply tells besides problems: how a date, a point or a near miss was read, a scheduled
    post's day, photos with their alt texts, remarks on the title; never a reason to refuse."""

    @property
    def ok(self) -> bool:
        return not self.problems and self.bundle is not None

    def report(self, content_dir: Path) -> dict[str, Any]:
        """JSON-ready summary for the workflow: paths relative to ``content_dir``."""

        def relative(path: Path | None) -> str | None:
            return path.relative_to(content_dir).as_posix() if path else None

        return {
            "ok": self.ok,
            "issue": self.issue,
            "author": self.author,
            "category": self.category,
            "title": self.title,
            "summary": self.summary,
            "region": self.region,
            "slug": self.slug,
            "creator": self.creator,
            "creator_new": self.creator_new,
            "photos": self.photos,
            "bundle": relative(self.bundle),
            "creator_file": relative(self.creator_file),
            "problems": [asdict(problem) for problem in self.problems],
        }


@dataclass(frozen=True)
class Settings:
    """Where photos come from, the photo limits and the brand's time zone."""

    host: AttachmentHost = kiriman_assets.GITHUB
    assets_dir: Path | None = None
    """Read attachment ``<id>`` from ``assets_dir/<id>`` instead of downloading it."""
    images: ImageSettings = ImageSettings(widths=(CHECK_WIDTH,))
    zone: timezone = WIB

    @classmethod
    def from_config(cls, config: dict[str, Any], **given: Any) -> Settings:
        """The limits of the ``etalase`` plugin's ``images`` options and ``extra.brand.timezone`` of ``mkdocs.yml``."""
        images: dict[str, Any] = {}
        for plugin in config.get("plugins") or []:
            if isinstance(plugin, dict) and isinstance(plugin.get("etalase"), dict):
                images = plugin["etalase"].get("images") or {}
        defaults = ImageSettings()
        settings = ImageSettings(
            widths=(CHECK_WIDTH,),
            max_pixels=int(images.get("max_megapixels", defaults.max_pixels // 1_000_000)) * 1_000_000,
            max_bytes=int(images.get("max_megabytes", defaults.max_bytes // 1024 // 1024)) * 1024 * 1024,
        )
        zone = ZONES.get(str(brand(config).get("timezone", "WIB")).upper(), WIB)
        return cls(images=settings, zone=zone, **given)


# --------------------------------------------------------------------------
# Conversion
# --------------------------------------------------------------------------


def convert(body: str, author: str, issue: int, content_dir: Path, now: datetime, settings: Settings) -> Submission:
    """Read ``body`` (an issue made with a form) and write its bundle under ``content_dir``, or report problems."""
    submission = Submission(issue=issue, author=author)
    if len(body.encode()) > MAX_BODY_BYTES:
        submission.problems.append(
            FormProblem(
                "",
                "",
                f"isi issue terlalu panjang; paling banyak {MAX_BODY_BYTES // 1024} KB",
                f"the issue is too long; at most {MAX_BODY_BYTES // 1024} KB",
            )
        )
        return submission
    loaded = load_content(content_dir)
    places = _places(loaded, submission)
    category = _category(body, places, submission)
    if category is None:
        return submission
    submission.category = category
    fields = form_fields(category, places)
    reader = _Reader(fields, read_answers(body, fields), settings, now)
    front_matter = reader.front_matter()
    story = reader.story()
    creator_id, new_creator = reader.creator(loaded, author)
    submission.title = front_matter.get("title") if isinstance(front_matter.get("title"), str) else None
    submission.summary = front_matter.get("summary") if isinstance(front_matter.get("summary"), str) else None
    submission.region = places[front_matter["region"]].label if front_matter.get("region") in places else None
    submission.slug = _free_slug(submission.title or "", issue, taken_slugs(content_dir, loaded))
    submission.creator, submission.creator_new = creator_id, new_creator is not None
    front_matter["creators"] = [creator_id]

    with tempfile.TemporaryDirectory(prefix="kiriman-") as tmp:
        work = Path(tmp)
        (work / "lampiran").mkdir()
        photos = reader.photos(front_matter, work / "lampiran")
        submission.photos = len(photos)
        front_matter = _ordered(front_matter | {"draft": False}, category)
        copy = work / "content"
        shutil.copytree(content_dir, copy, symlinks=True, copy_function=_link_or_copy)
        bundle = copy / POSTS_DIR / submission.slug
        bundle.mkdir(parents=True)
        for name, photo in photos.items():
            _link_or_copy(str(photo.file), str(bundle / name))
        # Mode "x": the copy's other files are hard links to the real content, never written through.
        with open(bundle / POST_FILE, "x", encoding="utf-8") as out:
            out.write(post_markdown(front_matter, story or ""))
        creator_file = copy / CREATORS_DIR / f"{creator_id}.yml"
        if new_creator is not None:
            creator_file.parent.mkdir(exist_ok=True)
            with open(creator_file, "x", encoding="utf-8") as out:
                out.write(_creator_yaml(new_creator, issue))
        reader.check(copy, bundle, creator_file, now)
        submission.problems += reader.problems
        submission.notes += reader.notes + reader.remarks(front_matter, now)
        if submission.problems:
            return submission
        submission.bundle = _install(bundle, content_dir / POSTS_DIR / submission.slug)
        if new_creator is not None:
            submission.creator_file = _install(creator_file, content_dir / CREATORS_DIR / creator_file.name)
    return submission


def _places(loaded: Loaded, submission: Submission) -> dict[str, Place]:
    """The region list; an unreadable one is the repository's problem (the region dropdown cannot be read)."""
    try:
        if loaded.regions is not None:
            return places_of(Regions.model_validate(loaded.regions.document.data))
    except ValueError:
        pass
    submission.problems.append(
        _repository_problem("content/regions.yml tidak dapat dibaca", "content/regions.yml cannot be read")
    )
    return {}


def _repository_problem(message: str, message_en: str) -> FormProblem:
    """A problem of the repository, not of the form: the editor fixes it."""
    return FormProblem(
        "",
        "",
        f"masalah di repositori, bukan di formulir Anda (editor akan memperbaikinya): {message}",
        f"a problem in the repository, not in your form (an editor will fix it): {message_en}",
    )


def _category(body: str, places: dict[str, Place], submission: Submission) -> str | None:
    """The category the issue's form was made for, from its ``category`` dropdown."""
    # Any form will do to find the category's value: every form starts with it, then the common fields.
    fields = form_fields(REGISTRY.ids()[0], places)
    probe = replace(fields[0], options=tuple(REGISTRY.labels().values()), values=tuple(REGISTRY.ids()))
    answers = read_answers(body, [probe, *fields[1:]])
    if probe.id not in answers.found:
        submission.problems.append(
            FormProblem(
                "",
                "",
                f"issue ini tidak dibuat dengan formulir kiriman: baris “### {probe.label}” tidak ada. Buat issue "
                "baru lewat “Kirim pos baru” dan pilih formulir kategori pos Anda",
                f"this issue was not made with a submission form: there is no “### {probe.label}” line. Open a new issue "
                "from “Kirim pos baru” and choose your post's category",
            )
        )
        return None
    problems: list[FormProblem] = []
    category = _choice(probe, answers.text(probe.id), problems)
    submission.problems += problems
    if category is None and not problems:
        submission.problems.append(_missing(probe))
    return category if isinstance(category, str) else None


def _choice(
    form_field: FormField, text: str | None, problems: list[FormProblem], notes: list[FormProblem] | None = None
) -> Any:
    """The value of the dropdown option ``text``: an option or its value, or a near miss that fits only one.

    Case, spaces and punctuation do not count (``p irt``, ``APBD Kabupaten``);
    a desa or kecamatan may be named alone (``Air Terjun``, ``Kec. Bukit Jati``,
    ``Desa Air Terjun``). A near miss is echoed in ``notes``.
    """
    if text is None:
        return None
    wanted = " ".join(text.split())
    options = list(zip(form_field.options, form_field.values, strict=True))
    for option, value in options:
        if wanted.casefold() in (option.casefold(), str(value).casefold()):
            return value
    found = _near_choice(wanted, options)
    if found is not None:
        option, value = found
        if notes is not None:
            notes.append(
                FormProblem(
                    form_field.label,
                    form_field.id,
                    f"“{printable(wanted)}” dibaca sebagai “{option}”",
                    f"“{printable(wanted)}” read as “{option}”",
                )
            )
        return value
    close = difflib.get_close_matches(wanted, form_field.options, n=1, cutoff=0.6)
    guess = (f" (maksud Anda “{close[0]}”?)", f" (did you mean “{close[0]}”?)") if close else ("", "")
    hint = form_field.hint()
    problems.append(
        FormProblem(
            form_field.label,
            form_field.id,
            f"pilihan {_show(text)} tidak ada{guess[0]}; {hint[0]}",
            f"option {_show(text)} does not exist{guess[1]}; {hint[1]}",
        )
    )
    return None


_PLACE_WORD = re.compile(r"^(?:kecamatan|kec|desa|kelurahan|kel)(?=.)")


def _key(text: str) -> str:
    """``text`` without case, spaces and punctuation: ``P-IRT`` → ``pirt``."""
    return re.sub(r"[\W_]+", "", text.casefold())


def _near_choice(text: str, options: list[tuple[str, Any]]) -> tuple[str, Any] | None:
    """The one option ``text`` is a near miss of (see :func:`_choice`), or None when none or several fit."""
    wanted = _key(text)
    if not wanted:
        return None
    bare = _PLACE_WORD.sub("", wanted)
    rules = (
        lambda option, value: wanted in (_key(option), _key(str(value))),
        lambda option, value: bare == _PLACE_WORD.sub("", _key(option.split(",")[0])),
        lambda option, value: len(wanted) >= 3 and _key(option).startswith(wanted),
    )
    for rule in rules:
        fitting = [(option, value) for option, value in options if rule(option, value)]
        if len(fitting) == 1:
            return fitting[0]
        if fitting:
            return None
    return None


def _missing(form_field: FormField) -> FormProblem:
    hint = form_field.hint()
    return FormProblem(
        form_field.label,
        form_field.id,
        "wajib diisi" + (f"; {hint[0]}" if hint[0] else ""),
        "required" + (f"; {hint[1]}" if hint[1] else ""),
    )


def _show(value: str) -> str:
    """A found value, quoted and cut short (as :mod:`etalase.content.validate` shows them)."""
    text = " ".join(value.split())
    return f'"{text[:57]}…"' if len(text) > 60 else f'"{text}"'


def _ordered(front_matter: dict[str, Any], category: str) -> dict[str, Any]:
    """Keys as a template shows them: what a creator decides first, then the schema's order, ``draft`` last."""
    order = [*FIRST_KEYS, *(key for key in REGISTRY.post_model(category).model_fields if key != "draft"), "draft"]
    return dict(sorted(front_matter.items(), key=lambda item: order.index(item[0])))


def _free_slug(title: str, issue: int, taken: dict[str, Path]) -> str:
    """A slug from ``title`` (``kiriman-<issue>`` without one) that no post or folder holds."""
    base = slug_from_title(title) or f"kiriman-{issue}"
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base[: 80 - len(str(number)) - 1].rstrip('-')}-{number}"
    return slug


def _link_or_copy(source: str, target: str) -> str:
    """A hard link (cheap, same bytes) where the file system allows it, else a copy."""
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError:
        shutil.copy2(source, target, follow_symlinks=False)
    return target


def _install(source: Path, target: Path) -> Path:
    """Copy ``source`` (a folder or a file) to ``target`` through a hidden temporary name, then rename it."""
    staging = target.with_name(f".{target.name}.kiriman")
    if source.is_dir():
        shutil.rmtree(staging, ignore_errors=True)
        shutil.copytree(source, staging, copy_function=shutil.copy2)
    else:
        shutil.copy2(source, staging)
    os.replace(staging, target)
    return target


def _creator_yaml(data: dict[str, str], issue: int) -> str:
    header = f"# Kreator baru dari kiriman formulir (issue #{issue}).\n"
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


# --------------------------------------------------------------------------
# Reading the form
# --------------------------------------------------------------------------


class _Reader:
    """The answers of one form turned into front matter, and every problem found on the way."""

    def __init__(self, fields: list[FormField], answers: Answers, settings: Settings, now: datetime):
        self.now = now
        """The conversion's time: a date written without its year is its next occurrence from it."""
        self.fields = fields
        self.by_id = {f.id: f for f in fields}
        self.answers = answers
        self.settings = settings
        self.problems: list[FormProblem] = []
        self.notes: list[FormProblem] = []
        """What the reply tells besides problems (see :attr:`Submission.notes`)."""
        self.photo_names: list[str] = []
        """File name of every attached photo, in order (``sampul.jpg``, ``foto-1.png`` …)."""
        for repeated in answers.repeated:
            self.problem(
                repeated,
                f"baris “### {repeated.label}” muncul dua kali; hapus baris itu dari isian lain "
                "(mis. dari Cerita), lalu simpan issue",
                f"the line “### {repeated.label}” appears twice; remove it from the other field "
                "(e.g. the story), then save the issue",
            )
        for form_field in fields:
            if form_field.required and answers.text(form_field.id) is None and not self.covered(form_field.id):
                if form_field.id in answers.found:
                    self.problems.append(_missing(form_field))
                else:
                    self.problem(
                        form_field,
                        f"baris “### {form_field.label}” hilang dari issue; tulis lagi baris itu, "
                        "satu baris kosong, lalu isiannya",
                        f"the line “### {form_field.label}” is missing from the issue; write it again, "
                        "a blank line, then the value",
                    )

    def problem(self, form_field: FormField, message: str, message_en: str, item: int | None = None) -> None:
        self.problems.append(
            FormProblem(form_field.label, form_field.id, message, message_en, *_item(form_field, item))
        )

    def covered(self, field_id: str, item: str = "") -> bool:
        """Whether a problem already speaks of this field (of this item, or of the whole field).

        Later checks do not repeat it: a photo that could not be downloaded is
        not reported again as a missing file.
        """
        return bool(field_id) and any(
            p.field == field_id and (not p.item or not item or p.item == item) for p in self.problems
        )

    # -- values --------------------------------------------------------------

    def front_matter(self) -> dict[str, Any]:
        """Every post field of the form (photos aside), nested as front matter."""
        data: dict[str, Any] = {}
        photo_ids = set(PHOTO_FIELDS.values())
        points = self.points()
        for form_field in self.fields:
            if form_field.target != "post" or form_field.shape == "story" or form_field.id in photo_ids:
                continue
            value = points[form_field.id] if form_field.id in points else self.value(form_field)
            at_default = isinstance(value, bool) and form_field.doc is not None and value == form_field.doc.default
            if value is not None and not at_default:  # a true/false left at the schema's default is not written
                _put(data, form_field.path, value)
        if "date" not in data:  # dated when an editor merges it (etalase.content.merge_dates)
            data["date"] = AT_MERGE
        return data

    def value(self, form_field: FormField) -> Any:
        """The answer of ``form_field`` as front matter, or None (empty, or reported)."""
        text = self.answers.text(form_field.id)
        if text is None:
            return None
        if form_field.shape == "choice":
            return _choice(form_field, text, self.problems, self.notes)
        if form_field.shape == "text":
            value = self.clean(form_field, " ".join(text.split()))
            kind = value_type(form_field)
            if value and kind is float:
                return _number(value)
            if value and kind is datetime:
                return self.moment(form_field, value)
            if value and kind is date:
                return self.day(form_field, value)
            if value and kind is int and re.search(r"(?i)%|persen", value):
                return read_percent(value)
            return value
        if form_field.shape == "slugs":
            return self.slugs(form_field, text)
        items = [_LIST_MARK.sub("", line).strip() for line in text.split("\n")]
        items = [self.clean(form_field, " ".join(item.split()), number) for number, item in enumerate(items, 1) if item]
        if form_field.shape == "blocks":
            return [self.block(form_field, item, number) for number, item in enumerate(items, 1)] or None
        return items or None

    def unreadable_date(self, form_field: FormField, text: str, error: DateTextError) -> None:
        """A date or time the reader could not read: what was found and what the reader says."""
        self.problems.append(
            self.labelled(
                form_field,
                f"ditemukan {_show(text)}; {error.message}",
                f"found {_show(text)}; {error.message_en}",
                hint=False,
            )
        )

    def moment(self, form_field: FormField, text: str) -> str | None:
        """A date and time as written in front matter (``2026-12-20 19:00 WIB``); how it was read is noted."""
        try:
            moment = read_moment(text, self.settings.zone, after=self.now)
        except DateTextError as error:
            self.unreadable_date(form_field, text, error)
            return None
        said = spoken(moment.value)
        notes = [] if moment.zone_written else [("zona waktu daerah", "the regency's time zone")]
        if not moment.year_written:
            notes.append(("tahun tidak ditulis: tanggal itu yang terdekat", "no year written: the next such date"))
        shown = [f" ({'; '.join(note[language] for note in notes)})" if notes else "" for language in (0, 1)]
        self.notes.append(
            FormProblem(
                form_field.label,
                form_field.id,
                f"dibaca: {said}{shown[0]}",
                f"read as: {said}{shown[1]}",
            )
        )
        return written(moment.value)

    def day(self, form_field: FormField, text: str) -> str | None:
        """A day as written in front matter (``2026-11-13``); a month alone where the field takes one."""
        month_only = _month_only(form_field)
        try:
            day = read_day(text, month_only=month_only)
        except DateTextError as error:
            self.unreadable_date(form_field, text, error)
            return None
        alone = bool(month_only) and is_month_alone(text)
        self.notes.append(
            FormProblem(
                form_field.label,
                form_field.id,
                f"dibaca: {spoken(day, month_only=alone)}",
                f"read as: {spoken(day, month_only=alone)}",
            )
        )
        return day.isoformat()

    def points(self) -> dict[str, Any]:
        """Latitude and longitude fields, read together: a map link or a pair in either, or one number each.

        Returns the value of each coordinate field (``None`` when left empty or reported).
        """
        values: dict[str, Any] = {}
        pairs = [
            (lat, lon)
            for lat in self.fields
            for lon in self.fields
            if lat.path[-2:] == ("coordinates", "lat") and lon.path == (*lat.path[:-1], "lon")
        ]
        for lat, lon in pairs:
            texts = {f.id: " ".join((self.answers.text(f.id) or "").split()) for f in (lat, lon)}
            values[lat.id] = values[lon.id] = None
            point = None
            for form_field in (lat, lon):
                try:
                    point = point or (read_point(texts[form_field.id]) if texts[form_field.id] else None)
                except NumberTextError as error:
                    self.problems.append(self.labelled(form_field, error.message, error.message_en, hint=False))
                    return values
            if point is not None:
                values[lat.id], values[lon.id] = point
                self.notes.append(
                    FormProblem(
                        lat.label,
                        lat.id,
                        f"titik peta dibaca: {lat.label} {point[0]}, {lon.label} {point[1]}",
                        f"map point read as: latitude {point[0]}, longitude {point[1]}",
                    )
                )
                continue
            for form_field in (lat, lon):
                if texts[form_field.id]:
                    try:
                        values[form_field.id] = read_degrees(texts[form_field.id])
                    except NumberTextError:
                        values[form_field.id] = texts[form_field.id]  # the schema says what is wrong
            filled = [f for f in (lat, lon) if texts[f.id]]
            if len(filled) == 1:
                empty = lon if filled[0] is lat else lat
                self.problem(
                    empty,
                    f"{lat.label} dan {lon.label} diisi berdua; {empty.label} masih kosong; "
                    f"contoh {empty.label}: {empty.example}. Cara mendapatkan angkanya: {HOW_TO_COPY[0]}",
                    f"latitude and longitude go together; {empty.id} is empty; e.g. {empty.example}. "
                    f"To get the numbers: {HOW_TO_COPY[1]}",
                )
        return values

    def remarks(self, front_matter: dict[str, Any], now: datetime) -> list[FormProblem]:
        """Notes on a post that is fine to send: when it appears, a title that shouts, dates out of order."""
        notes: list[FormProblem] = []
        date_field = self.by_id["date"]
        if self.answers.text("date") is None:
            notes.append(
                FormProblem(
                    date_field.label,
                    "date",
                    "kosong: pos tampil di situs saat editor menggabungkannya, dan tanggal terbitnya "
                    "adalah waktu penggabungan itu",
                    "empty: the post appears on the site when an editor merges it, dated at that merge",
                )
            )
        try:
            published = read_moment(str(front_matter.get("date")), self.settings.zone).value
        except DateTextError:
            published = None
        if published is not None and published > now:
            notes.append(
                FormProblem(
                    date_field.label,
                    "date",
                    f"pos terjadwal: tampil di situs {spoken(published)}, bila editor sudah menyetujuinya",
                    f"a scheduled post: it appears on the site {spoken(published)}, once an editor has approved it",
                )
            )
        block = front_matter.get(str(front_matter.get("category")))
        start = block.get("start") if isinstance(block, dict) and isinstance(block.get("start"), str) else None
        try:
            event = read_moment(start, self.settings.zone).value if start and ":" in start else None
        except DateTextError:
            event = None
        if published is not None and event is not None and published > event:
            start_field = next(f for f in self.fields if f.path[-1:] == ("start",))
            notes.append(
                FormProblem(
                    date_field.label,
                    "date",
                    f"pos terbit sesudah acaranya dimulai ({start_field.label}: {spoken(event)}); bila pos ini "
                    "undangan, majukan tanggal terbitnya atau kosongkan",
                    f"the post is published after its event starts ({spoken(event)}); for an invitation, "
                    "publish it earlier or leave the date empty",
                )
            )
        title = front_matter.get("title")
        if isinstance(title, str):
            notes += [FormProblem(self.by_id["title"].label, "title", *remark) for remark in title_remarks(title)]
        return notes

    def clean(self, form_field: FormField, text: str, number: int | None = None) -> str:
        """``text``, reported if it holds invisible characters (controls, bidirectional overrides)."""
        if printable(text) != text:
            self.problem(
                form_field,
                f"berisi karakter tersembunyi ({_show(printable(text))}); ketik ulang isiannya",
                f"contains hidden characters ({_show(printable(text))}); type it again",
                number,
            )
        return text

    def slugs(self, form_field: FormField, text: str) -> list[str] | None:
        """Comma-separated labels, each made a slug (``Pantai Indah`` → ``pantai-indah``)."""
        slugs = []
        for number, item in enumerate((part.strip() for part in re.split(r"[,\n]", text) if part.strip()), 1):
            slug = slug_from_title(item)
            if slug:
                slugs.append(slug)
            else:
                self.problem(
                    form_field,
                    f"{_show(item)} tidak bisa menjadi label; pakai huruf atau angka",
                    f"{_show(item)} cannot be a label; use letters or digits",
                    number,
                )
        return slugs or None

    def block(self, form_field: FormField, line: str, number: int) -> dict[str, str] | str:
        """One line of a list of blocks: its parts, split by ``|``, in the field's order.

        A line of the first part alone, where the schema takes plain items (a
        product's name, a link), is that plain item.
        """
        parts = [part.strip() for part in line.split("|")]
        if len(parts) > len(form_field.parts):
            self.problem(
                form_field,
                f"{len(parts)} bagian; paling banyak {len(form_field.parts)}: {' | '.join(form_field.part_labels)}",
                f"{len(parts)} parts; at most {len(form_field.parts)}: {' | '.join(form_field.parts)}",
                number,
            )
        block = {name: part for name, part in zip(form_field.parts, parts) if part}
        info = form_field.doc.info if form_field.doc is not None else None
        if list(block) == [form_field.parts[0]] and info is not None and takes_plain_items(info.annotation):
            return block[form_field.parts[0]]
        return block

    def story(self) -> str | None:
        """The story as Markdown; a photo dragged into it is reported (photos go in the photos field)."""
        text = self.answers.text("body")
        if text is None:
            return None
        body = self.by_id["body"]
        for line_number, line in enumerate(normalise(text).split("\n"), 1):
            attached, _ = kiriman_assets.find(line, self.settings.host)
            if attached:
                self.problem(
                    body,
                    f"foto tidak bisa ditaruh di dalam cerita; pindahkan ke kotak “Foto” dan tulis "
                    f"teks alternatifnya di “{self.by_id['photo_alts'].label}”",
                    "photos cannot be placed in the story; move them to the photos field and write their alt text",
                    line_number,
                )
        return text

    def creator(self, loaded: Loaded, author: str) -> tuple[str, dict[str, str] | None]:
        """The id of the creator whose file names ``author``; or a new id and file for a new creator."""
        known = sorted(
            raw.path.stem
            for raw in loaded.creators
            if str(raw.document.data.get("github", "")).removeprefix("@").casefold() == author.casefold()
        )
        if known:
            return known[0], None
        values = {f.path[-1]: self.value(f) for f in self.fields if f.target == "creator"}
        for form_field in (f for f in self.fields if f.target == "creator"):
            if values[form_field.path[-1]] is None:
                self.problem(
                    form_field,
                    f"wajib diisi pada kiriman pertama: akun GitHub @{author} belum terdaftar "
                    f"sebagai kreator; {form_field.hint()[0]}",
                    f"required on a first submission: GitHub account @{author} is not a creator yet; "
                    f"{form_field.hint()[1]}",
                )
        existing = {path.stem for path in loaded.root.glob(f"{CREATORS_DIR}/*")}
        base = slug_from_title(str(values.get("name") or "")) or slug_from_title(author) or "kreator"
        creator_id, number = base, 1
        while creator_id in existing:
            number += 1
            creator_id = f"{base}-{number}"
        data = {key: value for key, value in values.items() if value is not None} | {"github": author}
        return creator_id, data

    def photos(self, front_matter: dict[str, Any], into: Path) -> dict[str, Photo]:
        """Fetch the attachments, fill ``cover`` and ``gallery``; file name → photo of every usable one."""
        field_ = self.by_id["photos"]
        ids, others = kiriman_assets.find(self.answers.text("photos") or "", self.settings.host)
        for url in others:
            self.problem(
                field_,
                f"{_show(url)} bukan foto yang diunggah ke formulir; seret atau pilih fotonya langsung di kotak ini",
                f"{_show(url)} is not a photo uploaded to the form; drag or pick the photo in this field itself",
            )
        if len(ids) > MAX_PHOTOS:
            self.problem(
                field_, f"{len(ids)} foto; paling banyak {MAX_PHOTOS}", f"{len(ids)} photos; at most {MAX_PHOTOS}"
            )
            ids = ids[:MAX_PHOTOS]
        uploading = _UPLOADING.findall(self.answers.text("photos") or "")
        for name in uploading:
            self.problem(
                field_,
                f"foto “{printable(name)}” belum selesai diunggah (tertulis “Uploading”); hapus baris itu, "
                "seret fotonya lagi dan tunggu sampai tautannya muncul, lalu simpan issue",
                f"photo “{printable(name)}” had not finished uploading (it says “Uploading”); remove that line, "
                "drag the photo in again and wait for its link, then save the issue",
            )
        if self.answers.text("photos") is not None and not ids and not others and not uploading:
            self.problem(
                field_,
                "tidak ada foto; seret atau pilih foto di kotak ini (unggahan harus selesai sebelum issue dikirim)",
                "no photo; drag or pick photos in this field (the upload must finish before the issue is submitted)",
            )
        alts = self.value(self.by_id["photo_alts"]) or []
        if ids and self.answers.text("photo_alts") is not None and not self.covered("photo_alts") and not uploading:
            self.pair_alts(ids, alts)  # without photos, or without alt lines, that is already reported
        fetched = kiriman_assets.fetch_all(
            ids,
            self.settings.host,
            into,
            assets_dir=self.settings.assets_dir,
            max_bytes=self.settings.images.max_bytes,
            max_total=MAX_TOTAL_BYTES,
        )
        usable: dict[str, Photo] = {}
        entries = []
        for number, result in enumerate(fetched, 1):
            suffix = result.suffix if isinstance(result, Photo) else ".jpg"
            name = f"{COVER_STEM}{suffix}" if number == 1 else f"{GALLERY_STEM}-{number - 1}{suffix}"
            if isinstance(result, Refusal):
                self.problem(field_, result.message, result.message_en, number)
            else:
                usable[name] = result
            entries.append({"file": name} | ({"alt": alts[number - 1]} if number <= len(alts) else {}))
            self.photo_names.append(name)
        extra = {
            f.path[-1]: self.value(f) for f in self.fields if f.id in PHOTO_FIELDS.values() and f.id != "photo_alts"
        }
        self.evidence(front_matter, entries)
        self.photo_notes(entries)
        if extra.get("ai_generated") is True:  # before the cover is made from the first entry
            for entry in entries:
                entry["ai_generated"] = True
        if entries:
            cover = entries[0] | {key: extra[key] for key in ("credit", "license") if extra.get(key) is not None}
            front_matter["cover"] = cover
            gallery = entries[1:]  # evidence photos too: the gallery shows each with its own alt text
            if gallery:
                front_matter["gallery"] = gallery
        return usable

    def photo_notes(self, entries: list[dict[str, Any]]) -> None:
        """Each photo with the alt text it got, and a note on an alt text that does not describe the photo."""
        alt_field = self.by_id["photo_alts"]
        for number, entry in enumerate(entries, 1):
            alt = entry.get("alt")
            if not isinstance(alt, str):
                continue
            role = " (sampul)" if number == 1 else ""
            self.notes.append(
                FormProblem(
                    self.by_id["photos"].label,
                    "photos",
                    f"{entry['file']}{role}: teks alternatif “{alt}”",
                    f"{entry['file']}: alt text “{alt}”",
                    *_item(self.by_id["photos"], number),
                )
            )
            advice = alt_advice(alt)
            if advice:
                self.notes.append(
                    FormProblem(alt_field.label, alt_field.id, advice[0], advice[1], *_item(alt_field, number))
                )

    def evidence(self, front_matter: dict[str, Any], entries: list[dict[str, Any]]) -> set[int]:
        """Photos named as proof by number (a source's ``Foto bukti: 3``) become those fields' file names.

        Returns their numbers (such a photo stays in the gallery too, with its alt text).
        """
        numbers: set[int] = set()
        locations = [
            location
            for location in photo_locations(REGISTRY.post_model(str(front_matter.get("category"))))
            if location[0] not in ("cover", "gallery")
        ]
        for path, value in list(values_at(front_matter, locations)):
            match = re.fullmatch(r"(?i)(?:foto\s*(?:ke-?\s*)?)?(\d{1,2})", str(value).strip())
            number = int(match.group(1)) if match else 0
            if not 1 <= number <= len(entries):
                problem = self.located(
                    ".".join(map(str, path)),
                    f"ditemukan {_show(str(value))}; tulis nomor foto di kotak Foto, mis. 3 (ada {len(entries)} foto)",
                    f"found {_show(str(value))}; write the number of a photo in the Photos field, "
                    f"e.g. 3 ({len(entries)} photos)",
                )
                self.problems.append(problem)
                continue
            target: Any = front_matter
            for part in path[:-1]:
                target = target[part]
            target[path[-1]] = entries[number - 1]["file"]
            numbers.add(number)
        return numbers

    def pair_alts(self, ids: list[str], alts: list[str]) -> None:
        """One alt line per photo, in order: a photo without one, or a line without a photo, is reported."""
        alt_field = self.by_id["photo_alts"]
        for number in range(len(alts) + 1, len(ids) + 1):
            self.problem(
                alt_field,
                "belum punya baris teks alternatif; tulis satu baris per foto, urut seperti fotonya",
                "has no alt text line; write one line per photo, in the photos' order",
                number,
            )
        for number in range(len(ids) + 1, len(alts) + 1):
            self.problem(
                alt_field,
                f"baris teks alternatif ke-{number} tidak punya foto ({len(ids)} foto); hapus "
                "barisnya atau tambahkan fotonya",
                f"alt text line {number} has no photo ({len(ids)} photos); remove the line or add the photo",
            )

    # -- checks on the written bundle -------------------------------------------

    def check(self, content_copy: Path, bundle: Path, creator_file: Path, now: datetime) -> None:
        """The checks ``build.py --check`` runs, on the content copy holding the new bundle; and the photos."""
        if self.answers.text("consent") is not None:  # left empty: already reported as required
            boxes = ticked(self.answers.text("consent"))
            for number, statement in enumerate(CONSENT, 1):
                if not boxes.get(statement):
                    self.problem(
                        self.by_id["consent"], f"belum dicentang: “{statement}”", f"not ticked: “{statement}”", number
                    )
        for form_field in self.fields:
            text = self.answers.text(form_field.id)
            if form_field.shape == "confirm" and form_field.id != "consent" and text is not None:
                if not ticked(text).get(WHATSAPP_CONSENT):
                    self.problem(
                        form_field,
                        f"belum dicentang: “{WHATSAPP_CONSENT}”. Nomor WhatsApp tampil di situs hanya dengan "
                        "persetujuan pemiliknya, jadi kiriman ini belum ditulis. Tanyakan dulu kepada pemilik "
                        "usaha, lalu centang kotaknya",
                        f"not ticked: “{WHATSAPP_CONSENT}” (the business owner agrees the WhatsApp number is shown "
                        "on the site). A number is shown only with its owner's consent, so nothing was written",
                    )
        _, problems = validate(load_content(content_copy), now, zone=self.settings.zone)
        index_md = bundle / POST_FILE
        requests = [
            PhotoRequest(
                source=bundle / name, post=bundle.name, field=_photo_field(number), line=None, index_md=index_md
            )
            for number, name in enumerate(self.photo_names)
            if (bundle / name).is_file()
        ]
        photo_result = process_photos(
            requests, self.settings.images, content_copy.parent / "cache", workers=1, progress=False
        )
        translated = [
            self.translate(problem, index_md, creator_file, bundle.name)
            for problem in [*problems, *photo_result.problems]
        ]
        self.problems += [problem for problem in translated if not self.covered(problem.field, problem.item)]
        order = {form_field.id: index for index, form_field in enumerate(self.fields)}
        self.problems.sort(key=lambda p: (order.get(p.field, len(order)), int(p.item.rsplit("-", 1)[-1] or 0)))

    def translate(self, problem: Problem, index_md: Path, creator_file: Path, slug: str) -> FormProblem:
        """A problem of the bundle, the creator file or the repository, named by the form's labels."""
        where = Path(os.path.abspath(problem.path))
        if where == Path(os.path.abspath(creator_file)):
            top = str(problem.loc[0]) if problem.loc else (problem.field or "").split(".")[0]
            form_field = next((f for f in self.fields if f.target == "creator" and top and f.path[-1] == top), None)
            if form_field is not None:
                return self.labelled(form_field, problem.message, problem.message_en)
        if where != Path(os.path.abspath(index_md)):
            return _repository_problem(problem.format(english=False), problem.message_en)
        first = _story_line(index_md)
        if problem.field is None and problem.line and problem.line < first:  # the YAML parser names lines, not fields
            path = _key_at(index_md, problem.line)
            return (
                self.located(path, problem.message, problem.message_en)
                if path
                else _repository_problem(problem.format(english=False), problem.message_en)
            )
        if problem.field is None:
            number = problem.line - first + 1 if problem.line and problem.line >= first else None
            return self.labelled(self.by_id["body"], problem.message, problem.message_en, number)
        message = problem.message.split(f'pada pos "{slug}": ', 1)[-1]
        message_en = problem.message_en.split(f'in post "{slug}": ', 1)[-1]
        path = ".".join(map(str, problem.loc)) if problem.loc else problem.field
        return self.located(path, message, message_en)

    def labelled(
        self, form_field: FormField, message: str, message_en: str, number: int | None = None, hint: bool = True
    ) -> FormProblem:
        """The problem under ``form_field``'s label, with its options or example unless the message has them."""
        message, message_en = _plain(message, _PLAIN), _plain(message_en, _PLAIN_EN)
        options, options_en = form_field.hint() if hint else ("", "")
        if options and (form_field.example and form_field.example.split("\n")[0] in message or "mis." in message):
            options = options_en = ""
        if message.startswith("masih berisi contoh") and form_field.doc and not _has_real_example(form_field.doc):
            options = options_en = ""  # the only example is the one to replace
        if form_field.shape in ("text", "choice"):  # one value: no "item 1"
            number = None
        return FormProblem(
            form_field.label,
            form_field.id,
            message + (f"; {options}" if options else ""),
            message_en + (f"; {options_en}" if options_en else ""),
            *_item(form_field, number),
        )

    def located(self, path: str, message: str, message_en: str) -> FormProblem:
        """A problem at front-matter ``path`` (``gallery.1.alt``, ``pembangunan.sources.0.url``, ``budaya``)."""
        parts = path.split(".")
        if parts[0] == "creators":  # only a new creator can be unknown: its file has the problem
            return self.labelled(self.by_id["creator_name"], message, message_en)
        if parts[0] in ("cover", "gallery"):
            number = 1 if parts[0] == "cover" else int(parts[1]) + 2 if len(parts) > 1 else None
            attribute = parts[-1] if len(parts) > (1 if parts[0] == "cover" else 2) else "file"
            form_field = self.by_id.get(PHOTO_FIELDS.get(attribute, "photos"), self.by_id["photos"])
            return self.labelled(form_field, message, message_en, number)
        keys = tuple(part for part in parts if not part.isdigit())
        number = next((int(part) + 1 for part in parts if part.isdigit()), None)
        for form_field in sorted(self.fields, key=lambda f: -len(f.path)):
            if form_field.path and keys[: len(form_field.path)] == form_field.path:
                if len(keys) > len(form_field.path) and form_field.shape == "blocks":
                    part = form_field.part_labels[form_field.parts.index(keys[len(form_field.path)])]
                    message, message_en = f"bagian “{part}”: {message}", f"part “{part}”: {message_en}"
                elif form_field.shape == "blocks":
                    message, message_en = self.named(form_field, message), self.named(form_field, message_en)
                return self.labelled(form_field, message, message_en, number, hint=form_field.shape != "blocks")
        # A rule about a whole block (an event's dates): its fields named by their labels.
        block = [f for f in self.fields if f.path[: len(keys)] == keys]
        mentioned = sorted(block, key=lambda f: _position(f.path[-1], message))
        if not block:
            return FormProblem("", path, message, message_en)
        return self.labelled(mentioned[0], self.named(block, message), self.named(block, message_en), hint=False)

    def named(self, fields: FormField | list[FormField], message: str) -> str:
        """``message`` with the YAML names of ``fields`` (or of a block field's parts) written as labels."""
        names = (
            [(name, label) for name, label in zip(fields.parts, fields.part_labels, strict=True)]
            if isinstance(fields, FormField)
            else [(f.path[-1], f.label) for f in fields]
        )

        def labelled(label: str) -> Callable[[re.Match[str]], str]:
            return lambda m: f"“{label}”" + (f": {YES if m.group(2) == 'true' else NO}" if m.group(2) else "")

        for name, label in names:
            message = re.sub(rf"\b{re.escape(name)}\b(: (true|false))?", labelled(label), message)
        return message


_PLAIN = (
    (
        r"masih berisi contoh dari templat: (.*); ganti dengan isian Anda, atau tulis draft: true bila pos belum "
        r"siap terbit",
        r"masih berisi contoh dari formulir: \1; tulis isian Anda sendiri",
    ),
    (r"isi pos masih berisi baris contoh dari templat; .*", "masih berisi kalimat contoh; tulis cerita Anda sendiri"),
)
"""Words of the file format (template, draft) in a message, said as a form user sees it."""
_PLAIN_EN = (
    (
        r"still holds the template's example: (.*); replace it with your own, or write draft: true while the post "
        r"is not ready",
        r"still holds the form's example: \1; write your own",
    ),
    (r"the body still holds a line of the template; .*", "still holds an example sentence; write your own story"),
)


def _has_real_example(doc: Any) -> bool:
    """Whether the schema gives an example besides the placeholder (``FieldDoc.real_example``)."""
    return bool(doc.info is not None and doc.info.examples and len(doc.info.examples) > 1)


def _plain(message: str, rules: tuple[tuple[str, str], ...]) -> str:
    for pattern, replacement in rules:
        message = re.sub(pattern, replacement, message)
    return message


def _item(form_field: FormField, number: int | None) -> tuple[str, str]:
    """``foto ke-2`` / ``photo 2``: the n-th item of ``form_field`` in messages; empty for the whole field."""
    if number is None:
        return "", ""
    word, word_en = _ITEM_WORD.get(form_field.id) or _ITEM_WORD.get(form_field.shape) or ("butir", "item")
    return f"{word} ke-{number}", f"{word_en} {number}"


def _position(name: str, message: str) -> int:
    found = re.search(rf"\b{re.escape(name)}\b", message)
    return found.start() if found else len(message)


_UPLOADING = re.compile(r"!\[Uploading ([^\]]*?)(?:…|\.\.\.)?\]\(\)")
"""What GitHub leaves in a field for a photo whose upload had not finished: ``![Uploading IMG_1.jpg…]()``."""
_FILE_NAME = re.compile(
    r"(?i)^(?:img|dsc|dscn|pxl|vid|photo|screenshot|whatsapp image|wa)[\s_-]*[\w\s.-]*\d[\w\s.-]*$"
    r"|\.(?:jpe?g|png|heic|webp|gif)$"
)


def alt_advice(alt: str) -> tuple[str, str] | None:
    """A note on an alt text that names a file, is one word, or starts with "Foto"/"Gambar"; None when fine."""
    example = "mis. “Penjual menata botol sambal di meja pasar”"
    if _FILE_NAME.search(alt.strip()):
        return (
            f"“{alt}” adalah nama berkas; tulis apa yang tampak di foto, {example}",
            f"“{alt}” is a file name; write what the photo shows",
        )
    if len(alt.split()) == 1:
        return (
            f"“{alt}” hanya satu kata; ceritakan apa yang tampak di foto dalam satu kalimat, {example}",
            f"“{alt}” is a single word; say what the photo shows in one sentence",
        )
    if re.match(r"(?i)(foto|gambar)\b", alt.strip()):
        return (
            f"“{alt}”: tidak perlu diawali “Foto” atau “Gambar” (pembaca layar sudah menyebutnya); "
            "langsung tulis apa yang tampak",
            f"“{alt}”: no need to start with “Foto” or “Gambar” (screen readers already say so)",
        )
    return None


_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\ufe0f]")
_ENGLISH = (
    "must visit",
    "must see",
    "the best",
    "best of",
    "hidden gem",
    "don't miss",
    "welcome to",
    "amazing",
    "awesome",
    "event",
    "healing",
    "weekend",
    "food",
    "trip",
    "vibes",
)
"""English phrases and words that often stand in promotional titles (a note suggests Indonesian)."""


def title_remarks(title: str) -> list[tuple[str, str]]:
    """Notes (Indonesian, English) on a title that shouts: capitals, emoji, ``!!!``, English phrases."""
    remarks: list[tuple[str, str]] = []
    letters = [c for c in title if c.isalpha()]
    if len(letters) >= 8 and sum(c.isupper() for c in letters) / len(letters) > 0.7:
        remarks.append(
            (
                f"ditulis dengan huruf kapital semua; huruf biasa lebih mudah dibaca, mis. “{title.capitalize()[:60]}”",
                "written in capitals; ordinary case reads more easily",
            )
        )
    if _EMOJI.search(title):
        remarks.append(
            (
                "berisi emoji; judul tanpa emoji lebih mudah dicari",
                "holds emoji; a title without reads better in search",
            )
        )
    if re.search(r"[!?]{2,}", title):
        remarks.append(
            ("berisi tanda seru berulang (!!!); satu tanda cukup atau tanpa tanda", "repeated ! or ?; one is enough")
        )
    found = [phrase for phrase in _ENGLISH if re.search(rf"(?i)\b{re.escape(phrase)}\b", title)]
    if found:
        shown = ", ".join(f"“{phrase}”" for phrase in found)
        remarks.append(
            (
                f"berisi ungkapan bahasa Inggris ({shown}); pembaca situs ini berbahasa Indonesia",
                f"holds English phrases ({shown}); the site's readers read Indonesian",
            )
        )
    return remarks


def _month_only(form_field: FormField) -> str:
    """``start`` or ``end`` when the field takes a month alone (:data:`etalase.content.schema.StartMonth`…), else ``""``."""
    info = form_field.doc.info if form_field.doc is not None else None
    kinds = typing.get_args(info.annotation) if info is not None else ()
    return "start" if StartMonth in kinds else "end" if EndMonth in kinds else ""


def _photo_field(number: int) -> str:
    return "cover.file" if number == 0 else f"gallery.{number - 1}.file"


def _story_line(index_md: Path) -> int:
    """The line of ``index_md`` holding the story's first line (``post_markdown``: ``---``, a blank line, the story)."""
    lines = index_md.read_text(encoding="utf-8").split("\n")
    return lines.index("---", 1) + 3


def _number(text: str) -> float | str:
    """``-2,7455`` (as Indonesians write decimals) or ``-2.7455`` as a number; other text as it is (reported)."""
    try:
        return float(text.replace(",", ".") if "." not in text else text)
    except ValueError:
        return text


def _key_at(index_md: Path, line: int) -> str:
    """The dotted front-matter path of the key on ``line`` of ``index_md`` (as written by ``post_markdown``)."""
    stack: list[tuple[int, str]] = []
    for text in index_md.read_text(encoding="utf-8").split("\n")[1:line]:
        match = re.match(r"^(\s*)(?:- )?([A-Za-z_]+):", text)
        if match:
            indent = len(match.group(1)) + (2 if "- " in text[: len(match.group(1)) + 2] else 0)
            stack = [(i, key) for i, key in stack if i < indent] + [(indent, match.group(2))]
    return ".".join(key for _, key in stack)


def _put(data: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for key in path[:-1]:
        data = data.setdefault(key, {})
    data[path[-1]] = value


def write_notes(submission: Submission, target: Path) -> None:
    """The reply's notes as JSON: a list of ``{label, field, message, message_en, item, item_en}``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    notes = [asdict(note) for note in submission.notes]
    target.write_text(json.dumps(notes, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def write_report(submission: Submission, content_dir: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(submission.report(content_dir), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def main(argv: list[str] | None = None) -> int:
    """``etalase kiriman convert``: see that script for usage."""
    args = _parser().parse_args(argv)
    try:
        body = args.body.read_bytes().decode("utf-8", errors="replace")
    except OSError as error:
        return _usage(f"isi issue tidak terbaca: {args.body} ({error.strerror}) (cannot read the issue body)")
    if not args.content.is_dir():
        return _usage(f"folder konten tidak ada: {args.content} (content folder not found)")
    try:  # GitHub's login rules live in the schema's Creator.github
        login = str(Creator.model_validate({"name": "-", "bio": "-", "github": args.author}).github)
    except ValueError:
        return _usage(f"--author bukan nama pengguna GitHub: {args.author!r} (not a GitHub login)")
    try:
        now = parse_now(args.now)
    except ValueError as error:
        return _usage(str(error))
    try:
        host = (
            kiriman_assets.loopback_host(args.test_attachment_host)
            if args.test_attachment_host
            else kiriman_assets.GITHUB
        )
    except ValueError as error:
        return _usage(str(error))
    config = read_settings(args.config).data
    settings = Settings.from_config(config, host=host, assets_dir=args.assets)

    submission = convert(body, login, args.issue, args.content, now, settings)
    if args.report:
        write_report(submission, args.content, args.report)
    if args.notes:
        write_notes(submission, args.notes)
    if submission.problems:
        for problem in submission.problems:
            print(problem.format())
        count = len(submission.problems)
        print(f"\n{count} hal perlu diperbaiki di formulir. ({count} problems in the form)", file=sys.stderr)
        return EXIT_PROBLEMS
    for note in submission.notes:
        print("Catatan: " + note.format(), file=sys.stderr)
    print(submission.bundle)
    return EXIT_OK


def _usage(message: str) -> int:
    print(message, file=sys.stderr)
    return EXIT_USAGE


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description="Ubah issue formulir kiriman menjadi folder pos. (Turn a form issue into a post bundle.)"
    )
    parser.add_argument("--body", type=Path, required=True, help="berkas berisi isi issue (Markdown dari GitHub)")
    parser.add_argument("--author", required=True, help="nama pengguna GitHub pembuat issue")
    parser.add_argument("--issue", type=int, required=True, help="nomor issue")
    parser.add_argument("--content", type=Path, required=True, help="folder konten tujuan (mis. content)")
    parser.add_argument("--assets", type=Path, help="baca lampiran <id> dari DIR/<id>, tanpa mengunduh (uji, tinjauan)")
    parser.add_argument("--now", help="waktu konversi (ISO), untuk memeriksa tanggal pos; bawaan: sekarang")
    parser.add_argument(
        "--config",
        type=Path,
        default=Path("mkdocs.yml"),
        help="mkdocs.yml: zona waktu merek dan batas foto (bawaan: ./mkdocs.yml)",
    )
    parser.add_argument("--report", type=Path, help="tulis juga hasilnya sebagai JSON ke berkas ini (alur kerja)")
    parser.add_argument(
        "--notes",
        type=Path,
        help="tulis catatan untuk balasan (cara tanggal, titik peta dan pilihan dibaca; foto dan teks "
        "alternatifnya) sebagai JSON ke berkas ini",
    )
    parser.add_argument(
        "--test-attachment-host",
        metavar="URL",
        help="HANYA UJI: ambil lampiran dari http://127.0.0.1:PORT/user-attachments/assets/<id> "
        "sebagai pengganti GitHub (hanya alamat loopback diterima)",
    )
    return parser
