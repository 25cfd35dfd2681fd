import { z } from 'zod';
import { mergeTargets } from '../../../shared/reports/targets';
import type { RemovalTarget, SetTargetInput } from '../../../shared/schema/reports-api';
import type { Db } from '../db/open';
import { readSetting, writeSetting } from '../session/settings-rows';

/**
 * Removal targets recorded by a supervisor: one `settings` row (session/settings-rows.ts) holding
 * every recording, oldest first, never rewritten (a later recording for the same fiscal year
 * replaces the earlier one in `mergeTargets`, which also adds the historical ones of the brief).
 */
export const REMOVAL_TARGETS_KEY = 'reports.removalTargets';

const recordedTarget = z.object({
  fiscalYear: z.number().int(),
  removals: z.number().int().min(0),
  source: z.string(),
  historical: z.literal(false),
  recordedAt: z.string(),
  recordedBy: z.string(),
}) satisfies z.ZodType<RemovalTarget>;
const recordedTargets = z.array(recordedTarget);

export function recordedRemovalTargets(db: Db): RemovalTarget[] {
  return readSetting(db, REMOVAL_TARGETS_KEY, recordedTargets) ?? [];
}

/** The targets in force: the brief's historical ones, each replaced by a recorded one for the same year. */
export function removalTargets(db: Db): RemovalTarget[] {
  return mergeTargets(recordedRemovalTargets(db));
}

/** Record a target (inside the caller's transaction); `by` is the supervisor's name as documents print it. */
export function recordRemovalTarget(db: Db, input: SetTargetInput, by: string, at: string): RemovalTarget[] {
  const list = recordedRemovalTargets(db);
  list.push({ fiscalYear: input.fiscalYear, removals: input.removals, source: input.source, historical: false, recordedAt: at, recordedBy: by });
  writeSetting(db, REMOVAL_TARGETS_KEY, list);
  return mergeTargets(list);
}
