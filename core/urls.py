from django.urls import path

from core import views, vues_courriels

urlpatterns = [
    path("", views.accueil, name="accueil"),
    path("courriels/", vues_courriels.courriels, name="courriels"),
]
