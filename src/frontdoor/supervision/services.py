"""Every write to supervision records: keyword-only, atomic, audited, version-checked."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from frontdoor.agencies.models import Agency, Practitioner
from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record
from frontdoor.core.errors import ConflictError
from frontdoor.core.outbox import outbox_write

from .access import cases_supervisee_may_see
from .models import (
    DEFAULT_FREQUENCY_WEEKS,
    MAX_FREQUENCY_WEEKS,
    AgreedAction,
    Relationship,
    Session,
    SessionRevision,
    SupervisionPolicy,
    due_on,
)

SESSION_CONFLICT = (
    "The other person saved a change to this session while you were editing it. "
    "Your changes have not been saved: copy them, open the session again and make them there."
)
ACTION_CONFLICT = (
    "The other person changed this action while you were editing it. "
    "Your changes have not been saved: open the action again and make them there."
)
SESSION_FIELDS = ("held_on", "reflections", "wellbeing", "wellbeing_note", "cases")


# The agency's policy -----------------------------------------------------------------


def frequency_weeks_for(agency_id: int | None) -> int:
    policy = SupervisionPolicy.objects.filter(agency_id=agency_id).first()
    return policy.frequency_weeks if policy else DEFAULT_FREQUENCY_WEEKS


def policy_version_for(agency_id: int | None) -> int:
    """The version the frequency form carries: 0 while the agency has no policy of its own."""
    policy = SupervisionPolicy.objects.filter(agency_id=agency_id).first()
    return policy.version if policy else 0


def _policy_conflict(agency: Agency) -> ConflictError:
    return ConflictError(
        f"Someone else updated how often supervision is due at {agency} while you were "
        "changing it. Nothing you entered has been saved: read the latest version and try again."
    )


def policy_set(
    *, agency: Agency, by: Practitioner, expected_version: int, frequency_weeks: int
) -> SupervisionPolicy:
    """Set the agency's frequency unless someone else set it since ``expected_version``
    (0: the agency had no policy of its own yet)."""
    if not 1 <= frequency_weeks <= MAX_FREQUENCY_WEEKS:
        raise ValidationError(f"Supervision must be due every 1 to {MAX_FREQUENCY_WEEKS} weeks")
    with transaction.atomic():
        policy = SupervisionPolicy.objects.select_for_update().filter(agency=agency).first()
        if (policy.version if policy else 0) != expected_version:
            raise _policy_conflict(agency)
        if policy is None:
            try:
                # Two first policies at once: the one-to-one refuses the second.
                with transaction.atomic():
                    policy = SupervisionPolicy.objects.create(
                        agency=agency,
                        frequency_weeks=frequency_weeks,
                        updated_at=timezone.now(),
                        updated_by=by,
                    )
            except IntegrityError:
                raise _policy_conflict(agency) from None
        else:
            policy.frequency_weeks = frequency_weeks
            policy.updated_at = timezone.now()
            policy.updated_by = by
            policy.version += 1
            policy.save(update_fields=["frequency_weeks", "updated_at", "updated_by", "version"])
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            obj=policy,
            reason="Set how often supervision is due",
            details={"frequency_weeks": frequency_weeks},
        )
    return policy


# Relationships -----------------------------------------------------------------------


def relationship_set_up(
    *, by: Practitioner, supervisor: Practitioner, supervisee: Practitioner, started_on: date
) -> Relationship:
    if supervisor.pk == supervisee.pk:
        raise ValidationError("A practitioner cannot supervise themselves")
    if not supervisor.is_active or not supervisee.is_active:
        raise ValidationError("Both practitioners must have active accounts")
    if supervisee.agency_id is None:
        raise ValidationError("The practitioner being supervised must belong to an agency")
    if started_on > timezone.localdate():
        raise ValidationError("The start date must be today or in the past")
    current = Relationship.objects.current().filter(supervisee=supervisee).first()
    if current is not None:
        raise ValidationError(
            f"{supervisee} already has a supervisor, {current.supervisor}. "
            "End that supervision before setting up a new one."
        )
    try:
        with transaction.atomic():
            relationship = Relationship.objects.create(
                supervisor=supervisor,
                supervisee=supervisee,
                agency_id=supervisee.agency_id,
                started_on=started_on,
                set_up_by=by,
                created_at=timezone.now(),
            )
            audit_record(actor=by, verb=Verb.CREATE, obj=relationship, reason="Set up supervision")
            for recipient, other in ((supervisor, supervisee), (supervisee, supervisor)):
                outbox_write(
                    recipient=recipient,
                    subject=f"Supervision set up with {other}",
                    body=f"{by} has set up supervision: {supervisor} supervises {supervisee} "
                    f"from {started_on:%d %b %Y}. Only the two of you can read what you record.",
                    dedupe_key=f"supervision-{relationship.pk}-set-up-{recipient.pk}",
                    link=reverse("supervision:relationship", args=[relationship.pk]),
                )
    except IntegrityError:
        # Two managers set up a supervisor for the same practitioner at once.
        raise ValidationError(f"{supervisee} already has a supervisor.") from None
    return relationship


def relationship_end(*, relationship: Relationship, by: Practitioner, ended_on: date) -> None:
    if relationship.ended_on is not None:
        raise ValidationError("This supervision has already ended")
    if ended_on > timezone.localdate():
        raise ValidationError("The end date must be today or in the past")
    if ended_on < relationship.started_on:
        raise ValidationError("The end date must be on or after the start date")
    with transaction.atomic():
        updated = Relationship.objects.filter(pk=relationship.pk, ended_on__isnull=True).update(
            ended_on=ended_on
        )
        if not updated:
            raise ValidationError("This supervision has already ended")
        relationship.ended_on = ended_on
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            obj=relationship,
            reason="Ended supervision",
            details={"ended_on": ended_on.isoformat()},
        )


# Sessions ----------------------------------------------------------------------------


def _check_session(relationship: Relationship, held_on: date) -> None:
    if not relationship.is_current:
        raise ValidationError("This supervision has ended: its record can no longer be changed")
    if held_on > timezone.localdate():
        raise ValidationError("The date of the session must be today or in the past", code="date")
    if held_on < relationship.started_on:
        raise ValidationError(
            f"The date of the session must be on or after {relationship.started_on.day} "
            f"{relationship.started_on:%B %Y}, "
            "when this supervision began",
            code="date",
        )


def _tell_the_other(session: Session, by: Practitioner, what: str) -> None:
    relationship = session.relationship
    other = relationship.other_party(by)
    outbox_write(
        recipient=other,
        subject=f"{by} {what} a supervision session",
        body=f"{by} {what} the record of your supervision session on {session.held_on:%d %b %Y}.",
        dedupe_key=f"supervision-session-{session.pk}-v{session.version}-{other.pk}",
        link=reverse("supervision:session", args=[session.pk]),
    )


def session_record(
    *,
    relationship: Relationship,
    by: Practitioner,
    held_on: date,
    reflections: str,
    wellbeing: int,
    wellbeing_note: str = "",
    case_references: Iterable[str] = (),
) -> Session:
    """Either party records a session. Cases are checked against what the supervisee may see."""
    _check_session(relationship, held_on)
    cases = cases_supervisee_may_see(relationship.supervisee, list(case_references))
    now = timezone.now()
    with transaction.atomic():
        session = Session.objects.create(
            relationship=relationship,
            held_on=held_on,
            reflections=reflections,
            wellbeing=wellbeing,
            wellbeing_note=wellbeing_note,
            created_by=by,
            created_at=now,
            updated_by=by,
            updated_at=now,
        )
        session.cases.set(cases)
        audit_record(
            actor=by,
            verb=Verb.CREATE,
            obj=session,
            reason="Recorded a supervision session",
            details={"cases": [c.reference for c in cases]},
        )
        _tell_the_other(session, by, "recorded")
    return session


def _snapshot(session: Session) -> dict:
    return {
        "held_on": session.held_on.isoformat(),
        "reflections": session.reflections,
        "wellbeing": session.wellbeing,
        "wellbeing_note": session.wellbeing_note,
        "cases": sorted(session.cases.values_list("reference", flat=True)),
    }


def session_edit(
    *,
    session: Session,
    by: Practitioner,
    base_version: int,
    held_on: date,
    reflections: str,
    wellbeing: int,
    wellbeing_note: str = "",
    case_references: Iterable[str] = (),
) -> Session:
    """Save an edit unless the other party saved one since ``base_version``; keep what it replaced."""
    relationship = session.relationship
    _check_session(relationship, held_on)
    cases = cases_supervisee_may_see(relationship.supervisee, list(case_references))
    before = _snapshot(session)
    after = {
        "held_on": held_on.isoformat(),
        "reflections": reflections,
        "wellbeing": wellbeing,
        "wellbeing_note": wellbeing_note,
        "cases": sorted(c.reference for c in cases),
    }
    changed = [name for name in SESSION_FIELDS if before[name] != after[name]]
    if not changed and base_version == session.version:
        raise ValidationError("You have not changed anything")
    now = timezone.now()
    with transaction.atomic():
        saved = Session.objects.filter(pk=session.pk, version=base_version).update(
            held_on=held_on,
            reflections=reflections,
            wellbeing=wellbeing,
            wellbeing_note=wellbeing_note,
            updated_by=by,
            updated_at=now,
            version=F("version") + 1,
        )
        if not saved:
            raise ConflictError(SESSION_CONFLICT)
        session.refresh_from_db()
        session.cases.set(cases)
        SessionRevision.objects.create(
            session=session,
            replaced_version=base_version,
            edited_by=by,
            edited_at=now,
            changed_fields=changed,
            before={name: before[name] for name in changed},
            after={name: after[name] for name in changed},
        )
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            obj=session,
            reason="Edited a supervision session",
            details={"fields": changed, "version": session.version},
        )
        _tell_the_other(session, by, "edited")
    return session


# Agreed actions ----------------------------------------------------------------------


def _check_owner(relationship: Relationship, owner: Practitioner) -> None:
    if owner.pk not in (relationship.supervisor_id, relationship.supervisee_id):
        raise ValidationError("The action must belong to the supervisor or the practitioner")


def action_add(
    *, session: Session, by: Practitioner, description: str, owner: Practitioner, due: date
) -> AgreedAction:
    _check_owner(session.relationship, owner)
    if not session.relationship.is_current:
        raise ValidationError("This supervision has ended: its record can no longer be changed")
    with transaction.atomic():
        action = AgreedAction.objects.create(
            session=session,
            description=description,
            owner=owner,
            due_on=due,
            updated_by=by,
            updated_at=timezone.now(),
        )
        audit_record(actor=by, verb=Verb.CREATE, obj=action, reason="Agreed a supervision action")
    return action


def action_edit(
    *,
    action: AgreedAction,
    by: Practitioner,
    base_version: int,
    description: str,
    owner: Practitioner,
    due: date,
    done: bool,
) -> AgreedAction:
    _check_owner(action.session.relationship, owner)
    now = timezone.now()
    done_at = (action.done_at or now) if done else None
    with transaction.atomic():
        saved = AgreedAction.objects.filter(pk=action.pk, version=base_version).update(
            description=description,
            owner=owner,
            due_on=due,
            done_at=done_at,
            updated_by=by,
            updated_at=now,
            version=F("version") + 1,
        )
        if not saved:
            raise ConflictError(ACTION_CONFLICT)
        action.refresh_from_db()
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            obj=action,
            reason="Updated a supervision action",
            details={"done": done},
        )
    return action


# Due dates and reminders -------------------------------------------------------------


@dataclass(frozen=True)
class Standing:
    """Where a relationship stands against its agency's frequency: dates only, no content."""

    relationship: Relationship
    last_session_on: date | None
    due_on: date
    frequency_weeks: int
    overdue: bool


def standing_of(relationships: Iterable[Relationship], *, today: date | None = None) -> list:
    """Each relationship's last session, next due date and whether it is overdue."""
    today = today or timezone.localdate()
    relationships = list(relationships)
    weeks = {
        policy.agency_id: policy.frequency_weeks
        for policy in SupervisionPolicy.objects.filter(
            agency_id__in={r.agency_id for r in relationships}
        )
    }
    last = dict(
        Relationship.objects.filter(pk__in=[r.pk for r in relationships])
        .with_last_session()
        .values_list("pk", "last_session_on")
    )
    result = []
    for r in relationships:
        frequency = weeks.get(r.agency_id, DEFAULT_FREQUENCY_WEEKS)
        last_on = last.get(r.pk)
        due = due_on(started_on=r.started_on, last_session_on=last_on, frequency_weeks=frequency)
        result.append(Standing(r, last_on, due, frequency, r.is_current and today > due))
    return result


def reminders_send_overdue(*, today: date | None = None) -> int:
    """Tell both parties when supervision has become overdue: once per overdue period.

    The period is named by its due date; a new session moves the due date, so the next
    time it becomes overdue is a new period and a new reminder."""
    today = today or timezone.localdate()
    sent = 0
    current = Relationship.objects.current().select_related("supervisor", "supervisee")
    for standing in standing_of(current, today=today):
        if not standing.overdue:
            continue
        relationship = standing.relationship
        if relationship.reminded_for_due_on == standing.due_on:
            continue
        with transaction.atomic():
            claimed = (
                Relationship.objects.filter(pk=relationship.pk, ended_on__isnull=True)
                .exclude(reminded_for_due_on=standing.due_on)
                .update(reminded_for_due_on=standing.due_on)
            )
            if not claimed:
                continue
            for recipient, other in (
                (relationship.supervisee, relationship.supervisor),
                (relationship.supervisor, relationship.supervisee),
            ):
                outbox_write(
                    recipient=recipient,
                    subject=f"Supervision with {other} is overdue",
                    body=f"Supervision between {relationship.supervisor} (supervisor) and "
                    f"{relationship.supervisee} was due by {standing.due_on:%d %b %Y}: "
                    f"your agency expects it every {standing.frequency_weeks} weeks. "
                    "Arrange a session and record it in Front Door.",
                    dedupe_key=f"supervision-{relationship.pk}-overdue-"
                    f"{standing.due_on.isoformat()}-{recipient.pk}",
                    link=reverse("supervision:relationship", args=[relationship.pk]),
                )
            sent += 1
    return sent
