"""The partnership dashboard's figures: a small registry, each figure counting what one agency cares about.

A figure has a title, says who cares about it, and computes rows of counts for the chosen
filters. Figures that need parts of Front Door not yet built (meetings, plans, disagreements,
incidents, the partnership map) are registered without a function and shown as "Counted when
… arrive", so that later issues plug their counts in here without touching the views.
Rows hold counts and percentages only: never a person, a case or a reference.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from frontdoor.agencies.models import Agency, Area
from frontdoor.core.clock import deadline
from frontdoor.referrals.models import Contact, Decision, Rag, Subject
from frontdoor.sharing.models import InformationRequest

from .outcomes import outward_code

ALL = "All"
RE_REFERRAL_DAYS = 365


@dataclass(frozen=True)
class Filters:
    start: date
    end: date
    district: Area | None = None
    agency: Agency | None = None

    @property
    def since(self) -> datetime:
        return datetime.combine(self.start, time.min, timezone.get_default_timezone())

    @property
    def until(self) -> datetime:
        """The first moment after the period (the end date is included)."""
        return datetime.combine(
            self.end + timedelta(days=1), time.min, timezone.get_default_timezone()
        )

    def describe(self) -> list[tuple[str, str]]:
        return [
            ("From", self.start.isoformat()),
            ("To", self.end.isoformat()),
            ("District", self.district.name if self.district else "All districts"),
            ("Agency", self.agency.name if self.agency else "All agencies"),
        ]


Row = tuple


@dataclass(frozen=True)
class Figure:
    key: str
    title: str
    cares: str  # which agencies care about this figure, in words
    explanation: str
    columns: tuple[str, ...] = ()
    compute: Callable[[Filters], list[Row]] | None = None
    chart_column: int | None = None  # the percentage column drawn as bars
    waiting_for: str = ""  # for figures not yet available: what has to arrive first

    @property
    def available(self) -> bool:
        return self.compute is not None

    @property
    def waiting_label(self) -> str:
        verb = "arrives" if self.waiting_for.startswith("the ") else "arrive"
        return f"Counted when {self.waiting_for} {verb}"


FIGURES: list[Figure] = []


def register(figure: Figure) -> Figure:
    if any(f.key == figure.key for f in FIGURES):
        raise ValueError(f"figure {figure.key!r} is registered twice")
    FIGURES.append(figure)
    return figure


def figure(**details) -> Callable[[Callable[[Filters], list[Row]]], Callable]:
    def decorate(compute):
        register(Figure(compute=compute, **details))
        return compute

    return decorate


def waiting(key: str, title: str, cares: str, explanation: str, waiting_for: str) -> None:
    register(
        Figure(key=key, title=title, cares=cares, explanation=explanation, waiting_for=waiting_for)
    )


# Pure helpers --------------------------------------------------------------------


def percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


IN_TIME, LATE, OVERDUE, WAITING, NO_CLOCK = "in_time", "late", "overdue", "waiting", "no_clock"


def clock_outcome(due: datetime | None, done: datetime | None, now: datetime) -> str:
    """Where one clock stands: done in time or late, or not done and overdue or still waiting."""
    if due is None:
        return NO_CLOCK
    if done is not None:
        return IN_TIME if done <= due else LATE
    return OVERDUE if now > due else WAITING


def timeliness_rows(
    items: Iterable[tuple[str, datetime | None, datetime | None]], now: datetime, *, total: str
) -> list[Row]:
    """(group, due, done) items -> rows of group, items, in time, late, overdue, waiting, % in time.

    The percentage is of the clocks that have run out or stopped (in time + late + overdue):
    a clock still running has not yet been met or missed.
    """
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for group, due, done in items:
        outcome = clock_outcome(due, done, now)
        for key in (group, total):
            counts[key][outcome] += 1
            counts[key]["all"] += 1
    groups = sorted(k for k in counts if k != total)
    rows = []
    for group in [*groups, total] if groups else []:
        c = counts[group]
        settled = c[IN_TIME] + c[LATE] + c[OVERDUE]
        rows.append(
            (
                group,
                c["all"],
                c[IN_TIME],
                c[LATE],
                c[OVERDUE],
                c[WAITING],
                percent(c[IN_TIME], settled),
            )
        )
    return rows


def share_rows(items: Iterable[tuple[str, bool]], *, total: str) -> list[Row]:
    """(group, counted?) items -> rows of group, items, counted, % counted."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for group, counted in items:
        for key in (group, total):
            counts[key][0] += 1
            counts[key][1] += int(counted)
    groups = sorted(k for k in counts if k != total)
    return [
        (group, counts[group][0], counts[group][1], percent(counts[group][1], counts[group][0]))
        for group in ([*groups, total] if groups else [])
    ]


# Reading the front door under the filters ---------------------------------------------


def district_codes(district: Area) -> set[str]:
    codes = set(district.postcode_districts.upper().split())
    for cluster in district.children.all():
        codes |= set(cluster.postcode_districts.upper().split())
    return codes


def contacts(filters: Filters) -> QuerySet[Contact]:
    """Contacts sent to the front door in the period, by the agency, about someone in the district."""
    found = Contact.objects.filter(
        submitted_at__gte=filters.since, submitted_at__lt=filters.until
    ).exclude(status=Contact.Status.DRAFT)
    if filters.agency:
        found = found.filter(referrer_agency=filters.agency)
    if filters.district:
        found = found.filter(pk__in=_contact_ids_in(filters.district, found))
    return found


def _contact_ids_in(district: Area, found: QuerySet[Contact]) -> list[int]:
    """A contact is in a district when someone it is about has a postcode there."""
    codes = district_codes(district)
    return sorted(
        {
            contact
            for contact, postcode in Subject.objects.filter(contact__in=found).values_list(
                "contact_id", "postcode"
            )
            if outward_code(postcode) in codes
        }
    )


RAG_LABELS = {Rag.RED: "Red", Rag.AMBER: "Amber", Rag.GREEN: "Green", "": "Not yet rated"}
TIMELINESS_COLUMNS = (
    "Contacts",
    "Decided in time",
    "Decided late",
    "Waiting, overdue",
    "Waiting, in time",
    "% in time",
)


@figure(
    key="decisions_by_rag",
    title="Triage decisions made by their deadline, by RAG rating",
    cares="The front door (hub) and every referring agency",
    explanation="Each contact's decision is due a set time after it arrives: red 4 working hours, "
    "amber 24 working hours, green 72 hours. The percentage is of the clocks that have stopped "
    "or run out.",
    columns=("RAG rating", *TIMELINESS_COLUMNS),
    chart_column=6,
)
def decisions_by_rag(filters: Filters) -> list[Row]:
    items = contacts(filters).values_list("rag", "decision_due_at", "decided_at")
    return timeliness_rows(
        ((RAG_LABELS.get(rag, rag), due, done) for rag, due, done in items),
        timezone.now(),
        total="All ratings",
    )


@figure(
    key="decisions_by_agency",
    title="Triage decisions made by their deadline, by referring agency",
    cares="Every referring agency: was our referral decided in time?",
    explanation="The same clocks, grouped by the agency that made the referral.",
    columns=("Referring agency", *TIMELINESS_COLUMNS),
    chart_column=6,
)
def decisions_by_agency(filters: Filters) -> list[Row]:
    items = contacts(filters).values_list("referrer_agency__name", "decision_due_at", "decided_at")
    return timeliness_rows(items, timezone.now(), total="All agencies")


@figure(
    key="statutory_timescale",
    title="Decisions within the statutory timescale (1 working day), by referring agency",
    cares="Children's social care (Working Together to Safeguard Children)",
    explanation="Contacts accepted by children's social care must have a decision within one "
    "working day of acceptance.",
    columns=("Referring agency", *TIMELINESS_COLUMNS),
    chart_column=6,
)
def statutory_timescale(filters: Filters) -> list[Row]:
    items = (
        contacts(filters)
        .filter(accepted_by_social_care_at__isnull=False)
        .values_list("referrer_agency__name", "statutory_due_at", "decided_at")
    )
    return timeliness_rows(items, timezone.now(), total="All agencies")


@figure(
    key="requests_by_agency",
    title="Information requests answered by their deadline, by responding agency",
    cares="Every agency asked for information, and the hub waiting for it",
    explanation="An answer, a 'nothing known' or a reasoned decline all stop the clock. Requests "
    "are counted in the period they were asked.",
    columns=(
        "Responding agency",
        "Requests",
        "Answered in time",
        "Answered late",
        "Waiting, overdue",
        "Waiting, in time",
        "% in time",
        "Escalated",
    ),
    chart_column=6,
)
def requests_by_agency(filters: Filters) -> list[Row]:
    asked = InformationRequest.objects.filter(
        requested_at__gte=filters.since, requested_at__lt=filters.until
    )
    if filters.agency:
        asked = asked.filter(to_agency=filters.agency)
    if filters.district:
        asked = asked.filter(
            contact_id__in=_contact_ids_in(
                filters.district, Contact.objects.filter(information_requests__in=asked)
            )
        )
    items = list(asked.values_list("to_agency__name", "due_at", "answered_at", "escalated_at"))
    rows = timeliness_rows(
        ((name, due, done) for name, due, done, _ in items), timezone.now(), total="All agencies"
    )
    escalated: dict[str, int] = defaultdict(int)
    for name, _, _, at in items:
        if at is not None:
            escalated[name] += 1
            escalated["All agencies"] += 1
    return [(*row, escalated[row[0]]) for row in rows]


@figure(
    key="re_referrals",
    title="Re-referrals within 12 months, by referring agency",
    cares="Children's and adults' social care, and the partnership board",
    explanation="A contact is a re-referral when someone it is about had another contact in the "
    "12 months before. Only people the hub has linked to the person index can be recognised, "
    "so this is a lower bound.",
    columns=("Referring agency", "Contacts", "Re-referrals", "% re-referrals"),
    chart_column=3,
)
def re_referrals(filters: Filters) -> list[Row]:
    found = list(contacts(filters).values_list("pk", "referrer_agency__name", "submitted_at"))
    people_by_contact: dict[int, set[int]] = defaultdict(set)
    for contact, person in Subject.objects.filter(
        contact_id__in=[c for c, _, _ in found], person__isnull=False
    ).values_list("contact_id", "person_id"):
        people_by_contact[contact].add(person)
    earlier: dict[int, list[datetime]] = defaultdict(list)
    for person, sent in (
        Subject.objects.filter(
            person_id__in={p for ps in people_by_contact.values() for p in ps},
            contact__submitted_at__isnull=False,
        )
        .exclude(contact__status=Contact.Status.DRAFT)
        .values_list("person_id", "contact__submitted_at")
    ):
        earlier[person].append(sent)

    def is_re_referral(contact: int, sent: datetime) -> bool:
        window = sent - timedelta(days=RE_REFERRAL_DAYS)
        return any(
            window <= other < sent
            for person in people_by_contact[contact]
            for other in earlier[person]
        )

    return share_rows(
        ((agency, is_re_referral(pk, sent)) for pk, agency, sent in found), total="All agencies"
    )


@figure(
    key="referrers_told",
    title="Referrers told the outcome within 1 working day, by referring agency",
    cares="Every referring agency: partners who pass information on want to hear back",
    explanation="Of the contacts decided, how many referrers were sent the outcome within one "
    "working day of making the referral (Working Together expects feedback to the referrer).",
    columns=("Referring agency", "Decided", "Told within 1 working day", "% told in time"),
    chart_column=3,
)
def referrers_told(filters: Filters) -> list[Row]:
    items = contacts(filters).filter(decided_at__isnull=False)
    return share_rows(
        (
            (agency, told is not None and told <= deadline(sent, 1, "working_days"))
            for agency, sent, told in items.values_list(
                "referrer_agency__name", "submitted_at", "referrer_told_at"
            )
        ),
        total="All agencies",
    )


@figure(
    key="decision_outcomes",
    title="What the front door decided",
    cares="Every agency that provides the services decided on",
    explanation="Decisions on the contacts sent in the period, by outcome.",
    columns=("Decision", "Contacts", "% of decisions"),
    chart_column=2,
)
def decision_outcomes(filters: Filters) -> list[Row]:
    outcomes = list(
        Decision.objects.filter(contact__in=contacts(filters)).values_list("outcome", flat=True)
    )
    labels = dict(Decision.Outcome.choices)
    rows = [
        (labels[key], outcomes.count(key), percent(outcomes.count(key), len(outcomes)))
        for key in Decision.Outcome.values
        if key in outcomes
    ]
    return (
        [*rows, ("All decisions", len(outcomes), percent(len(outcomes), len(outcomes)))]
        if rows
        else []
    )


@figure(
    key="structures_overdue",
    title="Partnership structures overdue for review",
    cares="The partnership board",
    explanation=(
        "Open boards, sub-groups and operational groups on the partnership map whose review "
        "date has passed, by level, as they stand today (the period does not apply). A district "
        "counts its own bodies and its neighbourhoods'; an agency, the bodies it sits on."
    ),
    columns=("Level", "Bodies", "Overdue for review", "% overdue"),
    chart_column=3,
)
def structures_overdue(filters: Filters) -> list[Row]:
    from frontdoor.directory.models.partnership import Body, Level

    bodies = Body.objects.open()
    if filters.district:
        bodies = bodies.filter(
            Q(area=filters.district) | Q(area__parent=filters.district)
        ).distinct()
    if filters.agency:
        bodies = bodies.filter(memberships__agency=filters.agency).distinct()
    today = timezone.localdate()
    levels = list(bodies.values_list("level", "review_due"))
    rows = []
    for key, label in Level.choices:
        dues = [due for level, due in levels if level == key]
        late = sum(due < today for due in dues)
        if dues:
            rows.append((label, len(dues), late, percent(late, len(dues))))
    if not rows:
        return []
    late = sum(row[2] for row in rows)
    return [*rows, ("All levels", len(levels), late, percent(late, len(levels)))]


def _disagreements(filters: Filters):
    """Disagreements raised in the period, with the agency as either party, on a contact about
    someone in the district."""
    from django.db.models import Q

    from frontdoor.disagreements.models import Disagreement

    found = Disagreement.objects.filter(raised_at__gte=filters.since, raised_at__lt=filters.until)
    if filters.agency:
        found = found.filter(Q(raised_by_agency=filters.agency) | Q(other_agency=filters.agency))
    if filters.district:
        found = found.filter(
            contact_id__in=_contact_ids_in(
                filters.district, Contact.objects.filter(disagreements__in=found)
            )
        )
    return found


@figure(
    key="disagreement_levels",
    title="Disagreements resolved within each escalation level's timescale",
    cares="Every agency in a professional disagreement",
    explanation="Each level a disagreement reached, against that level's time limit in working "
    "days: a level ends when the disagreement is escalated or resolved. Disagreements are "
    "counted in the period they were raised.",
    columns=(
        "Escalation level",
        "Levels reached",
        "Ended in time",
        "Ended late",
        "Running, overdue",
        "Running, in time",
        "% in time",
    ),
    chart_column=6,
)
def disagreement_levels(filters: Filters) -> list[Row]:
    from frontdoor.disagreements.models import Level, LevelStep

    labels = dict(Level.choices)
    steps = LevelStep.objects.filter(disagreement__in=_disagreements(filters))
    items = [
        (labels[level], due, ended)
        for level, due, ended in steps.values_list("level", "due_at", "ended_at")
    ]
    return timeliness_rows(items, timezone.now(), total="All levels")


@figure(
    key="disagreement_themes",
    title="Disagreements by learning theme",
    cares="The partnership board's learning and improvement group",
    explanation="Which themes disagreements keep returning to. The disagreements themes report "
    "shows them by quarter and by the agencies involved.",
    columns=("Theme", "Disagreements", "Resolved or withdrawn", "% of disagreements"),
    chart_column=3,
)
def disagreement_themes(filters: Filters) -> list[Row]:
    rows = list(_disagreements(filters).values_list("theme__name", "status"))
    if not rows:
        return []
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for theme, status in rows:
        counts[theme][0] += 1
        counts[theme][1] += int(status != "open")
    ordered = sorted(counts.items(), key=lambda item: (-item[1][0], item[0]))
    closed = sum(c[1] for c in counts.values())
    return [
        *((theme, n, done, percent(n, len(rows))) for theme, (n, done) in ordered),
        ("All themes", len(rows), closed, percent(len(rows), len(rows))),
    ]


@figure(
    key="meetings_held",
    title="Meetings held and cases heard, by type",
    cares="Panel chairs, the hub and the partnership board",
    explanation=(
        "Meetings arranged for the period, how many were held and had their minutes issued, "
        "and the cases on their agendas that were heard. An agency counts the meetings it was "
        "invited to; a district, the meetings with a case about someone living there."
    ),
    columns=(
        "Meeting type",
        "Meetings",
        "Held",
        "Minutes issued",
        "Cases",
        "Cases heard",
        "% of cases heard",
    ),
    chart_column=6,
)
def meetings_held(filters: Filters) -> list[Row]:
    from frontdoor.meetings.models import AgendaItem, Meeting, MeetingType

    meetings = Meeting.objects.filter(starts_at__gte=filters.since, starts_at__lt=filters.until)
    if filters.agency:
        meetings = meetings.filter(attendance__agency=filters.agency)
    if filters.district:
        on_agendas = Contact.objects.filter(agenda_items__meeting__in=meetings)
        meetings = meetings.filter(
            items__contact_id__in=_contact_ids_in(filters.district, on_agendas)
        )
    meetings = list(meetings.distinct().values_list("pk", "type", "status"))
    items = list(
        AgendaItem.objects.filter(meeting_id__in=[pk for pk, _, _ in meetings]).values_list(
            "meeting__type", "heard_at"
        )
    )
    held = {Meeting.Status.HELD, Meeting.Status.MINUTES_ISSUED}
    rows = []
    for key, label in [*MeetingType.choices, (None, "All meetings")]:
        mine = [m for m in meetings if key is None or m[1] == key]
        cases = [heard for kind, heard in items if key is None or kind == key]
        if not mine:
            continue
        heard = sum(at is not None for at in cases)
        rows.append(
            (
                label,
                len(mine),
                sum(status in held for _, _, status in mine),
                sum(status == Meeting.Status.MINUTES_ISSUED for _, _, status in mine),
                len(cases),
                heard,
                percent(heard, len(cases)),
            )
        )
    return rows


# Not yet available: the parts of Front Door these need are other issues. -------------


def plan_actions(filters: Filters):
    """Actions on multi-agency plans agreed in the period, owned by the agency, about someone
    in the district (through the contact the plan came from)."""
    from frontdoor.plans.models import Action

    found = Action.objects.filter(created_at__gte=filters.since, created_at__lt=filters.until)
    if filters.agency:
        found = found.filter(owner_agency=filters.agency)
    if filters.district:
        with_contact = Contact.objects.filter(plans__actions__in=found).distinct()
        found = found.filter(plan__contact_id__in=_contact_ids_in(filters.district, with_contact))
    return found


@figure(
    key="actions_by_agency",
    title="Multi-agency actions done by their due date, by owner agency",
    cares="Every agency that owns actions",
    explanation="Each action's due date against when it was done. An action that could not be "
    "done or was not done counts as not done.",
    columns=(
        "Owner agency",
        "Actions",
        "Done in time",
        "Done late",
        "Not done, overdue",
        "Open, in time",
        "% in time",
    ),
    chart_column=6,
)
def actions_by_agency(filters: Filters) -> list[Row]:
    zone = timezone.get_default_timezone()
    items = plan_actions(filters).values_list(
        "owner_agency__name", "due_on", "status", "completed_at"
    )
    return timeliness_rows(
        (
            (
                agency,
                datetime.combine(due + timedelta(days=1), time.min, zone),
                done if status == "done" else None,
            )
            for agency, due, status, done in items
        ),
        timezone.now(),
        total="All agencies",
    )


@figure(
    key="action_mix",
    title="Action mix: the share of actions that directly engage the person",
    cares="Panels and the partnership board",
    explanation="In one pilot only 20% of actions were a direct attempt to engage the victim or "
    "offender. Actions agreed in the period, by owner agency.",
    columns=("Owner agency", "Actions", "Direct engagement", "% direct"),
    chart_column=3,
)
def action_mix(filters: Filters) -> list[Row]:
    from frontdoor.plans.mix import action_mix as mix

    rows = mix(plan_actions(filters), group_by="agency")
    return [
        ("All agencies" if row.is_total else row.label, row.total, row.direct, row.direct_share)
        for row in rows
    ]


@figure(
    key="repeat_incidents",
    title="Repeat incidents and harm for people with plans, before and after",
    cares="The police, community safety and the partnership board",
    explanation="Incidents (as victim, suspect or offender) and their harm in the 12 months "
    "before and after a plan starts, for people on plans started in the period.",
    columns=("Plans", "People", "Incidents before", "Incidents after", "Harm before", "Harm after"),
)
def repeat_incidents(filters: Filters) -> list[Row]:
    from frontdoor.incidents.services_recurrence import incidents_around_plans

    people, before, after, harm_before, harm_after = incidents_around_plans(
        since=filters.since, until=filters.until
    )
    return [("All plans", people, before, after, round(harm_before, 1), round(harm_after, 1))]


# Running them --------------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    figure: Figure
    rows: list[Row]

    @property
    def chart(self) -> list[tuple[str, float]]:
        """(label, percentage) for each row that has one, for the bar chart."""
        column = self.figure.chart_column
        if column is None:
            return []
        return [(row[0], row[column]) for row in self.rows if row[column] is not None]


def compute_all(filters: Filters) -> tuple[list[Result], list[Figure]]:
    """(results of the available figures, the figures still waiting for other parts)."""
    results = [Result(f, f.compute(filters)) for f in FIGURES if f.available]
    return results, [f for f in FIGURES if not f.available]
