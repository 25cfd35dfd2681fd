import { z } from 'zod';
import { caseStatuses } from '../case/lifecycle';
import type { CaseStatus } from '../case/lifecycle';
import { entityId, nationalityCode, isoDate, personName, uci } from './common';

/** How the person came to the programme (policy brief section 2). */
export const intakeChannels = ['walk_in', 'reporting_interview', 'email', 'phone'] as const;
export const intakeChannel = z.enum(intakeChannels, { error: 'validation.choice' });
export type IntakeChannel = z.infer<typeof intakeChannel>;

export { caseStatuses, type CaseStatus } from '../case/lifecycle';
export const caseStatus = z.enum(caseStatuses);

export const relationships = ['principal', 'spouse', 'child', 'other'] as const;
export const relationship = z.enum(relationships, { error: 'validation.choice' });

/** The identity facts of one person, as the front counter records them. */
export const personIdentity = z.object({
  nameAsWritten: personName,
  nameLatin: personName,
  dateOfBirth: isoDate,
  nationality: nationalityCode,
  uci: uci.optional(),
});
export type PersonIdentity = z.infer<typeof personIdentity>;

/** `case.create`: a new intake with its principal applicant. */
export const createCaseInput = z.object({
  channel: intakeChannel,
  principal: personIdentity,
});
export type CreateCaseInput = z.infer<typeof createCaseInput>;

/** `case.list`: one page of cases, optionally filtered by a search text. */
export const listCasesInput = z.object({
  query: z.string().max(100, { error: 'validation.too_long' }).optional(),
  limit: z.number().int().min(1).max(100).default(50),
  offset: z.number().int().min(0).max(1_000_000).default(0),
});
export type ListCasesInput = z.input<typeof listCasesInput>;

export const getCaseInput = z.object({ caseId: entityId });

export interface CaseSummary {
  id: string;
  caseNumber: string;
  status: CaseStatus;
  channel: IntakeChannel;
  principalNameAsWritten: string;
  principalNameLatin: string;
  principalDateOfBirth: string;
  principalNationality: string;
  personCount: number;
  updatedAt: string;
}

export interface CasePage {
  items: CaseSummary[];
  /** Matching cases, counted up to a cap (see `more`). */
  total: number;
  /** More cases match than `total` says ("1000+"). */
  more: boolean;
}
