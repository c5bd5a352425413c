"""The staff's queue of company offers: administrators accept or refuse (with a reason mailed
to the company), every change is written with who and when; students see accepted offers."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from comptes.models import Utilisateur
from organismes.models import EtablissementAccueil, OrganismeAccueil
from public.models import PropositionStage, StatutProposition
from public.services import proposition_changer_statut, proposition_creer
from referentiel.models import Mission
from tests import fabriques

pytestmark = pytest.mark.django_db


def _proposition(entreprise: str = "Aquitaine Distribution") -> PropositionStage:
    return proposition_creer(
        entreprise=entreprise,
        ville="Mérignac",
        contact_nom="Julie Martin",
        contact_email="julie.martin@example.org",
        contact_telephone="05 56 00 00 00",
    )


def _connecte(utilisateur: Utilisateur) -> Client:
    client = Client()
    client.force_login(utilisateur)
    return client


def test_the_staff_see_the_queue_with_each_status(enseignant: Utilisateur) -> None:
    recue = _proposition("Recue SA")
    refusee = _proposition("Refusee SARL")
    proposition_changer_statut(
        proposition=refusee, vers=StatutProposition.REFUSEE, par=None, motif="Hors secteur."
    )
    html = _connecte(enseignant).get(reverse("public:propositions")).content.decode()
    assert html.index("Recue SA") < html.index("Refusee SARL")  # the received ones first
    assert "reçue" in html and "refusée" in html
    # What the staff sort offers by: the periods and the gratification the company means.
    assert "non précisées" in html and "À voir avec la section" in html
    assert reverse("public:proposition", kwargs={"pk": recue.pk}) in html


def test_an_administrator_accepts_and_the_change_is_written_with_who_and_when(
    administrateur: Utilisateur,
) -> None:
    proposition = _proposition()
    client = _connecte(administrateur)
    reponse = client.post(
        reverse("public:proposition_decider", kwargs={"pk": proposition.pk}),
        {"decision": "acceptee"},
    )
    assert reponse.status_code == 302 and reponse["Location"] == reverse("public:propositions")
    proposition.refresh_from_db()
    assert proposition.statut == StatutProposition.ACCEPTEE
    (evenement,) = proposition.evenements.all()
    assert evenement.auteur == administrateur and evenement.horodatage is not None
    assert (evenement.avant, evenement.apres) == (StatutProposition.RECUE, "acceptee")
    fiche = client.get(reverse("public:proposition", kwargs={"pk": proposition.pk}))
    assert "Claire Dupuis" in fiche.content.decode()


def test_a_refusal_needs_a_reason_which_is_mailed_to_the_company_after_commit(
    administrateur: Utilisateur, django_capture_on_commit_callbacks: object
) -> None:
    proposition = _proposition()
    client = _connecte(administrateur)
    url = reverse("public:proposition_decider", kwargs={"pk": proposition.pk})
    sans_motif = client.post(url, {"decision": "refusee", "motif": "  "})
    assert sans_motif.status_code == 200
    assert sans_motif.context["form"].errors["motif"] == [
        "Dites à l'entreprise pourquoi son offre est refusée."
    ]
    proposition.refresh_from_db()
    assert proposition.statut == StatutProposition.RECUE
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True) as rappels:  # type: ignore[operator]
        client.post(url, {"decision": "refusee", "motif": "Périodes déjà pourvues."})
        assert mail.outbox == []  # nothing leaves before the commit
    assert len(rappels) == 1
    (courriel,) = mail.outbox
    assert courriel.to == ["julie.martin@example.org"]
    assert "Périodes déjà pourvues." in courriel.body
    proposition.refresh_from_db()
    assert proposition.statut == StatutProposition.REFUSEE
    assert proposition.evenements.get().commentaire == "Périodes déjà pourvues."


def test_teachers_read_the_queue_but_only_administrators_decide(
    enseignant: Utilisateur,
) -> None:
    proposition = _proposition()
    client = _connecte(enseignant)
    fiche = client.get(reverse("public:proposition", kwargs={"pk": proposition.pk}))
    assert fiche.status_code == 200 and "Refuser" not in fiche.content.decode()
    url = reverse("public:proposition_decider", kwargs={"pk": proposition.pk})
    assert client.post(url, {"decision": "acceptee"}).status_code == 403


def test_a_decided_offer_cannot_be_decided_again(administrateur: Utilisateur) -> None:
    proposition = _proposition()
    proposition_changer_statut(
        proposition=proposition, vers=StatutProposition.ACCEPTEE, par=administrateur
    )
    reponse = _connecte(administrateur).post(
        reverse("public:proposition_decider", kwargs={"pk": proposition.pk}),
        {"decision": "refusee", "motif": "Finalement non."},
    )
    assert reponse.status_code == 200
    assert "ne peut pas être refusée" in reponse.content.decode()


def test_students_see_the_accepted_offers_only_with_host_periods_missions_and_contact(
    etudiant: Utilisateur,
) -> None:
    periode = fabriques.promotion(annee_debut=2026).periodes.order_by("debut").first()
    assert periode is not None
    mission = Mission.objects.filter(actif=True).order_by("pk").first()
    assert mission is not None
    acceptee = proposition_creer(
        entreprise="Acceptee SA",
        ville="Pessac",
        contact_nom="Paul Roux",
        contact_email="paul.roux@example.org",
        tuteur_nom="Léa Petit",
        tuteur_fonction="Responsable d'agence",
        periodes=[periode],
        missions=[mission],
        gratification="minimum",
    )
    proposition_changer_statut(proposition=acceptee, vers=StatutProposition.ACCEPTEE, par=None)
    _proposition("Recue SA")
    html = _connecte(etudiant).get(reverse("public:offres")).content.decode()
    assert "Acceptee SA" in html and "Pessac" in html and "paul.roux@example.org" in html
    assert str(periode) in html and mission.libelle in html
    assert "gratification envisagée : le minimum légal" in html
    assert "Tuteur : Léa Petit, Responsable d&#x27;agence" in html
    assert "Recue SA" not in html


def _acceptee(siret: str = "83214567600025") -> PropositionStage:
    proposition = proposition_creer(
        entreprise="Aquitaine Distribution",
        siret=siret,
        adresse="12 rue Sainte-Catherine",
        code_postal="33000",
        ville="Bordeaux",
        naf="47.11F",
        contact_nom="Julie Martin",
        contact_email="julie.martin@example.org",
    )
    return proposition_changer_statut(
        proposition=proposition, vers=StatutProposition.ACCEPTEE, par=None
    )


def test_an_accepted_offer_becomes_a_host_with_its_site_once(enseignant: Utilisateur) -> None:
    proposition = _acceptee()
    client = _connecte(enseignant)
    fiche = client.get(reverse("public:proposition", kwargs={"pk": proposition.pk}))
    assert "Créer l'organisme d'accueil" in fiche.content.decode()
    url = reverse("public:proposition_organisme", kwargs={"pk": proposition.pk})
    reponse = client.post(url)
    hote = OrganismeAccueil.objects.get(siren="832145676")
    assert reponse["Location"] == reverse("organismes:detail", kwargs={"pk": hote.pk})
    assert (hote.raison_sociale, hote.naf, hote.ville) == (
        "Aquitaine Distribution",
        "47.11F",
        "Bordeaux",
    )
    site = hote.etablissements.get()
    assert (site.siret, site.adresse, site.code_postal) == (
        "83214567600025",
        "12 rue Sainte-Catherine",
        "33000",
    )
    # Done once: the page links to the host, a second click creates nothing.
    fiche = client.get(
        reverse("public:proposition", kwargs={"pk": proposition.pk})
    ).content.decode()
    assert "Créer l'organisme" not in fiche
    assert reverse("organismes:detail", kwargs={"pk": hote.pk}) in fiche
    client.post(url)
    assert OrganismeAccueil.objects.count() == 1 and EtablissementAccueil.objects.count() == 1


def test_a_known_company_gets_the_offer_s_site(enseignant: Utilisateur) -> None:
    connu = fabriques.organisme(siren="832145676", raison_sociale="Aquidis")
    proposition = _acceptee()
    _connecte(enseignant).post(
        reverse("public:proposition_organisme", kwargs={"pk": proposition.pk})
    )
    assert OrganismeAccueil.objects.get() == connu
    assert "83214567600025" in connu.etablissements.values_list("siret", flat=True)


def test_a_received_offer_does_not_become_a_host(enseignant: Utilisateur) -> None:
    proposition = _proposition()
    reponse = _connecte(enseignant).post(
        reverse("public:proposition_organisme", kwargs={"pk": proposition.pk}), follow=True
    )
    assert (
        "Seule une offre acceptée devient un organisme d&#x27;accueil." in reponse.content.decode()
    )
    assert not OrganismeAccueil.objects.exists()
