"""Retention pages through HTTP: administrators set rules; owners review."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from frontdoor.agencies.roles import Role
from frontdoor.audit.models import AuditEvent, Verb
from frontdoor.core.testing.factories import PractitionerFactory, sign_in
from frontdoor.core.testing.promises import split_unsaved
from frontdoor.governance.models import RecordReview, RetentionRule
from frontdoor.governance.services import review_retain
from frontdoor.referrals.models import Contact

pytestmark = pytest.mark.django_db


def make_due(contact, years=7):
    Contact.objects.filter(pk=contact.pk).update(
        decided_at=timezone.now() - timedelta(days=365 * years)
    )


def test_an_administrator_sets_a_rule_and_an_agency_rule(administrator, police, signed_in):
    client = signed_in(administrator)
    assert client.get(reverse("governance:rules")).status_code == 200
    url = reverse("governance:rule_edit", args=["referrals.contact"])
    assert client.post(url, {"period_months": "0", "source": "x"}).status_code == 422
    assert not RetentionRule.objects.exists()
    client.post(url, {"period_months": "84", "source": "Partnership policy 2026", "version": "0"})
    assert RetentionRule.objects.get(agency=None).period_months == 84
    client.post(
        reverse("governance:rule_agency", args=["referrals.contact"]),
        {"agency": police.pk, "period_months": "72", "source": "MoPI group 3", "version": "0"},
    )
    rule = RetentionRule.objects.get(agency=police)
    page = client.get(reverse("governance:rules")).content.decode()
    assert "MoPI group 3" in page and "Partnership policy 2026" in page
    assert f'name="version" value="{rule.version}"' in page  # in the Remove button's form
    client.post(reverse("governance:rule_remove", args=[rule.pk]), {"version": rule.version})
    assert not RetentionRule.objects.filter(agency=police).exists()


def second_administrator(police):
    other = PractitionerFactory(username="second.admin", agency=police, role=Role.ADMINISTRATOR)
    client = Client()
    sign_in(client, other)
    return client


def rule_changes():
    return AuditEvent.objects.filter(object_type="governance.retentionrule").count()


def test_two_administrators_on_one_version_of_a_rule_the_second_gets_a_conflict(
    administrator, police, signed_in
):
    """Promise 18: both opened the partnership's rule for contacts while it was Front Door's
    default (version 0); the second save is refused and the page shows the first's rule."""
    url = reverse("governance:rule_edit", args=["referrals.contact"])
    assert 'name="version" value="0"' in signed_in(administrator).get(url).content.decode()
    first = {"period_months": "84", "source": "Partnership policy 2026", "version": "0"}
    assert signed_in(administrator).post(url, first).status_code == 302

    other = second_administrator(police)
    response = other.post(url, {"period_months": "96", "source": "Old policy", "version": "0"})
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else updated the partnership&#x27;s rule for contacts" in page
    assert "Nothing you entered has been saved" in page
    assert 'value="84"' in page and "Partnership policy 2026" in page  # the latest
    page, unsaved = split_unsaved(page)
    assert "Old policy" not in page and 'value="96"' not in page  # nothing they typed
    assert "Old policy" in unsaved  # but shown apart, to copy
    assert 'name="version" value="1"' in page
    rule = RetentionRule.objects.get(agency=None)
    assert (rule.period_months, rule.source, rule.version) == (84, "Partnership policy 2026", 1)
    assert rule_changes() == 1

    # From the latest version their change goes through, and the version moves on.
    again = {"period_months": "96", "source": "Old policy", "version": "1"}
    assert other.post(url, again).status_code == 302
    rule.refresh_from_db()
    assert (rule.period_months, rule.version) == (96, 2)
    # Whoever still holds version 1 is refused in turn.
    stale = {"period_months": "60", "source": "Stale", "version": "1"}
    assert signed_in(administrator).post(url, stale).status_code == 409
    assert RetentionRule.objects.get(agency=None).period_months == 96


def test_two_administrators_adding_one_agencys_rule_the_second_gets_a_conflict(
    administrator, police, signed_in
):
    """Promise 18: both add the police's own rule for contacts from a page that showed none;
    the second is refused and shown the first's, which they may then change."""
    url = reverse("governance:rule_agency", args=["referrals.contact"])
    first = {"agency": police.pk, "period_months": "72", "source": "MoPI group 3", "version": "0"}
    assert signed_in(administrator).post(url, first).status_code == 302

    other = second_administrator(police)
    second = {**first, "period_months": "120", "source": "MoPI group 1"}
    response = other.post(url, second)
    assert response.status_code == 409
    page = response.content.decode()
    assert f"Someone else updated {police}&#x27;s own rule for contacts" in page
    assert "Nothing you entered has been saved" in page
    assert 'value="72"' in page and "MoPI group 3" in page
    page, unsaved = split_unsaved(page)
    assert "MoPI group 1" not in page
    assert "MoPI group 1" in unsaved
    assert 'name="version" value="1"' in page
    rule = RetentionRule.objects.get(agency=police)
    assert (rule.period_months, rule.source, rule.version) == (72, "MoPI group 3", 1)
    assert rule_changes() == 1

    # "Change" beside the police's rule opens it with its version; saving from there works.
    rules = other.get(reverse("governance:rules")).content.decode()
    change = f"{url}?agency={police.pk}"
    assert change in rules
    assert 'name="version" value="1"' in other.get(change).content.decode()
    assert other.post(change, {**second, "version": "1"}).status_code == 302
    assert RetentionRule.objects.get(agency=police).period_months == 120


def test_removing_an_agencys_rule_from_an_older_page_gets_a_conflict(
    administrator, police, signed_in
):
    """Promise 18: one administrator changes the police's own rule while another still has
    the rules page that showed it at version 1; the second's Remove is refused (and so is a
    removal naming no version), the rule is kept with the first's change and shown."""
    url = reverse("governance:rule_agency", args=["referrals.contact"])
    first = {"agency": police.pk, "period_months": "72", "source": "MoPI group 3", "version": "0"}
    client = signed_in(administrator)
    assert client.post(url, first).status_code == 302
    rule = RetentionRule.objects.get(agency=police)
    remove = reverse("governance:rule_remove", args=[rule.pk])
    change = f"{url}?agency={police.pk}"
    assert (
        client.post(change, {**first, "source": "MoPI group 2", "version": "1"}).status_code == 302
    )

    other = second_administrator(police)
    response = other.post(remove, {"version": "1"})
    assert response.status_code == 409
    page = response.content.decode()
    assert f"Someone else updated {police}&#x27;s own rule for contacts" in page
    assert "Nothing has been removed" in page
    assert "MoPI group 2" in page and 'name="version" value="2"' in page  # the latest
    assert other.post(remove).status_code == 409
    rule.refresh_from_db()
    assert (rule.source, rule.version) == ("MoPI group 2", 2)
    assert not AuditEvent.objects.filter(verb=Verb.DELETE).exists()

    assert other.post(remove, {"version": "2"}).status_code == 302
    assert not RetentionRule.objects.filter(agency=police).exists()


def test_an_owner_sees_a_due_record_on_my_work_and_keeps_it(case, hub_manager, signed_in):
    make_due(case.contact)
    client = signed_in(hub_manager)
    home = client.get(reverse("home")).content.decode()
    assert "Records due for review" in home
    url = reverse("governance:review", args=["referrals.contact", case.contact.pk])
    assert url in client.get(reverse("governance:reviews")).content.decode()
    missing_date = client.post(url, {"outcome": "retain", "reason": "Sibling case open"})
    assert missing_date.status_code == 422
    assert not RecordReview.objects.exists()
    next_review = (timezone.localdate() + timedelta(days=400)).isoformat()
    client.post(
        url, {"outcome": "retain", "reason": "Sibling case open", "next_review_on": next_review}
    )
    review = RecordReview.objects.get()
    assert (review.outcome, review.reason) == ("retain", "Sibling case open")
    assert url not in client.get(reverse("governance:reviews")).content.decode()


def test_an_owner_disposes_of_a_case_only_after_confirming(case, hub_manager, signed_in):
    make_due(case.contact)
    client = signed_in(hub_manager)
    url = reverse("governance:review", args=["referrals.contact", case.contact.pk])
    unconfirmed = client.post(url, {"outcome": "dispose", "reason": "No longer needed"})
    assert unconfirmed.status_code == 422
    assert Contact.objects.filter(pk=case.contact.pk).exists()
    client.post(url, {"outcome": "dispose", "reason": "No longer needed", "confirm": "on"})
    assert not Contact.objects.filter(pk=case.contact.pk).exists()
    assert client.get(url).status_code == 404


def test_someone_who_does_not_own_the_record_gets_404(case, officer, signed_in):
    make_due(case.contact)
    url = reverse("governance:review", args=["referrals.contact", case.contact.pk])
    assert signed_in(officer).get(url).status_code == 404


def test_a_kept_record_comes_back_when_its_review_is_due(case, hub_manager):
    from frontdoor.governance.registry import record_type
    from frontdoor.governance.retention import due_for

    make_due(case.contact)
    next_review = timezone.localdate() + timedelta(days=30)
    review_retain(
        by=hub_manager,
        record_type=record_type("referrals.contact"),
        obj=case.contact,
        reason="Open sibling case",
        next_review_on=next_review,
    )
    keys = lambda day: {(d.record_type.key, d.obj.pk) for d in due_for(hub_manager, today=day)}  # noqa: E731
    assert ("referrals.contact", case.contact.pk) not in keys(timezone.localdate())
    assert ("referrals.contact", case.contact.pk) in keys(next_review)


def dash_rule(agency, months, source):
    return RetentionRule.objects.create(
        record_type="meetings.dashassessment",
        agency=agency,
        period_months=months,
        source=source,
        updated_at=timezone.now(),
    )


def test_changing_an_agencys_rule_fixes_the_agency_and_a_forged_one_moves_nothing(
    administrator, police, social_care, signed_in
):
    """ "Change" beside the police's rule names the police in its heading and shows the agency
    as text, not a choice; a post naming another agency (at the same version) still changes
    the police's rule only, and never saves over the other agency's."""
    police_rule = dash_rule(police, 72, "MoPI group 3")
    care_rule = dash_rule(social_care, 96, "Council policy")
    client = signed_in(administrator)
    url = reverse("governance:rule_agency", args=["meetings.dashassessment"])
    change = f"{url}?agency={police.pk}"
    page = client.get(change).content.decode()
    assert f"{police}'s own rule for DASH risk assessments</h1>" in page
    assert 'name="agency"' not in page  # no dropdown to move the rule
    assert "Add an agency" not in page

    forged = {"agency": social_care.pk, "period_months": "120", "source": "MoPI group 1"}
    response = client.post(change, {**forged, "version": "1"})
    assert response.status_code == 302
    police_rule.refresh_from_db()
    care_rule.refresh_from_db()
    assert (police_rule.period_months, police_rule.source) == (120, "MoPI group 1")
    assert (care_rule.period_months, care_rule.source, care_rule.version) == (
        96,
        "Council policy",
        1,
    )
    # Adding a rule still offers the agencies to choose from.
    assert '<select name="agency"' in client.get(url).content.decode()


def test_adding_a_rule_never_saves_over_one_and_the_conflict_page_fixes_the_agency(
    administrator, police, social_care, signed_in
):
    """Promise 18: "Add an agency's own rule" for an agency that has one (whatever version the
    post names) is refused and saves nothing; the page then shows that agency's rule with the
    agency fixed, posting to its own Change address, so another agency cannot be chosen."""
    care_rule = dash_rule(social_care, 96, "Council policy")
    client = signed_in(administrator)
    url = reverse("governance:rule_agency", args=["meetings.dashassessment"])
    added = {"agency": social_care.pk, "period_months": "12", "source": "Typed", "version": "1"}
    response = client.post(url, added)
    assert response.status_code == 409
    page = response.content.decode()
    assert (
        escape(f"Someone else updated {social_care}'s own rule for DASH risk assessments") in page
    )
    assert 'name="agency"' not in page
    assert f'action="{url}?agency={social_care.pk}"' in page
    page, unsaved = split_unsaved(page)
    assert 'value="96"' in page and "Typed" not in page
    assert "Typed" in unsaved  # shown apart, to copy
    care_rule.refresh_from_db()
    assert (care_rule.period_months, care_rule.version) == (96, 1)


def test_record_types_keep_their_capitals_in_links_and_messages(administrator, police, signed_in):
    """ "DASH" and "Operation Encompass" are not written in lower case on the rules page, in the
    saved message or in a conflict; the plans' start reads as a sentence."""
    client = signed_in(administrator)
    rules = client.get(reverse("governance:rules")).content.decode()
    assert 'Change<span class="govuk-visually-hidden"> the rule for DASH risk assessments' in rules
    assert " for Operation Encompass notifications</span>" in rules
    assert "dash risk" not in rules and "operation encompass" not in rules

    url = reverse("governance:rule_edit", args=["meetings.dashassessment"])
    saved = client.post(
        url, {"period_months": "84", "source": "Policy", "version": "0"}, follow=True
    )
    assert "The rule for DASH risk assessments is saved." in saved.content.decode()
    stale = client.post(url, {"period_months": "60", "source": "Stale", "version": "0"})
    assert stale.status_code == 409
    assert "the partnership&#x27;s rule for DASH risk assessments while" in stale.content.decode()


def test_the_plans_rule_says_when_its_period_starts_in_a_sentence(administrator, signed_in):
    url = reverse("governance:rule_edit", args=["plans.plan"])
    plans = signed_in(administrator).get(url).content.decode()
    assert "The period runs from the day the plan was made." in plans
