#!/usr/bin/env python3
"""Turn an issue made with a "Kirim pos" issue form into a post bundle, or say what to fix.

    python scripts/kiriman.py --body issue.md --author rina-w --issue 12 --content content \\
        [--assets DIR] [--now 2026-12-01T12:00:00+07:00] [--report hasil.json] [--config mkdocs.yml]

Reads the issue body as GitHub writes a form into it, fetches its photos from
GitHub's attachment hosts, and writes ``content/posts/<slug>/`` (and
``content/creators/<id>.yml`` for a creator not known yet) when the post
passes the same checks as ``scripts/build.py --check``. The logic is in
``scripts/etalase/kiriman.py``; the forms are made by ``make form``.

Options for tests and offline review (never used by the workflow):

* ``--assets DIR`` reads attachment ``<id>`` from ``DIR/<id>`` instead of downloading it;
* ``--test-attachment-host http://127.0.0.1:PORT`` takes attachments from a
  local test server (``/user-attachments/assets/<id>``) instead of GitHub;
  only a loopback address is accepted.

Exit status: 0 when the bundle was written (its path is printed), 1 when the
form has problems (printed one per line, by the form field's label, in Bahasa
Indonesia with an English line; nothing is written), 2 when used wrongly.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from etalase.kiriman import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
