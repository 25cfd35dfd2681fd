import { z } from 'zod';
import type { Sqlite } from '../db/open';
import type { drafts } from '../db/schema';

/**
 * The `drafts` table: autosaved form state, per person. Row type from the drizzle schema; read
 * with SQL (its callers hold the connection) and parsed with zod, the `data` JSON column too:
 * it holds what the officer typed, exactly, valid or not, so its schema is "any JSON value".
 */
export type DraftRow = Omit<typeof drafts.$inferSelect, 'data'> & { data: z.infer<typeof draftData> };

const draftData = z.json();

const draftRow = z
  .object({
    id: z.string(),
    user_id: z.string(),
    case_id: z.string().nullable(),
    base_version: z.number().int().nullable(),
    revision: z.number().int(),
    data: z.string().transform((s) => draftData.parse(JSON.parse(s))),
    updated_at: z.string(),
  })
  .transform((r): DraftRow => ({ id: r.id, userId: r.user_id, caseId: r.case_id, baseVersion: r.base_version, revision: r.revision, data: r.data, updatedAt: r.updated_at }));
const draftRows = z.array(draftRow);

function one(row: unknown): DraftRow | undefined {
  return row === undefined ? undefined : draftRow.parse(row);
}

export function draftById(sqlite: Sqlite, draftId: string): DraftRow | undefined {
  return one(sqlite.prepare('SELECT * FROM drafts WHERE id = ?').get(draftId));
}

export function draftOfUser(sqlite: Sqlite, userId: string, draftId: string): DraftRow | undefined {
  return one(sqlite.prepare('SELECT * FROM drafts WHERE id = ? AND user_id = ?').get(draftId, userId));
}

export function draftOfUserForCase(sqlite: Sqlite, userId: string, caseId: string): DraftRow | undefined {
  return one(sqlite.prepare('SELECT * FROM drafts WHERE user_id = ? AND case_id = ?').get(userId, caseId));
}

/** This person's drafts of new intakes (no case yet), newest first. */
export function newIntakeDrafts(sqlite: Sqlite, userId: string, limit: number): DraftRow[] {
  return draftRows.parse(sqlite.prepare('SELECT * FROM drafts WHERE user_id = ? AND case_id IS NULL ORDER BY updated_at DESC LIMIT ?').all(userId, limit));
}

/** How many drafts this person keeps (new intakes and edits of cases). */
export function draftCountOfUser(sqlite: Sqlite, userId: string): number {
  const row = z.object({ n: z.number().int() }).parse(sqlite.prepare('SELECT COUNT(*) AS n FROM drafts WHERE user_id = ?').get(userId));
  return row.n;
}

/** Inside the caller's transaction. */
export function insertDraft(sqlite: Sqlite, r: { id: string; userId: string; caseId: string | null; baseVersion: number | null; data: unknown; updatedAt: string }): void {
  sqlite
    .prepare('INSERT INTO drafts (id, user_id, case_id, base_version, revision, data, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)')
    .run(r.id, r.userId, r.caseId, r.baseVersion, JSON.stringify(r.data), r.updatedAt);
}

/** The next revision of a draft (inside the caller's transaction). */
export function updateDraft(sqlite: Sqlite, r: { id: string; baseVersion: number | null; data: unknown; updatedAt: string }): void {
  sqlite.prepare('UPDATE drafts SET revision = revision + 1, data = ?, updated_at = ?, base_version = ? WHERE id = ?').run(JSON.stringify(r.data), r.updatedAt, r.baseVersion, r.id);
}

export function deleteDraft(sqlite: Sqlite, userId: string, draftId: string): boolean {
  return sqlite.prepare('DELETE FROM drafts WHERE id = ? AND user_id = ?').run(draftId, userId).changes > 0;
}
