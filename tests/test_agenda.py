"""Events and the shop window: the agenda, calendar files, the home page's blocks and the cards.

The site is the demo plus three events around the suite's clock (``conftest.NOW``,
1 December 2026 12.00 WIB): one 6 days ahead, one 40 days ahead, one that ended
11 days ago. The demo's yearly event (Hari Jadi, written for 14 December 2025,
``repeat: tahunan``) is coming on 14 December 2026. Expected dates and orders
are written out here, not computed by the code under test.
"""

from __future__ import annotations

import re
import shutil
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from etalase.build.agenda import calendar, event_of

from conftest import DEMO_CONTENT, run_build, write_config

SOON = "acara-enam-hari-lagi"
LATER = "acara-empat-puluh-hari-lagi"
OVER = "acara-selesai-sebelas-hari-lalu"
HARI_JADI = "hari-jadi-kabupaten-sekar-laut"
EVENTS = {
    SOON: ("Pentas Tari Pesisir Enam Hari Lagi", "2026-12-07 19:00 WIB", "2026-12-07 22:00 WIB"),
    LATER: ("Lomba Perahu Hias Empat Puluh Hari Lagi", "2027-01-10 09:00 WIB", "2027-01-10 15:00 WIB"),
    OVER: ("Bazar Kerajinan yang Sudah Selesai", "2026-11-19 08:00 WIB", "2026-11-20 12:00 WIB"),
}


def add_event(content: Path, slug: str, title: str, start: str, end: str) -> None:
    """A budaya event: the demo's drum contest post under another slug, title and dates."""
    bundle = shutil.copytree(DEMO_CONTENT / "posts" / "lomba-tabuh-gendang-pasar-lama", content / "posts" / slug)
    index = bundle / "index.md"
    text = index.read_text(encoding="utf-8")
    text = re.sub(r"^title: .*$", f"title: {title}", text, count=1, flags=re.M)
    text = re.sub(r"^  start: .*$", f"  start: {start}", text, count=1, flags=re.M)
    text = re.sub(r"^  end: .*$", f"  end: {end}", text, count=1, flags=re.M)
    index.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def events_build(tmp_path_factory: pytest.TempPathFactory, demo_build: Path) -> tuple[Path, Path, Path]:
    """(site, content, config) of the demo with the three events, built at the suite's clock."""
    folder = tmp_path_factory.mktemp("events")
    content = folder / "content"
    shutil.copytree(DEMO_CONTENT, content)
    for slug, (title, start, end) in EVENTS.items():
        add_event(content, slug, title, start, end)
    config = write_config(folder, content_dir=content)
    site = folder / "site"
    result = run_build("--config", config, "--site-dir", site, "--no-search")
    assert result.returncode == 0, result.stdout + result.stderr
    return site, content, config


@pytest.fixture(scope="module")
def site(events_build: tuple[Path, Path, Path]) -> Path:
    return events_build[0]


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def titles(scope) -> list[str]:
    return [a.get_text(strip=True) for a in scope.select(".etalase-card__title a")]


# -- when an event happens -------------------------------------------------------------------


def _post(start: datetime, end: datetime | None, repeat: str | None = None) -> SimpleNamespace:
    block = SimpleNamespace(start=start, end=end, venue="Alun-alun", repeat=repeat)
    return SimpleNamespace(category="budaya", meta=SimpleNamespace(budaya=block))


def test_a_yearly_event_happens_next_on_its_coming_anniversary():
    wib = datetime.fromisoformat("2025-12-14T07:30:00+07:00").tzinfo
    post = _post(datetime(2025, 12, 14, 7, 30, tzinfo=wib), datetime(2025, 12, 14, 21, 0, tzinfo=wib), "tahunan")
    event = event_of(post, datetime(2026, 12, 1, 12, 0, tzinfo=wib))
    assert (event.start.isoformat(), event.end.isoformat(), event.past) == (
        "2026-12-14T07:30:00+07:00",
        "2026-12-14T21:00:00+07:00",
        False,
    )
    during = event_of(post, datetime(2026, 12, 14, 20, 0, tzinfo=wib))
    assert during.start.isoformat() == "2026-12-14T07:30:00+07:00"  # still on until 21.00
    after = event_of(post, datetime(2026, 12, 14, 21, 30, tzinfo=wib))
    assert after.start.isoformat() == "2027-12-14T07:30:00+07:00" and not after.past
    leap = event_of(_post(datetime(2024, 2, 29, 9, 0, tzinfo=UTC), None, "tahunan"), datetime(2025, 1, 1, tzinfo=UTC))
    assert leap.start.isoformat() == "2025-02-28T09:00:00+00:00"


def test_a_one_off_event_is_over_after_its_end_or_its_day():
    wib = datetime.fromisoformat("2026-11-20T12:00:00+07:00").tzinfo
    ended = _post(datetime(2026, 11, 19, 8, tzinfo=wib), datetime(2026, 11, 20, 12, tzinfo=wib))
    assert event_of(ended, datetime(2026, 11, 20, 11, 59, tzinfo=wib)).past is False
    assert event_of(ended, datetime(2026, 11, 20, 12, 1, tzinfo=wib)).past is True
    no_end = _post(datetime(2026, 11, 19, 8, tzinfo=wib), None)
    assert event_of(no_end, datetime(2026, 11, 19, 23, 0, tzinfo=wib)).past is False
    assert event_of(no_end, datetime(2026, 11, 20, 0, 1, tzinfo=wib)).past is True


def test_a_calendar_file_is_valid_rfc_5545():
    """CRLF line ends, lines of at most 75 octets (folded, never inside a character), escaped text."""
    wib = datetime.fromisoformat("2026-12-07T19:00:00+07:00").tzinfo
    title = "Pentas; tari, lagu\\dan " + "cerita rakyat pesisir yang panjang sekali " * 3 + "é"
    post = SimpleNamespace(
        slug="pentas",
        url="artikel/pentas/",
        modified=datetime(2026, 11, 1, 8, tzinfo=wib),
        category="budaya",
        meta=SimpleNamespace(title=title, summary="Baris satu\nbaris dua"),
    )
    event = event_of(
        SimpleNamespace(
            category="budaya",
            meta=SimpleNamespace(
                budaya=SimpleNamespace(
                    start=datetime(2026, 12, 7, 19, tzinfo=wib),
                    end=datetime(2026, 12, 7, 22, tzinfo=wib),
                    venue="Alun-alun, Sekar Kota",
                    repeat=None,
                )
            ),
        ),
        datetime(2026, 12, 1, tzinfo=wib),
    )
    text = calendar([(post, event)], "https://etalase.example.go.id/", "Agenda")
    raw = text.encode("utf-8")
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    assert "SUMMARY:Pentas\\; tari\\, lagu\\\\dan" in text.replace("\r\n ", "")
    [vevent] = Calendar.from_ical(text).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == title
    assert str(vevent["DESCRIPTION"]).startswith("Baris satu\nbaris dua")
    assert vevent.decoded("DTSTART") == datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
    assert vevent.decoded("DTEND") == datetime(2026, 12, 7, 15, 0, tzinfo=UTC)
    assert str(vevent["UID"]) == "pentas-20261207@etalase.example.go.id"


# -- the built site ----------------------------------------------------------------------------


def test_home_offers_the_coming_events_soonest_first_with_their_day(site: Path):
    home = soup(site, "")
    agenda = home.select_one("section[aria-labelledby=agenda-terdekat]")
    assert titles(agenda) == [
        EVENTS[SOON][0],
        "Hari Jadi Kabupaten Sekar Laut, Setiap 14 Desember",
        EVENTS[LATER][0],
    ]
    chips = [chip.get_text(" ", strip=True) for chip in agenda.select(".etalase-chip")]
    assert chips == ["7 Des", "14 Des", "10 Jan"]
    facts = [p.get_text(" ", strip=True) for p in agenda.select(".etalase-card__facts")]
    assert facts[0].startswith("7 Desember 2026, 19.00–22.00 WIB")
    assert EVENTS[OVER][0] not in titles(agenda)
    for card in home.select("article.etalase-card"):  # the one that is over is never offered as coming
        if card.select_one(".etalase-card__title").get_text(strip=True) == EVENTS[OVER][0]:
            assert "Sudah berlangsung" in card.get_text()
    links = [a["href"] for a in home.select(".etalase-card__title a")]
    assert len(links) == len(set(links))


def test_the_agenda_groups_coming_events_by_month_then_the_past_ones(site: Path):
    page = soup(site, "agenda")
    assert [h2.get_text(strip=True) for h2 in page.select("main h2")] == [
        "Desember 2026",
        "Januari 2027",
        "Sudah berlangsung",
    ]
    sections = page.select("main section")
    assert titles(sections[0]) == [EVENTS[SOON][0], "Hari Jadi Kabupaten Sekar Laut, Setiap 14 Desember"]
    assert titles(sections[1]) == [EVENTS[LATER][0]]
    assert titles(sections[2]) == [  # most recent first
        "Festival Dongeng Laut 2026 Digelar di Pantai Pasir Putih",
        EVENTS[OVER][0],
        "Lomba Tabuh Gendang Antarsanggar di Halaman Pasar Lama",
    ]
    assert all("Sudah berlangsung" in card.get_text() for card in sections[2].select("article"))
    # Every event card shows the event's date, not the post's.
    assert [t["datetime"] for t in sections[0].select("time.etalase-chip")] == [
        "2026-12-07T19:00:00+07:00",
        "2026-12-14T07:30:00+07:00",
    ]
    assert page.select_one('a[href$="agenda.ics"]') is not None


def test_the_agenda_calendar_holds_the_coming_events(site: Path):
    raw = (site / "agenda" / "agenda.ics").read_bytes()
    assert b"\n" not in raw.replace(b"\r\n", b"")
    events = {str(e["SUMMARY"]): e for e in Calendar.from_ical(raw.decode("utf-8")).walk("VEVENT")}
    assert {name: e.decoded("DTSTART") for name, e in events.items()} == {
        EVENTS[SOON][0]: datetime(2026, 12, 7, 12, 0, tzinfo=UTC),
        "Hari Jadi Kabupaten Sekar Laut, Setiap 14 Desember": datetime(2026, 12, 14, 0, 30, tzinfo=UTC),
        EVENTS[LATER][0]: datetime(2027, 1, 10, 2, 0, tzinfo=UTC),
    }
    assert str(events[EVENTS[SOON][0]]["UID"]) == f"{SOON}-20261207@etalase.example.go.id"


@pytest.mark.parametrize("slug", [SOON, LATER, OVER, HARI_JADI])
def test_every_event_post_links_its_own_calendar_file(site: Path, slug: str):
    post = soup(site, f"artikel/{slug}")
    [link] = [a for a in post.select("main a") if a.get_text(strip=True) == "Simpan ke kalender"]
    assert link["href"] == "acara.ics"
    [vevent] = Calendar.from_ical((site / "artikel" / slug / "acara.ics").read_text(encoding="utf-8")).walk("VEVENT")
    assert str(vevent["UID"]).startswith(slug + "-")
    over = "Sudah berlangsung" in post.select_one(".etalase-info").get_text()
    assert over == (slug == OVER)


def test_an_event_is_over_on_the_first_build_after_its_end_even_from_the_cache(events_build):
    """The hourly rebuild: the same content and cache a week later, after the 7 December event ended."""
    site, content, config = events_build
    later = site.parent / "site-later"
    result = run_build("--config", config, "--site-dir", later, "--no-search", "--now", "2026-12-08T12:00:00+07:00")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Sudah berlangsung" in soup(later, f"artikel/{SOON}").select_one(".etalase-info").get_text()
    home = soup(later, "")
    assert EVENTS[SOON][0] not in titles(home.select_one("section[aria-labelledby=agenda-terdekat]"))
    assert "Sudah berlangsung" not in soup(site, f"artikel/{SOON}").select_one(".etalase-info").get_text()


def test_umkm_and_wisata_cards_answer_price_order_hours_and_ticket(site: Path):
    umkm = soup(site, "umkm").select("main article.etalase-card")
    assert len(umkm) == 3
    for card in umkm:
        price = card.select_one(".etalase-card__price").get_text(strip=True)
        assert re.fullmatch(r"(mulai )?Rp[\d.]+.*", price), price
        assert card.select_one('a[href^="https://wa.me/62"]') is not None
    prices = {titles(BeautifulSoup(str(card), "html.parser"))[0]: card for card in umkm}
    tin = prices["Selai dan Teh Daun Tin, Oleh-Oleh Baru dari Desa Kebun Kopi"]
    assert tin.select_one(".etalase-card__price").get_text(strip=True) == "mulai Rp25.000"
    assert [b.get_text(strip=True) for b in tin.select(".etalase-card__shop .etalase-badge")] == ["Halal", "P-IRT"]
    wisata = soup(site, "wisata").select("main article.etalase-card")
    assert len(wisata) == 4
    for card in wisata:
        facts = card.select_one(".etalase-card__facts").get_text(" ", strip=True)
        assert "Buka:" in facts and "Tiket:" in facts


# -- small things ---------------------------------------------------------------------------------


def test_licences_are_shown_by_their_names(site: Path):
    from etalase.build.theme import licence_name

    assert licence_name("CC-BY-SA-4.0") == "CC BY-SA 4.0"
    assert licence_name("cc-by-4.0") == "CC BY 4.0"
    assert licence_name("CC0-1.0") == "CC0 1.0"
    assert licence_name("Izin pemilik foto") == "Izin pemilik foto"
    caption = soup(site, f"artikel/{HARI_JADI}").select_one(".etalase-post__cover figcaption").get_text(" ", strip=True)
    assert "Tim Etalase (ilustrasi) (CC BY 4.0)" in caption and "CC-BY" not in caption
