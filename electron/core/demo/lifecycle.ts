import { randomUUID } from 'node:crypto';
import type { CaseStatus } from '../../../shared/case/lifecycle';
import type { AssistanceEntry, StageDetails, StageSource } from '../../../shared/schema/stages';
import { reintegrationCategories } from '../../../shared/schema/intake';
import { daysToIso, isoToDays } from './dates';
import type { Rng } from './prng';

/**
 * SYNTHETIC. How far a demo case went, and when: a walk through the lifecycle from the intake,
 * one step at a time, each after a plausible number of days, stopping at the first step that
 * would fall after today (the case is still at that point) or at an exit (withdrawn, did not
 * depart, IOM declined, travel document refused). Dates only move forward, so every stage is on
 * or after the one before it and the referral, and nothing is in the future.
 */

export interface DemoStage {
  id: string;
  occurredOn: string;
  source: StageSource;
  details: StageDetails | { action: 'correctStage' };
  statusBefore: CaseStatus;
  statusAfter: CaseStatus;
  correctsId: string | null;
  reason: string | null;
}

export interface DemoPath {
  status: CaseStatus;
  intakeOn: string;
  screenedOn: string | null;
  decidedOn: string | null;
  reviewedOn: string | null;
  consentedOn: string | null;
  /** The referral date (not stored: a referral is a signed packet in the register, which demo cases do not have). */
  referredOn: string | null;
  withdrawnOn: string | null;
  withdrawalReason: string | null;
  stages: DemoStage[];
  /** How many writes the case took (its version). */
  writes: number;
}

/** The decision the rules made, as the walk needs it: the outcome, a review's outcome, each person's maximum. */
export interface DemoDecision {
  outcome: 'eligible' | 'ineligible' | 'needs_review';
  /** What the supervisor's review decides (needs_review only); null: the review is still pending. */
  afterReview: 'eligible' | 'ineligible' | null;
  /** Each person's maximum in the decision in force (after the review, if any). */
  maxima: ReadonlyMap<string, number>;
}

const withdrawalReasons = [
  'The family decided to stay while a new application is studied.',
  'The principal applicant found a lawyer and will seek judicial review.',
  'The person no longer wishes to return.',
  'The family will leave by its own means.',
  null,
];
const noShowReasons = ['Did not come to the airport; not reachable by phone.', 'Came to the airport without the children; the family refused to board.', 'Reported ill on the day of the flight; no medical note.'];
const declineReasons = ['IOM cannot operate in the region of return at present.', 'The person told IOM counsellors that the return is not voluntary.', 'IOM cannot organize onward transport to the final destination.'];
const refusalReasons = ['The consulate refused to issue an emergency travel document.', 'The consulate could not confirm the nationality.'];
const followUpNotes = ['Reached by phone: housing found, looking for work.', 'Visited by the IOM partner: the small business opened.', 'Reached by phone: the children are enrolled in school.', 'No answer on the first attempt; reached a week later, doing well.'];

const iomSource = (rng: Rng): StageSource => rng.weighted<StageSource>([['iom_email', 60], ['iom_phone', 25], ['iom_file', 15]]);

export interface WalkInput {
  intakeOn: string;
  today: string;
  personIds: readonly string[];
  /** The rules' decision on the interview's facts (called only when the case gets that far). */
  decide: (decidedOn: string) => DemoDecision;
  /** Everyone holds a valid passport (no travel document to request). */
  passports: boolean;
}

export function walkDemoCase(rng: Rng, input: WalkInput): DemoPath {
  const today = isoToDays(input.today);
  const path: DemoPath = { status: 'draft', intakeOn: input.intakeOn, screenedOn: null, decidedOn: null, reviewedOn: null, consentedOn: null, referredOn: null, withdrawnOn: null, withdrawalReason: null, stages: [], writes: 1 };
  let day = isoToDays(input.intakeOn);
  /** The next step happens `min..max` days on, if that is not after today. */
  const step = (min: number, max: number): string | null => {
    const next = day + rng.int(min, max);
    if (next > today) return null;
    day = next;
    return daysToIso(day);
  };
  const withdraw = (p: number): boolean => {
    if (!rng.chance(p)) return false;
    const on = step(0, 6);
    if (on === null) return false;
    path.withdrawnOn = on;
    path.withdrawalReason = rng.pick(withdrawalReasons);
    path.status = 'withdrawn';
    path.writes++;
    return true;
  };
  const stage = (on: string, details: DemoStage['details'], statusAfter: CaseStatus, source: StageSource = iomSource(rng), extra: Partial<DemoStage> = {}): DemoStage => {
    const s: DemoStage = { id: randomUUID(), occurredOn: on, source, details, statusBefore: path.status, statusAfter, correctsId: null, reason: null, ...extra };
    path.stages.push(s);
    path.status = statusAfter;
    path.writes++;
    return s;
  };

  // Intake: some drafts are never finished (the person does not come back).
  if (rng.chance(0.04)) return path;
  const screened = step(0, 1);
  if (screened === null) return path;
  path.screenedOn = screened;
  path.status = 'screened';
  path.writes++;
  if (withdraw(0.03)) return path;

  const decidedOn = step(1, 9);
  if (decidedOn === null) return path;
  const decision = input.decide(decidedOn);
  path.decidedOn = decidedOn;
  path.writes++;
  path.status = decision.outcome === 'needs_review' ? 'under_review' : 'decided';
  const maxima = decision.maxima;
  let outcome = decision.outcome;
  if (decision.outcome === 'needs_review') {
    if (decision.afterReview === null) return path;
    outcome = decision.afterReview;
    const reviewed = step(1, 6);
    if (reviewed === null) return path;
    path.reviewedOn = reviewed;
    path.status = 'decided';
    path.writes++;
  }
  if (outcome === 'ineligible') return path;
  if (withdraw(0.04)) return path;

  const consented = step(1, 6);
  if (consented === null) return path;
  path.consentedOn = consented;
  path.status = 'consented';
  path.writes++;
  if (withdraw(0.02)) return path;
  const referred = step(0, 3);
  if (referred === null) return path;
  path.referredOn = referred;
  path.status = 'referred';
  path.writes++;

  const decline = (): boolean => {
    if (!rng.chance(0.02)) return false;
    const on = step(1, 10);
    if (on === null) return false;
    const reason = rng.pick(declineReasons);
    stage(on, { action: 'iomDecline', reason }, 'iom_declined', iomSource(rng), { reason });
    return true;
  };
  if (decline()) return path;
  const ack = step(1, 5);
  if (ack === null) return path;
  const year = ack.slice(0, 4);
  stage(ack, { action: 'acknowledge', iomReference: `IOM-CA-${year}-${String(rng.int(1, 99999)).padStart(5, '0')}` }, 'acknowledged');
  if (withdraw(0.02) || decline()) return path;
  const counselled = step(2, 9);
  if (counselled === null) return path;
  stage(counselled, { action: 'counsel' }, 'counselled');
  if (withdraw(0.02) || decline()) return path;

  // The travel document: none needed with valid passports, else requested from the consulate.
  const docOn = step(1, 4);
  if (docOn === null) return path;
  if (rng.chance(0.03)) {
    // Recorded by mistake for another family, corrected the same day with the reason.
    const wrong = stage(docOn, { action: 'recordTravelDocument', outcome: 'not_needed', documents: [], reason: '' }, 'ready_to_book');
    stage(docOn, { action: 'correctStage' }, 'counselled', 'cbsa_officer', { correctsId: wrong.id, reason: 'Recorded on the wrong case: IOM’s e-mail was about another family.' });
  }
  if (input.passports) {
    stage(docOn, { action: 'recordTravelDocument', outcome: 'not_needed', documents: [], reason: '' }, 'ready_to_book');
  } else {
    stage(docOn, { action: 'recordTravelDocument', outcome: 'requested', documents: [], reason: '' }, 'travel_document_requested');
    if (withdraw(0.02)) return path;
    const issuedOn = step(5, 35);
    if (issuedOn === null) return path;
    if (rng.chance(0.06)) {
      const reason = rng.pick(refusalReasons);
      stage(issuedOn, { action: 'recordTravelDocument', outcome: 'refused', documents: [], reason }, 'travel_document_refused');
      return path;
    }
    const documents = input.personIds.map((personId) => {
      const etd = rng.chance(0.8);
      return {
        personId,
        type: etd ? ('emergency_travel_document' as const) : ('passport' as const),
        number: `${etd ? 'ETD' : 'P'}${rng.int(1_000_000, 9_999_999)}`,
        expiryDate: daysToIso(isoToDays(issuedOn) + (etd ? rng.int(60, 180) : rng.int(1500, 3600))),
      };
    });
    stage(issuedOn, { action: 'recordTravelDocument', outcome: 'issued', documents, reason: '' }, 'ready_to_book');
  }
  if (withdraw(0.02)) return path;

  const booked = step(1, 7);
  if (booked === null) return path;
  const flightDate = daysToIso(day + rng.int(4, 14));
  const airline = rng.pick(['AC', 'AF', 'LH', 'KL', 'TK', 'EK', 'AM', 'AV', 'CA']);
  stage(booked, { action: 'bookFlight', flightDate, departureAirport: rng.chance(0.9) ? 'YYZ' : 'YUL', itineraryReference: `${airline} ${rng.int(100, 999)} / PNR ${randomCode(rng)}` }, 'flight_booked');
  if (withdraw(0.015)) return path;
  if (isoToDays(flightDate) > today) return path;
  day = isoToDays(flightDate);
  if (rng.chance(0.07)) {
    const reason = rng.pick(noShowReasons);
    stage(flightDate, { action: 'noShow', reason }, 'did_not_depart', 'cbsa_officer', { reason });
    return path;
  }
  stage(flightDate, { action: 'confirmDeparture', place: rng.pick(['Toronto Pearson International Airport, Terminal 1', 'Toronto Pearson International Airport, Terminal 3', 'Montréal-Trudeau International Airport']) }, 'departed', 'cbsa_officer');

  const arrived = step(0, 2);
  if (arrived === null) return path;
  stage(arrived, { action: 'confirmArrival' }, 'arrived');
  const arrivalDay = day;
  const planned = step(7, 30);
  if (planned === null) return path;
  stage(planned, { action: 'agreePlan' }, 'reintegration');

  // Assistance in kind, reported a few times: committed within each person's maximum, delivered growing towards it.
  const lines = new Map<string, AssistanceEntry>();
  const categories = reintegrationCategories.filter(() => rng.chance(0.35));
  const chosen = categories.length > 0 ? categories : (['onward_transport'] as const);
  for (let report = 0; report < 3; report++) {
    const on = step(5, 40);
    if (on === null) break;
    const entries: AssistanceEntry[] = [];
    for (const personId of input.personIds) {
      const max = maxima.get(personId) ?? 0;
      if (max === 0) continue;
      const share = Math.floor(max / chosen.length);
      for (const category of chosen) {
        const key = `${personId}|${category}`;
        const before = lines.get(key);
        const committedCad = before?.committedCad ?? Math.floor(share * (0.6 + 0.4 * rng.next()));
        const deliveredCad = Math.min(committedCad, (before?.deliveredCad ?? 0) + Math.floor(committedCad * (0.3 + 0.4 * rng.next())));
        const entry: AssistanceEntry = { personId, category, committedCad, deliveredCad };
        lines.set(key, entry);
        entries.push(entry);
      }
    }
    if (entries.length === 0) break;
    stage(on, { action: 'recordAssistance', entries }, 'reintegration');
  }
  // IOM's monitoring: follow-ups about three and six months after arrival, then the file closes.
  for (const months of [3, 6]) {
    const due = arrivalDay + months * 30 + rng.int(0, 14);
    if (due > today) return path;
    day = Math.max(day, due);
    stage(daysToIso(day), { action: 'recordFollowUp', notes: rng.pick(followUpNotes) }, 'reintegration');
  }
  const closed = step(5, 30);
  if (closed === null) return path;
  stage(closed, { action: 'close' }, 'closed');
  return path;
}

function randomCode(rng: Rng): string {
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  let s = '';
  for (let i = 0; i < 6; i++) s += letters[rng.int(0, letters.length - 1)];
  return s;
}
