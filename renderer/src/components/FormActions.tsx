import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../../shared/ipc/errors';
import { ErrorBanner } from './ErrorBanner';

/** The end of a dialog's form: the back end's refusal (if any), then the submit button and Cancel. */
export function FormActions(props: { error: IpcError | null; submit: string; tone: 'primary' | 'danger'; busy?: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorBanner error={props.error} />
      <div className="row-actions">
        <button type="submit" className={props.tone} disabled={props.busy}>
          {props.submit}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </>
  );
}
