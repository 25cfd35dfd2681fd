import { SOURCES } from '../rules/policy';
import type { RemovalTarget } from '../schema/reports-api';

/**
 * Removal targets per fiscal year (docs/reports.md, Targets vs actual). The two the programme
 * brief gives (§8: FY2013-14 2,719; FY2014-15 1,039) are pre-filled and marked historical; a
 * supervisor records the others as dated settings. A recorded target replaces a historical one
 * for the same year.
 */
export const HISTORICAL_TARGETS: readonly RemovalTarget[] = [
  {
    fiscalYear: 2013,
    removals: 2719,
    source: `${SOURCES.brief} §8 (FY2013-14 target 2,719 removals, result 1,541); ${SOURCES.seed003}`,
    historical: true,
    recordedAt: null,
    recordedBy: null,
  },
  {
    fiscalYear: 2014,
    removals: 1039,
    source: `${SOURCES.brief} §8 (FY2014-15 target 1,039 removals, result 807); ${SOURCES.seed003}`,
    historical: true,
    recordedAt: null,
    recordedBy: null,
  },
];

/**
 * The targets in force: the historical ones, each replaced by a target recorded for the same year,
 * and the other recorded ones; by fiscal year. When a year was recorded more than once, the
 * latest recording (by `recordedAt`, else the later in the list) counts.
 */
export function mergeTargets(recorded: readonly RemovalTarget[]): RemovalTarget[] {
  const byYear = new Map<number, RemovalTarget>();
  for (const t of HISTORICAL_TARGETS) byYear.set(t.fiscalYear, t);
  for (const t of recorded) {
    const held = byYear.get(t.fiscalYear);
    if (held && !held.historical && held.recordedAt !== null && t.recordedAt !== null && t.recordedAt < held.recordedAt) continue;
    byYear.set(t.fiscalYear, t);
  }
  return [...byYear.values()].sort((a, b) => a.fiscalYear - b.fiscalYear);
}
