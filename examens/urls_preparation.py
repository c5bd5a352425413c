"""The readiness of the exam dossiers and the session of each cohort (examens/views/
preparation.py, session.py)."""

from django.urls import URLPattern, URLResolver, path

from examens.views import preparation, session

urlpatterns: list[URLPattern | URLResolver] = [
    path("examens/preparation/", preparation.sessions, name="preparation_sessions"),
    path(
        "examens/preparation/promotion/<int:promotion>/",
        preparation.cohorte,
        name="preparation_cohorte",
    ),
    path(
        "examens/preparation/etudiant/<int:pk>/",
        preparation.etudiant,
        name="preparation_etudiant",
    ),
    path(
        "examens/session/promotion/<int:promotion>/",
        session.session_modifier,
        name="session_modifier",
    ),
    path(
        "examens/preparation/etudiant/<int:pk>/depot/",
        session.depot_enregistrer,
        name="depot_enregistrer",
    ),
]
