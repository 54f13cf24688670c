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

# Who is on duty now, rotas, absences, cover and handover (views_duty.py).
from . import views_duty  # noqa: E402

urlpatterns += [
    path("duty/", views_duty.duty_now, name="duty_now"),
    path("agencies/<int:pk>/rota/", views_duty.rota, name="duty_rota"),
    path("agencies/<int:pk>/rota/shifts/new/", views_duty.shift_add, name="duty_shift_add"),
    path("agencies/<int:pk>/rota/pattern/", views_duty.pattern_add, name="duty_pattern_add"),
    path(
        "agencies/<int:pk>/rota/shifts/<int:shift_pk>/remove/",
        views_duty.shift_remove,
        name="duty_shift_remove",
    ),
    path(
        "agencies/<int:pk>/rota/arrangements/",
        views_duty.arrangements_edit,
        name="duty_arrangements",
    ),
    path(
        "duty/absences/<int:practitioner_pk>/new/",
        views_duty.absence_add,
        name="duty_absence_add",
    ),
    path("duty/cover/", views_duty.cover_index, name="duty_cover_index"),
    path("duty/cover/<int:practitioner_pk>/", views_duty.cover, name="duty_cover"),
    path("duty/handover/<int:contact_pk>/", views_duty.handover, name="duty_handover"),
]
