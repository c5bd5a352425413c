from django.contrib import admin

from conventions.models import Convention, EvenementConvention, PeriodeConvention, Pointage


class PeriodeInline(admin.TabularInline):  # type: ignore[type-arg]
    model = PeriodeConvention
    extra = 0


class EvenementInline(admin.TabularInline):  # type: ignore[type-arg]
    model = EvenementConvention
    extra = 0
    readonly_fields = (
        "action",
        "statut_avant",
        "statut_apres",
        "auteur",
        "horodatage",
        "commentaire",
    )
    can_delete = False


@admin.register(Convention)
class ConventionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("pk", "etudiant", "etablissement_accueil", "statut", "cree_le")
    list_filter = ("statut",)
    search_fields = (
        "etudiant__nom",
        "etudiant__prenom",
        "etablissement_accueil__organisme__raison_sociale",
    )
    inlines = (PeriodeInline, EvenementInline)
    readonly_fields = ("statut",)  # the status changes through the transitions only


@admin.register(Pointage)
class PointageAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("convention", "jour", "minutes_presence", "absence", "minutes_absence")
    list_filter = ("absence",)
