import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { reopenCaseInput } from '../../../../shared/schema/case-api';
import type { CaseDetail } from '../../../../shared/schema/case-api';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { ReasonField } from '../../components/ReasonField';
import { useBackEndSubmit } from '../../hooks/useBackEndSubmit';
import { call } from '../../ipc';

const schema = reopenCaseInput.pick({ reason: true });
type Values = z.input<typeof schema>;

/** A person with the decide permission reopens a decision, with a written reason (kept in the history). */
export function ReopenDialog(props: { open: boolean; detail: CaseDetail; onClose: () => void; onDone: (d: CaseDetail) => void }) {
  const { t } = useTranslation();
  const form = useForm<Values, unknown, z.output<typeof schema>>({ resolver: zodResolver(schema), defaultValues: { reason: '' } });
  const { error, onSubmit } = useBackEndSubmit(form, async (v) => {
    props.onDone(await call('case.reopen', { caseId: props.detail.id, baseVersion: props.detail.version, reason: v.reason }));
    form.reset({ reason: '' });
  });
  return (
    <Dialog open={props.open} title={t('reopen.title', { number: props.detail.caseNumber })} onClose={props.onClose}>
      <p>{t('reopen.text')}</p>
      <form noValidate onSubmit={onSubmit}>
        <ReasonField label={t('reopen.reason')} hint={t('reopen.reasonHint')} error={form.formState.errors.reason} rows={4} registration={form.register('reason')} />
        <FormActions error={error} submit={t('reopen.submit')} tone="primary" busy={form.formState.isSubmitting} onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}
