from django.urls import path

from . import views, views_sar

app_name = "governance"
urlpatterns = [
    path("governance/retention/", views.rules, name="rules"),
    path("governance/retention/erasures/", views.erasures, name="erasures"),
    path("governance/retention/<str:key>/", views.rule_edit, name="rule_edit"),
    path("governance/retention/<str:key>/agency/", views.rule_agency, name="rule_agency"),
    path("governance/retention/rules/<int:pk>/remove/", views.rule_remove, name="rule_remove"),
    path("governance/reviews/", views.reviews, name="reviews"),
    path("governance/reviews/<str:key>/<str:object_id>/", views.review, name="review"),
    path("governance/access-requests/", views_sar.sar_list, name="sar_list"),
    path("governance/access-requests/new/", views_sar.sar_new, name="sar_new"),
    path("governance/access-requests/new/<int:person_pk>/", views_sar.sar_open, name="sar_open"),
    path("governance/access-requests/<int:pk>/", views_sar.sar_detail, name="sar"),
    path("governance/access-requests/<int:pk>/extend/", views_sar.sar_extend, name="sar_extend"),
    path("governance/access-requests/<int:pk>/close/", views_sar.sar_close, name="sar_close"),
    path("governance/access-requests/<int:pk>/redact/", views_sar.sar_redact, name="sar_redact"),
    path(
        "governance/access-requests/<int:pk>/redact/<int:redaction_pk>/remove/",
        views_sar.sar_redaction_remove,
        name="sar_redaction_remove",
    ),
    path("governance/access-requests/<int:pk>/bundle/", views_sar.sar_bundle, name="sar_bundle"),
    path("governance/access-requests/<int:pk>/release/", views_sar.sar_release, name="sar_release"),
]
