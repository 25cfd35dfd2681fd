import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { roles } from '../../../../shared/roles';
import type { UserRow } from '../../../../shared/schema/auth';
import { updateUserInput } from '../../../../shared/schema/users';
import type { UpdateUserInput } from '../../../../shared/schema/users';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { applyFieldIssues } from '../../form-errors';
import { call, errorOf } from '../../ipc';

/**
 * Edit an account's name, badge number and role. A role change is confirmed in a second step of
 * the same dialog (the safe choice focused); one's own role is shown but cannot be changed. The
 * dialog stays mounted, so closing it gives the focus back to the "Edit" button that opened it.
 */
export function EditAccountDialog({ account, self, onClose, onSaved }: { account: UserRow | null; self: boolean; onClose: () => void; onSaved: (row: UserRow) => void }) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<UpdateUserInput | null>(null);
  const name = account?.displayName ?? '';
  const close = () => {
    setPending(null);
    onClose();
  };
  return (
    <Dialog open={account !== null} title={pending ? t('accounts.roleConfirmTitle', { name }) : t('accounts.editTitle', { name })} onClose={pending ? () => setPending(null) : close}>
      {account && (
        <EditAccountForm
          key={account.id}
          account={account}
          self={self}
          pending={pending}
          setPending={setPending}
          onCancel={close}
          onSaved={(row) => {
            setPending(null);
            onSaved(row);
          }}
        />
      )}
    </Dialog>
  );
}

function EditAccountForm(props: { account: UserRow; self: boolean; pending: UpdateUserInput | null; setPending: (v: UpdateUserInput | null) => void; onCancel: () => void; onSaved: (row: UserRow) => void }) {
  const { t } = useTranslation();
  const { account, pending, setPending } = props;
  const form = useForm<UpdateUserInput>({
    resolver: zodResolver(updateUserInput),
    defaultValues: { userId: account.id, displayName: account.displayName, badgeNumber: account.badgeNumber ?? '', role: account.role },
  });
  const save = useMutation({
    mutationFn: (v: UpdateUserInput) => call('user.update', v),
    onSuccess: props.onSaved,
    onError: (e) => {
      setPending(null);
      applyFieldIssues(errorOf(e), form.setError);
    },
  });
  const e = form.formState.errors;
  const saveErr = save.error ? errorOf(save.error) : null;

  if (pending) {
    return (
      <>
        <p>{t('accounts.roleConfirmText', { name: account.displayName, from: t(`role.${account.role}`), to: t(`role.${pending.role}`) })}</p>
        <div className="row-actions">
          <button type="button" autoFocus onClick={() => setPending(null)}>
            {t('common.cancel')}
          </button>
          <button type="button" className="primary" disabled={save.isPending} onClick={() => save.mutate(pending)}>
            {t('accounts.roleConfirm')}
          </button>
        </div>
      </>
    );
  }
  return (
    <>
      {saveErr && saveErr.code !== 'invalid_input' && <ErrorBanner error={saveErr} />}
      <form
        noValidate
        className="grid"
        onSubmit={form.handleSubmit((v) => {
          if (v.role !== account.role) setPending(v);
          else save.mutate(v);
        })}
      >
        <Field label={t('auth.displayName')} error={e.displayName}>
          {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} autoFocus {...form.register('displayName')} />}
        </Field>
        <Field label={t('users.badgeNumber')} hint={t('users.badgeNumberHint')} error={e.badgeNumber}>
          {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} maxLength={40} {...form.register('badgeNumber')} />}
        </Field>
        {props.self ? (
          <div className="field">
            <p>
              {t('users.role')}
              {t('common.colon')} {t(`role.${account.role}`)}
            </p>
            <p className="hint">{t('accounts.ownRoleHint')}</p>
          </div>
        ) : (
          <Field label={t('users.role')} error={e.role}>
            {(a) => (
              <select id={a.id} aria-describedby={a.describedBy} {...form.register('role')}>
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {t(`role.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <div className="row-actions">
          <button type="button" onClick={props.onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={save.isPending}>
            {t('accounts.save')}
          </button>
        </div>
      </form>
    </>
  );
}
