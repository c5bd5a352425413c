from django.apps import AppConfig


class ProspectionConfig(AppConfig):
    name = "prospection"
    verbose_name = "Prospection des entreprises"

    def ready(self) -> None:
        from prospection import signaux  # noqa: F401  (links a proposal to its campaign)
