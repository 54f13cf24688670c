from django.urls import path

from . import api, views, views_curation

app_name = "directory"
urlpatterns = [
    path("directory/", views.search, name="search"),
    path("directory/services/<uuid:pk>/", views.service_detail, name="service"),
    # Keeping it current (issue 8, item 4).
    path("directory/services/<uuid:pk>/suggest/", views_curation.suggest, name="suggest"),
    path(
        "directory/services/<uuid:pk>/suggest/sent/",
        views_curation.suggest_done,
        name="suggest_done",
    ),
    path("directory/services/<uuid:pk>/notes/", views_curation.note_add, name="note_add"),
    path("directory/services/<uuid:pk>/history/", views_curation.history, name="history"),
    path("directory/services/<uuid:pk>/edit/", views_curation.edit, name="edit"),
    path(
        "directory/services/<uuid:pk>/reviewed/",
        views_curation.mark_reviewed,
        name="mark_reviewed",
    ),
    path("directory/curation/", views_curation.queue, name="curation_queue"),
    path("directory/curation/<int:pk>/", views_curation.suggestion, name="curation_suggestion"),
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
