"""Importing ORUK feeds: checked first, all or nothing, idempotent by id, pulled incrementally."""

import copy
import json
from datetime import UTC, timedelta
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontdoor.audit.models import AuditEvent
from frontdoor.directory import importer
from frontdoor.directory.models import (
    Attribute,
    FeedSync,
    Location,
    Organization,
    Schedule,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)
from frontdoor.directory.oruk import export_services
from frontdoor.directory.services import ImportRefused, oruk_import, oruk_pull
from frontdoor.directory.testing import REFUGE_STREET
from frontdoor.directory.validation import DocumentError

from .standard import assert_valid, standard_dir

pytestmark = pytest.mark.django_db

EXAMPLE_ID = "ac148810-d857-441c-9679-408f346de14b"


@pytest.fixture
def example():
    """The standard's own example service, with a real place (its example sits at 100°N)."""
    record = json.loads((standard_dir() / "examples" / "service_full.json").read_text())
    location = record["service_at_locations"][0]["location"]
    location["latitude"], location["longitude"] = 53.7632, -2.7031
    return record


def snapshot() -> dict:
    """How many rows each directory table holds, to prove that nothing changed."""
    from django.apps import apps

    return {m.__name__: m.objects.count() for m in apps.get_app_config("directory").get_models()}


def test_the_standards_example_imports_and_exports_valid(owner, example):
    result = oruk_import(document=[example], owner_agency=owner)
    assert (result.created, result.updated) == (1, 0)
    service = Service.objects.get(id=EXAMPLE_ID)
    assert service.owner_agency == owner
    assert service.fees_description == "fees_description"  # from the deprecated ``fees``
    assert service.organization.name == "Example Organization Inc."
    assert service.schedules.get().byday == "TH,FR"
    assert service.service_at_locations.get().location.addresses.get().city == "MyCity"
    assert Attribute.objects.get(link_id=service.id).taxonomy_term.name == "name"
    [exported] = export_services()
    assert_valid("service", exported)
    assert exported["last_modified"] == "2023-03-15T10:30:45.123Z"


def test_importing_the_same_feed_again_changes_nothing(owner, example):
    oruk_import(document=[example], owner_agency=owner)
    first = export_services()
    counts = snapshot()
    result = oruk_import(document={"contents": [example]}, owner_agency=owner)
    assert (result.created, result.updated) == (0, 1)
    assert export_services() == first
    assert snapshot() == counts


def test_a_changed_record_replaces_the_lists_it_gives(owner, example):
    oruk_import(document=[example], owner_agency=owner)
    changed = copy.deepcopy(example)
    changed["name"] = "Community Counselling (renamed)"
    changed["schedules"] = []
    del changed["contacts"]  # left out: left alone
    oruk_import(document=[changed], owner_agency=owner)
    service = Service.objects.get(id=EXAMPLE_ID)
    assert service.name == "Community Counselling (renamed)"
    assert not service.schedules.exists()
    assert service.contacts.count() == 1


def test_our_own_export_round_trips_and_keeps_the_refuge(directory, owner):
    before = export_services()
    for record in before:
        assert_valid("service", record)
    result = oruk_import(document=before, owner_agency=owner)
    assert result.updated == 5 and result.created == 0
    assert export_services() == before
    # The refuge's location was never in the feed, and is still there, still hidden.
    sal = ServiceAtLocation.objects.get(service=directory.refuge)
    assert sal.location.confidential
    assert sal.location.addresses.get().address_1 == REFUGE_STREET


def test_a_malformed_feed_is_refused_with_a_report_and_changes_nothing(directory, owner, example):
    good = example
    bad = copy.deepcopy(example)
    bad["id"] = "6d2b5e61-0c5f-4a8e-9a55-2b7f5ad0c0a1"
    bad["status"] = "open"
    del bad["name"]
    bad["schedules"][0]["opens_at"] = "25:00"
    bad["schedules"][0]["freq"] = "DAILY"
    bad["eligibility_description"] = 42
    worse = copy.deepcopy(example)  # the same id as the first record, and a bad date
    worse["assured_date"] = "31/02/2024"
    worse["schedules"][0]["byday"] = "MONDAY"
    before = snapshot()
    with pytest.raises(ImportRefused) as refused:
        oruk_import(document=[good, bad, worse], owner_agency=owner)
    assert snapshot() == before
    assert not Service.objects.filter(id=EXAMPLE_ID).exists()
    found = {(p.index, p.path) for p in refused.value.problems}
    assert (1, "") in found  # 'name' is a required property
    assert (1, "/status") in found
    assert (1, "/schedules/0/freq") in found
    assert (1, "/eligibility_description") in found
    assert (2, "/assured_date") in found
    assert (2, "/schedules/0/byday") in found
    assert (2, "/id") in found  # used again
    assert (2, "/schedules/0/id") in found
    assert 0 not in {p.index for p in refused.value.problems}
    report = [str(p) for p in refused.value.problems]
    assert any(
        line.startswith(f"record 2 ({bad['id']}): /status: 'open' is not one of") for line in report
    )


def test_the_published_example_is_refused_for_its_impossible_latitude(owner):
    record = json.loads((standard_dir() / "examples" / "service_full.json").read_text())
    with pytest.raises(ImportRefused) as refused:
        oruk_import(document=record, owner_agency=owner)
    [problem] = refused.value.problems
    assert problem.path == "/service_at_locations/0/location/latitude"
    assert problem.reason == "must be from -90 to 90"


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda r: r.update(id="not-a-uuid"), "/id"),
        (lambda r: r.update(minimum_age=30, maximum_age=12), "/minimum_age"),
        (lambda r: r.update(organization_id="5f0c3a37-6a0e-4c0d-9a4c-0d1f2e3a4b5c"), "/organization_id"),
        (lambda r: r["schedules"][0].update(interval=1.5), "/schedules/0/interval"),
        (lambda r: r["schedules"][0].update(bymonthday="40"), "/schedules/0/bymonthday"),
        (lambda r: r["schedules"][0].update(service_at_location_id="5f0c3a37-6a0e-4c0d-9a4c-0d1f2e3a4b5c"), "/schedules/0/service_at_location_id"),
        (lambda r: r["contacts"][0].update(phones=[{"id": "x"}]), "/contacts/0/phones/0"),
        (lambda r: r["attributes"][0].pop("taxonomy_term"), "/attributes/0"),
        (lambda r: r["cost_options"][0].update(amount=-5), "/cost_options/0/amount"),
        (lambda r: r.update(last_modified="last Tuesday"), "/last_modified"),
        (lambda r: r["languages"][0].update(code="x" * 30), "/languages/0/code"),
        (lambda r: r["service_at_locations"][0].pop("location"), "/service_at_locations/0"),
    ],
)  # fmt: skip
def test_each_kind_of_problem_is_named_by_its_path(owner, example, change, path):
    change(example)
    with pytest.raises(ImportRefused) as refused:
        oruk_import(document=[example], owner_agency=owner)
    assert path in {p.path for p in refused.value.problems}, refused.value.problems


def test_a_failure_while_writing_leaves_nothing_half_written(owner, example):
    second = copy.deepcopy(example)
    second["id"] = "6d2b5e61-0c5f-4a8e-9a55-2b7f5ad0c0a1"
    for key in ("schedules", "service_areas", "languages", "funding", "cost_options", "contacts",
                "service_at_locations", "attributes"):  # fmt: skip
        second.pop(key)
    real = importer.import_service
    calls = []

    def fail_on_second(record, **kwargs):
        calls.append(record["id"])
        if len(calls) == 2:
            raise RuntimeError("the disk is full")
        return real(record, **kwargs)

    with mock.patch.object(importer, "import_service", fail_on_second):
        with pytest.raises(RuntimeError):
            oruk_import(document=[example, second], owner_agency=owner)
    assert not Service.objects.exists()
    assert not Organization.objects.exists()
    assert not TaxonomyTerm.objects.exists()


def test_an_import_is_audited(owner, example, administrator):
    oruk_import(document=[example], owner_agency=owner, by=administrator, source="feed.json")
    event = AuditEvent.objects.get(object_type="directory.feed")
    assert event.actor == administrator
    assert event.details == {"source": "feed.json", "created": 1, "updated": 0}


@pytest.mark.parametrize("document", [{"services": []}, "a string", 42, None])
def test_a_document_that_is_not_a_feed(owner, document):
    with pytest.raises(DocumentError):
        oruk_import(document=document, owner_agency=owner)


def test_an_owner_is_required(example):
    with pytest.raises(ValueError, match="owner"):
        oruk_import(document=[example])


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)
KEYS = st.sampled_from(
    ["id", "name", "status", "schedules", "contacts", "service_at_locations", "attributes",
     "minimum_age", "organization", "languages", "cost_options", "last_modified"]
)  # fmt: skip


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(records=st.lists(st.dictionaries(KEYS, JSON, max_size=6) | JSON, max_size=3))
def test_no_feed_however_odd_causes_anything_but_a_clear_refusal(owner, records):
    try:
        oruk_import(document=records, owner_agency=owner)
    except (ImportRefused, DocumentError):
        pass


# The commands -----------------------------------------------------------------------------


def test_the_import_command(owner, example, tmp_path):
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps([example]))
    out = _call("oruk_import", str(feed), "--owner-agency", owner.name)
    assert "Imported 1 services from feed.json: 1 new, 0 updated." in out
    example["status"] = "shut"
    feed.write_text(json.dumps([example]))
    with pytest.raises(CommandError) as error:
        _call("oruk_import", str(feed), "--owner-agency", str(owner.pk))
    assert "Nothing was imported: 1 problem(s)" in str(error.value)
    assert f"record 1 ({EXAMPLE_ID}): /status: 'shut' is not one of" in str(error.value)
    feed.write_text('[{"id": NaN}]')
    with pytest.raises(CommandError, match="is not JSON"):
        _call("oruk_import", str(feed), "--owner-agency", owner.name)
    with pytest.raises(CommandError, match="No agency"):
        _call("oruk_import", str(feed), "--owner-agency", "Nobody")


def test_the_export_command_writes_a_feed_the_import_reads(directory, owner, tmp_path):
    target = tmp_path / "export.json"
    _call("oruk_export", "--output", str(target))
    records = json.loads(target.read_text())
    assert len(records) == 5
    assert REFUGE_STREET not in target.read_text()
    out = _call("oruk_import", str(target), "--owner-agency", owner.name)
    assert "0 new, 5 updated" in out


def _call(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


# Pulling from another API (a fake one: no network in tests) ----------------------------


class FakeApi:
    """Serves a feed of services as an ORUK API would, recording what was asked."""

    base = "https://directory.example/oruk"

    def __init__(self, records, per_page_limit=1):
        self.records = records
        self.per_page_limit = per_page_limit
        self.asked: list[str] = []

    def __call__(self, url: str):
        from urllib.parse import parse_qs, urlsplit

        self.asked.append(url)
        parts = urlsplit(url)
        assert url.startswith(self.base)
        path = parts.path.removeprefix("/oruk")
        if path == "/services":
            query = parse_qs(parts.query)
            page = int(query["page"][0])
            size = self.per_page_limit
            chosen = self.records[(page - 1) * size : page * size]
            total_pages = -(-len(self.records) // size)
            return {
                "total_items": len(self.records),
                "total_pages": total_pages,
                "page_number": page,
                "size": len(chosen),
                "first_page": page == 1,
                "last_page": page >= total_pages,
                "empty": not chosen,
                "contents": [{"id": r["id"], "name": r["name"]} for r in chosen],
            }
        service_id = path.removeprefix("/services/")
        return next(r for r in self.records if r["id"] == service_id)


def test_pulling_pages_then_each_service_and_then_only_what_changed(owner, example):
    second = copy.deepcopy(example)
    second["id"] = "6d2b5e61-0c5f-4a8e-9a55-2b7f5ad0c0a1"
    for key in ("schedules", "service_areas", "languages", "funding", "cost_options", "contacts",
                "service_at_locations", "attributes"):  # fmt: skip
        second.pop(key)
    api = FakeApi([example, second])
    result = oruk_pull(url=api.base + "/", owner_agency=owner, fetch=api)
    assert result.created == 2
    assert [u.split("?")[0].rsplit("/", 1)[-1] for u in api.asked] == [
        "services",
        "services",
        EXAMPLE_ID,
        second["id"],
    ]
    assert "modified_after" not in api.asked[0]
    sync = FeedSync.objects.get(url=api.base)
    assert sync.services_imported == 2

    api.asked.clear()
    api.records = [second]
    oruk_pull(url=api.base, owner_agency=owner, fetch=api)
    moment = sync.last_pulled_at.astimezone(UTC).isoformat().replace("+00:00", "Z")
    assert f"modified_after={moment.replace(':', '%3A')}" in api.asked[0]

    api.asked.clear()
    oruk_pull(url=api.base, owner_agency=owner, fetch=api, full=True)
    assert "modified_after" not in api.asked[0]


def test_a_bad_record_in_a_pull_imports_nothing(owner, example):
    example["status"] = "unknown"
    api = FakeApi([example])
    with pytest.raises(ImportRefused):
        oruk_pull(url=api.base, owner_agency=owner, fetch=api)
    assert not Service.objects.exists()
    assert not FeedSync.objects.exists()


def test_a_pull_only_speaks_http():
    from frontdoor.directory.feeds import FeedError, http_fetch

    for url in ("file:///etc/passwd", "ftp://x.example/oruk", "/oruk"):
        with pytest.raises(FeedError):
            http_fetch(url)


def test_the_pull_command_with_a_fake_api(owner, example, monkeypatch):
    from frontdoor.directory import services

    api = FakeApi([example])
    monkeypatch.setattr(services.feeds, "http_fetch", api)
    since = (timezone.now() - timedelta(days=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
    out = _call("oruk_pull", api.base, "--owner-agency", owner.name, "--modified-after", since)
    assert "Pulled 1 services" in out
    assert "modified_after=" in api.asked[0]
    with pytest.raises(CommandError, match="with a zone"):
        _call(
            "oruk_pull",
            api.base,
            "--owner-agency",
            owner.name,
            "--modified-after",
            "2026-01-01T00:00",
        )


def test_import_never_touches_confidential_flags_or_owners(directory, owner, administrator):
    [record] = [r for r in export_services() if r["id"] == str(directory.group.id)]
    location_id = record["service_at_locations"][0]["location"]["id"]
    Location.objects.filter(id=location_id).update(confidential=True)
    oruk_import(document=[record], owner_practitioner=administrator)
    assert Location.objects.get(id=location_id).confidential
    assert Service.objects.get(id=directory.group.id).owner_agency == owner
    assert Schedule.objects.filter(service=directory.group).count() == 1
