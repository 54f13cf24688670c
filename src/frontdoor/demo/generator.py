"""Build the fictional demo partnership: seeded, repeatable and able to grow to thousands of users.

This is a generator, not a user action, so it writes in bulk and records no audit events. Every
demo account shares one published password and one published second-factor key: never load the
demo into a database that real people use.
"""

from __future__ import annotations

import itertools
import random
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils.text import slugify
from django_otp.plugins.otp_totp.models import TOTPDevice

from frontdoor.agencies.models import Agency, Area, Practitioner, Team, Timescale
from frontdoor.agencies.roles import Role

from . import data
from .profiles import STATUTORY_KINDS, Kind
from .profiles_partners import PARTNER_KINDS

# The published demo password, accepted in demo mode only.
DEMO_PASSWORD = "front-door-demo"  # nosec B105
# 20 bytes that spell "FrontDoor Demo Key!!": public on purpose, like the password.
DEMO_TOTP_KEY_HEX = "46726f6e74446f6f722044656d6f204b65792121"
DEMO_DEVICE_NAME = "Demo authenticator"
PARTNERSHIP_NAME = data.PARTNERSHIP_NAME

KINDS: dict[str, Kind] = {**STATUTORY_KINDS, **PARTNER_KINDS}
BATCH_SIZE = 500
# The agencies whose staff work in the co-located front door (MASH).
MASH_SECTORS = frozenset(
    {
        Agency.Sector.POLICE,
        Agency.Sector.CHILDRENS_SOCIAL_CARE,
        Agency.Sector.ADULT_SOCIAL_CARE,
        Agency.Sector.HEALTH,
        Agency.Sector.PROBATION,
        Agency.Sector.HOUSING,
    }
)

Login = tuple[str, str, str, str]  # (role label, username, agency name, job title)
TeamIndex = dict[tuple[int, str], Team]  # (agency pk, team name) -> team


@dataclass
class DemoPartnership:
    name: str
    areas: list[Area] = field(default_factory=list)
    agencies: list[Agency] = field(default_factory=list)
    practitioners: list[Practitioner] = field(default_factory=list)
    logins: list[Login] = field(default_factory=list)


class DemoAlreadyLoaded(Exception):
    """The database already holds areas or agencies; the demo loads into an empty one."""


def build_partnership(
    *,
    seed: int = 2026,
    practitioners_per_agency: int = 1,
    extra_agencies: int = 0,
    with_second_factor: bool = True,
) -> DemoPartnership:
    """Create the demo partnership in an empty database and return what was made.

    The same seed always gives the same organisations, people and usernames. The headline
    logins (``police.hub``, ``csc.manager``, ``admin`` …) and their people are fixed whatever
    the seed; every other name comes from ``random.Random(seed)``.
    """
    if practitioners_per_agency < 0 or extra_agencies < 0:
        raise ValueError("practitioners_per_agency and extra_agencies cannot be negative")
    if Agency.objects.exists() or Area.objects.exists():
        raise DemoAlreadyLoaded("the database already holds areas or agencies")
    # Repeatable fictional names, not security.
    rng = random.Random(seed)  # nosec B311
    with transaction.atomic():
        partnership = DemoPartnership(name=PARTNERSHIP_NAME)
        districts, partnership.areas = _create_areas()
        specs = list(data.AGENCIES) + _extra_agency_specs(rng, extra_agencies)
        partnership.agencies = _create_agencies(specs, districts)
        teams = _create_teams(specs, partnership.agencies)
        people = _PeopleMaker(rng)
        headliners = people.headliners(specs, partnership.agencies, teams)
        others = people.others(specs, partnership.agencies, teams, practitioners_per_agency)
        partnership.practitioners = _bulk(Practitioner, headliners + others)
        if with_second_factor:
            _bulk(
                TOTPDevice,
                (
                    TOTPDevice(user=p, name=DEMO_DEVICE_NAME, confirmed=True, key=DEMO_TOTP_KEY_HEX)
                    for p in partnership.practitioners
                ),
            )
    partnership.logins = [_login(p) for p in headliners]
    return partnership


def partnership_logins() -> list[Login]:
    """The headline logins as they stand in the database, in the demo's order."""
    usernames = [person.username for person in data.HEADLINE_PEOPLE]
    found = {
        p.username: p
        for p in Practitioner.objects.filter(username__in=usernames).select_related("agency")
    }
    return [_login(found[name]) for name in usernames if name in found]


def _login(practitioner: Practitioner) -> Login:
    agency_name = practitioner.agency.name if practitioner.agency else ""
    return (
        Role(practitioner.role).label,
        practitioner.username,
        agency_name,
        practitioner.job_title,
    )


def _bulk(model, objects) -> list:
    created = model.objects.bulk_create(list(objects), batch_size=BATCH_SIZE)
    if any(obj.pk is None for obj in created):
        # Front Door runs on SQLite and PostgreSQL, which both return new keys.
        raise RuntimeError("the database did not return the keys of bulk-created rows")
    return created


def _create_areas() -> tuple[dict[str, Area], list[Area]]:
    county_name, county_code = data.COUNTY
    county = Area.objects.create(name=county_name, kind=Area.Kind.COUNTY, ons_code=county_code)
    districts = _bulk(
        Area,
        (
            Area(
                name=d.name,
                kind=Area.Kind.DISTRICT,
                ons_code=d.ons_code,
                parent=county,
                postcode_districts=d.postcode_districts,
            )
            for d in data.DISTRICTS
        ),
    )
    by_name = {area.name: area for area in districts}
    clusters = _bulk(
        Area,
        (
            Area(
                name=name, kind=Area.Kind.CLUSTER, parent=by_name[d.name], postcode_districts=codes
            )
            for d in data.DISTRICTS
            for name, codes in d.clusters
        ),
    )
    return by_name, [county, *districts, *clusters]


def _extra_agency_specs(rng: random.Random, count: int) -> list[data.AgencySpec]:
    """Generated schools, GP practices and voluntary services, each in one district."""
    taken = {spec.name for spec in data.AGENCIES}
    kinds = [kind for kind, _, _ in data.EXTRA_KINDS]
    weights = [weight for _, weight, _ in data.EXTRA_KINDS]
    suffixes = {kind: options for kind, _, options in data.EXTRA_KINDS}
    specs = []
    for _ in range(count):
        kind = rng.choices(kinds, weights)[0]
        district = rng.choice(data.DISTRICTS).name
        for _attempt in range(10):
            place = _place_name(rng)
            name = f"{place} {rng.choice(suffixes[kind])}"
            if name not in taken:
                break
        else:
            name = _first_free(f"{name}, {district}", taken)
        taken.add(name)
        specs.append(
            data.AgencySpec(
                name=name,
                short_name=place,
                kind=kind,
                districts=(district,),
                domain=f"{slugify(name)[:50].strip('-')}.example",
            )
        )
    return specs


def _place_name(rng: random.Random) -> str:
    first, second = rng.choice(data.PLACE_FIRST), rng.choice(data.PLACE_SECOND)
    return first + second if second[0].islower() else f"{first} {second}"


def _first_free(name: str, taken: set[str], separator: str = " ") -> str:
    numbered = (f"{name}{separator}{n}" for n in itertools.count(2))
    candidates = itertools.chain([name], numbered)
    return next(candidate for candidate in candidates if candidate not in taken)


def _phone_numbers() -> Iterator[str]:
    """Numbers in Ofcom's drama ranges, never the shared Emergency Duty Team line."""
    first, *rest = data.DRAMA_PHONE_PREFIXES
    numbers = itertools.chain(
        (f"{first}{n:03d}" for n in range(100, 1000)),
        (f"{prefix}{n:03d}" for prefix in rest for n in range(1000)),
    )
    return itertools.cycle(n for n in numbers if n != data.EMERGENCY_DUTY_PHONE)


def _create_agencies(specs: list[data.AgencySpec], districts: dict[str, Area]) -> list[Agency]:
    phones = _phone_numbers()
    agencies = []
    for spec in specs:
        kind = KINDS[spec.kind]
        phone = next(phones)
        texts = {"edt": data.EMERGENCY_DUTY_PHONE, "phone": phone}
        agencies.append(
            Agency(
                name=spec.name,
                short_name=spec.short_name,
                sector=kind.sector,
                remit=kind.remit.format(**texts),
                does_not_do=kind.does_not_do.format(**texts),
                powers=kind.powers.format(**texts),
                thresholds=kind.thresholds.format(**texts),
                working_hours=kind.working_hours.format(**texts),
                out_of_hours_contact=kind.out_of_hours_contact.format(**texts),
                contact_phone=phone,
                contact_email=f"safeguarding@{spec.domain}",
            )
        )
    agencies = _bulk(Agency, agencies)
    all_districts = list(districts.values())
    _bulk(
        Agency.areas.through,
        (
            Agency.areas.through(agency=agency, area=area)
            for spec, agency in zip(specs, agencies, strict=True)
            for area in (
                all_districts
                if spec.districts == data.COUNTY_WIDE
                else [districts[name] for name in spec.districts]
            )
        ),
    )
    _bulk(
        Timescale,
        (
            Timescale(agency=agency, activity=activity, amount=amount, unit=unit, notes=notes)
            for spec, agency in zip(specs, agencies, strict=True)
            for activity, amount, unit, notes in KINDS[spec.kind].timescales
        ),
    )
    return agencies


def _create_teams(specs: list[data.AgencySpec], agencies: list[Agency]) -> TeamIndex:
    teams = _bulk(
        Team,
        (
            Team(agency=agency, name=name)
            for spec, agency in zip(specs, agencies, strict=True)
            for name in KINDS[spec.kind].teams
        ),
    )
    return {(team.agency_id, team.name): team for team in teams}


_TRANSLITERATE = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss"})


def _ascii_slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATE))
    return re.sub(r"[^a-z0-9-]", "", folded.encode("ascii", "ignore").decode().lower())


class _PeopleMaker:
    """Makes unsaved practitioners, drawing every name from one seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.password = make_password(DEMO_PASSWORD)  # hashed once: hashing per user is slow
        self.usernames = set(Practitioner.objects.values_list("username", flat=True))
        self.count = 0
        self.pool_weights = [weight for weight, _, _ in data.NAME_POOLS]

    def headliners(
        self, specs: list[data.AgencySpec], agencies: list[Agency], teams: TeamIndex
    ) -> list[Practitioner]:
        by_headline = {
            spec.headline: (spec, agency)
            for spec, agency in zip(specs, agencies, strict=True)
            if spec.headline
        }
        taken = self.usernames & {person.username for person in data.HEADLINE_PEOPLE}
        if taken:
            raise DemoAlreadyLoaded(f"usernames already in use: {', '.join(sorted(taken))}")
        made = []
        for person in data.HEADLINE_PEOPLE:
            spec, agency = by_headline[person.agency]
            self.usernames.add(person.username)
            made.append(
                self._practitioner(
                    username=person.username,
                    first_name=person.first_name,
                    last_name=person.last_name,
                    spec=spec,
                    agency=agency,
                    role=person.role,
                    team=teams[(agency.pk, person.team)],
                    job_title=person.job_title,
                )
            )
        return made

    def others(
        self,
        specs: list[data.AgencySpec],
        agencies: list[Agency],
        teams: TeamIndex,
        per_agency: int,
    ) -> list[Practitioner]:
        """A frontline and a hub practitioner wherever no headliner holds those roles, then
        ``per_agency`` more frontline practitioners at every agency."""
        covered = {(person.agency, person.role) for person in data.HEADLINE_PEOPLE}
        headline_count = Counter(person.agency for person in data.HEADLINE_PEOPLE)
        made = []
        for spec, agency in zip(specs, agencies, strict=True):
            kind = KINDS[spec.kind]
            hub_team = teams[(agency.pk, kind.hub_team)]
            frontline_team = teams[(agency.pk, kind.frontline_team)]
            if (spec.headline, Role.FRONTLINE) not in covered:
                made.append(
                    self._generated(
                        spec,
                        agency,
                        Role.FRONTLINE,
                        frontline_team,
                        self.rng.choice(kind.frontline_titles),
                    )
                )
            if headline_count[spec.headline] < 2:
                # Agencies co-located in the hub (MASH) have a hub practitioner, who sees every
                # sent contact; the others have a second safeguarding lead working as frontline.
                role = Role.HUB_PRACTITIONER if kind.sector in MASH_SECTORS else Role.FRONTLINE
                made.append(self._generated(spec, agency, role, hub_team, kind.hub_title))
            for _ in range(per_agency):
                made.append(
                    self._generated(
                        spec,
                        agency,
                        Role.FRONTLINE,
                        frontline_team,
                        self.rng.choice(kind.frontline_titles),
                    )
                )
        return made

    def _generated(
        self, spec: data.AgencySpec, agency: Agency, role: str, team: Team, job_title: str
    ) -> Practitioner:
        _, first_names, last_names = self.rng.choices(data.NAME_POOLS, self.pool_weights)[0]
        first_name, last_name = self.rng.choice(first_names), self.rng.choice(last_names)
        base = f"{_ascii_slug(first_name)}.{_ascii_slug(last_name)}"
        username = _first_free(base, self.usernames, separator="")
        self.usernames.add(username)
        return self._practitioner(
            username=username,
            first_name=first_name,
            last_name=last_name,
            spec=spec,
            agency=agency,
            role=role,
            team=team,
            job_title=job_title,
            mailbox=username,
        )

    def _practitioner(
        self,
        *,
        username: str,
        first_name: str,
        last_name: str,
        spec: data.AgencySpec,
        agency: Agency,
        role: str,
        team: Team,
        job_title: str,
        mailbox: str = "",
    ) -> Practitioner:
        self.count += 1
        mailbox = mailbox or f"{_ascii_slug(first_name)}.{_ascii_slug(last_name)}"
        return Practitioner(
            username=username,
            first_name=first_name,
            last_name=last_name,
            email=f"{mailbox}@{spec.domain}",
            agency=agency,
            team=team,
            role=role,
            job_title=job_title,
            password=self.password,
            phone=f"{data.DRAMA_MOBILE_PREFIX}{self.count % 1000:03d}",
        )
