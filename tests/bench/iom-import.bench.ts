/**
 * IOM status file import: preview + apply of 5,000 status rows on a database of 50,000 cases
 * (target: under 2 s together), through the real channels of a real core.
 *
 *   npx tsx tests/bench/run.ts iom-import
 *
 * The 50,000 cases are written with the demo bulk writer; 5,000 of them are then marked referred
 * through the cases module's writer, each with a referral packet row in the register (written
 * directly with register/document-rows.ts: the PDFs themselves play no part in the import), and
 * their task facts kept on the row as a referral leaves them (cases/attention.ts).
 * Two files of 5,000 rows, every row new and applied (the worst case), the target on both:
 *   - `deep`: 1,250 cases, four stages each (acknowledged, counselling done, travel document not
 *     needed, flight booked);
 *   - `wide`: 2,500 other cases, two stages each (acknowledged, counselling done).
 * And, not part of the target, `legacyNoTaskFacts`: the `deep` file on 1,250 other cases whose
 * row has no task facts (referred before migration 0012 and not changed since), where each case's
 * facts are read again from its whole history.
 * `cpuMs`: the process's CPU time over preview + apply (less sensitive to a loaded machine).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAppCore } from '../../electron/core/app-core';
import { refreshAttention } from '../../electron/core/cases/attention';
import { writeCase } from '../../electron/core/cases/rows';
import { cases } from '../../electron/core/db/schema';
import { generateDemoFamilies, insertDemoFamilies } from '../../electron/core/demo';
import { openDemoDataFolder } from '../../electron/core/demo/data-folder';
import { devPlaintextSealer } from '../../electron/core/keys/sealer';
import { insertDocument } from '../../electron/core/register/document-rows';
import type { ImportApplied, ImportPreview } from '../../shared/schema/iom-import';
import { DEFAULT_OFFICE_TIME_ZONE } from '../../shared/time/office-time';

const CASES = 50_000;
const DEEP = 1_250;
const WIDE = 2_500;
const LEGACY = 1_250;
const TARGET_MS = 2_000;
const account = { username: 'bench.supervisor', displayName: 'Bench Supervisor', password: 'quiet harbour lantern 7391' };

const day = (d: Date, plus: number) => new Date(d.getTime() + plus * 86_400_000).toISOString().slice(0, 10);

export default async function iomImportBench(): Promise<object> {
  const dataDir = mkdtempSync(join(tmpdir(), 'avrr-bench-iom-'));
  const now = new Date();
  const referredAt = new Date(now.getTime() - 20 * 86_400_000);
  try {
    const build0 = performance.now();
    const { open } = await openDemoDataFolder(dataDir, account);
    insertDemoFamilies(open, generateDemoFamilies(CASES, 4242), referredAt, { spacingMs: 10_000 });
    const picked = open.db.select({ id: cases.id, caseNumber: cases.caseNumber, version: cases.version }).from(cases).limit(DEEP + WIDE + LEGACY).all();
    const packets: string[] = [];
    open.sqlite
      .transaction(() => {
        for (const c of picked) {
          const at = referredAt.toISOString();
          writeCase(open.db, c.id, c.version, { by: 'bench', at }, { status: 'referred', referredAt: at });
          const number = `${c.caseNumber}-RP-01`;
          insertDocument(open.db, { id: crypto.randomUUID(), number, type: 'referral_packet', caseId: c.id, version: 1, sha256: '0'.repeat(64), input: '{}', pdf: Buffer.alloc(0), signed: false, generatedAt: at, generatedBy: 'bench' });
          packets.push(number);
          // As a referral leaves the case (commitReferred): its task facts on the row.
          if (packets.length <= DEEP + WIDE) refreshAttention(open.db, c.id, DEFAULT_OFFICE_TIME_ZONE);
        }
      })
      .immediate();
    open.close();
    const buildMs = performance.now() - build0;

    const fileOf = (numbers: string[], stages: number) => {
      const lines = ['packet_number,iom_reference,stage,date,details'];
      numbers.forEach((p, i) => {
        const flight = JSON.stringify({ flight_date: day(now, 10), departure_airport: 'YYZ', itinerary_reference: `TK-${i}` }).replaceAll('"', '""');
        const all = [
          `${p},IOM-${i},acknowledged,${day(referredAt, 1)},`,
          `${p},IOM-${i},counselling_done,${day(referredAt, 3)},`,
          `${p},IOM-${i},travel_document_not_needed,${day(referredAt, 5)},`,
          `${p},IOM-${i},flight_booked,${day(referredAt, 8)},"${flight}"`,
        ];
        lines.push(...all.slice(0, stages));
      });
      const text = lines.join('\r\n') + '\r\n';
      return { contentBase64: Buffer.from(text).toString('base64'), bytes: Buffer.byteLength(text) };
    };
    const files = { deep: fileOf(packets.slice(0, DEEP), 4), wide: fileOf(packets.slice(DEEP, DEEP + WIDE), 2), legacyNoTaskFacts: fileOf(packets.slice(DEEP + WIDE), 4) };

    const core = createAppCore({ dataDir, sealer: devPlaintextSealer, workstation: 'bench' });
    try {
      const signIn = await core.invoke('auth.signIn', { username: account.username, password: account.password });
      if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.error.messageKey}`);
      const runs: Record<string, object> = {};
      let worst = 0;
      for (const [name, f] of Object.entries(files)) {
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        const preview = await core.invoke('iom.previewImport', { fileName: `${name}.csv`, contentBase64: f.contentBase64 });
        const t1 = performance.now();
        if (!preview.ok) throw new Error(`preview failed: ${JSON.stringify(preview.error)}`);
        const p = preview.value as ImportPreview;
        const rowNumbers = p.rows.filter((r) => r.class === 'new').map((r) => r.row);
        const t2 = performance.now();
        const applied = await core.invoke('iom.applyImport', { contentBase64: f.contentBase64, rowNumbers });
        const t3 = performance.now();
        const cpu = process.cpuUsage(cpu0);
        if (!applied.ok) throw new Error(`apply failed: ${JSON.stringify(applied.error)}`);
        const again = await core.invoke('iom.applyImport', { contentBase64: f.contentBase64, rowNumbers });
        const t4 = performance.now();
        const totalMs = t1 - t0 + (t3 - t2);
        if (name !== 'legacyNoTaskFacts') worst = Math.max(worst, totalMs);
        runs[name] = {
          rows: p.rows.length,
          cases: new Set(p.rows.map((r) => r.caseId)).size,
          fileBytes: f.bytes,
          previewMs: round(t1 - t0),
          applyMs: round(t3 - t2),
          totalMs: round(totalMs),
          cpuMs: round((cpu.user + cpu.system) / 1000),
          counts: p.counts,
          applied: (applied.value as ImportApplied).applied,
          secondApply: { ms: round(t4 - t3), applied: again.ok ? (again.value as ImportApplied).applied : null },
        };
      }
      return {
        data: { cases: CASES, referred: DEEP + WIDE + LEGACY, buildMs: round(buildMs) },
        ...runs,
        target: { limitMs: TARGET_MS, of: ['deep', 'wide'], actual: round(worst), holds: worst <= TARGET_MS },
      };
    } finally {
      core.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const round = (x: number) => Math.round(x * 10) / 10;
