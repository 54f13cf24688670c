from django.urls import path

from . import api, views

app_name = "directory"
urlpatterns = [
    path("directory/", views.search, name="search"),
    path("directory/services/<uuid:pk>/", views.service_detail, name="service"),
    # The Open Referral UK 3.0 API: the standard's paths, without trailing slashes.
    path("oruk/", api.root, name="oruk_root"),
    path("oruk/openapi.json", api.openapi, name="oruk_openapi"),
    path("oruk/services", api.services, name="oruk_services"),
    path("oruk/services/<str:pk>", api.service, name="oruk_service"),
    path("oruk/service_at_locations", api.service_at_locations, name="oruk_service_at_locations"),
    path(
        "oruk/service_at_locations/<str:pk>",
        api.service_at_location,
        name="oruk_service_at_location",
    ),
    path("oruk/organizations", api.organizations, name="oruk_organizations"),
    path("oruk/organizations/<str:pk>", api.organization, name="oruk_organization"),
    path("oruk/taxonomies", api.taxonomies, name="oruk_taxonomies"),
    path("oruk/taxonomies/<str:pk>", api.taxonomy, name="oruk_taxonomy"),
    path("oruk/taxonomy_terms", api.taxonomy_terms, name="oruk_taxonomy_terms"),
    path("oruk/taxonomy_terms/<str:pk>", api.taxonomy_term, name="oruk_taxonomy_term"),
]
