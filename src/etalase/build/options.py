"""Options of the ``etalase`` MkDocs plugin, as written in ``mkdocs.yml``.

Branding (name, tagline, colours, logo, hero photo, social accounts, contact,
footer) is not here: it lives in ``extra.brand`` of ``mkdocs.yml`` so that the
theme's templates read it directly. These options steer the pipeline.
"""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config

from etalase.photos.types import ImageSettings

MEGA = 1_000_000
MEBI = 1024 * 1024


class ImagesConfig(Config):
    """Photo processing (see :class:`etalase.photos.images.ImageSettings`)."""

    widths = opt.ListOfItems(opt.Type(int), default=list(ImageSettings.widths))
    """Widths of the responsive renditions, in pixels; never upscaled."""
    webp_quality = opt.Type(int, default=ImageSettings.webp_quality)
    jpeg_quality = opt.Type(int, default=ImageSettings.jpeg_quality)
    max_megapixels = opt.Type(int, default=ImageSettings.max_pixels // MEGA)
    """Photos with more pixels are refused before they are decoded."""
    max_megabytes = opt.Type(int, default=ImageSettings.max_bytes // MEBI)
    """Photo files larger than this are refused before they are decoded."""

    def settings(self) -> ImageSettings:
        """These options as the photo pipeline takes them."""
        return ImageSettings(
            widths=tuple(self.widths),
            webp_quality=self.webp_quality,
            jpeg_quality=self.jpeg_quality,
            max_pixels=self.max_megapixels * MEGA,
            max_bytes=self.max_megabytes * MEBI,
        )


class EtalaseConfig(Config):
    """The ``plugins: - etalase:`` block."""

    content_dir = opt.Type(str, default="content")
    """Folder of posts, creators and regions, relative to ``mkdocs.yml``."""
    cache_dir = opt.Type(str, default=".cache/etalase")
    """Where processed photos, share cards, post bodies and generated pages are kept between builds."""
    workers = opt.Type(int, default=0)
    """Processes that render post bodies and pages at once; 0: one per core (a rebuild under ``mkdocs serve``: one)."""
    posts_per_page = opt.Type(int, default=12)
    """Cards on one page of a category, tag, region, creator or archive listing."""
    home_per_category = opt.Type(int, default=3)
    """Newest posts of each category on the home page."""
    home_latest = opt.Type(int, default=6)
    """Newest posts overall on the home page."""
    feed_size = opt.Type(int, default=20)
    """Posts in each RSS and JSON feed."""
    render_seconds = opt.Type(int, default=20)
    """Longest a post page may take to render (Markdown, sanitising, template); 0: no limit."""
    search = opt.Type(bool, default=True)
    """Write the site's search index (:mod:`etalase.build.search_index`)."""
    now = opt.Optional(opt.Type(str))
    """Treat this ISO moment as now (previewing scheduled posts); default: the real time."""
    preview_scheduled = opt.Type(bool, default=False)
    """Build posts dated after now (not drafts) as if published, each marked "Terjadwal" (the PR check's preview)."""
    images = opt.SubConfig(ImagesConfig)
