from django.urls import path

from . import views_dashboard, views_evaluation, views_statutory, views_survey

app_name = "insights"
urlpatterns: list = [
    path("insights/dashboard/", views_dashboard.dashboard, name="dashboard"),
    path(
        "insights/dashboard/export/<str:fmt>/",
        views_dashboard.dashboard_export,
        name="dashboard_export",
    ),
    path("insights/evaluation/", views_evaluation.cohort_list, name="evaluation"),
    path("insights/evaluation/new/", views_evaluation.cohort_create, name="evaluation_create"),
    path("insights/evaluation/<int:pk>/", views_evaluation.cohort_detail, name="evaluation_detail"),
    path(
        "insights/evaluation/<int:pk>/people/",
        views_evaluation.cohort_people,
        name="evaluation_people",
    ),
    path("insights/statutory/", views_statutory.index, name="statutory_index"),
    path("insights/statutory/columns/", views_statutory.columns, name="statutory_columns"),
    path("insights/statutory/<slug:kind>/", views_statutory.export, name="statutory_export"),
]

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
