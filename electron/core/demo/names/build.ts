import type { Rng } from '../prng';
import { kaur, singh } from './asia';
import type { NameCulture, NamePart, PersonName, Sex } from './types';

/** A random adult of this culture (their parents are not in the family, so any names will do). */
export function adultName(rng: Rng, culture: NameCulture, sex: Sex): PersonName {
  const given = rng.pick(sex === 'm' ? culture.male : culture.female);
  if (rng.chance(culture.oneWordShare)) return { sex, given, surnames: [] };
  switch (culture.lineage) {
    case 'patronymic':
      return { sex, given, surnames: distinct(rng, culture.male, culture.depth) };
    case 'sikh':
      return { sex, given, surnames: sikhSurnames(rng, culture, sex, undefined) };
    case 'spanish':
    case 'paternal':
      return { sex, given, surnames: distinct(rng, culture.surnames, culture.depth).map((s) => gendered(culture, s, sex)) };
  }
}

/**
 * A child's name from the parents' names. `father` may be a man who is not in the family (the
 * name still comes from him); `mother` may be absent.
 */
export function childName(rng: Rng, culture: NameCulture, sex: Sex, father: PersonName, mother: PersonName | undefined): PersonName {
  const given = rng.pick(sex === 'm' ? culture.male : culture.female);
  switch (culture.lineage) {
    case 'patronymic': {
      // The father's own given name, then his father's: a one-name father still passes his name on.
      const line = [father.given, ...father.surnames].slice(0, culture.depth);
      return { sex, given, surnames: line };
    }
    case 'sikh':
      return { sex, given, surnames: sikhSurnames(rng, culture, sex, father) };
    case 'spanish': {
      const first = father.surnames[0] ?? rng.pick(culture.surnames);
      const second = mother?.surnames[0] ?? rng.pick(culture.surnames);
      return { sex, given, surnames: [first, second] };
    }
    case 'paternal': {
      const line = father.surnames.length > 0 ? father.surnames : mother?.surnames ?? [];
      return { sex, given, surnames: line.map((s) => gendered(culture, masculine(culture, s), sex)) };
    }
  }
}

/** The name as written in the document and in Latin letters. */
export function renderName(culture: NameCulture, name: PersonName): { nameAsWritten: string; nameLatin: string } {
  const order = culture.familyFirst ? [...name.surnames, name.given] : [name.given, ...name.surnames];
  return {
    nameAsWritten: order.map((p) => p.w).join(culture.joinWritten),
    nameLatin: order.map((p) => p.l).join(' '),
  };
}

function distinct(rng: Rng, from: readonly NamePart[], n: number): NamePart[] {
  const out: NamePart[] = [];
  while (out.length < Math.min(n, from.length)) {
    const p = rng.pick(from);
    if (!out.includes(p)) out.push(p);
  }
  return out;
}

function sikhSurnames(rng: Rng, culture: NameCulture, sex: Sex, father: PersonName | undefined): NamePart[] {
  const fathersClan = father?.surnames[1];
  const clan = father ? fathersClan : rng.chance(0.6) ? rng.pick(culture.surnames) : undefined;
  return [sex === 'm' ? singh : kaur, ...(clan ? [clan] : [])];
}

function gendered(culture: NameCulture, s: NamePart, sex: Sex): NamePart {
  return sex === 'f' && culture.feminine ? culture.feminine(s) : s;
}

/** The masculine form back from a feminine one (Horváthová -> Horváth), for a mother's name passed on. */
function masculine(culture: NameCulture, s: NamePart): NamePart {
  if (!culture.feminine) return s;
  return culture.surnames.find((m) => culture.feminine?.(m).w === s.w) ?? s;
}
