"""The PR check as CI runs it: a real git repository, a real commit range, the scripts as subprocesses.

The origin repository has a base commit with two posts; a good PR commit
adds one post and edits another; a bad PR commit on top adds a post with
mistakes and touches a file outside ``content/``; a last commit removes a
post. Every run works in a clone of its own, checked out at its commit, so
that no test moves another's working tree. The scripts run exactly as the
workflows call them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path, PurePosixPath

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from etalase.ci import pr_check, preview_comment
from etalase.ci.changes import ADDED, DELETED, MODIFIED, ChangedPost, changed_posts
from etalase.ci.github import (
    CELL_MAX,
    EDITOR_CHECKLIST,
    SUMMARY_FILES_MAX,
    SUMMARY_MAX_BYTES,
    SUMMARY_PROBLEMS_MAX,
    SUMMARY_ROWS_MAX,
    PostRow,
    annotation,
    escape_data,
    escape_property,
    md_text,
    summary_markdown,
)
from etalase.content.problems import Problem

from conftest import DEMO_CONTENT, NOW, ROOT

PR_CHECK = ["-m", "etalase", "ci", "pr-check", "--config", str(ROOT / "mkdocs.yml")]
PREVIEW_COMMENT = ROOT / "src" / "etalase" / "ci" / "preview_comment.py"

POST_A = """---
title: Pantai Pasir Putih di Pagi Hari
date: 2026-10-01 08:00 WIB
category: wisata
summary: Pantai berpasir putih dengan air jernih, ramai nelayan di pagi hari.
creators: [rina-wulandari]
region: tanjung-sari/pasir-putih
cover:
  file: pantai.jpg
  alt: Perahu nelayan di pantai berpasir putih
  credit: Rina Wulandari
  license: CC BY 4.0
wisata:
  place: Pantai Pasir Putih
  address: Desa Pasir Putih, Kec. Tanjung Sari
  opening_hours: Setiap hari 06.00–18.00 WIB
  ticket: Gratis
---

Pantai ini paling indah di pagi hari.
"""

POST_B = """---
title: Warung Kopi Bukit
date: 2026-10-02 08:00 WIB
category: umkm
summary: Kopi robusta petani Bukit Jati, disangrai sendiri oleh pemilik warung.
creators: [rina-wulandari]
region: bukit-jati
cover:
  file: kopi.jpg
  alt: Secangkir kopi hitam di meja kayu
  credit: Rina Wulandari
  license: CC BY 4.0
umkm:
  business: Warung Kopi Bukit
  products: [kopi robusta, kopi susu]
  price_range: Rp5.000–Rp15.000
  whatsapp: 0813-5550-2711
  address: Jl. Kebun Kopi No. 3, Bukit Jati
---

Kopi dari kebun sendiri.
"""

POST_C = """---
title: Festival Layang-Layang Pantai
date: 2026-11-01 08:00 WIB
category: budaya
summary: Ratusan layang-layang tradisional menghiasi langit pantai setiap musim angin timur.
creators: [rina-wulandari]
region: tanjung-sari/pasir-putih
cover:
  file: layang.jpg
  alt: Layang-layang warna-warni di atas pantai
  credit: Rina Wulandari
  license: CC BY 4.0
gallery:
  - file: layang-2.jpg
    alt: Anak-anak menarik benang layang-layang
budaya:
  venue: Pantai Pasir Putih
  organiser: Sanggar Angin Timur
  start: 2026-11-01 08:00 WIB
---

Festival tahunan.
"""

# Line 6: the tag with "%" (escaping); line 8: cover without alt.
POST_D = """---
title: Pos Bermasalah
date: 2026-11-02 08:00 WIB
category: wisata
summary: Pos ini sengaja salah untuk menguji pemeriksaan pada PR.
tags: [100%]
region: bukit-jati
cover:
  file: rusak.jpg
  credit: Rina Wulandari
  license: CC BY 4.0
creators: [rina-wulandari]
wisata:
  place: Bukit
  address: Bukit Jati
  opening_hours: Setiap hari
  ticket: Gratis
---

Isi.
"""


def _git(repo: Path, *args: str) -> str:
    result = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True)
    return result.stdout.strip()


def _commit(repo: Path, message: str) -> str:
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", message)
    return _git(repo, "rev-parse", "HEAD")


def _photo(path: Path, colour: tuple[int, int, int]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (640, 480), colour).save(path, "JPEG", quality=70)


def _post(repo: Path, slug: str, text: str, photos: dict[str, tuple[int, int, int]]) -> None:
    bundle = repo / "content" / "posts" / slug
    bundle.mkdir(parents=True, exist_ok=True)
    (bundle / "index.md").write_text(text, encoding="utf-8")
    for name, colour in photos.items():
        _photo(bundle / name, colour)


@pytest.fixture(scope="module")
def origin(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The repository with commits base → good → bad → removal; returns its path and the commits.

    Tests never check it out: each one works in a clone (:func:`_clone_at`).
    """
    root = tmp_path_factory.mktemp("pr") / "origin"
    (root / "content" / "creators").mkdir(parents=True)
    _git(root.parent, "init", "-q", "-b", "main", str(root))
    _git(root, "config", "user.email", "test@example.org")
    _git(root, "config", "user.name", "Test")
    shutil.copy(DEMO_CONTENT / "regions.yml", root / "content" / "regions.yml")
    shutil.copy(DEMO_CONTENT / "creators" / "rina-wulandari.yml", root / "content" / "creators" / "rina-wulandari.yml")
    (root / "README.md").write_text("Situs contoh.\n", encoding="utf-8")
    _post(root, "pantai-pasir-putih", POST_A, {"pantai.jpg": (20, 120, 200)})
    _post(root, "warung-kopi-bukit", POST_B, {"kopi.jpg": (90, 60, 30)})
    base = _commit(root, "base: two posts")

    _post(root, "festival-layang-layang", POST_C, {"layang.jpg": (200, 40, 40), "layang-2.jpg": (40, 200, 40)})
    index_b = root / "content" / "posts" / "warung-kopi-bukit" / "index.md"
    index_b.write_text(POST_B.replace("Warung Kopi Bukit\n", "Warung Kopi Bukit Jati\n", 1), encoding="utf-8")
    good = _commit(root, "PR: add a budaya post, edit the umkm post")

    _post(root, "pos-bermasalah", POST_D, {"rusak.jpg": (0, 0, 0)})
    (root / "README.md").write_text("Situs contoh, diubah.\n", encoding="utf-8")
    bad = _commit(root, "PR: add a post with mistakes, touch README")

    shutil.rmtree(root / "content" / "posts" / "pantai-pasir-putih")
    removal = _commit(root, "remove a post")
    return {"root": root, "base": base, "good": good, "bad": bad, "removal": removal}


def _clone_at(origin: dict, folder: Path, commit: str) -> Path:
    """A clone of the origin at one of its commits (a name or a SHA), ready to commit on."""
    clone = folder / "clone"
    _git(folder, "clone", "-q", str(origin["root"]), str(clone))
    _git(clone, "config", "user.email", "test@example.org")
    _git(clone, "config", "user.name", "Test")
    _git(clone, "checkout", "-q", str(origin.get(commit, commit)))
    return clone


def _pr_check(clone: Path, base: str, out: Path, *, site: bool = True) -> subprocess.CompletedProcess[str]:
    """``pr_check.py`` as pr-check.yml runs it, on the clone's checked-out commit."""
    head = _git(clone, "rev-parse", "HEAD")
    built = ["--site-dir", str(out / "site")] if site else []
    return subprocess.run(
        [
            sys.executable,
            *PR_CHECK,
            "--base",
            base,
            "--head",
            head,
            *built,
            "--summary",
            str(out / "summary.md"),
            "--metadata",
            str(out / "data" / "pr.json"),
            "--pr",
            "7",
            "--now",
            NOW,
        ],
        cwd=clone,
        capture_output=True,
        text=True,
        timeout=600,
    )


def _run_at(origin: dict, commit: str, folder: Path) -> tuple[subprocess.CompletedProcess[str], Path]:
    clone = _clone_at(origin, folder, commit)
    return _pr_check(clone, str(origin["base"]), folder), folder


@pytest.fixture(scope="module")
def bad_run(origin: dict, tmp_path_factory: pytest.TempPathFactory):
    return _run_at(origin, "bad", tmp_path_factory.mktemp("bad-run"))


@pytest.fixture(scope="module")
def good_run(origin: dict, tmp_path_factory: pytest.TempPathFactory):
    return _run_at(origin, "good", tmp_path_factory.mktemp("good-run"))


def _changed_files(clone: Path, base: str) -> Path:
    """What GitHub's API lists for the PR (``pulls/N/files``), one name a line, as the comment workflow saves it."""
    listing = clone.parent / "berkas-pr.txt"
    listing.write_text(_git(clone, "diff", "--name-only", "--no-renames", base, "HEAD") + "\n", encoding="utf-8")
    return listing


# --------------------------------------------------------------------------
# Changed-post detection
# --------------------------------------------------------------------------


def test_changed_posts_from_the_commit_range(origin: dict) -> None:
    root = str(origin["root"])
    bundle = "content/posts/{}".format
    changes = changed_posts(root, str(origin["base"]), str(origin["bad"]))
    assert [(str(p.bundle), p.change) for p in changes.posts] == [
        (bundle("festival-layang-layang"), ADDED),
        (bundle("pos-bermasalah"), ADDED),
        (bundle("warung-kopi-bukit"), MODIFIED),
    ]
    assert changes.outside == ["README.md"]
    assert changes.other_content == []

    removed = changed_posts(root, str(origin["bad"]), str(origin["removal"]))
    assert removed.posts == [ChangedPost(PurePosixPath(bundle("pantai-pasir-putih")), DELETED)]


def test_a_photo_alone_changes_its_post(origin: dict, tmp_path: Path) -> None:
    clone = _clone_at(origin, tmp_path, "good")
    _photo(clone / "content" / "posts" / "festival-layang-layang" / "layang-2.jpg", (1, 2, 3))
    (clone / "content" / "creators" / "baru.yml").write_text("name: Baru\nbio: Kreator baru.\n", encoding="utf-8")
    head = _commit(clone, "replace a photo, add a creator")
    changes = changed_posts(str(clone), str(origin["good"]), head)
    assert [(str(p.bundle), p.change) for p in changes.posts] == [("content/posts/festival-layang-layang", MODIFIED)]
    assert changes.other_content == ["content/creators/baru.yml"]


# --------------------------------------------------------------------------
# The bad PR: annotations, summary, metadata, exit status
# --------------------------------------------------------------------------


def test_bad_pr_fails_with_one_annotation_per_problem(bad_run) -> None:
    result, _ = bad_run
    assert result.returncode == 1, result.stdout + result.stderr
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert annotations == [
        (
            "::error file=content/posts/pos-bermasalah/index.md,line=6,title=tags (label ke-1)::"
            'tags (label ke-1): ditemukan "100%25"; hanya huruf kecil a–z, angka dan tanda -, mis. pantai-indah'
            '%0A(en) tags (label ke-1): found "100%25"; only lowercase a–z, digits and -, e.g. pantai-indah'
        ),
        (
            "::error file=content/posts/pos-bermasalah/index.md,line=8,title=cover.alt::"
            "cover.alt: wajib diisi tetapi tidak ada%0A(en) cover.alt: required but missing"
        ),
    ]
    # The human report is in the log too.
    assert "content/posts/pos-bermasalah/index.md:8: cover.alt: wajib diisi tetapi tidak ada" in result.stdout


def test_bad_pr_summary_lists_posts_and_checklist(bad_run) -> None:
    _, out = bad_run
    summary = (out / "summary.md").read_text(encoding="utf-8")
    assert summary.startswith("## Pemeriksaan pos\n\n❌ **2 masalah di 1 berkas.**")
    # A list of short lines, no table: the summary is also the form PR's comment, read on a 360 px phone.
    assert "| --- |" not in summary and "\n| " not in summary
    rows = [line for line in summary.splitlines() if line.startswith(("- ✅", "- ❌"))]
    assert rows == [
        (
            "- ✅ ok **Festival Layang\\-Layang Pantai**<br>baru · Budaya · 2 foto · Rina Wulandari · "
            "Pasir Putih, Kec\\. Tanjung Sari<br>content/posts/festival\\-layang\\-layang/index\\.md"
        ),
        (
            "- ❌ 2 masalah **Pos Bermasalah**<br>baru · Wisata · 1 foto · Rina Wulandari · Kec\\. Bukit Jati"
            "<br>content/posts/pos\\-bermasalah/index\\.md"
        ),
        (
            "- ✅ ok **Warung Kopi Bukit Jati**<br>diubah · UMKM · 1 foto · Rina Wulandari · Kec\\. Bukit Jati"
            "<br>content/posts/warung\\-kopi\\-bukit/index\\.md"
        ),
    ]
    longest = max(len(part) for row in rows for part in row.split("<br>"))
    assert longest <= 100  # each line wraps on a phone instead of scrolling sideways
    assert "### Berkas di luar `content/`" in summary and "- README\\.md" in summary
    assert "- content/posts/pos\\-bermasalah/index\\.md\\:8: cover\\.alt: wajib diisi tetapi tidak ada" in summary
    assert "Daftar periksa editor: di deskripsi PR ini." in summary  # one checklist per PR: the description's
    assert summary.count("- [ ] ") == 0
    assert not (out / "site").exists()


def test_bad_pr_metadata_for_the_comment(bad_run) -> None:
    _, out = bad_run
    data = json.loads((out / "data" / "pr.json").read_text(encoding="utf-8"))
    assert data == {
        "pr": 7,
        "ok": False,
        "problems": 2,
        "posts_total": 3,
        "posts": [
            {"slug": "festival-layang-layang", "change": "baru", "status": "ok"},
            {"slug": "pos-bermasalah", "change": "baru", "status": "masalah"},
            {"slug": "warung-kopi-bukit", "change": "diubah", "status": "ok"},
        ],
    }


# --------------------------------------------------------------------------
# The good PR: exit 0, site built, summary says so
# --------------------------------------------------------------------------


def test_good_pr_builds_the_site(good_run) -> None:
    result, out = good_run
    assert result.returncode == 0, result.stdout + result.stderr
    assert not [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert (out / "site" / "artikel" / "festival-layang-layang" / "index.html").is_file()
    summary = (out / "summary.md").read_text(encoding="utf-8")
    assert "✅ **Konten beres dan situs berhasil dibangun.**" in summary
    assert "<br>baru · Budaya · " in summary and "<br>diubah · UMKM · " in summary
    assert "Berkas di luar" not in summary
    assert json.loads((out / "data" / "pr.json").read_text(encoding="utf-8"))["ok"] is True


def test_unknown_base_is_a_usage_error(origin: dict, tmp_path: Path) -> None:
    clone = _clone_at(origin, tmp_path, "good")
    result = subprocess.run(
        [sys.executable, *PR_CHECK, "--base", "0" * 40, "--now", NOW],
        cwd=clone,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "Tidak bisa membandingkan" in result.stderr and "Traceback" not in result.stderr


# --------------------------------------------------------------------------
# Scheduled posts: checked and built now, marked "Terjadwal"; drafts stay out
# --------------------------------------------------------------------------

SCHEDULED = POST_A.replace("title: Pantai Pasir Putih di Pagi Hari", "title: Pantai Pasir Putih Nanti").replace(
    "date: 2026-10-01 08:00 WIB", "date: 2026-12-24 07:30 WITA"
)
"""A post dated after the suite's clock (conftest.NOW, 1 December 2026)."""


def test_scheduled_post_with_a_broken_photo_fails_the_check(origin: dict, tmp_path: Path) -> None:
    clone = _clone_at(origin, tmp_path, "good")
    _post(clone, "pantai-nanti", SCHEDULED, {})
    (clone / "content" / "posts" / "pantai-nanti" / "pantai.jpg").write_bytes(b"bukan foto, hanya teks\n" * 40)
    _commit(clone, "a scheduled post whose cover is not an image")
    result = _pr_check(clone, str(origin["good"]), tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert len(annotations) == 1, result.stdout
    assert annotations[0].startswith("::error file=content/posts/pantai-nanti/index.md,line=9,title=cover.file::")
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "- ❌ 1 masalah **Pantai Pasir Putih Nanti**<br>baru · " in summary
    assert "<br>content/posts/pantai\\-nanti/index\\.md" in summary
    assert json.loads((tmp_path / "data" / "pr.json").read_text(encoding="utf-8"))["posts"] == [
        {"slug": "pantai-nanti", "change": "baru", "status": "masalah"}
    ]
    assert not (tmp_path / "site").exists()


def test_scheduled_post_is_in_the_preview_marked_and_a_draft_is_not(origin: dict, tmp_path: Path) -> None:
    clone = _clone_at(origin, tmp_path, "good")
    _post(clone, "pantai-nanti", SCHEDULED, {"pantai.jpg": (20, 120, 200)})
    _post(
        clone,
        "pantai-draf",
        POST_A.replace("title: Pantai Pasir Putih di Pagi Hari", "title: Pantai Draf").replace(
            "---\n\nPantai", "draft: true\n---\n\nPantai"
        ),
        {"pantai.jpg": (20, 120, 200)},
    )
    _commit(clone, "a scheduled post and a draft")
    result = _pr_check(clone, str(origin["good"]), tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr

    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "✅ **Konten beres dan situs berhasil dibangun.**" in summary
    assert "- ✅ ok (draf) **" in summary
    assert "- ✅ ok (terjadwal 2026-12-24 07:30 WITA) **" in summary
    assert json.loads((tmp_path / "data" / "pr.json").read_text(encoding="utf-8"))["posts"] == [
        {"slug": "pantai-draf", "change": "baru", "status": "draf"},
        {"slug": "pantai-nanti", "change": "baru", "status": "terjadwal"},
    ]

    site = tmp_path / "site"
    post = BeautifulSoup((site / "artikel" / "pantai-nanti" / "index.html").read_text(encoding="utf-8"), "html.parser")
    notice = post.select_one(".etalase-post__header h1 + .etalase-scheduled")
    assert notice is not None and notice.get_text(" ", strip=True) == "Terjadwal: terbit 24 Desember 2026, 07.30 WITA"
    assert notice.time["datetime"] == "2026-12-24T07:30:00+08:00"
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    badges = {
        card.select_one(".etalase-card__title").get_text(strip=True): card.select_one(".etalase-tag--terjadwal")
        for card in home.select(".etalase-card")
    }
    assert badges["Pantai Pasir Putih Nanti"].get_text() == "Terjadwal"
    assert badges["Festival Layang-Layang Pantai"] is None  # published posts carry no badge
    assert not (site / "artikel" / "pantai-draf").exists()
    published = BeautifulSoup(
        (site / "artikel" / "festival-layang-layang" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert published.select_one(".etalase-scheduled") is None


def test_without_a_site_the_check_still_marks_scheduled_and_draft_posts(origin: dict, tmp_path: Path) -> None:
    clone = _clone_at(origin, tmp_path, "good")
    _post(clone, "pantai-nanti", SCHEDULED, {"pantai.jpg": (20, 120, 200)})
    _commit(clone, "a scheduled post")
    result = _pr_check(clone, str(origin["good"]), tmp_path, site=False)
    assert result.returncode == 0, result.stdout + result.stderr
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "✅ **Konten beres.**" in summary and "- ✅ ok (terjadwal 2026-12-24 07:30 WITA) **" in summary


# --------------------------------------------------------------------------
# The preview comment, from a run's artifact and the PR's file list
# --------------------------------------------------------------------------

RUN_URL = "https://github.com/kabupaten-contoh/etalase/actions/runs/123"
ARTIFACT_URL = RUN_URL + "/artifacts/456"
SHA = "0123456789abcdef0123456789abcdef01234567"


def _comment(metadata: Path, changed_files: Path, tmp_path: Path, **overrides: str) -> subprocess.CompletedProcess[str]:
    options = {"--conclusion": "failure", "--run-url": RUN_URL, "--artifact-url": ARTIFACT_URL, "--head-sha": SHA}
    options.update(overrides)
    args = [item for pair in options.items() for item in pair]
    return subprocess.run(
        [
            sys.executable,
            str(PREVIEW_COMMENT),
            "comment",
            "--metadata",
            str(metadata),
            "--changed-files",
            str(changed_files),
            *args,
            "--output",
            str(tmp_path / "komentar.md"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )


def _pr_number(metadata: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            str(PREVIEW_COMMENT),
            "pr",
            "--metadata",
            str(metadata),
            "--github-output",
            str(tmp_path / "out.txt"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )


def _content_only(tmp_path: Path) -> Path:
    listing = tmp_path / "berkas-pr.txt"
    listing.write_text(
        "content/posts/festival-layang-layang/index.md\ncontent/posts/festival-layang-layang/layang.jpg\n",
        encoding="utf-8",
    )
    return listing


def test_pr_number_from_the_artifact(bad_run, tmp_path: Path) -> None:
    _, out = bad_run
    result = _pr_number(out / "data" / "pr.json", tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == "pr=7\n"


def test_preview_comment_from_the_artifact(good_run, tmp_path: Path) -> None:
    _, out = good_run
    result = _comment(out / "data" / "pr.json", _content_only(tmp_path), tmp_path, **{"--conclusion": "success"})
    assert result.returncode == 0, result.stderr
    body = (tmp_path / "komentar.md").read_text(encoding="utf-8")
    assert body.startswith("<!-- etalase-pratinjau -->\n")
    assert f"✅ Pemeriksaan **berhasil**: konten beres dan situs terbangun. [Lihat ringkasan]({RUN_URL})." in body
    assert "| `festival-layang-layang` | baru | ✅ ok |" in body
    assert f"[unduh artefak `pratinjau-situs`]({ARTIFACT_URL})" in body
    assert "tidak ditawarkan" not in body
    assert "commit `0123456`" in body


def test_preview_comment_of_a_failed_check(bad_run, tmp_path: Path) -> None:
    _, out = bad_run
    result = _comment(out / "data" / "pr.json", _content_only(tmp_path), tmp_path)
    assert result.returncode == 0, result.stderr
    body = (tmp_path / "komentar.md").read_text(encoding="utf-8")
    assert "❌ Pemeriksaan menemukan **2 masalah**" in body and f"]({RUN_URL})" in body
    assert "| `pos-bermasalah` | baru | ❌ ada masalah |" in body


def test_a_pr_touching_overrides_gets_no_preview_offer(origin: dict, tmp_path: Path) -> None:
    """The preview of a PR that changes a template was built by that template: the comment says why it is withheld."""
    clone = _clone_at(origin, tmp_path, "good")
    _post(
        clone,
        "pantai-baru",
        POST_A.replace("title: Pantai Pasir Putih di Pagi Hari", "title: Pantai Baru Saja"),
        {"pantai.jpg": (20, 120, 200)},
    )
    card = clone / "overrides" / "partials" / "etalase" / "card.html"
    card.parent.mkdir(parents=True)
    card.write_text(
        '<article>{{ card.post.meta.title }}</article><script>fetch("https://x.example")</script>\n', encoding="utf-8"
    )
    _commit(clone, "a post, and a card template with a script")
    result = _pr_check(clone, str(origin["good"]), tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "- overrides/partials/etalase/card\\.html" in (tmp_path / "summary.md").read_text(encoding="utf-8")

    listing = _changed_files(clone, str(origin["good"]))
    comment = _comment(tmp_path / "data" / "pr.json", listing, tmp_path, **{"--conclusion": "success"})
    assert comment.returncode == 0, comment.stderr
    body = (tmp_path / "komentar.md").read_text(encoding="utf-8")
    assert (
        "**Pratinjau tidak ditawarkan:** PR ini juga mengubah 1 berkas di luar `content/` (kode, templat, "
        "konfigurasi, atau alur kerja; lihat tab *Files changed*). Situs pratinjau PR ini dibangun dengan kode "
        "dari PR itu sendiri"
    ) in body
    assert ARTIFACT_URL not in body and "unduh artefak" not in body
    assert "| `pantai-baru` | baru | ✅ ok |" in body


@pytest.mark.parametrize(
    ("listing", "reason"),
    [
        ("", "GitHub tidak memberi daftar berkas PR ini"),
        ("content/a.md\n" * 3000, "GitHub hanya memberi 3.000 nama berkas pertama PR ini"),
        # A name with a line break reads as two lines: the second withholds the preview.
        ("content/posts/a/index.md\nscripts/evil.py\n", "PR ini juga mengubah 1 berkas di luar `content/`"),
        (".github/workflows/pr-check.yml\n", "PR ini juga mengubah 1 berkas di luar `content/`"),
    ],
)
def test_preview_is_withheld_unless_every_file_is_content(good_run, listing: str, reason: str, tmp_path: Path) -> None:
    _, out = good_run
    (tmp_path / "berkas-pr.txt").write_text(listing, encoding="utf-8")
    result = _comment(out / "data" / "pr.json", tmp_path / "berkas-pr.txt", tmp_path, **{"--conclusion": "success"})
    assert result.returncode == 0, result.stderr
    body = (tmp_path / "komentar.md").read_text(encoding="utf-8")
    assert f"**Pratinjau tidak ditawarkan:** {reason}" in body and ARTIFACT_URL not in body


@pytest.mark.parametrize(
    "tampered",
    [
        {"pr": "7\nother=1", "ok": False, "problems": 0, "posts": []},
        {
            "pr": 7,
            "ok": False,
            "problems": 0,
            "posts": [{"slug": "x](https://evil.example)", "change": "baru", "status": "ok"}],
        },
        {"pr": 7, "ok": False, "problems": 0, "posts": [{"slug": "ok", "change": "baru", "status": "<img src=x>"}]},
        {"pr": True, "ok": False, "problems": 0, "posts": []},
        {"pr": 7, "ok": False, "problems": 0, "posts_total": -1, "posts": []},
        {"pr": 7, "ok": False, "problems": 0, "posts_total": True, "posts": []},
        {
            "pr": 7,
            "ok": False,
            "problems": 0,
            "posts_total": 0,
            "posts": [{"slug": "a", "change": "baru", "status": "ok"}],
        },
        ["not", "an", "object"],
    ],
)
def test_preview_comment_rejects_tampered_data(tampered, tmp_path: Path) -> None:
    metadata = tmp_path / "pr.json"
    metadata.write_text(json.dumps(tampered), encoding="utf-8")
    for result in (_pr_number(metadata, tmp_path), _comment(metadata, _content_only(tmp_path), tmp_path)):
        assert result.returncode == 1
        assert "Data pratinjau ditolak" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "komentar.md").exists() and not (tmp_path / "out.txt").exists()


def test_preview_comment_rejects_odd_event_values(bad_run, tmp_path: Path) -> None:
    _, out = bad_run
    result = _comment(
        out / "data" / "pr.json", _content_only(tmp_path), tmp_path, **{"--run-url": "https://evil.example/runs/1"}
    )
    assert result.returncode == 2
    assert not (tmp_path / "komentar.md").exists()


# --------------------------------------------------------------------------
# Limits: 2,000 changed posts keep pr.json and the summary within GitHub's
# --------------------------------------------------------------------------

MANY = 2000


def _many_rows() -> list[PostRow]:
    """2,000 changed posts at their longest: 120-character titles of Markdown specials, long names."""
    title = "[*_`|<>]" * 15
    return [
        PostRow(
            path=f"content/posts/{'pos-' + str(i).zfill(4) if i % 7 else 'Folder Bukan Slug ' + str(i)}/index.md",
            change=("baru", "diubah", "dihapus")[i % 3],
            title=title,
            category="Pembangunan",
            creators=", ".join(["Nama Kreator Yang Panjang Sekali"] * 10),
            region="Desa, Kec. " + "x" * 80,
            photos=41,
            problems=i % 5,
            state=("", "draf", "terjadwal")[i % 3],
            publish_at="2026-12-24 07:30 WITA" if i % 3 == 2 else "",
        )
        for i in range(MANY)
    ]


def test_pr_json_stays_under_the_readers_limit_with_2000_posts(tmp_path: Path) -> None:
    rows = _many_rows()
    data = pr_check.metadata(12, rows, [], 1)
    metadata = tmp_path / "pr.json"
    metadata.write_text(json.dumps(data, ensure_ascii=False) + "\n", encoding="utf-8")
    assert metadata.stat().st_size < preview_comment.MAX_BYTES
    assert data["posts_total"] == MANY and len(data["posts"]) == pr_check.METADATA_POSTS <= preview_comment.MAX_POSTS

    checked = preview_comment.read_metadata(metadata)
    assert checked["more"] == MANY - pr_check.METADATA_POSTS
    body = preview_comment.comment(checked, "failure", RUN_URL, ARTIFACT_URL, SHA, withheld=None)
    assert f"| … dan {MANY - pr_check.METADATA_POSTS} pos lain (lihat ringkasan) | | |" in body
    assert "| *(nama folder tidak sah)* | baru | ❌ ada masalah |" in body  # "Folder Bukan Slug 0"


def test_summary_stays_under_githubs_limit_with_2000_posts() -> None:
    rows = _many_rows()
    problems = [
        Problem(Path(f"content/posts/pos-{i:04}/index.md"), 7, "cover.alt", "wajib diisi " + "x" * 500, "")
        for i in range(MANY)
    ]
    outside = [f"scripts/berkas-{i:05}-{'y' * 200}.py" for i in range(5 * MANY)]
    summary = summary_markdown(rows, problems, outside, outside[:MANY], build_code=1)
    assert len(summary.encode("utf-8")) <= SUMMARY_MAX_BYTES < 1024 * 1024
    assert f"- … dan {MANY - SUMMARY_ROWS_MAX} pos lain (ringkasan dibatasi agar tetap tampil)" in summary
    assert f"- … dan {5 * MANY - SUMMARY_FILES_MAX} berkas lain (lihat tab *Files changed*)." in summary
    assert f"- … dan {MANY - SUMMARY_PROBLEMS_MAX} masalah lain (lihat log)." in summary
    assert summary.endswith("Daftar periksa editor: di deskripsi PR ini.\n")


def test_summary_budget_cuts_long_lists_and_says_so() -> None:
    """However long the lines, the summary stays within its budget and still ends with the checklist."""
    rows = _many_rows()
    huge = [
        PostRow(
            path=f"content/posts/p{i}/index.md",
            change="baru",
            title="t" * 10_000,
            creators="c" * 10_000,
            region="r" * 10_000,
            category="k" * 10_000,
        )
        for i in range(MANY)
    ]
    summary = summary_markdown(huge + rows, [], [], [], build_code=0)
    assert len(summary.encode("utf-8")) <= SUMMARY_MAX_BYTES
    assert "pos lain (ringkasan dibatasi agar tetap tampil)" in summary and "Daftar periksa editor" in summary


# --------------------------------------------------------------------------
# Escaping rules
# --------------------------------------------------------------------------


def test_workflow_command_escaping() -> None:
    assert escape_data("50% selesai\r\nbaris 2") == "50%25 selesai%0D%0Abaris 2"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    forged = Problem(Path("content/posts/a,line=1/index.md"), 3, "x:y", "pesan\n::error::palsu", "")
    line = annotation(forged)
    assert line == ("::error file=content/posts/a%2Cline=1/index.md,line=3,title=x%3Ay::x:y: pesan%0A::error::palsu")
    assert line.count("\n") == 0


def test_markdown_escaping_shows_text_as_typed() -> None:
    assert md_text("[klik](https://x.example) <b>|</b>") == "\\[klik\\]\\(https\\://x\\.example\\) \\<b\\>\\|\\</b\\>"
    assert md_text("baris\nbaru  @tim") == "baris baru \\@tim"
    assert md_text("a" * 500) == "a" * (CELL_MAX - 1) + "…"


def test_a_new_post_dated_long_ago_is_warned_about_not_refused(origin: dict, tmp_path: Path) -> None:
    clone = _clone_at(origin, tmp_path, "good")
    _post(
        clone,
        "panen-lalu",
        POST_A.replace("Pantai Pasir Putih", "Panen Raya Lalu").replace(
            "date: 2026-10-01 08:00 WIB", "date: 2026-09-01 08:00 WIB"
        ),
        {"pantai.jpg": (20, 120, 200)},
    )
    _post(
        clone,
        "panen-baru",
        POST_A.replace("Pantai Pasir Putih", "Panen Raya Baru").replace(
            "date: 2026-10-01 08:00 WIB", "date: 2026-11-01 08:00 WIB"
        ),
        {"pantai.jpg": (20, 120, 200)},
    )
    _commit(clone, "two new posts, one dated months back")
    result = _pr_check(clone, str(origin["good"]), tmp_path, site=False)
    assert result.returncode == 0, result.stdout + result.stderr
    warnings = [line for line in result.stdout.splitlines() if line.startswith("::warning ")]
    assert len(warnings) == 1, result.stdout
    assert warnings[0].startswith(
        "::warning file=content/posts/panen-lalu/index.md,line=3,title=date::date: pos baru "
        "ini bertanggal 91 hari sebelum hari ini; date adalah tanggal terbit"
    )
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "### Peringatan" in summary and "panen\\-lalu" in summary.split("### Peringatan")[1]
    assert "panen\\-baru" not in summary.split("### Peringatan")[1]


def test_the_pr_templates_editor_checklist_is_the_one_checklist() -> None:
    """One wording: the PR template (so every PR's description, form PRs included) holds EDITOR_CHECKLIST."""
    template = (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    editor = template[template.index("## Daftar periksa editor") :]
    assert editor == "## Daftar periksa editor\n\n" + "".join(f"- [ ] {item}\n" for item in EDITOR_CHECKLIST)
