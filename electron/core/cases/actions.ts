import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { packetFactGaps } from '../../../shared/case/requirements';
import { assistanceIfEligible, graveExclusionsOf, tierAmount } from '../../../shared/case/review';
import { intakeToCaseFacts } from '../../../shared/intake/to-facts';
import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import type { FieldIssue } from '../../../shared/ipc/errors';
import { evaluateCase } from '../../../shared/rules';
import type { CaseDetail } from '../../../shared/schema/case-api';
import type { IntakeDocument } from '../../../shared/schema/intake';
import type { ReviewCaseInput, ReviewRecord } from '../../../shared/schema/review';
import { futureDateIssues } from '../../../shared/time/intake-dates';
import type { CaseStatus } from '../../../shared/case/lifecycle';
import type { StageEntry } from '../../../shared/schema/stages';
import type { SignedInContext } from '../context';
import { decisions } from '../db/schema';
import { bookAtHandover } from '../appointments/actions';
import { advanceAttention, refreshAttention } from './attention';
import { nextCaseNumber } from './case-number';
import { readCaseDetail } from './detail';
import { pick, requireAction } from './guard';
import { keepWithheld } from './medical';
import { insertCase, writePersons } from './persons';
import { caseRow, decisionRow, writeCase } from './rows';

/**
 * The case's actions, each checked against the lifecycle table (./guard) on the case as stored,
 * then written in one transaction with its audit entry. Consent, referral and withdrawal
 * documents (register/flows.ts) call into `commit*` here: no other module writes the case row.
 */

const who = (ctx: SignedInContext) => ({ by: ctx.session.userId, at: ctx.now().toISOString() });

function deleteDraft(ctx: SignedInContext, draftId: string | undefined): void {
  if (draftId) ctx.db().sqlite.prepare('DELETE FROM drafts WHERE id = ? AND user_id = ?').run(draftId, ctx.session.userId);
}

function invalid(issues: FieldIssue[]): IpcFailure {
  return new IpcFailure(ipcError('invalid_input', { issues }));
}

/** Dates of an intake are on or before the office's today (the injected clock, never the wall clock). */
function checkDates(ctx: SignedInContext, intake: IntakeDocument): void {
  const issues = futureDateIssues(intake, ctx.clock.today()).map((i) => ({ path: ['intake', ...i.path], messageKey: i.messageKey }));
  if (issues.length > 0) throw invalid(issues);
}

export function createCaseFromIntake(ctx: SignedInContext, input: { draftId?: string | undefined; intake: IntakeDocument }): CaseDetail {
  checkDates(ctx, input.intake);
  const { sqlite, db } = ctx.db();
  const id = randomUUID();
  const w = who(ctx);
  return ctx.tx(id, () => {
    insertCase(sqlite, nextCaseNumber(db, ctx.clock.year()), input.intake, w.by, w.at, id);
    deleteDraft(ctx, input.draftId);
    return readCaseDetail(db, id, ctx.clock.timeZone);
  });
}

export function getCase(ctx: SignedInContext, caseId: string): CaseDetail {
  return ctx.tx(caseId, () => readCaseDetail(ctx.db().db, caseId, ctx.clock.timeZone));
}

/** The facts a decision rests on, as the rules read them (persons, dates, claim, exclusions...). */
const factsKey = (intake: IntakeDocument) => JSON.stringify(intakeToCaseFacts(intake));

/**
 * Save the intake over `baseVersion`. Never changes the decision: once decided, the facts the
 * decision rests on change only after reopening it; everything else (contact, travel, needs,
 * preferences) stays editable, since consent and referral need it next.
 */
export function saveIntake(ctx: SignedInContext, input: { caseId: string; baseVersion: number; draftId?: string | undefined; intake: IntakeDocument }): CaseDetail {
  checkDates(ctx, input.intake);
  const { db, sqlite } = ctx.db();
  return ctx.tx(input.caseId, () => {
    const state = readCaseDetail(db, input.caseId, ctx.clock.timeZone);
    requireAction(ctx, state, 'save');
    const intake = keepWithheld(state.intake, input.intake, ctx.session.role);
    if (state.decision) {
      const stored = decisionRow(db, state.decision.id);
      if (stored && stored.facts !== factsKey(intake)) {
        throw new IpcFailure(ipcError('rejected', { messageKey: 'lifecycle.refused.facts_decided' }));
      }
    }
    // What a save must keep (the table's requirements on `save`: a case decided eligible keeps the
    // packet's facts) holds on the case as the save leaves it too; what the officer typed stays in their draft.
    requireAction(ctx, { ...state, intake }, 'save');
    const json = JSON.stringify(intake);
    const changed = json !== caseRow(db, input.caseId).intake;
    writeCase(db, input.caseId, input.baseVersion, who(ctx), { intake: json, channel: intake.channel, applicationDate: intake.applicationDate }, changed);
    if (changed) writePersons(sqlite, input.caseId, intake);
    deleteDraft(ctx, input.draftId);
    return readCaseDetail(db, input.caseId, ctx.clock.timeZone);
  });
}

/** Front counter: first screening done, handed over to an interview now or at an appointment (booked here). */
export function screenCase(ctx: SignedInContext, input: { caseId: string; baseVersion: number; appointment: { date: string; time: string } | null }): CaseDetail {
  const { db } = ctx.db();
  return ctx.tx(input.caseId, () => {
    const next = requireAction(ctx, readCaseDetail(db, input.caseId, ctx.clock.timeZone), 'screen');
    const w = who(ctx);
    // The first screening's instant stays (a second screen only moves the appointment).
    writeCase(db, input.caseId, input.baseVersion, w, { status: pick(next, 'screened'), screenedAt: caseRow(db, input.caseId).screenedAt ?? w.at });
    if (input.appointment) bookAtHandover(ctx, input.caseId, input.appointment);
    return readCaseDetail(db, input.caseId, ctx.clock.timeZone);
  });
}

/**
 * Record the eligibility decision. The rules run here, on the stored intake (never on a result
 * sent by the renderer), and the full result with the policy version is kept. An eligible result
 * must already carry everything the referral needs (the table's `decision_ready`).
 */
export function decideCase(ctx: SignedInContext, input: { caseId: string; baseVersion: number }): CaseDetail {
  const { db } = ctx.db();
  return ctx.tx(input.caseId, () => {
    const state = readCaseDetail(db, input.caseId, ctx.clock.timeZone);
    const next = requireAction(ctx, state, 'decide');
    const w = who(ctx);
    const facts = intakeToCaseFacts(state.intake);
    const result = evaluateCase(facts);
    const id = randomUUID();
    db.insert(decisions)
      .values({ id, caseId: input.caseId, outcome: result.outcome, policyVersion: result.policyVersion, facts: JSON.stringify(facts), result: JSON.stringify(result), decidedAt: w.at, decidedBy: w.by })
      .run();
    const review = result.outcome === 'needs_review';
    writeCase(db, input.caseId, input.baseVersion, w, { status: pick(next, review ? 'under_review' : 'decided'), decisionId: id, reviewStatus: review ? 'pending' : null });
    return readCaseDetail(db, input.caseId, ctx.clock.timeZone);
  });
}

/**
 * Supervisor: resolve a flagged case person by person. The tier and amount the rules compute are
 * kept (or the supervisor sets the tier, and the review's reason says why); overriding a grave
 * exclusion needs a second, explicit confirmation; approving anyone needs the packet's facts.
 */
export function reviewCase(ctx: SignedInContext, input: ReviewCaseInput): CaseDetail {
  const { db } = ctx.db();
  return ctx.tx(input.caseId, () => {
    const state = readCaseDetail(db, input.caseId, ctx.clock.timeZone);
    const next = requireAction(ctx, state, 'review');
    const d = state.decision;
    if (!d) throw new IpcFailure(ipcError('rejected', { messageKey: 'lifecycle.refused.not_in_review' }));
    const issues: FieldIssue[] = [];
    if (input.persons.length !== state.intake.persons.length || state.intake.persons.some((p) => !input.persons.some((x) => x.personId === p.id))) {
      issues.push({ path: ['persons'], messageKey: 'validation.review_every_person' });
    }
    const grave: string[] = [];
    const persons: ReviewRecord['persons'] = input.persons.map((x, i) => {
      const ruled = d.result.persons.find((p) => p.id === x.personId);
      const computed = ruled?.outcome === 'eligible' ? ruled.assistance : assistanceIfEligible(state.intake, x.personId);
      if (x.outcome === 'ineligible') return { personId: x.personId, outcome: 'ineligible', tier: null, maxAmountCad: 0, tierSetBySupervisor: false, computedBasis: null };
      if (graveExclusionsOf(d.result, x.personId).length > 0) {
        const p = state.intake.persons.find((q) => q.id === x.personId);
        grave.push(p?.nameLatin ?? x.personId);
      }
      const tier = x.tier ?? computed?.tier ?? null;
      if (tier === null) issues.push({ path: ['persons', i, 'tier'], messageKey: 'validation.review_tier_required' });
      const set = x.tier !== undefined && x.tier !== computed?.tier;
      const amount = tier === null ? null : set ? tierAmount(tier, state.intake.applicationDate) : (computed?.maxAmountCad ?? tierAmount(tier, state.intake.applicationDate));
      return { personId: x.personId, outcome: 'eligible', tier, maxAmountCad: amount, tierSetBySupervisor: set, computedBasis: set ? null : (computed?.basis?.text ?? null) };
    });
    if (issues.length > 0) throw invalid(issues);
    if (grave.length > 0 && !input.confirmExclusionOverride) {
      throw new IpcFailure(ipcError('rejected', { messageKey: 'errors.review_confirm_exclusion', params: { persons: grave.join(', ') } }));
    }
    const outcome = persons.every((p) => p.outcome === 'eligible') ? 'eligible' : 'ineligible';
    if (outcome === 'eligible') {
      const gaps = packetFactGaps(state.intake);
      if (gaps.length > 0) throw new IpcFailure(ipcError('rejected', { messageKey: 'lifecycle.blocked', gaps }));
    }
    const w = who(ctx);
    const review: ReviewRecord = { outcome, reason: input.reason, exclusionOverride: grave.length > 0, reviewedAt: w.at, reviewedBy: w.by, persons };
    db.update(decisions)
      .set({ overrideOutcome: outcome, overrideReason: input.reason, reviewedAt: w.at, reviewedBy: w.by, review: JSON.stringify(review) })
      .where(eq(decisions.id, d.id))
      .run();
    writeCase(db, input.caseId, input.baseVersion, w, { status: pick(next, 'decided'), reviewStatus: 'resolved' });
    return readCaseDetail(db, input.caseId, ctx.clock.timeZone);
  });
}

/**
 * Reopen a decision to change the facts it rests on: the decision stays in history with who
 * reopened it and why; the case goes back to screened and any consent form made so far no
 * longer applies (the intake version moves on).
 */
export function reopenCase(ctx: SignedInContext, input: { caseId: string; baseVersion: number; reason: string }): CaseDetail {
  const { db } = ctx.db();
  return ctx.tx(input.caseId, () => {
    const state = readCaseDetail(db, input.caseId, ctx.clock.timeZone);
    const next = requireAction(ctx, state, 'reopen');
    const w = who(ctx);
    if (state.decision) db.update(decisions).set({ reopenedAt: w.at, reopenedBy: w.by, reopenReason: input.reason }).where(eq(decisions.id, state.decision.id)).run();
    writeCase(db, input.caseId, input.baseVersion, w, { status: pick(next, 'screened'), decisionId: null, reviewStatus: null }, true);
    return readCaseDetail(db, input.caseId, ctx.clock.timeZone);
  });
}

/** Consent recorded (register/flows.ts checked the form and the signers): inside the caller's transaction. */
export function commitConsented(ctx: SignedInContext, state: CaseDetail, baseVersion: number): void {
  const next = requireAction(ctx, state, 'recordConsent');
  writeCase(ctx.db().db, state.id, baseVersion, who(ctx), { status: pick(next, 'consented') });
}

/** Referred to IOM (the packet is stored by the caller): inside the caller's transaction. */
export function commitReferred(ctx: SignedInContext, state: CaseDetail, baseVersion: number): void {
  const next = requireAction(ctx, state, 'refer');
  const w = who(ctx);
  writeCase(ctx.db().db, state.id, baseVersion, w, { status: pick(next, 'referred'), referredAt: w.at });
  refreshAttention(ctx.db().db, state.id, ctx.clock.timeZone);
}

export interface WithdrawalInput {
  caseId: string;
  baseVersion: number;
  date: string;
  reason?: string | undefined;
}

/**
 * The participant withdraws: the case leaves the programme. Inside the caller's transaction
 * (register/flows.ts stores the withdrawal documents and supersedes the packets in the same one).
 */
export function commitWithdrawn(ctx: SignedInContext, input: WithdrawalInput): void {
  const { db } = ctx.db();
  const next = requireAction(ctx, readCaseDetail(db, input.caseId, ctx.clock.timeZone), 'withdraw');
  const w = who(ctx);
  writeCase(db, input.caseId, input.baseVersion, w, {
    status: pick(next, 'withdrawn'),
    withdrawnAt: input.date,
    withdrawalReason: input.reason && input.reason.length > 0 ? input.reason : null,
    reviewStatus: null,
  });
  refreshAttention(db, input.caseId, ctx.clock.timeZone);
}

/** A stage after referral moved the case (electron/core/stages wrote its entry): inside the caller's transaction. */
export function commitStage(ctx: SignedInContext, caseId: string, baseVersion: number, status: CaseStatus, added?: readonly Pick<StageEntry, 'occurredOn' | 'stage'>[]): void {
  writeCase(ctx.db().db, caseId, baseVersion, who(ctx), { status });
  // New stages move the task facts on; a correction re-reads the history.
  if (added) advanceAttention(ctx.db().db, caseId, ctx.clock.timeZone, added);
  else refreshAttention(ctx.db().db, caseId, ctx.clock.timeZone);
}
