/**
 * Child process for crash-safety.test.ts (not a test itself):
 *   node --import tsx tests/unit/db/crash-child.ts DBFILE KEYHEX
 * Loads its modules, prints "loaded" and waits for a line on stdin (so the test can start the
 * next child while this one runs: loading takes about a second, mostly drizzle's many files).
 * Then opens the encrypted database and saves cases in a loop, one transaction each (the case and
 * its principal, as the app does), printing each case id only AFTER its commit returned. The
 * test kills it with SIGKILL at a random moment.
 */
import { createCase } from '../../../electron/core/cases/service';
import { openEncryptedDatabase } from '../../../electron/core/db/open';
import { DEFAULT_OFFICE_TIME_ZONE, officeYear } from '../../../shared/time/office-time';

const [file, keyHex] = process.argv.slice(2);
if (!file || !keyHex) {
  process.stderr.write('usage: crash-child.ts DBFILE KEYHEX\n');
  process.exit(2);
}
// The first use of a time zone loads ICU's zone data (~45 ms): done before the test's clock starts,
// like the module loading, so the kill lands among commits and not in one-time start-up work.
officeYear(new Date(), DEFAULT_OFFICE_TIME_ZONE);
process.stdout.write('loaded\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
const open = openEncryptedDatabase(file, Buffer.from(keyHex, 'hex'));
const save = open.sqlite.transaction((i: number) =>
  createCase(
    open,
    { channel: 'walk_in', principal: { nameAsWritten: `Kovács Zoltán ${i}`, nameLatin: `Kovacs Zoltan ${i}`, dateOfBirth: '1980-02-29', nationality: 'HUN', uci: String(10_000_000 + i) } },
    null,
    new Date(),
  ),
);
process.stdout.write('ready\n');
// Pipes are written synchronously on Linux, so a printed id has left this process before the next commit starts.
for (let i = 0; ; i++) process.stdout.write(`${save(i).id}\n`);
