"""Raising a professional disagreement and walking it through all four levels, with their
working-day deadlines, the people told at each level, the overdue prompt, the outcome, the
contact's timeline, the audit trail and the themes report."""

from datetime import datetime
from html import unescape
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from frontdoor.audit.models import AuditEvent
from frontdoor.core.models import OutboxMessage
from frontdoor.core.testing.smuggling import Smuggled, assert_extras_ignored
from frontdoor.disagreements.models import Disagreement, Level, Theme
from frontdoor.disagreements.report import theme_report

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


def at(*args):
    return datetime(*args, tzinfo=LONDON)


def subjects_to(person):
    return list(OutboxMessage.objects.filter(recipient=person).values_list("subject", flat=True))


def raise_form(decided_contact, social_care, threshold, **changes):
    return {
        "other_agency": social_care.pk,
        "about_decision": "on",
        "disputed": "The decision to take no further action",
        "issue": "The child is still left alone at night; the parents' plan is not checked.",
        "wanted": "A child and family assessment",
        "theme": threshold.pk,
        **changes,
    }


def test_a_disagreement_walks_all_four_levels_with_their_deadlines_and_the_report_counts_it(
    signed_in,
    client,
    officer,
    hub_worker,
    hub_manager,
    police_manager,
    administrator,
    partnership_manager,
    social_care,
    decided_contact,
    threshold,
):
    # Monday 2 March 2026, 10:00: the officer raises it about the hub's decision.
    with time_machine.travel(at(2026, 3, 2, 10, 0), tick=False):
        signed_in(officer)
        page = client.get(reverse("referrals:mine_detail", args=[decided_contact.pk]))
        assert "Raise a disagreement with another agency about this case" in page.text
        response = client.post(
            reverse("disagreements:raise", args=[decided_contact.pk]),
            raise_form(decided_contact, social_care, threshold),
        )
        disagreement = Disagreement.objects.get()
        assert response.status_code == 302
        assert response.url == reverse("disagreements:detail", args=[disagreement.pk])
        assert disagreement.level == Level.PRACTITIONERS
        assert disagreement.decision == decided_contact.decision
        # Level 1 goes to the practitioner who made the decision: 5 working days.
        assert disagreement.other_practitioner == hub_worker
        assert disagreement.level_due_at == at(2026, 3, 9, 10, 0)
        assert any("Level 1" in s for s in subjects_to(hub_worker))
        assert subjects_to(hub_manager) == []

    # Tuesday 14:00: the officer's hub manager escalates to managers (5 working days).
    with time_machine.travel(at(2026, 3, 3, 14, 0), tick=False):
        signed_in(police_manager)
        response = client.post(
            reverse("disagreements:escalate", args=[disagreement.pk]),
            {"reason": "Level 1 did not agree a plan.", "version": 1},
        )
        assert response.status_code == 302
        disagreement.refresh_from_db()
        assert disagreement.level == Level.MANAGERS
        assert disagreement.level_due_at == at(2026, 3, 10, 14, 0)
        assert any("Level 2" in s for s in subjects_to(hub_manager))
        assert any("Level 2" in s for s in subjects_to(officer))

    # Friday 16:00: to senior managers (10 working days) – hub managers and administrators.
    with time_machine.travel(at(2026, 3, 6, 16, 0), tick=False):
        signed_in(hub_manager)
        client.post(
            reverse("disagreements:escalate", args=[disagreement.pk]),
            {"reason": "Managers could not agree.", "version": 2},
        )
        disagreement.refresh_from_db()
        assert disagreement.level == Level.SENIOR_MANAGERS
        assert disagreement.level_due_at == at(2026, 3, 20, 16, 0)
        assert any("Level 3" in s for s in subjects_to(administrator))
        assert any("Level 3" in s for s in subjects_to(police_manager))

    # Monday 9 March 09:30: to the partnership (20 working days, past Good Friday and Easter
    # Monday 2026): due Wednesday 8 April.
    with time_machine.travel(at(2026, 3, 9, 9, 30), tick=False):
        signed_in(police_manager)
        client.post(
            reverse("disagreements:escalate", args=[disagreement.pk]),
            {"reason": "Still unresolved: the child is at risk every night.", "version": 3},
        )
        disagreement.refresh_from_db()
        assert disagreement.level == Level.PARTNERSHIP
        assert disagreement.level_due_at == at(2026, 4, 8, 9, 30)
        assert any("Level 4" in s for s in subjects_to(partnership_manager))
        page = client.get(reverse("disagreements:detail", args=[disagreement.pk]))
        assert "Escalate to level" not in page.text  # no level after the partnership
        steps = [(s.level, s.due_at, s.ended_at) for s in disagreement.steps.all()]
        assert steps == [
            (1, at(2026, 3, 9, 10, 0), at(2026, 3, 3, 14, 0)),
            (2, at(2026, 3, 10, 14, 0), at(2026, 3, 6, 16, 0)),
            (3, at(2026, 3, 20, 16, 0), at(2026, 3, 9, 9, 30)),
            (4, at(2026, 4, 8, 9, 30), None),
        ]

    # The partnership manager resolves it.
    with time_machine.travel(at(2026, 3, 20, 11, 0), tick=False):
        signed_in(partnership_manager)
        response = client.post(
            reverse("disagreements:resolve", args=[disagreement.pk]),
            {
                "outcome": Disagreement.Outcome.AGREED_WITH_RAISER,
                "resolution": "Social care will carry out an assessment this week.",
                "version": 4,
            },
        )
        assert response.status_code == 302
        disagreement.refresh_from_db()
        assert disagreement.status == Disagreement.Status.RESOLVED
        assert disagreement.resolved_by == partnership_manager
        assert any("resolved" in s for s in subjects_to(officer))

    timeline = list(decided_contact.timeline.values_list("summary", flat=True))
    assert "Professional disagreement raised with Testshire Children's Social Care (level 1)" in (
        timeline
    )
    assert "Professional disagreement escalated to level 4: the safeguarding partnership" in (
        timeline
    )
    assert any(s.startswith("Professional disagreement resolved at level 4") for s in timeline)
    reasons = list(
        AuditEvent.objects.filter(object_type="disagreements.disagreement").values_list(
            "reason", flat=True
        )
    )
    assert reasons.count("Escalated a professional disagreement") == 3
    assert "Raised a professional disagreement" in reasons
    assert "Closed a professional disagreement" in reasons
    assert "Read a professional disagreement" in reasons

    # The themes report counts it in its quarter and for its agency pair.
    with time_machine.travel(at(2026, 5, 1, 12, 0), tick=False):
        report = theme_report()
        assert report.by_quarter[threshold.name] == {"2026 Q1": 1}
        assert report.by_pair == [
            (threshold.name, "Testshire Police", "Testshire Children's Social Care", 1)
        ]
        signed_in(partnership_manager)
        page = client.get(reverse("disagreements:themes"))
        assert page.status_code == 200
        assert "Threshold or eligibility" in page.text


def test_an_overdue_level_is_flagged_and_prompted_once(
    signed_in, client, officer, hub_worker, police_manager, hub_manager, decided_contact, threshold
):
    from frontdoor.disagreements.services import disagreement_raise

    with time_machine.travel(at(2026, 3, 2, 10, 0), tick=False):
        disagreement = disagreement_raise(
            contact=decided_contact,
            by=officer,
            other_agency=hub_worker.agency,
            disputed="No further action",
            issue="Left alone at night",
            wanted="An assessment",
            theme=threshold,
        )
    with time_machine.travel(at(2026, 3, 9, 9, 59), tick=False):
        call_command("escalate_overdue_disagreements")
        assert not OutboxMessage.objects.filter(subject__startswith="Overdue").exists()
    with time_machine.travel(at(2026, 3, 9, 10, 1), tick=False):
        signed_in(police_manager)
        work = client.get(reverse("home"))
        assert "is past its deadline – escalate or resolve it" in work.text
        call_command("escalate_overdue_disagreements")
        call_command("escalate_overdue_disagreements")
        overdue = OutboxMessage.objects.filter(subject__startswith="Overdue")
        assert sorted(overdue.values_list("recipient__username", flat=True)) == sorted(
            [officer.username, police_manager.username, hub_manager.username]
        )
        page = client.get(reverse("disagreements:detail", args=[disagreement.pk]))
        assert "Overdue: escalate or resolve it" in page.text
        # A new level is a new clock: escalating clears the flag.
        client.post(
            reverse("disagreements:escalate", args=[disagreement.pk]),
            {"reason": "Level 1 ran out of time.", "version": disagreement.version},
        )
        page = client.get(reverse("disagreements:detail", args=[disagreement.pk]))
        assert "Overdue: escalate or resolve it" not in page.text


def test_raising_against_your_own_agency_is_refused(
    signed_in, client, officer, police, decided_contact, threshold
):
    signed_in(officer)
    response = client.post(
        reverse("disagreements:raise", args=[decided_contact.pk]),
        raise_form(decided_contact, police, threshold),
    )
    assert response.status_code == 422
    assert "Select a valid choice" in response.text
    assert not Disagreement.objects.exists()


def test_the_service_refuses_your_own_agency_too(officer, police, decided_contact, threshold):
    from django.core.exceptions import ValidationError

    from frontdoor.disagreements.services import disagreement_raise

    with pytest.raises(ValidationError, match="another agency"):
        disagreement_raise(
            contact=decided_contact,
            by=officer,
            other_agency=police,
            disputed="x",
            issue="y",
            wanted="z",
            theme=threshold,
        )
    assert not Disagreement.objects.exists()


def test_a_contact_you_cannot_see_is_refused(
    signed_in, client, social_worker, police, decided_contact, threshold
):
    signed_in(social_worker)
    assert client.get(reverse("disagreements:raise", args=[decided_contact.pk])).status_code == 404
    response = client.post(
        reverse("disagreements:raise", args=[decided_contact.pk]),
        raise_form(decided_contact, police, threshold),
    )
    assert response.status_code == 404
    assert not Disagreement.objects.exists()


def test_missing_answers_are_explained_and_nothing_is_saved(
    signed_in, client, officer, decided_contact
):
    signed_in(officer)
    response = client.post(reverse("disagreements:raise", args=[decided_contact.pk]), {})
    assert response.status_code == 422
    assert "There is a problem" in response.text
    assert "Enter the issue" in response.text
    assert "Select a theme" in response.text
    assert not Disagreement.objects.exists()


@pytest.fixture
def disagreement(officer, hub_worker, decided_contact, threshold):
    from frontdoor.disagreements.services import disagreement_raise

    return disagreement_raise(
        contact=decided_contact,
        by=officer,
        other_agency=hub_worker.agency,
        disputed="No further action",
        issue="Left alone at night",
        wanted="An assessment",
        theme=threshold,
        about_decision=True,
    )


def test_who_sees_a_disagreement(
    signed_in,
    client,
    disagreement,
    hub_worker,
    social_worker,
    partnership_manager,
    police_manager,
):
    url = reverse("disagreements:detail", args=[disagreement.pk])
    signed_in(hub_worker)  # made the decision: the level 1 recipient
    assert client.get(url).status_code == 200
    signed_in(social_worker)  # same agency, not involved with the contact
    assert client.get(url).status_code == 404
    signed_in(partnership_manager)  # only at level 4
    assert client.get(url).status_code == 404
    assert disagreement.pk not in [
        d.pk for d in client.get(reverse("disagreements:mine")).context["open"]
    ]
    signed_in(hub_worker)  # may see, may not escalate (not a manager, not the raiser)
    assert client.get(reverse("disagreements:escalate", args=[disagreement.pk])).status_code == 403


def test_a_stale_escalation_is_a_conflict_and_changes_nothing(
    signed_in, client, disagreement, police_manager, officer
):
    from frontdoor.disagreements.services import disagreement_escalate

    disagreement_escalate(
        disagreement=disagreement, by=officer, reason="No reply", expected_version=1
    )
    signed_in(police_manager)
    response = client.post(
        reverse("disagreements:escalate", args=[disagreement.pk]),
        {"reason": "Also escalating", "version": 1},
    )
    assert response.status_code == 409
    assert "Someone else changed this disagreement" in response.text
    disagreement.refresh_from_db()
    assert disagreement.level == Level.MANAGERS


def test_only_the_raiser_may_withdraw(signed_in, client, disagreement, police_manager, officer):
    signed_in(police_manager)
    page = client.get(reverse("disagreements:resolve", args=[disagreement.pk]))
    assert "Withdrawn by the practitioner" not in page.text
    response = client.post(
        reverse("disagreements:resolve", args=[disagreement.pk]),
        {"outcome": "withdrawn", "resolution": "Not needed", "version": 1},
    )
    assert response.status_code == 422
    signed_in(officer)
    response = client.post(
        reverse("disagreements:resolve", args=[disagreement.pk]),
        {"outcome": "withdrawn", "resolution": "The family moved away.", "version": 1},
    )
    assert response.status_code == 302
    disagreement.refresh_from_db()
    assert disagreement.status == Disagreement.Status.WITHDRAWN


def test_the_case_page_asks_who_owns_the_childs_safety(
    signed_in, client, disagreement, hub_worker, hub_manager
):
    from frontdoor.plans.models import Plan

    signed_in(hub_manager)
    url = reverse("hub:contact", args=[disagreement.contact.pk])
    page = unescape(client.get(url).text)
    assert "Who owns this child's safety now" in page
    assert "No one owns this case's plan — name an owner" in page
    Plan.objects.create(
        title="Zara's plan", contact=disagreement.contact, lead_professional=hub_worker
    )
    page = unescape(client.get(url).text)
    assert "Lead professional for the plan" in page
    assert "name an owner" not in page
    detail = unescape(client.get(reverse("disagreements:detail", args=[disagreement.pk])).text)
    assert "Who owns this child's safety now" in detail
    assert "Tomasz Nowicki" in detail


def test_the_themes_export_is_neutralised_and_audited(
    signed_in, client, partnership_manager, officer, hub_worker, decided_contact
):
    from frontdoor.disagreements.services import disagreement_raise

    formula = Theme.objects.create(name='=HYPERLINK("http://x")', position=99)
    disagreement_raise(
        contact=decided_contact,
        by=officer,
        other_agency=hub_worker.agency,
        disputed="No further action",
        issue="Left alone",
        wanted="An assessment",
        theme=formula,
    )
    signed_in(partnership_manager)
    response = client.get(reverse("disagreements:themes_csv"))
    text = response.content.decode()
    assert "'=HYPERLINK" in text
    assert "\n=HYPERLINK" not in text and ",=HYPERLINK" not in text
    event = AuditEvent.objects.get(verb="export")
    assert event.actor == partnership_manager
    assert "disagreement themes" in event.reason


def test_the_dashboard_counts_levels_against_their_limits_and_themes(
    officer, hub_worker, decided_contact, threshold
):
    from datetime import date

    from frontdoor.disagreements.services import disagreement_escalate, disagreement_raise
    from frontdoor.insights import figures

    with time_machine.travel(at(2026, 3, 2, 10, 0), tick=False):
        raised = disagreement_raise(
            contact=decided_contact,
            by=officer,
            other_agency=hub_worker.agency,
            disputed="No further action",
            issue="Left alone at night",
            wanted="An assessment",
            theme=threshold,
        )
    with time_machine.travel(at(2026, 3, 10, 10, 0), tick=False):  # a day after level 1's limit
        disagreement_escalate(
            disagreement=raised, by=officer, reason="No reply", expected_version=1
        )
    with time_machine.travel(at(2026, 3, 11, 10, 0), tick=False):
        period = figures.Filters(start=date(2026, 3, 1), end=date(2026, 3, 31))
        assert figures.disagreement_levels(period) == [
            ("Level 1: practitioner to practitioner", 1, 0, 1, 0, 0, 0.0),
            ("Level 2: managers", 1, 0, 0, 0, 1, None),
            ("All levels", 2, 0, 1, 0, 1, 0.0),
        ]
        assert figures.disagreement_themes(period) == [
            ("Threshold or eligibility", 1, 0, 100.0),
            ("All themes", 1, 0, 100.0),
        ]
        elsewhere = figures.Filters(start=date(2026, 4, 1), end=date(2026, 4, 30))
        assert figures.disagreement_themes(elsewhere) == []


def test_a_flushed_database_gets_the_default_themes_back_and_a_partnerships_own_are_kept(db):
    from frontdoor.disagreements.models import Theme
    from frontdoor.disagreements.themes import DEFAULT_THEMES, ensure_default_themes

    Theme.objects.all().delete()
    ensure_default_themes()
    assert list(Theme.objects.values_list("name", flat=True)) == [n for n, _ in DEFAULT_THEMES]
    Theme.objects.all().delete()
    Theme.objects.create(name="Our own theme")
    ensure_default_themes()
    assert list(Theme.objects.values_list("name", flat=True)) == ["Our own theme"]


@pytest.mark.parametrize("form", ["raise", "escalate", "resolve"])
def test_disagreement_forms_ignore_fields_they_do_not_have(
    form,
    signed_in,
    officer,
    police,
    social_care,
    hub_worker,
    police_manager,
    threshold,
    decided_contact,
    disagreement,
):
    """Promise 4: the contact, who raised it and for which agency, the level, its deadline,
    the status and who resolved it come from the page and the services, never from extra
    posted fields."""
    from .conftest import make_contact

    elsewhere = make_contact(officer, decide_by=hub_worker)
    smuggled = {
        "contact": elsewhere.pk,
        "raised_by": police_manager.pk,
        "raised_by_agency": social_care.pk,
        "other_practitioner": police_manager.pk,
        "level": Level.PARTNERSHIP,
        "level_due_at": "2099-01-01T00:00",
        "status": "resolved",
        "resolved_by": police_manager.pk,
        "resolved_at": "2001-01-01T00:00",
    }
    raised_by_officer = {
        "contact": decided_contact,
        "raised_by": officer,
        "raised_by_agency": police,
        "other_agency": social_care,
    }
    cases = {
        "raise": lambda: Smuggled(
            client=signed_in(officer),
            url=reverse("disagreements:raise", args=[decided_contact.pk]),
            data=raise_form(decided_contact, social_care, threshold),
            extras={**smuggled, "outcome": "compromise", "version": 9},
            record=lambda: Disagreement.objects.latest("pk"),
            expected={
                **raised_by_officer,
                "level": Level.PRACTITIONERS,
                "status": "open",
                "outcome": "",
                "resolved_by": None,
                "version": 1,
            },
        ),
        "escalate": lambda: Smuggled(
            client=signed_in(officer),
            url=reverse("disagreements:escalate", args=[disagreement.pk]),
            data={"reason": "No reply", "version": 1},
            extras={**smuggled, "other_agency": police.pk, "outcome": "compromise"},
            record=lambda: Disagreement.objects.get(pk=disagreement.pk),
            expected={**raised_by_officer, "level": Level.MANAGERS, "status": "open"},
        ),
        "resolve": lambda: Smuggled(
            client=signed_in(officer),
            url=reverse("disagreements:resolve", args=[disagreement.pk]),
            data={"outcome": "withdrawn", "resolution": "Agreed after a call.", "version": 1},
            extras={**smuggled, "other_agency": police.pk},
            record=lambda: Disagreement.objects.get(pk=disagreement.pk),
            expected={
                **raised_by_officer,
                "level": Level.PRACTITIONERS,
                "status": "withdrawn",
                "outcome": "withdrawn",
                "resolved_by": officer,
            },
        ),
    }
    assert_extras_ignored(cases[form]())
