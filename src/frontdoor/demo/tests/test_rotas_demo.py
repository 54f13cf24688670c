import pytest

from frontdoor.agencies import duty
from frontdoor.agencies.models import Agency
from frontdoor.agencies.models_duty import Shift
from frontdoor.demo.front_door import build_front_door
from frontdoor.demo.generator import build_partnership
from frontdoor.demo.rotas import build_rotas

pytestmark = pytest.mark.django_db


def test_demo_rotas_have_police_nights_csc_office_hours_and_someone_on_leave():
    build_partnership(seed=2026, practitioners_per_agency=0)
    build_front_door(seed=2026, contacts=36)
    made = build_rotas(seed=2026)
    police = Agency.objects.get(practitioners__username="police.hub")
    csc = Agency.objects.get(practitioners__username="csc.hub")
    assert made.shifts == Shift.objects.filter(agency=police).count() > 0
    assert Shift.objects.filter(agency=police, label="Nights").exists()
    assert csc.duty_arrangement.duty_contact == "Children's MASH duty desk"
    assert "Emergency Duty Team" in csc.out_of_hours_contact
    assert made.on_leave is not None and made.contacts_waiting > 0
    advice = duty.who_to_contact(made.on_leave.agency, made.on_leave, viewer=made.on_leave)
    assert not advice.owner_available
    assert "on leave" in advice.reason
