import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verdict } from '../../../shared/case/guard';
import { caseActions, statusInfo } from '../../../shared/case/lifecycle';
import { unmet } from '../../../shared/case/requirements';
import { inForce } from '../../../shared/case/stages';
import type { CaseAction } from '../../../shared/case/lifecycle';
import { isMinorOn } from '../../../shared/rules/dates';
import { can, roles } from '../../../shared/roles';
import type { Role } from '../../../shared/roles';
import type { CaseDetail } from '../../../shared/schema/case-api';
import type { IntakeDocumentInput } from '../../../shared/schema/intake';
import { familyIntake, syrianFamily } from '../../fixtures/intakes';
import { makeCore, withAccounts } from '../core/helpers';
import type { TestCore } from '../core/helpers';
import { actionCall, reviewIntake } from './support';

/** Families the officers meet: complete, missing travel facts, under review, with a record, with a tier fact unknown, ineligible. */
function family(kind: number): IntakeDocumentInput {
  const base = familyIntake(syrianFamily.slice(0, 1 + (kind % 3)));
  const [p0, ...rest] = base.persons;
  switch (kind % 6) {
    case 1:
      return { ...base, travel: { countryOfReturn: null, finalDestination: '' } };
    case 2:
      return { ...reviewIntake(), persons: reviewIntake().persons.slice(0, base.persons.length) };
    case 3:
      return { ...base, persons: [{ ...p0!, facts: { ...p0!.facts, criminalRecord: true, claim: { ...p0!.facts.claim, manifestlyUnfounded: true } } }, ...rest] };
    case 4:
      return { ...base, persons: [{ ...p0!, facts: { ...p0!.facts, prraApplied: null } }, ...rest] };
    case 5:
      return { ...base, persons: [{ ...p0!, facts: { ...p0!.facts, claim: { ...p0!.facts.claim, outcome: 'accepted' } } }, ...rest] };
    default:
      return base;
  }
}

/** Edits an officer makes: fill in what was missing, a phone number, a tier fact, clear the travel facts. */
function edited(c: CaseDetail, edit: number): CaseDetail['intake'] {
  const i = c.intake;
  switch (edit % 5) {
    case 0:
      return { ...i, travel: { countryOfReturn: 'SYR', finalDestination: 'Aleppo' } };
    case 1:
      return { ...i, contact: { ...i.contact, phone: `+1 416 555 01${edit % 10}${edit % 7}` } };
    case 2:
      return { ...i, persons: i.persons.map((p) => ({ ...p, facts: { ...p.facts, prraApplied: false } })) };
    default: // (3 and 4) more often than the others: blanking a fact the next step needs is the risky edit
      return { ...i, travel: { countryOfReturn: null, finalDestination: '' } };
  }
}

const step = fc.record({
  role: fc.constantFrom(...roles),
  action: fc.constantFrom(...caseActions),
  /** Most of the time the person takes the step the case is waiting for (else random walks rarely reach referral). */
  follow: fc.nat(3).map((n) => n > 0),
  edit: fc.nat(20),
  outcome: fc.boolean(),
});
/** The test clock's day is 2026-11-21 in Toronto; referral happens that day. */
const DATES = ['2026-11-21', '2026-11-21', '2026-11-20', '2026-11-22'];
/** The person taking the awaited step dates it right; other steps try any date. */
const dateOf = (s: { follow: boolean; edit: number }) => (s.follow ? '2026-11-21' : DATES[s.edit % DATES.length]);
const NEXT_STEPS: readonly CaseAction[] = [
  'close', 'recordAssistance', 'agreePlan', 'confirmArrival', 'confirmDeparture', 'bookFlight', 'recordTravelDocument', 'counsel', 'acknowledge',
  'refer', 'recordConsent', 'generateConsent', 'review', 'decide', 'save',
];

describe('lifecycle properties (real core, random families, random actions by random roles)', () => {
  let t: TestCore;
  let accounts: Awaited<ReturnType<typeof withAccounts>>;
  let signedIn: Role | null = null;
  beforeAll(async () => {
    t = makeCore();
    accounts = await withAccounts(t);
    await t.ok('certificate.generateSelfSigned', {});
    signedIn = 'supervisor';
  });
  afterAll(() => t.dispose());
  const as = async (role: Role) => {
    if (signedIn !== role) await t.ok('auth.signIn', accounts[role]);
    signedIn = role;
  };

  function callFor(c: CaseDetail, action: CaseAction, s: { edit: number; outcome: boolean; follow: boolean }) {
    if (action === 'save') return { channel: 'case.saveIntake', input: { caseId: c.id, baseVersion: c.version, intake: edited(c, s.edit) } };
    if (action === 'review') {
      const persons = c.intake.persons.map((p) => ({ personId: p.id, outcome: s.outcome ? 'eligible' : 'ineligible', ...(s.edit % 3 === 0 ? { tier: 'T1' } : {}) }));
      return { channel: 'case.review', input: { caseId: c.id, baseVersion: c.version, persons, reason: 'Reviewed against the claim file.', confirmExclusionOverride: true } };
    }
    const call = actionCall(c, action);
    // Stage dates vary: before the previous stage, the same day, or in the future are all tried.
    if (call.channel === 'stage.record') return { ...call, input: { ...(call.input as object), occurredOn: dateOf(s) } };
    return call;
  }

  const reached = new Set<string>();

  it('never strands a case: every status that is not final keeps a way forward, the UI and the back end agree, referral is covered by consent, stages keep their order and history', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(5), fc.array(step, { minLength: 4, maxLength: 24 }), async (kind, steps) => {
        await as('interview_officer');
        let c = await t.ok<CaseDetail>('case.create', { intake: family(kind) });
        for (const s of steps) {
          const action = s.follow ? (NEXT_STEPS.find((a) => roles.some((role) => verdict(a, c, role).ok)) ?? s.action) : s.action;
          const role = s.follow && !verdict(action, c, s.role).ok ? (roles.find((x) => verdict(action, c, x).ok) ?? s.role) : s.role;
          await as(role);
          const before = c;
          const v = verdict(action, before, role);
          const { channel, input } = callFor(before, action, s);
          const r = await t.call(channel, input);
          // The back end does what the table says: a refused verdict is refused; an allowed one goes
          // through, except where the table says the input decides (a save changing the facts a
          // decision rests on; a review approving someone while the packet's facts are missing).
          const inputDecides =
            (action === 'save' && before.decision !== null) || (action === 'review' && s.outcome) || (channel === 'stage.record' && dateOf(s) !== '2026-11-21');
          if (!v.ok) expect(r.ok, `${role} ${action} in ${before.status}`).toBe(false);
          else if (!inputDecides) expect(r.ok ? 'ok' : r.error, `${role} ${action} in ${before.status}`).toBe('ok');
          // The case as stored, read by someone who reads all of it (a clerk reads only its overview,
          // the front counter gets withheld medical notes).
          await as(can(role, 'case.read_medical') ? role : 'interview_officer');
          c = await t.ok<CaseDetail>('case.get', { caseId: before.id });
          reached.add(c.status);
          if (!r.ok) expect(c.version).toBe(before.version);

          // No dead end: someone can move the case on other than by withdrawing, unless it is final.
          if (!statusInfo[c.status].final) {
            const ways = roles.flatMap((role) => caseActions.filter((a) => a !== 'withdraw' && verdict(a, c, role).ok));
            expect(ways.length, `no way forward from ${c.status}`).toBeGreaterThan(0);
          }
          // The steps the table promises next are possible, not just listed.
          if (c.status === 'consented') expect(verdict('refer', c, 'interview_officer').ok).toBe(true);
          if (c.status === 'under_review') expect(verdict('review', c, 'supervisor').ok).toBe(true);
          const eligible = (c.decision?.review?.outcome ?? c.decision?.outcome) === 'eligible';
          if (c.status === 'decided' && eligible) expect(verdict('generateConsent', c, 'interview_officer').ok).toBe(true);
          // A case decided eligible, or consented, can always be referred as far as its facts go.
          if ((c.status === 'decided' && eligible) || c.status === 'consented') expect(unmet('packet_ready', c)).toEqual([]);
          // History after referral is never lost, and the stages in force follow each other in order and by date.
          expect(c.stages.length).toBeGreaterThanOrEqual(before.stages.length);
          const held = inForce(c.stages);
          held.forEach((e, i) => {
            if (i === 0) return;
            expect(e.occurredOn >= held[i - 1]!.occurredOn, 'a stage dated before the one it follows').toBe(true);
            expect(e.statusBefore).toBe(held[i - 1]!.statusAfter);
          });
          if (held.length > 0) expect(held.at(-1)!.statusAfter === c.status || c.status === 'withdrawn').toBe(true);
          // Every referred case has consent covering every person of the referred version.
          if (c.milestones.referredOn !== null) {
            expect(c.consent?.intakeVersion).toBe(c.intakeVersion);
            expect([...(c.consent?.personIds ?? [])].sort()).toEqual(c.intake.persons.map((p) => p.id).sort());
            for (const p of c.intake.persons) {
              const signer = c.consent?.signers.find((x) => x.personId === p.id);
              expect(signer?.signedBy).toBe(isMinorOn(p.dateOfBirth, c.consent?.signedOn ?? '') ? 'guardian' : 'self');
            }
          }
        }
      }),
      { numRuns: 50, seed: 20261128 },
    );
    // The walks did reach every status (a property that never got there would prove nothing).
    expect([...reached]).toEqual(
      expect.arrayContaining(['draft', 'decided', 'under_review', 'consented', 'referred', 'acknowledged', 'flight_booked', 'departed', 'reintegration', 'closed', 'withdrawn']),
    );
  }, 240_000);
});
