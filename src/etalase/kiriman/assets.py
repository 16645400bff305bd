"""Photos attached to an issue form: found in the text, fetched only from GitHub, checked before use.

A photo dragged into a form's text area becomes a link in the issue body,
``![name](https://github.com/user-attachments/assets/<id>)`` or
``<img … src="https://github.com/user-attachments/assets/<id>" />``. Only that
address is downloaded, over HTTPS, and it may redirect only to GitHub's own
storage hosts (:data:`GITHUB`): a public repository's attachment redirects to
GitHub's user-asset bucket on S3 (``github-production-user-asset-6210df``);
a signed-in view goes through ``private-user-images.githubusercontent.com``;
other uploads are served from ``objects.githubusercontent.com`` or, for older
ones, ``user-images.githubusercontent.com``.

Each download is limited in size (:attr:`etalase.photos.images.ImageSettings.max_bytes`,
refused from ``Content-Length`` before reading when announced), in time, and in
number and total size; its first bytes must be an accepted photo format by the
same sniffing the photo pipeline uses (:func:`etalase.photos.images.identify`), and
that format names the file, never the attachment's own name. Every photo is
then stripped (:func:`etalase.content.photo_privacy.strip`): no EXIF (location,
phone, time), upright, at most 4000 px on its long side and 8 MB, HEIC
written as JPEG.

For tests and offline review, ``assets_dir`` replaces the download with the
file ``assets_dir/<id>``; :func:`loopback_host` lets a test server on
127.0.0.1 stand in for GitHub. Neither is used unless asked for.
"""

from __future__ import annotations

import ipaddress
import os
import re
import shutil
import stat
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from etalase.content.photo_files import ACCEPTED
from etalase.content.photo_privacy import StripError, strip
from etalase.photos.process import identify

ID = r"[0-9A-Za-z][0-9A-Za-z-]{0,63}"
"""An attachment id (GitHub's are UUIDs); nothing that could leave a folder."""
_URL = re.compile(r"""https?://[^\s<>"'()\[\]]+""")
CHUNK = 64 * 1024
TIMEOUT = 30
"""Seconds a connection may stay silent."""
DEADLINE = 120
"""Seconds one download may take in all."""
MAX_REDIRECTS = 5


@dataclass(frozen=True)
class AttachmentHost:
    """Where attachments may come from."""

    prefix: str
    """Start of an attachment's address; the id follows."""
    redirect_hosts: frozenset[str]
    """Hosts (``host[:port]``) a download may be redirected to."""
    use_proxies: bool = True
    """Use the environment's HTTP proxy (never for the loopback test host)."""

    @property
    def scheme(self) -> str:
        return urlsplit(self.prefix).scheme


GITHUB = AttachmentHost(
    prefix="https://github.com/user-attachments/assets/",
    redirect_hosts=frozenset(
        {
            "github.com",
            "github-production-user-asset-6210df.s3.amazonaws.com",
            "private-user-images.githubusercontent.com",
            "objects.githubusercontent.com",
            "user-images.githubusercontent.com",
        }
    ),
)
"""GitHub's attachment address and its own storage hosts."""


def loopback_host(base: str) -> AttachmentHost:
    """A test server at ``http://127.0.0.1:PORT`` standing in for GitHub (``/user-attachments/assets/<id>``).

    Raises :class:`ValueError` for anything but a loopback IP address with a port.
    """
    parts = urlsplit(base)
    try:
        loopback = parts.hostname is not None and ipaddress.ip_address(parts.hostname).is_loopback
        port = parts.port
    except ValueError:
        loopback, port = False, None
    if parts.scheme not in ("http", "https") or not loopback or port is None or parts.path not in ("", "/"):
        raise ValueError(f"bukan alamat uji 127.0.0.1:PORT: {base!r} (not a loopback test address)")
    netloc = f"{parts.hostname}:{port}"
    return AttachmentHost(f"{parts.scheme}://{netloc}/user-attachments/assets/", frozenset({netloc}), use_proxies=False)


def find(text: str, host: AttachmentHost) -> tuple[list[str], list[str]]:
    """Attachment ids in ``text`` in order (each once), and every other web address in it."""
    attachment = re.compile(re.escape(host.prefix) + f"({ID})")
    ids: list[str] = []
    others: list[str] = []
    for url in _URL.findall(text):
        match = attachment.fullmatch(url)
        if match is None:
            others.append(url)
        elif match.group(1) not in ids:
            ids.append(match.group(1))
    return ids, others


@dataclass(frozen=True)
class Refusal:
    """Why one attachment cannot be used (Indonesian, English)."""

    message: str
    message_en: str


@dataclass(frozen=True)
class Photo:
    """An attachment saved to a temporary file and known to start like an accepted photo."""

    id: str
    file: Path
    suffix: str
    """``.jpg``, ``.png``, ``.webp`` or ``.heic``: the format its content has."""


class _Refused(Exception):
    def __init__(self, message: str, message_en: str):
        super().__init__(message_en)
        self.refusal = Refusal(message, message_en)


def fetch_all(
    ids: list[str], host: AttachmentHost, into: Path, *, max_bytes: int, max_total: int, assets_dir: Path | None = None
) -> list[Photo | Refusal]:
    """Fetch every attachment into ``into``, in order; each is a :class:`Photo` or why it was refused."""
    results: list[Photo | Refusal] = []
    total = 0
    for number, attachment_id in enumerate(ids, 1):
        target = into / f"lampiran-{number}"
        try:
            budget = min(max_bytes, max_total - total)
            if budget <= 0:
                raise _Refused(
                    f"foto-foto sebelumnya sudah mencapai batas jumlah ukuran {_mb(max_total)} MB",
                    f"the photos before it already reach the total size limit of {_mb(max_total)} MB",
                )
            if assets_dir is not None:
                _copy_local(assets_dir, attachment_id, target, budget)
            else:
                _download(host.prefix + attachment_id, host, target, budget)
            total += target.stat().st_size
            results.append(_stripped(_identified(attachment_id, target)))
        except _Refused as refused:
            target.unlink(missing_ok=True)
            results.append(refused.refusal)
    return results


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.3g}".replace(".", ",")


def _too_large(limit: int) -> _Refused:
    return _Refused(
        f"berkas lebih besar dari {_mb(limit)} MB; perkecil fotonya",
        f"the file is larger than {_mb(limit)} MB; downscale the photo",
    )


def _identified(attachment_id: str, file: Path) -> Photo:
    with open(file, "rb") as handle:
        head = handle.read(64)
    suffix, found = identify(head)
    if suffix is None:
        what, what_en = (
            (found, found)
            if found
            else (("berkas kosong", "empty file") if not head else ("format tidak dikenal", "unknown format"))
        )
        raise _Refused(
            f"bukan foto (terdeteksi {what}); format yang diterima: {ACCEPTED}",
            f"not a photo (detected {what_en}); accepted formats: {ACCEPTED}",
        )
    return Photo(attachment_id, file, suffix)


def _stripped(photo: Photo) -> Photo:
    """``photo`` without metadata, upright and within :mod:`etalase.content.photo_privacy`'s limits; the upload removed.

    The repository is public: nothing of the phone's EXIF (location, make,
    model, time) may reach the bundle. HEIC becomes JPEG.
    """
    try:
        clean = strip(photo.file, photo.file.with_name(photo.file.name + photo.suffix), keep_format=False)
    except StripError as error:
        raise _Refused(error.message, error.message_en) from None
    finally:
        photo.file.unlink(missing_ok=True)
    return Photo(photo.id, clean, clean.suffix)


def _copy_local(assets_dir: Path, attachment_id: str, target: Path, limit: int) -> None:
    """``assets_dir/<id>`` instead of a download: a regular file, not a link, within the limit."""
    source = assets_dir / attachment_id
    try:
        info = os.lstat(source)
    except OSError:
        raise _Refused("lampiran tidak ditemukan", "attachment not found") from None
    if not stat.S_ISREG(info.st_mode):
        raise _Refused("lampiran bukan berkas biasa", "the attachment is not a regular file")
    if info.st_size > limit:
        raise _too_large(limit)
    with open(source, "rb") as src, open(target, "wb") as out:
        shutil.copyfileobj(src, out)


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only to the attachment host's own storage, over its scheme."""

    max_redirections = MAX_REDIRECTS

    def __init__(self, host: AttachmentHost):
        super().__init__()
        self.host = host

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        parts = urlsplit(newurl)
        if parts.scheme != self.host.scheme or parts.netloc not in self.host.redirect_hosts:
            shown = f"{parts.scheme}://{parts.netloc}"
            raise _Refused(
                f"dialihkan ke {shown}, bukan penyimpanan lampiran GitHub; tidak diunduh",
                f"redirected to {shown}, not GitHub's attachment storage; not downloaded",
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _download(url: str, host: AttachmentHost, target: Path, limit: int) -> None:
    """``url`` into ``target``: no cookies or credentials, redirects checked, size and time limited."""
    handlers: list[urllib.request.BaseHandler] = [_Redirects(host)]
    if not host.use_proxies:
        handlers.append(urllib.request.ProxyHandler({}))
    opener = urllib.request.build_opener(*handlers)
    request = urllib.request.Request(url, headers={"User-Agent": "etalase-kiriman", "Accept": "image/*"})
    started = time.monotonic()
    try:
        with opener.open(request, timeout=TIMEOUT) as response, open(target, "wb") as out:
            announced = response.headers.get("Content-Length", "")
            if announced.isdigit() and int(announced) > limit:
                raise _too_large(limit)
            size = 0
            while chunk := response.read(CHUNK):
                size += len(chunk)
                if size > limit:
                    raise _too_large(limit)
                if time.monotonic() - started > DEADLINE:
                    raise _Refused(f"unduhan lebih lama dari {DEADLINE} detik", f"download took over {DEADLINE} s")
                out.write(chunk)
    except urllib.error.HTTPError as error:
        raise _Refused(
            f"tidak dapat diunduh (HTTP {error.code}); unggah ulang fotonya",
            f"cannot be downloaded (HTTP {error.code}); upload the photo again",
        ) from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise _Refused(f"tidak dapat diunduh ({reason})", f"cannot be downloaded ({reason})") from None
