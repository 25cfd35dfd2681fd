import type { Handlers } from '../dispatch';
import { applyImport, previewImport } from './service';

/** The IOM status file import: preview (nothing written), apply (the confirmed rows, one transaction). */
export const iomImportHandlers = {
  'iom.previewImport': (input, ctx) => previewImport(ctx, input),
  'iom.applyImport': (input, ctx) => applyImport(ctx, input),
} satisfies Pick<Handlers, 'iom.previewImport' | 'iom.applyImport'>;
