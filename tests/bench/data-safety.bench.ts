/**
 * Data safety (issue 14) on a 50,000-case database: a verified backup (copy, integrity check,
 * audit chain, counts, backup file written and read back), a restore into a new folder with its
 * check, and a rotation of the database key. Targets: backup and restore under 30 s each,
 * rotation under 10 s.
 *
 * Needs a data folder written by `npm run demo-data -- --data-dir DIR --cases 50000` (minutes):
 * AVRR_BENCH_DATA_SAFETY_DIR=DIR AVRR_PASSWORD=... npm run bench -- data-safety
 * (user name demo.supervisor unless AVRR_BENCH_USERNAME). The folder is copied first (the
 * rotation changes it). Without it the benchmark says so and measures nothing.
 */
import { cpSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEY_SLOTS_FILE } from '../../electron/core/access-services';
import { KeySlotStore } from '../../electron/core/auth/key-slots';
import { restoreBackup } from '../../electron/core/backup/restore';
import { writeBackup } from '../../electron/core/backup/write';
import { devPlaintextSealer } from '../../electron/core/keys/sealer';
import { openUnlocked, rotateDatabaseKey } from '../../electron/core/keys/rotation';
import { DB_FILE_NAME } from '../../electron/core/session/manager';

const target = { backupMs: 30_000, restoreMs: 30_000, rotationMs: 10_000 } as const;

export default async function dataSafetyBench(): Promise<object> {
  const source = process.env['AVRR_BENCH_DATA_SAFETY_DIR'];
  const password = process.env['AVRR_PASSWORD'];
  const username = process.env['AVRR_BENCH_USERNAME'] ?? 'demo.supervisor';
  if (!source || !password) return { skipped: 'set AVRR_BENCH_DATA_SAFETY_DIR (a demo-data folder of 50,000 cases) and AVRR_PASSWORD', target };
  const work = mkdtempSync(join(tmpdir(), 'avrr-bench-data-safety-'));
  try {
    const dataDir = join(work, 'data');
    cpSync(source, dataDir, { recursive: true });
    const store = KeySlotStore.open(join(dataDir, KEY_SLOTS_FILE), devPlaintextSealer);
    const unlocked = await store.unlock(username, password);
    if (!unlocked.ok) throw new Error('cannot sign in to the bench folder');
    const dbFile = join(dataDir, DB_FILE_NAME);
    let { open, key } = openUnlocked(dbFile, unlocked, store, () => new Date());
    const dbBytes = statSync(dbFile).size;

    const folder = join(work, 'backups');
    const phases: Record<string, number> = {};
    let last = performance.now();
    const t0 = last;
    const written = await writeBackup({
      sqlite: open.sqlite, key, slots: () => store.slotsForBackup(), folder, office: 'Bench', generations: 2, now: new Date(),
      onPhase: (phase) => {
        const now = performance.now();
        phases[`before_${phase}`] = Math.round(now - last);
        last = now;
      },
    });
    const backupMs = Math.round(performance.now() - t0);

    const t1 = performance.now();
    const restored = await restoreBackup({ file: join(folder, written.fileName), targetDir: join(work, 'restored'), username, password, sealer: devPlaintextSealer });
    const restoreMs = Math.round(performance.now() - t1);

    const t2 = performance.now();
    const steps: Record<string, number> = {};
    let stepStart = t2;
    const rotated = rotateDatabaseKey(open, dbFile, key, store, () => new Date(), {
      afterStep: (step) => {
        const now = performance.now();
        steps[step] = Math.round(now - stepStart);
        stepStart = now;
      },
    });
    const rotationMs = Math.round(performance.now() - t2);
    ({ open, key } = rotated);
    open.close();
    key.fill(0);

    return {
      database: { bytes: dbBytes, ...written.counts },
      backup: { ms: backupMs, phasesMs: phases, fileBytes: written.bytes, verification: written.verification },
      restore: { ms: restoreMs, ok: restored.ok, verification: restored.verification },
      rotation: { ms: rotationMs, stepsMs: steps },
      target,
      met: { backup: backupMs < target.backupMs, restore: restoreMs < target.restoreMs, rotation: rotationMs < target.rotationMs },
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
