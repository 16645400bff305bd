"""The pins agree: every requirement of the site is in the hashed lock the write-token workflows install."""

from __future__ import annotations

import re

from conftest import ROOT


def pins(text: str) -> dict[str, str]:
    found = {}
    for line in text.splitlines():
        match = re.match(r"^([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?==([^\s;\\]+)", line.strip())
        if match:
            found[re.sub(r"[-_.]+", "-", match.group(1)).lower()] = match.group(2)
    return found


def test_every_pinned_requirement_is_in_the_lock_at_the_same_version() -> None:
    wanted = pins((ROOT / "requirements.txt").read_text(encoding="utf-8"))
    locked = pins((ROOT / "requirements-lock.txt").read_text(encoding="utf-8"))
    assert wanted, "requirements.txt pins nothing"
    differing = {name: (version, locked.get(name)) for name, version in wanted.items() if locked.get(name) != version}
    assert not differing, f"requirements.txt and requirements-lock.txt differ (regenerate the lock): {differing}"


def test_the_lock_holds_nothing_the_site_no_longer_needs() -> None:
    """What the lock says it holds for requirements.txt is in requirements.txt; the rest is needed by another."""
    text = (ROOT / "requirements-lock.txt").read_text(encoding="utf-8")
    wanted = pins((ROOT / "requirements.txt").read_text(encoding="utf-8"))
    locked = pins(text)
    reasons: dict[str, set[str]] = {}
    current = None
    for line in text.splitlines():
        package = re.match(r"^([A-Za-z0-9_.\-]+)==", line)
        if package:
            current = re.sub(r"[-_.]+", "-", package.group(1)).lower()
            continue
        reason = re.match(r"^\s+#\s+(?:via\s+)?(-r \S+|[A-Za-z0-9_.\-]+)\s*$", line)
        if current and reason and reason.group(1) != "via":
            reasons.setdefault(current, set()).add(reason.group(1))
    assert set(reasons) == set(locked), set(locked) ^ set(reasons)
    stale = sorted(name for name, why in reasons.items() if why == {"-r requirements.txt"} and name not in wanted)
    assert not stale, f"locked for requirements.txt but no longer in it: {stale}"
    orphans = {
        name: why
        for name, why in reasons.items()
        if not any(item.startswith("-r ") or re.sub(r"[-_.]+", "-", item).lower() in locked for item in why)
    }
    assert not orphans, orphans
