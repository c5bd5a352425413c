from django.urls import path

from etablissement.views import edition, fiche, liste

app_name = "etablissement"

urlpatterns = [
    path("etudiants/", liste.etudiants, name="etudiants"),
    path("etudiants/nouveau/", edition.etudiant_creer, name="etudiant_creer"),
    path("etudiants/<int:pk>/", fiche.etudiant, name="etudiant"),
    path("etudiants/<int:pk>/modifier/", edition.etudiant_modifier, name="etudiant_modifier"),
]
