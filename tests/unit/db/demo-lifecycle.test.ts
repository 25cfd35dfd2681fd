import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assistanceSummary } from '../../../shared/case/assistance';
import { effectiveOutcome } from '../../../shared/case/decision';
import { caseStatuses, statusInfo, transition } from '../../../shared/case/lifecycle';
import type { CaseStatus } from '../../../shared/case/lifecycle';
import { caseClock } from '../../../shared/case/timeline';
import type { CaseDetail } from '../../../shared/schema/case-api';
import { officeDate } from '../../../shared/time/office-time';
import { readCaseDetail } from '../../../electron/core/cases/detail';
import { openEncryptedDatabase } from '../../../electron/core/db/open';
import type { OpenDatabase } from '../../../electron/core/db/open';
import { generateDemoFamilies, insertDemoLifecycle } from '../../../electron/core/demo';
import type { DemoLifecycleSummary } from '../../../electron/core/demo';
import { makeDataDir, randomKey, removeDataDir } from './helpers';

/**
 * Demo cases over the whole lifecycle (demo/insert-lifecycle.ts): a realistic spread of statuses
 * and exits, and every case's dates and history consistent, as the app reads them back.
 */
const TZ = 'America/Toronto';
const now = new Date('2026-11-20T19:00:00Z');
const today = officeDate(now, TZ);

describe('insertDemoLifecycle', () => {
  let dir = '';
  let open: OpenDatabase;
  let summary: DemoLifecycleSummary;
  let cases: CaseDetail[] = [];
  let withdrawnFrom: Map<string, number>;

  beforeAll(() => {
    dir = makeDataDir('demo-lifecycle');
    open = openEncryptedDatabase(join(dir, 'avrr.db'), randomKey());
    summary = insertDemoLifecycle(open, generateDemoFamilies(3000, 11), now, { by: 'demo-supervisor', seed: 11, timeZone: TZ });
    const ids = open.sqlite.prepare('SELECT id FROM cases ORDER BY case_number').pluck().all();
    cases = ids.map((id) => readCaseDetail(open.db, String(id), TZ));
    withdrawnFrom = new Map();
  }, 60_000);
  afterAll(() => {
    open.close();
    removeDataDir(dir);
  });

  it('spreads the cases over every status of the lifecycle, exits included', () => {
    expect(summary.cases).toBe(3000);
    expect(cases).toHaveLength(3000);
    const seen = new Set(cases.map((c) => c.status));
    // Every status, from drafts to closed files and every exit.
    expect([...caseStatuses].filter((s) => !seen.has(s))).toEqual([]);
    for (const s of caseStatuses) expect(summary.byStatus[s] ?? 0, s).toBe(cases.filter((c) => c.status === s).length);
    // Decided cases came from the rules: most eligible, some not, some reviewed by a supervisor.
    const decided = cases.filter((c) => c.decision);
    expect(decided.filter((c) => c.decision?.review).length).toBeGreaterThan(10);
    expect(decided.filter((c) => effectiveOutcome(c.decision) === 'ineligible').length).toBeGreaterThan(10);
  });

  it('has departures within and beyond the 30-day aim, and withdrawals at different stages', () => {
    const states = cases.map((c) => caseClock(c, today).state);
    expect(states.filter((s) => s === 'met').length).toBeGreaterThan(20);
    expect(states.filter((s) => s === 'missed').length).toBeGreaterThan(20);
    const withdrawn = cases.filter((c) => c.status === 'withdrawn');
    for (const c of withdrawn) {
      const at = c.stages.at(-1)?.statusAfter ?? (c.decision ? (c.decision.review ? 'reviewed' : 'decided') : 'screened');
      withdrawnFrom.set(at, (withdrawnFrom.get(at) ?? 0) + 1);
    }
    expect(withdrawnFrom.size).toBeGreaterThanOrEqual(6);
    expect(withdrawnFrom.has('screened') && withdrawnFrom.has('decided') && withdrawnFrom.has('flight_booked')).toBe(true);
  });

  it('keeps every date in order (intake, decision, stages, withdrawal) and none after today', () => {
    for (const c of cases) {
      const m = c.milestones;
      const where = c.caseNumber;
      expect(m.intakeOn <= today, where).toBe(true);
      expect(c.intake.applicationDate, where).toBe(m.intakeOn);
      if (m.decidedOn) expect(m.intakeOn <= m.decidedOn && m.decidedOn <= today, where).toBe(true);
      if (c.decision?.review) expect(c.decision.decidedAt <= c.decision.review.reviewedAt, where).toBe(true);
      // The referral (recorded on the case row) comes after the decision and before every stage.
      if (c.stages.length > 0) expect(m.referredOn, where).not.toBeNull();
      if (m.referredOn) expect((m.decidedOn ?? '') <= m.referredOn && m.referredOn <= today, where).toBe(true);
      let previous = m.referredOn ?? m.decidedOn ?? m.intakeOn;
      for (const e of c.stages) {
        expect(e.occurredOn >= previous && e.occurredOn <= today, `${where} ${e.stage.action}`).toBe(true);
        expect(e.recordedAt <= now.toISOString(), where).toBe(true);
        previous = e.occurredOn;
      }
      if (c.withdrawal) expect(c.withdrawal.at >= previous && c.withdrawal.at <= today, where).toBe(true);
      expect(c.createdAt <= c.updatedAt && c.updatedAt <= now.toISOString(), where).toBe(true);
    }
  });

  it('follows the lifecycle table entry by entry, with corrections that put the case back', () => {
    let corrections = 0;
    for (const c of cases) {
      const where = c.caseNumber;
      if (c.stages.length > 0) expect(effectiveOutcome(c.decision), where).toBe('eligible');
      let status: CaseStatus = 'referred';
      for (const e of c.stages) {
        expect(e.statusBefore, `${where} ${e.stage.action}`).toBe(status);
        const t = transition(e.statusBefore, e.stage.action);
        expect(t.allowed && t.next.includes(e.statusAfter), `${where} ${e.statusBefore} ${e.stage.action} -> ${e.statusAfter}`).toBe(true);
        if (e.correctsId) {
          corrections++;
          expect(c.stages.find((x) => x.id === e.correctsId)?.statusBefore, where).toBe(e.statusAfter);
        }
        status = e.statusAfter;
      }
      if (c.status === 'withdrawn') {
        expect(transition(status, 'withdraw').allowed || c.stages.length === 0, where).toBe(true);
      } else if (c.stages.length > 0) {
        expect(c.status, where).toBe(status);
      }
      if (c.status === 'under_review') expect(c.reviewStatus, where).toBe('pending');
      if (statusInfo[c.status].phase !== 'intake' && c.status !== 'withdrawn') expect(c.decision, where).not.toBeNull();
    }
    expect(corrections).toBeGreaterThan(0);
  });

  it('records stage facts that hold: documents valid on the day, flights after booking, assistance within each maximum', () => {
    for (const c of cases) {
      for (const e of c.stages) {
        const s = e.stage;
        if (s.action === 'recordTravelDocument') for (const d of s.documents) expect(d.expiryDate >= e.occurredOn).toBe(true);
        if (s.action === 'bookFlight') expect(s.flightDate >= e.occurredOn && /^[A-Z]{3}$/.test(s.departureAirport)).toBe(true);
      }
      const a = assistanceSummary(c);
      for (const p of a.persons) {
        expect(p.committedCad <= p.maxCad, c.caseNumber).toBe(true);
        expect(p.deliveredCad <= p.committedCad, c.caseNumber).toBe(true);
      }
    }
    expect(cases.some((c) => assistanceSummary(c).family.deliveredCad > 0)).toBe(true);
  });
});
