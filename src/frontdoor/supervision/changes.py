"""What each edit of a session changed, for the other party to read."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date

from .models import Session, Wellbeing

LABELS = {
    "held_on": "Date of the session",
    "reflections": "Reflections",
    "wellbeing": "Wellbeing check",
    "wellbeing_note": "Note about wellbeing",
    "cases": "Cases discussed",
}
_WORDS = re.compile(r"\s*\S+|\s+")  # a word with the space before it


@dataclass
class FieldChange:
    label: str
    before: str
    after: str
    # For long text: (kind, text) pieces, kind "same", "added" or "removed".
    pieces: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Change:
    version: int
    edited_by: object
    edited_at: object
    fields: list[FieldChange]


def _shown(name: str, value) -> str:
    if value in (None, "", []):
        return "(blank)"
    if name == "held_on":
        day = date.fromisoformat(value)
        return f"{day.day} {day:%B %Y}"
    if name == "wellbeing":
        return Wellbeing(value).label
    if name == "cases":
        return ", ".join(value)
    return str(value)


def word_pieces(before: str, after: str) -> list[tuple[str, str]]:
    old, new = _WORDS.findall(before), _WORDS.findall(after)
    pieces: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pieces.append(("same", "".join(old[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(("removed", "".join(old[i1:i2])))
        if j2 > j1:
            pieces.append(("added", "".join(new[j1:j2])))
    return pieces


def changes_of(session: Session) -> list[Change]:
    changes = []
    for revision in session.revisions.select_related("edited_by"):
        fields = []
        for name in revision.changed_fields:
            before, after = revision.before.get(name), revision.after.get(name)
            pieces = (
                word_pieces(before or "", after or "")
                if name in ("reflections", "wellbeing_note")
                else []
            )
            fields.append(
                FieldChange(
                    LABELS.get(name, name), _shown(name, before), _shown(name, after), pieces
                )
            )
        changes.append(
            Change(revision.replaced_version + 1, revision.edited_by, revision.edited_at, fields)
        )
    return changes
