"""The mandatory contents of a convention (C. éduc. D124-4; R-CONV-2).

Fifteen items, numbered as in the article. Three are derived from the convention's
structured data rather than typed in:

* 5° dates and total duration: the periods and the total of counted presence;
* 6° weekly presence: the weekly schedule (nights, Sundays and public holidays are the
  convention's flags, always stated one way or the other);
* 8° gratification: its mode, amount and payment method; "aucune" is a stated term, an
  hourly or monthly mode without an amount is not.

The others are clause texts in `Convention.contenus`, keyed by `Contenu.code`, and must not
be blank. Item 10 has two parts: the conditions of absence (always) and, for a stage of
more than two months, the leave and absence authorisations of L124-13, a separate clause
`conges` so that its absence is visible.
"""

from __future__ import annotations

from dataclasses import dataclass

from regles.constats import Constat, constat
from regles.modele import Convention, Minutes


@dataclass(frozen=True, slots=True)
class Contenu:
    code: str
    numero: int  # the item of D124-4
    libelle: str


CONGES = "conges"

CONTENUS: tuple[Contenu, ...] = (
    Contenu("formation", 1, "intitulé complet de la formation et volume horaire d'enseignement par année"),
    Contenu("encadrants", 2, "noms de l'enseignant référent et du tuteur"),
    Contenu("competences", 3, "compétences à acquérir ou à développer"),
    Contenu("activites", 4, "activités confiées au stagiaire"),
    Contenu("dates_duree", 5, "dates de début et de fin, durée totale prévue en présence effective"),
    Contenu("presence_hebdomadaire", 6, "durée de présence hebdomadaire (et présence de nuit, le dimanche ou les jours fériés)"),
    Contenu("suivi", 7, "modalités d'encadrement et de suivi par l'enseignant référent et le tuteur"),
    Contenu("gratification", 8, "montant de la gratification et modalités de versement"),
    Contenu("protection_sociale", 9, "régime de protection sociale, dont la couverture accidents du travail"),
    Contenu("absences_conges", 10, "conditions dans lesquelles le stagiaire peut s'absenter"),
    Contenu(CONGES, 10, "congés et autorisations d'absence (stage de plus de deux mois, L124-13)"),
    Contenu("suspension_resiliation", 11, "modalités de suspension et de résiliation du stage"),
    Contenu("validation_interruption", 12, "modalités de validation du stage en cas d'interruption"),
    Contenu("avantages", 13, "avantages offerts (restauration, hébergement, frais, transport, activités sociales et culturelles)"),
    Contenu("reglement_interieur", 14, "clauses du règlement intérieur applicables au stagiaire"),
    Contenu("attestation", 15, "conditions de délivrance de l'attestation de stage"),
)  # fmt: skip

PAR_CODE = {c.code: c for c in CONTENUS}
DERIVES = frozenset({"dates_duree", "presence_hebdomadaire", "gratification"})
# The contents written as clause texts (the others come from periods, schedule and pay).
CLAUSES_TEXTE = tuple(c.code for c in CONTENUS if c.code not in DERIVES)


def _gratification_stipulee(convention: Convention) -> bool:
    g = convention.gratification
    if g.mode.avec_montant:
        return g.montant > 0
    return True  # "aucune" and "minimum légal" are complete terms


def _present(contenu: Contenu, convention: Convention, minutes_total: Minutes) -> bool:
    if contenu.code == "dates_duree":
        return bool(convention.periodes) and minutes_total > 0
    if contenu.code == "presence_hebdomadaire":
        return any(minutes > 0 for minutes in convention.horaire)
    if contenu.code == "gratification":
        return _gratification_stipulee(convention)
    texte = convention.contenus.get(contenu.code)
    return texte is not None and texte.strip() != ""


def contenus_manquants(
    convention: Convention, *, minutes_total: Minutes, seuil: Minutes
) -> list[Contenu]:
    """The items of D124-4 the convention lacks, in the article's order.

    `minutes_total` is the stage's total counted presence and `seuil` the "two months" of
    `presence.Seuils.gratification` (308 h): above it, the `conges` clause is required.
    """
    # Read once per convention of the audit: the clause texts are looked up inline, the few
    # derived items go through `_present`.
    textes = convention.contenus
    manquants = []
    for c in CONTENUS:
        code = c.code
        if code == CONGES and minutes_total <= seuil:
            continue
        if code in DERIVES:
            if not _present(c, convention, minutes_total):
                manquants.append(c)
            continue
        texte = textes.get(code)
        if texte is None or texte.strip() == "":
            manquants.append(c)
    return manquants


def verifier_contenus(
    convention: Convention, *, minutes_total: Minutes, seuil: Minutes
) -> list[Constat]:
    """One CONVENTION_INCOMPLETE finding listing the missing items, or none."""
    manquants = contenus_manquants(convention, minutes_total=minutes_total, seuil=seuil)
    if not manquants:
        return []
    liste = " ; ".join(f"{c.numero}° {c.libelle}" for c in manquants)
    mentions = "la mention obligatoire" if len(manquants) == 1 else "les mentions obligatoires"
    return [
        constat(
            "CONVENTION_INCOMPLETE",
            f"Il manque à la convention {convention.id} {mentions} suivante"
            f"{'s' if len(manquants) > 1 else ''} : {liste}.",
            convention=convention.id,
            manquants=", ".join(c.code for c in manquants),
            numeros=", ".join(str(c.numero) for c in manquants),
            nombre=len(manquants),
        )
    ]
