import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { call, errorOf } from '../../ipc';

/**
 * Discard an unfinished new intake (the person left before it became a case), after a
 * confirmation: what was typed is deleted and cannot be recovered.
 */
export function DiscardDraftButton({ draftId, name }: { draftId: string; name: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const discard = useMutation({
    mutationFn: () => call('draft.discard', { draftId }),
    onSuccess: () => {
      setOpen(false);
      void qc.invalidateQueries({ queryKey: ['today'] });
    },
  });
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-label={t('today.discardNamed', { name })}>
        {t('today.discard')}
      </button>
      <Dialog open={open} title={t('today.discardTitle', { name })} onClose={() => setOpen(false)}>
        <p>{t('today.discardWarning')}</p>
        {discard.error && <ErrorBanner error={errorOf(discard.error)} />}
        <div className="row-actions">
          {/* The safe choice takes the focus. */}
          <button type="button" autoFocus onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </button>
          <button type="button" className="danger" onClick={() => discard.mutate()} disabled={discard.isPending}>
            {t('today.discardConfirm')}
          </button>
        </div>
      </Dialog>
    </>
  );
}
