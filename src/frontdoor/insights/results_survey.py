"""Partnership health results, with small groups withheld (docs/decisions/0017).

A group's figures are shown only when at least ``MIN_GROUP`` practitioners in it answered.
Because the whole round's figures are shown too, withholding one small group is not enough:
its answers could be worked out as the total minus every other group. So within each
breakdown the next smallest groups are withheld as well, until at least two groups are
withheld and together they hold at least ``MIN_GROUP`` responses (complementary suppression).
Only one breakdown by organisation is published (by agency, not also by sector), because
nested breakdowns could be subtracted from each other.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from statistics import fmean

from .models import StaffLevel, SurveyAnswer, SurveyResponse, SurveyRound
from .survey_questions import (
    AGREEMENT,
    DIMENSION,
    HELP_HINDER,
    MEASURE_BY_KEY,
    MEASURES,
    SCALE_LABELS,
    Measure,
)

MIN_GROUP = 5
SMALL = "small"  # fewer than MIN_GROUP responses
COMPLEMENT = "complement"  # withheld so that a small group cannot be worked out


@dataclass
class Respondent:
    agency: str
    staff_level: str
    scores: dict[str, float] = field(default_factory=dict)  # measure -> mean of its answers
    values: dict[str, list[int]] = field(default_factory=dict)  # measure -> answers


@dataclass
class Cell:
    """One group's figures, or the reason they are withheld."""

    label: str
    respondents: list[Respondent]
    withheld: str = ""  # "", SMALL or COMPLEMENT

    @property
    def n(self) -> int:
        return len(self.respondents)

    @property
    def shown(self) -> bool:
        return not self.withheld

    def mean(self, measure: str) -> float | None:
        if self.withheld:
            return None
        scores = [r.scores[measure] for r in self.respondents if measure in r.scores]
        return round(fmean(scores), 2) if scores else None

    def distribution(self, measure: str) -> list[tuple[int, int, int]]:
        """(scale point, answers, whole per cent) for 1 to 5; empty when withheld."""
        if self.withheld:
            return []
        counts = [0] * 5
        for respondent in self.respondents:
            for value in respondent.values.get(measure, []):
                counts[value - 1] += 1
        total = sum(counts) or 1
        return [
            (point, counts[point - 1], round(100 * counts[point - 1] / total))
            for point in range(1, 6)
        ]


def withhold(cells: list[Cell], *, total_shown: bool) -> list[Cell]:
    """Mark small groups, then their complements, as withheld. Returns the cells."""
    for cell in cells:
        if cell.n < MIN_GROUP:
            cell.withheld = SMALL
    if not total_shown:
        for cell in cells:
            cell.withheld = cell.withheld or COMPLEMENT
        return cells
    while True:
        hidden = [c for c in cells if c.withheld]
        if not hidden:
            break
        if len(hidden) >= 2 and sum(c.n for c in hidden) >= MIN_GROUP:
            break
        remaining = [c for c in cells if not c.withheld]
        if not remaining:
            break
        smallest = min(remaining, key=lambda c: (c.n, c.label))
        smallest.withheld = COMPLEMENT
    return cells


@dataclass
class RoundResults:
    survey_round: SurveyRound
    total: Cell
    by_staff_level: list[Cell]
    by_agency: list[Cell]
    comments: list[str]
    measures: list[Measure]

    @property
    def dimensions(self) -> list[Measure]:
        return [m for m in self.measures if m.kind == DIMENSION]

    @property
    def factors(self) -> list[Measure]:
        return [m for m in self.measures if m.kind != DIMENSION]

    def breakdowns(self) -> list[tuple[str, list[Cell]]]:
        return [("Managers and frontline staff", self.by_staff_level), ("Agency", self.by_agency)]


def _respondents(survey_round: SurveyRound) -> list[Respondent]:
    by_response: dict = {}
    rows = SurveyAnswer.objects.filter(response__round=survey_round).values_list(
        "response_id",
        "response__agency_name",
        "response__staff_level",
        "question__measure",
        "value",
    )
    for response_id, agency, level, measure, value in rows:
        respondent = by_response.get(response_id)
        if respondent is None:
            respondent = by_response[response_id] = Respondent(
                agency=agency or "No agency", staff_level=level
            )
        respondent.values.setdefault(measure, []).append(value)
    for respondent in by_response.values():
        respondent.scores = {m: fmean(v) for m, v in respondent.values.items()}
    return list(by_response.values())


def _groups(respondents: list[Respondent], key, labels: dict[str, str] | None = None) -> list[Cell]:
    grouped: dict[str, list[Respondent]] = defaultdict(list)
    for respondent in respondents:
        grouped[key(respondent)].append(respondent)
    order = list(labels) if labels else sorted(grouped)
    return [
        Cell(label=(labels or {}).get(name, name), respondents=grouped[name])
        for name in order
        if grouped.get(name)
    ]


def round_results(survey_round: SurveyRound) -> RoundResults:
    respondents = _respondents(survey_round)
    total = Cell(label="Everyone who answered", respondents=respondents)
    if total.n < MIN_GROUP:
        total.withheld = SMALL
    by_level = withhold(
        _groups(respondents, lambda r: r.staff_level, dict(StaffLevel.choices)),
        total_shown=total.shown,
    )
    by_agency = withhold(_groups(respondents, lambda r: r.agency), total_shown=total.shown)
    comments: list[str] = []
    if total.shown:
        # Never with attributes; sorted so that their order says nothing about who wrote them.
        comments = sorted(
            SurveyResponse.objects.filter(round=survey_round)
            .exclude(comment="")
            .values_list("comment", flat=True)
        )
    asked = list(
        dict.fromkeys(survey_round.questions.order_by("position").values_list("measure", flat=True))
    )
    measures = [MEASURE_BY_KEY[key] for key in asked if key in MEASURE_BY_KEY]
    return RoundResults(survey_round, total, by_level, by_agency, comments, measures)


def results_over_time(
    rounds: list[RoundResults], *, kinds: tuple[str, ...] = (DIMENSION,)
) -> list[tuple[Measure, list[tuple[SurveyRound, list[Cell]]]]]:
    """For each measure of these kinds: per round, the cells for everyone, managers and
    frontline staff."""
    table = []
    for measure in (m for m in MEASURES if m.kind in kinds):
        rows = [
            (r.survey_round, [r.total, *_level_cells(r)]) for r in rounds if measure in r.measures
        ]
        if rows:
            table.append((measure, rows))
    return table


def _level_cells(results: RoundResults) -> list[Cell]:
    by_label = {cell.label: cell for cell in results.by_staff_level}
    return [
        by_label.get(label) or Cell(label=label, respondents=[], withheld=SMALL)
        for _, label in StaffLevel.choices
    ]


def scale_labels(measure: Measure) -> tuple[str, ...]:
    return SCALE_LABELS[AGREEMENT if measure.kind == DIMENSION else HELP_HINDER]


def export_rows(rounds: list[RoundResults]):
    """One row per round, breakdown, group and measure; withheld cells say so."""
    for results in rounds:
        number = results.survey_round.number
        groups = [("All", results.total)] + [
            (title, cell) for title, cells in results.breakdowns() for cell in cells
        ]
        for breakdown, cell in groups:
            for measure in results.measures:
                if cell.withheld:
                    yield [
                        number,
                        breakdown,
                        cell.label,
                        measure.label,
                        "",
                        WITHHELD_TEXT,
                        *[""] * 5,
                    ]
                    continue
                mean = cell.mean(measure.key)
                yield [
                    number,
                    breakdown,
                    cell.label,
                    measure.label,
                    cell.n,
                    f"{mean:.2f}" if mean is not None else "",
                    *[percent for _, _, percent in cell.distribution(measure.key)],
                ]


WITHHELD_TEXT = "Withheld: fewer than 5 responses"
EXPORT_HEADER = [
    "Round",
    "Breakdown",
    "Group",
    "Measure",
    "Responses",
    "Mean (1 to 5)",
    "% answering 1",
    "% answering 2",
    "% answering 3",
    "% answering 4",
    "% answering 5",
]
