import { join } from 'node:path';
import type { AppCore } from '../core/app-core';
import type { SecretSealer } from '../core/keys/sealer';
import { enrolWorkstation, loadWorkstationCredentials, officeInvoker } from '../office/client';

/**
 * The harness as a workstation of the office server (issue 15 point 3): `invoke` goes to the
 * server over mutual TLS instead of a local core; the page does not change. The workstation's
 * certificate and sealed key are kept in `<dataDir>/office-workstation`; the first start enrols
 * with the code the server printed.
 *
 * Env: AVRR_OFFICE_URL (the server's workstation port, https://host:port), and for the first
 * start AVRR_OFFICE_ENROL_URL (its enrolment port), AVRR_OFFICE_CODE, AVRR_OFFICE_NAME (this
 * workstation's name), AVRR_OFFICE_CA_FINGERPRINT (as the server console shows it; recommended).
 */
export async function officeWorkstationCore(dataDir: string, sealer: SecretSealer, env: NodeJS.ProcessEnv): Promise<AppCore | null> {
  const url = env['AVRR_OFFICE_URL'];
  if (!url) return null;
  const folder = join(dataDir, 'office-workstation');
  const enrolled =
    loadWorkstationCredentials(folder, sealer) ??
    (await enrolWorkstation({
      url: required(env, 'AVRR_OFFICE_ENROL_URL'),
      code: required(env, 'AVRR_OFFICE_CODE'),
      name: required(env, 'AVRR_OFFICE_NAME'),
      folder,
      sealer,
      ...(env['AVRR_OFFICE_CA_FINGERPRINT'] ? { caFingerprint: env['AVRR_OFFICE_CA_FINGERPRINT'] } : {}),
    }));
  const invoke = officeInvoker({ url, credentials: enrolled.credentials });
  return { invoke: (channel, input) => invoke(channel, input), close: () => invoke.close() };
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is needed to enrol this workstation with the office server`);
  return value;
}
