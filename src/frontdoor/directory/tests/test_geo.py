"""Postcodes offline (issue 8, item 6): loading the ONS Postcode Directory, finding a postcode
or town with no network, radius searches, and "near me" on the public pages and the ORUK API."""

import math
import random
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from frontdoor.agencies.models import Area
from frontdoor.directory import geo
from frontdoor.directory.models import Location, Postcode, ServiceArea
from frontdoor.directory.testing import REFUGE_LATITUDE, place

pytestmark = pytest.mark.django_db

PRESTON = "E07000123"
CHORLEY = "E07000118"
LANCASHIRE = "E10000017"
GEOGRAPHY = "http://statistics.data.gov.uk/id/statistical-geography/"


def postcode(code: str, latitude: float, longitude: float, district: str) -> Postcode:
    return Postcode.objects.create(
        postcode=code,
        outward=code.split()[0],
        latitude=latitude,
        longitude=longitude,
        district_code=district,
    )


@pytest.fixture
def places(db):
    county = Area.objects.create(name="Lancashire", kind=Area.Kind.COUNTY, ons_code=LANCASHIRE)
    Area.objects.create(name="Preston", kind=Area.Kind.DISTRICT, ons_code=PRESTON, parent=county)
    Area.objects.create(name="Chorley", kind=Area.Kind.DISTRICT, ons_code=CHORLEY, parent=county)
    postcode("PR1 2HE", 53.7590, -2.7010, PRESTON)
    postcode("PR1 3PN", 53.7555, -2.6932, PRESTON)
    postcode("PR7 1DP", 53.6545, -2.6271, CHORLEY)


@pytest.fixture
def near_me(directory, places):
    """The parenting group meets 0.3 miles from PR1 2HE; a Chorley debt service is 7.2 miles
    away; the helpline covers Lancashire; the refuge (confidential) covers Preston."""
    from frontdoor.directory.models import Service

    directory.group_location.latitude = Decimal("53.7620")
    directory.group_location.longitude = Decimal("-2.6955")
    directory.group_location.save()
    chorley = Service.objects.create(
        name="Chorley Debt Advice",
        organization=directory.organization,
        owner_agency=directory.helpline.owner_agency,
        last_reviewed=directory.helpline.last_reviewed,
    )
    place(chorley, name="Chorley Library", street="1 Union Street", postcode="PR7 1DP",
          latitude=Decimal("53.6545"))  # fmt: skip
    ServiceArea.objects.filter(service=directory.helpline).update(uri=GEOGRAPHY + LANCASHIRE)
    ServiceArea.objects.create(service=directory.refuge, name="Preston", uri=GEOGRAPHY + PRESTON)
    ServiceArea.objects.create(service=chorley, name="Chorley", uri=GEOGRAPHY + CHORLEY)
    directory.chorley = chorley
    return directory


# Postcodes --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("pr12he", "PR1 2HE"), (" PR1  2HE ", "PR1 2HE"), ("pr1", "PR1"), ("SW1A1AA", "SW1A 1AA")],
)
def test_postcodes_are_normalised(text, expected):
    assert geo.normalise_postcode(text) == expected


@pytest.mark.parametrize("text", ["PR1 2H", "12345", "PR1 2HEE", "P R", "PRR1 2HE"])
def test_a_malformed_postcode_is_refused_saying_what_a_postcode_looks_like(text):
    with pytest.raises(geo.PlaceNotFound, match="is not a postcode: enter a full postcode like"):
        geo.normalise_postcode(text)


def test_a_full_postcode_an_outward_code_and_a_town_are_found_offline(places):
    full = geo.find_place("pr1 2he")
    assert (full.name, full.latitude, full.longitude) == ("PR1 2HE", 53.759, -2.701)
    assert full.area_codes == {PRESTON, LANCASHIRE}
    outward = geo.find_place("PR1")
    assert outward.latitude == pytest.approx((53.759 + 53.7555) / 2)
    assert outward.longitude == pytest.approx((-2.701 - 2.6932) / 2)
    town = geo.find_place("chorley")
    assert (town.name, town.latitude, town.area_codes) == (
        "Chorley",
        53.6545,
        {CHORLEY, LANCASHIRE},
    )


def test_an_unknown_postcode_or_town_says_so(places):
    with pytest.raises(geo.PlaceNotFound, match="We cannot find the postcode PR1 9ZZ"):
        geo.find_place("PR1 9ZZ")
    with pytest.raises(geo.PlaceNotFound, match="We cannot find the postcode area ZZ9"):
        geo.find_place("zz9")
    with pytest.raises(geo.PlaceNotFound, match="We cannot find a town called Atlantis"):
        geo.find_place("Atlantis")


ONSPD_HEADER = "pcd,pcds,doterm,oseast1m,osnrth1m,oslaua,lat,long\n"


def test_load_postcodes_from_an_onspd_csv_replaces_what_was_there(tmp_path, places):
    csv = tmp_path / "ONSPD_FEB_2027_UK.csv"
    csv.write_text(
        ONSPD_HEADER
        + "PR1 2HE,PR1 2HE,,353463,429675,E07000123,53.759003,-2.700985\n"
        + "PR7 1DP,PR7 1DP,,358244,417680,E07000118,,\n"  # grid reference only
        + "BT1 1AA,BT1 1AA,,,,N09000003,99.999999,0.000000\n"  # no location in ONSPD
        # Ordnance Survey's worked example, Caister water tower: a grid reference only.
        + "NR30 5ZZ,NR30 5ZZ,,651409.903,313177.270,E07000145,,\n"
    )
    call_command("load_postcodes", "--csv", str(csv), "--district", PRESTON, "--district", CHORLEY)
    assert set(Postcode.objects.values_list("postcode", flat=True)) == {"PR1 2HE", "PR7 1DP"}
    chorley = Postcode.objects.get(postcode="PR7 1DP")
    assert (chorley.outward, chorley.district_code, chorley.easting) == ("PR7", CHORLEY, 358244)

    call_command("load_postcodes", "--csv", str(csv), "--all")
    assert Postcode.objects.count() == 3  # BT1 1AA has no location: left out
    tower = Postcode.objects.get(postcode="NR30 5ZZ")
    # OS's guide gives ETRS89 (GPS) 52°39'28.72"N 1°42'57.79"E: within a few metres. (Its
    # OSGB36 latitude and longitude, 52°39'27.25"N 1°43'4.52"E, are 130 m away: the datum shift.)
    assert geo.haversine_m(tower.latitude, tower.longitude, 52.657978, 1.716053) < 5


def test_a_bad_csv_changes_nothing_and_says_why(tmp_path, places):
    before = set(Postcode.objects.values_list("postcode", "latitude"))
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("postcode,x,y\nPR1 2HE,1,2\n")
    with pytest.raises(
        CommandError, match="not an ONS Postcode Directory CSV.*Nothing was changed"
    ):
        call_command("load_postcodes", "--csv", str(wrong), "--all")
    broken = tmp_path / "broken.csv"
    broken.write_text(
        ONSPD_HEADER
        + "PR1 2HE,PR1 2HE,,353463,429675,E07000123,53.759003,-2.700985\n"
        + "PR1 3PN,PR1 3PN,,353974,north,E07000123,,\n"
    )
    with pytest.raises(CommandError, match="broken.csv, line 3: .*Nothing was changed"):
        call_command("load_postcodes", "--csv", str(broken), "--all")
    with pytest.raises(CommandError, match="does not exist"):
        call_command("load_postcodes", "--csv", str(tmp_path / "missing.csv"), "--all")
    with pytest.raises(CommandError, match="Not a district code: PRESTON"):
        call_command("load_postcodes", "--district", "preston")
    assert set(Postcode.objects.values_list("postcode", "latitude")) == before


def test_load_postcodes_from_the_package_for_the_partnerships_districts(places):
    call_command("load_postcodes")  # Preston and Chorley: the areas' district codes
    districts = set(Postcode.objects.values_list("district_code", flat=True))
    assert districts == {PRESTON, CHORLEY}
    assert Postcode.objects.count() > 5000
    centre = Postcode.objects.get(postcode="PR1 2HE")
    # In the centre of Preston (the Flag Market is at about 53.7590, -2.6995).
    assert geo.haversine_m(centre.latitude, centre.longitude, 53.7590, -2.6995) < 1000


# Radius searches ---------------------------------------------------------------------------


def test_a_radius_search_finds_exactly_the_locations_within_the_radius(db):
    rng = random.Random(8)
    centre = geo.Place("PR1 2HE", 53.759, -2.701)
    points = []
    for _ in range(300):
        latitude = round(centre.latitude + rng.uniform(-0.15, 0.15), 6)
        longitude = round(centre.longitude + rng.uniform(-0.25, 0.25), 6)
        points.append(
            Location(
                location_type="physical",
                latitude=Decimal(str(latitude)),
                longitude=Decimal(str(longitude)),
            )  # fmt: skip
        )
    Location.objects.bulk_create(points)
    Location.objects.create(location_type="virtual")  # no coordinates: never near anything
    radius = 8000
    expected = {
        p.id: geo.haversine_m(
            centre.latitude, centre.longitude, float(p.latitude), float(p.longitude)
        )
        for p in points
    }
    expected = {pk: d for pk, d in expected.items() if d <= radius}
    found = geo.within(Location.objects.all(), centre, radius)
    assert 20 < len(expected) < 280  # some in, some out: the test can tell
    assert found.keys() == expected.keys()
    for pk, distance in found.items():
        assert distance == pytest.approx(expected[pk])


def test_distances_are_great_circle_metres():
    # Preston to Lancaster railway stations: about 33 km as the crow flies.
    assert geo.haversine_m(53.7557, -2.7076, 54.0487, -2.8072) == pytest.approx(33_100, rel=0.01)
    south, north, west, east = geo.bounding_box(53.759, -2.701, 1000)
    assert geo.haversine_m(53.759, -2.701, north, -2.701) == pytest.approx(1000, rel=1e-6)
    assert geo.haversine_m(53.759, -2.701, 53.759, east) >= 1000
    assert geo.miles_text(3700) == "2.3 miles away"
    assert geo.miles_text(50) == "Less than 0.1 miles away"


# The public pages --------------------------------------------------------------------------


def search(client, **params):
    return client.get(reverse("directory:search"), params)


def test_searching_from_a_postcode_lists_the_nearest_first_with_distances(client, near_me):
    response = search(client, where="pr1 2he", distance="10")
    assert response.status_code == 200
    found = list(response.context["page"])
    names = [f.service.name for f in found]
    # Near first, then services covering the area with no place nearby (by name).
    assert names == [
        "Evening Parenting Group",
        "Chorley Debt Advice",
        "Harbourlight Domestic Abuse Helpline",
        "Quietwater Refuge",
    ]
    assert [f.distance_text for f in found[:2]] == ["0.3 miles away", "7.2 miles away"]
    page = response.content.decode()
    assert "0.3 miles away" in page and "Covers this area" in page
    assert "Nearest first, from PR1 2HE" in page
    assert "Office for National Statistics" in page and "Open Government Licence" in page
    assert 'id="directory-map"' in page and "leaflet.js" in page


def test_a_smaller_radius_leaves_out_far_services_that_do_not_cover_the_area(client, near_me):
    names = [f.service.name for f in search(client, where="PR1 2HE", distance="1").context["page"]]
    assert "Chorley Debt Advice" not in names
    assert "Evening Parenting Group" in names


def test_a_refuge_is_never_placed_or_measured_from_a_postcode(client, near_me):
    # The refuge's (confidential) location is a few hundred metres from PR1 2HE.
    response = search(client, where="PR1 2HE", distance="1")
    refuge = next(f for f in response.context["page"] if f.service == near_me.refuge)
    assert refuge.distance_m is None and refuge.points == [] and refuge.covers_area
    page = response.content.decode()
    assert str(REFUGE_LATITUDE)[:6] not in page
    assert "Quietwater House" not in page
    assert str(REFUGE_LATITUDE)[:6] not in response.context["map"]


def test_the_distance_is_five_miles_unless_chosen(client, near_me):
    assert '<option value="5" selected>5 miles</option>' in search(client).content.decode()
    names = [f.service.name for f in search(client, where="PR1 2HE").context["page"]]
    assert "Chorley Debt Advice" not in names  # 7.2 miles away
    assert "Evening Parenting Group" in names


def test_searching_from_a_town_works_too(client, near_me):
    names = [f.service.name for f in search(client, where="Chorley").context["page"]]
    assert names[0] == "Chorley Debt Advice"


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("PR1 2H", "PR1 2H is not a postcode: enter a full postcode like PR1 2HE"),
        ("PR1 9ZZ", "We cannot find the postcode PR1 9ZZ"),
        ("Atlantis", "We cannot find a town called Atlantis in this area"),
    ],
)
def test_a_bad_postcode_or_town_gets_a_clear_message(client, near_me, where, message):
    response = search(client, where=where)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert response.context["page"] is None


def test_the_map_has_no_tiles_when_none_are_configured(client, near_me, settings):
    settings.FRONTDOOR_MAP_TILES = ""
    response = search(client, where="PR1 2HE")
    assert '"tiles": ""' in response.context["map"]
    assert "<script>" not in response.content.decode()  # data in an attribute, never inline


# The ORUK API ------------------------------------------------------------------------------


def sal_names(client, **params):
    response = client.get(reverse("directory:oruk_service_at_locations"), params)
    assert response.status_code == 200, response.json()
    return [item["service"]["name"] for item in response.json()["contents"]]


def test_postcode_and_proximity_on_service_at_locations(client, near_me):
    # Within 1 km: the parenting group; the helpline has no location, so no service at location.
    assert sal_names(client, postcode="PR1 2HE", proximity="1000") == ["Evening Parenting Group"]
    # 15 km reaches Chorley, nearest first.
    assert sal_names(client, postcode="PR12HE", proximity="15000") == [
        "Evening Parenting Group",
        "Chorley Debt Advice",
    ]
    # Chorley's service covers its district: it counts at any proximity from a Chorley postcode.
    assert sal_names(client, postcode="PR7 1DP", proximity="10") == ["Chorley Debt Advice"]
    # Postcode alone: services whose area covers it, and those with no area we can read.
    assert sal_names(client, postcode="PR1 2HE") == ["Evening Parenting Group"]
    assert sal_names(client, postcode="PR7") == ["Chorley Debt Advice", "Evening Parenting Group"]


@pytest.mark.parametrize(
    ("params", "parameter", "message"),
    [
        ({"postcode": "PR1 2H"}, "postcode", "must be a UK postcode"),
        ({"postcode": "PR1 9ZZ"}, "postcode", "is not a postcode this directory knows"),
        ({"postcode": "PR1 2HE", "proximity": "far"}, "proximity", "distance in metres"),
        ({"proximity": "1000"}, "proximity", "needs a postcode"),
    ],
)
def test_bad_postcode_or_proximity_is_a_422(client, near_me, params, parameter, message):
    response = client.get(reverse("directory:oruk_service_at_locations"), params)
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert any(e["parameter"] == parameter and message in e["message"] for e in errors), errors


def test_the_openapi_document_offers_postcode_and_proximity(client, directory):
    document = client.get(reverse("directory:oruk_openapi")).json()
    refs = [p.get("$ref") for p in document["paths"]["/service_at_locations"]["get"]["parameters"]]
    assert "#/components/parameters/postcode" in refs
    assert "#/components/parameters/proximity" in refs
    services = [p.get("$ref") for p in document["paths"]["/services"]["get"]["parameters"]]
    assert "#/components/parameters/postcode" not in services
    assert "Not yet supported" not in document["info"]["description"]
    assert "Open Government Licence" in document["info"]["description"]


def test_math_sanity_of_the_bounding_box_near_the_poles():
    assert geo.bounding_box(89.95, 0, 50_000)[2:] == (-180.0, 180.0)
    assert not math.isnan(geo.bounding_box(0, 0, 1)[3])


def test_nothing_near_suggests_a_greater_distance(client, near_me):
    response = search(client, where="PR1 2HE", q="origami")
    assert response.context["page"].paginator.count == 0
    assert "or a greater distance." in response.content.decode()
