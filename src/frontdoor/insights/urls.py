from django.urls import path

from . import views_statutory

app_name = "insights"
urlpatterns: list = [
    path("insights/statutory/", views_statutory.index, name="statutory_index"),
    path("insights/statutory/columns/", views_statutory.columns, name="statutory_columns"),
    path("insights/statutory/<slug:kind>/", views_statutory.export, name="statutory_export"),
]
