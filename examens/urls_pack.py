"""The fiche's PDF, the packs for the commission (staff) and the commission's read-only link."""

from django.urls import URLPattern, URLResolver, path

from examens.views import commission, pack

urlpatterns: list[URLPattern | URLResolver] = [
    path("examens/fiches/<int:pk>/pdf/", pack.fiche_pdf, name="fiche_pdf"),
    path("examens/packs/", pack.sessions, name="packs_sessions"),
    path("examens/sessions/<int:pk>/packs/", pack.packs, name="packs"),
    path("examens/sessions/<int:pk>/packs/generer/", pack.generer, name="pack_generer"),
    path("examens/packs/<int:pk>/etat/", pack.etat, name="pack_etat"),
    path("examens/packs/<int:pk>/fichier/", pack.fichier, name="pack_fichier"),
    path("examens/sessions/<int:pk>/commission/", commission.acces, name="commission_acces"),
    path(
        "examens/commission/liens/<int:pk>/revoquer/",
        commission.revoquer,
        name="commission_revoquer",
    ),
    path("commission/<str:jeton>/", commission.accueil, name="commission"),
    path(
        "commission/<str:jeton>/candidats/<int:pk>/",
        commission.candidat,
        name="commission_candidat",
    ),
    path(
        "commission/<str:jeton>/candidats/<int:pk>/dossier/",
        commission.pack_candidat,
        name="commission_pack",
    ),
    path(
        "commission/<str:jeton>/attestations/<int:pk>/",
        commission.attestation,
        name="commission_attestation",
    ),
    path("commission/<str:jeton>/archive/", commission.archive, name="commission_archive"),
]
