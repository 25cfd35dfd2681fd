import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import type { PrintBatchResult, PrintResult } from '../../../shared/schema/documents-api';
import type { SignedInContext } from '../context';
import { inPrintQueue, printableDocument } from './document-rows';
import type { PrintableDocument } from './document-rows';
import { logPrint } from './print-log-rows';
import type { RegisterDeps } from './service';

/**
 * The clerk's batch: several documents of the print queue printed as one job, one after another
 * (each through the print dialog in Electron; in the harness each comes back as its own file).
 * Never merged into one PDF: each keeps its own signature, which a merged file would drop.
 *
 * Only what waits in the queue is printed (for IOM, current, never printed), so every one is a
 * first print of the document as generated. A document that left the queue meanwhile (printed
 * by someone else, superseded by a withdrawal) is skipped and said so. Each print is logged
 * with today's instant and audited on its own line with its case; the batch has its own entry.
 */
export async function printBatch(ctx: SignedInContext, deps: RegisterDeps, input: { documentIds: string[] }): Promise<PrintBatchResult> {
  const { db, sqlite } = ctx.db();
  const skipped: PrintBatchResult['skipped'] = [];
  const ready: PrintableDocument[] = [];
  for (const id of new Set(input.documentIds)) {
    const doc = printableDocument(db, id);
    if (!doc) skipped.push({ documentId: id, number: null, reason: 'not_found' });
    else if (!inPrintQueue(sqlite, id)) skipped.push({ documentId: id, number: doc.number, reason: 'not_in_queue' });
    else ready.push(doc);
  }
  let done = ready;
  if (deps.printer && ready.length > 0) {
    done = [];
    // One after another; a cancelled dialog ends the batch: what printed so far is logged.
    for (const doc of ready) {
      const r = await deps.printer(doc.pdf);
      if (!r.printed) break;
      done.push(doc);
    }
    if (done.length === 0) throw new IpcFailure(ipcError('rejected', { messageKey: 'errors.print_cancelled' }));
  }
  const at = ctx.now().toISOString();
  const by = ctx.session.userId;
  const logged = ctx.tx(
    null,
    () => {
      ctx.auditDetail(`documents=${done.length}`);
      const kept: PrintableDocument[] = [];
      for (const doc of done) {
        // Read again in the write transaction: printed by someone else since, it is not logged twice.
        if (!inPrintQueue(sqlite, doc.id)) {
          skipped.push({ documentId: doc.id, number: doc.number, reason: 'not_in_queue' });
          continue;
        }
        logPrint(db, doc.id, 'print', by, at);
        ctx.auditEach('document.print', doc.caseId);
        kept.push(doc);
      }
      return kept;
    },
    { action: 'document.printBatch' },
  );
  const mode: PrintResult['mode'] = deps.printer ? 'printed' : 'download';
  return {
    mode,
    printed: logged.map((doc) => ({ mode, copy: false, filename: `${doc.number}.pdf`, pdfBase64: mode === 'download' ? doc.pdf.toString('base64') : null })),
    skipped,
  };
}
