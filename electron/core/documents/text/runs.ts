/**
 * Splits a string into runs that one font draws, and puts them in visual order.
 * A small subset of the Unicode bidi algorithm, enough for names and short notes: Arabic runs
 * are right to left (fontkit shapes and reverses the glyphs inside a run), everything else is
 * left to right, and a paragraph whose first strong character is Arabic is right to left.
 */
import type { FaceName, FontSet } from '../fonts/registry';
import { faceFor } from '../fonts/registry';

export interface TextRun {
  readonly text: string;
  readonly face: FaceName;
  readonly rtl: boolean;
}

export interface VisualLine {
  /** Runs left to right as they are drawn. */
  readonly runs: readonly TextRun[];
  readonly rtl: boolean;
}

const MARK = /[\p{M}\u200c\u200d]/u;
const NEUTRAL = /[\p{Zs}\p{P}\p{S}]/u;
const RTL_LETTER = /\p{Script=Arabic}/u;
const STRONG = /[\p{L}\p{N}]/u;

export function isRtlParagraph(text: string): boolean {
  for (const ch of text) {
    if (STRONG.test(ch)) return RTL_LETTER.test(ch);
  }
  return false;
}

/** Runs in logical order. Characters no font has fall back to Latin (coverage is checked earlier). */
export function logicalRuns(text: string, fonts: FontSet, bold: boolean): TextRun[] {
  const runs: { text: string; face: FaceName; rtl: boolean }[] = [];
  let strongFace: FaceName = 'latin';
  let seenStrong = false;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const last = runs[runs.length - 1];
    let face: FaceName;
    if ((MARK.test(ch) || NEUTRAL.test(ch)) && seenStrong && fonts.faces[strongFace].hasGlyphForCodePoint(cp)) {
      // Marks stay with their base; spaces and punctuation between words stay in the run.
      face = strongFace;
    } else {
      face = faceFor(fonts, cp) ?? 'latin';
      if (!NEUTRAL.test(ch) && !MARK.test(ch)) {
        strongFace = face;
        seenStrong = true;
      }
    }
    const drawFace: FaceName = bold && face === 'latin' ? 'latinBold' : face;
    const rtl = RTL_LETTER.test(ch) && STRONG.test(ch);
    if (last && last.face === drawFace) {
      last.text += ch;
      last.rtl ||= rtl;
    } else {
      runs.push({ text: ch, face: drawFace, rtl });
    }
  }
  return runs;
}

/**
 * In a left-to-right paragraph, spaces and punctuation that end a right-to-left run sit
 * between RTL and LTR text and take the paragraph's direction (bidi rule N2): move them out of
 * the Arabic run, or "محمد (Mohammed)" would draw its " (" on the wrong side of the name.
 */
function releaseTrailingNeutrals(runs: TextRun[]): TextRun[] {
  const out: TextRun[] = [];
  runs.forEach((run, i) => {
    const next = runs[i + 1];
    const match = run.rtl && next !== undefined ? /[\p{Zs}\p{P}\p{S}]+$/u.exec(run.text) : null;
    if (!match || match.index === 0) {
      out.push(run);
      return;
    }
    out.push({ ...run, text: run.text.slice(0, match.index) });
    out.push({ text: match[0], face: run.face, rtl: false });
  });
  return out;
}

/**
 * Logical runs reordered for drawing left to right. `paragraphRtl` is the direction of the
 * whole paragraph when this is one wrapped line of it (a wrapped line must not change direction).
 */
export function visualLine(text: string, fonts: FontSet, bold: boolean, paragraphRtl?: boolean): VisualLine {
  const rtl = paragraphRtl ?? isRtlParagraph(text);
  const logical = logicalRuns(text, fonts, bold);
  if (!rtl) return { runs: releaseTrailingNeutrals(logical), rtl };
  // Right-to-left paragraph: reverse the order of the runs, but keep consecutive
  // left-to-right runs (a number next to a Latin word) in their own order.
  const groups: TextRun[][] = [];
  for (const run of logical) {
    const prev = groups[groups.length - 1];
    const prevRun = prev?.[prev.length - 1];
    if (prev && prevRun && !run.rtl && !prevRun.rtl) prev.push(run);
    else groups.push([run]);
  }
  return { runs: groups.reverse().flat(), rtl };
}
