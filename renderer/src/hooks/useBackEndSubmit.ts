import { useState } from 'react';
import type { FormEvent } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import type { IpcError } from '../../../shared/ipc/errors';
import { applyFieldIssues } from '../form-errors';
import { errorOf } from '../ipc';

/**
 * A form whose submit goes to the back end: what the form's schema accepts is sent; the back
 * end's field issues land next to their fields, any other refusal is returned for a banner.
 */
export function useBackEndSubmit<T extends FieldValues, Out>(form: UseFormReturn<T, unknown, Out>, send: (values: Out) => Promise<void>) {
  const [error, setError] = useState<IpcError | null>(null);
  const onSubmit = (ev: FormEvent<HTMLFormElement>) =>
    void form.handleSubmit(async (values) => {
      setError(null);
      try {
        await send(values);
      } catch (err) {
        if (!applyFieldIssues(errorOf(err), form.setError)) setError(errorOf(err));
      }
    })(ev);
  return { error, onSubmit };
}
