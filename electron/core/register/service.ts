import { createHash, randomUUID } from 'node:crypto';
import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import type { ConsentRecord, DocumentInfo, DocumentType, PrintResult } from '../../../shared/schema/documents-api';
import type { Officer } from '../../../shared/schema/documents';
import { packetContentHash, renderConsentForm, renderReferralPacket, renderWithdrawalForm, renderWithdrawalNotice, signPdf, stampCopy } from '../documents';
import type { OfficeCertificate } from '../documents';
import type { CallContext, SignedInContext } from '../context';
import type { Sqlite } from '../db/open';
import { documentStep } from './document-failure';

export interface RegisterDeps {
  dbKey(): Buffer;
  fontsDir?: string | undefined;
  /** Electron: the system print dialog. Absent in the browser harness, which downloads instead. */
  printer?: ((pdf: Uint8Array) => Promise<{ printed: boolean }>) | undefined;
}

const typeCode: Record<DocumentType, string> = { consent_form: 'CF', referral_packet: 'RP', withdrawal_form: 'WF', withdrawal_notice: 'WN' };
const signReason: Record<DocumentType, string> = {
  consent_form: 'AVRR consent form / Formulaire de consentement ARVR',
  referral_packet: 'Referral to IOM / Aiguillage vers l’OIM',
  withdrawal_form: 'AVRR withdrawal form / Formulaire de retrait ARVR',
  withdrawal_notice: 'Withdrawal notice to IOM / Avis de retrait à l’OIM',
};
export const SIGNING_LOCATION = 'CBSA, 6900 Airport Road, Mississauga, Ontario';

/** The next number for a document of this type on this case: AVRR-2026-000123-RP-01. */
export function nextDocumentNumber(sqlite: Sqlite, caseId: string, caseNumber: string, type: DocumentType): { number: string; version: number } {
  const n = (sqlite.prepare('SELECT count(*) AS n FROM documents WHERE case_id = ? AND type = ?').get(caseId, type) as { n: number }).n + 1;
  return { number: `${caseNumber}-${typeCode[type]}-${String(n).padStart(2, '0')}`, version: n };
}

/** The audit chain's current head (the MAC of its last entry), embedded in every packet. */
export function auditHead(sqlite: Sqlite): string {
  const row = sqlite.prepare('SELECT mac FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { mac: string } | undefined;
  return row?.mac ?? '0'.repeat(64);
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
    const opts = { ...(deps.fontsDir ? { fontsDir: deps.fontsDir } : {}), now };
    const unsigned =
      type === 'consent_form'
        ? await renderConsentForm(input, opts)
        : type === 'referral_packet'
          ? await renderReferralPacket(input, opts)
          : type === 'withdrawal_form'
            ? await renderWithdrawalForm(input, opts)
            : await renderWithdrawalNotice(input, opts);
    const pdf = cert ? await signPdf(unsigned, { certificate: cert.cert, reason: signReason[type], location: SIGNING_LOCATION, signingTime: now }) : unsigned;
    return { pdf, contentHash: type === 'referral_packet' ? packetContentHash(input) : null, certificateId: cert?.id ?? null };
  });
}

/** Store a generated document in the register (inside the caller's transaction). */
export function storeDocument(sqlite: Sqlite, caseId: string, r: Rendered, by: string, at: string): string {
  const id = randomUUID();
  const sha256 = createHash('sha256').update(r.pdf).digest('hex');
  sqlite
    .prepare(
      `INSERT INTO documents (id, number, type, case_id, version, sha256, content_hash, input, pdf, signed, certificate_id, generated_at, generated_by, intake_version, person_ids)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id, r.number, r.type, caseId, r.version, sha256, r.contentHash, JSON.stringify(r.input), Buffer.from(r.pdf), r.certificateId ? 1 : 0, r.certificateId, at, by,
      r.covers?.intakeVersion ?? null, r.covers ? JSON.stringify(r.covers.personIds) : null,
    );
  return id;
}

/** A withdrawn case's referral packets: out of the print queue, never printed again as current (inside the caller's transaction). */
export function supersedePackets(sqlite: Sqlite, caseId: string, at: string): void {
  sqlite.prepare(`UPDATE documents SET superseded_at = ? WHERE case_id = ? AND type = 'referral_packet' AND superseded_at IS NULL`).run(at, caseId);
}

interface DocRow {
  id: string;
  number: string;
  type: DocumentType;
  case_id: string;
  case_number: string;
  version: number;
  sha256: string;
  content_hash: string | null;
  signed: number;
  generated_at: string;
  generated_by: string;
  superseded_at: string | null;
  print_count: number;
  last_printed_at: string | null;
}

const docSelect = `SELECT d.id, d.number, d.type, d.case_id, c.case_number, d.version, d.sha256, d.content_hash, d.signed, d.generated_at, d.superseded_at,
       COALESCE(u.display_name, d.generated_by) AS generated_by,
       (SELECT count(*) FROM print_log l WHERE l.document_id = d.id AND l.kind IN ('print', 'reprint')) AS print_count,
       (SELECT max(at) FROM print_log l WHERE l.document_id = d.id AND l.kind IN ('print', 'reprint')) AS last_printed_at
  FROM documents d JOIN cases c ON c.id = d.case_id LEFT JOIN users u ON u.id = d.generated_by`;

function toInfo(r: DocRow): DocumentInfo {
  return {
    id: r.id,
    number: r.number,
    type: r.type,
    caseId: r.case_id,
    caseNumber: r.case_number,
    version: r.version,
    sha256: r.sha256,
    contentHash: r.content_hash,
    signed: r.signed === 1,
    generatedAt: r.generated_at,
    generatedBy: r.generated_by,
    superseded: r.superseded_at !== null,
    printCount: r.print_count,
    lastPrintedAt: r.last_printed_at,
  };
}

export function listCaseDocuments(sqlite: Sqlite, caseId: string): DocumentInfo[] {
  return (sqlite.prepare(`${docSelect} WHERE d.case_id = ? ORDER BY d.generated_at`).all(caseId) as DocRow[]).map(toInfo);
}

/** The clerk's queue: packets and notices for IOM not printed yet, oldest first. */
export function printQueue(sqlite: Sqlite): DocumentInfo[] {
  return (
    sqlite
      .prepare(`${docSelect} WHERE d.type IN ('referral_packet', 'withdrawal_notice') AND d.superseded_at IS NULL AND NOT EXISTS (SELECT 1 FROM print_log l WHERE l.document_id = d.id AND l.kind IN ('print', 'reprint')) ORDER BY d.generated_at LIMIT 200`)
      .all() as DocRow[]
  ).map(toInfo);
}

export function consentOf(sqlite: Sqlite, caseId: string): (ConsentRecord & { formNumber: string }) | null {
  const row = sqlite
    .prepare(`SELECT c.document_id, c.signed_on, c.signers, c.recorded_at, c.recorded_by, d.number FROM consents c JOIN documents d ON d.id = c.document_id WHERE c.case_id = ? ORDER BY c.recorded_at DESC LIMIT 1`)
    .get(caseId) as { document_id: string; signed_on: string; signers: string; recorded_at: string; recorded_by: string; number: string } | undefined;
  if (!row) return null;
  return { documentId: row.document_id, signedOn: row.signed_on, signers: JSON.parse(row.signers) as ConsentRecord['signers'], recordedAt: row.recorded_at, recordedBy: row.recorded_by, formNumber: row.number };
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
  const { sqlite } = ctx.db();
  const by = ctx.session.userId;
  const documentId = input.documentId;
  const doc = sqlite
    .prepare<[string], { id: string; number: string; type: DocumentType; case_id: string; input: string; pdf: Buffer; superseded_at: string | null; status: string }>(
      'SELECT d.id, d.number, d.type, d.case_id, d.input, d.pdf, d.superseded_at, c.status FROM documents d JOIN cases c ON c.id = d.case_id WHERE d.id = ?',
    )
    .get(documentId);
  if (!doc) throw new IpcFailure(ipcError('not_found'));
  // A superseded packet, or an IOM document of a withdrawn case, is never printed as current:
  // only a copy for the file, stamped COPY.
  const stale = doc.superseded_at !== null || (doc.status === 'withdrawn' && doc.type === 'referral_packet');
  if (stale && !input.forFile) throw new IpcFailure(ipcError('rejected', { messageKey: 'errors.document_superseded' }));
  const printed = input.forFile === true || (sqlite.prepare(`SELECT count(*) AS n FROM print_log WHERE document_id = ? AND kind IN ('print', 'reprint')`).get(documentId) as { n: number }).n > 0;
  const now = ctx.now();
  let pdf: Uint8Array = doc.pdf;
  if (printed) {
    pdf = await documentStep(async () => {
      const opts = { ...(deps.fontsDir ? { fontsDir: deps.fontsDir } : {}), now };
      const input: unknown = JSON.parse(doc.input);
      const fresh =
        doc.type === 'consent_form'
          ? await renderConsentForm(input, opts)
          : doc.type === 'referral_packet'
            ? await renderReferralPacket(input, opts)
            : doc.type === 'withdrawal_form'
              ? await renderWithdrawalForm(input, opts)
              : await renderWithdrawalNotice(input, opts);
      const stamped = await stampCopy(fresh, ctx.clock.today(), deps.fontsDir ? { fontsDir: deps.fontsDir } : {});
      return cert ? signPdf(stamped, { certificate: cert.cert, reason: signReason[doc.type], location: SIGNING_LOCATION, signingTime: now }) : stamped;
    });
  }
  const filename = `${doc.number}${printed ? '-COPY' : ''}.pdf`;
  let mode: PrintResult['mode'] = 'download';
  if (deps.printer) {
    const r = await deps.printer(pdf);
    if (!r.printed) throw new IpcFailure(ipcError('rejected', { messageKey: 'errors.print_cancelled' }));
    mode = 'printed';
  }
  ctx.tx(
    doc.case_id,
    () => {
      sqlite.prepare('INSERT INTO print_log (id, document_id, kind, at, by) VALUES (?, ?, ?, ?, ?)').run(randomUUID(), documentId, printed ? 'reprint' : 'print', now.toISOString(), by);
    },
    { action: printed ? 'document.reprint' : 'document.print' },
  );
  return { mode, copy: printed, filename, pdfBase64: mode === 'download' ? Buffer.from(pdf).toString('base64') : null };
}

/** View a document as generated (a download in the harness); audited, not logged as a print. */
export function viewDocument(ctx: CallContext, documentId: string): PrintResult {
  const { sqlite } = ctx.db();
  const doc = sqlite.prepare('SELECT number, case_id, pdf FROM documents WHERE id = ?').get(documentId) as { number: string; case_id: string; pdf: Buffer } | undefined;
  if (!doc) throw new IpcFailure(ipcError('not_found'));
  return ctx.tx(doc.case_id, () => ({ mode: 'download' as const, copy: false, filename: `${doc.number}.pdf`, pdfBase64: doc.pdf.toString('base64') }));
}

export type { Officer };
