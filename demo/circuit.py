"""One signature circuit open in the demo, as the staff open it from a convention's
documents: the convention's PDF generated, then one personal link per signatory, e-mailed
(documents.signatures). It is opened after the build's commit, in its own transaction, so
that its e-mails leave through the configured backend: in the demo they are read, and their
links followed, from « Courriels envoyés »."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from comptes.models import Utilisateur
from conventions.models import Convention
from demo import personnes
from documents.services import convention_pdf_generer
from documents.signatures import Lien, circuit_ouvrir


@transaction.atomic
def demo_circuit_ouvrir(convention: Convention) -> list[Lien]:
    administratrice = Utilisateur.objects.get(email=personnes.ADMINISTRATRICE.email)
    # Dated the day the demo is built, not the day of its story: a link lasts 14 days, and
    # one dated 27 November 2026 would have expired for whoever tries the demo later.
    maintenant = timezone.now()
    document = convention_pdf_generer(
        convention=convention, auteur=administratrice, le=timezone.localdate(maintenant)
    )
    return circuit_ouvrir(document=document, le=maintenant, auteur=administratrice)
