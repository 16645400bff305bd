"""Rules at their edges: the moment a post appears, what the deploy's due check counts, the 90th day of a
newcomer, a project that ends the day it starts, a progress figure without its date, a zone in lower case.

Each test puts content right on the boundary and one step beside it; the expectations are written out.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from types import ModuleType

from etalase.build.listings import creator_profiles
from etalase.build.pages import creator_indexes
from etalase.content.load import load_content
from etalase.content.structure import Content
from etalase.content.validate import validate

from untrusted_content import add_post, base_content, front_matter

WIB = timezone(timedelta(hours=7))
MOMENT = datetime(2026, 6, 1, 8, 0, tzinfo=WIB)
"""The date of the post the tests move the clock around."""
MINUTE = timedelta(minutes=1)


def checked(content: Path, now: datetime) -> Content:
    result, problems = validate(load_content(content), now)
    assert problems == [] and result is not None, [problem.format() for problem in problems]
    return result


def problems_of(content: Path, now: datetime = MOMENT) -> list[str]:
    result, problems = validate(load_content(content), now)
    assert result is None
    return [problem.format() for problem in problems]


def one_post(tmp_path: Path, **changes: object) -> Path:
    content = base_content(tmp_path / "content")
    add_post(content, "pos", front_matter(**changes))
    return content


# --------------------------------------------------------------------------
# Publication and the deploy's due check
# --------------------------------------------------------------------------


def test_a_post_appears_at_exactly_its_date(tmp_path: Path) -> None:
    content = one_post(tmp_path, date="2026-06-01 08:00 WIB")
    at = checked(content, MOMENT)
    assert [post.slug for post in at.posts] == ["pos"] and not at.posts[0].scheduled
    before = checked(content, MOMENT - MINUTE)
    assert before.posts == [] and [post.slug for post in before.unpublished] == ["pos"]


def due_posts() -> ModuleType:
    from etalase.ci import due_posts as module

    return module


def test_a_post_dated_at_the_last_publication_is_not_due_again(tmp_path: Path) -> None:
    """The run that started at ``since`` published every post dated up to that moment, that one included."""
    due_reason = due_posts().due_reason
    content = one_post(tmp_path, date="2026-06-01 08:00 WIB")
    now = MOMENT + timedelta(hours=1)
    assert due_reason(content, MOMENT, now) is None
    assert due_reason(content, MOMENT - MINUTE, now) == (
        "1 pos terjadwal sudah tiba waktunya: pos (1 scheduled posts are due)"
    )
    assert due_reason(content, MOMENT.astimezone(UTC), now) is None  # the same moment written in UTC


# --------------------------------------------------------------------------
# Newcomers on the index of creators
# --------------------------------------------------------------------------


def test_a_creator_whose_first_post_is_90_days_old_is_still_a_newcomer(tmp_path: Path) -> None:
    content = base_content(tmp_path / "content")
    for creator in ("baru", "lama"):
        (content / "creators" / f"{creator}.yml").write_text(
            f"name: Kreator {creator.title()}\nbio: Menulis untuk situs.\n", encoding="utf-8"
        )
    now = MOMENT + timedelta(days=90)
    add_post(content, "pos-baru", front_matter(creators=["baru"], date="2026-06-01 08:00 WIB"))  # now - 90 days
    add_post(content, "pos-lama", front_matter(creators=["lama"], date="2026-06-01 07:59 WIB"))  # a minute more
    result = checked(content, now)
    index = creator_indexes(result, {}, creator_profiles(result), now)[0]
    assert [card.profile.creator.id for card in index.newcomers] == ["baru"]
    assert sorted(card.profile.creator.id for card in index.creators) == ["baru", "lama", "penguji"]


# --------------------------------------------------------------------------
# A development project's dates and progress
# --------------------------------------------------------------------------

PROJECT = {
    "project": "Pembangunan Jembatan Uji",
    "agency": "Dinas Pekerjaan Umum Kabupaten Uji",
    "status": "berjalan",
    "sources": [{"title": "Siaran pers dinas", "url": "https://pu.uji.example.go.id/berita"}],
}


def project_post(tmp_path: Path, **fields: object) -> Path:
    return one_post(tmp_path, category="pembangunan", wisata=None, pembangunan=PROJECT | fields)


def test_a_project_may_end_the_day_it_starts(tmp_path: Path) -> None:
    same_day = checked(project_post(tmp_path / "a", start="2026-05-04", target="2026-05-04"), MOMENT)
    assert [post.slug for post in same_day.posts] == ["pos"]
    assert problems_of(project_post(tmp_path / "b", start="2026-05-04", target="2026-05-03")) == [
        f"{tmp_path}/b/content/posts/pos/index.md:14: pembangunan: target (selesai) tidak boleh sebelum start "
        "(mulai)\n    (en) pembangunan: target must not be before start"
    ]


PROGRESS_TOGETHER = (
    "pembangunan: progress dan progress_date ditulis bersama: angka kemajuan beserta tanggal angka itu berlaku, "
    "mis. progress: 40 dan progress_date: 2026-11-13\n"
    "    (en) pembangunan: progress and progress_date go together: the figure and the date it is true for"
)


def test_progress_and_its_date_go_together(tmp_path: Path) -> None:
    both = checked(project_post(tmp_path / "both", progress=40, progress_date="2026-05-20"), MOMENT)
    assert both.posts[0].meta.pembangunan.progress == 40  # type: ignore[attr-defined]
    for name, fields in {"date-only": {"progress_date": "2026-05-20"}, "figure-only": {"progress": 40}}.items():
        assert problems_of(project_post(tmp_path / name, **fields)) == [
            f"{tmp_path}/{name}/content/posts/pos/index.md:14: {PROGRESS_TOGETHER}"
        ], name


# --------------------------------------------------------------------------
# Time zones as people type them
# --------------------------------------------------------------------------


def test_a_zone_written_in_lower_case_is_accepted(tmp_path: Path) -> None:
    for zone, hours in (("wib", 7), ("wita", 8), ("Wit", 9)):
        content = one_post(tmp_path / zone, date=f"2026-01-10 08:00 {zone}")
        (post,) = checked(content, MOMENT).posts
        assert post.meta.date == datetime(2026, 1, 10, 8, 0, tzinfo=timezone(timedelta(hours=hours))), zone
