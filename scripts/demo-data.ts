/**
 * Fill a data folder with synthetic demo cases (never real people: see electron/core/demo).
 *
 *   npm run demo-data -- --data-dir DIR --cases N [--seed S]
 *
 * Opens (or creates) the encrypted database DIR/avrr.db and prints one JSON line:
 * {"cases":N,"persons":P,"ms":T}. Usage errors exit with status 2.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DatabaseKeyError, openEncryptedDatabase } from '../electron/core/db/open';
import { generateDemoFamilies, insertDemoFamilies } from '../electron/core/demo';
import { FileKeyProvider } from '../electron/core/keys/key-provider';
import { devPlaintextSealer } from '../electron/core/keys/sealer';

const USAGE = 'usage: npm run demo-data -- --data-dir DIR --cases N [--seed S]';
const MAX_CASES = 1_000_000;

class UsageError extends Error {}

interface Options {
  dataDir: string;
  cases: number;
  seed: number;
}

function parseOptions(argv: string[]): Options {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { 'data-dir': { type: 'string' }, cases: { type: 'string' }, seed: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const dataDir = values['data-dir'];
  if (!dataDir) throw new UsageError('--data-dir is required');
  return {
    dataDir,
    cases: wholeNumber('--cases', values.cases, 1, MAX_CASES),
    seed: values.seed === undefined ? 1 : wholeNumber('--seed', values.seed, 0, 0xffffffff),
  };
}

function wholeNumber(flag: string, raw: string | undefined, min: number, max: number): number {
  if (raw === undefined) throw new UsageError(`${flag} is required`);
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
}

/**
 * The database key. For now the dev-only key file in the data folder; this is the one place to
 * change when the script unlocks through a key slot and a demo supervisor account instead.
 */
function getDatabaseKey(dataDir: string): Buffer {
  return new FileKeyProvider(dataDir, devPlaintextSealer).getOrCreateKey();
}

function main(argv: string[]): number {
  let opts: Options;
  try {
    opts = parseOptions(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`demo-data: ${e.message}\n${USAGE}\n`);
    return 2;
  }
  const t0 = performance.now();
  let open;
  try {
    open = openEncryptedDatabase(join(opts.dataDir, 'avrr.db'), getDatabaseKey(opts.dataDir));
  } catch (e) {
    if (!(e instanceof DatabaseKeyError)) throw e;
    process.stderr.write(`demo-data: ${e.message}\n`);
    return 1;
  }
  try {
    const summary = insertDemoFamilies(open, generateDemoFamilies(opts.cases, opts.seed), new Date());
    process.stdout.write(`${JSON.stringify({ cases: summary.cases, persons: summary.persons, ms: Math.round(performance.now() - t0) })}\n`);
  } finally {
    open.close();
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
