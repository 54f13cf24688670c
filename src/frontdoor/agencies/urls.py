from django.urls import path

from . import views

app_name = "agencies"
urlpatterns = [
    path("agencies/", views.agency_list, name="list"),
    path("agencies/new/", views.agency_create, name="create"),
    path("agencies/<int:pk>/", views.agency_detail, name="detail"),
    path("agencies/<int:pk>/profile/edit/", views.agency_profile_edit, name="profile_edit"),
    path("agencies/<int:pk>/teams/new/", views.team_create, name="team_create"),
    path("practitioners/", views.practitioner_list, name="practitioner_list"),
    path("practitioners/new/", views.practitioner_create, name="practitioner_create"),
    path("practitioners/<int:pk>/", views.practitioner_detail, name="practitioner_detail"),
    path("practitioners/<int:pk>/edit/", views.practitioner_edit, name="practitioner_edit"),
    path(
        "practitioners/<int:pk>/reset-second-factor/",
        views.practitioner_reset_second_factor,
        name="practitioner_reset_second_factor",
    ),
    path("account/", views.my_account, name="my_account"),
]
