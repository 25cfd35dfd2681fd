/**
 * evaluateCase: the AVRR eligibility and assistance rules (policy brief §3 and §4).
 *
 * Pure and synchronous. Everything that depends only on the policy and the application date
 * (parameter values, their traces, and every reason whose wording depends only on them) is
 * resolved once per (policy, date) and shared, frozen, between decisions; a person's evaluation
 * then only reads their facts and picks shared objects.
 */
import { missingCaseError, type ExclusionCode, type Outcome, type ReasonCode, type Tier } from './codes';
import { isIsoDate, isUnderAge, previousDay } from './dates';
import { BIT, pathsOf, type FactPath, type PersonFactPath } from './facts';
import { entryAt, policy as defaultPolicy, type Parameter, type ParameterName, type Policy, type TierAmounts } from './policy';
import { REFERENCES, TEXTS, type TextVars } from './texts';
import type { Assistance, CaseDecision, FactTrace, ParameterTrace, PersonDecision, Reason } from './types';
import type { CaseFacts, PersonFacts } from '../schema/case-facts';

export interface EvaluateOptions {
  /** The policy to apply; defaults to the current policy file. */
  readonly policy?: Policy;
}

const EXCLUSION_BIT: { readonly [K in ExclusionCode]: number } = {
  X1: 1 << 0,
  X2: 1 << 1,
  X3: 1 << 2,
  X4: 1 << 3,
  X5: 1 << 4,
  X6: 1 << 5,
  X7: 1 << 6,
};

/** Yes/no facts that exclude when true (X3-X7). */
const EXCLUSION_FLAGS = [
  ['criminalRecord', 'X3'],
  ['inadmissibleSecurity', 'X4'],
  ['inadmissibleHumanRights', 'X5'],
  ['inadmissibleOrganizedCrime', 'X6'],
  ['prApplicationWithSpousalSponsorship', 'X7'],
] as const satisfies readonly (readonly [PersonFactPath & keyof PersonFacts, ExclusionCode])[];

/** Everything about one (policy, date) pair that does not depend on a person. */
interface Resolved {
  readonly date: string;
  readonly open: boolean;
  readonly exclusions: number;
  readonly muReview: boolean;
  readonly rad: boolean;
  readonly gta: readonly string[] | undefined;
  readonly maxPerPerson: number;
  readonly tiers: TierAmounts | undefined;
  readonly flat: boolean;
  readonly until: string | undefined;
  readonly dco: ReadonlySet<string>;
  readonly dcoAmount: number | undefined;
  readonly majority: number | undefined;
  readonly t: { readonly [K in ParameterName]: ParameterTrace };
  /**
   * Shared reasons, keyed by code and the facts that vary their wording or trace. Keys are string
   * literals or numbers (missing-fact masks and packed facts), so a lookup builds no string.
   */
  readonly reasons: Map<string | number, Reason>;
  /** Shared assistance objects, keyed likewise. */
  readonly assistance: Map<string | number, Assistance>;
  /** Shared reason lists (an eligible person's [E0], a review's [R3]). */
  readonly lists: Map<string | number, readonly Reason[]>;
}

const NO_VALUE = 'no value in force on this date';

function traceOf<T>(name: ParameterName, param: Parameter<T>, date: string): ParameterTrace {
  const e = entryAt(param, date);
  return Object.freeze(
    e === undefined
      ? { name, from: null, value: null, source: NO_VALUE }
      : { name, from: e.from, value: e.value, source: e.source },
  );
}

function resolve(policy: Policy, date: string): Resolved {
  const p = policy.parameters;
  const t = {
    programmeOpen: traceOf('programmeOpen', p.programmeOpen, date),
    exclusions: traceOf('exclusions', p.exclusions, date),
    manifestlyUnfoundedReview: traceOf('manifestlyUnfoundedReview', p.manifestlyUnfoundedReview, date),
    radInForce: traceOf('radInForce', p.radInForce, date),
    gtaLocations: traceOf('gtaLocations', p.gtaLocations, date),
    maxPerPerson: traceOf('maxPerPerson', p.maxPerPerson, date),
    tierAmounts: traceOf('tierAmounts', p.tierAmounts, date),
    transitionFlatAmount: traceOf('transitionFlatAmount', p.transitionFlatAmount, date),
    dcoCountries: traceOf('dcoCountries', p.dcoCountries, date),
    dcoAmount: traceOf('dcoAmount', p.dcoAmount, date),
    ageOfMajority: traceOf('ageOfMajority', p.ageOfMajority, date),
  } satisfies { [K in ParameterName]: ParameterTrace };
  let exclusions = 0;
  for (const x of entryAt(p.exclusions, date)?.value ?? []) exclusions |= EXCLUSION_BIT[x];
  const flat = entryAt(p.transitionFlatAmount, date)?.value === true;
  const nextFlat = p.transitionFlatAmount.values.find((v) => v.from > date);
  return {
    date,
    open: entryAt(p.programmeOpen, date)?.value === true,
    exclusions,
    muReview: entryAt(p.manifestlyUnfoundedReview, date)?.value === true,
    rad: entryAt(p.radInForce, date)?.value === true,
    gta: entryAt(p.gtaLocations, date)?.value,
    maxPerPerson: entryAt(p.maxPerPerson, date)?.value ?? Number.POSITIVE_INFINITY,
    tiers: entryAt(p.tierAmounts, date)?.value,
    flat,
    until: flat && nextFlat ? previousDay(nextFlat.from) : undefined,
    dco: new Set(entryAt(p.dcoCountries, date)?.value ?? []),
    dcoAmount: entryAt(p.dcoAmount, date)?.value,
    majority: entryAt(p.ageOfMajority, date)?.value,
    t,
    reasons: new Map(),
    assistance: new Map(),
    lists: new Map(),
  };
}

const MEMO = new WeakMap<Policy, Map<string, Resolved>>();
const MEMO_DATES_MAX = 4096;

function resolved(policy: Policy, date: string): Resolved {
  let byDate = MEMO.get(policy);
  if (byDate === undefined) {
    byDate = new Map();
    MEMO.set(policy, byDate);
  }
  let r = byDate.get(date);
  if (r === undefined) {
    if (byDate.size >= MEMO_DATES_MAX) byDate.clear();
    r = resolve(policy, date);
    byDate.set(date, r);
  }
  return r;
}

function makeReason(
  r: Resolved,
  code: ReasonCode,
  vars: TextVars,
  facts: readonly FactTrace[],
  parameters: readonly ParameterTrace[],
): Reason {
  const t = TEXTS[code];
  return Object.freeze({
    code,
    text: Object.freeze({ en: t.en(vars), fr: t.fr(vars) }),
    reference: REFERENCES[code],
    trace: Object.freeze({
      date: r.date,
      facts: Object.freeze(facts.map((f) => Object.freeze(f))),
      parameters: Object.freeze([...parameters]),
    }),
  });
}

function memo<T>(map: Map<string | number, T>, key: string | number, build: () => T): T {
  let v = map.get(key);
  if (v === undefined) {
    v = build();
    map.set(key, v);
  }
  return v;
}

/** The shared reason for `key`, built once per (policy, date). */
function shared(r: Resolved, key: string | number, build: () => Reason): Reason {
  return memo(r.reasons, key, build);
}

/** The shared assistance for `key`, built once per (policy, date). */
function sharedAssistance(r: Resolved, key: string | number, build: () => Assistance): Assistance {
  return memo(r.assistance, key, build);
}

const tri = (b: unknown) => (b === true ? 0 : b === false ? 1 : 2);
const fact = (path: FactPath, value: unknown): FactTrace => ({ path, value });
const dateVars = (r: Resolved): TextVars => ({ date: r.date });

const INELIGIBLE_ASSISTANCE: Assistance = Object.freeze({ tier: null, maxAmountCad: 0, basis: null });
const REVIEW_ASSISTANCE: Assistance = Object.freeze({ tier: null, maxAmountCad: null, basis: null });

interface TierResult {
  readonly assistance: Assistance;
  /** Unknown facts that would change the tier. */
  readonly missing: number;
}

/** The recourse tier (T1-T3) for a non-DCO national after the transition (policy brief §4). */
function recourseTier(r: Resolved, p: PersonFacts): TierResult {
  const fc = p.federalCourtLeaveApplied;
  const prra = p.prraApplied;
  let tier: 'T1' | 'T2' | 'T3' | null = null;
  let missing = 0;
  if (prra === true) tier = 'T3';
  else if (prra === false) {
    if (fc === true) tier = 'T2';
    else if (fc === false) tier = 'T1';
    else missing = BIT.federalCourtLeaveApplied;
  } else {
    missing = BIT.prraApplied;
    if (fc !== true && fc !== false) missing |= BIT.federalCourtLeaveApplied;
  }
  if (tier === null || r.tiers === undefined) return { assistance: undetermined(r, missing), missing };
  const amount = Math.min(r.tiers[tier], r.maxPerPerson);
  const code = tier === 'T1' ? 'A1' : tier === 'T2' ? 'A2' : 'A3';
  // Packed facts: 100000 + tier * 9 + fc * 3 + prra (true 0, false 1, unknown 2).
  const key = 100_000 + (tier === 'T1' ? 0 : tier === 'T2' ? 9 : 18) + tri(fc) * 3 + tri(prra);
  return {
    assistance: sharedAssistance(r, key, () =>
      Object.freeze({
        tier,
        maxAmountCad: amount,
        basis: shared(r, key, () =>
          makeReason(
            r,
            code,
            { date: r.date, amount },
            [fact('federalCourtLeaveApplied', fc ?? null), fact('prraApplied', prra ?? null)],
            [r.t.transitionFlatAmount, r.t.dcoCountries, r.t.tierAmounts, r.t.maxPerPerson],
          ),
        ),
      }) satisfies Assistance,
    ),
    missing: 0,
  };
}

function undetermined(r: Resolved, missing: number): Assistance {
  return sharedAssistance(r, missing, () =>
    Object.freeze({
      tier: null,
      maxAmountCad: null,
      basis: makeReason(
        r,
        'A0',
        { date: r.date, missing: pathsOf(missing) },
        pathsOf(missing).map((path) => fact(path, null)),
        [r.t.transitionFlatAmount, r.t.dcoCountries, r.t.tierAmounts],
      ),
    }) satisfies Assistance,
  );
}

function nonDcoTier(r: Resolved, p: PersonFacts): TierResult {
  if (r.flat && r.tiers !== undefined) {
    const amount = Math.min(r.tiers.T1, r.maxPerPerson);
    return {
      assistance: sharedAssistance(r, 'A5', () =>
        Object.freeze({
          tier: 'T1',
          maxAmountCad: amount,
          basis: makeReason(r, 'A5', { date: r.date, amount, until: r.until ?? r.date }, [], [
            r.t.transitionFlatAmount,
            r.t.tierAmounts,
            r.t.maxPerPerson,
          ]),
        }) satisfies Assistance,
      ),
      missing: 0,
    };
  }
  return recourseTier(r, p);
}

/** The assistance of an eligible person, and the unknown facts that would change it. */
function assistanceFor(r: Resolved, p: PersonFacts): TierResult {
  if (r.dco.size === 0) return nonDcoTier(r, p);
  const nat = p.nationality;
  if (typeof nat !== 'string') {
    // DCO nationals get a different amount: unknown nationality leaves the tier open.
    const other = nonDcoTier(r, p);
    const missing = BIT.nationality | other.missing;
    return { assistance: undetermined(r, missing), missing };
  }
  if (!r.dco.has(nat) || r.dcoAmount === undefined) return nonDcoTier(r, p);
  const amount = Math.min(r.dcoAmount, r.maxPerPerson);
  return {
    // Key: the nationality itself (three letters, distinct from the 'A5' key).
    assistance: sharedAssistance(r, nat, () =>
      Object.freeze({
        tier: 'DCO' satisfies Tier,
        maxAmountCad: amount,
        basis: makeReason(r, 'A4', { date: r.date, amount, country: nat }, [fact('nationality', nat)], [
          r.t.dcoCountries,
          r.t.dcoAmount,
          r.t.maxPerPerson,
        ]),
      }) satisfies Assistance,
    ),
    missing: 0,
  };
}

/** The RAD status is needed (if the claim turns out rejected) when the RAD exists and it is unknown. */
function unknownRad(r: Resolved, rad: unknown): number {
  return r.rad && rad !== 'none' && rad !== 'pending' && rad !== 'dismissed' && rad !== 'allowed' ? BIT['claim.radAppeal'] : 0;
}

function isMinor(r: Resolved, p: PersonFacts): boolean | null {
  const dob = p.dateOfBirth;
  if (r.majority === undefined || !isIsoDate(dob)) return null;
  return isUnderAge(dob, r.date, r.majority);
}

/** One person on the resolved date: each person is assessed on their own (policy brief §3). */
function evaluatePerson(r: Resolved, p: PersonFacts): PersonDecision {
  const fails: Reason[] = [];
  let unknown = 0;
  let review: Reason | null = null;
  let withdrawn: Reason | null = null;

  if (!r.open) {
    fails.push(shared(r, 'W1', () => makeReason(r, 'W1', dateVars(r), [fact('applicationDate', r.date)], [r.t.programmeOpen])));
  }

  const claim = p.claim ?? undefined;
  const outcome = claim?.outcome;
  // E1 (failed claimant) and X1 (withdrawn or abandoned), both read from the claim outcome.
  switch (outcome) {
    case 'rejected':
      if (r.rad) {
        const rad = claim?.radAppeal;
        switch (rad) {
          case 'allowed':
            // The Refugee Appeal Division set the negative decision aside: no longer a failed claimant.
            fails.push(
              shared(r, 'E1:rad', () =>
                makeReason(r, 'E1', dateVars(r), [fact('claim.outcome', 'rejected'), fact('claim.radAppeal', 'allowed')], [r.t.radInForce]),
              ),
            );
            break;
          case 'none':
          case 'pending':
          case 'dismissed':
            break;
          case null:
          case undefined:
            unknown |= BIT['claim.radAppeal'];
            break;
          default: {
            const _never: never = rad;
            unknown |= BIT['claim.radAppeal'];
          }
        }
      }
      break;
    case 'withdrawn':
    case 'abandoned':
      if (r.exclusions & EXCLUSION_BIT.X1) {
        // Listed after the conditions, in code order (see below).
        withdrawn = shared(r, outcome === 'withdrawn' ? 'X1:withdrawn' : 'X1:abandoned', () => makeReason(r, 'X1', dateVars(r), [fact('claim.outcome', outcome)], [r.t.exclusions]));
      } else {
        // Without X1 in force, a withdrawn or abandoned claim is still not a negative decision.
        fails.push(shared(r, outcome, () => makeReason(r, 'E1', dateVars(r), [fact('claim.outcome', outcome)], [])));
      }
      break;
    case 'pending':
    case 'accepted':
    case 'none':
      // Key: the outcome itself ('pending', 'accepted', 'none', ...), distinct from the code keys.
      fails.push(shared(r, outcome, () => makeReason(r, 'E1', dateVars(r), [fact('claim.outcome', outcome)], [])));
      break;
    case null:
    case undefined:
      unknown |= BIT['claim.outcome'] | unknownRad(r, claim?.radAppeal);
      break;
    default: {
      // A value outside the schema (e.g. a half-typed form): treated as unknown, never as eligible.
      const _never: never = outcome;
      unknown |= BIT['claim.outcome'] | unknownRad(r, claim?.radAppeal);
    }
  }

  // E2: claim made in or around the GTA.
  const inGta = claim?.inGta;
  if (inGta === false) {
    fails.push(shared(r, 'E2', () => makeReason(r, 'E2', { date: r.date, gta: r.gta }, [fact('claim.inGta', false)], [r.t.gtaLocations])));
  } else if (inGta !== true) unknown |= BIT['claim.inGta'];

  // E3: meets the terms and conditions set by the Government of Canada.
  const compliant = p.compliantWithConditions;
  if (compliant === false) {
    fails.push(shared(r, 'E3', () => makeReason(r, 'E3', dateVars(r), [fact('compliantWithConditions', false)], [])));
  } else if (compliant !== true) unknown |= BIT.compliantWithConditions;

  if (withdrawn !== null) fails.push(withdrawn);

  // X2: rejected as having no credible basis.
  if (r.exclusions & EXCLUSION_BIT.X2) {
    const ncb = claim?.noCredibleBasis;
    if (ncb === true) {
      fails.push(shared(r, 'X2', () => makeReason(r, 'X2', dateVars(r), [fact('claim.noCredibleBasis', true)], [r.t.exclusions])));
    } else if (ncb !== false) unknown |= BIT['claim.noCredibleBasis'];
  }

  // X3-X7: yes/no exclusions.
  for (const [path, code] of EXCLUSION_FLAGS) {
    if ((r.exclusions & EXCLUSION_BIT[code]) === 0) continue;
    const v = p[path];
    if (v === true) fails.push(shared(r, code, () => makeReason(r, code, dateVars(r), [fact(path, true)], [r.t.exclusions])));
    else if (v !== false) unknown |= BIT[path];
  }

  // Manifestly unfounded (IRPA s.107.1): not an exclusion, a supervisor review (office default).
  if (r.muReview) {
    const mu = claim?.manifestlyUnfounded;
    if (mu === true) {
      review = shared(r, 'R1', () =>
        makeReason(r, 'R1', dateVars(r), [fact('claim.manifestlyUnfounded', true)], [r.t.manifestlyUnfoundedReview]),
      );
    } else if (mu !== false) unknown |= BIT['claim.manifestlyUnfounded'];
  }

  const minor = isMinor(r, p);
  const id = p.id;

  if (fails.length > 0) {
    // A known failure decides: no unknown fact can make the person eligible, so nothing is missing.
    return { id, outcome: 'ineligible', reasons: fails, missing: pathsOf(0), assistance: INELIGIBLE_ASSISTANCE, minor };
  }

  const tier = assistanceFor(r, p);
  if (review !== null || unknown !== 0) {
    const mask = unknown;
    const missingInfo =
      mask === 0
        ? null
        : shared(r, mask, () =>
            makeReason(r, 'R3', { date: r.date, missing: pathsOf(mask) }, pathsOf(mask).map((path) => fact(path, null)), [r.t.exclusions]),
          );
    let reasons: readonly Reason[];
    if (review === null) reasons = missingInfo === null ? [] : memo(r.lists, mask, () => Object.freeze([missingInfo]));
    else reasons = missingInfo === null ? [review] : [review, missingInfo];
    return { id, outcome: 'needs_review', reasons, missing: pathsOf(unknown | tier.missing), assistance: REVIEW_ASSISTANCE, minor };
  }

  // The E0 trace lists only the facts read by rules in force; their values are then fixed by
  // "eligible" (the RAD status, read only while the RAD exists, is part of the key).
  const radValue = r.rad ? (claim?.radAppeal ?? null) : null;
  const e0Key = radValue === 'none' ? 'E0:none' : radValue === 'pending' ? 'E0:pending' : radValue === 'dismissed' ? 'E0:dismissed' : 'E0';
  const eligibleBecause = shared(r, e0Key, () => {
    const facts: FactTrace[] = [fact('claim.outcome', 'rejected')];
    if (r.rad) facts.push(fact('claim.radAppeal', radValue));
    facts.push(fact('claim.inGta', true));
    if (r.exclusions & EXCLUSION_BIT.X2) facts.push(fact('claim.noCredibleBasis', false));
    if (r.muReview) facts.push(fact('claim.manifestlyUnfounded', false));
    for (const [path, code] of EXCLUSION_FLAGS) if (r.exclusions & EXCLUSION_BIT[code]) facts.push(fact(path, false));
    facts.push(fact('compliantWithConditions', true));
    return makeReason(r, 'E0', dateVars(r), facts, [
      r.t.programmeOpen,
      r.t.exclusions,
      r.t.manifestlyUnfoundedReview,
      r.t.radInForce,
      r.t.gtaLocations,
    ]);
  });
  const reasons = memo(r.lists, e0Key, () => Object.freeze([eligibleBecause]));
  return { id, outcome: 'eligible', reasons, missing: pathsOf(tier.missing), assistance: tier.assistance, minor };
}

/** Reasons and decisions used when the application date is missing or not a real date. */
const NO_DATE_REASON: Reason = Object.freeze({
  code: 'R3',
  text: Object.freeze({ en: TEXTS.R3.en({ missing: ['applicationDate'] }), fr: TEXTS.R3.fr({ missing: ['applicationDate'] }) }),
  reference: REFERENCES.R3,
  trace: Object.freeze({ date: '', facts: Object.freeze([Object.freeze(fact('applicationDate', null))]), parameters: Object.freeze([]) }),
});
const NO_PERSON_REASON: Reason = Object.freeze({
  code: 'R3',
  text: Object.freeze({ en: TEXTS.R3.en({ missing: ['persons'] }), fr: TEXTS.R3.fr({ missing: ['persons'] }) }),
  reference: REFERENCES.R3,
  trace: Object.freeze({ date: '', facts: Object.freeze([Object.freeze(fact('persons', null))]), parameters: Object.freeze([]) }),
});
const NO_DATE_MISSING: readonly FactPath[] = Object.freeze(['applicationDate']);

/** The case outcome from the persons' outcomes: a family with mixed outcomes needs review. */
export function combineOutcomes(outcomes: readonly Outcome[]): { outcome: Outcome; mixed: boolean } {
  const first = outcomes[0];
  if (first === undefined) return { outcome: 'needs_review', mixed: false };
  for (let i = 1; i < outcomes.length; i++) {
    if (outcomes[i] !== first) return { outcome: 'needs_review', mixed: true };
  }
  return { outcome: first, mixed: false };
}

function mixedReason(r: Resolved | null, persons: readonly PersonDecision[]): Reason {
  const people = persons.map((p) => ({ id: p.id, outcome: p.outcome }));
  return Object.freeze({
    code: 'R2',
    text: Object.freeze({ en: TEXTS.R2.en({ people }), fr: TEXTS.R2.fr({ people }) }),
    reference: REFERENCES.R2,
    trace: Object.freeze({ date: r?.date ?? '', facts: Object.freeze([]), parameters: Object.freeze([]) }),
  });
}

/** Internal entry points shared with the what-if helper. */
export const internal = {
  resolved,
  evaluatePerson,
  mixedReason,
};

/**
 * Decide a case: for each person, eligible / ineligible / needs review, why, what is missing and
 * the assistance; for the case, the overall outcome and the policy version used.
 */
export function evaluateCase(facts: CaseFacts, options: EvaluateOptions = {}): CaseDecision {
  const policy = options.policy ?? defaultPolicy;
  const date = facts.applicationDate;
  const inputs = facts.persons ?? [];
  const persons: PersonDecision[] = new Array<PersonDecision>(inputs.length);
  if (!isIsoDate(date)) {
    for (let i = 0; i < inputs.length; i++) {
      const p = inputs[i];
      persons[i] = {
        id: p?.id ?? '',
        outcome: 'needs_review',
        reasons: [NO_DATE_REASON],
        missing: NO_DATE_MISSING,
        assistance: REVIEW_ASSISTANCE,
        minor: null,
      };
    }
    return { outcome: 'needs_review', policyVersion: policy.version, applicationDate: String(date ?? ''), reasons: [NO_DATE_REASON], persons };
  }
  const r = resolved(policy, date);
  for (let i = 0; i < inputs.length; i++) {
    const p = inputs[i];
    if (p !== undefined) persons[i] = evaluatePerson(r, p);
  }
  if (persons.length === 0) {
    return { outcome: 'needs_review', policyVersion: policy.version, applicationDate: date, reasons: [NO_PERSON_REASON], persons };
  }
  let outcome: Outcome = persons[0]?.outcome ?? 'needs_review';
  let mixed = false;
  for (let i = 1; i < persons.length; i++) {
    if (persons[i]?.outcome !== outcome) {
      mixed = true;
      outcome = 'needs_review';
      break;
    }
  }
  return {
    outcome,
    policyVersion: policy.version,
    applicationDate: date,
    reasons: mixed ? [mixedReason(r, persons)] : [],
    persons,
  };
}

/** Exhaustiveness helper re-exported for callers that switch on outcomes. */
export { missingCaseError };
