import { resolve } from 'node:path';
import type { AppCore } from '../../electron/core/app-core';
import { devPlaintextSealer } from '../../electron/core/keys/sealer';
import type { OfficeTransport } from '../../electron/office/server';
import { officeWorkstationCore } from '../../electron/web/office-workstation';
import { startHarnessServer } from '../../electron/web/server';
import type { HarnessServer } from '../../electron/web/server';

/**
 * A desk of this office server, as `AVRR_OFFICE_URL=… npm run web` makes it: enrolled in `folder`
 * with a fresh one-time code (the CA fingerprint checked), forwarding every call over mutual TLS,
 * and a harness serving the app for it.
 */
export async function enrolledDesk(office: Pick<OfficeTransport, 'port' | 'enrolPort' | 'caFingerprint' | 'createEnrolmentCode'>, folder: string, name: string): Promise<{ forwarding: AppCore; harness: HarnessServer; close(): Promise<void> }> {
  const forwarding = await officeWorkstationCore(folder, devPlaintextSealer, {
    AVRR_OFFICE_URL: `https://localhost:${office.port}`,
    AVRR_OFFICE_ENROL_URL: `https://localhost:${office.enrolPort}`,
    AVRR_OFFICE_CODE: office.createEnrolmentCode().code,
    AVRR_OFFICE_NAME: name,
    AVRR_OFFICE_CA_FINGERPRINT: office.caFingerprint,
  });
  if (!forwarding) throw new Error('not a workstation');
  const harness = await startHarnessServer(forwarding, { rendererDir: resolve('out/web'), port: 0 });
  return {
    forwarding,
    harness,
    close: async () => {
      await harness.close();
      forwarding.close();
    },
  };
}
