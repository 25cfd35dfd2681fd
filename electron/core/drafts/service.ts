import { z } from 'zod';
import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import type { DraftRecord, DraftSaved } from '../../../shared/schema/case-api';
import type { Sqlite } from '../db/open';
import { caseExists } from '../cases/service';
import { DRAFTS_PER_USER_MAX } from '../../../shared/schema/limits';
import { deleteDraft, draftById, draftCountOfUser, draftOfUser, draftOfUserForCase, insertDraft, newIntakeDrafts, updateDraft } from './rows';
import type { DraftRow } from './rows';

function toRecord(r: DraftRow): DraftRecord {
  return { draftId: r.id, caseId: r.caseId, baseVersion: r.baseVersion, revision: r.revision, data: r.data, updatedAt: r.updatedAt };
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
  const existing = draftById(sqlite, input.draftId);
  if (!existing) {
    if (input.revision !== 0) throw new IpcFailure(ipcError('conflict', { messageKey: 'errors.draft_conflict' }));
    if (input.caseId) {
      if (!caseExists(sqlite, input.caseId)) throw new IpcFailure(ipcError('not_found'));
      if (draftOfUserForCase(sqlite, userId, input.caseId)) throw new IpcFailure(ipcError('conflict', { messageKey: 'errors.draft_conflict' }));
    }
    // A new draft past the cap is refused (the officer is told), never an old one dropped.
    if (draftCountOfUser(sqlite, userId) >= DRAFTS_PER_USER_MAX) {
      throw new IpcFailure(ipcError('rejected', { messageKey: 'errors.too_many_drafts', params: { max: DRAFTS_PER_USER_MAX } }));
    }
    insertDraft(sqlite, { id: input.draftId, userId, caseId: input.caseId, baseVersion: input.baseVersion, data: input.data, updatedAt: at });
    return { draftId: input.draftId, revision: 1, savedAt: at };
  }
  if (existing.userId !== userId) throw new IpcFailure(ipcError('not_found'));
  if (existing.caseId !== input.caseId) throw new IpcFailure(ipcError('invalid_input', { issues: [{ path: ['caseId'], messageKey: 'validation.invalid' }] }));
  if (existing.revision !== input.revision) throw new IpcFailure(ipcError('conflict', { messageKey: 'errors.draft_conflict' }));
  updateDraft(sqlite, { id: input.draftId, baseVersion: input.baseVersion, data: input.data, updatedAt: at });
  return { draftId: input.draftId, revision: existing.revision + 1, savedAt: at };
}

export function getDraft(sqlite: Sqlite, userId: string, draftId: string): DraftRecord {
  const r = draftOfUser(sqlite, userId, draftId);
  if (!r) throw new IpcFailure(ipcError('not_found'));
  return toRecord(r);
}

/** This person's draft of a case, if they left one. */
export function draftForCase(sqlite: Sqlite, userId: string, caseId: string): DraftRecord | null {
  const r = draftOfUserForCase(sqlite, userId, caseId);
  return r ? toRecord(r) : null;
}

export function discardDraft(sqlite: Sqlite, userId: string, draftId: string): { discarded: boolean } {
  return { discarded: deleteDraft(sqlite, userId, draftId) };
}

/** New intakes this person started but has not saved as a case yet. */
export function myNewDrafts(sqlite: Sqlite, userId: string): { draftId: string; updatedAt: string; label: string }[] {
  return newIntakeDrafts(sqlite, userId, 20).map((r) => ({ draftId: r.id, updatedAt: r.updatedAt, label: draftLabel(r.data) }));
}

/** Only what the label needs of a draft that may be anything the officer typed. */
const labelView = z.object({ persons: z.tuple([z.object({ nameLatin: z.unknown(), nameAsWritten: z.unknown() }).partial()]).rest(z.unknown()) });

function draftLabel(data: unknown): string {
  const d = labelView.safeParse(data);
  const p = d.success ? d.data.persons[0] : undefined;
  const name = typeof p?.nameLatin === 'string' && p.nameLatin.trim() ? p.nameLatin : typeof p?.nameAsWritten === 'string' ? p.nameAsWritten : '';
  return name.trim().slice(0, 120);
}
