import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseTask } from '../../../../shared/case/tasks';
import type { TaskList as Tasks } from '../../../../shared/schema/case-api';
import { localeOf, useLang } from '../../lang';
import { useNavigate } from '../../navigation';
import { PersonName } from '../../components/PersonName';

/**
 * Once the case page shows the task's section (`sec-<section>`, built by the case page), move
 * the focus there: its heading when it can take the focus, else the section itself. Gives up
 * after a few seconds (the case may not show that section to this person).
 */
export function focusSectionWhenPresent(section: string, timeoutMs = 5000): void {
  const id = `sec-${section}`;
  const focus = (): boolean => {
    const el = document.getElementById(id);
    if (!el) return false;
    const target = document.getElementById(`${id}-title`) ?? el;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.scrollIntoView({ block: 'start' });
    target.focus();
    return true;
  };
  if (focus()) return;
  const observer = new MutationObserver(() => {
    if (focus()) stop();
  });
  const timer = window.setTimeout(() => stop(), timeoutMs);
  function stop() {
    observer.disconnect();
    window.clearTimeout(timer);
  }
  observer.observe(document.body, { childList: true, subtree: true });
}

const DATE_PARAM = /(On|Date)$/;

/** "What needs me today": each task opens its case at the section where it is done. */
export function TaskList({ list }: { list: Tasks }) {
  const { t } = useTranslation();
  const lang = useLang();
  const go = useNavigate();
  const titleId = useId();
  const day = new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'long', timeZone: 'UTC' });
  // Office dates (YYYY-MM-DD) named in the words, in the reader's language.
  const words = (task: CaseTask) =>
    t(
      task.messageKey,
      Object.fromEntries(Object.entries(task.params).map(([k, v]) => [k, typeof v === 'string' && DATE_PARAM.test(k) && /^\d{4}-\d{2}-\d{2}$/.test(v) ? day.format(new Date(`${v}T12:00:00Z`)) : v])),
    );
  const when = (task: CaseTask) =>
    task.daysOverdue > 0 ? t('tasks.overdue', { count: task.daysOverdue }) : task.daysOverdue === 0 ? t('tasks.dueToday') : t('tasks.dueIn', { count: -task.daysOverdue });
  const open = (task: CaseTask) => {
    go({ name: 'case', caseId: task.caseId });
    focusSectionWhenPresent(task.section);
  };
  return (
    <section aria-labelledby={titleId} className="today-list task-list">
      <h2 id={titleId}>
        {t('tasks.title')} <span className="count">({list.total})</span>
      </h2>
      <p className="hint">{list.scope === 'everyone' ? t('tasks.introEveryone') : t('tasks.introMine')}</p>
      {list.tasks.length === 0 ? (
        <p className="hint">{t('tasks.none')}</p>
      ) : (
        <ul className="tasks">
          {list.tasks.map((task) => {
            const key = `${task.caseId}-${task.kind}`;
            return (
              <li key={key} className={task.daysOverdue > 0 ? 'task task-overdue' : 'task'}>
                <button type="button" onClick={() => open(task)} aria-describedby={`${key}-words ${key}-when`}>
                  <strong>{t(`tasks.kindName.${task.kind}`)}</strong> · {task.caseNumber} · <PersonName asWritten={task.principalNameAsWritten} latin={task.principalNameLatin} />
                </button>{' '}
                <span id={`${key}-when`} className="task-when">
                  {when(task)}
                </span>
                <p id={`${key}-words`} className="task-words">
                  {words(task)}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {list.total > list.tasks.length && <p className="hint">{t('tasks.more', { shown: list.tasks.length, total: list.total })}</p>}
    </section>
  );
}
