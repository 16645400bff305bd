"""The search index is the same bytes whenever the site is the same (:mod:`etalase.pagefind_stable`).

Pagefind writes the values of each filter, and the list of filters, in
another order on every run. The stabiliser is given the demo's index with
both put in other orders, as another run would write them, and must give
back the very same files; the demo's built index must already be in that
order.
"""

from __future__ import annotations

import gzip
import json
import random
import shutil
from pathlib import Path
from typing import Any

import pytest

from etalase.pagefind_stable import ENTRY, FILTERS_AT, SIGNATURE, _encode, _read, stabilise

from untrusted_content import snapshot


def meta_files(output: Path) -> list[Path]:
    """The meta index of each language, as ``pagefind-entry.json`` names it."""
    entry = json.loads((output / ENTRY).read_text(encoding="utf-8"))
    return [output / f"pagefind.{language['hash']}.pf_meta" for language in entry["languages"].values()]


def write(path: Path, value: Any) -> None:
    """Write an index file as Pagefind does: gzip, signature, CBOR."""
    path.write_bytes(gzip.compress(SIGNATURE + _encode(value), mtime=0))


def reordered(items: list, rng: random.Random) -> list:
    """``items`` in another order (a list of one or none cannot have one)."""
    assert len(items) > 1, items
    shuffled = list(items)
    while shuffled == items:
        rng.shuffle(shuffled)
    return shuffled


def shuffle_index(output: Path, rng: random.Random) -> None:
    """Put every filter's values, and each meta index's filters, in another order; file names stay."""
    for meta_file in meta_files(output):
        meta = _read(meta_file)
        for _, file_hash in meta[FILTERS_AT]:
            path = output / "filter" / f"{file_hash}.pf_filter"
            index = _read(path)
            index[1] = reordered(index[1], rng)
            write(path, index)
        meta[FILTERS_AT] = reordered(meta[FILTERS_AT], rng)
        write(meta_file, meta)


@pytest.fixture
def index(demo_site: Path, tmp_path: Path) -> Path:
    """A copy of the demo's search index, to change."""
    return Path(shutil.copytree(demo_site / "pagefind", tmp_path / "pagefind"))


def test_the_built_index_has_its_filters_and_values_sorted(demo_site: Path) -> None:
    output = demo_site / "pagefind"
    [meta_file] = meta_files(output)
    filters = _read(meta_file)[FILTERS_AT]
    assert [name for name, _ in filters] == ["aksesibilitas", "kategori", "wilayah"]
    values = {
        name: [value[0] for value in _read(output / "filter" / f"{file_hash}.pf_filter")[1]]
        for name, file_hash in filters
    }
    assert values["kategori"] == ["Budaya", "Pembangunan", "UMKM", "Wisata"]
    assert values["wilayah"] == ["Bukit Jati", "Muara Dua", "Sekar Kota", "Tanjung Sari"]
    assert values["aksesibilitas"] == sorted(values["aksesibilitas"]) and len(values["aksesibilitas"]) > 2


def test_the_index_codec_reads_and_writes_every_file_unchanged(demo_site: Path) -> None:
    output = demo_site / "pagefind"
    files = [*meta_files(output), *sorted((output / "filter").glob("*.pf_filter"))]
    for path in files:
        data = gzip.decompress(path.read_bytes())
        assert SIGNATURE + _encode(_read(path)) == data, path.name


def test_stabilising_a_stable_index_changes_nothing(index: Path) -> None:
    before = snapshot(index)
    stabilise(index)
    assert snapshot(index) == before


@pytest.mark.parametrize("seed", range(4))
def test_an_index_in_another_order_is_stabilised_to_the_same_bytes(index: Path, seed: int) -> None:
    stable = snapshot(index)
    shuffle_index(index, random.Random(seed))
    shuffled = snapshot(index)
    assert shuffled != stable and sorted(shuffled) == sorted(stable)  # same names, other bytes
    stabilise(index)
    assert snapshot(index) == stable
