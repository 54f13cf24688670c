"""The JSON API: referrals by token with an idempotency key, status, the inbox and answers."""

import json
import uuid
from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.middleware.csrf import _get_new_csrf_string
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontdoor.agencies.roles import Role
from frontdoor.api import api as api_module
from frontdoor.api.models import ApiToken
from frontdoor.api.services import api_token_issue, api_token_revoke
from frontdoor.api.tests.matrix import ENDPOINTS
from frontdoor.audit.models import AuditEvent, Verb
from frontdoor.core.testing.factories import AgencyFactory, PractitionerFactory, sign_in
from frontdoor.core.testing.matrix import build_world
from frontdoor.referrals import services as referrals
from frontdoor.referrals.models import Contact, Subject
from frontdoor.sharing.models import Category, InformationRequest, Window
from frontdoor.sharing.services import request_create

pytestmark = pytest.mark.django_db

CREATE = "/api/v1/referrals"
VALID_NHS_NUMBER = "943 476 5919"
HOSTILE = [
    '<script>alert("pwned")</script>',
    "'; DROP TABLE referrals_contact; --",
    "{{ request.user }} {% debug %} ${7*7}",
    '=HYPERLINK("http://evil.example","click")',
    "O'Brien-Ní Dhomhnaill",
    "Zoe\u0308 \u202eright-to-left\u202c 😀 \u05e9\u05dc\u05d5\u05dd",
    '"quoted" \\backslash\\ & ampersand </textarea>',
]


# Helpers --------------------------------------------------------------------------------


@pytest.fixture
def hub(social_care):
    return PractitionerFactory(username="hub", agency=social_care, role=Role.HUB_PRACTITIONER)


@pytest.fixture
def api_client():
    return Client()


def bearer(practitioner, name="Test system"):
    _, key = api_token_issue(practitioner=practitioner, name=name)
    return {"Authorization": f"Bearer {key}"}


def referral_body(**overrides):
    body = {
        "subjects": [
            {
                "role": "child_at_risk",
                "given_names": "Maisie",
                "family_name": "O'Connor-Dube",
                "date_of_birth": "2017-06-01",
                "sex": "female",
                "nhs_number": VALID_NHS_NUMBER,
            },
            {
                "role": "child_at_risk",
                "given_names": "Ty",
                "family_name": "O'Connor-Dube",
                "estimated_age": 3,
            },
        ],
        "concerns": ["domestic_abuse", "neglect"],
        "what_happened": "Shouting heard; neighbour called police at 22:10.",
        "professional_opinion": "The children seemed frightened.",
        "crime_alleged": True,
        "immediate_danger": False,
        "consent": "not_sought",
        "lawful_basis": "safeguarding",
    }
    body.update(overrides)
    return body


def subject(**overrides):
    return referral_body(subjects=[{**referral_body()["subjects"][0], **overrides}])


def post_referral(client, auth, body=None, key="key-1"):
    headers = dict(auth)
    if key is not None:
        headers["Idempotency-Key"] = key
    return client.post(
        CREATE, body if body is not None else referral_body(), "application/json", headers=headers
    )


def make_contact(referrer):
    response = post_referral(Client(), bearer(referrer), key=f"setup-{referrer.pk}")
    assert response.status_code == 201, response.content
    return Contact.objects.get(pk=response.json()["id"])


def ask(contact, hub, agency, categories=(Category.CHILD_PROTECTION, Category.SCHOOL)):
    return request_create(
        contact=contact,
        by=hub,
        to_agency=agency,
        subjects=list(contact.subjects.all()),
        window=Window.MONTHS_12,
        categories=list(categories),
        purpose="Is the family known?",
        lawful_basis="safeguarding",
    )


def answer_url(info_request):
    return f"/api/v1/information-requests/{info_request.pk}/response"


# Making a referral ----------------------------------------------------------------------


def test_a_referral_made_by_token_is_created_and_sent(api_client, officer):
    response = post_referral(api_client, bearer(officer))

    assert response.status_code == 201, response.content
    body = response.json()
    assert response["Location"] == f"/api/v1/referrals/{body['id']}"
    contact = Contact.objects.get(pk=body["id"])
    assert contact.referrer == officer
    assert contact.referrer_agency == officer.agency
    assert contact.status == Contact.Status.SUBMITTED
    assert contact.idempotency_key == "key-1"
    assert contact.concerns == ["domestic_abuse", "neglect"]
    assert [s.given_names for s in contact.subjects.all()] == ["Maisie", "Ty"]
    assert contact.subjects.first().nhs_number == "9434765919"
    assert body["reference"] == contact.reference
    assert body["status"] == "submitted"
    assert body["decision_due_at"] is not None
    assert body["decision"] is None
    assert body["subjects"] is None  # the referrer's view: status, not the record


def test_immediate_danger_makes_the_referral_red_at_once(api_client, officer):
    response = post_referral(api_client, bearer(officer), referral_body(immediate_danger=True))

    assert response.status_code == 201
    assert response.json()["rag"] == "red"


def test_retrying_with_the_same_idempotency_key_returns_the_first_referral(api_client, officer):
    """Promise 21: post twice, one row."""
    auth = bearer(officer)
    first = post_referral(api_client, auth, key="7f9c2ba4-e88f-11ee")
    second = post_referral(api_client, auth, key="7f9c2ba4-e88f-11ee")

    assert first.status_code == 201
    assert second.status_code == 200
    assert second.json()["id"] == first.json()["id"]
    assert second.json()["reference"] == first.json()["reference"]
    assert Contact.objects.count() == 1
    assert Subject.objects.count() == 2
    assert AuditEvent.objects.filter(
        verb=Verb.VIEW, object_id=str(first.json()["id"]), reason__contains="idempotency key"
    ).exists()


def test_the_key_is_the_referrers_own(api_client, officer, social_worker):
    first = post_referral(api_client, bearer(officer), key="shared")
    second = post_referral(api_client, bearer(social_worker), key="shared")

    assert (first.status_code, second.status_code) == (201, 201)
    assert Contact.objects.count() == 2


def test_a_concurrent_retry_that_loses_the_race_returns_the_winners_referral(
    api_client, officer, monkeypatch
):
    winner = make_contact(officer)
    Contact.objects.filter(pk=winner.pk).update(idempotency_key="raced")
    real = api_module._referral_by_key
    calls = []

    def miss_first_time(practitioner, key, *, reason):
        calls.append(key)
        return None if len(calls) == 1 else real(practitioner, key, reason=reason)

    monkeypatch.setattr(api_module, "_referral_by_key", miss_first_time)

    response = post_referral(api_client, bearer(officer), key="raced")

    assert response.status_code == 200, response.content
    assert response.json()["id"] == winner.pk
    assert Contact.objects.count() == 1


def test_a_referral_without_an_idempotency_key_is_refused(api_client, officer):
    response = post_referral(api_client, bearer(officer), key=None)

    assert response.status_code == 422
    assert {"field": "Idempotency-Key", "message": "This is required"} in response.json()["errors"]
    assert not Contact.objects.exists()


@pytest.mark.parametrize("key", ["", "x" * 101, "has space", "caf\u00e9"])
def test_a_malformed_idempotency_key_is_refused(api_client, officer, key):
    response = post_referral(api_client, bearer(officer), key=key)

    assert response.status_code == 422
    assert not Contact.objects.exists()


TOMORROW = (timezone.localdate() + timedelta(days=1)).isoformat()


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        (
            subject(date_of_birth=TOMORROW),
            "subjects[0].date_of_birth",
            "The date of birth must be today or in the past",
        ),
        (subject(nhs_number="943 476 5918"), "subjects[0].nhs_number", "Enter a valid NHS number"),
        (subject(nhs_number="not a number"), "subjects[0].nhs_number", "Enter a valid NHS number"),
        (subject(given_names="   "), "subjects[0].given_names", "Enter the person's given names"),
        (subject(role="lodger"), "subjects[0].role", "Input should be"),
        (subject(estimated_age=-1), "subjects[0].estimated_age", "greater than or equal to 0"),
        (referral_body(concerns=[]), "concerns", "at least 1 item"),
        (referral_body(concerns=["gossip"]), "concerns[0]", "Input should be"),
        (referral_body(subjects=[]), "subjects", "at least 1 item"),
        (referral_body(consent="maybe"), "consent", "Input should be"),
        (referral_body(what_happened="a\x00b"), "what_happened", "null character"),
        (referral_body(what_happened="\ud800"), "what_happened", "unicode string"),
        (referral_body(what_happened="x" * 20_001), "what_happened", "at most 20000"),
        # No mass assignment (promise 4): fields the client must not set are refused.
        (referral_body(status="decided"), "status", "not part of the API"),
        (referral_body(referrer=1), "referrer", "not part of the API"),
        (referral_body(reference="FD-2020-000001"), "reference", "not part of the API"),
        (subject(person=1), "subjects[0].person", "not part of the API"),
        # The service's own rules: reported without a field.
        (referral_body(what_happened="   "), None, "Describe what happened"),
        (
            referral_body(consent="not_given", lawful_basis=None),
            None,
            "Give the lawful basis for sharing without consent",
        ),
    ],
)
def test_bad_referrals_are_refused_and_change_nothing(api_client, officer, body, field, message):
    response = post_referral(api_client, bearer(officer), body)

    assert response.status_code == 422, response.content
    errors = response.json()["errors"]
    assert any(e["field"] == field and message in e["message"] for e in errors), errors
    assert not Contact.objects.exists()
    assert not Subject.objects.exists()


@pytest.mark.parametrize("raw", [b"{not json", b"[]", b'"a string"', b"null"])
def test_a_body_that_is_not_a_referral_is_refused_not_a_server_error(api_client, officer, raw):
    response = api_client.post(
        CREATE, raw, "application/json", headers={**bearer(officer), "Idempotency-Key": "k"}
    )

    assert response.status_code in (400, 422)
    assert not Contact.objects.exists()


def test_hostile_and_unusual_text_round_trips_exactly_and_is_never_markup(api_client, officer, hub):
    """Promises 14 and 17: stored and returned as data, JSON-escaped, byte for byte."""
    people = [
        {
            "role": "victim",
            "given_names": text,
            "family_name": text,
            "address": text,
            "school_or_gp": text[:200],
            "other_identifiers": text,
            "date_of_birth": "2016-02-29",
        }
        for text in HOSTILE
    ]
    body = referral_body(
        subjects=people,
        what_happened="\n".join(HOSTILE),
        professional_opinion=HOSTILE[0],
        lawful_basis_detail=HOSTILE[2],
    )
    created = post_referral(api_client, bearer(officer), body)
    assert created.status_code == 201, created.content

    response = api_client.get(f"{CREATE}/{created.json()['id']}", headers=bearer(hub))

    assert response.status_code == 200
    assert b"<script" not in response.content
    assert b"\\u003cscript\\u003e" in response.content
    read = json.loads(response.content)
    assert [s["given_names"] for s in read["subjects"]] == HOSTILE
    assert [s["address"] for s in read["subjects"]] == HOSTILE
    assert [s["date_of_birth"] for s in read["subjects"]] == ["2016-02-29"] * len(HOSTILE)
    assert read["what_happened"] == "\n".join(HOSTILE)
    assert read["professional_opinion"] == HOSTILE[0]
    assert read["lawful_basis_detail"] == HOSTILE[2]


def test_who_may_not_refer_is_refused_before_the_body_is_read(api_client, social_care):
    analyst = PractitionerFactory(agency=social_care, role=Role.ANALYST)

    response = post_referral(api_client, bearer(analyst), body={})

    assert response.status_code == 403
    assert not Contact.objects.exists()


# Reading a referral's status ------------------------------------------------------------


def test_the_referrer_reads_the_status_and_only_after_the_decision_the_feedback(
    api_client, officer, hub
):
    contact = make_contact(officer)
    url = f"{CREATE}/{contact.pk}"
    auth = bearer(officer)

    before = api_client.get(url, headers=auth).json()
    assert before["status"] == "submitted"
    assert before["decision"] is None
    assert (
        AuditEvent.objects.filter(
            verb=Verb.VIEW, actor=officer, object_id=str(contact.pk), request_path=url
        ).count()
        == 1
    )

    contact = referrals.contact_triage(
        contact=contact, by=hub, expected_version=contact.version, rag="amber", rationale="Known."
    )
    referrals.contact_decide(
        contact=contact,
        by=hub,
        expected_version=contact.version,
        outcome="strategy",
        rationale="Hub-only reasoning about the family",
        feedback="A strategy discussion will be held; thank you.",
    )
    after = api_client.get(url, headers=auth).json()

    assert after["status"] == "decided"
    assert after["rag"] == "amber"
    assert after["decision"]["outcome"] == "strategy"
    assert (
        after["decision"]["feedback_to_referrer"]
        == "A strategy discussion will be held; thank you."
    )
    assert after["decision"]["rationale"] is None
    assert after["what_happened"] is None
    assert after["timeline"] is None
    assert "Hub-only reasoning" not in json.dumps(after)


def test_a_red_decision_waiting_for_sign_off_is_not_yet_told_to_the_referrer(
    api_client, officer, hub
):
    contact = make_contact(officer)
    contact = referrals.contact_triage(
        contact=contact, by=hub, expected_version=contact.version, rag="red", rationale="Risk."
    )
    referrals.contact_decide(
        contact=contact,
        by=hub,
        expected_version=contact.version,
        outcome="strategy",
        rationale="Why",
        feedback="Not yet final",
    )

    read = api_client.get(f"{CREATE}/{contact.pk}", headers=bearer(officer)).json()

    assert read["status"] == "awaiting_sign_off"
    assert read["decision"] is None


def test_the_hub_reads_the_people_concerns_and_timeline(api_client, officer, hub):
    contact = make_contact(officer)

    read = api_client.get(f"{CREATE}/{contact.pk}", headers=bearer(hub)).json()

    assert [s["given_names"] for s in read["subjects"]] == ["Maisie", "Ty"]
    assert read["concerns"] == ["domestic_abuse", "neglect"]
    assert read["timeline"][0]["summary"].startswith("Referral sent by")


def test_an_unrelated_practitioner_cannot_tell_the_referral_exists(
    api_client, officer, social_worker
):
    contact = make_contact(officer)

    response = api_client.get(f"{CREATE}/{contact.pk}", headers=bearer(social_worker))
    missing = api_client.get(f"{CREATE}/{contact.pk + 1000}", headers=bearer(social_worker))

    assert response.status_code == 404
    assert response.json() == missing.json()
    assert contact.reference.encode() not in response.content


@pytest.mark.parametrize("referral_id", ["abc", "0", "99999999999999999999999"])
def test_an_impossible_id_is_refused_not_a_server_error(api_client, officer, referral_id):
    response = api_client.get(f"{CREATE}/{referral_id}", headers=bearer(officer))

    assert response.status_code in (404, 422)


# Information requests -------------------------------------------------------------------


@pytest.fixture
def requests_asked(officer, hub, social_care, police):
    contact = make_contact(officer)
    return {
        "contact": contact,
        "social_care": ask(contact, hub, social_care),
        "police": ask(contact, hub, police, categories=[Category.DOMESTIC_ABUSE]),
    }


def test_the_inbox_lists_only_the_agencys_own_requests(api_client, social_worker, requests_asked):
    response = api_client.get("/api/v1/information-requests", headers=bearer(social_worker))

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    [item] = body["items"]
    expected = requests_asked["social_care"]
    assert item["id"] == expected.pk
    assert item["contact_reference"] == requests_asked["contact"].reference
    assert item["categories"] == ["child_protection", "school"]
    assert item["window"] == "12"
    assert item["lawful_basis"] == "safeguarding"
    assert item["status"] == "open"
    assert item["version"] == 1
    assert {
        "given_names": "Maisie",
        "family_name": "O'Connor-Dube",
        "date_of_birth": "2017-06-01",
    } in item["subjects"]
    assert AuditEvent.objects.filter(verb=Verb.VIEW, actor=social_worker).count() == 1


def test_the_inbox_pages_and_filters(api_client, social_worker, hub, social_care, requests_asked):
    ask(requests_asked["contact"], hub, social_care)
    auth = bearer(social_worker)

    first = api_client.get("/api/v1/information-requests?limit=1", headers=auth).json()
    second = api_client.get("/api/v1/information-requests?limit=1&offset=1", headers=auth).json()
    answered = api_client.get("/api/v1/information-requests?status=answered", headers=auth)

    assert (first["count"], len(first["items"]), len(second["items"])) == (2, 1, 1)
    assert first["items"][0]["id"] != second["items"][0]["id"]
    assert answered.json()["count"] == 0
    too_many = api_client.get("/api/v1/information-requests?limit=1000", headers=auth)
    assert too_many.status_code == 422


def test_reading_a_request_is_audited_and_gives_its_version(
    api_client, social_worker, requests_asked
):
    info_request = requests_asked["social_care"]

    response = api_client.get(
        f"/api/v1/information-requests/{info_request.pk}", headers=bearer(social_worker)
    )

    assert response.status_code == 200
    assert response["ETag"] == '"1"'
    assert response.json()["to_agency"] == str(info_request.to_agency)
    assert (
        AuditEvent.objects.filter(
            verb=Verb.VIEW, actor=social_worker, object_id=str(info_request.pk)
        ).count()
        == 1
    )


def test_another_agencys_request_cannot_be_seen_or_answered(api_client, officer, requests_asked):
    info_request = requests_asked["social_care"]
    auth = bearer(officer)  # police: not the agency asked

    read = api_client.get(f"/api/v1/information-requests/{info_request.pk}", headers=auth)
    answer = api_client.post(
        answer_url(info_request),
        {"nothing_known": True, "version": 1},
        "application/json",
        headers=auth,
    )

    assert (read.status_code, answer.status_code) == (404, 404)
    info_request.refresh_from_db()
    assert info_request.status == InformationRequest.Status.OPEN


def test_the_hub_elsewhere_sees_but_may_not_answer(api_client, police, requests_asked):
    police_hub = PractitionerFactory(agency=police, role=Role.HUB_PRACTITIONER)
    info_request = requests_asked["social_care"]

    response = api_client.post(
        answer_url(info_request),
        {"nothing_known": True, "version": 1},
        "application/json",
        headers=bearer(police_hub),
    )

    assert response.status_code == 403


def test_answering_with_the_version_read_discloses_and_records_it(
    api_client, social_worker, requests_asked
):
    info_request = requests_asked["social_care"]
    answers = {"child_protection": HOSTILE[0], "school": "Attendance 71% this term."}

    response = api_client.post(
        answer_url(info_request),
        {"answers": answers, "version": 1},
        "application/json",
        headers=bearer(social_worker),
    )

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "answered"
    assert body["answers"] == answers
    assert body["version"] == 2
    assert response["ETag"] == '"2"'
    disclosure = AuditEvent.objects.get(verb=Verb.DISCLOSE, actor=social_worker)
    assert disclosure.object_id == str(info_request.pk)
    assert disclosure.recipients == ["Front door (hub)"]
    info_request.refresh_from_db()
    assert info_request.answered_by == social_worker


def test_the_version_can_come_in_an_if_match_header(api_client, social_worker, requests_asked):
    info_request = requests_asked["social_care"]

    response = api_client.post(
        answer_url(info_request),
        {"nothing_known": True},
        "application/json",
        headers={**bearer(social_worker), "If-Match": 'W/"1"'},
    )

    assert response.status_code == 200, response.content
    assert response.json()["status"] == "nothing_known"


def test_a_stale_version_is_a_conflict_and_changes_nothing(
    api_client, social_worker, requests_asked
):
    """Promise 18: two answerers on one version; the second gets a clear conflict."""
    info_request = requests_asked["social_care"]
    auth = bearer(social_worker)

    wrong = api_client.post(
        answer_url(info_request),
        {"nothing_known": True, "version": 7},
        "application/json",
        headers=auth,
    )
    assert wrong.status_code == 409
    assert "Nothing you entered has been saved" in wrong.json()["detail"]
    info_request.refresh_from_db()
    assert (info_request.status, info_request.version) == (InformationRequest.Status.OPEN, 1)

    first = api_client.post(
        answer_url(info_request),
        {"answers": {"school": "Excluded twice."}, "version": 1},
        "application/json",
        headers=auth,
    )
    second = api_client.post(
        answer_url(info_request),
        {"decline_reason": "Too late", "version": 1},
        "application/json",
        headers=auth,
    )

    assert (first.status_code, second.status_code) == (200, 409)
    info_request.refresh_from_db()
    assert info_request.status == InformationRequest.Status.ANSWERED
    assert info_request.answers == {"school": "Excluded twice."}
    assert not AuditEvent.objects.filter(verb=Verb.DECLINE).exists()


@pytest.mark.parametrize(
    "body",
    [
        {"answers": {"housing": "Rent arrears."}, "version": 1},
        {"answers": {"child_protection": "Known.", "gossip": "x"}, "version": 1},
        {"answers": {"school": "   "}, "version": 1},
        {"answers": {}, "version": 1},
        {"answers": {"school": "x"}, "nothing_known": True, "version": 1},
        {"version": 1},
        {"nothing_known": True},
        {"nothing_known": True, "version": 1, "answered_by": 5},
        {"decline_reason": "   ", "version": 1},
        {"decline_reason": "a\x00", "version": 1},
    ],
)
def test_answers_outside_the_scope_or_malformed_are_refused(
    api_client, social_worker, requests_asked, body
):
    info_request = requests_asked["social_care"]

    response = api_client.post(
        answer_url(info_request), body, "application/json", headers=bearer(social_worker)
    )

    assert response.status_code == 422, response.content
    assert response.json()["errors"]
    info_request.refresh_from_db()
    assert (info_request.status, info_request.answers, info_request.version) == ("open", {}, 1)


def test_body_and_if_match_must_agree(api_client, social_worker, requests_asked):
    response = api_client.post(
        answer_url(requests_asked["social_care"]),
        {"nothing_known": True, "version": 1},
        "application/json",
        headers={**bearer(social_worker), "If-Match": '"2"'},
    )

    assert response.status_code == 422


def test_declining_records_the_decision_not_to_share_with_its_reason(
    api_client, social_worker, requests_asked
):
    """Promise 7."""
    info_request = requests_asked["social_care"]

    response = api_client.post(
        answer_url(info_request),
        {"decline_reason": "Not proportionate: no link to the concern.", "version": 1},
        "application/json",
        headers=bearer(social_worker),
    )

    assert response.status_code == 200
    assert response.json()["declined_reason"] == "Not proportionate: no link to the concern."
    decline = AuditEvent.objects.get(verb=Verb.DECLINE)
    assert decline.actor == social_worker
    assert decline.reason == "Not proportionate: no link to the concern."


# Authentication -------------------------------------------------------------------------


def test_no_credentials_is_401(api_client, requests_asked):
    response = api_client.get("/api/v1/information-requests")

    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    "header",
    [
        "Bearer fd_wrong-key-entirely",
        "Bearer ",
        "Basic dXNlcjpwYXNz",
        "Token abc",
        "Bearer " + "x" * 500,
    ],
)
def test_a_wrong_token_is_401(api_client, officer, header):
    bearer(officer)  # a real token exists; these are not it

    response = api_client.get(f"{CREATE}/1", headers={"Authorization": header})

    assert response.status_code == 401


def test_a_wrong_token_never_falls_back_to_the_session(api_client, officer, signed_in):
    client = signed_in(officer)

    response = client.get("/api/v1/information-requests", headers={"Authorization": "Bearer no"})

    assert response.status_code == 401


def test_a_revoked_token_is_401_on_its_next_request(api_client, officer):
    token, key = api_token_issue(practitioner=officer, name="Police RMS")
    auth = {"Authorization": f"Bearer {key}"}
    assert api_client.get("/api/v1/information-requests", headers=auth).status_code == 200

    api_token_revoke(token=token)

    assert api_client.get("/api/v1/information-requests", headers=auth).status_code == 401
    assert AuditEvent.objects.filter(verb=Verb.CHANGE, object_type="api.apitoken").exists()


def test_a_deactivated_practitioners_token_is_401(api_client, officer):
    auth = bearer(officer)
    officer.is_active = False
    officer.save(update_fields=["is_active"])

    assert api_client.get("/api/v1/information-requests", headers=auth).status_code == 401


def test_a_token_is_stored_only_as_a_hash_and_notes_its_last_use(api_client, officer):
    token, key = api_token_issue(practitioner=officer, name="Police RMS")
    assert key not in {token.key_hash, token.key_prefix}
    assert token.key_prefix == key[:8]
    assert token.last_used_at is None

    api_client.get("/api/v1/information-requests", headers={"Authorization": f"Bearer {key}"})

    token.refresh_from_db()
    assert token.last_used_at is not None


def test_the_command_issues_a_key_once_and_records_it(officer):
    out = StringIO()

    call_command("issue_api_token", "officer", name="Police RMS", stdout=out)

    token = ApiToken.objects.get()
    key = next(line for line in out.getvalue().splitlines() if line.startswith("fd_"))
    assert token.key_prefix == key[:8]
    assert token.practitioner == officer
    assert AuditEvent.objects.filter(verb=Verb.CREATE, object_type="api.apitoken").exists()
    assert (
        Client()
        .get("/api/v1/information-requests", headers={"Authorization": f"Bearer {key}"})
        .status_code
        == 200
    )

    call_command("revoke_api_token", token.key_prefix, stdout=StringIO())
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_the_command_refuses_unknown_or_inactive_practitioners(officer):
    with pytest.raises(CommandError):
        call_command("issue_api_token", "nobody", name="X", stdout=StringIO())
    officer.is_active = False
    officer.save(update_fields=["is_active"])
    with pytest.raises(CommandError):
        call_command("issue_api_token", "officer", name="X", stdout=StringIO())
    assert not ApiToken.objects.exists()


def test_a_browser_session_with_the_second_factor_works(officer, signed_in):
    contact = make_contact(officer)

    response = signed_in(officer).get(f"{CREATE}/{contact.pk}")

    assert response.status_code == 200


def test_a_password_only_session_reaches_no_endpoint():
    """Promise 11 over the API: every operation answers 401 without the second factor."""
    world = build_world()
    for role in (Role.FRONTLINE, Role.HUB_PRACTITIONER, Role.HUB_MANAGER):
        client = Client()
        sign_in(client, world.personas[(role, True)], second_factor=False)
        for endpoint in ENDPOINTS:
            if endpoint.url_name in ("api:openapi-json", "api:api-root"):
                continue
            url = reverse(endpoint.url_name, kwargs=endpoint.kwargs(world))
            response = getattr(client, endpoint.method)(url, {}, content_type="application/json")
            assert response.status_code == 401, (role, url, response.content)
            assert b"second factor" in response.content


def test_a_session_must_send_the_csrf_token_to_post(officer):
    client = Client(enforce_csrf_checks=True)
    sign_in(client, officer)
    headers = {"Idempotency-Key": "csrf"}

    refused = client.post(CREATE, referral_body(), "application/json", headers=headers)
    assert refused.status_code == 403
    assert not Contact.objects.exists()

    secret = _get_new_csrf_string()
    client.cookies["csrftoken"] = secret
    accepted = client.post(
        CREATE, referral_body(), "application/json", headers={**headers, "X-CSRFToken": secret}
    )
    assert accepted.status_code == 201, accepted.content


def test_a_token_needs_no_csrf_token(officer):
    client = Client(enforce_csrf_checks=True)

    response = post_referral(client, bearer(officer))

    assert response.status_code == 201


# The schema -----------------------------------------------------------------------------


def test_the_openapi_schema_describes_every_operation(api_client):
    response = api_client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    operations = {
        (path, method): spec["operationId"]
        for path, methods in schema["paths"].items()
        for method, spec in methods.items()
    }
    assert operations == {
        ("/api/v1/referrals", "post"): "referral_create",
        ("/api/v1/referrals/{referral_id}", "get"): "referral_detail",
        ("/api/v1/information-requests", "get"): "information_request_list",
        ("/api/v1/information-requests/{request_id}", "get"): "information_request_detail",
        (
            "/api/v1/information-requests/{request_id}/response",
            "post",
        ): "information_request_respond",
        ("/api/v1/incidents/imports", "post"): "incident_import",
        ("/api/v1/incidents/imports/{import_id}", "get"): "incident_import_detail",
    }
    create = schema["paths"]["/api/v1/referrals"]["post"]
    assert {"in": "header", "name": "Idempotency-Key", "required": True}.items() <= next(
        p for p in create["parameters"] if p["name"] == "Idempotency-Key"
    ).items()
    assert set(create["responses"]) >= {"200", "201", "401", "403", "422"}
    assert set(schema["components"]["securitySchemes"]) == {"ApiTokenAuth", "SessionAuth"}
    assert schema["components"]["securitySchemes"]["ApiTokenAuth"]["scheme"] == "bearer"
    assert "ReferralStatus" in schema["components"]["schemas"]
    assert "RequestStatus" in schema["components"]["schemas"]


def test_the_interactive_docs_are_off(api_client):
    """Swagger UI loads from a CDN, which the content security policy forbids."""
    assert api_client.get("/api/v1/docs").status_code == 404


def test_api_answers_carry_the_security_headers(api_client, officer):
    response = api_client.get("/api/v1/information-requests", headers=bearer(officer))

    assert "no-store" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"].startswith("application/json")


def test_an_unknown_agency_cannot_be_named(api_client, officer):
    """The API takes the referrer's agency from the token, never from the body."""
    other = AgencyFactory(name="Elsewhere")

    response = post_referral(api_client, bearer(officer), referral_body(agency=other.pk))

    assert response.status_code == 422
    assert not Contact.objects.exists()


def test_dates_of_birth_today_and_29_february_are_accepted(api_client, officer):
    body = referral_body(
        subjects=[
            {
                "role": "child_at_risk",
                "given_names": "Newborn",
                "date_of_birth": timezone.localdate().isoformat(),
            },
            {"role": "child_at_risk", "given_names": "Leap", "date_of_birth": "2020-02-29"},
        ]
    )

    response = post_referral(api_client, bearer(officer), body)

    assert response.status_code == 201, response.content
    assert sorted(Subject.objects.values_list("date_of_birth", flat=True)) == [
        date(2020, 2, 29),
        timezone.localdate(),
    ]


# Property tests (promise 17): odd text round-trips; junk is refused, never a server error ----

PRINTABLE = st.characters(exclude_characters="\x00")  # PostgreSQL cannot store NUL
NAMES = st.text(PRINTABLE, min_size=1, max_size=200).filter(str.strip)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=10,
)
EXAMPLES = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@EXAMPLES
@given(
    given_names=NAMES,
    family_name=st.text(PRINTABLE, max_size=200),
    born=st.dates(min_value=date(1900, 1, 1), max_value=date(2024, 12, 31)),
    what_happened=st.text(PRINTABLE, max_size=2_000).filter(str.strip),
)
def test_any_name_date_and_text_round_trips_exactly(
    officer, hub, given_names, family_name, born, what_happened
):
    client = Client()
    body = referral_body(
        subjects=[
            {
                "role": "child_at_risk",
                "given_names": given_names,
                "family_name": family_name,
                "date_of_birth": born.isoformat(),
            }
        ],
        what_happened=what_happened,
    )
    created = post_referral(client, bearer(officer), body, key=str(uuid.uuid4()))
    assert created.status_code == 201, created.content

    read = client.get(f"{CREATE}/{created.json()['id']}", headers=bearer(hub)).json()

    [person] = read["subjects"]
    assert (person["given_names"], person["family_name"]) == (given_names, family_name)
    assert person["date_of_birth"] == born.isoformat()
    assert read["what_happened"] == what_happened


@EXAMPLES
@given(body=st.dictionaries(st.sampled_from(sorted(referral_body()) + ["x"]), JSON_VALUES))
def test_junk_referrals_are_refused_never_a_server_error(officer, body):
    response = post_referral(Client(), bearer(officer), body, key=str(uuid.uuid4()))

    assert response.status_code in (201, 422), response.content


@EXAMPLES
@given(body=JSON_VALUES, if_match=st.none() | st.text(st.characters(codec="ascii"), max_size=20))
def test_junk_answers_are_refused_never_a_server_error(
    social_worker, requests_asked, body, if_match
):
    headers = bearer(social_worker)
    if if_match is not None:
        headers["If-Match"] = if_match
    response = Client().post(
        answer_url(requests_asked["social_care"]), body, "application/json", headers=headers
    )

    assert response.status_code in (200, 400, 409, 422), response.content
