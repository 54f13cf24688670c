from django.urls import path

from . import views_referrer, views_signposting

app_name = "referrals"
urlpatterns = [
    path("referrals/", views_referrer.mine, name="mine"),
    path("referrals/new/", views_referrer.start, name="start"),
    path("referrals/<int:pk>/", views_referrer.mine_detail, name="mine_detail"),
    path("referrals/<int:pk>/caller/", views_referrer.caller, name="caller"),
    path("referrals/<int:pk>/people/", views_referrer.people, name="people"),
    path("referrals/<int:pk>/people/add/", views_referrer.person_add, name="person_add"),
    path(
        "referrals/<int:pk>/people/<int:subject_pk>/",
        views_referrer.person_edit,
        name="person_edit",
    ),
    path(
        "referrals/<int:pk>/people/<int:subject_pk>/remove/",
        views_referrer.person_remove,
        name="person_remove",
    ),
    path("referrals/<int:pk>/concerns/", views_referrer.concerns, name="concerns"),
    path("referrals/<int:pk>/what-happened/", views_referrer.what_happened, name="what_happened"),
    path("referrals/<int:pk>/consent/", views_referrer.consent, name="consent"),
    path("referrals/<int:pk>/check/", views_referrer.check, name="check"),
    path("referrals/<int:pk>/sent/", views_referrer.sent, name="sent"),
    path(
        "referrals/<int:pk>/who-can-help/",
        views_signposting.who_can_help,
        name="who_can_help",
    ),
]
