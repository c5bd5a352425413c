"""Findings: every verdict of the engine, with a stable code, its article and its figures.

The catalogue below is the one list of codes; the web, the JSON interface and the documents
all show the same sentence, article and figures.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

EDUC = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006071191"
CSS = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006073189"
TRAV = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006072050"
CGI = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006069577"
REFERENTIEL = "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000036665418"


class Severite(StrEnum):
    BLOQUANT = "bloquant"  # forbids validation and signature
    AVERTISSEMENT = "avertissement"  # acknowledged by a named user
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Regle:
    code: str
    severite: Severite
    titre: str
    article: str
    lien: str


def _r(code: str, severite: Severite, titre: str, article: str, lien: str) -> Regle:
    return Regle(code, severite, titre, article, lien)


BLOQ, AVERT, INFO = Severite.BLOQUANT, Severite.AVERTISSEMENT, Severite.INFO

CATALOGUE: Mapping[str, Regle] = MappingProxyType(
    {
        r.code: r
        for r in (
            _r(
                "GRAT_OBLIGATOIRE",
                AVERT,
                "Gratification obligatoire",
                "C. éduc. L124-6, D124-8",
                EDUC,
            ),
            _r(
                "GRAT_RAPPEL",
                BLOQ,
                "Rappel de gratification dû depuis la première heure",
                "C. éduc. L124-6, D124-8",
                EDUC,
            ),
            _r(
                "GRAT_INSUFFISANTE",
                BLOQ,
                "Gratification inférieure au minimum légal",
                "C. éduc. L124-6, D124-8 ; CSS D242-2-1",
                EDUC,
            ),
            _r(
                "PARAMETRE_PROVISOIRE",
                INFO,
                "Montant calculé avec un paramètre de l'année précédente",
                "CSS D242-19 (plafond publié chaque année)",
                CSS,
            ),
            _r(
                "GRAT_FACULTATIVE",
                INFO,
                "Gratification facultative",
                "C. éduc. D124-8 dernier al.",
                EDUC,
            ),
            _r(
                "QUOTA_DEPASSE",
                BLOQ,
                "Trop de stagiaires dans une semaine civile",
                "C. éduc. L124-8, R124-10, R124-12",
                EDUC,
            ),
            _r(
                "EFFECTIF_INCONNU",
                AVERT,
                "Effectif de l'organisme non renseigné",
                "C. éduc. R124-12",
                EDUC,
            ),
            _r(
                "TUTEUR_PLAFOND",
                BLOQ,
                "Tuteur déjà en charge du nombre maximal de stagiaires",
                "C. éduc. L124-10, R124-13",
                EDUC,
            ),
            _r("TUTEUR_ABSENT", BLOQ, "Aucun tuteur désigné", "C. éduc. L124-9", EDUC),
            _r(
                "DUREE_MAXIMALE",
                BLOQ,
                "Plus de six mois de stage dans le même organisme et la même année",
                "C. éduc. L124-5, D124-6",
                EDUC,
            ),
            _r(
                "CARENCE",
                BLOQ,
                "Délai de carence non respecté sur le même poste",
                "C. éduc. L124-11",
                EDUC,
            ),
            _r(
                "MINEUR_DUREE_JOUR",
                BLOQ,
                "Durée quotidienne excessive pour un stagiaire mineur",
                "C. trav. L3162-1 ; C. éduc. L124-14",
                TRAV,
            ),
            _r(
                "MINEUR_DUREE_SEMAINE",
                BLOQ,
                "Durée hebdomadaire excessive pour un stagiaire mineur",
                "C. trav. L3162-1 ; C. éduc. L124-14",
                TRAV,
            ),
            _r(
                "MINEUR_NUIT",
                BLOQ,
                "Présence de nuit interdite à un stagiaire mineur",
                "C. trav. L3163-1, L3163-2",
                TRAV,
            ),
            _r(
                "MINEUR_REPOS",
                BLOQ,
                "Deux jours de repos consécutifs non garantis à un stagiaire mineur",
                "C. trav. L3164-2",
                TRAV,
            ),
            _r(
                "MINEUR_DIMANCHE_FERIE",
                AVERT,
                "Présence d'un mineur un dimanche ou un jour férié (dérogation nécessaire)",
                "C. trav. L3164-5, L3164-6",
                TRAV,
            ),
            _r(
                "REPOS_ETE",
                AVERT,
                "Repos d'été insuffisant",
                "Référentiel BTS NDRC (règle de l'établissement)",
                REFERENTIEL,
            ),
            _r(
                "VACANCES_PROLONGATION",
                INFO,
                "Stage pendant les vacances scolaires",
                "Référentiel BTS NDRC (prolongation pendant les vacances)",
                REFERENTIEL,
            ),
            _r(
                "PROGRAMME_INSUFFISANT",
                AVERT,
                "Jours de stage prévus inférieurs à l'objectif de la formation",
                "Référentiel BTS NDRC, annexe III b",
                REFERENTIEL,
            ),
            _r(
                "CONVENTION_INCOMPLETE",
                BLOQ,
                "Mentions obligatoires manquantes dans la convention",
                "C. éduc. D124-4",
                EDUC,
            ),
            _r(
                "PRESENCE_NON_PREVUE",
                AVERT,
                "Présence la nuit, le dimanche ou un jour férié non prévue par la convention",
                "C. éduc. D124-4 6°, L124-14",
                EDUC,
            ),
            _r(
                "IMPOT_IMPOSABLE",
                INFO,
                "Gratifications au-delà de la limite d'exonération d'impôt",
                "CGI art. 81 bis",
                CGI,
            ),
            _r(
                "REGLE_NON_APPLICABLE",
                BLOQ,
                "Règle non vérifiable à cette date : ses paramètres n'y remontent pas",
                "Paramètres datés de Stages (valeurs en vigueur à chaque date)",
                EDUC,
            ),
            _r(
                "PARAMETRE_ABSENT",
                INFO,
                "Montant ou indicateur non calculé à cette date : paramètre absent",
                "Paramètres datés de Stages (valeurs en vigueur à chaque date)",
                EDUC,
            ),
            _r(
                "COTISATIONS_EXCEDENT",
                INFO,
                "Cotisations dues sur la part au-delà de la franchise",
                "CSS L242-4-1, D242-2-1",
                CSS,
            ),
        )
    }
)


@dataclass(frozen=True, slots=True)
class Constat:
    code: str
    message: str
    chiffres: Mapping[str, str | int | bool | None] = field(default_factory=dict)
    convention: str | None = None

    @property
    def regle(self) -> Regle:
        return CATALOGUE[self.code]

    @property
    def severite(self) -> Severite:
        return self.regle.severite

    @property
    def bloquant(self) -> bool:
        return self.severite is Severite.BLOQUANT

    def en_dict(self) -> dict[str, object]:
        regle = self.regle
        return {
            "code": self.code,
            "severite": regle.severite.value,
            "titre": regle.titre,
            "message": self.message,
            "article": regle.article,
            "lien": regle.lien,
            "chiffres": dict(self.chiffres),
            "convention": self.convention,
        }


def constat(
    code: str,
    message: str,
    *,
    convention: str | None = None,
    **chiffres: str | int | bool | None,
) -> Constat:
    if code not in CATALOGUE:
        raise KeyError(f"Code de constat inconnu : {code}")
    return Constat(code=code, message=message, chiffres=chiffres, convention=convention)
