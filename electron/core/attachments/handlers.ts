import type { Handlers } from '../dispatch';
import { addAttachment, caseAttachments, viewAttachment } from './service';

/** Scanned paper: add one, list them (metadata only), view one. */
export const attachmentHandlers = {
  'attachment.add': (input, ctx) => addAttachment(ctx, input),
  'attachment.list': (input, ctx) => caseAttachments(ctx, input.caseId),
  'attachment.view': (input, ctx) => viewAttachment(ctx, input.attachmentId),
} satisfies Pick<Handlers, 'attachment.add' | 'attachment.list' | 'attachment.view'>;
