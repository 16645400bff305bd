"""One command: each tool is a subcommand of ``etalase``, and its help names it as it is typed."""

from __future__ import annotations

import pytest

from etalase import cli


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
