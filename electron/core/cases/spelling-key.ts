/**
 * A loose key for one folded name part in Latin letters, equal for the usual transliterations
 * of the same name: Mohammed, Muhammad and Mohamed; Yusuf, Youssef and Jusuf; Shevchenko and
 * Chevtchenko; Khaled and Haled. The sounds written differently by English, French and German
 * spellings are merged, vowels after the first letter dropped (transliterations differ mostly in
 * vowels) and doubled letters collapsed. Only for the duplicate check, where a looser match is
 * offered ranked below an exact one; names in other scripts are compared as written.
 */
const digraphs: [RegExp, string][] = [
  [/tch|tsch|ch|sch|sh|zh|tsh/g, 's'],
  [/kh|gh/g, 'h'],
  [/ph/g, 'f'],
  [/dh/g, 'd'],
  [/th/g, 't'],
  [/ck|c|q/g, 'k'],
  [/x/g, 'ks'],
  [/w/g, 'v'],
  [/z/g, 's'],
  [/j/g, 'y'],
];

export function spellingKey(part: string): string {
  if (!/^[a-z]+$/.test(part)) return part;
  let s = part;
  for (const [from, to] of digraphs) s = s.replace(from, to);
  const first = /^[aeiouy]/.test(s) ? 'a' : (s[0] ?? '');
  const rest = s.slice(1).replace(/[aeiouy]/g, '');
  return (first + rest).replace(/(.)\1+/g, '$1');
}
