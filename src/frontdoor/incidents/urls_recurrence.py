from django.urls import path

from . import views_recurrence as views

urlpatterns = [
    path("recurrence/", views.cohort, name="recurrence_cohort"),
    path("recurrence/recompute/", views.recompute, name="recurrence_recompute"),
    path("recurrence/runs/<int:pk>/panel/", views.select_to_panel, name="recurrence_select"),
    path("recurrence/people/<int:pk>/", views.profile, name="recurrence_profile"),
    path("recurrence/concentration/", views.concentration, name="recurrence_concentration"),
    path("recurrence/rules/", views.rules, name="recurrence_rules"),
]
