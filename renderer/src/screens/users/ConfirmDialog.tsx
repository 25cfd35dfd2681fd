import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';

/**
 * Asks once before an account action that cannot be taken back (a reset kills the current
 * password, disabling destroys the key slot, a role changes what the person may see). The safe
 * choice comes first and has the focus, so Enter pressed out of habit confirms nothing.
 */
export function ConfirmDialog(props: { open: boolean; title: string; text: string; confirm: string; danger?: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={props.open} title={props.title} onClose={props.onCancel}>
      <p>{props.text}</p>
      <div className="row-actions">
        <button type="button" autoFocus onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" className={props.danger ? 'danger' : 'primary'} onClick={props.onConfirm}>
          {props.confirm}
        </button>
      </div>
    </Dialog>
  );
}
