from django.urls import path

from . import views

app_name = "sharing"
urlpatterns = [
    path("requests/", views.inbox, name="inbox"),
    path("requests/<int:pk>/", views.detail, name="detail"),
    path("contacts/<int:pk>/requests/new/", views.ask, name="ask"),
]
