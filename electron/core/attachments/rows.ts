import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { attachmentKinds, attachmentMediaTypes } from '../../../shared/schema/attachments';
import type { AttachmentInfo, AttachmentKind, AttachmentMediaType } from '../../../shared/schema/attachments';
import type { Db } from '../db/open';
import { attachments, users } from '../db/schema';

/**
 * The `attachments` table: row type from the drizzle schema, every read and write of it. The
 * list never reads the bytes; only `attachmentContent` does (attachment.view).
 */
export type AttachmentRow = typeof attachments.$inferSelect;
export type NewAttachmentRow = typeof attachments.$inferInsert;

const kind = z.enum(attachmentKinds);
const mediaType = z.enum(attachmentMediaTypes);

/** Inside the caller's transaction. */
export function insertAttachment(db: Db, row: NewAttachmentRow): void {
  db.insert(attachments).values(row).run();
}

/** The case's scans, oldest first, without their bytes. */
export function listAttachments(db: Db, caseId: string): AttachmentInfo[] {
  return db
    .select({
      id: attachments.id,
      caseId: attachments.caseId,
      kind: attachments.kind,
      fileName: attachments.fileName,
      mediaType: attachments.mediaType,
      size: attachments.size,
      sha256: attachments.sha256,
      addedAt: attachments.addedAt,
      addedById: attachments.addedBy,
      addedByName: users.displayName,
      stageEntryId: attachments.stageEntryId,
    })
    .from(attachments)
    .leftJoin(users, eq(users.id, attachments.addedBy))
    .where(eq(attachments.caseId, caseId))
    .orderBy(asc(attachments.addedAt), asc(attachments.id))
    .all()
    .map(({ addedById, addedByName, ...r }) => ({ ...r, kind: kind.parse(r.kind), mediaType: mediaType.parse(r.mediaType), addedBy: addedByName ?? addedById }));
}

/** What the history needs of each scan: when, who (user id), which kind, its hash. */
export function attachmentEvents(db: Db, caseId: string): { addedAt: string; addedBy: string; kind: AttachmentKind; sha256: string }[] {
  return db
    .select({ addedAt: attachments.addedAt, addedBy: attachments.addedBy, kind: attachments.kind, sha256: attachments.sha256 })
    .from(attachments)
    .where(eq(attachments.caseId, caseId))
    .orderBy(asc(attachments.addedAt))
    .all()
    .map((r) => ({ ...r, kind: kind.parse(r.kind) }));
}

/** Kind and hash of the case's scans, for the referral packet's data. */
export function attachmentHashes(db: Db, caseId: string): { kind: AttachmentKind; sha256: string }[] {
  return attachmentEvents(db, caseId).map(({ kind: k, sha256 }) => ({ kind: k, sha256 }));
}

export interface StoredAttachment {
  id: string;
  caseId: string;
  fileName: string;
  mediaType: AttachmentMediaType;
  sha256: string;
  bytes: Buffer;
}

/** One scan with its bytes (attachment.view). */
export function attachmentContent(db: Db, attachmentId: string): StoredAttachment | undefined {
  const r = db
    .select({ id: attachments.id, caseId: attachments.caseId, fileName: attachments.fileName, mediaType: attachments.mediaType, sha256: attachments.sha256, bytes: attachments.bytes })
    .from(attachments)
    .where(eq(attachments.id, attachmentId))
    .get();
  return r && { ...r, mediaType: mediaType.parse(r.mediaType) };
}

/** The case an attachment belongs to (to audit a refused view under the right case). */
export function attachmentCaseId(db: Db, attachmentId: string): string | null {
  return db.select({ caseId: attachments.caseId }).from(attachments).where(eq(attachments.id, attachmentId)).get()?.caseId ?? null;
}
