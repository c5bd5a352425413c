from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from api.urls import api_urls

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
    path("", include("candidatures.urls")),
    # /api/ itself leads to the API's documentation (ninja answers it with a bare 404).
    path("api/", RedirectView.as_view(url="/api/docs"), name="api_accueil"),
    path("api/", api_urls),
    path("", include("api.urls")),
]
