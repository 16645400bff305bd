"""``python -m etalase``: the ``etalase`` command (:mod:`etalase.cli`)."""

import sys

from etalase.cli import main

sys.exit(main())
