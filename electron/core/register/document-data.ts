import { bilingualCountryName } from '../../../shared/countries';
import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import { reasonText } from '../../../shared/rules';
import type { ReasonCode } from '../../../shared/rules';
import { effectiveOutcome, effectivePersons } from '../../../shared/case/decision';
import { isMinorOn } from '../../../shared/rules/dates';
import { officeDate } from '../../../shared/time/office-time';
import { SPECIAL_NEEDS_SEPARATOR } from '../../../shared/schema/limits';
import type { CaseDetail } from '../../../shared/schema/case-api';
import type { IntakePerson } from '../../../shared/schema/intake';
import type { AttachmentInfo } from '../../../shared/schema/attachments';
import type { ConsentRecord } from '../../../shared/schema/documents-api';
import type { BilingualText, ConsentFormInput, LanguageUse, Officer, PacketAttachment, Person, ReferralPacketInput, ReintegrationCategory, TravelDocumentStatus, WithdrawalInput } from '../../../shared/schema/documents';
import type { Session } from '../context';

const relationships = { principal: 'principal_applicant', spouse: 'spouse', child: 'child', other: 'other_relative' } as const;

const categories = {
  luggage: 'additional_luggage_allowance',
  onward_transport: 'onward_transportation',
  job_search: 'job_search_assistance',
  material: 'material_assistance',
  medical: 'medical_assistance',
  small_business: 'small_business_support',
  housing: 'temporary_accommodation_housing',
  training: 'training_schooling',
  legal: 'legal_assistance',
} as const satisfies Record<string, ReintegrationCategory>;

/** The officer as printed: name and badge number (their sign-in name when the account has no badge number). */
export function officerOf(s: Pick<Session, 'displayName' | 'badgeNumber' | 'username'>): Officer {
  return { name: s.displayName, badgeNumber: s.badgeNumber ?? s.username };
}

/**
 * A person as printed on a document dated `onDate`. Minor or adult is their age on that date
 * (who signs the consent form, who signs a withdrawal), not on the application date the rules
 * use: a person who was 17 when the family applied signs for themselves at 21.
 */
export function docPerson(p: IntakePerson, onDate: string): Person {
  return {
    personId: p.id,
    nameOwnScript: p.nameAsWritten,
    nameLatin: p.nameLatin,
    dateOfBirth: p.dateOfBirth,
    nationality: bilingualCountryName(p.nationality),
    relationship: relationships[p.relationship],
    minor: isMinorOn(p.dateOfBirth, onDate),
  };
}

/** "Hungarian / hongrois (hu)": the language in both official languages. */
function languageName(code: string): string {
  const en = new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  const fr = new Intl.DisplayNames(['fr'], { type: 'language' }).of(code) ?? code;
  return en === fr ? `${en} (${code})` : `${en} / ${fr} (${code})`;
}

/** Strict for consent and referral (the interpreter must be named); a withdrawal is never blocked by it. */
export function languageUse(c: CaseDetail, strict = true): LanguageUse {
  const i = c.intake;
  if (i.interpreterNeeded && !i.interpreterName) {
    if (strict) throw missing(['interpreterName']);
    return { language: languageName(i.language), interpreter: null };
  }
  return { language: languageName(i.language), interpreter: i.interpreterNeeded ? { name: i.interpreterName, organisation: null } : null };
}

function missing(fields: string[]): IpcFailure {
  return new IpcFailure(ipcError('rejected', { messageKey: 'errors.referral_incomplete', params: { fields: fields.join(', ') } }));
}

export function consentFormData(c: CaseDetail, officer: Officer, formNumber: string, date: string): ConsentFormInput {
  const shared: ConsentFormInput['sharedInformation'] = ['identity', 'contact_details', 'family_composition', 'immigration_status', 'travel_documents', 'reintegration_preferences', 'language_needs'];
  if (c.intake.persons.some((p) => p.specialNeeds.shareMedicalWithIom)) shared.push('medical_needs');
  return {
    formNumber,
    caseNumber: c.caseNumber,
    date,
    persons: c.intake.persons.map((p) => docPerson(p, date)),
    sharedInformation: shared,
    languageUse: languageUse(c),
    officer,
  };
}

/** The decision in force: the supervisor's override if there is one, else the rules' outcome. */

function travelStatus(s: IntakePerson['travelDocument']['status']): TravelDocumentStatus | null {
  switch (s) {
    case 'valid_passport':
    case 'held_by_cbsa':
      return 'valid_passport';
    case 'expired_passport':
      return 'expired_passport';
    case 'travel_document_needed':
      return 'travel_document_requested';
    case 'none':
      return 'none';
    case null:
      return null;
  }
}

/**
 * Everything the referral packet carries, or a `referral_incomplete` error listing exactly what
 * is still missing (the packet never goes out with a blank the officer did not see).
 * `officerById` turns the user ids of the decision (who decided, who reviewed) into officers as
 * printed: name and badge number, never an id.
 */
export function referralPacketData(
  c: CaseDetail,
  consent: ConsentRecord & { formNumber: string; officer: Officer },
  referringOfficer: Officer,
  packetNumber: string,
  referralDate: string,
  auditChainHead: string,
  officerById: (userId: string) => Officer,
  timeZone: string,
): ReferralPacketInput {
  const d = c.decision;
  if (!d) throw missing(['decision']);
  // The decision in force per person: the supervisor's review where there is one, else the rules'.
  const effective = effectivePersons(d);
  const gaps: string[] = [];
  if (!c.intake.travel.countryOfReturn) gaps.push('travel.countryOfReturn');
  if (!c.intake.travel.finalDestination) gaps.push('travel.finalDestination');
  const persons = c.intake.persons.map((p, i) => {
    const ruled = effective.find((x) => x.id === p.id);
    const status = travelStatus(p.travelDocument.status);
    if (!status) gaps.push(`persons[${i}].travelDocument.status`);
    if (p.specialNeeds.medicalEscort === null) gaps.push(`persons[${i}].specialNeeds.medicalEscort`);
    if (p.specialNeeds.nonMedicalEscort === null) gaps.push(`persons[${i}].specialNeeds.nonMedicalEscort`);
    const tier = ruled?.tier ?? null;
    const amount = ruled?.maxAmountCad ?? null;
    if (tier === null || amount === null) gaps.push(`persons[${i}].assistance`);
    const notes = [p.specialNeeds.mobility, p.specialNeeds.shareMedicalWithIom ? p.specialNeeds.medicalConditions : ''].filter(Boolean).join(SPECIAL_NEEDS_SEPARATOR);
    const basis: BilingualText | null = ruled?.tierBasis ?? null;
    return {
      ...docPerson(p, referralDate),
      travelDocument: { status: status ?? 'none', notes: p.travelDocument.expiryDate ? `Expiry / expiration: ${p.travelDocument.expiryDate}${p.travelDocument.status === 'held_by_cbsa' ? ' — held by CBSA / détenu par l’ASFC' : ''}` : null },
      specialNeeds: { medicalEscort: p.specialNeeds.medicalEscort ?? false, nonMedicalEscort: p.specialNeeds.nonMedicalEscort ?? false, notes: notes || null },
      tier: tier ?? 'T1',
      maxAssistanceCad: amount ?? 0,
      ...(basis ? { tierBasis: { en: basis.en, fr: basis.fr } } : {}),
    };
  });
  if (gaps.length > 0) throw missing(gaps);

  const codes = new Set<ReasonCode>();
  for (const r of d.result.reasons) codes.add(r.code);
  for (const p of d.result.persons) for (const r of p.reasons) codes.add(r.code);
  const reasons: { code: string; text: { en: string; fr: string } }[] = [...codes].map((code) => ({ code, text: { en: reasonText(code, 'en'), fr: reasonText(code, 'fr') } }));
  if (d.override) {
    reasons.push({ code: 'REVIEW', text: { en: `Supervisor review: ${d.override.reason}`, fr: `Examen par le superviseur : ${d.override.reason}` } });
  }
  const notes = c.intake.reintegration.notes;
  return {
    packetNumber,
    caseNumber: c.caseNumber,
    referralDate,
    referringOfficer,
    persons,
    countryOfReturn: c.intake.travel.countryOfReturn ? bilingualCountryName(c.intake.travel.countryOfReturn) : '',
    finalDestination: c.intake.travel.finalDestination,
    languageUse: languageUse(c),
    eligibility: {
      outcome: effectiveOutcome(d) ?? d.outcome,
      reasons,
      policyVersion: d.policyVersion,
      decidedOn: officeDate(new Date(d.decidedAt), timeZone),
      decidedBy: officerById(d.decidedBy),
      ...(d.override ? { reviewedBy: officerById(d.override.reviewedBy) } : {}),
      applicationDate: c.intake.applicationDate,
    },
    preferences: c.intake.reintegration.categories.map((cat) => ({ category: categories[cat], notes: null })),
    preferencesNotes: notes || null,
    consent: {
      formNumber: consent.formNumber,
      signedOn: consent.signedOn,
      signedBy: consent.signers.map((s) => {
        const p = c.intake.persons.find((x) => x.id === s.personId);
        const name = p ? p.nameLatin : s.personId;
        return s.signedBy === 'guardian' ? `${s.guardianName ?? ''} (for / pour ${name})` : name;
      }),
      officer: consent.officer,
      languageUse: languageUse(c),
    },
    auditChainHead,
  };
}

/**
 * The scans attached to the case when the packet is made, as it lists them: kind, SHA-256 and
 * the office date each was added, oldest first (never the file name). Absent when there are none.
 */
export function packetAttachments(scans: readonly Pick<AttachmentInfo, 'kind' | 'sha256' | 'addedAt'>[], timeZone: string): { attachments?: PacketAttachment[] } {
  if (scans.length === 0) return {};
  return { attachments: scans.map((a) => ({ kind: a.kind, sha256: a.sha256, addedOn: officeDate(new Date(a.addedAt), timeZone) })) };
}

export function withdrawalData(c: CaseDetail, officer: Officer, packetNumber: string | null, date: string, reason: string | null): WithdrawalInput {
  return {
    caseNumber: c.caseNumber,
    packetNumber,
    date,
    reason,
    persons: c.intake.persons.map((p) => docPerson(p, date)),
    witnessingOfficer: officer,
    languageUse: languageUse(c, false),
  };
}
