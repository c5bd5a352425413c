from django.urls import path

from organismes.views import declarations, edition, fiche, liste

app_name = "organismes"

urlpatterns = [
    path("organismes/", liste.organismes, name="liste"),
    path("organismes/nouveau/", edition.organisme_creer, name="creer"),
    path("organismes/<int:pk>/", fiche.organisme, name="detail"),
    path("organismes/<int:pk>/modifier/", edition.organisme_modifier, name="modifier"),
    path("organismes/<int:pk>/sites/nouveau/", declarations.site_ajouter, name="site_ajouter"),
    path(
        "organismes/<int:pk>/tuteurs/nouveau/", declarations.tuteur_ajouter, name="tuteur_ajouter"
    ),
    path(
        "organismes/<int:pk>/contacts/nouveau/",
        declarations.contact_ajouter,
        name="contact_ajouter",
    ),
    path(
        "organismes/<int:pk>/fermetures/nouvelle/",
        declarations.fermeture_ajouter,
        name="fermeture_ajouter",
    ),
    path(
        "organismes/<int:pk>/effectifs/",
        declarations.effectif_enregistrer,
        name="effectif_enregistrer",
    ),
    path(
        "organismes/<int:pk>/autres-stagiaires/",
        declarations.autres_stagiaires_declarer,
        name="autres_stagiaires_declarer",
    ),
]
