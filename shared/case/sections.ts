/** The interview's sections, in the order the form shows them: what a "go to" points at. */
export const SECTION_IDS = ['application', 'persons', 'claim', 'exclusions', 'compliance', 'travel', 'needs', 'reintegration'] as const;
export type SectionId = (typeof SECTION_IDS)[number];
