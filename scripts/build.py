#!/usr/bin/env python3
"""Build the Etalase site, or only check the content: ``etalase build`` for those who run it by path.

    python scripts/build.py --check            # validate mkdocs.yml's brand and content/, build nothing
    python scripts/build.py                    # validate, photos, pages, MkDocs, search, publish
    python scripts/build.py --content DIR --site-dir DIR [--now ISO] [--no-search] [--timings]
    python scripts/build.py --preview-scheduled  # scheduled posts too, marked "Terjadwal"

The same as ``etalase build`` (``etalase check`` with ``--check``); the
package is installed by ``make site`` (``pip install -e .``). Exit status: 0
when all is well, 1 when the content has problems, 2 when the command is used
wrongly (unknown option, missing config or folder).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from etalase.cli import build_options, leave, run

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Periksa dan bangun situs Etalase. (Check and build the site.)")
    return run(build_options(parser, config=ROOT / "mkdocs.yml").parse_args(argv))


if __name__ == "__main__":
    leave(main())
