from django.urls import path

from espaces.views import espace, personnel, presence

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
