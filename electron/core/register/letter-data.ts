import { effectiveOutcome, effectivePersons } from '../../../shared/case/decision';
import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import type { CaseDetail } from '../../../shared/schema/case-api';
import type { BilingualText, IneligibilityLetterInput, Officer } from '../../../shared/schema/documents';
import { OFFICE_HOURS } from '../../../shared/time/office-hours';
import type { OfficeHoursPeriod } from '../../../shared/time/office-hours';
import { officeDate } from '../../../shared/time/office-time';

/**
 * What the ineligibility letter prints, from the case's decision in force. The reasons are the
 * rules' own sentences (shared/rules/texts.ts, already in EN and FR on the decision), never
 * rewritten: for a person not eligible, the conditions failed and exclusions applying; where a
 * supervisor's review made the person not eligible, the review's reason as well (worded as the
 * referral packet words it).
 */
export function ineligibilityLetterData(
  c: CaseDetail,
  officer: Officer,
  letterNumber: string,
  date: string,
  officerById: (userId: string) => Officer,
  timeZone: string,
): IneligibilityLetterInput {
  const d = c.decision;
  if (!d || effectiveOutcome(d) !== 'ineligible') throw new IpcFailure(ipcError('rejected', { messageKey: 'lifecycle.blocked', gaps: [{ key: 'lifecycle.gap.not_ineligible', section: null }] }));
  const effective = effectivePersons(d);
  const review = d.review ?? d.override;
  const persons = c.intake.persons.map((p) => {
    const ruled = d.result.persons.find((x) => x.id === p.id);
    const outcome = effective.find((x) => x.id === p.id)?.outcome ?? ruled?.outcome ?? 'ineligible';
    const rules: { code: string; text: BilingualText }[] = (ruled?.reasons ?? []).map((r) => ({ code: r.code, text: { en: r.text.en, fr: r.text.fr } }));
    // "Meets every condition" or "needs a review" does not explain a refusal: the review does.
    const reasons = outcome === 'ineligible' ? rules.filter((r) => r.code !== 'E0' && !r.code.startsWith('R')) : rules;
    if (outcome === 'ineligible' && review && ruled?.outcome !== 'ineligible') {
      reasons.push({ code: 'REVIEW', text: { en: `Supervisor review: ${review.reason}`, fr: `Examen par le superviseur : ${review.reason}` } });
    }
    return { personId: p.id, nameOwnScript: p.nameAsWritten, nameLatin: p.nameLatin, dateOfBirth: p.dateOfBirth, outcome, reasons };
  });
  return {
    letterNumber,
    caseNumber: c.caseNumber,
    date,
    officeHours: officeHoursText(date),
    decision: {
      policyVersion: d.policyVersion,
      decidedOn: officeDate(new Date(d.decidedAt), timeZone),
      applicationDate: c.intake.applicationDate,
      decidedBy: officerById(d.decidedBy),
      ...(review ? { reviewedBy: officerById(review.reviewedBy) } : {}),
    },
    persons,
    officer,
  };
}

const DAY_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const DAY_FR = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

/** "8:00" and "8 h", "16 h 30". */
const timeEn = (hhmm: string) => hhmm.replace(/^0(\d)/, '$1');
const timeFr = (hhmm: string) => {
  const [h = '', m = ''] = hhmm.split(':');
  return `${Number(h)}\u00a0h${m === '00' ? '' : `\u00a0${m}`}`;
};

/**
 * The office's hours in force on the letter's date (shared/time/office-hours.ts, sourced data):
 * "Monday to Friday, 8:00 to 16:00" / "du lundi au vendredi, de 8 h à 16 h".
 */
export function officeHoursText(date: string, hours: readonly OfficeHoursPeriod[] = OFFICE_HOURS): BilingualText {
  const period = hours.find((p) => p.validFrom <= date && (p.validTo === null || date < p.validTo)) ?? hours.at(-1);
  if (!period) return { en: 'See the office', fr: 'Voir le bureau' };
  const days = [...period.weekdays].sort((a, b) => a - b);
  const first = days[0] ?? 1;
  const last = days.at(-1) ?? first;
  const run = days.length > 1 && last - first === days.length - 1;
  const en = run ? `${DAY_EN[first - 1]} to ${DAY_EN[last - 1]}` : days.map((x) => DAY_EN[x - 1]).join(', ');
  const fr = run ? `du ${DAY_FR[first - 1]} au ${DAY_FR[last - 1]}` : days.map((x) => DAY_FR[x - 1]).join(', ');
  return { en: `${en}, ${timeEn(period.opens)} to ${timeEn(period.closes)}`, fr: `${fr}, de ${timeFr(period.opens)} à ${timeFr(period.closes)}` };
}
