"""The ORUK read API: every endpoint's answers validate against the standard's schemata."""

from datetime import time, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from jsonschema import Draft202012Validator, FormatChecker

from frontdoor.directory import schema
from frontdoor.directory.models import Service
from frontdoor.directory.testing import (
    REFUGE_LATITUDE,
    REFUGE_POSTCODE,
    REFUGE_STREET,
    place,
    weekly,
)

from .standard import assert_no_nulls, assert_page, assert_valid, standard_dir

pytestmark = pytest.mark.django_db


def get(client, name, pk=None, **params):
    url = reverse(f"directory:{name}", kwargs={"pk": str(pk)} if pk else {})
    response = client.get(url, params)
    assert response["Access-Control-Allow-Origin"] == "*", url
    assert response["Content-Type"] == "application/json", url
    return response


def names(body) -> list[str]:
    return [item.get("name") or item["service"]["name"] for item in body["contents"]]


# Every endpoint against the standard -------------------------------------------------------


def test_root_says_which_standard_and_where_the_openapi_is(client, directory):
    body = get(client, "oruk_root").json()
    root = schema.openapi_document(standard_dir() / "openapi.json")["paths"]["/"]
    answer = root["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert not list(Draft202012Validator(answer, format_checker=FormatChecker()).iter_errors(body))
    assert set(body) == set(answer["properties"])
    assert body["version"] == "3.0"
    assert body["profile"].startswith("https://")
    assert body["openapi_url"].endswith("/oruk/openapi.json")
    openapi = get(client, "oruk_openapi").json()
    assert {"/services", "/services/{id}", "/organizations", "/organizations/{id}"} <= set(
        openapi["paths"]
    )
    assert openapi["servers"][0]["url"].endswith("/oruk")


def test_services_list_is_a_page_of_valid_services(client, directory):
    body = get(client, "oruk_services").json()
    assert_page(body, "service")
    assert_no_nulls(body)
    assert body["total_items"] == 5
    assert body["contents"][0]["organization"]["name"] == "Quillfeather Community Trust"


def test_a_fully_nested_service_is_valid_with_our_extensions(client, directory):
    body = get(client, "oruk_service", directory.helpline.pk).json()
    assert_valid("service", body)
    assert_no_nulls(body)
    assert body["eligibility_description"].startswith("Anyone aged 16")
    assert body["application_process"].startswith("Phone the helpline")
    assert body["fees_description"] == "Free."
    assert body["contacts"][0]["phones"][0]["number"] == "01632 960123"
    assert body["contacts"][0]["email"] == "help@trust.example"
    assert body["languages"] == [
        {"id": str(directory.helpline.languages.get().id), "name": "English", "code": "en"}
    ]
    assert body["schedules"][0]["byday"] == "MO,TU,WE,TH,FR,SA,SU"
    assert body["schedules"][0]["opens_at"] == "00:00:00"
    assert body["attributes"][0]["taxonomy_term"]["name"] == "Domestic abuse support"
    assert body["minimum_age"] == 16 and "maximum_age" not in body
    assert body["assured_date"] == timezone.localdate().isoformat()
    assert body["last_modified"].endswith("Z")


def test_a_service_with_a_location_lists_its_address(client, directory):
    body = get(client, "oruk_service", directory.group.pk).json()
    assert_valid("service", body)
    [sal] = body["service_at_locations"]
    assert sal["location"]["addresses"][0]["address_1"] == "12 Weft Street"
    assert body["cost_options"][0]["amount"] == 2.5


def test_service_at_locations_list_and_detail_are_valid(client, directory):
    body = get(client, "oruk_service_at_locations").json()
    assert_page(body, "service_at_location")
    assert_no_nulls(body)
    for item in body["contents"]:
        assert_valid("service", item["service"])
    sal = directory.group.service_at_locations.get()
    detail = get(client, "oruk_service_at_location", sal.pk).json()
    assert_valid("service_at_location", detail)
    assert_valid("service", detail["service"])
    assert_no_nulls(detail)
    assert detail["location"]["addresses"][0]["postal_code"] == "PR1 2AB"


def test_organizations_list_and_detail_are_valid(client, directory):
    body = get(client, "oruk_organizations").json()
    assert_page(body, "organization")
    detail = get(client, "oruk_organization", directory.organization.pk).json()
    assert_valid("organization", detail)
    assert_no_nulls(detail)
    assert len(detail["services"]) == 5
    for service in detail["services"]:
        assert_valid("service", service)


def test_taxonomies_and_terms_are_valid(client, directory):
    body = get(client, "oruk_taxonomies").json()
    assert_page(body, "taxonomy")
    detail = get(client, "oruk_taxonomy", directory.taxonomy.pk).json()
    assert_valid("taxonomy", detail)
    assert {t["name"] for t in detail["taxonomy_terms"]} == {
        "Domestic abuse support",
        "Refuge accommodation",
        "Parenting",
    }
    terms = get(client, "oruk_taxonomy_terms").json()
    assert_page(terms, "taxonomy_term")
    child = get(client, "oruk_taxonomy_term", directory.refuges.pk).json()
    assert_valid("taxonomy_term", child)
    assert child["parent_id"] == str(directory.domestic_abuse.pk)
    only = get(client, "oruk_taxonomy_terms", parent_id=str(directory.domestic_abuse.pk)).json()
    assert names(only) == ["Refuge accommodation"]


# Query parameters ----------------------------------------------------------------------------


def test_pagination_wrapper(client, directory):
    first = get(client, "oruk_services", per_page=2).json()
    assert (first["total_items"], first["total_pages"], first["size"]) == (5, 3, 2)
    assert first["first_page"] and not first["last_page"] and not first["empty"]
    last = get(client, "oruk_services", per_page=2, page=3).json()
    assert last["last_page"] and last["size"] == 1 and last["page_number"] == 3
    beyond = get(client, "oruk_services", per_page=2, page=9).json()
    assert beyond["empty"] and beyond["contents"] == []
    assert_page(beyond, "service")


def test_search_and_taxonomy_filters(client, directory):
    assert names(get(client, "oruk_services", search="parents group").json()) == [
        "Evening Parenting Group"
    ]
    # A term finds services tagged with it or a term below it.
    found = get(client, "oruk_services", taxonomy_term_id=str(directory.domestic_abuse.pk))
    assert names(found.json()) == ["Harbourlight Domestic Abuse Helpline", "Quietwater Refuge"]
    found = get(client, "oruk_services", taxonomy_id=str(directory.taxonomy.pk))
    assert len(found.json()["contents"]) == 3
    found = get(client, "oruk_services", organization_id=str(directory.organization.pk))
    assert found.json()["total_items"] == 5


def test_age_filters_follow_the_standard(client, directory):
    directory.group.minimum_age, directory.group.maximum_age = 18, 65
    directory.group.save()
    at_least_16 = names(get(client, "oruk_services", minimum_age=16).json())
    assert at_least_16 == ["Evening Parenting Group", "Harbourlight Domestic Abuse Helpline"]
    assert names(get(client, "oruk_services", maximum_age=70).json()) == ["Evening Parenting Group"]


def test_day_and_time_filters(client, directory):
    weekly(directory.stale, "SA", time(10), time(12))
    wednesday = names(get(client, "oruk_services", day="WE").json())
    assert "Evening Parenting Group" in wednesday and "Closed Forever Club" not in wednesday
    evening = names(get(client, "oruk_services", day="wednesday", start_time="17:00").json())
    assert evening == ["Evening Parenting Group"]
    morning = names(get(client, "oruk_services", day="SA", end_time="12:00").json())
    assert morning == ["Dusty Lane Advice Shop"]


def test_modified_after(client, directory):
    Service.objects.update(last_modified=timezone.now() - timedelta(days=10))
    Service.objects.filter(pk=directory.group.pk).update(last_modified=timezone.now())
    since = (timezone.now() - timedelta(days=1)).isoformat()
    assert names(get(client, "oruk_services", modified_after=since).json()) == [
        "Evening Parenting Group"
    ]
    assert get(client, "oruk_services", modified_after="2000-01-01").json()["total_items"] == 5


@pytest.mark.parametrize(
    ("parameter", "value"),
    [
        ("page", "0"),
        ("page", "two"),
        ("per_page", "100000"),
        ("taxonomy_term_id", "not-a-uuid"),
        ("minimum_age", "old"),
        ("maximum_age", "NaN"),
        ("day", "Funday"),
        ("start_time", "25:00"),
        ("modified_after", "yesterday"),
        ("search", "x" * 201),
        # A NUL once reached PostgreSQL and gave a server error (found by hand, issue 10).
        ("search", "a\x00b"),
        ("taxonomy_term_id", "\x00"),
    ],
)
def test_bad_parameters_are_refused_with_a_reason(client, directory, parameter, value):
    response = get(client, "oruk_services", **{parameter: value})
    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert error["parameter"] == parameter and error["message"]


def test_every_bad_parameter_is_reported_at_once(client, directory):
    response = get(client, "oruk_service_at_locations", page="x", day="y", minimum_age="z")
    assert response.status_code == 422
    assert {e["parameter"] for e in response.json()["errors"]} == {"page", "day", "minimum_age"}


# Errors, openness, throttling -------------------------------------------------------------


def test_unknown_or_malformed_ids_get_json_404(client, directory):
    for name in ("oruk_service", "oruk_service_at_location", "oruk_organization"):
        for pk in ("5f0c3a37-6a0e-4c0d-9a4c-0d1f2e3a4b5c", "nonsense"):
            response = get(client, name, pk)
            assert response.status_code == 404
            assert response.json() == {"detail": "Not found"}


def test_only_get(client, directory):
    response = client.post(reverse("directory:oruk_services"))
    assert response.status_code == 405
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Allow"] == "GET, HEAD"


def test_no_key_and_no_sign_in_needed(client, directory):
    assert client.get(reverse("directory:oruk_services")).status_code == 200
    assert "sessionid" not in client.cookies


def test_rate_limit_per_client_address(client, directory, settings):
    settings.FRONTDOOR_ORUK_RATE_LIMIT = (3, 60)
    url = reverse("directory:oruk_taxonomies")
    moment = timezone.now().replace(second=5, microsecond=250_000)
    with time_machine.travel(moment, tick=False):
        statuses = [client.get(url).status_code for _ in range(4)]
        other = client.get(url, REMOTE_ADDR="192.0.2.44")
        refused = client.get(url)
    assert statuses == [200, 200, 200, 429]
    assert other.status_code == 200
    assert refused["Retry-After"] == "55"
    assert refused["Access-Control-Allow-Origin"] == "*"
    with time_machine.travel(moment + timedelta(minutes=1), tick=False):
        assert client.get(url).status_code == 200


# Confidential addresses (refuges) ----------------------------------------------------------


def test_a_refuge_address_never_appears_in_the_api(client, directory):
    refuge_sal = directory.refuge.service_at_locations.get()
    everything = [
        get(client, "oruk_services", per_page=200),
        get(client, "oruk_service", directory.refuge.pk),
        get(client, "oruk_service_at_locations", per_page=200),
        get(client, "oruk_service_at_location", refuge_sal.pk),
        get(client, "oruk_organization", directory.organization.pk),
    ]
    for response in everything:
        text = response.content.decode()
        for secret in (REFUGE_STREET, REFUGE_POSTCODE, str(REFUGE_LATITUDE), "Quietwater House"):
            assert secret not in text, response.request["PATH_INFO"]
        assert str(directory.refuge_location.pk) not in text
    assert everything[3].status_code == 404
    refuge = everything[1].json()
    assert refuge["service_at_locations"] == []
    # The contact route is there.
    assert refuge["contacts"][0]["phones"][0]["number"] == "01632 960456"


def test_a_public_service_at_a_refuges_location_does_not_reveal_it(client, directory):
    """Another service placed at the refuge's address must not show it either."""
    sal = directory.group.service_at_locations.create(location=directory.refuge_location)
    body = get(client, "oruk_service", directory.group.pk).json()
    assert REFUGE_STREET not in str(body)
    assert get(client, "oruk_service_at_location", sal.pk).status_code == 404
    listing = get(client, "oruk_service_at_locations", per_page=200).content.decode()
    assert REFUGE_STREET not in listing


def test_a_location_flagged_confidential_is_hidden_for_every_service(client, directory):
    location = place(directory.stale, name="Safe Flat", street="3 Hidden Row", postcode="PR1 8XX")
    location.confidential = True
    location.save()
    assert "3 Hidden Row" not in get(client, "oruk_service", directory.stale.pk).content.decode()
