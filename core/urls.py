from django.urls import path

from core.views import accueil, courriels

urlpatterns = [
    path("", accueil.accueil, name="accueil"),
    path("courriels/", courriels.courriels, name="courriels"),
]
