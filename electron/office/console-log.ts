import en from '../../shared/i18n/en.json';
import fr from '../../shared/i18n/fr.json';
import type { OfficeLog } from './server';

/**
 * The server's console speaks both official languages: each event is one line in English and
 * one in French, from the `office.log` messages of the language files.
 */
export function officeConsoleLines(key: string, params: Record<string, string>): [string, string] {
  return [render(en, key, params), render(fr, key, params)];
}

/** An OfficeLog that prints to the console (stdout), with the time. */
export function consoleOfficeLog(write: (line: string) => void = (line) => console.log(line)): OfficeLog {
  return (key, params) => {
    const at = new Date().toISOString();
    for (const line of officeConsoleLines(key, params)) write(`${at} ${line}`);
  };
}

function render(messages: object, key: string, params: Record<string, string>): string {
  let node: unknown = messages;
  for (const part of key.split('.')) node = typeof node === 'object' && node !== null ? Reflect.get(node, part) : undefined;
  // An unknown key still says what happened, rather than printing nothing.
  if (typeof node !== 'string') return `${key} ${JSON.stringify(params)}`;
  return node.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => params[name] ?? whole);
}
