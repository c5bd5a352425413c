"""Journey: a member of staff logs in with their e-mail and reaches their pages."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from comptes.models import Role, Utilisateur

pytestmark = [pytest.mark.navigateur, pytest.mark.django_db(transaction=True)]


def test_staff_log_in_and_see_their_name_in_the_header(live_server, navigateur) -> None:  # type: ignore[no-untyped-def]
    Utilisateur.objects.create_user(
        "elodie.marsan@lycee-eiffel.test",
        "mot-de-passe-demo",
        role=Role.ADMINISTRATEUR,
        first_name="Élodie",
        last_name="Marsan",
    )
    navigateur.get(f"{live_server.url}/connexion/")
    navigateur.find_element(By.NAME, "username").send_keys("Elodie.Marsan@lycee-eiffel.test")
    navigateur.find_element(By.NAME, "password").send_keys("mauvais")
    navigateur.find_element(By.CSS_SELECTOR, "form [type=submit]").click()
    WebDriverWait(navigateur, 10).until(lambda n: "incorrect" in n.page_source)
    # The typed address is kept; only the password is asked again.
    assert (
        navigateur.find_element(By.NAME, "username").get_attribute("value")
        == "Elodie.Marsan@lycee-eiffel.test"
    )
    navigateur.find_element(By.NAME, "password").send_keys("mot-de-passe-demo")
    navigateur.find_element(By.CSS_SELECTOR, "form [type=submit]").click()
    WebDriverWait(navigateur, 10).until(lambda n: "/connexion/" not in n.current_url)
    assert "Élodie Marsan" in navigateur.find_element(By.TAG_NAME, "header").text
