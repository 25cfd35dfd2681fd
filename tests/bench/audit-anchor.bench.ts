/**
 * The per-write audit anchor: `npm run bench -- audit-anchor`.
 *
 * After every audited write the session manager moves the trail's head outside the database
 * (nextAnchor: two indexed reads; writeAnchorFile: temp file + fsync + rename). Timed here on its
 * own and next to an audited save (WAL, synchronous=FULL, so the save includes the commit's
 * fsync), on a trail of 10,000 entries. The anchor is one more fsync, so it costs about what the
 * commit does; the reads that decide it are timed apart (decideMs). Target: < 50 ms p95 added to
 * a call (well under what a person notices), and the reads < 1 ms p95.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nextAnchor } from '../../electron/core/audit/anchor-advance';
import { readAnchorFile, writeAnchorFile } from '../../electron/core/audit/anchor-file';
import { deriveAuditKey } from '../../electron/core/audit/chain';
import type { AuditEntry } from '../../electron/core/audit/entry';
import { appendAudit } from '../../electron/core/audit/writer';
import { openEncryptedDatabase } from '../../electron/core/db/open';
import { summarize } from './stats';

const entry = (i: number): AuditEntry => ({
  at: new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString(),
  userId: null,
  username: 'bench',
  role: 'interview_officer',
  action: 'case.saveDraft',
  caseId: null,
  outcome: 'ok',
  workstation: 'CBSA-WS-0001',
  detail: null,
});

export default async function auditAnchorBench(): Promise<object> {
  const dir = mkdtempSync(join(tmpdir(), 'avrr-bench-anchor-'));
  try {
    const dbKey = randomBytes(32);
    const auditKey = deriveAuditKey(dbKey);
    const db = openEncryptedDatabase(join(dir, 'avrr.db'), dbKey);
    const { sqlite } = db;
    sqlite.transaction(() => {
      for (let i = 0; i < 10_000; i++) appendAudit(sqlite, auditKey, entry(i));
    })();
    const file = join(dir, 'audit-anchor.json');
    const audited = sqlite.transaction((i: number) => appendAudit(sqlite, auditKey, entry(10_000 + i)));
    const anchor = () => {
      const next = nextAnchor(sqlite, readAnchorFile(file));
      if (next) writeAnchorFile(file, next);
    };

    const saveMs: number[] = [];
    const anchorMs: number[] = [];
    const decideMs: number[] = [];
    for (let i = 0; i < 20; i++) {
      audited(-1 - i);
      anchor();
    }
    for (let i = 0; i < 500; i++) {
      const t0 = performance.now();
      audited(i);
      const t1 = performance.now();
      anchor();
      const t2 = performance.now();
      saveMs.push(t1 - t0);
      anchorMs.push(t2 - t1);
      const t3 = performance.now();
      nextAnchor(sqlite, readAnchorFile(file));
      decideMs.push(performance.now() - t3);
    }
    db.close();
    const anchorStats = summarize(anchorMs);
    const decideStats = summarize(decideMs);
    return {
      trailLength: 10_000,
      auditedSaveMs: summarize(saveMs),
      anchorMs: anchorStats,
      decideMs: decideStats,
      targetAnchorP95Ms: 50,
      targetDecideP95Ms: 1,
      meetsTarget: anchorStats.p95 < 50 && decideStats.p95 < 1,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
