"""The PR check as CI runs it: a real git repository, a real commit range, the scripts as subprocesses.

The repository has a base commit with two posts; a good PR commit adds one
post and edits another; a bad PR commit on top adds a post with mistakes and
touches a file outside ``content/``; a last commit removes a post. The
scripts run exactly as the workflows call them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path, PurePosixPath

import pytest
from PIL import Image

from conftest import DEMO_CONTENT, ROOT
from etalase.changes import ADDED, DELETED, MODIFIED, ChangedPost, changed_posts
from etalase.github import annotation, escape_data, escape_property, md_text
from etalase.problems import Problem

PR_CHECK = ROOT / "scripts" / "pr_check.py"
PREVIEW_COMMENT = ROOT / "scripts" / "preview_comment.py"
NOW = "2026-11-21T00:00:00+07:00"

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
  whatsapp: 0812-3456-7890
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
def repo(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """A repository with commits base → good → bad → removal; returns its path and the commits."""
    root = tmp_path_factory.mktemp("pr") / "repo"
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
    _git(root, "checkout", "-q", bad)  # the working tree CI sees for the bad PR
    return {"root": root, "base": base, "good": good, "bad": bad, "removal": removal}


def _pr_check(repo: dict, head: str, out: Path) -> subprocess.CompletedProcess[str]:
    root: Path = repo["root"]  # type: ignore[assignment]
    _git(root, "checkout", "-q", head)
    return subprocess.run(
        [sys.executable, str(PR_CHECK), "--base", str(repo["base"]), "--head", head,
         "--site-dir", str(out / "site"), "--summary", str(out / "summary.md"),
         "--metadata", str(out / "data" / "pr.json"), "--pr", "7", "--now", NOW],
        cwd=root, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def bad_run(repo: dict, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("bad-run")
    return _pr_check(repo, str(repo["bad"]), out), out


@pytest.fixture(scope="module")
def good_run(repo: dict, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("good-run")
    return _pr_check(repo, str(repo["good"]), out), out


# --------------------------------------------------------------------------
# Changed-post detection
# --------------------------------------------------------------------------

def test_changed_posts_from_the_commit_range(repo: dict) -> None:
    root = str(repo["root"])
    bundle = "content/posts/{}".format
    changes = changed_posts(root, str(repo["base"]), str(repo["bad"]))
    assert [(str(p.bundle), p.change) for p in changes.posts] == [
        (bundle("festival-layang-layang"), ADDED),
        (bundle("pos-bermasalah"), ADDED),
        (bundle("warung-kopi-bukit"), MODIFIED),
    ]
    assert changes.outside == ["README.md"]
    assert changes.other_content == []

    removed = changed_posts(root, str(repo["bad"]), str(repo["removal"]))
    assert removed.posts == [ChangedPost(PurePosixPath(bundle("pantai-pasir-putih")), DELETED)]


def test_a_photo_alone_changes_its_post(repo: dict, tmp_path: Path) -> None:
    clone = _clone_at(repo, tmp_path, "good")
    _photo(clone / "content" / "posts" / "festival-layang-layang" / "layang-2.jpg", (1, 2, 3))
    (clone / "content" / "creators" / "baru.yml").write_text("name: Baru\nbio: Kreator baru.\n", encoding="utf-8")
    head = _commit(clone, "replace a photo, add a creator")
    changes = changed_posts(str(clone), str(repo["good"]), head)
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
        ("::error file=content/posts/pos-bermasalah/index.md,line=6,title=tags (label ke-1)::"
         'tags (label ke-1): ditemukan "100%25"; hanya huruf kecil a–z, angka dan tanda -, mis. pantai-indah'
         '%0A(en) tags (label ke-1): found "100%25"; only lowercase a–z, digits and -, e.g. pantai-indah'),
        ("::error file=content/posts/pos-bermasalah/index.md,line=8,title=cover.alt::"
         "cover.alt: wajib diisi tetapi tidak ada%0A(en) cover.alt: required but missing"),
    ]
    # The human report is in the log too.
    assert "content/posts/pos-bermasalah/index.md:8: cover.alt: wajib diisi tetapi tidak ada" in result.stdout


def test_bad_pr_summary_lists_posts_and_checklist(bad_run) -> None:
    _, out = bad_run
    summary = (out / "summary.md").read_text(encoding="utf-8")
    assert summary.startswith("## Pemeriksaan pos\n\n❌ **2 masalah di 1 berkas.**")
    rows = [line for line in summary.splitlines() if line.startswith("| **")]
    assert rows == [
        ("| **Festival Layang\\-Layang Pantai**<br>content/posts/festival\\-layang\\-layang/index\\.md | baru | Budaya "
         "| Rina Wulandari | Pasir Putih, Kec\\. Tanjung Sari | 2 | ✅ ok |"),
        ("| **Pos Bermasalah**<br>content/posts/pos\\-bermasalah/index\\.md | baru | Wisata | Rina Wulandari "
         "| Kec\\. Bukit Jati | 1 | ❌ 2 masalah |"),
        ("| **Warung Kopi Bukit Jati**<br>content/posts/warung\\-kopi\\-bukit/index\\.md | diubah | UMKM "
         "| Rina Wulandari | Kec\\. Bukit Jati | 1 | ✅ ok |"),
    ]
    assert "### Berkas di luar `content/`" in summary and "- README\\.md" in summary
    assert "- content/posts/pos\\-bermasalah/index\\.md\\:8: cover\\.alt: wajib diisi tetapi tidak ada" in summary
    assert "### Daftar periksa editor" in summary
    assert summary.count("- [ ] ") == 5
    assert not (out / "site").exists()


def test_bad_pr_metadata_for_the_comment(bad_run) -> None:
    _, out = bad_run
    data = json.loads((out / "data" / "pr.json").read_text(encoding="utf-8"))
    assert data == {
        "pr": 7, "ok": False, "problems": 2,
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
    assert "| baru | Budaya |" in summary and "| diubah | UMKM |" in summary
    assert "Berkas di luar" not in summary
    assert json.loads((out / "data" / "pr.json").read_text(encoding="utf-8"))["ok"] is True


def test_scheduled_and_draft_posts_are_marked(repo: dict, tmp_path: Path) -> None:
    clone = _clone_at(repo, tmp_path, "good")
    later = POST_A.replace("title: Pantai Pasir Putih di Pagi Hari", "title: Pantai Pasir Putih Nanti") \
        .replace("date: 2026-10-01 08:00 WIB", "date: 2026-12-24 07:30 WITA")
    _post(clone, "pantai-nanti", later, {"pantai.jpg": (20, 120, 200)})
    _post(clone, "pantai-draf", POST_A.replace("title: Pantai Pasir Putih di Pagi Hari", "title: Pantai Draf")
          .replace("---\n\nPantai", "draft: true\n---\n\nPantai"), {"pantai.jpg": (20, 120, 200)})
    head = _commit(clone, "a scheduled post and a draft")
    result = subprocess.run([sys.executable, str(PR_CHECK), "--base", str(repo["good"]), "--head", head,
                             "--summary", str(tmp_path / "summary.md"), "--now", NOW],
                            cwd=clone, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "✅ **Konten beres.**" in summary
    assert "| ✅ ok (draf) |" in summary
    assert "| ✅ ok (terjadwal 2026-12-24 07:30 WITA) |" in summary


def test_unknown_base_is_a_usage_error(repo: dict) -> None:
    result = subprocess.run([sys.executable, str(PR_CHECK), "--base", "0" * 40, "--now", NOW],
                            cwd=repo["root"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "Tidak bisa membandingkan" in result.stderr and "Traceback" not in result.stderr


# --------------------------------------------------------------------------
# The preview comment, from the bad run's artifact
# --------------------------------------------------------------------------

RUN_URL = "https://github.com/kabupaten-contoh/etalase/actions/runs/123"
ARTIFACT_URL = RUN_URL + "/artifacts/456"
SHA = "0123456789abcdef0123456789abcdef01234567"


def _comment(metadata: Path, tmp_path: Path, **overrides: str) -> subprocess.CompletedProcess[str]:
    options = {"--conclusion": "failure", "--run-url": RUN_URL, "--artifact-url": ARTIFACT_URL, "--head-sha": SHA}
    options.update(overrides)
    args = [item for pair in options.items() for item in pair]
    return subprocess.run([sys.executable, str(PREVIEW_COMMENT), "--metadata", str(metadata), *args,
                           "--output", str(tmp_path / "komentar.md"), "--github-output", str(tmp_path / "out.txt")],
                          capture_output=True, text=True, timeout=60)


def test_preview_comment_from_the_artifact(bad_run, tmp_path: Path) -> None:
    _, out = bad_run
    result = _comment(out / "data" / "pr.json", tmp_path)
    assert result.returncode == 0, result.stderr
    body = (tmp_path / "komentar.md").read_text(encoding="utf-8")
    assert body.startswith("<!-- etalase-pratinjau -->\n")
    assert "❌ Pemeriksaan menemukan **2 masalah**" in body and f"]({RUN_URL})" in body
    assert "| `pos-bermasalah` | baru | ❌ ada masalah |" in body
    assert f"[unduh artefak `pratinjau-situs`]({ARTIFACT_URL})" in body
    assert "commit `0123456`" in body
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == "pr=7\n"


@pytest.mark.parametrize("tampered", [
    {"pr": "7\nother=1", "ok": False, "problems": 0, "posts": []},
    {"pr": 7, "ok": False, "problems": 0, "posts": [{"slug": "x](https://evil.example)", "change": "baru", "status": "ok"}]},
    {"pr": 7, "ok": False, "problems": 0, "posts": [{"slug": "ok", "change": "baru", "status": "<img src=x>"}]},
    {"pr": True, "ok": False, "problems": 0, "posts": []},
    ["not", "an", "object"],
])
def test_preview_comment_rejects_tampered_data(tampered, tmp_path: Path) -> None:
    metadata = tmp_path / "pr.json"
    metadata.write_text(json.dumps(tampered), encoding="utf-8")
    result = _comment(metadata, tmp_path)
    assert result.returncode == 1
    assert "Data pratinjau ditolak" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "komentar.md").exists() and not (tmp_path / "out.txt").exists()


def test_preview_comment_rejects_odd_event_values(bad_run, tmp_path: Path) -> None:
    _, out = bad_run
    result = _comment(out / "data" / "pr.json", tmp_path, **{"--run-url": "https://evil.example/runs/1"})
    assert result.returncode == 2
    assert not (tmp_path / "komentar.md").exists()


# --------------------------------------------------------------------------
# Escaping rules
# --------------------------------------------------------------------------

def test_workflow_command_escaping() -> None:
    assert escape_data("50% selesai\r\nbaris 2") == "50%25 selesai%0D%0Abaris 2"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    forged = Problem(Path("content/posts/a,line=1/index.md"), 3, "x:y", "pesan\n::error::palsu", "")
    line = annotation(forged)
    assert line == ("::error file=content/posts/a%2Cline=1/index.md,line=3,title=x%3Ay::"
                    "x:y: pesan%0A::error::palsu")
    assert line.count("\n") == 0


def test_markdown_escaping_shows_text_as_typed() -> None:
    assert md_text("[klik](https://x.example) <b>|</b>") == \
        "\\[klik\\]\\(https\\://x\\.example\\) \\<b\\>\\|\\</b\\>"
    assert md_text("baris\nbaru  @tim") == "baris baru \\@tim"


def _clone_at(repo: dict, tmp_path: Path, commit: str) -> Path:
    """A clone of the test repository at one of its commits, ready to commit on."""
    clone = tmp_path / "clone"
    _git(tmp_path, "clone", "-q", str(repo["root"]), str(clone))
    _git(clone, "config", "user.email", "test@example.org")
    _git(clone, "config", "user.name", "Test")
    _git(clone, "checkout", "-q", str(repo[commit]))
    return clone
