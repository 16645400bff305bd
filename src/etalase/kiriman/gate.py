"""Who may turn a form submission into a pull request, and how many at a time.

Any GitHub account can open an issue with a "Kirim pos" form, and issue
workflows never wait for a maintainer's approval. The form workflow
(``.github/workflows/kiriman.yml``) therefore converts every submission (the
sender always learns what to fix), but pushes a branch and opens a pull
request only when one of these holds:

``member``
    the issue's ``author_association`` is ``OWNER``, ``MEMBER`` or ``COLLABORATOR``;
``registered``
    the author's numeric GitHub account id is registered: the file
    ``.github/kiriman-akun/<id>.json`` exists on the default branch. The form
    workflow adds it to the pull request of the author's first submission, so
    the id is registered when an editor merges that first post (a changed
    login changes nothing; a new account with an old login is a stranger);
``approved``
    an editor added the label :data:`APPROVED` to the issue.

Anyone else (``waiting``) gets the conversion's reply and nothing is pushed.
An account with :data:`MAX_OPEN` open submissions already (``limit``) gets a
polite reply and no conversion. Members are not counted.

Standard library only: the gate job installs nothing.

    python -m etalase.kiriman.gate --event "$GITHUB_EVENT_PATH" --registry .github/kiriman-akun \\
        --open-issues terbuka.json --github-output "$GITHUB_OUTPUT"
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

APPROVED = "kiriman:disetujui"
"""The label with which an editor lets a stranger's submission become a pull request."""
TRUSTED = frozenset({"OWNER", "MEMBER", "COLLABORATOR"})
"""``author_association`` values of people with write access to the repository."""
MAX_OPEN = 3
"""Open submissions an account may have; the next one waits until one is closed."""
REGISTRY = Path(".github") / "kiriman-akun"
"""Registered accounts: one ``<numeric id>.json`` each."""
MAX_EVENT_BYTES = 25 * 1024 * 1024
_LOGIN = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$")


@dataclass(frozen=True)
class Gate:
    """What the workflow may do for one issue event."""

    state: str
    """``member``, ``registered``, ``approved``, ``waiting`` or ``limit``."""
    open_others: int = 0
    """The author's other open submissions."""

    @property
    def convert(self) -> bool:
        return self.state != "limit"

    @property
    def push(self) -> bool:
        return self.state in ("member", "registered", "approved")


def as_dict(value: object) -> dict[str, Any]:
    """``value`` when it is a JSON object, else an empty one (API answers are read defensively)."""
    return value if isinstance(value, dict) else {}


def account_id(issue: dict[str, Any]) -> int | None:
    """The numeric id of the issue's author, or None when the event does not carry a sane one."""
    user = issue.get("user")
    value = user.get("id") if isinstance(user, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) and 0 < value < 10**12 else None


def is_registered(registry: Path, account: int) -> bool:
    entry = registry / f"{account}.json"
    return entry.is_file() and not entry.is_symlink()


def decide(event: dict[str, Any], registry: Path, open_issues: list[Any]) -> Gate:
    """The gate for ``event`` (an ``issues`` event), given the registry folder and the author's open issues.

    ``open_issues`` is GitHub's list of open issues labelled ``kiriman`` by the
    author's login; only issues whose author has the same account id count.
    """
    issue = as_dict(event.get("issue"))
    account = account_id(issue)
    if account is None:
        return Gate("waiting")
    if issue.get("author_association") in TRUSTED:
        return Gate("member")
    others = len(
        [
            other
            for other in open_issues
            if isinstance(other, dict)
            and account_id(other) == account
            and other.get("number") != issue.get("number")
            and other.get("state", "open") == "open"
            and "pull_request" not in other
        ]
    )
    if others >= MAX_OPEN:
        return Gate("limit", others)
    if is_registered(registry, account):
        return Gate("registered", others)
    labels = issue.get("labels")
    labels = labels if isinstance(labels, list) else []
    if any(isinstance(label, dict) and label.get("name") == APPROVED for label in labels):
        return Gate("approved", others)
    return Gate("waiting", others)


def registry_entry(account: int, login: str, creator: str) -> str:
    """The registry file of an account: its id (the key), and for people, the login and creator it was for."""
    if not _LOGIN.fullmatch(login):
        login = ""
    return json.dumps({"id": account, "login": login, "kreator": creator}, ensure_ascii=False, indent=2) + "\n"


def _read_json(path: Path | None, default: Any) -> Any:
    if path is None or not path.is_file() or path.stat().st_size > MAX_EVENT_BYTES:
        return default
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError):
        return default


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Putuskan apakah kiriman formulir boleh menjadi pull request. (Gate a form submission.)"
    )
    parser.add_argument("--event", type=Path, required=True, help="$GITHUB_EVENT_PATH (an issues event)")
    parser.add_argument("--registry", type=Path, default=REGISTRY, help="folder akun terdaftar")
    parser.add_argument("--open-issues", type=Path, help="issue kiriman terbuka pembuatnya (JSON dari API)")
    parser.add_argument("--github-output", type=Path, help="$GITHUB_OUTPUT: state, convert, push")
    args = parser.parse_args(argv)
    event = _read_json(args.event, {})
    open_issues = _read_json(args.open_issues, [])
    gate = decide(
        event if isinstance(event, dict) else {}, args.registry, open_issues if isinstance(open_issues, list) else []
    )
    outputs = {
        "state": gate.state,
        "convert": str(gate.convert).lower(),
        "push": str(gate.push).lower(),
        "open-others": str(gate.open_others),
    }
    print(" ".join(f"{key}={value}" for key, value in outputs.items()))
    if args.github_output:
        with args.github_output.open("a", encoding="utf-8") as out:
            out.writelines(f"{key}={value}\n" for key, value in outputs.items())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
