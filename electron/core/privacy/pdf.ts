import { z } from 'zod';
import { reintegrationCategories } from '../../../shared/schema/intake';
import { travelDocumentTypes } from '../../../shared/schema/stages';
import type { InformationRequest, InformationRequestReason, StaffRef } from '../../../shared/schema/information-request';
import type { FontSet } from '../documents/fonts/registry';
import { faceFor, loadFontSet } from '../documents/fonts/registry';
import { decoratePages } from '../documents/layout/decorate';
import type { DocumentWriter, TextStyle } from '../documents/layout/writer';
import { BODY, COLORS, DocumentWriter as Writer, PAGE, SMALL, lineHeight } from '../documents/layout/writer';
import { checkPrintable } from '../documents/text/coverage';
import { reportText } from '../reports/text';
import type { Translate } from '../reports/text';

/**
 * The information request as a PDF, in English and French together (each label and each coded
 * value in both, the language of the request first; reasons in both), laid out with the
 * document engine's writer and page decoration (security marking, running title, page i of n).
 * Signed by the caller when the office has a certificate; the first page says whether it is.
 * Text no bundled font can draw (a file name in an unsupported script) is printed as its code
 * points, never as empty boxes; the JSON file keeps it as written.
 */
export interface InformationPdfOptions {
  lang: 'en' | 'fr';
  now: Date;
  /** The active certificate's subject, or null: the PDF says it is not signed. */
  signedBy: string | null;
  fontsDir?: string | undefined;
}

const PROGRAMME: TextStyle = { size: 8.5, color: COLORS.muted };
const TITLE: TextStyle = { size: 15, bold: true };
const HEADING: TextStyle = { size: 11, bold: true, color: COLORS.accent };
const SUBHEADING: TextStyle = { size: 9.5, bold: true };
const HEAD: TextStyle = { size: 7.5, bold: true, color: COLORS.muted };
const CELL: TextStyle = { size: 7.5 };
const PAD = 3;

type Field = [label: string, value: string];
interface Col {
  header: string;
  share: number;
}
type Part =
  | { kind: 'fields'; title?: string; fields: Field[] }
  | { kind: 'text'; text: string }
  | { kind: 'table'; cols: Col[]; rows: string[][] };
interface Section {
  title: string;
  parts: Part[];
}
interface Blocks {
  title: string;
  programme: string;
  reference: string;
  intro: string;
  about: Field[];
  sections: Section[];
}

export async function renderInformationPdf(data: InformationRequest, opts: InformationPdfOptions): Promise<Uint8Array> {
  const fonts = loadFontSet(opts.fontsDir);
  const blocks = printable(informationBlocks(data, opts), fonts);
  const faces = checkPrintable(blocks, fonts);
  const w = await Writer.create(fonts, faces, { title: blocks.title, subject: blocks.reference, createdAt: opts.now });
  w.doc.setLanguage(opts.lang === 'fr' ? 'fr-CA' : 'en-CA');

  w.space(w.drawBlock(blocks.programme, w.left, w.y, w.width, PROGRAMME) + 4);
  w.space(w.drawBlock(blocks.title, w.left, w.y, w.width, TITLE) + 4);
  w.rule(COLORS.accent, 1.2);
  w.space(10);
  w.paragraph(blocks.intro);
  w.space(8);
  for (const [label, value] of blocks.about) field(w, label, value);

  for (const section of blocks.sections) {
    heading(w, section.title);
    for (const part of section.parts) {
      if (part.kind === 'fields') {
        if (part.title !== undefined) subheading(w, part.title);
        for (const [label, value] of part.fields) field(w, label, value);
        w.space(4);
      } else if (part.kind === 'text') {
        w.paragraph(part.text);
        w.space(4);
      } else {
        grid(w, part.cols, part.rows);
      }
    }
  }
  decoratePages(w, { runningTitle: blocks.reference, reference: blocks.reference });
  return w.save();
}

/** The words of the document: each label in both languages, the request's first. */
function informationBlocks(d: InformationRequest, opts: InformationPdfOptions): Blocks {
  const first = reportText(opts.lang);
  const second = reportText(opts.lang === 'en' ? 'fr' : 'en');
  const both: Translate = (key, params) => `${first(key, params)} / ${second(key, params)}`;
  const p = (key: string, params?: Record<string, string | number>) => both(`privacyRequest.${key}`, params);
  const yesNo = (v: boolean | null) => both(v === null ? 'answer.unknown' : v ? 'answer.yes' : 'answer.no');
  const text = (s: string | null) => (s === null || s.trim() === '' ? p('person.none') : s);
  const date = (s: string | null) => s ?? p('person.none');
  const who = (s: StaffRef) => (s === null ? p('system') : `${s.displayName} (${s.username})`);
  const at = (iso: string) => iso.replace('T', ' ').replace(/\.\d{3}Z$/, 'Z');
  const nameOf = new Map(d.persons.map((x) => [x.id, x.nameAsWritten === x.nameLatin ? x.nameLatin : `${x.nameLatin} (${x.nameAsWritten})`]));
  const personName = (id: string) => nameOf.get(id) ?? id;
  const reasonText = (r: InformationRequestReason) => `${r.code} — ${opts.lang === 'en' ? r.text.en : r.text.fr}\n${opts.lang === 'en' ? r.text.fr : r.text.en}\n${r.reference}`;
  const cad = (n: number | null) => (n === null ? p('person.none') : String(n));

  const persons: Part[] = d.persons.map((x) => {
    const f = x.facts;
    return {
      kind: 'fields',
      title: personName(x.id),
      fields: [
        [p('person.id'), x.id],
        [both('person.relationship'), both(`relationship.${x.relationship}`)],
        [both('person.nameAsWritten'), x.nameAsWritten],
        [both('person.nameLatin'), x.nameLatin],
        [both('person.dateOfBirth'), x.dateOfBirth],
        [both('person.nationality'), x.nationality],
        [both('person.uci'), text(x.uci)],
        [both('facts.claimOutcome'), f.claim.outcome === null ? both('answer.unknown') : both(`claimOutcome.${f.claim.outcome}`)],
        [both('facts.inGta'), yesNo(f.claim.inGta)],
        [both('facts.claimDate'), date(f.claim.claimDate)],
        [both('facts.decisionDate'), date(f.claim.decisionDate)],
        [both('facts.noCredibleBasis'), yesNo(f.claim.noCredibleBasis)],
        [both('facts.manifestlyUnfounded'), yesNo(f.claim.manifestlyUnfounded)],
        [both('facts.radAppeal'), f.claim.radAppeal === null ? both('answer.unknown') : both(`rad.${f.claim.radAppeal}`)],
        [both('facts.federalCourtLeaveApplied'), yesNo(f.federalCourtLeaveApplied)],
        [both('facts.federalCourtLeaveDate'), date(f.federalCourtLeaveDate)],
        [both('facts.prraApplied'), yesNo(f.prraApplied)],
        [both('facts.prraDate'), date(f.prraDate)],
        [both('facts.criminalRecord'), yesNo(f.criminalRecord)],
        [both('facts.inadmissibleSecurity'), yesNo(f.inadmissibleSecurity)],
        [both('facts.inadmissibleHumanRights'), yesNo(f.inadmissibleHumanRights)],
        [both('facts.inadmissibleOrganizedCrime'), yesNo(f.inadmissibleOrganizedCrime)],
        [both('facts.prApplicationWithSpousalSponsorship'), yesNo(f.prApplicationWithSpousalSponsorship)],
        [both('facts.compliantWithConditions'), yesNo(f.compliantWithConditions)],
        [p('person.travelDocument'), x.travelDocument.status === null ? both('answer.unknown') : both(`travel.status.${x.travelDocument.status}`)],
        [both('travel.expiryDate'), date(x.travelDocument.expiryDate)],
        [both('needs.medicalEscort'), yesNo(x.specialNeeds.medicalEscort)],
        [both('needs.nonMedicalEscort'), yesNo(x.specialNeeds.nonMedicalEscort)],
        [both('needs.mobility'), text(x.specialNeeds.mobility)],
        [both('needs.medicalConditions'), text(x.specialNeeds.medicalConditions)],
        [both('needs.shareMedicalWithIom'), yesNo(x.specialNeeds.shareMedicalWithIom)],
      ],
    };
  });

  const cf = d.caseFacts;
  const caseFacts: Part = {
    kind: 'fields',
    fields: [
      [both('intake.applicationDate'), cf.applicationDate],
      [both('case.channel'), both(`channel.${cf.channel}`)],
      [both('intake.language'), cf.language],
      [both('intake.interpreterNeeded'), yesNo(cf.interpreterNeeded)],
      [both('intake.interpreterName'), text(cf.interpreterName)],
      [both('intake.phone'), text(cf.contact.phone)],
      [both('intake.email'), text(cf.contact.email)],
      [both('intake.address'), text(cf.contact.address)],
      [both('travel.countryOfReturn'), text(cf.travel.countryOfReturn)],
      [both('travel.finalDestination'), text(cf.travel.finalDestination)],
      [both('reintegration.categories'), cf.reintegration.categories.length === 0 ? p('none') : cf.reintegration.categories.map((c) => both(`reintegration.category.${c}`)).join('\n')],
      [both('reintegration.notes'), text(cf.reintegration.notes)],
    ],
  };

  const decisions: Part[] =
    d.decisions.length === 0
      ? [{ kind: 'text', text: p('decision.none') }]
      : d.decisions.flatMap((x): Part[] => {
          const head: Field[] = [
            [p('decision.state'), p(x.inForce ? 'decision.inForce' : 'decision.replaced')],
            [p('decision.outcome'), both(`outcome.${x.outcome}`)],
            [p('decision.policy'), x.policyVersion],
            [p('decision.decidedBy'), `${who(x.decidedBy)}, ${at(x.decidedAt)}`],
          ];
          if (x.caseReasons.length > 0) head.push([p('decision.caseReasons'), x.caseReasons.map(reasonText).join('\n\n')]);
          const parts: Part[] = [{ kind: 'fields', title: `${p('decision.heading')} — ${at(x.decidedAt)}`, fields: head }];
          for (const pd of x.persons) {
            const fields: Field[] = [
              [p('decision.personResult'), both(`outcome.${pd.outcome}`)],
              [p('decision.reasons'), pd.reasons.length === 0 ? p('none') : pd.reasons.map(reasonText).join('\n\n')],
              [p('decision.missing'), pd.missing.length === 0 ? p('none') : pd.missing.join(', ')],
              [p('decision.tier'), pd.assistance.tier ?? p('person.none')],
              [p('decision.maxAmount'), cad(pd.assistance.maxAmountCad)],
            ];
            if (pd.assistance.basis) fields.push([p('decision.basis'), reasonText(pd.assistance.basis)]);
            parts.push({ kind: 'fields', title: `${personName(pd.personId)} — ${p('decision.personOutcome')}`, fields });
          }
          if (x.review) {
            const r = x.review;
            const fields: Field[] = [
              [p('decision.outcome'), both(`outcome.${r.outcome}`)],
              [p('decision.reviewReason'), r.reason],
              [p('decision.exclusionOverride'), yesNo(r.exclusionOverride)],
              [p('decision.reviewedBy'), `${who(r.reviewedBy)}, ${at(r.reviewedAt)}`],
              ...r.persons.map((rp): Field => [`${personName(rp.personId)} — ${p('decision.reviewPerson')}`, `${both(`outcome.${rp.outcome}`)}; ${p('decision.tier')}: ${rp.tier ?? '—'}; ${p('decision.maxAmount')}: ${cad(rp.maxAmountCad)}`]),
            ];
            parts.push({ kind: 'fields', title: p('decision.review'), fields });
          }
          if (x.reopen) parts.push({ kind: 'fields', title: p('decision.reopened'), fields: [[p('decision.reopenReason'), x.reopen.reason], [p('col.by'), `${who(x.reopen.by)}, ${at(x.reopen.at)}`]] });
          return parts;
        });

  const table = (cols: Col[], rows: string[][]): Part[] => (rows.length === 0 ? [{ kind: 'text', text: p('none') }] : [{ kind: 'table', cols, rows }]);
  const c = d.case;
  return {
    title: p('title'),
    programme: p('programme'),
    reference: p('reference', { caseNumber: c.caseNumber }),
    intro: `${first('privacyRequest.intro', { withheld: d.withheld })}\n${second('privacyRequest.intro', { withheld: d.withheld })}`,
    about: [
      [p('about.case'), c.caseNumber],
      [p('about.persons'), d.persons.map((x) => personName(x.id)).join('\n')],
      [p('about.status'), both(`status.${c.status}`)],
      [p('about.made'), at(d.generatedAt)],
      [p('about.madeBy'), who(d.generatedBy)],
      [p('about.signature'), opts.signedBy === null ? p('unsigned') : `${p('signed')}:\n${opts.signedBy}`],
    ],
    sections: [
      { title: p('section.persons'), parts: persons },
      { title: p('section.caseFacts'), parts: [caseFacts] },
      { title: p('section.decisions'), parts: decisions },
      {
        title: p('section.documents'),
        parts: table(
          [
            { header: p('col.number'), share: 2.2 },
            { header: p('col.type'), share: 2 },
            { header: p('col.date'), share: 1.6 },
            { header: p('col.by'), share: 1.6 },
            { header: p('col.hashes'), share: 3.6 },
          ],
          d.documents.map((x) => [
            `${x.number}\nv${x.version}${x.signed ? ` · ${p('col.signed')}` : ''}`,
            both(`documents.types.${x.type}`) + (x.supersededAt ? `\n${p('superseded')}: ${at(x.supersededAt)}` : ''),
            at(x.generatedAt),
            who(x.generatedBy),
            x.contentHash ? `${x.sha256}\n${p('contentHash')}:\n${x.contentHash}` : x.sha256,
          ]),
        ),
      },
      {
        title: p('section.attachments'),
        parts: table(
          [
            { header: p('col.kind'), share: 1.8 },
            { header: p('col.file'), share: 2.2 },
            { header: p('col.date'), share: 1.6 },
            { header: p('col.size'), share: 1 },
            { header: p('col.hashes'), share: 3.4 },
          ],
          d.attachments.map((x) => [both(`attachments.kind.${x.kind}`), `${x.fileName}\n${x.mediaType}`, `${at(x.addedAt)}\n${who(x.addedBy)}`, String(x.size), x.sha256]),
        ),
      },
      {
        title: p('section.consents'),
        parts: table(
          [
            { header: p('col.number'), share: 2 },
            { header: p('col.signedOn'), share: 1.2 },
            { header: p('col.signers'), share: 4 },
            { header: p('col.by'), share: 2 },
          ],
          d.consents.map((x) => [
            x.documentNumber,
            x.signedOn,
            x.signers.map((s) => (s.signedBy === 'self' || s.guardianName === null ? `${personName(s.personId)}: ${p('signer.self')}` : `${personName(s.personId)}: ${p('signer.guardian')}: ${s.guardianName}`)).join('\n') || p('none'),
            `${who(x.recordedBy)}\n${at(x.recordedAt)}`,
          ]),
        ),
      },
      {
        title: p('section.stages'),
        parts: table(
          [
            { header: p('col.seq'), share: 0.5 },
            { header: p('col.stage'), share: 2.2 },
            { header: p('col.date'), share: 1.3 },
            { header: p('col.details'), share: 4 },
            { header: p('col.by'), share: 1.8 },
          ],
          d.stages.map((x) => [
            String(x.seq),
            `${both(`stages.action.${x.action}`)}\n${both(`status.${x.statusBefore}`)} → ${both(`status.${x.statusAfter}`)}`,
            `${x.occurredOn}\n${both(`history.source.${x.source}`)}`,
            [
              // The reason of a no-show or of IOM declining is the entry's own reason too: said once.
              ...detailLines(x.details, both, personName).filter((line) => x.reason === null || line !== `${p('reason')}: ${x.reason}`),
              ...(x.reason ? [`${p('reason')}: ${x.reason}`] : []),
              ...(x.correctsSeq !== null ? [`${p('corrects')}: ${x.correctsSeq}`] : []),
              ...(x.correctedBySeq !== null ? [`${p('correctedBy')}: ${x.correctedBySeq}`] : []),
            ].join('\n'),
            `${who(x.recordedBy)}\n${at(x.recordedAt)}`,
          ]),
        ),
      },
      {
        title: p('section.appointments'),
        parts: table(
          [
            { header: p('col.date'), share: 1.8 },
            { header: p('col.kind'), share: 1.8 },
            { header: p('col.status'), share: 1.8 },
            { header: p('col.by'), share: 2.2 },
            { header: p('col.details'), share: 2.4 },
          ],
          d.appointments.map((x) => [
            `${x.localDate} ${x.localTime}\n${x.timeZone}, ${x.minutes} min`,
            both(`appointments.kinds.${x.kind}`),
            both(`appointments.statuses.${x.status}`),
            `${who(x.bookedBy)}\n${at(x.bookedAt)}`,
            [x.statusAt ? `${who(x.statusBy)}, ${at(x.statusAt)}` : '', x.reason ? `${p('reason')}: ${x.reason}` : ''].filter((s) => s !== '').join('\n'),
          ]),
        ),
      },
      {
        title: p('section.access'),
        parts: table(
          [
            { header: p('col.when'), share: 1.7 },
            { header: p('col.who'), share: 2.2 },
            { header: p('col.role'), share: 2.1 },
            { header: p('col.action'), share: 1.7 },
            { header: p('col.outcome'), share: 1.2 },
            { header: p('col.workstation'), share: 1.3 },
          ],
          d.accessLog.map((x) => [
            at(x.at),
            x.username === null ? p('system') : x.displayName === null ? x.username : `${x.displayName} (${x.username})`,
            x.role === null ? '—' : both(`role.${x.role}`),
            x.action,
            p(`auditOutcome.${x.outcome}`),
            x.workstation,
          ]),
        ),
      },
    ],
  };
}

/** The labels of a stage's recorded facts (the stage form's own words), by field. */
const STAGE_FIELD: Readonly<Record<string, string>> = {
  iomReference: 'stages.field.iomReference',
  outcome: 'stages.field.outcome',
  flightDate: 'stages.field.flightDate',
  departureAirport: 'stages.field.departureAirport',
  itineraryReference: 'stages.field.itineraryReference',
  place: 'stages.field.place',
  notes: 'stages.field.notes',
  reason: 'privacyRequest.reason',
};
const travelDocumentLine = z.object({ personId: z.string(), type: z.enum(travelDocumentTypes), number: z.string(), expiryDate: z.string() });
const assistanceLine = z.object({ personId: z.string(), category: z.enum(reintegrationCategories), committedCad: z.number(), deliveredCad: z.number() });

/**
 * A stage's recorded facts, one "label: value" per line, in both languages; the per-person lines
 * (travel documents, assistance) one per line, the person by name. A field this file does not
 * know yet is still printed, under its code name.
 */
function detailLines(details: Record<string, unknown>, both: Translate, personName: (id: string) => string): string[] {
  const show = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : v === null ? '—' : JSON.stringify(v));
  return Object.entries(details)
    .filter(([key, v]) => key !== 'action' && !(typeof v === 'string' && v === ''))
    .flatMap(([key, v]) => {
      if (!Array.isArray(v)) {
        const label = STAGE_FIELD[key];
        const value = key === 'outcome' && typeof v === 'string' ? both(`stages.outcome.${v}`) : show(v);
        return [`${label ? both(label) : key}: ${value}`];
      }
      return v.map((item: unknown) => {
        const doc = travelDocumentLine.safeParse(item);
        if (doc.success) return `${personName(doc.data.personId)}: ${both(`stages.documentType.${doc.data.type}`)} ${doc.data.number}; ${both('travel.expiryDate')}: ${doc.data.expiryDate}`;
        const help = assistanceLine.safeParse(item);
        if (help.success) {
          const h = help.data;
          return `${personName(h.personId)}: ${both(`reintegration.category.${h.category}`)}; ${both('assistance.committed')}: ${h.committedCad} CAD; ${both('assistance.delivered')}: ${h.deliveredCad} CAD`;
        }
        return `${key}: ${show(item)}`;
      });
    });
}

/** Replaces each character no bundled font draws by its code point (U+1200), in every string. */
function printable<T>(value: T, fonts: FontSet): T {
  const fix = (v: unknown): unknown => {
    if (typeof v === 'string') {
      let out = '';
      for (const ch of v.normalize('NFC')) {
        const cp = ch.codePointAt(0) ?? 0;
        out += ch === '\n' || ch === '\r' || ch === '\t' || faceFor(fonts, cp) !== null ? ch : `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
      }
      return out;
    }
    if (Array.isArray(v)) return v.map(fix);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fix(x)]));
    return v;
  };
  // Same shape, strings replaced: the type is unchanged.
  return fix(value) as T;
}

function heading(w: DocumentWriter, title: string): void {
  // With room for a few lines (or a table header and its first rows) under it: never alone at the foot of a page.
  w.ensure(lineHeight(HEADING) + 100);
  w.space(8);
  w.drawLine(w.page, title, w.left, w.y, HEADING);
  w.space(lineHeight(HEADING) + 1);
  w.rule();
  w.space(6);
}

function subheading(w: DocumentWriter, title: string): void {
  const h = w.textHeight(title, w.width, SUBHEADING);
  w.ensure(h + 40);
  w.space(2);
  w.space(w.drawBlock(title, w.left, w.y, w.width, SUBHEADING) + 3);
}

/** A label and its value; a value taller than the page breaks between its lines. */
function field(w: DocumentWriter, label: string, value: string): void {
  const labelWidth = 170;
  const valueWidth = w.width - labelWidth - 8;
  const labelLines = w.wrap(label, labelWidth, SMALL);
  const valueLines = w.wrap(value, valueWidth, BODY);
  w.ensure(Math.max(labelLines.length * lineHeight(SMALL), lineHeight(BODY)) + 3);
  const top = w.y;
  const startPage = w.page;
  labelLines.forEach((l, i) => w.drawLine(startPage, l.text, w.left, top - 1 - i * lineHeight(SMALL), SMALL, labelWidth, l.rtl));
  let y = top;
  for (const line of valueLines) {
    if (y - lineHeight(BODY) < PAGE.bottom) {
      w.newPage();
      y = w.y;
    }
    w.drawLine(w.page, line.text, w.left + labelWidth + 8, y, BODY, valueWidth, line.rtl);
    y -= lineHeight(BODY);
  }
  const labelBottom = top - 1 - labelLines.length * lineHeight(SMALL);
  w.y = (w.page === startPage ? Math.min(y, labelBottom) : y) - 3;
}

/** A table; the header row is repeated after a page break; a row taller than a page is split between its lines. */
function grid(w: DocumentWriter, cols: readonly Col[], rows: readonly (readonly string[])[]): void {
  const total = cols.reduce((s, c) => s + c.share, 0);
  const widths = cols.map((c) => (w.width * c.share) / total);
  const xs = widths.map((_, i) => w.left + widths.slice(0, i).reduce((s, x) => s + x, 0));
  const cellLines = (cells: readonly string[], style: TextStyle) => cells.map((cell, i) => w.wrap(cell, (widths[i] ?? 0) - 2 * PAD, style));
  const header = cols.map((c) => c.header);
  const drawHeader = () => drawRow(w, xs, widths, cellLines(header, HEAD), HEAD, true);
  const headerHeight = Math.max(...cellLines(header, HEAD).map((l) => l.length)) * lineHeight(HEAD) + 2 * PAD;
  w.ensure(headerHeight + lineHeight(CELL) * 3 + 2 * PAD);
  drawHeader();
  for (const row of rows) {
    let lines = cellLines(row, CELL);
    for (;;) {
      const room = Math.floor((w.y - PAGE.bottom - 2 * PAD) / lineHeight(CELL));
      const need = Math.max(...lines.map((l) => l.length));
      if (need <= room) {
        drawRow(w, xs, widths, lines, CELL, false);
        break;
      }
      if (room >= 3) {
        // Part of the row here, the rest on the next page under the header again.
        drawRow(w, xs, widths, lines.map((l) => l.slice(0, room)), CELL, false);
        lines = lines.map((l) => l.slice(room));
      }
      w.newPage();
      drawHeader();
    }
  }
  w.space(8);
}

function drawRow(w: DocumentWriter, xs: readonly number[], widths: readonly number[], lines: readonly (readonly { text: string; rtl: boolean }[])[], style: TextStyle, shaded: boolean): void {
  const height = Math.max(1, ...lines.map((l) => l.length)) * lineHeight(style) + 2 * PAD;
  if (shaded) w.page.content.fillRect(w.left, w.y - height, w.width, height, COLORS.band);
  lines.forEach((cell, i) => {
    const x = (xs[i] ?? 0) + PAD;
    const width = (widths[i] ?? 0) - 2 * PAD;
    cell.forEach((line, j) => w.drawLine(w.page, line.text, x, w.y - PAD - j * lineHeight(style), style, width, line.rtl));
  });
  w.space(height);
  w.page.content.line(w.left, w.y, w.left + w.width, w.y, 0.4, COLORS.rule);
}
