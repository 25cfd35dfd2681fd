import { caseActions, caseStatuses, lifecycle, requirementIds, statusInfo } from './lifecycle';
import type { RequirementId } from './lifecycle';

/** What each precondition means, for the generated document (the code is in requirements.ts). */
const REQUIREMENT_TEXT: { readonly [R in RequirementId]: string } = {
  decision_ready: 'if the rules say eligible: every person has a known tier and amount, and every fact the referral packet prints is recorded',
  eligible: 'the decision in force (after any supervisor review) is eligible',
  ineligible: 'the decision in force (after any supervisor review) is not eligible',
  packet_ready: 'every person has a tier and amount in the decision in force, and every fact the referral packet prints is recorded',
  packet_facts_kept:
    'if the decision in force is eligible: every fact the referral packet prints is still recorded, on the case as the save would leave it (a save may change these facts, not blank them)',
  consent_form_current: 'the latest consent form was made for the current intake version and the current persons',
  consent_covers_persons: 'recorded consent is for the current intake version and covers every person: adults themselves, minors (at the signing date) by a parent or guardian',
};

/**
 * docs/case-lifecycle.md, generated from the table (scripts/lifecycle-doc.ts writes it; a test
 * fails when the file in the repository differs from what the table gives).
 */
export function lifecycleMarkdown(): string {
  const lines: string[] = [
    '# The case lifecycle',
    '',
    '<!-- Generated from shared/case/lifecycle.ts by `npm run lifecycle:doc`. Do not edit by hand. -->',
    '',
    'Every status a case can be in, every action, and for each pair whether it is allowed, with which',
    'permission (shared/roles.ts), on which preconditions, and to which next status. The back end checks',
    'every case-changing call against this table (electron/core/cases/guard.ts); the UI shows its steps',
    'and "not yet, because..." from the same table (shared/case/guard.ts).',
    '',
    '```mermaid',
    'stateDiagram-v2',
    '  [*] --> draft: create',
  ];
  for (const s of caseStatuses) {
    for (const a of caseActions) {
      const t = lifecycle[s][a];
      if (!t.allowed) continue;
      for (const n of t.next) if (n !== s) lines.push(`  ${s} --> ${n}: ${a}`);
    }
  }
  for (const s of caseStatuses) if (statusInfo[s].final) lines.push(`  ${s} --> [*]`);
  lines.push('```', '', '## Statuses', '', '| status | phase | final |', '|---|---|---|');
  for (const s of caseStatuses) lines.push(`| ${s} | ${statusInfo[s].phase} | ${statusInfo[s].final ? 'yes' : 'no'} |`);
  lines.push('', '## Actions by status', '');
  for (const s of caseStatuses) {
    lines.push(`### ${s}`, '', '| action | allowed | permission | requires | next |', '|---|---|---|---|---|');
    for (const a of caseActions) {
      const t = lifecycle[s][a];
      if (t.allowed) lines.push(`| ${a} | yes | ${t.permission} | ${t.requires.join(', ') || '—'} | ${t.next.join(' or ')} |`);
      else lines.push(`| ${a} | no: \`${t.reason}\` | — | — | — |`);
    }
    lines.push('');
  }
  lines.push('## Preconditions', '', '| requirement | holds when |', '|---|---|');
  for (const r of requirementIds) lines.push(`| ${r} | ${REQUIREMENT_TEXT[r]} |`);
  lines.push('');
  return lines.join('\n');
}
