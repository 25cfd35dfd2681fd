import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OWASP_MIN_KDF_PARAMS } from '../../../electron/core/auth/kdf';
import { devPlaintextSealer } from '../../../electron/core/keys/sealer';
import { createOfficeCore } from '../../../electron/core/office-core';
import type { OfficeCore } from '../../../electron/core/office-core';
import { credentialFiles } from '../../../electron/office/client';
import { startOfficeTransport } from '../../../electron/office/server';
import type { OfficeTransport } from '../../../electron/office/server';
import { createDeploymentRouter, MODE_FILE, WORKSTATION_FOLDER } from '../../../electron/main/deployment';
import { createSafeStorageSealer } from '../../../electron/main/safe-storage-sealer';
import { safeStorage } from './fake-electron';

// safe-storage-sealer.ts imports Electron's safeStorage (the binary cannot run here).
vi.mock('electron', () => import('./fake-electron'));

/**
 * The Electron app's first-run choice (issue 15 point 3), against a real office server on
 * loopback: "connect to the office server" enrols with the code and the CA fingerprint, keeps the
 * private key sealed by the OS key store (Electron's safeStorage, faked as in every main-process
 * test), forwards every call over mutual TLS, and on the next start connects without asking.
 */
let root: string;
let core: OfficeCore;
let office: OfficeTransport;
const sealer = createSafeStorageSealer(safeStorage, 'linux');

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'avrr-deployment-'));
  const dataDir = join(root, 'server');
  core = createOfficeCore({ dataDir, sealer: devPlaintextSealer, keySlots: { kdfParams: OWASP_MIN_KDF_PARAMS } });
  office = await startOfficeTransport({ dataDir, port: 0, enrolPort: 0, handler: (req) => core.invoke(req.workstation, req.body.channel, req.body.input) });
  core.attachAdmin(office);
}, 60_000);

afterAll(async () => {
  await office?.close();
  core?.close();
  rmSync(root, { recursive: true, force: true });
});

function userDataDir(): { userData: string; dataDir: string } {
  const userData = mkdtempSync(join(root, 'userdata-'));
  return { userData, dataDir: join(userData, 'data') };
}

const noLocalCore = () => {
  throw new Error('the local core must not be built');
};

describe('first run: connect to the office server', () => {
  it('enrols (the fingerprint checked first), seals the key with the OS key store, forwards calls, and connects again at the next start', async () => {
    const { userData, dataDir } = userDataDir();
    const localCore = vi.fn(noLocalCore);
    const router = createDeploymentRouter({ userData, dataDir, sealer, localCore });
    expect(await router.invoke('deployment.status', {})).toEqual({ ok: true, value: { state: 'undecided' } });
    expect(await router.invoke('auth.status', {})).toMatchObject({ ok: false, error: { messageKey: 'deployment.errors.undecided' } });

    const form = {
      serverUrl: `https://localhost:${office.port}`,
      enrolUrl: `https://localhost:${office.enrolPort}`,
      code: office.createEnrolmentCode().code,
      workstationName: 'Front counter 1',
      caFingerprint: office.caFingerprint,
    };
    // Not an https address: refused before anything is sent.
    expect(await router.invoke('deployment.connect', { ...form, serverUrl: `http://localhost:${office.port}` })).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['serverUrl'] }] } });
    // Another authority's fingerprint: the code is not sent (it still works afterwards).
    expect(await router.invoke('deployment.connect', { ...form, caFingerprint: 'AB'.repeat(32) })).toMatchObject({ ok: false, error: { code: 'rejected', messageKey: 'office.caMismatch' } });
    expect(await router.invoke('deployment.status', {})).toEqual({ ok: true, value: { state: 'undecided' } });

    // Typed as read aloud: lower case, fingerprint without colons.
    const typed = { ...form, code: form.code.toLowerCase(), caFingerprint: form.caFingerprint.replace(/:/g, '').toLowerCase() };
    expect(await router.invoke('deployment.connect', typed)).toEqual({ ok: true, value: { state: 'office', serverUrl: form.serverUrl, workstationName: 'Front counter 1' } });
    expect(await router.invoke('auth.status', {})).toMatchObject({ ok: true, value: { setupNeeded: true, officeServer: true } });
    expect(await router.invoke('deployment.chooseLocal', {})).toMatchObject({ ok: false, error: { messageKey: 'deployment.errors.alreadyChosen' } });
    expect(localCore).not.toHaveBeenCalled();

    // The private key is on disk only as the OS key store sealed it; nothing local was made.
    const sealedKey = readFileSync(join(userData, WORKSTATION_FOLDER, credentialFiles.key), 'utf8');
    expect(sealedKey.startsWith('sealed:')).toBe(true);
    expect(sealedKey).not.toContain('PRIVATE KEY');
    expect(existsSync(dataDir)).toBe(false);
    expect(JSON.parse(readFileSync(join(userData, MODE_FILE), 'utf8'))).toMatchObject({ mode: 'office', serverUrl: form.serverUrl, workstationName: 'Front counter 1' });
    router.close();

    // Next start: connected without asking, the key unsealed by the OS key store.
    const again = createDeploymentRouter({ userData, dataDir, sealer, localCore });
    expect(await again.invoke('deployment.status', {})).toMatchObject({ ok: true, value: { state: 'office' } });
    expect(await again.invoke('auth.status', {})).toMatchObject({ ok: true, value: { officeServer: true } });
    again.close();

    // The server lists it under the name typed.
    expect(office.listWorkstations().map((w) => w.name)).toContain('Front counter 1');
  }, 60_000);

  it('a wrong code is refused with the server\'s message, and the choice stays open', async () => {
    const { userData, dataDir } = userDataDir();
    const router = createDeploymentRouter({ userData, dataDir, sealer, localCore: noLocalCore });
    const answer = await router.invoke('deployment.connect', {
      serverUrl: `https://localhost:${office.port}`,
      enrolUrl: `https://localhost:${office.enrolPort}`,
      code: 'AAAAA-AAAAA',
      workstationName: 'Interview room 2',
      caFingerprint: office.caFingerprint,
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'rejected', messageKey: 'office.codeRefused' } });
    expect(await router.invoke('deployment.status', {})).toEqual({ ok: true, value: { state: 'undecided' } });
    expect(existsSync(join(userData, MODE_FILE))).toBe(false);
  }, 30_000);
});

describe('this computer only', () => {
  it('an installation from before the choice, with its data, stays local without asking', () => {
    const { userData, dataDir } = userDataDir();
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, 'keyslots.json'), '{}');
    const built: string[] = [];
    const router = createDeploymentRouter({ userData, dataDir, sealer, localCore: () => (built.push('local'), { invoke: () => Promise.resolve({ ok: true, value: null }), close: () => undefined }) });
    expect(built).toEqual(['local']);
    expect(JSON.parse(readFileSync(join(userData, MODE_FILE), 'utf8'))).toEqual({ mode: 'local' });
    router.close();
  });

  it('a choice file that cannot be read stops the start instead of opening a blank database', () => {
    const { userData, dataDir } = userDataDir();
    writeFileSync(join(userData, MODE_FILE), '{"mode":"somewhere"}');
    expect(() => createDeploymentRouter({ userData, dataDir, sealer, localCore: noLocalCore })).toThrow();
  });
});
