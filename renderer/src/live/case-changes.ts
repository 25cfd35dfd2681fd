import type { LiveChange } from '../../../shared/schema/live';

/**
 * Changes another desk made to a case, passed from the one poller (useLiveChanges) to the case
 * page that has it open. The case page decides what to do: it never loses what the officer typed.
 */
const listeners = new Map<string, Set<(change: LiveChange) => void>>();

export function onCaseChangedElsewhere(caseId: string, fn: (change: LiveChange) => void): () => void {
  const set = listeners.get(caseId) ?? new Set();
  set.add(fn);
  listeners.set(caseId, set);
  return () => {
    set.delete(fn);
    if (set.size === 0) listeners.delete(caseId);
  };
}

export function announceCaseChanges(changes: readonly LiveChange[]): void {
  for (const change of changes) {
    if (change.caseId === null) continue;
    listeners.get(change.caseId)?.forEach((fn) => fn(change));
  }
}
