import type { ReactNode } from 'react';
import type { SectionId } from '../../../../shared/case/sections';

export { SECTION_IDS } from '../../../../shared/case/sections';
export type { SectionId } from '../../../../shared/case/sections';

/** One section of the interview: a titled region the outline and the "go to" of a gap link to. */
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
