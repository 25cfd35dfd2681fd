import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { restorePreviewInput } from '../../../../shared/schema/data-safety';
import type { BackupRecord, RestorePreview } from '../../../../shared/schema/data-safety';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useBackEndSubmit } from '../../hooks/useBackEndSubmit';
import { call, errorOf } from '../../ipc';
import { applySignedOut } from '../../signed-out';
import { ConfirmDialog } from '../users/ConfirmDialog';
import { AuditHeadFacts, CountsFacts, VerificationFacts } from './BackupFacts';
import type { SafetyFormat } from './format';
import { SafetySection } from './SafetySection';

type Values = z.input<typeof restorePreviewInput>;
/** The choice of the list that lets the supervisor type a file's name (one not in the history). */
const OTHER = '';

/**
 * Restore: a backup is opened into a new data folder and its contents shown; only then may the
 * supervisor switch to it (the current folder is kept aside, everyone signs in again).
 */
export function RestoreSection({ history, f }: { history: BackupRecord[]; f: SafetyFormat }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const files = [...new Set([...history].filter((r) => r.ok).sort((a, b) => b.startedAt.localeCompare(a.startedAt)).map((r) => r.fileName))];
  // Until the supervisor picks one, the latest good backup (a new one made meanwhile included).
  const [picked, setPicked] = useState<string | null>(null);
  const latest = files[0] ?? OTHER;
  const choice = picked ?? latest;
  const [preview, setPreview] = useState<RestorePreview | null>(null);
  const [asking, setAsking] = useState(false);
  // What the backup holds takes the focus when it appears: read out, then Tab reaches "Switch".
  const previewRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (preview) previewRef.current?.focus();
  }, [preview]);
  const form = useForm<Values, unknown, z.output<typeof restorePreviewInput>>({ resolver: zodResolver(restorePreviewInput), defaultValues: { fileName: files[0] ?? '', password: '' } });
  const { error, onSubmit } = useBackEndSubmit(form, async (v) => {
    setPreview(null);
    setPreview(await call('restore.preview', v));
    form.setValue('password', '');
  });
  const switchTo = useMutation({
    mutationFn: (restoreId: string) => call('restore.switch', { restoreId }),
    // The app now runs on the restored folder: everyone signs in again, starting with this screen.
    onSuccess: (s) => applySignedOut(qc, s),
    onError: () => setAsking(false),
  });
  useEffect(() => {
    if (picked === null) form.setValue('fileName', latest);
  }, [picked, latest, form]);
  const pick = (value: string) => {
    setPicked(value);
    form.setValue('fileName', value, { shouldValidate: form.formState.isSubmitted });
  };
  const e = form.formState.errors;
  return (
    <SafetySection title={t('dataSafety.restore.title')} intro={t('dataSafety.restore.intro')}>
      <form noValidate onSubmit={onSubmit} aria-label={t('dataSafety.restore.title')}>
        <Field label={t('dataSafety.restore.file')} error={choice === OTHER ? undefined : e.fileName}>
          {(a) => (
            <select id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} value={choice} onChange={(ev) => pick(ev.target.value)}>
              {files.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
              <option value={OTHER}>{t('dataSafety.restore.otherFile')}</option>
            </select>
          )}
        </Field>
        {choice === OTHER && (
          <Field label={t('dataSafety.restore.fileName')} hint={t('dataSafety.restore.fileNameHint')} error={e.fileName}>
            {(a) => <input id={a.id} className="wide" spellCheck={false} autoComplete="off" aria-describedby={a.describedBy} aria-invalid={a.invalid} {...form.register('fileName')} />}
          </Field>
        )}
        <Field label={t('dataSafety.restore.password')} hint={t('dataSafety.restore.passwordHint')} error={e.password}>
          {(a) => <input id={a.id} type="password" autoComplete="off" aria-describedby={a.describedBy} aria-invalid={a.invalid} {...form.register('password')} />}
        </Field>
        <ErrorBanner error={error} />
        <button type="submit" disabled={form.formState.isSubmitting}>
          {t('dataSafety.restore.open')}
        </button>
        {form.formState.isSubmitting && <p role="status">{t('common.working')}</p>}
      </form>
      {preview && (
        <div className={preview.ok ? 'banner banner-ok' : 'banner banner-error'} data-testid="restore-preview">
          <h3 tabIndex={-1} ref={previewRef}>{t(preview.ok ? 'dataSafety.restore.previewOk' : 'dataSafety.restore.previewBad')}</h3>
          <dl className="facts">
            <dt>{t('dataSafety.backup.file')}</dt>
            <dd>
              <code className="wrap">{preview.fileName}</code>
            </dd>
            <dt>{t('dataSafety.restore.createdAt')}</dt>
            <dd>{f.instant(preview.createdAt)}</dd>
            <dt>{t('dataSafety.restore.office')}</dt>
            <dd>{preview.office}</dd>
            <CountsFacts counts={preview.counts} f={f} />
            <AuditHeadFacts head={preview.auditHead} />
            <VerificationFacts v={preview.verification} />
            <dt>{t('dataSafety.restore.restoredDir')}</dt>
            <dd>
              <code className="wrap">{preview.restoredDir}</code>
            </dd>
          </dl>
          {preview.ok && (
            <button type="button" className="danger" onClick={() => setAsking(true)}>
              {t('dataSafety.restore.switch')}
            </button>
          )}
        </div>
      )}
      <ErrorBanner error={switchTo.error ? errorOf(switchTo.error) : null} />
      <ConfirmDialog
        open={asking}
        title={t('dataSafety.restore.confirmTitle')}
        text={t('dataSafety.restore.confirmText')}
        confirm={t('dataSafety.restore.switch')}
        danger
        onConfirm={() => preview && switchTo.mutate(preview.restoreId)}
        onCancel={() => setAsking(false)}
      />
    </SafetySection>
  );
}
