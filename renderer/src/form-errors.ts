import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { IpcError } from '../../shared/ipc/errors';

/**
 * Put the back end's field-level issues next to their fields. `under` strips the input's wrapper
 * (the case channels send `{intake: ...}`, the form holds the intake itself: a path
 * ['intake','persons',0,'dateOfBirth'] names the form's 'persons.0.dateOfBirth'). Returns true
 * when every issue found a field; otherwise the caller shows the error as a banner (nothing is
 * dropped silently).
 */
export function applyFieldIssues<T extends FieldValues>(error: IpcError, setError: UseFormSetError<T>, opts: { under?: string } = {}): boolean {
  if (error.code !== 'invalid_input' || !error.issues?.length) return false;
  const paths = error.issues.map((issue) => (opts.under !== undefined && issue.path[0] === opts.under ? issue.path.slice(1) : issue.path));
  if (paths.some((p) => p.length === 0)) return false;
  error.issues.forEach((issue, i) => {
    setError(paths[i]!.join('.') as Path<T>, { type: 'server', message: issue.messageKey });
  });
  return true;
}
