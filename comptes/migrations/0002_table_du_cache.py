"""The table of the shared cache (settings.CACHES: DatabaseCache by default), created by
`migrate` so that no deployment forgets it: the rate limits of the public forms count in it.
Django's createcachetable, which does nothing for a cache outside the database nor for a
table already there; run it again by hand after changing CACHE_LOCATION."""

from django.core.management import call_command
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def creer_la_table(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("comptes", "0001_utilisateur")]

    operations = [migrations.RunPython(creer_la_table, migrations.RunPython.noop)]
