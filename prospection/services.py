"""Writes of the prospecting: prospects, contacts, campaigns and what a recipient does with its
personal link. Every input is bounded; a refusal is a ValidationError in French.

Nothing is mailed but by `campagne_envoyer`, which a person's click calls; it never mails an
address a company asked not to be solicited at (« Ne plus me solliciter »), whatever the
campaign or the prospect it was chosen through."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count, Max
from django.urls import reverse
from django.utils import timezone

from comptes.models import Utilisateur
from conventions.models import Convention
from conventions.models import Statut as StatutConvention
from core.courrier import apres_validation
from organismes.models import OrganismeAccueil
from prospection.models import Campagne, Canal, Destinataire, Echange, Prospect, Statut
from public.jetons import empreinte, jeton_nouveau
from public.models import PropositionStage

MAX_DESTINATAIRES = 200
MAX_MESSAGE = 5000
LIEN = "{lien}"
MESSAGE_PAR_DEFAUT = (
    "Bonjour,\n\n"
    "La section BTS NDRC du lycée Gustave Eiffel (Bordeaux) cherche des entreprises pour "
    "accueillir ses étudiants en stage. Notre plaquette présente la formation, le calendrier "
    "et les missions : {plaquette}\n\n"
    "Si vous pouvez accueillir un stagiaire, votre lien personnel vous mène au formulaire "
    "« Proposer un stage », déjà rempli avec votre entreprise : {lien}\n\n"
    "Sur la même page, « Ne plus me solliciter » : nous ne vous écrirons plus.\n\n"
    "Merci de votre attention,\nLa section BTS NDRC"
)
NON_SOLLICITES = (Statut.REFUS,)


def _texte(valeur: str, nom: str, maximum: int, requis: bool = False) -> str:
    valeur = (valeur or "").strip()
    if requis and not valeur:
        raise ValidationError(f"Indiquez {nom}.")
    if len(valeur) > maximum:
        raise ValidationError(f"{nom[0].upper()}{nom[1:]} : {maximum} caractères au plus.")
    return valeur


def _date(valeur: datetime.date | None, nom: str) -> datetime.date | None:
    if valeur is not None and not datetime.date(2000, 1, 1) <= valeur <= datetime.date(2100, 1, 1):
        raise ValidationError(f"{nom[0].upper()}{nom[1:]} : une date entre 2000 et 2100.")
    return valeur


def email_refuse(email: str) -> bool:
    """Whether a company asked, through any campaign, never to be mailed at this address."""
    email = email.strip().lower()
    return bool(email) and (
        Prospect.objects.filter(contact_email__iexact=email, statut=Statut.REFUS).exists()
        or Destinataire.objects.filter(email__iexact=email, decline_le__isnull=False).exists()
    )


def prospect_creer(
    *,
    nom: str,
    ville: str = "",
    secteur: str = "",
    siren: str = "",
    contact_nom: str = "",
    contact_email: str = "",
    contact_telephone: str = "",
    organisme: OrganismeAccueil | None = None,
) -> Prospect:
    siren = "".join((siren or "").split())
    if siren and not (siren.isdigit() and len(siren) == 9):
        raise ValidationError("Le SIREN compte 9 chiffres.")
    prospect = Prospect(
        organisme=organisme,
        nom=_texte(nom, "le nom de l'organisation", 200, requis=True),
        ville=_texte(ville, "la ville", 100),
        secteur=_texte(secteur, "le secteur", 100),
        siren=siren,
        contact_nom=_texte(contact_nom, "le nom du contact", 200),
        contact_email=_texte(contact_email, "l'adresse e-mail", 254).lower(),
        contact_telephone=_texte(contact_telephone, "le téléphone", 20),
    )
    if prospect.contact_email and email_refuse(prospect.contact_email):
        prospect.statut = Statut.REFUS
    prospect.save()
    return prospect


def prospect_changer_statut(*, prospect: Prospect, statut: str) -> Prospect:
    if statut not in Statut.values:
        raise ValidationError("Choisissez un statut de la liste.")
    prospect.statut = statut
    prospect.save(update_fields=["statut"])
    return prospect


def echange_ajouter(
    *,
    prospect: Prospect,
    auteur: Utilisateur,
    le: datetime.date,
    canal: str,
    resultat: str,
    suite: str = "",
    echeance: datetime.date | None = None,
    statut: str = "",
) -> Echange:
    if canal not in Canal.values:
        raise ValidationError("Choisissez un canal de la liste.")
    if le > timezone.localdate():
        raise ValidationError("Un échange ne peut pas être daté dans le futur.")
    _date(le, "la date")
    echange = Echange.objects.create(
        prospect=prospect,
        auteur=auteur,
        le=le,
        canal=canal,
        resultat=_texte(resultat, "le résultat de l'échange", 2000, requis=True),
        suite=_texte(suite, "la prochaine étape", 300),
        echeance=_date(echeance, "l'échéance"),
    )
    if statut:
        prospect_changer_statut(prospect=prospect, statut=statut)
    elif prospect.statut == Statut.A_CONTACTER:
        prospect_changer_statut(prospect=prospect, statut=Statut.CONTACTE)
    return echange


def anciens_organismes_ajouter() -> int:
    """A prospect for each host with a convention that is not one yet, with its record:
    interns taken (conventions not cancelled) and its last stage. Returns how many."""
    deja = set(Prospect.objects.filter(organisme__isnull=False).values_list("organisme", flat=True))
    hotes = (
        Convention.objects.exclude(statut=StatutConvention.ANNULEE)
        .values("etablissement_accueil__organisme")
        .annotate(nombre=Count("id"), dernier=Max("debut"))
    )
    organismes = OrganismeAccueil.objects.in_bulk(
        [h["etablissement_accueil__organisme"] for h in hotes]
    )
    crees = 0
    for hote in hotes:
        organisme = organismes[hote["etablissement_accueil__organisme"]]
        if organisme.pk in deja:
            continue
        contact = organisme.contacts.order_by("id").first()
        prospect = prospect_creer(
            nom=organisme.raison_sociale,
            ville=organisme.ville,
            siren=organisme.siren,
            organisme=organisme,
            contact_nom=f"{contact.prenom} {contact.nom}".strip() if contact else "",
            contact_email=contact.email if contact else "",
        )
        prospect.stagiaires_accueillis = hote["nombre"]
        prospect.dernier_stage = hote["dernier"]
        prospect.statut = Statut.REFUS if prospect.statut == Statut.REFUS else Statut.PARTENAIRE
        prospect.save()
        crees += 1
    return crees


def campagne_creer(
    *, titre: str, message: str, prospects: Iterable[Prospect], auteur: Utilisateur
) -> Campagne:
    """A campaign in preparation: nothing is mailed until `campagne_envoyer`."""
    choisis = list(prospects)
    if not choisis:
        raise ValidationError("Cochez au moins un prospect.")
    if len(choisis) > MAX_DESTINATAIRES:
        raise ValidationError(f"Une campagne compte {MAX_DESTINATAIRES} prospects au plus.")
    message = _texte(message, "le message", MAX_MESSAGE, requis=True)
    if LIEN not in message:
        raise ValidationError("Le message doit contenir {lien} : le lien personnel de chacun.")
    with transaction.atomic():
        campagne = Campagne.objects.create(
            titre=_texte(titre, "le titre de la campagne", 150, requis=True),
            message=message,
            cree_par=auteur,
        )
        for prospect in choisis:
            if not prospect.contact_email:
                continue
            Destinataire.objects.create(
                campagne=campagne,
                prospect=prospect,
                email=prospect.contact_email,
                jeton_empreinte=jeton_nouveau()[1],  # replaced by the sending
            )
    return campagne


def campagne_envoyer(*, campagne: Campagne) -> int:
    """Mail the campaign to its recipients, once: each gets a fresh personal link. The
    addresses that asked not to be solicited are skipped. Returns how many were mailed."""
    with transaction.atomic():
        campagne = Campagne.objects.select_for_update().get(pk=campagne.pk)
        if campagne.envoyee_le is not None:
            raise ValidationError("Cette campagne est déjà envoyée.")
        maintenant = timezone.now()
        envoyes = 0
        for destinataire in campagne.destinataires.select_related("prospect"):
            if destinataire.prospect.statut in NON_SOLLICITES or email_refuse(destinataire.email):
                continue
            jeton, destinataire.jeton_empreinte = jeton_nouveau()
            destinataire.envoye_le = maintenant
            destinataire.save(update_fields=["jeton_empreinte", "envoye_le"])
            if destinataire.prospect.statut == Statut.A_CONTACTER:
                prospect_changer_statut(prospect=destinataire.prospect, statut=Statut.CONTACTE)
            apres_validation(partial(_envoyer, destinataire.pk, jeton))
            envoyes += 1
        campagne.envoyee_le = maintenant
        campagne.save(update_fields=["envoyee_le"])
    return envoyes


def _envoyer(pk: int, jeton: str) -> None:
    destinataire = Destinataire.objects.select_related("campagne").get(pk=pk)
    site = settings.SITE_URL.rstrip("/")
    lien = site + reverse("prospection:lien", kwargs={"jeton": jeton})
    texte = destinataire.campagne.message.replace(LIEN, lien).replace(
        "{plaquette}", site + reverse("public:plaquette")
    )
    send_mail(destinataire.campagne.titre, texte, None, [destinataire.email])


def destinataire_par_jeton(jeton: str) -> Destinataire | None:
    if not jeton or len(jeton) > 100:
        return None
    return (
        Destinataire.objects.select_related("campagne", "prospect", "proposition")
        .filter(jeton_empreinte=empreinte(jeton), envoye_le__isnull=False)
        .first()
    )


def destinataire_ouvrir(*, destinataire: Destinataire) -> None:
    if destinataire.ouvert_le is None:
        destinataire.ouvert_le = timezone.now()
        destinataire.save(update_fields=["ouvert_le"])


def destinataire_decliner(*, destinataire: Destinataire) -> None:
    """« Ne plus me solliciter »: the prospect is never mailed again, by any campaign."""
    with transaction.atomic():
        destinataire_ouvrir(destinataire=destinataire)
        if destinataire.decline_le is None:
            destinataire.decline_le = timezone.now()
            destinataire.save(update_fields=["decline_le"])
        Prospect.objects.filter(pk=destinataire.prospect_id).update(statut=Statut.REFUS)
        Prospect.objects.filter(contact_email__iexact=destinataire.email).update(
            statut=Statut.REFUS
        )


def proposition_rattacher(*, proposition: PropositionStage) -> Destinataire | None:
    """Link a new proposal to the campaign whose personal link its company opened: the most
    recent opened recipient at the same address, not yet linked, within 90 days."""
    depuis = timezone.now() - datetime.timedelta(days=90)
    destinataire = (
        Destinataire.objects.filter(
            email__iexact=proposition.contact_email,
            ouvert_le__gte=depuis,
            proposition__isnull=True,
        )
        .order_by("-ouvert_le")
        .first()
    )
    if destinataire is None:
        return None
    destinataire.proposition = proposition
    destinataire.save(update_fields=["proposition"])
    Prospect.objects.filter(pk=destinataire.prospect_id).exclude(
        statut__in=(Statut.PARTENAIRE, Statut.REFUS)
    ).update(statut=Statut.OFFRE)
    return destinataire
