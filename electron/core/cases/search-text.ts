/**
 * Folds a name for search: NFKD, Latin/Greek/Cyrillic diacritics and Arabic short vowels
 * removed, lower case, spaces collapsed. Applied to stored names and to the query alike, so
 * "Kovacs" finds "Kovács" and "محمّد" finds "محمد"; other scripts (Tamil vowel signs, Chinese)
 * are kept whole because their marks carry meaning.
 */
const foldableMarks = /[\u0300-\u036f\u064b-\u065f\u0670]/g;

export function foldForSearch(s: string): string {
  return s.normalize('NFKD').replace(foldableMarks, '').normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}
