import type { ReportFile } from '../../../../shared/schema/reports-api';

/**
 * Hand a report file to the browser as a download, as the app saves its other exports (the audit
 * CSV, the documents, the scans): a Blob URL, clicked, then revoked. A PDF comes as base64.
 */
export function saveReportFile(file: ReportFile): void {
  const body = file.mediaType === 'application/pdf' ? Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0)) : file.content;
  const type = file.mediaType === 'text/csv' ? 'text/csv;charset=utf-8' : file.mediaType;
  saveDownload(file.filename, body, type);
}

/** Any file the app hands over as a download (a report's, an information request's PDF and JSON). */
export function saveDownload(filename: string, body: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([body], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
