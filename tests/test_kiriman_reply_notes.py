"""The reply on the issue says how the form's answers were read: dates in words, each photo with its alt text."""

from __future__ import annotations

import json
from pathlib import Path

from etalase.kiriman import accept as kiriman_publish
from etalase.kiriman import convert as kiriman

from conftest import LOGIN, NOW, ROOT
from test_kiriman import make_assets

FIXTURES = ROOT / "tests" / "fixtures" / "kiriman"


def convert_and_reply(content: Path, out: Path, state: str = "ok") -> str:
    code = kiriman.main(
        ["--body", str(FIXTURES / "budaya.md"), "--author", LOGIN, "--issue", "12", "--content", str(content)]
        + ["--report", str(out / "hasil.json"), "--notes", str(out / kiriman_publish.NOTES_FILE)]
        + ["--now", NOW, "--config", str(ROOT / "mkdocs.yml"), "--assets", str(make_assets(out.parent / "lampiran"))]
    )
    assert code == 0
    reply = out / "balasan.md"
    assert (
        kiriman_publish.main(
            ["comment", "--artifact", str(out), "--issue", "12", "--state", state, "--output", str(reply)]
        )
        == 0
    )
    return reply.read_text(encoding="utf-8")


def test_the_reply_says_how_dates_and_photos_were_read(content: Path, tmp_path: Path) -> None:
    reply = convert_and_reply(content, tmp_path / "kiriman")

    assert "#### Cara isian Anda dibaca" in reply
    assert "- **Mulai acara**: dibaca\\: Minggu, 20 Desember 2026 pukul 19\\.00 WIB" in reply
    assert "- **Selesai acara**: dibaca\\: Minggu, 20 Desember 2026 pukul 22\\.00 WIB" in reply
    assert (
        "- **Foto, foto ke\\-1**: sampul\\.jpg \\(sampul\\)\\: teks alternatif “Penabuh gendang duduk berjajar" in reply
    )
    assert (
        "- **Tanggal terbit**: kosong\\: pos tampil di situs saat editor menggabungkannya, dan tanggal terbitnya "
        "adalah waktu penggabungan itu"
    ) in reply
    # a reply that asks for fixes carries them too
    assert "dibaca\\: Minggu, 20 Desember 2026" in convert_and_reply(content, tmp_path / "lagi", state="problems")


def test_notes_that_are_not_what_a_conversion_writes_are_left_out(content: Path, tmp_path: Path) -> None:
    out = tmp_path / "kiriman"
    convert_and_reply(content, out)
    notes = out / kiriman_publish.NOTES_FILE
    for forged in ('[{"label": "x", "message": "<script>"}]', "bukan json", json.dumps([{"a": 1}] * 3)):
        notes.write_text(forged, encoding="utf-8")
        assert kiriman_publish.read_notes(notes) == []
    notes.write_text(json.dumps([{"label": "Judul", "field": "title", "message": "**tebal** @semua",
                                  "message_en": "bold", "item": "", "item_en": ""}]), encoding="utf-8")  # fmt: skip
    reply = kiriman_publish.issue_comment("ok", None, notes=kiriman_publish.read_notes(notes))
    assert "#### Cara isian Anda dibaca" not in reply  # no result: no post to speak of
    result = kiriman_publish.read_result(out / "hasil.json", 12)
    reply = kiriman_publish.issue_comment("ok", result, notes=kiriman_publish.read_notes(notes))
    assert "**tebal** @semua" not in reply  # contributed text is shown as text, never as Markdown or a mention


def test_the_form_workflow_keeps_the_notes_for_the_reply() -> None:
    import yaml

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "kiriman.yml").read_text(encoding="utf-8"))
    runs = [step.get("run", "") for job in workflow["jobs"].values() for step in job.get("steps", [])]
    convert = next(run for run in runs if "--report" in run and "hasil.json" in run)
    assert f'--notes "$out/{kiriman_publish.NOTES_FILE}"' in convert  # beside hasil.json, in the artifact
