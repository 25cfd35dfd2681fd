import { describe, expect, it } from 'vitest';
import { printForwarded, printsLocally } from '../../../electron/main/office-printing';

/**
 * A workstation of the office server prints on its own printer what the server answers (the
 * server has none: it sends the PDF). What the renderer then gets is what a local print gives.
 */
const pdf = (n: number) => Buffer.from(`%PDF-1.7 document ${n}`).toString('base64');

function recordingPrinter(answers: boolean[] = []) {
  const printed: string[] = [];
  return {
    printed,
    printer: (bytes: Uint8Array) => {
      const ok = answers.shift() ?? true;
      if (ok) printed.push(Buffer.from(bytes).toString('utf8'));
      return Promise.resolve({ printed: ok });
    },
  };
}

describe('printing what the office server sends', () => {
  it('prints a document on this computer and answers printed, without the PDF', async () => {
    const p = recordingPrinter();
    const answer = await printForwarded('document.print', { ok: true, value: { mode: 'download', copy: false, filename: 'D-1.pdf', pdfBase64: pdf(1) } }, p.printer);
    expect(answer).toEqual({ ok: true, value: { mode: 'printed', copy: false, filename: 'D-1.pdf', pdfBase64: null } });
    expect(p.printed).toEqual(['%PDF-1.7 document 1']);
  });

  it('prints a batch one document after another; a cancelled dialog ends it and says the server logged it', async () => {
    const batch = { mode: 'download', skipped: [], printed: [1, 2, 3].map((n) => ({ mode: 'download', copy: false, filename: `D-${n}.pdf`, pdfBase64: pdf(n) })) };
    const all = recordingPrinter();
    expect(await printForwarded('document.printBatch', { ok: true, value: batch }, all.printer)).toMatchObject({ ok: true, value: { mode: 'printed', printed: [{ pdfBase64: null }, { pdfBase64: null }, { pdfBase64: null }] } });
    expect(all.printed).toHaveLength(3);
    const cancelled = recordingPrinter([true, false]);
    expect(await printForwarded('document.printBatch', { ok: true, value: batch }, cancelled.printer)).toMatchObject({ ok: false, error: { code: 'rejected', messageKey: 'deployment.errors.printCancelled' } });
    expect(cancelled.printed).toEqual(['%PDF-1.7 document 1']);
  });

  it('leaves refusals and other channels as they are', async () => {
    const p = recordingPrinter();
    const refusal = { ok: false as const, error: { code: 'forbidden' as const, messageKey: 'errors.forbidden' } };
    expect(await printForwarded('document.print', refusal, p.printer)).toBe(refusal);
    expect(printsLocally('document.print')).toBe(true);
    expect(printsLocally('document.view')).toBe(false);
    expect(p.printed).toEqual([]);
  });
});
