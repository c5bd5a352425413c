from django.urls import path

from evaluations.views import etudiant, personnel, questionnaires

app_name = "evaluations"

urlpatterns = [
    path("evaluations/questionnaires/", questionnaires.liste, name="questionnaires"),
    path("evaluations/reglages/", questionnaires.reglages, name="reglages"),
    path("evaluations/questionnaires/<str:type_>/", questionnaires.editeur, name="questionnaire"),
    path(
        "evaluations/questionnaires/<str:type_>/modifier/",
        questionnaires.modifier,
        name="modifier",
    ),
    path("evaluations/questionnaires/<str:type_>/publier/", questionnaires.publier, name="publier"),
    path(
        "evaluations/questionnaires/<str:type_>/abandonner/",
        questionnaires.abandonner,
        name="abandonner",
    ),
    path("evaluations/questionnaires/<str:type_>/ajouter/", questionnaires.ajouter, name="ajouter"),
    path("evaluations/questions/<int:pk>/", questionnaires.question, name="question"),
    path("evaluations/formulaires/<int:pk>/vierge.pdf", personnel.vierge, name="vierge"),
    path(
        "conventions/<int:pk>/periodes/<int:periode>/evaluations/<str:type_>/",
        personnel.saisir,
        name="saisir",
    ),
    path("mon-stage/evaluations/<int:pk>/", etudiant.remplir, name="etudiant_remplir"),
    path(
        "mon-stage/evaluations/<int:pk>/tuteur.pdf",
        etudiant.evaluation_tuteur,
        name="etudiant_tuteur_pdf",
    ),
]
