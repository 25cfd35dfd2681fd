/**
 * Retention (issue 14 point 4) on a 50,000-case database (the demo data: about 106,000 persons,
 * 374,000 stage entries): how long the disposal list takes (every case's last administrative use,
 * one statement), how long a disposal of 100 cases takes (the transaction, the search index's
 * merge, the WAL emptied, VACUUM), and what `secure_delete` would cost on every save if it were on
 * for the whole connection (an intake save rewritten 300 times, off and on).
 *
 * Needs a data folder written by `npm run demo-data -- --data-dir DIR --cases 50000` (minutes):
 * AVRR_BENCH_RETENTION_DIR=DIR AVRR_PASSWORD=... npm run bench -- retention. The folder is
 * copied first (the disposal changes it). Without it the benchmark says so and measures nothing.
 */
import { cpSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAccessServices } from '../../electron/core/access-services';
import { openEncryptedDatabase } from '../../electron/core/db/open';
import type { Sqlite } from '../../electron/core/db/open';
import { devPlaintextSealer } from '../../electron/core/keys/sealer';
import { disposeCase, scrubFreedPages, withSecureDelete } from '../../electron/core/retention/dispose';
import { disposalCandidates } from '../../electron/core/retention/last-use';
import { summarize } from './stats';

const TZ = 'America/Toronto';
const BATCH = 100;
const SAVES = 300;

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** One intake save as the app writes it: the case row's intake JSON rewritten, in its own transaction. */
function saves(sqlite: Sqlite, ids: readonly string[]): number[] {
  // A throwaway copy: the intake gains a field of varying length (the row is rewritten, as a save does).
  const write = sqlite.prepare(`UPDATE cases SET intake = json_set(intake, '$.benchSave', ?), version = version + 1 WHERE id = ?`);
  const times: number[] = [];
  for (let i = 0; i < SAVES; i++) {
    const id = ids[i % ids.length] ?? '';
    const t = process.hrtime.bigint();
    sqlite.transaction(() => write.run('x'.repeat(i % 97), id)).immediate();
    times.push(ms(t));
  }
  return times;
}

export default async function retentionBench(): Promise<object> {
  const source = process.env.AVRR_BENCH_RETENTION_DIR;
  const password = process.env.AVRR_PASSWORD;
  if (!source || !password) return { skipped: 'set AVRR_BENCH_RETENTION_DIR (a demo-data folder) and AVRR_PASSWORD' };
  const username = process.env.AVRR_BENCH_RETENTION_USER ?? 'demo.supervisor';
  const dir = mkdtempSync(join(tmpdir(), 'avrr-bench-retention-'));
  try {
    cpSync(source, dir, { recursive: true });
    const unlocked = await openAccessServices(dir, devPlaintextSealer).vault.unlock(username, password, new Date());
    if (!unlocked.ok) return { skipped: 'cannot sign in to the folder' };
    const file = join(dir, 'avrr.db');
    const open = openEncryptedDatabase(file, unlocked.dbKey);
    const { sqlite } = open;
    try {
      const secureDeleteAsOpened = sqlite.pragma('secure_delete', { simple: true });
      // Three years on, every demo case is past two years.
      const today = '2029-12-31';
      const listTimes: number[] = [];
      let listed = 0;
      for (let i = 0; i < 5; i++) {
        const t = process.hrtime.bigint();
        listed = disposalCandidates(sqlite, TZ, 2, today).length;
        listTimes.push(ms(t));
      }

      const rssBeforeMb = Math.round(process.resourceUsage().maxRSS / 1024);
      const ids = disposalCandidates(sqlite, TZ, 2, today).slice(0, BATCH).map((c) => c.caseId);
      const sizeBefore = statSync(file).size;
      const t0 = process.hrtime.bigint();
      withSecureDelete(sqlite, () =>
        sqlite.transaction(() => {
          for (const id of ids) disposeCase(sqlite, { caseId: id, by: 'bench', at: new Date().toISOString(), reason: 'bench' });
        }).immediate(),
      );
      const txMs = ms(t0);
      const t1 = process.hrtime.bigint();
      const scrub = scrubFreedPages(sqlite, { vacuum: true });
      const scrubMs = ms(t1);

      const saveIds = disposalCandidates(sqlite, TZ, 2, today).slice(0, 50).map((c) => c.caseId);
      // (SQLite3MultipleCiphers opens encrypted connections with it on: off is set for the comparison.)
      sqlite.pragma('secure_delete = OFF');
      const off = summarize(saves(sqlite, saveIds));
      sqlite.pragma('secure_delete = ON');
      const on = summarize(saves(sqlite, saveIds));
      sqlite.pragma(`secure_delete = ${String(secureDeleteAsOpened)}`);

      return {
        maxRssBeforeDisposalMb: rssBeforeMb,
        secureDeleteOnAppConnection: secureDeleteAsOpened,
        cases: Number(sqlite.prepare('SELECT count(*) FROM cases').pluck().get()),
        fileMb: Math.round(sizeBefore / 1e5) / 10,
        disposalList: { listed, ms: summarize(listTimes) },
        dispose100: { transactionMs: Math.round(txMs), scrubMs: Math.round(scrubMs), scrubSteps: scrub.ms, walEmptied: scrub.walEmptied, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) },
        intakeSave: { secureDeleteOff: off, secureDeleteOn: on },
      };
    } finally {
      open.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
