import { z } from 'zod';
import type { CaseStatus } from '../case/lifecycle';
import { reportQuery } from '../reports/query';

/**
 * The Reports channels' inputs and outputs (shared/ipc/contract.ts: `report.*`).
 *
 * - `report.get` (report.read): the whole Report for a query.
 * - `report.cases` (report.read and case.read): the cases behind one number (its `cell`); audited.
 * - `report.exportCsv` (report.read): every table as CSV, aggregate numbers only.
 * - `report.exportPdf` (report.read): the report as a signed PDF.
 * - `report.exportCases` (report.export_cases, supervisor): one row per case with personal data; audited.
 * - `report.targets` / `report.setTarget` (settings.manage to set): removal targets per fiscal year.
 */
export const reportLangs = ['en', 'fr'] as const;

export const reportCasesInput = z.object({ query: reportQuery, cell: z.string().min(1).max(200) }).strict();
export const reportExportInput = z.object({ query: reportQuery, lang: z.enum(reportLangs) }).strict();

/** A removal target for one fiscal year (FY2013-14: fiscalYear 2013), recorded by a supervisor. */
export const setTargetInput = z
  .object({
    fiscalYear: z.number({ error: 'validation.invalid' }).int().min(2000, { error: 'validation.invalid' }).max(2100, { error: 'validation.invalid' }),
    removals: z.number({ error: 'validation.invalid' }).int({ error: 'validation.invalid' }).min(0, { error: 'validation.invalid' }).max(1_000_000, { error: 'validation.invalid' }),
    source: z.string().trim().min(3, { error: 'validation.required' }).max(500, { error: 'validation.too_long' }),
  })
  .strict();
export type SetTargetInput = z.infer<typeof setTargetInput>;

export interface RemovalTarget {
  fiscalYear: number;
  removals: number;
  source: string;
  /** Pre-filled from the programme brief (§8), not recorded by a supervisor. */
  historical: boolean;
  recordedAt: string | null;
  recordedBy: string | null;
}

/** One case behind a number, as the drill-down lists it. */
export interface ReportCaseRef {
  id: string;
  caseNumber: string;
  status: CaseStatus;
  appliedOn: string;
  principalName: string;
}

export interface ReportCases {
  cell: string;
  cases: ReportCaseRef[];
}

export interface ReportFile {
  filename: string;
  /** CSV text, or the PDF as base64. */
  content: string;
  mediaType: 'text/csv' | 'application/pdf';
  /** Set on a case-level export: it carries personal data out of the protected store. */
  personalData: boolean;
}
