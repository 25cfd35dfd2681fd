import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { latestInForce } from '../../../../../shared/case/stages';
import type { IpcError } from '../../../../../shared/ipc/errors';
import type { CaseDetail } from '../../../../../shared/schema/case-api';
import { correctStageInput } from '../../../../../shared/schema/stages';
import { Dialog } from '../../../components/Dialog';
import { FormActions } from '../../../components/FormActions';
import { ReasonField } from '../../../components/ReasonField';
import { call, errorOf } from '../../../ipc';
import { applyStageIssues } from './fields';

const reasonOnly = correctStageInput.pick({ reason: true });

/**
 * "Correct the latest stage": a stage recorded by mistake is undone by a correction entry with a
 * written reason, never by editing it. The reason first, then a confirmation whose focus rests
 * on keeping the stage (the safe choice).
 */
export function CorrectStage(props: { detail: CaseDetail; onDone: (next: CaseDetail) => void }) {
  const { t } = useTranslation();
  const latest = latestInForce(props.detail.stages);
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const form = useForm<{ reason: string }>({ defaultValues: { reason: '' } });
  if (!latest) return null;
  const stage = t(`stages.action.${latest.stage.action}`);
  const close = () => {
    setOpen(false);
    setConfirming(false);
    setError(null);
    form.reset({ reason: '' });
  };
  const check = form.handleSubmit((v) => {
    const parsed = reasonOnly.safeParse(v);
    if (!parsed.success) {
      form.setError('reason', { type: 'client', message: parsed.error.issues[0]?.message ?? 'validation.reason_required' });
      return;
    }
    setConfirming(true);
  });
  const confirm = async () => {
    setError(null);
    try {
      const next = await call('stage.correct', { caseId: props.detail.id, baseVersion: props.detail.version, entryId: latest.id, reason: form.getValues('reason').trim() });
      close();
      props.onDone(next);
    } catch (err) {
      const ipc = errorOf(err);
      setConfirming(false);
      if (!applyStageIssues(ipc, form.setError, (p) => p === 'reason')) setError(ipc);
    }
  };
  return (
    <div className="stage-correct">
      <button type="button" onClick={() => setOpen(true)}>
        {t('stages.correct.open')}
      </button>
      <Dialog open={open} title={t('stages.correct.title', { stage, date: latest.occurredOn })} onClose={close}>
        <p>{t('stages.correct.text', { stage, date: latest.occurredOn })}</p>
        {!confirming ? (
          <form noValidate onSubmit={(ev) => void check(ev)}>
            <ReasonField label={t('stages.correct.reason')} hint={t('stages.correct.reasonHint')} error={form.formState.errors.reason} registration={form.register('reason')} />
            <FormActions error={error} submit={t('stages.correct.next')} tone="danger" onCancel={close} />
          </form>
        ) : (
          <div role="group" aria-labelledby="stage-correct-confirm">
            <p id="stage-correct-confirm">
              <strong>{t('stages.correct.confirmText', { stage, date: latest.occurredOn })}</strong>
            </p>
            <div className="row-actions">
              {/* The safe choice takes the focus: Enter keeps the stage. */}
              <button type="button" autoFocus onClick={close}>
                {t('stages.correct.keep')}
              </button>
              <button type="button" className="danger" onClick={() => void confirm()}>
                {t('stages.correct.confirm')}
              </button>
            </div>
          </div>
        )}
      </Dialog>
    </div>
  );
}
