"""Small text helpers that several steps share: slugs, did-you-mean hints, values in messages."""

from __future__ import annotations

import difflib
import re
import unicodedata
from enum import Enum
from typing import Any

SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
"""A URL part: lowercase ASCII words joined by ``-``."""


def ascii_words(text: str) -> list[str]:
    """Lowercase ASCII words of ``text``, accents removed: ``"Kué Lapis!"`` → ``["kue", "lapis"]``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.findall(r"[a-z0-9]+", ascii_text.lower())


def slugify(text: str, limit: int = 60) -> str:
    """``"Festival Layang-Layang 2026!"`` → ``festival-layang-layang-2026``, cut at a word boundary.

    The slug stays within ``limit`` characters unless its first word alone is
    longer (then that word is cut). ``""`` when ``text`` has no letter or digit.
    """
    slug = ""
    for word in ascii_words(text):
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            if not slug:
                slug = word[:limit]
            break
        slug = candidate
    return slug


def normalise(text: str) -> str:
    """Lowercase, without 'Kec.'/'Desa' prefixes, spaces or punctuation: for comparing names."""
    text = re.sub(r"^(kec(amatan)?|desa|kel(urahan)?)\.?\s+", "", text.strip().lower())
    return re.sub(r"[^a-z0-9]", "", text)


def closest(found: str, options: list[str]) -> str | None:
    """The option ``found`` was most likely meant to be (a typo, another spelling), if any is close."""
    by_norm = {normalise(option): option for option in options}
    starts = [
        option for norm, option in by_norm.items() if norm and normalise(found) and norm.startswith(normalise(found))
    ]
    if len(starts) == 1 and len(normalise(found)) >= 3:
        return starts[0]
    close = difflib.get_close_matches(normalise(found), list(by_norm), n=1, cutoff=0.6)
    return by_norm[close[0]] if close else None


def did_you_mean(found: str, options: list[str]) -> tuple[str, str]:
    """``(" (maksud Anda "x"?)", " (did you mean "x"?)")`` for the closest option, or empty strings."""
    guess = closest(found, options)
    if guess is None:
        return "", ""
    return f" (maksud Anda {show(guess)}?)", f" (did you mean {show(guess)}?)"


def show(value: Any) -> str:
    """A found value for a message: quoted and cut short; lists and blocks by their kind."""
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, list):
        return f"{len(value)} butir"
    if isinstance(value, dict):
        text = ", ".join(f"{key}: {item}" for key, item in value.items() if not isinstance(item, (dict, list)))
        return f"(blok {text[:57] + '…' if len(text) > 60 else text})" if text else "(blok)"
    text = str(value)
    if len(text) > 60:
        text = text[:57] + "…"
    return f'"{text}"'


def position(index: int, noun: str) -> str:
    """A list position as Indonesians count it: ``position(0, "label")`` → ``label ke-1``."""
    return f"{noun} ke-{index + 1}"
