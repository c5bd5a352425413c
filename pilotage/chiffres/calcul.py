"""The figures of one school year, from what `donnees` read: pure arithmetic, no query."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from statistics import median

from django.utils import timezone

from conventions.models import Convention
from pilotage.chiffres import naf
from pilotage.chiffres.donnees import Donnees, donnees_annee
from pilotage.chiffres.figures import Figure, Ligne, comparer, seule
from regles.constats import CATALOGUE, Severite
from regles.parametres import ParametreNonEnVigueur, parametres
from regles.presence import Seuils

CENT = Decimal(100)


def _pourcentage(partie: Decimal | int, tout: Decimal | int) -> Decimal:
    if not tout:
        return Decimal(0)
    return (Decimal(partie) * CENT / Decimal(tout)).quantize(Decimal(1), ROUND_HALF_UP)


def _un(valeur: Decimal) -> Decimal:
    return valeur.quantize(Decimal("0.1"), ROUND_HALF_UP)


def _rang(annee_formation: int) -> str:
    return "1re année" if annee_formation == 1 else f"{annee_formation}e année"


def _touche(d: Donnees, c: Convention, du: date, au: date) -> bool:
    return any(debut <= au and fin >= du for debut, fin in d.intervalles(c))


def placement(d: Donnees) -> Figure:
    """Per expected period of each cohort: its students with a signed convention over it."""
    signees = d.signees
    lignes = []
    for promotion, effectif, periodes in d.promotions:
        des_siens = [c for c in signees if c.etudiant.promotion_id == promotion.pk]
        for periode in periodes:
            places = {c.etudiant_id for c in des_siens if _touche(d, c, periode.debut, periode.fin)}
            lignes.append(
                Ligne(
                    f"{_rang(periode.annee_formation)} — {periode.libelle}",
                    (_pourcentage(len(places), effectif), len(places), effectif, promotion.libelle),
                )
            )
    return Figure(
        cle="placement",
        titre="Étudiants placés par période",
        entete="Période",
        colonnes=("Taux de placement (%)", "Avec une convention signée", "Étudiants", "Promotion"),
        lignes=lignes,
        mesure=0,
        unite=" %",
        maximum=100,
        note="Une convention signée (signée, en cours, terminée, rompue ou attestée) qui couvre "
        "au moins un jour de la période.",
    )


def jours(d: Donnees) -> Figure:
    """Days done (the hosts' presence logs, counted by the rules engine) against each cohort's
    target for the year."""
    lignes = []
    for promotion, effectif, _ in d.promotions:
        annee_formation = d.annee - promotion.annee_debut + 1
        objectif = promotion.objectif_jours_par_annee
        faits = list(_faits_par_etudiant(d, promotion.pk).values())
        total = sum(faits, Decimal(0))
        atteint = sum(1 for f in faits if f >= objectif)
        part = sum((min(f, Decimal(objectif)) for f in faits), Decimal(0))
        lignes.append(
            Ligne(
                _rang(annee_formation),
                (
                    _pourcentage(part, objectif * effectif),
                    _un(total / effectif) if effectif else Decimal(0),
                    atteint,
                    objectif,
                    effectif,
                    promotion.libelle,
                ),
            )
        )
    return Figure(
        cle="jours",
        titre="Jours de stage faits et objectif de l'année",
        entete="Année de formation",
        colonnes=(
            "Part faite (%)",
            "Jours faits (moyenne)",
            "À l'objectif",
            "Objectif (jours)",
            "Étudiants",
            "Promotion",
        ),
        lignes=lignes,
        mesure=0,
        unite=" %",
        maximum=100,
        note="Jours de présence relevés par les organismes (et absences comptées par la loi), "
        "comptés par le moteur des règles, contre l'objectif de jours de la promotion pour "
        "l'année ; « À l'objectif » : étudiants qui l'ont atteint ; « Part faite » : jours faits "
        "sur l'objectif de tous (un étudiant sans stage compte pour zéro).",
    )


def _faits_par_etudiant(d: Donnees, promotion_id: int) -> dict[int, Decimal]:
    etudiants = {c.etudiant_id for c in d.conventions if c.etudiant.promotion_id == promotion_id}
    faits = {}
    for pk in etudiants:
        resultat = d.evaluation.etudiants.get(str(pk))
        if resultat is None:
            continue
        annee = next((a for a in resultat.progression.annees if a.annee_scolaire == d.annee), None)
        if annee is not None:
            faits[pk] = annee.realises
    return faits


def _hotes(d: Donnees) -> dict[int, list[Convention]]:
    """The hosts of the year's signed conventions (by id), with those conventions."""
    hotes: dict[int, list[Convention]] = defaultdict(list)
    for c in d.signees:
        hotes[c.etablissement_accueil.organisme_id].append(c)
    return hotes


def secteurs(d: Donnees) -> Figure:
    organismes: Counter[str] = Counter()
    stages: Counter[str] = Counter()
    for conventions in _hotes(d).values():
        nom = naf.section(conventions[0].etablissement_accueil.organisme.naf)
        organismes[nom] += 1
        stages[nom] += len(conventions)
    ordre = sorted(organismes, key=lambda n: (n == naf.INCONNU, -organismes[n], n))
    return Figure(
        cle="secteurs",
        titre="Organismes d'accueil par secteur d'activité",
        entete="Secteur (section de la NAF)",
        colonnes=("Organismes", "Conventions signées"),
        lignes=[Ligne(n, (organismes[n], stages[n])) for n in ordre],
        mesure=0,
        note="Le secteur est lu dans le code NAF (APE) de l'organisme.",
    )


TRANCHES = (
    (0, 9, "Moins de 10 personnes"),
    (10, 49, "10 à 49 personnes"),
    (50, 249, "50 à 249 personnes"),
    (250, None, "250 personnes ou plus"),
)
TAILLE_INCONNUE = "Effectif non déclaré"


def _tranche(personnes: int | None) -> str:
    if personnes is None:
        return TAILLE_INCONNUE
    for bas, haut, nom in TRANCHES:
        if personnes >= bas and (haut is None or personnes <= haut):
            return nom
    return TAILLE_INCONNUE


def tailles(d: Donnees) -> Figure:
    organismes: Counter[str] = Counter()
    for pk in _hotes(d):
        organismes[_tranche(d.effectifs.get(pk))] += 1
    ordre = [*(nom for _, _, nom in TRANCHES), TAILLE_INCONNUE]
    return Figure(
        cle="tailles",
        titre="Organismes d'accueil par taille",
        entete="Effectif",
        colonnes=("Organismes",),
        lignes=[Ligne(n, (organismes[n],)) for n in ordre if organismes[n]],
        mesure=0,
        note="Le dernier effectif mensuel déclaré avant la fin de l'année scolaire. "
        "La distance au lycée n'est pas montrée : les adresses des organismes ne sont pas "
        "géolocalisées.",
    )


def fidelite(d: Donnees) -> Figure:
    hotes = _hotes(d)
    nouveaux = [pk for pk in hotes if pk not in d.anciens]
    anciens = [pk for pk in hotes if pk in d.anciens]
    return Figure(
        cle="fidelite",
        titre="Nouveaux organismes et organismes fidèles",
        entete="Organismes",
        colonnes=("Organismes", "Conventions signées"),
        lignes=[
            Ligne("Nouveaux cette année", (len(nouveaux), sum(len(hotes[pk]) for pk in nouveaux))),
            Ligne(
                "Déjà accueillants les années précédentes",
                (len(anciens), sum(len(hotes[pk]) for pk in anciens)),
            ),
        ],
        mesure=0,
        note="Un organisme est fidèle s'il a accueilli un stage signé de la section avant cette "
        "année scolaire.",
    )


def seuil_heures(d: Donnees) -> int | None:
    """The hours beyond which gratification is mandatory (a dated parameter), on the year's
    first day; None when the law Stages knows does not cover it."""
    try:
        return Seuils.au(parametres(), d.debut).gratification // 60
    except ParametreNonEnVigueur:
        return None


@dataclass
class _Tranche:
    libelle: str
    stages: int = 0
    minimum: Decimal = Decimal(0)
    verse: Decimal = Decimal(0)


def gratifications(d: Donnees) -> Figure:
    """The stages (a student at a host over the school year, as the law counts them) beyond the
    threshold, and the legal minimum and the planned amounts of their months in the year."""
    signees = {str(c.pk) for c in d.signees}
    seuil = seuil_heures(d)
    au_dela = _Tranche(
        f"Plus de {seuil} h : gratification obligatoire"
        if seuil is not None
        else "Au-delà du seuil : gratification obligatoire"
    )
    en_deca = _Tranche(f"{seuil} h ou moins" if seuil is not None else "Jusqu'au seuil")
    for cumul in d.evaluation.cumuls:
        if cumul.annee_scolaire != d.annee or not signees.intersection(cumul.conventions):
            continue
        tranche = au_dela if cumul.obligatoire else en_deca
        tranche.stages += 1
        for pk in cumul.conventions:
            resultat = d.evaluation.conventions.get(pk)
            if resultat is None or pk not in signees:
                continue
            for mois in resultat.echeancier.mois:
                if d.debut <= mois.mois <= d.fin:
                    tranche.minimum += mois.minimum
                    tranche.verse += mois.verse
    return Figure(
        cle="gratifications",
        titre="Stages gratifiés",
        entete="Durée de présence",
        colonnes=("Stages", "Minimum légal dû (€)", "Gratification prévue (€)"),
        lignes=[
            Ligne(t.libelle, (t.stages, _centimes(t.minimum), _centimes(t.verse)))
            for t in (au_dela, en_deca)
        ],
        mesure=0,
        note="Un stage : un étudiant chez un organisme sur l'année scolaire, toutes ses "
        "conventions signées ensemble, comme la loi compte la durée ; montants calculés par le "
        "moteur des règles pour les mois de l'année.",
    )


def _centimes(montant: Decimal) -> Decimal:
    return montant.quantize(Decimal("0.01"), ROUND_HALF_UP)


APPRECIATIONS = ("Très satisfaisante", "Satisfaisante", "Insuffisante", "Très insuffisante")
NON_REMPLIE = "Pas encore remplie"


def evaluations(d: Donnees) -> Figure:
    comptes = Counter(a or NON_REMPLIE for a in d.appreciations)
    ordre = [*APPRECIATIONS, *sorted(set(comptes) - {*APPRECIATIONS, NON_REMPLIE}), NON_REMPLIE]
    total = len(d.appreciations)
    return Figure(
        cle="evaluations",
        titre="Appréciation générale des tuteurs",
        entete="Appréciation",
        colonnes=("Évaluations", "Part (%)"),
        lignes=[
            Ligne(a, (comptes[a], _pourcentage(comptes[a], total))) for a in ordre if comptes[a]
        ],
        mesure=0,
        note="Les évaluations du stagiaire demandées aux tuteurs pour les conventions signées "
        "de l'année.",
    )


DELAIS = (
    (0, 6, "Moins d'une semaine"),
    (7, 13, "1 à 2 semaines"),
    (14, 27, "2 à 4 semaines"),
    (28, 55, "4 à 8 semaines"),
    (56, None, "8 semaines ou plus"),
)


def delais(d: Donnees) -> Figure:
    """From the request (the convention's creation) to the signatures being recorded."""
    jours_: list[int] = []
    for c in d.signees:
        if c.date_signature is None:
            continue
        jours_.append(max((c.date_signature - timezone.localdate(c.cree_le)).days, 0))
    comptes: Counter[str] = Counter()
    for n in jours_:
        for bas, haut, nom in DELAIS:
            if n >= bas and (haut is None or n <= haut):
                comptes[nom] += 1
    mediane = f"délai médian de {_jours_texte(median(jours_))}" if jours_ else ""
    return Figure(
        cle="delais",
        titre="Délai de la demande à la signature",
        entete="Délai",
        colonnes=("Conventions",),
        lignes=[Ligne(nom, (comptes[nom],)) for _, _, nom in DELAIS],
        mesure=0,
        note="De la création de la demande de convention à l'enregistrement des signatures.",
        note_annee=mediane.capitalize() + "." if mediane else "",
    )


def _jours_texte(valeur: float) -> str:
    texte = f"{valeur:.1f}".replace(".", ",").removesuffix(",0")
    return f"{texte} jour{'s' if valeur >= 2 else ''}"


def blocages(d: Donnees) -> Figure:
    """The conventions of the year that a blocking finding of the law stops (or stopped), by
    rule: those in force from the one evaluation, those in preparation each judged alone."""
    par_regle: Counter[str] = Counter()
    for c in d.conventions:
        resultat = d.evaluation.conventions.get(str(c.pk))
        constats = resultat.constats if resultat is not None else d.projets.get(c.pk, [])
        for code in {k.code for k in constats if k.severite is Severite.BLOQUANT}:
            par_regle[code] += 1
    ordre = sorted(par_regle, key=lambda code: (-par_regle[code], CATALOGUE[code].titre))
    return Figure(
        cle="blocages",
        titre="Conventions bloquées par le droit, et pourquoi",
        entete="Règle",
        colonnes=("Conventions", "Article"),
        lignes=[
            Ligne(CATALOGUE[code].titre, (par_regle[code], CATALOGUE[code].article))
            for code in ordre
        ],
        mesure=0,
        communes=frozenset({1}),
        note="Chaque convention de l'année (hors annulées) est comptée une fois par règle qui la "
        "bloque aujourd'hui.",
    )


FIGURES = (
    placement,
    jours,
    secteurs,
    tailles,
    fidelite,
    gratifications,
    evaluations,
    delais,
    blocages,
)


def figures(d: Donnees) -> list[Figure]:
    return [f(d) for f in FIGURES]


def chiffres(annee: int, comparee: int | None = None) -> list[Figure]:
    """The figures of the school year starting in `annee`, with those of `comparee` beside
    them when given."""
    premieres = figures(donnees_annee(annee))
    if comparee is None:
        return [seule(f, annee) for f in premieres]
    autres = figures(donnees_annee(comparee))
    return [comparer(a, b, annee, comparee) for a, b in zip(premieres, autres, strict=True)]
