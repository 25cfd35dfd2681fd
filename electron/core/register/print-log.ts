import en from '../../../shared/i18n/en.json' with { type: 'json' };
import fr from '../../../shared/i18n/fr.json' with { type: 'json' };
import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import type { PrintLogCsv, PrintLogDay } from '../../../shared/schema/documents-api';
import { officeDateTime, officeDayBounds } from '../../../shared/time/office-time';
import type { SignedInContext } from '../context';
import { csvCell } from '../audit/csv';
import { printsBetween } from './print-log-rows';

/**
 * The print log of one office day (the office's time zone): every print and reprint, with the
 * document and case numbers, who printed it, when, and which print of the document it was. No
 * names, dates of birth or other personal data of the persons. An audited read.
 */
export function printLogDay(ctx: SignedInContext, date: string): PrintLogDay {
  const bounds = officeDayBounds(date, ctx.clock.timeZone);
  if (!bounds) throw new IpcFailure(ipcError('invalid_input', { issues: [{ path: ['date'], messageKey: 'validation.date_invalid' }] }));
  return ctx.tx(null, () => {
    ctx.auditDetail(`day=${date}`);
    const rows = printsBetween(ctx.db().sqlite, bounds.start.toISOString(), bounds.end.toISOString());
    const lines = rows.map((r) => ({ at: r.at, documentNumber: r.document_number, caseNumber: r.case_number, type: r.type, kind: r.kind, printNumber: r.print_number, by: r.by_name }));
    return { date, lines, prints: lines.filter((l) => l.kind === 'print').length, reprints: lines.filter((l) => l.kind === 'reprint').length };
  });
}

const words = { en: { ...en.printLog, types: en.documents.types }, fr: { ...fr.printLog, types: fr.documents.types } } as const;

/**
 * The day's log as CSV (RFC 4180, CRLF, a UTF-8 byte order mark so a spreadsheet reads the
 * accents; a cell starting with = + - @ is made harmless), headers and words in the chosen
 * language, times in the office's time zone.
 */
export function printLogCsv(ctx: SignedInContext, input: { date: string; lang: 'en' | 'fr' }): PrintLogCsv {
  const day = printLogDay(ctx, input.date);
  const w = words[input.lang];
  const header = [w.col.time, w.col.document, w.col.case, w.col.type, w.col.kind, w.col.printNumber, w.col.by];
  const lines = day.lines.map((l) => [
    officeDateTime(new Date(l.at), ctx.clock.timeZone).replace('T', ' '),
    l.documentNumber,
    l.caseNumber,
    w.types[l.type],
    w.kind[l.kind],
    String(l.printNumber),
    l.by,
  ]);
  const csv = '\uFEFF' + [header, ...lines].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
  return { filename: `print-log-${input.date}-${input.lang}.csv`, csv };
}
