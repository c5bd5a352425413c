from django.urls import path

from public.views import proposition, section, simulateur

app_name = "public"

urlpatterns = [
    path("", section.section, name="section"),
    path("simulateur/", simulateur.simulateur, name="simulateur"),
    path("simulateur/simulation.pdf", simulateur.simulateur_pdf, name="simulateur_pdf"),
    path("proposer/", proposition.proposer, name="proposer"),
    path("proposer/merci/", proposition.proposition_envoyee, name="proposition_envoyee"),
]
