from django.urls import path

from core.views import accueil, courriels, droit

urlpatterns = [
    path("", accueil.accueil, name="accueil"),
    path("droit/", droit.droit, name="droit"),
    path("courriels/", courriels.courriels, name="courriels"),
]
