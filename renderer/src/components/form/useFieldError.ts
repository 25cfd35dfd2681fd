import { get, useFormContext, useFormState } from 'react-hook-form';
import type { IntakePath, IntakeValues } from './types';

/** The error message key of one field; re-renders only when that field's state changes. */
export function useFieldError(name: IntakePath): string | undefined {
  const { control } = useFormContext<IntakeValues>();
  const { errors } = useFormState({ control, name, exact: true });
  const e: unknown = get(errors, name);
  if (e && typeof e === 'object' && 'message' in e && typeof e.message === 'string') return e.message;
  return undefined;
}
