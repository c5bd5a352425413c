from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Stages"

    def ready(self) -> None:
        # Load and validate the legal parameters at start-up: a malformed file stops here
        # with its path and key rather than at the first verdict.
        from regles.parametres import parametres

        parametres()
