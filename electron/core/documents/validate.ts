import type { z } from 'zod';
import { InvalidDocumentInputError } from './errors';

/** Validates document data (taken as unknown, like every input crossing the IPC boundary). */
export function parseDocumentInput<S extends z.ZodType>(schema: S, data: unknown, document: string): z.infer<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new InvalidDocumentInputError(
      document,
      result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    );
  }
  return result.data;
}
