import { useEffect } from 'react';

/**
 * The parts of the case page, in page order: the outline links to each, and the shown ones with a
 * `key` also answer Alt+that digit (documented on screen beside the outline). One table so the
 * outline, the shortcuts and their on-screen help never disagree.
 */
export const CASE_PARTS = [
  { id: 'stages', heading: 'sec-stages-title', label: 'caseLayout.parts.stages', key: null },
  { id: 'documents', heading: 'case-docs-title', label: 'caseLayout.parts.documents', key: '3' },
  { id: 'intake', heading: 'sec-application-title', label: 'caseLayout.parts.intake', key: '1' },
  { id: 'eligibility', heading: 'eligibility-title', label: 'caseLayout.parts.eligibility', key: '2' },
  { id: 'steps', heading: 'steps-title', label: 'caseLayout.parts.steps', key: null },
  { id: 'attachments', heading: 'attachments-title', label: 'caseLayout.parts.attachments', key: null },
  { id: 'history', heading: 'history-title', label: 'caseLayout.parts.history', key: null },
  { id: 'outline', heading: 'case-outline-title', label: 'caseLayout.parts.outline', key: '0' },
] as const;
export type CasePart = (typeof CASE_PARTS)[number];
export type CasePartId = CasePart['id'];

/** Bring a part's heading to the top and put focus on it (a screen reader reads it out). */
export function goToHeading(id: string): boolean {
  const h = document.getElementById(id);
  if (!h) return false;
  if (!h.hasAttribute('tabindex')) h.tabIndex = -1;
  h.scrollIntoView({ block: 'start' });
  h.focus();
  return true;
}

/** Alt+digit goes to the part with that key, when the case shows it. `code`, not `key`: Option+1 on a Mac types "¡". */
export function useCasePartShortcuts(shown: readonly CasePart[]): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      const part = shown.find((p) => p.key !== null && e.code === `Digit${p.key}`);
      if (part && goToHeading(part.heading)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shown]);
}
