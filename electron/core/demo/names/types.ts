/**
 * How a naming culture builds and writes a name. Every list holds common given and family
 * names only: the demo people are assembled at random from these parts and are not real people.
 */

/** One name part as written in the person's documents (`w`) and in Latin letters (`l`). */
export interface NamePart {
  readonly w: string;
  readonly l: string;
}

export type Sex = 'f' | 'm';

export interface PersonName {
  readonly sex: Sex;
  readonly given: NamePart;
  /** Family names, or for patronymic cultures the father's (and grandfather's) given names. */
  readonly surnames: readonly NamePart[];
}

export interface NameCulture {
  readonly male: readonly NamePart[];
  readonly female: readonly NamePart[];
  /** Family names; unused by patronymic cultures, which take the father's given names instead. */
  readonly surnames: readonly NamePart[];
  /**
   * How a child's family name comes from the parents:
   * - paternal: the father's family name(s);
   * - spanish: father's first surname + mother's first surname;
   * - patronymic: the father's given name, then (depth 2) the grandfather's;
   * - sikh: Singh for men, Kaur for women, sometimes followed by the father's clan name.
   */
  readonly lineage: 'paternal' | 'spanish' | 'patronymic' | 'sikh';
  /** Number of family-name parts an adult carries (Spanish: 2, Somali: 2, Tamil: 1, ...). */
  readonly depth: number;
  /** Family name written first (Hungarian, Chinese). */
  readonly familyFirst: boolean;
  /** What joins the parts as written: '' for Chinese, a space elsewhere. */
  readonly joinWritten: string;
  /** Share of people known by a single name (no family name at all). */
  readonly oneWordShare: number;
  /** Feminine form of a family name (Czech and Slovak -ová); identity elsewhere. */
  readonly feminine?: (surname: NamePart) => NamePart;
}

/** A part written the same way in the document and in Latin letters. */
export function same(...names: string[]): NamePart[] {
  return names.map((n) => ({ w: n, l: n }));
}

/** Parts from `written/latin` pairs, e.g. `"王/Wang"`. */
export function pairs(...items: string[]): NamePart[] {
  return items.map((item) => {
    const [w, l] = item.split('/');
    if (w === undefined || l === undefined) throw new Error(`name pair without a slash: ${item}`);
    return { w, l };
  });
}
