import fc from 'fast-check';
import { personName } from '../../../shared/schema/common';
import { reintegrationCategories, travelDocumentStatuses } from '../../../shared/schema/intake';
import type { IntakeDocumentInput } from '../../../shared/schema/intake';

/** Names people really have: every script, combining marks, apostrophes, hyphens, one word. */
const realNames = fc.constantFrom(
  'محمد الأحمد', 'عبد الله بن عمر', 'கிருஷ்ணன் சுப்பிரமணியம்', 'ரஞ்சித்', '王小明', '欧阳娜娜', "O'Brien", 'Jean-Luc Lévesque', 'N’Golo Kanté',
  'Nguyễn Văn An', 'Zoë', 'Ἀλέξανδρος', 'Ахмед Исмаилов', 'Madonna', 'e\u0301lodie', 'Þórunn Ó Súilleabháin', 'ʻOkalani', 'X Æ A-12', '  Ana  María  ',
);
export const nameArb = fc.oneof(realNames, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 })).filter((s) => personName.safeParse(s).success);
const textArb = (max: number) => fc.string({ unit: 'grapheme', maxLength: Math.min(max, 60) }).filter((s) => s.length <= max);

const iso = (d: Date) => d.toISOString().slice(0, 10);
const dateBetween = (from: string, to: string) => fc.date({ min: new Date(`${from}T00:00:00Z`), max: new Date(`${to}T00:00:00Z`), noInvalidDate: true }).map(iso);
const yesNo = fc.constantFrom(true, false, null);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const country = fc.constantFrom('HUN', 'COL', 'MEX', 'LKA', 'CHN', 'SYR', 'SOM', 'VNM', 'RUS', 'NGA');

const facts = fc.record({
  claim: fc.record({
    outcome: maybe(fc.constantFrom('rejected', 'withdrawn', 'abandoned', 'pending', 'accepted', 'none' as const)),
    inGta: yesNo,
    // Claims from 2016 to 2019 and decisions in 2020: after every date of birth, in order.
    claimDate: maybe(dateBetween('2016-01-01', '2019-12-31')),
    decisionDate: maybe(dateBetween('2020-01-01', '2020-12-31')),
    noCredibleBasis: yesNo,
    manifestlyUnfounded: yesNo,
    radAppeal: maybe(fc.constantFrom('none', 'pending', 'dismissed', 'allowed' as const)),
  }),
  federalCourtLeaveApplied: yesNo,
  federalCourtLeaveDate: maybe(dateBetween('2020-01-01', '2021-12-31')),
  prraApplied: yesNo,
  prraDate: maybe(dateBetween('2020-01-01', '2021-12-31')),
  criminalRecord: yesNo,
  inadmissibleSecurity: yesNo,
  inadmissibleHumanRights: yesNo,
  inadmissibleOrganizedCrime: yesNo,
  prApplicationWithSpousalSponsorship: yesNo,
  compliantWithConditions: yesNo,
});

const uciArb = maybe(fc.oneof(fc.stringMatching(/^\d{8}$/), fc.stringMatching(/^\d{10}$/), fc.stringMatching(/^\d{4}-\d{4}$/)));

function personArb(relationship: 'principal' | 'spouse' | 'child' | 'other') {
  // Adults born 1930-1985, children 2000-2015: a child is never older than a parent.
  const dob = relationship === 'child' ? dateBetween('2000-01-01', '2015-12-31') : dateBetween('1930-01-01', '1985-12-31');
  return fc.record({
    id: fc.uuid({ version: 4 }),
    relationship: fc.constant(relationship),
    nameAsWritten: nameArb,
    nameLatin: nameArb,
    dateOfBirth: dob,
    nationality: country,
    uci: uciArb,
    facts,
    travelDocument: fc.record({ status: maybe(fc.constantFrom(...travelDocumentStatuses)), expiryDate: maybe(dateBetween('2015-01-01', '2035-12-31')) }),
    specialNeeds: fc.record({ medicalEscort: yesNo, nonMedicalEscort: yesNo, mobility: textArb(500), medicalConditions: textArb(2000), shareMedicalWithIom: fc.boolean() }),
  });
}

/** A valid intake (by construction, then checked against the schema by the caller). */
export const validIntake: fc.Arbitrary<IntakeDocumentInput> = fc.record({
  channel: fc.constantFrom('walk_in', 'reporting_interview', 'email', 'phone' as const),
  applicationDate: dateBetween('2021-01-01', '2026-11-20'),
  language: fc.constantFrom('en', 'fr', 'hu', 'ar', 'ta', 'zh', 'es', 'som'),
  interpreterNeeded: yesNo,
  contact: fc.record({ phone: textArb(40), email: fc.constantFrom('', 'a.person@example.org', 'x@y.ca'), address: textArb(300) }),
  persons: fc.tuple(personArb('principal'), fc.array(fc.constantFrom('spouse', 'child', 'other' as const), { maxLength: 4 })).chain(([principal, rels]) =>
    fc.tuple(...rels.map((r) => personArb(r))).map((others) => [principal, ...others]),
  ),
  travel: fc.record({ countryOfReturn: maybe(country), finalDestination: textArb(200) }),
  reintegration: fc.record({ categories: fc.subarray([...reintegrationCategories]), notes: textArb(2000) }),
});

/** One way to break a valid intake, and the field path the refusal must name. */
export const breakers: { name: string; path: (string | number)[]; apply: (d: IntakeDocumentInput) => unknown }[] = [
  { name: 'date of birth in the future', path: ['persons', 0, 'dateOfBirth'], apply: (d) => setPerson(d, 0, { dateOfBirth: '2999-01-01' }) },
  { name: 'impossible date', path: ['persons', 0, 'dateOfBirth'], apply: (d) => setPerson(d, 0, { dateOfBirth: '2023-02-29' }) },
  { name: 'empty Latin name', path: ['persons', 0, 'nameLatin'], apply: (d) => setPerson(d, 0, { nameLatin: '   ' }) },
  { name: 'control character in a name', path: ['persons', 0, 'nameAsWritten'], apply: (d) => setPerson(d, 0, { nameAsWritten: 'Ana\u0007' }) },
  { name: 'lower-case country code', path: ['persons', 0, 'nationality'], apply: (d) => setPerson(d, 0, { nationality: 'hun' }) },
  { name: 'short UCI', path: ['persons', 0, 'uci'], apply: (d) => setPerson(d, 0, { uci: '1234' }) },
  { name: 'bad e-mail', path: ['contact', 'email'], apply: (d) => ({ ...d, contact: { ...d.contact, email: 'not-an-address@' } }) },
  { name: 'language in capitals', path: ['language'], apply: (d) => ({ ...d, language: 'EN' }) },
  { name: 'no person', path: ['persons'], apply: (d) => ({ ...d, persons: [] }) },
  { name: 'first person not the principal', path: ['persons', 0, 'relationship'], apply: (d) => setPerson(d, 0, { relationship: 'spouse' }) },
  { name: 'decision before claim', path: ['persons', 0, 'facts', 'claim', 'decisionDate'], apply: (d) => setFacts(d, { claimDate: '2019-05-01', decisionDate: '2018-05-01' }) },
  { name: 'child older than the principal', path: ['persons', 1, 'dateOfBirth'], apply: (d) => ({ ...d, persons: [d.persons[0], { ...d.persons[0], id: '6f1c5f6e-2b7a-4f7e-9a57-0b5d1c2e3f40', relationship: 'child', dateOfBirth: '1920-01-01' }] }) },
  { name: 'unknown channel', path: ['channel'], apply: (d) => ({ ...d, channel: 'fax' }) },
  { name: 'unknown reintegration category', path: ['reintegration', 'categories', 0], apply: (d) => ({ ...d, reintegration: { ...d.reintegration, categories: ['cash'] } }) },
];

function setPerson(d: IntakeDocumentInput, i: number, patch: Record<string, unknown>): unknown {
  return { ...d, persons: d.persons.map((p, j) => (j === i ? { ...p, ...patch } : p)) };
}
function setFacts(d: IntakeDocumentInput, claim: Record<string, unknown>): unknown {
  return { ...d, persons: d.persons.map((p, j) => (j === 0 ? { ...p, facts: { ...p.facts, claim: { ...p.facts.claim, ...claim } } } : p)) };
}
