# The reverse name of a session from its cohort: `Promotion.session_examen` is already the
# year of its exam (a property the cohort's checks read), which the accessor hid.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("etablissement", "0004_dates_bornees"),
        ("examens", "0001_initial"),
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
    ]
