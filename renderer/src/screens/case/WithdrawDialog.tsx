import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { withdrawCaseInput } from '../../../../shared/schema/case-api';
import type { CaseDetail } from '../../../../shared/schema/case-api';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { ReasonField } from '../../components/ReasonField';
import { useBackEndSubmit } from '../../hooks/useBackEndSubmit';
import { call } from '../../ipc';
import { useOfficeToday } from '../../office-time';

const schema = withdrawCaseInput.pick({ date: true, reason: true });
type Values = z.input<typeof schema>;

/** The participant withdraws (possible at any stage): date and optional reason, confirmed. */
export function WithdrawDialog(props: { open: boolean; detail: CaseDetail; onClose: () => void; onDone: (d: CaseDetail) => void }) {
  const { t } = useTranslation();
  const officeToday = useOfficeToday();
  const form = useForm<Values, unknown, z.output<typeof schema>>({ resolver: zodResolver(schema), defaultValues: { date: officeToday, reason: '' } });
  const { error, onSubmit } = useBackEndSubmit(form, async (v) => {
    const reason = v.reason?.trim();
    props.onDone(await call('case.withdraw', { caseId: props.detail.id, baseVersion: props.detail.version, date: v.date, ...(reason ? { reason } : {}) }));
  });
  const e = form.formState.errors;
  return (
    <Dialog open={props.open} title={t('withdraw.title', { number: props.detail.caseNumber })} onClose={props.onClose}>
      <p>{t('withdraw.text')}</p>
      <form noValidate onSubmit={onSubmit}>
        <Field label={t('withdraw.date')} hint={t('common.dateHint')} error={e.date}>
          {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} inputMode="numeric" {...form.register('date')} />}
        </Field>
        <ReasonField label={t('withdraw.reason')} error={e.reason} registration={form.register('reason')} />
        <FormActions error={error} submit={t('withdraw.confirm')} tone="danger" busy={form.formState.isSubmitting} onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}
