import type { LanguageUse, ReferralPacket } from '../../../shared/schema/documents';
import {
  ATTACHMENT_KIND,
  LABELS,
  OUTCOME,
  REINTEGRATION_CATEGORY,
  RELATIONSHIP,
  TRAVEL_DOCUMENT,
} from '../../../resources/forms/documents-text';
import { officerText } from './render/common';

/**
 * What the content hash of a referral packet covers (version 2): the facts the packet prints,
 * and nothing else, so anyone holding the paper can type them out and recompute the hash
 * (docs/documents.md, "Recomputing the content hash from the paper"). Version 1 hashed the
 * packet's JSON, which held ids the paper never shows.
 *
 * The text: a first line `AVRR-IOM-REFERRAL v2`, then one `Label: value` line per fact below, in
 * this order, joined by a line feed (no trailing one), UTF-8. Labels are fixed English words;
 * values are as printed, with the English half of the app's own bilingual words (Yes, Spouse or
 * partner, Eligible...), `—` (U+2014) for a fact printed as a dash or not printed, and every
 * value NFC-normalised with each run of white space (line breaks included: the paper wraps
 * lines) made one space and the ends trimmed.
 */
export const PRINTED_FACTS_HEADER = 'AVRR-IOM-REFERRAL v2';
const NONE = '—';

export const cad = (n: number): string => `$${n.toLocaleString('en-CA')}`;

/** One value as the recipe writes it: NFC, white space runs to one space, trimmed; empty reads as a dash. */
export function factValue(v: string | null | undefined): string {
  const s = (v ?? '').normalize('NFC').replace(/\s+/gu, ' ').trim();
  return s === '' ? NONE : s;
}

/** As printed: the interpreter's name (— organisation), or the English of "No interpreter". */
const interpreterFact = (l: LanguageUse): string =>
  l.interpreter === null ? LABELS.noInterpreter.en : l.interpreter.organisation === null ? l.interpreter.name : `${l.interpreter.name} — ${l.interpreter.organisation}`;

export function printedFacts(packet: ReferralPacket): [label: string, value: string][] {
  const facts: [string, string | null | undefined][] = [
    ['Packet number', packet.packetNumber],
    ['Case number', packet.caseNumber],
    ['Referral date', packet.referralDate],
    ['Office', packet.office.name],
    ['Office address', packet.office.address],
    ['Referring officer', officerText(packet.referringOfficer)],
    ['Country of return', packet.countryOfReturn],
    ['Final destination', packet.finalDestination],
    ['Persons referred', String(packet.persons.length)],
  ];
  packet.persons.forEach((p, i) => {
    const n = `Person ${i + 1}`;
    facts.push(
      [`${n} name`, p.nameOwnScript],
      // The packet prints one name when both are the same: it is then both.
      [`${n} Latin transliteration`, p.nameLatin],
      [`${n} date of birth`, p.dateOfBirth],
      [`${n} nationality`, p.nationality],
      [`${n} relationship`, RELATIONSHIP[p.relationship].en],
      // "Minor" is printed beside the relationship of a minor, nothing beside an adult's.
      [`${n} minor`, p.minor ? LABELS.yes.en : LABELS.no.en],
      [`${n} travel document`, TRAVEL_DOCUMENT[p.travelDocument.status].en],
      [`${n} travel document notes`, p.travelDocument.notes],
      [`${n} medical escort`, p.specialNeeds.medicalEscort ? LABELS.yes.en : LABELS.no.en],
      [`${n} non-medical escort`, p.specialNeeds.nonMedicalEscort ? LABELS.yes.en : LABELS.no.en],
      [`${n} special needs notes`, p.specialNeeds.notes],
      [`${n} tier`, p.tier],
      [`${n} basis of the tier (EN)`, p.tierBasis?.en],
      [`${n} basis of the tier (FR)`, p.tierBasis?.fr],
      [`${n} maximum (CAD)`, cad(p.maxAssistanceCad)],
    );
  });
  facts.push(
    ['Family total (CAD)', cad(packet.persons.reduce((sum, p) => sum + p.maxAssistanceCad, 0))],
    ['Language used', packet.languageUse.language],
    ['Interpreter', interpreterFact(packet.languageUse)],
    ['Decision', OUTCOME[packet.eligibility.outcome].en],
    ['Policy version', packet.eligibility.policyVersion],
    ['AVRR application date', packet.eligibility.applicationDate],
    ['Decided on', packet.eligibility.decidedOn],
    ['Decided by', typeof packet.eligibility.decidedBy === 'string' ? packet.eligibility.decidedBy : officerText(packet.eligibility.decidedBy)],
    ['Reviewed by', packet.eligibility.reviewedBy ? officerText(packet.eligibility.reviewedBy) : null],
  );
  packet.eligibility.reasons.forEach((r, i) => {
    facts.push([`Reason ${i + 1} code`, r.code], [`Reason ${i + 1} (EN)`, r.text.en], [`Reason ${i + 1} (FR)`, r.text.fr]);
  });
  packet.preferences.forEach((p, i) => {
    facts.push([`Preference ${i + 1}`, REINTEGRATION_CATEGORY[p.category].en], [`Preference ${i + 1} notes`, p.notes]);
  });
  facts.push(
    ['Preferences notes', packet.preferencesNotes],
    ['Consent form', packet.consent.formNumber],
    ['Consent signed on', packet.consent.signedOn],
  );
  packet.consent.signedBy.forEach((name, i) => facts.push([`Consent signed by ${i + 1}`, name]));
  facts.push(
    ['Consent officer', officerText(packet.consent.officer)],
    ['Consent language used', packet.consent.languageUse.language],
    ['Consent interpreter', interpreterFact(packet.consent.languageUse)],
  );
  (packet.attachments ?? []).forEach((a, i) => {
    facts.push([`Scan ${i + 1} kind`, ATTACHMENT_KIND[a.kind].en], [`Scan ${i + 1} SHA-256`, a.sha256], [`Scan ${i + 1} added on`, a.addedOn]);
  });
  facts.push(['Audit chain head', packet.auditChainHead]);
  return facts.map(([label, value]) => [label, factValue(value)]);
}

/** The text the content hash is taken over (see the recipe above). */
export function printedFactsText(packet: ReferralPacket): string {
  return [PRINTED_FACTS_HEADER, ...printedFacts(packet).map(([label, value]) => `${label}: ${value}`)].join('\n');
}
