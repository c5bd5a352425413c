"""Signing several documents in one action from a space: the head of school's pile across
conventions, a host's own; each signature with its own evidence, nothing without the
explicit « Je signe ces documents »."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conventions.models import Statut
from documents import services as documents_services
from documents import signatures
from documents.models import OrdreSignature, RoleSignataire, Signature
from espaces import services
from tests import fabriques
from tests.conventions.ecrans import avancer
from tests.documents.test_signatures import staff
from tests.espaces import outils

pytestmark = pytest.mark.django_db
NAVIGATEUR = "Mozilla/5.0 (proviseur)"


@pytest.fixture
def pile() -> list[Signature]:
    """The head of school's signature awaited on three conventions of three hosts."""
    signatures = []
    for nom, eleve in (
        ("Aquitaine Distribution", "Amblard"),
        ("Garonne Services", "Bertin"),
        ("Chartrons Conseil", "Chevalier"),
    ):
        org, _, tuteur = outils.hote(nom)
        c = outils.convention(org, tuteur, etudiant_=fabriques.etudiant(nom=eleve))
        signatures.append(outils.signature_de(outils.circuit(c), RoleSignataire.ETABLISSEMENT))
    return signatures


def test_the_head_of_school_signs_three_conventions_at_once(
    client: Client, pile: list[Signature]
) -> None:
    outils.ecole_prete()
    _, jeton = outils.lien(services.titulaire_chef())
    page = client.get(reverse("espaces:espace", args=[jeton])).content.decode()
    assert "Tout cocher" in page
    for nom in ("Aquitaine Distribution", "Garonne Services", "Chartrons Conseil"):
        assert nom in page
    donnees: dict[str, object] = {"signatures": [s.pk for s in pile], "je_signe": "oui"}
    donnees |= {f"empreinte-{s.pk}": s.document.sha256 for s in pile}
    reponse = client.post(
        reverse("espaces:signer", args=[jeton]),
        donnees,
        REMOTE_ADDR="192.0.2.7",
        HTTP_USER_AGENT=NAVIGATEUR,
    )
    assert reponse.status_code == 200
    assert "3 documents signés" in reponse.content.decode()
    for signature in pile:
        signature.refresh_from_db()
        assert signature.signe_le is not None
        assert signature.adresse_ip == "192.0.2.7"
        assert signature.navigateur == NAVIGATEUR
        assert signature.sha256_signe == signature.document.sha256
    assert len({s.sha256_signe for s in pile}) == 3  # each its own document's hash
    assert "Aucun document n'attend votre signature" in reponse.content.decode()


def test_nothing_is_signed_without_the_explicit_box(client: Client, pile: list[Signature]) -> None:
    outils.ecole_prete()
    _, jeton = outils.lien(services.titulaire_chef())
    url = reverse("espaces:signer", args=[jeton])
    reponse = client.post(url, {"signatures": [s.pk for s in pile]})
    assert reponse.status_code == 400
    assert "Je signe ces documents" in reponse.content.decode()
    assert client.post(url, {"je_signe": "oui"}).status_code == 400
    assert not Signature.objects.filter(pk__in=[s.pk for s in pile], signe_le__isnull=False)


def test_a_document_changed_since_shown_is_refused_with_its_reason(
    client: Client, pile: list[Signature]
) -> None:
    outils.ecole_prete()
    _, jeton = outils.lien(services.titulaire_chef())
    premiere, seconde = pile[0], pile[1]
    reponse = client.post(
        reverse("espaces:signer", args=[jeton]),
        {
            "signatures": [premiere.pk, seconde.pk],
            "je_signe": "oui",
            f"empreinte-{premiere.pk}": "0" * 64,
            f"empreinte-{seconde.pk}": seconde.document.sha256,
        },
    )
    page = reponse.content.decode()
    assert "1 document signé" in page and "1 document non signé" in page
    assert "a changé" in page
    premiere.refresh_from_db()
    seconde.refresh_from_db()
    assert premiere.signe_le is None and seconde.signe_le is not None


def test_the_head_of_school_space_shows_no_host_section(client: Client) -> None:
    outils.ecole_prete()
    _, jeton = outils.lien(services.titulaire_chef())
    page = client.get(reverse("espaces:espace", args=[jeton])).content.decode()
    assert "Documents à signer pour l'établissement" in page
    assert "Informations à confirmer" not in page


def test_a_host_signatory_signs_their_own_documents_and_not_the_schools(client: Client) -> None:
    org, contact, tuteur = outils.hote("Aquitaine Distribution")
    # The same address for the host's signatory and the school: the host's link still signs
    # only as the host.
    outils.ecole_prete()
    contact.email = outils.ECOLE
    contact.save()
    document = outils.circuit(outils.convention(org, tuteur))
    _, jeton = outils.lien(services.titulaire_contact(contact))
    page = client.get(reverse("espaces:espace", args=[jeton])).content.decode()
    organisme = outils.signature_de(document, RoleSignataire.ORGANISME)
    ecole = outils.signature_de(document, RoleSignataire.ETABLISSEMENT)
    assert f'value="{organisme.pk}"' in page
    assert f'value="{ecole.pk}"' not in page
    client.post(
        reverse("espaces:signer", args=[jeton]),
        {"signatures": [organisme.pk, ecole.pk], "je_signe": "oui"},
    )
    organisme.refresh_from_db()
    ecole.refresh_from_db()
    assert organisme.signe_le is not None
    assert ecole.signe_le is None


def test_in_a_sequential_circuit_the_school_waits_for_its_turn(client: Client) -> None:
    outils.ecole_prete()
    org, _, tuteur = outils.hote("Aquitaine Distribution")
    c = outils.convention(org, tuteur)
    document = documents_services.convention_pdf_generer(
        convention=c, auteur=None, le=date(2026, 2, 1)
    )
    avancer(c, Statut.EN_SIGNATURE, staff())
    document.refresh_from_db()
    signatures.circuit_ouvrir(document=document, le=timezone.now(), ordre=OrdreSignature.SEQUENTIEL)
    ecole = outils.signature_de(document, RoleSignataire.ETABLISSEMENT)
    _, jeton = outils.lien(services.titulaire_chef())
    page = client.get(reverse("espaces:espace", args=[jeton])).content.decode()
    assert f'value="{ecole.pk}" disabled' in page
    assert "pas encore tous signé" in page
    reponse = client.post(
        reverse("espaces:signer", args=[jeton]),
        {"signatures": [ecole.pk, ecole.pk], "je_signe": "oui"},
    )
    assert "1 document non signé" in reponse.content.decode()
    ecole.refresh_from_db()
    assert ecole.signe_le is None


def test_the_space_signs_even_when_the_documents_own_link_has_expired(
    client: Client, pile: list[Signature]
) -> None:
    """The space's valid link proves who signs: the 14-day link e-mailed for one document
    having lapsed does not send the head of school back to the section."""
    outils.ecole_prete()
    Signature.objects.filter(pk__in=[s.pk for s in pile]).update(
        expire_le=timezone.now() - signatures.DUREE_LIEN
    )
    _, jeton = outils.lien(services.titulaire_chef())
    reponse = client.post(
        reverse("espaces:signer", args=[jeton]),
        {"signatures": [pile[0].pk], "je_signe": "oui"},
    )
    assert "1 document signé" in reponse.content.decode()
    pile[0].refresh_from_db()
    assert pile[0].signe_le is not None
    # The e-mailed link itself still refuses.
    with pytest.raises(signatures.SignatureRefusee, match="expiré"):
        signatures.signer(signature=pile[1], le=timezone.now(), adresse_ip=None, navigateur="")
