from django.urls import path

from public.views import file, plaquette, proposition, section, simulateur, suivi

app_name = "public"

urlpatterns = [
    path("", section.section, name="section"),
    path("plaquette.pdf", plaquette.plaquette, name="plaquette"),
    path("simulateur/", simulateur.simulateur, name="simulateur"),
    path("simulateur/simulation.pdf", simulateur.simulateur_pdf, name="simulateur_pdf"),
    path("proposer/", proposition.proposer, name="proposer"),
    path("proposer/merci/", proposition.proposition_envoyee, name="proposition_envoyee"),
    path("suivi/<str:jeton>/", suivi.proposition_suivi, name="proposition_suivi"),
    path("suivi/<str:jeton>/retirer/", suivi.proposition_retirer, name="proposition_retirer"),
    path("propositions/", file.propositions, name="propositions"),
    path("propositions/<int:pk>/", file.proposition, name="proposition"),
    path("propositions/<int:pk>/decider/", file.proposition_decider, name="proposition_decider"),
    path(
        "propositions/<int:pk>/organisme/",
        file.proposition_organisme,
        name="proposition_organisme",
    ),
    path("offres/", file.offres, name="offres"),
]
