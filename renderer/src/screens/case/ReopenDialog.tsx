import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { IpcError } from '../../../../shared/ipc/errors';
import { reopenCaseInput } from '../../../../shared/schema/case-api';
import type { CaseDetail } from '../../../../shared/schema/case-api';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { applyFieldIssues } from '../../form-errors';
import { call, errorOf } from '../../ipc';

const schema = reopenCaseInput.pick({ reason: true });
type Values = z.input<typeof schema>;

/** A person with the decide permission reopens a decision, with a written reason (kept in the history). */
export function ReopenDialog(props: { open: boolean; detail: CaseDetail; onClose: () => void; onDone: (d: CaseDetail) => void }) {
  const { t } = useTranslation();
  const form = useForm<Values, unknown, z.output<typeof schema>>({ resolver: zodResolver(schema), defaultValues: { reason: '' } });
  const [error, setError] = useState<IpcError | null>(null);
  return (
    <Dialog open={props.open} title={t('reopen.title', { number: props.detail.caseNumber })} onClose={props.onClose}>
      <p>{t('reopen.text')}</p>
      <form
        noValidate
        onSubmit={(ev) =>
          void form.handleSubmit(async (v) => {
            setError(null);
            try {
              props.onDone(await call('case.reopen', { caseId: props.detail.id, baseVersion: props.detail.version, reason: v.reason }));
              form.reset({ reason: '' });
            } catch (err) {
              if (!applyFieldIssues(errorOf(err), form.setError)) setError(errorOf(err));
            }
          })(ev)
        }
      >
        <Field label={t('reopen.reason')} hint={t('reopen.reasonHint')} error={form.formState.errors.reason}>
          {(a) => <textarea id={a.id} rows={4} aria-describedby={a.describedBy} aria-invalid={a.invalid} maxLength={2000} {...form.register('reason')} />}
        </Field>
        <ErrorBanner error={error} />
        <div className="row-actions">
          <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
            {t('reopen.submit')}
          </button>
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
