"""A visit from proposal to report: the référent proposes 1 to 5 slots, the tutor receives
their space's link by e-mail and picks one there (no account); both get the confirmation
with the event (.ics); a slot is picked once; another host's link finds nothing; the report
marks the visit done and adds a « visite » contact to the log."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comptes.models import Utilisateur
from espaces import services as espaces_services
from suivi import services
from suivi.models import Contact, EtatVisite, Nature, Visite
from tests.conventions.ecrans import referent
from tests.espaces import outils
from tests.suivi import constructeurs as k

pytestmark = pytest.mark.django_db


def _jour(n: int) -> str:
    return (timezone.localdate() + timedelta(days=n)).isoformat()


def _proposer(client: Client, pk: int, **creneaux: str) -> object:
    donnees = creneaux or {"jour_1": _jour(3), "heure_1": "10:00", "duree_1": "60", "lieu_1": ""}
    return client.post(reverse("suivi:visite_proposer", args=[pk]), donnees)


@pytest.fixture
def stage(enseignant: Utilisateur):  # type: ignore[no-untyped-def]
    return k.stage(referent=referent(enseignant))


def test_the_referent_proposes_slots_and_the_tutor_gets_their_link(
    clients: dict[str, Client], stage, django_capture_on_commit_callbacks: Any
) -> None:  # type: ignore[no-untyped-def]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        with_commit = _proposer(
            clients["enseignant"],
            stage.pk,
            jour_1=_jour(3),
            heure_1="10:00",
            duree_1="60",
            jour_2=_jour(4),
            heure_2="14:30",
            duree_2="90",
            lieu_2="Magasin de Mérignac",
        )
    assert with_commit.status_code == 302  # type: ignore[attr-defined]
    visite = Visite.objects.get(convention=stage)
    assert visite.etat == EtatVisite.PROPOSEE
    lieux = [c.lieu for c in visite.creneaux.all()]
    assert lieux[1] == "Magasin de Mérignac"
    assert stage.etablissement_accueil.ville in lieux[0]  # the host site by default
    (courriel,) = [m for m in mail.outbox if stage.tuteur.email in m.to]
    assert "choisissez la date de la visite" in courriel.subject
    jeton = outils.jeton_du_courriel(mail.outbox.index(courriel))
    page = Client().get(reverse("espaces:espace", args=[jeton])).content.decode()
    assert "Visite du référent" in page and "14:30" in page and "Magasin de Mérignac" in page


def test_slots_are_checked(clients: dict[str, Client], stage) -> None:  # type: ignore[no-untyped-def]
    hier = _proposer(clients["enseignant"], stage.pk, jour_1=_jour(-1), heure_1="10:00")
    assert hier.status_code == 400  # type: ignore[attr-defined]
    assert "est passé" in hier.content.decode()  # type: ignore[attr-defined]
    sans_heure = _proposer(clients["enseignant"], stage.pk, jour_1=_jour(2))
    assert "heure de début" in sans_heure.content.decode()  # type: ignore[attr-defined]
    absurde = _proposer(clients["enseignant"], stage.pk, jour_1="9999-01-01", heure_1="25:00")
    assert absurde.status_code == 400  # type: ignore[attr-defined]
    assert not Visite.objects.exists()


def test_no_second_visit_while_one_is_proposed(stage) -> None:  # type: ignore[no-untyped-def]
    k.proposer(stage)
    with pytest.raises(services.Refus, match="déjà proposée"):
        k.proposer(stage)


def test_the_tutor_picks_a_slot_and_both_are_confirmed_with_the_event(
    stage, django_capture_on_commit_callbacks: Any
) -> None:  # type: ignore[no-untyped-def]
    visite = k.proposer(stage, timezone.localdate() + timedelta(days=3))
    _, jeton = outils.lien(espaces_services.titulaire_tuteur(stage.tuteur))
    mail.outbox.clear()
    creneau = visite.creneaux.get()
    with django_capture_on_commit_callbacks(execute=True):
        reponse = Client().post(
            reverse("espaces:visite_choisir", args=[jeton, visite.pk]), {"creneau": creneau.pk}
        )
    assert reponse.status_code == 302
    visite.refresh_from_db()
    assert (visite.etat, visite.creneau) == (EtatVisite.PLANIFIEE, creneau)
    (confirmation,) = mail.outbox
    assert set(confirmation.to) == {stage.referent.email, stage.tuteur.email}
    (nom, contenu, type_) = confirmation.attachments[0]
    assert (nom, type_) == ("visite.ics", "text/calendar")
    assert "BEGIN:VEVENT" in contenu and "DTSTART:" in contenu
    page = Client().get(reverse("espaces:espace", args=[jeton])).content.decode()
    assert "Créneau choisi" in page


def test_a_slot_is_picked_only_once(stage) -> None:  # type: ignore[no-untyped-def]
    jours = (timezone.localdate() + timedelta(days=2), timezone.localdate() + timedelta(days=3))
    visite = k.proposer(stage, *jours)
    premier, second = visite.creneaux.all()
    services.creneau_choisir(visite=visite, creneau_pk=premier.pk, maintenant=timezone.now())
    with pytest.raises(services.Refus, match="déjà été choisi"):
        services.creneau_choisir(visite=visite, creneau_pk=second.pk, maintenant=timezone.now())
    visite.refresh_from_db()
    assert visite.creneau == premier


def test_another_hosts_link_does_not_find_the_visit(stage) -> None:  # type: ignore[no-untyped-def]
    visite = k.proposer(stage)
    _, _, autre_tuteur = outils.hote("Garonne Services")
    _, jeton = outils.lien(espaces_services.titulaire_tuteur(autre_tuteur))
    reponse = Client().post(
        reverse("espaces:visite_choisir", args=[jeton, visite.pk]),
        {"creneau": visite.creneaux.get().pk},
    )
    assert reponse.status_code == 404
    page = Client().get(reverse("espaces:espace", args=[jeton])).content.decode()
    assert str(stage.etudiant.nom) not in page
    visite.refresh_from_db()
    assert visite.etat == EtatVisite.PROPOSEE


def test_an_expired_or_forged_link_picks_nothing(stage) -> None:  # type: ignore[no-untyped-def]
    visite = k.proposer(stage)
    _, expire = outils.lien(
        espaces_services.titulaire_tuteur(stage.tuteur), le=timezone.now() - timedelta(days=40)
    )
    url = reverse("espaces:visite_choisir", args=[expire, visite.pk])
    assert Client().post(url, {"creneau": visite.creneaux.get().pk}).status_code == 410
    forge = reverse("espaces:visite_choisir", args=["lien-invente", visite.pk])
    assert Client().post(forge, {"creneau": visite.creneaux.get().pk}).status_code == 404
    visite.refresh_from_db()
    assert visite.etat == EtatVisite.PROPOSEE


def test_a_slot_of_another_visit_is_refused(stage) -> None:  # type: ignore[no-untyped-def]
    visite = k.proposer(stage)
    autre = k.proposer(k.stage("Garonne Services"))
    with pytest.raises(services.Refus, match="un des créneaux proposés"):
        services.creneau_choisir(
            visite=visite, creneau_pk=autre.creneaux.get().pk, maintenant=timezone.now()
        )


def test_the_referent_cancels_and_proposes_again(
    clients: dict[str, Client], stage, django_capture_on_commit_callbacks: Any
) -> None:  # type: ignore[no-untyped-def]
    visite = k.planifier(stage, timezone.localdate() + timedelta(days=2))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        clients["enseignant"].post(reverse("suivi:visite_annuler", args=[visite.pk]))
    visite.refresh_from_db()
    assert visite.etat == EtatVisite.ANNULEE
    (annonce,) = mail.outbox
    assert "annulée" in annonce.subject and "METHOD:CANCEL" in annonce.attachments[0][1]
    assert _proposer(clients["enseignant"], stage.pk).status_code == 302  # type: ignore[attr-defined]
    assert Visite.objects.filter(convention=stage, etat=EtatVisite.PROPOSEE).count() == 1


def _rapport(**champs: str) -> dict[str, str]:
    return {
        "personnes_rencontrees": "Mme Bernard et le stagiaire",
        "avis_accueil": "tres_satisfaisant",
        "commentaire_accueil": "Très autonome.",
        "avis_referent": "Missions conformes au référentiel.",
        "accueil_possible": "reserves",
        "kilometres": "23.5",
    } | champs


def test_the_report_marks_the_visit_done_and_logs_a_visit(
    clients: dict[str, Client], stage
) -> None:  # type: ignore[no-untyped-def]
    visite = k.planifier(stage)
    url = reverse("suivi:compte_rendu", args=[visite.pk])
    assert clients["enseignant"].get(url).status_code == 200
    assert clients["enseignant"].post(url, _rapport()).status_code == 302
    visite.refresh_from_db()
    assert visite.etat == EtatVisite.FAITE
    assert visite.kilometres == Decimal("23.5")
    assert visite.get_accueil_possible_display() == "Oui, avec réserves"
    contact = Contact.objects.get(visite=visite)
    assert (contact.nature, contact.le) == (Nature.VISITE, timezone.localdate())
    # Written again: the same contact, updated.
    clients["enseignant"].post(url, _rapport(accueil_possible="non"))
    assert Contact.objects.filter(convention=stage).count() == 1
    texte = clients["enseignant"].get(reverse("conventions:detail", args=[stage.pk])).content
    assert "Peut accueillir à nouveau" in texte.decode()


def test_a_report_before_the_visit_is_refused(clients: dict[str, Client], stage) -> None:  # type: ignore[no-untyped-def]
    visite = k.planifier(stage, timezone.localdate() + timedelta(days=2))
    reponse = clients["enseignant"].post(
        reverse("suivi:compte_rendu", args=[visite.pk]), _rapport()
    )
    assert reponse.status_code == 400
    assert "elle est à venir" in reponse.content.decode()
    visite.refresh_from_db()
    assert visite.etat == EtatVisite.PLANIFIEE


def test_a_report_needs_its_answers(clients: dict[str, Client], stage) -> None:  # type: ignore[no-untyped-def]
    visite = k.planifier(stage)
    reponse = clients["enseignant"].post(
        reverse("suivi:compte_rendu", args=[visite.pk]),
        _rapport(avis_accueil="", accueil_possible="peut-etre", kilometres="-3"),
    )
    assert reponse.status_code == 400
    assert not Contact.objects.exists()


def test_a_visit_is_proposed_only_for_a_stage_under_way(enseignant: Utilisateur) -> None:
    brouillon = k.stage(statut="brouillon", referent=referent(enseignant))
    with pytest.raises(services.Refus, match="stage signé"):
        k.proposer(brouillon)


def test_a_tutor_without_an_address_cannot_be_asked(enseignant: Utilisateur) -> None:
    c = k.stage(referent=referent(enseignant))
    c.tuteur.email = ""
    c.tuteur.save()
    with pytest.raises(services.Refus, match="adresse e-mail"):
        k.proposer(c)
    assert date.today()  # the clock is the caller's: nothing else read here


def test_the_hosts_record_counts_can_host_again_from_the_reports(
    clients: dict[str, Client], stage
) -> None:  # type: ignore[no-untyped-def]
    """« Peut accueillir à nouveau » of every report at this host, on its page."""
    organisme = stage.etablissement_accueil.organisme
    page = reverse("organismes:detail", args=[organisme.pk])
    assert "Aucun compte rendu de visite" in clients["administrateur"].get(page).content.decode()
    visite = k.planifier(stage)
    clients["enseignant"].post(reverse("suivi:compte_rendu", args=[visite.pk]), _rapport())
    texte = clients["administrateur"].get(page).content.decode()
    assert "Peut accueillir à nouveau un stagiaire" in texte
    assert "Oui, avec réserves : 1" in texte
    assert "Missions conformes au référentiel." in texte
