"""The photo pipeline: orientation, colour, metadata, limits, cache, HTML."""

from __future__ import annotations

import os
import random
import re
import shutil
import struct
import subprocess
import time
from io import BytesIO
from pathlib import Path

import pillow_heif
import pytest
from PIL import ExifTags, Image, ImageCms, ImageFile, PngImagePlugin

from etalase.content.problems import display_path
from etalase.photos import cache as photo_cache
from etalase.photos import types as photo_types
from etalase.photos.cache import _sha256, prune_cache
from etalase.photos.markup import PHONE_MEDIA, THUMB_SIZES, picture_html
from etalase.photos.process import process_photos
from etalase.photos.types import WEBP_METHOD, ImageSettings, PhotoRequest, ProcessedPhoto

SMALL = ImageSettings(widths=(100, 150, 300), social_size=(120, 63), thumb_sizes=(25, 50, 80))
SECRET = "Rahasia-Kamera-Etalase"
XMP = f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description>{SECRET}-xmp</rdf:Description></x:xmpmeta>'


def noise(size: tuple[int, int], seed: int = 1) -> Image.Image:
    """An RGB image of random pixels: its compressed bytes are unique."""
    rng = random.Random(seed)
    return Image.frombytes("RGB", size, rng.randbytes(size[0] * size[1] * 3))


def bundle(tmp_path: Path, slug: str = "pantai-x") -> Path:
    folder = tmp_path / "content" / "posts" / slug
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    return folder


def request(source: Path, line: int | None = 7, field: str | None = "cover.file") -> PhotoRequest:
    return PhotoRequest(source, source.parent.name, field, line, source.parent / "index.md")


def run(sources: list[Path], tmp_path: Path, settings: ImageSettings = SMALL, **kwargs):
    kwargs.setdefault("progress", False)
    kwargs.setdefault("workers", 1)
    return process_photos([request(s) for s in sources], settings, tmp_path / "cache", **kwargs)


def outputs(photo: ProcessedPhoto) -> list:
    return [*photo.renditions, photo.social, *photo.thumbs]


def cache_files(tmp_path: Path) -> list[Path]:
    """Every file in the cache but the stat index."""
    return [p for p in (tmp_path / "cache").rglob("*") if p.is_file() and p.name != "index.json"]


def rgb_near(actual: tuple[int, ...], expected: tuple[int, int, int], tolerance: int = 24) -> bool:
    return all(abs(a - e) <= tolerance for a, e in zip(actual[:3], expected, strict=True))


# --------------------------------------------------------------------------- orientation and sizes


QUADRANTS = {"tl": (230, 20, 20), "tr": (20, 160, 20), "bl": (20, 20, 230), "br": (240, 220, 20)}
"""Colour of each quarter of the stored pixels: top left red, top right green, bottom left blue, bottom right yellow."""

SHOWN = {
    1: {"tl": "tl", "tr": "tr", "bl": "bl", "br": "br"},  # as stored
    2: {"tl": "tr", "tr": "tl", "bl": "br", "br": "bl"},  # mirrored left-right
    3: {"tl": "br", "tr": "bl", "bl": "tr", "br": "tl"},  # turned 180°
    4: {"tl": "bl", "tr": "br", "bl": "tl", "br": "tr"},  # mirrored top-bottom
    5: {"tl": "tl", "tr": "bl", "bl": "tr", "br": "br"},  # mirrored along the top-left diagonal
    6: {"tl": "bl", "tr": "tl", "bl": "br", "br": "tr"},  # turned 90° clockwise
    7: {"tl": "br", "tr": "tr", "bl": "bl", "br": "tl"},  # mirrored along the top-right diagonal
    8: {"tl": "tr", "tr": "br", "bl": "tl", "br": "bl"},  # turned 90° anticlockwise
}
"""EXIF orientation -> which stored quarter a viewer sees in each quarter of the upright photo (EXIF 2.32, tag 274)."""


def quadrants(size: tuple[int, int]) -> Image.Image:
    """Stored pixels of :data:`QUADRANTS`, ``size`` wide and high."""
    width, height = size
    image = Image.new("RGB", size)
    for name, box in {
        "tl": (0, 0, width // 2, height // 2),
        "tr": (width // 2, 0, width, height // 2),
        "bl": (0, height // 2, width // 2, height),
        "br": (width // 2, height // 2, width, height),
    }.items():
        image.paste(QUADRANTS[name], box)
    return image


def assert_upright(rendition, orientation: int) -> None:
    """Each quarter of ``rendition`` shows the stored quarter :data:`SHOWN` says, sampled at its centre."""
    with Image.open(rendition.file) as out:
        assert out.size == (rendition.width, rendition.height)
        out = out.convert("RGB")
        width, height = out.size
        centres = {
            "tl": (width // 4, height // 4),
            "tr": (3 * width // 4, height // 4),
            "bl": (width // 4, 3 * height // 4),
            "br": (3 * width // 4, 3 * height // 4),
        }
        for shown, stored in SHOWN[orientation].items():
            pixel = out.getpixel(centres[shown])
            assert rgb_near(pixel, QUADRANTS[stored]), (rendition.file.name, orientation, shown, pixel)


STORED = (800, 400)
"""Stored size of the test photos: landscape, large enough for JPEG draft decoding at the :data:`SMALL` widths."""


@pytest.mark.parametrize("suffix", [".jpg", ".png", ".webp"])
@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_comes_out_upright(tmp_path, orientation, suffix):
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    source = bundle(tmp_path) / f"arah-{orientation}{suffix}"
    quadrants(STORED).save(source, exif=exif.tobytes(), quality=95)

    result = run([source], tmp_path)

    assert not result.problems
    photo = result.photos[source]
    turned = orientation >= 5  # 5 to 8 swap width and height
    assert (photo.width, photo.height) == ((300, 600) if turned else (300, 150))
    assert [(r.width, r.height) for r in photo.renditions if r.format == "jpeg"] == (
        [(100, 200), (150, 300), (300, 600)] if turned else [(100, 50), (150, 75), (300, 150)]
    )
    for rendition in (photo.largest("jpeg"), photo.largest("webp"), photo.renditions[0]):
        assert_upright(rendition, orientation)


@pytest.mark.parametrize("orientation", range(1, 9))
def test_heic_is_accepted_and_upright_in_every_orientation(tmp_path, orientation):
    """pillow-heif writes the EXIF orientation as HEIF transforms (irot, imir); the output must be turned once."""
    source = bundle(tmp_path) / f"iphone-{orientation}.heic"
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    pillow_heif.from_pillow(quadrants(STORED)).save(source, quality=90, exif=exif.tobytes())

    result = run([source], tmp_path)

    assert not result.problems
    photo = result.photos[source]
    assert (photo.width, photo.height) == ((300, 600) if orientation >= 5 else (300, 150))
    assert_upright(photo.largest("jpeg"), orientation)
    assert_upright(photo.largest("webp"), orientation)


def test_widths_never_upscale(tmp_path):
    folder = bundle(tmp_path)
    medium, tiny = folder / "sedang.jpg", folder / "kecil.png"
    noise((200, 120)).save(medium)
    noise((60, 90)).save(tiny)

    photos = run([medium, tiny], tmp_path).photos

    assert [(r.width, r.height, r.format) for r in photos[medium].renditions] == [
        (100, 60, "webp"),
        (100, 60, "jpeg"),
        (150, 90, "webp"),
        (150, 90, "jpeg"),
    ]
    assert [(r.width, r.height) for r in photos[tiny].renditions] == [(60, 90), (60, 90)]
    assert (photos[medium].social.width, photos[medium].social.height) == (120, 63)
    assert (photos[tiny].social.width, photos[tiny].social.height) == (60, 31)  # largest 1.905:1 crop, no upscale
    assert [t.width for t in photos[medium].thumbs] == [25, 50, 80]  # every side under the 120 px height
    assert [t.width for t in photos[tiny].thumbs] == [25, 50]  # no 80 px square from a 60 px wide original
    assert photos[medium].thumb_for(25) == photos[medium].thumbs[1]  # 25 CSS px at scale 2: the 50 px file
    assert photos[medium].thumb_for(60) == photos[medium].thumb == photos[medium].thumbs[-1]
    for photo in photos.values():
        for rendition in outputs(photo):
            with Image.open(rendition.file) as out:
                assert out.size == (rendition.width, rendition.height)
                assert out.format == rendition.format.upper()


def test_urls_and_srcset(tmp_path):
    source = bundle(tmp_path) / "Pantai Kuta (1).JPG"
    noise((320, 200)).save(source, "JPEG")

    photo = run([source], tmp_path).photos[source]

    url_dir = photo.largest().url.rsplit("/", 1)[0]
    assert url_dir.startswith("media/") and len(url_dir) == len("media/") + 16
    assert photo.largest().url.endswith("/pantai-kuta-1-300.jpg")
    assert photo.srcset("webp") == ", ".join(f"{url_dir}/pantai-kuta-1-{w}.webp {w}w" for w in (100, 150, 300))
    assert photo.largest("webp").width == 300


# --------------------------------------------------------------------------- colour


def rgb_profile(description: str, primaries: tuple[tuple[float, float, float], ...], gamma: float) -> bytes:
    """A minimal ICC v2 matrix/TRC RGB display profile (no profile files are installed here)."""

    def s15(value: float) -> bytes:
        return struct.pack(">i", round(value * 65536))

    def xyz(x: float, y: float, z: float) -> bytes:
        return b"XYZ " + bytes(4) + s15(x) + s15(y) + s15(z)

    text = description.encode() + b"\0"
    desc = b"desc" + bytes(4) + struct.pack(">I", len(text)) + text + bytes(4 + 4 + 2 + 1 + 67)
    curve = b"curv" + bytes(4) + struct.pack(">IH", 1, round(gamma * 256))
    tags = [(b"desc", desc), (b"wtpt", xyz(0.9642, 1.0, 0.8249))]
    tags += [(name, xyz(*primary)) for name, primary in zip((b"rXYZ", b"gXYZ", b"bXYZ"), primaries, strict=True)]
    tags += [(name, curve) for name in (b"rTRC", b"gTRC", b"bTRC")]
    offset = 128 + 4 + 12 * len(tags)
    table = data = b""
    for name, body in tags:
        body += bytes(-len(body) % 4)
        table += name + struct.pack(">II", offset + len(data), len(body))
        data += body
    header = struct.pack(">I4sI4s4s4s", offset + len(data), bytes(4), 0x02100000, b"mntr", b"RGB ", b"XYZ ")
    header += bytes(12) + b"acsp"
    header += bytes(68 - len(header)) + s15(0.9642) + s15(1.0) + s15(0.8249)
    return header + bytes(128 - len(header)) + struct.pack(">I", len(tags)) + table + data


ADOBE_RGB = ((0.6097, 0.3111, 0.0195), (0.2053, 0.6257, 0.0609), (0.1492, 0.0632, 0.7446))


@pytest.mark.parametrize("suffix", [".jpg", ".png"])
def test_embedded_icc_profile_is_converted_to_srgb_and_dropped(tmp_path, suffix):
    icc = rgb_profile("Adobe RGB (uji)", ADOBE_RGB, 2.2)
    source = bundle(tmp_path) / f"lebar{suffix}"
    Image.new("RGB", (200, 100), (40, 180, 60)).save(source, icc_profile=icc, quality=98)
    expected = ImageCms.profileToProfile(
        Image.new("RGB", (1, 1), (40, 180, 60)), ImageCms.ImageCmsProfile(BytesIO(icc)), ImageCms.createProfile("sRGB")
    ).getpixel((0, 0))
    assert not rgb_near(expected, (40, 180, 60), 10)  # the profile matters

    photo = run([source], tmp_path).photos[source]

    for rendition in (photo.largest("jpeg"), photo.largest("webp"), photo.social, photo.thumb):
        with Image.open(rendition.file) as out:
            assert "icc_profile" not in out.info
            assert rgb_near(out.getpixel((10, 10)), expected, 6), (rendition.file.name, out.getpixel((10, 10)))


def test_cmyk_jpeg_comes_out_rgb_with_right_colours(tmp_path):
    source = bundle(tmp_path) / "cetak.jpg"
    image = Image.new("CMYK", (200, 100), (0, 255, 255, 0))  # red
    image.paste((255, 0, 0, 0), (100, 0, 200, 100))  # cyan
    image.save(source, quality=95)

    photo = run([source], tmp_path).photos[source]

    for rendition in outputs(photo):
        with Image.open(rendition.file) as out:
            assert out.mode == "RGB"
    with Image.open(photo.largest().file) as out:
        assert rgb_near(out.getpixel((20, 50)), (255, 0, 0))
        assert rgb_near(out.getpixel((130, 50)), (0, 255, 255))


def test_16_bit_grey_png_is_scaled_not_clipped(tmp_path):
    source = bundle(tmp_path) / "abu.png"
    Image.new("I;16", (200, 100), 32768).save(source)
    with Image.open(source) as check:
        assert check.mode.startswith("I")

    photo = run([source], tmp_path).photos[source]

    for fmt in ("jpeg", "webp"):
        with Image.open(photo.largest(fmt).file) as out:
            assert out.mode == "RGB"
            assert rgb_near(out.getpixel((50, 50)), (128, 128, 128), 4)


@pytest.mark.parametrize("mode", ["RGBA", "LA", "P"])
def test_transparency_is_white_in_jpeg_and_kept_in_webp(tmp_path, mode):
    source = bundle(tmp_path) / f"layar-{mode}.png"
    image = Image.new("RGBA", (200, 100), (200, 0, 0, 0))  # transparent left half
    image.paste((30, 30, 30, 255), (100, 0, 200, 100))
    if mode == "P":
        image = image.convert("P")  # the fully transparent colour becomes the transparency index
        image.info["transparency"] = image.getpixel((0, 0))
    elif mode == "LA":
        image = image.convert("LA")
    image.save(source)

    photo = run([source], tmp_path).photos[source]

    with Image.open(photo.largest("jpeg").file) as out:  # 150x75
        assert out.mode == "RGB"
        assert rgb_near(out.getpixel((15, 37)), (255, 255, 255), 4)
        assert rgb_near(out.getpixel((135, 37)), (30, 30, 30), 8)
    with Image.open(photo.largest("webp").file) as out:
        assert out.mode == "RGBA"
        assert out.getpixel((15, 37))[3] == 0
        assert out.getpixel((135, 37))[3] == 255
    with Image.open(photo.social.file) as out:
        assert out.mode == "RGB"


def test_opaque_rgba_loses_its_alpha_channel(tmp_path):
    source = bundle(tmp_path) / "penuh.png"
    noise((200, 100)).convert("RGBA").save(source)

    photo = run([source], tmp_path).photos[source]

    with Image.open(photo.largest("webp").file) as out:
        assert out.mode == "RGB"


# --------------------------------------------------------------------------- metadata


def metadata_sources(folder: Path) -> list[Path]:
    """A JPEG and a PNG carrying EXIF (camera, GPS), XMP, comments and an ICC profile."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = SECRET
    exif[ExifTags.Base.Model] = SECRET + "-model"
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "S",
        ExifTags.GPS.GPSLatitude: (8.0, 43.0, 12.5),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (115.0, 10.0, 3.25),
    }
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    jpeg, png = folder / "gps.jpg", folder / "gps.png"
    image = noise((240, 160), seed=7)
    image.save(jpeg, exif=exif.tobytes(), xmp=XMP.encode(), comment=f"{SECRET}-comment", icc_profile=icc)
    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", f"{SECRET}-comment")
    text.add_itxt("XML:com.adobe.xmp", XMP)
    image.save(png, exif=exif.tobytes(), pnginfo=text, icc_profile=icc)
    return [jpeg, png]


def test_outputs_carry_no_metadata(tmp_path):
    sources = metadata_sources(bundle(tmp_path))
    with Image.open(sources[0]) as check:
        assert check.info["comment"] and check.getexif().get_ifd(ExifTags.IFD.GPSInfo)

    photos = run(sources, tmp_path).photos

    assert len(photos) == 2
    for photo in photos.values():
        for rendition in outputs(photo):
            data = rendition.file.read_bytes()
            for marker in (SECRET.encode(), b"Exif", b"xmpmeta", b"http://ns.adobe.com", b"ICC_PROFILE", b"iCCP"):
                assert marker not in data, (rendition.file.name, marker)
            with Image.open(rendition.file) as out:
                assert not out.getexif()
                assert not {"exif", "xmp", "XML:com.adobe.xmp", "comment", "icc_profile"} & out.info.keys()


def test_original_bytes_never_appear_in_outputs(tmp_path):
    sources = metadata_sources(bundle(tmp_path))
    photos = run(sources, tmp_path).photos
    for source in sources:
        original = source.read_bytes()
        samples = [original[i : i + 32] for i in range(len(original) // 4, len(original) - 32, len(original) // 8)]
        with Image.open(source) as image:
            samples.append(image.getexif().tobytes()[:64])
        for rendition in outputs(photos[source]):
            data = rendition.file.read_bytes()
            assert not any(sample in data for sample in samples), rendition.file.name


# --------------------------------------------------------------------------- refusals


def write_truncated_jpeg(path: Path) -> None:
    buffer = BytesIO()
    noise((300, 200)).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue()[: buffer.tell() // 2])


def write_png_as_jpg(path: Path) -> None:
    noise((50, 50)).save(path, "PNG")


BAD = {
    "rusak.jpg": (lambda p: p.write_bytes(b"\xff\xd8\xff\xe0" + random.Random(3).randbytes(5000)), "rusak"),
    "terpotong.jpg": (write_truncated_jpeg, "berkas rusak atau terpotong"),
    "png-menyamar.jpg": (write_png_as_jpg, "isi berkas bukan JPEG (terdeteksi PNG); format yang diterima: JPEG, PNG"),
    "catatan.jpg": (lambda p: p.write_text("bukan foto\n"), "isi berkas bukan JPEG (terdeteksi format tidak dikenal)"),
    "kosong.png": (lambda p: p.write_bytes(b""), "isi berkas bukan PNG (terdeteksi berkas kosong)"),
    "animasi.gif": (lambda p: noise((20, 20)).save(p, "GIF"), 'format ".gif" tidak diterima; format yang diterima'),
    "lama.bmp": (lambda p: noise((20, 20)).save(p, "BMP"), 'format ".bmp" tidak diterima'),
    "jpeg-menyamar.heic": (lambda p: noise((20, 20)).save(p, "JPEG"), "isi berkas bukan HEIC (terdeteksi JPEG)"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_files_are_refused_with_a_problem(tmp_path, name):
    write, wording = BAD[name]
    source = bundle(tmp_path) / name
    write(source)

    result = run([source], tmp_path)

    assert result.photos == {} and result.processed == 0
    [problem] = result.problems
    assert problem.message.startswith(f'foto "{name}" pada pos "pantai-x": ')
    assert wording in problem.message
    assert problem.message_en.startswith(f'photo "{name}" in post "pantai-x": ')
    assert (problem.path, problem.line, problem.field) == (display_path(source.parent / "index.md"), 7, "cover.file")
    assert cache_files(tmp_path) == []


def test_over_max_bytes_is_refused_before_reading(tmp_path):
    source = bundle(tmp_path) / "besar.jpg"
    noise((200, 200)).save(source, quality=95)
    settings = ImageSettings(widths=(100,), max_bytes=1024)

    result = run([source], tmp_path, settings)

    [problem] = result.problems
    assert "berkas terlalu besar:" in problem.message and "batas 0,000977 MB" in problem.message
    assert "file too large" in problem.message_en
    assert cache_files(tmp_path) == []


@pytest.mark.parametrize(
    ("size", "wording"),
    [((100, 80), "gambar terlalu besar: 100×80 piksel (0,008 MP); batas 0,005 MP"), ((400, 300), "lebih dari 0,02 MP")],
)
def test_over_max_pixels_is_refused_before_decoding(tmp_path, size, wording):
    source = bundle(tmp_path) / "raksasa.png"
    Image.new("RGB", size, (1, 2, 3)).save(source)
    limit = Image.MAX_IMAGE_PIXELS

    result = run([source], tmp_path, ImageSettings(widths=(50,), max_pixels=5000))

    [problem] = result.problems
    assert wording in problem.message, problem.message
    assert "image too large" in problem.message_en
    assert cache_files(tmp_path) == []
    assert Image.MAX_IMAGE_PIXELS == limit
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


def test_lower_max_pixels_applies_to_cached_photos(tmp_path):
    source = bundle(tmp_path) / "foto.png"
    Image.new("RGB", (100, 80)).save(source)
    assert run([source], tmp_path, ImageSettings(widths=(50,))).photos

    result = run([source], tmp_path, ImageSettings(widths=(50,), max_pixels=5000))

    assert result.photos == {} and "100×80 piksel" in result.problems[0].message


def test_symlink_and_missing_files_are_refused(tmp_path):
    folder = bundle(tmp_path)
    target = tmp_path / "rumah.jpg"
    noise((50, 50)).save(target)
    link = folder / "tautan.jpg"
    link.symlink_to(target)

    result = process_photos(
        [request(link), request(folder / "hilang.jpg", line=None, field=None)], SMALL, tmp_path / "cache", 1, False
    )

    assert result.photos == {}
    messages = {problem.path: problem.message for problem in result.problems}
    assert "tautan simbolik" in messages[display_path(folder / "index.md")]
    assert "berkas tidak ditemukan" in messages[display_path(folder / "hilang.jpg")]  # no line: the photo's path


def test_a_photo_named_twice_is_processed_once_and_reported_at_both_places(tmp_path):
    folder = bundle(tmp_path)
    good, bad = folder / "baik.jpg", folder / "buruk.jpg"
    noise((200, 100)).save(good)
    bad.write_text("x")
    requests = [request(good), request(good, 20, None), request(bad, 3, "cover.file"), request(bad, 30, None)]

    result = process_photos(requests, SMALL, tmp_path / "cache", 1, False)

    assert result.processed == 1 and list(result.photos) == [good]
    assert sorted(problem.line for problem in result.problems) == [3, 30]


# --------------------------------------------------------------------------- cache


def test_cache_skips_unchanged_photos_and_notices_changed_ones(tmp_path):
    folder = bundle(tmp_path)
    sources = [folder / f"foto-{i}.jpg" for i in range(3)]
    for i, source in enumerate(sources):
        noise((200, 120), seed=i).save(source)

    first = run(sources, tmp_path, workers=2, progress=True)  # through the process pool
    assert first.processed == 3 and not first.problems
    again = run(sources, tmp_path, workers=2)
    assert again.processed == 0 and again.photos == first.photos

    os.utime(sources[1], ns=(1, 1))  # touched, same bytes: re-hashed, not re-rendered
    assert run(sources, tmp_path).processed == 0

    noise((200, 120), seed=99).save(sources[2])
    changed = run(sources, tmp_path)
    assert changed.processed == 1
    assert changed.photos[sources[0]] == first.photos[sources[0]]
    assert changed.photos[sources[2]].largest().url != first.photos[sources[2]].largest().url


def test_a_photo_rewritten_at_the_same_size_with_its_old_mtime_is_rendered_again(tmp_path):
    """Size and mtime alone would keep the old renditions: the index also holds ctime and inode."""
    folder = bundle(tmp_path)
    source = folder / "foto.png"
    noise((200, 120), seed=1).save(source, compress_level=0)  # stored, not compressed: the size is the pixels'
    first = run([source], tmp_path)
    before = source.stat()
    time.sleep(0.01)  # a later ctime on file systems with coarse clocks
    noise((200, 120), seed=2).save(source, compress_level=0)
    os.utime(source, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = source.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)

    again = run([source], tmp_path)
    assert again.processed == 1
    assert again.photos[source].largest().url != first.photos[source].largest().url


def git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(folder), "-c", "user.name=Uji", "-c", "user.email=uji@example.org", *args],
        check=True,
        capture_output=True,
    )


def test_a_fresh_clone_with_the_cache_restored_reads_no_photo(tmp_path, monkeypatch):
    """In CI every file is new to the file system; git's blob ids say which photos the cache already knows."""
    origin = tmp_path / "asal"
    folder = bundle(origin)
    sources = [folder / f"foto-{i}.jpg" for i in range(3)]
    for i, source in enumerate(sources):
        noise((200, 120), seed=i).save(source)
    git(origin, "init", "-q")
    git(origin, "add", ".")
    git(origin, "commit", "-q", "-m", "foto")
    first = run(sources, origin)  # the deploy: hashes, renders, and remembers each blob id

    clone = tmp_path / "klon"
    subprocess.run(["git", "clone", "-q", str(origin), str(clone)], check=True)
    shutil.copytree(origin / "cache", clone / "cache")  # actions/cache restores it
    cloned = [clone / source.relative_to(origin) for source in sources]
    noise((200, 120), seed=7).save(cloned[2])  # changed in the working tree: git's id no longer holds
    read: list[Path] = []
    real_sha256 = _sha256
    monkeypatch.setattr(photo_cache, "_sha256", lambda path: read.append(path) or real_sha256(path))

    again = run(cloned, clone)
    assert read == [cloned[2]]
    assert again.processed == 1
    assert again.photos[cloned[0]].largest().url == first.photos[sources[0]].largest().url


def test_without_git_every_photo_is_hashed(tmp_path, monkeypatch):
    folder = bundle(tmp_path)
    source = folder / "foto.jpg"
    noise((200, 120)).save(source)
    run([source], tmp_path)
    os.utime(source, ns=(1, 1))
    read: list[Path] = []
    real_sha256 = _sha256
    monkeypatch.setattr(photo_cache, "_sha256", lambda path: read.append(path) or real_sha256(path))
    assert run([source], tmp_path).processed == 0
    assert read == [source]


def test_identical_content_under_two_names_shares_one_entry(tmp_path):
    folder = bundle(tmp_path)
    a, b = folder / "a.jpg", folder / "b.jpg"
    noise((200, 120)).save(a)
    b.write_bytes(a.read_bytes())

    result = run([a, b], tmp_path)

    assert result.processed == 1
    assert result.photos[a].thumb.file == result.photos[b].thumb.file
    assert result.photos[a].thumb.url.endswith("/a-thumb-80.webp")
    assert result.photos[b].thumb.url.endswith("/b-thumb-80.webp")


def test_outputs_are_deterministic(tmp_path):
    source = bundle(tmp_path) / "sama.jpg"
    noise((320, 200)).save(source)
    one = process_photos([request(source)], SMALL, tmp_path / "satu", 1, False).photos[source]
    two = process_photos([request(source)], SMALL, tmp_path / "dua", 1, False).photos[source]
    assert [r.url for r in outputs(one)] == [r.url for r in outputs(two)]
    for a, b in zip(outputs(one), outputs(two), strict=True):
        assert a.file.read_bytes() == b.file.read_bytes()


def test_settings_key_ignores_limits_but_not_outputs(monkeypatch):
    default = ImageSettings(widths=(480, 800, 1200, 1600))
    assert re.fullmatch(r"[0-9a-f]{64}", default.key())
    same_outputs = [
        ImageSettings(widths=(1600, 800, 480, 1200, 800)),
        ImageSettings(max_pixels=1, max_bytes=1),
        ImageSettings(thumb_sizes=(336, 112, 224, 112)),
    ]
    assert {settings.key() for settings in same_outputs} == {default.key()}
    other_outputs = [
        ImageSettings(widths=(480, 800, 1200)),
        ImageSettings(webp_quality=81),
        ImageSettings(jpeg_quality=83),
        ImageSettings(social_size=(1200, 627)),
        ImageSettings(thumb_sizes=(112, 224, 337)),
        ImageSettings(thumb_sizes=(224, 336)),
    ]
    keys = {settings.key() for settings in other_outputs}
    assert len(keys) == len(other_outputs) and default.key() not in keys
    before = default.key()
    monkeypatch.setattr(photo_types, "PIPELINE_VERSION", "uji")  # a new pipeline makes every photo again
    bumped = default.key()
    monkeypatch.setattr(photo_types, "WEBP_METHOD", WEBP_METHOD + 1)
    assert len({before, bumped, default.key()}) == 3


def test_prune_removes_entries_of_removed_photos(tmp_path):
    folder = bundle(tmp_path)
    kept, gone = folder / "tetap.jpg", folder / "hapus.jpg"
    noise((200, 120), seed=1).save(kept)
    noise((200, 120), seed=2).save(gone)
    photos = run([kept, gone], tmp_path).photos

    assert prune_cache(tmp_path / "cache", [photos[kept]]) == 1

    assert all(r.file.exists() for r in outputs(photos[kept]))
    assert not photos[gone].thumb.file.parent.exists()
    assert prune_cache(tmp_path / "cache", [photos[kept]]) == 0
    assert run([kept], tmp_path).processed == 0


# --------------------------------------------------------------------------- HTML


def test_picture_html(tmp_path):
    source = bundle(tmp_path) / "pantai.jpg"
    noise((1000, 500)).save(source)
    photo = run([source], tmp_path, ImageSettings()).photos[source]

    html = picture_html(photo, 'Pantai "Kuta" <senja> & ombak', url_prefix="../../", css_class="sampul")

    assert html.startswith('<picture><source type="image/webp" srcset="../../media/')
    assert html.endswith("></picture>")
    assert f'src="../../{photo.renditions[3].url}"' in html  # the 800 px JPEG
    assert photo.renditions[3].width == 800 and photo.renditions[3].format == "jpeg"
    assert 'width="800" height="400"' in html
    assert 'alt="Pantai &quot;Kuta&quot; &lt;senja&gt; &amp; ombak"' in html
    assert 'loading="lazy"' in html and 'decoding="async"' in html and "fetchpriority" not in html
    assert 'class="sampul"' in html
    assert html.count("../../media/") == 1 + 2 + 2  # src + two srcsets of two widths each
    assert f"../../{photo.renditions[0].url} 480w" in html

    lcp = picture_html(photo, "x", url_prefix="", lcp=True)
    assert 'fetchpriority="high"' in lcp and "loading=" not in lcp and "decoding=" not in lcp

    card = picture_html(photo, "", url_prefix="../", phone_thumb=True)
    media = f'<source media="{PHONE_MEDIA}" type="image/webp" srcset="'
    assert card.startswith("<picture>" + media)
    thumbs = card[len("<picture>" + media) :].split('"')[0]
    stem = photo.thumb.url.rsplit("-thumb-", 1)[0]
    assert thumbs == f"../{stem}-thumb-112.webp 112w, ../{stem}-thumb-224.webp 224w, ../{stem}-thumb-336.webp 336w"
    assert f'sizes="{THUMB_SIZES}" width="336" height="336">' in card
