/**
 * The programme's report from the command line: the same `Report` as the Reports screen.
 *
 *   npm run report -- --data-dir DIR --username U --from DATE --to DATE [--basis application|event] --format json|csv [--lang en|fr]
 *
 * Signs in as U (password typed without echo, or AVRR_PASSWORD for automation; the first line of
 * stdin when it is not a terminal) through DIR/keyslots.json, opens DIR/avrr.db read-only and
 * computes the report with electron/core/reports/service.ts `buildReport`, the code `report.get`
 * runs, for the office's today and time zone. The account needs the report.read permission
 * (interview officer, supervisor).
 *
 * As `npm run audit:verify`: the database is opened read-only and nothing is written to it, so
 * this run leaves no audit entry (the output is aggregate numbers only: no names, no case
 * numbers); the sign-in counts like any other (failures are throttled, locked out and queued in
 * the key-slot file for the audit trail). Only folders sealed with the dev sealer can be read here.
 *
 * JSON: shared/reports/plain.ts `plainReport` (every count a number; `funnel` a list of
 * `{ step, count, ... }` in funnel order). CSV: shared/reports/csv.ts, in --lang (default en).
 * Exits 0; usage errors 2; a failed sign-in, a missing permission or an unreadable folder 3.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { KEY_SLOTS_FILE } from '../electron/core/access-services';
import { KeySlotStore } from '../electron/core/auth/key-slots';
import { openEncryptedDatabase, sourceMigrationsDir } from '../electron/core/db/open';
import type { OpenDatabase } from '../electron/core/db/open';
import { devPlaintextSealer } from '../electron/core/keys/sealer';
import { buildReport } from '../electron/core/reports/service';
import { DB_FILE_NAME } from '../electron/core/session/manager';
import { readOfficeTimeZone } from '../electron/core/session/office-settings';
import { roleOf, userById } from '../electron/core/users/rows';
import { reportCsv } from '../shared/reports/csv';
import { plainReport } from '../shared/reports/plain';
import { reportQuery } from '../shared/reports/query';
import type { ReportQuery } from '../shared/reports/query';
import type { Report } from '../shared/reports/report';
import { can } from '../shared/roles';
import { officeDate } from '../shared/time/office-time';
import { readPassword } from './cli-sign-in';

const USAGE = 'usage: npm run report -- --data-dir DIR --username U --from YYYY-MM-DD --to YYYY-MM-DD [--basis application|event] --format json|csv [--lang en|fr]';

class UsageError extends Error {}
class CannotRunError extends Error {}

export interface ReportArgs {
  dataDir: string;
  username: string;
  query: ReportQuery;
  format: 'json' | 'csv';
  lang: 'en' | 'fr';
}

export function parseReportArgs(argv: string[]): ReportArgs {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        'data-dir': { type: 'string' },
        username: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        basis: { type: 'string' },
        format: { type: 'string' },
        lang: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const dataDir = values['data-dir'];
  const username = values.username;
  if (!dataDir || !username) throw new UsageError('--data-dir and --username are required');
  const format = z.enum(['json', 'csv']).safeParse(values.format);
  if (!format.success) throw new UsageError('--format must be json or csv');
  const lang = z.enum(['en', 'fr']).safeParse(values.lang ?? 'en');
  if (!lang.success) throw new UsageError('--lang must be en or fr');
  const query = reportQuery.safeParse({ from: values.from, to: values.to, basis: values.basis ?? 'application' });
  if (!query.success) {
    const what = query.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ');
    throw new UsageError(`--from and --to must be dates (YYYY-MM-DD, from 2000, from <= to) and --basis application or event (${what})`);
  }
  return { dataDir, username, query: query.data, format: format.data, lang: lang.data };
}

/** Every migration of this version of the app has run on the folder (the app applies them when it opens it). */
function requireCurrentSchema(open: OpenDatabase): void {
  const journal = z.object({ entries: z.array(z.unknown()) }).parse(JSON.parse(readFileSync(join(sourceMigrationsDir, 'meta', '_journal.json'), 'utf8')));
  const applied = z.number().parse(open.sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get());
  if (applied < journal.entries.length) throw new CannotRunError('the data folder was last opened by an older version of the app: open it once with this version first');
}

export interface ReportIo {
  password(): Promise<string>;
  out(text: string): void;
  err(text: string): void;
  now(): Date;
}

/** Sign in, open read-only, compute: the report `report.get` gives for the same data and day. */
export async function computeFromFolder(args: ReportArgs, io: Pick<ReportIo, 'password' | 'now'>): Promise<Report> {
  const slotsFile = join(args.dataDir, KEY_SLOTS_FILE);
  const dbFile = join(args.dataDir, DB_FILE_NAME);
  if (!existsSync(slotsFile) || !existsSync(dbFile)) throw new CannotRunError(`${args.dataDir} has no ${KEY_SLOTS_FILE} and ${DB_FILE_NAME}`);
  let store: KeySlotStore;
  try {
    store = KeySlotStore.open(slotsFile, devPlaintextSealer);
  } catch (e) {
    throw new CannotRunError(`cannot read ${slotsFile} (sealed by the OS key store? use the app's Reports screen): ${e instanceof Error ? e.message : String(e)}`);
  }
  const unlocked = await store.unlock(args.username, await io.password(), io.now());
  if (!unlocked.ok) throw new CannotRunError(unlocked.reason === 'locked' ? `sign-in locked until ${unlocked.lockedUntil}` : 'sign-in failed: wrong user name or password');
  const open = openEncryptedDatabase(dbFile, unlocked.dbKey, { readonly: true });
  try {
    const user = userById(open.db, unlocked.userId);
    if (!user || user.status !== 'active' || !can(roleOf(user), 'report.read')) throw new CannotRunError(`${args.username} may not read reports (interview officers and supervisors may)`);
    requireCurrentSchema(open);
    const now = io.now();
    const timeZone = readOfficeTimeZone(open.db);
    return buildReport(open, args.query, { today: officeDate(now, timeZone), timeZone, now });
  } finally {
    open.close();
    unlocked.dbKey.fill(0);
  }
}

export async function runReport(argv: string[], io: ReportIo): Promise<number> {
  let args: ReportArgs;
  try {
    args = parseReportArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`report: ${e.message}\n${USAGE}\n`);
    return 2;
  }
  let report: Report;
  try {
    report = await computeFromFolder(args, io);
  } catch (e) {
    io.err(`report: ${e instanceof Error ? e.message : String(e)}\n`);
    return 3;
  }
  io.out(args.format === 'json' ? `${JSON.stringify(plainReport(report), null, 2)}\n` : reportCsv(report, args.lang).csv);
  return 0;
}


if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runReport(process.argv.slice(2), {
    password: readPassword,
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    now: () => new Date(),
  }).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`report: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(3);
    },
  );
}
