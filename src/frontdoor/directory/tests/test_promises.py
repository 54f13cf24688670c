"""Promise 4 (no mass assignment) for the directory: every form that keeps the directory
current or the partnership map, posted with its real fields plus the ownership and state
fields it does not have; the server's values stand."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from frontdoor.agencies.roles import Role
from frontdoor.core.testing.factories import AgencyFactory, PractitionerFactory
from frontdoor.core.testing.smuggling import Smuggled, assert_extras_ignored
from frontdoor.directory import curation
from frontdoor.directory.models import (
    Body,
    BodyReview,
    Membership,
    Organization,
    Post,
    PracticeNote,
    Service,
    Suggestion,
)

pytestmark = pytest.mark.django_db

LONG_AGO = "2001-01-01"
STAMP = f"{LONG_AGO}T00:00"


def _day(days: int = 0) -> str:
    return (timezone.localdate() + timedelta(days=days)).strftime("%d/%m/%Y")


@pytest.mark.parametrize(
    "form",
    [
        "suggest",
        "decide",
        "edit",
        "reviewed",
        "note",
        "body_create",
        "post_create",
        "post_edit",
        "membership_create",
        "membership_edit",
        "review",
    ],
)
def test_directory_forms_ignore_fields_they_do_not_have(form, directory, owner, signed_in):
    """Promise 4: a suggestion's service, who made it, its status and who decided it; a
    service's owning agency and practitioner, organisation, review dates and version (a
    curator edits its words and status, nothing else); a practice note's service, author and
    agency; a partnership post's, membership's and review's body, a review's reviewer and every
    record's version come from the page and the services, never from extra posted fields."""
    service, other_service = directory.group, directory.helpline
    elsewhere = AgencyFactory(name="Elsewhere", sector="police")
    stranger = PractitionerFactory(username="stranger", agency=elsewhere)
    curator = PractitionerFactory(username="curator", agency=owner, role=Role.HUB_MANAGER)
    frontline = PractitionerFactory(username="frontline", agency=owner, role=Role.FRONTLINE)
    manager = PractitionerFactory(username="pm", agency=elsewhere, role=Role.PARTNERSHIP_MANAGER)
    other_org = Organization.objects.create(name="Forged Trust", description="Forged.")
    review_due = timezone.localdate() + timedelta(days=100)
    body = Body.objects.create(
        name="Testshire Safeguarding Partnership",
        classification="safeguarding_children",
        level="force_wide",
        review_due=review_due,
    )
    other_body = Body.objects.create(
        name="Another Partnership",
        classification="sub_group",
        level="district",
        review_due=review_due,
    )
    post = Post.objects.create(body=body, label="Chair", role="chair")
    seat = Membership.objects.create(body=body, agency=owner)
    body_words = {
        "name": "Testshire Safeguarding Partnership",
        "classification": "safeguarding_children",
        "level": "force_wide",
        "area": "",
        "parent": "",
        "accountable_to": "",
        "purpose": "Keeps children safe.",
        "terms_of_reference": "",
        "meeting_frequency": "monthly",
        "founding_date": "",
        "dissolution_date": "",
        "review_due": review_due.strftime("%d/%m/%Y"),
    }
    ownership = {
        "owner_agency": elsewhere.pk,
        "owner_practitioner": stranger.pk,
        "organization": other_org.pk,
        "last_reviewed": LONG_AGO,
        "review_reminded_on": LONG_AGO,
        "last_modified": STAMP,
        "assurer_email": "forged@example.org",
    }
    kept = {
        "owner_agency": owner,
        "owner_practitioner": None,
        "organization": service.organization,
        "last_reviewed": service.last_reviewed,
        "review_reminded_on": None,
        "assurer_email": service.assurer_email,
    }

    def suggestion():
        return curation.suggestion_create(
            service=service,
            kind="details_wrong",
            proposed={"name": "Evening Parents' Circle"},
            comment="Renamed in March.",
            by=frontline,
        )

    def decide_case():
        made = suggestion()
        return Smuggled(
            client=signed_in(curator),
            url=reverse("directory:curation_suggestion", args=[made.pk]),
            data={"decision": "accept", "version": service.version, "reason": ""},
            extras={
                **ownership,
                "service": other_service.pk,
                "suggested_by": stranger.pk,
                "status": "rejected",
                "decided_by": stranger.pk,
                "decided_at": STAMP,
                "kind": "closed",
                "comment": "Forged",
            },
            record=lambda: Suggestion.objects.get(pk=made.pk),
            expected={
                "service": service,
                "suggested_by": frontline,
                "status": "accepted",
                "decided_by": curator,
                "kind": "details_wrong",
                "comment": "Renamed in March.",
                "service.name": "Evening Parents' Circle",
                **{f"service.{name}": value for name, value in kept.items()},
            },
        )

    cases = {
        "suggest": lambda: Smuggled(
            client=signed_in(frontline),
            url=reverse("directory:suggest", args=[service.pk]),
            data={"kind": "details_wrong", "which": ["name"], "new_name": "Evening Circle"},
            extras={
                "service": other_service.pk,
                "suggested_by": stranger.pk,
                "status": "accepted",
                "decided_by": curator.pk,
                "decided_at": STAMP,
                "reason": "Forged",
                "created_at": STAMP,
                "proposed": '{"email": "forged@example.org"}',
            },
            record=lambda: Suggestion.objects.get(),
            expected={
                "service": service,
                "suggested_by": frontline,
                "status": "open",
                "decided_by": None,
                "decided_at": None,
                "reason": "",
                "proposed": {"name": "Evening Circle"},
            },
        ),
        "decide": decide_case,
        "edit": lambda: Smuggled(
            client=signed_in(curator),
            url=reverse("directory:edit", args=[service.pk]),
            data={
                "name": "Evening Circle",
                "description": service.description,
                "eligibility_description": service.eligibility_description,
                "application_process": service.application_process,
                "email": "",
                "url": "",
                "alert": "",
                "status": "active",
                "version": service.version,
            },
            extras={**ownership, "minimum_age": "99", "accreditations": "Forged"},
            record=lambda: Service.objects.get(pk=service.pk),
            expected={
                **kept,
                "name": "Evening Circle",
                "minimum_age": service.minimum_age,
                "accreditations": service.accreditations,
                "version": service.version + 1,
            },
        ),
        "reviewed": lambda: Smuggled(
            client=signed_in(curator),
            url=reverse("directory:mark_reviewed", args=[service.pk]),
            data={},
            extras={**ownership, "status": "defunct", "version": 9},
            record=lambda: Service.objects.get(pk=service.pk),
            expected={
                **kept,
                "last_reviewed": timezone.localdate(),
                "status": "active",
                "version": service.version,
            },
        ),
        "note": lambda: Smuggled(
            client=signed_in(frontline),
            url=reverse("directory:note_add", args=[service.pk]),
            data={"body": "Referrals by email get a reply within a day"},
            extras={
                "service": other_service.pk,
                "author": stranger.pk,
                "agency": elsewhere.pk,
                "created_at": STAMP,
            },
            record=lambda: PracticeNote.objects.get(),
            expected={"service": service, "author": frontline, "agency": owner},
        ),
        "body_create": lambda: Smuggled(
            client=signed_in(manager),
            url=reverse("directory:partnership_body_create"),
            data={**body_words, "name": "New Partnership", "version": 9},
            extras={"updated_at": STAMP, "id": other_body.pk},
            record=lambda: Body.objects.get(name="New Partnership"),
            expected={"version": 1, "review_due": review_due},
        ),
        "post_create": lambda: Smuggled(
            client=signed_in(manager),
            url=reverse("directory:partnership_post_create", args=[body.pk]),
            data={
                "label": "Vice chair",
                "role": "member",
                "start_date": "",
                "end_date": "",
                "version": 9,
            },
            extras={"body": other_body.pk},
            record=lambda: Post.objects.latest("pk"),
            expected={"body": body, "label": "Vice chair", "version": 1},
        ),
        "post_edit": lambda: Smuggled(
            client=signed_in(manager),
            url=reverse("directory:partnership_post_edit", args=[post.pk]),
            data={
                "label": "Independent chair",
                "role": "chair",
                "start_date": "",
                "end_date": "",
                "version": post.version,
            },
            extras={"body": other_body.pk},
            record=lambda: Post.objects.get(pk=post.pk),
            expected={"body": body, "label": "Independent chair", "version": post.version + 1},
        ),
        "membership_create": lambda: Smuggled(
            client=signed_in(manager),
            url=reverse("directory:partnership_membership_create", args=[body.pk]),
            data={
                "agency": elsewhere.pk,
                "person": "",
                "post": "",
                "role": "",
                "start_date": _day(),
                "end_date": "",
                "version": 9,
            },
            extras={"body": other_body.pk},
            record=lambda: Membership.objects.latest("pk"),
            expected={"body": body, "agency": elsewhere, "version": 1},
        ),
        "membership_edit": lambda: Smuggled(
            client=signed_in(manager),
            url=reverse("directory:partnership_membership_edit", args=[seat.pk]),
            data={
                "agency": owner.pk,
                "person": "",
                "post": post.pk,
                "role": "",
                "start_date": _day(),
                "end_date": "",
                "version": seat.version,
            },
            extras={"body": other_body.pk},
            record=lambda: Membership.objects.get(pk=seat.pk),
            expected={"body": body, "agency": owner, "post": post, "version": seat.version + 1},
        ),
        "review": lambda: Smuggled(
            client=signed_in(manager),
            url=reverse("directory:partnership_review", args=[body.pk]),
            data={
                "version": body.version,
                "outcome": "change",
                "notes": "Add housing.",
                "next_review": _day(365),
            },
            extras={"body": other_body.pk, "reviewed_by": stranger.pk, "reviewed_at": STAMP},
            record=lambda: BodyReview.objects.get(),
            expected={"body": body, "reviewed_by": manager, "outcome": "change"},
        ),
    }
    assert_extras_ignored(cases[form]())
