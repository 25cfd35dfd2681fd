/**
 * Write one verified backup of a data folder into a folder, from the command line (IT staff,
 * scheduled tasks). The same code as the app's backups (electron/core/backup/write.ts).
 *
 *   npm run backup -- --data-dir DIR --username U --to FOLDER
 *
 * Signs in as U like audit:verify (AVRR_PASSWORD, or typed without echo). Prints the backup
 * file's path and exits 0; a backup that failed (folder, disk full, check) exits 1 and leaves
 * any earlier backup as it was; usage errors exit 2; a failed sign-in or unreadable folder exits 3.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { KEY_SLOTS_FILE } from '../electron/core/access-services';
import { KeySlotStore } from '../electron/core/auth/key-slots';
import { BACKUP_LIMITS } from '../shared/schema/data-safety';
import { BACKUP_OFFICE } from '../electron/core/backup/service';
import { BackupFailedError, writeBackup } from '../electron/core/backup/write';
import { privateUmask } from '../electron/core/data-folder';
import { devPlaintextSealer } from '../electron/core/keys/sealer';
import { openUnlocked } from '../electron/core/keys/rotation';
import { DB_FILE_NAME } from '../electron/core/session/manager';
import { CannotOpenError, UsageError, readPassword, runCli } from './cli-sign-in';

const USAGE = 'usage: npm run backup -- --data-dir DIR --username U --to FOLDER [--generations N]';

function parse(argv: string[]): { dataDir: string; username: string; to: string; generations: number } {
  let values: { 'data-dir'?: string; username?: string; to?: string; generations?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { 'data-dir': { type: 'string' }, username: { type: 'string' }, to: { type: 'string' }, generations: { type: 'string' } }, strict: true, allowPositionals: false }));
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const { username, to } = values;
  const dataDir = values['data-dir'];
  if (!dataDir || !username || !to) throw new UsageError('--data-dir, --username and --to are required');
  const generations = values.generations === undefined ? BACKUP_LIMITS.generations.default : Number(values.generations);
  if (!Number.isInteger(generations) || generations < BACKUP_LIMITS.generations.min || generations > BACKUP_LIMITS.generations.max) {
    throw new UsageError(`--generations must be a whole number from ${BACKUP_LIMITS.generations.min} to ${BACKUP_LIMITS.generations.max}`);
  }
  return { dataDir: resolve(dataDir), username, to: resolve(to), generations };
}

async function main(): Promise<number> {
  privateUmask();
  const args = parse(process.argv.slice(2));
  const slotsFile = join(args.dataDir, KEY_SLOTS_FILE);
  const dbFile = join(args.dataDir, DB_FILE_NAME);
  if (!existsSync(slotsFile) || !existsSync(dbFile)) throw new CannotOpenError(`${args.dataDir} has no ${KEY_SLOTS_FILE} and ${DB_FILE_NAME}`);
  let store: KeySlotStore;
  try {
    store = KeySlotStore.open(slotsFile, devPlaintextSealer);
  } catch (e) {
    throw new CannotOpenError(`cannot read ${slotsFile} (sealed by the OS key store? back up from the app): ${e instanceof Error ? e.message : String(e)}`);
  }
  const unlocked = await store.unlock(args.username, await readPassword());
  if (!unlocked.ok) throw new CannotOpenError(unlocked.reason === 'locked' ? `sign-in locked until ${unlocked.lockedUntil}` : 'sign-in failed: wrong user name or password');
  const { open, key } = openUnlocked(dbFile, unlocked, store, () => new Date());
  try {
    const started = performance.now();
    const written = await writeBackup({ sqlite: open.sqlite, key, slots: () => store.slotsForBackup(), folder: args.to, office: BACKUP_OFFICE, generations: args.generations, now: new Date() });
    process.stdout.write(`${join(args.to, written.fileName)}\n`);
    const c = written.counts;
    process.stderr.write(`verified: ${c.cases} cases, ${c.persons} persons, ${c.documents} documents, ${c.auditEntries} audit entries; ${written.bytes} bytes in ${Math.round(performance.now() - started)} ms\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof BackupFailedError)) throw e;
    process.stderr.write(`backup failed: ${e.failure}${e.cause instanceof Error ? ` (${e.cause.message})` : ''}; earlier backups were not touched\n`);
    return 1;
  } finally {
    open.close();
    key.fill(0);
  }
}

runCli(main, USAGE);
