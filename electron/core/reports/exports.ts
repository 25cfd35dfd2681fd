import { casesInCell, cellId } from '../../../shared/reports/cells';
import { reportCsv } from '../../../shared/reports/csv';
import type { ReportQuery } from '../../../shared/reports/query';
import type { ReportFile } from '../../../shared/schema/reports-api';
import type { SignedInContext } from '../context';
import type { OfficeCertificate } from '../documents';
import { documentStep } from '../register/document-failure';
import { caseExportCsv, caseExportFilename } from './case-export';
import { signedReportPdf } from './pdf';
import { buildReport, queryDetail, reportEnv, reportInputs } from './service';
import type { ReportLang } from './text';

/**
 * The report's exports (named as the CSV of the tables is: avrr-report_FROM_TO_BASIS_LANG): every table as CSV (aggregate numbers only, shared/reports/csv.ts), the
 * signed PDF (./pdf.ts), and the supervisor's case-level CSV (./case-export.ts, personal data).
 * Each is an audited read naming its query (and, for the cases, how many rows left the store).
 */

export function exportCsv(ctx: SignedInContext, input: { query: ReportQuery; lang: ReportLang }): ReportFile {
  ctx.auditDetail(`${queryDetail(input.query)};lang=${input.lang}`);
  const { filename, csv } = reportCsv(buildReport(ctx.db(), input.query, reportEnv(ctx)), input.lang);
  return { filename, content: csv, mediaType: 'text/csv', personalData: false };
}

export async function exportPdf(
  ctx: SignedInContext,
  input: { query: ReportQuery; lang: ReportLang },
  deps: { certificate: () => OfficeCertificate; fontsDir?: string | undefined },
): Promise<ReportFile> {
  ctx.auditDetail(`${queryDetail(input.query)};lang=${input.lang}`);
  const env = reportEnv(ctx);
  const report = buildReport(ctx.db(), input.query, env);
  const certificate = deps.certificate();
  const pdf = await documentStep(() => signedReportPdf(report, certificate, { lang: input.lang, timeZone: env.timeZone, now: env.now, fontsDir: deps.fontsDir }));
  return { filename: `avrr-report_${input.query.from}_${input.query.to}_${input.query.basis}_${input.lang}.pdf`, content: Buffer.from(pdf).toString('base64'), mediaType: 'application/pdf', personalData: false };
}

/** Supervisor only (report.export_cases): the cases the report counts, one row each, with names. */
export function exportCases(ctx: SignedInContext, input: { query: ReportQuery; lang: ReportLang }): ReportFile {
  const open = ctx.db();
  const { cases, ctx: reportCtx } = reportInputs(open, reportEnv(ctx));
  const counted = casesInCell(cases, input.query, reportCtx, cellId({ kind: 'cases' }));
  ctx.auditDetail(`${queryDetail(input.query)};lang=${input.lang};cases=${counted.length}`);
  return { filename: caseExportFilename(input.query), content: caseExportCsv(open.sqlite, counted, input.lang), mediaType: 'text/csv', personalData: true };
}
