import { get, useFormContext, useFormState } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { IntakePath, IntakeValues } from './types';

/** The values a field error carries (the back end's parameters, kept in the error's `types` as strings). */
export function errorParams(e: object): Record<string, string> {
  const types: unknown = 'types' in e ? e.types : undefined;
  if (!types || typeof types !== 'object') return {};
  return Object.fromEntries(Object.entries(types).filter((kv): kv is [string, string] => typeof kv[1] === 'string'));
}

/** One field's error message in the UI language, with its values; re-renders only when that field's state changes. */
export function useFieldError(name: IntakePath): string | undefined {
  const { t } = useTranslation();
  const { control } = useFormContext<IntakeValues>();
  const { errors } = useFormState({ control, name, exact: true });
  const e: unknown = get(errors, name);
  if (e && typeof e === 'object' && 'message' in e && typeof e.message === 'string') return t(e.message, errorParams(e));
  return undefined;
}
