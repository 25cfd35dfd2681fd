import { describe, expect, it } from 'vitest';
import { timelineRows } from '../../../renderer/src/screens/case/stages/timeline-rows';
import type { AttachmentInfo } from '../../../shared/schema/attachments';
import type { StageEntry } from '../../../shared/schema/stages';

/** The stages timeline with the case's scans: each scan at its entry, or at the day it was added. */

const entry = (id: string, occurredOn: string): StageEntry => ({
  id,
  seq: 1,
  occurredOn,
  source: 'iom_email',
  stage: { action: 'counsel' },
  statusBefore: 'referred',
  statusAfter: 'referred',
  correctsId: null,
  correctedBy: null,
  reason: null,
  recordedAt: `${occurredOn}T15:00:00.000Z`,
  recordedBy: 'u1',
  recordedByName: 'Inès Officer',
});
const scan = (id: string, addedAt: string, stageEntryId: string | null = null): AttachmentInfo => ({
  id,
  caseId: 'c1',
  kind: 'other',
  fileName: `${id}.pdf`,
  mediaType: 'application/pdf',
  size: 100,
  sha256: id.padEnd(64, '0'),
  addedAt,
  addedBy: 'Inès Officer',
  stageEntryId,
});
// The office day of an instant: Toronto is UTC-5 in winter.
const toronto = (instant: string) => new Date(Date.parse(instant) - 5 * 3600_000).toISOString().slice(0, 10);
const lines = (rows: ReturnType<typeof timelineRows>) =>
  rows.map((r) => (r.kind === 'referral' ? `referral ${r.date}` : r.kind === 'scan' ? `scan ${r.scan.id} ${r.date}` : `entry ${r.entry.id} ${r.date} [${r.scans.map((s) => s.id).join(',')}]`));

describe('timelineRows', () => {
  const entries = [entry('ack', '2026-11-03'), entry('counsel', '2026-11-10')];

  it('puts a scan attached to an entry with that entry, in the order added', () => {
    const rows = timelineRows('2026-11-01', entries, [scan('s2', '2026-11-12T16:00:00Z', 'ack'), scan('s1', '2026-11-04T16:00:00Z', 'ack')], toronto);
    expect(lines(rows)).toEqual(['referral 2026-11-01', 'entry ack 2026-11-03 [s1,s2]', 'entry counsel 2026-11-10 []']);
  });

  it('puts any other scan after the last line of its office day, before the next day’s', () => {
    const rows = timelineRows('2026-11-01', entries, [scan('late', '2026-11-20T16:00:00Z'), scan('mid', '2026-11-05T16:00:00Z'), scan('same', '2026-11-03T16:00:00Z')], toronto);
    expect(lines(rows)).toEqual(['referral 2026-11-01', 'entry ack 2026-11-03 []', 'scan same 2026-11-03', 'scan mid 2026-11-05', 'entry counsel 2026-11-10 []', 'scan late 2026-11-20']);
  });

  it('dates a scan by the office day, not the UTC day', () => {
    // 02:00 UTC on the 11th is still the 10th in Toronto: after the counselling, not on a day of its own.
    const rows = timelineRows(null, entries, [scan('evening', '2026-11-11T02:00:00Z')], toronto);
    expect(lines(rows).at(-1)).toBe('scan evening 2026-11-10');
  });

  it('puts a scan added before the referral first, and one of an entry not shown by its day', () => {
    const rows = timelineRows('2026-11-01', entries, [scan('early', '2026-10-20T16:00:00Z'), scan('orphan', '2026-11-06T16:00:00Z', 'a-correction')], toronto);
    expect(lines(rows)).toEqual(['scan early 2026-10-20', 'referral 2026-11-01', 'entry ack 2026-11-03 []', 'scan orphan 2026-11-06', 'entry counsel 2026-11-10 []']);
  });
});
