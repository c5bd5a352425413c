"""The start of the signature circuit: one personal link per signatory, never a silent
second circuit, opening a link signs nothing, the explicit click records the evidence."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comptes.models import Utilisateur
from conventions.models import Statut
from documents import services, signatures
from documents.models import Document, RoleSignataire, Signature
from etablissement.models import Etablissement
from organismes.models import ContactOrganisme, RoleContact
from tests import fabriques
from tests.conventions.ecrans import avancer, etudiant_suivi_par

pytestmark = pytest.mark.django_db
MAINTENANT = datetime(2026, 2, 2, 9, 0, tzinfo=UTC)


def staff() -> Utilisateur:
    """An administrator who moves the test conventions along (not a persona: any test may
    log its own personas in)."""
    utilisateur, _ = Utilisateur.objects.get_or_create(
        email="secretariat@example.org", defaults={"role": "administrateur"}
    )
    return utilisateur


def _document(statut: Statut = Statut.EN_SIGNATURE, **champs: Any) -> Document:
    """The convention's PDF, its convention then moved (warnings acknowledged) to `statut`:
    by default "en signature" without a circuit, so a circuit opens on it with or without
    a named member of staff."""
    org = fabriques.organisme()
    ContactOrganisme.objects.create(
        organisme=org,
        nom="Lefèvre",
        prenom="Anne",
        role=RoleContact.SIGNATAIRE,
        email="a@example.org",
    )
    Etablissement.objects.update(chef_etablissement_nom="Jean Proviseur")
    c = fabriques.convention(organisme_=org, **champs)
    document = services.convention_pdf_generer(convention=c, auteur=None, le=date(2026, 2, 1))
    avancer(c, statut, staff())
    document.refresh_from_db()
    return document


def test_one_personal_link_per_signatory_and_only_its_hash_is_kept() -> None:
    liens = signatures.circuit_ouvrir(document=_document(), le=MAINTENANT)
    assert [lien.signature.role for lien in liens] == [
        RoleSignataire.ETUDIANT,
        RoleSignataire.ORGANISME,
        RoleSignataire.TUTEUR,
        RoleSignataire.REFERENT,
        RoleSignataire.ETABLISSEMENT,
    ]
    for lien in liens:
        assert lien.jeton not in lien.signature.jeton_sha256
        assert lien.signature.jeton_sha256 == hashlib.sha256(lien.jeton.encode()).hexdigest()


def test_a_minor_also_signs_through_the_legal_representative() -> None:
    eleve = fabriques.etudiant(
        date_naissance=date(2009, 1, 1), representant_legal_nom="Marie Martin"
    )
    liens = signatures.circuit_ouvrir(document=_document(etudiant_=eleve), le=MAINTENANT)
    assert RoleSignataire.REPRESENTANT_LEGAL in [lien.signature.role for lien in liens]


def test_a_second_circuit_is_refused_not_overwritten() -> None:
    document = _document()
    signatures.circuit_ouvrir(document=document, le=MAINTENANT)
    with pytest.raises(signatures.SignatureRefusee, match="déjà son circuit"):
        signatures.circuit_ouvrir(document=document, le=MAINTENANT)
    assert Signature.objects.count() == 5


def test_opening_the_link_signs_nothing_the_click_signs_with_evidence() -> None:
    document = _document()
    # The page reads the clock: a link opened now.
    lien = signatures.circuit_ouvrir(document=document, le=timezone.now())[0]
    client = Client()
    url = reverse("documents:signer", args=[lien.jeton])

    assert client.get(url).status_code == 200
    assert client.get(reverse("documents:signer_pdf", args=[lien.jeton])).status_code == 200
    lien.signature.refresh_from_db()
    assert lien.signature.signe_le is None

    reponse = client.post(url, {"je_signe": "oui"}, HTTP_USER_AGENT="Navigateur de test")
    assert "Vous avez signé ce document" in reponse.content.decode()
    lien.signature.refresh_from_db()
    assert lien.signature.signe_le is not None
    assert lien.signature.sha256_signe == document.sha256
    assert lien.signature.adresse_ip == "127.0.0.1"
    assert lien.signature.navigateur == "Navigateur de test"


def test_an_expired_or_replaced_link_opens_nothing_a_renewed_one_does() -> None:
    lien = signatures.circuit_ouvrir(document=_document(), le=MAINTENANT)[0]
    plus_tard = MAINTENANT + signatures.DUREE_LIEN + timedelta(minutes=1)
    assert signatures.signature_par_jeton(lien.jeton, le=plus_tard) is None
    nouveau = signatures.lien_renouveler(signature=lien.signature, le=plus_tard)
    assert signatures.signature_par_jeton(lien.jeton, le=plus_tard) is None
    assert signatures.signature_par_jeton(nouveau.jeton, le=plus_tard) == lien.signature
    assert Client().get(reverse("documents:signer", args=["lien-invente"])).status_code == 404


def test_a_tampered_file_cannot_be_signed() -> None:
    document = _document()
    lien = signatures.circuit_ouvrir(document=document, le=MAINTENANT)[0]
    with open(document.fichier.path, "ab") as fichier:
        fichier.write(b"%% ajout")
    with pytest.raises(signatures.SignatureRefusee, match="ne correspond plus"):
        signatures.signer(signature=lien.signature, le=MAINTENANT, adresse_ip=None, navigateur="")


@pytest.mark.parametrize("persona", ["administrateur", "enseignant"])
def test_the_staff_open_the_circuit_but_never_see_a_signing_link(
    persona: str,
    request: pytest.FixtureRequest,
    mailoutbox: list[Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    """A link signs for its signatory: shown to the staff member, it would let them sign as
    the company or the head of school. It goes by e-mail only."""
    utilisateur: Utilisateur = request.getfixturevalue(persona)
    document = _document(Statut.VALIDEE, etudiant_=etudiant_suivi_par(utilisateur))
    client = Client()
    client.force_login(utilisateur)
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(reverse("documents:circuit", args=[document.pk]))
    assert reponse.status_code == 200
    jetons = [m.body.split("/signer/")[1].split("/")[0] for m in mailoutbox if "/signer/" in m.body]
    assert len(jetons) == document.signatures.exclude(email="").count() >= 4
    pages = [
        reponse,
        client.get(reverse("documents:convention", args=[document.convention_id])),
        client.get(reverse("documents:suivi", args=[document.pk])),
        client.get(reverse("conventions:detail", args=[document.convention_id])),
    ]
    for page in pages:
        texte = page.content.decode()
        assert "/signer/" not in texte
        assert not any(jeton in texte for jeton in jetons)
    assert "lien envoyé à a@example.org" in reponse.content.decode()
    assert client.post(reverse("documents:circuit", args=[document.pk])).status_code == 409


def test_each_signatory_gets_their_own_link_by_email_after_commit(
    mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    document = _document()
    with django_capture_on_commit_callbacks(execute=True) as rappels:
        liens = signatures.circuit_ouvrir(document=document, le=MAINTENANT)
        assert mailoutbox == []  # nothing leaves before the commit
    assert len(rappels) == 5
    avec_adresse = [lien for lien in liens if lien.signature.email]
    assert len(mailoutbox) == len(avec_adresse)
    for lien, message in zip(avec_adresse, mailoutbox, strict=True):
        assert message.to == [lien.signature.email]
        assert lien.jeton in message.body
        assert "Ouvrir le lien ne signe rien" in message.body
        # Nobody receives somebody else's link.
        autres = [autre.jeton for autre in liens if autre is not lien]
        assert not any(jeton in message.body for jeton in autres)


def test_an_expired_link_asks_for_a_new_one_sent_by_email_never_shown(
    mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    lien = signatures.circuit_ouvrir(document=_document(), le=timezone.now() - timedelta(days=20))[
        0
    ]
    client = Client()
    page = client.get(reverse("documents:signer", args=[lien.jeton]))
    assert page.status_code == 410
    assert "Recevoir un nouveau lien" in page.content.decode()
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(reverse("documents:nouveau_lien", args=[lien.jeton]))
    assert reponse.status_code == 200
    (message,) = mailoutbox
    assert message.to == [lien.signature.email]
    ancien = lien.signature.jeton_sha256
    lien.signature.refresh_from_db()
    assert lien.signature.jeton_sha256 != ancien
    assert "/signer/" not in reponse.content.decode().replace(
        reverse("documents:nouveau_lien", args=[lien.jeton]), ""
    )
    nouveau = message.body.split("/signer/")[1].split("/")[0]
    assert nouveau not in reponse.content.decode()
    assert client.get(reverse("documents:signer", args=[nouveau])).status_code == 200
    # The old link is now unknown: it cannot ask again.
    assert client.post(reverse("documents:nouveau_lien", args=[lien.jeton])).status_code == 404


def test_a_valid_link_cannot_ask_for_another_one() -> None:
    lien = signatures.circuit_ouvrir(document=_document(), le=timezone.now())[0]
    assert Client().post(reverse("documents:nouveau_lien", args=[lien.jeton])).status_code == 404


def test_signing_needs_the_confirmation_box() -> None:
    lien = signatures.circuit_ouvrir(document=_document(), le=timezone.now())[0]
    reponse = Client().post(reverse("documents:signer", args=[lien.jeton]), {})
    assert "Cochez la case" in reponse.content.decode()
    lien.signature.refresh_from_db()
    assert lien.signature.signe_le is None


def test_a_double_click_signs_once() -> None:
    lien = signatures.circuit_ouvrir(document=_document(), le=timezone.now())[0]
    client = Client()
    url = reverse("documents:signer", args=[lien.jeton])
    premier = client.post(url, {"je_signe": "oui"}, HTTP_USER_AGENT="premier")
    second = client.post(url, {"je_signe": "oui"}, HTTP_USER_AGENT="second")
    assert "Vous avez signé ce document" in premier.content.decode()
    assert "Vous avez signé ce document" in second.content.decode()
    assert "déjà signé" not in second.content.decode()
    lien.signature.refresh_from_db()
    assert lien.signature.navigateur == "premier"
    with pytest.raises(signatures.SignatureRefusee, match="déjà signé"):
        signatures.signer(
            signature=lien.signature, le=timezone.now(), adresse_ip=None, navigateur="x"
        )
    # A stale copy in hand (read unsigned by a concurrent request) changes nothing.
    perime = Signature.objects.get(pk=lien.signature.pk)
    perime.signe_le = None
    with pytest.raises(signatures.SignatureRefusee, match="déjà signé"):
        signatures.signer(signature=perime, le=timezone.now(), adresse_ip=None, navigateur="x")
