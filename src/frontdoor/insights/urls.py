from django.urls import path

from . import views_survey

app_name = "insights"
urlpatterns: list = []

# Partnership health surveys (docs/decisions/0017)
urlpatterns += [
    path("insights/health/", views_survey.health, name="health"),
    path("insights/health/rounds/", views_survey.rounds, name="health_rounds"),
    path("insights/health/rounds/new/", views_survey.round_new, name="health_round_new"),
    path("insights/health/rounds/<int:number>/", views_survey.answer, name="health_answer"),
    path("insights/health/rounds/<int:number>/remind/", views_survey.remind, name="health_remind"),
    path("insights/health/results/", views_survey.results, name="health_results"),
    path("insights/health/results/export/", views_survey.export, name="health_export"),
]
