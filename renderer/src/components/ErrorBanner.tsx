import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../../shared/ipc/errors';
import { GapList } from './GapList';

/** A call's error, localized, announced to screen readers; a lifecycle refusal lists what is missing. */
export function ErrorBanner({ error }: { error: IpcError | null | undefined }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (error.gaps && error.gaps.length > 0) {
    return (
      <div className="banner banner-error" role="alert">
        <GapList gaps={error.gaps} title={t(error.messageKey, error.params ?? {})} />
      </div>
    );
  }
  return (
    <div className="banner banner-error" role="alert">
      {t(error.messageKey, error.params ?? {})}
    </div>
  );
}
