"""The partnership map: statutory members, reviews, the picture, the agency view, edits."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from frontdoor.agencies.roles import Role
from frontdoor.audit.models import AuditEvent
from frontdoor.core.testing.factories import AgencyFactory, PractitionerFactory
from frontdoor.directory.models import Body, BodyReview, Membership
from frontdoor.directory.partnership_rules import missing_members

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


@pytest.fixture
def icb(db):
    return AgencyFactory(name="Testshire Integrated Care Board", sector="health")


@pytest.fixture
def probation(db):
    return AgencyFactory(name="Testshire Probation", sector="probation")


@pytest.fixture
def manager(police):
    return PractitionerFactory(
        username="pm",
        agency=police,
        role=Role.PARTNERSHIP_MANAGER,
        first_name="Polly",
        last_name="Manager",
    )


def make_body(
    name="Testshire Safeguarding Children Partnership", kind="safeguarding_children", **extra
):
    extra.setdefault("level", "force_wide")
    extra.setdefault("review_due", TODAY() + timedelta(days=100))
    return Body.objects.create(name=name, classification=kind, **extra)


def member(body, agency, **extra):
    return Membership.objects.create(body=body, agency=agency, **extra)


def test_a_childrens_partnership_without_the_integrated_care_board_is_flagged(
    police, social_care, icb
):
    body = make_body()
    member(body, police)
    member(body, social_care)
    assert missing_members(body) == ["the integrated care board"]
    member(body, icb)
    assert missing_members(body) == []


def test_only_current_memberships_meet_the_law(police, social_care, icb):
    body = make_body()
    member(body, police)
    member(body, social_care)
    ended = member(body, icb, end_date=TODAY() - timedelta(days=1))
    assert missing_members(body) == ["the integrated care board"]
    ended.end_date = None
    ended.start_date = TODAY() + timedelta(days=10)
    ended.save()
    assert missing_members(body) == ["the integrated care board"], "not started yet"
    ended.start_date = TODAY()
    ended.save()
    assert missing_members(body) == []


def test_a_community_safety_partnership_without_probation_shows_the_flag(
    signed_in, officer, police, social_care, icb
):
    fire = AgencyFactory(name="Testshire Fire", sector="fire")
    body = make_body("Testtown Community Safety Partnership", "community_safety", level="district")
    for agency in (police, social_care, icb, fire):
        member(body, agency)
    assert missing_members(body) == ["probation"]
    page = signed_in(officer).get(reverse("directory:partnership_map")).content.decode()
    assert "Lacks probation" in page
    assert "1 statutory body lacks a member the law requires" in page
    detail = signed_in(officer).get(reverse("directory:partnership_body", args=[body.pk]))
    assert "The law requires probation as a member" in detail.content.decode()


def test_an_informal_group_requires_nobody(police):
    assert missing_members(make_body("Testshire MARAC", "marac", level="district")) == []


def test_an_overdue_review_shows_on_the_partnership_managers_my_work(signed_in, manager, officer):
    late = make_body(review_due=TODAY() - timedelta(days=3))
    make_body(
        "Testshire Adults Board", "safeguarding_adults", review_due=TODAY() + timedelta(days=30)
    )
    page = signed_in(manager).get(reverse("home")).content.decode()
    assert "Partnership bodies due for review" in page
    assert "1 partnership body is overdue for review." in page
    assert reverse("directory:partnership_body", args=[late.pk]) in page
    assert "Testshire Adults Board" not in page
    frontline_page = signed_in(officer).get(reverse("home")).content.decode()
    assert "Partnership bodies due for review" not in frontline_page


def test_a_closed_body_is_not_overdue(signed_in, manager):
    make_body(review_due=TODAY() - timedelta(days=3), dissolution_date=TODAY() - timedelta(days=1))
    page = signed_in(manager).get(reverse("home")).content.decode()
    assert "No partnership body is overdue for review." in page


def test_the_agency_view_lists_the_bodies_and_who_attends(signed_in, officer, police, social_care):
    board = make_body()
    ended = make_body("Old Board", "other")
    rep = PractitionerFactory(username="rep", agency=police, first_name="Rhiannon", last_name="Rep")
    member(board, police, person=rep, role="Detective Superintendent")
    member(ended, police, end_date=TODAY() - timedelta(days=5))
    member(board, social_care)
    page = (
        signed_in(officer)
        .get(reverse("directory:partnership_agency", args=[police.pk]))
        .content.decode()
    )
    assert "Testshire Safeguarding Children Partnership" in page
    assert "Rhiannon Rep" in page and "Detective Superintendent" in page
    assert "Old Board" not in page
    assert reverse("agencies:detail", args=[police.pk]) in page
    assert "Manual articles about this agency" in page


def test_find_a_partner_agency_by_name_sector_and_district(signed_in, officer, police, social_care):
    from frontdoor.agencies.models import Area

    county = Area.objects.create(name="Testshire", kind="county")
    district = Area.objects.create(name="Testtown", kind="district", parent=county)
    other = Area.objects.create(name="Elsewhere", kind="district", parent=county)
    police.areas.set([county])
    social_care.areas.set([other])
    client = signed_in(officer)
    url = reverse("directory:partnership_agencies")

    def found(**query):
        page = client.get(url, query).content.decode()
        page = page[page.index('id="agencies-found"') :]
        return {a.name for a in (police, social_care) if escape(a.name) in page}

    assert found(q="police") == {"Testshire Police"}
    assert found(sector="childrens_social_care") == {"Testshire Children's Social Care"}
    assert found(area=str(district.pk)) == {"Testshire Police"}, (
        "a county-wide agency covers the district"
    )
    assert client.get(url, {"sector": "nonsense"}).status_code == 422


def test_an_agency_no_longer_active_is_never_found_or_counted(signed_in, officer, police):
    """Promise 2: an agency that has left the partnership is absent from the finder's results
    and its count, however it is looked for: unfiltered, by its own name, sector or district."""
    from frontdoor.agencies.models import Agency, Area

    district = Area.objects.create(name="Oldtown", kind="district")
    gone = AgencyFactory(
        name="Testshire Police Legacy Unit", short_name="Legacy", sector="police", is_active=False
    )
    gone.areas.set([district])
    police.areas.set([district])
    client = signed_in(officer)
    url = reverse("directory:partnership_agencies")
    active = Agency.objects.filter(is_active=True).count()

    def results(**query):
        response = client.get(url, query)
        assert response.status_code == 200
        page = response.content.decode()
        return page[page.index('<h2 class="govuk-heading-m">') :]  # the count, then the results

    for query, expected in [
        ({}, active),
        ({"q": "Legacy"}, 0),
        ({"q": "police"}, 1),
        ({"sector": "police"}, 1),
        ({"area": str(district.pk)}, 1),
    ]:
        page = results(**query)
        assert "Legacy" not in page, query
        assert reverse("agencies:detail", args=[gone.pk]) not in page, query
        heading = f"{expected} agenc{'y' if expected == 1 else 'ies'}</h2>"
        assert heading in page, (query, heading)
    assert escape(police.name) in results(area=str(district.pk))


def test_the_map_draws_every_demo_body_and_an_arrow_per_accountability(signed_in):
    from frontdoor.demo.generator import build_partnership
    from frontdoor.demo.partnership_bodies import build_partnership_bodies

    build_partnership(seed=2026, practitioners_per_agency=0, with_second_factor=False)
    built = build_partnership_bodies(seed=2026)
    viewer = PractitionerFactory(username="viewer", role=Role.FRONTLINE)
    page = signed_in(viewer).get(reverse("directory:partnership_map")).content.decode()
    svg = page[page.index("<svg") : page.index("</svg>")]
    bodies = Body.objects.all()
    assert len(bodies) == len(built.bodies) >= 30
    for body in bodies:
        assert f"<title>{escape(body.name)}</title>" in svg, body.name
    links = {(b.pk, b.accountable_to_id) for b in bodies if b.accountable_to_id}
    arrows = set(re.findall(r'class="fd-arrow" data-from="(\d+)" data-to="(\d+)"', svg))
    assert {(int(a), int(b)) for a, b in arrows} == links
    assert len(re.findall('class="fd-arrow"', svg)) == len(links)
    # The demo's deliberate gaps show: Wyre has no current probation member; some are overdue.
    wyre = Body.objects.get(name="Wyre Community Safety Partnership")
    assert missing_members(wyre) == ["probation"]
    assert Membership.objects.filter(
        body=wyre, agency__sector="probation", end_date__isnull=False
    ).exists()
    assert Body.objects.overdue_for_review().count() >= 3
    assert "Review overdue" in svg and "Missing a required member" in svg


def body_form(body, **changes):
    data = {
        "name": body.name,
        "classification": body.classification,
        "level": body.level,
        "area": "",
        "parent": "",
        "accountable_to": "",
        "purpose": body.purpose,
        "terms_of_reference": body.terms_of_reference,
        "meeting_frequency": "monthly",
        "founding_date": "",
        "dissolution_date": "",
        "review_due": body.review_due.strftime("%d/%m/%Y"),
        "version": body.version,
    }
    data.update(changes)
    return data


def test_an_edit_is_saved_and_audited(signed_in, manager):
    body = make_body()
    client = signed_in(manager)
    response = client.post(
        reverse("directory:partnership_body_edit", args=[body.pk]),
        body_form(body, terms_of_reference="Meets to agree the plan."),
    )
    assert response.status_code == 302
    body.refresh_from_db()
    assert body.terms_of_reference == "Meets to agree the plan."
    assert body.version == 2
    event = AuditEvent.objects.get(verb="change", object_type="directory.body")
    assert event.actor == manager
    assert event.object_id == str(body.pk)
    assert event.details["changes"]["terms_of_reference"]["to"] == "Meets to agree the plan."


def test_a_concurrent_edit_is_detected_and_changes_nothing(signed_in, manager):
    body = make_body()
    client = signed_in(manager)
    url = reverse("directory:partnership_body_edit", args=[body.pk])
    stale = body_form(body, purpose="Second writer's purpose")
    assert client.post(url, body_form(body, purpose="First writer's purpose")).status_code == 302
    response = client.post(url, stale)
    assert response.status_code == 409
    assert "Someone else changed this record" in response.content.decode()
    body.refresh_from_db()
    assert body.purpose == "First writer's purpose"
    assert AuditEvent.objects.filter(object_type="directory.body", verb="change").count() == 1


def test_a_body_cannot_be_accountable_to_its_own_sub_group(signed_in, manager):
    top = make_body()
    sub = make_body("Sub", "sub_group", parent=top, accountable_to=top)
    response = signed_in(manager).post(
        reverse("directory:partnership_body_edit", args=[top.pk]),
        body_form(top, accountable_to=sub.pk),
    )
    assert response.status_code == 422
    top.refresh_from_db()
    assert top.accountable_to is None


def test_adding_a_member_is_audited_and_meets_the_requirement(
    signed_in, manager, police, social_care, icb
):
    body = make_body()
    member(body, police)
    member(body, social_care)
    rep = PractitionerFactory(username="icbrep", agency=icb, first_name="Ike", last_name="Bee")
    response = signed_in(manager).post(
        reverse("directory:partnership_membership_create", args=[body.pk]),
        {
            "agency": icb.pk,
            "person": rep.pk,
            "post": "",
            "role": "Chief Nurse",
            "start_date": "",
            "end_date": "",
        },
    )
    assert response.status_code == 302
    assert missing_members(body) == []
    assert AuditEvent.objects.filter(
        verb="create", object_type="directory.membership", actor=manager
    ).exists()


def test_a_representative_must_work_for_the_member_agency(signed_in, manager, police, icb):
    body = make_body()
    outsider = PractitionerFactory(username="outsider", agency=police)
    response = signed_in(manager).post(
        reverse("directory:partnership_membership_create", args=[body.pk]),
        {"agency": icb.pk, "person": outsider.pk, "role": "", "start_date": "", "end_date": ""},
    )
    assert response.status_code == 422
    assert "Choose a representative who works for the member agency" in response.content.decode()
    assert not Membership.objects.exists()
    assert not AuditEvent.objects.filter(object_type="directory.membership").exists()


def test_recording_a_review_keeps_history_and_moves_the_date(signed_in, manager):
    body = make_body(review_due=TODAY() - timedelta(days=10))
    client = signed_in(manager)
    url = reverse("directory:partnership_review", args=[body.pk])
    past = client.post(
        url, {"version": 1, "outcome": "continue", "next_review": TODAY().strftime("%d/%m/%Y")}
    )
    assert past.status_code == 422
    assert "The next review must be in the future" in past.content.decode()
    assert not BodyReview.objects.exists()
    next_year = TODAY() + timedelta(days=365)
    done = client.post(
        url,
        {
            "version": 1,
            "outcome": "change",
            "notes": "Add housing.",
            "next_review": next_year.strftime("%d/%m/%Y"),
        },
    )
    assert done.status_code == 302
    body.refresh_from_db()
    assert body.review_due == next_year and not body.is_overdue
    review = body.reviews.get()
    assert (review.outcome, review.notes, review.reviewed_by) == ("change", "Add housing.", manager)
    assert AuditEvent.objects.filter(object_type="directory.bodyreview", actor=manager).exists()
    page = client.get(reverse("directory:partnership_body", args=[body.pk])).content.decode()
    assert "Continue with changes" in page and "Add housing." in page
    stale = client.post(url, {"version": 1, "outcome": "close"})
    assert stale.status_code == 409
    assert body.reviews.count() == 1


def test_closing_a_body_takes_it_off_the_map(signed_in, manager):
    body = make_body()
    client = signed_in(manager)
    assert (
        client.post(
            reverse("directory:partnership_review", args=[body.pk]),
            {"version": 1, "outcome": "close"},
        ).status_code
        == 302
    )
    body.refresh_from_db()
    assert body.dissolution_date == TODAY()
    page = client.get(reverse("directory:partnership_map")).content.decode()
    assert f"<title>{escape(body.name)}</title>" not in page


def test_only_keepers_see_the_edit_buttons(signed_in, manager, officer):
    body = make_body()
    url = reverse("directory:partnership_body", args=[body.pk])
    assert "Record a review" in signed_in(manager).get(url).content.decode()
    assert "Record a review" not in signed_in(officer).get(url).content.decode()


def test_popolo_names(police):
    body = make_body()
    membership = member(body, police, start_date=TODAY())
    assert set(body.popolo()) == {
        "id",
        "name",
        "classification",
        "parent_id",
        "area_id",
        "founding_date",
        "dissolution_date",
    }
    assert membership.popolo()["organization_id"] == str(body.pk)
    assert membership.popolo()["on_behalf_of_id"] == str(police.pk)


def test_ending_a_membership_through_the_form_raises_the_flag_and_is_audited(
    signed_in, manager, police, social_care, icb
):
    body = make_body()
    member(body, police)
    member(body, social_care)
    icb_seat = member(body, icb, start_date=TODAY() - timedelta(days=400))
    client = signed_in(manager)
    yesterday = (TODAY() - timedelta(days=1)).strftime("%d/%m/%Y")
    response = client.post(
        reverse("directory:partnership_membership_edit", args=[icb_seat.pk]),
        {
            "agency": icb.pk,
            "person": "",
            "post": "",
            "role": "",
            "start_date": icb_seat.start_date.strftime("%d/%m/%Y"),
            "end_date": yesterday,
            "version": 1,
        },
    )
    assert response.status_code == 302
    assert missing_members(body) == ["the integrated care board"]
    event = AuditEvent.objects.get(verb="change", object_type="directory.membership")
    assert event.actor == manager and event.object_id == str(icb_seat.pk)
    assert "end_date" in event.details["changes"]
    page = client.get(reverse("directory:partnership_body", args=[body.pk])).content.decode()
    assert "The law requires the integrated care board as a member" in page


def test_a_stale_post_edit_is_refused_and_not_audited(signed_in, manager):
    from frontdoor.directory.models import Post

    body = make_body()
    chair = Post.objects.create(body=body, label="Chair", role="chair")
    client = signed_in(manager)
    url = reverse("directory:partnership_post_edit", args=[chair.pk])
    fields = {"role": "chair", "start_date": "", "end_date": "", "version": 1}
    assert client.post(url, {**fields, "label": "Independent chair"}).status_code == 302
    stale = client.post(url, {**fields, "label": "Joint chair"})
    assert stale.status_code == 409
    chair.refresh_from_db()
    assert (chair.label, chair.version) == ("Independent chair", 2)
    assert AuditEvent.objects.filter(object_type="directory.post").count() == 1


def test_an_end_date_before_the_start_is_refused(signed_in, manager, police):
    body = make_body()
    response = signed_in(manager).post(
        reverse("directory:partnership_membership_create", args=[body.pk]),
        {"agency": police.pk, "start_date": "10/05/2026", "end_date": "01/05/2026"},
    )
    assert response.status_code == 422
    assert "The end date must be on or after the start date" in response.content.decode()
    assert not Membership.objects.exists()


def test_a_practitioner_cannot_change_the_map(signed_in, officer):
    body = make_body()
    response = signed_in(officer).post(
        reverse("directory:partnership_review", args=[body.pk]),
        {"version": 1, "outcome": "close"},
    )
    assert response.status_code == 404  # refused at the door, like a body that does not exist
    body.refresh_from_db()
    assert body.dissolution_date is None and not body.reviews.exists()
    assert not AuditEvent.objects.filter(object_type__startswith="directory.").exists()


def test_the_body_page_names_its_chair_and_members(signed_in, officer, police):
    from frontdoor.directory.models import Post

    body = make_body()
    url = reverse("directory:partnership_body", args=[body.pk])
    assert "Not recorded" in signed_in(officer).get(url).content.decode()
    chair = Post.objects.create(body=body, label="Chair", role="chair")
    person = PractitionerFactory(
        username="chair", agency=police, first_name="Cora", last_name="Chair"
    )
    member(body, police, person=person, post=chair, role="Chief Superintendent")
    page = signed_in(officer).get(url).content.decode()
    assert "Cora Chair, Testshire Police" in page
    assert "Chief Superintendent" in page


def test_a_manager_adds_a_body_which_is_audited_and_drawn(signed_in, manager):
    board = make_body()
    client = signed_in(manager)
    response = client.post(
        reverse("directory:partnership_body_create"),
        {
            "name": "Testshire Neglect Sub-group",
            "classification": "sub_group",
            "level": "force_wide",
            "parent": board.pk,
            "accountable_to": board.pk,
            "meeting_frequency": "quarterly",
            "review_due": (TODAY() + timedelta(days=200)).strftime("%d/%m/%Y"),
        },
    )
    assert response.status_code == 302
    added = Body.objects.get(name="Testshire Neglect Sub-group")
    assert AuditEvent.objects.filter(verb="create", object_id=str(added.pk), actor=manager).exists()
    svg = client.get(reverse("directory:partnership_map")).content.decode()
    assert f'data-from="{added.pk}" data-to="{board.pk}"' in svg
