from django.contrib import admin

from public.models import PropositionStage


@admin.register(PropositionStage)
class PropositionStageAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("entreprise", "ville", "contact_nom", "nombre_stagiaires", "cree_le", "statut")
    list_filter = ("statut",)
    search_fields = ("entreprise", "siret", "contact_nom", "contact_email")
    filter_horizontal = ("periodes", "missions")
    readonly_fields = ("cree_le",)
