"""Hostile submissions: nothing a post contains runs, reads outside content/, or crashes the build.

Anyone can open a pull request and a review can miss a line, so the build
itself must refuse or neutralise what a post carries. Three groups:

* script injection (Markdown, raw HTML, attr_list, front matter, creators,
  regions): ONE site holds every attack; each page is loaded in real
  Chromium, where a marker (``window.__pwned``) must stay undefined, no
  dialog may open and no request may leave for another site, and its HTML
  is checked against the sanitiser's allow-list;
* front-matter, path and file attacks: ONE ``build.py --check`` run must name
  every bad file with its own clear error (all problems in one run);
* inputs that only fail while rendering (photos, Markdown that explodes):
  a build exits 1 with the post named, never a traceback.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from etalase.build.sanitize import ALLOWED_TAGS
from etalase.content.load import load_content
from etalase.content.validate import validate

from conftest import run_build, search_records, serve, write_config
from untrusted_content import add_post, base_content, cover_jpeg, front_matter

PWN = "window.__pwned=1"
"""What every payload does when it runs; the browser test then finds the marker set."""

NOW = "2026-06-01T00:00:00+07:00"

INJECTIONS: dict[str, str] = {
    "script-tag": f"Halo.\n\n<script>{PWN}</script>\n",
    "script-uppercase": f"<SCRIPT>{PWN}</SCRIPT>\n",
    "script-nested": f"<scr<script>ipt>{PWN}</scr</script>ipt>\n",
    "img-onerror": f'<img src="cover.jpg" onerror="{PWN}" onload="{PWN}">\n',
    "svg-onload": f'<svg onload="{PWN}"><rect width="9" height="9"/></svg>\n',
    "svg-script": f"<svg><script>{PWN}</script></svg>\n",
    "svg-animate": f'<svg><animate onbegin="{PWN}" attributeName="x" dur="1s"/></svg>\n',
    "svg-use-data": '<svg><use href="data:image/svg+xml;base64,PHN2ZyBpZD0neCcgeG1sbnM9J2h0dHA6Ly93d3cudzMub3JnLzIwMDAv'
    'c3ZnJz48aW1hZ2UgaHJlZj0nMScgb25lcnJvcj0nd2luZG93Ll9fcHduZWQ9MScvPjwvc3ZnPg==#x"/></svg>\n',
    "math-href": f'<math><mi xlink:href="javascript:{PWN}">x</mi></math>\n',
    "javascript-link": f"[klik](javascript:{PWN})\n",
    "javascript-mixed-case": f'<a href="JaVaScRiPt:{PWN}">klik</a>\n',
    "javascript-decimal-entities": f'<a href="&#106;&#97;vascript:{PWN}">klik</a>\n',
    "javascript-hex-entities": f'<a href="&#x6A;avascript&#x3A;{PWN}">klik</a>\n',
    "javascript-tab-entity": f'<a href="java&#x09;script:{PWN}">klik</a>\n',
    "javascript-newline": f'<a href="java\nscript:{PWN}">klik</a>\n',
    "javascript-leading-space": f'<a href=" \x01javascript:{PWN}">klik</a>\n',
    "javascript-reference": f"[klik][r]\n\n[r]: javascript:{PWN}\n",
    "javascript-autolink": f"<javascript:{PWN}>\n",
    "javascript-md-in-html": f"<div markdown>\n[klik](javascript:{PWN})\n</div>\n",
    "data-url-link": '<a href="data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+">klik</a>\n',
    "data-url-image": "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9J3dpbmRvdy5fX3B3bmVkPTEnLz4=)\n",
    "vbscript-link": '<a href="vbscript:msgbox(1)">klik</a>\n',
    "file-url": '<img src="file:///etc/passwd"> [berkas](file:///etc/passwd)\n',
    "attr-list-block": f'Paragraf uji.\n{{: onclick="{PWN}" }}\n',
    "attr-list-link": f'[tautan](https://contoh.id){{ onclick="{PWN}" onmouseover="{PWN}" }}\n',
    "attr-list-heading": f'## Judul bab {{ #bab onfocus="{PWN}" tabindex="1" autofocus }}\n',
    "attr-list-style": '## Judul menutupi layar { style="position:fixed;inset:0;z-index:9" }\n',
    "iframe": f'<iframe src="javascript:parent.{PWN}"></iframe>\n',
    "iframe-srcdoc": '<iframe srcdoc="<script>parent.window.__pwned=1</script>"></iframe>\n',
    "object": f'<object data="javascript:{PWN}"></object>\n',
    "embed": f'<embed src="javascript:{PWN}">\n',
    "form": f'<form action="javascript:{PWN}"><input name="q"><button>kirim</button></form>\n',
    "button-formaction": f'<button formaction="javascript:{PWN}" autofocus onfocus="{PWN}">x</button>\n',
    "style-tag": "<style>body{display:none}</style>\n",
    "style-attribute": f'<p style="background:url(javascript:{PWN})">x</p>\n',
    "meta-refresh": f'<meta http-equiv="refresh" content="0;url=javascript:{PWN}">\n',
    "base-tag": '<base href="https://evil.example/">\n',
    "link-tag": '<link rel="stylesheet" href="https://evil.example/x.css">\n',
    "md-in-html-script": f'<div markdown="1">\n\n*tebal*\n\n<script>{PWN}</script>\n\n</div>\n',
    "details-ontoggle": f'<details open ontoggle="{PWN}"><summary>s</summary>isi</details>\n',
    "video-source": f'<video><source onerror="{PWN}"></video> <audio onerror="{PWN}"></audio>\n',
    "noscript-trick": f'<noscript><p title="</noscript><img src=cover.jpg onerror={PWN}>"></noscript>\n',
    "comment-trick": f"<!--><img src=cover.jpg onerror={PWN}>-->\n",
    "template-syntax": "Teks {{ config.site_name }} dan {% include 'main.html' %} dan {{ 7*7 }} {# catatan #}\n",
    "meta-yaml-in-body": "---\ntemplate: 404.html\ntitle: Dibajak\n---\n\nIsi setelah meta palsu.\n",
    "meta-mmd-in-body": "Title: Dibajak\nTemplate: 404.html\n\nIsi setelah meta palsu.\n",
    "photo-scheme-abuse": (
        "[foto](etalase-photo:../../../etc/passwd) "
        f'<a href="etalase-photo:cover.jpg" onclick="{PWN}">sampul</a> '
        '<img src="etalase-photo:tidak-ada.jpg" alt="x">\n'
    ),
    "remote-image-reference": "![x][r]\n\n[r]: https://evil.example/piksel.gif\n",
    "class-and-id-spoof": '<div class="md-dialog md-dialog--active" id="__search">Dialog palsu</div>\n',
    "pagefind-spoof": (
        '<p data-pagefind-filter="kategori:Palsu" data-pagefind-meta="image:https://pelacak.example/x.png">'
        "Isi biasa</p>\n\n"
        '<div data-pagefind-ignore="all" data-pagefind-sort="date:2099">Teks yang ingin disembunyikan</div>\n'
    ),
    "title-attributes": (
        f'<a href="#x" title="&lt;img src=cover.jpg onerror={PWN}&gt;">arahkan</a> dan HTML '
        f'[b](https://contoh.id "&lt;svg onload={PWN}&gt;")\n\n'
        f"*[HTML]: <b onmouseover={PWN}>x</b> &lt;img src=cover.jpg onerror={PWN}&gt;\n"
    ),
    "external-links": (
        '[a](https://contoh.id/) <a title="t" href="HTTPS://CONTOH.ID/b">b</a> '
        '<a href="//contoh.id/c">c</a> [d](https://etalase.example.go.id/tentang/)\n'
    ),
}
"""Post bodies that try to run script or load something from elsewhere."""

LEGIT_BODY = """Teks dengan catatan kaki[^1] tentang HTML.

## Jalur pendakian

| Kiri | Tengah | Kanan |
|:-----|:------:|------:|
| a    | b      | c     |

Istilah
:   Definisi istilah.

!!! tip "Saran"
    Datang pagi hari.

??? note "Rincian"
    Isi rincian.

[Pesan sekarang](https://wa.me/6281200000000){ .md-button }

Kode `<img src="x.jpg">` tampil sebagai teks. Ini ~~dicoret~~ dan ==ditandai==.

![Sampul di isi pos](cover.jpg)

*[HTML]: HyperText Markup Language
[^1]: Catatan kaki.
"""

PHOTO_NAMES_BODY = (
    '![Satu](<foto pantai café.jpg>) ![Dua](foto%20dua.jpg) <img src="sub/tiga.jpg" alt="Tiga"> '
    "[unduh](foto%20dua.jpg)\n"
)
"""Photo names with spaces, accents and a subfolder, as Markdown and HTML write them."""

FRONT_MATTER_INJECTIONS: dict[str, dict] = {
    "fm-title": {"title": f"<img src=x onerror={PWN}>"},
    "fm-title-closes-title": {"title": f"</title><script>{PWN}</script>"},
    "fm-summary": {"summary": f'"><script>{PWN}</script> ringkasan yang cukup panjang'},
    "fm-cover-texts": {
        "cover": {
            "file": "cover.jpg",
            "alt": f'"><img src=x onerror={PWN}>',
            "credit": f"<script>{PWN}</script>",
            "license": f"<svg onload={PWN}>",
        }
    },
    "fm-wisata": {
        "wisata": {
            "place": f"<svg onload={PWN}>",
            "address": f"<img src=x onerror={PWN}>",
            "opening_hours": "<script>window.__pwned=1</script>",
            "ticket": '"><b>x</b>',
            "facilities": [f"<img src=x onerror={PWN}>"],
        }
    },
    "fm-creator-and-region": {"creators": ["jahat"], "region": "kota-jahat"},
    "fm-videos": {"videos": [{"youtube": "https://youtu.be/M7lc1UVf-VE", "title": f'"><img src=x onerror={PWN}>'}]},
}
"""Front matter (and a creator and region it names) that try to inject HTML into the theme."""

EVIL_CREATOR = f'name: "<img src=x onerror={PWN}>"\nbio: "</p><script>{PWN}</script>"\n'
EVIL_REGION = f'  - id: kota-jahat\n    name: "<svg onload={PWN}>"\n'

ALL_SLUGS = [*INJECTIONS, "legit-markdown", "photo-names", *FRONT_MATTER_INJECTIONS, "bom-crlf"]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One site holding every injection attempt, built once."""
    folder = tmp_path_factory.mktemp("hostile")
    content = base_content(folder / "content")
    with (content / "regions.yml").open("a", encoding="utf-8") as regions:
        regions.write(EVIL_REGION)
    (content / "creators" / "jahat.yml").write_text(EVIL_CREATOR, encoding="utf-8")
    for slug, body in INJECTIONS.items():
        add_post(content, slug, front_matter(title=f"Uji {slug}") + "\n" + body)
    add_post(content, "legit-markdown", front_matter(title="Markdown yang sah") + "\n" + LEGIT_BODY)
    for slug, changes in FRONT_MATTER_INJECTIONS.items():
        add_post(content, slug, front_matter(**changes) + "\nIsi pos.\n")
    names = add_post(content, "photo-names", front_matter(title="Nama foto dengan spasi") + "\n" + PHOTO_NAMES_BODY)
    for name in ("foto pantai café.jpg", "foto dua.jpg", "sub/tiga.jpg"):
        (names / name).parent.mkdir(exist_ok=True)
        cover_jpeg(names / name)
    bom_crlf = front_matter(title="Pos dengan BOM dan CRLF") + "\nBaris satu.\nBaris dua.\n"
    add_post(content, "bom-crlf", b"\xef\xbb\xbf" + bom_crlf.replace("\n", "\r\n").encode("utf-8"))
    site = folder / "site"
    result = run_build("--config", write_config(folder), "--content", content, "--site-dir", site, "--now", NOW)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="module")
def hostile_url(hostile_site: Path):
    url, server = serve(hostile_site)
    yield url
    server.shutdown()


def page_html(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def post_body(site: Path, slug: str):
    body = page_html(site, f"artikel/{slug}").select_one(".etalase-post__body")
    assert body is not None
    return body


def browser_url(value: str) -> str:
    """A URL as a browser reads it (tabs, newlines and leading controls dropped), lower-cased."""
    return re.sub(r"[\t\n\r]", "", value).strip("".join(map(chr, range(0x21)))).lower()


# --------------------------------------------------------------------------
# In real Chromium: nothing runs, nothing is fetched from elsewhere
# --------------------------------------------------------------------------

TRAP = """
(() => {
  let value;  // a payload that runs sets window.__pwned: the setter reports it to the test at once
  Object.defineProperty(window, '__pwned', {
    get: () => value,
    set: given => { value = given; window.__etalaseRan(location.href); },
  });
  // Clicks stay on the page: a link or form that leads elsewhere does not navigate, one with a
  // javascript: URL (as the browser reads it) does what it would do.
  const runs = url => { try { return new URL(url, location.href).protocol === 'javascript:'; } catch { return false; } };
  document.addEventListener('click', event => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (link && !runs(link.href)) event.preventDefault();
  }, true);
  document.addEventListener('submit', event => {
    const form = event.target;
    if (!runs(event.submitter?.formAction || form.action)) event.preventDefault();
  }, true);
})();
"""
"""Installed in every page and frame before its own scripts (Playwright init script)."""

SETTLED = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done))))"
"""Resolves after two rendering updates and a task: when load-time handlers (ontoggle, autofocus, SVG
animation begin) and a clicked link's javascript: URL have run."""


@dataclass
class Visit:
    """What a page did while the test used it."""

    ran: list[str] = field(default_factory=list)
    """Page URLs where a payload set ``window.__pwned``."""
    dialogs: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    """Requests to another host (aborted)."""


class Visitor:
    """One browser context (and tab) for the module, with :data:`TRAP` in every frame, the requests to
    other hosts aborted and every dialog dismissed: each :meth:`visit` loads a page in it afresh."""

    def __init__(self, browser) -> None:
        self.seen = Visit()
        self.context = browser.new_context()
        self.context.expose_function("__etalaseRan", lambda where: self.seen.ran.append(where))
        self.context.add_init_script(TRAP)
        self.context.route("**/*", self._route)
        self.context.on("page", lambda page: page.on("dialog", self._dialog))
        self.page = self.context.new_page()

    def _route(self, request_route) -> None:
        if request_route.request.url.startswith("http://127.0.0.1:"):
            request_route.continue_()
        else:
            self.seen.foreign.append(request_route.request.url)
            request_route.abort()

    def _dialog(self, dialog) -> None:
        self.seen.dialogs.append(dialog.message)
        dialog.dismiss()

    def visit(self, url: str, act: Callable | None = None) -> Visit:
        """Load ``url``, let it settle, then ``act(page)``; returns what happened meanwhile."""
        self.seen = seen = Visit()
        page = self.page
        page.goto(url, wait_until="load")
        page.evaluate(SETTLED)
        if act:
            act(page)
        if page.evaluate("window.__pwned") is not None:
            seen.ran.append(page.url)
        page.goto("about:blank")  # what the page set off later is not the next visit's
        return seen


@pytest.fixture(scope="module")
def visitor(browser) -> Iterator[Visitor]:
    visitor = Visitor(browser)
    yield visitor
    visitor.context.close()


USED = ".etalase-post :is(a, button, summary, [title], [tabindex]):not([data-etalase-youtube])"
"""What a reader can point at, focus or click in a post (the video player is tested on its own, below)."""


def use_everything(page) -> None:
    """Hover, focus and click each element of :data:`USED`, waiting after each for what it set off."""
    targets = page.locator(USED)
    for index in range(targets.count()):
        target = targets.nth(index)
        if target.is_visible():
            target.hover(force=True)
            target.focus()
            target.click(force=True, no_wait_after=True)
        else:  # in a closed <details>, or empty: the same events without a pointer
            target.evaluate("element => { element.focus(); element.click(); }")
        page.evaluate(SETTLED)


@pytest.mark.parametrize("slug", ALL_SLUGS)
def test_no_script_runs_in_post_page(visitor, hostile_url: str, slug: str) -> None:
    seen = visitor.visit(f"{hostile_url}artikel/{slug}/", use_everything)
    assert seen == Visit(), seen


@pytest.mark.parametrize("url", ["", "kreator/jahat/", "wilayah/kota-jahat/", "wisata/", "arsip/", "arsip/2026/01/"])
def test_no_script_runs_in_listing_pages(visitor, hostile_url: str, url: str) -> None:
    seen = visitor.visit(hostile_url + url)
    assert seen == Visit(), seen


RESULTS_SHOWN = """() => {
  const results = [...document.querySelectorAll('.etalase-result')];
  return results.length > 0
    && results.every(result => result.querySelector('.etalase-result__excerpt')?.textContent.trim())
    && [...document.querySelectorAll('.etalase-result img')].every(image => image.complete);
}"""
"""Every result is drawn, with its excerpt, and its photo has loaded (or failed)."""


@pytest.mark.parametrize("query", ["pwned", "onerror", "script"])
def test_no_script_runs_in_search_results(visitor, hostile_url: str, query: str) -> None:
    """Titles and summaries with markup in them are shown as text by the search page."""
    found: list[int] = []

    def wait_for_results(page) -> None:
        page.wait_for_function(RESULTS_SHOWN, timeout=15_000)
        page.evaluate(SETTLED)
        found.append(page.locator(".etalase-result").count())

    seen = visitor.visit(f"{hostile_url}cari/?q={query}", wait_for_results)
    assert found[0] > 0
    assert seen == Visit(), seen


def test_video_loads_nothing_from_youtube_until_play(visitor, hostile_url: str) -> None:
    player: dict[str, str] = {}

    def play(page) -> None:
        link = page.locator("[data-etalase-youtube]")
        assert link.get_attribute("href") == "https://www.youtube.com/watch?v=M7lc1UVf-VE"  # without JavaScript
        link.click()
        frame = page.locator("iframe.etalase-video__frame")
        player.update(src=frame.get_attribute("src"), title=frame.get_attribute("title"))

    assert visitor.visit(f"{hostile_url}artikel/fm-videos/") == Visit()
    seen = visitor.visit(f"{hostile_url}artikel/fm-videos/", play)
    assert player["src"] == "https://www.youtube-nocookie.com/embed/M7lc1UVf-VE?autoplay=1"
    assert player["title"] == f'"><img src=x onerror={PWN}>'  # the title is text, not HTML
    assert seen.ran == [] and seen.dialogs == []
    assert seen.foreign and all(url.startswith("https://www.youtube-nocookie.com/") for url in seen.foreign)


# --------------------------------------------------------------------------
# In the HTML: only the allow-list survives
# --------------------------------------------------------------------------


@pytest.mark.parametrize("slug", ALL_SLUGS)
def test_post_html_holds_only_allowed_markup(hostile_site: Path, slug: str) -> None:
    page = page_html(hostile_site, f"artikel/{slug}")
    for element in page.find_all(True):
        handlers = [name for name in element.attrs if name.lower().startswith("on")]
        assert not handlers, f"<{element.name} {handlers}> in the page"
        for name in ("href", "src", "action", "formaction", "data", "poster", "xlink:href"):
            value = element.get(name)
            if isinstance(value, str):
                assert not browser_url(value).startswith(("javascript:", "data:", "vbscript:", "file:")), value
    for script in page.find_all("script"):
        if script.get("type") == "application/ld+json":  # data: contributed text stays inside the JSON strings
            assert "<" not in script.get_text()
            json.loads(script.get_text())
        else:
            assert "__pwned" not in script.get_text()
    body = post_body(hostile_site, slug)
    assert {element.name for element in body.find_all(True)} <= ALLOWED_TAGS | {"picture", "source"}
    for element in body.find_all(style=True):
        assert element.name in ("td", "th") and re.fullmatch(r"text-align: *\w+;?", element["style"]), element
    for image in body.find_all("img"):
        assert image["src"].startswith("../../media/"), image  # only the bundle's processed photos
    for link in body.find_all("a", href=True):
        if re.match(r"(https?:)?//", link["href"], re.IGNORECASE) and "etalase.example.go.id" not in link["href"]:
            assert set(link.get("rel", [])) >= {"noopener", "noreferrer", "nofollow", "ugc"}, link


def test_legitimate_markdown_survives_sanitising(hostile_site: Path) -> None:
    body = post_body(hostile_site, "legit-markdown")
    footnote = body.select_one("sup a.footnote-ref")
    assert footnote["href"] == "#fn:1" and body.find(id="fn:1") is not None
    assert body.select_one("a.footnote-backref")["href"] == "#fnref:1"
    assert body.find("h2", id="jalur-pendakian") is not None
    assert [cell.get("style") for cell in body.select("tbody td")] == [
        "text-align:left",
        "text-align:center",
        "text-align:right",
    ]
    assert body.select_one("dl dt").get_text() == "Istilah"
    assert body.select_one("div.admonition.tip .admonition-title").get_text() == "Saran"
    assert body.select_one("details.note summary").get_text() == "Rincian"
    assert body.select_one("a.md-button")["href"] == "https://wa.me/6281200000000"
    assert body.find("abbr", title="HyperText Markup Language") is not None
    assert body.find("code").get_text() == '<img src="x.jpg">'
    assert body.find("del") is not None and body.find("mark") is not None
    assert body.select_one("picture img")["alt"] == "Sampul di isi pos"


def test_photo_names_with_spaces_accents_and_folders_are_found(hostile_site: Path) -> None:
    body = post_body(hostile_site, "photo-names")
    assert [img["alt"] for img in body.select("picture img")] == ["Satu", "Dua", "Tiga"]
    for img in body.select("picture img"):
        assert (hostile_site / "artikel" / "photo-names" / img["src"]).is_file()
    assert re.fullmatch(r"\.\./\.\./media/[0-9a-f]+/foto-dua-\d+\.jpg", body.find("a")["href"])


def test_external_links_get_rel_and_own_site_links_do_not(hostile_site: Path) -> None:
    links = {a.get_text(): a for a in post_body(hostile_site, "external-links").find_all("a")}
    for name in "abc":
        assert links[name].get("rel") == ["noopener", "noreferrer", "nofollow", "ugc"], links[name]
    assert links["d"].get("rel") is None


def test_spoofed_classes_and_theme_ids_are_dropped(hostile_site: Path) -> None:
    div = post_body(hostile_site, "class-and-id-spoof").find("div")
    assert div.get("class") is None and div.get("id") is None and div.get_text() == "Dialog palsu"


def test_a_body_cannot_steer_the_search_index(hostile_site: Path) -> None:
    """A contributed body adds words to the search index and nothing else: no filter value, thumbnail or date
    of its own; markup in titles and summaries stays text inside JSON strings."""
    body = post_body(hostile_site, "pagefind-spoof")
    assert not [name for element in body.find_all(True) for name in element.attrs if name.startswith("data-")]
    records = search_records(hostile_site)
    [record] = [record for record in records if record["url"].endswith("/pagefind-spoof/")]
    assert record["filters"]["kategori"] == [record["category_label"]] and "Palsu" not in json.dumps(record)
    assert record["image"].startswith("media/") and "2099" not in json.dumps(record)
    folder = hostile_site / "indeks-cari"
    index = {path: path.read_text(encoding="utf-8") for path in folder.rglob("*.json")}
    assert all("pelacak.example" not in text for text in index.values())
    for path, text in index.items():  # every file is plain JSON; words are [a-z0-9] only
        data = json.loads(text)
        if path.parent.name in ("v", "s"):
            assert all(re.fullmatch(r"[a-z0-9]+", key) for key in data), path
    vocabulary = json.loads((folder / "v" / "dis.json").read_text(encoding="utf-8"))
    assert "disembunyikan" in vocabulary  # hidden text is found like any other
    [title] = [record["title"] for record in records if record["url"].endswith("/fm-title-closes-title/")]
    assert title == f"</title><script>{PWN}</script>"


def test_photo_scheme_cannot_reach_other_files(hostile_site: Path) -> None:
    body = post_body(hostile_site, "photo-scheme-abuse")
    hrefs = [a.get("href") for a in body.find_all("a")]
    assert hrefs[0] is None  # names no photo of the bundle: the link is dropped
    assert re.fullmatch(r"\.\./\.\./media/[0-9a-f]+/cover-\d+\.jpg", hrefs[1])
    assert body.find("img") is None  # unknown photo: removed


def test_template_syntax_is_text(hostile_site: Path) -> None:
    text = post_body(hostile_site, "template-syntax").get_text()
    assert "{{ config.site_name }}" in text and "{% include 'main.html' %}" in text and "{{ 7*7 }}" in text


@pytest.mark.parametrize("slug", ["meta-yaml-in-body", "meta-mmd-in-body"])
def test_meta_data_in_the_body_changes_nothing(hostile_site: Path, slug: str) -> None:
    page = page_html(hostile_site, f"artikel/{slug}")
    assert page.find("h1").get_text() == f"Uji {slug}"  # still the post template, with the post's title
    assert "template: 404.html" in post_body(hostile_site, slug).get_text().replace("Template:", "template:")


def test_front_matter_text_is_escaped_everywhere(hostile_site: Path) -> None:
    page = page_html(hostile_site, "artikel/fm-title-closes-title")
    assert page.title.get_text().startswith(f"</title><script>{PWN}</script>")
    assert page.find("h1").get_text() == f"</title><script>{PWN}</script>"
    summary = page_html(hostile_site, "artikel/fm-summary").find("meta", attrs={"name": "description"})
    assert summary["content"] == f'"><script>{PWN}</script> ringkasan yang cukup panjang'
    creator = page_html(hostile_site, "kreator/jahat")
    assert creator.find("h1").get_text() == f"<img src=x onerror={PWN}>"


def test_bom_and_crlf_post_is_published(hostile_site: Path) -> None:
    page = page_html(hostile_site, "artikel/bom-crlf")
    assert page.find("h1").get_text() == "Pos dengan BOM dan CRLF"
    assert "Baris satu." in post_body(hostile_site, "bom-crlf").get_text()


# --------------------------------------------------------------------------
# Front matter, paths and files: one --check run names every bad file
# --------------------------------------------------------------------------

DEEP_FLOW = "[" * 5000 + "]" * 5000
LAUGHS = "".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9 if i else ['x'] * 9)}]\n" for i in range(9))


def _text(text: str | bytes) -> Callable[[Path], str | bytes]:
    return lambda bundle: text


def _symlinked_cover(target: Callable[[Path], Path]) -> Callable[[Path], str]:
    def setup(bundle: Path) -> str:
        (bundle / "sampul.jpg").symlink_to(target(bundle))
        return front_matter(cover={**POST_COVER, "file": "sampul.jpg"}) + "\nIsi.\n"

    return setup


def _named_file(name: str, content: bytes, body: str) -> Callable[[Path], str]:
    def setup(bundle: Path) -> str:
        (bundle / name).write_bytes(content)
        return front_matter() + "\n" + body

    return setup


POST_COVER = {"file": "cover.jpg", "alt": "Sampul uji", "credit": "Penguji", "license": "CC BY 4.0"}

ERROR_CASES: dict[str, tuple[Callable[[Path], str | bytes], str]] = {
    # front matter
    "yaml-python-object": (
        _text("---\ntitle: !!python/object/apply:os.system ['touch /tmp/pwned']\n---\n"),
        "tag YAML !!python/object/apply:os.system tidak diizinkan",
    ),
    "yaml-python-name": (_text("---\ntitle: !!python/name:os.system\n---\n"), "tag YAML !!python/name:os.system"),
    "yaml-custom-tag": (_text("---\ntitle: !include /etc/passwd\n---\n"), "tag YAML !include tidak diizinkan"),
    "yaml-set": (
        _text(front_matter(tags=None).replace("---\n", "---\ntags: !!set {a, b}\n", 1)),
        "tag YAML !!set tidak diizinkan",
    ),
    "yaml-binary": (_text("---\ntitle: !!binary aGVsbG8=\n---\n"), "tag YAML !!binary tidak diizinkan"),
    "yaml-billion-laughs": (_text("---\n" + LAUGHS + "---\n"), "front matter terlalu besar: lebih dari 20,000 nilai"),
    "yaml-recursive-alias": (_text("---\na: &a [1, *a]\n---\n"), "alias *a merujuk ke dirinya sendiri"),
    "yaml-deep-flow": (_text(f"---\ntitle: {DEEP_FLOW}\n---\n"), "front matter terlalu dalam"),
    "yaml-deep-block": (
        _text("---\n" + "".join("  " * i + f"k{i}:\n" for i in range(40)) + "---\n"),
        "front matter terlalu dalam",
    ),
    "yaml-huge-front-matter": (
        _text("---\n" + "".join(f"k{i}: {'x' * 60}\n" for i in range(1200)) + "---\n"),
        "front matter terlalu besar; paling besar",
    ),
    "file-huge": (_text(front_matter() + "\n" + "kata " * 120_000), "berkas terlalu besar"),
    "file-not-utf8": (
        _text(front_matter().encode() + "\nCaf\u00e9 di pantai.\n".encode("latin-1")),
        "berkas bukan teks UTF-8",
    ),
    "yaml-duplicate-key": (
        _text(
            front_matter()
            .replace("category: wisata\n", "category: wisata\ndraft: true\n")
            .replace("---\n", "---\ndraft: false\n", 1)
        ),
        "isian ini ditulis dua kali",
    ),
    "yaml-bidi-override": (_text(front_matter(title="Pos \u202eabc\u202c biasa")), "karakter tersembunyi U+202E"),
    "yaml-line-separator": (
        _text(front_matter(title="Pos biasa").replace("title: Pos biasa", "title: Pos biasa\u2028draft: true")),
        "karakter tersembunyi U+2028",
    ),
    "yaml-unclosed": (_text("---\ntitle: Pos tanpa penutup\n\nIsi.\n"), "front matter tidak ditutup"),
    "yaml-missing": (_text("# Judul saja\n\nIsi.\n"), "berkas harus diawali front matter"),
    "yaml-dashes-with-text": (_text("---x\ntitle: a\n---\nIsi\n---\n"), "berkas harus diawali front matter"),
    "yaml-list": (_text("---\n- a\n- b\n---\n"), "front matter harus berupa daftar isian"),
    "yaml-tab-indent": (_text("---\ncover:\n\tfile: cover.jpg\n---\n"), "YAML tidak sah"),
    # paths
    "path-dotdot": (_text(front_matter(cover={**POST_COVER, "file": "../secret.jpg"})), "keluar dari folder pos"),
    "path-absolute": (_text(front_matter(cover={**POST_COVER, "file": "/etc/passwd"})), "keluar dari folder pos"),
    "path-windows-drive": (
        _text(front_matter(cover={**POST_COVER, "file": "C:\\secret.jpg"})),
        "keluar dari folder pos",
    ),
    "path-backslash": (_text(front_matter(cover={**POST_COVER, "file": "..\\secret.jpg"})), "keluar dari folder pos"),
    "path-gallery": (_text(front_matter(gallery=[{"file": "../../secret.jpg", "alt": "a"}])), "keluar dari folder pos"),
    "path-nul": (_text(front_matter(cover={**POST_COVER, "file": "cover\0.jpg"})), "berisi karakter kendali"),
    "path-body-image": (_text(front_matter() + "\n![rahasia](../../secret.jpg)\n"), "keluar dari folder pos"),
    "path-body-encoded": (_text(front_matter() + "\n![rahasia](%2e%2e/%2e%2e/secret.jpg)\n"), "keluar dari folder pos"),
    "path-body-html": (_text(front_matter() + '\n<img src="../secret.jpg" alt="x">\n'), "keluar dari folder pos"),
    "path-symlink-outside": (
        _symlinked_cover(lambda bundle: bundle.parents[2] / "secret.jpg"),
        "adalah tautan simbolik",
    ),
    "path-symlink-inside": (_symlinked_cover(lambda bundle: bundle / "cover.jpg"), "adalah tautan simbolik"),
    "path-missing-photo": (_text(front_matter() + '\n<img src="tidak-ada.jpg" alt="x">\n'), "tidak ada di folder pos"),
    "path-not-a-photo": (_named_file("catatan.txt", b"teks", "[unduh](catatan.txt)\n"), "bukan foto"),
    "Pantai Indah <b>": (_text(front_matter()), "tidak bisa menjadi alamat pos"),
    "remote-image": (_text(front_matter() + "\n![piksel](https://evil.example/p.gif)\n"), "foto dari situs lain"),
    "video-bad-id": (
        _text(front_matter(videos=[{"youtube": "javascript:alert(1)", "title": "Video"}])),
        "bukan id atau tautan video YouTube",
    ),
}
"""Bundle name → (what its index.md holds, given the bundle; part of the expected message)."""


@pytest.fixture(scope="module")
def check_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, str, str, Path]:
    """``build.py --check`` on a content folder holding every bad post above, plus special files."""
    folder = tmp_path_factory.mktemp("bad")
    cover_jpeg(folder / "secret.jpg")  # outside content/: no post may reach it
    content = base_content(folder / "content")
    for slug, (make_text, _) in ERROR_CASES.items():
        bundle = add_post(content, slug, b"")
        text = make_text(bundle)
        (bundle / "index.md").write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    # A bundle folder that is a symlink, and an index.md that is one.
    real = folder / "elsewhere" / "linked-bundle"
    real.mkdir(parents=True)
    cover_jpeg(real / "cover.jpg")
    (real / "index.md").write_text(front_matter(), encoding="utf-8")
    (content / "posts" / "linked-bundle").symlink_to(real)
    linked_index = add_post(content, "linked-index", b"")
    (linked_index / "index.md").unlink()
    (linked_index / "index.md").symlink_to(real / "index.md")
    # Valid, but quadratic for a naive link scanner: 450 KB of "](" and "<a ".
    add_post(content, "link-scanner-bomb", front_matter() + "\n" + "](" * 150_000 + "<a " * 50_000)
    # Two posts with one URL.
    add_post(content, "sama", front_matter(), folder="2025")
    add_post(content, "sama", front_matter(), folder="2026")
    result = run_build("--check", "--content", content)
    return result.returncode, result.stdout, result.stderr, content


def problem_lines(output: str, bundle: str) -> list[str]:
    """The report's lines about ``bundle`` (its index.md, or the folder itself)."""
    pattern = re.compile(rf"/{re.escape(bundle)}(/index\.md)?(:\d+)?: ")
    return [line for line in output.splitlines() if pattern.search(line)]


@pytest.mark.parametrize("slug", ERROR_CASES)
def test_bad_post_fails_with_its_own_error(check_run, slug: str) -> None:
    code, out, err, _ = check_run
    assert code == 1 and "Traceback" not in err
    expected = ERROR_CASES[slug][1]
    lines = problem_lines(out, slug)
    assert any(expected in line for line in lines), (expected, lines)


def test_valid_posts_are_not_reported(check_run) -> None:
    _, out, _, _ = check_run
    assert problem_lines(out, "link-scanner-bomb") == []


def test_symlinked_bundle_and_index_are_refused(check_run) -> None:
    _, out, _, _ = check_run
    assert any("tautan simbolik" in line for line in problem_lines(out, "posts/linked-bundle"))
    assert any("tautan simbolik" in line for line in problem_lines(out, "linked-index"))


def test_duplicate_slugs_name_both_posts(check_run) -> None:
    _, out, _, _ = check_run
    first = [line for line in out.splitlines() if "/2025/sama/index.md" in line]
    second = [line for line in out.splitlines() if "/2026/sama/index.md" in line]
    assert any("posts/2026/sama/index.md" in line for line in first), first
    assert any("posts/2025/sama/index.md" in line for line in second), second


def test_symlinked_posts_folder_is_refused(tmp_path: Path) -> None:
    elsewhere = base_content(tmp_path / "elsewhere")
    add_post(elsewhere, "pos", front_matter())
    content = base_content(tmp_path / "content")
    (content / "posts").rmdir()
    (content / "posts").symlink_to(elsewhere / "posts")
    _, problems = validate(load_content(content), datetime.fromisoformat(NOW))
    assert [p.message for p in problems] == ["folder berupa tautan simbolik (symlink) tidak diizinkan"]
    assert problems[0].path.as_posix().endswith("content/posts")


# --------------------------------------------------------------------------
# What only fails while building: photos, Markdown that explodes
# --------------------------------------------------------------------------


def build_failure(tmp_path: Path, posts: dict[str, str], **options) -> tuple[int, str, str, Path]:
    content = base_content(tmp_path / "content")
    for slug, text in posts.items():
        add_post(content, slug, text)
    site = tmp_path / "site"
    result = run_build(
        "--config",
        write_config(tmp_path, **options),
        "--content",
        content,
        "--site-dir",
        site,
        "--no-search",
        "--now",
        NOW,
    )
    return result.returncode, result.stdout, result.stderr, site


def test_corrupt_and_oversized_photos_are_named(tmp_path: Path) -> None:
    content = base_content(tmp_path / "content")
    corrupt = add_post(content, "foto-rusak", front_matter())
    (corrupt / "cover.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40)
    huge = add_post(content, "foto-raksasa", front_matter(cover={**POST_COVER, "file": "besar.png"}), cover=False)
    Image.new("L", (9000, 8000)).save(huge / "besar.png")  # 72 megapixels, a few hundred KB
    result = run_build(
        "--config",
        write_config(tmp_path),
        "--content",
        content,
        "--site-dir",
        tmp_path / "site",
        "--no-search",
        "--now",
        NOW,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert any("foto-rusak/index.md" in line and "cover.jpg" in line for line in result.stdout.splitlines())
    assert any("foto-raksasa/index.md" in line and "besar.png" in line for line in result.stdout.splitlines())
    assert not (tmp_path / "site").exists()


def test_markdown_nested_past_the_recursion_limit_names_the_post(tmp_path: Path) -> None:
    code, out, err, site = build_failure(
        tmp_path,
        {
            "biasa": front_matter() + "\nIsi biasa.\n",
            "bersarang": front_matter() + "\n" + "*" * 3000 + "a" + "*" * 3000 + "\n",
        },
    )
    assert code == 1 and "Traceback" not in err, err
    assert re.search(r"bersarang/index\.md: isi pos bertingkat terlalu dalam", out), out
    assert not site.exists()


def test_markdown_that_takes_too_long_names_the_post(tmp_path: Path) -> None:
    code, out, err, site = build_failure(
        tmp_path,
        {
            "kurung": front_matter() + "\n" + "[" * 30_000 + "\n",  # Python-Markdown needs minutes for this
        },
        render_seconds=2,
    )
    assert code == 1 and "Traceback" not in err, err
    assert re.search(r"kurung/index\.md: isi pos terlalu rumit untuk diolah: lebih dari 2 detik", out), out
    assert not site.exists()


def test_problems_json_names_the_file(tmp_path: Path) -> None:
    content = base_content(tmp_path / "content")
    add_post(content, "tag-python", "---\ntitle: !!python/object/new:os.system [echo]\n---\n")
    report = tmp_path / "problems.json"
    result = run_build("--check", "--content", content, "--problems-json", report)
    assert result.returncode == 1
    assert "tag-python/index.md" in json.dumps(json.loads(report.read_text(encoding="utf-8")))
