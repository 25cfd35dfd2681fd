import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import type { DraftRecord, DraftSaved } from '../../../shared/schema/case-api';
import type { Sqlite } from '../db/open';

interface DraftRow {
  id: string;
  user_id: string;
  case_id: string | null;
  base_version: number | null;
  revision: number;
  data: string;
  updated_at: string;
}

function toRecord(r: DraftRow): DraftRecord {
  return { draftId: r.id, caseId: r.case_id, baseVersion: r.base_version, revision: r.revision, data: JSON.parse(r.data) as unknown, updatedAt: r.updated_at };
}

/**
 * Autosave: store what the officer typed, as it is. Each save names the revision it builds on;
 * a save from a stale window (another session edited the same draft) is a conflict, never an
 * overwrite. Drafts belong to one person: nobody else can read or replace them.
 */
export function saveDraft(
  sqlite: Sqlite,
  userId: string,
  input: { draftId: string; caseId: string | null; baseVersion: number | null; revision: number; data: unknown },
  at: string,
): DraftSaved {
  const existing = sqlite.prepare('SELECT * FROM drafts WHERE id = ?').get(input.draftId) as DraftRow | undefined;
  const data = JSON.stringify(input.data);
  if (!existing) {
    if (input.revision !== 0) throw new IpcFailure(ipcError('conflict', { messageKey: 'errors.draft_conflict' }));
    if (input.caseId) {
      if (!sqlite.prepare('SELECT 1 FROM cases WHERE id = ?').get(input.caseId)) throw new IpcFailure(ipcError('not_found'));
      const other = sqlite.prepare('SELECT id FROM drafts WHERE user_id = ? AND case_id = ?').get(userId, input.caseId);
      if (other) throw new IpcFailure(ipcError('conflict', { messageKey: 'errors.draft_conflict' }));
    }
    sqlite
      .prepare('INSERT INTO drafts (id, user_id, case_id, base_version, revision, data, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)')
      .run(input.draftId, userId, input.caseId, input.baseVersion, data, at);
    return { draftId: input.draftId, revision: 1, savedAt: at };
  }
  if (existing.user_id !== userId) throw new IpcFailure(ipcError('not_found'));
  if (existing.case_id !== input.caseId) throw new IpcFailure(ipcError('invalid_input', { issues: [{ path: ['caseId'], messageKey: 'validation.invalid' }] }));
  if (existing.revision !== input.revision) throw new IpcFailure(ipcError('conflict', { messageKey: 'errors.draft_conflict' }));
  sqlite.prepare('UPDATE drafts SET revision = revision + 1, data = ?, updated_at = ?, base_version = ? WHERE id = ?').run(data, at, input.baseVersion, input.draftId);
  return { draftId: input.draftId, revision: existing.revision + 1, savedAt: at };
}

export function getDraft(sqlite: Sqlite, userId: string, draftId: string): DraftRecord {
  const r = sqlite.prepare('SELECT * FROM drafts WHERE id = ? AND user_id = ?').get(draftId, userId) as DraftRow | undefined;
  if (!r) throw new IpcFailure(ipcError('not_found'));
  return toRecord(r);
}

/** This person's draft of a case, if they left one. */
export function draftForCase(sqlite: Sqlite, userId: string, caseId: string): DraftRecord | null {
  const r = sqlite.prepare('SELECT * FROM drafts WHERE user_id = ? AND case_id = ?').get(userId, caseId) as DraftRow | undefined;
  return r ? toRecord(r) : null;
}

export function discardDraft(sqlite: Sqlite, userId: string, draftId: string): { discarded: boolean } {
  const r = sqlite.prepare('DELETE FROM drafts WHERE id = ? AND user_id = ?').run(draftId, userId);
  return { discarded: r.changes > 0 };
}

/** New intakes this person started but has not saved as a case yet. */
export function myNewDrafts(sqlite: Sqlite, userId: string): { draftId: string; updatedAt: string; label: string }[] {
  const rows = sqlite.prepare('SELECT * FROM drafts WHERE user_id = ? AND case_id IS NULL ORDER BY updated_at DESC LIMIT 20').all(userId) as DraftRow[];
  return rows.map((r) => ({ draftId: r.id, updatedAt: r.updated_at, label: draftLabel(r.data) }));
}

function draftLabel(data: string): string {
  try {
    const d = JSON.parse(data) as { persons?: { nameLatin?: unknown; nameAsWritten?: unknown }[] };
    const p = d.persons?.[0];
    const name = typeof p?.nameLatin === 'string' && p.nameLatin.trim() ? p.nameLatin : typeof p?.nameAsWritten === 'string' ? p.nameAsWritten : '';
    return name.trim().slice(0, 120);
  } catch {
    return '';
  }
}
