"""Etalase: a content hub kit for Indonesian regencies, as a pipeline and an MkDocs plugin.

Where a change of each kind goes:

* a front-matter field: :mod:`etalase.schema` (it flows into validation, the
  guide's tables, the JSON Schema, the scaffold and the issue forms);
* a category: :mod:`etalase.categories` (one entry), a partial under
  ``overrides/partials/etalase/`` and a demo post;
* a kind of listing page: :mod:`etalase.listings` (one entry);
* a page type: :mod:`etalase.pages`, with its template under ``overrides/etalase/``;
* a URL: :mod:`etalase.urls`; what search engines read: :mod:`etalase.seo`;
* a figure of the report (``/laporan/``): :mod:`etalase.report`, drawn by :mod:`etalase.charts`;
* the brand block of ``mkdocs.yml``: :mod:`etalase.brand`;
* a message for people about a field: :mod:`etalase.explain`;
* the commands: :mod:`etalase.cli` over :mod:`etalase.api`.
"""

__version__ = "0.2.0"
