"""The public search and service pages: no sign-in, plain words, refuges kept hidden."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from frontdoor.directory.models import Service, TaxonomyTerm
from frontdoor.directory.search import category_choices
from frontdoor.directory.testing import REFUGE_POSTCODE, REFUGE_STREET, tag

pytestmark = pytest.mark.django_db

# A Wednesday evening in London: the parenting group (Wednesdays 6pm to 8pm) is on.
WEDNESDAY_EVENING = datetime(2026, 3, 18, 19, 0, tzinfo=ZoneInfo("Europe/London"))


def search(client, **params):
    return client.get(reverse("directory:search"), params)


def listed(response) -> list[str]:
    return [found.service.name for found in response.context["page"]]


def test_anyone_can_search_without_signing_in(client, directory):
    response = search(client)
    assert response.status_code == 200
    assert listed(response) == [
        "Dusty Lane Advice Shop",
        "Evening Parenting Group",
        "Harbourlight Domestic Abuse Helpline",
        "Quietwater Refuge",
    ]
    assert "Closed Forever Club" not in response.content.decode()  # defunct
    assert "If you or someone else is in danger now, call 999." in response.content.decode()


def test_search_by_words_category_and_age(client, directory):
    assert listed(search(client, q="parents")) == ["Evening Parenting Group"]
    by_category = search(client, category=str(directory.domestic_abuse.pk))
    assert listed(by_category) == ["Harbourlight Domestic Abuse Helpline", "Quietwater Refuge"]
    assert listed(search(client, age="10", category=str(directory.domestic_abuse.pk))) == [
        "Quietwater Refuge"
    ]
    page = search(client).content.decode()
    assert "Domestic abuse support" in page and "Parenting" in page


def test_open_now_uses_the_schedules_in_london_time(client, directory):
    with time_machine.travel(WEDNESDAY_EVENING, tick=False):
        response = search(client, open_now="on")
    assert listed(response) == [
        "Evening Parenting Group",
        "Harbourlight Domestic Abuse Helpline",
        "Quietwater Refuge",
    ]
    assert response.content.decode().count("Open now</strong>") == 3


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"age": "ten"}, "Enter the age as a whole number, like 15"),
        ({"age": "-1"}, "The age must be 0 or more"),
        ({"age": "200"}, "The age must be 120 or less"),
        ({"category": "not-a-category"}, "Select a type of help from the list"),
        ({"q": "x" * 201}, "What you need help with must be 200 characters or fewer"),
    ],
)
def test_bad_input_gets_a_clear_message(client, directory, params, message):
    response = search(client, **params)
    assert response.status_code == 422
    page = response.content.decode()
    assert "There is a problem" in page and message in page
    assert "<title>Error: Find a service" in page


def test_the_service_page_says_who_it_is_for_how_to_get_help_when_and_cost(client, directory):
    with time_machine.travel(WEDNESDAY_EVENING, tick=False):
        response = client.get(reverse("directory:service", args=[directory.helpline.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    for text in (
        "Who it is for",
        "Anyone aged 16 or over affected by domestic abuse.",
        "16 years old and over",
        "How to get help",
        "Phone the helpline at any time, day or night.",
        'href="tel:01632960123"',
        "When it is open",
        "Every day",
        "24 hours",
        "Open now",
        "Cost",
        "Free.",
        "Quillfeather Community Trust",
    ):
        assert text in page, text
    assert "possibly out of date" not in page


def test_the_service_page_shows_where_and_what_it_costs(client, directory):
    with time_machine.travel(WEDNESDAY_EVENING.replace(hour=21), tick=False):
        page = client.get(reverse("directory:service", args=[directory.group.pk]))
    text = page.content.decode()
    assert "12 Weft Street" in text and "PR1 2AB" in text
    assert "Each session: £2.50 each" in text
    assert "Closed now" in text
    assert "Wednesday" in text and "6pm to 8pm" in text


def test_a_service_not_reviewed_recently_is_marked_possibly_out_of_date(
    client, directory, settings
):
    url = reverse("directory:service", args=[directory.stale.pk])
    assert "This information is possibly out of date" in client.get(url).content.decode()
    assert "Possibly out of date</strong>" in search(client, q="Dusty").content.decode()
    settings.FRONTDOOR_DIRECTORY_REVIEW_MONTHS = 24
    assert "possibly out of date" not in client.get(url).content.decode()
    Service.objects.filter(pk=directory.stale.pk).update(last_reviewed=None)
    assert "It has not been checked" in client.get(url).content.decode()


def test_a_refuge_page_gives_only_the_contact_route(client, directory):
    page = client.get(reverse("directory:service", args=[directory.refuge.pk])).content.decode()
    assert REFUGE_STREET not in page and REFUGE_POSTCODE not in page
    assert "Quietwater House" not in page
    assert "The address of this service is kept private" in page
    assert "01632 960456" in page
    listing = search(client, q="refuge").content.decode()
    assert REFUGE_STREET not in listing and REFUGE_POSTCODE not in listing


def test_another_service_at_a_refuge_does_not_show_its_address(client, directory):
    directory.group.service_at_locations.create(location=directory.refuge_location)
    page = client.get(reverse("directory:service", args=[directory.group.pk])).content.decode()
    assert REFUGE_STREET not in page


def test_closed_down_or_unknown_services_are_not_found(client, directory):
    assert client.get(reverse("directory:service", args=[directory.defunct.pk])).status_code == 404
    missing = "5f0c3a37-6a0e-4c0d-9a4c-0d1f2e3a4b5c"
    assert client.get(reverse("directory:service", args=[missing])).status_code == 404


def test_text_from_a_feed_cannot_run_script_or_link_to_it(client, directory):
    Service.objects.filter(pk=directory.group.pk).update(
        name="<script>alert(1)</script>",
        description='<img src=x onerror="alert(2)">',
        url="javascript:alert(3)",
    )
    page = client.get(reverse("directory:service", args=[directory.group.pk])).content.decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
    assert "<img src=x" not in page
    assert "javascript:alert(3)" not in page
    assert "&lt;script&gt;" in search(client).content.decode()


def test_pages_of_results_keep_the_search(client, directory, settings):
    settings.FRONTDOOR_DIRECTORY_SEARCH_PER_PAGE = 2
    first = search(client, q="a").content.decode()
    assert "?q=a&amp;page=2" in first
    second = search(client, q="a", page="2")
    assert second.context["page"].number == 2


def test_signed_in_practitioners_see_it_in_their_menu(signed_in, social_worker, directory):
    client = signed_in(social_worker)
    page = client.get(reverse("directory:search")).content.decode()
    assert 'href="/directory/"' in page and "Service directory" in page


@pytest.mark.parametrize("status", [Service.Status.DEFUNCT, Service.Status.INACTIVE])
def test_a_service_that_is_not_running_is_never_found_or_counted(client, directory, status):
    """Promise 2: an inactive or defunct service is absent from the public search by its own
    name, by its category and from everywhere, from the count of services found, and from the
    categories offered; its page is 404."""
    hidden = directory.defunct
    Service.objects.filter(pk=hidden.pk).update(status=status)
    running = Service.objects.public().count()
    for params in ({"q": "Closed Forever"}, {}):
        response = search(client, **params)
        assert hidden.name not in listed(response)
        assert hidden.name not in response.content.decode()
    assert response.context["page"].paginator.count == running
    assert f"{running} services found" in response.content.decode()
    assert "0 services found" in search(client, q="Closed Forever").content.decode()
    only_theirs = TaxonomyTerm.objects.create(
        name="Social clubs", description="Clubs.", taxonomy_id=directory.domestic_abuse.taxonomy_id
    )
    tag(hidden, only_theirs)
    assert "Social clubs" not in {name for _, name in category_choices()}
    by_category = search(client, category=str(only_theirs.pk))
    assert by_category.status_code == 422  # not a category offered
    assert hidden.name not in by_category.content.decode()
    assert client.get(reverse("directory:service", args=[hidden.pk])).status_code == 404
