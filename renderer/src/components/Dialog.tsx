import { createContext, useContext, useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';

/** True while the workstation is locked: modal dialogs step aside for the lock screen. */
export const LockedContext = createContext(false);

/**
 * A modal dialog on the native <dialog>: the page behind is inert (focus stays inside), Escape
 * closes it, and focus returns to the control that opened it.
 */
export function Dialog(props: { open: boolean; title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const locked = useContext(LockedContext);
  const titleId = useId();
  const show = props.open && !locked;
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (show && !d.open) {
      if (!opener.current && document.activeElement instanceof HTMLElement) opener.current = document.activeElement;
      d.showModal();
    } else if (!show && d.open) {
      d.close();
    }
  }, [show]);
  useEffect(() => {
    if (props.open) return;
    // Closed for good (not just stepping aside for the lock): give focus back.
    opener.current?.focus();
    opener.current = null;
  }, [props.open]);
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
