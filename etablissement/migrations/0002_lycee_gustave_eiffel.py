"""Seed the first school, as its BTS NDRC brochure gives it (shared/seed/plaquette…).

The UAI is the one in the school's academic e-mail address (ce.0330028b@…), and its key
letter checks. The head of school is not in the brochure: left blank, to fill in the admin.
"""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

UAI = "0330028B"


def semer(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    Etablissement = apps.get_model("etablissement", "Etablissement")
    Etablissement.objects.update_or_create(
        uai=UAI,
        defaults={
            "nom": "Lycée Gustave Eiffel",
            "academie": "Bordeaux",
            "adresse": "143 cours de la Marne\nCS 31237",
            "code_postal": "33074",
            "ville": "Bordeaux Cedex",
            "telephone": "05 56 33 83 00",
            "email": "ce.0330028b@ac-bordeaux.fr",
            "site": "https://www.eiffel-bordeaux.org",
            "chef_travaux_nom": "Régis Lamouroux",
            "chef_travaux_fonction": "Chef de travaux, secteur tertiaire",
            "chef_travaux_telephone": "05 56 33 85 13",
            "chef_travaux_email": "regis.lamouroux@gmail.com",
        },
    )


def retirer(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    apps.get_model("etablissement", "Etablissement").objects.filter(uai=UAI).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("etablissement", "0001_etablissement_promotions_etudiants"),
    ]

    operations = [
        migrations.RunPython(semer, retirer),
    ]
