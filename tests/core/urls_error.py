"""The project's URLs plus one that fails, to see the 500 page a visitor would get."""

from django.urls import path

from config.urls import urlpatterns as project_urlpatterns


def boom(request):
    raise RuntimeError("a deliberate failure for the 500-page test")


urlpatterns = [path("boom/", boom), *project_urlpatterns]
