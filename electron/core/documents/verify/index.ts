/** Checking a signed PDF against this office: the screen's channel and `npm run verify-pdf` both call checkDocument. */
import type { DocumentCheck } from '../../../../shared/schema/document-check';
import type { Sqlite } from '../../db/open';
import { readEmbeddedPacketData } from './embedded';
import { inspectSignedPdf } from './inspect';
import { judge } from './judge';
import { officeOf } from './office';

export { readEmbeddedPacketData } from './embedded';
export type { EmbeddedFinding } from './embedded';
export { inspectSignedPdf } from './inspect';
export type { SignatureFindings } from './inspect';
export { judge } from './judge';
export type { Office } from './judge';
export { officeOf } from './office';

/** What the file says (signature, embedded packet data), judged against this folder. */
export async function checkDocument(pdf: Uint8Array, sqlite: Sqlite): Promise<DocumentCheck> {
  const findings = inspectSignedPdf(pdf);
  const embedded = await readEmbeddedPacketData(pdf, findings.signature?.signedBytes ?? null);
  return judge(findings, officeOf(sqlite), embedded);
}
