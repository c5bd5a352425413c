"""The first version of each clause template, written into the database the first time a
document of its kind is generated; the section then edits its own versions in the back
office. The mandatory contents of D124-4 are not here: the layouts print them from the
convention's data, so no edit can drop one."""

from __future__ import annotations

from documents.models import TypeDocument

CORPS_PAR_DEFAUT: dict[str, str] = {
    TypeDocument.CONVENTION: """\
Article 1 — Objet. La présente convention règle les rapports entre {{ organisme.raison_sociale }}, \
l'établissement d'enseignement {{ etablissement.nom }} et {{ etudiant.prenom }} {{ etudiant.nom }}, \
stagiaire en {{ etudiant.formation }}, pour le stage qui se déroule du {{ periode.debut }} au {{ periode.fin }}.

Article 2 — Finalité. Le stage correspond à une période temporaire de mise en situation en milieu \
professionnel au cours de laquelle le stagiaire acquiert des compétences professionnelles et met en \
œuvre les acquis de sa formation en vue de l'obtention de son diplôme (article L124-1 du code de \
l'éducation). Le stagiaire ne peut se voir confier une tâche dangereuse pour sa santé ou sa \
sécurité, ni occuper un poste de travail permanent.

Article 3 — Devoirs du stagiaire. Le stagiaire est tenu aux obligations de discrétion et de \
confidentialité sur les informations dont il a connaissance dans l'organisme d'accueil.

Article 4 — Fin du stage. À l'issue du stage, l'organisme d'accueil délivre au stagiaire une \
attestation de stage mentionnant la durée effective totale du stage et, le cas échéant, le \
montant total de la gratification perçue (article D124-9 du code de l'éducation).""",
    TypeDocument.AVENANT: """\
Les parties à la convention de stage n° {{ convention.numero }} conclue entre {{ etablissement.nom }}, \
{{ organisme.raison_sociale }} et {{ etudiant.prenom }} {{ etudiant.nom }} conviennent des \
modifications ci-dessous, à compter du {{ avenant.date_effet }}.

Motif : {{ avenant.motif }}

Les autres clauses de la convention demeurent inchangées.""",
    TypeDocument.ATTESTATION: """\
Je soussigné(e), {{ signataire.nom|default:"……………………" }}, représentant l'organisme \
{{ organisme.raison_sociale }}, atteste que {{ etudiant.prenom }} {{ etudiant.nom }}, né(e) le \
{{ etudiant.date_naissance }}, étudiant(e) en {{ etudiant.formation }} au {{ etablissement.nom }}, \
a effectué un stage dans notre organisme du {{ periode.debut }} au {{ periode.fin }}.

La durée totale du stage est appréciée en tenant compte de la présence effective du stagiaire \
dans l'organisme, sous réserve des droits à congés et autorisations d'absence prévus à l'article \
L124-13 du code de l'éducation. Chaque période au moins égale à 7 heures de présence, \
consécutives ou non, est considérée comme équivalente à un jour de stage et chaque période au \
moins égale à 22 jours de présence, consécutifs ou non, est considérée comme équivalente à un \
mois (article L124-18).""",
}
