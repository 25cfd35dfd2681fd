/**
 * Which characters a person's name may hold. Any script is a name's own (Arabic, Hebrew, Thai…,
 * with the joiners some scripts need); what is refused is what prints wrong or not at all:
 *  - control characters (C0, DEL, C1, line and paragraph separators);
 *  - bidirectional formatting characters (embeddings, overrides, isolates, the marks): a
 *    right-to-left override makes "evil" display as "live" on a signed form. Right-to-left
 *    text needs none of them: its direction comes from its letters;
 *  - emoji and pictographs (and flags, and the emoji presentation selector): the documents'
 *    fonts have no glyph for them, so the document could not be made later;
 *  - private-use, unassigned and lone surrogate code points: no font prints them either.
 */

// eslint-disable-next-line no-control-regex -- the point of this pattern is to find control characters
const controlChars = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;
/** ALM, LRM, RLM, LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI. */
const bidiControls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const emoji = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u{fe0f}\u{20e3}]/u;
const unprintable = /[\p{Co}\p{Cn}\p{Cs}]/u;

export type NameCharacterProblem = 'validation.name_characters' | 'validation.name_bidi' | 'validation.name_emoji';

/** The first reason `name` cannot be accepted, as an i18n key, or null. */
export function nameCharacterProblem(name: string): NameCharacterProblem | null {
  if (controlChars.test(name) || unprintable.test(name)) return 'validation.name_characters';
  if (bidiControls.test(name)) return 'validation.name_bidi';
  if (emoji.test(name)) return 'validation.name_emoji';
  return null;
}
