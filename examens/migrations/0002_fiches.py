# The fiches' trail (EvenementFiche); the reverse name of a session from its cohort is
# `examen`: `Promotion.session_examen` is already the year of its exam, which it hid.

import core.audit
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("etablissement", "0004_dates_bornees"),
        ("examens", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="sessionexamen",
            name="promotion",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="examen",
                to="etablissement.promotion",
                verbose_name="promotion",
            ),
        ),
        migrations.CreateModel(
            name="EvenementFiche",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "action",
                    models.CharField(
                        choices=core.audit.choix, max_length=40, verbose_name="action"
                    ),
                ),
                ("horodatage", models.DateTimeField(auto_now_add=True, verbose_name="le")),
                ("commentaire", models.TextField(blank=True, verbose_name="commentaire")),
                ("donnees", models.JSONField(blank=True, default=dict, verbose_name="détails")),
                (
                    "auteur",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="par",
                    ),
                ),
                (
                    "fiche",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="evenements",
                        to="examens.fiche",
                    ),
                ),
            ],
            options={
                "verbose_name": "événement d'une fiche",
                "verbose_name_plural": "événements des fiches",
                "ordering": ("horodatage", "pk"),
                "abstract": False,
            },
        ),
    ]
