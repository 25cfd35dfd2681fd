import { AFRelationship } from 'pdf-lib';
import type { PDFDocument } from 'pdf-lib';
import type { ReferralPacket } from '../../../shared/schema/documents';
import type { PacketData } from '../../../shared/schema/packet-data';
import { PACKET_DATA_FILE_NAME, PACKET_DATA_FORMAT, PacketDataSchema } from '../../../shared/schema/packet-data';
import { canonicalJson } from './canonical-json';

/** The packet's data for IOM's systems (shared/schema/packet-data.ts), from the validated packet and its content hash. */
export function packetDataOf(packet: ReferralPacket, contentSha256: string): PacketData {
  return PacketDataSchema.parse({
    format: PACKET_DATA_FORMAT,
    version: 1,
    packetNumber: packet.packetNumber,
    caseNumber: packet.caseNumber,
    referralDate: packet.referralDate,
    countryOfReturn: packet.countryOfReturn,
    finalDestination: packet.finalDestination,
    persons: packet.persons.map((p) => ({
      nameOwnScript: p.nameOwnScript,
      nameLatin: p.nameLatin,
      dateOfBirth: p.dateOfBirth,
      nationality: p.nationality,
      relationship: p.relationship,
      minor: p.minor,
      travelDocument: p.travelDocument.status,
      medicalEscort: p.specialNeeds.medicalEscort,
      nonMedicalEscort: p.specialNeeds.nonMedicalEscort,
      tier: p.tier,
      maxAssistanceCad: p.maxAssistanceCad,
    })),
    assistance: { familyTotalCad: packet.persons.reduce((sum, p) => sum + p.maxAssistanceCad, 0) },
    eligibility: {
      outcome: packet.eligibility.outcome,
      policyVersion: packet.eligibility.policyVersion,
      decidedOn: packet.eligibility.decidedOn,
      applicationDate: packet.eligibility.applicationDate ?? null,
    },
    consentFormNumber: packet.consent.formNumber,
    scans: (packet.attachments ?? []).map((a) => ({ kind: a.kind, sha256: a.sha256 })),
    auditChainHead: packet.auditChainHead,
    contentSha256,
  });
}

/**
 * Embeds the data as a PDF file attachment (in /EmbeddedFiles and the catalog's /AF, as PDF/A-3
 * and ZUGFeRD do): written with the render, before signing, so the signature covers it. Canonical
 * JSON, so the same packet always embeds the same bytes.
 */
export async function attachPacketData(doc: PDFDocument, data: PacketData, at: Date): Promise<void> {
  await doc.attach(new TextEncoder().encode(canonicalJson(data)), PACKET_DATA_FILE_NAME, {
    mimeType: 'application/json',
    description: 'Referral packet data for IOM / Données du dossier d’aiguillage pour l’OIM',
    creationDate: at,
    modificationDate: at,
    afRelationship: AFRelationship.Data,
  });
}
