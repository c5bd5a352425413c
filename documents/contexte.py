"""The data of a document, as plain strings, lists and dicts: what the PDF layouts print and
the only thing a clause template sees (bac_a_sable.py refuses anything else).

Every figure comes from the rules engine (`conventions.moteur.evaluer_convention`): the
planned duration, the gratification schedule and the attestation's hours, days, months and
weeks are the engine's, formatted in French here and nowhere else."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from conventions.models import Avenant, Convention, PeriodeConvention
from conventions.moteur import Verdict, vers_regles
from documents.bac_a_sable import Donnee
from etablissement.models import Etablissement
from organismes.models import ContactOrganisme, RoleContact
from regles import format as fmt
from regles.attestation import Attestation, attestation_periode
from regles.cadre import cadre_ou_aucun
from regles.contenus import CONTENUS
from regles.modele import SEMAINE
from regles.parametres import parametres

_MODES = {
    "aucune": "Pas de gratification",
    "minimum_legal": "Gratification au minimum légal",
    "horaire": "Gratification horaire",
    "mensuelle": "Gratification mensuelle",
}
_METHODES = {
    "reelle": "versée chaque mois selon les heures réelles",
    "lissee": "lissée sur la durée du stage",
}


def _ligne(*morceaux: str) -> str:
    return ", ".join(" ".join(m.split()) for m in morceaux if m and m.strip())


def _sans_cedex(ville: str) -> str:
    # "Fait à Bordeaux", not "Fait à Bordeaux Cedex": a Cedex is a postal routing, not a place.
    return re.sub(r"\s+cedex\b.*$", "", ville, flags=re.IGNORECASE)


def _decimal(valeur: Decimal) -> str:
    return fmt.nombre(valeur).removesuffix(",00")


def etablissement_donnees(e: Etablissement | None) -> dict[str, Donnee]:
    if e is None:
        return {
            "nom": "",
            "uai": "",
            "adresse": "",
            "chef_nom": "",
            "chef_qualite": "",
            "ville": "",
        }
    return {
        "nom": e.nom,
        "uai": e.uai,
        "adresse": _ligne(e.adresse, f"{e.code_postal} {e.ville}"),
        "telephone": e.telephone,
        "email": e.email,
        "chef_nom": e.chef_etablissement_nom,
        "chef_qualite": e.chef_etablissement_qualite or "chef d'établissement",
        "ville": e.ville,
    }


def _gratification(c: Convention) -> str:
    texte = _MODES[c.gratification_mode]
    if c.gratification_mode == "horaire":
        texte += f" de {fmt.euros(c.gratification_montant)} par heure de présence"
    elif c.gratification_mode == "mensuelle":
        texte += f" de {fmt.euros(c.gratification_montant)} par mois"
    if c.gratification_mode != "aucune":
        texte += f", {_METHODES[c.gratification_methode]}"
    return texte + "."


def _horaire(c: Convention) -> list[Donnee]:
    return [
        {"jour": jour, "heures": fmt.heures(minutes)}
        for jour, minutes in zip(SEMAINE, c.horaire, strict=True)
        if minutes
    ]


def _attestation(a: Attestation) -> dict[str, Donnee]:
    return {
        "debut": fmt.jour(a.debut) if a.debut else "",
        "fin": fmt.jour(a.fin) if a.fin else "",
        "heures": fmt.heures(a.minutes),
        "jours": _decimal(a.jours),
        "mois": _decimal(a.mois),
        # The units the durations were counted in (7 h, 22 days): the parameters' of day one.
        "heures_par_jour": fmt.heures(a.seuils.minutes_par_jour) if a.seuils else "",
        "jours_par_mois": str(a.jours_par_mois or ""),
        "semaines": _decimal(a.semaines) if a.semaines is not None else "",
        "gratification": fmt.euros(a.gratification) if a.gratification else "néant",
        "complete": a.complete,
    }


@dataclass(frozen=True)
class Sujet:
    """What a document is about, beyond its convention: an avenant or one period."""

    avenant: Avenant | None = None
    periode: PeriodeConvention | None = None


def donnees(
    c: Convention,
    verdict: Verdict,
    *,
    etablissement: Etablissement | None,
    le: date,
    sujet: Sujet = Sujet(),  # noqa: B008  (frozen, so sharing the default is safe)
) -> dict[str, Donnee]:
    """Everything a document of `c` prints, as plain data. `le` is the generation date."""
    etudiant = c.etudiant
    site = c.etablissement_accueil
    organisme = site.organisme
    signataire = (
        ContactOrganisme.objects.filter(organisme=organisme, role=RoleContact.SIGNATAIRE)
        .order_by("pk")
        .first()
    )
    periodes = list(c.periodes.all())
    resultat = verdict.resultat
    minutes_prevues = sum(j.compte for j in resultat.jours)
    cadre = cadre_ou_aucun(resultat.convention.debut)
    clauses = vers_regles(c).contenus  # with the engine's own defaults for 1° and 2°
    d: dict[str, Donnee] = {
        "etablissement": etablissement_donnees(etablissement),
        "lieu": _sans_cedex(etablissement.ville) if etablissement else "",
        "date_du_jour": fmt.jour(le),
        "etudiant": {
            "nom": etudiant.nom,
            "prenom": etudiant.prenom,
            "date_naissance": fmt.jour(etudiant.date_naissance),
            "ine": etudiant.ine,
            "email": etudiant.email,
            "classe": etudiant.classe,
            "promotion": etudiant.promotion.libelle,
            "formation": etudiant.promotion.formation.intitule,
            "representant_legal": etudiant.representant_legal_nom
            if etudiant.est_mineur_le(periodes[0].debut if periodes else le)
            else "",
        },
        "organisme": {
            "raison_sociale": organisme.raison_sociale,
            "siren": organisme.siren,
            "naf": organisme.naf,
            "adresse": _ligne(organisme.adresse, f"{organisme.code_postal} {organisme.ville}"),
        },
        "site": {
            "siret": site.siret,
            "nom": site.enseigne or organisme.raison_sociale,
            "adresse": _ligne(site.adresse, f"{site.code_postal} {site.ville}"),
        },
        "signataire": {
            "nom": f"{signataire.prenom} {signataire.nom}".strip() if signataire else "",
            "fonction": signataire.fonction if signataire else "",
            "email": signataire.email if signataire else "",
            "telephone": signataire.telephone if signataire else "",
        },
        "tuteur": {
            "nom": str(c.tuteur) if c.tuteur else "",
            "fonction": c.tuteur.fonction if c.tuteur else "",
            "email": c.tuteur.email if c.tuteur else "",
            "telephone": c.tuteur.telephone if c.tuteur else "",
        },
        "referent": {
            "nom": str(c.referent) if c.referent else "",
            "email": c.referent.email if c.referent else "",
        },
        "convention": {
            "numero": str(c.pk),
            "poste": c.poste,
            "duree": fmt.heures(minutes_prevues),
            "horaire": _horaire(c),
            "heures_semaine": fmt.heures(sum(c.horaire)),
            "nuit": "oui" if c.travail_nuit else "non",
            "dimanche": "oui" if c.travail_dimanche else "non",
            "feries": "oui" if c.travail_feries else "non",
            "objectifs": c.objectifs,
        },
        "periodes": [{"debut": fmt.jour(p.debut), "fin": fmt.jour(p.fin)} for p in periodes],
        "periode": {
            "debut": fmt.jour(periodes[0].debut) if periodes else "",
            "fin": fmt.jour(periodes[-1].fin) if periodes else "",
        },
        "clauses": [
            {
                "numero": str(contenu.numero),
                "code": contenu.code,
                "libelle": contenu.libelle,
                "texte": clauses.get(contenu.code, ""),
                # Typed by the section, not the engine's default sentence for 1° and 2°.
                "saisi": bool((c.contenus or {}).get(contenu.code)),
            }
            for contenu in CONTENUS
        ],
        "missions": [m.libelle for m in c.missions.order_by("famille__ordre", "code")],
        "competences": [f"{k.code} {k.libelle}" for k in c.competences.order_by("code")],
        "gratification": {
            "texte": _gratification(c),
            "mode": c.gratification_mode,
            "echeancier": [
                {
                    "mois": fmt.mois(m.mois),
                    "heures": fmt.heures(m.presence),
                    "minimum": fmt.euros(m.minimum),
                    "verse": fmt.euros(m.verse),
                }
                for m in resultat.echeancier.mois
            ],
            "minimum_du_total": fmt.euros(resultat.echeancier.minimum_du_total),
            "verse_total": fmt.euros(resultat.echeancier.verse_total),
            # Months of presence past which the minimum is due (L124-6), on the first day.
            "seuil_mois": str(cadre.seuil_mois) if cadre else "",
        },
        "attestation": _attestation(resultat.attestation),
        "avenant": None,
    }
    if sujet.periode is not None:
        d["attestation"] = _attestation(_attestation_periode(verdict, sujet.periode))
        d["periode"] = {"debut": fmt.jour(sujet.periode.debut), "fin": fmt.jour(sujet.periode.fin)}
    if sujet.avenant is not None:
        d["avenant"] = _avenant(sujet.avenant)
    return d


def _attestation_periode(verdict: Verdict, periode: PeriodeConvention) -> Attestation:
    """The attestation of one period (the NDRC model wants one per place and period)."""
    resultat = verdict.resultat
    return attestation_periode(
        resultat.jours,
        resultat.echeancier.mois,
        debut=periode.debut,
        fin=periode.fin,
        p=parametres(),
    )


_CHAMPS = {
    "tuteur": "Tuteur",
    "date_effet_tuteur": "Tuteur désigné à compter du",
    "gratification_mode": "Gratification",
    "gratification_montant": "Montant de la gratification",
    "gratification_methode": "Versement de la gratification",
    "periodes": "Périodes de stage",
    **{f"minutes_{jour}": f"Présence le {jour}" for jour in SEMAINE},
}


def _valeur(champ: str, valeur: object) -> str:
    if valeur is None or valeur == "":
        return "—"
    if isinstance(valeur, dict):
        return str(valeur.get("libelle", ""))
    if champ == "periodes" and isinstance(valeur, list):
        return " ; ".join(
            f"du {fmt.jour(date.fromisoformat(d))} au {fmt.jour(date.fromisoformat(f))}"
            for d, f in valeur
        )
    if champ.startswith("minutes_") and isinstance(valeur, int):
        return fmt.heures(valeur)
    if champ == "gratification_mode":
        return _MODES.get(str(valeur), str(valeur))
    if champ == "gratification_methode":
        return _METHODES.get(str(valeur), str(valeur))
    if champ == "gratification_montant":
        return fmt.euros(Decimal(str(valeur)))
    if champ == "date_effet_tuteur":
        return fmt.jour(date.fromisoformat(str(valeur)))
    return str(valeur)


def _avenant(a: Avenant) -> dict[str, Donnee]:
    return {
        "numero": str(a.numero),
        "date_effet": fmt.jour(a.date_effet),
        "motif": a.motif,
        "changements": [
            {
                "champ": _CHAMPS.get(champ, champ),
                "avant": _valeur(champ, valeurs.get("avant")),
                "apres": _valeur(champ, valeurs.get("apres")),
            }
            for champ, valeurs in a.changements.items()
        ],
    }
