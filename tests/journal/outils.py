"""Builders of the log's tests: a stage under way around today, a student account linked to
its record, files of each accepted type (and of a refused one) built in memory."""

from __future__ import annotations

import io
import zipfile
from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from comptes.models import Utilisateur
from conventions.models import Convention, Statut
from etablissement.models import Etudiant
from journal import services
from journal.models import EntreeJournal
from organismes.models import OrganismeAccueil, Tuteur
from referentiel.models import Competence, Mission
from tests import fabriques


def aujourdhui() -> date:
    return timezone.localdate()


def etudiant_de(utilisateur: Utilisateur, **champs: Any) -> Etudiant:
    """The persona's student record, linked to their account."""
    return fabriques.etudiant(utilisateur=utilisateur, **champs)


def stage(
    *,
    etudiant: Etudiant | None = None,
    organisme: OrganismeAccueil | None = None,
    tuteur: Tuteur | None = None,
    debut: date | None = None,
    fin: date | None = None,
    statut: Statut = Statut.EN_COURS,
) -> Convention:
    """A convention of `etudiant` under way: from three weeks ago to three weeks from now
    unless told. Its status is set directly (its life cycle is tested elsewhere)."""
    jour = aujourdhui()
    org = organisme or fabriques.organisme()
    c = fabriques.convention(
        etudiant_=etudiant,
        organisme_=org,
        tuteur_=tuteur or fabriques.tuteur(organisme=org),
        periodes=((debut or jour - timedelta(days=21), fin or jour + timedelta(days=21)),),
    )
    Convention.objects.filter(pk=c.pk).update(statut=statut)
    c.refresh_from_db()
    return c


def competence(code: str) -> Competence:
    return Competence.objects.get(code=code, bloc__version__code="NDRC-2018")


def mission(code: str) -> Mission:
    return Mission.objects.get(code=code)


def entree(
    convention: Convention,
    *,
    jour: date | None = None,
    texte: str = "Relance des devis en attente par téléphone.",
    competences: tuple[str, ...] = (),
    missions: tuple[str, ...] = (),
) -> EntreeJournal:
    jour = jour or aujourdhui() - timedelta(days=1)
    return services.entree_creer(
        convention=convention,
        saisie=services.Saisie(
            date_debut=jour,
            date_fin=jour,
            activites=texte,
            competences=tuple(competence(c) for c in competences),
            missions=tuple(mission(m) for m in missions),
        ),
        le=timezone.now(),
        aujourdhui=aujourdhui(),
    )


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
EXE = b"MZ\x90\x00" + b"\x00" * 64


def _zip(entrees: dict[str, bytes]) -> bytes:
    tampon = io.BytesIO()
    with zipfile.ZipFile(tampon, "w") as archive:
        for nom, contenu in entrees.items():
            archive.writestr(nom, contenu)
    return tampon.getvalue()


ODT = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})
DOCX = _zip({"[Content_Types].xml": b"<x/>", "word/document.xml": b"<x/>"})
ZIP_QUELCONQUE = _zip({"photo.txt": b"bonjour"})
