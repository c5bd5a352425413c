from django.urls import path

from candidatures.views import etudiant, personnel

app_name = "candidatures"

urlpatterns = [
    path("mon-stage/recherche/", etudiant.recherche, name="recherche"),
    path("mon-stage/recherche/nouvelle/", etudiant.ajouter, name="ajouter"),
    path("mon-stage/recherche/<int:pk>/", etudiant.modifier, name="modifier"),
    path("mon-stage/recherche/<int:pk>/supprimer/", etudiant.supprimer, name="supprimer"),
    path("mon-stage/recherche/offres/<int:pk>/interet/", etudiant.interet, name="interet"),
    path("recherche-de-stage/", personnel.tableau, name="tableau"),
    path("recherche-de-stage/rappels/", personnel.rappel_prevoir, name="rappel_prevoir"),
    path(
        "recherche-de-stage/rappels/<int:pk>/annuler/",
        personnel.rappel_annuler,
        name="rappel_annuler",
    ),
    path("etudiants/<int:pk>/recherche/", personnel.etudiant, name="etudiant"),
    path("entreprises/interets/<int:pk>/proposer/", personnel.proposer, name="proposer"),
]
