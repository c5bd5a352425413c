from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.models import Max, Min


def remplir(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    """The first and last day of the existing conventions, from their periods."""
    Convention = apps.get_model("conventions", "Convention")
    for convention in Convention.objects.annotate(
        premier=Min("periodes__debut"), dernier=Max("periodes__fin")
    ).iterator():
        Convention.objects.filter(pk=convention.pk).update(
            debut=convention.premier, fin=convention.dernier
        )


class Migration(migrations.Migration):
    dependencies = [("conventions", "0002_dates_de_la_convention")]

    operations = [migrations.RunPython(remplir, migrations.RunPython.noop)]
