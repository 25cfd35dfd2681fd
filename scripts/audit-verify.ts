/**
 * Verify the audit trail of a data folder from the command line.
 *
 *   npm run audit:verify -- --data-dir DIR --username U [--head SEQ:MAC]
 *
 * Signs in as U (password typed without echo, or AVRR_PASSWORD for automation) through the key
 * slots in DIR/keyslots.json, opens DIR/avrr.db read-only and checks the HMAC chain, against
 * the trail head given with --head or else the one the app anchored in DIR/audit-anchor.json
 * (older folders: in the key-slot file), and against the audit heads printed in every signed
 * document of the register (a trail cut or rewritten behind a document no longer holds them).
 * The sign-in counts like any other: failures are throttled, locked out and queued for the
 * audit trail. Only data folders sealed with the dev sealer can be read here (the OS key store
 * belongs to the Electron app); for those, verify from the app's audit screen.
 *
 * Prints `ok` and exits 0; prints the first bad entry (index, seq, kind) and exits 1; usage
 * errors exit 2; a failed sign-in or an unreadable folder exits 3.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { derivedKeysOf } from '../electron/core/keys/derived-keys';
import { AUDIT_ANCHOR_FILE, readAnchorFile } from '../electron/core/audit/anchor-file';
import { verifyTrail } from '../electron/core/audit/verify-trail';
import type { AuditHead } from '../electron/core/audit/verify';
import { KeySlotStore } from '../electron/core/auth/key-slots';
import { openEncryptedDatabase } from '../electron/core/db/open';
import { devPlaintextSealer } from '../electron/core/keys/sealer';
import { CannotOpenError, UsageError, readPassword, runCli } from './cli-sign-in';

const USAGE = 'usage: npm run audit:verify -- --data-dir DIR --username U [--head SEQ:MAC]';

function parse(argv: string[]): { dataDir: string; username: string; head?: AuditHead } {
  let values: { 'data-dir'?: string; username?: string; head?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { 'data-dir': { type: 'string' }, username: { type: 'string' }, head: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const dataDir = values['data-dir'];
  const username = values.username;
  if (!dataDir || !username) throw new UsageError('--data-dir and --username are required');
  if (values.head === undefined) return { dataDir, username };
  const m = /^(\d+):([0-9a-f]{64})$/.exec(values.head);
  if (!m?.[1] || !m[2]) throw new UsageError('--head must be SEQ:MAC (MAC as 64 lower-case hex digits)');
  return { dataDir, username, head: { seq: Number(m[1]), mac: m[2] } };
}

async function main(): Promise<number> {
  const args = parse(process.argv.slice(2));
  const slotsFile = join(args.dataDir, 'keyslots.json');
  const dbFile = join(args.dataDir, 'avrr.db');
  if (!existsSync(slotsFile) || !existsSync(dbFile)) throw new CannotOpenError(`${args.dataDir} has no keyslots.json and avrr.db`);

  let store: KeySlotStore;
  try {
    store = KeySlotStore.open(slotsFile, devPlaintextSealer);
  } catch (e) {
    throw new CannotOpenError(`cannot read ${slotsFile} (sealed by the OS key store? verify from the app): ${e instanceof Error ? e.message : String(e)}`);
  }
  const unlocked = await store.unlock(args.username, await readPassword());
  if (!unlocked.ok) {
    throw new CannotOpenError(unlocked.reason === 'locked' ? `sign-in locked until ${unlocked.lockedUntil}` : 'sign-in failed: wrong user name or password');
  }

  const db = openEncryptedDatabase(dbFile, unlocked.dbKey, { readonly: true });
  try {
    // An explicit --head wins; otherwise the anchor the app keeps next to the database, if any.
    const head = args.head ?? readAnchorFile(join(args.dataDir, AUDIT_ANCHOR_FILE)) ?? store.auditHead() ?? undefined;
    if (!head) process.stderr.write('no head anchor: entries cut from the end of the trail cannot be detected\n');
    const result = verifyTrail(db.sqlite, derivedKeysOf(db.db, unlocked.dbKey).audit, head ?? null);
    if (result.ok) {
      process.stdout.write('ok\n');
      process.stderr.write(`${result.count} entries verified${result.head ? `; head ${result.head.seq}:${result.head.mac}` : ''}\n`);
      return 0;
    }
    const behind = 'document' in result ? ` document=${result.document}` : '';
    process.stdout.write(`bad entry: index=${result.index} seq=${result.seq} kind=${result.kind}${behind}\n`);
    return 1;
  } finally {
    db.close();
    unlocked.dbKey.fill(0);
  }
}

runCli(main, USAGE);
