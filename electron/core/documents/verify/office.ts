/**
 * The office side of a check, read from an open data folder: its certificates' fingerprints
 * and the register's documents by SHA-256. Reads only (the CLI opens the folder read-only).
 */
import { z } from 'zod';
import { documentTypes } from '../../../../shared/schema/documents-api';
import type { RegisterMatch } from '../../../../shared/schema/document-check';
import { ReferralPacketSchema } from '../../../../shared/schema/documents';
import type { PacketData } from '../../../../shared/schema/packet-data';
import { packetDataOf } from '../packet-data';
import { hashValidatedPacket } from '../packet-hash';
import type { Sqlite } from '../../db/open';
import type { Office } from './judge';

const fingerprints = z.array(z.string());

const matchRow = z
  .object({
    number: z.string(),
    type: z.enum(documentTypes),
    case_number: z.string(),
    version: z.number().int(),
    generated_at: z.string(),
    superseded_at: z.string().nullable(),
  })
  .transform(
    (r): RegisterMatch => ({
      number: r.number,
      type: r.type,
      caseNumber: r.case_number,
      version: r.version,
      generatedAt: r.generated_at,
      superseded: r.superseded_at !== null,
    }),
  );

/** What the register's packet embeds: its stored input, validated as a render validates it. */
function registerPacketData(input: string | undefined): PacketData | null {
  if (input === undefined) return null;
  const packet = ReferralPacketSchema.safeParse(JSON.parse(input));
  return packet.success ? packetDataOf(packet.data, hashValidatedPacket(packet.data)) : null;
}

export function officeOf(sqlite: Sqlite): Office {
  // Every certificate, active or not: a packet signed before a certificate was replaced is still the office's.
  const certs = fingerprints.parse(sqlite.prepare('SELECT fingerprint FROM certificates').pluck().all());
  const byHash = sqlite.prepare(
    `SELECT d.number, d.type, c.case_number, d.version, d.generated_at, d.superseded_at
       FROM documents d JOIN cases c ON c.id = d.case_id WHERE d.sha256 = ? LIMIT 1`,
  );
  const packetInput = sqlite.prepare(`SELECT input FROM documents WHERE type = 'referral_packet' AND number = ? LIMIT 1`).pluck();
  return {
    certificateFingerprints: new Set(certs.map((c) => c.toLowerCase())),
    lookup(sha256) {
      const row: unknown = byHash.get(sha256);
      return row === undefined ? null : matchRow.parse(row);
    },
    packetData(packetNumber) {
      return registerPacketData(z.string().optional().parse(packetInput.get(packetNumber)));
    },
  };
}
