import { createDecipheriv, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openAccessServices } from '../../../electron/core/access-services';
import { openEncryptedDatabase } from '../../../electron/core/db/open';
import type { OpenDatabase } from '../../../electron/core/db/open';
import { generateDemoFamilies, insertDemoLifecycle } from '../../../electron/core/demo';
import type { DemoFamily } from '../../../electron/core/demo';
import { devPlaintextSealer } from '../../../electron/core/keys/sealer';
import { DB_FILE_NAME } from '../../../electron/core/session/manager';
import { SUPERVISOR } from '../core/helpers';
import type { TestCore } from '../core/helpers';

/**
 * A signed-in test core (tests/unit/core/helpers.ts) whose database also holds a demo office's
 * history written before the retention period (whole lifecycles: decisions, reviews, stages,
 * withdrawals), one family of which has distinctive names (the canary) and, besides, every kind of
 * row a disposal must clear: a document with its print log and a consent, a scan, a draft, an
 * appointment's reason, a pair recorded as not the same person.
 */
export const CANARY = {
  latin: 'Zyxwqcanary Tolstrupova',
  written: 'Зыхвканари Толструпова',
  spouseLatin: 'Qvpxcanary Tolstrupov',
  /** Typed in free text (a scan's name, an appointment's reason, a stage note). */
  note: 'Wqzycanarynote',
} as const;

export const canaryStrings = [CANARY.latin, CANARY.written, CANARY.spouseLatin, CANARY.note, 'zyxwqcanary tolstrupova'];

function unlockedKey(u: unknown): Buffer {
  if (typeof u === 'object' && u !== null && 'dbKey' in u && Buffer.isBuffer(u.dbKey)) return u.dbKey;
  throw new Error('the supervisor could not unlock the test database');
}

async function keyOf(t: TestCore): Promise<Buffer> {
  return unlockedKey(await openAccessServices(t.dataDir, devPlaintextSealer).vault.unlock(SUPERVISOR.username, SUPERVISOR.password, t.clock.now));
}

export async function openDirectly(t: TestCore): Promise<OpenDatabase> {
  return openEncryptedDatabase(join(t.dataDir, DB_FILE_NAME), await keyOf(t));
}

/** The demo families with the canary's names on the first one (principal, and a second person if any). */
function familiesWithCanary(count: number): DemoFamily[] {
  const families = generateDemoFamilies(count, 7, { referenceDate: '2023-06-01' });
  const [first, ...rest] = families;
  if (!first) throw new Error('no demo family');
  const canary: DemoFamily = {
    ...first,
    persons: first.persons.map((p, i) => (i === 0 ? { ...p, nameLatin: CANARY.latin, nameAsWritten: CANARY.written } : i === 1 ? { ...p, nameLatin: CANARY.spouseLatin, nameAsWritten: CANARY.spouseLatin } : p)),
  };
  return [canary, ...rest];
}

export interface History {
  canaryCaseId: string;
  canaryPersonIds: string[];
  userId: string;
}

/** Writes the old history (its last use before 1 June 2024) through a second connection, then closes it. */
export async function writeOldHistory(t: TestCore, families = 60): Promise<History> {
  const open = await openDirectly(t);
  try {
    const userId = String(open.sqlite.prepare('SELECT id FROM users LIMIT 1').pluck().get());
    insertDemoLifecycle(open, familiesWithCanary(families), new Date('2024-06-01T16:00:00Z'), { by: userId, seed: 3, spanDays: 300 });
    const canaryCaseId = String(open.sqlite.prepare('SELECT case_id FROM persons WHERE name_latin = ?').pluck().get(CANARY.latin));
    const canaryPersonIds = open.sqlite.prepare('SELECT id FROM persons WHERE case_id = ? ORDER BY position').pluck().all(canaryCaseId).map(String);
    const other = String(open.sqlite.prepare('SELECT id FROM persons WHERE case_id <> ? LIMIT 1').pluck().get(canaryCaseId));
    const at = '2024-02-01T15:00:00.000Z';
    const pdf = Buffer.from(`%PDF-1.7 ${CANARY.latin} ${CANARY.written}`, 'utf8');
    const docId = randomUUID();
    const consentFormId = randomUUID();
    const insertDoc = open.sqlite.prepare(
      `INSERT INTO documents (id, number, type, case_id, version, sha256, input, pdf, signed, generated_at, generated_by, person_ids) VALUES (?, ?, ?, ?, 1, 'ab', ?, ?, 0, ?, ?, ?)`,
    );
    insertDoc.run(docId, 'RP-2024-999001', 'referral_packet', canaryCaseId, JSON.stringify({ name: CANARY.latin }), pdf, at, userId, null);
    insertDoc.run(consentFormId, 'CF-2024-999002', 'consent_form', canaryCaseId, JSON.stringify({ name: CANARY.latin }), pdf, at, userId, JSON.stringify(canaryPersonIds));
    open.sqlite.prepare(`INSERT INTO print_log (id, document_id, kind, at, by) VALUES (?, ?, 'print', ?, ?)`).run(randomUUID(), docId, at, userId);
    open.sqlite
      .prepare(`INSERT INTO consents (id, case_id, document_id, signed_on, signers, recorded_at, recorded_by) VALUES (?, ?, ?, '2024-02-01', ?, ?, ?)`)
      .run(randomUUID(), canaryCaseId, consentFormId, JSON.stringify([{ personId: canaryPersonIds[0], signedBy: 'guardian', guardianName: CANARY.spouseLatin }]), at, userId);
    open.sqlite
      .prepare(`INSERT INTO attachments (id, case_id, kind, file_name, media_type, size, sha256, bytes, added_at, added_by) VALUES (?, ?, 'other', ?, 'application/pdf', ?, 'cd', ?, ?, ?)`)
      .run(randomUUID(), canaryCaseId, `${CANARY.note}.pdf`, pdf.length, pdf, at, userId);
    open.sqlite.prepare(`INSERT INTO drafts (id, user_id, case_id, base_version, revision, data, updated_at) VALUES (?, ?, ?, 1, 1, ?, ?)`).run(randomUUID(), userId, canaryCaseId, JSON.stringify({ note: CANARY.note }), at);
    open.sqlite
      .prepare(`INSERT INTO appointments (id, case_id, local_date, local_time, time_zone, minutes, kind, status, booked_at, booked_by, reason) VALUES (?, ?, '2024-02-02', '10:00', 'America/Toronto', 30, 'interview', 'cancelled', ?, ?, ?)`)
      .run(randomUUID(), canaryCaseId, at, userId, CANARY.note);
    const [a, b] = [canaryPersonIds[0] ?? '', other].sort();
    open.sqlite.prepare(`INSERT INTO not_same_person (person_a, person_b, case_id, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?)`).run(a, b, canaryCaseId, at, userId);
    return { canaryCaseId, canaryPersonIds, userId };
  } finally {
    open.close();
  }
}

/** SQLCipher 4's page layout (SQLite3MultipleCiphers `cipher='sqlcipher'`): 4 KB pages ending in a 16-byte IV and a 64-byte HMAC. */
const PAGE = 4096;
const RESERVED = 80;
const WAL_HEADER = 32;
const FRAME_HEADER = 24;

/** One page decrypted (AES-256-CBC with the raw key; page 1 starts with the 16-byte salt, kept as is). */
function decryptPage(key: Buffer, page: Buffer, first: boolean): Buffer {
  const skip = first ? 16 : 0;
  const iv = page.subarray(PAGE - RESERVED, PAGE - RESERVED + 16);
  const d = createDecipheriv('aes-256-cbc', key, iv);
  d.setAutoPadding(false);
  return Buffer.concat([page.subarray(0, skip), d.update(page.subarray(skip, PAGE - RESERVED)), d.final()]);
}

/**
 * Every byte the database holds on disk, decrypted: each page of the file (free pages and the
 * free space inside pages included) and each frame of its WAL, decrypted with the key. This is
 * what a deletion may leave behind; a `VACUUM INTO` or rekeyed copy would be rebuilt from the
 * live rows only and could not show it, and the file as it is, encrypted, shows nothing.
 */
export async function plaintextBytes(t: TestCore): Promise<Buffer> {
  const key = await keyOf(t);
  const file = join(t.dataDir, DB_FILE_NAME);
  const main = readFileSync(file);
  const pages: Buffer[] = [];
  for (let off = 0; off + PAGE <= main.length; off += PAGE) pages.push(decryptPage(key, main.subarray(off, off + PAGE), off === 0));
  const wal = existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`) : Buffer.alloc(0);
  for (let off = WAL_HEADER; off + FRAME_HEADER + PAGE <= wal.length; off += FRAME_HEADER + PAGE) {
    pages.push(decryptPage(key, wal.subarray(off + FRAME_HEADER, off + FRAME_HEADER + PAGE), wal.readUInt32BE(off) === 1));
  }
  // Whether the key and layout are right is shown by the scan before a disposal finding the names (the test asserts it).
  return Buffer.concat(pages);
}

/** Which of the strings appear in the bytes (UTF-8). */
export function found(bytes: Buffer, strings: readonly string[]): string[] {
  return strings.filter((s) => bytes.includes(Buffer.from(s, 'utf8')));
}
