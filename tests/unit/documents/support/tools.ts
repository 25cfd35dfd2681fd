/** Runs the third-party PDF tools the tests trust (poppler, qpdf) and returns their output. */
import { spawnSync } from 'node:child_process';

export interface ToolResult {
  readonly status: number | null;
  readonly out: string;
}

export function run(cmd: string, args: readonly string[]): ToolResult {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** pdfsig exits 0 even for a bad signature: callers look for "Signature is Valid." in `out`. */
export const pdfsig = (file: string, nssDir?: string): ToolResult =>
  run('pdfsig', nssDir === undefined ? [file] : ['-nssdir', `sql:${nssDir}`, file]);

export const pdftotext = (file: string): string => run('pdftotext', ['-enc', 'UTF-8', file, '-']).out;

/** What a reader compares: NFKC (folds Arabic presentation forms), no bidi controls, single spaces. */
export function normaliseExtracted(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ');
}
