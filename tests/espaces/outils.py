"""Builders of the spaces' tests: a host with its signatory and tutor, a convention whose
circuit is open, a link whose secret the test reads (as the e-mail would give it)."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from django.core import mail
from django.utils import timezone

from conventions.models import Convention, Statut
from documents import services as documents_services
from documents import signatures
from documents.models import Document, RoleSignataire, Signature
from espaces import services
from etablissement.models import Etablissement
from organismes.models import ContactOrganisme, OrganismeAccueil, RoleContact, Tuteur
from tests import fabriques
from tests.conventions.ecrans import avancer
from tests.documents.test_signatures import staff

ECOLE = "direction@lycee-eiffel.example"


def hote(nom: str) -> tuple[OrganismeAccueil, ContactOrganisme, Tuteur]:
    org = fabriques.organisme(raison_sociale=nom)
    slug = nom.split()[0].lower()
    contact = ContactOrganisme.objects.create(
        organisme=org,
        nom="Lefèvre",
        prenom="Anne",
        role=RoleContact.SIGNATAIRE,
        email=f"signataire@{slug}.example",
    )
    tuteur = fabriques.tuteur(organisme=org, email=f"tuteur@{slug}.example")
    return org, contact, tuteur


def ecole_prete() -> None:
    Etablissement.objects.update(chef_etablissement_nom="Jean Proviseur", email=ECOLE)


def convention(
    org: OrganismeAccueil, tuteur: Tuteur | None, statut: Statut = Statut.BROUILLON, **champs: Any
) -> Convention:
    c = fabriques.convention(organisme_=org, tuteur_=tuteur or False, **champs)
    if statut != Statut.BROUILLON:
        c = avancer(c, statut, staff())
    return c


def circuit(c: Convention) -> Document:
    """The convention's PDF, sent to signature, its circuit open (links e-mailed)."""
    ecole_prete()
    document = documents_services.convention_pdf_generer(
        convention=c, auteur=None, le=date(2026, 2, 1)
    )
    avancer(c, Statut.EN_SIGNATURE, staff())
    document.refresh_from_db()
    signatures.circuit_ouvrir(document=document, le=timezone.now())
    return document


def signature_de(document: Document, role: RoleSignataire) -> Signature:
    return Signature.objects.get(document=document, role=role, invalidee_le__isnull=True)


def lien(titulaire: services.Titulaire, le: datetime | None = None) -> tuple[Any, str]:
    cree = services.lien_envoyer(titulaire=titulaire, le=le or timezone.now(), auteur=None)
    return cree.lien, cree.jeton


def jeton_du_courriel(index: int = -1) -> str:
    """The secret of the space link in an e-mail sent (what its holder would click)."""
    corps = str(mail.outbox[index].body)
    trouve = re.search(r"/espace/([A-Za-z0-9_-]+)/", corps)
    assert trouve, corps
    return trouve.group(1)
