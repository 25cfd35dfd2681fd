import { describe, expect, it } from 'vitest';
import { daysBetween } from '../../../shared/case/timeline';
import { casesInCell, cellId, cellScope, cellsOf, dayNumber, fiscalYearNumber, monthLabel, monthNumber, parseCell } from '../../../shared/reports/cells';
import type { Cell, ReportContext } from '../../../shared/reports/cells';
import { computeReport } from '../../../shared/reports/compute';
import { fiscalYearOf } from '../../../shared/reports/query';
import type { ReportQuery } from '../../../shared/reports/query';
import type { Count, FunnelStep, Report } from '../../../shared/reports/report';
import type { ReportCase } from '../../../shared/reports/report-case';
import { HISTORICAL_TARGETS, mergeTargets } from '../../../shared/reports/targets';
import { CURRENT_POLICY, blankCase, eligibleDecision, noStages } from './generate';

const ctx = (today: string, over: Partial<ReportContext> = {}): ReportContext => ({
  today,
  generatedAt: `${today}T12:00:00.000Z`,
  targets: mergeTargets([]),
  currentPolicyVersion: CURRENT_POLICY,
  ...over,
});
const q = (from: string, to: string, basis: ReportQuery['basis']): ReportQuery => ({ from, to, basis });
const step = (r: Report, s: FunnelStep) => {
  const row = r.funnel.find((f) => f.step === s);
  if (!row) throw new Error(s);
  return row;
};
const counts = (r: Report) => r.funnel.map((f) => f.count.n);
const ids = (cases: readonly ReportCase[]) => cases.map((c) => c.id);

// A: applied 2014-03-10, departed 26 days after intake (within the aim), assistance delivered, 2 persons.
const A = blankCase(1, '2014-03-10', {
  status: 'reintegration',
  persons: 2,
  screenedOn: '2014-03-11',
  decision: eligibleDecision('2014-03-12'),
  consentedOn: '2014-03-14',
  referredOn: '2014-03-20',
  stages: noStages({
    acknowledgedOn: '2014-03-22',
    travelDocument: { outcome: 'issued', requestedOn: '2014-03-23', issuedOn: '2014-03-30', refusedOn: null, on: '2014-03-30' },
    flightBookedOn: '2014-03-31',
    flightDate: '2014-04-05',
    departedOn: '2014-04-05',
    arrivedOn: '2014-04-06',
    assistanceDeliveredOn: '2014-05-01',
    sequence: [
      { action: 'acknowledge', on: '2014-03-22' },
      { action: 'recordTravelDocument', on: '2014-03-23' },
      { action: 'recordTravelDocument', on: '2014-03-30' },
      { action: 'bookFlight', on: '2014-03-31' },
      { action: 'confirmDeparture', on: '2014-04-05' },
      { action: 'confirmArrival', on: '2014-04-06' },
      { action: 'recordAssistance', on: '2014-05-01' },
    ],
  }),
  taskFacts: { flightDate: '2014-04-05', documentExpiries: ['2016-01-01'], arrivedOn: '2014-04-06', lastFollowUpOn: null },
  assistance: [
    { tier: 'T1', maxCad: 2000, byCategory: [{ category: 'housing', committedCad: 800, deliveredCad: 800 }] },
    { tier: 'T2', maxCad: 1500, byCategory: [{ category: 'housing', committedCad: 300, deliveredCad: 0 }, { category: 'training', committedCad: 0, deliveredCad: 0 }] },
  ],
  attachments: ['signed_consent', 'travel_document', 'departure_confirmation'],
});

// B: applied 2014-02-01, never screened at the counter, departed 55 days after intake (past the aim), 3 persons, old policy.
const B = blankCase(2, '2014-02-01', {
  status: 'departed',
  persons: 3,
  nationality: 'MX',
  countryOfReturn: null,
  dcoAtApplication: true,
  decision: eligibleDecision('2014-02-10', { policyVersion: '2013-02-15.1' }),
  consentedOn: '2014-02-20',
  referredOn: '2014-03-01',
  stages: noStages({ departedOn: '2014-03-28', sequence: [{ action: 'confirmDeparture', on: '2014-03-28' }] }),
  assistance: [
    { tier: 'DCO', maxCad: 500, byCategory: [] },
    { tier: 'DCO', maxCad: 500, byCategory: [] },
    { tier: null, maxCad: 0, byCategory: [] },
  ],
});

// C: applied 2014-04-02, found not eligible on 2014-04-10 (E1 and X2).
const C = blankCase(3, '2014-04-02', {
  status: 'decided',
  decision: eligibleDecision('2014-04-10', { outcome: 'ineligible', ineligibleCodes: ['E1', 'X2'] }),
  exit: { kind: 'ineligible', on: '2014-04-10', from: 'decided', reasonGiven: false },
});

// D: applied 2014-04-15, consented, withdrew on 2014-05-01 with a reason.
const D = blankCase(4, '2014-04-15', {
  status: 'withdrawn',
  decision: eligibleDecision('2014-04-20'),
  consentedOn: '2014-04-25',
  attachments: ['signed_consent'],
  exit: { kind: 'withdrawn', on: '2014-05-01', from: 'consented', reasonGiven: true },
});

// E: applied 2013-12-01, referred in January, departed 2014-04-20.
const E = blankCase(5, '2013-12-01', {
  status: 'departed',
  decision: eligibleDecision('2013-12-10'),
  consentedOn: '2013-12-15',
  referredOn: '2014-01-10',
  stages: noStages({ departedOn: '2014-04-20', sequence: [{ action: 'confirmDeparture', on: '2014-04-20' }] }),
  attachments: ['signed_consent', 'departure_confirmation'],
});

const ALL = [A, B, C, D, E];
const TODAY = '2015-06-30';

/** The cases behind a Count, as the drill-down lists them. */
const behind = (cases: readonly ReportCase[], query: ReportQuery, c: Count) => ids(casesInCell(cases, query, ctx(TODAY), c.cell));

describe('computeReport: application basis (a cohort)', () => {
  const query = q('2014-01-01', '2014-03-31', 'application');
  const r = computeReport(ALL, query, ctx(TODAY));

  it('counts the cases applied in the range, each step reached or passed', () => {
    expect(r.cases.n).toBe(2);
    expect(behind(ALL, query, r.cases)).toEqual(['case-1', 'case-2']);
    // B was never screened at the counter but went on to a decision; it has no acknowledgement but departed.
    expect(counts(r)).toEqual([2, 2, 2, 2, 2, 2, 2, 1]);
    expect(step(r, 'intake').persons).toBe(5);
    expect(step(r, 'reintegration_delivered').persons).toBe(2);
    expect(step(r, 'departed').inProgress.n).toBe(1);
    expect(behind(ALL, query, step(r, 'departed').inProgress)).toEqual(['case-2']);
    expect(step(r, 'reintegration_delivered').inProgress.n).toBe(1);
    expect(step(r, 'decided').outcomes?.map((o) => [o.outcome, o.count.n])).toEqual([
      ['eligible', 2],
      ['ineligible', 0],
      ['needs_review', 0],
    ]);
  });

  it('times: intake to departure 26 and 55 days', () => {
    const i = r.times.intervals.find((x) => x.interval === 'intake_to_departure');
    expect(i).toMatchObject({ median: 40.5, p90: 55, min: 26, max: 55, mean: 40.5 });
    expect(i?.cases.n).toBe(2);
    const d = r.times.intervals.find((x) => x.interval === 'intake_to_decision');
    expect(d).toMatchObject({ median: 5.5, min: 2, max: 9 });
    expect(r.times.departed.n).toBe(2);
    expect(r.times.withinAim.n).toBe(1);
    expect(behind(ALL, query, r.times.withinAim)).toEqual(['case-1']);
    expect(r.times.shareWithinAim).toBe(0.5);
    expect(r.aimDays).toBe(30);
  });

  it('by month of the application', () => {
    expect(r.times.byMonth.map((m) => [m.month, m.intakes.n, m.departed.n, m.departedWithinAim.n, m.medianIntakeToDeparture])).toEqual([
      ['2014-02', 1, 1, 0, 55],
      ['2014-03', 1, 1, 1, 26],
    ]);
  });

  it('targets: persons departed in the fiscal year, whatever the basis', () => {
    expect(r.targets).toEqual([
      {
        fiscalYear: 2013,
        label: 'FY2013-14',
        target: 2719,
        source: HISTORICAL_TARGETS[0]?.source,
        historical: true,
        departedPersons: 3,
        departedCases: { n: 1, cell: 'fiscal_year:2013' },
        share: 3 / 2719,
      },
    ]);
  });

  it('by country (not recorded: its own row) and by nationality add up to the cases', () => {
    expect(r.byCountry.map((p) => [p.code, p.cases.n, p.persons, p.departed.n, p.departedPersons, p.medianIntakeToDeparture, p.dco.n])).toEqual([
      ['SY', 1, 2, 1, 2, 26, 0],
      [null, 1, 3, 1, 3, 55, 1],
    ]);
    expect(r.byNationality.map((p) => p.code)).toEqual(['MX', 'SY']);
    expect(behind(ALL, query, r.byCountry[1]!.dco)).toEqual(['case-2']);
  });

  it('assistance: persons of eligible cases by tier and category; a Count lists cases', () => {
    expect(r.assistance.totals).toMatchObject({ persons: 5, maxCad: 4500, committedCad: 1100, deliveredCad: 800 });
    expect(r.assistance.totals.cases.n).toBe(2);
    expect(r.assistance.byTier.map((t) => [t.tier, t.cases.n, t.persons, t.maxCad])).toEqual([
      ['T1', 1, 1, 2000],
      ['T2', 1, 1, 1500],
      ['DCO', 1, 2, 1000],
      ['none', 1, 1, 0],
    ]);
    const housing = r.assistance.byCategory.find((c) => c.category === 'housing');
    expect(housing).toMatchObject({ persons: 2, committedCad: 1100, deliveredCad: 800 });
    expect(housing?.cases.n).toBe(1);
    // Training: an entry with nothing committed counts no person.
    expect(r.assistance.byCategory.find((c) => c.category === 'training')?.persons).toBe(0);
  });

  it('travel documents of the referred cases', () => {
    expect(r.travelDocuments.referred.n).toBe(2);
    expect(r.travelDocuments.byState.map((s) => [s.state, s.count.n])).toEqual([
      ['none_yet', 1],
      ['not_needed', 0],
      ['requested', 0],
      ['issued', 1],
      ['refused', 0],
    ]);
    expect(r.travelDocuments.needed.n).toBe(1);
    expect(r.travelDocuments.daysToObtain).toMatchObject({ median: 7, min: 7, max: 7 });
  });

  it('integrity: the scans missing, the follow-up due, the old policy of an open case', () => {
    expect(r.integrity.counts.map((c) => [c.issue, c.count.n])).toEqual([
      ['unknown_after_decision', 0],
      ['dates_out_of_order', 0],
      ['stage_overdue', 1],
      ['duplicate_suspected', 0],
      ['policy_not_current', 1],
      ['attachment_missing', 1],
    ]);
    expect(r.integrity.rows).toEqual([
      { caseId: 'case-1', caseNumber: 'AVRR-000001', status: 'reintegration', issues: [{ issue: 'stage_overdue', detail: { task: 'follow_up_due' } }] },
      {
        caseId: 'case-2',
        caseNumber: 'AVRR-000002',
        status: 'departed',
        issues: [
          { issue: 'policy_not_current', detail: { policyVersion: '2013-02-15.1' } },
          { issue: 'attachment_missing', detail: { attachment: 'signed_consent', attachments: ['signed_consent', 'departure_confirmation'] } },
        ],
      },
    ]);
    expect(r.integrity.truncated).toBe(false);
    expect(r.policyVersions).toEqual({ used: ['2013-02-15.1', CURRENT_POLICY], current: CURRENT_POLICY });
  });
});

describe('computeReport: event basis (what happened in the period)', () => {
  const query = q('2014-04-01', '2014-04-30', 'event');
  const r = computeReport(ALL, query, ctx(TODAY));

  it('counts each step when its own date is in the range: departures of people referred earlier', () => {
    // Intakes C and D; decisions C and D; consent D; departures A and E (referred in March and January).
    expect(counts(r)).toEqual([2, 2, 2, 1, 0, 0, 2, 0]);
    expect(behind(ALL, query, step(r, 'departed').count)).toEqual(['case-1', 'case-5']);
    expect(step(r, 'departed').persons).toBe(3);
    // The cases of an event-basis report: the intakes of the period (C and D).
    expect(behind(ALL, query, r.cases)).toEqual(['case-3', 'case-4']);
    // By country: those intakes, and the departures of the period whoever applied when.
    expect(r.byCountry.map((p) => [p.code, p.cases.n, p.departed.n, p.departedPersons])).toEqual([['SY', 2, 2, 3]]);
  });

  it('exits dated in the range: the ineligible decision at decided, by reason code; not the May withdrawal', () => {
    expect(r.exits.total.n).toBe(1);
    expect(r.exits.rows.map((x) => [x.kind, x.from, x.count.n, x.reasonGiven])).toEqual([['ineligible', 'decided', 1, 0]]);
    const decided = step(r, 'decided');
    expect(decided.stopped.find((s) => s.kind === 'ineligible')?.count.n).toBe(1);
    expect(decided.ineligibleCodes.map((k) => [k.code, k.count.n])).toEqual([
      ['E1', 1],
      ['X2', 1],
    ]);
    expect(decided.outcomes?.map((o) => o.count.n)).toEqual([1, 1, 0]);
    // D consented in April (its furthest step) and withdrew in May: of April's consents, it stopped there.
    expect(behind(ALL, query, step(r, 'consented').inProgress)).toEqual([]);
    expect(behind(ALL, query, step(r, 'consented').stopped.find((s) => s.kind === 'withdrawn')!.count)).toEqual(['case-4']);
  });

  it('a month later: the withdrawal from consent in the exits, with its reason given', () => {
    const may = computeReport(ALL, q('2014-05-01', '2014-05-31', 'event'), ctx(TODAY));
    expect(may.exits.rows.map((x) => [x.kind, x.from, x.count.n, x.reasonGiven])).toEqual([['withdrawn', 'consented', 1, 1]]);
    expect(step(may, 'consented').stopped.find((s) => s.kind === 'withdrawn')?.count.n).toBe(0);
    expect(counts(may)).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('times: a pair counts when its later date is in the range; by month of the event', () => {
    const i = r.times.intervals.find((x) => x.interval === 'intake_to_departure');
    expect(i?.cases.n).toBe(2);
    expect(i).toMatchObject({ min: 26, max: daysBetween('2013-12-01', '2014-04-20') });
    expect(r.times.byMonth.map((m) => [m.month, m.intakes.n, m.departed.n])).toEqual([['2014-04', 2, 2]]);
  });

  it('targets: the fiscal year the range is in, with all its departures', () => {
    expect(r.targets.map((t) => [t.label, t.target, t.departedPersons, t.departedCases.n, t.historical])).toEqual([['FY2014-15', 1039, 3, 2, true]]);
  });

  it('the whole of both years of the brief, a recorded target replacing the historical one', () => {
    const recorded = mergeTargets([{ fiscalYear: 2014, removals: 900, source: 'Regional plan 2014', historical: false, recordedAt: '2015-01-05T10:00:00Z', recordedBy: 'sup' }]);
    const both = computeReport(ALL, q('2013-04-01', '2015-03-31', 'event'), ctx(TODAY, { targets: recorded }));
    expect(both.targets.map((t) => [t.label, t.target, t.source, t.historical, t.departedPersons])).toEqual([
      ['FY2013-14', 2719, HISTORICAL_TARGETS[0]?.source, true, 3],
      ['FY2014-15', 900, 'Regional plan 2014', false, 3],
    ]);
  });
});

describe('computeReport: decisions reopened, exits and integrity', () => {
  it('a case reopened after consent still counts as decided (application basis), with no outcome in force', () => {
    const F = blankCase(6, '2014-03-05', { status: 'screened', screenedOn: '2014-03-06', consentedOn: '2014-03-10' });
    const r = computeReport([F], q('2014-03-01', '2014-03-31', 'application'), ctx(TODAY));
    expect(counts(r)).toEqual([1, 1, 1, 1, 0, 0, 0, 0]);
    expect(step(r, 'decided').outcomes?.every((o) => o.count.n === 0)).toBe(true);
    expect(step(r, 'consented').inProgress.n).toBe(1);
    // On the event basis only its own dates count: no decision in force, so none at decided.
    const e = computeReport([F], q('2014-03-01', '2014-03-31', 'event'), ctx(TODAY));
    expect(counts(e)).toEqual([1, 1, 0, 1, 0, 0, 0, 0]);
  });

  it('integrity: a case sharing a person with another open case names it; an open case is not flagged for a closed one', () => {
    const person = { uci: '1111-2222', nameDob: 'ali|1990-01-01' };
    const open1 = blankCase(10, '2015-06-01', { identities: [person] });
    const open2 = blankCase(11, '2015-06-10', { identities: [{ uci: null, nameDob: 'ali|1990-01-01' }] });
    const closed = blankCase(12, '2015-06-02', { status: 'withdrawn', exit: { kind: 'withdrawn', on: '2015-06-03', from: 'draft', reasonGiven: false }, identities: [person] });
    const query = q('2015-06-01', '2015-06-30', 'application');
    const r = computeReport([open1, open2, closed], query, ctx('2015-06-15'));
    const dup = r.integrity.rows.map((row) => [row.caseNumber, row.issues.find((i) => i.issue === 'duplicate_suspected')?.detail.otherCase]);
    expect(dup).toEqual([
      ['AVRR-000010', 'AVRR-000011'],
      ['AVRR-000011', 'AVRR-000010'],
      ['AVRR-000012', 'AVRR-000010'],
    ]);
    expect(r.integrity.counts.find((c) => c.issue === 'duplicate_suspected')?.count.n).toBe(3);
    // Only the withdrawn case left open: nobody shares a person with an open case but itself.
    const alone = computeReport([open1, closed], query, ctx('2015-06-15'));
    expect(alone.integrity.rows.map((row) => [row.caseNumber, row.issues.map((i) => i.issue)])).toEqual([['AVRR-000012', ['duplicate_suspected']]]);
  });

  it('integrity: unknown facts, dates out of order, an acknowledgement overdue, the aim passed', () => {
    const unknown = blankCase(20, '2015-05-01', { status: 'under_review', decision: eligibleDecision('2015-05-02', { outcome: 'needs_review', missingFacts: ['persons.0.facts.prraApplied'] }) });
    const disorder = blankCase(21, '2015-05-03', { intakeOn: '2015-05-02', decision: eligibleDecision('2015-05-04'), consentedOn: '2015-05-01', status: 'consented', attachments: ['signed_consent'] });
    const ackLate = blankCase(22, '2015-06-01', {
      status: 'referred',
      decision: eligibleDecision('2015-06-02'),
      consentedOn: '2015-06-03',
      referredOn: '2015-06-05',
      attachments: ['signed_consent'],
    });
    const query = q('2015-05-01', '2015-06-30', 'application');
    const r = computeReport([unknown, disorder, ackLate], query, ctx('2015-06-15'));
    const issues = Object.fromEntries(r.integrity.rows.map((row) => [row.caseNumber, row.issues]));
    expect(issues['AVRR-000020']).toEqual([
      { issue: 'unknown_after_decision', detail: { facts: ['persons.0.facts.prraApplied'] } },
      { issue: 'stage_overdue', detail: { task: 'departure_aim' } },
    ]);
    expect(issues['AVRR-000021']).toEqual([
      { issue: 'dates_out_of_order', detail: { steps: ['application', 'intake'] } },
      { issue: 'stage_overdue', detail: { task: 'departure_aim' } },
    ]);
    // Referred Friday 5 June 2015: 3 working days is Wednesday 10 June; on the 15th IOM is late.
    expect(issues['AVRR-000022']).toEqual([{ issue: 'stage_overdue', detail: { task: 'acknowledgement_overdue' } }]);
  });

  it('lists at most 500 integrity rows, by case number; the counts stay complete', () => {
    const many = Array.from({ length: 620 }, (_, i) => blankCase(1000 - i, '2015-01-10', { consentedOn: '2015-01-12', decision: eligibleDecision('2015-01-11'), status: 'consented' }));
    const r = computeReport(many, q('2015-01-01', '2015-01-31', 'application'), ctx('2015-01-20'));
    expect(r.integrity.counts.find((c) => c.issue === 'attachment_missing')?.count.n).toBe(620);
    expect(r.integrity.rows).toHaveLength(500);
    expect(r.integrity.truncated).toBe(true);
    expect(r.integrity.rows[0]?.caseNumber).toBe('AVRR-000381');
    expect(r.integrity.rows.at(-1)?.caseNumber).toBe('AVRR-000880');
  });
});

describe('cells', () => {
  it('every cell id reads back as itself; other strings name no cell', () => {
    const cells: Cell[] = [
      { kind: 'cases' },
      { kind: 'step', step: 'departed' },
      { kind: 'stopped', step: 'decided', exit: 'ineligible' },
      { kind: 'code', step: 'decided', code: 'X2' },
      { kind: 'in_progress', step: 'referred' },
      { kind: 'outcome', outcome: 'needs_review' },
      { kind: 'interval', interval: 'intake_to_referral' },
      { kind: 'within_aim' },
      { kind: 'month', month: '2014-03', measure: 'within_aim' },
      { kind: 'fiscal_year', year: 2013 },
      { kind: 'place', by: 'country', code: null, measure: 'dco' },
      { kind: 'place', by: 'nationality', code: 'A:B/é', measure: 'cases' },
      { kind: 'assisted' },
      { kind: 'tier', tier: 'none' },
      { kind: 'category', category: 'small_business' },
      { kind: 'travel_document', measure: 'none_yet' },
      { kind: 'exit', exit: 'withdrawn', from: 'flight_booked' },
      { kind: 'exits' },
      { kind: 'issue', issue: 'attachment_missing' },
    ];
    for (const c of cells) expect(parseCell(cellId(c))).toEqual(c);
    for (const bad of ['', 'cases:1', 'step:nowhere', 'month:2014-3:intakes', 'fiscal_year:13', 'country:%E0%A4%A:cases', 'tier:T9', 'issue']) expect(parseCell(bad)).toBeNull();
    expect(casesInCell(ALL, q('2014-01-01', '2014-12-31', 'event'), ctx(TODAY), 'nonsense')).toEqual([]);
  });

  it('a case is in each cell at most once', () => {
    const scope = cellScope(ALL, q('2013-01-01', '2015-12-31', 'event'), ctx(TODAY));
    for (const c of ALL) {
      const cells = cellsOf(c, scope);
      expect(new Set(cells).size).toBe(cells.length);
    }
  });

  it('date arithmetic without Date agrees with the case clock', () => {
    for (const d of ['1970-01-01', '2000-02-29', '2012-06-29', '2014-03-01', '2016-12-31', '2024-02-29', '2100-03-01', '1999-12-31']) {
      expect(dayNumber(d)).toBe(daysBetween('1970-01-01', d));
      expect(fiscalYearNumber(d)).toBe(fiscalYearOf(d));
      expect(monthLabel(monthNumber(d))).toBe(d.slice(0, 7));
    }
  });
});
