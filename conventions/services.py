"""Writes on conventions: creation, the one transition function, acknowledgements, the
presence log, avenants. Each runs in a transaction, writes its audit row and sends its
e-mails after the commit."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from comptes.models import Utilisateur
from conventions.acces import peut_modifier
from conventions.models import (
    Acquittement,
    Avenant,
    Convention,
    EvenementConvention,
    OriginePointage,
    PeriodeConvention,
    Pointage,
    TexteParDefaut,
)
from conventions.moteur import evaluer_convention
from conventions.notifications import notifier_transition
from conventions.verrous import verrouiller_pour_le_droit
from conventions.workflow import (
    TRANSITIONS,
    Transition,
    garde_avenant,
    garde_date_signature,
    garde_jour_releve,
    garde_modification,
    garde_motif,
    garde_pointage,
    garde_rupture,
    garde_transition,
)
from core.audit import Action
from core.courrier import apres_validation
from etablissement.models import Promotion
from organismes.models import Tuteur
from regles.constats import CATALOGUE, Constat
from regles.contenus import CLAUSES_TEXTE


class TransitionRefusee(Exception):
    """A transition that cannot happen, with the reasons a person can act on."""

    def __init__(self, message: str, constats: Sequence[Constat] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.constats = list(constats)


def _exiger(refus: str | None) -> None:
    """Raise what a guard of the workflow said, if it said anything."""
    if refus:
        raise TransitionRefusee(refus)


@dataclass(frozen=True)
class PeriodeSaisie:
    debut: date
    fin: date
    prolongation: bool = False


def _journaliser(
    convention: Convention,
    *,
    action: str,
    auteur: Utilisateur | None,
    avant: str = "",
    apres: str = "",
    commentaire: str = "",
    donnees: dict[str, Any] | None = None,
) -> EvenementConvention:
    return EvenementConvention.objects.create(
        convention=convention,
        action=action,
        statut_avant=avant,
        statut_apres=apres,
        auteur=auteur,
        commentaire=commentaire,
        donnees=donnees or {},
    )


def convention_noter(
    convention: Convention,
    *,
    action: str,
    auteur: Utilisateur | None,
    commentaire: str = "",
    donnees: dict[str, Any] | None = None,
) -> EvenementConvention:
    """A line on the convention's timeline for what happens to it without changing its
    status (an error reported on its document by a signatory, then handled). The caller
    holds its transaction and its locks."""
    return _journaliser(
        convention, action=action, auteur=auteur, commentaire=commentaire, donnees=donnees
    )


def _enregistrer_periodes(convention: Convention, periodes: Sequence[PeriodeSaisie]) -> None:
    if not periodes:
        raise ValidationError({"periodes": "Indiquez au moins une période de stage."})
    objets = [
        PeriodeConvention(
            convention=convention, debut=p.debut, fin=p.fin, prolongation=p.prolongation
        )
        for p in periodes
    ]
    for objet in objets:
        objet.full_clean(exclude=["convention"])
    ordonnees = sorted(objets, key=lambda p: p.debut)
    for precedente, suivante in zip(ordonnees, ordonnees[1:], strict=False):
        if suivante.debut <= precedente.fin:
            raise ValidationError({"periodes": "Deux périodes de la convention se chevauchent."})
    convention.periodes.all().delete()
    PeriodeConvention.objects.bulk_create(objets)
    convention.debut, convention.fin = ordonnees[0].debut, max(p.fin for p in ordonnees)
    convention.save(update_fields=["debut", "fin"])


def clauses_par_defaut(promotion: Promotion | None) -> dict[str, str]:
    """The texts a new convention of this cohort starts with, clause code → text: the
    section's, each replaced by the cohort's where it has its own (`promotion` None: the
    section's alone). One query."""
    lignes = TexteParDefaut.objects.filter(promotion__isnull=True)
    if promotion is not None:
        lignes = TexteParDefaut.objects.filter(Q(promotion__isnull=True) | Q(promotion=promotion))
    textes: dict[str, str] = {}
    # The section's first, then the cohort's over them.
    for ligne in sorted(lignes, key=lambda t: t.promotion_id is not None):
        textes[ligne.code] = ligne.texte
    return textes


def completer_par_defaut(
    contenus: dict[str, str] | None, promotion: Promotion | None
) -> dict[str, str]:
    """`contenus` with each blank clause given the cohort's default text, and each clause
    still reading as the section's default given the cohort's own, if it has one (a form
    shows the section's texts before the student, hence the cohort, is chosen)."""
    section = clauses_par_defaut(None)
    cohorte = clauses_par_defaut(promotion) if promotion is not None else section
    resultat = {k: v for k, v in (contenus or {}).items() if str(v).strip()}
    for code, texte in cohorte.items():
        actuel = resultat.get(code, "")
        if not actuel or (actuel.strip() == section.get(code, "").strip() and texte != actuel):
            resultat[code] = texte
    return resultat


@transaction.atomic
def textes_par_defaut_enregistrer(
    *, promotion: Promotion | None, textes: dict[str, str], auteur: Utilisateur | None
) -> None:
    """Write the default texts of the section (`promotion` None) or of one cohort: a blank
    text removes the row (for a cohort: its students get the section's text again). Codes
    outside the D124-4 clauses written as text are refused."""
    inconnus = sorted(set(textes) - set(CLAUSES_TEXTE))
    if inconnus:
        raise ValidationError("Ces clauses n'existent pas : " + ", ".join(inconnus) + ".")
    existants = {
        t.code: t
        for t in TexteParDefaut.objects.select_for_update().filter(
            promotion=promotion, code__in=list(textes)
        )
    }
    for code, texte in textes.items():
        texte = texte.strip()
        ligne = existants.get(code)
        if not texte:
            if ligne is not None:
                ligne.delete()
        elif ligne is None:
            TexteParDefaut.objects.create(
                promotion=promotion, code=code, texte=texte, modifie_par=auteur
            )
        elif ligne.texte != texte:
            ligne.texte, ligne.modifie_par = texte, auteur
            ligne.save(update_fields=["texte", "modifie_par", "modifie_le"])


@transaction.atomic
def convention_creer(
    *,
    auteur: Utilisateur | None,
    periodes: Sequence[PeriodeSaisie],
    missions: Sequence[Any] = (),
    competences: Sequence[Any] = (),
    textes_par_defaut: bool = True,
    **champs: Any,
) -> Convention:
    """A new draft. With `textes_par_defaut`, its blank clauses start with the default texts
    of its student's cohort (`completer_par_defaut`), so that it is not blocked by a dozen
    empty clauses nobody has written yet."""
    if textes_par_defaut:
        etudiant = champs.get("etudiant")
        promotion = getattr(etudiant, "promotion", None)
        champs["contenus"] = completer_par_defaut(champs.get("contenus"), promotion)
    convention = Convention(**champs)
    convention.full_clean()
    convention.save()
    _enregistrer_periodes(convention, periodes)
    convention.missions.set(missions)
    convention.competences.set(competences)
    _journaliser(convention, action="creation", auteur=auteur, apres=convention.statut)
    return convention


@transaction.atomic
def convention_modifier(
    *,
    convention: Convention,
    auteur: Utilisateur | None,
    periodes: Sequence[PeriodeSaisie] | None = None,
    **champs: Any,
) -> Convention:
    """Edit a convention still in preparation; a signed one changes through an avenant."""
    # The status as it is now, under the row's lock: a validation committed meanwhile is
    # neither edited behind its back nor undone by saving the status read before it.
    statut = (
        Convention.objects.select_for_update()
        .values_list("statut", flat=True)
        .get(pk=convention.pk)
    )
    _exiger(garde_modification(statut))
    convention.statut = statut
    for champ, valeur in champs.items():
        setattr(convention, champ, valeur)
    convention.full_clean()
    convention.save()
    if periodes is not None:
        _enregistrer_periodes(convention, periodes)
    _journaliser(
        convention, action="modification", auteur=auteur, donnees={"champs": sorted(champs)}
    )
    return convention


def convention_verifier(*, convention: Convention, acquitter: bool = False) -> Convention:
    """The law checked before a decision that depends on other rows (validation, opening a
    signature circuit, the last signature, an avenant): inside the caller's transaction, lock
    the convention, its host and its tutor in the one lock order (`conventions.verrous`), run
    the engine on what is committed, and raise TransitionRefusee on a blocking finding (or,
    with `acquitter`, on a warning nobody has acknowledged). The locks are held until the
    caller's transaction ends, so the decision it records cannot be overtaken. Returns the
    locked row, read again."""
    verrouillee = verrouiller_pour_le_droit(convention)
    _verifier(verrouillee, acquitter=acquitter)
    return verrouillee


def _verifier(convention: Convention, *, acquitter: bool) -> None:
    verdict = evaluer_convention(convention)
    if verdict.bloquants:
        raise TransitionRefusee(
            "La convention ne respecte pas le droit des stages : "
            + " ; ".join(k.regle.titre.lower() for k in verdict.bloquants)
            + ".",
            verdict.bloquants,
        )
    if acquitter:
        acquittes = set(convention.acquittements.values_list("code", flat=True))
        restants = [k for k in verdict.avertissements if k.code not in acquittes]
        if restants:
            raise TransitionRefusee(
                "Des avertissements doivent d'abord être pris en compte par une personne nommée : "
                + " ; ".join(k.regle.titre.lower() for k in restants)
                + ".",
                restants,
            )


def convention_transition(
    *,
    convention: Convention,
    action: str,
    auteur: Utilisateur,
    motif: str = "",
    le: date | None = None,
) -> Convention:
    """Move a convention along its life cycle, or say why not.

    Two actions record more than a status and have their own service, which this one calls
    with what the convention already holds: ending a stage (`convention_rompre`: its last day
    and who took the initiative) and recording the signatures
    (`convention_enregistrer_signatures`: the date it has, else `le`, today by default)."""
    if action == "rompre":
        return convention_rompre(
            convention=convention,
            auteur=auteur,
            dernier_jour=convention.rupture_dernier_jour,
            initiative=convention.rupture_initiative,
            motif=motif,
        )
    if action == "enregistrer_signatures":
        return convention_enregistrer_signatures(convention=convention, auteur=auteur, le=le)
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise TransitionRefusee("Cette action n'existe pas pour une convention.")
    return _transitionner(convention, transition, auteur=auteur, motif=motif)


def _transitionner(
    convention: Convention,
    transition: Transition,
    *,
    auteur: Utilisateur,
    motif: str,
    refus: str | None = None,
    sous_verrou: Callable[[Convention], None] | None = None,
) -> Convention:
    """The one path of every transition: the author's right, the reason, `refus` (what the
    action's own guard said), then, under the row's lock, the status, `sous_verrou` (what the
    action writes before the law is checked), the engine, the new status, its audit row and
    its e-mails after the commit."""
    if transition.administrateur and not auteur.est_administrateur:
        raise PermissionDenied(
            "Seul un administrateur de la section peut « " + transition.libelle.lower() + " »."
        )
    motif = motif.strip()
    _exiger(garde_motif(transition, motif))
    _exiger(refus)
    with transaction.atomic():
        # A decision of the law also locks the host and the tutor, before the engine reads
        # the other conventions (conventions.verrous); the others lock the row only.
        verrouillee = (
            verrouiller_pour_le_droit(convention)
            if transition.verifier_droit
            else Convention.objects.select_for_update().get(pk=convention.pk)
        )
        _exiger(garde_transition(transition, verrouillee.statut))
        if sous_verrou is not None:
            sous_verrou(verrouillee)
        if transition.verifier_droit:
            _verifier(verrouillee, acquitter=transition.acquitter)
        avant = verrouillee.statut
        verrouillee.statut = transition.vers
        verrouillee.save(update_fields=["statut", "modifie_le"])
        _journaliser(
            verrouillee,
            action=transition.action,
            auteur=auteur,
            avant=avant,
            apres=transition.vers,
            commentaire=motif,
        )
        apres_validation(partial(notifier_transition, verrouillee, transition, motif))
    convention.refresh_from_db()
    return convention


def convention_enregistrer_signatures(
    *,
    convention: Convention,
    auteur: Utilisateur,
    date_signature: date | None = None,
    le: date | None = None,
) -> Convention:
    """Record that every party signed: "en signature" becomes "signée", dated
    `date_signature` (the day the last party signed, not after `le`, today by default) or,
    without it, the date the convention already has, or `le`. The date decides which rate of
    the gratification applies (R-GRAT), so it is written under the lock, before the check."""
    le = le or timezone.localdate()

    def dater(verrouillee: Convention) -> None:
        _exiger(garde_date_signature(date_signature, le))
        verrouillee.date_signature = date_signature or verrouillee.date_signature or le
        verrouillee.save(update_fields=["date_signature", "modifie_le"])

    return _transitionner(
        convention,
        TRANSITIONS["enregistrer_signatures"],
        auteur=auteur,
        motif="",
        sous_verrou=dater,
    )


@transaction.atomic
def convention_rompre(
    *,
    convention: Convention,
    auteur: Utilisateur,
    dernier_jour: date | None,
    initiative: str,
    motif: str,
) -> Convention:
    """End a stage early: its last day and who took the initiative (which decides the
    waiting period of the next intern) are recorded with the transition, or neither is."""
    convention.rupture_dernier_jour = dernier_jour
    convention.rupture_initiative = initiative
    convention.full_clean()
    convention.save(update_fields=["rupture_dernier_jour", "rupture_initiative", "modifie_le"])
    return _transitionner(
        convention,
        TRANSITIONS["rompre"],
        auteur=auteur,
        motif=motif,
        refus=garde_rupture(dernier_jour, initiative),
    )


@transaction.atomic
def convention_acquitter(
    *, convention: Convention, codes: Sequence[str], auteur: Utilisateur
) -> list[Acquittement]:
    """Record that `auteur` has read and accepted these warnings of the engine."""
    verdict = evaluer_convention(convention)
    avertissements = {k.code: k for k in verdict.avertissements}
    inconnus = sorted(set(codes) - set(avertissements))
    if inconnus:
        # Named by their titles, never by their codes (an unknown code: a stale form).
        noms = [
            f"« {CATALOGUE[c].titre} »" if c in CATALOGUE else "un constat inconnu"
            for c in inconnus
        ]
        raise ValidationError(
            "Seuls les avertissements actuels de cette convention se prennent en compte ; "
            f"pas : {', '.join(dict.fromkeys(noms))}."
        )
    faits = []
    for code in codes:
        acquittement, cree = Acquittement.objects.get_or_create(
            convention=convention,
            code=code,
            defaults={"message": avertissements[code].message, "auteur": auteur},
        )
        if cree:
            faits.append(acquittement)
    if faits:
        _journaliser(
            convention,
            action="acquittement",
            auteur=auteur,
            commentaire=" ; ".join(a.message for a in faits),
            donnees={"codes": [a.code for a in faits]},
        )
    return faits


@dataclass(frozen=True)
class JourSaisi:
    """One day of the presence log as staff type it."""

    jour: date
    minutes_presence: int
    absence: str = ""
    minutes_absence: int = 0


@transaction.atomic
def pointages_enregistrer(
    *,
    convention: Convention,
    jours: Sequence[JourSaisi],
    auteur: Utilisateur | None,
    le: date | None = None,
    origine: str = OriginePointage.PERSONNEL,
    tuteur: Tuteur | None = None,
    action: str = Action.PRESENCE,
) -> list[Pointage]:
    """Record days of the presence log (a week, a whole stage) all or none, while the stage
    happens and until its attestation (the workflow's `garde_pointage`, read under the row's
    lock), in a constant number of queries whatever their number: the status, the days
    already recorded, one insert, one update and the audit row naming the days. A day given
    twice keeps its last entry. A refused day names its date. With `le` (today, from the
    view), a day after it is refused: it is to come, not done (`garde_jour_releve`).

    Each day keeps who recorded it: `origine` (staff on their own word, staff from the
    tutor's signed sheet, the tutor in their space: then `tuteur` names them and `auteur`
    is None), written in the audit row (`action`: the tutor's confirmation or correction)."""
    if origine not in OriginePointage.values:
        raise ValidationError("Origine du relevé inconnue.")
    if le is not None:
        refus = [m for saisi in jours if (m := garde_jour_releve(saisi.jour, le))]
        if refus:
            raise ValidationError(refus[0])
    # The status as it is now: a cancellation committed meanwhile waits for this write, or
    # this write sees it.
    statut = (
        Convention.objects.select_for_update(no_key=True)
        .values_list("statut", flat=True)
        .get(pk=convention.pk)
    )
    _exiger(garde_pointage(statut))
    par_jour = {saisi.jour: saisi for saisi in jours}
    existants = {
        p.jour: p for p in Pointage.objects.filter(convention=convention, jour__in=list(par_jour))
    }
    nouveaux: list[Pointage] = []
    modifies: list[Pointage] = []
    for jour, saisi in sorted(par_jour.items()):
        pointage = existants.get(jour) or Pointage(convention=convention, jour=jour)
        pointage.minutes_presence = saisi.minutes_presence
        pointage.absence = saisi.absence
        pointage.minutes_absence = saisi.minutes_absence
        pointage.saisi_par = auteur
        pointage.origine = origine
        pointage.tuteur = tuteur
        try:
            # The convention and the author are known to exist, the day is unique by
            # construction: no query per day.
            pointage.full_clean(
                exclude=["convention", "saisi_par", "tuteur"], validate_unique=False
            )
        except ValidationError as erreur:
            raise ValidationError(
                [f"{jour:%d/%m/%Y} : {message}" for message in erreur.messages]
            ) from erreur
        (modifies if pointage.pk else nouveaux).append(pointage)
    Pointage.objects.bulk_create(nouveaux)
    if modifies:
        maintenant = timezone.now()  # bulk_update skips auto_now
        for pointage in modifies:
            pointage.saisi_le = maintenant
        Pointage.objects.bulk_update(
            modifies,
            [
                "minutes_presence",
                "absence",
                "minutes_absence",
                "saisi_par",
                "saisi_le",
                "origine",
                "tuteur",
            ],
        )
    if par_jour:
        _journaliser(
            convention,
            action=action,
            auteur=auteur,
            donnees={
                "jours": [jour.isoformat() for jour in sorted(par_jour)],
                "origine": str(origine),
                **({"tuteur": str(tuteur)} if tuteur is not None else {}),
            },
        )
    return [*nouveaux, *modifies]


def pointage_enregistrer(
    *,
    convention: Convention,
    jour: date,
    minutes_presence: int,
    auteur: Utilisateur | None,
    absence: str = "",
    minutes_absence: int = 0,
) -> Pointage:
    """Record one day of the presence log (see `pointages_enregistrer`)."""
    (pointage,) = pointages_enregistrer(
        convention=convention,
        jours=[JourSaisi(jour, minutes_presence, absence, minutes_absence)],
        auteur=auteur,
    )
    return pointage


AVENANT_CHAMPS = (
    "tuteur",
    "date_effet_tuteur",
    "minutes_lundi",
    "minutes_mardi",
    "minutes_mercredi",
    "minutes_jeudi",
    "minutes_vendredi",
    "minutes_samedi",
    "minutes_dimanche",
    "gratification_mode",
    "gratification_montant",
    "gratification_methode",
)


def _texte(valeur: Any) -> Any:
    if hasattr(valeur, "pk"):
        return {"id": valeur.pk, "libelle": str(valeur)}
    return valeur if isinstance(valeur, int | bool | str | None) else str(valeur)


def _avenant_possible(convention: Convention) -> None:
    _exiger(garde_avenant(convention.statut))


def avenant_creer(
    *,
    convention: Convention,
    auteur: Utilisateur,
    date_effet: date,
    motif: str,
    periodes: Sequence[PeriodeSaisie] | None = None,
    **changements: Any,
) -> Avenant:
    """Change dates, tutor, schedule or gratification of a signed convention. The change is
    checked by the engine like a new convention; the before/after stays in the avenant."""
    _avenant_possible(convention)
    if not motif.strip():
        raise TransitionRefusee("Indiquez le motif de l'avenant.")
    inconnus = sorted(set(changements) - set(AVENANT_CHAMPS))
    if inconnus:
        raise ValidationError(f"Un avenant ne peut pas changer : {', '.join(inconnus)}.")
    nouveau_tuteur = changements.get("tuteur")
    with transaction.atomic():
        # Host, former and new tutor locked before anything is read: an avenant moving the
        # dates or the tutor takes a slot like a validation does.
        convention = verrouiller_pour_le_droit(
            convention, tuteurs=[getattr(nouveau_tuteur, "pk", nouveau_tuteur)]
        )
        _avenant_possible(convention)  # again, on the row as it is now
        diff: dict[str, Any] = {}
        for champ, valeur in changements.items():
            avant = getattr(convention, champ)
            if avant != valeur:
                diff[champ] = {"avant": _texte(avant), "apres": _texte(valeur)}
                setattr(convention, champ, valeur)
        if periodes is not None:
            anciennes = [(str(p.debut), str(p.fin)) for p in convention.periodes.all()]
            nouvelles = [(str(p.debut), str(p.fin)) for p in periodes]
            if anciennes != nouvelles:
                diff["periodes"] = {"avant": anciennes, "apres": nouvelles}
                _enregistrer_periodes(convention, periodes)
        if not diff:
            raise TransitionRefusee("L'avenant ne change rien à la convention.")
        convention.full_clean()
        convention.save()
        _verifier(convention, acquitter=False)  # a refusal rolls the whole avenant back
        numero = convention.avenants.count() + 1
        avenant = Avenant.objects.create(
            convention=convention,
            numero=numero,
            date_effet=date_effet,
            motif=motif.strip(),
            changements=diff,
            auteur=auteur,
        )
        _journaliser(
            convention,
            action="avenant",
            auteur=auteur,
            commentaire=motif.strip(),
            donnees={"numero": numero, "changements": diff},
        )
    return avenant


# The actions the list of conventions applies to a selection (conventions.workflow's).
ACTIONS_GROUPEES = ("soumettre", "valider", "envoyer_signature")


@dataclass(frozen=True)
class ResultatGroupe:
    """What one action of a selection did to one convention: done, or why not."""

    convention: Convention
    fait: bool
    raison: str = ""


def conventions_transition_groupee(
    *, conventions: Sequence[Convention], action: str, auteur: Utilisateur
) -> list[ResultatGroupe]:
    """Apply `action` to each convention of a selection, one by one, each through
    `convention_transition` (its own transaction, locks, engine check, audit row and
    e-mails): a refusal of one leaves the others done, and says why in French. A convention
    of a student the author does not follow is refused like its own page refuses it."""
    if action not in ACTIONS_GROUPEES:
        raise TransitionRefusee(
            "Choisissez une action : soumettre, valider ou envoyer en signature."
        )
    resultats = []
    for convention in conventions:
        if not peut_modifier(auteur, convention.etudiant):
            resultats.append(
                ResultatGroupe(
                    convention,
                    False,
                    "seuls l'enseignant référent de l'étudiant et les administrateurs de la "
                    "section peuvent la modifier.",
                )
            )
            continue
        try:
            convention_transition(convention=convention, action=action, auteur=auteur)
        except (TransitionRefusee, PermissionDenied, ValidationError) as refus:
            raison = (
                refus.message
                if isinstance(refus, TransitionRefusee)
                else " ".join(refus.messages)
                if isinstance(refus, ValidationError)
                else str(refus)
            )
            resultats.append(ResultatGroupe(convention, False, raison))
        else:
            resultats.append(ResultatGroupe(convention, True))
    return resultats
