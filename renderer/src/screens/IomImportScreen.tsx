import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../../shared/ipc/errors';
import { IOM_IMPORT_MAX_BYTES, importClasses } from '../../../shared/schema/iom-import';
import type { ImportApplied, ImportPreview, ImportReason, ImportRow } from '../../../shared/schema/iom-import';
import { Dialog } from '../components/Dialog';
import { ErrorBanner } from '../components/ErrorBanner';
import { call, errorOf } from '../ipc';

/** The file's bytes as base64 (in chunks: a 5 MB file would overflow one String.fromCharCode call). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/**
 * IOM's status file: choose it, check it (a preview: every row new, already known, conflicting
 * or invalid, with the reason), choose the new rows to apply, confirm. Nothing is recorded
 * before the confirmation; the back end checks every row again when applying.
 */
export function IomImportScreen() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [content, setContent] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [result, setResult] = useState<ImportApplied | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  const check = useMutation({
    mutationFn: async (f: File) => {
      const contentBase64 = await base64Of(f);
      const p = await call('iom.previewImport', { fileName: f.name, contentBase64 });
      return { p, contentBase64 };
    },
    onSuccess: ({ p, contentBase64 }) => {
      setContent(contentBase64);
      setPreview(p);
      setSelected(new Set(p.rows.filter((r) => r.class === 'new').map((r) => r.row)));
      setError(null);
    },
    onError: (e) => {
      setPreview(null);
      setError(errorOf(e));
    },
  });
  const apply = useMutation({
    mutationFn: async () => {
      if (!content || !file) throw new Error('no file');
      const applied = await call('iom.applyImport', { contentBase64: content, rowNumbers: [...selected].sort((a, b) => a - b) });
      // Show the file as it stands now: the rows applied are known.
      const p = await call('iom.previewImport', { fileName: file.name, contentBase64: content });
      return { applied, p };
    },
    onSuccess: ({ applied, p }) => {
      setConfirmOpen(false);
      setResult(applied);
      setPreview(p);
      setSelected(new Set());
      setError(null);
      void qc.invalidateQueries({ queryKey: ['today'] });
      void qc.invalidateQueries({ queryKey: ['case'] });
      requestAnimationFrame(() => resultRef.current?.focus());
    },
    onError: (e) => {
      setConfirmOpen(false);
      setError(errorOf(e));
    },
  });

  const choose = (f: File | null) => {
    setFile(f);
    setPreview(null);
    setContent(null);
    setResult(null);
    setError(f && f.size > IOM_IMPORT_MAX_BYTES ? { code: 'rejected', messageKey: 'iomImport.file.too_large', params: { max: IOM_IMPORT_MAX_BYTES / (1024 * 1024) } } : null);
  };
  const reasonText = (r: ImportReason | null) => {
    if (!r) return '';
    const params = { ...(r.params ?? {}) };
    if (r.key === 'iomImport.conflict.stage_order' && typeof params.status === 'string') params.status = t(`status.${params.status}`);
    return t(r.key, params);
  };
  const stageText = (s: string) => t(`iomImport.stage.${s}`, { defaultValue: s });
  const newRows = preview?.rows.filter((r) => r.class === 'new') ?? [];
  const toggle = (row: number, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(row);
      else next.delete(row);
      return next;
    });
  const tooLarge = error?.messageKey === 'iomImport.file.too_large' && !preview;

  return (
    <>
      <h1>{t('iomImport.title')}</h1>
      <p>{t('iomImport.intro')}</p>
      <div className="card">
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (file && !tooLarge) check.mutate(file);
          }}
        >
          <div className="field">
            <label htmlFor={fileId}>{t('iomImport.file.label')}</label>
            <input id={fileId} type="file" accept=".csv,text/csv" onChange={(e) => choose(e.target.files?.[0] ?? null)} />
          </div>
          <button type="submit" className="primary" disabled={!file || tooLarge || check.isPending}>
            {check.isPending ? t('iomImport.checking') : t('iomImport.check')}
          </button>
        </form>
      </div>
      {error && (
        <div>
          {error.code === 'rejected' && error.messageKey.startsWith('iomImport.file.') && <p>{t('iomImport.file_error')}</p>}
          <ErrorBanner error={error} />
        </div>
      )}
      {result && (
        <div className="banner" role="status" tabIndex={-1} ref={resultRef}>
          <p>{t('iomImport.done', { count: result.applied })}</p>
          {result.notApplied > 0 && <p>{t('iomImport.doneNotApplied', { count: result.notApplied })}</p>}
        </div>
      )}
      {preview && (
        <section className="card" aria-labelledby="iom-rows">
          <h2 id="iom-rows">{t('iomImport.summary', { fileName: preview.fileName, count: preview.rows.length })}</h2>
          <dl className="facts" aria-label={t('iomImport.counts.label')}>
            {importClasses.map((c) => (
              <div key={c} data-class={c}>
                <dt>{t(`iomImport.counts.${c}`)}</dt>
                <dd>{preview.counts[c]}</dd>
              </div>
            ))}
          </dl>
          {newRows.length === 0 ? (
            <p role="status">{t('iomImport.nothingNew')}</p>
          ) : (
            <div className="row-actions">
              <button type="button" onClick={() => setSelected(new Set(newRows.map((r) => r.row)))}>
                {t('iomImport.selectAll')}
              </button>
              <button type="button" onClick={() => setSelected(new Set())}>
                {t('iomImport.selectNone')}
              </button>
              <button type="button" className="primary" disabled={selected.size === 0} onClick={() => setConfirmOpen(true)}>
                {t('iomImport.apply', { count: selected.size })}
              </button>
            </div>
          )}
          <div>
            <table className="iom-rows">
              <caption>{t('iomImport.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('iomImport.col.apply')}</th>
                  <th scope="col">{t('iomImport.col.row')}</th>
                  <th scope="col">{t('iomImport.col.packet')}</th>
                  <th scope="col">{t('iomImport.col.case')}</th>
                  <th scope="col">{t('iomImport.col.stage')}</th>
                  <th scope="col">{t('iomImport.col.date')}</th>
                  <th scope="col">{t('iomImport.col.result')}</th>
                  <th scope="col">{t('iomImport.col.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r: ImportRow) => (
                  <tr key={r.row} data-class={r.class}>
                    <td>
                      {r.class === 'new' && (
                        <input type="checkbox" aria-label={t('iomImport.applyRow', { row: r.row })} checked={selected.has(r.row)} onChange={(e) => toggle(r.row, e.target.checked)} />
                      )}
                    </td>
                    <td>{r.row}</td>
                    <td>{r.packetNumber}</td>
                    <td>{r.caseNumber ?? ''}</td>
                    <td>{stageText(r.stage)}</td>
                    <td>{r.date}</td>
                    <td>{t(`iomImport.class.${r.class}`)}</td>
                    <td>{reasonText(r.reason)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      <Dialog open={confirmOpen} title={t('iomImport.confirmTitle', { count: selected.size })} onClose={() => setConfirmOpen(false)}>
        <p>{t('iomImport.confirmText')}</p>
        <div className="row-actions">
          {/* The safe choice takes the focus. */}
          <button type="button" autoFocus onClick={() => setConfirmOpen(false)}>
            {t('iomImport.cancel')}
          </button>
          <button type="button" className="primary" disabled={apply.isPending} onClick={() => apply.mutate()}>
            {apply.isPending ? t('iomImport.applying') : t('iomImport.confirm')}
          </button>
        </div>
      </Dialog>
    </>
  );
}
