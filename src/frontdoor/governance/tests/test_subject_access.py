"""Subject access requests: deadlines, the bundle, redaction and the audited release
(SECURITY.md promise 23)."""

import json
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from frontdoor.audit.models import AuditEvent, Verb
from frontdoor.core.testing.factories import current_code, give_authenticator
from frontdoor.core.testing.smuggling import Smuggled, assert_extras_ignored
from frontdoor.governance import services
from frontdoor.governance.models import SubjectAccessRequest
from frontdoor.governance.sar import build_bundle

from .conftest import MOTHER_SECRET

pytestmark = pytest.mark.django_db


def open_request(case, administrator, received_on=None):
    return services.sar_open(
        by=administrator,
        person=case.person,
        requester_name="Greta Quillfeather",
        requester_is="parent",
        received_on=received_on or timezone.localdate(),
    )


def test_the_deadline_is_a_calendar_month_moved_off_weekends_and_bank_holidays():
    # 3 April 2026 is Good Friday and 6 April Easter Monday: the next working day is the 7th.
    assert services.sar_due_on(date(2026, 3, 3)) == date(2026, 4, 7)
    assert services.sar_due_on(date(2026, 1, 31)) == date(2026, 3, 2)  # 28 Feb is a Saturday
    assert services.sar_due_on(date(2026, 5, 12)) == date(2026, 6, 12)


def test_the_deadline_states(case, administrator):
    today = timezone.localdate()
    sar = open_request(case, administrator, received_on=today - timedelta(days=10))
    assert sar.state(today) == "due"
    assert sar.state(sar.due_on + timedelta(days=1)) == "overdue"
    services.sar_extend(
        by=administrator, request=sar, reason="Records across six agencies", version=sar.version
    )
    assert sar.state(sar.due_on + timedelta(days=1)) == "extended"
    assert sar.extended_due_on >= sar.due_on + timedelta(days=55)
    assert sar.state(sar.extended_due_on + timedelta(days=1)) == "overdue"
    sar.refresh_from_db()
    assert sar.extension_reason == "Records across six agencies"


def test_an_extension_is_decided_within_the_first_month(case, administrator):
    from django.core.exceptions import ValidationError

    sar = open_request(case, administrator, received_on=timezone.localdate() - timedelta(days=40))
    with pytest.raises(ValidationError):
        services.sar_extend(by=administrator, request=sar, reason="Late", version=sar.version)


def test_the_bundle_holds_everything_about_the_person(case, administrator):
    sar = open_request(case, administrator)
    bundle = build_bundle(sar)
    keys = set(bundle.item_keys())
    assert f"people.person:{case.person.pk}" in keys
    assert f"referrals.contact:{case.contact.pk}" in keys
    assert f"sharing.informationrequest:{case.request.pk}" in keys
    assert f"meetings.agendaitem:{case.item.pk}" in keys
    assert f"plans.plan:{case.plan.pk}" in keys
    assert f"disagreements.disagreement:{case.disagreement.pk}" in keys
    text = bundle.as_json()
    assert "I want it to be quiet at home" in text  # her own words on the plan
    assert "Visit Zara" in text  # the plan's action
    assert "Police attended twice" in text  # what was shared at the meeting
    assert "Early help" in text
    # Her mother's DASH assessment and MARAC case are the mother's, not hers.
    assert f"meetings.dashassessment:{case.dash.pk}" not in keys


def test_other_subjects_names_are_redacted_by_default(case, administrator):
    text = build_bundle(open_request(case, administrator)).as_json()
    assert "Marnie" not in text
    assert "[another person]" in text
    assert "Zara" in text  # her own name stays


def test_marked_third_party_information_is_removed(case, administrator):
    sar = open_request(case, administrator)
    services.redaction_add(
        by=administrator,
        request=sar,
        item_key=f"referrals.contact:{case.contact.pk}",
        field="what_happened",
        passage="Neighbour Olwen Brackenridge called the police.",
        reason="The neighbour who reported it",
    )
    services.redaction_add(
        by=administrator,
        request=sar,
        item_key=f"sharing.informationrequest:{case.request.pk}",
        field="answers",
        passage="",
        reason="The mother's health",
    )
    bundle = build_bundle(sar)
    text = bundle.as_json() + bundle.as_html()
    assert "Olwen" not in text
    assert MOTHER_SECRET not in text
    assert "Two call-outs" not in text  # the whole field went
    assert "Zara said" in text  # the rest of the field stays
    assert bundle.redaction_count >= 3
    data = json.loads(bundle.as_json())
    assert data["person"] == case.person.pk


def test_redactions_are_fixed_once_released(case, administrator):
    from django.core.exceptions import ValidationError

    sar = open_request(case, administrator)
    services.sar_release(
        by=administrator, request=sar, bundle=build_bundle(sar), fmt="json", reason="Post"
    )
    with pytest.raises(ValidationError):
        services.redaction_add(
            by=administrator, request=sar, item_key="x:1", field="f", passage="", reason="r"
        )


def release(client, sar, administrator, **data):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=administrator).first() or give_authenticator(
        administrator
    )
    payload = {"format": "json", "reason": "Secure email", "code": current_code(device)} | data
    return client.post(reverse("governance:sar_release", args=[sar.pk]), payload)


def test_release_needs_the_second_factor_and_is_audited(case, administrator, signed_in):
    sar = open_request(case, administrator)
    client = signed_in(administrator)
    refused = release(client, sar, administrator, code="000000")
    assert refused.status_code == 422
    assert not AuditEvent.objects.filter(verb=Verb.DISCLOSE).exists()
    assert SubjectAccessRequest.objects.get().status == SubjectAccessRequest.Status.OPEN
    administrator.totpdevice_set.get().throttle_reset()  # django-otp slows retries after a miss
    response = release(client, sar, administrator)
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="subject-access-{sar.pk}.json"'
    data = json.loads(response.content)
    assert any(s["key"] == "contacts" and s["items"] for s in data["sections"])
    sar.refresh_from_db()
    assert sar.status == SubjectAccessRequest.Status.RELEASED
    event = AuditEvent.objects.get(verb=Verb.DISCLOSE, object_id=str(sar.pk))
    assert event.recipients == ["Greta Quillfeather"]
    assert f"referrals.contact:{case.contact.pk}" in event.details["items"]


def test_the_html_bundle_is_readable_and_redacted(case, administrator, signed_in):
    sar = open_request(case, administrator)
    response = release(signed_in(administrator), sar, administrator, format="html")
    page = response.content.decode()
    assert "What Front Door holds about you" in page
    assert "Zara said" in page
    assert "Marnie" not in page


def test_an_administrator_opens_marks_and_checks_through_the_pages(case, administrator, signed_in):
    client = signed_in(administrator)
    found = client.get(reverse("governance:sar_new"), {"q": "zara quill"})
    assert reverse("governance:sar_open", args=[case.person.pk]) in found.content.decode()
    bad = client.post(reverse("governance:sar_open", args=[case.person.pk]), {})
    assert bad.status_code == 422
    assert not SubjectAccessRequest.objects.exists()
    opened = client.post(
        reverse("governance:sar_open", args=[case.person.pk]),
        {
            "requester_name": "Greta",
            "requester_is": "parent",
            "received_on": timezone.localdate().isoformat(),
        },
    )
    sar = SubjectAccessRequest.objects.get()
    assert opened.url == reverse("governance:sar", args=[sar.pk])
    target = f"referrals.contact:{case.contact.pk}|what_happened"
    wrong = client.post(
        reverse("governance:sar_redact", args=[sar.pk]),
        {"target": target, "passage": "words that are not there", "reason": "Neighbour"},
    )
    assert wrong.status_code == 422
    assert not sar.redactions.exists()
    client.post(
        reverse("governance:sar_redact", args=[sar.pk]),
        {"target": target, "passage": "Olwen Brackenridge", "reason": "Neighbour"},
    )
    assert sar.redactions.count() == 1
    preview = client.get(reverse("governance:sar_bundle", args=[sar.pk])).content.decode()
    assert "Olwen" not in preview and "Zara said" in preview
    detail = client.get(reverse("governance:sar", args=[sar.pk])).content.decode()
    assert "Due" in detail
    assert (
        AuditEvent.objects.filter(
            object_type="governance.subjectaccessrequest", verb=Verb.VIEW
        ).count()
        >= 2
    )


def test_the_bundle_holds_police_incidents_and_match_decisions(case, administrator):
    from frontdoor.agencies.models import Agency
    from frontdoor.core.testing.factories import AgencyFactory
    from frontdoor.incidents.models import Incident, IncidentParty
    from frontdoor.matching.models import MergeEvent, ReviewItem
    from frontdoor.people.models import AgencyRecord, RecordKind

    force = AgencyFactory(name="Bundleshire Police", sector=Agency.Sector.POLICE)
    hers = AgencyRecord.objects.create(
        agency=force, kind=RecordKind.POLICE_NOMINAL, source_ref="N1", person=case.person
    )
    other = case.person.__class__.objects.create(given_names="Percival", family_name="Stott")
    his = AgencyRecord.objects.create(
        agency=force, kind=RecordKind.POLICE_NOMINAL, source_ref="N2", person=other
    )
    now = timezone.now()
    incident = Incident.objects.create(
        agency=force,
        ref="INC-77",
        occurred_at=now,
        incident_type="concern_for_welfare",
        area="Northbrook",
        created_at=now,
        updated_at=now,
    )
    mine = IncidentParty.objects.create(
        incident=incident, role="victim", person=case.person, record=hers,
        given_names=case.person.given_names,
    )  # fmt: skip
    IncidentParty.objects.create(
        incident=incident, role="suspect", person=other, record=his,
        given_names="Percival", family_name="Stott",
    )  # fmt: skip
    review = ReviewItem.objects.create(
        record=hers, other_person=other, match_weight=1.0, probability=0.7, explanation=[]
    )
    merge = MergeEvent.objects.create(
        kind=MergeEvent.Kind.SPLIT,
        from_person=other,
        to_person=case.person,
        record_ids=[hers.pk],
        reason="Two people under one police nominal",
    )
    bundle = build_bundle(open_request(case, administrator))
    keys = set(bundle.item_keys())
    assert f"incidents.incidentparty:{mine.pk}" in keys
    assert f"matching.reviewitem:{review.pk}" in keys
    assert f"matching.mergeevent:{merge.pk}" in keys
    text = bundle.as_json()
    assert "INC-77" in text and "Victim" in text  # the incident, with her role in it
    assert "Two people under one police nominal" in text
    assert "Percival" not in text  # the other party is a third party


@pytest.mark.parametrize(
    "form", ["rule", "agency_rule", "review", "open", "extend", "close", "redact", "release"]
)
def test_governance_forms_ignore_fields_they_do_not_have(
    form, case, administrator, hub_manager, officer, police, signed_in
):
    """Promise 4: a retention rule's record type, agency and editor; a review's record and
    reviewer; a subject access request's person, status, deadline, opener and releaser; a
    redaction's request and marker come from the page and the services, never from extra
    posted fields."""
    from frontdoor.governance.models import RecordReview, RetentionRule
    from frontdoor.people.models import Person

    from .test_pages import make_due

    stranger = Person.objects.create(given_names="Olwen", family_name="Brackenridge")
    sar = open_request(case, administrator)
    other_sar = services.sar_open(
        by=administrator,
        person=stranger,
        requester_name="Olwen",
        requester_is="self",
        received_on=timezone.localdate(),
    )
    long_ago = "2001-01-01T00:00"
    someone_else = {
        "updated_by": officer.pk,
        "updated_at": long_ago,
        "decided_by": officer.pk,
        "decided_at": long_ago,
        "opened_by": officer.pk,
        "opened_at": long_ago,
        "released_by": officer.pk,
        "released_at": long_ago,
        "marked_by": officer.pk,
        "marked_at": long_ago,
        "record_type": "people.person",
        "object_id": str(stranger.pk),
        "person": stranger.pk,
        "due_on": "2099-01-01",
        "extended_due_on": "2099-01-01",
    }
    rule = {"period_months": "84", "source": "Partnership policy 2026", "version": "0"}
    unreleased = {
        "person": case.person,
        "opened_by": administrator,
        "released_by": None,
        "due_on": sar.due_on,
    }
    admin = signed_in(administrator)
    cases = {
        "rule": lambda: Smuggled(
            client=admin,
            url=reverse("governance:rule_edit", args=["referrals.contact"]),
            data=rule,
            extras={**someone_else, "agency": police.pk},
            record=lambda: RetentionRule.objects.get(),
            expected={
                "record_type": "referrals.contact",
                "agency": None,
                "updated_by": administrator,
            },
        ),
        "agency_rule": lambda: Smuggled(
            client=admin,
            url=reverse("governance:rule_agency", args=["referrals.contact"]),
            data={**rule, "agency": police.pk},
            extras=someone_else,
            record=lambda: RetentionRule.objects.get(),
            expected={
                "record_type": "referrals.contact",
                "agency": police,
                "updated_by": administrator,
            },
        ),
        "review": lambda: Smuggled(
            client=make_due(case.contact) or signed_in(hub_manager),
            url=reverse("governance:review", args=["referrals.contact", case.contact.pk]),
            data={
                "outcome": "retain",
                "reason": "Sibling case open",
                "next_review_on": (timezone.localdate() + timedelta(days=400)).isoformat(),
            },
            extras=someone_else,
            record=lambda: RecordReview.objects.get(),
            expected={
                "record_type": "referrals.contact",
                "object_id": str(case.contact.pk),
                "decided_by": hub_manager,
            },
        ),
        "open": lambda: Smuggled(
            client=admin,
            url=reverse("governance:sar_open", args=[case.person.pk]),
            data={
                "requester_name": "Greta",
                "requester_is": "parent",
                "received_on": timezone.localdate().isoformat(),
            },
            extras={**someone_else, "status": "released", "version": 9},
            record=lambda: SubjectAccessRequest.objects.latest("pk"),
            expected={**unreleased, "status": "open", "version": 1},
        ),
        "extend": lambda: Smuggled(
            client=admin,
            url=reverse("governance:sar_extend", args=[sar.pk]),
            data={"reason": "Records held by three agencies", "version": sar.version},
            extras={**someone_else, "status": "closed"},
            record=lambda: SubjectAccessRequest.objects.get(pk=sar.pk),
            expected={**unreleased, "status": "open"},
        ),
        "close": lambda: Smuggled(
            client=admin,
            url=reverse("governance:sar_close", args=[sar.pk]),
            data={"reason": "Withdrawn by the requester", "version": sar.version},
            extras={**someone_else, "status": "released"},
            record=lambda: SubjectAccessRequest.objects.get(pk=sar.pk),
            expected={**unreleased, "status": "closed", "released_at": None},
        ),
        "redact": lambda: Smuggled(
            client=admin,
            url=reverse("governance:sar_redact", args=[sar.pk]),
            data={
                "target": f"referrals.contact:{case.contact.pk}|what_happened",
                "passage": "Olwen Brackenridge",
                "reason": "Neighbour",
            },
            extras={
                **someone_else,
                "request": other_sar.pk,
                "item_key": "people.person:1",
                "field": "notes",
            },
            record=lambda: sar.redactions.get(),
            expected={
                "item_key": f"referrals.contact:{case.contact.pk}",
                "field": "what_happened",
                "marked_by": administrator,
            },
        ),
        "release": lambda: Smuggled(
            client=admin,
            url=reverse("governance:sar_release", args=[sar.pk]),
            data={
                "format": "json",
                "reason": "Secure email",
                "code": current_code(administrator.totpdevice_set.first()),
            },
            extras={**someone_else, "status": "closed", "version": 9},
            record=lambda: SubjectAccessRequest.objects.get(pk=sar.pk),
            expected={**unreleased, "status": "released", "released_by": administrator},
            status=200,
        ),
    }

    assert_extras_ignored(cases[form]())


def test_only_an_administrator_searches_people_for_a_subject_access_request(
    case, administrator, hub_manager, officer, signed_in
):
    """Promise 2: the subject access person search spans the whole person index, so only the
    administrators who handle requests may run it; anyone else gets 403 and no names."""
    url = reverse("governance:sar_new")
    for practitioner in (hub_manager, officer):
        response = signed_in(practitioner).get(url, {"q": "zara quill"})
        assert response.status_code == 403
        assert "Quillfeather" not in response.content.decode()
        assert "people" not in (response.context or {})
    found = signed_in(administrator).get(url, {"q": "zara quill"})
    assert list(found.context["people"]) == [case.person]
