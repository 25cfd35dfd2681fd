/**
 * Child process of rotation-crash.test.ts: signs in on the data folder given, prints "ready",
 * then rotates the database key again and again until the parent kills it with SIGKILL.
 */
import { createAppCore } from '../../../electron/core/app-core';
import { OWASP_MIN_KDF_PARAMS } from '../../../electron/core/auth/kdf';
import { devPlaintextSealer } from '../../../electron/core/keys/sealer';

const [dataDir, username, password] = process.argv.slice(2);
if (!dataDir || !username || !password) throw new Error('usage: rotation-crash-child DIR USER PASSWORD');
const core = createAppCore({ dataDir, sealer: devPlaintextSealer, workstation: 'crash-child', keySlots: { kdfParams: OWASP_MIN_KDF_PARAMS } });
const signedIn = await core.invoke('auth.signIn', { username, password });
if (!signedIn.ok) throw new Error(`sign-in failed: ${JSON.stringify(signedIn.error)}`);
process.stdout.write('ready\n');
for (;;) {
  const r = await core.invoke('keys.rotate', {});
  if (!r.ok) throw new Error(`rotation failed: ${JSON.stringify(r.error)}`);
}
