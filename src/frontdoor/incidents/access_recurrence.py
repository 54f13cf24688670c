"""Who sees recurrence cohorts, concentration and a person's recurrence profile.

* Analysts build the cohort: rules, the ranked list, every profile, selection to a panel.
* A practitioner panel's chair and its named attendees see the profile of each person on that
  panel's agenda (and nobody else's): the panel works from the incident history.
* Partnership managers see concentration only: aggregate shares, never a name.
* Everyone else: 403 for the pages, 404 for a profile (it does not reveal that a person is known),
  partnership managers included.
"""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404

from frontdoor.agencies.roles import Role
from frontdoor.audit.services import audit_read
from frontdoor.core.policy import may, rule
from frontdoor.meetings.models import AgendaItem, Meeting, MeetingType
from frontdoor.people.models import Person

from .models import Incident, IncidentParty
from .models_recurrence import CohortMember, CohortRule, RecurrenceRun

BUILD_COHORT = "recurrence.build_cohort"
SEE_CONCENTRATION = "recurrence.see_concentration"
SEE_PROFILE = "recurrence.see_profile"

# Roles that may attend a panel and so may be shown a profile (object check decides).
PANEL_ROLES = frozenset(
    {
        Role.ANALYST,
        Role.MEETING_CHAIR,
        Role.FRONTLINE,
        Role.HUB_PRACTITIONER,
        Role.HUB_MANAGER,
        Role.ADMINISTRATOR,
    }
)

__all__ = ["BUILD_COHORT", "SEE_CONCENTRATION", "SEE_PROFILE", "may"]


@rule(BUILD_COHORT)
def _build_cohort(practitioner, obj=None) -> bool:
    return practitioner.role == Role.ANALYST


@rule(SEE_CONCENTRATION)
def _see_concentration(practitioner, obj=None) -> bool:
    if practitioner.role == Role.ANALYST:
        return True
    return practitioner.role == Role.PARTNERSHIP_MANAGER


@rule(SEE_PROFILE)
def _see_profile(practitioner, person=None) -> bool:
    if practitioner.role == Role.ANALYST:
        return True
    if practitioner.role not in PANEL_ROLES:
        return False
    if person is None:
        return True
    return panels_for(practitioner).filter(items__person=person).exists()


def panels_for(practitioner):
    """Practitioner panels the practitioner chairs or is named to attend."""
    return Meeting.objects.filter(type=MeetingType.PRACTITIONER_PANEL).filter(
        Q(chair=practitioner) | Q(attendance__attendee=practitioner)
    )


def _not_found() -> Http404:
    return Http404("No such person, or you may not see their recurrence profile.")


# Loading ---------------------------------------------------------------------------------


def latest_run(rule: CohortRule | None = None) -> RecurrenceRun | None:
    runs = RecurrenceRun.objects.select_related("rule")
    if rule is not None:
        runs = runs.filter(rule=rule)
    return runs.order_by("-created_at", "-pk").first()


def run_for_analyst(practitioner, pk) -> RecurrenceRun:
    if not may(practitioner, BUILD_COHORT):
        raise _not_found()
    run = RecurrenceRun.objects.filter(pk=pk).first()
    if run is None:
        raise _not_found()
    return run


def members_of(run: RecurrenceRun):
    return run.members.select_related("person").order_by("rank")


def people_by_id(ids) -> dict[int, Person]:
    return Person.objects.in_bulk(list(ids))


def selected_people(run: RecurrenceRun, ids) -> list[Person]:
    """People picked from a run's list (only members of that run)."""
    members = CohortMember.objects.filter(run=run, person_id__in=ids).select_related("person")
    return [m.person for m in members.order_by("rank")]


def panels_open_for_selection():
    return Meeting.objects.filter(
        type=MeetingType.PRACTITIONER_PANEL, status=Meeting.Status.PLANNED
    ).order_by("starts_at")


def panel_for_selection(pk) -> Meeting | None:
    return panels_open_for_selection().filter(pk=pk).first()


def person_for_profile(practitioner, pk, *, reason: str) -> Person:
    """The person whose recurrence profile is asked for, if the practitioner may see it (404
    otherwise); the read is audited."""
    person = Person.objects.filter(pk=pk).first()
    if person is None or not may(practitioner, SEE_PROFILE, person):
        raise _not_found()
    audit_read(actor=practitioner, obj=person, reason=reason)
    return person


def incident_history(person: Person):
    """Every incident the person was party to, newest first, with their role(s)."""
    return (
        IncidentParty.objects.filter(person=person)
        .select_related("incident")
        .order_by("-incident__occurred_at", "incident_id", "role")
    )


def membership_of(person: Person) -> CohortMember | None:
    return (
        CohortMember.objects.filter(person=person)
        .select_related("run")
        .order_by("-run__created_at", "-run__pk")
        .first()
    )


def agenda_items_for(person: Person, practitioner):
    items = AgendaItem.objects.filter(person=person, meeting__type=MeetingType.PRACTITIONER_PANEL)
    if practitioner.role != Role.ANALYST:
        items = items.filter(meeting__in=panels_for(practitioner))
    return items.select_related("meeting").order_by("-meeting__starts_at")


def incident_count() -> int:
    return Incident.objects.count()
