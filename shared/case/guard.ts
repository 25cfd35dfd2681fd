import { can } from '../roles';
import type { Role } from '../roles';
import { caseActions, caseStatuses, transition } from './lifecycle';
import type { CaseAction, CaseStatus } from './lifecycle';
import { unmet } from './requirements';
import type { CaseState, Gap } from './requirements';

/**
 * One question, asked the same way by the back end (before any change) and the UI (which
 * buttons to show, and why a step is not possible yet): may this role do this action on this
 * case now?
 */
export type Verdict =
  | { ok: true; next: readonly CaseStatus[] }
  /** Not in this status: the table's reason. */
  | { ok: false; kind: 'status'; reason: string }
  /** The role lacks the permission the table names. */
  | { ok: false; kind: 'permission'; reason: string }
  /** Allowed here, but preconditions are not met yet: what is missing, and where. */
  | { ok: false; kind: 'requirements'; reason: string; gaps: Gap[] };

export function verdict(action: CaseAction, state: CaseState, role: Role): Verdict {
  const t = transition(state.status, action);
  if (!t.allowed) return { ok: false, kind: 'status', reason: t.reason };
  if (!can(role, t.permission)) return { ok: false, kind: 'permission', reason: 'errors.forbidden' };
  const gaps = t.requires.flatMap((r) => unmet(r, state));
  if (gaps.length > 0) return { ok: false, kind: 'requirements', reason: 'lifecycle.blocked', gaps };
  return { ok: true, next: t.next };
}

/** The actions this role has in this status (what the UI offers), each with its verdict. */
export function offered(state: CaseState, role: Role): { action: CaseAction; verdict: Verdict }[] {
  return caseActions
    .map((action) => ({ action, verdict: verdict(action, state, role) }))
    .filter((x) => x.verdict.ok || x.verdict.kind === 'requirements');
}

/*
 * Facts about a status that the UI needs besides "may I do this now", read from the table (never
 * a hand-written list of statuses), before any role or precondition.
 */

/** The table allows this action in this status: e.g. a case waits for a review where `review` is allowed. */
export function allowedIn(action: CaseAction, status: CaseStatus): boolean {
  return transition(status, action).allowed;
}

/** The status is one this action leads to: e.g. `ledTo('refer', s)`, the case was referred and nothing recorded since. */
export function ledTo(action: CaseAction, status: CaseStatus): boolean {
  return caseStatuses.some((from) => {
    const t = transition(from, action);
    return t.allowed && t.next.includes(status);
  });
}

/**
 * The case is where the table first allows this action, or has moved forward past it (by the
 * actions that move a case forward, not corrections, repeats or exits): e.g.
 * `reached('recordAssistance', s)` holds once the reintegration plan is agreed, and after closure.
 */
export function reached(action: CaseAction, status: CaseStatus): boolean {
  const seen = new Set(caseStatuses.filter((s) => allowedIn(action, s)));
  const todo = [...seen];
  for (let from = todo.pop(); from !== undefined; from = todo.pop()) {
    for (const a of caseActions) {
      const t = transition(from, a);
      if (!t.allowed || !t.forward) continue;
      for (const next of t.next.filter((n) => !seen.has(n))) {
        seen.add(next);
        todo.push(next);
      }
    }
  }
  return seen.has(status);
}
