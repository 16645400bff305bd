"""Percentages and map points as people write or paste them, read once for the form and for front matter.

* a percentage: ``65``, ``65%``, ``65 %``, ``65 persen``;
* one coordinate: ``-7.2412``, ``-7,2412`` (Indonesian decimal comma),
  ``-7,2412°``, ``7,2412° LS`` (south is negative, as ``S``; ``LU``/``N``,
  ``BT``/``E`` positive; ``BB``/``W`` negative);
* a point (latitude and longitude together): ``-7.2412, 110.4021``,
  ``-7,2412; 110,4021``, or a Google Maps link pasted whole
  (``…/@-7.2412,110.4021,17z``, ``…?q=-7.2412,110.4021``,
  ``…/place/Curug/@…`` where the marker's own ``!3d…!4d…`` wins).

A short ``maps.app.goo.gl`` link hides the numbers behind a redirect that is
never followed here: :func:`read_point` refuses it with the way to copy the
numbers instead (:data:`HOW_TO_COPY`).
"""

from __future__ import annotations

import re
from urllib.parse import unquote

HOW_TO_COPY = (
    "buka Google Maps, tekan lama titik lokasinya sampai muncul penanda, lalu salin dua angka yang tampil "
    "(mis. -7.2412, 110.4021) dan tempel di sini",
    "open Google Maps, press and hold the place until a pin appears, then copy the two numbers shown "
    "(e.g. -7.2412, 110.4021) and paste them here",
)
"""How to get a point's numbers on a phone (Indonesian, English)."""


class NumberTextError(ValueError):
    """A number or point that cannot be read, with the reason in Indonesian and in English."""

    def __init__(self, message: str, message_en: str):
        super().__init__(message)
        self.message = message
        self.message_en = message_en


_NUMBER = r"[-+−]?\d{1,3}(?:[.,]\d+)?"
_SHORT_LINK = re.compile(r"(?i)\b(?:maps\.app\.goo\.gl|goo\.gl/maps)/\S*")
_MARKER = re.compile(r"!3d(-?\d+(?:\.\d+)?)!4d(-?\d+(?:\.\d+)?)")
_AT = re.compile(r"/@(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)")
_QUERY = re.compile(r"[?&](?:q|query|ll|center|destination|daddr)=(?:loc:)?(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)")
_ONE = re.compile(rf"\s*({_NUMBER})\s*°?\s*(LS|LU|BT|BB|[NSEW])?\s*", re.IGNORECASE)
_NEGATIVE = {"ls", "s", "bb", "w"}


def read_percent(text: str) -> int | str:
    """``65%``, ``65 persen`` → 65; anything else is returned as it is (the schema says what is wrong)."""
    match = re.fullmatch(r"\s*(\d{1,3})(?:[.,]0+)?\s*(?:%|persen)?\s*", text, flags=re.IGNORECASE)
    return int(match.group(1)) if match else text


def is_short_map_link(text: str) -> bool:
    return _SHORT_LINK.search(text) is not None


def read_degrees(text: str) -> float:
    """One coordinate (see the module's notes)."""
    match = _ONE.fullmatch(text.replace("−", "-"))
    if match is None:
        raise NumberTextError("harus berupa angka", "must be a number")
    value = float(match.group(1).replace(",", "."))
    if (match.group(2) or "").casefold() in _NEGATIVE:
        value = -abs(value)
    return value


def read_point(text: str) -> tuple[float, float] | None:
    """``(lat, lon)`` from a map link or a pair; None when ``text`` holds one number (or no point at all).

    Raises :class:`NumberTextError` for a short map link, whose numbers cannot be read here.
    """
    if is_short_map_link(text):
        raise NumberTextError(
            "tautan pendek Google Maps tidak bisa dibuka di sini; " + HOW_TO_COPY[0],
            "a short Google Maps link cannot be opened here; " + HOW_TO_COPY[1],
        )
    link = unquote(text).replace("%2C", ",")
    for pattern in (_MARKER, _QUERY, _AT):
        found = pattern.search(link)
        if found:
            return float(found.group(1)), float(found.group(2))
    cleaned = text.strip().replace("−", "-")
    if re.fullmatch(r"-?\d+\.\d+,-?\d+\.\d+", cleaned):  # a comma without a space only between dot decimals
        cleaned = cleaned.replace(",", ", ")
    for separator in (r"\s*;\s*", r",\s+", r"\s+"):
        parts = re.split(separator, cleaned)
        if len(parts) == 2:
            try:
                return read_degrees(parts[0]), read_degrees(parts[1])
            except NumberTextError:
                continue
    return None
