"""Who may raise, see and escalate professional disagreements (ADR 0026).

Seeing a disagreement: the practitioner who raised it; practitioners of either agency who are
involved with the contact (its referrer, its assignee, who decided it, the named recipient);
the hub managers of either agency; partnership managers once it reaches level 4 (before that
they see the themes report's counts only); administrators. Everyone else gets 404.
Acting on it (escalate, resolve): the raiser and either agency's hub managers, and partnership
managers at level 4.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from frontdoor.agencies.roles import CASEWORK_ROLES, Role
from frontdoor.audit.services import audit_read
from frontdoor.core.access import load_or_404, require
from frontdoor.core.policy import may, rule

from .models import Disagreement, Level

RAISE = "disagreements.raise"
VIEW = "disagreements.view"
ACT = "disagreements.act"
LIST = "disagreements.list"
THEMES = "disagreements.view_themes"

THEME_REPORT_ROLES = frozenset({Role.PARTNERSHIP_MANAGER, Role.ANALYST, Role.HUB_MANAGER})


def _involved_ids(disagreement: Disagreement) -> set[int]:
    contact = disagreement.contact
    ids = {contact.referrer_id, contact.assigned_to_id, disagreement.other_practitioner_id}
    decision = getattr(contact, "decision", None)  # None until the front door decides
    if decision is not None:
        ids |= {decision.decided_by_id, decision.signed_off_by_id}
    return {i for i in ids if i}


@rule(RAISE)
def _raise(practitioner, contact=None) -> bool:
    if practitioner.agency_id is None:
        return False
    return practitioner.role in CASEWORK_ROLES


@rule(LIST)
def _list(practitioner, obj=None) -> bool:
    return True


@rule(THEMES)
def _themes(practitioner, obj=None) -> bool:
    return practitioner.role in THEME_REPORT_ROLES


@rule(VIEW)
def _view(practitioner, disagreement=None) -> bool:
    if disagreement is None:
        return True
    if practitioner.role == Role.ADMINISTRATOR:
        return True
    if disagreement.raised_by_id == practitioner.pk:
        return True
    if practitioner.role == Role.PARTNERSHIP_MANAGER:
        return disagreement.level == Level.PARTNERSHIP
    if practitioner.agency_id not in disagreement.agency_ids:
        return False
    if practitioner.role == Role.HUB_MANAGER:
        return True
    return practitioner.pk in _involved_ids(disagreement)


@rule(ACT)
def _act(practitioner, disagreement=None) -> bool:
    if disagreement is None:
        return True
    if not disagreement.is_open:
        return False
    if disagreement.raised_by_id == practitioner.pk:
        return True
    if practitioner.role == Role.PARTNERSHIP_MANAGER:
        return disagreement.level == Level.PARTNERSHIP
    if practitioner.agency_id not in disagreement.agency_ids:
        return False
    return practitioner.role == Role.HUB_MANAGER


def _base() -> QuerySet[Disagreement]:
    return Disagreement.objects.select_related(
        "contact",
        "contact__assigned_to",
        "decision",
        "raised_by",
        "raised_by_agency",
        "other_agency",
        "other_practitioner",
        "theme",
    )


def disagreement_for(
    practitioner, pk, permission: str = VIEW, *, reason: str | None = None
) -> Disagreement:
    """Load a disagreement the practitioner may see (else 404), check ``permission`` (else 403),
    and record the read in the audit trail when a ``reason`` is given."""
    found = load_or_404(_base(), pk=pk)
    if not may(practitioner, VIEW, found):
        raise Http404("No such record, or you may not see it.")
    require(practitioner, permission, found)
    if reason:
        audit_read(actor=practitioner, obj=found, reason=reason)
    return found


def disagreements_visible_to(practitioner) -> QuerySet[Disagreement]:
    """The same rule as ``_view``, as a query: for lists, panels and counts."""
    found = _base()
    if practitioner.role == Role.ADMINISTRATOR:
        return found
    mine = Q(raised_by=practitioner)
    if practitioner.role == Role.PARTNERSHIP_MANAGER:
        return found.filter(mine | Q(level=Level.PARTNERSHIP))
    agency = practitioner.agency_id
    ours = Q(raised_by_agency_id=agency) | Q(other_agency_id=agency)
    if practitioner.role == Role.HUB_MANAGER:
        return found.filter(mine | ours)
    involved = (
        Q(contact__referrer=practitioner)
        | Q(contact__assigned_to=practitioner)
        | Q(other_practitioner=practitioner)
        | Q(contact__decision__decided_by=practitioner)
        | Q(contact__decision__signed_off_by=practitioner)
    )
    return found.filter(mine | (ours & involved)).distinct()


def disagreements_on_contact(practitioner, contact) -> QuerySet[Disagreement]:
    return disagreements_visible_to(practitioner).filter(contact=contact)


def open_disagreements_to_act_on(practitioner) -> list[Disagreement]:
    """Open disagreements this practitioner may escalate or resolve (for My work)."""
    visible = disagreements_visible_to(practitioner).filter(status=Disagreement.Status.OPEN)
    return [d for d in visible.order_by("level_due_at") if may(practitioner, ACT, d)]


def contact_for_raising(practitioner, contact_pk):
    """The contact a disagreement is raised on: one the practitioner may see (else 404)."""
    from frontdoor.referrals.access import contact_for

    return contact_for(practitioner, contact_pk)


def disagreement_states_on_contact(contact) -> dict[int, str]:
    """Every disagreement on the contact, whoever may see it, as id: status (one small query).

    For the safety prompt and to skip the visibility query when there is none; show nothing
    from it beyond whether one is running."""
    return dict(Disagreement.objects.filter(contact=contact).values_list("pk", "status"))
