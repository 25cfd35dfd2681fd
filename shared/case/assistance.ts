import type { CaseDetail } from '../schema/case-api';
import type { AssistanceEntry } from '../schema/stages';
import { effectivePersons } from './decision';
import { inForce } from './stages';

/**
 * Reintegration assistance as IOM reports it: per person and category, the latest committed and
 * delivered amounts (each report states the figures so far), against each person's maximum (the
 * decision in force) and the family's.
 */
export interface PersonAssistance {
  personId: string;
  maxCad: number;
  committedCad: number;
  deliveredCad: number;
  byCategory: { category: AssistanceEntry['category']; committedCad: number; deliveredCad: number }[];
}

export interface AssistanceSummary {
  persons: PersonAssistance[];
  family: { maxCad: number; committedCad: number; deliveredCad: number };
}

/** The latest figures per (person, category), from the entries in force, then `extra` (a report being recorded). */
export function assistanceSummary(c: Pick<CaseDetail, 'intake' | 'decision' | 'stages'>, extra: readonly AssistanceEntry[] = []): AssistanceSummary {
  const latest = new Map<string, AssistanceEntry>();
  for (const e of inForce(c.stages)) if (e.stage.action === 'recordAssistance') for (const x of e.stage.entries) latest.set(`${x.personId}|${x.category}`, x);
  for (const x of extra) latest.set(`${x.personId}|${x.category}`, x);
  const maxima = new Map((c.decision ? effectivePersons(c.decision) : []).map((p) => [p.id, p.maxAmountCad ?? 0]));
  const persons = c.intake.persons.map((p): PersonAssistance => {
    const byCategory = [...latest.values()].filter((x) => x.personId === p.id).map((x) => ({ category: x.category, committedCad: x.committedCad, deliveredCad: x.deliveredCad }));
    const sum = (k: 'committedCad' | 'deliveredCad') => byCategory.reduce((n, x) => n + x[k], 0);
    return { personId: p.id, maxCad: maxima.get(p.id) ?? 0, committedCad: sum('committedCad'), deliveredCad: sum('deliveredCad'), byCategory };
  });
  const total = (k: 'maxCad' | 'committedCad' | 'deliveredCad') => persons.reduce((n, p) => n + p[k], 0);
  return { persons, family: { maxCad: total('maxCad'), committedCad: total('committedCad'), deliveredCad: total('deliveredCad') } };
}

/** What is wrong with a report of assistance: a person not in the case, delivered above committed, above a maximum. */
export function assistanceIssues(c: Pick<CaseDetail, 'intake' | 'decision' | 'stages'>, entries: readonly AssistanceEntry[]): { index: number; field: 'personId' | 'deliveredCad' | 'committedCad'; messageKey: string; params?: Record<string, number> }[] {
  const issues: ReturnType<typeof assistanceIssues> = [];
  const ids = new Set(c.intake.persons.map((p) => p.id));
  entries.forEach((x, index) => {
    if (!ids.has(x.personId)) issues.push({ index, field: 'personId', messageKey: 'validation.assistance_person' });
    if (x.deliveredCad > x.committedCad) issues.push({ index, field: 'deliveredCad', messageKey: 'validation.assistance_delivered_over_committed' });
  });
  const summary = assistanceSummary(c, entries);
  for (const p of summary.persons) {
    if (p.committedCad <= p.maxCad) continue;
    const index = entries.findIndex((x) => x.personId === p.personId);
    if (index >= 0) issues.push({ index, field: 'committedCad', messageKey: 'validation.assistance_over_max', params: { max: p.maxCad, total: p.committedCad } });
  }
  return issues;
}
