import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { AuthStatus } from '../../../shared/schema/auth';
import type { IntakeValues } from '../components/form/types';
import { registerFlush } from '../flush';
import { call, errorOf } from '../ipc';
import { DraftAutosaver } from './draft-autosaver';
import type { DraftBinding, SaveStatus } from './draft-autosaver';

export type AutosaveStatus = SaveStatus;

/**
 * Every change of the form is saved as this person's draft in the encrypted database (never in
 * browser storage), ~700 ms after typing stops. Flushed before the workstation locks.
 */
export function useAutosave(form: UseFormReturn<IntakeValues>, init: { binding: DraftBinding; initialJson: string; userId: string; enabled: boolean }) {
  const qc = useQueryClient();
  const [saver] = useState(
    () =>
      new DraftAutosaver(
        {
          save: (input) => call('draft.save', input),
          canSave: () => {
            const s = qc.getQueryData<AuthStatus>(['auth']);
            return s?.user?.userId === init.userId && !s.locked;
          },
          snapshot: () => JSON.stringify(form.getValues()),
          errorCode: (e) => errorOf(e).code,
        },
        init.binding,
        init.initialJson,
      ),
  );
  const enabled = init.enabled;
  useEffect(() => {
    if (!enabled) return;
    const sub = form.watch(() => saver.changed());
    const unregister = registerFlush(() => saver.flush());
    return () => {
      sub.unsubscribe();
      unregister();
      void saver.stop();
    };
  }, [form, saver, enabled]);
  return { saver };
}

/** The save state of one autosaver, for the status line alone. */
export function useSaveStatus(saver: DraftAutosaver): AutosaveStatus {
  return useSyncExternalStore(saver.subscribe, saver.getStatus);
}
