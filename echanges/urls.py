from django.urls import path, re_path

from echanges.views import accueil, exports, imports

app_name = "echanges"

urlpatterns = [
    path("echanges/", accueil.accueil, name="accueil"),
    path("echanges/import/etudiants/", imports.import_etudiants, name="import_etudiants"),
    path(
        "echanges/import/etudiants/confirmer/",
        imports.import_etudiants_confirmer,
        name="import_etudiants_confirmer",
    ),
    path("echanges/import/organismes/", imports.import_organismes, name="import_organismes"),
    path(
        "echanges/import/organismes/confirmer/",
        imports.import_organismes_confirmer,
        name="import_organismes_confirmer",
    ),
    re_path(
        r"^echanges/export/conventions\.(?P<format>csv|xlsx)$",
        exports.export_conventions,
        name="export_conventions",
    ),
    re_path(
        r"^echanges/export/etudiants\.(?P<format>csv|xlsx)$",
        exports.export_etudiants,
        name="export_etudiants",
    ),
]
