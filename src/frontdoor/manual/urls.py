from django.urls import path

from . import views

app_name = "manual"
urlpatterns = [
    path("manual/", views.index, name="index"),
    path("manual/search/", views.search, name="search"),
    path("manual/out-of-date/", views.out_of_date, name="out_of_date"),
    path("manual/new/", views.article_create, name="article_create"),
    path("manual/topics/<slug:slug>/", views.topic, name="topic"),
    path("manual/articles/<slug:slug>/", views.article, name="article"),
    path("manual/articles/<slug:slug>/edit/", views.article_edit, name="article_edit"),
    path("manual/articles/<slug:slug>/feedback/", views.feedback, name="feedback"),
    path("manual/articles/<slug:slug>/owner/", views.look_after, name="look_after"),
    path("manual/articles/<slug:slug>/versions/", views.history, name="history"),
    path("manual/articles/<slug:slug>/versions/<int:number>/", views.version, name="version"),
    path("manual/articles/<slug:slug>/compare/", views.compare_versions, name="compare"),
]
