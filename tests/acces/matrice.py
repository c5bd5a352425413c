"""Who gets what, page by page: THE table of access rights, checked by test_matrice.py.

Every URL of the project must have a line here, or test_matrice fails and names it. For
each persona, write the expected answer: an HTTP status (200, 403, 405…) or CONNEXION (sent
to the login page, `next` pointing back). A page with arguments in its URL gives `kwargs`,
a dict or a function building the objects it shows (called inside the test, with the
database); without them it is listed but not requested (`non_parcourue` says why).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from tests.candidatures import constructeurs as _candidatures
from tests.documents import constructeurs as _docs
from tests.espaces import constructeurs as _espaces
from tests.evaluations import constructeurs as _evaluations
from tests.examens import constructeurs_fiches as _fiches
from tests.examens import dossiers as _dossiers
from tests.examens import fabriques_examens as _examens
from tests.journal import constructeurs as _journal
from tests.prospection import constructeurs as _prospection
from tests.suivi import constructeurs as _visites

CONNEXION = "connexion"  # redirected to settings.LOGIN_URL?next=<the page>

Attendu = int | Literal["connexion"]


def _etudiant() -> Mapping[str, Any]:
    """A student nobody follows: the persona teacher reads the record, may not change it."""
    from tests import fabriques  # the database exists only inside the test

    return {"pk": fabriques.etudiant().pk}


def _organisme() -> Mapping[str, Any]:
    from tests import fabriques

    return {"pk": fabriques.organisme().pk}


@dataclass(frozen=True)
class Acces:
    anonyme: Attendu
    administrateur: Attendu
    enseignant: Attendu
    etudiant: Attendu
    kwargs: Mapping[str, Any] | Callable[[], Mapping[str, Any]] | None = None
    methode: Literal["get", "post"] = "get"
    non_parcourue: str = ""  # why a page with URL arguments is not requested


def _convention() -> Mapping[str, Any]:
    """A draft convention of a student the persona teacher does not follow."""
    from tests import fabriques  # the database exists only inside the test

    return {"pk": fabriques.convention().pk}


def _suivi() -> Mapping[str, Any]:
    """A company's proposal and the token of its private follow-up link."""
    from public.jetons import jeton_nouveau
    from public.models import PropositionStage

    jeton, empreinte = jeton_nouveau()
    PropositionStage.objects.create(
        entreprise="Aquitaine Distribution",
        ville="Mérignac",
        contact_nom="Julie Martin",
        contact_email="julie.martin@example.org",
        jeton_empreinte=empreinte,
    )
    return {"jeton": jeton}


def _proposition() -> Mapping[str, Any]:
    """A received proposal, for the staff's queue."""
    from public.models import PropositionStage

    proposition = PropositionStage.objects.create(
        entreprise="Aquitaine Distribution",
        ville="Mérignac",
        contact_nom="Julie Martin",
        contact_email="julie.martin@example.org",
    )
    return {"pk": proposition.pk}


def _page_existe(nom: str) -> bool:
    from django.urls import NoReverseMatch, reverse

    try:
        reverse(nom)
    except NoReverseMatch:
        return False
    return True


_ACCUEIL_ETUDIANT: Attendu = 302 if _page_existe("etablissement:mon_stage") else 200

# The usual lines, to keep the table readable.
PUBLIQUE = Acces(anonyme=200, administrateur=200, enseignant=200, etudiant=200)
PERSONNEL = Acces(anonyme=CONNEXION, administrateur=200, enseignant=200, etudiant=403)
ADMINISTRATION = Acces(anonyme=CONNEXION, administrateur=200, enseignant=403, etudiant=403)
ETUDIANTS = Acces(anonyme=CONNEXION, administrateur=403, enseignant=403, etudiant=200)
CONNECTES = Acces(anonyme=CONNEXION, administrateur=200, enseignant=200, etudiant=200)
# The REST API answers a personal token only (tests/api/test_matrice_api.py), never a session.
JETON = Acces(anonyme=401, administrateur=401, enseignant=401, etudiant=401)


def _jeton(kwargs: Callable[[], Mapping[str, Any]]) -> Acces:
    return Acces(401, 401, 401, 401, kwargs=kwargs)


MATRICE: dict[str, Acces] = {
    # The home: the visitor's presentation; the staff are sent on to the dashboard, a student
    # to their own stage once that page exists (until then they read the presentation too).
    "accueil": Acces(anonyme=200, administrateur=302, enseignant=302, etudiant=_ACCUEIL_ETUDIANT),
    "droit": PERSONNEL,
    "courriels": ADMINISTRATION,
    # The health of the instance, for a load balancer or a monitor (issue 16): no login,
    # nothing secret in the answer.
    "sante": PUBLIQUE,
    # Dashboard, students and hosts (issue 3): staff read everything; a teacher changes only
    # the students they follow (the persona follows nobody); any staff member keeps the
    # hosts' address book; a new student is the administrators' business.
    "pilotage:tableau_de_bord": PERSONNEL,
    "pilotage:presence": PERSONNEL,
    # The section's figures and each one's table as CSV/XLSX: every staff member reads them,
    # as the dashboard (issue 15).
    "pilotage:chiffres": PERSONNEL,
    "pilotage:chiffres_export": Acces(
        CONNEXION, 200, 200, 403, kwargs={"figure": "placement", "format": "csv"}
    ),
    "etablissement:etudiants": PERSONNEL,
    "etablissement:etudiant_creer": ADMINISTRATION,
    # The list filters' suggestions (cohorts, teachers): the staff's, as their lists.
    "etablissement:suggestions": Acces(CONNEXION, 200, 200, 403, kwargs={"liste": "promotions"}),
    # « Mon stage »: the logged-in student's own page; the staff have theirs (issue 10).
    "etablissement:mon_stage": ETUDIANTS,
    # The student's activity log (journal/): their own only; the persona's account is linked
    # to no record, so an entry or a file of another student is not found (404). Every
    # member of staff reads a student's log and its files; the persona teacher follows
    # nobody, so they may not comment (403); an administrator may.
    "journal:liste": ETUDIANTS,
    "journal:couverture": ETUDIANTS,
    "journal:ajouter": Acces(CONNEXION, 403, 403, 302),
    "journal:modifier": Acces(CONNEXION, 403, 403, 404, kwargs=_journal.entree),
    "journal:supprimer": Acces(CONNEXION, 403, 403, 404, kwargs=_journal.entree, methode="post"),
    "journal:piece_ajouter": Acces(
        CONNEXION, 403, 403, 404, kwargs=_journal.entree, methode="post"
    ),
    "journal:piece_supprimer": Acces(
        CONNEXION, 403, 403, 404, kwargs=_journal.piece, methode="post"
    ),
    "journal:piece": Acces(CONNEXION, 200, 200, 404, kwargs=_journal.piece),
    "journal:etudiant": Acces(CONNEXION, 200, 200, 403, kwargs=_etudiant),
    "journal:commenter": Acces(CONNEXION, 302, 403, 403, kwargs=_journal.entree, methode="post"),
    # The exam fiches (examens/): the student's own under « Mon stage » (the persona has no
    # record: anyone else's fiche is not found, 404); every member of staff reads them; only
    # the student's référent and the administrators review or reopen (the persona teacher
    # follows nobody: 403); reopening a fiche that is not conforme sends back with the reason.
    "examens:fiches": ETUDIANTS,
    "examens:fiche_creer": Acces(CONNEXION, 403, 403, 302),
    "examens:fiche": Acces(CONNEXION, 403, 403, 404, kwargs=_fiches.fiche),
    "examens:fiche_annexe": Acces(CONNEXION, 403, 403, 404, kwargs=_fiches.fiche, methode="post"),
    "examens:fiche_soumettre": Acces(
        CONNEXION, 403, 403, 404, kwargs=_fiches.fiche, methode="post"
    ),
    "examens:fiche_versions": Acces(CONNEXION, 403, 403, 404, kwargs=_fiches.fiche),
    "examens:fiche_annexe_telecharger": Acces(
        CONNEXION, 200, 200, 404, kwargs=_fiches.fiche_avec_annexe
    ),
    "examens:fiches_a_relire": PERSONNEL,
    "examens:fiches_etudiant": Acces(CONNEXION, 200, 200, 403, kwargs=_etudiant),
    "examens:fiche_personnel": Acces(CONNEXION, 200, 200, 403, kwargs=_fiches.fiche),
    "examens:fiche_relire": Acces(CONNEXION, 200, 403, 403, kwargs=_fiches.fiche),
    "examens:fiche_rouvrir": Acces(CONNEXION, 302, 403, 403, kwargs=_fiches.fiche, methode="post"),
    # Asking for a convention: the student's own, nothing taken from the URL. The persona
    # student has no record: sent back to « Mon stage » (GET), an empty panel (POST).
    "etablissement:demande": Acces(CONNEXION, 403, 403, 302),
    "etablissement:demande_verifier": Acces(CONNEXION, 403, 403, 200, methode="post"),
    # The invitation: the persona teacher does not follow the student (403).
    "etablissement:etudiant_inviter": Acces(
        CONNEXION, 302, 403, 403, kwargs=_etudiant, methode="post"
    ),
    "etablissement:etudiant": Acces(CONNEXION, 200, 200, 403, kwargs=_etudiant),
    "etablissement:etudiant_modifier": Acces(CONNEXION, 200, 403, 403, kwargs=_etudiant),
    "organismes:liste": PERSONNEL,
    "organismes:creer": PERSONNEL,
    "organismes:detail": Acces(CONNEXION, 200, 200, 403, kwargs=_organisme),
    "organismes:modifier": Acces(CONNEXION, 200, 200, 403, kwargs=_organisme),
    "organismes:site_ajouter": Acces(CONNEXION, 200, 200, 403, kwargs=_organisme),
    "organismes:tuteur_ajouter": Acces(CONNEXION, 200, 200, 403, kwargs=_organisme),
    "organismes:contact_ajouter": Acces(CONNEXION, 200, 200, 403, kwargs=_organisme),
    "organismes:fermeture_ajouter": Acces(CONNEXION, 200, 200, 403, kwargs=_organisme),
    "organismes:effectif_enregistrer": Acces(CONNEXION, 200, 200, 403, kwargs=_organisme),
    "organismes:autres_stagiaires_declarer": Acces(CONNEXION, 200, 200, 403, kwargs=_organisme),
    # Logged-in users asking for the login page are sent on to LOGIN_REDIRECT_URL.
    "comptes:connexion": Acces(anonyme=200, administrateur=302, enseignant=302, etudiant=302),
    "comptes:deconnexion": Acces(anonyme=405, administrateur=405, enseignant=405, etudiant=405),
    # Single sign-on: absent (404) for everyone while no provider is configured, as here;
    # configured, tests/comptes/test_sso.py follows it through a local provider.
    "comptes:sso": Acces(anonyme=404, administrateur=404, enseignant=404, etudiant=404),
    "comptes:sso_retour": Acces(anonyme=404, administrateur=404, enseignant=404, etudiant=404),
    "comptes:sso_cas": Acces(anonyme=404, administrateur=404, enseignant=404, etudiant=404),
    "comptes:mot_de_passe_oublie": PUBLIQUE,
    "comptes:mot_de_passe_envoye": PUBLIQUE,
    # A forged link: everybody gets the "link expired" page, nobody a form.
    "comptes:activer": Acces(200, 200, 200, 200, kwargs={"uidb64": "MQ", "token": "jeton-faux"}),
    "comptes:mot_de_passe_nouveau": Acces(
        anonyme=200,
        administrateur=200,
        enseignant=200,
        etudiant=200,
        kwargs={"uidb64": "MQ", "token": "lien-invente"},
    ),
    "comptes:mot_de_passe_modifie": PUBLIQUE,
    # Imports and exports (issue 3): the staff export, only administrators import. Confirming
    # is a POST; without a pending preview it sends back to the upload form.
    "echanges:accueil": PERSONNEL,
    "echanges:import_etudiants": ADMINISTRATION,
    "echanges:import_etudiants_confirmer": Acces(CONNEXION, 302, 403, 403, methode="post"),
    "echanges:import_organismes": ADMINISTRATION,
    "echanges:import_organismes_confirmer": Acces(CONNEXION, 302, 403, 403, methode="post"),
    "echanges:export_conventions": Acces(CONNEXION, 200, 200, 403, kwargs={"format": "csv"}),
    "echanges:export_etudiants": Acces(CONNEXION, 200, 200, 403, kwargs={"format": "xlsx"}),
    # The public space for companies (issue 4): no login.
    "public:section": PUBLIQUE,
    "public:simulateur": PUBLIQUE,
    "public:simulateur_pdf": PUBLIQUE,
    "public:plaquette": PUBLIQUE,
    "public:proposer": PUBLIQUE,
    "public:proposition_envoyee": PUBLIQUE,
    # The company's private link: anyone holding it; withdrawing is a POST, then the page.
    "public:proposition_suivi": Acces(200, 200, 200, 200, kwargs=_suivi),
    "public:proposition_retirer": Acces(302, 302, 302, 302, kwargs=_suivi, methode="post"),
    # The offers' queue: staff read it, administrators decide (a bare POST shows the form
    # again); accepted offers are for the students and the staff.
    "public:propositions": PERSONNEL,
    "public:proposition": Acces(CONNEXION, 200, 200, 403, kwargs=_proposition),
    "public:proposition_decider": Acces(
        CONNEXION, 200, 403, 403, kwargs=_proposition, methode="post"
    ),
    # Creating the host of an accepted offer: any staff member; a received offer has none yet
    # (back to its page with the reason).
    "public:proposition_organisme": Acces(
        CONNEXION, 302, 302, 403, kwargs=_proposition, methode="post"
    ),
    "public:offres": CONNECTES,
    # The students' search (candidatures/): the student's own, under « Mon stage »; the
    # persona's account is linked to no record, so adding is refused (404) and an application
    # or an offer of another student is not found. Staff read the counters; a student's search
    # is read by their référent and the administrators (the persona teacher follows nobody);
    # any staff member proposes an interested student to the company (then back to the offer).
    "candidatures:recherche": ETUDIANTS,
    "candidatures:ajouter": Acces(CONNEXION, 403, 403, 404),
    "candidatures:modifier": Acces(CONNEXION, 403, 403, 404, kwargs=_candidatures.candidature),
    "candidatures:supprimer": Acces(
        CONNEXION, 403, 403, 404, kwargs=_candidatures.candidature, methode="post"
    ),
    "candidatures:interet": Acces(
        CONNEXION, 403, 403, 404, kwargs=_candidatures.offre, methode="post"
    ),
    "candidatures:tableau": PERSONNEL,
    # The reminders to the students without a place: the administrators set them (an empty
    # POST shows the page again with the form's messages).
    "candidatures:rappel_prevoir": Acces(CONNEXION, 400, 403, 403, methode="post"),
    "candidatures:rappel_annuler": Acces(
        CONNEXION, 302, 403, 403, kwargs=_candidatures.rappel, methode="post"
    ),
    "candidatures:etudiant": Acces(CONNEXION, 200, 403, 403, kwargs=_candidatures.etudiant),
    "candidatures:proposer": Acces(
        CONNEXION, 302, 302, 403, kwargs=_candidatures.interet, methode="post"
    ),
    # Prospecting (issue 15): the staff's, as the hosts' pages; preparing a campaign without
    # any ticked prospect sends back to the list; the confirmation page sends nothing (its
    # POST does). A company's personal link is public: anyone holding it.
    "prospection:liste": PERSONNEL,
    "prospection:creer": PERSONNEL,
    "prospection:anciens": Acces(CONNEXION, 302, 302, 403, methode="post"),
    "prospection:detail": Acces(CONNEXION, 200, 200, 403, kwargs=_prospection.pk_prospect),
    "prospection:campagnes": PERSONNEL,
    "prospection:campagne_nouvelle": Acces(CONNEXION, 302, 302, 403),
    "prospection:campagne": Acces(CONNEXION, 200, 200, 403, kwargs=_prospection.pk_campagne),
    "prospection:campagne_envoyer": Acces(
        CONNEXION, 200, 200, 403, kwargs=_prospection.pk_campagne
    ),
    "prospection:lien": Acces(200, 200, 200, 200, kwargs=_prospection.jeton),
    "prospection:lien_proposer": Acces(200, 200, 200, 200, kwargs=_prospection.jeton),
    "prospection:lien_decliner": Acces(200, 200, 200, 200, kwargs=_prospection.jeton),
    # Documents (issue 5): staff read and download; the student's référent and administrators
    # generate (the persona teacher follows nobody); the clause templates are the
    # administrators'. Generating is a POST answered with the PDF.
    "documents:convention": Acces(CONNEXION, 200, 200, 403, kwargs=_docs.convention),
    "documents:convention_pdf": Acces(
        CONNEXION, 200, 403, 403, kwargs=_docs.convention, methode="post"
    ),
    "documents:avenant_pdf": Acces(CONNEXION, 200, 403, 403, kwargs=_docs.avenant, methode="post"),
    "documents:attestation_pdf": Acces(
        CONNEXION, 200, 403, 403, kwargs=_docs.periode, methode="post"
    ),
    "documents:telecharger": Acces(CONNEXION, 200, 200, 403, kwargs=_docs.document),
    # A student downloads only the documents of their own conventions: the persona student
    # has none, so another student's document is not found (404); staff use their own link.
    "documents:etudiant_telecharger": Acces(CONNEXION, 403, 403, 404, kwargs=_docs.document),
    # A student signs from « Mon stage » only their own signature: another student's is not
    # found (404), whatever the method.
    "documents:etudiant_signer": Acces(CONNEXION, 403, 403, 404, kwargs=_docs.signature_etudiant),
    "documents:etudiant_signer_pdf": Acces(
        CONNEXION, 403, 403, 404, kwargs=_docs.signature_etudiant
    ),
    "documents:etudiant_signaler": Acces(
        CONNEXION, 403, 403, 404, kwargs=_docs.signature_etudiant, methode="post"
    ),
    "documents:modeles": ADMINISTRATION,
    "documents:modele": Acces(CONNEXION, 200, 403, 403, kwargs=_docs.modele),
    # Signature circuit: opened by the référent or an administrator; a signatory's personal
    # link needs no account, and a forged one finds nothing.
    "documents:circuit": Acces(
        CONNEXION, 200, 403, 403, kwargs=_docs.document_a_signer, methode="post"
    ),
    # The paper path: the same right as opening the circuit; confirming is a POST (409 while
    # the copy is already confirmed is not reached: a fresh copy is pending).
    "documents:copies": Acces(CONNEXION, 200, 403, 403, kwargs=_docs.document_a_signer),
    "documents:copie_confirmer": Acces(
        CONNEXION, 302, 403, 403, kwargs=_docs.copie_a_confirmer, methode="post"
    ),
    # Where a circuit stands (signatories, reminders) and its final PDF: all staff read.
    "documents:suivi": Acces(CONNEXION, 200, 200, 403, kwargs=_docs.document_a_signer),
    "documents:telecharger_signe": Acces(CONNEXION, 200, 200, 403, kwargs=_docs.document_signe),
    "documents:signer": Acces(404, 404, 404, 404, kwargs={"jeton": "lien-invente"}),
    "documents:signer_pdf": Acces(404, 404, 404, 404, kwargs={"jeton": "lien-invente"}),
    "documents:nouveau_lien": Acces(
        404, 404, 404, 404, kwargs={"jeton": "lien-invente"}, methode="post"
    ),
    # « Signaler une erreur » from a personal link (a forged one finds nothing); the staff
    # who may open the circuit mark the report handled (the persona teacher follows nobody).
    "documents:signaler": Acces(
        404, 404, 404, 404, kwargs={"jeton": "lien-invente"}, methode="post"
    ),
    "documents:signalement_traiter": Acces(
        CONNEXION, 302, 403, 403, kwargs=_docs.document_signale, methode="post"
    ),
    # Conventions (issue 3): staff read all; only the student's référent and administrators
    # write, and the persona teacher follows nobody. A bare POST is refused with a reason.
    "conventions:liste": PERSONNEL,
    "conventions:creer": PERSONNEL,
    "conventions:apercu": Acces(CONNEXION, 200, 200, 403, methode="post"),
    "conventions:detail": Acces(CONNEXION, 200, 200, 403, kwargs=_convention),
    "conventions:modifier": Acces(CONNEXION, 200, 403, 403, kwargs=_convention),
    "conventions:transition": Acces(CONNEXION, 200, 403, 403, kwargs=_convention, methode="post"),
    "conventions:acquitter": Acces(CONNEXION, 200, 403, 403, kwargs=_convention, methode="post"),
    "conventions:pointages": Acces(CONNEXION, 200, 200, 403, kwargs=_convention),
    "conventions:avenant": Acces(CONNEXION, 200, 403, 403, kwargs=_convention),
    # The spaces of the hosts and of the head of school (issue 10): anyone holding a personal
    # link, no account; a bare POST is answered with what is missing (400), a period of
    # another host is not found. Forged, expired and replaced links: tests/espaces/test_acces.py.
    "espaces:espace": Acces(200, 200, 200, 200, kwargs=_espaces.espace),
    "espaces:signer": Acces(400, 400, 400, 400, kwargs=_espaces.espace, methode="post"),
    "espaces:document": Acces(200, 200, 200, 200, kwargs=_espaces.document),
    "espaces:repondre": Acces(400, 400, 400, 400, kwargs=_espaces.convention, methode="post"),
    "espaces:attestation": Acces(
        404, 404, 404, 404, kwargs=_espaces.periode_etrangere, methode="post"
    ),
    # A link still valid asks for nothing new: back to its page.
    "espaces:nouveau_lien": Acces(302, 302, 302, 302, kwargs=_espaces.espace, methode="post"),
    # The référent's visit: the tutor picks a slot (a bare POST is sent back to the space);
    # another host's visit and expired links: tests/suivi/test_espace.py.
    "espaces:visite_choisir": Acces(
        302, 302, 302, 302, kwargs=_visites.visite_espace, methode="post"
    ),
    # The interns' log seen from a tutor's link: an attachment of its scope opens; an entry
    # of another host is not found (tests/espaces/test_acces.py: replaced, expired links).
    "espaces:journal_piece": Acces(200, 200, 200, 200, kwargs=_journal.piece_du_lien),
    "espaces:journal_contresigner": Acces(
        404, 404, 404, 404, kwargs=_journal.entree_etrangere, methode="post"
    ),
    # Presence confirmed by the tutor: another host's stage is not found from the link.
    "espaces:presence_confirmer": Acces(
        404, 404, 404, 404, kwargs=_espaces.presence_etrangere, methode="post"
    ),
    # The staff send links: any member of staff from a host's page (a bare POST names nobody:
    # not found); the référent or an administrator from a draft convention; the head of
    # school's pile is the administrators'.
    "espaces:envoyer_organisme": Acces(CONNEXION, 404, 404, 403, kwargs=_organisme, methode="post"),
    "espaces:demander_confirmation": Acces(
        CONNEXION, 302, 403, 403, kwargs=_convention, methode="post"
    ),
    "espaces:chef": ADMINISTRATION,
    "espaces:envoyer_chef": Acces(CONNEXION, 302, 403, 403, methode="post"),
    # Evaluations (issue 11): the tutor's from their space link (their own evaluation; another
    # host's, expired links: tests/evaluations/test_ecrans.py); the forms' editor is the
    # administrators' (a bare POST: back to the page; a published question or no draft: not
    # found); a blank form for any staff; a stage's evaluations by its référent or an
    # administrator; the student's own only (the persona student has no record: not found).
    "espaces:evaluation": Acces(200, 200, 200, 200, kwargs=_evaluations.espace),
    "espaces:evaluation_vierge": Acces(200, 200, 200, 200, kwargs=_evaluations.espace),
    "evaluations:questionnaires": ADMINISTRATION,
    "evaluations:reglages": Acces(CONNEXION, 302, 403, 403, methode="post"),
    "evaluations:questionnaire": Acces(CONNEXION, 200, 403, 403, kwargs={"type_": "tuteur"}),
    "evaluations:modifier": Acces(
        CONNEXION, 302, 403, 403, kwargs={"type_": "tuteur"}, methode="post"
    ),
    "evaluations:publier": Acces(
        CONNEXION, 302, 403, 403, kwargs={"type_": "tuteur"}, methode="post"
    ),
    "evaluations:abandonner": Acces(
        CONNEXION, 302, 403, 403, kwargs={"type_": "tuteur"}, methode="post"
    ),
    "evaluations:ajouter": Acces(
        CONNEXION, 404, 403, 403, kwargs={"type_": "tuteur"}, methode="post"
    ),
    "evaluations:question": Acces(
        CONNEXION, 404, 403, 403, kwargs=_evaluations.question_publiee, methode="post"
    ),
    "evaluations:vierge": Acces(CONNEXION, 200, 200, 403, kwargs=_evaluations.version),
    "evaluations:saisir": Acces(CONNEXION, 200, 403, 403, kwargs=_evaluations.saisie),
    "evaluations:etudiant_remplir": Acces(
        CONNEXION, 403, 403, 404, kwargs=_evaluations.evaluation_d_un_autre
    ),
    "evaluations:etudiant_tuteur_pdf": Acces(
        CONNEXION, 403, 403, 404, kwargs=_evaluations.evaluation_tuteur_d_un_autre
    ),
    # The default clause texts: the section's wording, administrators only.
    "conventions:clauses": ADMINISTRATION,
    # A bulk action: a bare POST goes back to the list, saying what is missing.
    "conventions:groupees": Acces(CONNEXION, 302, 302, 403, methode="post"),
    # The référent's follow-up (suivi/): every member of staff reads the late follow-ups and
    # their own day of visits; a stage's log, visit and report are written by its référent or
    # an administrator (the persona teacher follows nobody: 403). A bare POST goes back to the
    # convention's page with a message.
    "suivi:contact_ajouter": Acces(
        CONNEXION, 302, 403, 403, kwargs=_visites.convention, methode="post"
    ),
    "suivi:contact_supprimer": Acces(
        CONNEXION, 302, 403, 403, kwargs=_visites.contact, methode="post"
    ),
    "suivi:visite_proposer": Acces(CONNEXION, 200, 403, 403, kwargs=_visites.convention),
    "suivi:visite_annuler": Acces(CONNEXION, 302, 403, 403, kwargs=_visites.visite, methode="post"),
    "suivi:compte_rendu": Acces(CONNEXION, 200, 403, 403, kwargs=_visites.visite),
    "suivi:kilometres": Acces(CONNEXION, 302, 403, 403, kwargs=_visites.visite, methode="post"),
    "suivi:retards": PERSONNEL,
    "suivi:itineraire": PERSONNEL,
    "suivi:export_kilometres": PERSONNEL,
    # The readiness of the exam dossiers (examens/, issue 12): staff read every cohort and
    # candidate of the section; the session and the deposits are the administrators'. A
    # student reads only their own readiness, in the block of « Mon stage ».
    "examens:preparation_sessions": PERSONNEL,
    "examens:preparation_cohorte": Acces(
        CONNEXION, 200, 200, 403, kwargs=_dossiers.promotion_avec_session
    ),
    "examens:preparation_etudiant": Acces(
        CONNEXION, 200, 200, 403, kwargs=_dossiers.candidat_et_session
    ),
    "examens:session_modifier": Acces(
        CONNEXION, 200, 403, 403, kwargs=_dossiers.promotion_avec_session
    ),
    # A bare POST goes back to the candidate's page with the French error.
    "examens:depot_enregistrer": Acces(
        CONNEXION, 302, 403, 403, kwargs=_dossiers.candidat_et_session, methode="post"
    ),
    # The exam dossier's PDFs and packs (examens/urls_pack.py). A fiche's PDF: its student,
    # their référent, the administrators; anyone else finds nothing (the persona teacher
    # follows nobody). Packs: every member of staff; the commission's links: administrators.
    # The commission's pages open with their link alone, whoever asks (tests/examens/
    # test_commission.py: expired, revoked, forged links and what is never shown).
    "examens:fiche_pdf": Acces(CONNEXION, 200, 404, 404, kwargs=_examens.acces_fiche),
    "examens:packs_sessions": PERSONNEL,
    "examens:packs": Acces(CONNEXION, 200, 200, 403, kwargs=_examens.acces_session),
    "examens:pack_generer": Acces(
        CONNEXION, 302, 302, 403, kwargs=_examens.acces_session, methode="post"
    ),
    "examens:pack_etat": Acces(CONNEXION, 200, 200, 403, kwargs=_examens.acces_pack),
    "examens:pack_fichier": Acces(CONNEXION, 200, 200, 403, kwargs=_examens.acces_pack),
    "examens:commission_acces": Acces(CONNEXION, 200, 403, 403, kwargs=_examens.acces_session),
    "examens:commission_revoquer": Acces(
        CONNEXION, 302, 403, 403, kwargs=_examens.acces_lien, methode="post"
    ),
    "examens:commission": Acces(200, 200, 200, 200, kwargs=_examens.acces_jeton),
    "examens:commission_archive": Acces(200, 200, 200, 200, kwargs=_examens.acces_jeton),
    "examens:commission_candidat": Acces(200, 200, 200, 200, kwargs=_examens.acces_jeton_candidat),
    "examens:commission_pack": Acces(200, 200, 200, 200, kwargs=_examens.acces_jeton_candidat),
    "examens:commission_attestation": Acces(
        200, 200, 200, 200, kwargs=_examens.acces_jeton_attestation
    ),
    # The REST API (api/): a personal token, never the session, opens it; so every persona
    # logged in by the pages gets a 401 here. tests/api/test_matrice_api.py requests each
    # route with each persona's token. Its schema and documentation hold no data: open.
    "api_accueil": Acces(302, 302, 302, 302),
    "api:api-root": Acces(302, 302, 302, 302),  # the same address: the line above answers
    "api:openapi-json": PUBLIQUE,
    "api:openapi-view": PUBLIQUE,
    "api:conventions": JETON,
    "api:convention": _jeton(_convention),
    "api:convention_pdf": _jeton(_convention),
    "api:convention_presence": _jeton(_convention),
    "api:convention_copie_signee": Acces(401, 401, 401, 401, _convention, methode="post"),
    "api:copie_confirmer": Acces(401, 401, 401, 401, {"pk": 1}, methode="post"),
    "api:etudiants": JETON,
    "api:etudiant": _jeton(_etudiant),
    "api:organismes": JETON,
    "api:organisme": _jeton(_organisme),
    "api:offres": JETON,
    "api:propositions": JETON,
    "api:regles_evaluer": Acces(401, 401, 401, 401, methode="post"),
    # « Jetons d'API »: the staff's own keys; a key of someone else is not found.
    "jetons_api:jetons": PERSONNEL,
    "jetons_api:revoquer": Acces(CONNEXION, 404, 404, 403, kwargs={"pk": 1}, methode="post"),
}

# Parts of the URLconf the table does not cover: Django's admin has its own staff-only
# login, and static or media files are no pages.
ESPACES_IGNORES = frozenset({"admin"})
