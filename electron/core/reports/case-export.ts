import { z } from 'zod';
import type { ReportQuery } from '../../../shared/reports/query';
import type { ReportCase } from '../../../shared/reports/report-case';
import { csvCell } from '../audit/csv';
import type { Sqlite } from '../db/open';
import { reportText } from './text';
import type { ReportLang } from './text';

/**
 * The case-level export (supervisor only, audited by the channel): one row per case the report
 * counts, with the principal's names and date of birth, the case's dates, status, decision in
 * force and exit. Personal data: the screen warns before it leaves the protected store. CSV as
 * the audit export writes it (RFC 4180, CRLF, formula-looking cells guarded: audit/csv.ts).
 */
export const CASE_EXPORT_COLUMNS = [
  'caseNumber',
  'principalNameLatin',
  'principalNameAsWritten',
  'dateOfBirth',
  'persons',
  'nationality',
  'countryOfReturn',
  'appliedOn',
  'intakeOn',
  'screenedOn',
  'decidedOn',
  'consentedOn',
  'referredOn',
  'departedOn',
  'status',
  'outcome',
  'exit',
  'exitOn',
] as const;

const principalRows = z.array(z.object({ caseId: z.string(), nameLatin: z.string(), nameAsWritten: z.string(), dateOfBirth: z.string() }));

type Principal = { nameLatin: string; nameAsWritten: string; dateOfBirth: string };

function principals(sqlite: Sqlite, caseIds: readonly string[]): Map<string, Principal> {
  const out = new Map<string, Principal>();
  for (let i = 0; i < caseIds.length; i += 1000) {
    const chunk = caseIds.slice(i, i + 1000);
    const rows = principalRows.parse(
      sqlite
        .prepare(
          `SELECT case_id AS caseId, name_latin AS nameLatin, name_as_written AS nameAsWritten, date_of_birth AS dateOfBirth
             FROM persons WHERE position = 0 AND case_id IN (${chunk.map(() => '?').join(',')})`,
        )
        .all(...chunk),
    );
    for (const { caseId, ...p } of rows) out.set(caseId, p);
  }
  return out;
}

export function caseExportCsv(sqlite: Sqlite, cases: readonly ReportCase[], lang: ReportLang): string {
  const t = reportText(lang);
  const sorted = [...cases].sort((a, b) => (a.caseNumber < b.caseNumber ? -1 : a.caseNumber > b.caseNumber ? 1 : 0));
  const names = principals(sqlite, sorted.map((c) => c.id));
  const lines = [CASE_EXPORT_COLUMNS.map((k) => csvCell(t(`reports.pdf.caseExport.${k}`))).join(',')];
  for (const c of sorted) {
    const p = names.get(c.id);
    const cells: Record<(typeof CASE_EXPORT_COLUMNS)[number], string | null> = {
      caseNumber: c.caseNumber,
      principalNameLatin: p?.nameLatin ?? null,
      principalNameAsWritten: p?.nameAsWritten ?? null,
      dateOfBirth: p?.dateOfBirth ?? null,
      persons: String(c.persons),
      nationality: c.nationality,
      countryOfReturn: c.countryOfReturn,
      appliedOn: c.appliedOn,
      intakeOn: c.intakeOn,
      screenedOn: c.screenedOn,
      decidedOn: c.decision?.decidedOn ?? null,
      consentedOn: c.consentedOn,
      referredOn: c.referredOn,
      departedOn: c.stages.departedOn,
      status: t(`status.${c.status}`),
      outcome: c.decision ? t(`outcome.${c.decision.outcome}`) : null,
      exit: c.exit ? t(`reports.exit.${c.exit.kind}`) : null,
      exitOn: c.exit?.on ?? null,
    };
    lines.push(CASE_EXPORT_COLUMNS.map((k) => csvCell(cells[k])).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

export function caseExportFilename(q: ReportQuery): string {
  return `avrr-cases_${q.from}_${q.to}_${q.basis}.csv`;
}
