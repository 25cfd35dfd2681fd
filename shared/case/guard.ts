import { can } from '../roles';
import type { Role } from '../roles';
import { caseActions, transition } from './lifecycle';
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
