import type { ReactNode } from 'react';

export const SECTION_IDS = ['application', 'persons', 'claim', 'exclusions', 'compliance', 'travel', 'needs', 'reintegration'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** One section of the interview: a titled region the outline links to. */
export function Section(props: { id: SectionId; title: string; intro?: string; children: ReactNode }) {
  return (
    <section id={`sec-${props.id}`} aria-labelledby={`sec-${props.id}-title`} className="interview-section">
      <h2 id={`sec-${props.id}-title`} tabIndex={-1}>
        {props.title}
      </h2>
      {props.intro && <p className="hint">{props.intro}</p>}
      {props.children}
    </section>
  );
}
