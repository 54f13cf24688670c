from django.urls import path

from . import views
from .urls_recurrence import urlpatterns as recurrence_urlpatterns

app_name = "incidents"
urlpatterns = [
    path("incidents/imports/", views.import_index, name="import_index"),
    path("incidents/imports/<int:pk>/", views.import_run, name="import_run"),
    path("incidents/imports/examples/<str:name>", views.example, name="example"),
    path("incidents/harm-weights/", views.harm_weights, name="harm_weights"),
    path("incidents/harm-weights/<int:pk>/", views.harm_weight_edit, name="harm_weight_edit"),
]
urlpatterns += recurrence_urlpatterns
