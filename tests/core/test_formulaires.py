"""Forms share one DSFR renderer: building a form must not build a template engine."""

from django import forms

from core.forms import RENDU, DsfrForm


class Exemple(DsfrForm):
    nom = forms.CharField(label="Nom")


def test_every_form_renders_with_the_one_shared_renderer() -> None:
    premier, second = Exemple(), Exemple()
    assert premier.renderer is RENDU and second.renderer is RENDU
    assert 'class="fr-input' in str(premier["nom"])
