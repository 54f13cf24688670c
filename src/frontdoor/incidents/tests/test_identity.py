"""The force's nominals are resolved against the person index, not just by their own refs."""

from datetime import date

from frontdoor.agencies.roles import Role
from frontdoor.core.testing.factories import AgencyFactory, PractitionerFactory
from frontdoor.incidents.resolution import NominalDetails, resolve_parties
from frontdoor.matching import facade
from frontdoor.matching.models import ReviewItem
from frontdoor.people.models import AgencyRecord, Person, RecordKind


def _known_child():
    """A child social care already holds: a person with a social care record."""
    social_care = AgencyFactory(name="Testshire Children's Services")
    person = Person.objects.create(
        given_names="Kayleigh", family_name="Ormerod", date_of_birth=date(2012, 3, 14), sex="female"
    )
    AgencyRecord.objects.create(
        agency=social_care,
        kind=RecordKind.SOCIAL_CARE_CLIENT,
        source_ref="SC-77",
        person=person,
        given_names="Kayleigh",
        family_name="Ormerod",
        date_of_birth=date(2012, 3, 14),
        sex="female",
        postcode="FD1 4QT",
    )
    return person


def test_a_nominal_the_index_already_knows_joins_that_person(force):
    child = _known_child()
    result = resolve_parties(
        agency=force,
        nominals={"N9": NominalDetails("Kayleigh", "Ormerod", date(2012, 3, 14), "female")},
    )
    assert result.parties["N9"].person_id == child.pk
    assert (result.people_created, result.people_linked) == (0, 1)
    # One child, two agencies' records of her.
    assert set(child.records.values_list("kind", flat=True)) == {
        RecordKind.SOCIAL_CARE_CLIENT,
        RecordKind.POLICE_NOMINAL,
    }


def test_a_same_name_parent_is_not_joined_to_the_child(force):
    child = _known_child()
    result = resolve_parties(
        agency=force,
        nominals={"N10": NominalDetails("Kayleigh", "Ormerod", date(1986, 7, 2), "female")},
    )
    assert result.parties["N10"].person_id != child.pk
    assert result.people_created == 1


def test_an_uncertain_nominal_gets_a_new_person_and_goes_to_review(force):
    child = _known_child()
    # Same name, born the same year but on another day: the model cannot be sure.
    result = resolve_parties(
        agency=force,
        nominals={"N11": NominalDetails("Kayleigh", "Ormerod", date(2012, 1, 1), "female")},
    )
    person_id = result.parties["N11"].person_id
    assert person_id != child.pk
    item = ReviewItem.objects.get(record_id=result.parties["N11"].record_id)
    assert item.status == ReviewItem.Status.PENDING
    assert item.other_person_id == child.pk
    assert result.reviews_queued == 1


def test_imported_nominals_are_found_at_the_front_door(force, social_care):
    hub_practitioner = PractitionerFactory(agency=social_care, role=Role.HUB_PRACTITIONER)
    resolve_parties(
        agency=force,
        nominals={"N12": NominalDetails("Declan", "Fairhurst", date(2009, 11, 5), "male")},
    )
    found = facade.candidates(
        hub_practitioner,
        given_names="Declan",
        family_name="Fairhurst",
        date_of_birth=date(2009, 11, 5),
    )
    assert [str(c.person) for c in found][:1] == ["Declan Fairhurst"]
