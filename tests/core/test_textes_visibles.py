"""No page shows a person an internal code, a snake_case key, a raw boolean or an ISO date.

The demo is built once for the module (about 7 s); then every page of the URLconf (the
walk and the example arguments of tests/acces/matrice.py) is requested as the demo's
administrator, one of its teachers, one of its students and a visitor. Pages with an
object in their URL show a demo object where one tells more (a convention with findings,
the student with three stages, a document in its signature circuit), else the table's
example. The visible text of each HTML answer is read by tests/core/textes_visibles.py."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import pytest
from django.test import Client, TestCase, override_settings
from django.urls import reverse

from comptes.models import Utilisateur
from conventions.models import Convention
from core.models import CourrielEnvoye
from demo import personnes
from demo.circuit import demo_circuit_ouvrir
from demo.donnees import cas_a_voir, demo_construire
from demo.scenario import CasParticuliers
from documents.models import Document
from etablissement.models import Etudiant
from tests.acces.matrice import MATRICE
from tests.acces.parcours import Motif, motifs_du_projet
from tests.core.textes_visibles import contexte, fautes, texte_visible
from tests.courriels import LISIBLES

pytestmark = pytest.mark.django_db

MOTIFS = [m for m in motifs_du_projet() if m.nom in MATRICE and MATRICE[m.nom].methode == "get"]


@pytest.fixture(scope="module")
def demo(
    django_db_setup: None, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[CasParticuliers]:
    """The demo with its signature circuit open, rolled back after the module (as
    tests/demo/test_demo.py builds it)."""
    from django.db import transaction

    reglages = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"), **LISIBLES)
    with django_db_blocker.unblock(), reglages, transaction.atomic():
        cas = demo_construire()
        assert cas.en_signature is not None
        with TestCase.captureOnCommitCallbacks(execute=True):
            demo_circuit_ouvrir(cas.en_signature)
        yield cas
        transaction.set_rollback(True)


def _clients() -> dict[str, Client]:
    etudiante = {f.rang: f for f in personnes.etudiants()}[personnes.RANG_PROLONGATION]
    comptes = {
        "administrateur": personnes.ADMINISTRATRICE.email,
        "enseignant": personnes.ENSEIGNANTS[0].email,
        "etudiant": etudiante.email,
    }
    clients = {"anonyme": Client()}
    for persona, email in comptes.items():
        client = Client()
        client.force_login(Utilisateur.objects.get(email=email))
        clients[persona] = client
    return clients


def _jeton_de_signature() -> str:
    """A signatory's personal link, read in the copy of the e-mail that carried it."""
    for courriel in CourrielEnvoye.objects.order_by("pk"):
        if trouve := re.search(r"/signer/([\w-]+)/", str(courriel.__dict__)):
            return trouve.group(1)
    raise AssertionError("aucun lien de signature dans les courriels de la démo")


def _exemples_demo(cas: CasParticuliers) -> Mapping[str, Callable[[], list[Mapping[str, Any]]]]:
    """URL arguments naming demo objects, by URL name (several where each tells another story)."""
    assert cas.en_signature is not None and cas.quota_refuse is not None
    en_signature, quota = cas.en_signature, cas.quota_refuse
    camille = Etudiant.objects.get(
        email={f.rang: f for f in personnes.etudiants()}[personnes.RANG_PROLONGATION].email
    )
    organisme = {"pk": quota.etablissement_accueil.organisme_id}

    def conventions() -> list[Mapping[str, Any]]:
        return [{"pk": c.convention.pk} for c in cas_a_voir()]

    def document() -> list[Mapping[str, Any]]:
        doc = Document.objects.filter(convention=en_signature).order_by("pk").first()
        assert doc is not None
        return [{"pk": doc.pk}]

    def en_cours() -> list[Mapping[str, Any]]:
        c = Convention.objects.filter(etudiant=camille).order_by("-pk").first()
        assert c is not None
        return [{"pk": c.pk}, {"pk": quota.pk}]

    exemples: dict[str, Callable[[], list[Mapping[str, Any]]]] = {
        "etablissement:etudiant": lambda: [{"pk": camille.pk}],
        "etablissement:etudiant_modifier": lambda: [{"pk": camille.pk}],
        "conventions:detail": conventions,
        "conventions:modifier": lambda: [{"pk": quota.pk}],
        "conventions:pointages": en_cours,
        "documents:convention": lambda: [{"pk": en_signature.pk}],
        "documents:suivi": document,
        "documents:copies": document,
        "documents:signer": lambda: [{"jeton": _jeton_de_signature()}],
    }
    if cas.avenant is not None:
        exemples["conventions:avenant"] = lambda: [{"pk": cas.avenant.pk}]  # type: ignore[union-attr]
    for nom in MATRICE:
        if nom.startswith("organismes:") and nom not in ("organismes:liste", "organismes:creer"):
            exemples[nom] = lambda: [organisme]
    return exemples


# Query strings that change what a page shows (filters, another week, another year).
VARIANTES: Mapping[str, list[str]] = {
    "conventions:liste": ["", "?statut=a_valider", "?q=Brunet"],
    "conventions:pointages": ["", "?semaine=2026-11-16"],
    "pilotage:tableau_de_bord": ["", "?etudiants=tous", "?annee=2025"],
    "etablissement:etudiants": ["", "?q=Lalanne"],
    "organismes:detail": ["", "?annee=2026"],
}


def _arguments(motif: Motif, cas: CasParticuliers) -> list[Mapping[str, Any] | None]:
    if not motif.arguments:
        return [None]
    exemples = _exemples_demo(cas)
    if motif.nom in exemples:
        return list(exemples[motif.nom]())
    kwargs = MATRICE[motif.nom].kwargs
    if kwargs is None:
        return []
    return [kwargs() if callable(kwargs) else kwargs]


@pytest.mark.parametrize("motif", MOTIFS, ids=[m.nom for m in MOTIFS])
def test_no_page_shows_a_code_a_key_a_boolean_or_an_iso_date(
    motif: Motif, demo: CasParticuliers
) -> None:
    relevees: list[str] = []
    for kwargs in _arguments(motif, demo):
        for variante in VARIANTES.get(motif.nom, [""]):
            relevees += _fautes_de_la_page(reverse(motif.nom, kwargs=kwargs) + variante)
    assert not relevees, "Texte interne montré à l'utilisateur :\n" + "\n".join(
        dict.fromkeys(relevees)
    )


def _fautes_de_la_page(url: str) -> list[str]:
    """What each persona allowed to read the page reads there that they should not."""
    relevees: list[str] = []
    for persona, client in _clients().items():
        reponse = client.get(url)
        if reponse.status_code != 200 or "html" not in reponse.get("Content-Type", ""):
            continue
        texte = texte_visible(reponse.content.decode())
        relevees += [f"{url} ({persona}) : {f} … {contexte(texte, f)} …" for f in fautes(texte)]
    return relevees


@pytest.mark.parametrize(
    "action",
    [
        {"action": "valider"},  # the quota is exceeded: refused with the engine's findings
        {"action": "attester"},  # not a step its status allows
        {"action": "action_inventee"},
        {"action": "rompre"},  # no last day, no initiative
        {"action": "enregistrer_signatures", "date_signature": "2099-01-01"},
    ],
    ids=lambda d: d["action"],
)
def test_a_refused_action_explains_itself_without_keys(
    action: dict[str, str], demo: CasParticuliers
) -> None:
    """A refusal shows the convention again with its reason: the pages a GET never reaches."""
    assert demo.quota_refuse is not None
    url = reverse("conventions:transition", kwargs={"pk": demo.quota_refuse.pk})
    reponse = _clients()["administrateur"].post(url, action)
    assert reponse.status_code == 200
    texte = texte_visible(reponse.content.decode())
    assert not fautes(texte), [f"{f} … {contexte(texte, f)}" for f in fautes(texte)]


def test_acknowledging_unknown_codes_explains_itself_without_keys(demo: CasParticuliers) -> None:
    assert demo.quota_refuse is not None
    url = reverse("conventions:acquitter", kwargs={"pk": demo.quota_refuse.pk})
    reponse = _clients()["administrateur"].post(url, {"codes": ["CODE_INVENTE", "QUOTA_DEPASSE"]})
    assert reponse.status_code in (200, 302)
    if reponse.status_code == 200:
        texte = texte_visible(reponse.content.decode())
        assert not fautes(texte), [f"{f} … {contexte(texte, f)}" for f in fautes(texte)]


# The reader itself: what it keeps, what it flags, what it lets through.


def test_the_reader_keeps_text_and_drops_scripts_styles_and_attributes() -> None:
    html = (
        '<html><head><title>t_t</title></head><body><p class="x_y" data-k="GRAT_RAPPEL">'
        "Bonjour</p><script>var a_b = true;</script><style>.c_d{}</style>"
        "<p>Fin</p></body></html>"
    )
    assert texte_visible(html) == "Bonjour Fin"
    lu = '<p><abbr title="Code du travail">C. trav.</abbr><input placeholder="JJ/MM/AAAA"></p>'
    assert texte_visible(lu) == "Code du travail C. trav. JJ/MM/AAAA"


@pytest.mark.parametrize(
    "texte",
    [
        "Constat GRAT_OBLIGATOIRE",
        "minutes_manquantes 8400",
        "cotisations.organisme.fnal_reduit",
        "Mineur : False",
        "None",
        "Début : 2027-01-12",
    ],
)
def test_it_flags_what_a_person_should_not_read(texte: str) -> None:
    assert fautes(texte)


@pytest.mark.parametrize(
    "texte",
    [
        "Écrire à contact_rh@eiffel-demo.test",
        "Le lien : https://example.org/suivi/abc_def/",
        "Télécharger convention_12.pdf",
        "Le 12/01/2027, 8 400 minutes, 1 234,56 €",
        "Vrai ou faux : Non, aucun",
    ],
)
def test_it_lets_through_what_a_person_needs(texte: str) -> None:
    assert not fautes(texte)


# The labels shown in timelines and histories, one list (core/audit.py).


def test_every_audit_label_reads_as_french() -> None:
    from core import audit

    for action in audit.Action:
        assert not fautes(audit.libelle(action.value)), action.value
    assert not fautes(audit.libelle("envoyer_relance_future"))
