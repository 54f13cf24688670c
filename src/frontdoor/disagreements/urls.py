from django.urls import path

from . import views

app_name = "disagreements"
urlpatterns = [
    path("disagreements/", views.mine, name="mine"),
    path("disagreements/themes/", views.themes, name="themes"),
    path("disagreements/themes.csv", views.themes_csv, name="themes_csv"),
    path("disagreements/raise/<int:contact_pk>/", views.raise_disagreement, name="raise"),
    path("disagreements/<int:pk>/", views.detail, name="detail"),
    path("disagreements/<int:pk>/escalate/", views.escalate, name="escalate"),
    path("disagreements/<int:pk>/resolve/", views.resolve, name="resolve"),
]
