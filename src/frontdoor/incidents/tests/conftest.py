import pytest

from frontdoor.agencies.models import Agency
from frontdoor.agencies.roles import Role
from frontdoor.core.testing.factories import AgencyFactory, PractitionerFactory

HEADER = (
    "incident_ref,occurred_at,offence_code,offence_description,incident_type,domestic_abuse,"
    "postcode,area,person_ref,role,first_name,surname,date_of_birth,sex"
)
GOOD_ROWS = [
    "R1,2025-01-10T21:00:00,8N,Assault with injury,crime,Y,FD1 4QT,Northbrook,N1,victim,Amy,Lomax,1990-04-02,F",
    "R1,2025-01-10T21:00:00,8N,Assault with injury,crime,Y,FD1 4QT,Northbrook,N2,suspect,Carl,Lomax,1988-01-01,M",
    "R2,2025-02-11T10:00:00,,,concern_for_welfare,N,,Eastfold,N1,other,Amy,Lomax,1990-04-02,F",
]


def csv_text(*rows: str, header: str = HEADER) -> str:
    return "\n".join([header, *rows]) + "\n"


@pytest.fixture
def force(db):
    return AgencyFactory(name="Testshire Constabulary", sector=Agency.Sector.POLICE)


@pytest.fixture
def analyst(social_care):
    return PractitionerFactory(
        username="analyst",
        agency=social_care,
        role=Role.ANALYST,
        first_name="Ana",
        last_name="Lyst",
    )


@pytest.fixture
def partnership_manager(social_care):
    return PractitionerFactory(
        username="pmanager", agency=social_care, role=Role.PARTNERSHIP_MANAGER
    )


@pytest.fixture
def write_csv(tmp_path):
    def write(text: str, name: str = "extract.csv", encoding: str = "utf-8") -> str:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return str(path)

    return write
