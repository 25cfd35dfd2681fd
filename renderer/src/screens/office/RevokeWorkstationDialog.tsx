import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { revokeWorkstationInput, WORKSTATION_REVOKE_REASON_MAX } from '../../../../shared/schema/office-admin';
import type { WorkstationRow } from '../../../../shared/schema/office-admin';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ReasonField } from '../../components/ReasonField';
import { useBackEndSubmit } from '../../hooks/useBackEndSubmit';
import { call } from '../../ipc';

const schema = revokeWorkstationInput.pick({ reason: true });
type Values = z.input<typeof schema>;

/**
 * Revoking a workstation cannot be undone: the dialog says so, asks for a reason, and puts
 * Cancel first with the focus, so Enter pressed out of habit revokes nothing.
 */
export function RevokeWorkstationDialog(props: { workstation: WorkstationRow | null; onClose: () => void; onDone: (w: WorkstationRow) => void }) {
  const { t } = useTranslation();
  const w = props.workstation;
  const cancel = useRef<HTMLButtonElement>(null);
  // After the dialog opened (its effect runs before this one): showModal would otherwise give the
  // focus to the first field, and Cancel comes after the reason.
  useEffect(() => {
    if (w) cancel.current?.focus();
  }, [w]);
  const form = useForm<Values, unknown, z.output<typeof schema>>({ resolver: zodResolver(schema), defaultValues: { reason: '' } });
  const close = () => {
    form.reset({ reason: '' });
    props.onClose();
  };
  const { error, onSubmit } = useBackEndSubmit(form, async (v) => {
    if (!w) return;
    await call('office.revoke', { id: w.id, reason: v.reason });
    form.reset({ reason: '' });
    props.onDone(w);
  });
  return (
    <Dialog open={w !== null} title={w ? t('workstations.revokeTitle', { name: w.name }) : ''} onClose={close}>
      {w && (
        <form noValidate onSubmit={onSubmit}>
          <p>{t('workstations.revokeText', { name: w.name })}</p>
          <ReasonField
            label={t('workstations.revokeReason')}
            hint={t('workstations.revokeReasonHint')}
            error={form.formState.errors.reason}
            max={WORKSTATION_REVOKE_REASON_MAX}
            registration={form.register('reason')}
          />
          <ErrorBanner error={error} />
          <div className="row-actions">
            <button type="button" ref={cancel} onClick={close}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="danger" disabled={form.formState.isSubmitting}>
              {t('workstations.revokeSubmit')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
