from django.urls import path

from public.views import section, simulateur

app_name = "public"

urlpatterns = [
    path("", section.section, name="section"),
    path("simulateur/", simulateur.simulateur, name="simulateur"),
    path("simulateur/simulation.pdf", simulateur.simulateur_pdf, name="simulateur_pdf"),
]
