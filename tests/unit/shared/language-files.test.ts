import { describe, expect, it } from 'vitest';
import en from '../../../shared/i18n/en.json';
import fr from '../../../shared/i18n/fr.json';

/** Every message as [key, text], nested keys joined with dots. */
function flatten(tree: unknown, prefix = ''): [string, string][] {
  if (typeof tree === 'string') return [[prefix, tree]];
  if (tree === null || typeof tree !== 'object') return [];
  return Object.entries(tree).flatMap(([k, v]) => flatten(v, prefix === '' ? k : `${prefix}.${k}`));
}

const enMessages = new Map(flatten(en));
const frMessages = new Map(flatten(fr));
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();

/** Text a person reads: without placeholders, tags and URLs, where colons are not punctuation. */
const readable = (text: string) =>
  text
    .replace(/\{\{[^}]*\}\}/g, 'X')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\b\w+:\/\/\S+/g, ' ')
    .replace(/\b\d{1,2}:\d{2}\b/g, ' ');

describe('the language files', () => {
  it('have the same messages in English and French', () => {
    expect([...frMessages.keys()].filter((k) => !enMessages.has(k))).toEqual([]);
    expect([...enMessages.keys()].filter((k) => !frMessages.has(k))).toEqual([]);
  });

  it('use the same placeholders in both languages, every one closed, none left in a translation by mistake', () => {
    // Messages that deliberately take a different value per language (the back end sends both texts;
    // the fiscal year's short form is written differently).
    const perLanguage = new Set(['errors.document_failed', 'reports.fiscalYear']);
    const mismatched = [...enMessages].filter(([k, text]) => !perLanguage.has(k) && JSON.stringify(placeholders(text)) !== JSON.stringify(placeholders(frMessages.get(k) ?? '')));
    expect(mismatched.map(([k]) => k)).toEqual([]);
    const broken = [...enMessages, ...frMessages].filter(([, text]) => (text.match(/\{\{/g) ?? []).length !== (text.match(/\}\}/g) ?? []).length);
    expect(broken.map(([k]) => k)).toEqual([]);
  });

  it('French: a no-break space (U+00A0 or U+202F) before : ; ? ! and », after «', () => {
    const wrong = [...frMessages].filter(([, text]) => {
      const t = readable(text);
      const mark = /(?<![\u00a0\u202f(])[;?!»](?=\s|$|[»),.:])|(?<![\u00a0\u202f(\d]):(?=\s|$)/;
      return mark.test(t) || /«(?![\u00a0\u202f])/.test(t);
    });
    expect(wrong.map(([k, text]) => `${k}: ${text}`)).toEqual([]);
  });
});
