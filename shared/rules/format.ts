/** A decision as readable text (CLI --text, printouts): English or French. */
import type { Lang } from './texts';
import { FACT_LABELS, OUTCOME_LABELS, formatCad } from './texts';
import type { CaseDecision, PersonDecision } from './types';

const L = {
  en: {
    title: 'AVRR eligibility decision',
    application: 'Application date',
    policy: 'Policy version',
    caseOutcome: 'Case outcome',
    assistance: 'Reintegration assistance',
    none: 'none',
    unknownAmount: 'not yet known',
    upTo: 'up to',
    missing: 'Still unknown',
    minor: 'minor',
    reference: 'Reference',
  },
  fr: {
    title: 'Décision d\'admissibilité ARVR',
    application: 'Date de la demande',
    policy: 'Version de la politique',
    caseOutcome: 'Résultat du dossier',
    assistance: 'Aide à la réintégration',
    none: 'aucune',
    unknownAmount: 'pas encore connue',
    upTo: 'jusqu\'à',
    missing: 'Encore inconnu',
    minor: 'mineur',
    reference: 'Référence',
  },
} as const;

function personText(p: PersonDecision, lang: Lang): string[] {
  const l = L[lang];
  const lines = [`${p.id}${p.minor ? ` (${l.minor})` : ''}: ${OUTCOME_LABELS[p.outcome][lang]}`];
  for (const r of p.reasons) lines.push(`  - [${r.code}] ${r.text[lang]}`);
  const a = p.assistance;
  const amount =
    a.tier !== null && a.maxAmountCad !== null
      ? `${a.tier}, ${l.upTo} ${formatCad(a.maxAmountCad, lang)}`
      : p.outcome === 'ineligible'
        ? l.none
        : l.unknownAmount;
  lines.push(`  ${l.assistance}: ${amount}`);
  if (a.basis) lines.push(`    [${a.basis.code}] ${a.basis.text[lang]}`);
  if (p.missing.length > 0) lines.push(`  ${l.missing}: ${p.missing.map((m) => FACT_LABELS[m][lang]).join('; ')}`);
  return lines;
}

export function decisionToText(d: CaseDecision, lang: Lang = 'en'): string {
  const l = L[lang];
  const lines = [
    l.title,
    `${l.application}: ${d.applicationDate}`,
    `${l.policy}: ${d.policyVersion}`,
    `${l.caseOutcome}: ${OUTCOME_LABELS[d.outcome][lang]}`,
  ];
  for (const r of d.reasons) lines.push(`  - [${r.code}] ${r.text[lang]}`);
  lines.push('');
  for (const p of d.persons) lines.push(...personText(p, lang), '');
  return lines.join('\n');
}
