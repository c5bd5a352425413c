from django.apps import AppConfig


class SuiviConfig(AppConfig):
    """The référent's follow-up of a stage (R-REF-1, clause 7° of the convention): the log
    of contacts with the host, the contacts the section promises, the visits."""

    name = "suivi"
    verbose_name = "Suivi des stages par le référent"
