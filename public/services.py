"""Writes of the public space: a company's stage proposal, and the e-mail to the section."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from django.core.mail import send_mail
from django.db import transaction

from etablissement.models import Etablissement, PeriodePromotion
from public.models import PropositionStage
from referentiel.models import Mission


@transaction.atomic
def proposition_creer(
    *,
    entreprise: str,
    ville: str,
    contact_nom: str,
    contact_email: str,
    siren: str = "",
    contact_fonction: str = "",
    contact_telephone: str = "",
    nombre_stagiaires: int = 1,
    periodes: Iterable[PeriodePromotion] = (),
    missions: Iterable[Mission] = (),
    message: str = "",
) -> PropositionStage:
    proposition = PropositionStage(
        entreprise=entreprise,
        siren=siren,
        ville=ville,
        contact_nom=contact_nom,
        contact_fonction=contact_fonction,
        contact_email=contact_email,
        contact_telephone=contact_telephone,
        nombre_stagiaires=nombre_stagiaires,
        message=message,
    )
    proposition.full_clean()
    proposition.save()
    proposition.periodes.set(list(periodes))
    proposition.missions.set(list(missions))
    # After commit: a rolled-back proposal must not reach anybody's mailbox.
    transaction.on_commit(partial(_prevenir_la_section, proposition.pk))
    return proposition


def _prevenir_la_section(pk: int) -> None:
    proposition = PropositionStage.objects.prefetch_related("periodes", "missions").get(pk=pk)
    ecole = Etablissement.objects.order_by("pk").first()
    destinataire = ecole and (ecole.chef_travaux_email or ecole.email)
    if not destinataire:
        return  # no address in the school's record yet: the proposal waits in the admin
    lignes = [
        f"{proposition.entreprise} ({proposition.ville}) propose {proposition.nombre_stagiaires} "
        f"stage(s).",
        f"Contact : {proposition.contact_nom}"
        + (f", {proposition.contact_fonction}" if proposition.contact_fonction else "")
        + f" — {proposition.contact_email}"
        + (f" — {proposition.contact_telephone}" if proposition.contact_telephone else ""),
    ]
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
