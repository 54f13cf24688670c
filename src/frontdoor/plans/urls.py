from django.urls import path

from . import views

app_name = "plans"
urlpatterns = [
    path("plans/my-actions/", views.my_actions, name="my_actions"),
    path("plans/agency-actions/", views.agency_actions, name="agency_actions"),
    path("plans/overdue/", views.overdue, name="overdue"),
    path("plans/action-mix/", views.mix, name="action_mix"),
    path("plans/new/from-contact/<int:contact_pk>/", views.plan_create, name="plan_create"),
    path("plans/<int:pk>/", views.plan, name="plan"),
    path("plans/<int:pk>/edit/", views.plan_edit, name="plan_edit"),
    path("plans/<int:pk>/actions/new/", views.action_create, name="action_create"),
    path("plans/actions/<int:pk>/", views.action_update, name="action_update"),
]
