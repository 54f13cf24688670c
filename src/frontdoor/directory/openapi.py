"""The OpenAPI document of our ORUK API: the standard's own, saying what we add and leave out."""

from __future__ import annotations

import copy
from functools import cache

from .conf import setting
from .geo import ATTRIBUTION
from .schema import openapi_document

DESCRIPTION = """Open Referral UK 3.0 read API of a Front Door service directory.

Public: no key. Every response carries `Access-Control-Allow-Origin: *`. Each client address
may make {limit} requests every {window} seconds; past that the answer is 429 with a
`Retry-After` header. Errors are JSON: 404 for an unknown id, 422 listing every bad query
parameter (`{{"parameter", "message"}}`), 405 for anything but GET.

Optional fields are omitted rather than null. Extension properties, HSDS 3.0's own names for
what the UK profile leaves out: on a service `eligibility_description`, `application_process`,
`wait_time` and `fees_description`; on a contact `email` and `phones` (phone objects); on a
language `name` and `code`. Locations with a confidential address (refuges) are never listed.

`postcode` and `proximity` are taken on `/service_at_locations` (not on `/services`): a UK
postcode, full or its first part (the centre of its postcodes), located offline from the ONS
Postcode Directory; results come nearest first. A service whose service area names, by its ONS
statistical-geography URI, the postcode's district or county always counts; without
`proximity`, a service with such an area elsewhere is left out; with `proximity` (metres from
the postcode's centre), other locations count only within it. An unknown or malformed postcode,
or `proximity` without `postcode`, is a 422. {attribution}
"""

ORGANIZATION_SCHEMA = (
    "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/compiled/"
    "organization.json"
)


@cache
def _template() -> dict:
    document = copy.deepcopy(openapi_document())
    limit, window = setting("FRONTDOOR_ORUK_RATE_LIMIT")
    document["info"]["description"] = DESCRIPTION.format(
        limit=limit, window=window, attribution=ATTRIBUTION
    )
    paths = document["paths"]
    extra = [{"$ref": "#/components/parameters/organization_id"}]
    extra.append({"$ref": "#/components/parameters/modified_after"})
    near = ("#/components/parameters/postcode", "#/components/parameters/proximity")
    for path in ("/services", "/service_at_locations"):
        parameters = paths[path]["get"]["parameters"]
        kept = [p for p in parameters if p.get("$ref") not in near]
        if path == "/service_at_locations":
            kept += [{"$ref": ref} for ref in near]
        parameters[:] = kept + extra
    paths["/organizations"] = {
        "get": {
            "summary": "Paginated listing of organizations.",
            "operationId": "getPaginatedListOfOrganizations",
            "parameters": [
                {"$ref": "#/components/parameters/search"},
                {"$ref": "#/components/parameters/page"},
                {"$ref": "#/components/parameters/per_page"},
            ],
            "responses": {
                "200": {
                    "description": "Paginated listing of organizations.",
                    "content": {
                        "application/json": {
                            "schema": {
                                "properties": {
                                    "contents": {
                                        "type": "array",
                                        "items": {"$ref": ORGANIZATION_SCHEMA},
                                    }
                                },
                                "allOf": [{"$ref": "#/components/schemas/Page"}],
                            }
                        }
                    },
                }
            },
        }
    }
    paths["/organizations/{id}"] = {
        "parameters": [
            {
                "in": "path",
                "name": "id",
                "required": True,
                "description": "The id of the organization.",
                "schema": {"type": "string"},
            }
        ],
        "get": {
            "summary": "A fully nested organization with its services.",
            "operationId": "getOrganizationById",
            "responses": {
                "200": {
                    "description": "The organization, its identifiers and its services.",
                    "content": {"application/json": {"schema": {"$ref": ORGANIZATION_SCHEMA}}},
                }
            },
        },
    }
    return document


def openapi_for(server_url: str) -> dict:
    document = copy.deepcopy(_template())
    document["servers"] = [{"url": server_url.rstrip("/")}]
    return document
