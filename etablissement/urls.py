from django.urls import path

from etablissement.views import demande, edition, fiche, liste, mon_stage, suggestions

app_name = "etablissement"

urlpatterns = [
    path("mon-stage/", mon_stage.mon_stage, name="mon_stage"),
    path("mon-stage/demande/", demande.demande, name="demande"),
    path("mon-stage/demande/verifier/", demande.demande_verifier, name="demande_verifier"),
    path("etudiants/", liste.etudiants, name="etudiants"),
    # A few cohorts or teachers matching what a list filter's field holds (htmx).
    path("suggestions/<str:liste>/", suggestions.suggestions, name="suggestions"),
    path("etudiants/nouveau/", edition.etudiant_creer, name="etudiant_creer"),
    path("etudiants/<int:pk>/", fiche.etudiant, name="etudiant"),
    path("etudiants/<int:pk>/inviter/", fiche.inviter, name="etudiant_inviter"),
    path("etudiants/<int:pk>/modifier/", edition.etudiant_modifier, name="etudiant_modifier"),
]
