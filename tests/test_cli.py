"""One command: each tool is a subcommand of ``etalase``, and its help names it as it is typed."""

from __future__ import annotations

import os
import subprocess
import sys
from functools import partial
from pathlib import Path

import pytest

from etalase import cli

from conftest import BUILD, NOW, ROOT
from untrusted_content import add_post, base_content, front_matter


@pytest.mark.parametrize(
    "command",
    [
        ["kiriman", "convert"],
        ["kiriman", "accept"],
        ["ci", "pr-check"],
        ["ci", "due"],
        ["post"],
        ["foto"],
        ["screenshots"],
    ],
)
def test_every_tool_answers_help_under_its_own_name(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main([*command, "--help"])
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith(f"usage: etalase {' '.join(command)} ")


def test_an_unknown_member_of_a_group_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main(["kiriman", "kirim"])
    assert done.value.code == 2
    assert "etalase kiriman" in capsys.readouterr().err


def test_the_cache_seal_names_its_group(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["cache", "seal", "--help"])
    assert capsys.readouterr().out.startswith("usage: etalase cache ")


@pytest.mark.parametrize("program", [["-m", "etalase", "check"], [str(BUILD), "--check"]], ids=["etalase", "build.py"])
def test_the_program_leaves_with_every_line_out_and_its_status(program: list[str], tmp_path: Path) -> None:
    """The program ends without tearing its objects down (cli.leave): what it printed into a pipe (buffered, not
    a terminal) and its log must still all arrive, with the exit status, on success and on problems."""
    content = base_content(tmp_path / "content")
    add_post(content, "pos-baik", front_matter())
    command = [sys.executable, *program, "--config", str(ROOT / "mkdocs.yml"), "--now", NOW, "--content"]
    buffered = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    run = partial(subprocess.run, cwd=ROOT, capture_output=True, text=True, timeout=300, env=buffered)
    good = run([*command, str(content)])
    assert good.returncode == 0, good.stderr
    assert good.stdout.strip().endswith("(content OK)")

    add_post(content, "pos-salah", front_matter(category="kuliner-malam"))
    bad = run([*command, str(content)])
    assert bad.returncode == 1
    assert "pos-salah/index.md" in bad.stdout and "kuliner-malam" in bad.stdout
    assert bad.stderr.rstrip().endswith("(1 problems in 1 files)")
