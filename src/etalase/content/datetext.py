"""Dates and times as Indonesians write them, read once for the form route and for front matter.

Accepted, in any case and spacing:

* a day: ``17 Agustus 2026``, ``17 Agu 2026``, ``Senin, 17 Agustus 2026``,
  ``17/08/2026``, ``17-08-2026``, ``17.08.2026``, ``1/9/2026`` (always day
  first, as Indonesians write it), or ISO ``2026-08-17``;
* a time after it: ``pukul 19.00``, ``jam 19.00``, ``pkl. 19.00``, ``19:00``,
  ``jam 7 malam``, ``jam 8 pagi`` (``pagi``, ``siang``, ``sore``, ``petang``,
  ``malam``);
* a zone after that: ``WIB``, ``WITA``, ``WIT`` (any case) or an offset
  (``+07:00``); without one, the regency's zone (``extra.brand.timezone``) is
  meant, which the caller passes;
* where a month is enough (a project's start), a month alone: ``Juni 2026``,
  ``06/2026``, ``2026-06``.

Month and day names are CLDR's (Babel), Indonesian and English, full or
abbreviated, so no table is written here. :func:`spoken` says how a value was
read, in the same words (``Senin, 17 Agustus 2026 pukul 19.00 WIB``), so a
creator can see the reading is right.

Every refusal is a :class:`DateTextError` carrying an Indonesian and an
English message.
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timezone

from babel.dates import format_date, get_day_names, get_month_names

from etalase.content.zones import ZONES, zone_name

LOCALE = "id"
EXAMPLE = "20 Desember 2026 pukul 19.00"
"""How a date with its time is shown in messages."""
EXAMPLE_DAY = "20 Desember 2026"
FORM_EXAMPLE = "20 Desember pukul 19.00"
"""The same on the form route, where a date may leave its year out (the next such day is meant)."""
FORM_EXAMPLE_DAY = "20 Desember"
AT_MERGE = "saat digabung"
"""A post's date that is the moment an editor merges it (:mod:`etalase.content.merge_dates`)."""


class DateTextError(ValueError):
    """A date or time that cannot be read, with the reason in Indonesian and in English."""

    def __init__(self, message: str, message_en: str):
        super().__init__(message)
        self.message = message
        self.message_en = message_en


@dataclass(frozen=True)
class Moment:
    """A date and time read from text, and whether the text named its zone."""

    value: datetime
    zone_written: bool
    time_written: bool
    year_written: bool = True
    """False for ``20 Desember`` read as its next occurrence (the form route's ``after``)."""


MONTHS: tuple[str, ...] = tuple(get_month_names("wide", locale=LOCALE)[number] for number in range(1, 13))
"""The months as Indonesians write them (``Januari`` … ``Desember``), from CLDR through Babel."""
SHORT_MONTHS: tuple[str, ...] = tuple(get_month_names("abbreviated", locale=LOCALE)[number] for number in range(1, 13))
"""Their short forms (``Jan`` … ``Des``): a date chip's month."""


@functools.cache
def _months() -> dict[str, int]:
    """Every month name Babel knows in Indonesian and English, full and abbreviated, folded → number."""
    names: dict[str, int] = {}
    for locale in ("en", LOCALE):  # Indonesian last: its names win where both languages share one
        for width in ("abbreviated", "wide"):
            for number, name in get_month_names(width, locale=locale).items():
                names[_fold(name)] = number
    return names


@functools.cache
def _days() -> dict[str, int]:
    """Indonesian and English day names, folded → weekday (Monday 0)."""
    names: dict[str, int] = {}
    for locale in ("en", LOCALE):
        for width in ("abbreviated", "wide"):
            for number, name in get_day_names(width, locale=locale).items():
                names[_fold(name)] = number
    return names


def _fold(word: str) -> str:
    return re.sub(r"[^a-z]", "", word.casefold())


def _month(word: str) -> int | None:
    """The month ``word`` names: a name, an abbreviation, or a start of one full name (``Agust``)."""
    folded = _fold(word)
    months = _months()
    if folded in months:
        return months[folded]
    if len(folded) >= 3:
        found = {number for name, number in months.items() if name.startswith(folded)}
        if len(found) == 1:
            return found.pop()
    return None


def _unreadable(text: str, with_time: bool, yearless: bool = False) -> DateTextError:
    """``yearless``: for the form route, whose examples carry no year (they never go stale)."""
    if yearless:
        example = FORM_EXAMPLE if with_time else FORM_EXAMPLE_DAY
    else:
        example = EXAMPLE if with_time else EXAMPLE_DAY
    return DateTextError(
        f"bukan tanggal yang bisa dibaca; tulis mis. {example}",
        f"not a date that can be read; write e.g. {example}",
    )


_ZONE = re.compile(r"\s*\b(WIB|WITA|WIT)\b\.?$", re.IGNORECASE)
_OFFSET = re.compile(r"(?:Z|[+-]\d{2}:?\d{2})$")
_WEEKDAY = re.compile(r"^([A-Za-z]+)\s*,?\s+(?=\d)")
_NUMERIC = re.compile(r"(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})")
_NAMED = re.compile(r"(\d{1,2})\s+([A-Za-z]+)\.?\s*,?\s+(\d{4})")
_YEARLESS = re.compile(r"(\d{1,2})\s+([A-Za-z]+)\.?(?=$|[\s,])")
_TIME = re.compile(
    r"(?:,\s*)?(?:(?:pukul|pkl|jam)\.?\s*)?(\d{1,2})(?:\s*[.:]\s*(\d{2}))?(?::(\d{2}))?"
    r"(?:\s+(pagi|siang|sore|petang|malam))?",
    re.IGNORECASE,
)


def _split_zone(text: str) -> tuple[str, timezone | None]:
    match = _ZONE.search(text)
    if match:
        return text[: match.start()].strip(), ZONES[match.group(1).upper()]
    return text, None


def read_day(text: str, *, month_only: str = "") -> date:
    """A day (``17 Agustus 2026``, ``17/08/2026``, ``2026-08-17``); with ``month_only`` also a month alone.

    ``month_only`` is ``"start"`` or ``"end"``: which day of a month written
    alone stands for it (a project starts on the first, ends by the last).
    """
    cleaned = " ".join(text.split()).strip().rstrip(".")
    if not cleaned:
        raise _unreadable(text, with_time=False)
    if month_only:
        month = _read_month(cleaned)
        if month is not None:
            year, number = month
            first_or_last = 1 if month_only == "start" else calendar.monthrange(year, number)[1]
            return date(year, number, first_or_last)
    found, rest, _ = _read_date_part(cleaned, with_time=False)
    if rest:
        raise DateTextError(
            f"hanya tanggal, tanpa jam; tulis mis. {EXAMPLE_DAY}",
            f"a date only, without a time; write e.g. {EXAMPLE_DAY}",
        )
    return found


def is_month_alone(text: str) -> bool:
    """Whether ``text`` names a month without a day (``Juni 2026``)."""
    return _read_month(" ".join(text.split()).strip().rstrip(".")) is not None


def _read_month(text: str) -> tuple[int, int] | None:
    """``Juni 2026``, ``06/2026``, ``2026-06``: (year, month), or None when ``text`` is not a month alone."""
    named = re.fullmatch(r"([A-Za-z]+)\.?\s+(\d{4})", text)
    if named and _month(named.group(1)):
        return int(named.group(2)), _month(named.group(1)) or 0
    numeric = re.fullmatch(r"(\d{1,2})\s*[/.-]\s*(\d{4})", text) or None
    if numeric and 1 <= int(numeric.group(1)) <= 12:
        return int(numeric.group(2)), int(numeric.group(1))
    iso = re.fullmatch(r"(\d{4})-(\d{2})", text)
    if iso and 1 <= int(iso.group(2)) <= 12:
        return int(iso.group(1)), int(iso.group(2))
    return None


def _make_day(year: int, month: int, day: int) -> date:
    if not 1 <= month <= 12:
        raise DateTextError(
            f"bulan {month} tidak ada; tanggal ditulis hari dulu, lalu bulan: {EXAMPLE_DAY} atau 20/12/2026",
            f"there is no month {month}; write the day first, then the month: {EXAMPLE_DAY} or 20/12/2026",
        )
    try:
        return date(year, month, day)
    except ValueError:
        name, name_en = (get_month_names("wide", locale=locale)[month] for locale in (LOCALE, "en"))
        raise DateTextError(
            f"tanggal {day} {name} {year} tidak ada", f"there is no day {day} in {name_en} {year}"
        ) from None


def _next_occurrence(day: int, month: int, after: date) -> date:
    """The first ``day`` ``month`` on or after ``after`` (a 29 February: the next leap year's)."""
    for year in range(after.year, after.year + 9):
        try:
            found = date(year, month, day)
        except ValueError:
            continue
        if found >= after:
            return found
    return _make_day(after.year, month, day)  # no such day in any year: say so


def _read_date_part(text: str, with_time: bool, after: date | None = None) -> tuple[date, str, bool]:
    """The day at the start of ``text``, what follows it, and whether its year was written.

    With ``after``, a day and a month without a year (``20 Desember``) is their first
    occurrence on or after ``after``; without it, a missing year is refused.
    """
    iso = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})(?=$|[\sT])T?", text)
    if iso:
        return _make_day(int(iso.group(1)), int(iso.group(2)), int(iso.group(3))), text[iso.end() :].strip(), True
    weekday = None
    named_day = _WEEKDAY.match(text)
    if named_day and _fold(named_day.group(1)) in _days():
        weekday = named_day.group(1)
        text = text[named_day.end() :]
    numeric = _NUMERIC.match(text)
    named = _NAMED.match(text)
    yearless = None if numeric or named else _YEARLESS.match(text)
    month_of_yearless = _month(yearless.group(2)) if yearless else None
    if yearless and month_of_yearless is not None and after is None:
        raise DateTextError(
            f"tahunnya tidak ditulis; tulis mis. {EXAMPLE if with_time else EXAMPLE_DAY}",
            f"the year is missing; write e.g. {EXAMPLE if with_time else EXAMPLE_DAY}",
        )
    if yearless and month_of_yearless is not None and after is not None:
        day = _next_occurrence(int(yearless.group(1)), month_of_yearless, after)
        rest = text[yearless.end() :]
    elif numeric:
        day = _make_day(int(numeric.group(4)), int(numeric.group(3)), int(numeric.group(1)))
        rest = text[numeric.end() :]
    elif named:
        month = _month(named.group(2))
        if month is None:
            raise DateTextError(
                f"nama bulan “{named.group(2)}” tidak dikenal; tulis mis. {EXAMPLE_DAY} atau 20 Des 2026",
                f"unknown month name “{named.group(2)}”; write e.g. {EXAMPLE_DAY} or 20 Des 2026",
            )
        day = _make_day(int(named.group(3)), month, int(named.group(1)))
        rest = text[named.end() :]
    else:
        raise _unreadable(text, with_time, yearless=after is not None)
    if weekday is not None and _days()[_fold(weekday)] != day.weekday():
        actual = get_day_names("wide", locale=LOCALE)[day.weekday()]
        actual_en = get_day_names("wide", locale="en")[day.weekday()]
        shown = format_date(day, "d MMMM y", locale=LOCALE)
        raise DateTextError(
            f"{shown} jatuh pada hari {actual}, bukan {weekday}; periksa tanggalnya",
            f"{shown} is a {actual_en}, not {weekday}; check the date",
        )
    return day, rest.strip(), yearless is None or month_of_yearless is None


def _read_time(text: str) -> time:
    """``pukul 19.00``, ``19:00``, ``jam 7 malam``: the time of day."""
    match = _TIME.fullmatch(text.strip())
    marked = bool(re.match(r"(?i)\s*,?\s*(pukul|pkl|jam)", text))
    if match is None or (match.group(2) is None and not marked and match.group(4) is None):
        raise DateTextError(
            f"jamnya tidak terbaca: “{text.strip()}”; tulis mis. pukul 19.00 atau jam 7 malam",
            f"the time cannot be read: “{text.strip()}”; write e.g. pukul 19.00 or jam 7 malam",
        )
    hour, minute, second = int(match.group(1)), int(match.group(2) or 0), int(match.group(3) or 0)
    period = (match.group(4) or "").lower()
    if period and hour <= 12:
        if period in ("siang",) and hour < 11 or period in ("sore", "petang") and hour < 12:
            hour += 12
        elif period == "malam" and 6 <= hour < 12:
            hour += 12
        elif period == "malam" and hour == 12 or period == "pagi" and hour == 12:
            hour = 0
    if hour > 23 or minute > 59 or second > 59:
        raise DateTextError(
            f"jam {hour}.{minute:02d} tidak ada; jam ditulis 00.00 sampai 23.59",
            f"there is no time {hour}.{minute:02d}; times run from 00.00 to 23.59",
        )
    return time(hour, minute, second)


def read_moment(text: str, zone: timezone, after: datetime | None = None) -> Moment:
    """A date with an optional time and zone; without a zone, ``zone``; without a time, the day's start.

    With ``after`` (the form route's conversion time), a date without a year is its next
    occurrence from ``after``'s day in ``zone``: ``20 Desember`` never reads as a past December.
    """
    cleaned = " ".join(str(text).split()).strip()
    if not cleaned:
        raise _unreadable(text, with_time=True, yearless=after is not None)
    try:  # ISO 8601 with an offset, as tools write it
        parsed = datetime.fromisoformat(cleaned)
    except ValueError:
        parsed = None
    if parsed is not None and parsed.tzinfo is not None:
        return Moment(parsed, zone_written=True, time_written="T" in cleaned.upper() or " " in cleaned)
    body, written_zone = _split_zone(cleaned)
    offset = _OFFSET.search(body) if written_zone is None and re.search(r"\d[T ]\d", body) else None
    if offset:
        try:
            parsed = datetime.fromisoformat(body)
        except ValueError:
            raise _unreadable(text, with_time=True, yearless=after is not None) from None
        return Moment(parsed, zone_written=True, time_written=True)
    from_day = after.astimezone(written_zone or zone).date() if after is not None else None
    day, rest, year_written = _read_date_part(body, with_time=True, after=from_day)
    moment_time = _read_time(rest) if rest else time(0, 0)
    return Moment(
        datetime.combine(day, moment_time, tzinfo=written_zone or zone),
        zone_written=written_zone is not None,
        time_written=bool(rest),
        year_written=year_written,
    )


def spoken(value: datetime | date, month_only: bool = False) -> str:
    """How a value was read, as the site says it: ``Senin, 17 Agustus 2026 pukul 19.00 WIB``."""
    if month_only:
        return format_date(value, "MMMM y", locale=LOCALE)
    day = format_date(value, "EEEE, d MMMM y", locale=LOCALE)
    if not isinstance(value, datetime):
        return day
    zone = zone_name(value) or value.strftime("%z")
    return f"{day} pukul {value:%H.%M} {zone}".rstrip()


def without_year(value: datetime) -> str:
    """A moment as the form's examples write it, with no year to go stale: ``20 Desember pukul 19.00``.

    The form route reads it back as its next occurrence (:func:`read_moment` with ``after``).
    """
    return f"{format_date(value, 'd MMMM', locale=LOCALE)} pukul {value:%H.%M}"


def written(value: datetime) -> str:
    """A moment as front matter holds it: ``2026-08-17 19:00 WIB`` (an offset when not an Indonesian zone)."""
    name = zone_name(value)
    if name:
        return f"{value:%Y-%m-%d %H:%M} {name}"
    return value.isoformat()
