"""The search index step (:mod:`etalase.search`): whole files, only the pages asked for, none of Pagefind's UIs.

Pagefind reports its files written before its I/O threads have finished
them, and its Python service is then terminated; the step waits until the
process has closed every file under the output folder. These tests feed it
pages written here and read every file it leaves back in full.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

from etalase import search
from etalase.pagefind_stable import ENTRY, SIGNATURE

T = TypeVar("T")


def in_thread(function: Callable[[], T]) -> T:
    """Run ``function`` on a thread of its own: a browser test on this worker may hold this thread's event loop."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(function).result()


PAGE = """<!doctype html><html lang="id"><head><meta charset="utf-8"><title>{title}</title></head>
<body><nav>Menu situs</nav><article data-pagefind-body><h1>{title}</h1><p>{text}</p>
<span data-pagefind-filter="kategori">{category}</span></article></body></html>"""


def write_site(site: Path) -> list[str]:
    pages = {
        "artikel/jembatan-baru/": ("Jembatan Baru Lubuk", "Pembangunan jembatan gantung selesai.", "pembangunan"),
        "artikel/tari-piring/": ("Tari Piring di Balai Desa", "Kebudayaan desa dipentaskan malam ini.", "budaya"),
        "tentang/": ("Tentang", "Halaman ini tidak diindeks.", "lain"),
    }
    for url, (title, text, category) in pages.items():
        (site / url).mkdir(parents=True)
        (site / url / "index.html").write_text(PAGE.format(title=title, text=text, category=category), encoding="utf-8")
    return ["artikel/jembatan-baru/", "artikel/tari-piring/"]


def test_every_file_of_the_index_is_whole_and_only_the_given_pages_are_in_it(tmp_path: Path) -> None:
    posts = write_site(tmp_path)
    assert in_thread(lambda: search.index_site(tmp_path, posts)) == 2
    output = tmp_path / search.OUTPUT_DIR
    entry = json.loads((output / ENTRY).read_text(encoding="utf-8"))
    assert [language["page_count"] for language in entry["languages"].values()] == [2]
    packed = [
        path for path in output.rglob("*") if path.suffix in {".pf_meta", ".pf_fragment", ".pf_index", ".pf_filter"}
    ]
    assert {path.suffix for path in packed} == {".pf_meta", ".pf_fragment", ".pf_index", ".pf_filter"}
    for path in packed:  # a file cut short fails to decompress
        assert gzip.decompress(path.read_bytes()).startswith(SIGNATURE), path
    fragments = [gzip.decompress(path.read_bytes())[len(SIGNATURE) :].decode() for path in output.glob("fragment/*")]
    urls = sorted(json.loads(fragment)["url"] for fragment in fragments)
    assert urls == ["/artikel/jembatan-baru/", "/artikel/tari-piring/"]
    assert (output / "pagefind.js").stat().st_size > 0
    assert not [name for name in search.UNUSED if (output / name).exists()]


def test_pages_are_named_in_globs_of_a_few_hundred_with_their_special_characters_escaped(monkeypatch) -> None:
    monkeypatch.setattr(search, "PAGES_AT_ONCE", 2)
    pages = ["artikel/a/", "artikel/b-2/", "artikel/c{d},e/", "tentang/"]
    assert list(search.page_globs(pages)) == [
        "artikel/{a,b-2}/index.html",
        "artikel/{c\\{d\\}\\,e}/index.html",
        "{tentang}/index.html",
    ]


def holder(path: Path) -> subprocess.Popen[str]:
    """A process that keeps ``path`` open for writing until its standard input closes."""
    code = "import sys; f = open(sys.argv[1], 'w'); print('open', flush=True); sys.stdin.read(); f.close()"
    process = subprocess.Popen(
        [sys.executable, "-c", code, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None and process.stdout.readline() == "open\n"
    return process


def test_a_file_open_in_the_folder_is_seen_until_it_is_closed(tmp_path: Path) -> None:
    (tmp_path / "index").mkdir()
    process = holder(tmp_path / "index" / "a.pf_index")
    try:
        assert search.open_under(process.pid, tmp_path)
        assert not search.open_under(process.pid, tmp_path / "index" / "other")
    finally:
        process.communicate("")
    assert not search.open_under(process.pid, tmp_path)


def test_the_step_waits_for_the_writer_to_close_its_files(tmp_path: Path) -> None:
    process = holder(tmp_path / "pagefind-entry.json")

    async def scenario() -> bool:
        waiting = asyncio.create_task(search._written(process.pid, tmp_path))
        for _ in range(20):  # the writer is still at it: the wait goes on
            await asyncio.sleep(0.01)
        still_waiting = not waiting.done()
        assert process.stdin is not None
        process.stdin.close()
        await asyncio.wait_for(waiting, timeout=30)
        return still_waiting

    try:
        assert in_thread(lambda: asyncio.run(scenario()))
    finally:
        if process.stdin is not None and not process.stdin.closed:
            process.stdin.close()
        process.wait(timeout=30)
