/** Checking a signed PDF against this office: the screen's channel and `npm run verify-pdf` both call checkDocument. */
import type { DocumentCheck } from '../../../../shared/schema/document-check';
import type { Sqlite } from '../../db/open';
import { inspectSignedPdf } from './inspect';
import { judge } from './judge';
import { officeOf } from './office';

export { inspectSignedPdf } from './inspect';
export type { SignatureFindings } from './inspect';
export { judge } from './judge';
export type { Office } from './judge';
export { officeOf } from './office';

export function checkDocument(pdf: Uint8Array, sqlite: Sqlite): DocumentCheck {
  return judge(inspectSignedPdf(pdf), officeOf(sqlite));
}
