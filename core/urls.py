from django.urls import path

from core.views import accueil, courriels, droit, sante

urlpatterns = [
    path("", accueil.accueil, name="accueil"),
    path("droit/", droit.droit, name="droit"),
    path("courriels/", courriels.courriels, name="courriels"),
    path("sante/", sante.sante, name="sante"),
]
