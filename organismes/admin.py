from django.contrib import admin

from organismes.models import (
    ContactOrganisme,
    EffectifMensuel,
    EtablissementAccueil,
    FermetureOrganisme,
    OrganismeAccueil,
    StagiairesAutresEcoles,
    Tuteur,
)


class EtablissementAccueilInline(admin.TabularInline):  # type: ignore[type-arg]
    model = EtablissementAccueil
    extra = 0


class TuteurInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Tuteur
    extra = 0


class ContactInline(admin.TabularInline):  # type: ignore[type-arg]
    model = ContactOrganisme
    extra = 0


class EffectifInline(admin.TabularInline):  # type: ignore[type-arg]
    model = EffectifMensuel
    extra = 0


class AutresStagiairesInline(admin.TabularInline):  # type: ignore[type-arg]
    model = StagiairesAutresEcoles
    extra = 0


class FermetureInline(admin.TabularInline):  # type: ignore[type-arg]
    model = FermetureOrganisme
    extra = 0


@admin.register(OrganismeAccueil)
class OrganismeAccueilAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("raison_sociale", "siren", "naf", "ville")
    search_fields = ("raison_sociale", "siren", "etablissements__siret", "ville")
    list_filter = ("ville",)
    inlines = (
        EtablissementAccueilInline,
        TuteurInline,
        ContactInline,
        EffectifInline,
        AutresStagiairesInline,
        FermetureInline,
    )


@admin.register(EtablissementAccueil)
class EtablissementAccueilAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("siret", "enseigne", "organisme", "ville")
    search_fields = ("siret", "enseigne", "organisme__raison_sociale", "ville")
    list_select_related = ("organisme",)
    autocomplete_fields = ("organisme",)


@admin.register(Tuteur)
class TuteurAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("nom", "prenom", "fonction", "organisme", "email", "telephone")
    search_fields = ("nom", "prenom", "email", "organisme__raison_sociale")
    list_select_related = ("organisme",)
    autocomplete_fields = ("organisme",)


@admin.register(ContactOrganisme)
class ContactOrganismeAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("nom", "prenom", "role", "fonction", "organisme", "email")
    list_filter = ("role",)
    search_fields = ("nom", "prenom", "email", "organisme__raison_sociale")
    list_select_related = ("organisme",)
    autocomplete_fields = ("organisme",)


@admin.register(EffectifMensuel)
class EffectifMensuelAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("organisme", "mois", "personnes")
    list_filter = ("mois",)
    search_fields = ("organisme__raison_sociale", "organisme__siren")
    date_hierarchy = "mois"
    list_select_related = ("organisme",)
    autocomplete_fields = ("organisme",)
