"""The whole evaluation of a situation: every convention's presence, schedule and attestation
figures, the totals per student × host × school year, and every finding.

One pass builds the indexes (days per convention, totals per perimeter, interns per host and
week, conventions per tutor and per post); each check then reads them, so an audit stays
linear in the number of days and weeks, whatever the number of conventions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from operator import attrgetter

from regles import format as fmt
from regles.applicabilite import non_applicable
from regles.attestation import Attestation, attestation
from regles.calendrier import Calendrier, calendrier
from regles.constats import Constat, Severite, constat
from regles.contenus import verifier_contenus
from regles.cotisations import estimer_cotisations
from regles.echeancier import Cotiser, Echeancier, echeancier
from regles.impot import limite_exoneration, part_imposable
from regles.mineurs import verifier_mineur
from regles.modele import Convention, Etudiant, Organisme
from regles.parametres import ParametreNonEnVigueur, Parametres, parametres
from regles.presence import (
    Jour,
    Journal,
    Seuils,
    annee_scolaire,
    debut_annee_scolaire,
    en_jours,
    en_mois,
    jour_franchissement,
    journal,
    totaliser,
)
from regles.programme import Progression, constats_programme, progression, progression_vide
from regles.quotas import (
    OccupationOrganismes,
    SuiviTuteurs,
    carence,
    effectif,
)
from regles.ramasse_miettes import sans_ramasse_miettes
from regles.repos_ete import verifier_repos_ete, verifier_vacances

ZERO = Decimal(0)
DIMANCHE = 6
_JOUR = attrgetter("jour")


@dataclass(frozen=True)
class Situation:
    conventions: Sequence[Convention]
    organismes: Mapping[str, Organisme] = field(default_factory=dict)
    etudiants: Mapping[str, Etudiant] = field(default_factory=dict)
    zone: str | None = None  # None: the school's setting (reglages.zone_scolaire)


@dataclass(frozen=True, slots=True)
class Cumul:
    """Counted time of one student at one host (SIREN) in one school year (R-PRES-3)."""

    etudiant: str
    siren: str
    annee_scolaire: int
    minutes_presence: int
    minutes_comptees: int
    seuils: Seuils
    jour_franchissement: date | None  # the day of the 309th hour
    jour_maximum: date | None  # the day the six months are exceeded
    conventions: tuple[str, ...]

    @property
    def obligatoire(self) -> bool:
        return self.minutes_comptees > self.seuils.gratification

    def en_dict(self) -> dict[str, object]:
        return {
            "etudiant": self.etudiant,
            "siren": self.siren,
            "annee_scolaire": f"{self.annee_scolaire}-{self.annee_scolaire + 1}",
            "heures": fmt.heures_texte(self.minutes_comptees),
            "heures_presence": fmt.heures_texte(self.minutes_presence),
            "jours": str(en_jours(self.minutes_comptees, self.seuils)),
            "mois": str(en_mois(self.minutes_comptees, self.seuils)),
            "gratification_obligatoire": self.obligatoire,
            "jour_309e_heure": _iso(self.jour_franchissement),
            "jour_depassement_maximum": _iso(self.jour_maximum),
            "conventions": list(self.conventions),
        }


@dataclass
class ResultatConvention:
    convention: Convention
    jours: list[Jour]
    echeancier: Echeancier
    attestation: Attestation
    constats: list[Constat] = field(default_factory=list)

    def en_dict(self) -> dict[str, object]:
        return {
            "id": self.convention.id,
            "heures": fmt.heures_texte(sum(j.compte for j in self.jours)),
            "heures_presence": fmt.heures_texte(sum(j.presence for j in self.jours)),
            "jours_planifies": sum(1 for j in self.jours if not j.reel),
            "jours_pointes": sum(1 for j in self.jours if j.reel),
            "gratification": self.echeancier.en_dict(),
            "attestation": self.attestation.en_dict(),
            "constats": [c.en_dict() for c in self.constats],
        }


@dataclass
class ResultatEtudiant:
    etudiant: str
    progression: Progression
    gratifications_par_annee: dict[int, Decimal]
    imposable_par_annee: dict[int, Decimal | None]  # None: limit not published yet
    constats: list[Constat] = field(default_factory=list)

    def en_dict(self) -> dict[str, object]:
        return {
            "id": self.etudiant,
            "programme": self.progression.en_dict(),
            "impot": [
                {
                    "annee": annee,
                    "gratifications": str(montant),
                    "part_imposable": _texte(self.imposable_par_annee[annee]),
                }
                for annee, montant in sorted(self.gratifications_par_annee.items())
            ],
            "constats": [c.en_dict() for c in self.constats],
        }


@dataclass
class Evaluation:
    conventions: dict[str, ResultatConvention]
    cumuls: list[Cumul]
    etudiants: dict[str, ResultatEtudiant]
    occupation: OccupationOrganismes

    @property
    def constats(self) -> list[Constat]:
        tous = [c for r in self.conventions.values() for c in r.constats]
        return tous + [c for r in self.etudiants.values() for c in r.constats]

    def en_dict(self) -> dict[str, object]:
        constats = self.constats
        return {
            "resume": {s.value: sum(1 for c in constats if c.severite is s) for s in Severite},
            "conventions": [r.en_dict() for r in self.conventions.values()],
            "cumuls": [c.en_dict() for c in self.cumuls],
            "etudiants": [r.en_dict() for r in self.etudiants.values()],
        }


def _texte(montant: Decimal | None) -> str | None:
    return str(montant) if montant is not None else None


def _iso(jour: date | None) -> str | None:
    return jour.isoformat() if jour else None


def _debut_annee(p: Parametres, le: date) -> str:
    """Where the school year starts (reglages.annee_scolaire_debut, "MM-01": a first of month,
    so that a month belongs to one school year)."""
    debut_mm_jj = p.texte("reglages.annee_scolaire_debut", le)
    _, quantieme = (int(x) for x in debut_mm_jj.split("-"))
    if quantieme != 1:
        raise ValueError("reglages.annee_scolaire_debut doit être un premier du mois (MM-01)")
    return debut_mm_jj


def evaluer(
    situation: Situation, *, p: Parametres | None = None, cal: Calendrier | None = None
) -> Evaluation:
    # The collector would walk the audit's millions of live objects for nothing (no cycles):
    # see regles/ramasse_miettes.py.
    with sans_ramasse_miettes():
        return _evaluer(situation, p=p, cal=cal)


def _evaluer(situation: Situation, *, p: Parametres | None, cal: Calendrier | None) -> Evaluation:
    p = p or parametres()
    # A stage before the parameters its structure needs (hours thresholds, school year,
    # minimum rate) is outside what the engine knows: one finding says so, nothing else runs.
    hors_champ = {
        c.id: exc
        for c in situation.conventions
        if (exc := _hors_champ(c, p, zone_donnee=situation.zone is not None)) is not None
    }
    conventions = [c for c in situation.conventions if c.id not in hors_champ]
    le = min((c.debut for c in conventions), default=date(2026, 1, 1))
    cal = cal or calendrier(situation.zone or p.texte("reglages.zone_scolaire", le))
    debut_mm_jj = _debut_annee(p, le)

    def annee_de(jour: date) -> int:
        return annee_scolaire(jour, debut_mm_jj=debut_mm_jj)

    organismes = situation.organismes
    jours_par_convention: dict[str, Journal] = {}
    perimetres: dict[tuple[str, str, int], list[tuple[Convention, list[Jour]]]] = defaultdict(list)
    for c in conventions:
        organisme = organismes.get(c.siren)
        jours = journal(c, calendrier=cal, fermetures=organisme.fermetures if organisme else ())
        jours_par_convention[c.id] = jours
        if not jours:
            continue
        par_annee: dict[int, list[Jour]] = {}
        if annee_de(jours[0].jour) == annee_de(jours[-1].jour):
            par_annee[annee_de(jours[0].jour)] = jours
        else:  # a convention across the school-year boundary: split its days
            for j in jours:
                par_annee.setdefault(annee_de(j.jour), []).append(j)
        for annee, liste in par_annee.items():
            perimetres[(c.etudiant, c.siren, annee)].append((c, liste))

    cumuls = {cle: _cumul(cle, membres, p) for cle, membres in perimetres.items()}
    # Interns are counted whatever the engine can say of their own convention: the quota,
    # the tutor's load and the post's waiting period read only dates.
    occupation = OccupationOrganismes(situation.conventions, organismes, p=p)
    tuteurs = SuiviTuteurs(situation.conventions)
    par_poste: dict[tuple[str, str], list[Convention]] = defaultdict(list)
    for c in situation.conventions:
        if c.poste:
            par_poste[(c.siren, c.poste)].append(c)

    resultats: dict[str, ResultatConvention] = {}
    for c in situation.conventions:
        if c.id in hors_champ:
            resultats[c.id] = _hors_du_champ(c, hors_champ[c.id], p)
            continue
        jours = jours_par_convention[c.id]
        organisme = organismes.get(c.siren) or Organisme(siren=c.siren)
        annees = range(annee_de(jours[0].jour), annee_de(jours[-1].jour) + 1) if jours else ()
        cumuls_c = {
            annee: cumuls[cle]
            for annee in annees
            if (cle := (c.etudiant, c.siren, annee)) in cumuls
        }
        annees_obligatoires = {annee for annee, cu in cumuls_c.items() if cu.obligatoire}

        def obligatoire(mois: date, oblig: set[int] = annees_obligatoires) -> bool:
            return annee_de(mois) in oblig

        lacunes: list[tuple[date, ParametreNonEnVigueur]] = []
        plan = echeancier(
            c,
            jours,
            obligatoire=obligatoire,
            cotiser=_cotiser(organisme, p, lacunes),
            p=p,
        )
        resultat = ResultatConvention(
            convention=c,
            jours=jours,
            echeancier=plan,
            attestation=attestation(jours, gratification=plan.verse_total, p=p),
        )
        constats = resultat.constats
        constats += _constats_gratification(c, jours, plan, cumuls_c, p)
        constats += _constats_lacunes(c, lacunes, resultat.attestation)
        constats += _constats_duree(c, jours, cumuls_c, debut_mm_jj)
        constats += _constats_quota(c, occupation)
        constats += _constats_tuteur(c, tuteurs, p)
        if c.poste:
            try:
                breche = carence(c, par_poste[(c.siren, c.poste)], p=p)
            except ParametreNonEnVigueur as exc:
                breche = None
                constats.append(
                    non_applicable(
                        "Délai de carence sur le même poste",
                        exc,
                        quand=f"stage commençant le {fmt.jour(c.debut)}",
                        convention=c.id,
                    )
                )
            if breche:
                constats.append(
                    constat(
                        "CARENCE",
                        f"Le poste « {c.poste} » était occupé par un autre stagiaire jusqu'au "
                        f"{fmt.jour(breche.precedente.fin)} : un tiers de la durée de ce stage, soit "
                        f"{breche.delai_jours} jours, doit s'écouler ; pas de début avant le "
                        f"{fmt.jour(breche.premier_jour_possible)}.",
                        convention=c.id,
                        convention_precedente=breche.precedente.id,
                        delai_jours=breche.delai_jours,
                        premier_jour_possible=breche.premier_jour_possible.isoformat(),
                    )
                )
        etudiant = situation.etudiants.get(c.etudiant)
        if etudiant is not None:
            try:
                constats += verifier_mineur(c, etudiant, jours, calendrier=cal, p=p)
            except ParametreNonEnVigueur as exc:
                constats.append(
                    non_applicable(
                        "Protection des stagiaires mineurs",
                        exc,
                        quand=f"stage commençant le {fmt.jour(c.debut)}",
                        convention=c.id,
                    )
                )
        minutes = totaliser(jours).compte
        seuil = Seuils.au(p, c.debut).gratification
        constats += verifier_contenus(c, minutes_total=minutes, seuil=seuil)
        constats += _constats_presence_non_prevue(c, jours, cal)
        constats += verifier_vacances(c, jours, calendrier=cal)
        resultats[c.id] = resultat

    etudiants = _etudiants(situation, conventions, resultats, cal, p)
    return Evaluation(
        conventions=resultats,
        cumuls=sorted(cumuls.values(), key=attrgetter("etudiant", "siren", "annee_scolaire")),
        etudiants=etudiants,
        occupation=occupation,
    )


def _cumul(
    cle: tuple[str, str, int], membres: list[tuple[Convention, list[Jour]]], p: Parametres
) -> Cumul:
    etudiant, siren, annee = cle
    premier = min(liste[0].jour for _, liste in membres)
    seuils = Seuils.au(p, premier)
    totaux = [totaliser(liste) for _, liste in membres]
    presence = sum(t.presence for t in totaux)
    comptees = sum(t.compte for t in totaux)
    franchissement = maximum = None
    if comptees > seuils.gratification:
        jours = (
            membres[0][1] if len(membres) == 1 else sorted(j for _, liste in membres for j in liste)
        )
        franchissement = jour_franchissement(jours, seuils.gratification)
        if comptees > seuils.maximum:
            maximum = jour_franchissement(jours, seuils.maximum)
    return Cumul(
        etudiant=etudiant,
        siren=siren,
        annee_scolaire=annee,
        minutes_presence=presence,
        minutes_comptees=comptees,
        seuils=seuils,
        jour_franchissement=franchissement,
        jour_maximum=maximum,
        conventions=tuple(c.id for c, _ in membres),
    )


def _cotiser(
    organisme: Organisme, p: Parametres, lacunes: list[tuple[date, ParametreNonEnVigueur]]
) -> Cotiser:
    """Contributions of a month; a month whose rates are not in the parameters (before their
    first date) is left at zero and listed in `lacunes`, which the evaluation reports."""

    def cotiser(excedent: Decimal, mois: date) -> tuple[Decimal, Decimal]:
        try:
            mois_moyenne = p.entier("quota.mois_moyenne_effectif", mois)
            eff = effectif(organisme, mois, mois_moyenne=mois_moyenne)
            resultat = estimer_cotisations(
                excedent=excedent,
                mois=mois,
                effectif=int(eff) if eff is not None else None,
                taux_atmp=organisme.taux_atmp,
                taux_versement_mobilite=organisme.taux_versement_mobilite,
                p=p,
            )
        except ParametreNonEnVigueur as exc:
            lacunes.append((mois, exc))
            return ZERO, ZERO
        return resultat.stagiaire, resultat.organisme

    return cotiser


def _hors_champ(c: Convention, p: Parametres, *, zone_donnee: bool) -> ParametreNonEnVigueur | None:
    """Why `c` is before the parameters every check of a stage reads, or None. Each lookup
    is remembered by the parameters: a few dictionary reads per convention."""
    # The first day the convention counts: its start, or an earlier day of its log.
    premier = min(c.debut, min(map(_JOUR, c.pointages))) if c.pointages else c.debut
    try:
        Seuils.au(p, premier)
        p.texte("reglages.annee_scolaire_debut", premier)
        p.decimal(PHSS_PARAMETRE, premier.replace(day=1))
        p.decimal("gratification.taux_minimal", c.signature_ou_debut)
        if not zone_donnee:
            p.texte("reglages.zone_scolaire", premier)
    except ParametreNonEnVigueur as exc:
        return exc
    return None


def _hors_du_champ(c: Convention, exc: ParametreNonEnVigueur, p: Parametres) -> ResultatConvention:
    """The result of a convention the engine cannot evaluate at its dates: no day, no
    schedule, and the finding that says why."""
    resultat = ResultatConvention(
        convention=c,
        jours=Journal(),
        echeancier=Echeancier(methode=c.gratification.methode, mois=()),
        attestation=attestation([], gratification=ZERO, p=p),
    )
    resultat.constats.append(
        non_applicable(
            "Droit des stages (durée, gratification, quota, tuteur)",
            exc,
            quand=f"stage du {fmt.jour(c.debut)} au {fmt.jour(c.fin)}"
            + (
                f", signé le {fmt.jour(c.date_signature)}"
                if c.date_signature is not None and c.date_signature < c.debut
                else ""
            ),
            convention=c.id,
        )
    )
    return resultat


def _constats_lacunes(
    c: Convention, lacunes: list[tuple[date, ParametreNonEnVigueur]], att: Attestation
) -> list[Constat]:
    """Estimates the parameters could not give: contributions of early months, weeks on the
    attestation."""
    constats = []
    if lacunes:
        mois = ", ".join(m.strftime("%m/%Y") for m, _ in lacunes)
        constats.append(
            non_applicable(
                "Cotisations sur la part au-delà de la franchise",
                lacunes[0][1],
                quand=mois,
                convention=c.id,
                bloquant=False,
            )
        )
    if att.lacune is not None and att.debut is not None:
        constats.append(
            non_applicable(
                "Durée en semaines sur l'attestation",
                att.lacune,
                quand=f"stage commençant le {fmt.jour(att.debut)}",
                convention=c.id,
                bloquant=False,
            )
        )
    return constats


PHSS_PARAMETRE = "securite_sociale.plafond_horaire"


def _annee_texte(annee: int) -> str:
    return f"{annee}-{annee + 1}"


def _constats_gratification(
    c: Convention,
    jours: list[Jour],
    plan: Echeancier,
    cumuls: Mapping[int, Cumul],
    p: Parametres,
) -> list[Constat]:
    constats = []
    for annee, cu in sorted(cumuls.items()):
        seuil = fmt.heures(cu.seuils.gratification)
        if not cu.obligatoire:
            constats.append(
                constat(
                    "GRAT_FACULTATIVE",
                    f"{fmt.heures(cu.minutes_comptees)} de stage chez cet organisme en "
                    f"{_annee_texte(annee)}, pas plus de {seuil} : la gratification est "
                    "facultative.",
                    convention=c.id,
                    heures=fmt.heures_texte(cu.minutes_comptees),
                    seuil=fmt.heures_texte(cu.seuils.gratification),
                )
            )
            continue
        assert cu.jour_franchissement is not None
        autres = len(cu.conventions) > 1
        constats.append(
            constat(
                "GRAT_OBLIGATOIRE",
                f"{fmt.heures(cu.minutes_comptees)} de stage chez cet organisme en "
                f"{_annee_texte(annee)}"
                + (" (toutes conventions confondues)" if autres else "")
                + f" : plus de {seuil}, la gratification est obligatoire dès la première heure ; "
                f"le seuil est dépassé le {fmt.jour(cu.jour_franchissement)}.",
                convention=c.id,
                heures=fmt.heures_texte(cu.minutes_comptees),
                seuil=fmt.heures_texte(cu.seuils.gratification),
                jour_franchissement=cu.jour_franchissement.isoformat(),
                conventions=", ".join(cu.conventions),
            )
        )
    plafond = p[PHSS_PARAMETRE]  # read once, then its date of effect for each month
    provisoires = [m.mois for m in plan.mois if plafond.date_effet(m.mois).year < m.mois.year]
    if provisoires:
        connu = plafond.date_effet(provisoires[0]).year
        constats.append(
            constat(
                "PARAMETRE_PROVISOIRE",
                f"Le plafond horaire de la sécurité sociale de {provisoires[0].year} n'est pas "
                f"encore dans les paramètres : les montants de {len(provisoires)} mois sont "
                f"calculés avec celui de {connu}, à revoir quand il sera publié.",
                convention=c.id,
                annee_connue=connu,
                mois=", ".join(m.strftime("%m/%Y") for m in provisoires),
            )
        )
    manque = plan.ecart_total
    if manque > 0:
        mois = [m for m in plan.mois if m.ecart > 0]
        # A convention over before the threshold was crossed owes back-pay (R-GRAT-2); the one
        # that crosses it, or comes later, simply pays too little.
        franchissements = [
            cu.jour_franchissement for cu in cumuls.values() if cu.jour_franchissement
        ]
        anterieure = bool(franchissements) and jours[-1].jour < min(franchissements)
        if anterieure:
            constats.append(
                constat(
                    "GRAT_RAPPEL",
                    "Avec les stages suivants de l'année chez cet organisme, la gratification "
                    "devient obligatoire et elle est due dès la première heure de cette "
                    f"convention : rappel minimal de {fmt.euros(manque)}.",
                    convention=c.id,
                    rappel=str(manque),
                    mois=", ".join(m.mois.strftime("%m/%Y") for m in mois),
                )
            )
        else:
            premier = mois[0]
            constats.append(
                constat(
                    "GRAT_INSUFFISANTE",
                    f"La gratification prévue est inférieure au minimum légal sur {len(mois)} "
                    f"mois (en {premier.mois:%m/%Y} : {fmt.euros(premier.verse)} au lieu de "
                    f"{fmt.euros(premier.verse + premier.ecart)}) ; il manque "
                    f"{fmt.euros(manque)} en tout.",
                    convention=c.id,
                    manque=str(manque),
                    mois=", ".join(m.mois.strftime("%m/%Y") for m in mois),
                )
            )
    return constats


def _constats_duree(
    c: Convention, jours: list[Jour], cumuls: Mapping[int, Cumul], debut_mm_jj: str
) -> list[Constat]:
    constats = []
    for annee, cu in sorted(cumuls.items()):
        if cu.jour_maximum is None:
            continue
        # The conventions with days past the sixth month, in that school year, carry the verdict.
        fin_annee = debut_annee_scolaire(annee + 1, debut_mm_jj=debut_mm_jj)
        if not any(cu.jour_maximum <= j.jour < fin_annee for j in jours):
            continue
        constats.append(
            constat(
                "DUREE_MAXIMALE",
                f"{fmt.heures(cu.minutes_comptees)} de stage chez cet organisme en "
                f"{_annee_texte(annee)} : au plus {fmt.heures(cu.seuils.maximum)} "
                f"({cu.seuils.maximum // cu.seuils.minutes_par_mois} mois) par "
                f"organisme et par année ; le plafond est dépassé le {fmt.jour(cu.jour_maximum)}.",
                convention=c.id,
                heures=fmt.heures_texte(cu.minutes_comptees),
                maximum=fmt.heures_texte(cu.seuils.maximum),
                jour_depassement=cu.jour_maximum.isoformat(),
            )
        )
    return constats


def _constats_quota(c: Convention, occupation: OccupationOrganismes) -> list[Constat]:
    semaines = occupation.semaines_de(c)
    constats = []
    hors = [s for s in semaines if s.lacune is not None]
    if hors:
        s = hors[0]
        assert s.lacune is not None
        constats.append(
            non_applicable(
                "Plafond de stagiaires par semaine civile",
                s.lacune,
                quand=f"semaine du {fmt.jour(s.lundi)}"
                + (f", {len(hors)} semaines concernées" if len(hors) > 1 else ""),
                convention=c.id,
            )
        )
        semaines = [s for s in semaines if s.lacune is None]
    depassees = [s for s in semaines if s.depasse]
    if depassees:
        s = depassees[0]
        autres = f" dont {s.autres} d'autres écoles" if s.autres else ""
        effectif_ = (
            f"effectif {fmt.nombre(s.effectif, 0) if s.effectif % 1 == 0 else fmt.nombre(s.effectif)}"
            if s.effectif is not None
            else "effectif non renseigné"
        )
        constats.append(
            constat(
                "QUOTA_DEPASSE",
                f"Semaine du {fmt.jour(s.lundi)} : {s.total} stagiaires{autres} en même temps "
                f"chez cet organisme pour un plafond de {s.quota} ({effectif_})"
                + (f" ; {len(depassees)} semaines sont concernées." if len(depassees) > 1 else "."),
                convention=c.id,
                semaine=s.lundi.isoformat(),
                stagiaires=s.total,
                autres_ecoles=s.autres,
                quota=s.quota,
                semaines_depassees=len(depassees),
                semaines=", ".join(d.lundi.isoformat() for d in depassees),
                # The R124-12 headcount of that week (None: not declared) and the month whose
                # last day it is counted on, the one before the week's month.
                effectif=None if s.effectif is None else fmt.decimal_texte(s.effectif),
                mois_effectif=(s.lundi.replace(day=1) - timedelta(days=1))
                .replace(day=1)
                .isoformat(),
            )
        )
    if inconnu := next((s for s in semaines if s.effectif is None), None):
        constats.append(
            constat(
                "EFFECTIF_INCONNU",
                "L'effectif de l'organisme n'est pas renseigné pour les mois précédant le stage : "
                f"le quota est compté au plus bas, {inconnu.quota} stagiaires par semaine.",
                convention=c.id,
            )
        )
    return constats


def _constats_tuteur(c: Convention, tuteurs: SuiviTuteurs, p: Parametres) -> list[Constat]:
    if not c.tuteur:
        return [
            constat("TUTEUR_ABSENT", "La convention ne désigne pas de tuteur.", convention=c.id)
        ]
    effet, nombre = tuteurs.autres(c)
    try:
        maximum = p.entier("quota.stagiaires_par_tuteur", effet)
    except ParametreNonEnVigueur as exc:
        return [
            non_applicable(
                "Plafond de stagiaires par tuteur",
                exc,
                quand=f"désignation du tuteur le {fmt.jour(effet)}",
                convention=c.id,
            )
        ]
    if nombre < maximum:
        return []
    return [
        constat(
            "TUTEUR_PLAFOND",
            f"Le {fmt.jour(effet)}, le tuteur suit déjà {nombre} stagiaires ; "
            f"{maximum} au plus en même temps.",
            convention=c.id,
            tuteur=c.tuteur,
            date_effet=effet.isoformat(),
            stagiaires=nombre,
            maximum=maximum,
        )
    ]


def _constats_presence_non_prevue(
    c: Convention, jours: list[Jour], cal: Calendrier
) -> list[Constat]:
    dimanches = (
        []
        if c.travail_dimanche
        else [j.jour for j in jours if j.presence and j.jour.weekday() == DIMANCHE]
    )
    feries: list[date] = []
    if not c.travail_feries and jours:
        annees = range(jours[0].jour.year, jours[-1].jour.year + 1)
        jours_feries = {f for annee in annees for f in cal.feries(annee)}
        feries = [j.jour for j in jours if j.presence and j.jour in jours_feries]
    if not dimanches and not feries:
        return []
    premier = min(dimanches + feries)
    return [
        constat(
            "PRESENCE_NON_PREVUE",
            f"Présence le {fmt.jour(premier)} ({'dimanche' if premier in dimanches else 'jour férié'})"
            f" : {len(dimanches)} dimanche(s) et {len(feries)} jour(s) férié(s) au total, que la "
            "convention doit prévoir expressément.",
            convention=c.id,
            dimanches=len(dimanches),
            feries=len(feries),
        )
    ]


def _etudiants(
    situation: Situation,
    conventions: list[Convention],
    resultats: Mapping[str, ResultatConvention],
    cal: Calendrier,
    p: Parametres,
) -> dict[str, ResultatEtudiant]:
    par_etudiant: dict[str, list[Convention]] = defaultdict(list)
    for c in conventions:
        par_etudiant[c.etudiant].append(c)
    sortie = {}
    for id_etudiant, siennes in par_etudiant.items():
        etudiant = situation.etudiants.get(id_etudiant) or Etudiant(id=id_etudiant)
        # One convention: its journal is already in date order (sorting it would keep it).
        jours = (
            list(resultats[siennes[0].id].jours)
            if len(siennes) == 1
            else sorted((j for c in siennes for j in resultats[c.id].jours), key=attrgetter("jour"))
        )
        constats: list[Constat] = []
        jours_de_stage = [j.jour for j in jours if j.presence]
        # Summer windows start late June at the earliest and end in early September; the
        # finding goes to the conventions with presence in that summer.
        for annee in sorted({d.year for d in jours_de_stage if 6 <= d.month <= 9}):
            ete = [
                c.id
                for c in siennes
                if any(
                    j.jour.year == annee and 6 <= j.jour.month <= 9 for j in resultats[c.id].jours
                )
            ]
            try:
                trouves = verifier_repos_ete(
                    jours_de_stage, annee=annee, calendrier=cal, p=p, conventions=ete
                )
            except ParametreNonEnVigueur as exc:
                trouves = [
                    non_applicable(
                        "Repos pendant les vacances d'été",
                        exc,
                        quand=f"été {annee}",
                        bloquant=False,
                    )
                ]
            for trouve in trouves:
                if trouve.convention is not None and trouve.convention in resultats:
                    resultats[trouve.convention].constats.append(trouve)
                else:
                    constats.append(trouve)
        try:
            suivi = progression(etudiant, jours, p=p)
        except ParametreNonEnVigueur as exc:
            suivi = progression_vide(etudiant)
            constats.append(
                non_applicable(
                    "Programme de stages de la formation",
                    exc,
                    quand=f"formation suivie à partir du {fmt.jour(exc.le)}",
                    bloquant=False,
                )
            )
        constats += constats_programme(suivi)
        gratifications: dict[int, Decimal] = defaultdict(lambda: ZERO)
        for c in siennes:
            for m in resultats[c.id].echeancier.mois:
                gratifications[m.mois.year] += m.verse
        imposable: dict[int, Decimal | None] = {}
        for annee, montant in sorted(gratifications.items()):
            try:
                imposable[annee] = part_imposable(annee=annee, gratifications=montant, p=p)
            except ParametreNonEnVigueur as exc:
                imposable[annee] = None  # the SMIC of that 1 January is not in the data (yet)
                if exc.premier is not None:  # a year before the data, not one to come
                    constats.append(
                        non_applicable(
                            "Limite d'exonération d'impôt des gratifications",
                            exc,
                            quand=f"gratifications de {annee}",
                            bloquant=False,
                        )
                    )
        for annee, part in sorted(imposable.items()):
            if part:
                constats.append(
                    constat(
                        "IMPOT_IMPOSABLE",
                        f"Gratifications de {annee} : {fmt.euros(gratifications[annee])}, au-delà "
                        f"de la limite d'exonération de {fmt.euros(limite_exoneration(annee, p))} ; "
                        f"{fmt.euros(part)} sont imposables.",
                        annee=annee,
                        part_imposable=str(part),
                    )
                )
        sortie[id_etudiant] = ResultatEtudiant(
            etudiant=id_etudiant,
            progression=suivi,
            gratifications_par_annee=dict(gratifications),
            imposable_par_annee=imposable,
            constats=constats,
        )
    return sortie
