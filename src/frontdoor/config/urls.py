from django.urls import include, path

from frontdoor.agencies import signin
from frontdoor.api.api import api
from frontdoor.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("accessibility/", core_views.accessibility, name="accessibility"),
    path("messages/", core_views.inbox_messages, name="messages"),
    path("sign-in/", signin.signin, name="signin"),
    path("sign-in/code/", signin.signin_code, name="signin_code"),
    path("sign-in/set-up/", signin.signin_setup, name="signin_setup"),
    path("sign-out/", signin.signout, name="signout"),
    path("", include("frontdoor.agencies.urls")),
    path("", include("frontdoor.audit.urls")),
    path("", include("frontdoor.referrals.urls_referrer")),
    path("", include("frontdoor.referrals.urls_hub")),
    path("", include("frontdoor.sharing.urls")),
    path("", include("frontdoor.manual.urls")),
    path("", include("frontdoor.directory.urls")),
    path("", include("frontdoor.insights.urls")),
    path("", include("frontdoor.supervision.urls")),
    path("", include("frontdoor.plans.urls")),
    path("", include("frontdoor.meetings.urls")),
    path("", include("frontdoor.disagreements.urls")),
    path("", include("frontdoor.governance.urls")),
    path("", include("frontdoor.matching.urls")),
    path("", include("frontdoor.incidents.urls")),
    path("api/v1/", api.urls),
]

handler403 = "frontdoor.core.errors_views.forbidden"
handler404 = "frontdoor.core.errors_views.not_found"
handler500 = "frontdoor.core.errors_views.server_error"
