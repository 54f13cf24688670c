"""Demo identity matching: agencies' records of the demo people, a model, a review queue.

Each person the demo front door knows gets records from two or three agencies, written the
way each agency would write them (a nickname, a typo, day and month swapped, a missing date
of birth, a move). They are placed on the index one by one, as the real intake does, so most
join their person and a few land in the review queue. Also at one address in Preston: John
Smith and his son John Smith, known to the police and to the GP, who must stay two people;
their pair waits in the queue for a practitioner to keep apart. Every name is invented.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from frontdoor.agencies.models import Agency, Practitioner
from frontdoor.agencies.roles import Role
from frontdoor.matching import facade
from frontdoor.matching.engine import MatchModel
from frontdoor.matching.models import ModelVersion, ReviewItem
from frontdoor.people.models import AgencyRecord, Person, RecordKind

KIND_OF = {
    Agency.Sector.POLICE: RecordKind.POLICE_NOMINAL,
    Agency.Sector.CHILDRENS_SOCIAL_CARE: RecordKind.SOCIAL_CARE_CLIENT,
    Agency.Sector.HEALTH: RecordKind.HEALTH_PATIENT,
    Agency.Sector.EDUCATION: RecordKind.SCHOOL_PUPIL,
    Agency.Sector.HOUSING: RecordKind.HOUSING_TENANCY,
}
PREFIX = {
    RecordKind.POLICE_NOMINAL: "NOM",
    RecordKind.SOCIAL_CARE_CLIENT: "SC",
    RecordKind.HEALTH_PATIENT: "PAT",
    RecordKind.SCHOOL_PUPIL: "UPN",
    RecordKind.HOUSING_TENANCY: "TEN",
}
NICKNAMES = {
    "William": "Bill",
    "Elizabeth": "Beth",
    "Thomas": "Tom",
    "Jessica": "Jess",
    "Alexander": "Alex",
    "Katherine": "Kate",
    "Daniel": "Dan",
    "Rebecca": "Becky",
    "Joseph": "Joe",
    "Samuel": "Sam",
}
STREETS = ["Mill Lane", "Canal Street", "Larch Avenue", "Church Road", "Victoria Terrace"]
TOWNS = ["Preston", "Blackburn", "Lancaster", "Chorley", "Burnley"]


@dataclass
class MatchingDemo:
    records: int
    review_items: int
    model: ModelVersion


def _agencies() -> list[Agency]:
    found = []
    for sector in KIND_OF:
        agency = Agency.objects.filter(sector=sector, is_active=True).order_by("pk").first()
        if agency is not None:
            found.append(agency)
    return found


def _vary(rng: random.Random, person: Person) -> dict:
    """How another agency might have written this person down."""
    given, family, dob = person.given_names, person.family_name, person.date_of_birth
    postcode, address = person.postcode, person.address
    change = rng.choice(["same", "same", "nickname", "typo", "swap_dob", "moved", "no_dob"])
    if change == "nickname":
        given = NICKNAMES.get(given, given)
    elif change == "typo" and len(family) > 3:
        at = rng.randint(1, len(family) - 2)
        family = family[:at] + family[at + 1] + family[at] + family[at + 2 :]
    elif change == "swap_dob" and dob and dob.day <= 12 and dob.day != dob.month:
        dob = date(dob.year, dob.day, dob.month)
    elif change == "moved":
        postcode = f"{rng.choice(['PR', 'BB', 'LA'])}{rng.randint(1, 9)} {rng.randint(1, 9)}"
        postcode += rng.choice("ABDEFGHJLNPQRSTUWXYZ") + rng.choice("ABDEFGHJLNPQRSTUWXYZ")
        address = f"{rng.randint(1, 90)} {rng.choice(STREETS)}, {rng.choice(TOWNS)}"
    elif change == "no_dob":
        dob = None
    if not address:
        address = f"{rng.randint(1, 90)} {rng.choice(STREETS)}, {rng.choice(TOWNS)}"
    return {
        "given_names": given,
        "family_name": family,
        "date_of_birth": dob,
        "sex": person.sex,
        "postcode": postcode,
        "address": address,
    }


def _recorded_at(rng: random.Random) -> datetime:
    day = timezone.localdate() - timedelta(days=rng.randint(30, 1500))
    return timezone.make_aware(datetime.combine(day, time(rng.randint(8, 17), rng.randint(0, 59))))


def _add(agency: Agency, number: int, *, recorded_at, **fields) -> AgencyRecord:
    kind = KIND_OF[agency.sector]
    return AgencyRecord.objects.create(
        agency=agency,
        kind=kind,
        source_ref=f"{PREFIX[kind]}-{number:06d}",
        recorded_at=recorded_at,
        **fields,
    )


def build_matching(*, seed: int = 2026) -> MatchingDemo | None:
    agencies = _agencies()
    hub = Practitioner.objects.filter(role=Role.HUB_PRACTITIONER).order_by("username").first()
    if len(agencies) < 2 or hub is None:
        return None
    rng = random.Random(seed + 6)  # nosec B311
    with transaction.atomic():
        default = MatchModel.default()
        ModelVersion.objects.filter(active=True).update(active=False)
        model = ModelVersion.objects.create(
            version=str(default.version),
            params=default.to_json(),
            trained_at=timezone.now(),
            active=True,
            note="Default parameters shipped with Front Door (run link_index --train to "
            "train on the partnership's own records)",
        )
    number = 1000
    made = 0
    people = list(Person.objects.filter(merged_into__isnull=True).order_by("pk"))
    for person in people:
        # The person's own details come from one agency's record ...
        first, *others = rng.sample(agencies, k=min(len(agencies), rng.randint(2, 3)))
        number += 1
        _add(
            first,
            number,
            recorded_at=_recorded_at(rng),
            person=person,
            given_names=person.given_names,
            family_name=person.family_name,
            date_of_birth=person.date_of_birth,
            sex=person.sex,
            postcode=person.postcode,
            address=person.address,
            nhs_number=person.nhs_number,
        )
        made += 1
        # ... and the others wrote them down their own way, placed as intake would.
        for agency in others:
            number += 1
            record = _add(agency, number, recorded_at=_recorded_at(rng), **_vary(rng, person))
            facade.place_record(record, by=hub)
            made += 1
    made += _father_and_son(agencies, hub, number)
    made += _uncertain(agencies, hub, number + 2, people)
    return MatchingDemo(
        records=made,
        review_items=ReviewItem.objects.filter(status=ReviewItem.Status.PENDING).count(),
        model=model,
    )


def _uncertain(agencies: list[Agency], hub, number: int, people: list[Person]) -> int:
    """A record the model is genuinely unsure of: a known child's name, a date of birth two
    months out and no address (a school's note of a pupil who has just arrived)."""
    child = next((p for p in people if p.date_of_birth and p.date_of_birth.year >= 2008), None)
    school = next((a for a in agencies if a.sector == Agency.Sector.EDUCATION), agencies[-1])
    if child is None:
        return 0
    born = child.date_of_birth
    record = _add(
        school,
        number + 1,
        recorded_at=timezone.now() - timedelta(days=3),
        given_names=child.given_names,
        family_name=child.family_name,
        date_of_birth=born.replace(month=(born.month + 1) % 12 + 1, day=min(born.day, 28)),
        sex=child.sex,
    )
    facade.place_record(record, by=hub)
    return 1


def _father_and_son(agencies: list[Agency], hub, number: int) -> int:
    """John Smith (born 1975) and his son John Smith (born 2003), one address in Preston."""
    police = next((a for a in agencies if a.sector == Agency.Sector.POLICE), agencies[0])
    health = next((a for a in agencies if a.sector == Agency.Sector.HEALTH), agencies[-1])
    address = {"address": "9 Larch Avenue, Preston", "postcode": "PR2 8DY", "sex": "male"}
    father = _add(
        police,
        number + 1,
        recorded_at=timezone.now() - timedelta(days=400),
        given_names="John",
        family_name="Smith",
        date_of_birth=date(1975, 4, 2),
        **address,
    )
    facade.place_record(father, by=hub)
    son = _add(
        health,
        number + 2,
        recorded_at=timezone.now() - timedelta(days=90),
        given_names="John",
        family_name="Smith",
        date_of_birth=date(2003, 9, 17),
        **address,
    )
    placement = facade.place_record(son, by=hub)
    son.refresh_from_db()
    father.refresh_from_db()
    if placement.review_item is None and son.person_id != father.person_id:
        # The model rightly keeps them apart; the demo queues the pair anyway so that a
        # practitioner sees why: the weights say the dates of birth are 28 years apart.
        from frontdoor.matching import scoring
        from frontdoor.matching.facade import explanation_json
        from frontdoor.matching.index import of_record

        active = scoring.active_model()
        score = active.model.score(of_record(son), of_record(father))
        ReviewItem.objects.create(
            record=son,
            other_record=father,
            other_person=father.person,
            model_version=active.version,
            match_weight=float(score.match_weight),
            probability=float(score.probability),
            explanation=explanation_json(score),
        )
    return 2
