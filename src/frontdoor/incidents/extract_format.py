"""The columns of a force's incident extract (docs/incidents.md), in order.

Kept free of Django so the generator and the benchmarks can use it without settings.
"""

COLUMNS = (
    "incident_ref",
    "occurred_at",
    "offence_code",
    "offence_description",
    "incident_type",
    "domestic_abuse",
    "postcode",
    "area",
    "person_ref",
    "role",
    "first_name",
    "surname",
    "date_of_birth",
    "sex",
)
