"""Writes of the public space: a company's stage proposal, its follow-up, and the e-mails."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse

from comptes.models import Utilisateur
from core.audit import Action
from core.courrier import apres_validation
from etablissement.models import PeriodePromotion
from etablissement.selectors import etablissement_principal
from organismes.models import EtablissementAccueil, OrganismeAccueil
from organismes.services import etablissement_accueil_creer, organisme_creer
from public.jetons import jeton_nouveau
from public.models import (
    TRANSITIONS,
    EvenementProposition,
    IntentionGratification,
    PropositionStage,
    StatutProposition,
)
from referentiel.models import Mission


@transaction.atomic
def proposition_creer(
    *,
    entreprise: str,
    ville: str,
    contact_nom: str,
    contact_email: str,
    siret: str = "",
    adresse: str = "",
    code_postal: str = "",
    naf: str = "",
    tranche_effectif: str = "",
    contact_fonction: str = "",
    contact_telephone: str = "",
    tuteur_nom: str = "",
    tuteur_fonction: str = "",
    tuteur_email: str = "",
    gratification: str = IntentionGratification.A_VOIR,
    nombre_stagiaires: int = 1,
    periodes: Iterable[PeriodePromotion] = (),
    missions: Iterable[Mission] = (),
    message: str = "",
) -> PropositionStage:
    jeton, jeton_empreinte = jeton_nouveau()
    proposition = PropositionStage(
        jeton_empreinte=jeton_empreinte,
        entreprise=entreprise,
        siret=siret,
        adresse=adresse.strip(),
        code_postal=code_postal.strip(),
        ville=ville,
        naf=naf,
        tranche_effectif=tranche_effectif,
        contact_nom=contact_nom,
        contact_fonction=contact_fonction,
        contact_email=contact_email,
        contact_telephone=contact_telephone,
        tuteur_nom=tuteur_nom,
        tuteur_fonction=tuteur_fonction,
        tuteur_email=tuteur_email,
        gratification=gratification,
        nombre_stagiaires=nombre_stagiaires,
        message=message,
    )
    proposition.full_clean()
    proposition.save()
    proposition.periodes.set(list(periodes))
    proposition.missions.set(list(missions))
    # After commit: a rolled-back proposal must not reach anybody's mailbox.
    apres_validation(partial(_prevenir_la_section, proposition.pk))
    apres_validation(partial(_confirmer_a_l_entreprise, proposition.pk, jeton))
    return proposition


@transaction.atomic
def proposition_completer(
    *,
    proposition: PropositionStage,
    message: str,
    contact_telephone: str,
    tuteur_nom: str | None = None,
    tuteur_fonction: str | None = None,
    tuteur_email: str | None = None,
    nombre_stagiaires: int | None = None,
    gratification: str | None = None,
    periodes: Iterable[PeriodePromotion] | None = None,
    missions: Iterable[Mission] | None = None,
) -> PropositionStage:
    """The company completes or corrects its offer through its private link, while the offer
    is still open: everything but who it is (None leaves a field as it is)."""
    if proposition.statut not in (StatutProposition.RECUE, StatutProposition.ACCEPTEE):
        raise ValidationError(f"Cette proposition est {proposition.get_statut_display()}.")
    champs = {
        "message": message,
        "contact_telephone": contact_telephone,
        "tuteur_nom": tuteur_nom,
        "tuteur_fonction": tuteur_fonction,
        "tuteur_email": tuteur_email,
        "nombre_stagiaires": nombre_stagiaires,
        "gratification": gratification,
    }
    changes = [nom for nom, valeur in champs.items() if valeur is not None]
    for nom in changes:
        setattr(proposition, nom, champs[nom])
    proposition.full_clean()
    proposition.save(update_fields=changes)
    if periodes is not None:
        proposition.periodes.set(periodes)
    if missions is not None:
        proposition.missions.set(missions)
    # In the offer's history the staff read: the company changed it (by its link).
    EvenementProposition.objects.create(
        proposition=proposition,
        action=Action.PROPOSITION_MODIFICATION,
        auteur=None,
        avant=proposition.statut,
        apres=proposition.statut,
        commentaire="proposition complétée ou corrigée par l'entreprise",
    )
    return proposition


@transaction.atomic
def proposition_changer_statut(
    *,
    proposition: PropositionStage,
    vers: StatutProposition,
    par: Utilisateur | None,
    motif: str = "",
) -> PropositionStage:
    """Move a proposal along TRANSITIONS and write who did it (None: the company), and why."""
    proposition = PropositionStage.objects.select_for_update().get(pk=proposition.pk)
    avant = proposition.statut
    if vers not in TRANSITIONS[avant]:
        raise ValidationError(
            f"Une proposition {proposition.get_statut_display()} ne peut pas être {vers.label}."
        )
    if vers == StatutProposition.REFUSEE and not motif.strip():
        raise ValidationError({"motif": "Dites à l'entreprise pourquoi son offre est refusée."})
    proposition.statut = vers
    proposition.save(update_fields=["statut"])
    EvenementProposition.objects.create(
        proposition=proposition,
        action=Action.PROPOSITION_STATUT,
        auteur=par,
        avant=avant,
        apres=vers,
        commentaire=motif.strip(),
    )
    if vers == StatutProposition.REFUSEE:
        apres_validation(partial(_expliquer_le_refus, proposition.pk, motif.strip()))
    return proposition


def proposition_retirer(*, proposition: PropositionStage) -> PropositionStage:
    return proposition_changer_statut(
        proposition=proposition, vers=StatutProposition.RETIREE, par=None
    )


@transaction.atomic
def proposition_vers_organisme(*, proposition: PropositionStage) -> EtablissementAccueil:
    """The host site of an accepted offer: the one already known by its SIRET, or created
    from what the company gave (its organisation too, found by SIREN or created)."""
    if proposition.statut != StatutProposition.ACCEPTEE:
        raise ValidationError("Seule une offre acceptée devient un organisme d'accueil.")
    siret = proposition.siret
    if not siret:
        raise ValidationError(
            "Cette offre n'a pas de SIRET : créez l'organisme d'accueil depuis la page des "
            "organismes."
        )
    connu = EtablissementAccueil.objects.select_related("organisme").filter(siret=siret).first()
    if connu is not None:
        return connu
    organisme = OrganismeAccueil.objects.filter(siren=siret[:9]).first() or organisme_creer(
        siren=siret[:9],
        raison_sociale=proposition.entreprise,
        naf=proposition.naf,
        adresse=proposition.adresse,
        code_postal=proposition.code_postal,
        ville=proposition.ville,
    )
    return etablissement_accueil_creer(
        organisme=organisme,
        siret=siret,
        # A site needs an address: the town alone when the company gave none.
        adresse=proposition.adresse or proposition.ville,
        code_postal=proposition.code_postal,
        ville=proposition.ville,
    )


def _confirmer_a_l_entreprise(pk: int, jeton: str) -> None:
    proposition = PropositionStage.objects.get(pk=pk)
    lien = settings.SITE_URL.rstrip("/") + reverse(
        "public:proposition_suivi", kwargs={"jeton": jeton}
    )
    send_mail(
        "Votre proposition de stage est bien reçue",
        "\n".join(
            [
                f"Bonjour {proposition.contact_nom},",
                "",
                f"La section BTS NDRC a bien reçu votre proposition de stage chez "
                f"{proposition.entreprise}. Elle vous recontacte pour préparer la convention.",
                "",
                "Pour suivre votre offre, la compléter ou la retirer, sans créer de compte :",
                lien,
                "",
                "Ce lien est personnel : ne le transmettez pas.",
            ]
        ),
        None,
        [proposition.contact_email],
    )


def _expliquer_le_refus(pk: int, motif: str) -> None:
    proposition = PropositionStage.objects.get(pk=pk)
    send_mail(
        "Votre proposition de stage n'est pas retenue",
        "\n".join(
            [
                f"Bonjour {proposition.contact_nom},",
                "",
                f"La section BTS NDRC ne retient pas votre proposition de stage chez "
                f"{proposition.entreprise}, pour la raison suivante :",
                "",
                motif,
                "",
                "Merci de l'intérêt que vous portez à nos étudiants.",
            ]
        ),
        None,
        [proposition.contact_email],
    )


def _prevenir_la_section(pk: int) -> None:
    proposition = PropositionStage.objects.prefetch_related("periodes", "missions").get(pk=pk)
    ecole = etablissement_principal()
    destinataire = ecole and (ecole.chef_travaux_email or ecole.email)
    if not destinataire:
        return  # no address in the school's record yet: the proposal waits in the admin
    lignes = [
        f"{proposition.entreprise} ({proposition.ville}) propose {proposition.nombre_stagiaires} "
        f"stage(s).",
        f"SIRET : {proposition.siret or 'non indiqué'}"
        + (
            f" — effectif : {proposition.get_tranche_effectif_display()}"
            if proposition.tranche_effectif
            else ""
        ),
        f"Contact : {proposition.contact_nom}"
        + (f", {proposition.contact_fonction}" if proposition.contact_fonction else "")
        + f" — {proposition.contact_email}"
        + (f" — {proposition.contact_telephone}" if proposition.contact_telephone else ""),
    ]
    if proposition.tuteur_nom:
        lignes.append(
            f"Tuteur : {proposition.tuteur_nom}"
            + (f", {proposition.tuteur_fonction}" if proposition.tuteur_fonction else "")
            + (f" — {proposition.tuteur_email}" if proposition.tuteur_email else "")
        )
    lignes.append(f"Gratification envisagée : {proposition.get_gratification_display()}")
    lignes += [f"Période : {p}" for p in proposition.periodes.all()]
    lignes += [f"Mission : {m.libelle}" for m in proposition.missions.all()]
    if proposition.message:
        lignes += ["", proposition.message]
    send_mail(
        f"Proposition de stage : {proposition.entreprise}",
        "\n".join(lignes),
        None,
        [destinataire],
    )
