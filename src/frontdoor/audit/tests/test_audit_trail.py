"""The audit trail: same transaction, append-only, reads recorded, filtered and exported (promises 6, 8, 15)."""

import csv
import io

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from frontdoor.agencies.services import agency_profile_update, practitioner_update
from frontdoor.audit.models import AppendOnlyError, AuditEvent, Verb
from frontdoor.audit.services import audit_record
from frontdoor.core.testing.factories import current_code

pytestmark = pytest.mark.django_db


def test_a_failed_audit_write_rolls_the_action_back(monkeypatch, hub_manager):
    agency = hub_manager.agency

    def broken_create(*args, **kwargs):
        raise DatabaseError("audit storage unavailable")

    monkeypatch.setattr(AuditEvent.objects, "create", broken_create)
    with pytest.raises(DatabaseError):
        agency_profile_update(
            agency=agency,
            by=hub_manager,
            expected_version=agency.profile_version,
            changes={"remit": "Changed without an audit record"},
        )
    agency.refresh_from_db()
    assert agency.remit != "Changed without an audit record"
    assert agency.profile_version == 1


def test_a_failed_audit_write_rolls_back_an_account_change(monkeypatch, administrator, officer):
    monkeypatch.setattr(
        AuditEvent.objects, "create", lambda **kw: (_ for _ in ()).throw(DatabaseError())
    )
    with pytest.raises(DatabaseError):
        practitioner_update(
            practitioner=officer,
            by=administrator,
            expected_version=officer.account_version,
            changes={"is_active": False},
        )
    officer.refresh_from_db()
    assert officer.is_active


def test_the_action_and_its_audit_row_commit_together(hub_manager):
    agency = hub_manager.agency
    agency_profile_update(
        agency=agency, by=hub_manager, expected_version=1, changes={"remit": "New remit"}
    )
    event = AuditEvent.objects.get(verb=Verb.CHANGE, object_type="agencies.agency")
    assert event.actor == hub_manager
    assert event.object_id == str(agency.pk)
    assert event.reason
    assert event.actor_agency == agency.name
    assert event.occurred_at.utcoffset().total_seconds() == 0


@pytest.fixture
def event(officer):
    return audit_record(actor=officer, verb=Verb.VIEW, obj=officer, reason="Test read")


def test_the_orm_refuses_to_update_an_audit_event(event):
    event.reason = "Rewritten history"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(reason="Rewritten history")
    assert AuditEvent.objects.get(pk=event.pk).reason == "Test read"


def test_the_orm_refuses_to_delete_an_audit_event(event):
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.filter(pk=event.pk).exists()


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_auditevent SET reason = 'Rewritten' WHERE id = %s",
        "DELETE FROM audit_auditevent WHERE id = %s",
    ],
)
def test_the_database_refuses_raw_updates_and_deletes(event, statement):
    """A trigger on both PostgreSQL and SQLite stops tools that bypass the ORM."""
    with pytest.raises(DatabaseError, match="append-only"):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement, [event.pk])
    assert AuditEvent.objects.get(pk=event.pk).reason == "Test read"


def test_an_audit_event_needs_a_reason(officer):
    with pytest.raises(ValueError):
        audit_record(actor=officer, verb=Verb.VIEW, obj=officer, reason="")


def test_viewing_a_practitioner_record_writes_exactly_one_complete_row(
    signed_in, administrator, officer
):
    client = signed_in(administrator)
    before = AuditEvent.objects.count()
    response = client.get(
        reverse("agencies:practitioner_detail", args=[officer.pk]), REMOTE_ADDR="10.1.2.3"
    )
    assert response.status_code == 200
    assert AuditEvent.objects.count() == before + 1
    event = AuditEvent.objects.latest("id")
    assert (event.verb, event.actor, event.object_id) == (Verb.VIEW, administrator, str(officer.pk))
    assert event.object_type == "agencies.practitioner"
    assert event.reason
    assert event.ip_address == "10.1.2.3"
    assert event.request_path == reverse("agencies:practitioner_detail", args=[officer.pk])


def test_administrators_see_and_filter_the_trail(signed_in, administrator, officer, hub_manager):
    audit_record(actor=officer, verb=Verb.VIEW, obj=officer, reason="Officer read")
    audit_record(
        actor=hub_manager, verb=Verb.CHANGE, obj=hub_manager.agency, reason="Manager change"
    )
    client = signed_in(administrator)
    page = client.get(reverse("audit:list"), {"actor": "officer"}).content.decode()
    assert "Officer read" in page
    assert "Manager change" not in page
    page = client.get(reverse("audit:list"), {"verb": "change"}).content.decode()
    assert "Manager change" in page
    assert "Officer read" not in page


def test_a_bad_filter_gets_a_clear_error(signed_in, administrator):
    client = signed_in(administrator)
    response = client.get(reverse("audit:list"), {"since": "2026-11-20", "until": "2026-11-01"})
    assert response.status_code == 422
    assert "The end date must be the same as or after the start date" in response.content.decode()


def test_hostile_strings_in_the_trail_are_escaped(signed_in, administrator):
    audit_record(
        actor=None, verb=Verb.SIGN_IN_FAILED, object_repr="<script>alert(1)</script>", reason="x"
    )
    body = signed_in(administrator).get(reverse("audit:list")).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_export_needs_the_second_factor_again_and_a_reason(signed_in, administrator):
    client = signed_in(administrator)
    response = client.post(reverse("audit:export"), {"code": "000000", "reason": "Quarterly check"})
    assert response.status_code == 422
    assert "The code is not right" in response.content.decode()
    response = client.post(reverse("audit:export"), {"code": ""})
    assert "Enter why you are exporting the audit trail" in response.content.decode()
    assert not AuditEvent.objects.filter(verb=Verb.EXPORT).exists()


def test_export_neutralises_formulas_and_is_itself_recorded(signed_in, administrator):
    audit_record(actor=None, verb=Verb.SIGN_IN_FAILED, object_repr='=HYPERLINK("x")', reason="+cmd")
    client = signed_in(administrator)
    device = administrator.totpdevice_set.get()
    response = client.post(
        reverse("audit:export"), {"code": current_code(device), "reason": "Board assurance"}
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "When (UTC)"
    cells = {cell for row in rows[1:] for cell in row}
    assert '\'=HYPERLINK("x")' in cells
    assert "'+cmd" in cells
    export = AuditEvent.objects.get(verb=Verb.EXPORT)
    assert export.reason == "Board assurance"
    assert export.recipients == [administrator.agency.name]


def test_only_administrators_reach_the_trail(signed_in, hub_manager):
    client = signed_in(hub_manager)
    assert client.get(reverse("audit:list")).status_code == 403
    assert client.get(reverse("audit:export")).status_code == 403


@pytest.mark.parametrize("dangerous", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "\ufeffx"])
def test_every_spreadsheet_formula_trigger_is_neutralised(dangerous):
    from frontdoor.core.exports import csv_text

    rows = list(csv.reader(io.StringIO(csv_text(["h"], [[dangerous]]))))
    assert rows[1][0] == "'" + dangerous


def test_reading_the_audit_trail_is_itself_recorded(signed_in, administrator):
    signed_in(administrator).get(reverse("audit:list"), {"verb": "view"})
    event = AuditEvent.objects.filter(object_type="audit.auditevent", verb=Verb.VIEW).get()
    assert event.actor == administrator
    assert event.details == {"filters": {"verb": "view"}}


def test_the_client_address_behind_a_proxy_is_the_forwarded_one(
    signed_in, administrator, officer, settings
):
    settings.FRONTDOOR_PROXY_COUNT = 1
    signed_in(administrator).get(
        reverse("agencies:practitioner_detail", args=[officer.pk]),
        HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.7",
        REMOTE_ADDR="10.0.0.2",
    )
    assert AuditEvent.objects.filter(verb=Verb.VIEW).latest("id").ip_address == "198.51.100.7"
