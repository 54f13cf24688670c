from django.urls import path

from . import views_recurrence as views

urlpatterns = [
    path("incidents/recurrence/", views.cohort, name="recurrence_cohort"),
    path("incidents/recurrence/recompute/", views.recompute, name="recurrence_recompute"),
    path(
        "incidents/recurrence/runs/<int:pk>/panel/", views.select_to_panel, name="recurrence_select"
    ),
    path("incidents/recurrence/people/<int:pk>/", views.profile, name="recurrence_profile"),
    path(
        "incidents/recurrence/concentration/", views.concentration, name="recurrence_concentration"
    ),
    path("incidents/recurrence/rules/", views.rules, name="recurrence_rules"),
]
