// URSSAF's contributions for an intern whose contribution base equals a given excess.
//
// Reads one JSON situation per stdin line:
//   {"mois": "2026-03-01", "excedent": "70.00", "effectif": 4 | null,
//    "taux_atmp": "2.08" | null, "taux_versement_mobilite": "1.75"}   (rates in %)
// and prints one JSON line per situation, in the same order:
//   {"franchise": 600.75, "assiette": 70, "stagiaire": 11.781175, "organisme": 22.834,
//    "cet_stagiaire": 0, "cet_organisme": 0}
// Amounts are URSSAF's unrounded floats; the totals include the CET, given apart because
// modele-social charges it on an intern's base above the PSS (see README.md).
//
// Options: --chrono adds a last line with the time spent loading the rules and evaluating,
// measured here (Node start-up excluded); --fils N shares the situations between N worker
// threads (the differential test uses it; the benchmark measures one thread).
//
// modele-social exempts 15 % of the monthly PSS ("salarié . contrat . stage . gratification
// minimale"), whatever the hours; the law exempts hours × 15 % × PHSS (R-SOC-4). To compare
// rates on the same base, the gross pay is set to excess + URSSAF's own franchise, so that
// their "salarié . cotisations . assiette" equals our excess.
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads'
import Engine from 'publicodes'
import rules from 'modele-social'

function moteur() {
  const silence = () => {}
  return new Engine(rules, { logger: { log: silence, warn: silence, error: console.error } })
}

function evaluerTout(engine, situations) {
  const valeur = (nom) => engine.evaluate(nom).nodeValue ?? 0
  const franchises = new Map()
  return situations.map(({ mois, excedent, effectif, taux_atmp, taux_versement_mobilite }) => {
    const [annee, numero, jour] = mois.split('-')
    const situation = { date: `${jour}/${numero}/${annee}`, 'salarié . contrat': "'stage'" }
    if (effectif !== null && effectif !== undefined) {
      situation['entreprise . salariés . effectif'] = `${effectif} employé`
    }
    if (taux_atmp !== null && taux_atmp !== undefined) {
      situation['établissement . taux ATMP'] = `${taux_atmp} %`
    }
    if (Number(taux_versement_mobilite)) {
      situation['établissement . commune . taux versement mobilité'] = `${taux_versement_mobilite} %`
    }
    // Their franchise depends on the date only: read it once per date, then set the gross
    // pay above it.
    if (!franchises.has(situation.date)) {
      engine.setSituation(situation)
      franchises.set(situation.date, valeur('salarié . contrat . stage . gratification minimale'))
    }
    const franchise = franchises.get(situation.date)
    engine.setSituation({
      ...situation,
      'salarié . contrat . salaire brut': `${Number(excedent) + franchise} €/mois`,
    })
    return {
      franchise,
      assiette: valeur('salarié . cotisations . assiette'),
      stagiaire: valeur('salarié . cotisations . salarié'),
      organisme: valeur('salarié . cotisations . employeur'),
      cet_stagiaire: valeur('salarié . cotisations . CET . salarié'),
      cet_organisme: valeur('salarié . cotisations . CET . employeur'),
    }
  })
}

function enParallele(situations, fils) {
  const taille = Math.ceil(situations.length / fils)
  const parts = []
  for (let i = 0; i < situations.length; i += taille) parts.push(situations.slice(i, i + taille))
  return Promise.all(
    parts.map(
      (part) =>
        new Promise((resoudre, rejeter) => {
          const worker = new Worker(new URL(import.meta.url), { workerData: part })
          worker.once('message', resoudre)
          worker.once('error', rejeter)
        }),
    ),
  ).then((resultats) => resultats.flat())
}

async function principal() {
  const argument = (nom) => process.argv[process.argv.indexOf(nom) + 1]
  const fils = process.argv.includes('--fils') ? Math.max(1, Number(argument('--fils'))) : 1
  const situations = readFileSync(0, 'utf8')
    .split('\n')
    .filter((ligne) => ligne.trim())
    .map((ligne) => JSON.parse(ligne))

  const debut = performance.now()
  let resultats
  let chargement = 0
  if (fils > 1 && situations.length > 1) {
    resultats = await enParallele(situations, fils)
  } else {
    const engine = moteur()
    chargement = performance.now() - debut
    resultats = evaluerTout(engine, situations)
  }
  const calcul = performance.now() - debut - chargement

  const sortie = resultats.map((resultat) => JSON.stringify(resultat))
  if (process.argv.includes('--chrono')) {
    const chrono = { evaluations: situations.length, fils, chargement_s: chargement / 1000, calcul_s: calcul / 1000 }
    sortie.push(JSON.stringify({ chrono }))
  }
  process.stdout.write(sortie.join('\n') + '\n')
}

if (isMainThread) {
  await principal()
} else {
  parentPort.postMessage(evaluerTout(moteur(), workerData))
}
