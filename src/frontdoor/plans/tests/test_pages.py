"""Plans and actions through the pages: who sees what, my actions, updating, starting a plan."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from frontdoor.agencies.roles import Role
from frontdoor.audit.models import AuditEvent, Verb
from frontdoor.core.testing.factories import PractitionerFactory
from frontdoor.core.testing.promises import split_unsaved
from frontdoor.core.testing.smuggling import Smuggled, assert_extras_ignored
from frontdoor.core.work import my_work
from frontdoor.plans import services
from frontdoor.plans.models import Action, Plan
from frontdoor.supervision.tests.conftest import make_contact

from .conftest import add_action, make_overdue

pytestmark = pytest.mark.django_db


@pytest.fixture
def actions(plan, hub_manager, police, officer, school, teacher, social_care, social_worker):
    return {
        "police": add_action(
            plan, hub_manager, owner_agency=police, owner=officer, what="Police welfare visit"
        ),
        "school": make_overdue(
            add_action(
                plan,
                hub_manager,
                owner_agency=school,
                owner=teacher,
                type=Action.Type.PROCESS,
                what="School attendance check",
            )
        ),
        "csc": add_action(
            plan,
            hub_manager,
            owner_agency=social_care,
            owner=social_worker,
            type=Action.Type.REFERRAL,
            what="Refer to the family support service",
        ),
    }


def test_the_plan_page_shows_own_words_apart_from_needs_and_the_actions(
    client, signed_in, plan, actions, officer
):
    signed_in(officer)
    response = client.get(reverse("plans:plan", args=[plan.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "In their own words" in page
    assert "I want the shouting to stop" in page
    assert "Needs, as professionals see them" in page
    assert page.index("I want the shouting to stop") < page.index("Safe housing")
    assert "Police welfare visit" in page and "School attendance check" in page
    assert "Overdue" in page
    assert AuditEvent.objects.filter(
        verb=Verb.VIEW, object_type="plans.plan", object_id=str(plan.pk), actor=officer
    ).exists()


def test_a_practitioner_of_an_agency_with_no_action_gets_404(client, signed_in, plan, actions):
    housing = PractitionerFactory(username="housing", role=Role.FRONTLINE)
    signed_in(housing)
    assert client.get(reverse("plans:plan", args=[plan.pk])).status_code == 404
    assert (
        client.get(reverse("plans:action_update", args=[actions["police"].pk])).status_code == 404
    )


def test_a_colleague_sees_the_plan_but_cannot_update_anothers_action(
    client, signed_in, plan, actions, police
):
    colleague = PractitionerFactory(username="colleague", agency=police, role=Role.FRONTLINE)
    signed_in(colleague)
    assert client.get(reverse("plans:plan", args=[plan.pk])).status_code == 200
    url = reverse("plans:action_update", args=[actions["police"].pk])
    assert client.get(url).status_code == 403


def test_my_actions_and_my_agencys_actions(client, signed_in, plan, actions, officer, police):
    colleague_action = add_action(
        plan, officer, owner_agency=police, what="Colleague's action: check the PNC"
    )
    signed_in(officer)
    mine = client.get(reverse("plans:my_actions")).content.decode()
    assert "Police welfare visit" in mine
    assert colleague_action.what not in mine
    assert "School attendance check" not in mine
    agency = client.get(reverse("plans:agency_actions")).content.decode()
    assert "Police welfare visit" in agency and "check the PNC" in agency
    assert "School attendance check" not in agency
    # Only the officer's own action offers an update; the colleague's is theirs to update.
    assert reverse("plans:action_update", args=[actions["police"].pk]) in agency
    assert reverse("plans:action_update", args=[colleague_action.pk]) not in agency


def test_my_actions_lists_overdue_first_with_a_tag(
    client, signed_in, plan, hub_manager, teacher, school
):
    add_action(plan, hub_manager, owner_agency=school, owner=teacher, what="Later action", days=2)
    signed_in(teacher)
    plan.refresh_from_db()
    make_overdue(
        add_action(plan, hub_manager, owner_agency=school, owner=teacher, what="Earlier action")
    )
    page = client.get(reverse("plans:my_actions")).content.decode()
    assert page.index("Earlier action") < page.index("Later action")
    assert "1 overdue" in page


def test_the_owner_updates_their_action(client, signed_in, plan, actions, officer):
    action = actions["police"]
    signed_in(officer)
    url = reverse("plans:action_update", args=[action.pk])
    response = client.post(
        url, {"status": "could_not", "outcome": "No answer at the door twice.", "version": 1}
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == Action.Status.COULD_NOT
    assert action.outcome == "No answer at the door twice."


def test_an_open_action_says_who_to_contact_now(client, signed_in, actions, officer):
    from frontdoor.agencies.models_duty import Absence

    action = actions["police"]
    signed_in(officer)
    url = reverse("plans:action_update", args=[action.pk])
    page = client.get(url).content.decode()
    assert "Who to contact now" in page
    now = timezone.now()
    Absence.objects.create(
        practitioner=officer,
        starts_at=now - timedelta(hours=1),
        ends_at=now + timedelta(days=3),
        reason=Absence.Reason.LEAVE,
    )
    away = client.get(url).content.decode()
    assert f"{officer} is on leave until" in away


def test_finishing_without_an_outcome_is_refused_on_the_page(
    client, signed_in, plan, actions, officer
):
    signed_in(officer)
    url = reverse("plans:action_update", args=[actions["police"].pk])
    response = client.post(url, {"status": "done", "outcome": "", "version": 1})
    assert response.status_code == 422
    assert "an action that is finished needs an outcome" in response.content.decode()
    actions["police"].refresh_from_db()
    assert actions["police"].status == Action.Status.OPEN


def test_a_stale_update_on_the_page_is_a_conflict(
    client, signed_in, plan, actions, officer, police_manager
):
    action = actions["police"]
    signed_in(police_manager)
    client.post(
        reverse("plans:action_update", args=[action.pk]),
        {"status": "in_progress", "outcome": "", "version": 1},
    )
    signed_in(officer)
    response = client.post(
        reverse("plans:action_update", args=[action.pk]),
        {"status": "done", "outcome": "Visited", "version": 1},
    )
    assert response.status_code == 409
    assert "Someone else changed this action" in response.content.decode()
    assert "<title>Error: " in response.content.decode()  # screen readers hear it first
    action.refresh_from_db()
    assert action.status == Action.Status.IN_PROGRESS


def plan_post(plan, **changes):
    data = {
        "title": plan.title,
        "own_words": plan.own_words,
        "needs": plan.needs,
        "lead_professional": plan.lead_professional_id or "",
        "trusted_person": plan.trusted_person,
        "review_on": plan.review_on.isoformat() if plan.review_on else "",
        "version": plan.version,
    }
    data.update(changes)
    return data


def test_two_people_editing_one_plan_the_second_gets_a_conflict(
    client, signed_in, plan, hub_manager, social_worker
):
    """Promise 18: the hub manager and the lead professional both open the plan at version 1;
    the second save is refused with nothing of theirs kept, and the page shows the first's."""
    url = reverse("plans:plan_edit", args=[plan.pk])
    shown = plan_post(plan)
    signed_in(hub_manager)
    first = {**shown, "needs": "Housing first, then school."}
    assert client.post(url, first).status_code == 302

    signed_in(social_worker)
    second = {**shown, "needs": "Counselling for the children.", "trusted_person": "Aunt Mo"}
    response = client.post(url, second)
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else updated this plan" in page
    assert "Nothing you entered has been saved" in page
    assert "Housing first, then school." in page  # the latest
    page, unsaved = split_unsaved(page)
    assert "Counselling for the children." not in page and "Aunt Mo" not in page
    assert "Counselling for the children." in unsaved and "Aunt Mo" in unsaved  # to copy
    assert 'name="version" value="2"' in page
    plan.refresh_from_db()
    assert (plan.needs, plan.trusted_person, plan.version) == ("Housing first, then school.", "", 2)
    edits = AuditEvent.objects.filter(verb=Verb.CHANGE, object_type="plans.plan")
    assert edits.count() == 1

    # A request that names no version is refused, never saved against the latest.
    unversioned = {k: v for k, v in second.items() if k != "version"}
    assert client.post(url, unversioned).status_code == 422
    plan.refresh_from_db()
    assert plan.needs == "Housing first, then school."


def test_the_lead_professional_adds_an_action_and_a_past_date_is_refused(
    client, signed_in, plan, social_worker, police, officer
):
    signed_in(social_worker)
    url = reverse("plans:action_create", args=[plan.pk])
    data = {
        "what": "Police to visit with the social worker",
        "type": "direct",
        "owner_agency": police.pk,
        "owner": officer.pk,
        "due_on": (timezone.localdate() - timedelta(days=1)).isoformat(),
    }
    response = client.post(url, data)
    assert response.status_code == 422
    assert "The due date must be today or in the future" in response.content.decode()
    data["due_on"] = (timezone.localdate() + timedelta(days=3)).isoformat()
    assert client.post(url, data).status_code == 302
    assert Action.objects.get(plan=plan).owner == officer


def test_an_owner_from_another_agency_is_refused(
    client, signed_in, plan, social_worker, police, teacher
):
    signed_in(social_worker)
    response = client.post(
        reverse("plans:action_create", args=[plan.pk]),
        {
            "what": "Visit",
            "type": "direct",
            "owner_agency": police.pk,
            "owner": teacher.pk,
            "due_on": (timezone.localdate() + timedelta(days=3)).isoformat(),
        },
    )
    assert response.status_code == 422
    assert "does not work for Testshire Police" in response.content.decode()
    assert not Action.objects.exists()


def test_the_hub_starts_a_plan_from_a_contact(client, signed_in, hub_manager, officer):
    contact = make_contact(officer)
    signed_in(hub_manager)
    page = client.get(reverse("hub:contact", args=[contact.pk])).content.decode()
    assert "Start a plan" in page
    response = client.post(
        reverse("plans:plan_create", args=[contact.pk]),
        {
            "title": "Plan for Zara",
            "own_words": "I want to feel safe at home.",
            "needs": "Food at home",
            "trusted_person": "Her nan",
            "review_on": (timezone.localdate() + timedelta(days=30)).isoformat(),
        },
    )
    created = Plan.objects.get()
    assert response.url == reverse("plans:plan", args=[created.pk])
    assert created.contact == contact and created.own_words == "I want to feel safe at home."
    page = client.get(reverse("hub:contact", args=[contact.pk])).content.decode()
    assert "Plan for Zara" in page


def test_my_work_lists_my_overdue_actions_and_plans_due_for_review(
    plan, actions, teacher, social_worker
):
    (panel,) = [p for p in my_work(teacher) if p.title == "My actions"]
    assert "1 overdue" in panel.summary
    assert (
        "School attendance check",
        reverse("plans:action_update", args=[actions["school"].pk]),
        "Overdue",
    ) in panel.items
    Plan.objects.filter(pk=plan.pk).update(review_on=timezone.localdate())
    (panel,) = [p for p in my_work(social_worker) if p.title == "My actions"]
    assert (plan.title, reverse("plans:plan", args=[plan.pk]), "Review due") in panel.items


def test_my_work_points_chairs_to_overdue_actions_and_analysts_to_the_mix(plan, actions, chair):
    (panel,) = [p for p in my_work(chair) if p.title == "Overdue actions"]
    assert panel.summary.startswith("1 open action on plans across the partnership is past")
    assert panel.link == reverse("plans:overdue")
    analyst = PractitionerFactory(username="analyst", role=Role.ANALYST)
    titles = [p.title for p in my_work(analyst)]
    assert "Action mix" in titles and "Overdue actions" not in titles


@pytest.mark.parametrize("form", ["plan_create", "plan_edit", "action_create", "action_update"])
def test_plan_and_action_forms_ignore_fields_they_do_not_have(
    form, client, signed_in, plan, actions, hub_manager, officer, teacher, school, police
):
    """Promise 4: a plan's contact, status, author and version, and an action's plan, owner,
    owner agency, status, author and timestamps come from the page and the services, never
    from extra posted fields."""
    elsewhere = make_contact(officer)
    other_plan = services.plan_create(
        by=hub_manager, title="Another plan", own_words="Other words", lead_professional=teacher
    )
    later = (timezone.localdate() + timedelta(days=9)).isoformat()
    owned_by_others = {
        "created_by": teacher.pk,
        "created_at": "2001-01-01T00:00",
        "escalated_at": "2001-01-01T00:00",
        "completed_at": "2001-01-01T00:00",
    }
    plan_words = {"title": "Plan for Zara", "own_words": "Safe at home.", "review_on": later}
    cases = {
        "plan_create": lambda: Smuggled(
            client=signed_in(hub_manager),
            url=reverse("plans:plan_create", args=[make_contact(officer).pk]),
            data=plan_words,
            extras={**owned_by_others, "status": "closed", "contact": elsewhere.pk, "version": 9},
            record=lambda: Plan.objects.latest("pk"),
            expected={"status": "open", "created_by": hub_manager, "version": 1},
        ),
        "plan_edit": lambda: Smuggled(
            client=signed_in(hub_manager),
            url=reverse("plans:plan_edit", args=[plan.pk]),
            data={**plan_words, "version": plan.version},
            extras={**owned_by_others, "status": "closed", "contact": elsewhere.pk},
            record=lambda: Plan.objects.get(pk=plan.pk),
            expected={"status": "open", "created_by": hub_manager, "contact": None},
        ),
        "action_create": lambda: Smuggled(
            client=signed_in(hub_manager),
            url=reverse("plans:action_create", args=[plan.pk]),
            data={"what": "Check in", "type": "direct", "owner_agency": police.pk, "due_on": later},
            extras={**owned_by_others, "plan": other_plan.pk, "status": "done", "version": 9},
            record=lambda: Action.objects.latest("pk"),
            expected={"plan": plan, "status": "open", "created_by": hub_manager, "version": 1},
        ),
        "action_update": lambda: Smuggled(
            client=signed_in(officer),
            url=reverse("plans:action_update", args=[actions["police"].pk]),
            data={"status": "in_progress", "outcome": "", "version": 1},
            extras={
                **owned_by_others,
                "plan": other_plan.pk,
                "owner_agency": school.pk,
                "owner": teacher.pk,
                "what": "Forged",
                "due_on": "2099-01-01",
            },
            record=lambda: Action.objects.get(pk=actions["police"].pk),
            expected={
                "plan": plan,
                "owner_agency": police,
                "owner": officer,
                "what": "Police welfare visit",
                "created_by": hub_manager,
                "escalated_at": None,
                "completed_at": None,
            },
        ),
    }
    assert_extras_ignored(cases[form]())


def test_the_plan_form_marks_its_optional_boxes_optional(client, signed_in, plan, hub_manager):
    """Like every other optional box in Front Door: "In their own words" and "Needs" may be
    left empty, and their labels say so."""
    signed_in(hub_manager)
    page = client.get(reverse("plans:plan_edit", args=[plan.pk])).content.decode()
    assert "In their own words (optional)</label>" in page
    assert "Needs, as professionals see them (optional)</label>" in page
    assert "Title (optional)" not in page
