"""A clause template that cannot render is refused at save, with the reason in French
(issue 9, point 12): tags that reach other templates or URLs, width filters, loops that would
never end, texts too long. It is test-rendered against sample values of every documented
variable; an old version that still fails at print time says so instead of a 500."""

from __future__ import annotations

import time

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comptes.models import Utilisateur
from documents import bac_a_sable, services
from documents.defauts import CORPS_PAR_DEFAUT
from documents.models import Document, ModeleDocument, TypeDocument
from documents.variables import VARIABLES
from tests import fabriques

pytestmark = pytest.mark.django_db


def _refus(corps: str) -> str:
    """The French reason modele_enregistrer gives; nothing is saved."""
    with pytest.raises(ValidationError) as erreur:
        services.modele_enregistrer(type_=TypeDocument.CONVENTION, corps=corps, auteur=None)
    assert not ModeleDocument.objects.filter(type=TypeDocument.CONVENTION, version__gt=1).exists()
    (message,) = erreur.value.message_dict["corps"]
    return message


@pytest.mark.parametrize(
    "corps",
    [
        '{% include "base.html" %}',
        '{% extends "base.html" %}',
        '{% url "conventions:detail" 1 %}',
        '{% url "x:y" %}',
        "{% load static %}",
        "{% debug %}",
        "{% lorem 100000 w %}",
        '{% now "Y" %}',
        "{% csrf_token %}",
        "{% widthratio 1 1 100000000 %}",
        "{% block contenu %}{% endblock %}",
        "{% autoescape on %}{{ etudiant.nom }}{% endautoescape %}",
        "{% regroup periodes by debut as groupes %}",
        "{% querystring %}",
        "{% ssi /etc/passwd %}",
    ],
)
def test_a_tag_outside_the_allow_list_is_refused_by_name(corps: str) -> None:
    message = _refus(f"Article 1. {{{{ etudiant.nom }}}}\n{corps}")
    nom = corps.split()[1]
    assert "Balise non permise" in message and "{% " + nom + " %}" in message


@pytest.mark.parametrize(
    "filtre",
    [
        'ljust:"200000"',
        'rjust:"200000"',
        'center:"200000"',
        'stringformat:"0200000d"',
        'floatformat:"100000"',
        "random",
        'wordwrap:"1"',
        "pprint",
        "safe",
        "linenumbers",
    ],
)
def test_a_filter_outside_the_allow_list_is_refused_by_name(filtre: str) -> None:
    message = _refus("{{ etudiant.nom|" + filtre + " }}")
    nom = filtre.split(":")[0]
    assert f"Le filtre « {nom} » n'est pas permis" in message


def test_a_filter_tag_obeys_the_same_allow_list() -> None:
    message = _refus('{% filter ljust:"200000" %}{{ etudiant.nom }}{% endfilter %}')
    assert "Le filtre « ljust » n'est pas permis" in message


def test_loops_that_would_not_end_are_refused_quickly() -> None:
    """Three loops over a literal of 200 characters: 8 million turns, refused at 10 000."""
    mot = "x" * 200
    corps = (
        f'{{% for a in "{mot}" %}}{{% for b in "{mot}" %}}{{% for c in "{mot}" %}}'
        "{% endfor %}{% endfor %}{% endfor %}"
    )
    debut = time.monotonic()
    message = _refus(corps)
    assert time.monotonic() - debut < 2
    assert "plus de 10000 tours" in message


def test_a_text_too_long_is_refused_before_it_is_written() -> None:
    """12 periods × 12 periods × 2 000 characters: 288 000 characters, over the 200 000."""
    corps = (
        "{% for p in periodes %}{% for q in periodes %}" + "y" * 2000 + "{% endfor %}{% endfor %}"
    )
    assert "dépasse 200000 caractères" in _refus(corps)


def test_a_template_too_long_is_refused() -> None:
    assert "dépasse 50000 caractères" in _refus("z" * 50_001)


def test_an_unclosed_tag_is_explained_in_french() -> None:
    assert (
        _refus("{% if etudiant.nom %}Oui") == "La balise {% if %} de la ligne 1 n'est pas fermée."
    )


def test_nesting_too_deep_is_refused() -> None:
    corps = "{% if etudiant.nom %}" * 3000 + "{% endif %}" * 3000
    assert "imbrique trop de balises" in _refus(corps[: bac_a_sable.TAILLE_MAX])


def test_a_failing_render_is_refused_with_its_reason() -> None:
    """`{% for %}` over a number fails at render time only."""
    assert "ne peut pas être rendu" in _refus("{% for x in 3 %}{{ x }}{% endfor %}")


def test_the_allowed_tags_and_filters_render_with_every_variable() -> None:
    corps = (
        "{% for p in periodes %}{{ forloop.counter }}. du {{ p.debut }} au {{ p.fin }}"
        "{% if not forloop.last %}, {% endif %}{% empty %}aucune{% endfor %}\n"
        '{% with nom=etudiant.nom|upper %}{{ nom }}{% endwith %} {{ tuteur.nom|default:"—" }}'
        " {{ periodes|length }} période{{ periodes|length|pluralize }}"
        " {% firstof signataire.nom tuteur.nom %} {{ convention.poste|truncatechars:20 }}"
        " {% filter lower %}{{ organisme.raison_sociale|title }}{% endfilter %}"
        " {% templatetag openvariable %} {% verbatim %}{% include %}{% endverbatim %}"
        " {% comment %}note{% endcomment %}" + " ".join("{{ " + nom + " }}" for nom in VARIABLES)
    )
    modele = services.modele_enregistrer(type_=TypeDocument.CONVENTION, corps=corps, auteur=None)
    assert modele.version == 2
    texte = bac_a_sable.rendre_texte(corps, bac_a_sable.exemple())
    assert "1. du 01/03/2026 au 05/03/2026, 2." in texte and "{% include %}" in texte
    assert "12 périodes" in texte


@pytest.mark.parametrize("type_", list(TypeDocument.values))
def test_the_default_templates_pass(type_: str) -> None:
    services.verifier_corps(CORPS_PAR_DEFAUT[type_])


def test_the_template_page_shows_the_reason(administrateur: Utilisateur) -> None:
    client = Client()
    client.force_login(administrateur)
    url = reverse("documents:modele", args=["convention"])
    reponse = client.post(url, {"corps": '{{ etudiant.nom }}{% url "x:y" %}'})
    assert reponse.status_code == 200
    page = reponse.content.decode()
    assert "Balise non permise" in page and "url" in page
    assert ModeleDocument.objects.filter(type="convention").count() <= 1


def test_an_old_version_that_fails_says_so_at_print_time(administrateur: Utilisateur) -> None:
    """A version saved before the sandbox tested templates (written straight to the table)."""
    convention = fabriques.convention()
    services.modele_en_vigueur(TypeDocument.CONVENTION)
    ModeleDocument.objects.create(
        type=TypeDocument.CONVENTION, version=2, corps='Article 1.\n{% include "base.html" %}'
    )
    client = Client()
    client.force_login(administrateur)
    reponse = client.post(reverse("documents:convention_pdf", args=[convention.pk]))
    assert reponse.status_code == 409
    page = reponse.content.decode()
    assert "ne peut pas être imprimé" in page and "Balise non permise" in page
    assert not Document.objects.exists()


def test_an_old_version_that_fails_stops_an_attestation_too(administrateur: Utilisateur) -> None:
    convention = fabriques.convention()
    services.modele_en_vigueur(TypeDocument.ATTESTATION)
    ModeleDocument.objects.create(
        type=TypeDocument.ATTESTATION, version=2, corps='{{ etudiant.nom|ljust:"300000" }}'
    )
    client = Client()
    client.force_login(administrateur)
    url = reverse("documents:attestation_pdf", args=[convention.pk, convention.periodes.get().pk])
    reponse = client.post(url)
    assert reponse.status_code == 409
    assert "Le filtre « ljust » n&#x27;est pas permis" in reponse.content.decode()


# Random templates: documented variables, allowed and forbidden tags and filters, literals.
MORCEAUX = st.one_of(
    st.sampled_from([f"{{{{ {nom} }}}}" for nom in VARIABLES]),
    st.sampled_from(
        [
            "{% for p in periodes %}",
            "{% endfor %}",
            "{% if etudiant.nom %}",
            "{% else %}",
            "{% endif %}",
            '{% with x="a" %}',
            "{% endwith %}",
            '{% include "x" %}',
            '{% url "x:y" %}',
            "{% extends 'a' %}",
            "{{ p.debut }}",
            '{{ etudiant.nom|ljust:"200000" }}',
            '{{ periodes|join:", " }}',
            "{{ periodes|length }}",
            "{%",
            "}}",
            "{{",
            "%}",
            "{# x #}",
        ]
    ),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=20),
)


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(morceaux=st.lists(MORCEAUX, max_size=12))
def test_fuzz_a_template_is_saved_only_if_it_renders(morceaux: list[str]) -> None:
    """Whatever is typed: a French refusal, or a template that renders with the sample data."""
    corps = "".join(morceaux)
    try:
        services.verifier_corps(corps)
    except ValidationError as erreur:
        assert erreur.message_dict["corps"]
    else:
        texte = bac_a_sable.rendre_texte(corps, bac_a_sable.exemple())
        assert len(texte) <= bac_a_sable.SORTIE_MAX
