import { describe, expect, it } from 'vitest';
import en from '../../../shared/i18n/en.json';
import fr from '../../../shared/i18n/fr.json';
import { computeReport } from '../../../shared/reports/compute';
import { csvField, reportCsv } from '../../../shared/reports/csv';
import { mergeTargets } from '../../../shared/reports/targets';
import type { RemovalTarget } from '../../../shared/schema/reports-api';
import { CURRENT_POLICY, TODAY, randomCases } from './generate';

/** RFC 4180 reader (quoted fields, doubled quotes, CRLF), to read back what reportCsv wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const targets = (source: string): RemovalTarget[] =>
  mergeTargets([{ fiscalYear: 2015, removals: 1200, source, historical: false, recordedAt: '2015-05-01T10:00:00Z', recordedBy: 'sup' }]);
const cases = randomCases(300, 11);
const report = (source = 'Regional plan, "2015"\nsecond line') =>
  computeReport(cases, { from: '2013-04-01', to: '2016-03-31', basis: 'event' }, { today: TODAY, generatedAt: `${TODAY}T12:00:00.000Z`, targets: targets(source), currentPolicyVersion: CURRENT_POLICY });

describe('report CSV', () => {
  it('names the file by range, basis and language; CRLF lines; a BOM for spreadsheets', () => {
    const { filename, csv } = reportCsv(report(), 'fr');
    expect(filename).toBe('avrr-report_2013-04-01_2016-03-31_event_fr.csv');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    // The only line break not ending a line is the one inside the (quoted) target source.
    expect(csv.replace('"Regional plan, ""2015""\nsecond line"', '').replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('quotes per RFC 4180 and reads back the same values', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(0.123456)).toBe('0.1235');
    expect(csvField(-3)).toBe('-3');
    const rows = parseCsv(reportCsv(report(), 'en').csv.slice(1));
    const target = rows.find((r) => r[0] === 'FY2015-16');
    expect(target?.at(-1)).toBe('Regional plan, "2015"\nsecond line');
  });

  it('makes formulas harmless: a text field starting with = + - @ is prefixed with a quote', () => {
    for (const bad of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tx']) {
      expect(csvField(bad).replace(/^"/, '').startsWith("'")).toBe(true);
      const rows = parseCsv(reportCsv(report(bad), 'en').csv.slice(1));
      expect(rows.find((r) => r[0] === 'FY2015-16')?.at(-1)).toBe(`'${bad}`);
    }
  });

  it('carries no case numbers, case ids, names or integrity rows: counts per issue only', () => {
    const r = report();
    expect(r.integrity.rows.length).toBeGreaterThan(0);
    const { csv } = reportCsv(r, 'en');
    for (const c of cases) {
      expect(csv).not.toContain(c.caseNumber);
      expect(csv).not.toContain(`${c.id},`);
      for (const p of c.identities) expect(csv).not.toContain(p.nameDob);
    }
    const rows = parseCsv(csv.slice(1));
    const title = rows.findIndex((row) => row[0] === en.reports.csv.section.integrity);
    expect(rows.slice(title + 2, title + 8).map((row) => [row[0], Number(row[1])])).toEqual(r.integrity.counts.map((c) => [c.issue, c.count.n]));
  });

  it('every table, headers in the chosen language, the same numbers in both', () => {
    const r = report();
    const enRows = parseCsv(reportCsv(r, 'en').csv.slice(1));
    const frRows = parseCsv(reportCsv(r, 'fr').csv.slice(1));
    expect(frRows.length).toBe(enRows.length);
    for (const [key, title] of Object.entries(en.reports.csv.section)) {
      expect(enRows.some((row) => row.length === 1 && row[0] === title), key).toBe(true);
      const frTitle = Object.entries(fr.reports.csv.section).find(([k]) => k === key)?.[1];
      expect(frRows.some((row) => row.length === 1 && row[0] === frTitle), key).toBe(true);
    }
    // Numbers are the same in both languages; only the words differ.
    const numbers = (rows: string[][]) => rows.flatMap((row) => row.filter((f) => /^-?\d+(\.\d+)?$/.test(f)));
    expect(numbers(frRows)).toEqual(numbers(enRows));
    // The funnel as the report has it.
    const f = enRows.findIndex((row) => row[0] === en.reports.csv.section.funnel);
    expect(enRows[f + 1]?.slice(0, 4)).toEqual([en.reports.csv.col.step, en.reports.csv.col.cases, en.reports.csv.col.persons, en.reports.csv.col.inProgress]);
    expect(enRows.slice(f + 2, f + 10).map((row) => [row[0], Number(row[1]), Number(row[2])])).toEqual(r.funnel.map((s) => [s.step, s.count.n, s.persons]));
  });

  it('English and French have the same CSV words', () => {
    const keys = (o: object, p = ''): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v, `${p}${k}.`) : [`${p}${k}`]));
    expect(keys(fr.reports.csv).sort()).toEqual(keys(en.reports.csv).sort());
  });
});
