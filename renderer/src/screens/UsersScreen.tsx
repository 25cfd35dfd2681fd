import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { roles } from '../../../shared/roles';
import { createUserInput } from '../../../shared/schema/auth';
import type { OneTimePassword, SessionUser, UserRow } from '../../../shared/schema/auth';
import { ErrorBanner } from '../components/ErrorBanner';
import { Field } from '../components/Field';
import { applyFieldIssues } from '../form-errors';
import { call, errorOf } from '../ipc';
import { IdleLockSetting } from './IdleLockSetting';
import { OfficeTimeZoneSetting } from './OfficeTimeZoneSetting';
import { ConfirmDialog } from './users/ConfirmDialog';
import { EditAccountDialog } from './users/EditAccountDialog';

type Values = z.input<typeof createUserInput>;
type AccountAction = 'reset' | 'disable' | 'enable';

/**
 * Supervisor: accounts. Created with a one-time password shown once; edited (name, badge, role);
 * disabled, never deleted, and re-enabled with a new one-time password (disabling destroyed the
 * key slot). Reset, disable, re-enable and a role change each ask once, the safe choice focused.
 */
export function UsersScreen({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [otp, setOtp] = useState<(OneTimePassword & { enabled?: boolean }) | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [asking, setAsking] = useState<{ action: AccountAction; account: UserRow } | null>(null);
  const users = useQuery({ queryKey: ['users'], queryFn: () => call('user.list', {}) });
  const form = useForm<Values>({ resolver: zodResolver(createUserInput), defaultValues: { username: '', displayName: '', role: 'front_counter', badgeNumber: '' } });
  const done = (r: OneTimePassword & { enabled?: boolean }) => {
    setNotice(null);
    setOtp(r);
    void qc.invalidateQueries({ queryKey: ['users'] });
  };
  const changed = (message: string) => {
    setOtp(null);
    setNotice(message);
    void qc.invalidateQueries({ queryKey: ['users'] });
  };
  const create = useMutation({
    mutationFn: (v: Values) => call('user.create', v),
    onSuccess: (r) => {
      form.reset();
      done(r);
    },
    onError: (e) => applyFieldIssues(errorOf(e), form.setError),
  });
  const disable = useMutation({ mutationFn: (userId: string) => call('user.disable', { userId }), onSuccess: (r) => changed(t('accounts.disabledDone', { name: r.displayName })) });
  const reset = useMutation({ mutationFn: (userId: string) => call('user.resetPassword', { userId }), onSuccess: (r) => done(r) });
  const enable = useMutation({ mutationFn: (userId: string) => call('user.enable', { userId }), onSuccess: (r) => done({ ...r, enabled: true }) });
  const run = { reset, disable, enable } as const;
  const err = [create.error, disable.error, reset.error, enable.error].find(Boolean);
  const createErr = create.error ? errorOf(create.error) : null;

  return (
    <>
      <h1>{t('users.title')}</h1>
      {otp && (
        <div className="banner banner-ok" role="status">
          {t(otp.enabled ? 'accounts.enabledOneTime' : 'users.oneTime', { name: otp.user.displayName, username: otp.user.username })} <code className="otp">{otp.oneTimePassword}</code>
        </div>
      )}
      {notice && (
        <div className="banner banner-ok" role="status">
          {notice}
        </div>
      )}
      {err && !(createErr?.code === 'invalid_input') && <ErrorBanner error={errorOf(err)} />}
      <section aria-labelledby="new-user-title" className="card">
        <h2 id="new-user-title">{t('users.new')}</h2>
        <form onSubmit={form.handleSubmit((v) => create.mutate(v))} noValidate className="grid">
          <Field label={t('auth.displayName')} error={form.formState.errors.displayName}>
            {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} {...form.register('displayName')} />}
          </Field>
          <Field label={t('auth.username')} hint={t('auth.usernameHint')} error={form.formState.errors.username}>
            {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} {...form.register('username')} />}
          </Field>
          <Field label={t('users.badgeNumber')} hint={t('users.badgeNumberHint')} error={form.formState.errors.badgeNumber}>
            {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} maxLength={40} {...form.register('badgeNumber')} />}
          </Field>
          <Field label={t('users.role')} error={form.formState.errors.role}>
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
          <div className="actions">
            <button type="submit" className="primary" disabled={create.isPending}>
              {t('users.create')}
            </button>
          </div>
        </form>
      </section>
      <section aria-labelledby="user-list-title">
        <h2 id="user-list-title">{t('users.listTitle')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('auth.displayName')}</th>
              <th scope="col">{t('auth.username')}</th>
              <th scope="col">{t('users.badgeNumber')}</th>
              <th scope="col">{t('users.role')}</th>
              <th scope="col">{t('users.status')}</th>
              <th scope="col">{t('users.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.data?.map((u) => (
              <tr key={u.id}>
                <td>{u.displayName}</td>
                <td>{u.username}</td>
                <td>{u.badgeNumber ?? '—'}</td>
                <td>{t(`role.${u.role}`)}</td>
                <td>{t(`users.${u.status}`)}</td>
                <td className="row-actions">
                  <button type="button" onClick={() => setEditing(u)} aria-label={t('accounts.editFor', { name: u.displayName })}>
                    {t('accounts.edit')}
                  </button>
                  {u.id !== user.userId && u.status === 'active' && (
                    <>
                      <button type="button" onClick={() => setAsking({ action: 'reset', account: u })} aria-label={t('users.resetFor', { name: u.displayName })}>
                        {t('users.reset')}
                      </button>
                      <button type="button" onClick={() => setAsking({ action: 'disable', account: u })} aria-label={t('users.disableFor', { name: u.displayName })}>
                        {t('users.disable')}
                      </button>
                    </>
                  )}
                  {u.id !== user.userId && u.status === 'disabled' && (
                    <button type="button" onClick={() => setAsking({ action: 'enable', account: u })} aria-label={t('accounts.enableFor', { name: u.displayName })}>
                      {t('accounts.enable')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <EditAccountDialog
        account={editing}
        self={editing?.id === user.userId}
        onClose={() => setEditing(null)}
        onSaved={(row) => {
          setEditing(null);
          // The row as saved at once, so an edit opened straight after starts from it (the list is re-read too).
          qc.setQueryData<UserRow[]>(['users'], (rows) => rows?.map((r) => (r.id === row.id ? row : r)));
          changed(t('accounts.saved', { name: row.displayName }));
          // One's own name or badge: the header and the forms signed from now on show the new one.
          if (row.id === user.userId) void qc.invalidateQueries({ queryKey: ['auth'] });
        }}
      />
      <ConfirmDialog
        open={asking !== null}
        title={asking ? t(`accounts.${asking.action}ConfirmTitle`, { name: asking.account.displayName }) : ''}
        text={asking ? t(`accounts.${asking.action}ConfirmText`, { name: asking.account.displayName }) : ''}
        confirm={asking ? t(`accounts.${asking.action}Confirm`) : ''}
        danger={asking?.action !== 'enable'}
        onCancel={() => setAsking(null)}
        onConfirm={() => {
          if (!asking) return;
          setAsking(null);
          run[asking.action].mutate(asking.account.id);
        }}
      />
      <IdleLockSetting />
      <OfficeTimeZoneSetting />
    </>
  );
}
