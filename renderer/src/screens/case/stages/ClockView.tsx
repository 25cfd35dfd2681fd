import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { caseClock } from '../../../../../shared/case/timeline';
import type { CaseDetail } from '../../../../../shared/schema/case-api';

/**
 * The 30-day clock: days since intake, the days each CBSA milestone and the departure took, the
 * date the programme's aim falls on, and what that means today, in plain words.
 */
export function ClockView({ detail, today }: { detail: CaseDetail; today: string }) {
  const { t } = useTranslation();
  const clock = caseClock(detail, today);
  const tone = clock.state === 'overdue' || clock.state === 'missed' ? 'banner-error' : clock.state === 'due_soon' ? 'banner-warn' : clock.state === 'ended' ? 'banner-info' : 'banner-ok';
  return (
    <div className="stage-clock" aria-labelledby="stage-clock-title" role="group">
      <h3 id="stage-clock-title">{t('clock.title', { aim: clock.aimDays })}</h3>
      <p className={`banner ${tone}`} data-testid="clock-message">
        {t(clock.message.key, clock.message.params)}
      </p>
      <dl className="facts">
        <dt>{t('clock.intake')}</dt>
        <dd>{clock.intakeOn}</dd>
        {clock.state !== 'met' && clock.state !== 'missed' && (
          <>
            <dt>{t('clock.today')}</dt>
            <dd>{t('clock.todayDay', { days: clock.elapsedDays })}</dd>
          </>
        )}
        {clock.steps.map((s) => (
          <Fragment key={s.step}>
            <dt>{t(`clock.step.${s.step}`)}</dt>
            <dd>{s.on === null ? t('clock.notYet') : t('clock.stepOn', { date: s.on, days: s.days ?? 0 })}</dd>
          </Fragment>
        ))}
        <dt>{t('clock.aim')}</dt>
        <dd>{t('clock.aimOn', { date: clock.aimOn, aim: clock.aimDays })}</dd>
      </dl>
    </div>
  );
}
