import type { StageEntry } from '../schema/stages';

/**
 * Reading a case's history after referral: the entries still in force (neither corrected nor a
 * correction), the latest of them, and the date a stage happened.
 */
export function inForce(entries: readonly StageEntry[]): StageEntry[] {
  return entries.filter((e) => e.correctedBy === null && e.stage.action !== 'correctStage');
}

export function latestInForce(entries: readonly StageEntry[]): StageEntry | null {
  return inForce(entries).at(-1) ?? null;
}

/** The date of the latest entry in force of this stage, or null. */
export function stageOn(entries: readonly StageEntry[], action: StageEntry['stage']['action']): string | null {
  return inForce(entries).findLast((e) => e.stage.action === action)?.occurredOn ?? null;
}
