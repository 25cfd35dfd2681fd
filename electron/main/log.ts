/**
 * Main-process diagnostics on stderr. Callers pass URLs' origins and error messages only, never
 * IPC inputs or results: those may hold Protected B data.
 */
export function logMain(level: 'info' | 'warn' | 'error', message: string, detail?: unknown): void {
  const suffix = detail === undefined ? '' : ` ${detail instanceof Error ? `${detail.name}: ${detail.message}` : String(detail)}`;
  const line = `[avrr:main] ${message}${suffix}`;
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.info(line);
}

/** The origin of a URL for logging (no path or query: they could carry data). */
export function originForLog(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return '<unparsable URL>';
  }
}
