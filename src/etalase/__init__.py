"""Etalase: a content hub kit for Indonesian regencies, as a pipeline and an MkDocs plugin.

Where a change of each kind goes:

* a front-matter field: :mod:`etalase.content.schema` (it flows into validation, the
  guide's tables, the JSON Schema, the scaffold and the issue forms);
* a category: :mod:`etalase.content.categories` (one entry), a partial under
  ``overrides/partials/etalase/`` and a demo post;
* a kind of listing page: :mod:`etalase.build.listings` (one entry);
* a page type: :mod:`etalase.build.pages`, with its template under ``overrides/etalase/``;
* a URL: :mod:`etalase.content.urls`; what search engines read: :mod:`etalase.build.seo`;
* a figure of the report (``/laporan/``): :mod:`etalase.build.report_page`, drawn by :mod:`etalase.build.charts`;
* the brand block of ``mkdocs.yml``: :mod:`etalase.content.brand`;
* a message for people about a field: :mod:`etalase.content.explain`;
* the commands: :mod:`etalase.cli` over :mod:`etalase.api`.
"""

__version__ = "0.2.0"
