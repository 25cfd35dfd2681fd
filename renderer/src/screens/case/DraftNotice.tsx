import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/schema/case-api';

/**
 * The officer's draft was started on an older version of the case: someone saved it since.
 * Nothing happens on its own: keep the changes (they will replace the saved intake on the next
 * save) or discard the draft and see the saved version.
 */
export function DraftNotice(props: { draftBase: number; current: CaseDetail; onKeep: () => void; onDiscard: () => void | Promise<void> }) {
  const { t } = useTranslation();
  return (
    <div className="banner banner-warn" role="alert" aria-labelledby="draft-conflict-title">
      <h2 id="draft-conflict-title">{t('draft.staleTitle')}</h2>
      <p>{t('draft.staleText', { mine: props.draftBase, current: props.current.version })}</p>
      <div className="row-actions">
        <button type="button" className="primary" onClick={props.onKeep}>
          {t('draft.keep')}
        </button>
        <button type="button" onClick={() => void props.onDiscard()}>
          {t('draft.discard')}
        </button>
      </div>
    </div>
  );
}
