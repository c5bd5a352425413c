"""The critical journey of issue 3: staff log in, create a convention, see the quota and
the gratification findings, fix what blocks, acknowledge the warning and validate it."""

from datetime import date

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from comptes.models import Role, Utilisateur
from conventions.models import Convention, Statut
from tests import fabriques

pytestmark = [
    pytest.mark.navigateur,
    pytest.mark.django_db(transaction=True),
]


def _saisir(navigateur, nom: str, valeur: str) -> None:  # type: ignore[no-untyped-def]
    """Set a field the way a date picker does, and let htmx hear the change."""
    champ = navigateur.find_element(By.NAME, nom)
    navigateur.execute_script(
        "arguments[0].value = arguments[1];"
        "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
        champ,
        valeur,
    )


def test_staff_create_check_and_validate_a_convention(live_server, navigateur) -> None:  # type: ignore[no-untyped-def]
    Utilisateur.objects.create_user(
        "chef@lycee-eiffel.test",
        "mot-de-passe-demo",
        role=Role.ADMINISTRATEUR,
        first_name="Régis",
    )
    # A 12-person host: three interns of other students already the week of 2 March 2026,
    # and 200 h of an earlier stage of our student there this school year.
    org = fabriques.organisme(raison_sociale="Cave des Chartrons", effectif=12)
    tuteur = fabriques.tuteur(organisme=org)
    eleve = fabriques.etudiant(nom="Benali", prenom="Inès")
    referente = fabriques.enseignant(nom="Durand", prenom="Claire")
    for _ in range(3):
        fabriques.convention(organisme_=org, periodes=[(date(2026, 3, 2), date(2026, 3, 13))])
    fabriques.convention(
        organisme_=org,
        etudiant_=eleve,
        tuteur_=tuteur,
        periodes=[(date(2025, 11, 3), date(2025, 12, 19))],
        gratification_mode="minimum_legal",
    )
    Convention.objects.update(statut=Statut.VALIDEE)

    navigateur.get(f"{live_server.url}/connexion/")
    navigateur.find_element(By.NAME, "username").send_keys("chef@lycee-eiffel.test")
    navigateur.find_element(By.NAME, "password").send_keys("mot-de-passe-demo")
    navigateur.find_element(By.CSS_SELECTOR, "form [type=submit]").click()
    # Logged in once the login page is left: only then does the session cookie exist.
    WebDriverWait(navigateur, 10).until(lambda n: "/connexion/" not in n.current_url)

    navigateur.get(f"{live_server.url}/conventions/nouvelle/")
    Select(navigateur.find_element(By.NAME, "etudiant")).select_by_value(str(eleve.pk))
    Select(navigateur.find_element(By.NAME, "etablissement_accueil")).select_by_value(
        str(org.etablissements.get().pk)
    )
    Select(navigateur.find_element(By.NAME, "tuteur")).select_by_value(str(tuteur.pk))
    Select(navigateur.find_element(By.NAME, "referent")).select_by_value(str(referente.pk))
    navigateur.execute_script(
        "arguments[0].click();",
        navigateur.find_element(
            By.CSS_SELECTOR, "input[name=gratification_mode][value=minimum_legal]"
        ),
    )
    for code, texte in fabriques.CLAUSES.items():
        _saisir(navigateur, f"clause_{code}", texte)
    _saisir(navigateur, "periodes-0-debut", "2026-03-02")
    _saisir(navigateur, "periodes-0-fin", "2026-03-27")

    panneau = navigateur.find_element(By.ID, "apercu")
    WebDriverWait(navigateur, 10).until(
        lambda _: "Trop de stagiaires dans une semaine civile" in panneau.text
    )
    assert "Semaine du 02/03/2026 : 4 stagiaires" in panneau.text
    # 200 h + 140 h at the same host this school year: beyond 308 h.
    assert "Gratification obligatoire" in panneau.text
    assert not Convention.objects.filter(etudiant=eleve, periodes__debut=date(2026, 3, 2)).exists()

    # Two weeks later the host has room: the quota finding goes, the gratification stays.
    _saisir(navigateur, "periodes-0-debut", "2026-03-16")
    _saisir(navigateur, "periodes-0-fin", "2026-04-10")
    # The panel follows each field: wait for the state of both dates (from 16 to 27 March
    # alone, 270 h at the host, no gratification would be due).
    WebDriverWait(navigateur, 10).until(
        lambda _: (
            "Trop de stagiaires" not in panneau.text and "Gratification obligatoire" in panneau.text
        )
    )

    navigateur.find_element(By.XPATH, "//button[text()='Enregistrer']").click()
    WebDriverWait(navigateur, 10).until(lambda n: "/conventions/nouvelle/" not in n.current_url)
    convention = Convention.objects.get(etudiant=eleve, periodes__debut=date(2026, 3, 16))

    # Submit, acknowledge the warning by name, validate. Each step waits for the database,
    # then for the page that follows it, before touching anything on that page.
    navigateur.find_element(
        By.XPATH, "//button[normalize-space()='Soumettre à validation']"
    ).click()
    WebDriverWait(navigateur, 10).until(
        lambda _: Convention.objects.get(pk=convention.pk).statut == Statut.A_VALIDER
    )
    cases = WebDriverWait(navigateur, 10).until(
        lambda n: n.find_elements(By.CSS_SELECTOR, "input[type=checkbox][name=codes]")
    )
    for case in cases:
        navigateur.execute_script("arguments[0].click();", case)
    navigateur.find_element(By.XPATH, "//button[normalize-space()='Prendre en compte']").click()
    WebDriverWait(navigateur, 10).until(
        lambda _: convention.acquittements.filter(code="GRAT_OBLIGATOIRE").exists()
    )
    WebDriverWait(navigateur, 10).until(
        lambda n: not n.find_elements(By.CSS_SELECTOR, "input[type=checkbox][name=codes]")
    )
    navigateur.find_element(By.XPATH, "//button[normalize-space()='Valider']").click()
    WebDriverWait(navigateur, 10).until(
        lambda _: Convention.objects.get(pk=convention.pk).statut == Statut.VALIDEE
    )
    WebDriverWait(navigateur, 10).until(lambda n: "Validée" in n.page_source)
    assert convention.acquittements.filter(code="GRAT_OBLIGATOIRE").exists()
