"""The scale benchmark (bench/): its corpus is valid content, its measures attribute what they should,
and a run at a tiny size prints and writes every row. No figure is judged: only the shape."""

from __future__ import annotations

import gzip
import http.client
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import bench_scale  # noqa: E402
from bench_scale import Run, target_ratios  # noqa: E402

from conftest import ROOT, run_build
from corpus import CATEGORIES, PHOTO_NAMES, make_corpus, make_photo_pool  # noqa: E402
from procs import CommandFailed, measure  # noqa: E402
from search_bytes import SEARCH_KINDS, kind, result_count, serving  # noqa: E402

pytestmark = pytest.mark.slow
"""The benchmark's own tools: `make test` runs them, `make test-quick` leaves them out."""

SIZE = 8


@pytest.fixture(scope="module")
def pool(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return make_photo_pool(tmp_path_factory.mktemp("pool"), long_side=320)


def test_corpus_is_valid_content_with_every_category(tmp_path: Path, pool: list[Path]) -> None:
    content = tmp_path / "konten"
    slugs = make_corpus(content, 12, seed=3, photos=pool)
    result = run_build("--check", "--content", content)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "12 pos terbit" in result.stdout
    texts = [(content / "posts" / slug / "index.md").read_text(encoding="utf-8") for slug in slugs]
    assert {re.search(r"^category: (\w+)$", text, re.M).group(1) for text in texts} == set(CATEGORIES)
    for text in texts:
        body = text.split("---\n", 2)[2]
        assert 600 <= len(body.split()) <= 800 and "\n## " in body and "\n- " in body and "](https://" in body
    for slug in slugs:
        photos = [content / "posts" / slug / name for name in PHOTO_NAMES]
        assert all(photo.stat().st_nlink > 1 for photo in photos)  # hard links into the pool


def test_corpus_is_the_same_for_the_same_seed(tmp_path: Path, pool: list[Path]) -> None:
    first = make_corpus(tmp_path / "a", 6, seed=5, photos=pool)
    again = make_corpus(tmp_path / "b", 6, seed=5, photos=pool)
    other = make_corpus(tmp_path / "c", 6, seed=6, photos=pool)
    assert first == again != other
    for slug in first:
        assert (tmp_path / "a" / "posts" / slug / "index.md").read_bytes() == (
            tmp_path / "b" / "posts" / slug / "index.md"
        ).read_bytes()


def test_measure_attributes_memory_to_the_process_that_used_it(tmp_path: Path) -> None:
    child = "import time; block = b'x' * (160 * 2**20); time.sleep(0.5)"
    parent = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {child!r}], check=True)"
    measured = measure([sys.executable, "-c", parent], cwd=tmp_path, log=tmp_path / "log")
    largest = measured.largest_child
    assert largest is not None and largest.peak_mib >= 160
    assert measured.main.peak_mib < 100
    assert measured.seconds > 0


def test_measure_reports_a_failed_command_with_its_output(tmp_path: Path) -> None:
    with pytest.raises(CommandFailed, match="kaput"):
        measure([sys.executable, "-c", "import sys; print('kaput'); sys.exit(3)"], cwd=tmp_path, log=tmp_path / "log")


def test_server_gzips_text_and_sends_other_files_as_stored(tmp_path: Path) -> None:
    script = b"var etalase = 1;\n" * 200
    photo = bytes(range(256)) * 8
    site = tmp_path / "site"
    (site / "media").mkdir(parents=True)
    (site / "media" / "x.js").write_bytes(script)
    (site / "media" / "x.webp").write_bytes(photo)
    (tmp_path / "secret.txt").write_text("outside the site", encoding="utf-8")
    with serving(site) as server:
        connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1])

        def get(path: str, accept: str) -> tuple[http.client.HTTPResponse, bytes]:
            connection.request("GET", path, headers={"Accept-Encoding": accept})
            response = connection.getresponse()
            return response, response.read()

        response, body = get("/media/x.js", "gzip, deflate")
        assert response.getheader("Content-Encoding") == "gzip" and gzip.decompress(body) == script
        response, plain = get("/media/x.js", "identity")
        assert response.getheader("Content-Encoding") is None and plain == script
        response, stored = get("/media/x.webp", "gzip")
        assert response.getheader("Content-Encoding") is None and stored == photo
        assert get("/../secret.txt", "gzip")[0].status == 404
        transfers = server.take_transfers()
    assert [(t.path, t.bytes, t.gzipped) for t in transfers] == [
        ("/media/x.js", len(body), True),
        ("/media/x.js", len(script), False),
        ("/media/x.webp", len(photo), False),
    ]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/assets/etalase-search.js", "ui js"),
        ("/assets/etalase-stem-id.js", "ui js"),
        ("/indeks-cari/meta.json", "meta"),
        ("/indeks-cari/v/jem.json", "vocabulary"),
        ("/indeks-cari/s/17.json", "stems"),
        ("/indeks-cari/r/0.json", "records"),
        ("/indeks-cari/f.json", "filters"),
        ("/indeks-cari/lain.txt", "index other"),
        ("/media/a06e39ea67ef0add/sampul-thumb.webp", "image"),
        ("/cari/", "page"),
        ("/assets/stylesheets/main.min.css", "page"),
    ],
)
def test_every_file_a_search_loads_has_its_kind(path: str, expected: str) -> None:
    assert kind(path) == expected


@pytest.mark.parametrize(
    ("message", "count"),
    [
        ("Ditemukan 6.096 hasil untuk jembatan", 6096),
        ("Ditemukan 12 hasil untuk bangun", 12),
        ("Ditemukan 1 hasil untuk pantai kuliner", 1),
        ("Tidak ada hasil untuk zzz", 0),
    ],
)
def test_result_count_reads_the_message_in_indonesian(message: str, count: int) -> None:
    assert result_count(message) == count


def test_ratios_are_taken_at_2000_posts_and_only_from_runs_measured() -> None:
    def run(tool: str, label: str, posts: int, seconds: float) -> Run:
        return Run(tool, label, posts, seconds, 100.0, None, None, posts)

    runs = [
        run("material-blog", "build", 2000, 90),
        run("pelican", "build", 2000, 10),
        run("etalase", "full", 2000, 30),
        run("etalase", "one post changed", 2000, 15),
        run("material-blog", "build", 500, 20),
        run("pelican", "build", 10000, 50),
        run("etalase", "full", 10000, 160),
    ]
    assert target_ratios(runs, [500, 2000, 10000]) == {
        "Etalase / Pelican at 2,000 posts": 3.0,
        "Material blog / Etalase at 2,000 posts": 3.0,
        "Etalase 10,000 / 2,000 posts (linear: 5)": pytest.approx(5.333, abs=0.001),
        "one post changed / full build at 2,000 posts": 0.5,
    }


def test_a_full_build_starts_without_rendered_pages_or_checked_posts_but_keeps_the_photos(tmp_path: Path) -> None:
    cache = tmp_path / "cache" / "0123456789ab"
    for folder in ("images/ab", "social/cd", "bodies/ef", "pages/01", "templates/23", "posts"):
        (cache / folder).mkdir(parents=True)
        (cache / folder / "entry").write_text("x")
    bench_scale.forget_renders(tmp_path / "cache")
    assert sorted(path.name for path in cache.iterdir()) == ["images", "social"]


def test_benchmark_at_a_tiny_size_builds_every_tool_and_measures_search(tmp_path: Path) -> None:
    report_file = tmp_path / "scale.json"
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "bench_scale.py"),
            "--sizes",
            str(SIZE),
            "--quick",
            "--json",
            str(report_file),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(report_file.read_text(encoding="utf-8"))

    runs = {(run["tool"], run["run"]): run for run in report["runs"]}
    assert set(runs) == {
        ("material-blog", "build"),
        ("pelican", "build"),
        ("etalase", "cold photo cache"),
        ("etalase", "full"),
        ("etalase", "--no-search"),
        ("etalase", "one post changed"),
    }
    for (tool, label), run in runs.items():
        assert run["posts"] == SIZE and run["post_pages"] == SIZE, (tool, label)
        assert run["seconds"] > 0 and run["build_mib"] > 0
        row = next(line for line in result.stdout.splitlines() if line.startswith(f"{tool:<14} {label:<17}"))
        columns = row[33:].split()  # posts, seconds, build MiB, child MiB, child, post pages, load+check s
        assert int(columns[0]) == SIZE and float(columns[1]) == pytest.approx(run["seconds"], abs=0.01)
        assert float(columns[2]) == pytest.approx(run["build_mib"], abs=0.1) and int(columns[-2]) == SIZE
        if tool == "etalase":  # the seconds of reading and checking the content, from the build's --timings
            assert 0 < run["load_validate"] < run["seconds"] and float(columns[-1]) == pytest.approx(
                run["load_validate"], abs=0.01
            )
        else:
            assert run["load_validate"] is None and columns[-1] == "-"
    # The largest process the build started: a render worker (etalase.build.render).
    assert (runs[("etalase", "full")]["child"] or "python").startswith("python")  # none, at this tiny size

    assert set(report["ratios"]) == {
        f"Etalase / Pelican at {SIZE} posts",
        f"Material blog / Etalase at {SIZE} posts",
        f"one post changed / full build at {SIZE} posts",
    }
    for name, value in report["ratios"].items():
        assert value > 0 and re.search(rf"^  {re.escape(name)} +\d+\.\d\d$", result.stdout, re.M)

    (search,) = report["search"]
    assert search["query"] == "jembatan" and search["results"] > 0 and not search["blocked"]
    assert search["search_bytes"] == sum(search["by_kind"][name] for name in SEARCH_KINDS)
    assert all(search["by_kind"][name] > 0 for name in ("ui js", "meta", "vocabulary", "stems", "records"))
    total = re.search(r"^search total +(\d+\.\d)$", result.stdout, re.M)
    assert total and float(total.group(1)) == pytest.approx(search["search_bytes"] / 1024, abs=0.1)
