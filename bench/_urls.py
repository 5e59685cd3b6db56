"""Harbor's URLs plus the trivial view the benchmarks compare against."""

from django.http import HttpResponse
from django.urls import path

from learning.urls import urlpatterns as harbor_urlpatterns


def trivial(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/trivial", trivial), *harbor_urlpatterns]
