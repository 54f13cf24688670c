from .urls_recurrence import urlpatterns as recurrence_urlpatterns

app_name = "incidents"
urlpatterns: list = []
urlpatterns += recurrence_urlpatterns
