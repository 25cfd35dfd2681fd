import { z } from 'zod';
import { intakeChannel, personIdentity, relationship } from '../../../shared/schema/case';
import { addYears } from './dates';

/** Parents are at least this many years older than their children (the generator's plausibility rule). */
export const MIN_PARENT_AGE_AT_BIRTH = 16;

/** One person of a demo family: the same identity facts the intake form records, plus their place in the family. */
export const demoPerson = personIdentity.extend({ relationship });
export type DemoPerson = z.infer<typeof demoPerson>;

/**
 * A synthetic family: the principal applicant first, then spouse, children and others (at most
 * six people, as the demo generator makes them). The principal alone is a valid `case.create`
 * input; the rest are the family members a later intake step adds.
 */
export const demoFamily = z
  .object({
    channel: intakeChannel,
    persons: z.array(demoPerson).min(1).max(6),
  })
  .superRefine((family, ctx) => {
    family.persons.forEach((p, i) => {
      if ((i === 0) !== (p.relationship === 'principal')) {
        ctx.addIssue({ code: 'custom', path: ['persons', i, 'relationship'], message: 'validation.invalid' });
      }
    });
    // A child is never older than a parent: the principal and spouse are the parents.
    const parents = family.persons.filter((p) => p.relationship === 'principal' || p.relationship === 'spouse');
    family.persons.forEach((p, i) => {
      if (p.relationship !== 'child') return;
      if (parents.some((parent) => addYears(parent.dateOfBirth, MIN_PARENT_AGE_AT_BIRTH) > p.dateOfBirth)) {
        ctx.addIssue({ code: 'custom', path: ['persons', i, 'dateOfBirth'], message: 'validation.invalid' });
      }
    });
  });
export type DemoFamily = z.infer<typeof demoFamily>;
