from django.urls import path

from prospection.views import campagnes, lien, prospects

app_name = "prospection"

urlpatterns = [
    path("prospection/", prospects.liste, name="liste"),
    path("prospection/nouveau/", prospects.creer, name="creer"),
    path("prospection/anciens-organismes/", prospects.anciens, name="anciens"),
    path("prospection/<int:pk>/", prospects.detail, name="detail"),
    path("prospection/campagnes/", campagnes.campagnes, name="campagnes"),
    path("prospection/campagnes/nouvelle/", campagnes.nouvelle, name="campagne_nouvelle"),
    path("prospection/campagnes/<int:pk>/", campagnes.campagne, name="campagne"),
    path("prospection/campagnes/<int:pk>/envoyer/", campagnes.envoyer, name="campagne_envoyer"),
    path("entreprises/lien/<str:jeton>/", lien.lien, name="lien"),
    path("entreprises/lien/<str:jeton>/proposer/", lien.proposer, name="lien_proposer"),
    path("entreprises/lien/<str:jeton>/ne-plus-solliciter/", lien.decliner, name="lien_decliner"),
]
