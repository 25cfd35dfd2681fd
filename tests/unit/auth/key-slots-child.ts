/**
 * Child process for key-slots-two-processes.test.ts (not a test itself):
 *   node --import tsx tests/unit/auth/key-slots-child.ts SLOTFILE DBKEYHEX PREFIX COUNT
 * Churns accounts in the same slot file as the test, then prints one JSON line: the ids it kept and removed.
 */
import { KeySlotStore } from '../../../electron/core/auth/key-slots';
import { devPlaintextSealer } from '../../../electron/core/keys/sealer';
import { CHURN_KDF, churn } from './key-slots-churn';

const [file, keyHex, prefix, count] = process.argv.slice(2);
if (!file || !keyHex || !prefix || !count) {
  process.stderr.write('usage: key-slots-child.ts SLOTFILE DBKEYHEX PREFIX COUNT\n');
  process.exit(2);
}
const store = KeySlotStore.open(file, devPlaintextSealer, { kdfParams: CHURN_KDF });
process.stdout.write(`${JSON.stringify(await churn(store, Buffer.from(keyHex, 'hex'), prefix, Number(count)))}\n`);
