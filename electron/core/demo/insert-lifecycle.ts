import { randomUUID } from 'node:crypto';
import type { CaseStatus } from '../../../shared/case/lifecycle';
import { assistanceIfEligible } from '../../../shared/case/review';
import { intakeToCaseFacts } from '../../../shared/intake/to-facts';
import { evaluateCase } from '../../../shared/rules/evaluate';
import type { ReviewRecord } from '../../../shared/schema/review';
import type { IntakeDocumentInput } from '../../../shared/schema/intake';
import { blankIntake, blankPerson, intakeDocument } from '../../../shared/schema/intake';
import { DEFAULT_OFFICE_TIME_ZONE, localToInstant, officeDate } from '../../../shared/time/office-time';
import { bulkCaseProgressWriter, bulkCaseWriter } from '../cases/persons';
import type { BulkDecision } from '../cases/persons';
import type { OpenDatabase } from '../db/open';
import { bulkStageWriter } from '../stages/rows';
import { daysToIso, isoToDays } from './dates';
import { demoIntakeWithFacts } from './facts';
import type { DemoFamily } from './family';
import { walkDemoCase } from './lifecycle';
import type { DemoDecision, DemoPath } from './lifecycle';
import { createRng } from './prng';
import { refreshAllAttention } from '../cases/attention';

/**
 * SYNTHETIC. Demo families as cases spread over the whole lifecycle: intakes over the past
 * `spanDays`, each walked forward from its intake (./lifecycle.ts) as far as today allows,
 * so older cases have gone further (drafts, decided, reviewed, consented, referred, every stage
 * after the referral, departed within and beyond the 30-day aim, withdrawn at different stages,
 * did not depart...). The rules decide on the interview's facts (./facts.ts) exactly as
 * `case.decide` does; decisions, reviews, withdrawals and stages are written in bulk through the
 * cases and stages modules' bulk writers, in one transaction.
 *
 * Not written, honestly: documents. A consent form and a referral packet are signed PDFs in the
 * register, and demo cases get none; so a demo case past consent has no consent record or packet
 * in the register. Its referral instant is on the case row (as `commitReferred` records it), so
 * its clock and the reports count from it; its stages come after it.
 */

export interface DemoLifecycleSummary {
  cases: number;
  persons: number;
  firstCaseNumber: string | undefined;
  lastCaseNumber: string | undefined;
  /** Cases per status. */
  byStatus: Partial<Record<CaseStatus, number>>;
  stages: number;
}

export interface DemoLifecycleOptions {
  /** The intakes fall within this many days before `now` (default 420). */
  spanDays?: number;
  timeZone?: string;
  seed?: number;
  /** The user id written as the decider and recorder (the demo supervisor's). */
  by: string;
}

/**
 * The UTC instant of a local office time on `date` (minutes after midnight), never after `now`.
 * The day's local midnight is looked up once per date (a few hundred dates, hundreds of
 * thousands of instants); a DST change that day moves the time by an hour, never the date.
 */
function officeInstants(tz: string, now: Date): (date: string, minutes: number) => string {
  const midnights = new Map<string, number>();
  return (date, minutes) => {
    let midnight = midnights.get(date);
    if (midnight === undefined) {
      midnight = (localToInstant(`${date}T00:00`, tz) ?? new Date(`${date}T05:00:00Z`)).getTime();
      midnights.set(date, midnight);
    }
    return new Date(Math.min(midnight + minutes * 60_000, now.getTime() - 1000)).toISOString();
  };
}

/** The draft intake of a family not interviewed yet: identities known, facts unknown (as insertDemoFamilies writes). */
function draftIntake(family: DemoFamily, ids: readonly string[], applicationDate: string): IntakeDocumentInput {
  const blank = blankIntake(ids[0] ?? '', family.channel, applicationDate);
  return {
    ...blank,
    persons: family.persons.map((p, i) => ({ ...blankPerson(ids[i] ?? '', p.relationship), nameAsWritten: p.nameAsWritten, nameLatin: p.nameLatin, dateOfBirth: p.dateOfBirth, nationality: p.nationality, uci: p.uci ?? null })),
  };
}

export function insertDemoLifecycle(open: Pick<OpenDatabase, 'sqlite' | 'db'>, families: readonly DemoFamily[], now: Date, opts: DemoLifecycleOptions): DemoLifecycleSummary {
  const { sqlite } = open;
  const tz = opts.timeZone ?? DEFAULT_OFFICE_TIME_ZONE;
  const span = opts.spanDays ?? 420;
  const rng = createRng(opts.seed ?? 1);
  const today = officeDate(now, tz);
  const instantOn = officeInstants(tz, now);
  const writeCase = bulkCaseWriter(sqlite);
  const writeProgress = bulkCaseProgressWriter(sqlite);
  const writeStages = bulkStageWriter(sqlite);
  const readCounter = sqlite.prepare('SELECT value FROM counters WHERE name = ?').pluck();
  const writeCounter = sqlite.prepare('INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value');

  // Intake days, oldest first, so case numbers follow the intake order.
  const intakeDays = families.map(() => isoToDays(today) - rng.int(0, span)).sort((a, b) => a - b);

  const write = sqlite.transaction((): DemoLifecycleSummary => {
    const counters = new Map<number, number>();
    const byStatus: Partial<Record<CaseStatus, number>> = {};
    let persons = 0;
    let stages = 0;
    let firstCaseNumber: string | undefined;
    let lastCaseNumber: string | undefined;
    families.forEach((family, i) => {
      const intakeOn = daysToIso(intakeDays[i] ?? isoToDays(today));
      const createdAt = instantOn(intakeOn, 8 * 60 + rng.int(0, 479));
      const ids = family.persons.map(() => randomUUID());
      const choice = { flagged: rng.chance(0.1), excluded: rng.chance(0.04), passports: rng.chance(0.4) };
      let intake: IntakeDocumentInput = draftIntake(family, ids, intakeOn);
      let decided: { result: ReturnType<typeof evaluateCase>; facts: ReturnType<typeof intakeToCaseFacts>; reviewPersons: ReviewRecord['persons'] | null } | null = null;
      const decide = (): DemoDecision => {
        intake = demoIntakeWithFacts(rng, family, ids, intakeOn, choice);
        const facts = intakeToCaseFacts(intake);
        const result = evaluateCase(facts);
        const maxima = new Map(result.persons.map((p) => [p.id, p.assistance.maxAmountCad ?? 0]));
        let afterReview: DemoDecision['afterReview'] = null;
        let reviewPersons: ReviewRecord['persons'] | null = null;
        if (result.outcome === 'needs_review') {
          const parsed = intakeToReview(intake, ids, choice.excluded);
          if (parsed) {
            afterReview = parsed.outcome;
            reviewPersons = parsed.persons;
            for (const p of parsed.persons) maxima.set(p.personId, p.maxAmountCad ?? 0);
          }
        }
        decided = { result, facts, reviewPersons };
        return { outcome: result.outcome, afterReview, maxima };
      };
      const path = walkDemoCase(rng, { intakeOn, today, personIds: ids, decide, passports: choice.passports });

      const year = Number(intakeOn.slice(0, 4));
      const value = (counters.get(year) ?? Number(readCounter.get(`case-number-${year}`) ?? 0)) + 1;
      counters.set(year, value);
      const caseNumber = `AVRR-${year}-${String(value).padStart(6, '0')}`;
      const caseId = randomUUID();
      persons += writeCase({ id: caseId, caseNumber, intake, at: createdAt });
      writeProgress({
        caseId,
        status: path.status,
        version: path.writes,
        updatedAt: instantOn(lastDate(path), 16 * 60 + rng.int(0, 59)),
        decision: decided ? decisionOf(decided, path, opts.by, instantOn) : null,
        reviewStatus: path.status === 'under_review' ? 'pending' : path.reviewedOn ? 'resolved' : null,
        withdrawn: path.withdrawnOn ? { on: path.withdrawnOn, reason: path.withdrawalReason } : null,
        referredAt: path.referredOn ? instantOn(path.referredOn, 14 * 60) : null,
        screenedAt: path.screenedOn ? instantOn(path.screenedOn, 10 * 60) : null,
      });
      writeStages(
        caseId,
        path.stages.map((s, k) => ({ ...s, recordedAt: instantOn(s.occurredOn, 9 * 60 + k * 7 + rng.int(0, 5)), recordedBy: opts.by })),
      );
      stages += path.stages.length;
      byStatus[path.status] = (byStatus[path.status] ?? 0) + 1;
      firstCaseNumber ??= caseNumber;
      lastCaseNumber = caseNumber;
    });
    for (const [year, value] of counters) writeCounter.run(`case-number-${year}`, value);
    // What the app keeps with every change after referral: the day each case may next need an officer.
    refreshAllAttention(open.db, tz);
    return { cases: families.length, persons, firstCaseNumber, lastCaseNumber, byStatus, stages };
  });
  return write.immediate();
}

/** The last date anything happened to the case (its `updated_at`). */
function lastDate(p: DemoPath): string {
  const dates = [p.intakeOn, p.screenedOn, p.decidedOn, p.reviewedOn, p.consentedOn, p.referredOn, p.withdrawnOn, ...p.stages.map((s) => s.occurredOn)].filter((d): d is string => d !== null);
  return dates.reduce((a, b) => (a > b ? a : b));
}

/** A supervisor's review of a flagged demo case: every person approved with the computed tier, or (an exclusion) refused. */
function intakeToReview(intake: IntakeDocumentInput, ids: readonly string[], excluded: boolean): { outcome: 'eligible' | 'ineligible'; persons: ReviewRecord['persons'] } | null {
  if (excluded) return { outcome: 'ineligible', persons: ids.map((personId) => ({ personId, outcome: 'ineligible', tier: null, maxAmountCad: 0, tierSetBySupervisor: false, computedBasis: null })) };
  // Read back as the service reads the stored intake (only flagged cases pay for the parse).
  const stored = intakeDocument.parse(intake);
  const persons: ReviewRecord['persons'] = [];
  for (const personId of ids) {
    const a = assistanceIfEligible(stored, personId);
    if (!a || a.tier === null) return null;
    persons.push({ personId, outcome: 'eligible', tier: a.tier, maxAmountCad: a.maxAmountCad, tierSetBySupervisor: false, computedBasis: a.basis?.text ?? null });
  }
  return { outcome: 'eligible', persons };
}

function decisionOf(
  d: { result: ReturnType<typeof evaluateCase>; facts: ReturnType<typeof intakeToCaseFacts>; reviewPersons: ReviewRecord['persons'] | null },
  path: DemoPath,
  by: string,
  instantOn: (date: string, minutes: number) => string,
): BulkDecision {
  const decidedAt = instantOn(path.decidedOn ?? path.intakeOn, 11 * 60);
  let review: BulkDecision['review'] = null;
  if (path.reviewedOn && d.reviewPersons) {
    const at = instantOn(path.reviewedOn, 14 * 60);
    const outcome = d.reviewPersons.every((p) => p.outcome === 'eligible') ? 'eligible' : 'ineligible';
    const reason = outcome === 'eligible' ? 'IRCC confirmed the claim history; the supervisor approves the return with the computed tiers.' : 'The criminal record stands: the exclusion is not overridden.';
    const record: ReviewRecord = { outcome, reason, exclusionOverride: false, reviewedAt: at, reviewedBy: by, persons: d.reviewPersons };
    review = { outcome, reason, at, by, json: JSON.stringify(record) };
  }
  return { id: randomUUID(), outcome: d.result.outcome, policyVersion: d.result.policyVersion, facts: JSON.stringify(d.facts), result: JSON.stringify(d.result), decidedAt, decidedBy: by, review };
}
