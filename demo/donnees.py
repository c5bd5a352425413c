"""Load, recognise and wipe the demo. `demo_charger` builds it through the services in one
transaction; the demo's records are found again by their fixed keys (the cohorts' labels,
the hosts' SIRENs, the `.test` e-mail domain), never by "everything in the database"."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.test.utils import override_settings
from django.utils import timezone

from comptes.models import Role, Utilisateur
from conventions.models import Convention, EvenementConvention
from core.models import CourrielEnvoye
from demo import personnes
from demo.accueil import accueils_creer, sirens
from demo.calendrier import A_JANVIER_2026, PROMOTIONS
from demo.candidatures import candidatures_creer, propositions_effacer
from demo.circuit import demo_circuit_ouvrir
from demo.clauses import textes_par_defaut_creer
from demo.equipe import equipe_creer
from demo.evaluations import evaluations_creer
from demo.examens import examens_creer, examens_effacer
from demo.horodatage import horodater
from demo.journal import journal_creer
from demo.lycee import lycee_creer
from demo.presence import presence_confirmer
from demo.promotions import promotions_creer
from demo.prospection import prospection_creer, prospection_effacer
from demo.scenario import CasParticuliers, Scenario
from demo.visites import visites_creer
from documents.models import Document
from espaces.models import EvenementEspace, LienEspace
from etablissement.models import Enseignant, Etablissement, Etudiant, Promotion
from organismes.models import EvenementOrganisme, OrganismeAccueil

LIBELLES_PROMOTIONS = [libelle for libelle, _, _ in PROMOTIONS]


class DemoImpossible(Exception):
    """The database holds records of its own: the demo is not mixed with them."""


@dataclass(frozen=True)
class Identifiant:
    email: str
    mot_de_passe: str
    role: str
    qui: str


def identifiants() -> list[Identifiant]:
    """The demo's logins, administrator first (fixed: printed before and after loading)."""
    libelles = {
        Role.ADMINISTRATEUR: "administrateur",
        Role.ENSEIGNANT: "enseignant",
        Role.ETUDIANT: "étudiant",
    }

    def ligne(p: personnes.Personne, role: Role, qui: str) -> Identifiant:
        return Identifiant(
            p.email, personnes.MOTS_DE_PASSE[role], libelles[role], f"{p.prenom} {p.nom}, {qui}"
        )

    fiches = {f.rang: f for f in personnes.etudiants()}
    qui_etudiant = {
        personnes.RANG_PROLONGATION: "2e année, prolongation de juillet et rappel de gratification",
        personnes.RANG_MINEURE: "1re année, mineure",
        personnes.RANG_ANNULEE: "1re année, cherche encore son stage de janvier",
    }
    return [
        ligne(personnes.ADMINISTRATRICE, Role.ADMINISTRATEUR, "cheffe de travaux"),
        *(
            ligne(p, Role.ENSEIGNANT, f"suit 20 étudiants en formation et {diplomes} diplômés")
            for p, diplomes in zip(personnes.ENSEIGNANTS, _diplomes_par_enseignant(), strict=True)
        ),
        *(
            ligne(
                personnes.Personne(fiches[rang].prenom, fiches[rang].nom),
                Role.ETUDIANT,
                qui_etudiant.get(rang, "2e année, en stage en ce moment"),
            )
            for rang in personnes.RANGS_COMPTES
        ),
    ]


def _diplomes_par_enseignant() -> list[int]:
    """How many of the 2024 cohort each teacher was the référent of (by rank, as
    demo/promotions.py shares the students out)."""
    nombre = len(personnes.ENSEIGNANTS)
    return [
        sum(1 for rang in personnes.RANGS_DIPLOMES if rang % nombre == i) for i in range(nombre)
    ]


@dataclass(frozen=True)
class CasAVoir:
    libelle: str
    convention: Convention


def cas_a_voir() -> list[CasAVoir]:
    """The conventions to open first, found again by their student (ids differ from one
    database to the next), in the order a demonstration shows them."""
    p = personnes
    fiches = {f.rang: f for f in p.etudiants()}

    def de(rang: int, **filtre: Any) -> Convention | None:
        return (
            conventions_demo()
            .filter(etudiant__email=fiches[rang].email, **filtre)
            .select_related("etudiant", "etablissement_accueil__organisme")
            .order_by("pk")
            .first()
        )

    cas = [
        (
            "4e stagiaire de la semaine : la validation est refusée (quota)",
            de(p.RANG_QUOTA_DEPASSE),
        ),
        (
            "prolongation de juillet : la gratification devient obligatoire",
            de(p.RANG_PROLONGATION, gratification_mode="minimum_legal"),
        ),
        (
            "la convention de l'année avant la prolongation : rappel de gratification",
            de(p.RANG_PROLONGATION, periodes__debut=A_JANVIER_2026[0]),
        ),
        ("une mineure en stage, avec son représentant légal", de(p.RANG_MINEURE)),
        ("un mineur à 39 h par semaine : refusé par le moteur", de(p.RANG_MINEUR_39H)),
        ("un brouillon incomplet (mentions D124-4 manquantes)", de(p.RANG_INCOMPLET)),
        ("un organisme qui n'a pas déclaré son effectif", de(p.RANG_SANS_EFFECTIF)),
        ("une fin anticipée à l'initiative de l'étudiant", de(p.RANG_RUPTURE, statut="rompue")),
        ("un avenant : changement de tuteur", de(p.RANG_AVENANT)),
        (
            "en signature, circuit ouvert : les liens dans « Courriels envoyés »",
            # Found by its circuit (demo/circuit.py), opened on one convention only.
            conventions_demo()
            .filter(documents__signatures__isnull=False)
            .select_related("etudiant", "etablissement_accueil__organisme")
            .distinct()
            .first(),
        ),
    ]
    return [CasAVoir(libelle, c) for libelle, c in cas if c is not None]


def demo_presente() -> bool:
    return Utilisateur.objects.filter(email=personnes.ADMINISTRATRICE.email).exists()


def _organismes() -> QuerySet[OrganismeAccueil]:
    return OrganismeAccueil.objects.filter(siren__in=sirens())


def _etudiants() -> QuerySet[Etudiant]:
    return Etudiant.objects.filter(promotion__libelle__in=LIBELLES_PROMOTIONS)


def conventions_demo() -> QuerySet[Convention]:
    return Convention.objects.filter(
        Q(etudiant__in=_etudiants()) | Q(etablissement_accueil__organisme__in=_organismes())
    )


def donnees_hors_demo() -> dict[str, int]:
    """Records the demo did not make, by kind (accounts aside: an administrator created with
    `createsuperuser` does not stop the demo)."""
    comptes = {
        "promotions": Promotion.objects.exclude(libelle__in=LIBELLES_PROMOTIONS).count(),
        "étudiants": Etudiant.objects.exclude(promotion__libelle__in=LIBELLES_PROMOTIONS).count(),
        "enseignants": Enseignant.objects.exclude(email__endswith=f"@{personnes.DOMAINE}").count(),
        "organismes d'accueil": OrganismeAccueil.objects.exclude(siren__in=sirens()).count(),
        "conventions": Convention.objects.exclude(pk__in=conventions_demo()).count(),
    }
    return {nature: nombre for nature, nombre in comptes.items() if nombre}


def _refuser_si_donnees_hors_demo() -> None:
    etrangeres = donnees_hors_demo()
    if etrangeres:
        liste = ", ".join(f"{nombre} {nature}" for nature, nombre in etrangeres.items())
        raise DemoImpossible(
            f"La base contient des données qui ne viennent pas de la démo ({liste}) : "
            "la démo ne s'y mêle pas. Utilisez une base vide (DATABASE_URL)."
        )


# While the demo is built: each transition mails the student and the référent after the
# commit, hundreds of mails to fictional addresses that the console backend of `make run`
# would print; they are not sent (the override encloses the outermost commit, when they
# leave). And DEBUG, which `make run` sets, would keep the SQL of the build's 20 000
# queries in memory, a fifth of its time.
_PENDANT_LA_CONSTRUCTION = {
    "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    "DEBUG": False,
}


def demo_construire() -> CasParticuliers:
    """The demo's records, in one transaction, its e-mails not sent."""
    with override_settings(**_PENDANT_LA_CONSTRUCTION), transaction.atomic():
        lycee_creer()
        equipe = equipe_creer()
        promotions = promotions_creer(equipe)
        accueils = accueils_creer()
        cas = Scenario(equipe, promotions, accueils).raconter()
        visites_creer()  # the référents' follow-up and visits (demo/visites.py)
        presence_confirmer(conventions_demo())  # the tutors' confirmed weeks (demo/presence.py)
        textes_par_defaut_creer(premiere_annee=promotions.nouveaux)
        evaluations_creer(conventions_demo(), equipe.administratrice)
        journal_creer()  # Camille's activity log (demo/journal.py)
        examens_creer(equipe, promotions)  # the exam sessions and fiches (demo/examens.py)
        candidatures_creer(equipe.administratrice)  # the students' search (demo/candidatures.py)
        prospection_creer(equipe)  # prospects, their history, a past campaign (demo/prospection.py)
        # Stamped as the story happened, not at the minute of the build (demo/horodatage.py).
        horodater(
            conventions_demo().prefetch_related("periodes"),
            _organismes(),
            maintenant=timezone.now(),
        )
        return cas


def _ouvrir_le_circuit(cas: CasParticuliers) -> None:
    """After the build's commit: the circuit's links leave by e-mail (demo/circuit.py)."""
    assert cas.en_signature is not None
    demo_circuit_ouvrir(cas.en_signature)


def demo_charger() -> CasParticuliers | None:
    """Build the demo on a database without one; None if it is already there."""
    if demo_presente():
        return None
    _refuser_si_donnees_hors_demo()
    cas = demo_construire()
    _ouvrir_le_circuit(cas)
    return cas


@transaction.atomic
def demo_effacer() -> None:
    """Remove the demo's records, and only them: with the PDFs someone generated from its
    conventions while trying the application (they protect the conventions)."""
    prospection_effacer()  # before the hosts and the staff it names (demo/prospection.py)
    documents = Document.objects.filter(convention__in=conventions_demo())
    # What hangs on a document (its signatures) protects it: removed first, whatever it is.
    for relation in Document._meta.related_objects:
        modele = relation.related_model
        assert not isinstance(modele, str)  # a resolved model, once the apps are loaded
        modele._default_manager.filter(**{f"{relation.field.name}__in": documents}).delete()
    for document in documents:
        document.fichier.delete(save=False)
    documents.delete()
    # Their audit trails protect what they describe: removed explicitly, the demo's only.
    EvenementConvention.objects.filter(convention__in=conventions_demo()).delete()
    EvenementOrganisme.objects.filter(organisme__in=_organismes()).delete()
    # The spaces' links (espaces): the demo's hosts', and the trail of those its staff sent.
    liens = LienEspace.objects.filter(organisme__in=_organismes())
    EvenementEspace.objects.filter(
        Q(lien__in=liens) | Q(auteur__email__endswith=f"@{personnes.DOMAINE}")
    ).delete()
    conventions_demo().delete()  # then: they protect students, hosts, tutors, teachers
    liens.delete()  # their hosts' answers went with the conventions
    propositions_effacer()  # the offers of the students' search (demo/candidatures.py)
    examens_effacer(_etudiants())  # the fiches, their trail and files; the sessions
    _etudiants().delete()
    Promotion.objects.filter(libelle__in=LIBELLES_PROMOTIONS).delete()
    Enseignant.objects.filter(email__endswith=f"@{personnes.DOMAINE}").delete()
    _organismes().delete()
    Utilisateur.objects.filter(email__endswith=f"@{personnes.DOMAINE}").delete()
    Etablissement.objects.filter(chef_etablissement_nom=personnes.CHEF_ETABLISSEMENT).update(
        chef_etablissement_nom=""
    )
    # The copies of the e-mails sent, kept only where they are read (the demo): they speak
    # of its people and conventions, the school's own address among them.
    CourrielEnvoye.objects.all().delete()


def demo_reinitialiser() -> CasParticuliers:
    """Wipe the demo and build it again (refused, untouched, beside other records)."""
    _refuser_si_donnees_hors_demo()
    with override_settings(**_PENDANT_LA_CONSTRUCTION), transaction.atomic():
        demo_effacer()
        cas = demo_construire()
    _ouvrir_le_circuit(cas)
    return cas
