"""Dates, numbers and map points as people write them: the reader alone, and through front matter."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from etalase.content.categories import REGISTRY
from etalase.content.datetext import DateTextError, read_day, read_moment, spoken, written
from etalase.content.explain import problems_of
from etalase.content.numtext import NumberTextError, read_degrees, read_percent, read_point
from etalase.content.zones import WIB, WITA


@pytest.mark.parametrize(
    ("text", "expected", "said"),
    [
        ("17 Agustus 2026", "2026-08-17 00:00 WIB", "Senin, 17 Agustus 2026 pukul 00.00 WIB"),
        ("17 Agu 2026", "2026-08-17 00:00 WIB", "Senin, 17 Agustus 2026 pukul 00.00 WIB"),
        ("Senin, 17 Agustus 2026", "2026-08-17 00:00 WIB", "Senin, 17 Agustus 2026 pukul 00.00 WIB"),
        ("Sabtu, 15 Agustus 2026 pukul 19.00", "2026-08-15 19:00 WIB", "Sabtu, 15 Agustus 2026 pukul 19.00 WIB"),
        ("17/08/2026 jam 19.00", "2026-08-17 19:00 WIB", "Senin, 17 Agustus 2026 pukul 19.00 WIB"),
        ("17-08-2026 19:00", "2026-08-17 19:00 WIB", "Senin, 17 Agustus 2026 pukul 19.00 WIB"),
        ("1/9/2026 pukul 08.30", "2026-09-01 08:30 WIB", "Selasa, 1 September 2026 pukul 08.30 WIB"),
        ("27 Desember 2026 jam 8 pagi", "2026-12-27 08:00 WIB", "Minggu, 27 Desember 2026 pukul 08.00 WIB"),
        ("27 Desember 2026 jam 7 malam", "2026-12-27 19:00 WIB", "Minggu, 27 Desember 2026 pukul 19.00 WIB"),
        ("27 desember 2026 jam 3 sore wita", "2026-12-27 15:00 WITA", "Minggu, 27 Desember 2026 pukul 15.00 WITA"),
        ("2026-12-20 19:00 wit", "2026-12-20 19:00 WIT", "Minggu, 20 Desember 2026 pukul 19.00 WIT"),
        ("2026-12-20", "2026-12-20 00:00 WIB", "Minggu, 20 Desember 2026 pukul 00.00 WIB"),
        ("2026-12-20T19:00:00+08:00", "2026-12-20 19:00 WITA", "Minggu, 20 Desember 2026 pukul 19.00 WITA"),
    ],
)
def test_dates_as_people_write_them(text: str, expected: str, said: str) -> None:
    moment = read_moment(text, WIB)
    assert written(moment.value) == expected
    assert spoken(moment.value) == said


def test_no_zone_means_the_regency_s_zone() -> None:
    moment = read_moment("17/08/2026 pukul 19.00", WITA)
    assert written(moment.value) == "2026-08-17 19:00 WITA"
    assert not moment.zone_written
    assert read_moment("17/08/2026 pukul 19.00 WIB", WITA).zone_written


@pytest.mark.parametrize(
    ("text", "message", "message_en"),
    [
        (
            "besok pagi",
            "bukan tanggal yang bisa dibaca; tulis mis. 20 Desember 2026 pukul 19.00",
            "not a date that can be read; write e.g. 20 Desember 2026 pukul 19.00",
        ),
        ("31/02/2026", "tanggal 31 Februari 2026 tidak ada", "there is no day 31 in February 2026"),
        (
            "Sabtu, 17 Agustus 2026",
            "17 Agustus 2026 jatuh pada hari Senin, bukan Sabtu; periksa tanggalnya",
            "17 Agustus 2026 is a Monday, not Sabtu; check the date",
        ),
        (
            "17 Agustus 2026 19",
            "jamnya tidak terbaca: “19”; tulis mis. pukul 19.00 atau jam 7 malam",
            "the time cannot be read: “19”; write e.g. pukul 19.00 or jam 7 malam",
        ),
        (
            "17 Agustus 2026 pukul 25.00",
            "jam 25.00 tidak ada; jam ditulis 00.00 sampai 23.59",
            "there is no time 25.00; times run from 00.00 to 23.59",
        ),
        (
            "17 Agustos 2026",
            "nama bulan “Agustos” tidak dikenal; tulis mis. 20 Desember 2026 atau 20 Des 2026",
            "unknown month name “Agustos”; write e.g. 20 Desember 2026 or 20 Des 2026",
        ),
    ],
)
def test_what_cannot_be_read_is_said_in_both_languages(text: str, message: str, message_en: str) -> None:
    with pytest.raises(DateTextError) as raised:
        read_moment(text, WIB)
    assert (raised.value.message, raised.value.message_en) == (message, message_en)


def test_days_and_months_alone() -> None:
    assert read_day("13/11/2026") == date(2026, 11, 13)
    assert read_day("13 Nov 2026") == date(2026, 11, 13)
    assert read_day("Juni 2026", month_only="start") == date(2026, 6, 1)
    assert read_day("Februari 2026", month_only="end") == date(2026, 2, 28)
    assert read_day("06/2026", month_only="start") == date(2026, 6, 1)
    assert spoken(date(2026, 6, 1), month_only=True) == "Juni 2026"
    with pytest.raises(DateTextError):
        read_day("Juni 2026")  # a day is needed here (the date a figure holds for)


# --------------------------------------------------------------------------
# The same strings through front matter
# --------------------------------------------------------------------------

POST: dict[str, Any] = {
    "title": "Malam Tari Pesisir",
    "category": "budaya",
    "summary": "Sanggar Ombak menampilkan tari nelayan di dermaga Teluk Biru.",
    "creators": ["rina-wulandari"],
    "region": "tanjung-sari",
    "cover": {"file": "sampul.jpg", "alt": "Penari di dermaga", "credit": "Rina", "license": "CC BY 4.0"},
    "budaya": {"venue": "Dermaga Teluk Biru", "organiser": "Sanggar Ombak"},
}


def _post(zone: Any = WIB, **changes: Any) -> Any:
    data = {key: value for key, value in {**POST, **changes}.items() if value is not None}
    model = REGISTRY.post_model(str(data["category"]))
    return model.model_validate(data, context={"zone": zone})


def test_front_matter_reads_the_same_dates() -> None:
    post = _post(
        date="1/12/2026 pukul 08.00",
        budaya={**POST["budaya"], "start": "27 Desember 2026 jam 7 malam", "end": "27/12/2026 22:00 WIB"},
        zone=WITA,
    )
    assert written(post.date) == "2026-12-01 08:00 WITA"
    assert written(post.budaya.start) == "2026-12-27 19:00 WITA"
    assert written(post.budaya.end) == "2026-12-27 22:00 WIB"
    # YAML's own dates (unquoted): a day alone is its start, a time without a zone the regency's.
    tradition = {**POST["budaya"], "tradition": True}
    assert written(_post(date=date(2026, 12, 20), budaya=tradition).date) == "2026-12-20 00:00 WIB"


def test_a_project_s_dates_and_a_month_alone() -> None:
    block = {
        "project": "Jalan Desa",
        "agency": "Dinas PUPR",
        "status": "berjalan",
        "progress": 65,
        "progress_date": "13/11/2026",
        "start": "Juni 2026",
        "target": "Desember 2026",
        "sources": [{"title": "Papan proyek", "document": "SPK 12/2026"}],
    }
    post = _post(category="pembangunan", date="1/12/2026", budaya=None, pembangunan=block)
    assert (post.pembangunan.progress_date, post.pembangunan.start, post.pembangunan.target) == (
        date(2026, 11, 13),
        date(2026, 6, 1),
        date(2026, 12, 31),
    )


def test_an_unreadable_date_is_told_in_indonesian_then_english() -> None:
    model = REGISTRY.post_model("budaya")
    with pytest.raises(ValidationError) as raised:
        model.model_validate({**POST, "date": "17/13/2026"}, context={"zone": WIB})
    problems = problems_of(raised.value, model, __import__("pathlib").Path("index.md"), lambda loc: None)
    date_problem = next(p for p in problems if p.field == "date")
    assert date_problem.message == (
        'ditemukan "17/13/2026"; bulan 13 tidak ada; tanggal ditulis hari dulu, lalu bulan: 20 Desember 2026 '
        "atau 20/12/2026"
    )
    assert date_problem.message_en == (
        'found "17/13/2026"; there is no month 13; write the day first, then the month: 20 Desember 2026 or 20/12/2026'
    )
    assert "Input should" not in date_problem.message


# --------------------------------------------------------------------------
# Bad input never crashes
# --------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "17",
        "/",
        "-",
        ".",
        " ",
        "Agustus",
        "Agu",
        "2026",
        "0000",
        "99",
        "pukul",
        "jam",
        "19.00",
        "25:61",
        "malam",
        "WIB",
        "wita",
        "+07:00",
        "T",
        ",",
        "Sabtu",
        "@",
        "-7,24",
        "110.40",
        "%",
        "persen",
        "°",
        "LS",
        "?q=",
        "!3d",
    ]
)


@settings(max_examples=100, deadline=None)
@given(st.lists(_PIECES, max_size=8).map("".join) | st.text(max_size=40))
def test_readers_refuse_nonsense_with_a_message_and_never_crash(text: str) -> None:
    for read in (lambda t: read_moment(t, WIB), read_day, lambda t: read_day(t, month_only="end")):
        try:
            read(text)
        except DateTextError as error:
            assert error.message and error.message_en
    try:
        read_point(text)
        read_degrees(text)
    except NumberTextError as error:
        assert error.message and error.message_en
    read_percent(text)


# A date without its year: the form route reads it as its next occurrence from the conversion's time,
# front matter (read again on every build) refuses it. Every clock here is fixed: no expectation moves
# with the calendar.
@pytest.mark.parametrize(
    ("text", "now", "expected"),
    [
        ("20 Desember pukul 08.00", "2026-12-01T12:00:00+07:00", "2026-12-20 08:00 WIB"),
        ("20 Desember pukul 08.00", "2026-12-20T23:00:00+07:00", "2026-12-20 08:00 WIB"),  # today stays today
        ("20 Desember pukul 08.00", "2026-12-21T00:30:00+07:00", "2027-12-20 08:00 WIB"),  # yesterday: next year
        ("20 Des jam 7 malam", "2028-07-01T12:00:00+07:00", "2028-12-20 19:00 WIB"),
        ("2 Januari 19:00", "2026-12-28T09:00:00+07:00", "2027-01-02 19:00 WIB"),  # over the new year
        ("Sabtu, 2 Januari 19:00", "2026-12-28T09:00:00+07:00", "2027-01-02 19:00 WIB"),
        ("29 Februari", "2026-03-01T09:00:00+07:00", "2028-02-29 00:00 WIB"),  # the next leap year's
        ("5 Januari pukul 19.00 WITA", "2026-12-31T23:30:00+07:00", "2027-01-05 19:00 WITA"),
        # the day is the regency's: 00.30 WIB on 21 December is still 20 December in UTC
        ("20 Desember", "2026-12-20T17:30:00+00:00", "2027-12-20 00:00 WIB"),
    ],
)
def test_a_date_without_its_year_is_its_next_occurrence_on_the_form(text: str, now: str, expected: str) -> None:
    moment = read_moment(text, WIB, after=datetime.fromisoformat(now))
    assert written(moment.value) == expected
    assert moment.year_written is False


def test_a_date_without_its_year_is_refused_in_front_matter() -> None:
    with pytest.raises(DateTextError) as error:
        read_moment("20 Desember pukul 08.00", WIB)
    assert error.value.message == "tahunnya tidak ditulis; tulis mis. 20 Desember 2026 pukul 19.00"
    assert error.value.message_en == "the year is missing; write e.g. 20 Desember 2026 pukul 19.00"
    # a written year is read as written, whatever the clock
    moment = read_moment("20 Desember 2020 pukul 08.00", WIB, after=datetime.fromisoformat("2026-12-01T00:00+07:00"))
    assert (written(moment.value), moment.year_written) == ("2020-12-20 08:00 WIB", True)
    with pytest.raises(DateTextError) as error:
        read_moment("Senin, 2 Januari 19:00", WIB, after=datetime.fromisoformat("2026-12-28T09:00:00+07:00"))
    assert error.value.message == "2 Januari 2027 jatuh pada hari Sabtu, bukan Senin; periksa tanggalnya"


def test_on_the_form_an_unreadable_date_is_answered_with_an_example_without_a_year() -> None:
    after = datetime.fromisoformat("2026-12-01T12:00:00+07:00")
    with pytest.raises(DateTextError) as error:
        read_moment("besok pagi", WIB, after=after)
    assert error.value.message == "bukan tanggal yang bisa dibaca; tulis mis. 20 Desember pukul 19.00"
    with pytest.raises(DateTextError) as error:
        read_moment("besok pagi", WIB)
    assert error.value.message == "bukan tanggal yang bisa dibaca; tulis mis. 20 Desember 2026 pukul 19.00"
