"""The writes of the students' search: bounds and French messages, a period of the
student's own cohort, the section's hosts recognised by name, the interest in an accepted
offer only, and the staff's proposal to the company."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from candidatures import services
from candidatures.models import CONTACT_MAX, NOM_MAX, NOTES_MAX, Candidature, InteretOffre
from comptes.models import Utilisateur
from public.models import StatutProposition
from tests import fabriques
from tests.candidatures import outils

pytestmark = pytest.mark.django_db


def _refus(eleve, saisie) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as refus:
        services.candidature_creer(
            etudiant=eleve, saisie=saisie, le=outils.maintenant(), aujourdhui=outils.aujourdhui()
        )
    assert not Candidature.objects.exists()
    return refus.value.message_dict


def test_an_application_is_written_tidied_and_linked_to_a_known_host() -> None:
    promo, hiver, _ = outils.promotion()
    eleve = outils.etudiant(promo)
    connu = fabriques.organisme(raison_sociale="Cave des Chartrons")
    c = outils.candidature(
        eleve,
        hiver,
        organisme_nom="  CAVE   des chartrons ",
        contact=" M.  Darrieux ",
        notes=" Rappeler. ",
    )
    assert c.organisme_nom == "CAVE des chartrons"
    assert c.contact == "M. Darrieux"
    assert c.notes == "Rappeler."
    assert c.organisme == connu
    autre = outils.candidature(eleve, hiver, organisme_nom="Boutique inconnue")
    assert autre.organisme is None


def test_every_refusal_is_said_in_french_under_its_field() -> None:
    promo, hiver, _ = outils.promotion()
    eleve = outils.etudiant(promo)
    erreurs = _refus(
        eleve,
        outils.saisie(
            hiver,
            organisme_nom="   ",
            contact="x" * (CONTACT_MAX + 1),
            notes="y" * (NOTES_MAX + 1),
            canal="pigeon",
            reponse="peut-etre",
            date=outils.aujourdhui() + timedelta(days=1),
        ),
    )
    assert erreurs == {
        "organisme_nom": ["Indiquez l'entreprise ou l'organisme contacté."],
        "contact": [f"{CONTACT_MAX} caractères au plus (ici {CONTACT_MAX + 1})."],
        "notes": [f"{NOTES_MAX} caractères au plus (ici {NOTES_MAX + 1})."],
        "canal": ["Choisissez un canal de la liste."],
        "reponse": ["Choisissez une réponse de la liste."],
        "date": ["Cette date n'est pas encore passée : notez la candidature une fois envoyée."],
    }


@pytest.mark.parametrize("jour", [date(1899, 12, 31), date(2101, 1, 1), date(1, 1, 1)])
def test_a_date_outside_1900_2100_is_refused(jour: date) -> None:
    promo, hiver, _ = outils.promotion()
    erreurs = _refus(outils.etudiant(promo), outils.saisie(hiver, date=jour))
    assert erreurs == {"date": ["La date doit être comprise entre le 01/01/1900 et le 31/12/2100."]}


def test_a_name_too_long_and_a_period_of_another_cohort_are_refused() -> None:
    promo, _, _ = outils.promotion("NDRC A")
    _, autre_periode, _ = outils.promotion("NDRC B")
    erreurs = _refus(
        outils.etudiant(promo), outils.saisie(autre_periode, organisme_nom="n" * (NOM_MAX + 1))
    )
    assert erreurs == {
        "organisme_nom": [f"{NOM_MAX} caractères au plus (ici {NOM_MAX + 1})."],
        "periode": ["Choisissez une période de stage de votre promotion."],
    }


def test_the_log_is_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(services, "CANDIDATURES_MAX", 2)
    promo, hiver, _ = outils.promotion()
    eleve = outils.etudiant(promo)
    outils.candidature(eleve, hiver)
    outils.candidature(eleve, hiver)
    with pytest.raises(ValidationError, match="déjà 2 candidatures"):
        outils.candidature(eleve, hiver)
    assert Candidature.objects.count() == 2


def test_a_change_is_checked_as_a_new_one() -> None:
    promo, hiver, printemps = outils.promotion()
    eleve = outils.etudiant(promo)
    c = outils.candidature(eleve, hiver)
    services.candidature_modifier(
        candidature=c,
        saisie=outils.saisie(printemps, reponse="entretien", organisme_nom="Cave Saint-Émilion"),
        le=outils.maintenant(),
        aujourdhui=outils.aujourdhui(),
    )
    c.refresh_from_db()
    assert (c.periode, c.reponse, c.organisme_nom) == (printemps, "entretien", "Cave Saint-Émilion")
    with pytest.raises(ValidationError):
        services.candidature_modifier(
            candidature=c,
            saisie=outils.saisie(printemps, organisme_nom=""),
            le=outils.maintenant(),
            aujourdhui=outils.aujourdhui(),
        )
    c.refresh_from_db()
    assert c.organisme_nom == "Cave Saint-Émilion"


def test_interest_is_marked_once_on_an_accepted_offer_only_and_withdrawn() -> None:
    promo, hiver, _ = outils.promotion()
    eleve = outils.etudiant(promo)
    offre = outils.offre(hiver)
    premier = services.interet_marquer(etudiant=eleve, proposition=offre, le=outils.maintenant())
    second = services.interet_marquer(etudiant=eleve, proposition=offre, le=outils.maintenant())
    assert premier.pk == second.pk and InteretOffre.objects.count() == 1
    assert services.interet_retirer(etudiant=eleve, proposition=offre)
    assert not services.interet_retirer(etudiant=eleve, proposition=offre)
    recue = outils.offre(hiver, statut=StatutProposition.RECUE)
    with pytest.raises(ValidationError, match="n'est plus ouverte"):
        services.interet_marquer(etudiant=eleve, proposition=recue, le=outils.maintenant())
    assert not InteretOffre.objects.exists()


def test_the_staff_propose_a_student_and_take_it_back(administrateur: Utilisateur) -> None:
    promo, hiver, _ = outils.promotion()
    offre = outils.offre(hiver)
    interet = services.interet_marquer(
        etudiant=outils.etudiant(promo), proposition=offre, le=outils.maintenant()
    )
    propose = services.interet_proposer(interet=interet, par=administrateur, le=outils.maintenant())
    assert propose.propose and propose.propose_par == administrateur
    retire = services.interet_proposer(
        interet=interet, par=administrateur, le=outils.maintenant(), propose=False
    )
    assert not retire.propose and retire.propose_par is None
    offre.statut = StatutProposition.RETIREE
    offre.save()
    with pytest.raises(ValidationError, match="n'est plus ouverte"):
        services.interet_proposer(interet=interet, par=administrateur, le=outils.maintenant())
