from django.urls import path

from pilotage import views, vues_chiffres

app_name = "pilotage"

urlpatterns = [
    path("tableau-de-bord/", views.tableau_de_bord, name="tableau_de_bord"),
    path("presence/", views.presence, name="presence"),
    path("chiffres/", vues_chiffres.chiffres, name="chiffres"),
    path(
        "chiffres/<slug:figure>.<str:format>",
        vues_chiffres.chiffres_export,
        name="chiffres_export",
    ),
]
