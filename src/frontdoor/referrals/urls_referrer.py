from django.urls import path

from . import views_referrer

app_name = "referrals"
urlpatterns = [
    path("referrals/", views_referrer.mine, name="mine"),
    path("referrals/new/", views_referrer.start, name="start"),
    path("referrals/<int:pk>/", views_referrer.mine_detail, name="mine_detail"),
]
