"""Governance's forms take any text and any date: refused with a form error and nothing
changed, or saved and shown back exactly, never a server error (SECURITY.md promise 17).

Each example posts one form of the table through its real page, with one free-text field (or
one date) replaced by generated text (``core.testing.properties``): the administrator sets the
partnership's retention rule and an agency's own, opens a subject access request, extends one,
closes one and marks a passage for redaction; the hub manager keeps a contact they own at its
review. Extending and closing each start from a request opened for that example. The next
review must fall after today and within ten years, so 29 February 2028 is accepted there; a
request received after today is refused with the form's own message.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import example, given

from frontdoor.core.testing.factories import sign_in
from frontdoor.core.testing.properties import (
    FEW,
    ODD_SENTENCE,
    DateInput,
    TextForm,
    any_case,
    check_case,
)
from frontdoor.governance import services
from frontdoor.governance.models import (
    RecordReview,
    Redaction,
    RetentionRule,
    SubjectAccessRequest,
)
from frontdoor.governance.registry import record_types
from frontdoor.governance.sar import build_bundle

pytestmark = pytest.mark.django_db

CONTACTS = "referrals.contact"


def _contacts():
    return next(t for t in record_types() if t.key == CONTACTS)


def _rule_answers(world) -> dict:
    return {
        "period_months": "72",
        "source": "MoPI group 3",
        "version": services.rule_version(_contacts()),
    }


def _agency_rule(world) -> RetentionRule | None:
    return RetentionRule.objects.filter(record_type=CONTACTS, agency=world["police"]).first()


def _agency_rule_answers(world) -> dict:
    rule = _agency_rule(world)
    return {
        "agency": world["police"].pk,
        "period_months": "84",
        "source": "Police: MoPI group 2",
        "version": rule.version if rule else 0,
    }


def _review_answers(world) -> dict:
    return {
        "outcome": RecordReview.Outcome.RETAIN,
        "reason": "A sibling's case is still open.",
        "next_review_on": (timezone.localdate() + timedelta(days=365)).isoformat(),
    }


def _open(world) -> SubjectAccessRequest:
    return services.sar_open(
        by=world["administrator"],
        person=world["case"].person,
        requester_name="Greta Quillfeather",
        requester_is="parent",
        received_on=timezone.localdate(),
    )


def _change_answers(reason: str):
    def answers(world) -> dict:
        world["fresh"] = _open(world)
        return {"reason": reason, "version": world["fresh"].version}

    return answers


def _redaction_answers(world) -> dict:
    return {
        "target": world["target"],
        "passage": "",
        "reason": "The neighbour who reported it.",
    }


def _sar_page(world, record) -> str:
    return reverse("governance:sar", args=[world["fresh"].pk])


FORMS = {
    "the partnership's rule": TextForm(
        url=lambda w: reverse("governance:rule_edit", args=[CONTACTS]),
        poster="admin_client",
        answers=_rule_answers,
        record=lambda w: RetentionRule.objects.filter(
            record_type=CONTACTS, agency__isnull=True
        ).first(),
        page=lambda w, rule: reverse("governance:rules"),
        texts={"source": (300, "source")},
    ),
    "an agency's own rule": TextForm(
        url=lambda w: reverse("governance:rule_agency", args=[CONTACTS]),
        poster="admin_client",
        answers=_agency_rule_answers,
        record=_agency_rule,
        page=lambda w, rule: reverse("governance:rules"),
        texts={"source": (300, "source")},
    ),
    "keep a record at its review": TextForm(
        url=lambda w: reverse("governance:review", args=[CONTACTS, w["case"].contact.pk]),
        poster="hub_client",
        answers=_review_answers,
        record=lambda w: (
            RecordReview.objects.filter(record_type=CONTACTS, object_id=str(w["case"].contact.pk))
            .order_by("-pk")
            .first()
        ),
        page=lambda w, review: reverse("governance:review", args=[CONTACTS, review.object_id]),
        texts={"reason": (1000, "reason")},
        dates=(
            DateInput(
                "next_review_on",
                "next_review_on",
                parts=False,
                # After today and at most ten years on (3,652 days is always within that).
                accepts=lambda w: (
                    timezone.localdate() + timedelta(days=1),
                    timezone.localdate() + timedelta(days=3652),
                ),
            ),
        ),
    ),
    "open a subject access request": TextForm(
        url=lambda w: reverse("governance:sar_open", args=[w["case"].person.pk]),
        poster="admin_client",
        answers=lambda w: {
            "requester_name": "Greta O'Brien-Quillfeather",
            "requester_is": "parent",
            "received_on": timezone.localdate().isoformat(),
        },
        record=lambda w: (
            SubjectAccessRequest.objects.filter(person=w["case"].person).order_by("-pk").first()
        ),
        page=lambda w, sar: reverse("governance:sar", args=[sar.pk]),
        texts={"requester_name": (200, "requester_name")},
        dates=(
            DateInput(
                "received_on",
                "received_on",
                parts=False,
                accepts=lambda w: (date(1900, 1, 1), timezone.localdate()),
                future="The date received must be today or in the past",
            ),
        ),
    ),
    "extend a request": TextForm(
        url=lambda w: reverse("governance:sar_extend", args=[w["fresh"].pk]),
        poster="admin_client",
        answers=_change_answers("Records across six agencies."),
        record=lambda w: w["fresh"],
        page=_sar_page,
        texts={"reason": (1000, "extension_reason")},
    ),
    "close a request": TextForm(
        url=lambda w: reverse("governance:sar_close", args=[w["fresh"].pk]),
        poster="admin_client",
        answers=_change_answers("Withdrawn by the requester."),
        record=lambda w: w["fresh"],
        page=_sar_page,
        texts={"reason": (1000, "closed_reason")},
    ),
    "mark a redaction": TextForm(
        url=lambda w: reverse("governance:sar_redact", args=[w["sar"].pk]),
        poster="admin_client",
        answers=_redaction_answers,
        record=lambda w: Redaction.objects.filter(request=w["sar"]).order_by("-pk").first(),
        page=lambda w, redaction: reverse("governance:sar_redact", args=[w["sar"].pk]),
        texts={"passage": (2000, "passage"), "reason": (300, "reason")},
    ),
}
NEXT_REVIEW = FORMS["keep a record at its review"].dates[0]
RECEIVED = FORMS["open a subject access request"].dates[0]


@pytest.fixture
def world(case, hub_manager, administrator, police):
    sar = services.sar_open(
        by=administrator,
        person=case.person,
        requester_name="Greta Quillfeather",
        requester_is="parent",
        received_on=timezone.localdate(),
    )
    bundle = build_bundle(sar)
    item = next(i for s in bundle.sections for i in s.items if i.fields)
    admin_client, hub_client = Client(), Client()
    sign_in(admin_client, administrator)
    sign_in(hub_client, hub_manager)
    return {
        "case": case,
        "police": police,
        "administrator": administrator,
        "sar": sar,
        "target": f"{item.key}|{item.fields[0].name}",
        "admin_client": admin_client,
        "hub_client": hub_client,
    }


@FEW
@given(case=any_case(FORMS))
@example(case=(("the partnership's rule", "source"), ODD_SENTENCE, None))
@example(case=(("keep a record at its review", "reason"), ODD_SENTENCE, None))
@example(case=(("open a subject access request", "requester_name"), ODD_SENTENCE, None))
@example(case=(("extend a request", "reason"), ODD_SENTENCE, None))
@example(case=(("close a request", "reason"), ODD_SENTENCE, None))
@example(case=(("mark a redaction", "reason"), ODD_SENTENCE, None))
@example(case=(("keep a record at its review", NEXT_REVIEW), None, ("29", "2", "2028")))
@example(case=(("keep a record at its review", NEXT_REVIEW), None, ("29", "2", "2027")))
@example(case=(("open a subject access request", RECEIVED), None, ("29", "2", "2024")))
@example(case=(("open a subject access request", RECEIVED), None, ("30", "2", "2024")))
@example(case=(("open a subject access request", RECEIVED), None, ("1", "1", "2099")))
def test_governance_forms_refuse_cleanly_or_round_trip_any_text_and_date(world, case):
    check_case(FORMS, world, case)
