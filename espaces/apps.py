from django.apps import AppConfig


class EspacesConfig(AppConfig):
    """The spaces of the hosts (tutors, signatories) and of the head of school: a personal,
    renewable link, no account."""

    name = "espaces"
    verbose_name = "Espaces des organismes et du chef d'établissement"
