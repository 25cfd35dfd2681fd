import { createHash, randomUUID } from 'node:crypto';
import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import { MAX_ATTACHMENT_BYTES, mayAddAttachment } from '../../../shared/schema/attachments';
import type { AddAttachmentInput, AttachmentContent, AttachmentInfo } from '../../../shared/schema/attachments';
import { caseExists } from '../cases/service';
import type { SignedInContext } from '../context';
import { readStages } from '../stages/rows';
import { attachmentCaseId, attachmentContent, insertAttachment, listAttachments } from './rows';
import { sniffMediaType } from './sniff';

/**
 * Scanned paper on a case. Adding needs the permission of the step the paper belongs to
 * (shared/schema/attachments.ts, attachmentAddPermissions). Everyone who reads the case sees the list; only roles
 * with `attachment.view` open a scan. Each add and view is audited with the case id only: the
 * file name is personal data and never goes into the trail.
 */

const refuse = (messageKey: string, params?: Record<string, string | number>) => new IpcFailure(ipcError('rejected', { messageKey, ...(params ? { params } : {}) }));

export function addAttachment(ctx: SignedInContext, input: Omit<AddAttachmentInput, 'stageEntryId'> & { stageEntryId?: string | undefined }): AttachmentInfo {
  if (!mayAddAttachment(ctx.session.role, input.kind)) throw new IpcFailure(ipcError('forbidden'));
  const { db, sqlite } = ctx.db();
  if (!caseExists(sqlite, input.caseId)) throw new IpcFailure(ipcError('not_found'));
  if (input.stageEntryId && !readStages(db, input.caseId).some((e) => e.id === input.stageEntryId)) throw new IpcFailure(ipcError('not_found'));

  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw refuse('attachments.error.too_large', { max: Math.round(MAX_ATTACHMENT_BYTES / (1024 * 1024)) });
  const sniffed = sniffMediaType(bytes);
  if (!sniffed.ok) throw refuse(sniffed.messageKey);

  const id = randomUUID();
  const at = ctx.now().toISOString();
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  ctx.tx(input.caseId, () =>
    insertAttachment(db, {
      id,
      caseId: input.caseId,
      kind: input.kind,
      fileName: input.fileName,
      mediaType: sniffed.mediaType,
      size: bytes.length,
      sha256,
      bytes,
      addedAt: at,
      addedBy: ctx.session.userId,
      stageEntryId: input.stageEntryId ?? null,
    }),
  );
  return { id, caseId: input.caseId, kind: input.kind, fileName: input.fileName, mediaType: sniffed.mediaType, size: bytes.length, sha256, addedAt: at, addedBy: ctx.session.displayName, stageEntryId: input.stageEntryId ?? null };
}

/** That the scans exist: an audited read of the case. */
export function caseAttachments(ctx: SignedInContext, caseId: string): AttachmentInfo[] {
  const { db, sqlite } = ctx.db();
  if (!caseExists(sqlite, caseId)) throw new IpcFailure(ipcError('not_found'));
  return ctx.tx(caseId, () => listAttachments(db, caseId));
}

/** One scan's content (the channel needs `attachment.view`), audited under its case. */
export function viewAttachment(ctx: SignedInContext, attachmentId: string): AttachmentContent {
  const { db } = ctx.db();
  const caseId = attachmentCaseId(db, attachmentId);
  if (caseId === null) throw new IpcFailure(ipcError('not_found'));
  return ctx.tx(caseId, () => {
    const a = attachmentContent(db, attachmentId);
    if (!a) throw new IpcFailure(ipcError('not_found'));
    return { id: a.id, fileName: a.fileName, mediaType: a.mediaType, sha256: a.sha256, contentBase64: a.bytes.toString('base64') };
  });
}
