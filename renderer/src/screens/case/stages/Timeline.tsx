import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../../shared/schema/case-api';
import { todayIso } from '../../../../../shared/schema/common';
import type { StageEntry } from '../../../../../shared/schema/stages';
import { call } from '../../../ipc';
import { localeOf, useLang } from '../../../lang';
import { useOfficeTimeZone } from '../../../office-time';
import { cad, personName } from './fields';
import { timelineRows } from './timeline-rows';
import { TimelineScan } from './TimelineScan';

/** Who recorded an entry, by name (the back end reads it with the entry). */
function useRecorder(): (e: StageEntry) => string {
  const { t } = useTranslation();
  return (e) => e.recordedByName ?? t('stages.timeline.otherOfficer');
}

/** The facts of one stage, in words. */
function Details({ entry, detail }: { entry: StageEntry; detail: CaseDetail }) {
  const { t } = useTranslation();
  const locale = localeOf(useLang());
  const s = entry.stage;
  switch (s.action) {
    case 'acknowledge':
      return <p>{t('stages.timeline.iomReference', { reference: s.iomReference })}</p>;
    case 'recordTravelDocument':
      return (
        <>
          <p>{t(`stages.outcome.${s.outcome}`)}</p>
          {s.documents.length > 0 && (
            <ul>
              {s.documents.map((d) => (
                <li key={`${d.personId}-${d.number}`}>
                  {t('stages.timeline.document', { type: t(`stages.documentType.${d.type}`), number: d.number, person: personName(detail, d.personId), date: d.expiryDate })}
                </li>
              ))}
            </ul>
          )}
          {s.reason && <p>{t('stages.timeline.reason', { reason: s.reason })}</p>}
        </>
      );
    case 'bookFlight':
      return <p>{t('stages.timeline.flight', { date: s.flightDate, airport: s.departureAirport, reference: s.itineraryReference })}</p>;
    case 'confirmDeparture':
      return <p>{t('stages.timeline.place', { place: s.place })}</p>;
    case 'noShow':
    case 'iomDecline':
      return <p>{t('stages.timeline.reason', { reason: s.reason })}</p>;
    case 'recordFollowUp':
      return <p>{t('stages.timeline.notes', { notes: s.notes })}</p>;
    case 'recordAssistance':
      return (
        <ul>
          {s.entries.map((x) => (
            <li key={`${x.personId}-${x.category}`}>
              {t('stages.timeline.assistance', {
                person: personName(detail, x.personId),
                category: t(`reintegration.category.${x.category}`),
                committed: cad(x.committedCad, locale),
                delivered: cad(x.deliveredCad, locale),
              })}
            </li>
          ))}
        </ul>
      );
    case 'counsel':
    case 'confirmArrival':
    case 'agreePlan':
    case 'close':
    case 'correctStage':
      return null;
  }
}

/**
 * Every entry after the referral, oldest first: date, stage, source, who recorded it and its
 * facts. An entry undone by a correction stays, struck through, with the correction and its
 * reason beside it; history is never edited. The case's scans stand with the entry they belong
 * to, or by the office day they were added (timeline-rows.ts). The list is the attachments
 * panel's query: a scan attached there shows here at once (and a failure to read it is shown
 * there, once).
 */
export function Timeline({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const who = useRecorder();
  const zone = useOfficeTimeZone();
  const scans = useQuery({ queryKey: ['attachments', detail.id], queryFn: () => call('attachment.list', { caseId: detail.id }) });
  const corrections = new Map(detail.stages.filter((e) => e.correctsId !== null).map((e) => [e.correctsId, e]));
  const shown = detail.stages.filter((e) => e.stage.action !== 'correctStage');
  const dayOf = (instant: string) => todayIso(new Date(instant), zone);
  const rows = timelineRows(detail.milestones.referredOn, shown, scans.data ?? [], dayOf);
  return (
    <div role="group" aria-labelledby="stage-timeline-title" className="stage-timeline">
      <h3 id="stage-timeline-title">{t('stages.timeline.title')}</h3>
      <ol className="timeline">
        {rows.map((row) => {
          if (row.kind === 'referral')
            return (
              <li key="referral" className="timeline-entry">
                <span className="timeline-date">{row.date}</span> <strong>{t('stages.timeline.referred')}</strong>
              </li>
            );
          if (row.kind === 'scan')
            return (
              <li key={row.scan.id} className="timeline-entry" data-testid="stage-scan">
                <span className="timeline-date">{row.date}</span> <TimelineScan scan={row.scan} addedOn={null} />
              </li>
            );
          const e = row.entry;
          const fix = corrections.get(e.id);
          const body = (
            <>
              <span className="timeline-date">{e.occurredOn}</span> <strong>{t(`stages.action.${e.stage.action}`)}</strong>
              {' · '}
              {t('stages.timeline.meta', { source: t(`stages.source.${e.source}`), who: who(e) })}
              <Details entry={e} detail={detail} />
            </>
          );
          return (
            <li key={e.id} className={fix ? 'timeline-entry corrected' : 'timeline-entry'} data-testid="stage-entry">
              {fix ? (
                <>
                  <del>
                    <span className="visually-hidden">{t('stages.timeline.correctedHidden')} </span>
                    {body}
                  </del>
                  <p className="timeline-correction">{t('stages.timeline.correction', { date: fix.occurredOn, who: who(fix), reason: fix.reason ?? '' })}</p>
                </>
              ) : (
                body
              )}
              {row.scans.length > 0 && (
                <ul className="timeline-scans" aria-label={t('stages.timeline.scans')}>
                  {row.scans.map((scan) => (
                    <li key={scan.id} data-testid="stage-scan">
                      <TimelineScan scan={scan} addedOn={dayOf(scan.addedAt)} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
      {shown.length === 0 && <p className="hint">{t('stages.timeline.empty')}</p>}
    </div>
  );
}
