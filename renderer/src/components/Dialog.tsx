import { createContext, useContext, useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';

/** True while the workstation is locked: modal dialogs step aside for the lock screen. */
export const LockedContext = createContext(false);

/**
 * A modal dialog on the native <dialog>: the page behind is inert (focus stays inside), Escape
 * closes it, and focus returns to the control that opened it. A confirmation puts its safe
 * choice ("Cancel", "Keep") first, with autoFocus, so Enter pressed out of habit never confirms
 * an irreversible or outward action. When the opener is gone on closing (its row was deleted),
 * focus goes to the heading of the section it was in, never to the page body.
 */
export function Dialog(props: { open: boolean; title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const openerSection = useRef<Element | null>(null);
  const locked = useContext(LockedContext);
  const titleId = useId();
  const show = props.open && !locked;
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (show && !d.open) {
      if (!opener.current && document.activeElement instanceof HTMLElement) {
        opener.current = document.activeElement;
        openerSection.current = opener.current.closest('section, main');
      }
      d.showModal();
    } else if (!show && d.open) {
      d.close();
    }
  }, [show]);
  useEffect(() => {
    if (props.open) return;
    // Closed for good (not just stepping aside for the lock): give focus back.
    if (opener.current?.isConnected) opener.current.focus();
    else focusHeadingOf(openerSection.current);
    opener.current = null;
  }, [props.open]);
  // Removed with its row (the draft it discarded): focus went with the row, so the section's heading takes it.
  useEffect(() => {
    const section = openerSection;
    return () => {
      requestAnimationFrame(() => {
        if (document.activeElement === document.body || document.activeElement === null) focusHeadingOf(section.current);
      });
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog modal"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
    >
      <h2 id={titleId}>{props.title}</h2>
      {props.open && props.children}
    </dialog>
  );
}

/** Focus the first heading of a section that is still on screen (made focusable for it). */
function focusHeadingOf(section: Element | null): void {
  const heading = section?.isConnected ? section.querySelector<HTMLElement>('h1, h2, h3') : null;
  if (!heading) return;
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  heading.focus();
}
