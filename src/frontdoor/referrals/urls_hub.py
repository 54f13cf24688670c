from django.urls import path

from . import views_hub

app_name = "hub"
urlpatterns = [
    path("hub/", views_hub.queue, name="queue"),
    path("contacts/<int:pk>/", views_hub.contact, name="contact"),
    path("contacts/<int:pk>/triage/", views_hub.triage, name="triage"),
    path("contacts/<int:pk>/accept/", views_hub.accept, name="accept"),
    path(
        "contacts/<int:pk>/subjects/<int:subject_pk>/link/",
        views_hub.link_subject,
        name="link_subject",
    ),
    path("contacts/<int:pk>/decide/", views_hub.decide, name="decide"),
    path("contacts/<int:pk>/sign-off/", views_hub.sign_off, name="sign_off"),
]
