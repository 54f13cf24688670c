from django.urls import path

from . import views

app_name = "supervision"
urlpatterns = [
    path("supervision/", views.index, name="index"),
    path("supervision/overview/", views.overview, name="overview"),
    path("supervision/set-up/", views.relationship_create, name="relationship_create"),
    path("supervision/agencies/<int:pk>/frequency/", views.frequency, name="frequency"),
    path("supervision/<int:pk>/", views.relationship, name="relationship"),
    path("supervision/<int:pk>/end/", views.relationship_end, name="relationship_end"),
    path("supervision/<int:pk>/sessions/new/", views.session_create, name="session_create"),
    path("supervision/sessions/<int:pk>/", views.session, name="session"),
    path("supervision/sessions/<int:pk>/edit/", views.session_edit, name="session_edit"),
    path("supervision/sessions/<int:pk>/changes/", views.session_changes, name="session_changes"),
    path("supervision/sessions/<int:pk>/actions/new/", views.action_create, name="action_create"),
    path("supervision/actions/<int:pk>/", views.action_edit, name="action_edit"),
]
