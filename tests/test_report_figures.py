"""The programme report's figures at their edges: which month a post counts in, and which rendition its
photo weighs as. The report is built in this process from validated content (no site is built)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from etalase.build.report_page import build_report, served_rendition
from etalase.content.load import load_content
from etalase.content.validate import validate
from etalase.photos.types import ProcessedPhoto, Rendition

from untrusted_content import add_post, base_content, front_matter

NOW = datetime(2027, 1, 15, 12, 0, tzinfo=timezone(timedelta(hours=7)))
WIDTHS = (480, 800, 1200, 1600)
"""The pipeline's default widths (``ImageSettings.widths``)."""
WEBP_BYTES = {480: 21_000, 800: 47_000, 1200: 90_000, 1600: 151_000}
JPEG_BYTES = {width: size * 2 for width, size in WEBP_BYTES.items()}


def processed(folder: Path, source: Path) -> ProcessedPhoto:
    """A processed photo whose rendition files have the sizes above (the report reads only their sizes)."""
    folder.mkdir(parents=True, exist_ok=True)
    renditions = []
    for width in WIDTHS:
        for fmt, sizes in (("webp", WEBP_BYTES), ("jpeg", JPEG_BYTES)):
            file = folder / f"{source.stem}-{width}.{fmt}"
            file.write_bytes(b"\0" * sizes[width])
            renditions.append(Rendition(width, width * 3 // 4, fmt, file, f"media/x/{file.name}"))
    social = Rendition(1200, 630, "jpeg", folder / "social.jpg", "media/x/social.jpg")
    thumb = Rendition(224, 224, "webp", folder / "thumb-224.webp", "media/x/thumb-224.webp")
    return ProcessedPhoto(source, 1600, 1200, tuple(renditions), social, (thumb,))


def test_a_phone_is_counted_as_fetching_the_800_px_webp(tmp_path: Path) -> None:
    """360 CSS px at a pixel ratio of 2 need 720 px: the narrowest WebP at least that wide, not the largest."""
    photo = processed(tmp_path / "media", tmp_path / "foto.jpg")
    chosen = served_rendition(photo)
    assert (chosen.width, chosen.format, chosen.file.name) == (800, "webp", "foto-800.webp")


def test_a_photo_narrower_than_a_phone_needs_counts_its_widest_webp(tmp_path: Path) -> None:
    photo = processed(tmp_path / "media", tmp_path / "kecil.jpg")
    small = ProcessedPhoto(
        photo.source, 600, 450, tuple(r for r in photo.renditions if r.width == 480), photo.social, photo.thumbs
    )
    assert (served_rendition(small).width, served_rendition(small).format) == (480, "webp")


def test_a_post_counts_in_its_month_in_the_brand_s_zone(tmp_path: Path) -> None:
    """1 December, 05:00 WIB is still 30 November in UTC: the post is December's, as the archive says."""
    content = base_content(tmp_path / "content")
    add_post(content, "awal-desember", front_matter(date="2026-12-01 05:00 WIB"))
    add_post(content, "akhir-november", front_matter(date="2026-11-30 23:30 WIB"))
    result, problems = validate(load_content(content), NOW)
    assert problems == [] and result is not None, [problem.format() for problem in problems]
    photos = {
        ref.file: processed(tmp_path / "media" / post.slug, ref.file) for post in result.posts for ref in post.photos
    }
    report = build_report(result, photos)
    assert [month.key for month in report.months[-2:]] == ["2026-11", "2026-12"]
    assert [sum(counts.values()) for counts in report.per_month[-2:]] == [1, 1]
    december = report.as_data()["posts_per_month"][-1]
    assert (december["month"], december["label"], december["posts"]) == ("2026-12", "Desember 2026", 1)
    assert report.photos == 2 and report.photo_bytes == 94_000  # two covers, each as its 800 px WebP
