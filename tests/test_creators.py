"""Creator pages (``/kreator/<id>/``) and the index of creators (``/kreator/``) of a programme with known figures.

The content is ``programme_content``'s, two cards a page; every expected
value was counted by hand from the table in its docstring.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup, Tag

from programme_content import TITLES, build_programme

CREATOR_PAGES = {
    "ani": (
        "Ani Rahma",
        ["p5", "p2", "p1"],
        ("2 pos", "1 pos", "0 pos", "0 pos"),
        "Pos pertama 5 Oktober 2026 · pos terbaru 28 November 2026",
    ),
    "budi": (
        "Budi Santoso",
        ["p10", "p3", "p2", "p7"],
        ("0 pos", "2 pos", "2 pos", "0 pos"),
        "Pos pertama 10 Januari 2026 · pos terbaru 3 November 2026",
    ),
    "citra": (
        "Citra Dewi",
        ["p4", "p6"],
        ("1 pos", "0 pos", "0 pos", "1 pos"),
        "Pos pertama 30 November 2025 · pos terbaru 15 November 2026",
    ),
    "eka": (
        "Eka Putri",
        ["p11"],
        ("0 pos", "0 pos", "1 pos", "0 pos"),
        "Pos pertama 1 September 2026 · pos terbaru 1 September 2026",
    ),
}
"""Name, posts (newest first, co-written ones included, the draft and the scheduled post not), posts per
category (Wisata, UMKM, Budaya, Pembangunan) and the dates line of each creator."""
BY_POSTS = [
    ("Budi Santoso", "4 pos · terbaru 3 November 2026"),
    ("Ani Rahma", "3 pos · terbaru 28 November 2026"),
    ("Citra Dewi", "2 pos · terbaru 15 November 2026"),
    ("Eka Putri", "1 pos · terbaru 1 September 2026"),
    ("Dodi Kurnia", "0 pos · belum ada pos"),
]


def html(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def text(tag: Tag) -> str:
    return tag.get_text(" ", strip=True)


def entries(section: Tag) -> list[tuple[str, str]]:
    return [
        (text(item.select_one(".etalase-creator__name")), text(item.select_one(".etalase-creator__meta")))
        for item in section.select(".etalase-creator")
    ]


@pytest.mark.parametrize("creator_id", list(CREATOR_PAGES))
def test_a_creator_page_lists_exactly_their_posts_with_counts_per_category_and_dates(programme_site, creator_id):
    name, posts, counts, dates = CREATOR_PAGES[creator_id]
    url, titles, pages = f"kreator/{creator_id}/", [], 0
    while url:
        page = html(programme_site, url)
        pages += 1
        assert text(page.h1) == name
        assert [(text(c.dt), text(c.dd)) for c in page.select(".etalase-profile__counts > div")] == list(
            zip(["Wisata", "UMKM", "Budaya", "Pembangunan"], counts)
        )
        dates_line = page.select_one(".etalase-profile__dates")
        assert (text(dates_line) if dates_line else None) == dates
        titles += [text(title) for title in page.select(".etalase-card__title")]
        following = page.select_one(".etalase-pagination a[rel=next]")
        url = urljoin(url, following["href"]) if following else ""
    assert titles == [TITLES[slug] for slug in posts]
    assert pages == max(1, (len(posts) + 1) // 2)
    first = html(programme_site, f"kreator/{creator_id}/")
    assert text(first.select_one(".etalase-listing__count")).startswith(f"{len(posts)} pos")
    assert [text(li) for li in first.select(".etalase-crumbs li")] == ["Beranda", "Kreator", name]
    assert first.select(".etalase-crumbs a")[1]["href"] == "../"


def test_a_creator_with_no_published_post_has_no_page_and_is_listed_unlinked(programme_site):
    """Dodi has only a draft: no empty page of his, and the index names him, "belum ada pos", with no link."""
    assert not (programme_site / "kreator" / "dodi").exists()
    for url in ("kreator/", "kreator/urut/nama/"):
        index = html(programme_site, url)
        dodi = [item for item in index.select(".etalase-creator") if "Dodi Kurnia" in text(item)]
        assert len(dodi) == 1 and text(dodi[0].select_one(".etalase-creator__meta")) == "0 pos · belum ada pos"
        assert not dodi[0].select("a")
        assert all("dodi" not in a["href"] for a in index.select("a[href]"))


def test_a_creator_page_shows_photo_region_and_every_channel_named_with_its_icon(programme_site):
    ani = html(programme_site, "kreator/ani/")
    photo = ani.select_one(".etalase-profile__head img.etalase-profile__photo")
    assert photo["alt"] == "Potret Ani Rahma di tepi pantai" and photo["src"].startswith("../../media/")
    region = ani.select_one(".etalase-profile__region")
    assert text(region) == "Dari Pantai Indah, Kec. Utara"
    assert urljoin("/kreator/ani/", region.a["href"]) == "/wilayah/utara/pantai-indah/"
    links = ani.select(".etalase-profile__links a")
    assert [(text(a), a["href"]) for a in links] == [
        ("Instagram", "https://www.instagram.com/ani.rahma"),
        ("X", "https://x.com/ani_rahma"),
        ("WhatsApp", "https://wa.me/6281234567001"),
    ]
    for link in links:
        assert link.select_one("span.etalase-icon[aria-hidden=true] svg")
        assert {"nofollow", "ugc"} <= set(link["rel"])

    budi = html(programme_site, "kreator/budi/")
    assert text(budi.select_one(".etalase-avatar--large[aria-hidden=true]")) == "B"
    assert not budi.select(".etalase-profile__head img")
    # Kec. Timur has no published post (only a draft), so no page to link to.
    assert text(budi.select_one(".etalase-profile__region")) == "Dari Kec. Timur"
    assert not budi.select(".etalase-profile__region a")
    assert not html(programme_site, "kreator/citra/").select(".etalase-profile__region")


def test_the_index_lists_every_creator_by_posts_and_by_name_and_the_newcomers(programme_site):
    by_posts, by_name = html(programme_site, "kreator/"), html(programme_site, "kreator/urut/nama/")
    assert text(by_posts.h1) == "Kreator" and text(by_name.h1) == "Kreator menurut nama"
    assert entries(by_posts.select_one("section[aria-labelledby=semua-kreator]")) == BY_POSTS
    assert entries(by_name.select_one("section[aria-labelledby=semua-kreator]")) == sorted(BY_POSTS)
    for page in (by_posts, by_name):
        # Ani's first post (5 October) is 57 days before the build's now; Eka's (1 September) 91.
        assert entries(page.select_one("section[aria-labelledby=kreator-baru]")) == [BY_POSTS[1]]
    assert [li.a.get("aria-current") for li in by_posts.select(".etalase-sort li")] == ["page", None]
    assert [li.a.get("aria-current") for li in by_name.select(".etalase-sort li")] == [None, "page"]
    assert [urljoin("/kreator/", a["href"]) for a in by_posts.select(".etalase-sort a")] == [
        "/kreator/",
        "/kreator/urut/nama/",
    ]
    assert [urljoin("/kreator/urut/nama/", a["href"]) for a in by_name.select(".etalase-sort a")] == [
        "/kreator/",
        "/kreator/urut/nama/",
    ]
    assert [text(li) for li in by_name.select(".etalase-crumbs li")] == ["Beranda", "Kreator", "Menurut nama"]


def test_index_entries_link_their_pages_with_a_photo_or_an_initial(programme_site):
    section = html(programme_site, "kreator/").select_one("section[aria-labelledby=semua-kreator]")
    avatars = {}
    for item in section.select(".etalase-creator"):
        name = item.select_one(".etalase-creator__name")
        if name.name != "a":  # a creator with no published post: no page, no link
            avatars[text(name)] = text(item.select_one("span.etalase-avatar[aria-hidden=true]"))
            continue
        target = urljoin("/kreator/", name["href"])
        assert (programme_site / target.strip("/") / "index.html").is_file(), target
        image = item.select_one("img.etalase-avatar")
        if image:
            assert image["alt"] == "" and (programme_site / "kreator" / image["src"]).resolve().is_file()
        avatars[target] = "photo" if image else text(item.select_one("span.etalase-avatar[aria-hidden=true]"))
    assert avatars == {
        "/kreator/budi/": "B",
        "/kreator/ani/": "photo",
        "/kreator/citra/": "C",
        "/kreator/eka/": "E",
        "Dodi Kurnia": "D",
    }


def test_kreator_is_in_the_footer_not_the_visitors_tabs(programme_site):
    home = html(programme_site, "")
    tabs = {text(link): link["href"] for link in home.select(".md-tabs__link")}
    assert "Kreator" not in tabs  # the visitors' six items: categories, agenda, search
    assert home.select_one('.etalase-footer a[href="kreator/"]').get_text(strip=True) == "Kreator"


def test_newcomers_are_counted_from_the_builds_now(tmp_path):
    later = build_programme(tmp_path, "--now", "2027-01-10T00:00:00+07:00")
    newcomers = html(later, "kreator/").select_one("section[aria-labelledby=kreator-baru]")
    assert entries(newcomers) == []
    assert "Belum ada kreator baru dalam 90 hari terakhir." in text(newcomers)
