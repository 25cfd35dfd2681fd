import { parentPort, workerData } from 'node:worker_threads';
import type { DocumentType } from '../../../shared/schema/documents-api';
import { makeDocument } from './engine';
import { DocumentError } from './errors';
import { loadFontSet } from './fonts/registry';
import type { DocumentErrorType } from './errors';
import type { OfficeCertificate } from './signing/office-certificate';

/**
 * A worker thread of the office server's document pool (worker-pool.ts): takes one job at a
 * time, renders and signs it with the same code as the in-thread engine, and hands the PDF back
 * as a transferred ArrayBuffer (not copied again). Started under tsx (`--import tsx`).
 */

/** A job as it crosses to the worker: the date as an ISO string. */
export interface JobMessage {
  type: DocumentType;
  input: unknown;
  certificate: OfficeCertificate | null;
  now: string;
  fontsDir: string | undefined;
  copyOn: string | undefined;
}

/** The answer: the PDF, or the error as plain data (a DocumentError keeps its English and French text). */
export type ResultMessage =
  | { ok: true; pdf: ArrayBuffer }
  | { ok: false; document: { type: DocumentErrorType; key: string; en: string; fr: string; name: string } }
  | { ok: false; document: null; name: string; message: string; stack: string | undefined };

async function serve(m: JobMessage): Promise<{ answer: ResultMessage; transfer: ArrayBuffer[] }> {
  try {
    const pdf = await makeDocument({ type: m.type, input: m.input, certificate: m.certificate, now: new Date(m.now), fontsDir: m.fontsDir, copyOn: m.copyOn });
    const out = new Uint8Array(pdf);
    return { answer: { ok: true, pdf: out.buffer }, transfer: [out.buffer] };
  } catch (e) {
    if (e instanceof DocumentError) return { answer: { ok: false, document: { ...e.toJSON(), name: e.name } }, transfer: [] };
    const error = e instanceof Error ? e : new Error(String(e));
    return { answer: { ok: false, document: null, name: error.name, message: error.message, stack: error.stack }, transfer: [] };
  }
}

/** A warm start (the pool's `warm` option): the fonts are parsed before the first job, not during it. */
const data: unknown = workerData;
const warm = typeof data === 'object' && data !== null && 'warmFontsDir' in data ? data.warmFontsDir : undefined;
if (warm !== undefined) {
  try {
    loadFontSet(typeof warm === 'string' ? warm : undefined);
  } catch {
    // The first job reports a missing font folder, as in-thread.
  }
}

const port = parentPort;
if (port) {
  port.on('message', (m: JobMessage) => {
    void serve(m).then(({ answer, transfer }) => port.postMessage(answer, transfer));
  });
}
