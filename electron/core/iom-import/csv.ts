/**
 * A small RFC 4180 reader: comma-separated fields, records ended by CRLF or LF (a lone CR too),
 * fields in double quotes may hold commas, line breaks and doubled quotes (""). Pure, no
 * dependency: the grammar is a few states, and a file that breaks it must be refused, not
 * guessed at (a quote inside an unquoted field, text after a closing quote, a quote never closed).
 */

export type CsvResult =
  | {
      ok: true;
      records: string[][];
      /** The last record ended with a line break (a file cut short usually does not). */
      terminated: boolean;
    }
  | { ok: false; error: 'unterminated_quote' | 'bad_quote'; /** 1-based record where it happened. */ record: number };

export function parseCsv(text: string): CsvResult {
  const records: string[][] = [];
  const n = text.length;
  let fields: string[] = [];
  let i = 0;
  // At the start of a field: i points at its first character (or at the end of the text).
  for (;;) {
    let value: string;
    if (text[i] === '"') {
      // A quoted field, up to the closing quote; a doubled quote is one quote.
      let j = i + 1;
      value = '';
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) return { ok: false, error: 'unterminated_quote', record: records.length + 1 };
        value += text.slice(j, q);
        if (text[q + 1] === '"') {
          value += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      const next = text.charCodeAt(i);
      if (i < n && next !== 44 && next !== 10 && next !== 13) return { ok: false, error: 'bad_quote', record: records.length + 1 };
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === 44 || c === 10 || c === 13) break;
        if (c === 34) return { ok: false, error: 'bad_quote', record: records.length + 1 };
        j++;
      }
      value = text.slice(i, j);
      i = j;
    }
    fields.push(value);
    if (i >= n) {
      // The text ends inside a record that no line break closed.
      records.push(fields);
      return { ok: true, records, terminated: false };
    }
    const c = text.charCodeAt(i);
    if (c === 44) {
      i++;
      continue;
    }
    // A line break: CRLF, LF or a lone CR.
    records.push(fields);
    fields = [];
    i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    if (i >= n) return { ok: true, records, terminated: true };
  }
}
