import { useId } from 'react';
import type { ReactNode } from 'react';

/** One part of the Data safety screen: a card with its heading (h2) and an optional introduction. */
export function SafetySection(props: { title: string; intro?: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} className="card safety-section">
      <h2 id={`${id}-title`}>{props.title}</h2>
      {props.intro && <p className="hint">{props.intro}</p>}
      {props.children}
    </section>
  );
}
