import { useTranslation } from 'react-i18next';
import type { GapIssue } from '../../../shared/ipc/errors';

/** Move focus to an interview section's heading (ids from screens/case/Section.tsx). */
export function focusSection(section: string): void {
  const h = document.getElementById(`sec-${section}-title`);
  h?.scrollIntoView({ block: 'start' });
  h?.focus();
}

/**
 * What stands between the case and a step, in words, each with a button to the section where it
 * is filled in. Used for the lifecycle's "not yet" (verdict) and for a server refusal with gaps
 * alike; never shows a field path.
 */
export function GapList({ gaps, title, id }: { gaps: readonly GapIssue[]; title?: string; id?: string }) {
  const { t } = useTranslation();
  if (gaps.length === 0) return null;
  return (
    <div className="gaps" id={id}>
      <p className="gaps-title">{title ?? t('lifecycle.blocked')}</p>
      <ul>
        {gaps.map((g, i) => (
          <li key={`${g.key}-${i}`}>
            {t(g.key, g.params ?? {})}
            {g.section && (
              <>
                {' '}
                <button type="button" className="link-button" onClick={() => focusSection(g.section ?? '')}>
                  {t('lifecycle.goTo', { section: t(`interview.sections.${g.section}`) })}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
