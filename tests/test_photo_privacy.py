"""Photos as they enter the public repository: no location or camera data, upright, at most 4000 px and 8 MB.

Both doors are tested: the form route (an attachment fetched by
:mod:`etalase.kiriman.assets` comes out stripped) and git (``--check``
refuses a committed photo carrying GPS and ``etalase foto bersihkan`` fixes it).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pillow_heif
import pytest
from PIL import ExifTags, Image

from etalase import cli
from etalase.content.photo_privacy import MAX_BYTES, MAX_SIDE, has_gps, strip
from etalase.kiriman.assets import GITHUB, Photo, fetch_all

from conftest import run_check

STORED = (5000, 3000)
"""Stored size of the test photo: sideways, as a phone held upright writes it with Orientation=6."""
COLOURS = {"top-left": (220, 30, 30), "top-right": (30, 200, 30), "bottom-left": (30, 30, 220)}


def _quadrants(size: tuple[int, int]) -> Image.Image:
    """Red top left, green top right, blue bottom left, white bottom right."""
    width, height = size
    image = Image.new("RGB", size, (255, 255, 255))
    image.paste(COLOURS["top-left"], (0, 0, width // 2, height // 2))
    image.paste(COLOURS["top-right"], (width // 2, 0, width, height // 2))
    image.paste(COLOURS["bottom-left"], (0, height // 2, width // 2, height))
    return image


def _phone_exif() -> Image.Exif:
    """What a Redmi writes: where (S 7°14'28" E 110°24'7"), which phone, when, and how it was held."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Xiaomi"
    exif[ExifTags.Base.Model] = "Redmi Note 12"
    exif[ExifTags.Base.DateTime] = "2026:11:30 07:12:45"
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "S",
        ExifTags.GPS.GPSLatitude: (7.0, 14.0, 28.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (110.0, 24.0, 7.0),
    }
    return exif


def _phone_photo(path: Path, size: tuple[int, int] = STORED) -> Path:
    _quadrants(size).save(path, "JPEG", quality=95, exif=_phone_exif().tobytes(), comment=b"Redmi Note 12")
    return path


def _assert_clean_and_upright(path: Path, stored: tuple[int, int] = STORED) -> None:
    assert path.stat().st_size <= MAX_BYTES
    raw = path.read_bytes()
    for secret in (b"Redmi", b"Xiaomi", b"2026:11:30", b"Exif"):
        assert secret not in raw, secret
    with Image.open(path) as image:
        assert not image.getexif()
        assert not {"exif", "xmp", "XML:com.adobe.xmp", "comment"} & image.info.keys()
        # Orientation 6: the stored image is turned 90° clockwise to show; its height becomes the width.
        scale = MAX_SIDE / max(stored)
        assert image.size == (round(stored[1] * scale), round(stored[0] * scale))
        width, height = image.size
        rgb = image.convert("RGB")
        # The stored top-left (red) is shown top right; stored bottom-left (blue) top left.
        assert _near(rgb.getpixel((width // 4, height // 4)), COLOURS["bottom-left"])
        assert _near(rgb.getpixel((3 * width // 4, height // 4)), COLOURS["top-left"])
        assert _near(rgb.getpixel((3 * width // 4, 3 * height // 4)), COLOURS["top-right"])
    assert not has_gps(path)


def _near(found: object, expected: tuple[int, int, int]) -> bool:
    assert isinstance(found, tuple)
    return all(abs(a - b) <= 12 for a, b in zip(found, expected, strict=True))


def test_a_phone_photo_comes_out_clean_upright_and_small(tmp_path: Path) -> None:
    source = _phone_photo(tmp_path / "sampul.jpg")
    assert has_gps(source)
    assert strip(source) == source
    _assert_clean_and_upright(source)


def test_a_form_attachment_is_stripped_before_it_reaches_the_bundle(tmp_path: Path) -> None:
    assets = tmp_path / "lampiran-asli"
    assets.mkdir()
    _phone_photo(assets / "0b6c2a4e-1f3d-4c7a-9a51-3e7f1d2c8b01")
    heic = pillow_heif.from_pillow(_quadrants((1200, 800)))
    heic.save(assets / "5e9d7c1b-2a4f-4e8b-b0c3-91d2e3f4a5b6", quality=80, exif=_phone_exif().tobytes())
    into = tmp_path / "unduhan"
    into.mkdir()
    photos = fetch_all(
        ["0b6c2a4e-1f3d-4c7a-9a51-3e7f1d2c8b01", "5e9d7c1b-2a4f-4e8b-b0c3-91d2e3f4a5b6"],
        GITHUB,
        into,
        max_bytes=40 * 1024 * 1024,
        max_total=80 * 1024 * 1024,
        assets_dir=assets,
    )
    assert [type(photo) for photo in photos] == [Photo, Photo]
    jpeg, from_heic = photos
    assert isinstance(jpeg, Photo) and isinstance(from_heic, Photo)
    assert jpeg.suffix == ".jpg" and from_heic.suffix == ".jpg"  # HEIC is written as JPEG
    _assert_clean_and_upright(jpeg.file)
    with Image.open(from_heic.file) as image:
        assert image.format == "JPEG" and image.size == (800, 1200) and not image.getexif()
    assert sorted(path.name for path in into.iterdir()) == ["lampiran-1.jpg", "lampiran-2.jpg"]  # no original left


def test_a_broken_attachment_is_refused_with_the_pipelines_words(tmp_path: Path) -> None:
    assets = tmp_path / "lampiran-asli"
    assets.mkdir()
    whole = _phone_photo(tmp_path / "utuh.jpg", (800, 600)).read_bytes()
    (assets / "terpotong").write_bytes(whole[: len(whole) // 3])
    (tmp_path / "unduhan").mkdir()
    [refusal] = fetch_all(
        ["terpotong"], GITHUB, tmp_path / "unduhan", max_bytes=10**7, max_total=10**8, assets_dir=assets
    )
    assert not isinstance(refusal, Photo)
    assert refusal.message.startswith("berkas rusak atau terpotong, tidak dapat dibaca (")
    assert list((tmp_path / "unduhan").iterdir()) == []


def test_check_refuses_a_committed_photo_with_gps_and_the_strip_command_fixes_it(
    content_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundle = content_copy / "posts" / "pengrajin-gendang-teluk-biru"
    photo = bundle / "gendang.jpg"
    with Image.open(photo) as image:
        size = image.size
        image.save(tmp_path / "gps.jpg", "JPEG", quality=90, exif=_phone_exif().tobytes())
    shutil.copyfile(tmp_path / "gps.jpg", photo)

    refused = run_check("--content", content_copy, cwd=content_copy.parent)
    assert refused.returncode == 1, refused.stdout + refused.stderr
    shown = "content/posts/pengrajin-gendang-teluk-biru/gendang.jpg"
    assert refused.stdout.splitlines()[:2] == [
        f"{shown}: foto ini menyimpan lokasi GPS tempat foto diambil, dan repositori ini publik: siapa pun bisa "
        f"membacanya. Hapus data lokasinya dengan: etalase foto bersihkan {shown}",
        f"    (en) this photo carries the GPS location where it was taken, and this repository is public: anyone "
        f"can read it. Strip it with: etalase foto bersihkan {shown}",
    ]

    assert cli.main(["foto", "bersihkan", str(photo)]) == 0
    assert f"bersih: {photo}" in capsys.readouterr().out
    assert not has_gps(photo)
    with Image.open(photo) as image:
        assert image.size == (size[1], size[0]) or image.size == size  # upright either way, never resized here
        assert not image.getexif()
    passed = run_check("--content", content_copy, cwd=content_copy.parent)
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_the_strip_command_refuses_what_is_not_a_photo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fake = tmp_path / "bukan.jpg"
    fake.write_bytes(b"<html>bukan foto</html>")
    assert cli.main(["foto", "bersihkan", str(fake)]) == 1
    err = capsys.readouterr().err
    assert f"{fake}: berkas rusak atau terpotong, tidak dapat dibaca (" in err and "(en) the file is corrupt" in err
    assert fake.read_bytes() == b"<html>bukan foto</html>"
