import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { withdrawCaseInput } from '../../../../shared/schema/case-api';
import type { CaseDetail } from '../../../../shared/schema/case-api';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { applyFieldIssues } from '../../form-errors';
import { call, errorOf } from '../../ipc';
import type { IpcError } from '../../../../shared/ipc/errors';
import { useOfficeToday } from '../../office-time';

const schema = withdrawCaseInput.pick({ date: true, reason: true });
type Values = z.input<typeof schema>;

/** The participant withdraws (possible at any stage): date and optional reason, confirmed. */
export function WithdrawDialog(props: { open: boolean; detail: CaseDetail; onClose: () => void; onDone: (d: CaseDetail) => void }) {
  const { t } = useTranslation();
  const officeToday = useOfficeToday();
  const form = useForm<Values, unknown, z.output<typeof schema>>({ resolver: zodResolver(schema), defaultValues: { date: officeToday, reason: '' } });
  const [error, setError] = useState<IpcError | null>(null);
  const e = form.formState.errors;
  return (
    <Dialog open={props.open} title={t('withdraw.title', { number: props.detail.caseNumber })} onClose={props.onClose}>
      <p>{t('withdraw.text')}</p>
      <form
        noValidate
        onSubmit={(ev) =>
          void form.handleSubmit(async (v) => {
            setError(null);
            try {
              const reason = v.reason?.trim();
              props.onDone(await call('case.withdraw', { caseId: props.detail.id, baseVersion: props.detail.version, date: v.date, ...(reason ? { reason } : {}) }));
            } catch (err) {
              if (!applyFieldIssues(errorOf(err), form.setError)) setError(errorOf(err));
            }
          })(ev)
        }
      >
        <Field label={t('withdraw.date')} hint={t('common.dateHint')} error={e.date}>
          {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} inputMode="numeric" maxLength={10} {...form.register('date')} />}
        </Field>
        <Field label={t('withdraw.reason')} error={e.reason}>
          {(a) => <textarea id={a.id} rows={3} aria-describedby={a.describedBy} aria-invalid={a.invalid} maxLength={2000} {...form.register('reason')} />}
        </Field>
        <ErrorBanner error={error} />
        <div className="row-actions">
          <button type="submit" className="danger" disabled={form.formState.isSubmitting}>
            {t('withdraw.confirm')}
          </button>
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
