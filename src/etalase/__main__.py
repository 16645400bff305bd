"""``python -m etalase``: the ``etalase`` command (:mod:`etalase.cli`)."""

from etalase.cli import console

console()
