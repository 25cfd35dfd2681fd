import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseStatus } from '../../../shared/case/lifecycle';
import type { CaseDetail } from '../../../shared/schema/case-api';
import type { DocumentInfo } from '../../../shared/schema/documents-api';
import { iomStages } from '../../../shared/schema/iom-import';
import type { ImportPreview, IomStage } from '../../../shared/schema/iom-import';
import { caseIn } from '../case/support';
import { makeCore, withAccounts } from '../core/helpers';
import type { TestCore } from '../core/helpers';

/**
 * The import's checks are stage.record's: both ask stages/check.ts `checkStage` (the rule has one
 * owner, tested alone in tests/unit/case/stages.test.ts). What this test holds end to end is all
 * around it: the import's reading of a file's stage (persons by their number on the packet), the
 * case state it reads for the whole file, its own classes and the way it reports the answer. For
 * every status after referral and every stage IOM's file can carry, a one-row file previews as
 * `new` exactly when recording the same stage on the case screen (stage.record) is accepted, and
 * as the matching conflict or invalid reason when it is refused. An accepted stage is then
 * corrected, so each stage is tried on the same case as it was. (A stage already in force with
 * the same facts and date is `known` instead.)
 */

const ON = '2026-11-21';
const b64 = (s: string) => Buffer.from(s).toString('base64');

/** The file's details and the same stage as the case screen sends it. */
function both(stage: IomStage, c: CaseDetail): { details: string; record: Record<string, unknown> } {
  const first = c.intake.persons[0]!.id;
  const none = (record: Record<string, unknown>) => ({ details: '', record });
  switch (stage) {
    case 'acknowledged':
      return none({ action: 'acknowledge', iomReference: 'IOM-P-1' });
    case 'counselling_done':
      return none({ action: 'counsel' });
    case 'travel_document_not_needed':
      return none({ action: 'recordTravelDocument', outcome: 'not_needed' });
    case 'travel_document_requested':
      return none({ action: 'recordTravelDocument', outcome: 'requested' });
    case 'travel_document_issued':
      return {
        details: JSON.stringify({ documents: [{ person: 1, type: 'passport', number: 'P1', expiry_date: '2027-06-30' }] }),
        record: { action: 'recordTravelDocument', outcome: 'issued', documents: [{ personId: first, type: 'passport', number: 'P1', expiryDate: '2027-06-30' }] },
      };
    case 'travel_document_refused':
      return { details: JSON.stringify({ reason: 'Refused.' }), record: { action: 'recordTravelDocument', outcome: 'refused', reason: 'Refused.' } };
    case 'flight_booked':
      return {
        details: JSON.stringify({ flight_date: '2026-12-05', departure_airport: 'YYZ', itinerary_reference: 'TK-1' }),
        record: { action: 'bookFlight', flightDate: '2026-12-05', departureAirport: 'YYZ', itineraryReference: 'TK-1' },
      };
    case 'arrived':
      return none({ action: 'confirmArrival' });
    case 'reintegration_plan_agreed':
      return none({ action: 'agreePlan' });
    case 'assistance':
      return {
        details: JSON.stringify({ entries: [{ person: 1, category: 'housing', committed_cad: 800, delivered_cad: 300 }] }),
        record: { action: 'recordAssistance', entries: [{ personId: first, category: 'housing', committedCad: 800, deliveredCad: 300 }] },
      };
    case 'follow_up':
      return { details: JSON.stringify({ notes: 'Called.' }), record: { action: 'recordFollowUp', notes: 'Called.' } };
    case 'closed':
      return none({ action: 'close' });
    case 'declined':
      return { details: JSON.stringify({ reason: 'Outside the mandate.' }), record: { action: 'iomDecline', reason: 'Outside the mandate.' } };
  }
}

const STATUSES: CaseStatus[] = [
  'referred',
  'acknowledged',
  'counselled',
  'travel_document_requested',
  'ready_to_book',
  'flight_booked',
  'departed',
  'arrived',
  'reintegration',
  'closed',
  'did_not_depart',
  'iom_declined',
  'travel_document_refused',
];

describe('the import classifies every stage in every status as recording it on the case would', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = makeCore();
    await withAccounts(t);
    await t.ok('certificate.generateSelfSigned', {});
  });
  afterAll(() => t.dispose());

  it.each(STATUSES)('in status %s', async (status) => {
    let c = await caseIn(t, status);
    const packet = (await t.ok<DocumentInfo[]>('document.list', { caseId: c.id })).find((d) => d.type === 'referral_packet')!.number;
    const ref = c.stages.find((e) => e.stage.action === 'acknowledge' && !e.correctedBy);
    const got: string[] = [];
    const want: string[] = [];
    for (const stage of iomStages) {
      const { details, record } = both(stage, c);
      const reference = stage === 'acknowledged' ? 'IOM-P-1' : '';
      const field = details === '' ? '' : `"${details.replaceAll('"', '""')}"`;
      const file = `packet_number,iom_reference,stage,date,details\n${packet},${reference},${stage},${ON},${field}\n`;
      const p = await t.ok<ImportPreview>('iom.previewImport', { fileName: 'one.csv', contentBase64: b64(file) });
      const row = p.rows[0]!;
      got.push(`${stage}: ${row.class}${row.conflict ? `/${row.conflict}` : ''}${row.class === 'invalid' ? `/${row.reason?.key}` : ''}`);
      if (row.class === 'known') {
        // Known: the same stage on the same date is in force (a second import changes nothing).
        const inForce = c.stages.filter((e) => !e.correctedBy && e.stage.action !== 'correctStage');
        want.push(inForce.some((e) => e.occurredOn === ON && e.stage.action === record.action) ? `${stage}: known` : `${stage}: not known`);
        continue;
      }
      const r = await t.call('stage.record', { caseId: c.id, baseVersion: c.version, occurredOn: ON, source: 'iom_email', stage: record });
      if (r.ok) {
        // Same stage, same facts, same date already in force would be `known`, never refused here.
        want.push(`${stage}: new`);
        const now = r.value as CaseDetail;
        c = await t.ok<CaseDetail>('stage.correct', { caseId: now.id, baseVersion: now.version, entryId: now.stages.at(-1)!.id, reason: 'Tried by the parity test.' });
      } else if (r.error.code === 'rejected') want.push(`${stage}: conflicting/stage_order`);
      else if (r.error.issues?.[0]?.messageKey === 'validation.stage_before_previous') want.push(`${stage}: conflicting/date_before_previous`);
      else want.push(`${stage}: invalid/${r.error.issues?.[0]?.messageKey ?? r.error.messageKey}`);
    }
    // An acknowledgement with another reference than the one in force is a conflict of its own.
    const adjusted = want.map((w) => (ref && ref.stage.action === 'acknowledge' && ref.stage.iomReference !== 'IOM-P-1' && w.startsWith('acknowledged:') ? 'acknowledged: conflicting/reference_mismatch' : w));
    expect(got).toEqual(adjusted);
  }, 60_000);
});
