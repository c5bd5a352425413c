"""A rule that cannot be applied on a date because a parameter it reads has no value in force
then (the dated parameters do not go back that far, or the rule did not exist yet): the
evaluation says so in a finding, naming the rule and the date, and goes on with the others.

Two severities: REGLE_NON_APPLICABLE blocks, for a check whose verdict could forbid the
signature (quota, tutor, waiting period, minors, the stage as a whole) — the engine cannot
vouch for it; PARAMETRE_ABSENT informs, for an estimate or an indicator (contributions,
income tax, weeks on the attestation, programme, summer rest)."""

from __future__ import annotations

from regles import format as fmt
from regles.constats import Constat, constat
from regles.parametres import ParametreNonEnVigueur


def raison(exc: ParametreNonEnVigueur) -> str:
    """Why the value is missing, in French, without the parameter's internal name."""
    valeur = f"la valeur « {exc.description} »" if exc.description else "une valeur légale"
    if exc.premier is not None:
        return f"{valeur} n'est connue qu'à partir du {fmt.jour(exc.premier)}"
    return f"{valeur} n'est pas en vigueur à cette date"


def non_applicable(
    regle: str,
    exc: ParametreNonEnVigueur,
    *,
    quand: str,
    convention: str | None = None,
    bloquant: bool = True,
) -> Constat:
    """The finding for `regle` (its French name, capitalised) not applied `quand` (a phrase
    such as "semaine du 02/03/2015")."""
    verifie = "rien n'a été vérifié" if bloquant else "rien n'a été calculé"
    return constat(
        "REGLE_NON_APPLICABLE" if bloquant else "PARAMETRE_ABSENT",
        f"{regle} : règle non applicable à cette date ({quand}) ; {raison(exc)}, {verifie}.",
        convention=convention,
        regle=regle,
        date=exc.le.isoformat(),
        parametre=exc.nom,
        premiere_date_connue=exc.premier.isoformat() if exc.premier else None,
    )
