"""Events: when each event post happens next, whether it is over, and its calendar files.

An event is a post whose category block has a venue and a ``start`` moment
(the budaya block's events; a tradition has no start, a project's start is a day). An event that repeats every year
(``repeat: tahunan``) happens next on the first anniversary of its dates that
has not ended by the build's ``now``; any other event happens once, on its
dates. Whether an event is over is decided by the build's ``now``, so the
pages that show it (the post, its cards, the agenda) carry it as data: the
render cache's fingerprint then changes the hour an event ends.

Calendar files follow RFC 5545 (iCalendar): CRLF line ends, lines folded at 75
octets, text escaped, times in UTC (``...Z``), and one stable ``UID`` per
event and occurrence, so a calendar app that imports the file twice keeps one copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from etalase.content.structure import Post

PRODID = "-//Etalase//Agenda//ID"


@dataclass
class Event:
    """When an event post happens (its next occurrence for a yearly event), and whether that is over."""

    start: datetime
    end: datetime | None
    venue: str
    repeats: bool
    """Held every year on the same date: ``start``/``end`` are the next occurrence, not the written dates."""
    past: bool
    """Ended (or, without an end, started) before the build's ``now``."""

    @property
    def finish(self) -> datetime:
        """When it is over: its end, or the end of its start's day when no end is given."""
        if self.end is not None:
            return self.end
        return self.start.replace(hour=23, minute=59, second=59)


def _shift_years(moment: datetime, years: int) -> datetime:
    """``moment`` ``years`` later on the same day and hour (29 February becomes 28 February)."""
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:
        return moment.replace(year=moment.year + years, day=28)


def event_of(post: Post, now: datetime) -> Event | None:
    """The event ``post`` is about, as of ``now``; ``None`` for a post that is not an event."""
    block = getattr(post.meta, post.category, None)
    start = getattr(block, "start", None)
    if not isinstance(start, datetime) or not hasattr(block, "venue"):
        return None  # not an event: a tradition, a place, a business, a project (whose start is a date)
    end = getattr(block, "end", None)
    repeats = getattr(block, "repeat", None) == "tahunan"
    event = Event(start=start, end=end, venue=str(getattr(block, "venue", "")), repeats=repeats, past=False)
    if repeats:
        years = max(0, now.year - start.year - 1)
        while True:
            shifted = Event(
                start=_shift_years(start, years),
                end=_shift_years(end, years) if end else None,
                venue=event.venue,
                repeats=True,
                past=False,
            )
            if shifted.finish >= now:
                return shifted
            years += 1
    event.past = event.finish < now
    return event


def coming(events: list[tuple[Post, Event]]) -> list[tuple[Post, Event]]:
    """The events not over yet, soonest first (ties by title)."""
    ahead = [(post, event) for post, event in events if not event.past]
    return sorted(ahead, key=lambda item: (item[1].start, item[0].meta.title))


def past(events: list[tuple[Post, Event]]) -> list[tuple[Post, Event]]:
    """The events that are over, most recent first."""
    over = [(post, event) for post, event in events if event.past]
    return sorted(over, key=lambda item: (item[1].start, item[0].meta.title), reverse=True)


# --------------------------------------------------------------------------
# iCalendar (RFC 5545)
# --------------------------------------------------------------------------


def _escape(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newline escaped."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def _fold(line: str) -> str:
    """One content line folded at 75 octets (RFC 5545 3.1), never inside a UTF-8 character."""
    out: list[str] = []
    current = ""
    size = 0
    limit = 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _vevent(post: Post, event: Event, site_url: str) -> list[str]:
    host = urlsplit(site_url).hostname or "etalase.invalid"
    end = event.end if event.end is not None else event.start + timedelta(hours=1)
    url = site_url.rstrip("/") + "/" + post.url if site_url else ""
    lines = [
        "BEGIN:VEVENT",
        f"UID:{post.slug}-{event.start.astimezone(UTC):%Y%m%d}@{host}",
        f"DTSTAMP:{_utc(post.modified)}",
        f"DTSTART:{_utc(event.start)}",
        f"DTEND:{_utc(end)}",
        f"SUMMARY:{_escape(post.meta.title)}",
        f"DESCRIPTION:{_escape(post.meta.summary + (' ' + url if url else ''))}",
        f"LOCATION:{_escape(event.venue)}",
    ]
    if url:
        lines.append(f"URL:{url}")
    lines.append("END:VEVENT")
    return lines


def calendar(events: list[tuple[Post, Event]], site_url: str, name: str) -> str:
    """An iCalendar file of ``events`` (each at its next occurrence), named ``name`` in calendar apps."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    lines.append(f"X-WR-CALNAME:{_escape(name)}")
    for post, event in events:
        lines += _vevent(post, event, site_url)
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)
