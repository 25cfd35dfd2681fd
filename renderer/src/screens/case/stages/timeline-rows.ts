import type { AttachmentInfo } from '../../../../../shared/schema/attachments';
import type { StageEntry } from '../../../../../shared/schema/stages';

/** One line of the stages timeline: the referral, a stage entry with the scans attached to it, or a scan of its own. */
export type TimelineRow =
  | { kind: 'referral'; date: string }
  | { kind: 'entry'; date: string; entry: StageEntry; scans: AttachmentInfo[] }
  | { kind: 'scan'; date: string; scan: AttachmentInfo };

/**
 * The timeline, oldest first: the referral, the entries as recorded (their dates never go
 * back: the back end refuses an earlier date), and every scan of the case. A scan attached to
 * an entry shown here (its stageEntryId) goes with that entry; any other scan stands on its own
 * after the last line dated on or before the office day it was added (`dayOf`), scans of one
 * day in the order they were added. A scan added before the referral comes first.
 */
export function timelineRows(referredOn: string | null, entries: readonly StageEntry[], scans: readonly AttachmentInfo[], dayOf: (instant: string) => string): TimelineRow[] {
  const shown = new Set(entries.map((e) => e.id));
  const byEntry = new Map<string, AttachmentInfo[]>();
  const loose: TimelineRow[] = [];
  for (const scan of [...scans].sort((a, b) => a.addedAt.localeCompare(b.addedAt))) {
    const entryId = scan.stageEntryId;
    if (entryId !== null && shown.has(entryId)) byEntry.set(entryId, [...(byEntry.get(entryId) ?? []), scan]);
    else loose.push({ kind: 'scan', date: dayOf(scan.addedAt), scan });
  }
  const base: TimelineRow[] = [
    ...(referredOn ? [{ kind: 'referral' as const, date: referredOn }] : []),
    ...entries.map((entry) => ({ kind: 'entry' as const, date: entry.occurredOn, entry, scans: byEntry.get(entry.id) ?? [] })),
  ];
  const rows: TimelineRow[] = [];
  let next = 0;
  for (const row of base) {
    for (let s = loose[next]; s && s.date < row.date; s = loose[++next]) rows.push(s);
    rows.push(row);
  }
  return [...rows, ...loose.slice(next)];
}
