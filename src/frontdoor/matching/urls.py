from django.urls import path

from . import views

app_name = "matching"
urlpatterns = [
    path("matching/review/", views.queue, name="queue"),
    path("matching/review/<int:pk>/", views.review, name="review"),
    path("matching/review/<int:pk>/decide/", views.decide, name="decide"),
    path("matching/people/<int:pk>/", views.person, name="person"),
    path("matching/changes/<int:pk>/undo/", views.undo, name="undo"),
]
