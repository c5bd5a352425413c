from django.apps import AppConfig


class JournalConfig(AppConfig):
    """The student's activity log (« journal de stage »): entries tied to the missions and
    competences of the referential, countersigned by the tutor, commented by the référent."""

    name = "journal"
    verbose_name = "Journal de stage"
