"""Months, dates and rupiah as Indonesians write them, from CLDR (Babel), not tables of our own."""

from __future__ import annotations

from datetime import datetime

from etalase.build.theme import rupiah, short_month, tanggal
from etalase.content.datetext import MONTHS, SHORT_MONTHS
from etalase.content.zones import WIB, WIT


def test_month_names() -> None:
    assert MONTHS == (
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    )  # fmt: skip
    assert SHORT_MONTHS == ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
    assert short_month(datetime(2026, 12, 20, tzinfo=WIB)) == "Des"


def test_dates_and_prices() -> None:
    assert tanggal(datetime(2026, 8, 17, 19, 0, tzinfo=WIB)) == "17 Agustus 2026"
    assert tanggal(datetime(2026, 8, 17, 19, 0, tzinfo=WIB), with_time=True) == "17 Agustus 2026, 19.00 WIB"
    assert tanggal(datetime(2027, 1, 5, 7, 30, tzinfo=WIT), with_time=True) == "5 Januari 2027, 07.30 WIT"
    assert rupiah(25000) == "Rp25.000"
    assert rupiah(1500000) == "Rp1.500.000"
    assert rupiah(750) == "Rp750"
