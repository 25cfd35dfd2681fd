import { useTranslation } from 'react-i18next';
import { GapList } from '../../components/GapList';
import { HandoverChoice } from '../today/HandoverChoice';
import type { Step, useCaseWorkspace } from './useCaseWorkspace';

type Workspace = ReturnType<typeof useCaseWorkspace>;

/**
 * The case's next steps, as the lifecycle table offers them to this person now (guard.offered):
 * a step that is not possible yet shows what is missing, with a way to each section.
 */
export function StepsPanel({ w }: { w: Workspace }) {
  const { t } = useTranslation();
  if (w.steps.length === 0) return null;
  const blocked = (s: Step) => (s.verdict.ok ? null : s.verdict.kind === 'requirements' ? s.verdict.gaps : null);
  return (
    <section className="card steps" aria-labelledby="steps-title">
      <h2 id="steps-title">{t('case.steps')}</h2>
      {w.steps.map((s) => {
        const gaps = blocked(s);
        const gapsId = gaps ? `step-${s.action}-gaps` : undefined;
        switch (s.action) {
          case 'screen':
            return (
              <div className="step" key={s.action}>
                <HandoverChoice value={w.handover} onChange={w.setHandover} error={w.handoverError} allowNone={false} />
                <button type="button" onClick={() => void w.screen()} disabled={w.busy || w.stale || !w.editable}>
                  {t('handover.submit')}
                </button>
              </div>
            );
          case 'decide':
            // Deciding saves the form first: the gaps may be filled in right now, so the button stays available.
            return (
              <div className="step" key={s.action}>
                <p className="hint">{t('decision.hint')}</p>
                {gaps && <GapList gaps={gaps} id={gapsId} />}
                <button type="button" className="primary" onClick={() => void w.decide()} disabled={w.busy || w.stale || !w.editable} aria-describedby={gapsId}>
                  {t('decision.record')}
                </button>
              </div>
            );
          case 'review':
            return (
              <div className="step" key={s.action}>
                {gaps && <GapList gaps={gaps} id={gapsId} />}
                <button type="button" onClick={() => w.setDialog('review')} disabled={gaps !== null} aria-describedby={gapsId}>
                  {t('review.open')}
                </button>
              </div>
            );
          case 'reopen':
            return (
              <div className="step" key={s.action}>
                <button type="button" onClick={() => w.setDialog('reopen')}>
                  {t('reopen.open')}
                </button>
              </div>
            );
          case 'withdraw':
            return (
              <div className="step" key={s.action}>
                <button type="button" className="danger" onClick={() => w.setDialog('withdraw')}>
                  {t('withdraw.open')}
                </button>
              </div>
            );
        }
      })}
    </section>
  );
}
