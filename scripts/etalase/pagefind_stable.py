"""Make Pagefind's output the same bytes whenever the site is the same.

Pagefind 1.5 builds its filter indexes from hash maps: on every run the
values of a filter, and the filters listed in the index's meta file, come out
in another order, so their content hashes, their file names, the meta file's
name and ``pagefind-entry.json`` change although nothing else did (upstream:
Pagefind/pagefind#638, "other files will still change, such as the
filter/metadata indexes"). Fragments and word indexes are already stable.

:func:`stabilise` rewrites each filter index with its values sorted, names it
by a digest of its content, rewrites the meta file with its filters sorted
and renamed, names it by its digest, and points ``pagefind-entry.json`` at
it. The files are gzip-compressed CBOR behind the ``pagefind_dcd`` signature;
the small part of CBOR that Pagefind writes (integers, text, bytes, arrays,
maps, true/false/null) is read and written here. Anything else stops the
build with a clear error rather than producing an index the browser cannot read.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"
FILTERS_AT = 3
"""Position of the filter list (``[name, file hash]`` pairs) in the meta index (Pagefind 1.5)."""


class PagefindFormatError(RuntimeError):
    """Pagefind wrote something this module does not know; the Pagefind version has probably changed."""


def stabilise(output: Path) -> None:
    """Rewrite the filter and meta indexes under ``output`` (``site/pagefind``) in a stable order."""
    entry_file = output / ENTRY
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        meta_file = output / f"pagefind.{language['hash']}.pf_meta"
        meta = _read(meta_file)
        filters = meta[FILTERS_AT] if isinstance(meta, list) and len(meta) > FILTERS_AT else None
        if not isinstance(filters, list) or not all(_is_pair_of_text(item) for item in filters):
            raise PagefindFormatError(f"{meta_file.name}: no filter list at position {FILTERS_AT}")
        renamed = []
        for name, file_hash in filters:
            renamed.append([name, _stabilise_filter(output / "filter", file_hash)])
        meta[FILTERS_AT] = sorted(renamed)
        language["hash"] = _write_named(meta, output, "pagefind.{}.pf_meta", _prefix(language["hash"]), 10)
        if meta_file.name != f"pagefind.{language['hash']}.pf_meta":
            meta_file.unlink()
    entry_file.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _stabilise_filter(folder: Path, file_hash: str) -> str:
    """Sort one filter index's values; returns its new hash."""
    path = folder / f"{file_hash}.pf_filter"
    index = _read(path)
    if not (
        isinstance(index, list)
        and len(index) == 2
        and isinstance(index[1], list)
        and all(isinstance(value, list) and value and isinstance(value[0], str) for value in index[1])
    ):
        raise PagefindFormatError(f"{path.name}: not a [filter, [[value, pages], ...]] index")
    index[1].sort(key=lambda value: value[0])
    new_hash = _write_named(index, folder, "{}.pf_filter", _prefix(file_hash), 7)
    if new_hash != file_hash:
        path.unlink()
    return new_hash


def _prefix(file_hash: str) -> str:
    """``id_17a42ac`` → ``id_``: Pagefind names index files by language, then digest."""
    return file_hash[: file_hash.rfind("_") + 1]


def _is_pair_of_text(item: Any) -> bool:
    return isinstance(item, list) and len(item) == 2 and all(isinstance(part, str) for part in item)


def _read(path: Path) -> Any:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise PagefindFormatError(f"{path.name}: no {SIGNATURE.decode()} signature")
    value, end = _decode(data, len(SIGNATURE))
    if end != len(data):
        raise PagefindFormatError(f"{path.name}: {len(data) - end} bytes after the index")
    return value


def _write_named(value: Any, folder: Path, pattern: str, prefix: str, length: int) -> str:
    """Write ``value`` as ``pattern.format(prefix + digest)``; returns that hash."""
    data = _encode(value)
    file_hash = prefix + hashlib.sha256(data).hexdigest()[:length]
    (folder / pattern.format(file_hash)).write_bytes(gzip.compress(SIGNATURE + data, compresslevel=9, mtime=0))
    return file_hash


# -- CBOR (RFC 8949), the subset Pagefind writes ------------------------------------------


class _Map(list):
    """A CBOR map, kept as (key, value) pairs in their order."""


def _decode(data: bytes, position: int) -> tuple[Any, int]:
    head = data[position]
    major, info = head >> 5, head & 0x1F
    position += 1
    if info < 24:
        argument = info
    elif 24 <= info <= 27:
        size = 1 << (info - 24)
        argument = int.from_bytes(data[position : position + size], "big")
        position += size
    else:
        raise PagefindFormatError(f"unsupported CBOR item 0x{head:02x}")
    if major == 0:
        return argument, position
    if major == 1:
        return -1 - argument, position
    if major in (2, 3):
        chunk = data[position : position + argument]
        return (chunk if major == 2 else chunk.decode("utf-8")), position + argument
    if major in (4, 5):
        items: list = _Map() if major == 5 else []
        for _ in range(argument):
            if major == 5:
                key, position = _decode(data, position)
                value, position = _decode(data, position)
                items.append((key, value))
            else:
                value, position = _decode(data, position)
                items.append(value)
        return items, position
    if major == 7 and info in (20, 21, 22):
        return {20: False, 21: True, 22: None}[info], position
    raise PagefindFormatError(f"unsupported CBOR item 0x{head:02x}")


def _head(major: int, argument: int) -> bytes:
    if argument < 24:
        return bytes([major << 5 | argument])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if argument < 1 << (8 * size):
            return bytes([major << 5 | info]) + argument.to_bytes(size, "big")
    raise PagefindFormatError(f"integer too large for CBOR: {argument}")


def _encode(value: Any) -> bytes:
    if value is False or value is True or value is None:
        return bytes([0xF4 if value is False else 0xF5 if value is True else 0xF6])
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        text = value.encode("utf-8")
        return _head(3, len(text)) + text
    if isinstance(value, _Map):
        return _head(5, len(value)) + b"".join(_encode(k) + _encode(v) for k, v in value)
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(_encode(item) for item in value)
    raise PagefindFormatError(f"cannot write {type(value).__name__} as CBOR")
