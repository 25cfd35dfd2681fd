import { z } from 'zod';
import { ipcError } from '../../shared/ipc/errors';
import type { IpcResult } from '../../shared/ipc/errors';

/**
 * A workstation of the office server prints on its own printer: the server has none, so it
 * answers a print with the PDF (`mode: 'download'`, as for the browser harness), and this
 * computer's system print dialog prints it; the renderer gets `printed`, as in the local mode.
 *
 * The server has logged the print when it answers (it cannot know the dialog's outcome): a
 * dialog cancelled here says so, and the next print of that document is marked COPY.
 */
export type LocalPrinter = (pdf: Uint8Array) => Promise<{ printed: boolean }>;

const printResult = z.object({ mode: z.enum(['printed', 'download']), copy: z.boolean(), filename: z.string(), pdfBase64: z.string().nullable() });
const batchResult = z.object({ mode: z.enum(['printed', 'download']), printed: z.array(printResult), skipped: z.array(z.unknown()) });

const PRINT_CHANNELS = new Set(['document.print', 'document.printBatch']);

export function printsLocally(channel: string): boolean {
  return PRINT_CHANNELS.has(channel);
}

export async function printForwarded(channel: string, result: IpcResult<unknown>, printer: LocalPrinter): Promise<IpcResult<unknown>> {
  if (!result.ok) return result;
  const cancelled: IpcResult<unknown> = { ok: false, error: ipcError('rejected', { messageKey: 'deployment.errors.printCancelled' }) };
  if (channel === 'document.print') {
    const one = printResult.safeParse(result.value);
    if (!one.success || one.data.mode !== 'download' || one.data.pdfBase64 === null) return result;
    if (!(await printer(Buffer.from(one.data.pdfBase64, 'base64'))).printed) return cancelled;
    return { ok: true, value: { ...one.data, mode: 'printed', pdfBase64: null } };
  }
  const batch = batchResult.safeParse(result.value);
  if (!batch.success || batch.data.mode !== 'download') return result;
  const printed = [];
  for (const doc of batch.data.printed) {
    // One after another, as on a local workstation; a cancelled dialog ends the batch.
    if (doc.pdfBase64 !== null && !(await printer(Buffer.from(doc.pdfBase64, 'base64'))).printed) return cancelled;
    printed.push({ ...doc, mode: 'printed' as const, pdfBase64: null });
  }
  return { ok: true, value: { ...batch.data, mode: 'printed', printed } };
}
