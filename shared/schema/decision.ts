import { z } from 'zod';
import { OUTCOMES, REASON_CODES, TIERS } from '../rules/codes';
import { FACT_PATHS } from '../rules/facts';
import type { FactPath } from '../rules/facts';
import { policy } from '../rules/policy';
import type { ParameterName } from '../rules/policy';
import type { CaseDecision } from '../rules/types';

/**
 * The rules' result as stored with a decision (decisions.result): parsed with this schema when
 * read, so a row that does not match is an error, never a silently wrong decision.
 */
const factPath = z.custom<FactPath>((v) => typeof v === 'string' && ((FACT_PATHS as readonly string[]).includes(v) || v === 'applicationDate' || v === 'persons'));
const parameterName = z.custom<ParameterName>((v) => typeof v === 'string' && Object.prototype.hasOwnProperty.call(policy.parameters, v));
const text = z.object({ en: z.string(), fr: z.string() });

const trace = z.object({
  date: z.string(),
  facts: z.array(z.object({ path: factPath, value: z.unknown() })),
  parameters: z.array(z.object({ name: parameterName, from: z.string().nullable(), value: z.unknown(), source: z.string() })),
});

const reason = z.object({ code: z.enum(REASON_CODES), text, reference: z.string(), trace });

const personDecision = z.object({
  id: z.string(),
  outcome: z.enum(OUTCOMES),
  reasons: z.array(reason),
  missing: z.array(factPath),
  assistance: z.object({ tier: z.enum(TIERS).nullable(), maxAmountCad: z.number().nullable(), basis: reason.nullable() }),
  minor: z.boolean().nullable(),
});

export const caseDecisionSchema = z.object({
  outcome: z.enum(OUTCOMES),
  policyVersion: z.string(),
  applicationDate: z.string(),
  reasons: z.array(reason),
  persons: z.array(personDecision),
}) satisfies z.ZodType<CaseDecision>;
