from django.apps import AppConfig


class PublicConfig(AppConfig):
    """The public space for companies: the section's page and the cost simulator (no login)."""

    name = "public"
    verbose_name = "Espace entreprises"
