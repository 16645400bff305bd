"""The write job's side: the converter's artifact is checked as untrusted data before anything is pushed."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from PIL import ExifTags, Image

from etalase.ci.github import md_text
from etalase.kiriman import accept as kiriman_publish
from etalase.kiriman.accept import CHECK_MARKER, ISSUE_MARKER, Refused, accept, issue_comment, read_result
from etalase.photos.types import ImageSettings

from conftest import DEMO_CONTENT, ROOT, add_login
from test_kiriman import fixture, make_assets, run_kiriman

SLUG = "keripik-tempe-bu-sari-renyah-dari-pasar"


@pytest.fixture(scope="module")
def artifact(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What the read-only job uploads for the UMKM form of a new creator (issue #7)."""
    work = tmp_path_factory.mktemp("konversi")
    content = work / "content"
    shutil.copytree(DEMO_CONTENT, content)
    add_login(content)
    result = run_kiriman(fixture("umkm"), content, work, author="bu-sari", assets=make_assets(work / "lampiran"))
    assert result.returncode == 0, result.stdout + result.stderr
    folder = work / "kiriman"
    (folder / "konten" / "posts").mkdir(parents=True)
    (folder / "konten" / "creators").mkdir()
    shutil.copytree(content / "posts" / SLUG, folder / "konten" / "posts" / SLUG)
    shutil.copy(content / "creators" / "sari-rahayu.yml", folder / "konten" / "creators")
    shutil.copy(work / "hasil.json", folder / "hasil.json")
    (folder / "periksa.md").write_text("## Pemeriksaan pos\n\n✅ **Konten beres.**\n", encoding="utf-8")
    return folder


@pytest.fixture
def copy(artifact: Path, tmp_path: Path) -> Path:
    """A writable copy of the artifact, to spoil."""
    return Path(shutil.copytree(artifact, tmp_path / "kiriman"))


def test_a_good_artifact_is_copied_and_worded(copy: Path, content: Path, tmp_path: Path) -> None:
    out, outputs, registry = tmp_path / "keluar", tmp_path / "github-output", tmp_path / "kiriman-akun"
    assert (
        kiriman_publish.main(
            [
                "accept",
                "--artifact",
                str(copy),
                "--content",
                str(content),
                "--issue",
                "7",
                "--author-id",
                "583231",
                "--repo",
                "kab-sekar/etalase",
                "--registry",
                str(registry),
                "--out",
                str(out),
                "--github-output",
                str(outputs),
            ]
        )
        == 0
    )
    assert outputs.read_text(encoding="utf-8") == "ok=true\nstate=ok\nbranch=kiriman/7\n"
    assert (content / "posts" / SLUG / "index.md").is_file()
    assert (content / "creators" / "sari-rahayu.yml").is_file()
    # The account is registered by its id when an editor merges this first post.
    assert json.loads((registry / "583231.json").read_text(encoding="utf-8")) == {
        "id": 583231,
        "login": "bu-sari",
        "kreator": "sari-rahayu",
    }
    assert (out / "pr-title.txt").read_text(
        encoding="utf-8"
    ) == "Pos baru: Keripik Tempe Bu Sari, Renyah dari Pasar Lama\n"
    body = (out / "pr-body.md").read_text(encoding="utf-8")
    assert body.startswith("Kiriman lewat formulir dari @bu-sari, issue #7. Terima kasih!\n\nCloses #7\n")
    template = (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    checklist = template[template.index("## Daftar periksa editor") :].strip()
    assert body.rstrip().endswith(checklist)
    assert body.count("- [ ]") == checklist.count("- [ ]") and "- [x]" not in body  # one checklist
    assert (
        (out / "commit-message.txt")
        .read_text(encoding="utf-8")
        .endswith("Co-authored-by: bu-sari <583231+bu-sari@users.noreply.github.com>\n")
    )
    assert (out / "periksa-komentar.md").read_text(encoding="utf-8").startswith(f"{CHECK_MARKER}\n## Pemeriksaan pos")


def test_the_pr_description_shows_the_post_as_it_will_read(copy: Path, content: Path, tmp_path: Path) -> None:
    """Title, summary, the category's facts, every photo from the branch with its alt text, creator, time."""
    out = tmp_path / "keluar"
    arguments = ["--content", str(content), "--issue", "7", "--author-id", "583231", "--repo", "kab-sekar/etalase"]
    assert kiriman_publish.main(["accept", "--artifact", str(copy), *arguments, "--out", str(out)]) == 0
    body = (out / "pr-body.md").read_text(encoding="utf-8")
    lines = body.splitlines()
    for expected in [
        "## Keripik Tempe Bu Sari, Renyah dari Pasar Lama",
        "> Keripik tempe tipis buatan rumahan di Pasar Lama, digoreng setiap pagi dengan minyak baru\\. "
        "Tersedia rasa original dan pedas\\.",
        "- **Kategori:** UMKM · Pasar Lama, Kec\\. Sekar Kota",
        "- **Kreator:** Sari Rahayu (`sari-rahayu`, @bu-sari) (kreator baru: berkas kreatornya ikut di PR ini)",
        "- **Waktu terbit:** terbit 5 Desember 2026, 09.00 WIB (tidak sebelum PR ini digabung)",
        "- **Nama usaha:** Keripik Tempe Bu Sari",
        "  - Keripik tempe original",
        "  - Peyek kacang",
        "- **Kisaran harga:** Rp10\\.000–Rp25\\.000",
        "- **Jam buka toko atau bengkel:** Senin–Sabtu 07\\.00–16\\.00 WIB",
        "- **Nomor WhatsApp untuk pesan:** \\+6281355502711",
        "- **Tautan marketplace atau media sosial usaha**",
        "- **Alamat usaha:** Jl\\. Pasar Lama No\\. 3, Kel\\. Pasar Lama",
        '<img src="https://github.com/kab-sekar/etalase/raw/kiriman/7/content/posts/'
        f'{SLUG}/sampul.jpg" alt="Toples-toples keripik tempe berjajar di meja kayu kios pasar" width="320">',
        "**sampul** (`sampul\\.jpg`) · *teks alternatif:* Toples\\-toples keripik tempe berjajar di meja kayu "
        "kios pasar",
    ]:
        assert expected in lines, expected
    assert lines.index("### Foto") < lines.index("### Pernyataan kreator (dari formulir)")


def test_a_post_dated_at_the_merge_says_so_in_the_pr(copy: Path, content: Path, tmp_path: Path) -> None:
    """A form sent with an empty date: the editor reads that merging is what dates it."""
    index = copy / "konten" / "posts" / SLUG / "index.md"
    text = index.read_text(encoding="utf-8")
    assert "date: 2026-12-05 09:00 WIB\n" in text
    index.write_text(text.replace("date: 2026-12-05 09:00 WIB\n", "date: saat digabung\n"), encoding="utf-8")
    out = tmp_path / "keluar"
    arguments = ["--content", str(content), "--issue", "7", "--author-id", "583231", "--repo", "kab-sekar/etalase"]
    assert kiriman_publish.main(["accept", "--artifact", str(copy), *arguments, "--out", str(out)]) == 0
    lines = (out / "pr-body.md").read_text(encoding="utf-8").splitlines()
    assert "- **Waktu terbit:** saat PR ini digabung (tanggal terbitnya waktu penggabungan itu)" in lines


def test_the_facts_of_every_category_are_shown(tmp_path: Path) -> None:
    """Prices in rupiah, progress with its date, event dates and accessibility, from the demo posts."""
    from datetime import UTC, datetime

    from etalase.content.load import load_content
    from etalase.content.validate import validate

    content, problems = validate(load_content(DEMO_CONTENT), datetime(2026, 12, 1, tzinfo=UTC))
    assert content is not None and not problems
    posts = {post.slug: post for post in content.posts + content.unpublished}
    umkm = kiriman_publish.post_facts(posts["olahan-buah-tin-kebun-kopi"].meta, "umkm")
    assert "  - Nama produk: Selai buah tin \\(botol 200 gram\\); Harga dalam rupiah: Rp45.000" in umkm
    assert "- **Aksesibilitas**" in umkm and "  - **Bisa dijangkau dan dipakai pengguna kursi roda:** sebagian" in umkm
    assert any(line.startswith("- **Nomor WhatsApp") and "2718" in line for line in umkm), umkm
    build = next(
        post for post in posts.values() if post.meta.category == "pembangunan" and post.meta.pembangunan.progress
    )
    facts = "\n".join(kiriman_publish.post_facts(build.meta, "pembangunan"))
    assert f"{build.meta.pembangunan.progress}%" in facts
    day = build.meta.pembangunan.progress_date
    assert f"{day.day} " in facts and str(day.year) in facts
    evidence = kiriman_publish.post_photos(posts["pembangunan-jembatan-lubuk-tenang"])
    assert evidence[-1] == (
        "papan-proyek.jpg",
        "(tanpa teks alternatif: foto bukti di pembangunan.sources (sumber ke-1).photo)",
    )
    assert evidence[0][0] == posts["pembangunan-jembatan-lubuk-tenang"].meta.cover.file
    event = next(post for post in posts.values() if post.meta.category == "budaya" and post.meta.budaya.start)
    facts = "\n".join(kiriman_publish.post_facts(event.meta, "budaya"))
    assert f"{event.meta.budaya.start:%H.%M}" in facts and "WIB" in facts


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(lambda a: (a / "konten" / "posts" / SLUG / "run.sh").write_text("#!/bin/sh\n"), id="extra file"),
        pytest.param(
            lambda a: (a / "konten" / ".github").mkdir() or (a / "konten" / ".github" / "x.yml").write_text("x"),
            id="file outside the bundle",
        ),
        pytest.param(lambda a: (a / "konten" / "posts" / SLUG / "foto-1.jpg").symlink_to("/etc/passwd"), id="symlink"),
        pytest.param(lambda a: (a / "konten" / "posts" / SLUG / "index.md").unlink(), id="no index.md"),
        pytest.param(lambda a: _edit_result(a, issue=8), id="another issue"),
        pytest.param(lambda a: _edit_result(a, slug="../../etc"), id="slug leaves content"),
        pytest.param(lambda a: _edit_result(a, bundle="posts/lain"), id="bundle and slug disagree"),
        pytest.param(lambda a: _edit_result(a, extra="field"), id="unknown key"),
        pytest.param(lambda a: (a / "hasil.json").write_text("[1, 2"), id="not JSON"),
        pytest.param(
            lambda a: (a / "konten" / "posts" / SLUG / "index.md").write_text("---\ntitle: x\n---\n"),
            id="bundle no longer valid",
        ),
        pytest.param(lambda a: _with_gps(a / "konten" / "posts" / SLUG / "sampul.jpg"), id="photo with GPS"),
    ],
)
def test_an_artifact_that_is_not_what_a_conversion_makes_is_refused(spoil, copy: Path, content: Path) -> None:
    spoil(copy)
    with pytest.raises(Refused):
        accept(copy, content, 7, ImageSettings())


def test_a_slug_taken_since_the_conversion_is_refused(copy: Path, content: Path) -> None:
    (content / "posts" / SLUG).mkdir()
    (content / "posts" / SLUG / "index.md").write_text("---\n---\n", encoding="utf-8")
    with pytest.raises(Refused, match="sudah ada di repositori"):
        accept(copy, content, 7, ImageSettings())


def _with_gps(photo: Path) -> None:
    """The photo as a phone wrote it: its location still in the EXIF."""
    exif = Image.Exif()
    exif[ExifTags.IFD.GPSInfo] = {ExifTags.GPS.GPSLatitudeRef: "S", ExifTags.GPS.GPSLatitude: (7.0, 14.0, 28.0)}
    with Image.open(photo) as image:
        image.load()
        image.save(photo, "JPEG", exif=exif.tobytes())


def _edit_result(artifact: Path, **changes: object) -> None:
    path = artifact / "hasil.json"
    path.write_text(json.dumps(json.loads(path.read_text(encoding="utf-8")) | changes), encoding="utf-8")


def test_comments_escape_the_creators_text(copy: Path) -> None:
    title = "Pantai [klik](https://evil.example) @everyone <img src=x>"
    _edit_result(copy, title=title, summary="Ringkasan **tebal** dan ![gambar](https://evil.example/x.png)")
    result = read_result(copy / "hasil.json", 7)
    text = issue_comment("ok", result, pr_url="https://github.com/o/r/pull/9")
    assert text.startswith(f"{ISSUE_MARKER}\n### ✅ Kiriman Anda sudah menjadi pull request")
    assert "https://github.com/o/r/pull/9" in text
    assert f"> **{md_text(title)}**" in text
    for markup in (r"\[klik\]", r"!\[gambar\]", r"<img", r"@everyone"):  # each only as escaped text
        assert not re.search(r"(?<!\\)" + markup, text), markup


def test_the_problem_comment_lists_every_field(tmp_path: Path, content: Path) -> None:
    result = run_kiriman(
        fixture("umkm-salah"), content, tmp_path, author="siti-a", assets=make_assets(tmp_path / "lampiran")
    )
    assert result.returncode == 1
    text = issue_comment("problems", read_result(tmp_path / "hasil.json", 7))
    assert text.startswith(f"{ISSUE_MARKER}\n### ✏️ Ada 16 hal yang perlu diperbaiki\n")
    assert '- **Nomor WhatsApp untuk pesan**: ditemukan "0812"; bukan nomor HP Indonesia' in text
    assert "- **Teks alternatif, foto ke\\-2**: belum punya baris teks alternatif" in text
    assert "klik **⋯**" in text and "**Edit**" in text
    assert '- `umkm_whatsapp`: found "0812"' in text  # the English list, folded away


def test_comment_command_falls_back_to_a_system_problem(tmp_path: Path) -> None:
    output = tmp_path / "komentar.md"
    assert (
        kiriman_publish.main(
            [
                "comment",
                "--artifact",
                str(tmp_path / "tidak-ada"),
                "--issue",
                "7",
                "--state",
                "ok",
                "--pr-url",
                "https://evil.example/x",
                "--run-url",
                "https://github.com/o/r/actions/runs/12",
                "--output",
                str(output),
            ]
        )
        == 0
    )
    text = output.read_text(encoding="utf-8")
    assert "### ⚠️ Kiriman belum bisa diproses" in text
    assert "https://github.com/o/r/actions/runs/12" in text and "evil.example" not in text


def test_a_post_credited_to_someone_else_is_refused(copy: Path, content: Path) -> None:
    creator = copy / "konten" / "creators" / "sari-rahayu.yml"
    creator.write_text(
        creator.read_text(encoding="utf-8").replace("github: bu-sari", "github: someone-else"), encoding="utf-8"
    )
    with pytest.raises(Refused, match="kreator pos tidak sesuai"):
        accept(copy, content, 7, ImageSettings())
