"""The pages made from content are drawn by our templates outside MkDocs' page build (etalase.build.templates).

MkDocs builds only the hand-written pages; the generated ones are drawn
straight from the theme's Jinja environment, whose templates are compiled
once per build, before the page workers fork, and whose bytecode is kept
between builds, where a damaged entry is compiled again.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from jinja2 import DictLoader, Environment
from mkdocs.config import load_config

from etalase.build import theme
from etalase.build.templates import CARD, OWN_FOLDERS, Templates
from etalase.content import urls
from etalase.content.brand import check_brand
from etalase.content.categories import REGISTRY
from test_render_cache import assert_same_site

from conftest import ROOT, content_cache, run_build, write_config

HAND_WRITTEN = {
    "tentang.md",
    "aksesibilitas.md",
    *(f"panduan/{name}" for name in ("index.md", "lewat-formulir.md", "lewat-github.md", "lewat-komputer.md")),
    *(f"panduan/{name}" for name in ("isian.md", "konten-positif.md", "editor.md")),
}
"""The pages of docs/ that mkdocs.yml's nav names."""

RECORDER = """
import json, os

def on_page_context(context, page, config, nav):
    with open(os.environ["ETALASE_TEST_RECORD"], "a", encoding="utf-8") as record:
        record.write(json.dumps(page.file.src_uri) + "\\n")
    return context
"""
"""An MkDocs hook (mkdocs.yml ``hooks:``) that writes down every page MkDocs builds."""


def test_mkdocs_builds_only_the_hand_written_pages(tmp_path: Path, demo_build: Path) -> None:
    config = write_config(tmp_path / "config", search=False)
    hook = tmp_path / "config" / "record.py"
    hook.write_text(RECORDER, encoding="utf-8")
    config.write_text(config.read_text(encoding="utf-8") + f"hooks:\n  - {hook}\n", encoding="utf-8")
    record = tmp_path / "pages.jsonl"
    result = run_build("--config", config, "--site-dir", tmp_path / "site", env={"ETALASE_TEST_RECORD": str(record)})
    assert result.returncode == 0, result.stdout + result.stderr
    seen = [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines()]
    assert sorted(seen) == sorted(HAND_WRITTEN)
    # ...while the generated pages are all there, drawn by our templates.
    site = tmp_path / "site"
    for url in ("", *(category.url for category in REGISTRY), urls.agenda(), urls.search(), urls.archive()):
        assert (site / url / "index.html").is_file(), url
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<body class="etalase-page">' in home
    assert (site / "sitemap.xml").read_text(encoding="utf-8").count("<loc>") == len(
        [path for path in site.rglob("index.html") if path.parent.name != "indeks-cari"]
    )


def _environment(tmp_path: Path) -> tuple[Environment, Templates, list[str]]:
    config = load_config(config_file=str(write_config(tmp_path / "config")))
    env = config.theme.get_env()
    brand, problems = check_brand(config)
    assert brand is not None, problems
    theme.install(env, brand=brand, hero=None)  # the filters our templates use
    own = sorted(
        path.relative_to(ROOT / "overrides").as_posix()
        for folder in OWN_FOLDERS
        for path in (ROOT / "overrides" / folder).glob("*.html")
    )
    return env, Templates(env, config, tmp_path / "templates", generator="mkdocs-test"), own


def _count_compiles(env: Environment) -> list[str]:
    compiled: list[str] = []
    original = env.compile

    def counting(source, name=None, filename=None, raw=False, defer_init=False):  # type: ignore[no-untyped-def]
        compiled.append(name)
        return original(source, name, filename, raw, defer_init)

    env.compile = counting  # type: ignore[method-assign]
    return compiled


def test_every_template_of_ours_is_compiled_before_any_page_is_drawn(tmp_path: Path) -> None:
    env, templates, own = _environment(tmp_path)
    assert len(own) > 30
    compiled = _count_compiles(env)
    templates.compile({"etalase/home.html"})
    assert sorted(compiled) == own
    compiled.clear()
    for name in own:  # what a forked worker asks for is compiled already
        env.get_template(name)
    assert compiled == []


def test_a_second_build_loads_the_compiled_templates_and_a_damaged_one_is_compiled_again(tmp_path: Path) -> None:
    _, first, own = _environment(tmp_path / "first")
    first.compile(set())
    folder = tmp_path / "first" / "templates"
    (digest_folder,) = folder.iterdir()
    entries = sorted(digest_folder.iterdir())
    assert len(entries) == len(own)

    env, second, _ = _environment(tmp_path / "first")
    compiled = _count_compiles(env)
    second.compile(set())
    assert compiled == []  # every template from the bytecode cache

    entries[0].write_bytes(b"not bytecode")
    entries[1].write_bytes(entries[1].read_bytes()[:20])
    env, third, _ = _environment(tmp_path / "first")
    compiled = _count_compiles(env)
    third.compile(set())
    assert len(compiled) == 2


def test_bytecode_of_other_code_is_dropped(tmp_path: Path) -> None:
    _, templates, _ = _environment(tmp_path)
    stale = tmp_path / "templates" / "0123456789abcdef"
    stale.mkdir(parents=True)
    (stale / "__jinja2_x.cache").write_bytes(b"old")
    templates.compile(set())
    assert not stale.exists()
    assert len(list((tmp_path / "templates").iterdir())) == 1


@pytest.mark.parametrize("damage", ["garbage", "empty"])
def test_a_build_with_damaged_compiled_templates_equals_a_fresh_build(
    tmp_path: Path, content_copy: Path, damage: str
) -> None:
    config = write_config(tmp_path / "warm", search=False)
    args = ("--config", config, "--content", content_copy)
    assert run_build(*args, "--site-dir", tmp_path / "first").returncode == 0
    cache = content_cache(config, content_copy)
    for entry in (cache / "templates").rglob("*.cache"):
        entry.write_bytes(b"\x00garbage" * 5 if damage == "garbage" else b"")
    for folder in ("pages", "bodies"):  # draw every page again, with the damaged templates
        for path in sorted((cache / folder).rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
    result = run_build(*args, "--site-dir", tmp_path / "again")
    assert result.returncode == 0, result.stdout + result.stderr
    fresh = write_config(tmp_path / "fresh", search=False)
    assert (
        run_build("--config", fresh, "--content", content_copy, "--site-dir", tmp_path / "fresh-site").returncode == 0
    )
    assert_same_site(tmp_path / "again", tmp_path / "fresh-site")


def test_a_card_is_drawn_once_for_each_way_it_is_shown() -> None:
    drawn: list[str] = []
    env = Environment(
        loader=DictLoader({CARD: "{{ note(card.name) }}{{ card.name }}/{{ featured }}/{{ heading }}@{{ base_url }}"})
    )
    env.globals["note"] = lambda name: drawn.append(name) or ""
    Templates(env, load_config(config_file=str(ROOT / "mkdocs.yml")), Path("unused"), generator="test")
    page = env.from_string(
        "{{ etalase_card(a) }}|{{ etalase_card(a) }}|{{ etalase_card(b) }}|{{ etalase_card(a, featured=true) }}"
        "|{{ etalase_card(a, heading=2) }}"
    )
    a, b = SimpleNamespace(name="a"), SimpleNamespace(name="b")
    assert (
        page.render(a=a, b=b, base_url="..", config={})
        == "a/False/3@..|a/False/3@..|b/False/3@..|a/True/3@..|a/False/2@.."
    )
    assert drawn == ["a", "b", "a", "a"]
    assert page.render(a=a, b=b, base_url="../..", config={}).startswith("a/False/3@../..|")  # another depth
    assert drawn == ["a", "b", "a", "a", "a", "b", "a", "a"]


def test_a_card_links_to_its_post_alike_from_every_page_at_one_depth(demo_site: Path) -> None:
    """The property that lets a card be drawn once: its HTML depends on the page's depth, not on the page."""
    cards: dict[tuple[str, int], set[str]] = {}
    for path in demo_site.rglob("index.html"):
        depth = len(path.relative_to(demo_site).parts) - 1
        html = path.read_text(encoding="utf-8")
        for article in re.findall(r'<article class="etalase-card .*?</article>', html, flags=re.DOTALL):
            (title,) = re.findall(r'etalase-card__title"><a href="([^"]+)"', article)
            resolved = posixpath.normpath(posixpath.join(path.parent.relative_to(demo_site).as_posix(), title))
            assert (demo_site / resolved / "index.html").is_file(), (path, title)
            cards.setdefault((resolved, depth), set()).add(re.sub(r"etalase-card--featured|<h\d|</h\d", "", article))
    assert len(cards) > 20
    assert {key: len(kinds) for key, kinds in cards.items() if len(kinds) > 1} == {}
