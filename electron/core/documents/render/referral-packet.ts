import type { ReferralPacket } from '../../../../shared/schema/documents';
import { ReferralPacketSchema } from '../../../../shared/schema/documents';
import {
  ATTACHMENT_KIND,
  LABELS,
  OUTCOME,
  PROGRAMME,
  REFERRAL,
  REINTEGRATION_CATEGORY,
  TRAVEL_DOCUMENT,
} from '../../../../resources/forms/documents-text';
import { bi, columns, documentTitle, field, heading, table } from '../layout/blocks';
import { decoratePages } from '../layout/decorate';
import { BODY, COLORS, SMALL } from '../layout/writer';
import { hashValidatedPacket, packetQrPayload } from '../packet-hash';
import { attachPacketData, packetDataOf } from '../packet-data';
import { cad } from '../packet-facts';
import { phase } from '../timing';
import { parseDocumentInput } from '../validate';
import type { RenderOptions } from './common';
import { interpreterText, nameCell, officerText, relationshipCell, startDocument, yesNo } from './common';

/**
 * The referral packet to IOM: a cover page, then persons, travel, needs, language, eligibility,
 * assistance, preferences, consent, attached scans and integrity sections. Every page carries a
 * QR code with the packet number and the content hash: the SHA-256 of the facts printed here
 * (packet-facts.ts). The packet's data for IOM's systems is embedded as a JSON file before
 * signing (packet-data.ts).
 */
export async function renderReferralPacket(data: unknown, options: RenderOptions = {}): Promise<Uint8Array> {
  const packet: ReferralPacket = parseDocumentInput(ReferralPacketSchema, data, 'referral packet');
  const sha256 = hashValidatedPacket(packet);
  phase('render: validate + content hash');
  const w = await startDocument(packet, REFERRAL.title, `Referral packet ${packet.packetNumber}`, options);

  // Cover page.
  documentTitle(w, PROGRAMME, REFERRAL.title);
  w.space(8);
  w.drawLine(w.page, bi(REFERRAL.cover), w.left, w.y, { size: 10, color: COLORS.muted });
  w.space(16);
  w.drawLine(w.page, packet.packetNumber, w.left, w.y, { size: 22, bold: true });
  w.space(40);
  field(w, LABELS.office, `${packet.office.name}\n${packet.office.address}`);
  field(w, LABELS.caseNumber, packet.caseNumber);
  field(w, LABELS.referralDate, packet.referralDate);
  field(w, LABELS.referringOfficer, officerText(packet.referringOfficer));
  field(w, LABELS.countryOfReturn, packet.countryOfReturn);
  field(w, { en: 'Persons referred', fr: 'Personnes aiguillées' }, String(packet.persons.length));
  w.space(12);
  field(w, LABELS.contentHash, sha256);
  field(w, LABELS.auditChainHead, packet.auditChainHead);
  w.space(4);
  columns(w, REFERRAL.qrNote.en, REFERRAL.qrNote.fr, SMALL);
  w.newPage();

  heading(w, REFERRAL.persons);
  table(
    w,
    [
      { header: LABELS.name, share: 3 },
      { header: LABELS.dateOfBirth, share: 1.3 },
      { header: LABELS.nationality, share: 1.4 },
      { header: LABELS.relationship, share: 1.6 },
      { header: LABELS.travelDocument, share: 2 },
    ],
    packet.persons.map((p) => {
      const doc = TRAVEL_DOCUMENT[p.travelDocument.status];
      const notes = p.travelDocument.notes === null ? '' : `\n${p.travelDocument.notes}`;
      const age = p.minor ? ` · ${bi(LABELS.minor)}` : '';
      return [nameCell(p), p.dateOfBirth, p.nationality, relationshipCell(p) + age, `${doc.en}\n${doc.fr}${notes}`];
    }),
  );

  heading(w, REFERRAL.travel);
  field(w, LABELS.countryOfReturn, packet.countryOfReturn);
  field(w, LABELS.finalDestination, packet.finalDestination);

  heading(w, REFERRAL.needs);
  table(
    w,
    [
      { header: LABELS.name, share: 3 },
      { header: LABELS.medicalEscort, share: 1.2 },
      { header: LABELS.nonMedicalEscort, share: 1.2 },
      { header: LABELS.notes, share: 3.6 },
    ],
    packet.persons.map((p) => [
      nameCell(p),
      yesNo(p.specialNeeds.medicalEscort),
      yesNo(p.specialNeeds.nonMedicalEscort),
      p.specialNeeds.notes ?? '—',
    ]),
  );

  heading(w, REFERRAL.language);
  field(w, LABELS.language, packet.languageUse.language);
  field(w, LABELS.interpreter, interpreterText(packet.languageUse));

  heading(w, REFERRAL.eligibility);
  const outcome = OUTCOME[packet.eligibility.outcome];
  field(w, LABELS.outcome, bi(outcome));
  field(w, LABELS.policyVersion, packet.eligibility.policyVersion);
  if (packet.eligibility.applicationDate !== undefined) field(w, LABELS.applicationDate, packet.eligibility.applicationDate);
  field(w, LABELS.decidedOn, packet.eligibility.decidedOn);
  const decidedBy = packet.eligibility.decidedBy;
  field(w, LABELS.decidedBy, typeof decidedBy === 'string' ? decidedBy : officerText(decidedBy));
  if (packet.eligibility.reviewedBy !== undefined) field(w, LABELS.reviewedBy, officerText(packet.eligibility.reviewedBy));
  w.space(2);
  w.drawLine(w.page, bi(LABELS.reasons), w.left, w.y, SMALL);
  w.space(12);
  for (const reason of packet.eligibility.reasons) {
    columns(w, reason.text.en, reason.text.fr, BODY, `[${reason.code}]  `);
  }

  heading(w, REFERRAL.assistance);
  const total = packet.persons.reduce((sum, p) => sum + p.maxAssistanceCad, 0);
  table(
    w,
    [
      { header: LABELS.name, share: 2.6 },
      { header: LABELS.tier, share: 0.8 },
      { header: LABELS.tierBasis, share: 4.4 },
      { header: LABELS.maxPerPerson, share: 1.6 },
    ],
    [
      ...packet.persons.map((p) => [nameCell(p), p.tier, p.tierBasis ? `${p.tierBasis.en}\n${p.tierBasis.fr}` : '—', cad(p.maxAssistanceCad)]),
      [bi(LABELS.familyTotal), '', '', cad(total)],
    ],
  );

  heading(w, REFERRAL.preferences);
  if (packet.preferences.length === 0) {
    w.paragraph(bi(LABELS.noPreferences));
  } else {
    table(
      w,
      [
        { header: { en: 'Category', fr: 'Catégorie' }, share: 3 },
        { header: LABELS.notes, share: 4 },
      ],
      packet.preferences.map((p) => {
        const c = REINTEGRATION_CATEGORY[p.category];
        return [`${c.en}\n${c.fr}`, p.notes ?? '—'];
      }),
    );
  }
  if (packet.preferencesNotes) field(w, LABELS.notes, packet.preferencesNotes);

  heading(w, REFERRAL.consent);
  field(w, LABELS.consentForm, packet.consent.formNumber);
  field(w, LABELS.signedOn, packet.consent.signedOn);
  field(w, LABELS.signedBy, packet.consent.signedBy.join('\n'));
  field(w, LABELS.officer, officerText(packet.consent.officer));
  field(w, LABELS.language, packet.consent.languageUse.language);
  field(w, LABELS.interpreter, interpreterText(packet.consent.languageUse));

  // The scans attached when the packet was made, each with its SHA-256 in full (on a line of its own).
  heading(w, REFERRAL.attachments);
  const scans = packet.attachments ?? [];
  if (scans.length === 0) {
    w.paragraph(bi(LABELS.noAttachments));
  } else {
    columns(w, REFERRAL.attachmentsNote.en, REFERRAL.attachmentsNote.fr, SMALL);
    // The middle column holds the widest hash on one line (64 × "d" is 354 pt at 9 pt): 5.65 / 8 of
    // 516 pt, less the padding; the date column holds a date (47 pt), the first the rest.
    table(
      w,
      [
        { header: LABELS.attachmentKind, share: 1.5 },
        { header: LABELS.sha256, share: 5.65 },
        { header: LABELS.addedOn, share: 0.85 },
      ],
      scans.map((a) => {
        const kind = ATTACHMENT_KIND[a.kind];
        return [`${kind.en}\n${kind.fr}`, a.sha256, a.addedOn ?? '—'];
      }),
    );
  }

  heading(w, REFERRAL.integrity);
  field(w, LABELS.auditChainHead, packet.auditChainHead);
  field(w, LABELS.contentHash, sha256);

  phase('render: layout + draw');
  decoratePages(w, {
    runningTitle: `${bi(REFERRAL.title)} — ${packet.packetNumber}`,
    reference: `${bi(LABELS.packetNumber)} ${packet.packetNumber} · ${packet.office.address}`,
    qr: (page, pages) => packetQrPayload(packet.packetNumber, sha256, page, pages),
  });
  await attachPacketData(w.doc, packetDataOf(packet, sha256), options.now ?? new Date());
  phase('render: embedded packet data');
  return w.save();
}
