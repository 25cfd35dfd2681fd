/**
 * "What needs me today" for a supervisor over 50,000 cases: `todayTasks` (the `today.tasks`
 * handler's work) on an encrypted database holding cases spread over the whole lifecycle, with
 * their referral packets and stage entries at consistent dates. Target: p95 under 50 ms.
 *
 *   npx tsx tests/bench/run.ts tasks
 *
 * The cases are written with the demo data's bulk writer (electron/core/demo/insert.ts); their
 * status, referral packet rows (a few bytes standing in for the PDF) and stage entries with
 * prepared statements in one transaction, the same columns the app writes.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEncryptedDatabase } from '../../electron/core/db/open';
import { generateDemoFamilies, insertDemoFamilies } from '../../electron/core/demo';
import { todayTasks } from '../../electron/core/today/tasks';
import { addDaysIso } from '../../shared/case/timeline';
import type { CaseStatus } from '../../shared/case/lifecycle';
import { officeClock } from '../../shared/time/office-time';
import { sample, summarize } from './stats';
import { refreshAllAttention } from '../../electron/core/cases/attention';

const CASES = 50_000;
const SEED = 2012;
const TODAY = '2027-03-31';
const target = { p95Ms: 50 } as const;

/** A small deterministic generator (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

/** Share of cases in each status (the rest stay before referral: drafts). */
const MIX: [CaseStatus, number][] = [
  ['referred', 0.02],
  ['acknowledged', 0.015],
  ['counselled', 0.01],
  ['travel_document_requested', 0.01],
  ['ready_to_book', 0.02],
  ['flight_booked', 0.03],
  ['departed', 0.01],
  ['arrived', 0.02],
  ['reintegration', 0.12],
  ['closed', 0.4],
  ['did_not_depart', 0.03],
  ['iom_declined', 0.01],
  ['withdrawn', 0.08],
];

type Stage = { action: string; on: string; details: Record<string, unknown>; before: CaseStatus; after: CaseStatus };

/** The stage entries that bring a case referred on `ref` to `status`, dated consistently up to TODAY. */
function historyFor(status: CaseStatus, r: ReturnType<typeof rng>, personIds: string[]): { ref: string; stages: Stage[] } {
  const d = (days: number) => addDaysIso(TODAY, days);
  let ref: string;
  let flight = '';
  switch (status) {
    case 'referred':
      ref = d(-r.int(0, 10));
      break;
    case 'acknowledged':
    case 'counselled':
    case 'travel_document_requested':
    case 'ready_to_book':
      ref = d(-r.int(12, 40));
      break;
    case 'flight_booked':
      flight = d(r.int(-4, 25));
      ref = addDaysIso(flight, -r.int(17, 30));
      if (ref > d(-12)) ref = d(-12);
      break;
    case 'departed':
    case 'did_not_depart':
      flight = d(-r.int(1, 4));
      ref = addDaysIso(flight, -r.int(17, 30));
      break;
    case 'arrived':
      flight = d(-r.int(2, 25));
      ref = addDaysIso(flight, -r.int(17, 30));
      break;
    case 'reintegration':
      flight = d(-r.int(25, 540));
      ref = addDaysIso(flight, -r.int(17, 30));
      break;
    default:
      ref = d(-r.int(200, 1500));
      flight = addDaysIso(ref, r.int(17, 40));
  }
  const stages: Stage[] = [];
  let status0: CaseStatus = 'referred';
  const add = (action: string, on: string, after: CaseStatus, details: Record<string, unknown> = {}) => {
    stages.push({ action, on, details: { action, ...details }, before: status0, after });
    status0 = after;
  };
  if (status === 'referred' || status === 'withdrawn') return { ref, stages };
  if (status === 'iom_declined') {
    add('iomDecline', addDaysIso(ref, 3), 'iom_declined', { reason: 'Outside the programme.' });
    return { ref, stages };
  }
  add('acknowledge', addDaysIso(ref, 2), 'acknowledged', { iomReference: `IOM-${r.int(1000, 99999)}` });
  if (status === 'acknowledged') return { ref, stages };
  add('counsel', addDaysIso(ref, 5), 'counselled');
  if (status === 'counselled') return { ref, stages };
  if (status === 'travel_document_requested') {
    add('recordTravelDocument', addDaysIso(ref, 8), 'travel_document_requested', { outcome: 'requested', documents: [], reason: '' });
    return { ref, stages };
  }
  const issuedOn = addDaysIso(ref, 10);
  const expiry = addDaysIso(issuedOn, r.int(25, 400));
  add('recordTravelDocument', issuedOn, 'ready_to_book', {
    outcome: 'issued',
    documents: personIds.map((personId, i) => ({ personId, type: 'emergency_travel_document', number: `ETD${i}${r.int(10000, 99999)}`, expiryDate: expiry })),
    reason: '',
  });
  if (status === 'ready_to_book') return { ref, stages };
  add('bookFlight', addDaysIso(ref, 14), 'flight_booked', { flightDate: flight, departureAirport: 'YYZ', itineraryReference: `TK-${r.int(100, 999)}` });
  if (status === 'flight_booked') return { ref, stages };
  if (status === 'did_not_depart') {
    add('noShow', flight, 'did_not_depart', { reason: 'Did not come to the airport.' });
    return { ref, stages };
  }
  add('confirmDeparture', flight, 'departed', { place: 'Toronto Pearson' });
  if (status === 'departed') return { ref, stages };
  const arrival = addDaysIso(flight, 1);
  add('confirmArrival', arrival, 'arrived');
  if (status === 'arrived') return { ref, stages };
  add('agreePlan', addDaysIso(arrival, 10), 'reintegration');
  let last = arrival;
  const end = status === 'closed' ? addDaysIso(arrival, r.int(100, 400)) : TODAY;
  for (;;) {
    const next = addDaysIso(last, r.int(60, 120));
    if (next > end || next > TODAY) break;
    add('recordFollowUp', next, 'reintegration', { notes: 'Reached by phone.' });
    last = next;
  }
  if (status === 'closed') add('close', end < TODAY ? end : TODAY, 'closed');
  return { ref, stages };
}

function build(file: string, key: Buffer): { cases: number; stages: number; byStatus: Record<string, number>; buildMs: number } {
  const t0 = performance.now();
  const open = openEncryptedDatabase(file, key);
  const families = generateDemoFamilies(CASES, SEED);
  insertDemoFamilies(open, families, new Date(`${addDaysIso(TODAY, -1600)}T15:00:00Z`), { spacingMs: 2_700_000 });
  const { sqlite } = open;
  const r = rng(SEED);
  const officers = Array.from({ length: 12 }, () => randomUUID());
  const cases = sqlite.prepare('SELECT id FROM cases ORDER BY created_at').pluck().all().map(String);
  const personsOf = sqlite.prepare('SELECT id FROM persons WHERE case_id = ? ORDER BY position').pluck();
  const setStatus = sqlite.prepare('UPDATE cases SET status = ?, version = ?, updated_at = ?, updated_by = ?, referred_at = ? WHERE id = ?');
  const packet = sqlite.prepare(
    `INSERT INTO documents (id, number, type, case_id, version, sha256, input, pdf, signed, generated_at, generated_by) VALUES (?, ?, 'referral_packet', ?, 1, ?, '{}', ?, 1, ?, ?)`,
  );
  const stage = sqlite.prepare(
    `INSERT INTO case_stages (id, case_id, seq, action, occurred_on, source, details, status_before, status_after, corrects_id, reason, recorded_at, recorded_by)
     VALUES (?, ?, ?, ?, ?, 'iom_email', ?, ?, ?, NULL, NULL, ?, ?)`,
  );
  const byStatus: Record<string, number> = {};
  let stages = 0;
  const pdf = Buffer.from('%PDF-1.7 bench');
  sqlite
    .transaction(() => {
      cases.forEach((caseId, i) => {
        let x = r.next();
        let status: CaseStatus | null = null;
        for (const [s, share] of MIX) {
          if (x < share) {
            status = s;
            break;
          }
          x -= share;
        }
        if (!status) return;
        byStatus[status] = (byStatus[status] ?? 0) + 1;
        const by = officers[i % officers.length]!;
        const h = historyFor(status, r, personsOf.all(caseId).map(String));
        packet.run(randomUUID(), `PKT-${i}`, caseId, 'x'.repeat(64), pdf, `${h.ref}T15:00:00.000Z`, by);
        h.stages.forEach((s, seq) => {
          stage.run(randomUUID(), caseId, seq + 1, s.action, s.on, JSON.stringify(s.details), s.before, s.after, `${s.on}T16:00:00.000Z`, by);
        });
        stages += h.stages.length;
        const lastOn = h.stages.at(-1)?.on ?? h.ref;
        setStatus.run(status, 5 + h.stages.length, `${lastOn}T16:00:00.000Z`, by, `${h.ref}T15:00:00.000Z`, caseId);
      });
      // What the app keeps with every change after referral: the day each case may next need an officer.
      refreshAllAttention(open.db, 'America/Toronto');
    })
    .immediate();
  open.close();
  return { cases: cases.length, stages, byStatus, buildMs: Math.round(performance.now() - t0) };
}

export default async function tasksBench(): Promise<object> {
  const dir = mkdtempSync(join(tmpdir(), 'avrr-bench-tasks-'));
  try {
    const file = join(dir, 'tasks.db');
    const key = randomBytes(32);
    const data = build(file, key);
    const open = openEncryptedDatabase(file, key);
    try {
      const clock = officeClock(() => new Date(`${TODAY}T15:00:00Z`), 'America/Toronto');
      const supervisor = { userId: randomUUID(), everyone: true };
      const first = todayTasks(open, supervisor, clock);
      const counts: Record<string, number> = {};
      for (const task of first.tasks) counts[task.kind] = (counts[task.kind] ?? 0) + 1;
      const everyone = summarize(await sample(60, () => todayTasks(open, supervisor, clock), 5));
      const officerId = String(open.sqlite.prepare('SELECT updated_by FROM cases WHERE updated_by IS NOT NULL LIMIT 1').pluck().get());
      const officer = summarize(await sample(60, () => todayTasks(open, { userId: officerId, everyone: false }, clock), 5));
      return {
        data: { ...data, today: TODAY },
        tasks: { total: first.total, returned: first.tasks.length, firstPageByKind: counts },
        supervisorMs: everyone,
        officerMs: officer,
        target,
        meetsTarget: everyone.p95 < target.p95Ms,
      };
    } finally {
      open.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
