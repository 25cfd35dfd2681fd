import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ledTo, offered, reached } from '../../../../../shared/case/guard';
import { stageActions } from '../../../../../shared/case/lifecycle';
import type { CaseAction, StageAction } from '../../../../../shared/case/lifecycle';
import type { SessionUser } from '../../../../../shared/schema/auth';
import type { CaseDetail } from '../../../../../shared/schema/case-api';
import { useOfficeToday } from '../../../office-time';
import { AssistancePanel } from './AssistancePanel';
import { ClockView } from './ClockView';
import { CorrectStage } from './CorrectStage';
import { StageForm } from './StageForm';
import type { FormStage } from './StageForm';
import { Timeline } from './Timeline';
import './stages.css';

/** The side exits: kept folded under "If the person does not go on" so the next stage comes first. */
const EXITS: readonly StageAction[] = ['noShow', 'iomDecline'];
const isStage = (a: CaseAction): a is StageAction => (stageActions as readonly CaseAction[]).includes(a);

/** Whether the case has stage work to show: referred (or past it), or stages on record. */
export function hasStageWork(detail: CaseDetail): boolean {
  return detail.milestones.referredOn !== null || detail.stages.length > 0 || ledTo('refer', detail.status);
}

/**
 * "Stages after referral" (#sec-stages): the 30-day clock, the timeline of every entry, the
 * forms of the next stages the lifecycle table offers this person (guard.offered, never a
 * hand-written list of statuses), the correction of the latest stage, and the assistance panel.
 */
export function StagesSection(props: { detail: CaseDetail; user: SessionUser; onChanged: (next: CaseDetail) => void }) {
  const { t } = useTranslation();
  const today = useOfficeToday();
  const { detail, user } = props;
  const [done, setDone] = useState<string | null>(null);
  const offers = offered(detail, user.role).filter((o) => o.verdict.ok);
  const stages = offers.map((o) => o.action).filter(isStage);
  const forms = stages.filter((a): a is FormStage => a !== 'recordAssistance');
  const main = forms.filter((a) => !EXITS.includes(a));
  const exits = forms.filter((a) => EXITS.includes(a));
  const canCorrect = offers.some((o) => o.action === 'correctStage');
  const canAssist = stages.includes('recordAssistance');
  const showAssistance = canAssist || detail.stages.some((e) => e.stage.action === 'recordAssistance') || reached('recordAssistance', detail.status);

  const changed = (next: CaseDetail, message: string) => {
    setDone(message);
    props.onChanged(next);
    requestAnimationFrame(() => document.getElementById('stages-done')?.focus());
  };
  const recorded = (next: CaseDetail, stage: StageAction) => changed(next, t('stages.recorded', { stage: t(`stages.action.${stage}`), status: t(`status.${next.status}`) }));

  return (
    <section id="sec-stages" aria-labelledby="sec-stages-title" className="card stages-section">
      <h2 id="sec-stages-title" tabIndex={-1}>
        {t('stages.title')}
      </h2>
      <p className="hint">{t('stages.intro')}</p>
      {done && (
        <p className="banner banner-ok" role="status" id="stages-done" tabIndex={-1}>
          {done}
        </p>
      )}
      <div className="stages-grid">
        <div>
          <ClockView detail={detail} today={today} />
          <Timeline detail={detail} />
          {canCorrect && <CorrectStage key={`correct-${detail.version}`} detail={detail} onDone={(next) => changed(next, t('stages.correct.done', { status: t(`status.${next.status}`) }))} />}
        </div>
        <div>
          {main.length > 0 && (
            <div role="group" aria-labelledby="stages-next-title">
              <h3 id="stages-next-title">{t('stages.next')}</h3>
              {main.map((a) => (
                <StageForm key={`${a}-${detail.version}`} action={a} detail={detail} today={today} onDone={recorded} />
              ))}
            </div>
          )}
          {exits.length > 0 && (
            <details className="stage-exits">
              <summary>{t('stages.exits')}</summary>
              {exits.map((a) => (
                <StageForm key={`${a}-${detail.version}`} action={a} detail={detail} today={today} onDone={recorded} />
              ))}
            </details>
          )}
          {forms.length === 0 && !canAssist && <p className="hint">{t('stages.nothingOffered')}</p>}
        </div>
      </div>
      {showAssistance && <AssistancePanel key={`assist-${detail.version}`} detail={detail} today={today} canRecord={canAssist} onDone={(next) => recorded(next, 'recordAssistance')} />}
    </section>
  );
}
