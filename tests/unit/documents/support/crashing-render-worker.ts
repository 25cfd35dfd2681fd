/**
 * The real document worker (electron/core/documents/render-worker.ts), except that a job whose
 * input is `{ crashWorker: true }` ends the thread at once, as a crash in native code or running
 * out of memory would: for the pool's test that a dead worker is replaced.
 */
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', (m: { input?: unknown }) => {
  if (typeof m.input === 'object' && m.input !== null && 'crashWorker' in m.input) process.exit(70);
});
// Loaded after the listener above, so that one runs first.
await import('../../../../electron/core/documents/render-worker');
