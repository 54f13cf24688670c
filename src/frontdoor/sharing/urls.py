from django.urls import path

from . import views, views_encompass

app_name = "sharing"
urlpatterns = [
    path("requests/", views.inbox, name="inbox"),
    path("requests/<int:pk>/", views.detail, name="detail"),
    path("requests/<int:pk>/answer/", views.answer, name="answer"),
    path("requests/<int:pk>/nothing-known/", views.nothing_known, name="nothing_known"),
    path("requests/<int:pk>/decline/", views.decline, name="decline"),
    path("contacts/<int:pk>/requests/new/", views.ask, name="ask"),
    # Operation Encompass: police notifications to a child's school.
    path("encompass/", views_encompass.index, name="encompass"),
    path("encompass/new/", views_encompass.new, name="encompass_new"),
    path("encompass/<int:pk>/", views_encompass.detail, name="encompass_detail"),
    path(
        "encompass/<int:pk>/acknowledge/",
        views_encompass.acknowledge,
        name="encompass_acknowledge",
    ),
    path("encompass/holidays/", views_encompass.holidays, name="encompass_holidays"),
    path(
        "encompass/holidays/<int:pk>/remove/",
        views_encompass.holiday_remove,
        name="encompass_holiday_remove",
    ),
]
