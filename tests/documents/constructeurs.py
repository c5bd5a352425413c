"""URL arguments for the access table (tests/acces/matrice.py): a convention of a student the
persona teacher does not follow, with an avenant, and one generated document."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any


def convention() -> Mapping[str, Any]:
    from tests import fabriques  # the database exists only inside the test

    return {"pk": fabriques.convention().pk}


def avenant() -> Mapping[str, Any]:
    from conventions.models import Avenant
    from tests import fabriques

    c = fabriques.convention()
    changements = {"minutes_lundi": {"avant": 420, "apres": 360}}
    Avenant.objects.create(
        convention=c,
        numero=1,
        date_effet=date(2026, 3, 9),
        motif="Horaire",
        changements=changements,
    )
    return {"pk": c.pk, "numero": 1}


def periode() -> Mapping[str, Any]:
    from tests import fabriques

    c = fabriques.convention()
    return {"pk": c.pk, "periode": c.periodes.get().pk}


def document() -> Mapping[str, Any]:
    from documents.services import convention_pdf_generer
    from tests import fabriques

    doc = convention_pdf_generer(
        convention=fabriques.convention(), auteur=None, le=date(2026, 2, 2)
    )
    return {"pk": doc.pk}


def modele() -> Mapping[str, Any]:
    return {"type_": "attestation"}


def document_a_signer() -> Mapping[str, Any]:
    """A stored convention PDF whose host has a signatory and whose school a head, the
    convention validated."""
    from conventions.models import Statut
    from documents.services import convention_pdf_generer
    from etablissement.models import Etablissement
    from organismes.models import ContactOrganisme, RoleContact
    from tests import fabriques
    from tests.conventions.ecrans import avancer
    from tests.documents.test_signatures import staff

    org = fabriques.organisme()
    ContactOrganisme.objects.create(organisme=org, nom="Lefèvre", role=RoleContact.SIGNATAIRE)
    Etablissement.objects.update(chef_etablissement_nom="Jean Proviseur")
    c = fabriques.convention(organisme_=org)
    doc = convention_pdf_generer(convention=c, auteur=None, le=date(2026, 2, 2))
    avancer(c, Statut.VALIDEE, staff())  # its circuit opens from "validée"
    return {"pk": doc.pk}


def copie_a_confirmer() -> Mapping[str, Any]:
    """A scanned copy signed in ink for every signatory, uploaded, not confirmed yet."""
    from django.utils import timezone

    from comptes.models import Utilisateur
    from documents import signatures
    from documents.models import Document

    document = Document.objects.get(pk=document_a_signer()["pk"])
    auteur = Utilisateur.objects.get(email="secretariat@example.org")
    signatures.circuit_ouvrir(document=document, le=timezone.now(), auteur=auteur)
    copie = signatures.copie_deposer(
        document=document,
        contenu=b"%PDF-1.4\n%%EOF\n",
        signature=None,
        auteur=auteur,
        le=timezone.now(),
    )
    return {"pk": copie.pk}


def document_signe() -> Mapping[str, Any]:
    """A convention PDF signed by all (on paper), its final PDF stored."""
    from django.utils import timezone

    from comptes.models import Utilisateur
    from documents import signatures
    from documents.models import CopieSignee

    copie = CopieSignee.objects.get(pk=copie_a_confirmer()["pk"])
    auteur = Utilisateur.objects.order_by("pk").first()
    assert auteur is not None
    signatures.copie_confirmer(copie=copie, auteur=auteur, le=timezone.now())
    return {"pk": copie.document_id}


def document_signale() -> Mapping[str, Any]:
    """A convention PDF under signature on which the host's signatory reported an error."""
    from django.utils import timezone

    from comptes.models import Utilisateur
    from documents import signalements, signatures
    from documents.models import Document, RoleSignataire

    document = Document.objects.get(pk=document_a_signer()["pk"])
    auteur = Utilisateur.objects.get(email="secretariat@example.org")
    liens = signatures.circuit_ouvrir(document=document, le=timezone.now(), auteur=auteur)
    organisme = next(x for x in liens if x.signature.role == RoleSignataire.ORGANISME)
    signalements.signaler(
        signature=organisme.signature, message="Les horaires sont faux.", le=timezone.now()
    )
    return {"pk": document.pk}


def signature_etudiant() -> Mapping[str, Any]:
    """The student's signature awaited on another student's convention (its circuit open)."""
    from documents.models import RoleSignataire
    from tests.espaces import outils

    org, _, tuteur = outils.hote("Cave des Chartrons")
    document = outils.circuit(outils.convention(org, tuteur))
    return {"pk": outils.signature_de(document, RoleSignataire.ETUDIANT).pk}
