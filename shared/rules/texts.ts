/**
 * One English and one French sentence per reason code, about the person in the third person
 * ("The person meets…", "La personne remplit…"): officers read them on screen and IOM reads
 * them on the referral packet. Also the policy reference of each code, and labels of the facts
 * (for "what is missing").
 */
import type { Outcome, ReasonCode } from './codes';
import type { FactPath } from './facts';

export type Lang = 'en' | 'fr';

export interface TextVars {
  /** Application date (ISO). */
  readonly date?: string;
  readonly amount?: number | null;
  readonly country?: string;
  /** Last day of the transition (ISO). */
  readonly until?: string;
  readonly gta?: readonly string[];
  readonly missing?: readonly FactPath[];
  readonly people?: readonly { readonly id: string; readonly outcome: Outcome }[];
}

export const FACT_LABELS: { readonly [K in FactPath]: { readonly en: string; readonly fr: string } } = {
  applicationDate: { en: 'the date of the AVRR application', fr: 'la date de la demande ARVR' },
  persons: { en: 'the people in the case', fr: 'les personnes visées par le dossier' },
  nationality: { en: 'nationality', fr: 'la nationalité' },
  'claim.outcome': { en: 'the outcome of the refugee claim', fr: 'le résultat de la demande d\'asile' },
  'claim.inGta': { en: 'whether the claim was made in or around the GTA', fr: 'si la demande d\'asile a été présentée dans la région du Grand Toronto' },
  'claim.noCredibleBasis': { en: 'whether the claim was found to have no credible basis', fr: 'si la demande d\'asile a été jugée sans minimum de fondement' },
  'claim.manifestlyUnfounded': { en: 'whether the claim was found manifestly unfounded', fr: 'si la demande d\'asile a été jugée manifestement infondée' },
  'claim.radAppeal': { en: 'the status of any Refugee Appeal Division appeal', fr: 'l\'état de tout appel à la Section d\'appel des réfugiés' },
  federalCourtLeaveApplied: { en: 'whether Federal Court leave was applied for', fr: 'si une autorisation de la Cour fédérale a été demandée' },
  prraApplied: { en: 'whether a pre-removal risk assessment (PRRA) was applied for', fr: 'si un examen des risques avant renvoi (ERAR) a été demandé' },
  criminalRecord: { en: 'whether there is a criminal record', fr: 'l\'existence d\'un casier judiciaire' },
  inadmissibleSecurity: { en: 'inadmissibility on security grounds', fr: 'l\'interdiction de territoire pour raison de sécurité' },
  inadmissibleHumanRights: { en: 'inadmissibility for human or international rights violations', fr: 'l\'interdiction de territoire pour atteinte aux droits humains ou internationaux' },
  inadmissibleOrganizedCrime: { en: 'inadmissibility for organized criminality', fr: 'l\'interdiction de territoire pour criminalité organisée' },
  prApplicationWithSpousalSponsorship: {
    en: 'whether a permanent residence application with a spousal sponsorship is outstanding',
    fr: 'l\'existence d\'une demande de résidence permanente en cours avec parrainage d\'un époux ou conjoint',
  },
  compliantWithConditions: { en: 'compliance with the conditions set by the Government of Canada', fr: 'le respect des conditions fixées par le gouvernement du Canada' },
};

export const OUTCOME_LABELS: { readonly [K in Outcome]: { readonly en: string; readonly fr: string } } = {
  eligible: { en: 'eligible', fr: 'admissible' },
  ineligible: { en: 'not eligible', fr: 'non admissible' },
  needs_review: { en: 'needs supervisor review', fr: 'à examiner par un superviseur' },
};

/** "$2,000" / "2 000 $". */
export function formatCad(amount: number, lang: Lang): string {
  const digits = String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'en' ? ',' : '\u00a0');
  return lang === 'en' ? `$${digits}` : `${digits}\u00a0$`;
}

const on = (v: TextVars, lang: Lang) => (v.date ? (lang === 'en' ? ` on ${v.date}` : ` au ${v.date}`) : '');
const amt = (v: TextVars, lang: Lang) =>
  typeof v.amount === 'number' ? formatCad(v.amount, lang) : lang === 'en' ? 'the amount set for this tier' : 'le montant prévu pour ce palier';
const list = (v: TextVars, lang: Lang) => (v.missing ?? []).map((p) => FACT_LABELS[p][lang]).join(lang === 'en' ? '; ' : ' ; ');
const people = (v: TextVars, lang: Lang) =>
  (v.people ?? []).map((p) => `${p.id}: ${OUTCOME_LABELS[p.outcome][lang]}`).join(', ');

type Template = (v: TextVars) => string;

export const TEXTS: { readonly [K in ReasonCode]: { readonly en: Template; readonly fr: Template } } = {
  E0: {
    en: (v) => `The person meets every condition of the AVRR programme${on(v, 'en')} and no exclusion applies to them.`,
    fr: (v) => `La personne remplit toutes les conditions du programme ARVR${on(v, 'fr')} et aucune exclusion ne s'applique à elle.`,
  },
  E1: {
    en: () => 'The person is not a failed refugee claimant: the programme is only for people whose refugee claim was rejected.',
    fr: () => 'La personne n\'est pas un demandeur d\'asile débouté : le programme s\'adresse seulement aux personnes dont la demande d\'asile a été rejetée.',
  },
  E2: {
    en: (v) => `The person's refugee claim was not made in or around the Greater Toronto Area${v.gta ? ` (${v.gta.join(', ')})` : ''}.`,
    fr: (v) => `La demande d'asile de la personne n'a pas été présentée dans la région du Grand Toronto ou ses environs${v.gta ? ` (${v.gta.join(', ')})` : ''}.`,
  },
  E3: {
    en: () => 'The person does not meet all the terms and conditions set by the Government of Canada (for example their reporting or release conditions).',
    fr: () => 'La personne ne respecte pas toutes les conditions fixées par le gouvernement du Canada (par exemple ses conditions de présentation ou de mise en liberté).',
  },
  X1: {
    en: () => 'The person\'s refugee claim was withdrawn or abandoned.',
    fr: () => 'La demande d\'asile de la personne a été retirée, ou la personne s\'en est désistée.',
  },
  X2: {
    en: () => 'The person\'s refugee claim was rejected as having no credible basis.',
    fr: () => 'La demande d\'asile de la personne a été rejetée pour absence de minimum de fondement.',
  },
  X3: { en: () => 'The person has a criminal record.', fr: () => 'La personne a un casier judiciaire.' },
  X4: {
    en: () => 'The person is inadmissible to Canada on security grounds.',
    fr: () => 'La personne est interdite de territoire au Canada pour raison de sécurité.',
  },
  X5: {
    en: () => 'The person is inadmissible to Canada for violating human or international rights.',
    fr: () => 'La personne est interdite de territoire au Canada pour atteinte aux droits humains ou internationaux.',
  },
  X6: {
    en: () => 'The person is inadmissible to Canada for organized criminality.',
    fr: () => 'La personne est interdite de territoire au Canada pour criminalité organisée.',
  },
  X7: {
    en: () => 'The person has an outstanding application for permanent residence together with a spousal sponsorship application.',
    fr: () => 'La personne a une demande de résidence permanente en cours, accompagnée d\'une demande de parrainage d\'un époux ou conjoint de fait.',
  },
  W1: {
    en: (v) => `The AVRR programme was not accepting applications${on(v, 'en')}.`,
    fr: (v) => `Le programme ARVR n'acceptait pas de demandes${on(v, 'fr')}.`,
  },
  R1: {
    en: () => 'The person\'s refugee claim was found manifestly unfounded; a supervisor must review the case before a decision is made.',
    fr: () => 'La demande d\'asile de la personne a été jugée manifestement infondée ; un superviseur doit examiner le dossier avant qu\'une décision soit prise.',
  },
  R2: {
    en: (v) => `The members of the family do not have the same outcome${v.people ? ` (${people(v, 'en')})` : ''}; a family leaves together, so a supervisor must review the case.`,
    fr: (v) => `Les membres de la famille n'obtiennent pas le même résultat${v.people ? ` (${people(v, 'fr')})` : ''} ; une famille part ensemble, donc un superviseur doit examiner le dossier.`,
  },
  R3: {
    en: (v) => `Some information is still missing${v.missing ? ` (${list(v, 'en')})` : ''}; no decision can be made until it is known.`,
    fr: (v) => `Certains renseignements manquent encore${v.missing ? ` (${list(v, 'fr')})` : ''} ; aucune décision ne peut être prise avant qu'ils soient connus.`,
  },
  A0: {
    en: (v) => `The amount of reintegration assistance cannot be set until this is known${v.missing ? `: ${list(v, 'en')}` : ''}.`,
    fr: (v) => `Le montant de l'aide à la réintégration ne peut être fixé avant que ceci soit connu${v.missing ? ` : ${list(v, 'fr')}` : ''}.`,
  },
  A1: {
    en: (v) => `The person had not applied for Federal Court leave${on(v, 'en')}: in-kind reintegration assistance of up to ${amt(v, 'en')}.`,
    fr: (v) => `La personne n'avait pas demandé l'autorisation de la Cour fédérale${on(v, 'fr')} : aide à la réintégration en nature jusqu'à ${amt(v, 'fr')}.`,
  },
  A2: {
    en: (v) => `The person had applied for Federal Court leave but not for a pre-removal risk assessment (PRRA)${on(v, 'en')}: in-kind reintegration assistance of up to ${amt(v, 'en')}.`,
    fr: (v) => `La personne avait demandé l'autorisation de la Cour fédérale, mais pas d'examen des risques avant renvoi (ERAR)${on(v, 'fr')} : aide à la réintégration en nature jusqu'à ${amt(v, 'fr')}.`,
  },
  A3: {
    en: (v) => `The person had applied for a pre-removal risk assessment (PRRA)${on(v, 'en')}: in-kind reintegration assistance of up to ${amt(v, 'en')}.`,
    fr: (v) => `La personne avait demandé un examen des risques avant renvoi (ERAR)${on(v, 'fr')} : aide à la réintégration en nature jusqu'à ${amt(v, 'fr')}.`,
  },
  A4: {
    en: (v) => `The person is a national of a Designated Country of Origin${v.country ? ` (${v.country})` : ''}${on(v, 'en')}: in-kind reintegration assistance of up to ${amt(v, 'en')}.`,
    fr: (v) => `La personne est ressortissante d'un pays d'origine désigné${v.country ? ` (${v.country})` : ''}${on(v, 'fr')} : aide à la réintégration en nature jusqu'à ${amt(v, 'fr')}.`,
  },
  A5: {
    en: (v) => `The person applied on or before ${v.until ?? 'the end of the transition'}, so they get in-kind reintegration assistance of up to ${amt(v, 'en')} whatever their recourse.`,
    fr: (v) => `La personne a présenté sa demande au plus tard le ${v.until ?? 'dernier jour de la transition'} : aide à la réintégration en nature jusqu'à ${amt(v, 'fr')}, quels que soient ses recours.`,
  },
};

/** The policy reference of each code (which rule of which document). */
export const REFERENCES: { readonly [K in ReasonCode]: string } = {
  E0: 'AVRR policy brief §3 (E1-E3, X1-X7); seed 000',
  E1: 'AVRR policy brief §3 E1: failed refugee claimant (negative refugee decision); seed 000',
  E2: 'AVRR policy brief §3 E2: claim made in or around the GTA; seed 000; IRCC operational bulletin 436; ENF 34',
  E3: 'AVRR policy brief §3 E3: meets all terms and conditions set by the Government of Canada; seed 000; bulletin 436',
  X1: 'AVRR policy brief §3 X1: claim withdrawn or abandoned; seed 000',
  X2: 'AVRR policy brief §3 X2: no credible basis, IRPA s.107(2); seed 000',
  X3: 'AVRR policy brief §3 X3: criminal record, IRPA s.36; seed 000',
  X4: 'AVRR policy brief §3 X4: security, IRPA s.34; seed 000',
  X5: 'AVRR policy brief §3 X5: human or international rights violations, IRPA s.35; seed 000',
  X6: 'AVRR policy brief §3 X6: organized criminality, IRPA s.37; seed 000',
  X7: 'AVRR policy brief §3 X7: permanent residence application with spousal sponsorship; seed 000',
  W1: 'AVRR policy brief §3 programme window; seed 003 (pilot from 29 June 2012)',
  R1: 'AVRR policy brief §3 note: manifestly unfounded, IRPA s.107.1, supervisor review (office default)',
  R2: 'AVRR policy brief §3 note: families depart as a unit (bulletin 436), mixed outcomes go to supervisor review',
  R3: 'AVRR policy brief §3 note: unknown answers never give "eligible"',
  A0: 'AVRR policy brief §4: the tier depends on nationality (DCO) and recourse on the application date',
  A1: 'AVRR policy brief §4 tier T1; seed 003; press reports July 2012',
  A2: 'AVRR policy brief §4 tier T2; seed 003; press reports July 2012',
  A3: 'AVRR policy brief §4 tier T3; seed 003; press reports July 2012',
  A4: 'AVRR policy brief §4 DCO nationals; seed 003 (non-DCO offer); CBSA evaluation reporting ($500)',
  A5: 'AVRR policy brief §4 transition (on or before 13 July 2012); press reports July 2012',
};

/** The sentence for a reason code in a language; `vars` fill in dates, amounts and lists. */
export function reasonText(code: ReasonCode, lang: Lang, vars: TextVars = {}): string {
  return TEXTS[code][lang](vars);
}
