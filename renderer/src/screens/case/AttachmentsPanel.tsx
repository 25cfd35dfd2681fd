import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../../../shared/ipc/errors';
import { can } from '../../../../shared/roles';
import { attachmentKinds, MAX_ATTACHMENT_BYTES, mayAddAttachment } from '../../../../shared/schema/attachments';
import type { AttachmentContent, AttachmentKind } from '../../../../shared/schema/attachments';
import type { SessionUser } from '../../../../shared/schema/auth';
import type { CaseDetail } from '../../../../shared/schema/case-api';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ShortHash } from '../../components/Sha256';
import { call, errorOf } from '../../ipc';
import { localeOf, useLang } from '../../lang';

const MAX_MB = Math.round(MAX_ATTACHMENT_BYTES / (1024 * 1024));

/** The file's bytes as base64 (the content is checked by the back end, never by the name). */
function readBase64(file: File): Promise<string> {
  return new Promise((ok, fail) => {
    const r = new FileReader();
    r.onload = () => ok(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => fail(r.error ?? new Error('read failed'));
    r.readAsDataURL(file);
  });
}

/** Hand a scan to the browser as a download (Electron and the harness alike: nothing is rendered in the app). */
function downloadScan(a: AttachmentContent): void {
  const bytes = Uint8Array.from(atob(a.contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: a.mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = a.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/**
 * Scanned paper on the case: the list (everyone who reads the case sees that a scan exists, with
 * its hash), the scan itself for roles with `attachment.view`, and a form to attach one (a file
 * and what it is; only the kinds this person may attach).
 */
export function AttachmentsPanel({ detail, user }: { detail: CaseDetail; user: SessionUser }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const fileId = useId();
  const kindId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const kinds = attachmentKinds.filter((k) => mayAddAttachment(user.role, k));
  const [kind, setKind] = useState<AttachmentKind>(kinds[0] ?? 'other');
  const [localError, setLocalError] = useState<IpcError | null>(null);
  const mayView = can(user.role, 'attachment.view');
  const list = useQuery({ queryKey: ['attachments', detail.id], queryFn: () => call('attachment.list', { caseId: detail.id }) });
  const add = useMutation({
    mutationFn: async (file: File) => call('attachment.add', { caseId: detail.id, kind, fileName: file.name, contentBase64: await readBase64(file) }),
    onSuccess: () => {
      if (fileInput.current) fileInput.current.value = '';
      void qc.invalidateQueries({ queryKey: ['attachments', detail.id] });
      void qc.invalidateQueries({ queryKey: ['history', detail.id] });
    },
  });
  const view = useMutation({
    mutationFn: (id: string) => call('attachment.view', { attachmentId: id }),
    onSuccess: (a) => {
      downloadScan(a);
      void qc.invalidateQueries({ queryKey: ['history', detail.id] });
    },
  });
  const when = new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeStyle: 'short' });
  const error = localError ?? [add.error, view.error, list.error].map((e) => (e ? errorOf(e) : null)).find(Boolean);

  const submit = () => {
    setLocalError(null);
    const file = fileInput.current?.files?.[0];
    if (!file) return setLocalError({ code: 'invalid_input', messageKey: 'attachments.chooseFile' });
    if (file.size > MAX_ATTACHMENT_BYTES) return setLocalError({ code: 'rejected', messageKey: 'attachments.error.too_large', params: { max: MAX_MB } });
    add.mutate(file);
  };

  const items = list.data ?? [];
  return (
    <section aria-labelledby="attachments-title" className="card" id="sec-attachments">
      <h2 id="attachments-title">{t('attachments.title')}</h2>
      <p className="hint">{t('attachments.intro', { max: MAX_MB })}</p>
      <ErrorBanner error={error} />
      {add.data && !add.isPending && !error && (
        <p role="status" className="banner banner-ok">
          {t('attachments.added', { kind: t(`attachments.kind.${add.data.kind}`) })}
        </p>
      )}
      {items.length === 0 ? (
        <p>{list.isPending ? t('common.loading') : t('attachments.none')}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t('attachments.listLabel')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('attachments.col.kind')}</th>
              <th scope="col">{t('attachments.col.file')}</th>
              <th scope="col">{t('attachments.col.type')}</th>
              <th scope="col">{t('attachments.col.size')}</th>
              <th scope="col">{t('attachments.col.sha256')}</th>
              <th scope="col">{t('attachments.col.added')}</th>
              {mayView && <th scope="col">{t('attachments.col.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id}>
                <td>{t(`attachments.kind.${a.kind}`)}</td>
                <td dir="auto">{a.fileName}</td>
                <td>{t(`attachments.mediaType.${a.mediaType}`)}</td>
                <td>{t('attachments.size', { size: Math.max(1, Math.round(a.size / 1024)).toLocaleString(localeOf(lang)) })}</td>
                <td>
                  <ShortHash sha256={a.sha256} />
                </td>
                <td>
                  {when.format(new Date(a.addedAt))} · {a.addedBy}
                </td>
                {mayView && (
                  <td>
                    <button type="button" onClick={() => view.mutate(a.id)} disabled={view.isPending} aria-label={t('attachments.viewLabel', { name: a.fileName })}>
                      {t('attachments.view')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {items.length > 0 && !mayView && <p className="hint">{t('attachments.notViewable')}</p>}
      {kinds.length > 0 && (
        <form
          noValidate
          aria-labelledby="attachments-add-title"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <h3 id="attachments-add-title" className="visually-hidden">
            {t('attachments.add')}
          </h3>
          <div className="field">
            <label htmlFor={kindId}>{t('attachments.kindLabel')}</label>
            <select id={kindId} value={kind} onChange={(e) => setKind(kinds.find((k) => k === e.target.value) ?? kind)}>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {t(`attachments.kind.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={fileId}>{t('attachments.file')}</label>
            <input id={fileId} ref={fileInput} type="file" accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png" onChange={() => setLocalError(null)} />
          </div>
          <p>
            <button type="submit" disabled={add.isPending}>
              {add.isPending ? t('common.working') : t('attachments.add')}
            </button>
          </p>
        </form>
      )}
    </section>
  );
}
