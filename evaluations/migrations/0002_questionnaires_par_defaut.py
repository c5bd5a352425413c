"""Version 1 of each form, published: the section's defaults (evaluations/defauts.py)."""

from typing import Any

from django.db import migrations
from django.utils import timezone


def semer(apps: Any, schema_editor: Any) -> None:
    from evaluations.defauts import DEFAUTS

    Questionnaire = apps.get_model("evaluations", "Questionnaire")
    Question = apps.get_model("evaluations", "Question")
    le = timezone.now()
    for type_, contenu in DEFAUTS.items():
        if Questionnaire.objects.filter(type=type_).exists():
            continue
        q = Questionnaire.objects.create(
            type=type_, version=1, introduction=contenu["introduction"], publie_le=le, cree_le=le
        )
        for ordre, question in enumerate(contenu["questions"], start=1):
            Question.objects.create(questionnaire=q, ordre=ordre, **question)


class Migration(migrations.Migration):
    dependencies = [("evaluations", "0001_initial")]
    operations = [migrations.RunPython(semer, migrations.RunPython.noop)]
