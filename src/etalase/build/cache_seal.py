"""A seal on the build cache, so that the deploy reuses only what a deploy wrote.

The deploy restores ``.cache/etalase`` (processed photos, rendered pages)
from GitHub's cache and reuses its entries byte for byte. Caches are shared
by branch: runs started by issues belong to the default branch, so a run of
the form workflow (which decodes strangers' photos) could in principle save a
cache the deploy then restores, and the official site would carry whatever
that cache held. No workflow but the deploy saves this cache; the seal makes
that a property the deploy checks instead of a promise.

``seal``
    After the build: the SHA-256 of every file under the folder, in a manifest
    (:data:`MANIFEST`) signed with HMAC-SHA256 under a key only the deploy's
    build step holds (the secret ``ETALASE_CACHE_KEY``).
``verify``
    Before the build: a manifest that is missing or whose signature does not
    match makes the whole folder untrusted and it is emptied; otherwise any
    entry holding a file that the manifest does not list with the same digest
    (or that is not a regular file) is deleted, the rest is kept.

Without a key nothing can be verified: ``verify`` empties the folder (the
build then starts cold) and ``seal`` writes no manifest.

    ETALASE_CACHE_KEY=… python -m etalase.build.cache_seal verify .cache/etalase
    ETALASE_CACHE_KEY=… python -m etalase.build.cache_seal seal .cache/etalase
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import os
import shutil
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

MANIFEST = ".segel.json"
"""The signed manifest, at the top of the sealed folder."""
KEY_VARIABLE = "ETALASE_CACHE_KEY"
VERSION = 1
ENTRY_MANIFEST = "manifest.json"
"""A folder holding this file is one cache entry (:mod:`etalase.photos.images`): it is kept or removed whole."""
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Verified:
    """What ``verify`` kept and removed."""

    kept: int
    removed: int
    trusted: bool
    """Whether the manifest's signature held (False: the folder was emptied)."""


def _digest(path: Path) -> str:
    sha = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(_CHUNK):
            sha.update(chunk)
    return sha.hexdigest()


def _files(folder: Path) -> dict[str, Path]:
    """Every entry under ``folder`` except the manifest, by ``/``-separated relative path (links included)."""
    found: dict[str, Path] = {}
    for root, dirs, names in os.walk(folder):
        base = Path(root)
        for name in names + [d for d in dirs if (base / d).is_symlink()]:
            path = base / name
            relative = path.relative_to(folder).as_posix()
            if relative != MANIFEST:
                found[relative] = path
    return found


def _signature(key: bytes, files: dict[str, str]) -> str:
    payload = json.dumps({"version": VERSION, "files": files}, sort_keys=True, separators=(",", ":"))
    return hmac.new(key, payload.encode(), hashlib.sha256).hexdigest()


def seal(folder: Path, key: bytes) -> int:
    """Write the signed manifest of ``folder``; returns the number of files sealed."""
    if not key:
        raise ValueError("kunci kosong (empty key)")
    files = {name: _digest(path) for name, path in sorted(_files(folder).items()) if stat.S_ISREG(path.lstat().st_mode)}
    manifest = {"version": VERSION, "files": files, "hmac": _signature(key, files)}
    temporary = folder / (MANIFEST + ".tmp")
    temporary.write_text(json.dumps(manifest, sort_keys=True), encoding="utf-8")
    os.replace(temporary, folder / MANIFEST)
    return len(files)


def _read_manifest(folder: Path, key: bytes) -> dict[str, str] | None:
    """The manifest's file digests when its signature holds under ``key``, else None."""
    path = folder / MANIFEST
    if not key or path.is_symlink() or not path.is_file():
        return None
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("version") != VERSION:
        return None
    files, signature = data.get("files"), data.get("hmac")
    if not isinstance(files, dict) or not isinstance(signature, str):
        return None
    if not all(isinstance(name, str) and isinstance(digest, str) for name, digest in files.items()):
        return None
    if not hmac.compare_digest(_signature(key, files), signature):
        return None
    return files


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def verify(folder: Path, key: bytes) -> Verified:
    """Keep only what the signed manifest vouches for; see the module's description."""
    if not folder.exists():
        return Verified(0, 0, trusted=bool(key))
    if folder.is_symlink() or not folder.is_dir():
        _remove(folder)
        return Verified(0, 1, trusted=False)
    files = _read_manifest(folder, key)
    present = _files(folder)
    if files is None:
        for child in list(folder.iterdir()):
            _remove(child)
        return Verified(0, len(present), trusted=False)
    bad: set[Path] = set()
    for name, path in present.items():
        regular = stat.S_ISREG(path.lstat().st_mode)
        if not regular or files.get(name) != _digest(path):
            # A photo's entry (a folder with its manifest.json and renditions) goes whole: an entry
            # missing one rendition is not one the build may reuse either.
            parent = path.parent
            bad.add(parent if parent != folder and (parent / ENTRY_MANIFEST).is_file() else path)
    for path in bad:
        _remove(path)
    (folder / MANIFEST).unlink(missing_ok=True)  # spent: the next seal writes a new one
    kept = len(_files(folder))
    return Verified(kept, len(present) - kept, trusted=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="etalase cache",
        description="Segel cache build dengan HMAC dan periksa sebelum dipakai. "
        f"(Seal the build cache with an HMAC and verify it before use; key in ${KEY_VARIABLE}.)",
    )
    parser.add_argument("command", choices=("seal", "verify"))
    parser.add_argument("folder", type=Path, nargs="?", default=Path(".cache/etalase"))
    args = parser.parse_args(argv)
    key = os.environ.get(KEY_VARIABLE, "").encode()
    if args.command == "seal":
        if not key:
            print(f"::warning::{KEY_VARIABLE} tidak diatur: cache tidak disegel dan tidak akan dipakai lagi.")
            return 0
        args.folder.mkdir(parents=True, exist_ok=True)
        print(f"Cache disegel: {seal(args.folder, key)} berkas. (cache sealed)")
        return 0
    result = verify(args.folder, key)
    if not key:
        print(f"::warning::{KEY_VARIABLE} tidak diatur: cache tidak bisa diperiksa, dikosongkan.")
    elif not result.trusted:
        print(f"::warning::Segel cache tidak sah atau tidak ada: {result.removed} berkas dibuang. (cache unsealed)")
    else:
        print(f"Cache terperiksa: {result.kept} berkas dipakai, {result.removed} dibuang. (cache verified)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
