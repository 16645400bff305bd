"""The photo cache: one folder per source digest and settings, a stat index, git blob ids for fresh clones.

Outputs are cached under ``cache_dir/<key[:2]>/<key>/`` where ``key`` is
``sha256(source bytes)`` combined with :meth:`ImageSettings.key`. An entry is
written in a temporary directory and renamed into place, so a crash never
leaves a partial entry. ``cache_dir/index.json`` remembers each source's
size, ``mtime_ns``, digest and git blob id, so a rebuild with no changed
photo only ``lstat``\\ s the sources and reads their manifests. A fresh clone
(CI) gives every file a new mtime; there the blob ids git already holds
stand in, so a restored cache needs no photo read at all.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import unicodedata
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from etalase.photos.types import PIPELINE_VERSION, ProcessedPhoto, Rendition

_INDEX = "index.json"


_MANIFEST = "manifest.json"


_TMP = ".tmp"


_HEX_KEY = re.compile(r"[0-9a-f]{64}")


def prune_cache(cache_dir: Path, keep: Iterable[ProcessedPhoto]) -> int:
    """Remove every cache entry (and stat-index line) not used by ``keep``.

    Returns the number of entries removed. Leftovers of interrupted runs in
    the temporary directory are removed too.
    """
    cache_dir = Path(os.path.abspath(cache_dir))
    keep = list(keep)
    kept_entries = {photo.social.file.parent for photo in keep}
    removed = 0
    for shard in _subdirs(cache_dir):
        if len(shard.name) != 2:
            continue
        for entry in _subdirs(shard):
            if _HEX_KEY.fullmatch(entry.name) and entry not in kept_entries:
                shutil.rmtree(entry)
                removed += 1
        if not any(shard.iterdir()):
            shard.rmdir()
    shutil.rmtree(cache_dir / _TMP, ignore_errors=True)
    index = _load_index(cache_dir)
    kept_sources = {str(photo.source) for photo in keep}
    pruned = {source: line for source, line in index.items() if source in kept_sources}
    if pruned != index:
        _write_json_atomic(cache_dir / _INDEX, {"version": PIPELINE_VERSION, "files": pruned})
    return removed


def _load_index(cache_dir: Path) -> dict[str, list]:
    """source path -> [size, mtime_ns, sha256, git blob id or None, ctime_ns, inode]; empty when missing or
    unreadable."""
    try:
        data = json.loads((cache_dir / _INDEX).read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != PIPELINE_VERSION or not isinstance(data.get("files"), dict):
        return {}
    return data["files"]


def _save_index(cache_dir: Path, index: dict[str, list], seen: dict[str, list]) -> None:
    """Add this run's sources to the index; write it only if something changed."""
    if all(index.get(source) == line for source, line in seen.items()):
        return
    _write_json_atomic(cache_dir / _INDEX, {"version": PIPELINE_VERSION, "files": index | seen})


def _write_json_atomic(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out, separators=(",", ":"))
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _digests(
    stats: dict[Path, os.stat_result], index: dict[str, list], blobs: dict[Path, str], workers: int
) -> dict[Path, str]:
    """sha256 of each source: from the index when its stat is unchanged, or when git's blob id is known.

    The stat is size, mtime, ctime and inode: a photo rewritten in place at the same size with its old
    mtime put back (``touch -r``, some sync tools) still changed its ctime.

    Sources that share an inode (hard links) are hashed once; the rest are
    hashed in threads (hashlib releases the GIL).
    """
    known_blobs = {line[3]: line[2] for line in index.values() if len(line) > 3 and line[3]}
    digests: dict[Path, str] = {}
    missing: dict[tuple[int, int, int, int], list[Path]] = {}
    for source, st in stats.items():
        line = index.get(str(source))
        if line and line[:2] == [st.st_size, st.st_mtime_ns] and line[4:] == [st.st_ctime_ns, st.st_ino]:
            digests[source] = line[2]
        elif blobs.get(source) in known_blobs:
            digests[source] = known_blobs[blobs[source]]
        else:
            missing.setdefault((st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns), []).append(source)
    if missing:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            hashed = pool.map(_sha256, [sources[0] for sources in missing.values()])
            for sources, digest in zip(missing.values(), hashed, strict=True):
                digests.update(dict.fromkeys(sources, digest))
    return digests


def _git_blobs(sources: list[Path]) -> dict[Path, str]:
    """Git's blob id of each source that git tracks and that is unchanged since checkout; ``{}`` without git.

    ``git ls-files --stage`` lists what the index holds; ``--modified`` names
    the files whose content differs from it, which keep no id.
    """
    if not sources:
        return {}
    top = Path(os.path.commonpath([source.parent for source in sources]))
    try:
        staged = subprocess.run(
            ["git", "-C", str(top), "ls-files", "--stage", "-z", "--full-name"],
            capture_output=True,
            check=True,
            timeout=60,
        ).stdout
        modified = subprocess.run(
            ["git", "-C", str(top), "ls-files", "--modified", "-z", "--full-name"],
            capture_output=True,
            check=True,
            timeout=60,
        ).stdout
        root = subprocess.run(
            ["git", "-C", str(top), "rev-parse", "--show-toplevel"],
            capture_output=True,
            check=True,
            text=True,
            timeout=60,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return {}
    changed = set(modified.split(b"\0"))
    ids: dict[Path, str] = {}
    for entry in staged.split(b"\0"):
        info, _, name = entry.partition(b"\t")
        parts = info.split()
        if len(parts) == 3 and parts[2] == b"0" and name not in changed:  # stage 0: no merge conflict
            ids[Path(root, os.fsdecode(name))] = parts[1].decode("ascii")
    wanted = {os.path.realpath(source): source for source in sources}
    return {wanted[key]: blob for path, blob in ids.items() if (key := os.path.realpath(path)) in wanted}


def _sha256(path: Path) -> str:
    with open(path, "rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def _read_manifest(entry: Path) -> dict | None:
    try:
        manifest = json.loads((entry / _MANIFEST).read_bytes())
    except (OSError, ValueError):
        return None
    return manifest if manifest.get("version") == PIPELINE_VERSION else None


def _subdirs(path: Path) -> list[Path]:
    try:
        return [child for child in path.iterdir() if child.is_dir() and not child.is_symlink()]
    except OSError:
        return []


def _slug(stem: str) -> str:
    """File-name part of URLs: ASCII lower-case words joined by ``-``."""
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_stem.lower()).strip("-")[:60].strip("-") or "foto"


def _photo(source: Path, key: str, entry: Path, manifest: dict) -> ProcessedPhoto:
    """The ProcessedPhoto of ``source`` from its cache entry.

    Cache files have generic names (``800.webp``) so identical content under
    two names shares one entry; URLs carry the source's slugified stem.
    """
    url_stem = f"media/{key[:16]}/{_slug(source.stem)}"

    def output(width: int, height: int, format: str, name: str) -> Rendition:
        extension = "jpg" if format == "jpeg" else "webp"
        file = entry / f"{name}.{extension}"
        return Rendition(width, height, format, file, f"{url_stem}-{name}.{extension}")

    renditions = tuple(
        output(width, height, format, str(width)) for width, height in manifest["sizes"] for format in ("webp", "jpeg")
    )
    width, height = manifest["sizes"][-1]
    social_width, social_height = manifest["social"]
    social = output(social_width, social_height, "jpeg", "social")
    thumbs = tuple(output(side, side, "webp", f"thumb-{side}") for side in manifest["thumbs"])
    return ProcessedPhoto(source, width, height, renditions, social, thumbs)
