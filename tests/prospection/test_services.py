"""Prospecting's writes: bounded inputs, campaigns mailed on a click only, never to a company
that asked not to be solicited, personal links kept as hashes."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from comptes.models import Utilisateur
from prospection import services
from prospection.models import Destinataire, Prospect, Statut
from public.jetons import empreinte
from tests import fabriques
from tests.prospection import constructeurs

pytestmark = pytest.mark.django_db


def _envoyer(campagne: Any, capture: Any) -> int:
    with capture(execute=True):
        return services.campagne_envoyer(campagne=campagne)


def _jetons() -> list[str]:
    return [re.search(r"/entreprises/lien/([^/]+)/", m.body).group(1) for m in mail.outbox]  # type: ignore[union-attr]


def test_bounds_give_french_messages(administrateur: Utilisateur) -> None:
    with pytest.raises(ValidationError, match="Indiquez le nom"):
        services.prospect_creer(nom="  ")
    with pytest.raises(ValidationError, match="9 chiffres"):
        services.prospect_creer(nom="Mollat", siren="1234")
    with pytest.raises(ValidationError, match="200 caractères au plus"):
        services.prospect_creer(nom="x" * 201)
    prospect = constructeurs.prospect()
    with pytest.raises(ValidationError, match="futur"):
        services.echange_ajouter(
            prospect=prospect,
            auteur=administrateur,
            le=timezone.localdate() + datetime.timedelta(days=1),
            canal="telephone",
            resultat="Rappeler",
        )
    with pytest.raises(ValidationError, match="canal"):
        services.echange_ajouter(
            prospect=prospect,
            auteur=administrateur,
            le=timezone.localdate(),
            canal="pigeon",
            resultat="x",
        )
    with pytest.raises(ValidationError, match="au moins un"):
        services.campagne_creer(titre="T", message="{lien}", prospects=[], auteur=administrateur)
    with pytest.raises(ValidationError, match=r"\{lien\}"):
        services.campagne_creer(
            titre="T", message="Sans lien", prospects=[prospect], auteur=administrateur
        )


def test_an_exchange_is_kept_and_moves_the_status(administrateur: Utilisateur) -> None:
    prospect = constructeurs.prospect()
    services.echange_ajouter(
        prospect=prospect,
        auteur=administrateur,
        le=timezone.localdate(),
        canal="telephone",
        resultat="Intéressée pour mai",
        suite="Envoyer la plaquette",
        echeance=timezone.localdate(),
        statut=Statut.INTERESSE,
    )
    prospect.refresh_from_db()
    assert prospect.statut == Statut.INTERESSE
    assert prospect.echanges.get().auteur == administrateur


def test_a_campaign_mails_each_a_personal_link_kept_hashed(
    administrateur: Utilisateur, django_capture_on_commit_callbacks: Any
) -> None:
    prospects = [constructeurs.prospect(f"Entreprise {n}") for n in "ABC"]
    campagne = services.campagne_creer(
        titre="Stages 2027",
        message=services.MESSAGE_PAR_DEFAUT,
        prospects=prospects,
        auteur=administrateur,
    )
    assert mail.outbox == []  # prepared, not sent
    assert _envoyer(campagne, django_capture_on_commit_callbacks) == 3
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.contact_email for p in prospects)
    assert "/entreprises/plaquette.pdf" in mail.outbox[0].body
    for jeton in _jetons():
        destinataire = Destinataire.objects.get(jeton_empreinte=empreinte(jeton))
        assert jeton not in destinataire.jeton_empreinte
        assert services.destinataire_par_jeton(jeton) == destinataire
    with pytest.raises(ValidationError, match="déjà envoyée"):
        services.campagne_envoyer(campagne=campagne)


def test_unsubscribe_is_honoured_by_every_later_campaign(
    administrateur: Utilisateur, django_capture_on_commit_callbacks: Any
) -> None:
    mollat = constructeurs.prospect("Librairie Mollat")
    autre = constructeurs.prospect("Cave Bernard")
    premiere = services.campagne_creer(
        titre="Première", message="{lien}", prospects=[mollat, autre], auteur=administrateur
    )
    _envoyer(premiere, django_capture_on_commit_callbacks)
    jeton = next(
        j for j, m in zip(_jetons(), mail.outbox, strict=True) if m.to == [mollat.contact_email]
    )
    services.destinataire_decliner(destinataire=services.destinataire_par_jeton(jeton))  # type: ignore[arg-type]
    mollat.refresh_from_db()
    assert mollat.statut == Statut.REFUS
    # The same address through a new prospect, or the old one set back by hand: never mailed.
    doublon = services.prospect_creer(
        nom="Mollat (siège)", contact_email=mollat.contact_email.upper()
    )
    assert doublon.statut == Statut.REFUS
    services.prospect_changer_statut(prospect=mollat, statut=Statut.A_CONTACTER)
    mail.outbox.clear()
    seconde = services.campagne_creer(
        titre="Seconde", message="{lien}", prospects=[mollat, doublon, autre], auteur=administrateur
    )
    assert _envoyer(seconde, django_capture_on_commit_callbacks) == 1
    assert [m.to for m in mail.outbox] == [[autre.contact_email]]


def test_past_hosts_become_prospects_with_their_record() -> None:
    convention = fabriques.convention()
    organisme = convention.etablissement_accueil.organisme
    assert services.anciens_organismes_ajouter() == 1
    prospect = Prospect.objects.get(organisme=organisme)
    assert prospect.stagiaires_accueillis == 1
    assert prospect.dernier_stage == convention.debut
    assert prospect.statut == Statut.PARTENAIRE
    assert services.anciens_organismes_ajouter() == 0
