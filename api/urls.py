from django.urls import path

from api.views import jetons
from api.views.racine import api

app_name = "jetons_api"

urlpatterns = [
    path("compte/jetons-api/", jetons.jetons, name="jetons"),
    path("compte/jetons-api/<int:pk>/revoquer/", jetons.revoquer, name="revoquer"),
]

# The REST API itself, with its own namespace (`api:…`): included by stages/urls.py.
api_urls = api.urls
