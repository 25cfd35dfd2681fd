import type { PrintResult } from '../../../shared/schema/documents-api';

/** The harness's stand-in for the print dialog: hand the PDF to the browser as a download. */
export function downloadPdf(r: PrintResult): void {
  if (!r.pdfBase64) return;
  const bytes = Uint8Array.from(atob(r.pdfBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = r.filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
