"""Formerly seeded the first school with its people's contacts; a migration keeps no person's
address, so it now does nothing and stays only for the history of the migrations (a
database migrated before keeps its record). The demo creates the school
(`manage.py demo`, demo/lycee.py); an installation enters its own in the admin.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("etablissement", "0001_etablissement_promotions_etudiants"),
    ]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop),
    ]
