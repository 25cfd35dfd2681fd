/**
 * Fill a data folder with synthetic demo cases (never real people: see electron/core/demo), spread
 * over the whole lifecycle from drafts to closed files and every exit (demo/insert-lifecycle.ts;
 * no consent forms or referral packets: those are signed PDFs, which demo cases do not get).
 *
 *   npm run demo-data -- --data-dir DIR --cases N [--seed S] [--username U] [--password P]
 *
 * Opens the data folder through an account's key slot, as the app does. A new folder is set
 * up with a demo supervisor account (default user name demo.supervisor; the password comes
 * from --password, AVRR_PASSWORD, or is generated and printed once). Prints one JSON line:
 * {"cases":N,"persons":P,"ms":T,...}. Usage errors exit with status 2, sign-in failures 1.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { DatabaseKeyError } from '../electron/core/db/open';
import { z } from 'zod';
import { generateDemoFamilies, insertDemoLifecycle } from '../electron/core/demo';
import { DemoSetupError, DemoSignInError, openDemoDataFolder } from '../electron/core/demo/data-folder';

const USAGE = 'usage: npm run demo-data -- --data-dir DIR --cases N [--seed S] [--username U] [--password P]';
const MAX_CASES = 1_000_000;

class UsageError extends Error {}

interface Options {
  dataDir: string;
  cases: number;
  seed: number;
  username: string;
  password: string | undefined;
}

function parseOptions(argv: string[]): Options {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { 'data-dir': { type: 'string' }, cases: { type: 'string' }, seed: { type: 'string' }, username: { type: 'string' }, password: { type: 'string' } },
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
    username: values.username ?? 'demo.supervisor',
    password: values.password ?? process.env.AVRR_PASSWORD,
  };
}

function wholeNumber(flag: string, raw: string | undefined, min: number, max: number): number {
  if (raw === undefined) throw new UsageError(`${flag} is required`);
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
}

async function main(argv: string[]): Promise<number> {
  let opts: Options;
  try {
    opts = parseOptions(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`demo-data: ${e.message}\n${USAGE}\n`);
    return 2;
  }
  const t0 = performance.now();
  const generated = opts.password === undefined;
  const password = opts.password ?? `${randomBytes(12).toString('base64url')} sample passphrase`;
  let folder;
  try {
    folder = await openDemoDataFolder(opts.dataDir, { username: opts.username, displayName: 'AVRR Demonstration', password });
  } catch (e) {
    if (e instanceof DemoSetupError) {
      process.stderr.write(`demo-data: ${e.message}\n`);
      return 2;
    }
    if (!(e instanceof DatabaseKeyError) && !(e instanceof DemoSignInError)) throw e;
    process.stderr.write(`demo-data: ${e.message}\n`);
    return 1;
  }
  const open = folder.open;
  try {
    // Decisions and stages name the demo account as the officer who recorded them.
    const by = z.string().parse(open.sqlite.prepare('SELECT id FROM users WHERE username = ?').pluck().get(opts.username));
    const summary = insertDemoLifecycle(open, generateDemoFamilies(opts.cases, opts.seed), new Date(), { by, seed: opts.seed });
    const account = folder.created ? { username: opts.username, ...(generated ? { password } : {}) } : undefined;
    process.stdout.write(`${JSON.stringify({ cases: summary.cases, persons: summary.persons, stages: summary.stages, byStatus: summary.byStatus, ms: Math.round(performance.now() - t0), ...(account ? { demoSupervisor: account } : {}) })}\n`);
  } finally {
    open.close();
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
