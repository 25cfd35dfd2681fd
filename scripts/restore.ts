/**
 * Restore a backup file into a new data folder, from the command line (the same code as the
 * app's restore, electron/core/backup/restore.ts).
 *
 *   npm run restore -- --from FILE --data-dir NEWDIR --username U
 *
 * NEWDIR must not exist or be empty: nothing is ever restored over data. Signs in as U with the
 * password U had when the backup was made (AVRR_PASSWORD, or typed without echo). Prints what the
 * backup holds and its check, and exits 0 if the check passed; 1 if the restored copy failed its
 * check (the folder is kept for inspection, do not use it); 2 on usage errors; 3 if the file is
 * not a backup, was altered, the folder is not empty, or the sign-in failed.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { RestoreRefusedError, restoreBackup } from '../electron/core/backup/restore';
import { privateUmask } from '../electron/core/data-folder';
import { devPlaintextSealer } from '../electron/core/keys/sealer';
import { CannotOpenError, UsageError, readPassword, runCli } from './cli-sign-in';

const USAGE = 'usage: npm run restore -- --from FILE --data-dir NEWDIR --username U';

function parse(argv: string[]): { from: string; dataDir: string; username: string } {
  let values: { from?: string; 'data-dir'?: string; username?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { from: { type: 'string' }, 'data-dir': { type: 'string' }, username: { type: 'string' } }, strict: true, allowPositionals: false }));
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const dataDir = values['data-dir'];
  if (!values.from || !dataDir || !values.username) throw new UsageError('--from, --data-dir and --username are required');
  return { from: resolve(values.from), dataDir: resolve(dataDir), username: values.username };
}

async function main(): Promise<number> {
  privateUmask();
  const args = parse(process.argv.slice(2));
  const started = performance.now();
  let r;
  try {
    r = await restoreBackup({ file: args.from, targetDir: args.dataDir, username: args.username, password: await readPassword(), sealer: devPlaintextSealer });
  } catch (e) {
    if (e instanceof RestoreRefusedError) throw new CannotOpenError(`restore refused: ${e.reason.replace(/_/g, ' ')}; nothing was restored`);
    throw e;
  }
  const c = r.counts;
  const v = r.verification;
  process.stdout.write(
    [
      `restored into ${args.dataDir}`,
      `backup of ${r.office} made ${r.createdAt}`,
      `${c.cases} cases, ${c.persons} persons, ${c.documents} documents, ${c.auditEntries} audit entries`,
      `audit head ${r.auditHead ? `${r.auditHead.seq}:${r.auditHead.mac}` : 'none'}`,
      `integrity ${v.integrity ? 'ok' : 'FAILED'}, audit chain ${v.auditChain ? 'ok' : 'FAILED'}, counts ${v.countsMatch ? 'match' : 'DO NOT MATCH'}`,
      `${Math.round(performance.now() - started)} ms`,
    ].join('\n') + '\n',
  );
  return r.ok ? 0 : 1;
}

runCli(main, USAGE);
