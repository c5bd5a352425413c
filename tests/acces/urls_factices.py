"""A small URLconf to test the walk itself: namespaces, arguments, admin and static files."""

from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.urls import include, path, re_path
from django.views.static import serve


def vue(request: HttpRequest, **kwargs: object) -> HttpResponse:
    return HttpResponse("ok")


fiches = (
    [path("", vue, name="liste"), path("<int:pk>/", vue, name="fiche")],
    "fiches",
)

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", vue, name="accueil"),
    path("sans-nom/", vue),
    path("fiches/", include(fiches)),
    path("promotions/<int:annee>/", include(([path("", vue, name="detail")], "promotions"))),
    # What django.conf.urls.static.static() adds in DEBUG.
    re_path(r"^static/(?P<path>.*)$", serve, {"document_root": "/tmp"}),
]
