"""Incident import and harm weights in the permission matrix.

Analysts (of any agency: the work is partnership-wide) import, follow imports and read their
error reports; analysts and partnership managers set harm weights. Everyone else: 403. The
POSTs send nothing useful: whoever may act gets 422 (or 404 for a force that does not exist
over the API) and nothing changes.
"""

from frontdoor.agencies.roles import Role
from frontdoor.core.testing.matrix import Endpoint, roles_else

IMPORTERS = [Role.ANALYST]
WEIGHT_EDITORS = [Role.ANALYST, Role.PARTNERSHIP_MANAGER]
SECRET_ERROR = "Tell-tale: Quillfeather is not a UK postcode"
JSON = "application/json"


def _run(world):
    if "import_run" not in world.objects:
        from django.utils import timezone

        from frontdoor.incidents.models import ImportRun

        world.objects["import_run"] = ImportRun.objects.create(
            agency=world.uninvolved,  # the matrix world's police agency
            filename="matrix.csv",
            status=ImportRun.Status.REJECTED,
            created_at=timezone.now(),
            error_count=1,
            errors=[{"line": 2, "field": "postcode", "reason": SECRET_ERROR}],
        )
    return {"pk": world.objects["import_run"].pk}


def _weight(world):
    if "harm_weight" not in world.objects:
        from frontdoor.incidents.harm_defaults import ensure_default_weights
        from frontdoor.incidents.models import HarmWeight

        ensure_default_weights()
        world.objects["harm_weight"] = HarmWeight.objects.get(code="8N")
    return {"pk": world.objects["harm_weight"].pk}


def _api_run(world):
    return {"import_id": _run(world)["pk"]}


ENDPOINTS = [
    Endpoint("incidents:import_index", roles_else(IMPORTERS)),
    Endpoint(
        "incidents:import_index", roles_else(IMPORTERS, ok=422), method="post", data=lambda w: {}
    ),
    Endpoint(
        "incidents:import_run",
        roles_else(IMPORTERS),
        kwargs=_run,
        secret=lambda world: SECRET_ERROR,
    ),
    Endpoint(
        "incidents:example", roles_else(IMPORTERS), kwargs=lambda w: {"name": "incidents.csv"}
    ),
    Endpoint("incidents:harm_weights", roles_else(WEIGHT_EDITORS)),
    Endpoint("incidents:harm_weight_edit", roles_else(WEIGHT_EDITORS), kwargs=_weight),
    Endpoint(
        "incidents:harm_weight_edit",
        roles_else(WEIGHT_EDITORS, ok=422),
        kwargs=_weight,
        method="post",
        data=lambda world: {"weight": "-1", "version": "1"},
    ),
    Endpoint(
        "api:incident_import",
        roles_else(IMPORTERS, ok=422),
        method="post",
        data=lambda world: {"force": 1, "incidents": []},
        content_type=JSON,
    ),
    Endpoint(
        "api:incident_import_detail",
        roles_else(IMPORTERS),
        kwargs=_api_run,
        secret=lambda world: SECRET_ERROR,
    ),
]
