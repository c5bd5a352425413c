from django.apps import AppConfig


class ExamensConfig(AppConfig):
    """The exam dossier E4 / E6: the candidate's fiches and their review, the session's
    deposit deadline, the readiness of each dossier, the pack for the commission."""

    name = "examens"
    verbose_name = "Dossiers d'examen"
