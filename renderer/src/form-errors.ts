import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { IpcError } from '../../shared/ipc/errors';

/**
 * Put the back end's field-level issues next to their fields. `under` strips the input's wrapper
 * (the case channels send `{intake: ...}`, the form holds the intake itself: a path
 * ['intake','persons',0,'dateOfBirth'] names the form's 'persons.0.dateOfBirth'). Returns true
 * when every issue found a field; otherwise the caller shows the error as a banner (nothing is
 * dropped silently).
 */
/** Back-end parameters as react-hook-form keeps them (the error's `types`, strings), for Field to interpolate. */
export const stringParams = (params: Record<string, string | number> | undefined): Record<string, string> | undefined =>
  params ? Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])) : undefined;

export function applyFieldIssues<T extends FieldValues>(error: IpcError, setError: UseFormSetError<T>, opts: { under?: string } = {}): boolean {
  if (error.code !== 'invalid_input' || !error.issues?.length) return false;
  const paths = error.issues.map((issue) => (opts.under !== undefined && issue.path[0] === opts.under ? issue.path.slice(1) : issue.path));
  if (paths.some((p) => p.length === 0)) return false;
  error.issues.forEach((issue, i) => {
    const types = stringParams(issue.params);
    // The parameters travel with the key: "at least {{min}} characters" must never reach the screen.
    setError(paths[i]!.join('.') as Path<T>, { type: 'server', message: issue.messageKey, ...(types ? { types } : {}) });
  });
  return true;
}
