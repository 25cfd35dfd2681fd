/**
 * Child process for two-processes.test.ts (not a test itself):
 *   node --import tsx tests/unit/db/two-process-child.ts DATADIR USERNAME PASSWORD CALLS
 * Opens its own core on the same data folder as the test, signs in and makes a mix of reads and
 * writes, then prints one JSON line: how many calls failed, by error code.
 */
import { createAppCore } from '../../../electron/core/app-core';
import { devPlaintextSealer } from '../../../electron/core/keys/sealer';
import { mixedCalls } from './two-process-load';

const [dataDir, username, password, calls] = process.argv.slice(2);
if (!dataDir || !username || !password || !calls) {
  process.stderr.write('usage: two-process-child.ts DATADIR USERNAME PASSWORD CALLS\n');
  process.exit(2);
}
const core = createAppCore({ dataDir, sealer: devPlaintextSealer, workstation: 'second-process' });
const signIn = await core.invoke('auth.signIn', { username, password });
if (!signIn.ok) {
  process.stderr.write(`sign-in failed: ${JSON.stringify(signIn.error)}\n`);
  process.exit(3);
}
process.stdout.write(`${JSON.stringify(await mixedCalls((c, i) => core.invoke(c, i), Number(calls)))}\n`);
core.close();
