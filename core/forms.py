"""The project's base form: django-dsfr's markup, without its per-render warnings."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from dsfr.forms import DsfrBaseForm, DsfrDjangoTemplates

from core.listes import identifiant

# One renderer for every form. DsfrBaseForm hands Django its renderer *class*, so each form
# instance built a template engine of its own and parsed its templates again (about 70 ms
# a form on this machine); one shared instance keeps the engine and its cached templates.
RENDU = DsfrDjangoTemplates()


class DsfrForm(DsfrBaseForm):  # type: ignore[misc]  # django-dsfr ships no type hints
    """Render fields the DSFR way; mix it in first: `class MyForm(DsfrForm, AuthenticationForm)`."""

    default_renderer = RENDU

    def get_context(self) -> dict[str, Any]:
        # DsfrBaseForm.get_context only warns, on every render, that a future major version
        # will mark optional fields instead of required ones; its rendering reads the
        # DSFR_MARK_OPTIONAL_FIELDS setting, not this context. Until then, required fields
        # carry the asterisk (the library's label "(Optional)" has no French translation).
        return forms.Form.get_context(self)


def reporter_erreurs(form: forms.Form, erreur: ValidationError) -> None:
    """Show a service's ValidationError on the form: each message under its field when the
    form has it, the others (and errors without a field) at the top. What was typed stays."""
    if not hasattr(erreur, "error_dict"):
        form.add_error(None, erreur)
        return
    for champ, erreurs in erreur.error_dict.items():
        form.add_error(champ if champ in form.fields else None, erreurs)


class ChoixMultiplesModeles(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    """Checkboxes of rows: a value edited by hand that is no row's id ("²", 20 digits) is an
    error on the form. Django looks every value up with `pk__in`, and a number beyond the
    database's integers makes that query fail (a 500) instead."""

    def _check_values(self, value: Any) -> Any:
        if self.to_field_name is None:
            for pk in value:
                if identifiant(str(pk)) is None:
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": pk},
                    )
        return super()._check_values(value)  # type: ignore[misc]  # private in the stubs
