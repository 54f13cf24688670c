"""SECURITY.md promise 2: My supervision, its panel and counts on My work, the managers'
overview and its overdue count, and the practitioners offered when setting supervision up,
show only what the reader may see. Each test seeds a supervision the reader may see and one
they may not, each with a distinctive name."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from frontdoor.agencies.roles import Role
from frontdoor.core.testing.factories import PractitionerFactory
from frontdoor.supervision import services

pytestmark = pytest.mark.django_db


OTHERS = ("Odalys Thorncroft", "Wenonah Salt", "Thaddeus Grimsby", "Perpetua Vane")


def _page(client, url, **query) -> str:
    response = client.get(url, query)
    assert response.status_code == 200
    return response.content.decode()


def _person(username, agency, first, last, role=Role.FRONTLINE):
    return PractitionerFactory(
        username=username, agency=agency, role=role, first_name=first, last_name=last
    )


@pytest.fixture
def world(social_care, police, hub_manager, supervisor):
    """At social care, the supervisor supervises Calloway Finch (seen two days ago, with an
    action each) and a colleague supervises Odalys Thorncroft (overdue); at the police, Thaddeus
    Grimsby's supervision is overdue."""
    started = timezone.localdate() - timedelta(days=90)
    finch = _person("finch", social_care, "Calloway", "Finch")
    thorncroft = _person("thorncroft", social_care, "Odalys", "Thorncroft")
    colleague = _person("colleague", social_care, "Wenonah", "Salt", Role.HUB_PRACTITIONER)
    grimsby = _person("grimsby", police, "Thaddeus", "Grimsby")
    police_supervisor = _person("sergeant", police, "Perpetua", "Vane")
    police_manager = _person("policemanager", police, "Gareth", "Pilling", Role.HUB_MANAGER)
    mine = services.relationship_set_up(
        by=hub_manager, supervisor=supervisor, supervisee=finch, started_on=started
    )
    services.relationship_set_up(
        by=hub_manager, supervisor=colleague, supervisee=thorncroft, started_on=started
    )
    services.relationship_set_up(
        by=police_manager, supervisor=police_supervisor, supervisee=grimsby, started_on=started
    )
    session = services.session_record(
        relationship=mine,
        by=supervisor,
        held_on=timezone.localdate() - timedelta(days=2),
        reflections="Caseload review.",
        wellbeing=4,
    )
    due = timezone.localdate() + timedelta(days=14)
    for owner, text in ((supervisor, "Book the team day"), (finch, "Read the neglect toolkit")):
        services.action_add(session=session, by=supervisor, description=text, owner=owner, due=due)
    return {"finch": finch, "thorncroft": thorncroft, "grimsby": grimsby}


def test_my_supervision_and_its_counts_hold_only_my_own(client, signed_in, world, supervisor):
    signed_in(supervisor)
    page = _page(client, reverse("supervision:index"))
    assert "You supervise Calloway Finch" in page
    assert page.count('class="govuk-summary-card__title"') == 1
    for name in OTHERS:  # neither supervisee nor supervisor of anyone else's
        assert name not in page
    assert "You have 1 open agreed action." in page
    home = _page(client, reverse("home"))
    assert "Your supervision is up to date. You have 1 open agreed action." in home
    assert "Supervising Calloway Finch" in home
    for name in OTHERS:
        assert name not in home


def test_the_overview_and_its_overdue_count_hold_only_the_managers_agency(
    client, signed_in, world, hub_manager, police
):
    signed_in(hub_manager)
    for query in ({}, {"agency": police.pk}):  # asking for another agency shows one's own
        page = _page(client, reverse("supervision:overview"), **query)
        assert "Calloway Finch" in page and "Odalys Thorncroft" in page
        assert "Thaddeus Grimsby" not in page
        assert "2 practitioners in supervision; 1 overdue." in page


def test_setting_up_supervision_offers_only_the_managers_own_practitioners(
    client, signed_in, world, hub_manager
):
    signed_in(hub_manager)
    page = _page(client, reverse("supervision:relationship_create"))
    assert "Calloway Finch" in page and "Odalys Thorncroft" in page
    assert "Thaddeus Grimsby" not in page and "Perpetua Vane" not in page
