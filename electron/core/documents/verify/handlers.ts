import { IpcFailure, ipcError } from '../../../../shared/ipc/errors';
import { CHECK_DOCUMENT_MAX_BYTES } from '../../../../shared/schema/document-check';
import type { Handlers } from '../../dispatch';
import { checkDocument } from './index';

/**
 * "Check a document": the file comes from the screen as base64 and is never stored. The call is
 * audited (who checked, with the document number found in the detail) like any register read.
 */
export const checkDocumentHandlers = {
  'document.check': async (input, ctx) => {
    const pdf = Buffer.from(input.contentBase64, 'base64');
    if (pdf.length > CHECK_DOCUMENT_MAX_BYTES) throw new IpcFailure(ipcError('rejected', { messageKey: 'checkDocument.file.too_large' }));
    const result = await checkDocument(pdf, ctx.db().sqlite);
    // key=value tokens (audit/entry.ts); the number is the app's own (letters, digits, dashes).
    const found = result.document ?? result.signedRevision;
    ctx.auditDetail(`verdict=${result.verdict}${found ? `;document=${found.number}` : ''}`);
    return result;
  },
} satisfies Pick<Handlers, 'document.check'>;
