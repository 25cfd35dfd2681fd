import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, session } from './fake-electron';
import type { FakeSession } from './fake-electron';
import { InvalidPdfError, PRINT_PARTITION, printJobResponse, printPdf, printWindowOptions } from '../../../electron/main/printing';

vi.mock('electron', () => import('./fake-electron'));

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');
const TOKEN = '0b6c9f3e-2d0a-4a8e-9a51-6f1f0c2b7d11';
const PRINT_URL = /^app:\/\/avrr\/print\/[0-9a-f-]{36}\.pdf$/;

function printSession(): FakeSession {
  return session.fromPartition(PRINT_PARTITION);
}

describe('print job responses', () => {
  const jobs = new Map([[TOKEN, PDF]]);

  it('serve a live job as a PDF', async () => {
    const response = printJobResponse(jobs, `app://avrr/print/${TOKEN}.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/pdf');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PDF);
  });

  it.each([
    'app://avrr/print/00000000-0000-0000-0000-000000000000.pdf',
    `app://evil/print/${TOKEN}.pdf`,
    `app://avrr/print/${TOKEN}.html`,
    `app://avrr/print/../print/${TOKEN}`,
    'app://avrr/index.html',
    'not a url',
  ])('refuse %s', (url) => {
    expect(printJobResponse(jobs, url).status).toBe(404);
  });
});

describe('print window options', () => {
  const options = printWindowOptions();
  const prefs = options.webPreferences;

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['devTools', false],
  ] as const)('sets %s to %s', (flag, expected) => {
    expect(prefs?.[flag]).toBe(expected);
  });

  it('has no preload, so no bridge to the back end', () => {
    expect(prefs?.preload).toBeUndefined();
  });

  it('is hidden and lives in the in-memory print partition', () => {
    expect(options.show).toBe(false);
    expect(prefs?.partition).toBe('avrr-print');
    expect(prefs?.partition?.startsWith('persist:')).toBe(false);
  });
});

describe('printPdf', () => {
  let served: Response[] = [];

  beforeEach(() => {
    FakeBrowserWindow.instances.length = 0;
    served = [];
    // Loading the print URL asks the print session's app:// handler, as Chromium would.
    vi.spyOn(FakeBrowserWindow.prototype, 'loadURL').mockImplementation(async function (this: FakeBrowserWindow, url: string) {
      this.loadedUrls.push(url);
      const handler = printSession().protocolHandlers.get('app');
      if (!handler) throw new Error('print session has no app:// handler');
      served.push(await handler(new Request(url)));
    });
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('refuses bytes that are not a PDF, without opening a window', async () => {
    await expect(printPdf(new TextEncoder().encode('<html>'))).rejects.toBeInstanceOf(InvalidPdfError);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('loads the PDF from app:// memory, shows the system dialog, then cleans up', async () => {
    const outcome = await printPdf(PDF);
    expect(outcome).toEqual({ printed: true });

    const window = FakeBrowserWindow.instances[0];
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(window?.options).toEqual(printWindowOptions());
    expect(window?.loadedUrls).toHaveLength(1);
    const url = window?.loadedUrls[0] ?? '';
    expect(url).toMatch(PRINT_URL);

    expect(served[0]?.status).toBe(200);
    expect(new Uint8Array((await served[0]?.arrayBuffer()) ?? new ArrayBuffer(0))).toEqual(PDF);

    expect(window?.webContents.print).toHaveBeenCalledTimes(1);
    expect(window?.webContents.print.mock.calls[0]?.[0]).toEqual({ silent: false, printBackground: true });

    expect(window?.isDestroyed()).toBe(true);
    // Single use: once the dialog closed, the bytes are gone from memory.
    const afterwards = await printSession().protocolHandlers.get('app')?.(new Request(url));
    expect(afterwards?.status).toBe(404);
  });

  it('reports a cancelled dialog and still cleans up', async () => {
    const spy = vi.spyOn(FakeBrowserWindow.prototype, 'show');
    const pending = printPdf(PDF);
    const window = FakeBrowserWindow.instances[0];
    if (window) window.webContents.printAnswer = { success: false, failureReason: 'cancelled' };
    await expect(pending).resolves.toEqual({ printed: false, reason: 'cancelled' });
    expect(window?.isDestroyed()).toBe(true);
    expect(spy).not.toHaveBeenCalled();
  });

  it('destroys the window and drops the job when loading fails', async () => {
    vi.spyOn(FakeBrowserWindow.prototype, 'loadURL').mockImplementation(function (this: FakeBrowserWindow, url: string) {
      this.loadedUrls.push(url);
      return Promise.reject(new Error('ERR_FAILED'));
    });
    await expect(printPdf(PDF)).rejects.toThrow('ERR_FAILED');
    const window = FakeBrowserWindow.instances[0];
    expect(window?.isDestroyed()).toBe(true);
    const response = await printSession().protocolHandlers.get('app')?.(new Request(window?.loadedUrls[0] ?? ''));
    expect(response?.status).toBe(404);
  });

  it('locks the print session down like the main one', async () => {
    await printPdf(PDF);
    expect(printSession().permissionCheckHandler?.({}, 'media')).toBe(false);
    expect(printSession().devicePermissionHandler?.()).toBe(false);
  });
});
