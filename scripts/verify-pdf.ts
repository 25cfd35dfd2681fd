/**
 * Check a signed PDF from the command line: the same verdict as the "Check a document" screen.
 *
 *   npm run verify-pdf -- FILE [--data-dir DIR --username U] [--lang en|fr]
 *
 * Without a data folder, only what the file says on its own: signed or not, signature valid or
 * not, changed after signing or not. With one, also whether this office's certificate signed it
 * and which document of the register it is: signs in as U (password typed without echo, or
 * AVRR_PASSWORD; the first line of stdin when it is not a terminal) through DIR/keyslots.json and
 * opens DIR/avrr.db read-only, as `npm run audit:verify` and `npm run report` do: nothing is
 * written to the folder (so no audit entry); the sign-in counts like any other. The account needs
 * the document.check permission. Only folders sealed with the dev sealer can be read here.
 *
 * The first line is the verdict's code (ok, changed_after_signing, signature_invalid, not_ours,
 * not_in_register, not_signed), then its plain words in --lang and the facts.
 * Exits 0 for ok (or, without a folder, a valid signature over the whole file); 1 for any other
 * verdict; usage errors 2; a failed sign-in, a missing permission or an unreadable folder 3.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { KEY_SLOTS_FILE } from '../electron/core/access-services';
import { KeySlotStore } from '../electron/core/auth/key-slots';
import { openEncryptedDatabase } from '../electron/core/db/open';
import { inspectSignedPdf, judge, officeOf, readEmbeddedPacketData } from '../electron/core/documents/verify';
import type { EmbeddedFinding, SignatureFindings } from '../electron/core/documents/verify';
import { devPlaintextSealer } from '../electron/core/keys/sealer';
import { reportText } from '../electron/core/reports/text';
import type { Translate } from '../electron/core/reports/text';
import { DB_FILE_NAME } from '../electron/core/session/manager';
import { roleOf, userById } from '../electron/core/users/rows';
import { can } from '../shared/roles';
import type { DocumentCheck, EmbeddedDataCheck, RegisterMatch } from '../shared/schema/document-check';
import { readPassword } from './cli-sign-in';

const USAGE = 'usage: npm run verify-pdf -- FILE [--data-dir DIR --username U] [--lang en|fr]';

class UsageError extends Error {}
class CannotRunError extends Error {}

export interface VerifyArgs {
  file: string;
  folder: { dataDir: string; username: string } | null;
  lang: 'en' | 'fr';
}

export function parseVerifyArgs(argv: string[]): VerifyArgs {
  let parsed: { values: Record<string, string | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      options: { 'data-dir': { type: 'string' }, username: { type: 'string' }, lang: { type: 'string' } },
      strict: true,
      allowPositionals: true,
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const { values, positionals } = parsed;
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError('give exactly one FILE');
  const dataDir = values['data-dir'];
  const username = values.username;
  if ((dataDir === undefined) !== (username === undefined)) throw new UsageError('--data-dir and --username go together');
  const lang = z.enum(['en', 'fr']).safeParse(values.lang ?? 'en');
  if (!lang.success) throw new UsageError('--lang must be en or fr');
  return { file, folder: dataDir && username ? { dataDir, username } : null, lang: lang.data };
}

export interface VerifyIo {
  password(): Promise<string>;
  out(text: string): void;
  err(text: string): void;
  now(): Date;
}

/** Sign in, open read-only, judge: the verdict `document.check` gives for the same file and folder. */
async function judgeInFolder(findings: SignatureFindings, embedded: EmbeddedFinding | null, folder: NonNullable<VerifyArgs['folder']>, io: VerifyIo): Promise<DocumentCheck> {
  const slotsFile = join(folder.dataDir, KEY_SLOTS_FILE);
  const dbFile = join(folder.dataDir, DB_FILE_NAME);
  if (!existsSync(slotsFile) || !existsSync(dbFile)) throw new CannotRunError(`${folder.dataDir} has no ${KEY_SLOTS_FILE} and ${DB_FILE_NAME}`);
  let store: KeySlotStore;
  try {
    store = KeySlotStore.open(slotsFile, devPlaintextSealer);
  } catch (e) {
    throw new CannotRunError(`cannot read ${slotsFile} (sealed by the OS key store? use the app's Check a document screen): ${e instanceof Error ? e.message : String(e)}`);
  }
  const unlocked = await store.unlock(folder.username, await io.password(), io.now());
  if (!unlocked.ok) throw new CannotRunError(unlocked.reason === 'locked' ? `sign-in locked until ${unlocked.lockedUntil}` : 'sign-in failed: wrong user name or password');
  const open = openEncryptedDatabase(dbFile, unlocked.dbKey, { readonly: true });
  try {
    const user = userById(open.db, unlocked.userId);
    if (!user || user.status !== 'active' || !can(roleOf(user), 'document.check')) throw new CannotRunError(`${folder.username} may not check documents (officers, clerks and supervisors may)`);
    return judge(findings, officeOf(open.sqlite), embedded);
  } finally {
    open.close();
    unlocked.dbKey.fill(0);
  }
}

function describe(m: RegisterMatch, t: Translate): string {
  return `${m.number} · ${t('checkDocument.facts.case')} ${m.caseNumber} · ${t(`documents.types.${m.type}`)} · ${t('checkDocument.facts.version')} ${m.version}${m.superseded ? ` · ${t('checkDocument.facts.superseded')}` : ''}`;
}

/** The embedded packet data: what it says and whether the register agrees (a line each). */
function embeddedLines(e: EmbeddedDataCheck, t: Translate): string[] {
  if (e.data === null) return [`${t('checkDocument.embedded.title')}: ${t('checkDocument.embedded.invalid')}`];
  const d = e.data;
  const lines = [
    `${t('checkDocument.embedded.title')}: ${t(e.covered ? 'checkDocument.embedded.covered' : 'checkDocument.embedded.notCovered')}`,
    `  ${t('checkDocument.embedded.packet')}: ${d.packetNumber} · ${t('checkDocument.facts.case')} ${d.caseNumber} · ${d.referralDate}`,
    `  ${t('checkDocument.embedded.policy')}: ${d.eligibility.policyVersion} · ${t('checkDocument.embedded.total')}: ${d.assistance.familyTotalCad} $`,
    ...d.persons.map((p) => `  ${p.nameLatin} · ${p.dateOfBirth} · ${p.nationality} · ${p.tier} · ${p.maxAssistanceCad} $`),
    `  ${t('checkDocument.embedded.contentHash')}: ${d.contentSha256}`,
  ];
  if (e.register) lines.push(`  ${t(`checkDocument.embedded.register.${e.register}`)}`);
  return lines;
}

/** The verdict's code and its words (or, given, another head), then one fact a line. */
export function formatCheck(r: DocumentCheck, t: Translate, head?: readonly [string, string]): string {
  const [code, words] = head ?? [r.verdict, `${t(`checkDocument.verdict.${r.verdict}.title`)}: ${t(`checkDocument.verdict.${r.verdict}.explain`)}`];
  const lines = [code, words];
  if (r.document) lines.push(`${t('checkDocument.facts.document')}: ${describe(r.document, t)}`);
  if (r.signedRevision) lines.push(`${t('checkDocument.facts.signedDocument')}: ${describe(r.signedRevision, t)}`);
  if (r.signer) lines.push(`${t('checkDocument.facts.signer')}: ${r.signer}`);
  if (r.signedAt) lines.push(`${t('checkDocument.facts.signedAt')}: ${r.signedAt}`);
  if (r.signedBytes !== null && r.signedBytes !== r.fileBytes) {
    lines.push(`${t('checkDocument.facts.signedPart')}: ${t('checkDocument.facts.signedPartValue', { signed: r.signedBytes, bytes: r.fileBytes })}`);
  }
  lines.push(`${t('checkDocument.facts.sha256')}: ${r.sha256}`);
  if (r.embeddedData) lines.push(...embeddedLines(r.embeddedData, t));
  return `${lines.join('\n')}\n`;
}

/**
 * Without a folder: the file's own findings. Judged as if its certificate were ours and the
 * register empty, so a valid, whole file comes out "not in the register": here that only means
 * "signature valid", since neither question was asked.
 */
function alone(f: SignatureFindings, embedded: EmbeddedFinding | null, t: Translate): { text: string; code: number } {
  const fingerprint = f.signature?.certificateFingerprint;
  const judged = judge(f, { certificateFingerprints: new Set(fingerprint ? [fingerprint] : []), lookup: () => null, packetData: () => null }, embedded);
  // No register was asked: the embedded data is shown, not compared.
  const r = { ...judged, ours: null, embeddedData: judged.embeddedData && { ...judged.embeddedData, register: null } };
  if (r.verdict !== 'not_in_register') return { text: formatCheck(r, t), code: 1 };
  return { text: formatCheck(r, t, ['signature_valid', t('checkDocument.alone')]), code: 0 };
}

export async function runVerify(argv: string[], io: VerifyIo): Promise<number> {
  let args: VerifyArgs;
  try {
    args = parseVerifyArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`verify-pdf: ${e.message}\n${USAGE}\n`);
    return 2;
  }
  let pdf: Buffer;
  try {
    // Read once, never written: the file is checked as it is.
    pdf = readFileSync(args.file);
  } catch (e) {
    io.err(`verify-pdf: cannot read ${args.file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 3;
  }
  const findings = inspectSignedPdf(pdf);
  const embedded = await readEmbeddedPacketData(pdf, findings.signature?.signedBytes ?? null);
  const t = reportText(args.lang);
  if (!args.folder) {
    const { text, code } = alone(findings, embedded, t);
    io.out(text);
    return code;
  }
  let r: DocumentCheck;
  try {
    r = await judgeInFolder(findings, embedded, args.folder, io);
  } catch (e) {
    io.err(`verify-pdf: ${e instanceof Error ? e.message : String(e)}\n`);
    return 3;
  }
  io.out(formatCheck(r, t));
  return r.verdict === 'ok' ? 0 : 1;
}


if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runVerify(process.argv.slice(2), {
    password: readPassword,
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    now: () => new Date(),
  }).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`verify-pdf: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(3);
    },
  );
}
