from django.urls import path

from . import views

app_name = "meetings"
urlpatterns = [
    path("meetings/", views.meeting_list, name="list"),
    path("meetings/new/", views.meeting_create, name="create"),
    path("meetings/daily-risk-meeting/", views.daily_create, name="daily_create"),
    path("meetings/<int:pk>/", views.meeting_detail, name="detail"),
    path("meetings/<int:pk>/attendance/", views.attendance, name="attendance"),
    path("meetings/<int:pk>/agenda/", views.item_add, name="item_add"),
    path("meetings/<int:pk>/held/", views.mark_held, name="mark_held"),
    path("meetings/<int:pk>/issue-minutes/", views.issue_minutes, name="issue_minutes"),
    path("meetings/<int:pk>/minutes/", views.minutes, name="minutes"),
    path("meetings/cases/<int:pk>/", views.item_detail, name="item"),
    path("meetings/cases/<int:pk>/information/", views.item_information, name="item_information"),
    path("meetings/cases/<int:pk>/actions/new/", views.item_action, name="item_action"),
]

# MARAC in full: the DASH checklist, referral and each agency's research (views_marac.py).
from . import views_marac  # noqa: E402

urlpatterns += [
    path("meetings/dash/", views_marac.dash_list, name="dash_list"),
    path("meetings/dash/new/", views_marac.dash_new, name="dash_new"),
    path("meetings/dash/<int:pk>/", views_marac.dash_detail, name="dash"),
    path("meetings/dash/<int:pk>/refer/", views_marac.dash_refer, name="dash_refer"),
    path("meetings/cases/<int:pk>/research/", views_marac.research, name="research"),
]
