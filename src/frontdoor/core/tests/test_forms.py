"""The shared form base refuses, as a clear form error, what the database cannot hold."""

import pytest
from django import forms

from frontdoor.agencies.models import Agency
from frontdoor.core.forms import GovukForm
from frontdoor.core.testing.factories import AgencyFactory


class PickAgencies(GovukForm):
    agencies = forms.ModelMultipleChoiceField(queryset=Agency.objects.all())


@pytest.mark.django_db
@pytest.mark.parametrize("forged", ["99999999999999999999999", "-99999999999999999999999"])
def test_a_forged_id_too_large_for_the_database_is_a_form_error_not_a_crash(forged):
    agency = AgencyFactory(name="Northbrook Youth Service")
    form = PickAgencies({"agencies": [str(agency.pk), forged]})
    assert not form.is_valid()  # SQLite raised OverflowError here before
    assert form.errors["agencies"] == [f"“{forged}” is not a valid value."]


@pytest.mark.django_db
def test_ids_the_database_can_hold_are_checked_as_before():
    agency = AgencyFactory(name="Northbrook Youth Service")
    assert PickAgencies({"agencies": [str(agency.pk)]}).is_valid()
    missing = PickAgencies({"agencies": ["9223372036854775807"]})
    assert not missing.is_valid()
    assert "Select a valid choice" in missing.errors["agencies"][0]


class Stock(GovukForm):
    title = forms.CharField(max_length=5)
    email = forms.EmailField()
    weeks = forms.IntegerField(min_value=1, max_value=26)
    review_date = forms.DateField()
    code = forms.CharField(max_length=3, error_messages={"max_length": "Codes are 3 letters"})


def test_stock_messages_name_the_field_in_the_govuk_pattern():
    form = Stock(
        {
            "title": "x" * 5000,
            "email": "x",
            "weeks": "99",
            "review_date": "2025-02-30",
            "code": "ABCD",
        }
    )
    assert not form.is_valid()
    assert form.errors == {
        "title": ["Title must be 5 characters or fewer"],
        "email": ["Enter an email address in the correct format, like name@example.com"],
        "weeks": ["Weeks must be 26 or less"],
        "review_date": ["Review date must be a real date"],
        "code": ["Codes are 3 letters"],  # a form's own message is kept
    }
    form = Stock(
        {"title": "x", "email": "a@b.example", "weeks": "2.5", "review_date": "x", "code": "A"}
    )
    assert not form.is_valid()
    assert form.errors["weeks"] == ["Weeks must be a whole number"]
