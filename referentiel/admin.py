from django.contrib import admin

from referentiel.models import (
    Bloc,
    Competence,
    FamilleMission,
    Formation,
    Mission,
    MissionCompetence,
    VersionReferentiel,
)


@admin.register(Formation)
class FormationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("code", "intitule", "volume_horaire_annuel")
    search_fields = ("code", "intitule")


@admin.register(VersionReferentiel)
class VersionReferentielAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("code", "libelle", "formation", "session_debut", "session_fin")
    list_filter = ("formation",)
    search_fields = ("code", "libelle")


class CompetenceInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Competence
    extra = 0


@admin.register(Bloc)
class BlocAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("code", "libelle", "unite", "epreuve", "coefficient", "version")
    list_filter = ("version",)
    search_fields = ("code", "libelle")
    inlines = (CompetenceInline,)


@admin.register(Competence)
class CompetenceAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("code", "libelle", "bloc")
    list_filter = ("bloc__version", "bloc")
    search_fields = ("code", "libelle", "variante_libelle")
    list_select_related = ("bloc",)


class MissionInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Mission
    extra = 0
    fields = ("ordre", "code", "libelle", "canal", "type_reseau", "actif")
    show_change_link = True


@admin.register(FamilleMission)
class FamilleMissionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("ordre", "libelle", "code", "source", "formation")
    list_display_links = ("libelle",)
    list_filter = ("formation", "source")
    search_fields = ("code", "libelle")
    inlines = (MissionInline,)


class MissionCompetenceInline(admin.TabularInline):  # type: ignore[type-arg]
    model = MissionCompetence
    extra = 1
    autocomplete_fields = ("competence",)


@admin.register(Mission)
class MissionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("libelle", "code", "famille", "canal", "type_reseau", "actif")
    list_filter = ("actif", "famille", "canal", "type_reseau", "competences__bloc")
    search_fields = ("code", "libelle", "description", "competences__code")
    list_select_related = ("famille",)
    inlines = (MissionCompetenceInline,)
