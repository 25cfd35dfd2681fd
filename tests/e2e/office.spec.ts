import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { devPlaintextSealer } from '../../electron/core/keys/sealer';
import { createOfficeCore } from '../../electron/core/office-core';
import { startOfficeTransport } from '../../electron/office/server';
import { officeWorkstationCore } from '../../electron/web/office-workstation';
import { startHarnessServer } from '../../electron/web/server';
import type { CaseDetail } from '../../shared/schema/case-api';
import { intakeWith } from '../unit/core/helpers';
import { expect, press, setUpSupervisor, signIn, supervisor, test } from './fixtures';

/**
 * Issue 15 on loopback: one office server, two workstation harnesses enrolled with one-time
 * codes, each forwarding `invoke` over mutual TLS. A walk-in screened at the front counter (A) is
 * on the interview room's (B) Today; B opens it; the audit trail names both workstations by their
 * certificates. (Live updates are not built yet: B signs in after the handover.)
 */
test('two workstations on one office server: a walk-in handed over at A is opened at B, and the trail names both', async ({ browser }) => {
  const root = mkdtempSync(join(tmpdir(), 'avrr-e2e-office-'));
  const serverDir = join(root, 'server');
  const core = createOfficeCore({ dataDir: serverDir, sealer: devPlaintextSealer });
  const office = await startOfficeTransport({ dataDir: serverDir, port: 0, enrolPort: 0, handler: (r) => core.invoke(r.workstation, r.body.channel, r.body.input) });
  const desks: { close(): Promise<void> }[] = [];
  const desk = async (name: string) => {
    const dataDir = mkdtempSync(join(root, 'ws-'));
    const env = {
      AVRR_OFFICE_URL: `https://localhost:${office.port}`,
      AVRR_OFFICE_ENROL_URL: `https://localhost:${office.enrolPort}`,
      AVRR_OFFICE_CODE: office.createEnrolmentCode().code,
      AVRR_OFFICE_NAME: name,
      AVRR_OFFICE_CA_FINGERPRINT: office.caFingerprint,
    };
    const forwarding = await officeWorkstationCore(dataDir, devPlaintextSealer, env);
    if (!forwarding) throw new Error('not a workstation');
    const server = await startHarnessServer(forwarding, { rendererDir: resolve('out/web'), port: 0 });
    desks.push({ close: async () => { await server.close(); forwarding.close(); } });
    return { url: server.url, invoke: forwarding.invoke };
  };
  const openPage = async (b: Browser, url: string): Promise<Page> => {
    const page = await (await b.newContext()).newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(url);
    return page;
  };
  try {
    const a = await desk('front-counter-1');
    const b = await desk('interview-room-2');
    const pageA = await openPage(browser, a.url);
    await setUpSupervisor(pageA, { url: a.url, origin: '', dataDir: '', core: { invoke: a.invoke, close: () => undefined } });

    // The counter's walk-in, screened and handed over "for an interview now" (through A's own forwarding).
    const ok = async <T,>(r: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> => {
      const v = await r;
      if (!v.ok) throw new Error(JSON.stringify(v.error));
      return v.value as T;
    };
    const created = await ok<CaseDetail>(a.invoke('case.create', { intake: intakeWith({ nameAsWritten: 'Teodora Walkin', nameLatin: 'Teodora Walkin', dateOfBirth: '1988-08-08', nationality: 'MEX' }) }));
    await ok(a.invoke('case.screen', { caseId: created.id, baseVersion: created.version, handover: { kind: 'now' } }));

    // The interview room signs in on its own desk and finds the walk-in on Today.
    const pageB = await openPage(browser, b.url);
    await signIn(pageB, supervisor);
    const walkIns = pageB.getByRole('region', { name: /Walk-ins waiting/ });
    await expect(walkIns.getByRole('row', { name: new RegExp(created.caseNumber) })).toBeVisible();
    await press(pageB, walkIns.getByRole('row', { name: new RegExp(created.caseNumber) }).getByRole('button'));
    await expect(pageB.getByRole('heading', { level: 1 })).toContainText(created.caseNumber);

    // A's session is its own: A locks, B keeps working.
    await press(pageA, pageA.getByRole('button', { name: 'Lock' }));
    await expect(pageA.getByLabel('Password', { exact: true })).toBeVisible();
    await press(pageB, pageB.getByRole('navigation').getByRole('button', { name: "Today's cases" }));
    await expect(pageB.getByRole('region', { name: /Walk-ins waiting/ })).toBeVisible();

    // The audit trail, read at B, names both workstations by their certificates.
    await press(pageB, pageB.getByRole('navigation').getByRole('button', { name: 'Audit' }));
    await expect(pageB.getByText(/front-counter-1\.[0-9a-f]{8}/).first()).toBeVisible();
    await expect(pageB.getByText(/interview-room-2\.[0-9a-f]{8}/).first()).toBeVisible();
  } finally {
    for (const d of desks) await d.close();
    await office.close();
    core.close();
    rmSync(root, { recursive: true, force: true });
  }
});
