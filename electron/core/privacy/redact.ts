import type { IntakePerson } from '../../../shared/schema/intake';

/**
 * Free text written by staff (a review's reason, a stage's notes, a file name) may name another
 * member of the family. An information request gives the person what is held about them, not
 * about their family: another person's name (as written, in Latin letters), date of birth and
 * client ID are replaced by a marker wherever they appear in such text. A value the covered
 * persons share (twins' date of birth) is theirs too, and kept.
 */
export type Redact = (text: string) => string;

export function redactorFor(others: readonly IntakePerson[], covered: readonly IntakePerson[], marker: string): Redact {
  const identifying = (p: IntakePerson) => [p.nameAsWritten, p.nameLatin, p.dateOfBirth, p.uci ?? ''].map((s) => s.normalize('NFC').trim()).filter((s) => s.length >= 3);
  const theirs = new Set(covered.flatMap(identifying).map((s) => s.toLocaleLowerCase()));
  const needles = [...new Set(others.flatMap(identifying))].filter((s) => !theirs.has(s.toLocaleLowerCase())).sort((a, b) => b.length - a.length);
  if (needles.length === 0) return (text) => text;
  const pattern = new RegExp(needles.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu');
  return (text) => text.normalize('NFC').replace(pattern, marker);
}
