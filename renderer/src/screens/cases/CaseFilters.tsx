import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { casePhases, caseStatuses, statusInfo } from '../../../../shared/case/lifecycle';
import { can } from '../../../../shared/roles';
import { intakeChannels } from '../../../../shared/schema/case';
import type { SessionUser } from '../../../../shared/schema/auth';
import { call } from '../../ipc';
import { DateFilter } from './DateFilter';
import { defaultCaseListState, withFilter } from './list-state';
import type { CaseListState } from './list-state';

/** The stage select's value: `phase:iom` or `status:referred` (one select, both kinds). */
const stageValue = (s: CaseListState['stage']): string => (s ? `${s.kind}:${s.value}` : '');
function stageOf(v: string): CaseListState['stage'] {
  const [kind, value] = v.split(':');
  const phase = casePhases.find((p) => p === value);
  const status = caseStatuses.find((s) => s === value);
  if (kind === 'phase' && phase) return { kind: 'phase', value: phase };
  if (kind === 'status' && status) return { kind: 'status', value: status };
  return null;
}

/** Filters of the Cases screen: each change shows the first page of what it leaves. */
export function CaseFilters({ state, user, onChange }: { state: CaseListState; user: SessionUser; onChange: (next: CaseListState) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const officers = useQuery({ queryKey: ['case-officers'], queryFn: () => call('case.officers', {}), staleTime: 60_000 });
  // "Needs my action" means something only to a role that acts on cases (not a clerk).
  const acts = can(user.role, 'case.edit') || can(user.role, 'case.review') || can(user.role, 'stage.record');
  const set = (change: Parameters<typeof withFilter>[1]) => onChange(withFilter(state, change));
  return (
    <section aria-labelledby={`${id}-title`} className="case-filters">
      <h2 id={`${id}-title`}>{t('caseList.filters')}</h2>
      <div className="grid">
        <div className="field">
          <label htmlFor={`${id}-stage`}>{t('caseList.stage')}</label>
          <select id={`${id}-stage`} value={stageValue(state.stage)} onChange={(e) => set({ stage: stageOf(e.target.value) })}>
            <option value="">{t('caseList.any')}</option>
            {casePhases.map((p) => (
              <optgroup key={p} label={t(`caseList.phase.${p}`)}>
                <option value={`phase:${p}`}>{t('caseList.wholePhase', { phase: t(`caseList.phase.${p}`) })}</option>
                {caseStatuses
                  .filter((s) => statusInfo[s].phase === p)
                  .map((s) => (
                    <option key={s} value={`status:${s}`}>
                      {t(`status.${s}`)}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-officer`}>{t('caseList.officer')}</label>
          <select id={`${id}-officer`} value={state.officer ?? ''} onChange={(e) => set({ officer: e.target.value || null })}>
            <option value="">{t('caseList.anyone')}</option>
            {(officers.data ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.displayName}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-channel`}>{t('caseList.channel')}</label>
          <select id={`${id}-channel`} value={state.channel ?? ''} onChange={(e) => set({ channel: intakeChannels.find((c) => c === e.target.value) ?? null })}>
            <option value="">{t('caseList.any')}</option>
            {intakeChannels.map((c) => (
              <option key={c} value={c}>
                {t(`channel.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <DateFilter label={t('caseList.from')} hint={t('common.dateHint')} value={state.from} onCommit={(from) => set({ from })} />
        <DateFilter label={t('caseList.to')} hint={t('common.dateHint')} value={state.to} onCommit={(to) => set({ to })} />
      </div>
      <div className="row-actions">
        {acts && (
          <div className="field checkbox-field">
            <label>
              <input type="checkbox" checked={state.needsMyAction} onChange={(e) => set({ needsMyAction: e.target.checked })} /> {t('caseList.needsMyAction')}
            </label>
          </div>
        )}
        {/* Always there (a button that vanished as it was pressed would drop the focus to the page). */}
        <button type="button" onClick={() => onChange({ ...defaultCaseListState, query: state.query, sort: state.sort, dir: state.dir })}>
          {t('caseList.clear')}
        </button>
      </div>
    </section>
  );
}
