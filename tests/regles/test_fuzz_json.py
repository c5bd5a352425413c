"""Fuzzing the JSON interface (issue 9, points 13 and 15): whatever JSON-ish data comes in,
the engine gives an evaluation or refuses it with `EntreeInvalide` (exit 2 and a French
message for `python -m regles evaluer`), never another exception."""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regles.__main__ import main
from regles.entree import EntreeInvalide, lire_situation
from regles.evaluation import evaluer

SCALAIRES = (
    st.none()
    | st.booleans()
    | st.integers(-(10**13), 10**13)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12)
)
JSONISH = st.recursive(
    SCALAIRES,
    lambda enfants: st.lists(enfants, max_size=3) | st.dictionaries(st.text(max_size=8), enfants),
    max_leaves=6,
)

# Mostly the dates the parameters know, sometimes the edges Stages accepts and a little past.
JOURS = st.one_of(
    st.dates(date(2008, 1, 1), date(2030, 12, 31)),
    st.dates(date(1900, 1, 1), date(2100, 12, 31)),
    st.dates(date(1900, 1, 1), date(1900, 3, 1)),
    st.dates(date(2100, 10, 1), date(2100, 12, 31)),
)
TEXTE_DATE = JOURS.map(date.isoformat)
# Plausible values, a few near misses among the amounts (the junk comes from `_objet`).
HEURES = st.one_of(
    st.integers(0, 10),
    st.sampled_from(["7", "7,5", "7:30", "0", "3.25", "24", "24:00", "23:59"]),
    st.floats(0, 24).map(lambda h: round(h * 4) / 4),
)
MONTANTS = st.one_of(
    st.sampled_from(["4.35", "0", "600", "1000000", "1000000.01", "-5", "1e3", "12,5"]),
    st.integers(0, 2_000),
    st.decimals(0, 3_000, places=2).map(str),
)
IDS = st.sampled_from(["a", "b", "c", "d", 1])


@st.composite
def _periode(tirage: st.DrawFn) -> dict[str, Any]:
    debut = tirage(JOURS)
    fin = debut + timedelta(days=tirage(st.integers(0, 200)))
    periode: dict[str, Any] = {
        "debut": debut.isoformat(),
        "fin": min(fin, date(2100, 12, 31)).isoformat(),
    }
    if tirage(st.booleans()):
        periode["prolongation"] = tirage(st.booleans())
    return periode


@st.composite
def _objet_abime(
    tirage: st.DrawFn,
    requises: dict[str, st.SearchStrategy[Any]],
    facultatives: dict[str, st.SearchStrategy[Any]],
) -> dict[str, Any]:
    """A plausible object; about one time in twelve, one of its values replaced by anything at all
    or a key the engine does not know added."""
    objet: dict[str, Any] = tirage(st.fixed_dictionaries(requises, optional=facultatives))
    if tirage(st.sampled_from([False] * 11 + [True])):
        cle = tirage(st.sampled_from(sorted(requises) + sorted(facultatives) + ["inconnue"]))
        objet[cle] = tirage(JSONISH)
    return objet


def _objet(
    requises: dict[str, st.SearchStrategy[Any]] | None = None,
    **facultatives: st.SearchStrategy[Any],
) -> st.SearchStrategy[dict[str, Any]]:
    return _objet_abime(requises or {}, facultatives)


CONVENTION = _objet(
    {
        "id": IDS,
        "etudiant": IDS,
        "siren": IDS,
        "periodes": st.lists(_periode(), min_size=1, max_size=3),
        "horaire": st.lists(HEURES, min_size=7, max_size=7)
        | st.dictionaries(
            st.sampled_from(["lundi", "mardi", "samedi", "dimanche", "jeudi"]), HEURES
        ),
    },
    tuteur=IDS,
    poste=st.sampled_from(["vente", "accueil"]),
    date_signature=TEXTE_DATE,
    date_effet_tuteur=TEXTE_DATE,
    exceptions=st.dictionaries(TEXTE_DATE, HEURES, max_size=2),
    pointages=st.lists(
        _objet(
            {"jour": TEXTE_DATE},
            heures=HEURES,
            absence=st.sampled_from(["maladie_accident", "conge_convention"]),
            heures_absence=HEURES,
        ),
        max_size=4,
    ),
    gratification=_objet(
        mode=st.sampled_from(["aucune", "minimum_legal", "horaire", "mensuelle"]),
        montant=MONTANTS,
        methode=st.sampled_from(["reelle", "lissee"]),
    ),
    rupture=_objet(
        {"dernier_jour": TEXTE_DATE}, initiative=st.sampled_from(["stagiaire", "organisme"])
    ),
    travail_nuit=st.booleans(),
    travail_dimanche=st.booleans(),
    travail_feries=st.booleans(),
    contenus=st.dictionaries(st.sampled_from(["formation", "activites"]), st.text(max_size=5)),
)
ORGANISME = _objet(
    {"siren": IDS},
    effectifs=st.dictionaries(
        JOURS.map(lambda j: j.strftime("%Y-%m")) | st.sampled_from(["2026-13", "26-01"]),
        st.integers(-1, 100) | st.sampled_from([21.7, 10**12, "12"]),
        max_size=3,
    ),
    autres_stagiaires=st.dictionaries(TEXTE_DATE, st.integers(-1, 5), max_size=2),
    fermetures=st.lists(_periode(), max_size=2),
    taux_atmp=st.sampled_from(["0.0208", 2.08, "0,01", 1, 0]) | st.floats(0, 2),
    taux_versement_mobilite=st.sampled_from(["0.02", "0", 1.5]),
)
ETUDIANT = _objet({"id": IDS}, date_naissance=TEXTE_DATE, debut_formation=TEXTE_DATE)
SITUATION = _objet(
    zone=st.sampled_from(["A", "b", "C", "Z", ""]),
    conventions=st.lists(CONVENTION, max_size=4, unique_by=lambda c: str(c.get("id"))),
    organismes=st.lists(ORGANISME, max_size=2, unique_by=lambda o: str(o.get("siren"))),
    etudiants=st.lists(ETUDIANT, max_size=2, unique_by=lambda e: str(e.get("id"))),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(SITUATION, SITUATION, SITUATION, JSONISH))
def test_any_situation_is_evaluated_or_refused_in_french(donnees: Any) -> None:
    try:
        situation = lire_situation(donnees)
    except EntreeInvalide as exc:
        assert " : " in str(exc)  # the path, then the French reason
        return
    json.dumps(evaluer(situation).en_dict(), ensure_ascii=False)


def _commande(argv: list[str], entree: str = "") -> tuple[int, str, str]:
    sortie, erreur = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(erreur):
        code = main(argv, stdin=io.StringIO(entree), stdout=sortie)
    return code, sortie.getvalue(), erreur.getvalue()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SITUATION)
def test_the_command_exits_0_or_2_on_any_situation(donnees: dict[str, Any]) -> None:
    code, sortie, erreur = _commande(["evaluer", "-"], json.dumps(donnees))
    assert (code, bool(sortie)) in ((0, True), (2, False))
    assert code == 0 or erreur.startswith("Entrée invalide : ")


@settings(max_examples=200, deadline=None)
@given(
    st.binary(max_size=200)
    | st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass"))
)
def test_the_command_refuses_any_bytes_with_exit_2(contenu: bytes) -> None:
    with tempfile.TemporaryDirectory() as dossier:
        fichier = Path(dossier) / "situation.json"
        fichier.write_bytes(contenu)
        code, _, erreur = _commande(["evaluer", str(fichier)])
    assert code in (0, 2)
    assert code == 0 or erreur.startswith("Entrée invalide : ")
