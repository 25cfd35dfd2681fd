import { z } from 'zod';
import { isRealIsoDate } from '../../../shared/schema/common';
import { IOM_IMPORT_MAX_BYTES, IOM_IMPORT_MAX_ROWS, iomColumns, iomStages } from '../../../shared/schema/iom-import';
import type { ImportReason, IomStage } from '../../../shared/schema/iom-import';
import { reintegrationCategories } from '../../../shared/schema/intake';
import { travelDocumentTypes } from '../../../shared/schema/stages';
import { parseCsv } from './csv';

/**
 * Reading IOM's status file (docs/iom-exchange.md): bytes -> UTF-8 text -> CSV records -> one
 * row each, with its stage's details parsed. Pure. A file that is not whole (too large, not
 * UTF-8, wrong header, cut mid-row, a broken quote, a record with the wrong number of fields)
 * is refused whole: `{ ok: false, reason }`. Rows that are whole but wrong are kept, `invalid`
 * with their reason, for the preview to show.
 */

/** A person as the referral packet numbers them: 1 is the first person the packet lists. */
const personNo = z.number().int().min(1).max(50);
const text = (max: number) => z.string().trim().min(1).max(max);
const isoDay = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isRealIsoDate(s));

/** The details each stage carries, as IOM writes them (JSON, snake_case keys). */
const detailSchemas = {
  travel_document_issued: z
    .object({
      documents: z
        .array(z.object({ person: personNo, type: z.enum(travelDocumentTypes), number: text(40), expiry_date: isoDay }).strict())
        .min(1)
        .max(20),
    })
    .strict(),
  travel_document_refused: z.object({ reason: text(2000) }).strict(),
  flight_booked: z.object({ flight_date: isoDay, departure_airport: z.string().regex(/^[A-Z]{3}$/), itinerary_reference: text(64) }).strict(),
  assistance: z
    .object({
      entries: z
        .array(
          z
            .object({
              person: personNo,
              category: z.enum(reintegrationCategories),
              committed_cad: z.number().int().min(0).max(100_000),
              delivered_cad: z.number().int().min(0).max(100_000),
            })
            .strict(),
        )
        .min(1)
        .max(200),
    })
    .strict(),
  follow_up: z.object({ notes: text(2000) }).strict(),
  declined: z.object({ reason: text(2000) }).strict(),
} as const;
const noDetails = z.object({}).strict();

/** A stage as the file says it, persons still by their number on the packet. */
export type FileStage =
  | { action: 'acknowledge'; iomReference: string }
  | { action: 'counsel' }
  | { action: 'recordTravelDocument'; outcome: 'not_needed' | 'requested'; documents: []; reason: '' }
  | { action: 'recordTravelDocument'; outcome: 'issued'; documents: { person: number; type: (typeof travelDocumentTypes)[number]; number: string; expiryDate: string }[]; reason: '' }
  | { action: 'recordTravelDocument'; outcome: 'refused'; documents: []; reason: string }
  | { action: 'bookFlight'; flightDate: string; departureAirport: string; itineraryReference: string }
  | { action: 'confirmArrival' }
  | { action: 'agreePlan' }
  | { action: 'recordAssistance'; entries: { person: number; category: (typeof reintegrationCategories)[number]; committedCad: number; deliveredCad: number }[] }
  | { action: 'recordFollowUp'; notes: string }
  | { action: 'close' }
  | { action: 'iomDecline'; reason: string };

export interface FileRow {
  /** 1 = the first row after the header. */
  row: number;
  packetNumber: string;
  iomReference: string;
  stage: string;
  date: string;
  /** Null when the row is invalid (then `invalid` says why). */
  parsed: FileStage | null;
  invalid: ImportReason | null;
}

export type FileResult = { ok: true; rows: FileRow[] } | { ok: false; reason: ImportReason };

const refuse = (key: string, params?: Record<string, string | number>): FileResult => ({ ok: false, reason: params ? { key, params } : { key } });

/** Base64 -> bytes, with the size cap checked before anything else. */
export function decodeFile(contentBase64: string): { ok: true; bytes: Uint8Array } | { ok: false; reason: ImportReason } {
  const padding = contentBase64.endsWith('==') ? 2 : contentBase64.endsWith('=') ? 1 : 0;
  const size = Math.floor((contentBase64.length * 3) / 4) - padding;
  if (size > IOM_IMPORT_MAX_BYTES) return { ok: false, reason: { key: 'iomImport.file.too_large', params: { max: IOM_IMPORT_MAX_BYTES / (1024 * 1024) } } };
  return { ok: true, bytes: Buffer.from(contentBase64, 'base64') };
}

export function readFile(bytes: Uint8Array): FileResult {
  if (bytes.length > IOM_IMPORT_MAX_BYTES) return refuse('iomImport.file.too_large', { max: IOM_IMPORT_MAX_BYTES / (1024 * 1024) });
  let content: string;
  try {
    // fatal: a byte sequence that is not UTF-8 refuses the file; the BOM, if any, is dropped.
    content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse('iomImport.file.not_utf8');
  }
  if (content.trim() === '') return refuse('iomImport.file.empty');
  const csv = parseCsv(content);
  if (!csv.ok) return csv.error === 'unterminated_quote' ? refuse('iomImport.file.cut_short') : refuse('iomImport.file.bad_quote', { row: csv.record - 1 });
  // A wholly empty line carries nothing (a spreadsheet's trailing blank lines).
  const records = csv.records.map((fields, i) => ({ fields, index: i })).filter((r) => !(r.fields.length === 1 && r.fields[0] === ''));
  const header = records[0];
  if (!header || header.index !== 0 || header.fields.length !== iomColumns.length || header.fields.some((f, i) => f.trim() !== iomColumns[i])) {
    return refuse('iomImport.file.bad_header', { expected: iomColumns.join(',') });
  }
  const data = records.slice(1);
  // The last record must be whole: ended by a line break (RFC 4180 makes it optional; here it
  // is what tells a whole file from one cut short).
  if (!csv.terminated) return refuse('iomImport.file.cut_short');
  if (data.length === 0) return refuse('iomImport.file.no_rows');
  if (data.length > IOM_IMPORT_MAX_ROWS) return refuse('iomImport.file.too_many_rows', { max: IOM_IMPORT_MAX_ROWS });
  const rows: FileRow[] = [];
  for (const [k, r] of data.entries()) {
    if (r.fields.length !== iomColumns.length) return refuse('iomImport.file.field_count', { row: k + 1, count: r.fields.length, expected: iomColumns.length });
    rows.push(readRow(k + 1, r.fields));
  }
  return { ok: true, rows };
}

function readRow(row: number, fields: string[]): FileRow {
  const [packetNumber = '', iomReference = '', stage = '', date = '', details = ''] = fields.map((f) => f.trim());
  const base = { row, packetNumber, iomReference, stage, date };
  const invalid = (key: string, params?: Record<string, string | number>): FileRow => ({ ...base, parsed: null, invalid: params ? { key, params } : { key } });
  if (packetNumber === '' || packetNumber.length > 64) return invalid('iomImport.invalid.packet_number');
  if (iomReference.length > 64) return invalid('iomImport.invalid.reference');
  if (stage === 'departed') return invalid('iomImport.invalid.departure_by_cbsa');
  if (!isIomStage(stage)) return invalid('iomImport.invalid.stage', { stage: stage.slice(0, 40) });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isRealIsoDate(date)) return invalid('iomImport.invalid.date');
  let json: unknown = {};
  if (details !== '') {
    try {
      json = JSON.parse(details);
    } catch {
      return invalid('iomImport.invalid.details_json');
    }
  }
  const parsed = stageOf(stage, iomReference, json);
  return parsed ? { ...base, parsed, invalid: null } : stage === 'acknowledged' && iomReference === '' ? invalid('iomImport.invalid.reference_required') : invalid('iomImport.invalid.details', { stage });
}

function isIomStage(s: string): s is IomStage {
  return (iomStages as readonly string[]).includes(s);
}

/** The stage's lifecycle action and facts, or null when its details do not fit. */
function stageOf(stage: IomStage, iomReference: string, json: unknown): FileStage | null {
  const none = noDetails.safeParse(json).success;
  switch (stage) {
    case 'acknowledged':
      return none && iomReference !== '' ? { action: 'acknowledge', iomReference } : null;
    case 'counselling_done':
      return none ? { action: 'counsel' } : null;
    case 'travel_document_not_needed':
      return none ? { action: 'recordTravelDocument', outcome: 'not_needed', documents: [], reason: '' } : null;
    case 'travel_document_requested':
      return none ? { action: 'recordTravelDocument', outcome: 'requested', documents: [], reason: '' } : null;
    case 'travel_document_issued': {
      const d = detailSchemas.travel_document_issued.safeParse(json);
      return d.success
        ? { action: 'recordTravelDocument', outcome: 'issued', reason: '', documents: d.data.documents.map((x) => ({ person: x.person, type: x.type, number: x.number, expiryDate: x.expiry_date })) }
        : null;
    }
    case 'travel_document_refused': {
      const d = detailSchemas.travel_document_refused.safeParse(json);
      return d.success ? { action: 'recordTravelDocument', outcome: 'refused', documents: [], reason: d.data.reason } : null;
    }
    case 'flight_booked': {
      const d = detailSchemas.flight_booked.safeParse(json);
      return d.success ? { action: 'bookFlight', flightDate: d.data.flight_date, departureAirport: d.data.departure_airport, itineraryReference: d.data.itinerary_reference } : null;
    }
    case 'arrived':
      return none ? { action: 'confirmArrival' } : null;
    case 'reintegration_plan_agreed':
      return none ? { action: 'agreePlan' } : null;
    case 'assistance': {
      const d = detailSchemas.assistance.safeParse(json);
      return d.success
        ? { action: 'recordAssistance', entries: d.data.entries.map((e) => ({ person: e.person, category: e.category, committedCad: e.committed_cad, deliveredCad: e.delivered_cad })) }
        : null;
    }
    case 'follow_up': {
      const d = detailSchemas.follow_up.safeParse(json);
      return d.success ? { action: 'recordFollowUp', notes: d.data.notes } : null;
    }
    case 'closed':
      return none ? { action: 'close' } : null;
    case 'declined': {
      const d = detailSchemas.declined.safeParse(json);
      return d.success ? { action: 'iomDecline', reason: d.data.reason } : null;
    }
  }
}
