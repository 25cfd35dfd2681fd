import { useTranslation } from 'react-i18next';
import type { LiveChange } from '../../../shared/schema/live';
import { localeOf, useLang } from '../lang';
import { useOfficeTimeZone } from '../office-time';

/**
 * On an open case: another desk just changed it (issue 15 point 4). Nothing on the page is
 * replaced; the officer chooses to see the other version, which goes through the case page's
 * usual review of a newer save (field by field, their changes kept).
 */
export function ChangedElsewhereNotice({ change, onShow }: { change: LiveChange; onShow: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const timeZone = useOfficeTimeZone();
  const time = new Intl.DateTimeFormat(localeOf(lang), { timeStyle: 'short', timeZone }).format(new Date(change.at));
  return (
    <div className="banner banner-warn" role="status" data-testid="changed-elsewhere">
      <p>
        {t('live.caseChanged', { name: change.displayName, workstation: change.workstation, time })} {t('live.typedKept')}
      </p>
      <button type="button" onClick={onShow}>
        {t('live.showTheirs')}
      </button>
    </div>
  );
}
