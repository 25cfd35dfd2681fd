/**
 * The policy staff's case files: every tests/rules/cases/*.json is a case file (the same format
 * `npm run rules -- explain` reads) plus a "description" and the "expected" decision.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { caseFileSchema, evaluateCase, OUTCOMES, REASON_CODES, TIERS, FACT_PATHS } from '../../shared/rules/index';

const dir = join(import.meta.dirname, 'cases');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

const expectedPerson = z.strictObject({
  outcome: z.enum(OUTCOMES),
  reasons: z.array(z.enum(REASON_CODES)).optional(),
  tier: z.enum(TIERS).nullable().optional(),
  maxAmountCad: z.number().nullable().optional(),
  missing: z.array(z.enum(FACT_PATHS)).optional(),
  minor: z.boolean().optional(),
});
const expectedSchema = z.strictObject({
  outcome: z.enum(OUTCOMES),
  reasons: z.array(z.enum(REASON_CODES)).optional(),
  persons: z.record(z.string(), expectedPerson),
});

describe('case files', () => {
  it('has at least 60 readable case files, each with a description and an expectation', () => {
    expect(files.length).toBeGreaterThanOrEqual(60);
  });

  it.each(files)('%s', (file) => {
    const raw: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const parsed = caseFileSchema.parse(raw);
    expect(parsed.description, 'a description a policy officer can read').toMatch(/\w{3,}/);
    const expected = expectedSchema.parse(parsed.expected);
    const decision = evaluateCase({ applicationDate: parsed.applicationDate, persons: parsed.persons });

    expect(decision.outcome, 'case outcome').toBe(expected.outcome);
    if (expected.reasons) expect(decision.reasons.map((r) => r.code), 'case reasons').toEqual(expected.reasons);
    expect(Object.keys(expected.persons).sort(), 'every person has an expectation').toEqual(decision.persons.map((p) => p.id).sort());

    for (const person of decision.persons) {
      const want = expected.persons[person.id];
      if (!want) throw new Error(`no expectation for ${person.id}`);
      const label = `${person.id}`;
      expect(person.outcome, `${label} outcome`).toBe(want.outcome);
      if (want.reasons) expect(person.reasons.map((r) => r.code), `${label} reasons`).toEqual(want.reasons);
      if (want.tier !== undefined) expect(person.assistance.tier, `${label} tier`).toBe(want.tier);
      if (want.maxAmountCad !== undefined) expect(person.assistance.maxAmountCad, `${label} maxAmountCad`).toBe(want.maxAmountCad);
      if (want.missing) expect(person.missing, `${label} missing`).toEqual(want.missing);
      if (want.minor !== undefined) expect(person.minor, `${label} minor`).toBe(want.minor);
    }
  });
});
