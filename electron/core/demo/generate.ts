import type { IntakeChannel } from '../../../shared/schema/case';
import { addYears, daysToIso, isoToDays } from './dates';
import type { DemoFamily, DemoPerson } from './family';
import { MIN_PARENT_AGE_AT_BIRTH } from './family';
import { adultName, childName, renderName } from './names/build';
import type { NameCulture, PersonName, Sex } from './names/types';
import { demoNationalities } from './nationalities';
import { createRng } from './prng';
import type { Rng } from './prng';

/**
 * SYNTHETIC DEMO DATA. Every person is assembled at random from lists of common given and family
 * names of each country (see ./names); any resemblance to a real person is chance. Same count,
 * seed and reference date give exactly the same families on every machine.
 */

/** Ages are counted back from this date, so the output never depends on the day it is run. */
export const DEMO_REFERENCE_DATE = '2025-01-01';

const channels: readonly (readonly [IntakeChannel, number])[] = [
  ['walk_in', 45],
  ['reporting_interview', 35],
  ['email', 12],
  ['phone', 8],
];

/** Failed claimants were often single adults; families of 2 to 6 make up the rest (mean about 2.1). */
const familySizes: readonly (readonly [number, number])[] = [
  [1, 52],
  [2, 16],
  [3, 12],
  [4, 10],
  [5, 6],
  [6, 4],
];

interface Member {
  relationship: DemoPerson['relationship'];
  name: PersonName;
  dateOfBirth: string;
}

export function generateDemoFamilies(count: number, seed: number, opts: { referenceDate?: string } = {}): DemoFamily[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number >= 0, got ${count}`);
  const rng = createRng(seed);
  const ref = opts.referenceDate ?? DEMO_REFERENCE_DATE;
  const ucis = new Set<string>();
  const families: DemoFamily[] = [];
  for (let i = 0; i < count; i++) families.push(generateFamily(rng, ref, ucis));
  return families;
}

function generateFamily(rng: Rng, ref: string, ucis: Set<string>): DemoFamily {
  const { code, culture } = rng.weighted(demoNationalities);
  const channel = rng.weighted(channels);
  const size = rng.weighted(familySizes);

  const principalSex: Sex = rng.chance(0.65) ? 'm' : 'f';
  const principal: Member = { relationship: 'principal', name: adultName(rng, culture, principalSex), dateOfBirth: adultDob(rng, ref) };
  const members: Member[] = [principal];

  let spouse: Member | undefined;
  if (size >= 2 && rng.chance(0.75)) {
    spouse = { relationship: 'spouse', name: adultName(rng, culture, principalSex === 'm' ? 'f' : 'm'), dateOfBirth: spouseDob(rng, principal.dateOfBirth, ref) };
    members.push(spouse);
  }

  const withOther = members.length < size && rng.chance(0.12);
  const parents = spouse ? [principal, spouse] : [principal];
  const father = parents.find((p) => p.name.sex === 'm')?.name ?? adultName(rng, culture, 'm'); // an absent father still names the children
  const mother = parents.find((p) => p.name.sex === 'f')?.name;
  const children: Member[] = [];
  for (let i = members.length + (withOther ? 1 : 0); i < size; i++) {
    const dateOfBirth = childDob(rng, parents.map((p) => p.dateOfBirth), children.map((c) => c.dateOfBirth), ref);
    if (dateOfBirth === undefined) break; // parents too young for (more) children: a smaller family
    const sex: Sex = rng.chance(0.5) ? 'm' : 'f';
    children.push({ relationship: 'child', name: childName(rng, culture, sex, father, mother), dateOfBirth });
  }
  members.push(...children.sort((a, b) => a.dateOfBirth.localeCompare(b.dateOfBirth)));

  if (withOther) {
    // A grown relative travelling with the family (a parent, sibling or in-law of the principal).
    members.push({ relationship: 'other', name: adultName(rng, culture, rng.chance(0.5) ? 'm' : 'f'), dateOfBirth: adultDob(rng, ref) });
  }

  return { channel, persons: members.map((m) => toPerson(rng, culture, code, m, ucis)) };
}

function toPerson(rng: Rng, culture: NameCulture, nationality: string, m: Member, ucis: Set<string>): DemoPerson {
  const uci = rng.chance(0.9) ? newUci(rng, ucis) : undefined;
  return {
    relationship: m.relationship,
    ...renderName(culture, m.name),
    dateOfBirth: m.dateOfBirth,
    nationality,
    ...(uci === undefined ? {} : { uci }),
  };
}

/** Mostly 19 to 49 (peaking in the mid-thirties), with an older tail up to 72. */
function adultDob(rng: Rng, ref: string): string {
  const age = rng.chance(0.88) ? 19 + Math.floor((rng.next() + rng.next()) * 15) : rng.int(50, 72);
  return daysToIso(isoToDays(addYears(ref, -age)) - rng.int(0, 364));
}

/** Within eight years of the principal, and an adult. */
function spouseDob(rng: Rng, principalDob: string, ref: string): string {
  const days = isoToDays(principalDob) + rng.int(-8 * 365, 8 * 365);
  return daysToIso(Math.min(days, isoToDays(addYears(ref, -18))));
}

/**
 * Born when every parent was at least 18 (16 at the very least) and the oldest parent at most
 * 45, not after the reference date, and mostly young enough to be a dependant (24 or under).
 * Siblings are at least ten months apart, except the occasional twin. Undefined when no such
 * date exists.
 */
function childDob(rng: Rng, parentDobs: string[], siblings: string[], ref: string): string | undefined {
  const twinOf = siblings[siblings.length - 1];
  if (twinOf !== undefined && rng.chance(0.02)) return twinOf;
  const youngest = parentDobs.reduce((a, b) => (a > b ? a : b));
  const oldest = parentDobs.reduce((a, b) => (a < b ? a : b));
  const hi = Math.min(isoToDays(ref), isoToDays(addYears(oldest, 45)));
  let lo = Math.max(isoToDays(addYears(youngest, 18)), isoToDays(addYears(ref, -24)));
  if (lo > hi) lo = isoToDays(addYears(youngest, MIN_PARENT_AGE_AT_BIRTH));
  if (lo > hi) return undefined;
  const taken = siblings.map(isoToDays);
  for (let attempt = 0; attempt < 20; attempt++) {
    const days = rng.int(lo, hi);
    if (taken.every((t) => Math.abs(t - days) >= 300)) return daysToIso(days);
  }
  return undefined;
}

/** IRCC UCIs: 8 digits (older files) or 10 digits, never repeated within one generated batch. */
function newUci(rng: Rng, used: Set<string>): string {
  for (;;) {
    const digits = rng.chance(0.6) ? 10 : 8;
    let s = String(rng.int(1, 9));
    while (s.length < digits) s += String(rng.int(0, 9));
    if (!used.has(s)) {
      used.add(s);
      return s;
    }
  }
}
