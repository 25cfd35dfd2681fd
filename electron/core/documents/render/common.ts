import type { LanguageUse, Officer, Person } from '../../../../shared/schema/documents';
import type { Bilingual } from '../../../../resources/forms/documents-text';
import { LABELS, RELATIONSHIP } from '../../../../resources/forms/documents-text';
import { loadFontSet } from '../fonts/registry';
import { checkPrintable } from '../text/coverage';
import type { DocumentMeta } from '../layout/writer';
import { DocumentWriter } from '../layout/writer';
import { bi } from '../layout/blocks';
import { phase } from '../timing';

export interface RenderOptions {
  /** Folder of the bundled fonts; defaults to resources/fonts of the repository. */
  readonly fontsDir?: string;
  /** Creation date written in the PDF metadata; defaults to now. */
  readonly now?: Date;
}

/** Font coverage check over the validated data, then a writer with just the faces it needs. */
export async function startDocument(
  data: unknown,
  title: Bilingual,
  subject: string,
  options: RenderOptions,
): Promise<DocumentWriter> {
  const fonts = loadFontSet(options.fontsDir);
  const faces = checkPrintable(data, fonts);
  const meta: DocumentMeta = { title: bi(title), subject, createdAt: options.now ?? new Date() };
  const writer = await DocumentWriter.create(fonts, faces, meta);
  phase('render: font coverage + embed');
  return writer;
}

export const officerText = (o: Officer): string => `${o.name} (${o.badgeNumber})`;

export function interpreterText(l: LanguageUse): string {
  if (l.interpreter === null) return bi(LABELS.noInterpreter);
  return l.interpreter.organisation === null ? l.interpreter.name : `${l.interpreter.name} — ${l.interpreter.organisation}`;
}

/** Own-script name above the Latin transliteration (once if they are the same). */
export function nameCell(p: Pick<Person, 'nameOwnScript' | 'nameLatin'>): string {
  return p.nameOwnScript === p.nameLatin ? p.nameLatin : `${p.nameOwnScript}\n${p.nameLatin}`;
}

/** On one line: own-script name with the Latin transliteration in brackets, once if they are the same. */
export function nameInline(p: Pick<Person, 'nameOwnScript' | 'nameLatin'>): string {
  return p.nameOwnScript === p.nameLatin ? p.nameLatin : `${p.nameOwnScript} (${p.nameLatin})`;
}

export const relationshipCell = (p: Person): string => `${RELATIONSHIP[p.relationship].en}\n${RELATIONSHIP[p.relationship].fr}`;

export const ageCell = (p: Person): string => (p.minor ? bi(LABELS.minor) : bi(LABELS.adult));

export const yesNo = (v: boolean): string => bi(v ? LABELS.yes : LABELS.no);

/** Who signs and for whom: adults for themselves, a parent or guardian for each minor. */
export function personsTableRows(persons: readonly Person[]): string[][] {
  return persons.map((p) => [nameCell(p), p.dateOfBirth, p.nationality, relationshipCell(p), ageCell(p)]);
}
