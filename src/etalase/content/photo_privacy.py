"""Photos as they enter the repository: no location, no camera, upright, a sensible size.

The repository is public. The site's renditions never carry metadata
(:func:`etalase.photos.images._save`), but an original committed to git, or put
there by the form route, is published as it is: a phone photo's EXIF holds
where it was taken (for a home business, the owner's house), the phone's make
and model and the time. This module

* strips a photo (:func:`strip`): EXIF, XMP, ICC-free comments and the rest
  dropped, the EXIF orientation applied to the pixels, the long side brought
  to :data:`MAX_SIDE` at most and the file to :data:`MAX_BYTES` at most. The
  form route strips every attachment before it becomes part of a bundle
  (:mod:`etalase.kiriman.assets`); ``etalase foto bersihkan PATH`` strips
  committed photos in place;
* finds photos committed with a location (:func:`gps_problems`), which
  validation reports, so that ``etalase check`` (and the PR check) refuses
  them and names the command that fixes them.

Reading a photo's metadata decodes no pixels: Pillow parses the headers only.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageOps

from etalase.content.load import RawFile
from etalase.content.photo_files import _EXTENSIONS, MAX_ORIGINAL_BYTES, MAX_ORIGINAL_PIXELS, PHOTO_SUFFIXES
from etalase.content.problems import Problem
from etalase.content.structure import PhotoRef

MAX_SIDE = 4000
"""Longest side, in pixels, of a stripped photo (twice the site's largest rendition)."""
MAX_BYTES = 8 * 1024 * 1024
"""Largest stripped photo file."""
GPS_IFD = 0x8825
"""EXIF tag of the GPS block."""
_QUALITIES = (90, 85, 80, 72, 65, 55)
"""JPEG/WebP qualities tried in turn until the file fits :data:`MAX_BYTES`."""
_FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "HEIF": ".heic"}
_OPEN_FORMATS = ["JPEG", "PNG", "WEBP", "HEIF"]
STRIP_COMMAND = "etalase foto bersihkan"


class StripError(Exception):
    """The photo cannot be read or cannot be made small enough: why, in Indonesian and English."""

    def __init__(self, message: str, message_en: str):
        super().__init__(message)
        self.message, self.message_en = message, message_en


def _register_heif() -> None:
    from pillow_heif import register_heif_opener

    register_heif_opener()


def _open(path: Path) -> Image.Image:
    with open(path, "rb") as file:
        heif = file.read(12)[4:8] == b"ftyp"  # HEIC (an upload's temporary file has no suffix)
    if heif:
        _register_heif()
    return Image.open(path, formats=_OPEN_FORMATS if heif else _OPEN_FORMATS[:-1])


def has_gps(path: Path) -> bool:
    """Whether ``path`` carries a location (EXIF GPS block or XMP GPS fields); unreadable files do not."""
    try:
        with _open(path) as image:
            exif = image.getexif()
            if exif.get(GPS_IFD) is not None or exif.get_ifd(GPS_IFD):
                return True
            xmp = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp") or b""
            if isinstance(xmp, str):
                xmp = xmp.encode("utf-8", "replace")
            return b"GPSLatitude" in xmp or b"GPSLongitude" in xmp
    except (OSError, SyntaxError, ValueError, EOFError, IndexError, RuntimeError, Image.DecompressionBombError):
        return False  # not a photo this module can read; the photo pipeline reports it


def not_clean(path: Path) -> str | None:
    """Why ``path`` is not a stripped photo (metadata, size, orientation), or None when it is one."""
    if path.stat().st_size > MAX_BYTES:
        return f"lebih besar dari {MAX_BYTES // 1024 // 1024} MB"
    try:
        with _open(path) as image:
            if max(image.size) > MAX_SIDE:
                return f"lebih dari {MAX_SIDE} piksel"
            if image.getexif():
                return "masih menyimpan data EXIF"
            if {"xmp", "XML:com.adobe.xmp", "comment"} & image.info.keys():
                return "masih menyimpan metadata"
    except (OSError, SyntaxError, ValueError, EOFError, IndexError, RuntimeError, Image.DecompressionBombError):
        return "bukan foto yang bisa dibaca"
    return None


def gps_problems(raw: RawFile, photos: list[PhotoRef]) -> list[Problem]:
    """A problem for each photo of a post (``raw``) that carries a location, naming the command that strips it."""
    bundle = raw.path.parent
    problems = []
    for ref in dict.fromkeys(photos):
        if ref.file.suffix.lower() not in PHOTO_SUFFIXES or not ref.file.is_file() or not has_gps(ref.file):
            continue
        shown = raw.display.parent / ref.file.relative_to(bundle)
        problems.append(
            Problem(
                shown,
                None,
                None,
                "foto ini menyimpan lokasi GPS tempat foto diambil, dan repositori ini publik: siapa pun bisa "
                f"membacanya. Hapus data lokasinya dengan: {STRIP_COMMAND} {shown.as_posix()}",
                "this photo carries the GPS location where it was taken, and this repository is public: anyone "
                f"can read it. Strip it with: {STRIP_COMMAND} {shown.as_posix()}",
            )
        )
    return problems


def strip(source: Path, target: Path | None = None, *, keep_format: bool = True) -> Path:
    """Write ``source`` without metadata, upright, ≤ :data:`MAX_SIDE` px and ≤ :data:`MAX_BYTES`.

    ``target`` defaults to ``source`` (replaced atomically). With
    ``keep_format`` the format stays (a PNG stays PNG, a HEIC is written as
    HEIC); otherwise HEIC becomes JPEG and the suffix of ``target`` follows
    the format written. Returns the path written. Raises :class:`StripError`.
    """
    try:
        if source.stat().st_size > MAX_ORIGINAL_BYTES:
            limit = MAX_ORIGINAL_BYTES // 1024 // 1024
            raise StripError(f"berkas lebih besar dari {limit} MB", f"the file is larger than {limit} MB")
        with _open(source) as image:
            if image.width * image.height > MAX_ORIGINAL_PIXELS:
                mp = MAX_ORIGINAL_PIXELS // 1_000_000
                raise StripError(f"foto lebih dari {mp} megapiksel", f"the photo has more than {mp} megapixels")
            kind = image.format or "JPEG"
            icc = image.info.get("icc_profile")
            upright = ImageOps.exif_transpose(image)
            upright.load()
    except (OSError, SyntaxError, ValueError, EOFError, IndexError, RuntimeError, Image.DecompressionBombError) as e:
        raise StripError(
            f"berkas rusak atau terpotong, tidak dapat dibaca ({e})", f"the file is corrupt or truncated ({e})"
        ) from None
    if not keep_format and kind == "HEIF":
        kind = "JPEG"
    if max(upright.size) > MAX_SIDE:
        upright.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    upright.info = {}  # the JPEG writer re-uses info["comment"]; exif_transpose() keeps info
    data = _encode(upright, kind, icc)
    if data is None and kind == "PNG":
        kind, data = "JPEG", _encode(upright, "JPEG", icc)  # a photo saved as PNG: the name must change
    if data is None:
        limit = MAX_BYTES // 1024 // 1024
        raise StripError(
            f"foto tetap lebih besar dari {limit} MB setelah diperkecil",
            f"still larger than {limit} MB when downscaled",
        )
    out = target or source
    if _EXTENSIONS.get(out.suffix.lower()) != kind:
        if keep_format and target is None:
            raise StripError(
                "foto PNG ini terlalu besar; simpan sebagai JPEG (.jpg) lalu ganti namanya di pos",
                "this PNG photo is too large; save it as JPEG (.jpg) and rename it in the post",
            )
        out = out.with_suffix(_FORMATS[kind])
    handle, temp = tempfile.mkstemp(dir=out.parent, prefix=".bersih-")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temp, out)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return out


def _encode(image: Image.Image, kind: str, icc: bytes | None) -> bytes | None:
    """``image`` encoded as ``kind`` with only its colour profile, or None when it cannot fit :data:`MAX_BYTES`."""
    extra = {"icc_profile": icc} if icc else {}
    if kind == "PNG":
        buffer = BytesIO()
        image.save(buffer, "PNG", optimize=True, **extra)
        return buffer.getvalue() if buffer.tell() <= MAX_BYTES else None
    if kind == "JPEG" and image.mode not in ("RGB", "L", "CMYK"):
        image = image.convert("RGB")
    if kind == "HEIF":
        _register_heif()
    for quality in _QUALITIES:
        buffer = BytesIO()
        image.save(buffer, kind, quality=quality, **extra)
        if buffer.tell() <= MAX_BYTES:
            return buffer.getvalue()
    return None


def main(argv: list[str] | None = None) -> int:
    """``etalase foto bersihkan PATH…``: strip photos in place (a folder: every photo in it)."""
    parser = argparse.ArgumentParser(
        prog="etalase foto",
        description="Bersihkan foto: hapus lokasi GPS dan data kamera, tegakkan, perkecil. "
        "(Strip photos in place: location and camera data, orientation, size.)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="PERINTAH")
    clean = commands.add_parser("bersihkan", help="bersihkan foto di tempat (strip photos in place)")
    clean.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="foto atau folder berisi foto")
    args = parser.parse_args(argv)
    files: list[Path] = []
    for path in args.paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix.lower() in PHOTO_SUFFIXES and p.is_file())
        elif path.is_file():
            files.append(path)
        else:
            print(f"tidak ada: {path} (not found)", file=sys.stderr)
            return 2
    failed = 0
    for file in files:
        try:
            strip(file)
            print(f"bersih: {file} (stripped)")
        except StripError as error:
            failed += 1
            print(f"{file}: {error.message}\n    (en) {error.message_en}", file=sys.stderr)
    return 1 if failed else 0
