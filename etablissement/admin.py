from django.contrib import admin
from django.db import models

from etablissement.models import Enseignant, Etablissement, Etudiant, PeriodePromotion, Promotion


@admin.register(Etablissement)
class EtablissementAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}  # Django 6 default
    list_display = ("nom", "uai", "ville", "telephone", "chef_travaux_nom")
    search_fields = ("nom", "uai", "ville")
    fieldsets = (
        (None, {"fields": ("nom", "uai", "academie", "logo")}),
        (
            "Coordonnées",
            {"fields": ("adresse", "code_postal", "ville", "telephone", "email", "site")},
        ),
        ("Direction", {"fields": ("chef_etablissement_nom", "chef_etablissement_qualite")}),
        (
            "Contact de la section pour les entreprises",
            {
                "fields": (
                    "chef_travaux_nom",
                    "chef_travaux_fonction",
                    "chef_travaux_telephone",
                    "chef_travaux_email",
                )
            },
        ),
    )


class PeriodePromotionInline(admin.TabularInline):  # type: ignore[type-arg]
    model = PeriodePromotion
    extra = 0


@admin.register(Promotion)
class PromotionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = (
        "libelle",
        "formation",
        "annee_debut",
        "objectif_jours_par_annee",
        "version_referentiel",
    )
    list_filter = ("formation", "annee_debut")
    search_fields = ("libelle",)
    list_select_related = ("formation", "version_referentiel")
    inlines = (PeriodePromotionInline,)


@admin.register(Enseignant)
class EnseignantAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("nom", "prenom", "email", "telephone", "actif")
    list_filter = ("actif",)
    search_fields = ("nom", "prenom", "email")
    autocomplete_fields = ("utilisateur",)


@admin.register(Etudiant)
class EtudiantAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = (
        "nom",
        "prenom",
        "promotion",
        "classe",
        "ine",
        "date_naissance",
        "referent",
        "archive",
    )
    list_filter = ("promotion", "classe", "archive", "referent")
    search_fields = ("nom", "prenom", "ine", "email")
    list_select_related = ("promotion", "referent")
    autocomplete_fields = ("referent", "utilisateur")
    fieldsets = (
        (None, {"fields": ("promotion", "classe", "nom", "prenom", "date_naissance", "ine")}),
        ("Coordonnées", {"fields": ("email", "telephone")}),
        (
            "Représentant légal (étudiant mineur)",
            {
                "fields": (
                    "representant_legal_nom",
                    "representant_legal_email",
                    "representant_legal_telephone",
                )
            },
        ),
        ("Suivi", {"fields": ("referent", "utilisateur", "archive")}),
    )
