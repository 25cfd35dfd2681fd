import { localToInstant } from './office-time';

/**
 * Show a stored local date-time (YYYY-MM-DDTHH:mm, the office's wall time, e.g. an appointment)
 * with a formatter of the screen's locale. Never throws: a value that is not a real local
 * date-time (a bad row written before appointments were checked) is shown as it is written.
 * The wall time is shown unchanged, in whatever zone the formatter uses.
 */
export function formatLocalDateTime(local: string, format: Intl.DateTimeFormat): string {
  try {
    const at = localToInstant(local, format.resolvedOptions().timeZone ?? 'UTC');
    return at ? format.format(at) : local;
  } catch {
    return local;
  }
}
