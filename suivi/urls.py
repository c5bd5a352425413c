from django.urls import path

from suivi.views import itineraire, retards, suivi

app_name = "suivi"

urlpatterns = [
    path("conventions/<int:pk>/contacts/", suivi.contact_ajouter, name="contact_ajouter"),
    path("contacts/<int:pk>/supprimer/", suivi.contact_supprimer, name="contact_supprimer"),
    path("conventions/<int:pk>/visite/", suivi.visite_proposer, name="visite_proposer"),
    path("visites/<int:pk>/annuler/", suivi.visite_annuler, name="visite_annuler"),
    path("visites/<int:pk>/compte-rendu/", suivi.compte_rendu, name="compte_rendu"),
    path("visites/<int:pk>/kilometres/", suivi.kilometres, name="kilometres"),
    path("retards/", retards.retards, name="retards"),
    path("visites/", itineraire.itineraire, name="itineraire"),
    path("visites/kilometres/", itineraire.export_kilometres, name="export_kilometres"),
]
