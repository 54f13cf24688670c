"""The demo partnership: repeatable from its seed, complete, scalable and safe to re-run."""

from base64 import b32encode
from io import StringIO

import pytest
from django.conf import global_settings
from django.contrib.auth.hashers import check_password
from django.core.management import call_command
from django.core.management.base import CommandError
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from frontdoor.agencies.models import Agency, Area, Practitioner, Team, Timescale
from frontdoor.agencies.roles import Role
from frontdoor.audit.models import AuditEvent
from frontdoor.demo import data
from frontdoor.demo.generator import (
    DEMO_PASSWORD,
    DEMO_TOTP_KEY_HEX,
    DemoAlreadyLoaded,
    build_partnership,
)

pytestmark = pytest.mark.django_db

HEADLINE_USERNAMES = {person.username for person in data.HEADLINE_PEOPLE}


@pytest.fixture(autouse=True)
def fast_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def empty_the_database():
    """Remove what the generator made, so that a test can build a second partnership."""
    TOTPDevice.objects.all().delete()
    Practitioner.objects.all().delete()
    Team.objects.all().delete()
    Timescale.objects.all().delete()
    Agency.objects.all().delete()
    for kind in (Area.Kind.CLUSTER, Area.Kind.DISTRICT, Area.Kind.COUNTY):
        Area.objects.filter(kind=kind).delete()


def snapshot():
    return (
        list(Agency.objects.order_by("pk").values_list("name", "contact_phone")),
        list(
            Practitioner.objects.order_by("pk").values_list(
                "username", "first_name", "last_name", "job_title", "agency__name", "team__name"
            )
        ),
    )


def generated(rows):
    return [row for row in rows if row[0] not in HEADLINE_USERNAMES]


def test_the_same_seed_gives_the_same_partnership():
    build_partnership(seed=7, extra_agencies=5)
    first = snapshot()
    empty_the_database()
    build_partnership(seed=7, extra_agencies=5)
    assert snapshot() == first


def test_another_seed_changes_the_generated_names_but_not_the_headline_logins():
    first = build_partnership(seed=1, extra_agencies=5)
    agencies, people = snapshot()
    empty_the_database()
    second = build_partnership(seed=2, extra_agencies=5)
    other_agencies, other_people = snapshot()
    assert second.logins == first.logins
    assert [a for a, _ in other_agencies[-5:]] != [a for a, _ in agencies[-5:]]
    assert generated(other_people) != generated(people)


def test_every_sector_and_every_role_is_present():
    partnership = build_partnership()
    sectors = set(Agency.objects.values_list("sector", flat=True))
    assert sectors == set(Agency.Sector.values)
    roles = set(Practitioner.objects.values_list("role", flat=True))
    assert roles == set(Role.values)
    admin = Practitioner.objects.get(role=Role.ADMINISTRATOR)
    assert admin.username == "admin"
    assert admin.agency.sector == Agency.Sector.CHILDRENS_SOCIAL_CARE
    police = Agency.objects.get(sector=Agency.Sector.POLICE)
    assert set(police.practitioners.values_list("role", flat=True)) == set(Role.values) - {
        Role.ADMINISTRATOR
    }
    assert partnership.name == data.PARTNERSHIP_NAME


def test_only_agencies_in_the_hub_have_hub_practitioners():
    """Hub roles see every sent contact, so only the co-located (MASH) agencies have them."""
    from frontdoor.demo.generator import MASH_SECTORS

    build_partnership(practitioners_per_agency=0, extra_agencies=3)
    for agency in Agency.objects.prefetch_related("practitioners"):
        roles = [p.role for p in agency.practitioners.all()]
        assert Role.FRONTLINE in roles, agency.name
        assert len(roles) >= 2, agency.name
        if agency.sector in MASH_SECTORS:
            assert Role.HUB_PRACTITIONER in roles, agency.name
        else:
            assert Role.HUB_PRACTITIONER not in roles, agency.name
            assert Role.HUB_MANAGER not in roles, agency.name


def test_every_profile_is_filled_in_with_timescales_teams_and_areas():
    build_partnership(extra_agencies=10)
    for agency in Agency.objects.prefetch_related("timescales", "teams", "areas"):
        for field in (
            "remit",
            "does_not_do",
            "powers",
            "thresholds",
            "working_hours",
            "out_of_hours_contact",
        ):
            text = getattr(agency, field)
            assert text.strip(), f"{agency.name} has no {field}"
            assert "{" not in text, f"{agency.name} {field} has an unfilled placeholder"
        assert len(agency.timescales.all()) >= 2, agency.name
        assert 1 <= len(agency.teams.all()) <= 3, agency.name
        assert agency.areas.all(), agency.name
        assert agency.contact_email.endswith(".example")
        assert agency.contact_phone.startswith("01632 960")
    police = Agency.objects.get(sector=Agency.Sector.POLICE)
    assert "s.46" in police.powers and "s.17" in police.powers
    children = Agency.objects.get(sector=Agency.Sector.CHILDRENS_SOCIAL_CARE)
    assert "s.47" in children.powers and "emergency protection order" in children.powers
    assessment = children.timescales.get(activity="Child and family assessment")
    assert (assessment.amount, assessment.unit) == (45, Timescale.Unit.WORKING_DAYS)


def test_the_geography_is_lancashire_with_its_real_district_codes():
    build_partnership()
    county = Area.objects.get(kind=Area.Kind.COUNTY)
    assert (county.name, county.ons_code) == ("Lancashire", "E10000017")
    districts = Area.objects.filter(kind=Area.Kind.DISTRICT).order_by("ons_code")
    assert [(d.name, d.ons_code) for d in districts] == [
        ("Burnley", "E07000117"),
        ("Chorley", "E07000118"),
        ("Fylde", "E07000119"),
        ("Hyndburn", "E07000120"),
        ("Lancaster", "E07000121"),
        ("Pendle", "E07000122"),
        ("Preston", "E07000123"),
        ("Ribble Valley", "E07000124"),
        ("Rossendale", "E07000125"),
        ("South Ribble", "E07000126"),
        ("West Lancashire", "E07000127"),
        ("Wyre", "E07000128"),
    ]
    for district in districts:
        assert district.parent == county
        assert district.postcode_districts
        assert 2 <= district.children.count() <= 3
    assert set(Area.objects.get(name="Preston").postcode_districts.split()) == {
        "PR1",
        "PR2",
        "PR3",
        "PR4",
    }


def test_scale_gives_the_expected_counts():
    partnership = build_partnership(practitioners_per_agency=5, extra_agencies=20)
    agencies = len(data.AGENCIES) + 20
    # Police and children's social care hold the 13 all-role logins; every other agency has a
    # frontline and a hub practitioner; then 5 more frontline practitioners everywhere.
    expected = 13 + 2 * (agencies - 2) + 5 * agencies
    assert Agency.objects.count() == len(partnership.agencies) == agencies
    assert Practitioner.objects.count() == len(partnership.practitioners) == expected
    assert Practitioner.objects.values("username").distinct().count() == expected
    assert TOTPDevice.objects.count() == expected


def test_the_demo_password_opens_every_account(settings):
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS  # the real, slow hasher
    build_partnership()
    assert Practitioner.objects.values("password").distinct().count() == 1
    assert check_password(DEMO_PASSWORD, Practitioner.objects.get(username="police.hub").password)
    assert not check_password("wrong-password", Practitioner.objects.first().password)


def test_every_practitioner_has_the_shared_confirmed_authenticator():
    build_partnership()
    devices = TOTPDevice.objects.all()
    assert devices.count() == Practitioner.objects.count()
    assert all(d.confirmed and d.key == DEMO_TOTP_KEY_HEX for d in devices)
    # The key printed for authenticator apps produces codes the device accepts.
    device = TOTPDevice.objects.get(user__username="csc.manager")
    assert b32encode(device.bin_key) == b32encode(bytes.fromhex(DEMO_TOTP_KEY_HEX))
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    assert device.verify_token(f"{totp.token():06d}")


def test_without_second_factor_there_are_no_devices():
    build_partnership(with_second_factor=False)
    assert Practitioner.objects.exists()
    assert not TOTPDevice.objects.exists()


def test_the_generator_writes_no_audit_events_and_refuses_a_loaded_database():
    build_partnership()
    assert not AuditEvent.objects.exists()
    with pytest.raises(DemoAlreadyLoaded):
        build_partnership()


def run_demo_load(*args):
    out = StringIO()
    call_command("demo_load", *args, stdout=out)
    return out.getvalue()


def test_the_demo_prints_the_address_it_is_served_on(monkeypatch):
    from frontdoor.demo.management.commands.demo_load import demo_url

    monkeypatch.delenv("HOST", raising=False)
    monkeypatch.delenv("PORT", raising=False)
    assert demo_url() == "http://127.0.0.1:8000/"
    monkeypatch.setenv("PORT", "8777")
    assert demo_url() == "http://127.0.0.1:8777/"


def test_demo_load_prints_the_logins_and_does_not_duplicate_on_a_second_run(settings, monkeypatch):
    settings.DEMO_MODE = True
    monkeypatch.delenv("HOST", raising=False)
    monkeypatch.delenv("PORT", raising=False)
    output = run_demo_load()
    key = b32encode(bytes.fromhex(DEMO_TOTP_KEY_HEX)).decode()
    for expected in (
        "http://127.0.0.1:8000/",
        DEMO_PASSWORD,
        "police.hub",
        "csc.manager",
        "admin",
        "school.frontline",
        "Designated Safeguarding Lead",
        key,
        data.PARTNERSHIP_NAME,
    ):
        assert expected in output
    counts = (Agency.objects.count(), Practitioner.objects.count())

    again = run_demo_load()
    assert "already loaded" in again
    assert "police.hub" in again and key in again
    assert (Agency.objects.count(), Practitioner.objects.count()) == counts


@pytest.mark.django_db(transaction=True)  # a flush cannot run inside a test's transaction
def test_demo_load_reset_loads_the_partnership_afresh(settings):
    settings.DEMO_MODE = True
    run_demo_load("--extra-agencies", "2")
    output = run_demo_load("--reset", "--practitioners-per-agency", "0")
    assert "Emptied the database" in output
    assert Agency.objects.count() == len(data.AGENCIES)
    assert Practitioner.objects.filter(username="admin").count() == 1


def test_demo_load_refuses_outside_demo_mode(settings):
    settings.DEMO_MODE = False
    with pytest.raises(CommandError, match="demo mode"):
        run_demo_load()
    assert not Agency.objects.exists()
