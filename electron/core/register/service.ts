import { createHash, randomUUID } from 'node:crypto';
import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import { can } from '../../../shared/roles';
import type { DocumentType, PrintResult } from '../../../shared/schema/documents-api';
import type { Officer } from '../../../shared/schema/documents';
import { packetContentHash } from '../documents';
import type { DocumentEngine } from '../documents/engine';
import type { OfficeCertificate } from '../documents';
import type { SignedInContext } from '../context';
import type { Db, Sqlite } from '../db/open';
import { readAuditHead } from '../audit/head';
import { documentStep } from './document-failure';
import { countDocuments, documentForView, inPrintQueue, insertDocument, printableDocument } from './document-rows';
import { isForIom } from '../../../shared/print/for-iom';
import { logPrint, printCount } from './print-log-rows';

export { listCaseDocuments, printQueue, supersedePackets } from './document-rows';
export { consentOf } from './consent-rows';

export interface RegisterDeps {
  /** The office-certificate key (electron/core/keys/derived-keys.ts): opens the sealed signing certificate. */
  certificateKey(): Buffer;
  fontsDir?: string | undefined;
  /** Renders and signs: in this thread on a workstation, in worker threads on the office server. */
  documents: DocumentEngine;
  /** Electron: the system print dialog. Absent in the browser harness, which downloads instead. */
  printer?: ((pdf: Uint8Array) => Promise<{ printed: boolean }>) | undefined;
}

const typeCode: Record<DocumentType, string> = { consent_form: 'CF', referral_packet: 'RP', withdrawal_form: 'WF', withdrawal_notice: 'WN', ineligibility_letter: 'IL' };
/** Where documents are signed (reports and the information-request export sign with it too). */
export { SIGNING_LOCATION } from '../documents/engine';

/** The next number for a document of this type on this case: AVRR-2026-000123-RP-01. */
export function nextDocumentNumber(db: Db, caseId: string, caseNumber: string, type: DocumentType): { number: string; version: number } {
  const n = countDocuments(db, caseId, type) + 1;
  return { number: `${caseNumber}-${typeCode[type]}-${String(n).padStart(2, '0')}`, version: n };
}

/** The audit chain's current head (the MAC of its last entry), embedded in every packet. */
export function auditHead(sqlite: Sqlite): string {
  return readAuditHead(sqlite)?.mac ?? '0'.repeat(64);
}

export interface Rendered {
  type: DocumentType;
  number: string;
  version: number;
  input: unknown;
  pdf: Uint8Array;
  contentHash: string | null;
  certificateId: string | null;
  /** Consent forms: the intake version and the persons the form was made for. */
  covers?: { intakeVersion: number; personIds: string[] } | undefined;
}

/** Render a document and sign it with the office certificate (when one is given). */
export async function renderAndSign(
  type: DocumentType,
  input: unknown,
  cert: { id: string; cert: OfficeCertificate } | null,
  deps: RegisterDeps,
  now: Date,
): Promise<{ pdf: Uint8Array; contentHash: string | null; certificateId: string | null }> {
  return documentStep(async () => {
    const pdf = await deps.documents.make({ type, input, certificate: cert?.cert ?? null, now, fontsDir: deps.fontsDir });
    return { pdf, contentHash: type === 'referral_packet' ? packetContentHash(input) : null, certificateId: cert?.id ?? null };
  });
}

/** Store a generated document in the register (inside the caller's transaction). */
export function storeDocument(db: Db, caseId: string, r: Rendered, by: string, at: string): string {
  const id = randomUUID();
  const sha256 = createHash('sha256').update(r.pdf).digest('hex');
  insertDocument(db, {
    id,
    number: r.number,
    type: r.type,
    caseId,
    version: r.version,
    sha256,
    contentHash: r.contentHash,
    input: JSON.stringify(r.input),
    pdf: Buffer.from(r.pdf),
    signed: Boolean(r.certificateId),
    certificateId: r.certificateId,
    generatedAt: at,
    generatedBy: by,
    intakeVersion: r.covers?.intakeVersion ?? null,
    personIds: r.covers ? JSON.stringify(r.covers.personIds) : null,
  });
  return id;
}

/**
 * Print (or download) a document. The first print is the document as generated; every later
 * one is a reprint: the same content rendered again, stamped "COPY / COPIE" with the reprint
 * date, and signed afresh (a signed PDF is never altered). Each is logged and audited.
 */
export async function printDocument(
  ctx: SignedInContext,
  deps: RegisterDeps,
  input: { documentId: string; forFile?: boolean | undefined },
  cert: { id: string; cert: OfficeCertificate } | null,
): Promise<PrintResult> {
  const { db } = ctx.db();
  const by = ctx.session.userId;
  const documentId = input.documentId;
  const doc = printableDocument(db, documentId);
  if (!doc) throw new IpcFailure(ipcError('not_found'));
  // A clerk prints what goes to IOM (and copies of it); consent and withdrawal forms are the officers'.
  if (!can(ctx.session.role, 'document.read') && !isForIom(doc.type)) throw new IpcFailure(ipcError('forbidden', { messageKey: 'errors.document_not_for_print' }));
  // A superseded packet, or an IOM document of a withdrawn case, is never printed as current:
  // only a copy for the file, stamped COPY.
  const stale = doc.supersededAt !== null || (doc.caseStatus === 'withdrawn' && doc.type === 'referral_packet');
  if (stale && !input.forFile) throw new IpcFailure(ipcError('rejected', { messageKey: 'errors.document_superseded' }));
  const printed = input.forFile === true || printCount(db, documentId) > 0;
  const now = ctx.now();
  let pdf: Uint8Array = doc.pdf;
  if (printed) {
    const input: unknown = JSON.parse(doc.input);
    pdf = await documentStep(() => deps.documents.make({ type: doc.type, input, certificate: cert?.cert ?? null, now, fontsDir: deps.fontsDir, copyOn: ctx.clock.today() }));
  }
  const filename = `${doc.number}${printed ? '-COPY' : ''}.pdf`;
  let mode: PrintResult['mode'] = 'download';
  if (deps.printer) {
    const r = await deps.printer(pdf);
    if (!r.printed) throw new IpcFailure(ipcError('rejected', { messageKey: 'errors.print_cancelled' }));
    mode = 'printed';
  }
  ctx.tx(
    doc.caseId,
    () => logPrint(db, documentId, printed ? 'reprint' : 'print', by, now.toISOString()),
    { action: printed ? 'document.reprint' : 'document.print' },
  );
  return { mode, copy: printed, filename, pdfBase64: mode === 'download' ? Buffer.from(pdf).toString('base64') : null };
}

/**
 * View a document as generated (a download in the harness); audited, not logged as a print.
 * Without `document.read` (a clerk) only a document waiting in the print queue: the clerk checks
 * what they are about to print, and has no reason to read the rest of the register.
 */
export function viewDocument(ctx: SignedInContext, documentId: string): PrintResult {
  const { db, sqlite } = ctx.db();
  const doc = documentForView(db, documentId);
  if (!doc) throw new IpcFailure(ipcError('not_found'));
  if (!can(ctx.session.role, 'document.read') && !inPrintQueue(sqlite, documentId)) throw new IpcFailure(ipcError('forbidden', { messageKey: 'errors.document_not_in_queue' }));
  return ctx.tx(doc.caseId, () => ({ mode: 'download' as const, copy: false, filename: `${doc.number}.pdf`, pdfBase64: doc.pdf.toString('base64') }));
}

export type { Officer };
