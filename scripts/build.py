#!/usr/bin/env python3
"""Build the Etalase site, or only check the content: ``etalase build`` for those who run it by path.

    python scripts/build.py --check            # validate mkdocs.yml's brand and content/, build nothing
    python scripts/build.py                    # validate, photos, pages, MkDocs, search, publish
    python scripts/build.py --content DIR --site-dir DIR [--now ISO] [--no-search] [--timings]
    python scripts/build.py --preview-scheduled  # scheduled posts too, marked "Terjadwal"

``--preview-scheduled`` is the PR check's build: posts dated after ``--now``
(drafts never) are checked, their photos processed and their pages built as
if published, so that a scheduled post's problems show before its date. Its
page says "Terjadwal: terbit <tanggal, jam, zona>" under the title and its
cards carry a "Terjadwal" badge. The published site never uses it.

The pipeline: load → validate → photos → pages → MkDocs → search index →
atomic switch to the new site (see :mod:`etalase.api`). Every problem in the
content is reported in one run, one per line, ``path:line: field: message``
in Bahasa Indonesia with an English second line.

Exit status: 0 when all is well, 1 when the content has problems, 2 when the
command is used wrongly (unknown option, missing config or folder).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from etalase.cli import build_options, run  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Periksa dan bangun situs Etalase. (Check and build the site.)")
    return run(build_options(parser, config=ROOT / "mkdocs.yml").parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
