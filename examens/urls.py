"""The exam dossier's pages: the fiches (urls_fiches), the readiness of the dossiers and the
session (urls_preparation), the packs and the commission's view (urls_pack)."""

from django.urls import include, path

app_name = "examens"

urlpatterns = [
    path("", include("examens.urls_fiches")),
    path("", include("examens.urls_preparation")),
    path("", include("examens.urls_pack")),
]
