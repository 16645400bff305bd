"""Where each kind of page lives on the site, in one place.

Every URL is relative to the site root and ends with ``/`` (or names a file);
the source URI of a generated page is its URL plus ``index.md``. Words are
Indonesian because visitors read them. Python code and templates build every
URL here (templates get this module as ``etalase_urls``), so a URL is never
spelled twice.
"""

from __future__ import annotations

from urllib.parse import quote

POSTS = "artikel"
TAGS = "tag"
REGIONS = "wilayah"
CREATORS = "kreator"
ARCHIVE = "arsip"
SEARCH = "cari"
ACCESSIBLE = "ramah-difabel"
REPORT = "laporan"
AGENDA = "agenda"
AGENDA_ICS = "agenda.ics"
"""The calendar file of every coming event, beside the agenda page."""
EVENT_ICS = "acara.ics"
"""The calendar file of one event, beside its post."""
REPORT_JSON = "laporan.json"
REPORT_CSV = "laporan.csv"
BY_NAME = "urut/nama"
"""Under :data:`CREATORS`, the index of creators by name. Two parts deep, so no creator's pages
(``kreator/<id>/``, ``kreator/<id>/halaman/<n>/``) can be at the same address."""
PAGE = "halaman"
MEDIA = "media"
"""Processed photos and social cards."""
FEED_RSS = "feed.xml"
FEED_JSON = "feed.json"
ABOUT = "tentang/"
GUIDE = "panduan/"
FORM_GUIDE = "panduan/lewat-formulir/"
"""The guide's page about sending a post with the issue form."""
ACCESSIBILITY = "aksesibilitas/"
"""The accessibility statement (docs/aksesibilitas.md), linked from every page's footer."""


def paged(base: str, page: int) -> str:
    """``base`` for page 1, ``base/halaman/N/`` after it."""
    return base if page <= 1 else f"{base}{PAGE}/{page}/"


def listing(base: str, key: str = "", page: int = 1) -> str:
    """A listing page: ``tag/pantai/``, ``wisata/`` (no base), ``ramah-difabel/`` (no key)."""
    return paged("".join(f"{part}/" for part in (base, key) if part), page)


def post(slug: str) -> str:
    return f"{POSTS}/{slug}/"


def category(name: str, page: int = 1) -> str:
    return listing("", name, page)


def tag(name: str, page: int = 1) -> str:
    return listing(TAGS, name, page)


def region(place_id: str, page: int = 1) -> str:
    return listing(REGIONS, place_id, page)


def creator(creator_id: str, page: int = 1) -> str:
    return listing(CREATORS, creator_id, page)


def creators(by_name: bool = False) -> str:
    """The index of every creator: by most posts (``kreator/``) or by name (``kreator/urut/nama/``)."""
    return f"{CREATORS}/{BY_NAME}/" if by_name else f"{CREATORS}/"


def report(file: str = "") -> str:
    """The report page (``laporan/``), or a file published beside it (:data:`REPORT_JSON`, :data:`REPORT_CSV`)."""
    return f"{REPORT}/{file}"


def archive(month: str | None = None, page: int = 1) -> str:
    """The archive index, or one month (``2026/10``)."""
    return listing(ARCHIVE, month or "", page)


def agenda(file: str = "") -> str:
    """The agenda (``agenda/``), or its calendar file (``agenda/agenda.ics``)."""
    return f"{AGENDA}/{file}"


def event_calendar(slug: str) -> str:
    """The calendar file of the event a post is about (``artikel/<slug>/acara.ics``)."""
    return post(slug) + EVENT_ICS


def search() -> str:
    return f"{SEARCH}/"


def accessible(page: int = 1) -> str:
    """Every place that welcomes visitors with disabilities."""
    return listing(ACCESSIBLE, "", page)


def feed(folder: str = "", kind: str = "rss") -> str:
    """The RSS (``kind="rss"``) or JSON feed of the site (``folder=""``) or of a listing folder."""
    return folder + (FEED_RSS if kind == "rss" else FEED_JSON)


def src_uri(url: str) -> str:
    """The MkDocs source URI of the page served at ``url``."""
    return f"{url}index.md" if url else "index.md"


# -- outbound ---------------------------------------------------------------------------------


def map_url(lat: float, lon: float) -> str:
    """An OpenStreetMap link to a point: an outbound link, no map script on our pages."""
    return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=16/{lat}/{lon}"


def whatsapp(number: str, text: str = "") -> str:
    """A ``wa.me`` link to ``+62…`` (a chat with ``text`` typed in, if given)."""
    link = "https://wa.me/" + number.removeprefix("+")
    return f"{link}?text={quote(text)}" if text else link


def submit(repository: object) -> str:
    """Where "Kirim pos baru" leads: the repository's chooser of issue forms."""
    return f"{str(repository).rstrip('/')}/issues/new/choose"
