"""Indonesia's three time zones, named as Indonesians write them: WIB, WITA, WIT.

Every date a creator writes carries one of them (``2026-11-20 08:00 WITA``),
every date the site shows names it, and a regency's own zone
(``extra.brand.timezone``) is the default of the scaffold and the form route.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Literal

WIB = timezone(timedelta(hours=7), "WIB")
"""Waktu Indonesia Barat: Sumatra, Java, West and Central Kalimantan."""
WITA = timezone(timedelta(hours=8), "WITA")
"""Waktu Indonesia Tengah: Bali, Nusa Tenggara, South, East and North Kalimantan, Sulawesi."""
WIT = timezone(timedelta(hours=9), "WIT")
"""Waktu Indonesia Timur: Maluku and Papua."""

ZONES: dict[str, timezone] = {"WIB": WIB, "WITA": WITA, "WIT": WIT}
"""Each zone by its name."""
Zone = Literal["WIB", "WITA", "WIT"]
"""A zone's name, as ``extra.brand.timezone`` takes it."""
DEFAULT_ZONE: Zone = "WIB"


def zone_name(moment: datetime) -> str:
    """``WIB``, ``WITA`` or ``WIT`` for an aware ``moment`` in one of them, else ``""``."""
    offset = moment.utcoffset()
    for name, zone in ZONES.items():
        if offset == zone.utcoffset(None):
            return name
    return ""


def is_indonesian(moment: datetime) -> bool:
    """Whether ``moment`` carries the offset of WIB, WITA or WIT."""
    return bool(zone_name(moment))


def written(moment: datetime) -> str:
    """``moment`` as a creator writes it in front matter: ``2026-11-20 08:00 WITA``."""
    return f"{moment:%Y-%m-%d %H:%M} {zone_name(moment)}".rstrip()
