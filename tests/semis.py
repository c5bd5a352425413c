"""What the migrations seed (the NDRC referential) and the suite's setup creates (the demo's
school), seeded again after the flush that ends every transactional test. Seeded rather than restored with serialized_rollback,
which puts old content-type rows back over the ones the flush recreated (IntegrityError in
whichever transactional test comes next)."""

from __future__ import annotations

import importlib

from django.apps import apps


def semer_la_section() -> None:
    from demo.lycee import lycee_creer
    from etablissement.models import Etablissement
    from referentiel.models import Formation

    if not Formation.objects.exists():
        importlib.import_module("referentiel.migrations.0002_ndrc_2018_blocs_et_missions").semer(
            apps, None
        )
    if not Etablissement.objects.exists():
        lycee_creer()
