"""``mkdocs.yml`` for the tools that run without MkDocs: the one reader of the regency's settings.

A build reads ``mkdocs.yml`` through MkDocs (:mod:`etalase.api`), which
resolves defaults and plugins. The tools that only need a value or two (the
new-post scaffold, the issue forms, the form converter, the deploy's Pages
check) read it here, in one way: YAML with every tag that names Python
(Markdown extensions' ``!!python/name:``) or MkDocs (``!ENV``) read as
nothing, so no code in the file ever runs. A file that cannot be read gives
the defaults.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from etalase.content.zones import DEFAULT_ZONE, ZONES, Zone


class _Loader(yaml.SafeLoader):
    """Safe YAML that reads a tag it does not know (``!!python/…``, ``!ENV``) as nothing."""


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Settings:
    """What the tools need of ``mkdocs.yml``."""

    data: dict[str, Any] = field(default_factory=dict)
    """The whole file as data (tags read as nothing)."""

    @property
    def brand(self) -> dict[str, Any]:
        extra = self.data.get("extra")
        brand = extra.get("brand") if isinstance(extra, dict) else None
        return brand if isinstance(brand, dict) else {}

    @property
    def site_url(self) -> str:
        """``site_url``, or ``/`` when the file names none."""
        return str(self.data.get("site_url") or "/")

    @property
    def zone(self) -> Zone:
        """The regency's time zone (``extra.brand.timezone``), or the default when it names none or no known one."""
        value = self.brand.get("timezone")
        return value if value in ZONES else DEFAULT_ZONE


def read_settings(config_file: Path) -> Settings:
    """``config_file`` as :class:`Settings`; the defaults when it is missing or not YAML."""
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return Settings()
    return Settings(data if isinstance(data, dict) else {})


def parse_now(text: str | None) -> datetime:
    """The moment a command treats as now: ``--now`` as given (ISO 8601), or the real time.

    A moment written without a zone is UTC, for every command alike. Raises
    :class:`ValueError` with a message in Bahasa Indonesia and English when
    ``text`` is not a date and time.
    """
    if not text:
        return datetime.now(UTC)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"--now bukan waktu ISO yang sah: {text!r} (not an ISO date-time)") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
