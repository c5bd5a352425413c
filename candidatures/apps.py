from django.apps import AppConfig


class CandidaturesConfig(AppConfig):
    """The students' search for a stage: the applications each student logs, their interest
    in the section's offers, the candidates the section proposes to a company, and the
    class counters of each coming period."""

    name = "candidatures"
    verbose_name = "Recherche de stage"
