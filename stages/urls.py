from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("core.urls")),
    path("", include("comptes.urls")),
    path("", include("echanges.urls")),
    path("conventions/", include("conventions.urls")),
    path("entreprises/", include("public.urls")),
    path("", include("prospection.urls")),
    path("", include("documents.urls")),
    path("", include("pilotage.urls")),
    path("", include("etablissement.urls")),
    path("", include("organismes.urls")),
    path("", include("espaces.urls")),
    path("", include("evaluations.urls")),
    path("suivi/", include("suivi.urls")),
    path("", include("journal.urls")),
    path("", include("examens.urls")),
]
