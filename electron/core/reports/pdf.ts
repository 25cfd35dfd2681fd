import { fiscalYearRange } from '../../../shared/reports/query';
import type { Count, DayStats, PlaceRow, Report } from '../../../shared/reports/report';
import { officeDateTime } from '../../../shared/time/office-time';
import type { OfficeCertificate } from '../documents';
import { signPdf } from '../documents';
import { decoratePages } from '../documents/layout/decorate';
import type { DocumentWriter, TextStyle } from '../documents/layout/writer';
import { BODY, COLORS, PAGE, SMALL, lineHeight } from '../documents/layout/writer';
import { DocumentWriter as Writer } from '../documents/layout/writer';
import { loadFontSet } from '../documents/fonts/registry';
import { checkPrintable } from '../documents/text/coverage';
import { SIGNING_LOCATION } from '../register/service';
import { numberFormat, reportText } from './text';
import type { ReportLang, Translate } from './text';

/**
 * The report as a PDF: every table of the Reports screen in the chosen language (the integrity
 * review's case list stays in the app: the document holds numbers only), with the period, the
 * basis, the policy versions and the time it was made; laid out with the document engine's writer
 * and page decoration (security marking, page numbers) and signed PAdES B-B with the office
 * certificate, as the referral packets are.
 */
export const REPORT_SIGN_REASON = 'AVRR programme report / Rapport du programme ARVR';

export interface ReportPdfOptions {
  lang: ReportLang;
  timeZone: string;
  now: Date;
  fontsDir?: string | undefined;
}

const TITLE: TextStyle = { size: 15, bold: true };
const HEADING: TextStyle = { size: 11, bold: true, color: COLORS.accent };
const HEAD: TextStyle = { size: 7.5, bold: true, color: COLORS.muted };
const PAD = 3;

/** A column: its header, its share of the line, and whether its cells are numbers (right-aligned). */
interface Col {
  header: string;
  share: number;
  number?: boolean;
}

export async function renderReportPdf(report: Report, opts: ReportPdfOptions): Promise<Uint8Array> {
  const t = reportText(opts.lang);
  const num = numberFormat(opts.lang);
  const blocks = reportBlocks(report, t, num, opts);
  const fonts = loadFontSet(opts.fontsDir);
  // Every string drawn comes from the translation files, codes and numbers: checked for the fonts all the same.
  const faces = checkPrintable(blocks, fonts);
  const title = t('reports.pdf.title');
  const w = await Writer.create(fonts, faces, { title, subject: blocks.reference, createdAt: opts.now });
  w.doc.setLanguage(opts.lang === 'fr' ? 'fr-CA' : 'en-CA');

  w.drawLine(w.page, t('reports.pdf.programme'), w.left, w.y, { size: 8.5, color: COLORS.muted });
  w.space(16);
  w.space(w.drawBlock(title, w.left, w.y, w.width, TITLE) + 4);
  w.rule(COLORS.accent, 1.2);
  w.space(10);
  for (const [label, value] of blocks.about) field(w, label, value);

  for (const section of blocks.sections) {
    heading(w, section.title);
    for (const part of section.parts) {
      if (part.kind === 'text') {
        w.ensure(lineHeight(BODY) * 2);
        w.paragraph(part.text);
        w.space(4);
      } else {
        grid(w, part.caption, part.cols, part.rows, t('reports.none'));
      }
    }
  }

  decoratePages(w, { runningTitle: blocks.reference, reference: blocks.reference });
  return w.save();
}

/** Render and sign with the office certificate. */
export async function signedReportPdf(report: Report, cert: OfficeCertificate, opts: ReportPdfOptions): Promise<Uint8Array> {
  const unsigned = await renderReportPdf(report, opts);
  return signPdf(unsigned, { certificate: cert, reason: REPORT_SIGN_REASON, location: SIGNING_LOCATION, signingTime: opts.now });
}

type Part = { kind: 'text'; text: string } | { kind: 'table'; caption: string; cols: Col[]; rows: string[][] };

interface Blocks {
  reference: string;
  about: [string, string][];
  sections: { title: string; parts: Part[] }[];
}

/** The report's words and figures, as strings (checked for the fonts, then laid out). */
function reportBlocks(r: Report, t: Translate, num: (n: number, digits?: number) => string, opts: ReportPdfOptions): Blocks {
  const q = r.query;
  const n = (c: Count) => num(c.n);
  const days = (x: number | null) => (x === null ? '—' : num(x, 1));
  const fr = opts.lang === 'fr';
  const share = (x: number | null) => (x === null ? '—' : fr ? `${num(x * 100, 1)}\u00a0%` : `${num(x * 100, 1)}%`);
  const fy = fiscalYearOf(q.from, q.to);
  const range = t('reports.about.range', { from: q.from, to: q.to });
  const period = fy === null ? range : t('reports.about.fiscalYear', { year: fiscalLabel(t, fy), from: q.from, to: q.to });
  const basis = t(`reports.basis.${q.basis}`);
  const madeAt = officeDateTime(new Date(r.generatedAt), opts.timeZone).replace('T', ' ');
  const policy = r.policyVersions.used.length > 0 ? t('reports.about.policyUsed', { versions: r.policyVersions.used.join(', '), current: r.policyVersions.current }) : t('reports.about.policyNone', { current: r.policyVersions.current });
  const place = (code: string | null) => code ?? t('reports.places.notRecorded');
  const statsRow = (label: string, s: DayStats) => [label, n(s.cases), days(s.median), days(s.p90), days(s.min), days(s.max), days(s.mean)];
  const statsCols = (first: string): Col[] => [
    { header: first, share: 3 },
    { header: t('reports.col.cases'), share: 1, number: true },
    { header: t('reports.times.median'), share: 1.2, number: true },
    { header: t('reports.times.p90'), share: 1.2, number: true },
    { header: t('reports.times.min'), share: 1.2, number: true },
    { header: t('reports.times.max'), share: 1.2, number: true },
    { header: t('reports.times.mean'), share: 1.2, number: true },
  ];
  const placeTable = (by: 'country' | 'nationality', rows: PlaceRow[]): Part => ({
    kind: 'table',
    caption: t(`reports.places.${by}.caption`),
    cols: [
      { header: t(`reports.places.${by}.column`), share: 2 },
      { header: t('reports.col.cases'), share: 1, number: true },
      { header: t('reports.col.persons'), share: 1, number: true },
      { header: t('reports.places.departedCases'), share: 1.2, number: true },
      { header: t('reports.places.departedPersons'), share: 1.2, number: true },
      { header: t('reports.places.medianDays'), share: 1.4, number: true },
      { header: t('reports.places.dco'), share: 1.2, number: true },
    ],
    rows: rows.map((p) => [place(p.code), n(p.cases), num(p.persons), n(p.departed), num(p.departedPersons), days(p.medianIntakeToDeparture), n(p.dco)]),
  });
  const cad = (x: number) => (fr ? `${num(x)}\u00a0$` : `$${num(x)}`);

  const decided = r.funnel.find((f) => f.step === 'decided');
  const codeRows = r.funnel.flatMap((f) => f.ineligibleCodes.filter((c) => c.count.n > 0).map((c) => [t(`reports.step.${f.step}`), t('reports.funnel.codeLabel', { code: c.code, text: t(`reports.code.${c.code}`) }), n(c.count)]));
  const sections: Blocks['sections'] = [
    {
      title: t('reports.funnel.title'),
      parts: [
        {
          kind: 'table',
          caption: t('reports.funnel.caption'),
          cols: [
            { header: t('reports.funnel.step'), share: 2.2 },
            { header: t('reports.col.cases'), share: 1, number: true },
            { header: t('reports.col.persons'), share: 1, number: true },
            { header: t('reports.funnel.inProgress'), share: 1.1, number: true },
            { header: t('reports.pdf.stopped'), share: 3.2 },
          ],
          rows: r.funnel.map((f) => [
            t(`reports.step.${f.step}`),
            n(f.count),
            num(f.persons),
            n(f.inProgress),
            f.stopped
              .filter((s) => s.count.n > 0)
              .map((s) => t('reports.pdf.labelValue', { label: t(`reports.exit.${s.kind}`), value: n(s.count) }))
              .join('\n'),
          ]),
        },
        {
          kind: 'table',
          caption: t('reports.funnel.outcomesCaption'),
          cols: [
            { header: t('reports.funnel.outcome'), share: 3 },
            { header: t('reports.col.cases'), share: 1, number: true },
          ],
          rows: (decided?.outcomes ?? []).map((o) => [t(`outcome.${o.outcome}`), n(o.count)]),
        },
        {
          kind: 'table',
          caption: t('reports.funnel.codesCaption'),
          cols: [
            { header: t('reports.funnel.step'), share: 1.5 },
            { header: t('reports.funnel.reason'), share: 4 },
            { header: t('reports.col.cases'), share: 1, number: true },
          ],
          rows: codeRows,
        },
      ],
    },
    {
      title: t('reports.times.title'),
      parts: [
        { kind: 'table', caption: t('reports.times.caption'), cols: statsCols(t('reports.times.interval')), rows: r.times.intervals.map((i) => statsRow(t(`reports.interval.${i.interval}`), i)) },
        { kind: 'text', text: t('reports.pdf.withinAim', { days: r.aimDays, n: r.times.withinAim.n, departed: n(r.times.departed), within: n(r.times.withinAim), share: share(r.times.shareWithinAim) }) },
        {
          kind: 'table',
          caption: t('reports.times.monthsCaption'),
          cols: [
            { header: t('reports.times.month'), share: 1.2 },
            { header: t('reports.times.intakes'), share: 1, number: true },
            { header: t('reports.times.departed'), share: 1, number: true },
            { header: t('reports.times.withinAimCol', { days: r.aimDays }), share: 1.3, number: true },
            { header: t('reports.times.medianDeparture'), share: 1.6, number: true },
          ],
          rows: r.times.byMonth.map((m) => [m.month, n(m.intakes), n(m.departed), n(m.departedWithinAim), days(m.medianIntakeToDeparture)]),
        },
      ],
    },
    {
      title: t('reports.targets.title'),
      parts: [
        {
          kind: 'table',
          caption: t('reports.targets.caption'),
          cols: [
            { header: t('reports.targets.fiscalYear'), share: 1.2 },
            { header: t('reports.targets.target'), share: 1, number: true },
            { header: t('reports.targets.actual'), share: 1.1, number: true },
            { header: t('reports.targets.share'), share: 1, number: true },
            { header: t('reports.targets.departedCases'), share: 1.1, number: true },
            { header: t('reports.targets.source'), share: 3.4 },
          ],
          rows: r.targets.map((x) => [
            fiscalLabel(t, x.fiscalYear),
            x.target === null ? t('reports.targets.noTarget') : num(x.target),
            num(x.departedPersons),
            share(x.share),
            n(x.departedCases),
            x.source === null ? '' : x.historical ? `${x.source} (${t('reports.targets.historical')})` : x.source,
          ]),
        },
      ],
    },
    { title: t('reports.places.country.title'), parts: [placeTable('country', r.byCountry)] },
    { title: t('reports.places.nationality.title'), parts: [placeTable('nationality', r.byNationality)] },
    {
      title: t('reports.assistance.title'),
      parts: [
        {
          kind: 'table',
          caption: t('reports.assistance.tierCaption'),
          cols: [
            { header: t('reports.assistance.tier'), share: 2 },
            { header: t('reports.col.cases'), share: 1, number: true },
            { header: t('reports.col.persons'), share: 1, number: true },
            { header: t('reports.assistance.max'), share: 1.3, number: true },
            { header: t('reports.assistance.committed'), share: 1.3, number: true },
            { header: t('reports.assistance.delivered'), share: 1.3, number: true },
          ],
          rows: [
            ...r.assistance.byTier.map((x) => [x.tier === 'none' ? t('reports.assistance.noTier') : x.tier, n(x.cases), num(x.persons), cad(x.maxCad), cad(x.committedCad), cad(x.deliveredCad)]),
            [t('reports.total'), n(r.assistance.totals.cases), num(r.assistance.totals.persons), cad(r.assistance.totals.maxCad), cad(r.assistance.totals.committedCad), cad(r.assistance.totals.deliveredCad)],
          ],
        },
        {
          kind: 'table',
          caption: t('reports.assistance.categoryCaption'),
          cols: [
            { header: t('reports.assistance.category'), share: 3 },
            { header: t('reports.col.cases'), share: 1, number: true },
            { header: t('reports.assistance.personsCommitted'), share: 1.3, number: true },
            { header: t('reports.assistance.committed'), share: 1.2, number: true },
            { header: t('reports.assistance.delivered'), share: 1.2, number: true },
          ],
          rows: r.assistance.byCategory.map((x) => [t(`reintegration.category.${x.category}`), n(x.cases), num(x.persons), cad(x.committedCad), cad(x.deliveredCad)]),
        },
      ],
    },
    {
      title: t('reports.travel.title'),
      parts: [
        {
          kind: 'table',
          caption: t('reports.travel.caption'),
          cols: [
            { header: t('reports.travel.latest'), share: 3 },
            { header: t('reports.col.cases'), share: 1, number: true },
          ],
          rows: [
            ...r.travelDocuments.byState.map((s) => [t(`reports.travel.state.${s.state}`), n(s.count)]),
            [t('reports.travel.referred'), n(r.travelDocuments.referred)],
            [t('reports.travel.needed'), n(r.travelDocuments.needed)],
          ],
        },
        { kind: 'table', caption: t('reports.travel.daysCaption'), cols: statsCols(t('reports.times.interval')), rows: [statsRow(t('reports.travel.daysCaption'), r.travelDocuments.daysToObtain)] },
      ],
    },
    {
      title: t('reports.exits.title'),
      parts: [
        {
          kind: 'table',
          caption: t('reports.exits.caption'),
          cols: [
            { header: t('reports.exits.exit'), share: 2 },
            { header: t('reports.exits.from'), share: 2.4 },
            { header: t('reports.col.cases'), share: 1, number: true },
            { header: t('reports.exits.reasonGiven'), share: 1.2, number: true },
          ],
          rows: [
            ...r.exits.rows.map((x) => [t(`reports.exit.${x.kind}`), t(`status.${x.from}`), n(x.count), num(x.reasonGiven)]),
            [t('reports.total'), '', n(r.exits.total), ''],
          ],
        },
      ],
    },
    {
      title: t('reports.integrity.title'),
      parts: [
        {
          kind: 'table',
          caption: t('reports.integrity.countsCaption'),
          cols: [
            { header: t('reports.integrity.issueColumn'), share: 4 },
            { header: t('reports.col.cases'), share: 1, number: true },
          ],
          rows: r.integrity.counts.map((c) => [t(`reports.integrity.issue.${c.issue}`), n(c.count)]),
        },
        { kind: 'text', text: t('reports.pdf.integrityNote') },
      ],
    },
  ];
  return {
    reference: t('reports.pdf.reference', { period, basis }),
    about: [
      [t('reports.pdf.period'), period],
      [t('reports.about.basis'), `${basis}. ${t(`reports.basis.${q.basis}Sentence`)}`],
      [t('reports.about.cases'), n(r.cases)],
      [t('reports.about.policy'), policy],
      [t('reports.pdf.aim'), t('reports.pdf.aimDays', { days: r.aimDays })],
      [t('reports.about.made'), t('reports.about.madeAt', { at: madeAt, today: r.today })],
    ],
    sections,
  };
}

/** The fiscal year a range covers exactly (1 April to 31 March), if it does. */
function fiscalYearOf(from: string, to: string): number | null {
  const year = Number(from.slice(0, 4));
  const fy = fiscalYearRange(year);
  return fy.from === from && fy.to === to ? year : null;
}

function fiscalLabel(t: Translate, year: number): string {
  return t('reports.fiscalYear', { start: year, end: year + 1, endShort: String((year + 1) % 100).padStart(2, '0') });
}

function heading(w: DocumentWriter, title: string): void {
  w.ensure(lineHeight(HEADING) + 60);
  w.space(8);
  w.drawLine(w.page, title, w.left, w.y, HEADING);
  w.space(lineHeight(HEADING) + 1);
  w.rule();
  w.space(6);
}

function field(w: DocumentWriter, label: string, value: string): void {
  const labelWidth = 130;
  const valueWidth = w.width - labelWidth - 8;
  const height = Math.max(w.textHeight(label, labelWidth, SMALL), w.textHeight(value, valueWidth, BODY));
  w.ensure(height + 3);
  w.drawBlock(label, w.left, w.y - 1, labelWidth, SMALL);
  w.drawBlock(value, w.left + labelWidth + 8, w.y, valueWidth, BODY);
  w.space(height + 3);
}

/** A table with its caption; the header row is repeated after a page break; numbers right-aligned. */
function grid(w: DocumentWriter, caption: string, cols: readonly Col[], rows: readonly (readonly string[])[], none: string): void {
  const total = cols.reduce((s, c) => s + c.share, 0);
  const widths = cols.map((c) => (w.width * c.share) / total);
  const xs = widths.map((_, i) => w.left + widths.slice(0, i).reduce((s, x) => s + x, 0));
  const rowHeight = (cells: readonly string[], style: TextStyle) => Math.max(...cells.map((cell, i) => w.textHeight(cell, (widths[i] ?? 0) - 2 * PAD, style))) + 2 * PAD;
  const draw = (cells: readonly string[], style: TextStyle, shaded: boolean) => {
    const height = rowHeight(cells, style);
    if (shaded) w.page.content.fillRect(w.left, w.y - height, w.width, height, COLORS.band);
    cells.forEach((cell, i) => {
      const x = (xs[i] ?? 0) + PAD;
      const width = (widths[i] ?? 0) - 2 * PAD;
      if (cols[i]?.number) {
        w.wrap(cell, width, style).forEach((line, j) => w.drawLine(w.page, line.text, x + width - w.measure(line.text, style), w.y - PAD - j * lineHeight(style), style));
      } else {
        w.drawBlock(cell, x, w.y - PAD, width, style);
      }
    });
    w.space(height);
    w.page.content.line(w.left, w.y, w.left + w.width, w.y, 0.4, COLORS.rule);
  };
  const header = cols.map((c) => c.header);
  const headerHeight = rowHeight(header, HEAD);
  const captionHeight = w.textHeight(caption, w.width, { ...SMALL, bold: true });
  w.ensure(captionHeight + headerHeight + rowHeight(rows[0] ?? [none], BODY) + 4);
  w.drawBlock(caption, w.left, w.y, w.width, { ...SMALL, bold: true });
  w.space(captionHeight + 2);
  draw(header, HEAD, true);
  if (rows.length === 0) {
    w.drawBlock(none, w.left + PAD, w.y - PAD, w.width - 2 * PAD, SMALL);
    w.space(lineHeight(SMALL) + 2 * PAD);
  }
  for (const row of rows) {
    if (w.y - rowHeight(row, BODY) < PAGE.bottom) {
      w.newPage();
      draw(header, HEAD, true);
    }
    draw(row, BODY, false);
  }
  w.space(8);
}
