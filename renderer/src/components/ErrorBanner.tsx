import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../../shared/ipc/errors';

/** A call's error, localized, announced to screen readers. */
export function ErrorBanner({ error }: { error: IpcError | null | undefined }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div className="banner banner-error" role="alert">
      {t(error.messageKey, error.params ?? {})}
    </div>
  );
}
