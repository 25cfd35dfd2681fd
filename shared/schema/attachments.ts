import { z } from 'zod';
import { can } from '../roles';
import type { Permission, Role } from '../roles';
import { entityId } from './common';

/**
 * Scanned paper attached to a case: the signed consent form, the departure confirmation, a
 * travel document. The bytes travel base64 (IPC and the harness's JSON bridge); what the file
 * is comes from its content (electron/core/attachments/sniff.ts), never from its name.
 */
export const attachmentKinds = ['signed_consent', 'departure_confirmation', 'travel_document', 'other'] as const;
export type AttachmentKind = (typeof attachmentKinds)[number];

export const attachmentMediaTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentMediaType = (typeof attachmentMediaTypes)[number];

/**
 * Who may attach which paper: the permission of the step it belongs to (the signed consent
 * form: consent.record; the departure confirmation and travel documents: stage.record; any
 * other paper: either). The back end checks it; the form offers only these kinds.
 */
export const attachmentAddPermissions: Record<AttachmentKind, readonly Permission[]> = {
  signed_consent: ['consent.record'],
  departure_confirmation: ['stage.record'],
  travel_document: ['stage.record'],
  other: ['consent.record', 'stage.record'],
};

export function mayAddAttachment(role: Role, kind: AttachmentKind): boolean {
  return attachmentAddPermissions[kind].some((p) => can(role, p));
}

/** The largest scan accepted, in bytes (one constant: the form, the back end and the harness's body limit follow it). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** The same limit as base64 characters. */
export const MAX_ATTACHMENT_BASE64 = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4;

// eslint-disable-next-line no-control-regex -- control characters never belong in a file name
const controlChars = /[\u0000-\u001f\u007f-\u009f]/;

export const addAttachmentInput = z
  .object({
    caseId: entityId,
    kind: z.enum(attachmentKinds, { error: 'validation.choice' }),
    /** As the officer's computer named it: shown in the list, never trusted for the type. */
    fileName: z
      .string({ error: 'validation.required' })
      .trim()
      .min(1, { error: 'validation.required' })
      .max(200, { error: 'validation.too_long' })
      .refine((s) => !controlChars.test(s), { error: 'validation.invalid' }),
    /**
     * The file, base64. Far too long a string is refused before it is decoded; the exact limit
     * (MAX_ATTACHMENT_BYTES) is checked on the decoded bytes, with its own message.
     */
    contentBase64: z
      .string({ error: 'validation.required' })
      .min(1, { error: 'validation.required' })
      .max(2 * MAX_ATTACHMENT_BASE64, { error: 'validation.too_long' })
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'validation.invalid' }),
    /** The stage entry the scan belongs to (a departure confirmation), if any. */
    stageEntryId: entityId.optional(),
  })
  .strict();
export type AddAttachmentInput = z.input<typeof addAttachmentInput>;

export const attachmentIdInput = z.object({ attachmentId: entityId }).strict();

/** What everyone who may read the case sees: that a scan exists, never its content. */
export interface AttachmentInfo {
  id: string;
  caseId: string;
  kind: AttachmentKind;
  fileName: string;
  mediaType: AttachmentMediaType;
  size: number;
  sha256: string;
  addedAt: string;
  /** The display name of who added it. */
  addedBy: string;
  stageEntryId: string | null;
}

/** The scan itself (attachment.view). */
export interface AttachmentContent {
  id: string;
  fileName: string;
  mediaType: AttachmentMediaType;
  sha256: string;
  contentBase64: string;
}
