import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { IpcError } from '../../shared/ipc/errors';

/**
 * Put the back end's field-level issues next to their fields. Returns true when every issue
 * found a field; otherwise the caller shows the error as a banner (nothing is dropped silently).
 */
export function applyFieldIssues<T extends FieldValues>(error: IpcError, setError: UseFormSetError<T>): boolean {
  if (error.code !== 'invalid_input' || !error.issues?.length) return false;
  for (const issue of error.issues) {
    setError(issue.path.join('.') as Path<T>, { type: 'server', message: issue.messageKey });
  }
  return true;
}
