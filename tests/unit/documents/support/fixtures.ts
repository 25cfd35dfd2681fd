/**
 * Document data for the tests and the benchmark: a family of six whose names are in four
 * scripts (Latin with diacritics, Arabic, Tamil, Chinese). Fictitious people.
 */
import type { ConsentFormInput, PacketPerson, ReferralPacketInput, WithdrawalInput } from '../../../../shared/schema/documents';

type PersonInput = Omit<PacketPerson, 'travelDocument' | 'specialNeeds'> & {
  travelDocument: PacketPerson['travelDocument'];
  specialNeeds: PacketPerson['specialNeeds'];
};

const T1_BASIS = {
  en: 'The person had not applied for Federal Court leave on 2013-04-02: in-kind reintegration assistance of up to $2,000.',
  fr: "La personne n'avait pas demandé l'autorisation de la Cour fédérale au 2013-04-02 : aide à la réintégration en nature jusqu'à 2 000 $.",
};

export const FAMILY: PersonInput[] = [
  {
    personId: 'P1',
    nameOwnScript: 'محمد الأحمد',
    nameLatin: 'Mohammed AL-AHMAD',
    dateOfBirth: '1979-03-14',
    nationality: 'Syria / Syrie',
    relationship: 'principal_applicant',
    minor: false,
    travelDocument: { status: 'expired_passport', notes: 'Passport expired 2023-01; renewal requested from the embassy.' },
    specialNeeds: { medicalEscort: false, nonMedicalEscort: false, notes: null },
    tier: 'T1',
    maxAssistanceCad: 2000,
    tierBasis: T1_BASIS,
  },
  {
    personId: 'P2',
    nameOwnScript: 'Nguyễn Thị Mai',
    nameLatin: 'NGUYEN Thi Mai',
    dateOfBirth: '1983-11-02',
    nationality: 'Viet Nam',
    relationship: 'spouse',
    minor: false,
    travelDocument: { status: 'valid_passport', notes: null },
    specialNeeds: { medicalEscort: true, nonMedicalEscort: false, notes: 'Insulin-dependent diabetes: needs cold storage for medication during the flight.' },
    tier: 'T1',
    maxAssistanceCad: 2000,
    tierBasis: T1_BASIS,
  },
  {
    personId: 'P3',
    nameOwnScript: 'கிருஷ்ணன் சுப்பிரமணியம்',
    nameLatin: 'Krishnan SUBRAMANIAM',
    dateOfBirth: '1954-06-30',
    nationality: 'Sri Lanka',
    relationship: 'parent',
    minor: false,
    travelDocument: { status: 'travel_document_requested', notes: null },
    specialNeeds: { medicalEscort: false, nonMedicalEscort: true, notes: 'Uses a wheelchair at airports.' },
    tier: 'T2',
    maxAssistanceCad: 1500,
    tierBasis: { en: 'The person had applied for Federal Court leave but not for a pre-removal risk assessment (PRRA) on 2013-04-02: in-kind reintegration assistance of up to $1,500.', fr: "La personne avait demandé l'autorisation de la Cour fédérale, mais pas d'examen des risques avant renvoi (ERAR) au 2013-04-02 : aide à la réintégration en nature jusqu'à 1 500 $." },
  },
  {
    personId: 'P4',
    nameOwnScript: '王小明',
    nameLatin: 'WANG Xiaoming',
    dateOfBirth: '2009-08-21',
    nationality: 'China / Chine',
    relationship: 'child',
    minor: true,
    travelDocument: { status: 'valid_passport', notes: null },
    specialNeeds: { medicalEscort: false, nonMedicalEscort: false, notes: null },
    tier: 'T1',
    maxAssistanceCad: 2000,
    tierBasis: T1_BASIS,
  },
  {
    personId: 'P5',
    nameOwnScript: 'Zoltán Kovács',
    nameLatin: 'Zoltan KOVACS',
    dateOfBirth: '2001-01-09',
    nationality: 'Hungary / Hongrie',
    relationship: 'other_relative',
    minor: false,
    travelDocument: { status: 'none', notes: null },
    specialNeeds: { medicalEscort: false, nonMedicalEscort: false, notes: null },
    tier: 'T3',
    maxAssistanceCad: 500,
    tierBasis: { en: 'Supervisor review: tier set to T3 after the PRRA was confirmed by IRCC.', fr: "Examen par le superviseur : palier fixé à T3 après confirmation de l'ERAR par IRCC." },
  },
  {
    personId: 'P6',
    nameOwnScript: 'فاطمة الزهراء',
    nameLatin: 'Fatima AL-ZAHRAA',
    dateOfBirth: '2014-05-17',
    nationality: 'Syria / Syrie',
    relationship: 'child',
    minor: true,
    travelDocument: { status: 'emergency_travel_document_issued', notes: null },
    specialNeeds: { medicalEscort: false, nonMedicalEscort: false, notes: null },
    tier: 'T1',
    maxAssistanceCad: 2000,
    tierBasis: T1_BASIS,
  },
];

const plainPerson = ({ personId, nameOwnScript, nameLatin, dateOfBirth, nationality, relationship, minor }: PersonInput) => ({
  personId,
  nameOwnScript,
  nameLatin,
  dateOfBirth,
  nationality,
  relationship,
  minor,
});

const OFFICER = { name: 'Officer Émilie Tremblay', badgeNumber: 'CBSA-40417' };
const LANGUAGE = { language: 'Arabic / arabe', interpreter: { name: 'Samir Haddad', organisation: 'Accredited interpreter, in person' } };

export const PACKET: ReferralPacketInput = {
  packetNumber: 'AVRR-GTA-2013-000742',
  caseNumber: 'C-2013-004211',
  referralDate: '2013-04-22',
  referringOfficer: OFFICER,
  persons: FAMILY,
  countryOfReturn: 'Jordan / Jordanie',
  finalDestination: 'Irbid, Jordan (onward by road from Amman)',
  languageUse: LANGUAGE,
  eligibility: {
    outcome: 'eligible',
    reasons: [
      { code: 'E1', text: { en: 'Failed refugee claimant: negative decision of the Refugee Protection Division.', fr: "Demandeur d'asile débouté : décision défavorable de la Section de la protection des réfugiés." } },
      { code: 'E2', text: { en: 'Refugee claim made in the GTA (Toronto Pearson airport).', fr: "Demande d'asile présentée dans la RGT (aéroport Pearson de Toronto)." } },
      { code: 'E3', text: { en: 'Complies with reporting and release conditions; low risk.', fr: 'Respecte les conditions de présentation et de mise en liberté; risque faible.' } },
    ],
    policyVersion: 'avrr-policy-2013.02',
    decidedOn: '2013-04-18',
    decidedBy: { name: 'Officer Jean-François Côté', badgeNumber: 'CBSA-31877' },
    reviewedBy: { name: 'Supervisor Aisha Rahman', badgeNumber: 'CBSA-20051' },
    applicationDate: '2013-04-02',
  },
  preferences: [
    { category: 'small_business_support', notes: 'Wishes to reopen a tailoring workshop.' },
    { category: 'temporary_accommodation_housing', notes: null },
    { category: 'training_schooling', notes: 'Two school-age children.' },
    { category: 'medical_assistance', notes: 'Diabetes follow-up.' },
  ],
  consent: {
    formNumber: 'CF-2013-000318',
    signedOn: '2013-04-19',
    signedBy: ['محمد الأحمد (Mohammed AL-AHMAD)', 'Nguyễn Thị Mai (NGUYEN Thi Mai)', 'கிருஷ்ணன் சுப்பிரமணியம் (Krishnan SUBRAMANIAM)', 'Zoltán Kovács (Zoltan KOVACS)'],
    officer: OFFICER,
    languageUse: LANGUAGE,
  },
  auditChainHead: '9f2c4e0b7a61d8f35c2b1e0a9d8c7b6a5f4e3d2c1b0a99887766554433221100',
};

export const CONSENT: ConsentFormInput = {
  formNumber: 'CF-2013-000318',
  caseNumber: 'C-2013-004211',
  date: '2013-04-19',
  persons: FAMILY.map(plainPerson),
  sharedInformation: ['identity', 'family_composition', 'immigration_status', 'travel_documents', 'medical_needs', 'reintegration_preferences', 'language_needs'],
  languageUse: LANGUAGE,
  officer: OFFICER,
};

export const WITHDRAWAL: WithdrawalInput = {
  caseNumber: 'C-2013-004211',
  packetNumber: 'AVRR-GTA-2013-000742',
  date: '2013-05-02',
  reason: 'The family has decided to wait for the outcome of a pending humanitarian application.',
  persons: FAMILY.map(plainPerson),
  witnessingOfficer: OFFICER,
  languageUse: LANGUAGE,
};

/** Every name as printed, for the text-extraction checks. */
export const ALL_NAMES = FAMILY.flatMap((p) => [p.nameOwnScript, p.nameLatin]);
