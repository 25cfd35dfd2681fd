import { z } from 'zod';
import { casePhases, caseStatuses } from '../case/lifecycle';
import type { CaseStatus } from '../case/lifecycle';
import { entityId, nationalityCode, isoDate, personName, uci } from './common';
import { CASE_PAGE_SIZE_MAX } from './limits';
import type { SearchQuery } from '../case/search-query';

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

/** How the case list can be ordered (the Cases screen's column headers). */
export const caseSortKeys = ['updated', 'caseNumber', 'name', 'applicationDate', 'status'] as const;
export type CaseSortKey = (typeof caseSortKeys)[number];

/**
 * `case.list`: one page of cases, optionally filtered by a search text (shared/case/search-query.ts)
 * and by status or phase, channel, officer (who created or last changed it), application dates
 * and "needs my action" (the signed-in officer's own work: see cases/list-query.ts).
 */
export const listCasesInput = z.object({
  query: z.string().max(100, { error: 'validation.too_long' }).optional(),
  status: z.enum(caseStatuses).optional(),
  phase: z.enum(casePhases).optional(),
  channel: intakeChannel.optional(),
  officer: entityId.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  needsMyAction: z.boolean().optional(),
  sort: z.enum(caseSortKeys).default('updated'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  limit: z.number().int().min(1).max(CASE_PAGE_SIZE_MAX).default(50),
  offset: z.number().int().min(0).max(1_000_000).default(0),
});
export type ListCasesInput = z.input<typeof listCasesInput>;
export type ListCasesQuery = z.output<typeof listCasesInput>;

/** An officer the list can be filtered by (`case.officers`): id and name only. */
export interface OfficerOption {
  id: string;
  displayName: string;
}

export const getCaseInput = z.object({ caseId: entityId });

export interface CaseSummary {
  id: string;
  caseNumber: string;
  status: CaseStatus;
  channel: IntakeChannel;
  principalNameAsWritten: string;
  principalNameLatin: string;
  /** Null for a reader without case.read_facts (a clerk sees names, numbers and status only). */
  principalDateOfBirth: string | null;
  principalNationality: string | null;
  applicationDate: string | null;
  personCount: number;
  updatedAt: string;
}

export interface CasePage {
  items: CaseSummary[];
  /** Matching cases, counted up to a cap (see `more`). */
  total: number;
  /** More cases match than `total` says ("1000+"). */
  more: boolean;
  /** What the search text was read as (a date read both ways is shown as such). */
  understood?: SearchQuery | null;
}
