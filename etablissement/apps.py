from django.apps import AppConfig


class EtablissementConfig(AppConfig):
    name = "etablissement"
    verbose_name = "Établissement et promotions"
