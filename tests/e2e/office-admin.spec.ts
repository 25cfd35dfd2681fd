import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devPlaintextSealer } from '../../electron/core/keys/sealer';
import { createOfficeCore } from '../../electron/core/office-core';
import { enrolWorkstation, officeInvoker } from '../../electron/office/client';
import type { OfficeInvoker } from '../../electron/office/client';
import { startOfficeTransport } from '../../electron/office/server';
import type { AuditPageView } from '../../shared/schema/audit';
import { enrolledDesk } from './office.helpers';
import { expect, expectAccessible, press, setUpSupervisor, test } from './fixtures';

/**
 * The supervisor's Workstations screen (issue 15 point 2), keyboard only: one office server, the
 * supervisor's workstation (a harness) and a second one enrolled with the code the screen made.
 * The supervisor lists them, makes a code, revokes the second with a reason (Cancel has the
 * focus); the second's next call is refused in the TLS handshake; the audit trail has it all.
 */
test('the supervisor lists the workstations, makes an enrolment code and revokes a workstation', async ({ browser }) => {
  const root = mkdtempSync(join(tmpdir(), 'avrr-e2e-office-admin-'));
  const serverDir = join(root, 'server');
  const core = createOfficeCore({ dataDir: serverDir, sealer: devPlaintextSealer });
  const office = await startOfficeTransport({
    dataDir: serverDir,
    port: 0,
    enrolPort: 0,
    handler: (r) => core.invoke(r.workstation, r.body.channel, r.body.input),
    onEnrolled: (w) => core.recordEnrolment(w),
  });
  core.attachAdmin(office);
  const desk = await enrolledDesk(office, mkdtempSync(join(root, 'ws-')), 'Supervisor desk');
  const { forwarding, harness } = desk;
  let second: OfficeInvoker | null = null;
  try {
    const page = await (await browser.newContext()).newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await setUpSupervisor(page, { url: harness.url, origin: '', dataDir: '', core: forwarding });

    await press(page, page.getByRole('navigation').getByRole('button', { name: 'Workstations' }));
    await expect(page.getByRole('heading', { name: 'Workstations', level: 1 })).toBeFocused();
    const table = page.getByRole('table');
    const own = table.getByRole('row', { name: /Supervisor desk/ });
    await expect(own).toContainText('This workstation');
    await expect(own).toContainText(/Supervisor-desk\.[0-9a-f]{8}/);
    // One's own workstation has no Revoke button.
    await expect(own.getByRole('button')).toHaveCount(0);
    await expectAccessible(page);

    // A one-time code, with its expiry and the office authority's fingerprint to read out.
    await press(page, page.getByRole('button', { name: 'New enrolment code' }));
    const codeField = page.getByLabel('Enrolment code');
    await expect(codeField).toHaveValue(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    await expect(page.getByLabel('Office authority fingerprint')).toHaveValue(office.caFingerprint);
    await expect(page.getByText(/Valid for one enrolment, until/)).toBeVisible();
    await expectAccessible(page);
    const code = await codeField.inputValue();

    // Whoever sets up the interview room enrols it with that code and the fingerprint.
    const enrolled = await enrolWorkstation({ url: `https://localhost:${office.enrolPort}`, code, name: 'Interview room 2', folder: mkdtempSync(join(root, 'ws-')), sealer: devPlaintextSealer, caFingerprint: office.caFingerprint });
    second = officeInvoker({ url: `https://localhost:${office.port}`, credentials: enrolled.credentials });
    expect(await second('auth.status', {})).toMatchObject({ ok: true });

    // The list, opened again, has it; the supervisor revokes it with a reason.
    await press(page, page.getByRole('navigation').getByRole('button', { name: "Today's cases" }));
    await press(page, page.getByRole('navigation').getByRole('button', { name: 'Workstations' }));
    const room = table.getByRole('row', { name: /Interview room 2/ });
    await expect(room).toContainText('Active');
    await press(page, room.getByRole('button', { name: 'Revoke Interview room 2' }));
    const dialog = page.getByRole('dialog', { name: 'Revoke Interview room 2?' });
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await expectAccessible(page);
    // Enter out of habit: Cancel, nothing revoked.
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    expect(await second('auth.status', {})).toMatchObject({ ok: true });

    await press(page, room.getByRole('button', { name: 'Revoke Interview room 2' }));
    await dialog.getByLabel('Why it is revoked').focus();
    await page.keyboard.type('Laptop stolen from room 2');
    await press(page, dialog.getByRole('button', { name: 'Revoke the workstation' }));
    await expect(page.getByRole('status').filter({ hasText: 'Interview room 2 is revoked' })).toBeVisible();
    await expect(room).toContainText('Revoked on');
    await expect(room).toContainText('Reason: Laptop stolen from room 2');
    await expect(room.getByRole('button')).toHaveCount(0);

    // Its next call is refused in the TLS handshake.
    expect(await second('auth.status', {})).toMatchObject({ ok: false, error: { messageKey: 'office.unreachable' } });

    // In French too.
    await press(page, page.getByRole('button', { name: 'Français' }));
    await expect(page.getByRole('heading', { name: 'Postes de travail', level: 1 })).toBeVisible();
    await expect(page.getByRole('table').getByRole('row', { name: /Interview room 2/ })).toContainText('Révoqué le');
    await expectAccessible(page);
    await press(page, page.getByRole('button', { name: 'English' }));

    // The audit trail: the code made and the revocation by the supervisor, the enrolment by the server.
    await press(page, page.getByRole('navigation').getByRole('button', { name: 'Audit' }));
    await expect(page.getByRole('cell', { name: 'office.revoke' }).first()).toBeVisible();
    await expect(page.getByRole('cell', { name: 'office.enrolmentCode' }).first()).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: 'office.enrolled' }).first()).toContainText('office-server');
    // Which workstation each entry is about is in its detail (the audit screen does not show details; the CSV export does).
    const trail = await forwarding.invoke('audit.list', { action: 'office.*' });
    if (!trail.ok) throw new Error(JSON.stringify(trail.error));
    const rows = (trail.value as AuditPageView).rows.map((r) => `${r.action} ${r.username ?? '-'} ${r.workstation} ${r.detail ?? ''}`);
    expect(rows).toContainEqual(expect.stringMatching(new RegExp(`^office\\.enrolled - office-server workstation=${enrolled.id};name=Interview-room-2\\.[0-9a-f]{8};enrolledAt=`)));
    expect(rows).toContainEqual(expect.stringMatching(new RegExp(`^office\\.revoke awa\\.diallo Supervisor-desk\\.[0-9a-f]{8} workstation=${enrolled.id};name=Interview-room-2\\.`)));
  } finally {
    second?.close();
    await desk.close();
    await office.close();
    core.close();
    rmSync(root, { recursive: true, force: true });
  }
});

test('a single workstation has no Workstations screen', async ({ page, harness }) => {
  await setUpSupervisor(page, harness);
  await expect(page.getByRole('navigation').getByRole('button', { name: 'Data safety' })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('button', { name: 'Workstations' })).toHaveCount(0);
});
