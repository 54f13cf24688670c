"""SECURITY.md promise 2: the disagreements list, its panel and count on My work, and the
disagreements shown on a case's page hold only disagreements the practitioner may see. Three
disagreements with social care, each about its own case with a distinctive dispute: one
raised by the officer, one by a police colleague on a case the officer has no part in, and
one by a school."""

import pytest
from django.urls import reverse

from frontdoor.agencies.roles import Role
from frontdoor.core.testing.factories import AgencyFactory, PractitionerFactory
from frontdoor.disagreements.models import Disagreement
from frontdoor.disagreements.services import (
    disagreement_escalate,
    disagreement_raise,
    disagreement_resolve,
)

from .conftest import make_contact

pytestmark = pytest.mark.django_db


@pytest.fixture
def three(officer, police, hub_worker, social_care, threshold):
    colleague = PractitionerFactory(username="colleague", agency=police, role=Role.FRONTLINE)
    other_hub = PractitionerFactory(
        username="otherhub", agency=social_care, role=Role.HUB_PRACTITIONER
    )
    school = AgencyFactory(name="Riverside Primary School", sector="education")
    teacher = PractitionerFactory(username="teacher", agency=school, role=Role.FRONTLINE)

    def raised(referrer, decider, disputed):
        return disagreement_raise(
            contact=make_contact(referrer, decide_by=decider),
            by=referrer,
            other_agency=social_care,
            disputed=disputed,
            issue="Left alone at night",
            wanted="An assessment",
            theme=threshold,
            about_decision=True,
        )

    return {
        "own": raised(officer, hub_worker, "No further action for Calloway Finch"),
        "colleague": raised(colleague, other_hub, "No further action for Odalys Thorncroft"),
        "school": raised(teacher, other_hub, "No further action for Thaddeus Grimsby"),
    }


def _page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _listed(page, d) -> bool:
    return reverse("disagreements:detail", args=[d.pk]) in page or d.contact.reference in page


def test_my_disagreements_and_their_count_hold_only_those_i_may_see(
    client, signed_in, three, officer, police_manager
):
    signed_in(officer)
    page = _page(client, reverse("disagreements:mine"))
    assert _listed(page, three["own"])
    assert not _listed(page, three["colleague"])
    assert not _listed(page, three["school"])
    home = _page(client, reverse("home"))
    assert "1 open disagreement you can act on." in home
    assert three["own"].contact.reference in home
    assert three["colleague"].contact.reference not in home
    assert three["school"].contact.reference not in home
    # The police's hub manager sees both of the police's, never the school's.
    signed_in(police_manager)
    page = _page(client, reverse("disagreements:mine"))
    assert _listed(page, three["own"]) and _listed(page, three["colleague"])
    assert not _listed(page, three["school"])
    home = _page(client, reverse("home"))
    assert "2 open disagreements you can act on." in home
    assert three["school"].contact.reference not in home


def test_a_case_page_shows_only_the_disagreements_the_reader_may_see(
    client, signed_in, three, hub_worker, hub_manager
):
    """Neither the case's disagreements panel nor its timeline tells a reader who may not see
    the disagreement what is disputed, why it was escalated or how it was resolved."""
    escalated = disagreement_escalate(
        disagreement=three["colleague"],
        by=three["colleague"].raised_by,
        reason="Escalated because Perpetua Vane was not asked",
        expected_version=three["colleague"].version,
    )
    disagreement_resolve(
        disagreement=escalated,
        by=escalated.raised_by,
        outcome=Disagreement.Outcome.COMPROMISE,
        resolution="Resolved: Perpetua Vane to be seen at school",
        expected_version=escalated.version,
    )
    contact = three["colleague"].contact
    url = reverse("hub:contact", args=[contact.pk])
    # A hub practitioner sees the case, but has no part in the disagreement about it.
    signed_in(hub_worker)
    page = _page(client, url)
    assert contact.reference in page
    assert "Odalys Thorncroft" not in page
    assert "Perpetua Vane" not in page
    assert reverse("disagreements:detail", args=[three["colleague"].pk]) not in page
    signed_in(hub_manager)
    assert "No further action for Odalys Thorncroft" in _page(client, url)
