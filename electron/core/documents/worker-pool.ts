import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ResourceLimits } from 'node:worker_threads';
import type { DocumentEngine, DocumentJob } from './engine';
import { DocumentError } from './errors';
import type { DocumentErrorType } from './errors';
import type { JobMessage, ResultMessage } from './render-worker';

/**
 * The office server's document engine: documents are rendered and signed in worker threads, so
 * the server's one thread keeps answering every other desk's reads and saves meanwhile (issue 15;
 * measured by `npm run bench -- office`). One thread is left to the server itself.
 */
export const DOCUMENT_WORKERS = Math.max(1, availableParallelism() - 1);

export interface WorkerPoolOptions {
  /** How many documents are made at once; more jobs wait their turn. Default DOCUMENT_WORKERS. */
  size?: number;
  /** The worker's entry (tests: one that can be made to crash); default render-worker.ts. */
  workerUrl?: URL;
  resourceLimits?: ResourceLimits;
  /**
   * Start every worker now and have it load the fonts, rather than at the first document: a
   * worker's start (tsx compiling the engine, the fonts parsed) takes a second or two, which the
   * first desk's document, and every write in line behind it, would otherwise wait for.
   */
  warm?: { fontsDir: string | undefined } | undefined;
}

/** A DocumentError made in a worker, rebuilt here with its key and both texts (documentStep passes them on). */
class WorkerDocumentError extends DocumentError {
  readonly type: DocumentErrorType;
  constructor(e: { type: DocumentErrorType; key: string; en: string; fr: string; name: string }) {
    super(e.key, e.en, e.fr);
    this.type = e.type;
    this.name = e.name;
  }
}

interface Pending {
  job: DocumentJob;
  resolve(pdf: Uint8Array): void;
  reject(e: unknown): void;
}

interface Slot {
  worker: Worker;
  pending: Pending | null;
  /** The uncaught error that is stopping the worker, if any: what its job fails with. */
  crash: Error | null;
}

function errorOf(m: Extract<ResultMessage, { ok: false }>): Error {
  if (m.document) return new WorkerDocumentError(m.document);
  const e = new Error(m.message);
  e.name = m.name;
  if (m.stack) e.stack = m.stack;
  return e;
}

export function createWorkerPool(options: WorkerPoolOptions = {}): DocumentEngine {
  const size = Math.max(1, options.size ?? DOCUMENT_WORKERS);
  const url = options.workerUrl ?? new URL('./render-worker.ts', import.meta.url);
  const slots: Slot[] = [];
  const queue: Pending[] = [];
  let closed = false;

  const start = (): Slot => {
    // The server runs under tsx; a worker does not inherit its loader, so it is given tsx too.
    const worker = new Worker(url, {
      execArgv: ['--import', 'tsx'],
      workerData: { warmFontsDir: options.warm ? (options.warm.fontsDir ?? null) : undefined },
      ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
    });
    const slot: Slot = { worker, pending: null, crash: null };
    // An idle worker does not keep the process alive.
    worker.unref();
    worker.on('message', (m: ResultMessage) => {
      const p = slot.pending;
      slot.pending = null;
      worker.unref();
      if (p) {
        if (m.ok) p.resolve(new Uint8Array(m.pdf));
        else p.reject(errorOf(m));
      }
      next();
    });
    worker.on('error', (e) => {
      slot.crash = e;
    });
    worker.on('exit', (code) => {
      // A worker that stopped (crashed, ran out of memory, or the pool closed) is replaced by the next job.
      slots.splice(slots.indexOf(slot), 1);
      if (!closed) console.error(`[documents] a document worker stopped (exit code ${code}); the next document starts another.`, slot.crash ?? '');
      const p = slot.pending;
      slot.pending = null;
      if (p) p.reject(slot.crash ?? new Error(closed ? 'The document engine was closed.' : `The document worker stopped (exit code ${code}).`));
      next();
    });
    slots.push(slot);
    return slot;
  };

  const next = (): void => {
    while (!closed && queue.length > 0) {
      const slot = slots.find((s) => s.pending === null && s.crash === null) ?? (slots.length < size ? start() : null);
      if (!slot) return;
      const p = queue.shift();
      if (!p) return;
      slot.pending = p;
      slot.worker.ref();
      const j = p.job;
      const message: JobMessage = { type: j.type, input: j.input, certificate: j.certificate, now: j.now.toISOString(), fontsDir: j.fontsDir, copyOn: j.copyOn };
      slot.worker.postMessage(message);
    }
  };

  if (options.warm) while (slots.length < size) start();

  return {
    make(job) {
      if (closed) return Promise.reject(new Error('The document engine was closed.'));
      return new Promise<Uint8Array>((resolve, reject) => {
        queue.push({ job, resolve, reject });
        next();
      });
    },
    async close() {
      closed = true;
      for (const p of queue.splice(0)) p.reject(new Error('The document engine was closed.'));
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
