"""Screenshots for the guide page "Kirim lewat formulir", taken in Chromium (``make form-screenshots``).

* ``kirim-pos-baru.png``: the contributor guide of the **built site** with its
  "Kirim pos baru" button, on a phone-sized screen.
* ``formulir-atas.png`` and ``formulir-foto.png``: the Wisata **issue form**.
  GitHub cannot be reached from here, so the form's YAML is rendered by
  :func:`preview_html` the way GitHub lays a form out (label, ``*`` for
  required, hint, placeholder, dropdown, text area, checkboxes), from the same
  file GitHub reads; the page says it is a preview.

The files go to ``overrides/assets/panduan/`` (theme assets, published as they
are): the site publishes no raster image from ``docs/`` (only the photo
pipeline's renditions), and these are drawn here, without metadata. They are
saved as palette PNGs, which keep text sharp at a fraction of the size.

Needs the test requirements (Playwright) and Debian's Chromium, like the tests.
"""

from __future__ import annotations

import argparse
import functools
import html
import http.server
import threading
from io import BytesIO
from pathlib import Path
from typing import Any

import markdown
import yaml
from PIL import Image

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
PHONE = {"width": 412, "height": 915}
SCALE = 2
"""Device pixels per CSS pixel: sharp text on phones; the page shows the image at half its size."""
OUT = Path("overrides") / "assets" / "panduan"

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


def preview_html(form: dict[str, Any]) -> str:
    """A page that lays out the issue form ``form`` (parsed YAML) as GitHub shows it to a creator."""
    parts = [f"<!doctype html><html lang='id'><head><meta charset='utf-8'><style>{_CSS}</style></head><body>",
             "<div class='bar'>Pratinjau formulir dari berkasnya (.github/ISSUE_TEMPLATE), ditata seperti GitHub</div>",
             f"<main><h1>{html.escape(form['name'])}</h1><p class='lead'>{html.escape(form['description'])}</p>",
             "<div class='field'><label>Add a title<span class='req'>*</span></label>",
             f"<div class='box select'>{html.escape(form.get('title', ''))}</div></div>"]
    for element in form["body"]:
        attributes = element["attributes"]
        if element["type"] == "markdown":
            parts.append(f"<div class='md' data-id='intro'>{markdown.markdown(attributes['value'])}</div>")
            continue
        required = element.get("validations", {}).get("required") or element["type"] == "checkboxes"
        star = "<span class='req'>*</span>" if required else ""
        parts.append(f"<div class='field' data-id='{html.escape(element['id'])}'>"
                     f"<label>{html.escape(attributes['label'])}{star}</label>")
        if attributes.get("description"):
            parts.append(f"<p class='hint'>{html.escape(attributes['description'])}</p>")
        if element["type"] == "dropdown":
            default = attributes.get("default")
            shown = attributes["options"][default] if default is not None else "Selections: none"
            parts.append(f"<div class='box select'>{html.escape(shown)}</div>")
        elif element["type"] == "checkboxes":
            parts += [f"<div class='check'><span></span><span>{html.escape(option['label'])}</span></div>"
                      for option in attributes["options"]]
        else:
            area = " area" if element["type"] == "textarea" else ""
            parts.append(f"<div class='box{area}'>{html.escape(attributes.get('placeholder', ''))}</div>")
            if element["type"] == "textarea":
                parts.append("<div class='drop'>Paste, drop, or click to add files</div>")
        parts.append("</div>")
    parts.append("<span class='submit'>Submit new issue</span></main></body></html>")
    return "".join(parts)


def _save(png: bytes, target: Path) -> tuple[int, int]:
    """``png`` as a palette PNG at ``target``, no metadata; returns its size in CSS pixels."""
    with Image.open(BytesIO(png)) as image:
        image.convert("RGB").quantize(colors=96, method=Image.Quantize.MEDIANCUT).save(target, optimize=True)
        return image.width // SCALE, image.height // SCALE


def _serve(directory: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def take(site: Path, form_file: Path, out: Path) -> dict[str, tuple[int, int]]:
    """Every screenshot into ``out``; file name → size in CSS pixels (for the page's ``width``/``height``)."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    sizes: dict[str, tuple[int, int]] = {}
    url, server = _serve(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_context(viewport=PHONE, device_scale_factor=SCALE, locale="id-ID").new_page()
            page.goto(url + "panduan/")
            top = page.locator("article h1").bounding_box()
            assert page.locator("article a.md-button--primary").count() == 1, "no Kirim pos baru button"
            button = page.locator("article a.md-button").last.bounding_box()  # the buttons end the clip
            assert top and button, "the guide has no title or no Kirim pos baru button"
            clip = {"x": 0, "y": top["y"] - 16, "width": PHONE["width"],
                    "height": button["y"] + button["height"] + 16 - (top["y"] - 16)}
            sizes["kirim-pos-baru.png"] = _save(page.screenshot(clip=clip, full_page=True), out / "kirim-pos-baru.png")

            page.set_content(preview_html(yaml.safe_load(form_file.read_text(encoding="utf-8"))))
            for name, first, last in (("formulir-atas.png", "intro", "tags"),
                                      ("formulir-foto.png", "photos", "photo_license")):
                start = page.locator(f"[data-id='{first}']").bounding_box()
                end = page.locator(f"[data-id='{last}']").bounding_box()
                assert start and end
                clip = {"x": 0, "y": start["y"] - 8, "width": PHONE["width"],
                        "height": end["y"] + end["height"] + 8 - (start["y"] - 8)}
                sizes[name] = _save(page.screenshot(clip=clip, full_page=True), out / name)
            browser.close()
    finally:
        server.shutdown()
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Ambil tangkapan layar untuk panduan formulir. (Take the guide's "
                                                 "screenshots of the submit button and the form.)")
    parser.add_argument("--site", type=Path, required=True, help="situs yang sudah dibangun (mis. site/)")
    parser.add_argument("--form", type=Path, default=Path(".github/ISSUE_TEMPLATE/kirim-wisata.yml"))
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    for name, (width, height) in take(args.site, args.form, args.out).items():
        print(f"{args.out / name}: {width}×{height} (width/height di lewat-formulir.md)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
