import { BrowserWindow, session } from 'electron';
import type { BrowserWindowConstructorOptions } from 'electron';
import { HARDENED_WEB_PREFERENCES } from './hardened-web-preferences';
import { randomUUID } from 'node:crypto';
import { lockDownSession } from './guards';
import { APP_HOST, APP_SCHEME } from './protocol';

/*
 * Printing a generated PDF through the system print dialog.
 *
 * Why app:// from memory rather than a temp file or a data: URL: a temp file would put a
 * Protected B document in plaintext on disk (and in backups, indexers, the recycle bin), and a
 * data: URL is capped by Chromium's 2 MB URL limit, which a PDF with embedded fonts can exceed.
 * So the bytes stay in main-process memory and are served once, by token, on app://avrr/print/…
 * in a separate in-memory session ("avrr-print", no "persist:" prefix): the main window's session
 * cannot reach them, and nothing is cached to disk.
 */

/** In-memory partition: no "persist:" prefix, so nothing of the print session reaches the disk. */
export const PRINT_PARTITION = 'avrr-print';
const PRINT_PATH = /^\/print\/([0-9a-f-]{36})\.pdf$/;

export class InvalidPdfError extends Error {
  constructor() {
    super('printPdf was given bytes that are not a PDF document.');
    this.name = 'InvalidPdfError';
  }
}

export type PrintOutcome = { printed: true } | { printed: false; reason: string };

/**
 * Response for a request in the print session: the PDF of a live job, or 404. Pure. The PDF goes
 * out without the app's page CSP because Chromium's PDF viewer embeds the document in a plugin
 * frame that `object-src 'none'` would block; the print session has no preload and no IPC, so the
 * page can reach nothing even so.
 */
export function printJobResponse(jobs: ReadonlyMap<string, Uint8Array>, requestUrl: string): Response {
  let url: URL | null = null;
  try {
    url = new URL(requestUrl);
  } catch {
    url = null;
  }
  const token = url && url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST ? PRINT_PATH.exec(url.pathname)?.[1] : undefined;
  const bytes = token === undefined ? undefined : jobs.get(token);
  if (bytes === undefined) return new Response('Not found', { status: 404, headers: { 'X-Content-Type-Options': 'nosniff' } });
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: { 'Content-Type': 'application/pdf', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' },
  });
}

/** Options of the hidden print window. Pure, so the sandbox flags are asserted by a test. */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 900,
    height: 1100,
    webPreferences: {
      ...HARDENED_WEB_PREFERENCES,
      partition: PRINT_PARTITION,
      // No preload: this window has no bridge to the back end at all.
      // Chromium's built-in PDF viewer is a plugin: without this the PDF would not render.
      plugins: true,
      devTools: false,
    },
  };
}

const jobs = new Map<string, Uint8Array>();
let printSessionReady = false;

function ensurePrintSession(): void {
  if (printSessionReady) return;
  const printSession = session.fromPartition(PRINT_PARTITION, { cache: false });
  lockDownSession(printSession);
  printSession.protocol.handle(APP_SCHEME, (request) => Promise.resolve(printJobResponse(jobs, request.url)));
  printSessionReady = true;
}

function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
}

/**
 * Show the system print dialog for a PDF. Resolves when the dialog closes (printed or cancelled);
 * the window and the in-memory copy are gone by then. Call after `ready`.
 */
export async function printPdf(pdfBytes: Uint8Array): Promise<PrintOutcome> {
  if (!isPdf(pdfBytes)) throw new InvalidPdfError();
  ensurePrintSession();
  const token = randomUUID();
  jobs.set(token, pdfBytes);
  const window = new BrowserWindow(printWindowOptions());
  try {
    await window.loadURL(`${APP_SCHEME}://${APP_HOST}/print/${token}.pdf`);
    return await new Promise<PrintOutcome>((resolve) => {
      window.webContents.print({ silent: false, printBackground: true }, (success, failureReason) => {
        resolve(success ? { printed: true } : { printed: false, reason: failureReason });
      });
    });
  } finally {
    jobs.delete(token);
    if (!window.isDestroyed()) window.destroy();
  }
}
