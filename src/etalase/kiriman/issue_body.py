"""Read an issue body the way GitHub writes an issue form into it.

GitHub turns a submitted form into Markdown: for every field, in the form's
order, a ``### <label>`` line, a blank line and the value; ``_No response_``
for an optional field left empty; a checkbox as ``- [X] <label>`` or
``- [ ] <label>``. The body carries labels, not ids, so fields are matched by
label (:mod:`etalase.authoring.issue_form` gives both).

Everything in the body is the creator's, and the creator can edit it freely
after submitting, so it is read defensively:

* only the first ``### <label>`` line of each expected field counts, searched
  in the form's order, so a ``### Judul pos`` written inside the story cannot
  replace the title: the title's heading was found before the story began;
* a field's value is everything between its heading and the next expected
  heading that was found; a story may contain any Markdown, ``---`` included;
* if a field's own heading stands again inside its value, a forged copy of it
  was found first (written at the end of the field before it, usually the
  story): that field is reported instead of guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from etalase.authoring.issue_form import FormField

NO_RESPONSE = "_No response_"
"""What GitHub writes for an optional field left empty."""
_CHECKBOX = re.compile(r"^\s*[-*] \[([ xX]?)\] (.*)$")


@dataclass(frozen=True)
class Answers:
    """The value of every field of a form found in an issue body."""

    values: dict[str, str | None]
    """Field id → the text under its heading; ``None`` when left empty or when the heading is missing."""
    found: frozenset[str]
    """Ids of the fields whose heading is in the body."""
    repeated: tuple[FormField, ...]
    """Fields whose heading stands twice where it counts (see the module's notes)."""

    def text(self, field_id: str) -> str | None:
        return self.values.get(field_id)


def normalise(body: str) -> str:
    """The body with ``\\n`` line ends (the API gives ``\\r\\n`` for text typed in a browser)."""
    return body.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def read_answers(body: str, fields: list[FormField]) -> Answers:
    """Match ``fields`` to the ``### <label>`` lines of ``body``, in order; see the module's notes."""
    lines = normalise(body).split("\n")
    starts: list[tuple[int, FormField]] = []
    cursor = 0
    for field in fields:
        heading = f"### {field.label}"
        for number in range(cursor, len(lines)):
            if lines[number].rstrip() == heading:
                starts.append((number, field))
                cursor = number + 1
                break
    values: dict[str, str | None] = {field.id: None for field in fields}
    repeated = []
    for index, (number, field) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(lines)
        value = lines[number + 1 : end]
        if any(line.rstrip() == f"### {field.label}" for line in value):
            repeated.append(field)
        text = "\n".join(value).strip("\n").rstrip()
        values[field.id] = None if text.strip() in ("", NO_RESPONSE) else text
    return Answers(values, frozenset(field.id for _, field in starts), tuple(repeated))


def ticked(text: str | None) -> dict[str, bool]:
    """Checkbox label → ticked, from ``- [X] label`` lines."""
    boxes: dict[str, bool] = {}
    for line in (text or "").split("\n"):
        match = _CHECKBOX.match(line)
        if match:
            boxes.setdefault(match.group(2).strip(), match.group(1) in ("x", "X"))
    return boxes
