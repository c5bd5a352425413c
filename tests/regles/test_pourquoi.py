"""« Pourquoi ? » tells a finding's figures in French sentences (regles/pourquoi.py): every
figure the engine writes has its sentence, and no sentence, title or message shows a key, a
code, a boolean or an ISO date."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest

from regles import format as fmt
from regles.constats import CATALOGUE, constat
from regles.parametres import parametres
from regles.pourquoi import IGNORES, LUS, pourquoi
from tests.core.textes_visibles import fautes

REGLES = Path(__file__).resolve().parents[2] / "regles"


def _appels_constat() -> list[tuple[str, ast.Call]]:
    """Every `constat("CODE", message, …)` written in the engine, with its code."""
    appels = []
    for fichier in sorted(REGLES.glob("*.py")):
        for noeud in ast.walk(ast.parse(fichier.read_text(encoding="utf-8"))):
            if (
                isinstance(noeud, ast.Call)
                and isinstance(noeud.func, ast.Name)
                and noeud.func.id == "constat"
                and noeud.args
            ):
                premier = noeud.args[0]
                if isinstance(premier, ast.Constant) and isinstance(premier.value, str):
                    appels.append((premier.value, noeud))
                elif isinstance(premier, ast.IfExp):  # "A" if bloquant else "B"
                    for branche in (premier.body, premier.orelse):
                        assert isinstance(branche, ast.Constant)
                        appels.append((str(branche.value), noeud))
    return appels


def _chiffres_ecrits() -> dict[str, set[str]]:
    """The figures' names each code is written with (keywords, and the dict of REPOS_ETE)."""
    par_code: dict[str, set[str]] = {}
    for code, appel in _appels_constat():
        noms = par_code.setdefault(code, set())
        noms |= {k.arg for k in appel.keywords if k.arg}
    arbre = ast.parse((REGLES / "repos_ete.py").read_text(encoding="utf-8"))
    for noeud in ast.walk(arbre):
        if isinstance(noeud, ast.AnnAssign) and getattr(noeud.target, "id", "") == "chiffres":
            assert isinstance(noeud.value, ast.Dict)
            par_code["REPOS_ETE"] |= {
                k.value for k in noeud.value.keys if isinstance(k, ast.Constant)
            }
    return par_code


def test_the_walk_finds_the_engine_s_findings() -> None:
    ecrits = _chiffres_ecrits()
    assert {"QUOTA_DEPASSE", "PROGRAMME_INSUFFISANT", "REPOS_ETE", "PARAMETRE_ABSENT"} <= set(
        ecrits
    )
    assert "minutes_manquantes" in ecrits["PROGRAMME_INSUFFISANT"]
    assert "debut_repos" in ecrits["REPOS_ETE"]


def test_every_figure_the_engine_writes_has_its_sentence() -> None:
    sans_phrase = {
        code: sorted(noms - IGNORES - LUS.get(code, frozenset()))
        for code, noms in _chiffres_ecrits().items()
    }
    sans_phrase = {code: noms for code, noms in sans_phrase.items() if noms}
    assert not sans_phrase, f"Chiffres sans phrase dans regles/pourquoi.py : {sans_phrase}"


# Example figures, of the type the engine writes them.
EXEMPLES: dict[str, str | int | bool | None] = {
    "heures": "378.5",
    "seuil": "308",
    "maximum": "924",
    "jour_franchissement": "2026-07-10",
    "jour_depassement": "2027-03-01",
    "conventions": "10, 9",
    "rappel": "123.45",
    "manque": "310.80",
    "mois": "01/2027, 02/2027",
    "annee_connue": 2026,
    "semaine": "2027-01-04",
    "semaines": "2027-01-04, 2027-01-11",
    "semaines_depassees": 2,
    "stagiaires": 4,
    "autres_ecoles": 1,
    "quota": 3,
    "effectif": "12",
    "mois_effectif": "2026-12-01",
    "date_effet": "2027-01-04",
    "tuteur": "17",
    "convention_precedente": "41",
    "delai_jours": 27,
    "premier_jour_possible": "2027-02-15",
    "premier_jour": "2027-01-04",
    "dernier_jour": "2027-01-29",
    "minutes": 480,
    "maximum_minutes": 420,
    "jours": 3,
    "premiere_semaine": "2027-01-04",
    "jours_repos": 2,
    "lecture": "jours_consecutifs",
    "repos": 21,
    "minimum": 28,
    "debut_repos": "2026-07-25",
    "fin_repos": "2026-08-14",
    "jours_de_stage": 14,
    "vacances": "Vacances d'été",
    "annee": 1,
    "annee_scolaire": 2026,
    "jours_prevus": "20.00",
    "jours_realises": "0.00",
    "objectif_jours": 40,
    "jours_manquants": "20.00",
    "minutes_manquantes": 8400,
    "origine_deduite": False,
    "manquants": "suivi, avantages, reglement_interieur",
    "numeros": "7, 13, 14",
    "nombre": 3,
    "dimanches": 1,
    "feries": 2,
    "part_imposable": "412.00",
    "regle": "Plafond de stagiaires par semaine civile",
    "date": "2014-03-03",
    "parametre": "quota.taux_effectif",
    "premiere_date_connue": "2015-10-28",
}


# A name some codes use for another figure: a minor's weeks are counted, the quota's listed.
PAR_CODE: dict[str, dict[str, str | int | bool | None]] = {
    "MINEUR_DUREE_SEMAINE": {"semaines": 2, "minutes": 2340, "maximum_minutes": 2100},
    "MINEUR_REPOS": {"semaines": 2},
}


@pytest.mark.parametrize("code", sorted(LUS))
def test_each_finding_s_why_is_sentences_without_keys(code: str) -> None:
    chiffres = {nom: PAR_CODE.get(code, {}).get(nom, EXEMPLES[nom]) for nom in LUS[code]}
    phrases = pourquoi(constat(code, "Message.", convention="1", **chiffres), parametres())
    assert phrases, code
    texte = " ".join(phrases)
    assert not fautes(texte), (code, fautes(texte), texte)
    assert all((p[0].isupper() or p[0].isdigit()) and p.endswith(".") for p in phrases), phrases


def test_the_quota_s_why_gives_weeks_headcount_and_its_month() -> None:
    chiffres = {nom: EXEMPLES[nom] for nom in LUS["QUOTA_DEPASSE"]}
    phrases = pourquoi(constat("QUOTA_DEPASSE", "…", **chiffres), parametres())
    texte = " ".join(phrases)
    assert "Semaine du 4 au 10 janvier 2027 : 4 stagiaires (dont 1 d'autres écoles)" in texte
    assert "semaine du 11 au 17 janvier 2027" in texte
    mois = parametres().entier("quota.mois_moyenne_effectif", date(2027, 1, 4))
    assert (
        "Effectif retenu (R124-12) : 12 personnes, le plus élevé entre l'effectif au dernier "
        f"jour de décembre 2026 et la moyenne des {mois} mois précédents." in texte
    )


def test_the_programme_s_why_gives_days_and_hours_missing() -> None:
    chiffres = {nom: EXEMPLES[nom] for nom in LUS["PROGRAMME_INSUFFISANT"]}
    texte = " ".join(pourquoi(constat("PROGRAMME_INSUFFISANT", "…", **chiffres)))
    assert "Il manque 20 jours, soit 140 h." in texte
    assert "False" not in texte and "minutes_manquantes" not in texte


def test_a_finding_stored_with_odd_figures_gives_no_sentence_rather_than_an_error() -> None:
    assert pourquoi(constat("QUOTA_DEPASSE", "…", quota="trois", stagiaires=None)) == []
    assert pourquoi(constat("TUTEUR_ABSENT", "…")) == []


def test_the_catalogue_s_titles_and_articles_read_as_french() -> None:
    for regle in CATALOGUE.values():
        assert not fautes(regle.titre), regle.code
        assert not fautes(regle.article), regle.code


def _litteraux(noeud: ast.expr) -> list[str]:
    if isinstance(noeud, ast.Constant) and isinstance(noeud.value, str):
        return [noeud.value]
    if isinstance(noeud, ast.JoinedStr):
        return [t for v in noeud.values for t in _litteraux(v)]
    if isinstance(noeud, ast.BinOp):
        return _litteraux(noeud.left) + _litteraux(noeud.right)
    if isinstance(noeud, ast.IfExp):
        return _litteraux(noeud.body) + _litteraux(noeud.orelse)
    return []


def test_the_engine_s_messages_show_no_key_and_format_their_dates() -> None:
    """The words of every message, and what it inserts: no `.isoformat()` in a sentence."""
    for code, appel in _appels_constat():
        if len(appel.args) < 2:
            continue
        message = appel.args[1]
        for texte in _litteraux(message):
            assert not fautes(texte), (code, texte)
        appels = [n for n in ast.walk(message) if isinstance(n, ast.Call)]
        assert not [
            n for n in appels if isinstance(n.func, ast.Attribute) and n.func.attr == "isoformat"
        ], code


def test_dates_and_durations_read_as_french() -> None:
    assert fmt.jour_long(date(2027, 1, 12)) == "mardi 12 janvier 2027"
    assert fmt.jour_long(date(2027, 4, 1)) == "jeudi 1er avril 2027"
    assert fmt.semaine(date(2027, 1, 11)) == "semaine du 11 au 17 janvier 2027"
    assert fmt.semaine(date(2027, 3, 29)) == "semaine du 29 mars au 4 avril 2027"
    assert fmt.semaine(date(2026, 12, 28)) == "semaine du 28 décembre 2026 au 3 janvier 2027"
    assert fmt.duree(8400) == "140 h"
    assert fmt.duree(450) == "7 h 30 min"
    assert fmt.duree(45) == "45 min"


def test_the_reference_situation_s_findings_read_as_french() -> None:
    """The engine run on regles/exemples/situation.json (a minor, a quota, the gratification…):
    each message and each « Pourquoi ? » shows no key, code, boolean or ISO date."""
    import json

    from regles.entree import lire_situation
    from regles.evaluation import evaluer

    exemple = REGLES / "exemples" / "situation.json"
    evaluation = evaluer(lire_situation(json.loads(exemple.read_text(encoding="utf-8"))))
    constats = evaluation.constats
    assert constats
    for k in constats:
        assert not fautes(k.message), (k.code, k.message)
        assert not fautes(" ".join(pourquoi(k, parametres()))), k.code
    assert any(pourquoi(k, parametres()) for k in constats)
