"""Screenshots for the guide page "Kirim lewat formulir", taken in Chromium (``make form-screenshots``).

* ``kirim-pos-baru.svg``: the top of the contributor guide of the **built
  site**, with its "Kirim pos baru" button, on a phone-sized screen.
* ``formulir-atas.svg`` and ``formulir-foto.svg``: the Wisata **issue form**.
  GitHub cannot be reached from here, so the form's YAML is laid out by
  :func:`preview_html` the way GitHub shows a form (label, ``*`` for required,
  hint, placeholder, dropdown, text area, checkboxes), from the same file GitHub
  reads; the picture says it is a preview.

The screenshots are vector: Chromium prints the page (screen styles, no page
margins) to PDF and Poppler's ``pdftocairo`` turns it into SVG. The site
publishes no raster image as it is (only the photo pipeline's renditions), and
an SVG keeps the text sharp on any screen; gzipped (as GitHub Pages serves it), each is 40–70 KB.

Needs the test requirements (Playwright), Debian's Chromium and poppler-utils.
"""

from __future__ import annotations

import argparse
import functools
import html
import http.server
import re
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import markdown
import yaml

from etalase.authoring.chromium import CHROMIUM, CHROMIUM_ARGS

if TYPE_CHECKING:
    from playwright.sync_api import ViewportSize

PHONE: ViewportSize = {"width": 412, "height": 915}
OUT = Path("docs") / "panduan" / "gambar"
PT_PER_PX = 0.75
"""Chromium prints one CSS pixel as 0.75 pt; the page shows a picture at its CSS size."""
_PRINT_AS_SHOWN = "@page { margin: 0; size: 412px auto }"
"""Print the page as the phone shows it: screen styles (set separately), the phone's width, no margins."""

_CSS = """
body { margin: 0; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328;
       background: #fff; }
.bar { background: #f6f8fa; border-bottom: 1px solid #d1d9e0; padding: 10px 16px; font-size: 12px; color: #59636e; }
main { padding: 16px; }
h1 { font-size: 20px; margin: 0 0 4px; } .lead { color: #59636e; margin: 0 0 16px; }
.md { background: #f6f8fa; border: 1px solid #d1d9e0; border-radius: 6px; padding: 8px 12px; margin-bottom: 16px; }
.md p { margin: 0; } a { color: #0969da; }
.field { margin-bottom: 18px; } label { display: block; font-weight: 600; margin-bottom: 4px; }
.req { color: #d1242f; margin-left: 2px; } .hint { color: #59636e; font-size: 12px; margin: 0 0 6px; }
.box { border: 1px solid #d1d9e0; border-radius: 6px; padding: 5px 12px; color: #818b98; background: #f6f8fa;
       white-space: pre-line; min-height: 20px; }
textarea.box, .area { min-height: 84px; } .select { color: #1f2328; background: #f6f8fa; }
.select::after { content: " ▾"; float: right; }
.check { display: flex; gap: 8px; margin: 4px 0; } .check span:first-child { width: 14px; height: 14px;
         border: 1px solid #818b98; border-radius: 3px; flex: none; margin-top: 3px; }
.drop { font-size: 12px; color: #59636e; border: 1px solid #d1d9e0; border-top: 0; border-radius: 0 0 6px 6px;
        padding: 4px 12px; margin-top: -4px; background: #f6f8fa; }
.submit { background: #1f883d; color: #fff; border-radius: 6px; padding: 6px 16px; display: inline-block;
          font-weight: 600; }
"""


def preview_html(form: dict[str, Any], first: str = "intro", last: str | None = None) -> str:
    """A page that lays out the issue form ``form`` (parsed YAML) as GitHub shows it to a creator.

    Only the elements from id ``first`` to id ``last`` (the intro is ``intro``;
    the form's own title and the submit button come with the first and the
    last element); a line above them says that the picture is a preview.
    """
    body = [dict(element, id=element.get("id", "intro")) for element in form["body"]]
    ids = [element["id"] for element in body]
    shown = body[ids.index(first) : ids.index(last or ids[-1]) + 1]
    parts = [
        f"<!doctype html><html lang='id'><head><meta charset='utf-8'><style>{_CSS}</style></head><body>",
        "<div class='bar'>Pratinjau formulir dari berkasnya (.github/ISSUE_TEMPLATE), ditata seperti GitHub</div>",
        "<main>",
    ]
    if shown[0] is body[0]:
        parts += [
            f"<h1>{html.escape(form['name'])}</h1><p class='lead'>{html.escape(form['description'])}</p>",
            "<div class='field'><label>Add a title<span class='req'>*</span></label>",
            f"<div class='box select'>{html.escape(form.get('title', ''))}</div></div>",
        ]
    for element in shown:
        parts.append(_element_html(element))
    if shown[-1] is body[-1]:
        parts.append("<span class='submit'>Submit new issue</span>")
    parts.append("</main></body></html>")
    return "".join(parts)


def _element_html(element: dict[str, Any]) -> str:
    attributes = element["attributes"]
    if element["type"] == "markdown":
        return f"<div class='md'>{markdown.markdown(attributes['value'])}</div>"
    required = element.get("validations", {}).get("required") or element["type"] == "checkboxes"
    star = "<span class='req'>*</span>" if required else ""
    parts = [f"<div class='field'><label>{html.escape(attributes['label'])}{star}</label>"]
    if attributes.get("description"):
        parts.append(f"<p class='hint'>{html.escape(attributes['description'])}</p>")
    if element["type"] == "dropdown":
        default = attributes.get("default")
        chosen = attributes["options"][default] if default is not None else "Selections: none"
        parts.append(f"<div class='box select'>{html.escape(chosen)}</div>")
    elif element["type"] == "checkboxes":
        parts += [
            f"<div class='check'><span></span><span>{html.escape(option['label'])}</span></div>"
            for option in attributes["options"]
        ]
    else:
        area = " area" if element["type"] == "textarea" else ""
        parts.append(f"<div class='box{area}'>{html.escape(attributes.get('placeholder', ''))}</div>")
        if element["type"] == "textarea":
            parts.append("<div class='drop'>Paste, drop, or click to add files</div>")
    parts.append("</div>")
    return "".join(parts)


def _vector(page: Any, target: Path, height: float) -> tuple[int, int]:
    """The top ``height`` CSS pixels of ``page`` as an SVG at ``target``; returns its size in CSS pixels."""
    page.emulate_media(media="screen")
    page.add_style_tag(content=_PRINT_AS_SHOWN)
    size = (PHONE["width"], round(height))  # Chromium rounds the page to whole points
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "halaman.pdf"
        page.pdf(path=str(pdf), width=f"{size[0]}px", height=f"{size[1]}px", print_background=True, page_ranges="1")
        subprocess.run(["pdftocairo", "-svg", str(pdf), str(target)], check=True)
    text = target.read_text(encoding="utf-8")
    if re.search(r"<script|<foreignObject|(?:xlink:)?href=\"(?!#|data:image/)", text):
        raise ValueError(f"{target}: SVG berisi skrip atau tautan keluar (script or outside reference)")
    printed = re.search(r'<svg [^>]*width="([\d.]+)pt" height="([\d.]+)pt"', text)
    assert printed, f"{target}: no size"
    return round(float(printed[1]) / PT_PER_PX), round(float(printed[2]) / PT_PER_PX)


def _serve(directory: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def take(site: Path, form_file: Path, out: Path) -> dict[str, tuple[int, int]]:
    """Every screenshot into ``out``; file name → size in CSS pixels (for the page's ``width``/``height``)."""
    from playwright.sync_api import sync_playwright  # a test dependency: imported only when screenshots are made

    out.mkdir(parents=True, exist_ok=True)
    form = yaml.safe_load(form_file.read_text(encoding="utf-8"))
    sizes: dict[str, tuple[int, int]] = {}
    url, server = _serve(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(viewport=PHONE, locale="id-ID")
            page = context.new_page()
            page.goto(url + "panduan/")
            assert page.locator("article a.md-button--primary").count() == 1, "no Kirim pos baru button"
            button = page.locator("article a.md-button--primary").bounding_box()
            assert button is not None
            sizes["kirim-pos-baru.svg"] = _vector(page, out / "kirim-pos-baru.svg", button["y"] + button["height"] + 16)
            for name, first, last in (
                ("formulir-atas.svg", "intro", "tags"),
                ("formulir-foto.svg", "photos", "photo_license"),
            ):
                page = context.new_page()
                page.set_content(preview_html(form, first, last))
                sizes[name] = _vector(page, out / name, page.evaluate("document.body.getBoundingClientRect().bottom"))
            browser.close()
    finally:
        server.shutdown()
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Ambil tangkapan layar untuk panduan formulir. (Take the guide's "
        "screenshots of the submit button and the form.)"
    )
    parser.add_argument("--site", type=Path, required=True, help="situs yang sudah dibangun (mis. site/)")
    parser.add_argument("--form", type=Path, default=Path(".github/ISSUE_TEMPLATE/kirim-wisata.yml"))
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    for name, (width, height) in take(args.site, args.form, args.out).items():
        print(f"{args.out / name}: {width}×{height} (width/height di lewat-formulir.md)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
