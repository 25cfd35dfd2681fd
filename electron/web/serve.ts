/**
 * `npm run web`: the whole app in a browser, for machines without the Electron binary and for
 * the Playwright suite. DEV/TEST ONLY, never packaged: it keeps the database key slots with the
 * dev sealer (plaintext file, named so) instead of the OS key store.
 *
 * Env: AVRR_DATA_DIR (data folder; default a fresh temp folder), AVRR_WEB_PORT (default 5190),
 * AVRR_WEB_SKIP_BUILD=1 to serve an existing build in out/web. AVRR_OFFICE_URL (and, the first
 * time, the enrolment variables of ./office-workstation.ts): a workstation of the office server.
 */
import { mkdtempSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createAppCore } from '../core/app-core';
import { privateUmask } from '../core/data-folder';
import { devPlaintextSealer } from '../core/keys/sealer';
import { officeWorkstationCore } from './office-workstation';
import { startHarnessServer } from './server';

const rendererDir = resolve('out/web');
privateUmask();
const dataDir = process.env.AVRR_DATA_DIR || mkdtempSync(join(tmpdir(), 'avrr-data-'));
const port = Number(process.env.AVRR_WEB_PORT || 5190);

if (process.env.AVRR_WEB_SKIP_BUILD !== '1') {
  const { build } = await import('vite');
  await build({ configFile: resolve('renderer/vite.config.ts'), logLevel: 'warn' });
}

const core = (await officeWorkstationCore(dataDir, devPlaintextSealer, process.env)) ?? createAppCore({ dataDir, sealer: devPlaintextSealer, workstation: hostname() });
const harness = await startHarnessServer(core, { rendererDir, port });
// The only place the token is given: open this URL (the page takes the token and drops it from the address bar).
console.log(`AVRR Intake (browser harness) ready at ${harness.url}  data: ${dataDir}`);

const stop = async () => {
  await harness.close();
  core.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
