#!/usr/bin/env python3
"""Create a new post bundle that passes the checks: ``etalase post`` for those who run it by path.

    python scripts/new_post.py                       # asks for what it needs
    python scripts/new_post.py --category umkm --title "Keripik Tempe Bu Sari" \\
        --creator rina-wulandari --region sekar-kota/pasar-lama [--cover foto.jpg] [--slug ...]

See :mod:`etalase.scaffold`. Exit status: 0 when the post was written, 1 when
the slug is taken, 2 when an answer or option is not valid (or input ended).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from etalase.scaffold import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main([*sys.argv[1:]] if "--content" in sys.argv else [*sys.argv[1:], "--content", str(ROOT / "content")]))
