import en from '../i18n/en.json' with { type: 'json' };
import fr from '../i18n/fr.json' with { type: 'json' };
import { exitKinds } from './report-case';
import type { Report } from './report';
import { plainReport } from './plain';
import type { Plain, PlainReport } from './plain';

/**
 * Every table of a report as CSV (docs/reports.md, Exports): aggregate numbers only, no case
 * numbers, no names, no integrity rows (the number of cases per issue only). One section per
 * table: its title, its header row, its rows, then an empty line. Headers and titles in the
 * chosen language (shared/i18n reports.csv.*); the values of a table's first column are the
 * report's own codes (steps, outcomes, statuses, country codes), the same in both languages.
 *
 * RFC 4180: CRLF line ends, a field with a comma, a quote or a line break is quoted, quotes
 * doubled. Formula injection: a text field starting with = + - @ (or a tab or carriage return)
 * is prefixed with ' so a spreadsheet shows it as text. Numbers use a full stop for decimals.
 * The text starts with a UTF-8 byte order mark so that a spreadsheet reads the accents.
 */
export type CsvLang = 'en' | 'fr';
type Words = typeof en.reports.csv;
const words: Record<CsvLang, Words> = { en: en.reports.csv, fr: fr.reports.csv };

type Field = string | number | boolean | null;

const BOM = '\uFEFF';

/** One field, quoted when needed and made harmless for spreadsheets. */
export function csvField(v: Field, w: Words = words.en): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? w.yes : w.no;
  if (typeof v === 'number') return Number.isFinite(v) ? String(Number.isInteger(v) ? v : Math.round(v * 10_000) / 10_000) : '';
  let s = v;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function section(w: Words, title: string, header: string[], rows: Field[][]): string[] {
  return [title, header, ...rows].map((r) => (typeof r === 'string' ? csvField(r, w) : r.map((f) => csvField(f, w)).join(',')));
}

export function reportCsv(report: Report, lang: CsvLang): { filename: string; csv: string } {
  const w = words[lang];
  const p: PlainReport = plainReport(report);
  const c = w.col;
  const stats = (s: Plain<Report['times']['intervals'][number]> | Plain<Report['travelDocuments']['daysToObtain']>): Field[] => [s.cases, s.median, s.p90, s.min, s.max, s.mean];
  const place = (rows: PlainReport['byCountry']): Field[][] => rows.map((r) => [r.code ?? w.notRecorded, r.cases, r.persons, r.departed, r.departedPersons, r.medianIntakeToDeparture, r.dco]);
  const placeHeader = (first: string) => [first, c.cases, c.persons, c.departedCases, c.departedPersons, c.medianDays, c.dco];
  const decided = p.funnel.find((f) => f.step === 'decided');
  const t = p.assistance.totals;

  const sections: string[][] = [
    section(w, w.section.report, [c.item, c.value], [
      [w.item.from, p.query.from],
      [w.item.to, p.query.to],
      [w.item.basis, p.query.basis],
      [w.item.today, p.today],
      [w.item.generatedAt, p.generatedAt],
      [w.item.policyCurrent, p.policyVersions.current],
      [w.item.policiesUsed, p.policyVersions.used.join(' ')],
      [w.item.aimDays, p.aimDays],
      [w.item.cases, p.cases],
    ]),
    section(
      w,
      w.section.funnel,
      [c.step, c.cases, c.persons, c.inProgress, ...exitKinds.map((k) => w.stopped[k])],
      p.funnel.map((f) => [f.step, f.count, f.persons, f.inProgress, ...exitKinds.map((k) => f.stopped.find((s) => s.kind === k)?.count ?? 0)]),
    ),
    section(w, w.section.outcomes, [c.outcome, c.cases], (decided?.outcomes ?? []).map((o) => [o.outcome, o.count])),
    section(
      w,
      w.section.ineligibleCodes,
      [c.step, c.code, c.cases],
      p.funnel.flatMap((f) => f.ineligibleCodes.map((k): Field[] => [f.step, k.code, k.count])),
    ),
    section(w, w.section.times, [c.interval, c.cases, c.median, c.p90, c.min, c.max, c.mean], p.times.intervals.map((i) => [i.interval, ...stats(i)])),
    section(w, w.section.withinAim, [c.departed, c.withinAim, c.share], [[p.times.departed, p.times.withinAim, p.times.shareWithinAim]]),
    section(
      w,
      w.section.byMonth,
      [c.month, c.intakes, c.departed, c.withinAim, c.medianDays],
      p.times.byMonth.map((m) => [m.month, m.intakes, m.departed, m.departedWithinAim, m.medianIntakeToDeparture]),
    ),
    section(
      w,
      w.section.targets,
      [c.fiscalYear, c.target, c.departedPersons, c.departedCases, c.share, c.historical, c.source],
      p.targets.map((r) => [r.label, r.target, r.departedPersons, r.departedCases, r.share, r.historical, r.source]),
    ),
    section(w, w.section.byCountry, placeHeader(c.country), place(p.byCountry)),
    section(w, w.section.byNationality, placeHeader(c.nationality), place(p.byNationality)),
    section(w, w.section.assistanceByTier, [c.tier, c.cases, c.persons, c.maxCad, c.committedCad, c.deliveredCad], [
      ...p.assistance.byTier.map((r): Field[] => [r.tier, r.cases, r.persons, r.maxCad, r.committedCad, r.deliveredCad]),
      [w.item.total, t.cases, t.persons, t.maxCad, t.committedCad, t.deliveredCad],
    ]),
    section(w, w.section.assistanceByCategory, [c.category, c.cases, c.persons, c.committedCad, c.deliveredCad], [
      ...p.assistance.byCategory.map((r): Field[] => [r.category, r.cases, r.persons, r.committedCad, r.deliveredCad]),
      [w.item.total, t.cases, t.persons, t.committedCad, t.deliveredCad],
    ]),
    section(w, w.section.travelDocuments, [c.state, c.cases], [
      ...p.travelDocuments.byState.map((s): Field[] => [s.state, s.count]),
      [w.item.needed, p.travelDocuments.needed],
      [w.item.referred, p.travelDocuments.referred],
    ]),
    section(w, w.section.daysToObtain, [c.cases, c.median, c.p90, c.min, c.max, c.mean], [stats(p.travelDocuments.daysToObtain)]),
    section(w, w.section.exits, [c.exit, c.from, c.cases, c.reasonGiven], [
      ...p.exits.rows.map((x): Field[] => [x.kind, x.from, x.count, x.reasonGiven]),
      [w.item.total, null, p.exits.total, p.exits.rows.reduce((s, x) => s + x.reasonGiven, 0)],
    ]),
    section(w, w.section.integrity, [c.issue, c.cases], p.integrity.counts.map((i) => [i.issue, i.count])),
  ];
  const csv = BOM + sections.map((s) => s.join('\r\n')).join('\r\n\r\n') + '\r\n';
  const filename = `avrr-report_${p.query.from}_${p.query.to}_${p.query.basis}_${lang}.csv`;
  return { filename, csv };
}
