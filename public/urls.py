from django.urls import path

from public.views import proposition, section, simulateur, suivi

app_name = "public"

urlpatterns = [
    path("", section.section, name="section"),
    path("simulateur/", simulateur.simulateur, name="simulateur"),
    path("simulateur/simulation.pdf", simulateur.simulateur_pdf, name="simulateur_pdf"),
    path("proposer/", proposition.proposer, name="proposer"),
    path("proposer/merci/", proposition.proposition_envoyee, name="proposition_envoyee"),
    path("suivi/<str:jeton>/", suivi.proposition_suivi, name="proposition_suivi"),
    path("suivi/<str:jeton>/retirer/", suivi.proposition_retirer, name="proposition_retirer"),
]
