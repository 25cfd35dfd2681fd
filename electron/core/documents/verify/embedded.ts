/**
 * The referral packet's embedded data (packet-data.ts), read back from a PDF handed in. Read
 * from the signed part of the file when there is one, so what is reported is what the office
 * signature covers; anything appended after signing is not looked at (the verdict already
 * says the file was changed).
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString, decodePDFRawStream } from 'pdf-lib';
import { PACKET_DATA_FILE_NAME, PacketDataSchema } from '../../../../shared/schema/packet-data';
import type { PacketData } from '../../../../shared/schema/packet-data';

export interface EmbeddedFinding {
  /** Read from the signed part of the file (covered by its signature), or from an unsigned file. */
  readonly covered: boolean;
  /** The data, or null when a file of that name is attached but is not valid packet data. */
  readonly data: PacketData | null;
}

/** Name trees nest; ours is flat, and a hostile file gets no deeper than this. */
const MAX_TREE_DEPTH = 8;

function textOf(v: unknown): string | null {
  return v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : null;
}

/** The file specifications of the document's /EmbeddedFiles name tree, by name. */
function fileSpecs(node: PDFDict, depth: number, out: Map<string, PDFDict>): void {
  if (depth > MAX_TREE_DEPTH) return;
  const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (names) {
    for (let i = 0; i + 1 < names.size(); i += 2) {
      const name = textOf(names.lookup(i));
      const spec = names.lookup(i + 1);
      if (name !== null && spec instanceof PDFDict && !out.has(name)) out.set(name, spec);
    }
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  for (let i = 0; kids && i < kids.size(); i++) {
    const kid = kids.lookup(i);
    if (kid instanceof PDFDict) fileSpecs(kid, depth + 1, out);
  }
}

function attachedBytes(doc: PDFDocument, fileName: string): Uint8Array | null {
  const tree = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  if (!tree) return null;
  const specs = new Map<string, PDFDict>();
  fileSpecs(tree, 0, specs);
  const spec = specs.get(fileName);
  const stream = spec?.lookupMaybe(PDFName.of('EF'), PDFDict)?.lookup(PDFName.of('F'));
  return stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : null;
}

/**
 * The packet data attached to the PDF (its signed part when `signedBytes` is given), or null
 * when none is (consent and withdrawal forms, packets made before it was embedded, or a file
 * that cannot be read as a PDF at all).
 */
export async function readEmbeddedPacketData(pdf: Uint8Array, signedBytes: number | null): Promise<EmbeddedFinding | null> {
  const covered = signedBytes !== null;
  let bytes: Uint8Array | null;
  try {
    const doc = await PDFDocument.load(covered ? pdf.subarray(0, signedBytes) : pdf, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: false });
    bytes = attachedBytes(doc, PACKET_DATA_FILE_NAME);
  } catch {
    return null;
  }
  if (bytes === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { covered, data: null };
  }
  const parsed = PacketDataSchema.safeParse(json);
  return { covered, data: parsed.success ? parsed.data : null };
}
