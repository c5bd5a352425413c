from django.urls import path

from espaces.views import espace, journal, personnel, presence, visites
from espaces.views import evaluations as evaluations_espace

app_name = "espaces"

urlpatterns = [
    path("espace/<str:jeton>/", espace.espace, name="espace"),
    path("espace/<str:jeton>/signer/", espace.signer, name="signer"),
    path("espace/<str:jeton>/documents/<int:pk>.pdf", espace.document, name="document"),
    path("espace/<str:jeton>/conventions/<int:pk>/repondre/", espace.repondre, name="repondre"),
    path(
        "espace/<str:jeton>/attestations/<int:periode>/",
        espace.attestation,
        name="attestation",
    ),
    # Presence confirmed by the tutor (espaces/views/presence.py).
    path(
        "espace/<str:jeton>/presence/<int:pk>/<str:lundi>/",
        presence.confirmer,
        name="presence_confirmer",
    ),
    path("espace/<str:jeton>/nouveau-lien/", espace.nouveau_lien, name="nouveau_lien"),
    # The evaluations to fill (evaluations/): the tutor's own, and the blank form to print.
    path(
        "espace/<str:jeton>/evaluations/<int:pk>/",
        evaluations_espace.remplir,
        name="evaluation",
    ),
    path(
        "espace/<str:jeton>/evaluations/<int:pk>/vierge.pdf",
        evaluations_espace.vierge,
        name="evaluation_vierge",
    ),
    # The référent's visit: the tutor picks a slot (suivi/).
    path(
        "espace/<str:jeton>/visites/<int:pk>/choisir/",
        visites.choisir,
        name="visite_choisir",
    ),
    # The interns' activity log (journal/): countersign an entry, open an attachment.
    path(
        "espace/<str:jeton>/journal/<int:pk>/contresigner/",
        journal.contresigner,
        name="journal_contresigner",
    ),
    path("espace/<str:jeton>/journal/pieces/<int:pk>/", journal.piece, name="journal_piece"),
    path(
        "organismes/<int:pk>/espace/envoyer/",
        personnel.envoyer_organisme,
        name="envoyer_organisme",
    ),
    path(
        "conventions/<int:pk>/confirmation-accueil/",
        personnel.demander_confirmation,
        name="demander_confirmation",
    ),
    path("chef-etablissement/signatures/", personnel.chef, name="chef"),
    path("chef-etablissement/signatures/envoyer/", personnel.envoyer_chef, name="envoyer_chef"),
]
