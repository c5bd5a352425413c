from django.urls import path

from journal.views import etudiant, personnel, pieces

app_name = "journal"

urlpatterns = [
    path("mon-stage/journal/", etudiant.liste, name="liste"),
    path("mon-stage/journal/nouvelle/", etudiant.ajouter, name="ajouter"),
    path("mon-stage/journal/couverture/", etudiant.couverture, name="couverture"),
    path("mon-stage/journal/<int:pk>/", etudiant.modifier, name="modifier"),
    path("mon-stage/journal/<int:pk>/supprimer/", etudiant.supprimer, name="supprimer"),
    path("mon-stage/journal/<int:pk>/pieces/", etudiant.piece_ajouter, name="piece_ajouter"),
    path(
        "mon-stage/journal/pieces/<int:pk>/supprimer/",
        etudiant.piece_supprimer,
        name="piece_supprimer",
    ),
    path("journal/pieces/<int:pk>/", pieces.piece, name="piece"),
    path("etudiants/<int:pk>/journal/", personnel.etudiant, name="etudiant"),
    path("journal/entrees/<int:pk>/commenter/", personnel.commenter, name="commenter"),
]
