"""Who may do what with retention and subject access (ADR 0032, 0033).

Administrators set the retention rules and handle subject access requests (they see everything
held about one person, so nobody else may). Record owners review their own records: the registry
says who owns each type (hub managers the front door's contacts and the person index, chairs their
meetings, lead professionals their plans, supervisors the sessions they held, ...). A record its
viewer does not own does not exist for them (404), whoever they are.
"""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404

from frontdoor.agencies.roles import Role
from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_read, audit_record
from frontdoor.core.access import load_or_404
from frontdoor.core.policy import may, rule

from .models import Redaction, SubjectAccessRequest
from .registry import RECORD_TYPES, RecordType, record_types

RULES = "governance.rules"
SAR = "governance.sar"
REVIEW = "governance.review"

__all__ = ["may"]


def _not_found() -> Http404:
    return Http404("No such record, or you may not see it.")


@rule(RULES)
def _rules(practitioner, obj=None) -> bool:
    return practitioner.role == Role.ADMINISTRATOR


@rule(SAR)
def _sar(practitioner, obj=None) -> bool:
    return practitioner.role == Role.ADMINISTRATOR


def reviews_something(practitioner) -> bool:
    return any(rt.owned_by(practitioner) is not None for rt in record_types())


@rule(REVIEW)
def _review(practitioner, record=None) -> bool:
    if record is None:
        return reviews_something(practitioner)
    record_type, obj = record
    mine = record_type.owned_by(practitioner)
    if mine is None:
        return False
    return record_type.model._default_manager.filter(mine, pk=obj.pk).exists()


# Loaders ----------------------------------------------------------------------------------------


def record_type_or_404(key: str) -> RecordType:
    if key not in RECORD_TYPES:
        raise _not_found()
    return RECORD_TYPES[key]


def record_for_review(practitioner, key: str, object_id, *, reason: str = ""):
    """One record the practitioner owns (else 404), annotated with its review state."""
    from .retention import with_review_state

    record_type = record_type_or_404(key)
    mine = record_type.owned_by(practitioner)
    if mine is None:
        raise _not_found()
    obj = load_or_404(with_review_state(record_type).filter(mine), pk=object_id)
    if reason:
        audit_read(
            actor=practitioner,
            object_type=key,
            object_id=str(obj.pk),
            object_repr=record_type.describe(obj),
            reason=reason,
        )
    return record_type, obj


def people_matching(query: str, *, limit: int = 20):
    """People on the index by name, for an administrator opening a SAR (names and birth dates
    only leave this: the full record is read only inside a request)."""
    from frontdoor.people.models import Person

    words = query.split()
    if not words:
        return Person.objects.none()
    condition = Q()
    for word in words[:4]:
        condition &= Q(given_names__icontains=word) | Q(family_name__icontains=word)
    return Person.objects.filter(condition).order_by("family_name", "given_names", "pk")[:limit]


def people_found_for_sar(practitioner, query: str) -> list:
    """``people_matching`` for the person search, each name and birth date shown recorded."""
    people = list(people_matching(query))
    if people:
        audit_record(
            actor=practitioner,
            verb=Verb.VIEW,
            object_type="people.person",
            object_repr=f"{len(people)} people found to open a subject access request",
            reason="Searched the person index to open a subject access request",
            details={"people": [p.pk for p in people]},
        )
    return people


def person_for_sar(practitioner, pk, *, reason: str = ""):
    from frontdoor.people.models import Person

    if not may(practitioner, SAR):
        raise _not_found()
    person = load_or_404(Person.objects.all(), pk=pk)
    if reason:
        audit_read(actor=practitioner, obj=person, reason=reason)
    return person


def requests_list():
    return SubjectAccessRequest.objects.select_related("person")


def sar_for(practitioner, pk, *, reason: str = "") -> SubjectAccessRequest:
    if not may(practitioner, SAR):
        raise _not_found()
    request = load_or_404(requests_list(), pk=pk)
    if reason:
        audit_read(actor=practitioner, obj=request, reason=reason)
    return request


def redaction_for(practitioner, request: SubjectAccessRequest, pk) -> Redaction:
    return load_or_404(Redaction.objects.filter(request=request), pk=pk)


def rule_for_change(practitioner, pk):
    from .models import RetentionRule

    if not may(practitioner, RULES):
        raise _not_found()
    return load_or_404(RetentionRule.objects.select_related("agency"), pk=pk)
