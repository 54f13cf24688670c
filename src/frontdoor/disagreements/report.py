"""The themes report: which themes disagreements keep returning to, across agencies and time.

Counts only, never a case: the partnership learns from the pattern instead of resolving each
disagreement "until the next time". A theme is *recurring* when it was raised in two or more
quarters of the period, or by the same pair of agencies more than once.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from .models import Disagreement, Theme

QUARTERS_SHOWN = 8


def quarter_of(day: date) -> str:
    return f"{day.year} Q{(day.month - 1) // 3 + 1}"


def _quarters_back(today: date, count: int) -> list[str]:
    year, quarter = today.year, (today.month - 1) // 3 + 1
    found = []
    for _ in range(count):
        found.append(f"{year} Q{quarter}")
        quarter -= 1
        if quarter == 0:
            year, quarter = year - 1, 4
    return list(reversed(found))


@dataclass
class ThemeReport:
    quarters: list[str]
    themes: list[str]
    by_quarter: dict[str, dict[str, int]]  # theme -> quarter -> count
    by_pair: list[tuple[str, str, str, int]]  # (theme, raised by, with, count)
    totals: dict[str, int]
    recurring: set[str]

    @property
    def total(self) -> int:
        return sum(self.totals.values())

    def quarter_rows(self) -> list[tuple[str, list[int], int, bool]]:
        return [
            (
                theme,
                [self.by_quarter[theme].get(q, 0) for q in self.quarters],
                self.totals.get(theme, 0),
                theme in self.recurring,
            )
            for theme in self.themes
        ]

    def csv_rows(self) -> list[list]:
        rows = [
            ["by quarter", theme, q, self.by_quarter[theme].get(q, 0)]
            for theme in self.themes
            for q in self.quarters
        ]
        rows += [["by agency pair", theme, f"{a} with {b}", n] for theme, a, b, n in self.by_pair]
        return rows


def theme_report(*, today: date | None = None) -> ThemeReport:
    today = today or timezone.localdate()
    quarters = _quarters_back(today, QUARTERS_SHOWN)
    rows = Disagreement.objects.values_list(
        "theme__name", "raised_at", "raised_by_agency__name", "other_agency__name"
    )
    by_quarter: dict[str, Counter] = {
        t: Counter() for t in Theme.objects.values_list("name", flat=True)
    }
    pairs: Counter = Counter()
    for theme, raised_at, raiser, other in rows:
        quarter = quarter_of(timezone.localtime(raised_at).date())
        if quarter not in quarters:
            continue
        by_quarter.setdefault(theme, Counter())[quarter] += 1
        pairs[(theme, raiser, other)] += 1
    totals = {t: sum(c.values()) for t, c in by_quarter.items()}
    recurring = {t for t, c in by_quarter.items() if len(c) >= 2}
    recurring |= {t for (t, _, _), n in pairs.items() if n >= 2}
    themes = sorted(by_quarter, key=lambda t: (-totals[t], t))
    return ThemeReport(
        quarters=quarters,
        themes=themes,
        by_quarter={t: dict(c) for t, c in by_quarter.items()},
        by_pair=sorted(
            ((t, a, b, n) for (t, a, b), n in pairs.items()),
            key=lambda r: (-r[3], r[0], r[1], r[2]),
        ),
        totals=totals,
        recurring=recurring,
    )
