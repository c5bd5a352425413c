"""« Le droit en vigueur »: the staff's page of the legal figures in force today, each with its
reference, then every dated parameter by theme."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from comptes.acces import personnel_requis
from core.droit import droit_au, insecable
from regles import format as fmt
from regles.cadre import Cadre, cadre_au
from regles.parametres import Parametres, Reference, parametres


@dataclass(frozen=True)
class Chiffre:
    libelle: str
    valeur: str
    references: tuple[Reference, ...]


def _pourcent(pourcent: Decimal) -> str:
    return fmt.decimal_texte(pourcent).replace(".", ",") + " %"


def chiffres(cadre: Cadre, p: Parametres, le: date) -> list[Chiffre]:
    """The figures a staff member checks first, in words, each with the texts that set it."""

    def refs(*noms: str) -> tuple[Reference, ...]:
        return tuple(dict.fromkeys(r for nom in noms for r in p[nom].references_au(le)))

    chiffres = [
        Chiffre(
            "Gratification minimale",
            f"{fmt.euros(cadre.taux_horaire)} de l'heure, soit {_pourcent(cadre.taux_pourcent)} "
            f"du plafond horaire de la sécurité sociale",
            cadre.references_taux,
        ),
        Chiffre(
            "Plafond horaire de la sécurité sociale",
            fmt.euros(cadre.plafond_horaire),
            cadre.references_plafond,
        ),
        Chiffre(
            "Plafond mensuel de la sécurité sociale",
            fmt.euros(p.decimal("securite_sociale.plafond_mensuel", le)),
            refs("securite_sociale.plafond_mensuel"),
        ),
        Chiffre(
            "Gratification obligatoire",
            f"au-delà de {fmt.heures(cadre.seuil_minutes)} de présence dans un même organisme "
            f"au cours de l'année scolaire ({cadre.seuil_mois} mois de {cadre.jours_par_mois} "
            f"jours de {cadre.heures_par_jour} h), dès la {cadre.heure_obligatoire}e heure",
            refs("gratification.seuil_mois", "presence.jours_par_mois", "presence.heures_par_jour"),
        ),
        Chiffre(
            "Durée maximale",
            f"{fmt.heures(cadre.maximum_minutes)} ({cadre.maximum_mois} mois) par stagiaire dans "
            f"un même organisme et par année scolaire",
            refs("stage.duree_maximale_mois"),
        ),
        Chiffre(
            "Stagiaires par organisme",
            f"{cadre.quota_petit} au plus par semaine civile sous {cadre.seuil_effectif} "
            f"personnes ; à partir de {cadre.seuil_effectif} personnes, "
            f"{_pourcent(cadre.taux_effectif_pourcent)} de l'effectif, arrondis à l'entier "
            f"supérieur",
            refs("quota.plafond_petit_organisme", "quota.taux_effectif"),
        ),
        Chiffre(
            "Stagiaires par tuteur",
            f"{cadre.stagiaires_par_tuteur} au plus en même temps",
            refs("quota.stagiaires_par_tuteur"),
        ),
        Chiffre(
            "Stages du BTS NDRC",
            f"{cadre.jours_par_annee} jours par année de formation, {cadre.jours_total} jours "
            f"sur {cadre.annees} ans",
            refs("reglages.ndrc_jours_par_annee", "reglages.ndrc_annees"),
        ),
    ]
    return [Chiffre(c.libelle, insecable(c.valeur), c.references) for c in chiffres]


@personnel_requis
def droit(request: HttpRequest) -> HttpResponse:
    # The view decides the day the law is read at: today, in Paris.
    aujourdhui = timezone.localdate()
    p = parametres()
    cadre = cadre_au(aujourdhui, p)
    contexte = {
        "aujourdhui": aujourdhui,
        "chiffres": chiffres(cadre, p, aujourdhui),
        "themes": droit_au(aujourdhui, p),
    }
    return render(request, "core/droit.html", contexte)
