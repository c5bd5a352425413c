from django.apps import AppConfig


class OrganismesConfig(AppConfig):
    name = "organismes"
    verbose_name = "Organismes d'accueil"
