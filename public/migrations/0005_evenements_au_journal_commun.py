"""The offers' history joins the one audit trail (core.models.EvenementBase): its columns take
the common names, each row gets its action (a change of status, or the company's correction,
which kept the status), and the history now protects its offer from deletion."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.models import F

import core.audit


def nommer_les_actions(apps, schema_editor):  # type: ignore[no-untyped-def]
    evenements = apps.get_model("public", "EvenementProposition").objects
    evenements.filter(avant=F("apres")).update(action="proposition_modification")
    evenements.exclude(avant=F("apres")).update(action="proposition_statut")


class Migration(migrations.Migration):
    dependencies = [
        ("public", "0004_tuteur_et_gratification"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField("evenementproposition", "le", "horodatage"),
        migrations.RenameField("evenementproposition", "par", "auteur"),
        migrations.RenameField("evenementproposition", "motif", "commentaire"),
        migrations.AddField(
            model_name="evenementproposition",
            name="action",
            field=models.CharField(
                choices=core.audit.choix,
                default="proposition_statut",
                max_length=40,
                verbose_name="action",
            ),
            preserve_default=False,
        ),
        migrations.RunPython(nommer_les_actions, migrations.RunPython.noop),
        migrations.AddField(
            model_name="evenementproposition",
            name="donnees",
            field=models.JSONField(blank=True, default=dict, verbose_name="détails"),
        ),
        migrations.AlterField(
            model_name="evenementproposition",
            name="commentaire",
            field=models.TextField(blank=True, verbose_name="commentaire"),
        ),
        migrations.AlterField(
            model_name="evenementproposition",
            name="proposition",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="evenements",
                to="public.propositionstage",
            ),
        ),
        migrations.AlterModelOptions(
            name="evenementproposition",
            options={
                "ordering": ("horodatage", "pk"),
                "verbose_name": "suivi de proposition",
                "verbose_name_plural": "suivis de proposition",
            },
        ),
    ]
