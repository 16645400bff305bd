"""Photos for the site: checked, upright, sRGB, metadata-free and responsive.

A post bundle holds the creator's originals (phone JPEGs, HEIC, PNG
screenshots). The site never publishes an original: :func:`process_photos`
turns every photo a post names into a set of renditions (each width of
:attr:`ImageSettings.widths` that does not upscale, in WebP and JPEG), a
1200x630 social card (JPEG) and square thumbnails, one per device scale of a card's slot (WebP). Outputs carry no
EXIF, GPS, XMP, maker notes, comments or ICC profile: pixels are converted to
sRGB, the web's default, before encoding.

Untrusted input is refused before it is decoded: the file size is checked on
``lstat``, the content is sniffed against the extension, and the pixel count
is read from the header. Every refusal is a :class:`~etalase.content.problems.Problem`
naming the post and the file, never a traceback.

Outputs are cached under ``cache_dir/<key[:2]>/<key>/`` where ``key`` is
``sha256(source bytes)`` combined with :meth:`ImageSettings.key`. An entry is
written in a temporary directory and renamed into place, so a crash never
leaves a partial entry. ``cache_dir/index.json`` remembers each source's
size, ``mtime_ns``, digest and git blob id, so a rebuild with no changed
photo only ``lstat``\\ s the sources and reads their manifests. A fresh clone
(CI) gives every file a new mtime; there the blob ids git already holds
stand in, so a restored cache needs no photo read at all.

Measured on the 12 photos of the benchmark (1600 px, per image, one core):
WebP q80 method 4 (libwebp's default) 0.17 s, 121 KB, 39.6 dB PSNR;
method 3 the same; method 2 0.08 s but 4 % larger and 0.4 dB worse;
method 6 0.30 s for 4 % smaller. JPEG q82 progressive optimised 0.04 s,
218 KB. AVIF q60 speed 6 is 15 % smaller than WebP at 40.0 dB but 4x slower
to encode; at speed 8 it is as fast as WebP but only 5 % smaller and worse.
AVIF is therefore not produced: WebP already has the same browser support
as AVIF among the site's readers, and the build time would double.
"""

from __future__ import annotations

import gc
import hashlib
import json
import math
import multiprocessing
import os
import shutil
import stat
import tempfile
import warnings
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import BinaryIO, NamedTuple

from PIL import ExifTags, Image, ImageCms, ImageFile, ImageOps

from etalase.content.photo_files import _EXTENSIONS, ACCEPTED
from etalase.content.problems import Problem, display_path
from etalase.photos.cache import _MANIFEST, _TMP, _digests, _git_blobs, _load_index, _photo, _read_manifest, _save_index
from etalase.photos.types import PIPELINE_VERSION, WEBP_METHOD, ImageSettings, PhotoRequest, PhotoResult, ProcessedPhoto
from etalase.utils.forked import CAN_FORK

_FORMAT_NAMES = {"WEBP": "WebP", "HEIF": "HEIC"}
"""Pillow format -> name in messages, where they differ."""


_PILLOW_LIMIT_FACTOR = 2
"""Pillow's MAX_IMAGE_PIXELS is this times ours; it warns above it and raises above twice it."""


_WHITE = (255, 255, 255)


_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, RuntimeError)
"""What Pillow and pillow-heif raise for a damaged file (800 fuzzed files raised nothing else)."""


class _Failure(NamedTuple):
    """Why a photo was refused, without the request's location."""

    message: str
    message_en: str


class _Refused(Exception):
    def __init__(self, failure: _Failure):
        super().__init__(failure.message_en)
        self.failure = failure


@dataclass(frozen=True)
class _Job:
    """One original to render into one cache entry (runs in a worker)."""

    source: Path
    expected: str
    """Pillow format the extension promises."""
    entry: Path
    tmp_root: Path
    settings: ImageSettings


class _Plan(NamedTuple):
    """Output sizes for an original of oriented size ``width`` x ``height``."""

    sizes: list[tuple[int, int]]
    """Rendition sizes, widest first."""
    social_box: tuple[float, float, float, float]
    social: tuple[int, int]
    thumb_box: tuple[float, float, float, float]
    thumbs: list[int]
    """Thumbnail sides, narrowest first."""
    scale: float
    """Smallest decode scale (<= 1) that still feeds every output without upscaling."""


def process_photos(
    requests: Sequence[PhotoRequest],
    settings: ImageSettings,
    cache_dir: Path,
    workers: int | None = None,
    progress: bool = True,
) -> PhotoResult:
    """Check and render every requested photo, reusing the cache.

    Each source is processed once however many requests name it, and each
    distinct content once however many sources share it. Problems are reported
    once per request, so every place that names a bad photo is listed.
    """
    cache_dir = Path(os.path.abspath(cache_dir))
    workers = workers or os.cpu_count() or 1
    by_source: dict[Path, list[PhotoRequest]] = {}
    for request in requests:
        by_source.setdefault(request.source, []).append(request)

    failures: dict[Path, _Failure] = {}
    stats: dict[Path, os.stat_result] = {}
    for source in by_source:
        checked = _check_file(source, settings)
        if isinstance(checked, _Failure):
            failures[source] = checked
        else:
            stats[source] = checked

    index = _load_index(cache_dir)
    blobs = _git_blobs(list(stats))
    digests = _digests(stats, index, blobs, workers)
    settings_key = settings.key()
    keys = {source: hashlib.sha256(f"{digests[source]}:{settings_key}".encode()).hexdigest() for source in stats}

    entries: dict[str, Path] = {}
    manifests: dict[str, dict] = {}
    jobs: dict[str, _Job] = {}
    # Largest files first: the pool then ends with short jobs on every core.
    for source, key in sorted(keys.items(), key=lambda item: -stats[item[0]].st_size):
        if key in entries:
            continue
        entry = entries[key] = cache_dir / key[:2] / key
        manifest = _read_manifest(entry)
        if manifest is not None:
            manifests[key] = manifest
        else:
            shutil.rmtree(entry, ignore_errors=True)  # a stale entry from an older pipeline
            jobs[key] = _Job(source, _EXTENSIONS[source.suffix.lower()], entry, cache_dir / _TMP, settings)

    rendered = _run_jobs(jobs, workers, progress)
    key_failures: dict[str, _Failure] = {}
    for key, outcome in rendered.items():
        if isinstance(outcome, _Failure):
            key_failures[key] = outcome
        else:
            manifests[key] = outcome

    photos: dict[Path, ProcessedPhoto] = {}
    with _gc_paused():  # ~12 acyclic objects per photo: the collector's passes would be half the warm time
        for source, key in keys.items():
            if key in key_failures:
                failures[source] = key_failures[key]
                continue
            manifest = manifests[key]
            width, height = manifest["source"]
            if width * height > settings.max_pixels:
                failures[source] = _too_many_pixels(settings, width, height)
            else:
                photos[source] = _photo(source, key, entries[key], manifest)

    _save_index(
        cache_dir,
        index,
        {
            str(s): [st.st_size, st.st_mtime_ns, digests[s], blobs.get(s), st.st_ctime_ns, st.st_ino]
            for s, st in stats.items()
        },
    )
    problems = [_problem(request, failure) for source, failure in failures.items() for request in by_source[source]]
    processed = sum(1 for outcome in rendered.values() if not isinstance(outcome, _Failure))
    return PhotoResult(photos, problems, processed)


def identify(head: bytes) -> tuple[str | None, str | None]:
    """What a file that starts with ``head`` holds, by the same sniffing the pipeline uses.

    Returns the extension an accepted photo of that format takes (``.jpg``,
    ``.png``, ``.webp``, ``.heic``), or None when the format is not accepted,
    and the format's name for messages (None when nothing is recognised). Used
    to name photos that arrive without a trustworthy name (form attachments).
    """
    found = _sniff(head)
    suffix = next((suffix for suffix, format in _EXTENSIONS.items() if format == found), None)
    return suffix, _FORMAT_NAMES.get(found, found) if found else None


def _check_file(source: Path, settings: ImageSettings) -> os.stat_result | _Failure:
    """What can be refused from ``lstat`` and the name alone."""
    try:
        st = os.lstat(source)
    except FileNotFoundError:
        return _Failure("berkas tidak ditemukan", "file not found")
    except OSError as error:
        return _Failure(f"berkas tidak dapat dibaca ({error.strerror})", f"file cannot be read ({error.strerror})")
    if stat.S_ISLNK(st.st_mode):
        return _Failure(
            "berkas adalah tautan simbolik (symlink); simpan foto aslinya di folder pos",
            "the file is a symbolic link; put the photo itself in the post folder",
        )
    if not stat.S_ISREG(st.st_mode):
        return _Failure("bukan berkas biasa", "not a regular file")
    suffix = source.suffix.lower()
    if suffix not in _EXTENSIONS:
        shown = f'"{suffix}"' if suffix else "tanpa ekstensi"
        return _Failure(
            f"format {shown} tidak diterima; format yang diterima: {ACCEPTED}",
            f"format {shown if suffix else 'without extension'} is not accepted; accepted formats: {ACCEPTED}",
        )
    if st.st_size > settings.max_bytes:
        size, limit = _megabytes(st.st_size), _megabytes(settings.max_bytes)
        return _Failure(
            f"berkas terlalu besar: {size.replace('.', ',')} MB; batas {limit.replace('.', ',')} MB",
            f"file too large: {size} MB; limit {limit} MB",
        )
    return st


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.3g}"


def _too_many_pixels(settings: ImageSettings, width: int | None = None, height: int | None = None) -> _Failure:
    """Refusal of an image over ``max_pixels`` (size unknown when Pillow's own bomb check stopped it)."""
    limit = f"{settings.max_pixels / 1e6:.3g}"
    if width is None or height is None:
        floor = f"{settings.max_pixels * 2 * _PILLOW_LIMIT_FACTOR / 1e6:.3g}"
        found, found_en = f"lebih dari {floor.replace('.', ',')} MP", f"more than {floor} MP"
    else:
        mp = f"{width * height / 1e6:.3g}"
        found = f"{width}×{height} piksel ({mp.replace('.', ',')} MP)"
        found_en = f"{width}×{height} pixels ({mp} MP)"
    return _Failure(
        f"gambar terlalu besar: {found}; batas {limit.replace('.', ',')} MP (perkecil fotonya sebelum diunggah)",
        f"image too large: {found_en}; limit {limit} MP (downscale the photo before uploading)",
    )


def _problem(request: PhotoRequest, failure: _Failure) -> Problem:
    """``failure`` as a Problem at the place ``request`` names the photo."""
    try:
        name = request.source.relative_to(request.index_md.parent).as_posix()
    except ValueError:
        name = request.source.name
    located = request.line is not None or request.field is not None
    return Problem(
        path=display_path(request.index_md if located else request.source),
        line=request.line,
        field=request.field,
        message=f'foto "{name}" pada pos "{request.post}": {failure.message}',
        message_en=f'photo "{name}" in post "{request.post}": {failure.message_en}',
    )


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector (reference counting still frees everything)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _run_jobs(jobs: dict[str, _Job], workers: int, progress: bool) -> dict[str, dict | _Failure]:
    """Render every job, in a process pool when there is more than one."""
    if not jobs:
        return {}
    workers = min(workers, len(jobs))
    outcomes: dict[str, dict | _Failure] = {}
    if workers == 1:
        with _progress(progress, len(jobs)) as advance:
            for key, job in jobs.items():
                outcomes[key] = _render(job)
                advance()
        return outcomes
    # fork is cheapest (no re-import per worker). The fork context starts every
    # worker at the first submit, before the progress display starts its thread.
    # Elsewhere (macOS) fork is unsafe: spawn.
    context = multiprocessing.get_context("fork" if CAN_FORK else "spawn")
    _register_heif()  # once here rather than in every forked worker (~60 ms each)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures: dict[Future, str] = {pool.submit(_render, job): key for key, job in jobs.items()}
        with _progress(progress, len(jobs)) as advance:
            for future in as_completed(futures):
                outcomes[futures[future]] = future.result()
                advance()
    return outcomes


@contextmanager
def _progress(show: bool, total: int) -> Iterator[Callable[[], None]]:
    """Yield an ``advance()`` callable; with ``show``, draw a rich progress bar on stderr."""
    if not show:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("Memproses foto"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True)) as bar:
        task = bar.add_task("foto", total=total)
        yield lambda: bar.advance(task)


def _render(job: _Job) -> dict | _Failure:
    """Render ``job`` into its cache entry; return its manifest or why it was refused.

    Never raises for bad input: the pool must report every photo.
    """
    settings = job.settings
    pillow_limit = Image.MAX_IMAGE_PIXELS
    # Pillow's bomb check runs inside Image.open, before ours: keep it above
    # ours so that our message, with the size, is the one creators see.
    Image.MAX_IMAGE_PIXELS = settings.max_pixels * _PILLOW_LIMIT_FACTOR
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # ours refuses it right after
            warnings.filterwarnings("ignore", category=UserWarning, module="PIL")  # "Corrupt EXIF data": dropped anyway
            return _render_entry(job)
    except _Refused as refused:
        return refused.failure
    except Image.DecompressionBombError:
        return _too_many_pixels(settings)
    except Exception as error:  # noqa: BLE001 - a bug must still name the photo, not kill the build
        return _Failure(
            f"gagal diproses karena galat internal ({type(error).__name__}: {error}); laporkan ke pengelola",
            f"failed with an internal error ({type(error).__name__}: {error}); please report it",
        )
    finally:
        Image.MAX_IMAGE_PIXELS = pillow_limit


def _render_entry(job: _Job) -> dict:
    """Write every output in a temporary directory, then rename it into place."""
    assert not ImageFile.LOAD_TRUNCATED_IMAGES, "a truncated photo must be refused"
    _register_heif()
    # O_NOFOLLOW: the file checked with lstat() cannot have become a symlink since.
    with os.fdopen(os.open(job.source, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)), "rb") as file:
        head = file.read(64)
        found = _sniff(head)
        if found != job.expected:
            raise _Refused(_not_expected(job.expected, found, empty=not head))
        file.seek(0)
        job.tmp_root.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=job.entry.name[:16] + ".", dir=job.tmp_root))
        try:
            os.chmod(tmp, 0o755)
            manifest = _write_outputs(file, job, tmp)
            (tmp / _MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
            job.entry.parent.mkdir(exist_ok=True)
            try:
                os.replace(tmp, job.entry)
            except OSError:
                if _read_manifest(job.entry) is None:  # not put there by a concurrent build
                    raise
            return manifest
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


def _not_expected(expected: str, found: str | None, empty: bool) -> _Failure:
    """Refusal of a file whose content is not the format its extension names."""
    expected = _FORMAT_NAMES.get(expected, expected)
    if found:
        what = what_en = _FORMAT_NAMES.get(found, found)
    else:
        what, what_en = ("berkas kosong", "empty file") if empty else ("format tidak dikenal", "unknown format")
    return _Failure(
        f"isi berkas bukan {expected} (terdeteksi {what}); format yang diterima: {ACCEPTED}",
        f"the file content is not {expected} (detected {what_en}); accepted formats: {ACCEPTED}",
    )


@cache
def _register_heif() -> None:
    from pillow_heif import register_heif_opener

    register_heif_opener(thumbnails=False)


def _sniff(head: bytes) -> str | None:
    """The image format the first bytes announce, named like Pillow's formats."""
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    if head[4:8] == b"ftyp":
        brands = head[8:12] + head[16:64]
        if b"avif" in brands or b"avis" in brands:
            return "AVIF"
        if any(brand in brands for brand in (b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1")):
            return "HEIF"
        return "MP4/MOV"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    if head[:2] == b"BM":
        return "BMP"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "TIFF"
    if head.startswith(b"%PDF"):
        return "PDF"
    if head.lstrip().startswith(b"<"):
        return "SVG/HTML"
    return None


def _plan(width: int, height: int, settings: ImageSettings) -> _Plan:
    """Output sizes for an oriented ``width`` x ``height`` original; nothing is upscaled."""
    widths = sorted({w for w in settings.widths if w <= width}, reverse=True) or [width]
    sizes = [(w, max(1, round(height * w / width))) for w in widths]

    social_w, social_h = settings.social_size
    if width * social_h >= height * social_w:  # wider than the card: crop the sides
        crop_w, crop_h = height * social_w / social_h, float(height)
    else:
        crop_w, crop_h = float(width), width * social_h / social_w
    social_box = ((width - crop_w) / 2, (height - crop_h) / 2, (width + crop_w) / 2, (height + crop_h) / 2)
    if crop_w >= social_w:
        social = (social_w, social_h)
    else:
        social = (max(1, int(crop_w)), max(1, min(int(crop_h), round(int(crop_w) * social_h / social_w))))

    side = min(width, height)
    thumb_box = ((width - side) / 2, (height - side) / 2, (width + side) / 2, (height + side) / 2)
    thumbs = sorted({t for t in settings.thumb_sizes if t <= side}) or [side]

    scale = min(1.0, max(sizes[0][0] / width, social[0] / crop_w, thumbs[-1] / side))
    return _Plan(sizes, social_box, social, thumb_box, thumbs, scale)


def _write_outputs(file: BinaryIO, job: _Job, out: Path) -> dict:
    """Decode ``file`` (refusing it if damaged or too large) and write every output to ``out``."""
    settings = job.settings
    try:
        with Image.open(file, formats=[job.expected]) as im:
            raw_w, raw_h = im.size
            if raw_w * raw_h > settings.max_pixels:
                raise _Refused(_too_many_pixels(settings, raw_w, raw_h))
            turned = im.getexif().get(ExifTags.Base.Orientation, 1) in (5, 6, 7, 8)
            width, height = (raw_h, raw_w) if turned else (raw_w, raw_h)
            plan = _plan(width, height, settings)
            if im.format == "JPEG" and plan.scale < 1:
                wanted = (math.ceil(width * plan.scale), math.ceil(height * plan.scale))
                im.draft(im.mode, wanted[::-1] if turned else wanted)
            im.load()
            frame = _to_srgb(ImageOps.exif_transpose(im))
    except _DECODE_ERRORS as error:
        raise _Refused(
            _Failure(
                f"berkas rusak atau terpotong, tidak dapat dibaca ({error})",
                f"the file is corrupt or truncated and cannot be read ({error})",
            )
        ) from error

    scaled = [frame]  # every image made so far, largest first, to crop the card and thumbnail from
    for w, h in plan.sizes:
        if scaled[-1].size != (w, h):
            scaled.append(scaled[-1].resize((w, h), Image.Resampling.LANCZOS, reducing_gap=3.0))
        _save(scaled[-1], out / f"{w}.webp", settings)
        _save(scaled[-1], out / f"{w}.jpg", settings)
    _save(_crop(scaled, (width, height), plan.social_box, plan.social), out / "social.jpg", settings)
    for side in plan.thumbs:
        _save(_crop(scaled, (width, height), plan.thumb_box, (side, side)), out / f"thumb-{side}.webp", settings)
    return {
        "version": PIPELINE_VERSION,
        "source": [raw_w, raw_h],
        "sizes": sorted(plan.sizes),
        "social": list(plan.social),
        "thumbs": plan.thumbs,
    }


def _crop(
    scaled: list[Image.Image], size: tuple[int, int], box: tuple[float, float, float, float], out: tuple[int, int]
) -> Image.Image:
    """``box`` (in pixels of the ``size`` original) resized to ``out``, from the smallest image not upscaled."""
    for image in reversed(scaled):
        fx, fy = image.width / size[0], image.height / size[1]
        if (box[2] - box[0]) * fx >= out[0] or image is scaled[0]:
            scaled_box = (box[0] * fx, box[1] * fy, min(box[2] * fx, image.width), min(box[3] * fy, image.height))
            return image.resize(out, Image.Resampling.LANCZOS, box=scaled_box, reducing_gap=3.0)
    raise AssertionError("unreachable: scaled[0] is always usable")


def _save(image: Image.Image, path: Path, settings: ImageSettings) -> None:
    """Encode with nothing but pixels: no EXIF, XMP, ICC profile or comment."""
    image.info = {}  # the JPEG writer would re-use info["comment"]; resize() and convert() copy info
    if path.suffix == ".webp":
        image.save(path, "WEBP", quality=settings.webp_quality, method=WEBP_METHOD)
        return
    if image.mode == "RGBA":
        flat = Image.new("RGB", image.size, _WHITE)
        flat.paste(image, mask=image.getchannel("A"))
        image = flat
    image.save(path, "JPEG", quality=settings.jpeg_quality, progressive=True, optimize=True)


def _to_srgb(im: Image.Image) -> Image.Image:
    """``im`` as sRGB ``RGB``, or ``RGBA`` when it has real transparency.

    An embedded ICC profile is honoured (Display P3, Adobe RGB, CMYK press
    profiles, grey); a profile that cannot be read or does not fit the mode is
    ignored and the pixels are taken as sRGB.
    """
    icc = im.info.get("icc_profile")
    if im.mode in ("I;16", "I;16L", "I;16B", "I;16N", "I"):  # 16-bit grey (PNG)
        peak = 65535 if im.mode.startswith("I;16") or _brightest(im) > 255 else 255
        im = im.convert("I").point(lambda value: value * (255 / peak)).convert("L")
    elif im.mode in ("P", "PA"):
        im = im.convert("RGBA" if im.mode == "PA" or "transparency" in im.info else "RGB")
    elif im.mode == "1":
        im = im.convert("L")
    elif im.mode not in ("L", "LA", "RGB", "RGBA", "CMYK"):
        im = im.convert("RGBA" if "A" in im.getbands() else "RGB")

    alpha = im.getchannel("A") if im.mode in ("LA", "RGBA") else None
    if alpha is not None:
        im = im.convert(im.mode[:-1])
        if alpha.getextrema()[0] == 255:
            alpha = None
    converted = _icc_to_srgb(im, icc) if icc else None
    rgb = converted or (im if im.mode == "RGB" else im.convert("RGB"))
    if alpha is not None:
        rgb.putalpha(alpha)
    return rgb


def _icc_to_srgb(im: Image.Image, icc: bytes) -> Image.Image | None:
    """``im`` (L, RGB or CMYK) converted from profile ``icc`` to sRGB; None if not applicable."""
    transform = _transform(icc, im.mode)
    return ImageCms.applyTransform(im, transform) if transform else None


@cache
def _brightest(im: Image.Image) -> float:
    """The highest value of a one-band image."""
    extrema = im.getextrema()
    assert isinstance(extrema[1], (int, float)), "one band"
    return extrema[1]


def _transform(icc: bytes, mode: str) -> ImageCms.ImageCmsTransform | None:
    space = {"L": "GRAY", "RGB": "RGB ", "CMYK": "CMYK"}[mode]
    try:
        profile = ImageCms.ImageCmsProfile(BytesIO(icc))
        if profile.profile.xcolor_space != space:
            return None
        if mode == "RGB" and (profile.profile.profile_description or "").startswith("sRGB"):
            return None  # already sRGB: nothing to do
        return ImageCms.buildTransform(profile, _srgb(), mode, "RGB")
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return None


@cache
def _srgb() -> ImageCms.ImageCmsProfile:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
