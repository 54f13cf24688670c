from django.urls import path

from . import views

app_name = "sharing"
urlpatterns = [
    path("requests/", views.inbox, name="inbox"),
    path("requests/<int:pk>/", views.detail, name="detail"),
    path("requests/<int:pk>/answer/", views.answer, name="answer"),
    path("requests/<int:pk>/nothing-known/", views.nothing_known, name="nothing_known"),
    path("requests/<int:pk>/decline/", views.decline, name="decline"),
    path("contacts/<int:pk>/requests/new/", views.ask, name="ask"),
]
