"""The demo tells its story with dates that agree, whatever day it is built: no signature
dated in the future, no timeline stamped after the stage it describes or before its
convention was created, attestations only for periods over, presence only for days past.

The demo is built twice, its clock set to a day of March and a day of September (both
after the story's day, 27 November 2026: demo/calendrier.py), and every stamp checked."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from unittest import mock

import pytest
from django.db import transaction
from django.test import TestCase, override_settings
from django.utils import timezone

from conventions.models import Convention, EvenementConvention, Pointage, Statut
from core.models import CourrielEnvoye
from demo.calendrier import DERNIER_JOUR_RELEVE, JOUR_DE_LA_DEMO
from demo.circuit import demo_circuit_ouvrir
from demo.donnees import conventions_demo, demo_construire
from documents.models import Document, Signature
from examens.models import DepotDossier, EvenementFiche, Fiche
from organismes.models import EvenementOrganisme
from tests.courriels import LISIBLES

pytestmark = pytest.mark.django_db

JOURS_DE_CONSTRUCTION = [datetime(2027, 3, 15, 9, 30), datetime(2027, 9, 14, 18, 5)]
# Before the stage: what prepares a convention; on or after its days: the rest.
AVANT_LE_STAGE = {
    "creation",
    "soumettre",
    "renvoyer",
    "valider",
    "refuser",
    "acquittement",
    "envoyer_signature",
    "enregistrer_signatures",
    "annuler",
}


@dataclass(frozen=True)
class Construction:
    le: datetime  # the build's moment (the clock the fixture sets)
    dernier_evenement: int  # the last timeline row of the build, before the circuit opens


def _aware(jour: date, heure: time = time(0)) -> datetime:
    return timezone.make_aware(datetime.combine(jour, heure))


@pytest.fixture(
    scope="module", params=JOURS_DE_CONSTRUCTION, ids=lambda d: f"construite-le-{d:%Y-%m-%d}"
)
def construction(
    request: pytest.FixtureRequest,
    django_db_setup: None,
    django_db_blocker: Any,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Construction]:
    """The demo built (and its circuit opened) with the clock on that day, rolled back after."""
    maintenant = timezone.make_aware(request.param)
    reglages = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"), **LISIBLES)
    horloge = mock.patch("django.utils.timezone.now", return_value=maintenant)
    with django_db_blocker.unblock(), reglages, horloge, transaction.atomic():
        cas = demo_construire()
        assert cas.en_signature is not None
        dernier = EvenementConvention.objects.order_by("pk").values_list("pk", flat=True).last()
        with TestCase.captureOnCommitCallbacks(execute=True):
            demo_circuit_ouvrir(cas.en_signature)
        yield Construction(maintenant, dernier or 0)
        transaction.set_rollback(True)


def _bornes(c: Convention) -> tuple[date, date]:
    periodes = sorted(c.periodes.all(), key=lambda p: p.debut)
    return periodes[0].debut, c.rupture_dernier_jour or periodes[-1].fin


def test_no_signature_is_dated_in_the_future(construction: Construction) -> None:
    for c in conventions_demo().exclude(date_signature=None).prefetch_related("periodes"):
        assert c.date_signature <= JOUR_DE_LA_DEMO, c
        assert c.date_signature < _bornes(c)[0], c
    for s in Signature.objects.exclude(signe_le=None):
        assert s.signe_le <= construction.le
    assert Document.objects.exists()
    assert not Document.objects.filter(cree_le__gt=construction.le).exists()


def test_each_timeline_follows_its_stage_within_the_story(construction: Construction) -> None:
    fin_de_l_histoire = _aware(JOUR_DE_LA_DEMO + timedelta(days=1))
    fautes = []
    for c in conventions_demo().prefetch_related("periodes"):
        debut, fin = _bornes(c)
        precedent = c.cree_le
        # The circuit opened after the build writes its own lines, on the build's day.
        for e in c.evenements.filter(pk__lte=construction.dernier_evenement).order_by("pk"):
            quand = f"{c} : {e.action} le {e.horodatage:%d/%m/%Y %H:%M}"
            if e.horodatage < precedent:
                fautes.append(f"{quand}, avant l'événement précédent ou la création")
            if e.horodatage >= fin_de_l_histoire:
                fautes.append(f"{quand}, après le jour de l'histoire")
            if e.action in AVANT_LE_STAGE and e.horodatage >= _aware(debut):
                fautes.append(f"{quand}, après le début du stage ({debut:%d/%m/%Y})")
            if e.action == "demarrer" and e.horodatage < _aware(debut):
                fautes.append(f"{quand}, avant le début du stage")
            if e.action in ("terminer", "attester") and e.horodatage < _aware(fin):
                fautes.append(f"{quand}, avant la fin du stage ({fin:%d/%m/%Y})")
            precedent = e.horodatage
    assert not fautes, "\n".join(fautes[:20])


def test_attestations_only_for_stages_over(construction: Construction) -> None:
    attestees = conventions_demo().filter(statut=Statut.ATTESTEE).prefetch_related("periodes")
    assert attestees.exists()
    for c in attestees:
        assert _bornes(c)[1] < JOUR_DE_LA_DEMO, c
    for c in conventions_demo().filter(evenements__action="attester").prefetch_related("periodes"):
        assert _bornes(c)[1] < JOUR_DE_LA_DEMO, c


def test_presence_is_logged_for_days_past_once_they_are_past(construction: Construction) -> None:
    assert Pointage.objects.exists()
    for p in Pointage.objects.all():
        assert p.jour <= DERNIER_JOUR_RELEVE
        assert _aware(p.jour) <= p.saisi_le <= construction.le


def test_the_exam_fiches_are_written_reviewed_and_deposited_within_the_story(
    construction: Construction,
) -> None:
    fin_de_l_histoire = _aware(JOUR_DE_LA_DEMO + timedelta(days=1))
    assert EvenementFiche.objects.exists()
    for f in Fiche.objects.prefetch_related("versions", "evenements"):
        moments = [f.cree_le, f.modifie_le, *(e.horodatage for e in f.evenements.all())]
        for v in f.versions.all():
            moments += [m for m in (v.cree_le, v.soumise_le, v.relue_le) if m is not None]
        assert all(f.cree_le <= m < fin_de_l_histoire for m in moments), f
    for depot in DepotDossier.objects.select_related("session"):
        assert depot.depose_le <= depot.session.date_limite_depot < JOUR_DE_LA_DEMO


def test_the_hosts_counts_and_the_mails_are_not_dated_after_the_build(
    construction: Construction,
) -> None:
    assert not EvenementOrganisme.objects.filter(horodatage__gt=construction.le).exists()
    assert not CourrielEnvoye.objects.filter(envoye_le__gt=construction.le).exists()


def test_every_address_the_demo_records_is_fictitious(construction: Construction) -> None:
    from django.apps import apps
    from django.db import models

    from tests.demo.test_adresses import PERMIS

    vues = 0
    for modele in apps.get_models():
        for champ in modele._meta.get_fields():
            if isinstance(champ, models.EmailField):
                for adresse in modele._default_manager.exclude(**{champ.name: ""}).values_list(
                    champ.name, flat=True
                ):
                    vues += 1
                    domaine = adresse.rsplit("@", 1)[-1]
                    assert PERMIS.search(domaine), f"{modele.__name__}.{champ.name} : {adresse}"
    assert vues > 100


def test_a_new_convention_after_a_stage_ended_early_is_written_after_that_end(
    construction: Construction,
) -> None:
    rompues = conventions_demo().filter(statut=Statut.ROMPUE)
    assert rompues.exists()
    for rompue in rompues:
        assert rompue.rupture_dernier_jour is not None
        suivantes = conventions_demo().filter(
            etudiant=rompue.etudiant, periodes__debut__gt=rompue.rupture_dernier_jour
        )
        assert suivantes.exists()
        for c in suivantes:
            assert c.cree_le >= _aware(rompue.rupture_dernier_jour + timedelta(days=1)), c
