"""A package a maintainer can carry: `pip install .` gives a working `etalase` command, and the build
also runs on ProperDocs, the maintained MkDocs 1.x line.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import DEMO_CONTENT, NOW, ROOT, content_cache, seed_caches

BIN = Path(sys.executable).parent


def config_copy(folder: Path, **plugin: object) -> Path:
    """mkdocs.yml with absolute docs and theme folders and its own cache."""
    data = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    data["docs_dir"] = str(ROOT / "docs")
    data["theme"]["custom_dir"] = str(ROOT / "overrides")
    data["plugins"] = [{"etalase": {"cache_dir": str(folder / "cache"), **plugin}}]
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def article_pages(site: Path) -> set[str]:
    return {page.parent.name for page in site.glob("artikel/*/index.html")}


OUTSIDE = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
"""The environment of a maintainer's shell: no ``PYTHONPATH`` pointing at a checkout's ``scripts/``."""


@pytest.mark.slow  # a new virtual environment and every dependency installed into it: minutes
def test_pip_install_gives_a_working_etalase_command(tmp_path: Path, demo_build: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    # The pinned versions of requirements.txt as constraints (which may not name extras).
    pins = re.sub(r"\[[^\]]*\]", "", (ROOT / "requirements.txt").read_text(encoding="utf-8"))
    (tmp_path / "constraints.txt").write_text(pins, encoding="utf-8")
    install = subprocess.run(
        [
            str(venv / "bin" / "pip"),
            "install",
            "-q",
            "--disable-pip-version-check",
            "-c",
            str(tmp_path / "constraints.txt"),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=900,
        env=OUTSIDE,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    where = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import etalase; print(etalase.__file__)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
        env=OUTSIDE,
    ).stdout
    assert str(venv) in where  # the installed package, not the checkout's scripts/
    config = config_copy(tmp_path)
    seed_caches(demo_build, content_cache(config, DEMO_CONTENT))  # what is tested is the command, not the photos
    site = tmp_path / "site"
    built = subprocess.run(
        [
            str(venv / "bin" / "etalase"),
            "build",
            "--config",
            str(config),
            "--content",
            str(DEMO_CONTENT),
            "--site-dir",
            str(site),
            "--now",
            NOW,
            "--no-search",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
        env=OUTSIDE,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    assert "Situs selesai" in built.stdout
    assert article_pages(site) == article_pages(demo_build / "site")  # every post the checkout's build has
    assert len(article_pages(site)) >= 13
    checked = subprocess.run(
        [str(venv / "bin" / "etalase"), "check", "--config", str(config), "--content", str(DEMO_CONTENT), "--now", NOW],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=OUTSIDE,
    )
    assert checked.returncode == 0 and "Konten beres" in checked.stdout


def test_the_site_builds_on_properdocs(tmp_path: Path, demo_build: Path) -> None:
    site = tmp_path / "site"
    config = config_copy(tmp_path, content_dir=str(DEMO_CONTENT), now=NOW, search=False)
    seed_caches(demo_build, content_cache(config, DEMO_CONTENT))  # the demo's photos, processed once per run
    result = subprocess.run(
        [str(BIN / "properdocs"), "build", "--strict", "-f", str(config), "-d", str(site)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "ProperDocs" in home.find("meta", attrs={"name": "generator"})["content"]
    assert article_pages(site) == article_pages(demo_build / "site")
    assert len(article_pages(site)) >= 13
    assert (site / "wisata" / "index.html").is_file() and (site / "feed.xml").is_file()


def test_dependabot_watches_python_node_and_actions() -> None:
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert config["version"] == 2
    assert {update["package-ecosystem"] for update in config["updates"]} == {"pip", "npm", "github-actions"}
    pip = next(update for update in config["updates"] if update["package-ecosystem"] == "pip")
    assert {"dependency-name": "mkdocs", "versions": [">=2"]} in pip["ignore"]  # 2.0 runs no plugins


def test_codespaces_builds_the_site_when_the_container_is_made() -> None:
    text = (ROOT / ".devcontainer" / "devcontainer.json").read_text(encoding="utf-8")
    config = json.loads(re.sub(r"^\s*//.*$", "", text, flags=re.MULTILINE))  # JSON with comments
    assert config["postCreateCommand"] == "make site"
    assert 8000 in config["forwardPorts"]
    assert "3.11" in config["image"]
