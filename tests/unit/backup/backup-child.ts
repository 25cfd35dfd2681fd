/**
 * Child process of backup-killed.test.ts: signs in on the data folder given, starts a backup,
 * prints "started" as soon as the call returns (the copy is made, the checks and the writing are
 * still to come), and waits to be killed.
 */
import { createAppCore } from '../../../electron/core/app-core';
import { OWASP_MIN_KDF_PARAMS } from '../../../electron/core/auth/kdf';
import { devPlaintextSealer } from '../../../electron/core/keys/sealer';

const [dataDir, username, password] = process.argv.slice(2);
if (!dataDir || !username || !password) throw new Error('usage: backup-child DIR USER PASSWORD');
const core = createAppCore({ dataDir, sealer: devPlaintextSealer, workstation: 'backup-child', keySlots: { kdfParams: OWASP_MIN_KDF_PARAMS } });
const signedIn = await core.invoke('auth.signIn', { username, password });
if (!signedIn.ok) throw new Error(`sign-in failed: ${JSON.stringify(signedIn.error)}`);
// This process's clock is today's: the sign-in itself may have started the scheduled backup.
const run = await core.invoke('backup.run', {});
if (!run.ok && run.error.messageKey !== 'backup.errors.running') throw new Error(`backup.run failed: ${JSON.stringify(run.error)}`);
process.stdout.write('started\n');
setInterval(() => undefined, 1000);
