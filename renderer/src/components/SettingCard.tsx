import type { ReactNode } from 'react';
import { useId } from 'react';
import type { IpcError } from '../../../shared/ipc/errors';
import { ErrorBanner } from './ErrorBanner';

/** One office setting on the Accounts screen: a titled card with its field(s), a save button, what happened. */
export function SettingCard(props: { title: string; submitLabel: string; onSubmit: () => void; error: IpcError | null; saved: string | null; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} className="card">
      <h2 id={`${id}-title`}>{props.title}</h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit();
        }}
      >
        {props.children}
        {props.error && <ErrorBanner error={props.error} />}
        {props.saved && <p role="status">{props.saved}</p>}
        <button type="submit">{props.submitLabel}</button>
      </form>
    </section>
  );
}
