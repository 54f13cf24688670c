"""The service directory in the permission matrix: public pages and the ORUK API.

Everything here is public (no sign-in, no key): every role, involved or not, gets 200.
"""

from frontdoor.core.testing.matrix import Endpoint, everyone


def directory(world):
    """The test directory, built once per world (its services belong to the involved agency)."""
    if "directory" not in world.objects:
        from frontdoor.directory.testing import build_directory

        world.objects["directory"] = build_directory(world.involved)
    return world.objects["directory"]


def service_pk(world):
    return {"pk": directory(world).group.pk}


def service_id(world):
    return {"pk": str(directory(world).group.pk)}


def sal_id(world):
    return {"pk": str(directory(world).group.service_at_locations.get().pk)}


def organization_id(world):
    return {"pk": str(directory(world).organization.pk)}


def taxonomy_id(world):
    return {"pk": str(directory(world).taxonomy.pk)}


def term_id(world):
    return {"pk": str(directory(world).parenting.pk)}


ENDPOINTS = [
    Endpoint("directory:search", everyone()),
    Endpoint("directory:service", everyone(), kwargs=service_pk),
    Endpoint("directory:oruk_root", everyone()),
    Endpoint("directory:oruk_openapi", everyone()),
    Endpoint("directory:oruk_services", everyone()),
    Endpoint("directory:oruk_service", everyone(), kwargs=service_id),
    Endpoint("directory:oruk_service_at_locations", everyone()),
    Endpoint("directory:oruk_service_at_location", everyone(), kwargs=sal_id),
    Endpoint("directory:oruk_organizations", everyone()),
    Endpoint("directory:oruk_organization", everyone(), kwargs=organization_id),
    Endpoint("directory:oruk_taxonomies", everyone()),
    Endpoint("directory:oruk_taxonomy", everyone(), kwargs=taxonomy_id),
    Endpoint("directory:oruk_taxonomy_terms", everyone()),
    Endpoint("directory:oruk_taxonomy_term", everyone(), kwargs=term_id),
]
