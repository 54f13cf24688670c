"""A readable difference between two versions of an article.

Lines are compared first; where a run of lines was replaced by as many lines, each pair is
compared word by word so that a one-word change in a long paragraph reads as one word.
The result is plain data; the template escapes every piece of text.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

CONTEXT_LINES = 2
_WORDS = re.compile(r"\S+|\s+")


@dataclass
class DiffLine:
    kind: str  # "same", "added", "removed", "changed" or "gap" (unchanged lines left out)
    # (kind, text) pieces; kind is "same", "added" or "removed".
    pieces: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Difference:
    title_before: str
    title_after: str
    lines: list[DiffLine]
    added: int
    removed: int

    @property
    def title_changed(self) -> bool:
        return self.title_before != self.title_after

    @property
    def identical(self) -> bool:
        return not self.title_changed and not self.added and not self.removed


def _word_pieces(before: str, after: str) -> list[tuple[str, str]]:
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


def _non_blank(lines: list[str]) -> list[str]:
    return [line for line in lines if line.strip()]


def compare(title_before: str, body_before: str, title_after: str, body_after: str) -> Difference:
    # Blank lines only separate Markdown paragraphs: leaving them out keeps the diff short.
    old = _non_blank(body_before.splitlines())
    new = _non_blank(body_after.splitlines())
    lines: list[DiffLine] = []
    added = removed = 0
    if old == new:
        return Difference(title_before, title_after, lines, added, removed)
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    shown_to = 0  # the old lines shown so far; any after it are an unchanged tail
    for group_number, group in enumerate(matcher.get_grouped_opcodes(CONTEXT_LINES)):
        first_old = group[0][1]
        if group_number or first_old > 0:
            lines.append(DiffLine("gap"))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                lines.extend(DiffLine("same", [("same", line)]) for line in old[i1:i2])
            elif tag == "replace" and (i2 - i1) == (j2 - j1):
                for before, after in zip(old[i1:i2], new[j1:j2], strict=True):
                    lines.append(DiffLine("changed", _word_pieces(before, after)))
                removed += i2 - i1
                added += j2 - j1
            else:
                lines.extend(DiffLine("removed", [("removed", line)]) for line in old[i1:i2])
                lines.extend(DiffLine("added", [("added", line)]) for line in new[j1:j2])
                removed += i2 - i1
                added += j2 - j1
        shown_to = group[-1][2]
    if shown_to < len(old):
        lines.append(DiffLine("gap"))
    return Difference(title_before, title_after, lines, added, removed)
