/**
 * Static bilingual text of the AVRR documents (brief section 6). Wording changes go here, not
 * in the layout code. Every entry has an English and a French version; the engine prints both.
 */
import type { AttachmentKind } from '../../shared/schema/attachments';
import type {
  EligibilityOutcome,
  ReintegrationCategory,
  Relationship,
  SharedInformation,
  TravelDocumentStatus,
} from '../../shared/schema/documents';

export interface Bilingual {
  readonly en: string;
  readonly fr: string;
}

const b = (en: string, fr: string): Bilingual => ({ en, fr });

/** Security marking of every page of every document (the data is Protected B). */
export const SECURITY_MARKING = b('PROTECTED B', 'PROTÉGÉ B');

export const PROGRAMME = b(
  'Assisted Voluntary Return and Reintegration (AVRR)',
  "Aide au retour volontaire et à la réintégration (ARVR)",
);

export const CONSENT = {
  title: b('Consent to participate in AVRR and to share information with IOM', "Consentement à participer à l'ARVR et à la communication de renseignements à l'OIM"),
  clausesHeading: b('Declaration', 'Déclaration'),
  /** The six points the brief requires, in its order. */
  clauses: [
    b(
      'My participation in the Assisted Voluntary Return and Reintegration programme is voluntary.',
      'Ma participation au programme de retour volontaire aidé et de réintégration est volontaire.',
    ),
    b(
      'I consent to the Canada Border Services Agency (CBSA) sharing the personal information listed below with the International Organization for Migration (IOM), for the sole purpose of arranging my voluntary return and my reintegration assistance.',
      "Je consens à ce que l'Agence des services frontaliers du Canada (ASFC) communique les renseignements personnels énumérés ci-dessous à l'Organisation internationale pour les migrations (OIM), dans le seul but d'organiser mon retour volontaire et mon aide à la réintégration.",
    ),
    b(
      'I may withdraw from the programme at any stage, by telling the CBSA or IOM.',
      "Je peux me retirer du programme à n'importe quelle étape, en avisant l'ASFC ou l'OIM.",
    ),
    b(
      'I will never be asked to refund reintegration assistance I have received.',
      "On ne me demandera jamais de rembourser l'aide à la réintégration que j'ai reçue.",
    ),
    b(
      'Enrolment does not affect any application I have pending with Immigration, Refugees and Citizenship Canada (IRCC, formerly Citizenship and Immigration Canada, CIC).',
      "L'inscription n'a aucune incidence sur mes demandes en instance auprès d'Immigration, Réfugiés et Citoyenneté Canada (IRCC, anciennement Citoyenneté et Immigration Canada, CIC).",
    ),
    b(
      'I may return to Canada in the future under the rules of the Immigration and Refugee Protection Act (IRPA).',
      "Je pourrai revenir au Canada à l'avenir selon les règles de la Loi sur l'immigration et la protection des réfugiés (LIPR).",
    ),
  ],
  sharedHeading: b('Personal information shared with IOM', "Renseignements personnels communiqués à l'OIM"),
  personsHeading: b('Persons covered by this consent', 'Personnes visées par ce consentement'),
  signaturesHeading: b('Signatures', 'Signatures'),
  adultSignature: b('Signature of', 'Signature de'),
  minorSignature: b('Parent or guardian signing for the minor', 'Parent ou tuteur signant pour la personne mineure'),
  guardianName: b('Name of parent or guardian', 'Nom du parent ou tuteur'),
  officerSignature: b('Signature of the CBSA officer', "Signature de l'agent de l'ASFC"),
  interpreterSignature: b('Signature of the interpreter', "Signature de l'interprète"),
  interpreterStatement: b(
    'I interpreted this form to the persons above in the language stated, and they told me they understood it.',
    "J'ai interprété ce formulaire aux personnes ci-dessus dans la langue indiquée, et elles m'ont dit l'avoir compris.",
  ),
} as const;

export const REFERRAL = {
  title: b('Referral to IOM', "Aiguillage vers l'OIM"),
  cover: b('Referral packet', "Dossier d'aiguillage"),
  persons: b('Persons and family composition', 'Personnes et composition de la famille'),
  travel: b('Return and travel', 'Retour et voyage'),
  needs: b('Special needs and escorts', 'Besoins particuliers et escortes'),
  language: b('Language and interpreter', 'Langue et interprète'),
  eligibility: b('Eligibility decision', "Décision d'admissibilité"),
  assistance: b('Reintegration assistance (in kind)', 'Aide à la réintégration (en nature)'),
  preferences: b('Reintegration preferences', 'Préférences de réintégration'),
  consent: b('Consent record', 'Registre du consentement'),
  attachments: b('Attached scans', 'Documents numérisés joints'),
  attachmentsNote: b(
    'Scans of signed paper attached to the case when this packet was made. The SHA-256 of a copy of the file must match the one printed here.',
    'Documents papier signés, numérisés et joints au dossier au moment où ce dossier d’aiguillage a été produit. Le SHA-256 d’une copie du fichier doit correspondre à celui imprimé ici.',
  ),
  integrity: b('Integrity', 'Intégrité'),
  qrNote: b(
    'The QR code on each page holds the packet number and the content SHA-256: the hash of the facts printed in this packet, written out one per line as the programme publishes (recipe v2), so it can be recomputed from this paper. The same data is embedded in the signed file as avrr-referral-data.json.',
    'Le code QR de chaque page contient le numéro du dossier et le SHA-256 du contenu : l’empreinte des faits imprimés dans ce dossier, écrits un par ligne selon la recette publiée par le programme (v2), de sorte qu’on peut la recalculer à partir de ce papier. Les mêmes données sont jointes au fichier signé (avrr-referral-data.json).',
  ),
} as const;

export const WITHDRAWAL = {
  formTitle: b('Withdrawal from AVRR', 'Retrait de l’ARVR'),
  noticeTitle: b('Notice of withdrawal to IOM', "Avis de retrait à l'OIM"),
  statement: b(
    'I withdraw from the Assisted Voluntary Return and Reintegration programme. I understand that my case leaves the programme and that IOM will be told.',
    "Je me retire du programme de retour volontaire aidé et de réintégration. Je comprends que mon dossier quitte le programme et que l'OIM en sera avisée.",
  ),
  noticeStatement: b(
    'The persons below have withdrawn from the AVRR programme. Please close the referral and stop any arrangements for their return and reintegration.',
    "Les personnes ci-dessous se sont retirées du programme ARVR. Veuillez fermer l'aiguillage et cesser toute démarche relative à leur retour et à leur réintégration.",
  ),
  noticeTo: b('To: International Organization for Migration (IOM)', "Destinataire : Organisation internationale pour les migrations (OIM)"),
  participantSignature: b('Signature of the participant', 'Signature du participant ou de la participante'),
  officerSignature: b('Signature of the witnessing CBSA officer', "Signature de l'agent témoin de l'ASFC"),
  noReason: b('No reason given', 'Aucun motif donné'),
} as const;

export const LABELS = {
  office: b('Office', 'Bureau'),
  packetNumber: b('Packet number', 'Numéro du dossier'),
  caseNumber: b('Case number', 'Numéro de cas'),
  formNumber: b('Form number', 'Numéro du formulaire'),
  date: b('Date', 'Date'),
  referralDate: b('Referral date', "Date d'aiguillage"),
  referringOfficer: b('Referring officer', "Agent d'aiguillage"),
  officer: b('CBSA officer', "Agent de l'ASFC"),
  witnessingOfficer: b('Witnessing officer', 'Agent témoin'),
  name: b('Name', 'Nom'),
  nameLatin: b('Latin transliteration', 'Translittération latine'),
  dateOfBirth: b('Date of birth', 'Date de naissance'),
  nationality: b('Nationality', 'Nationalité'),
  relationship: b('Relationship', 'Lien'),
  minor: b('Minor', 'Mineur'),
  adult: b('Adult', 'Adulte'),
  countryOfReturn: b('Country of return', 'Pays de retour'),
  finalDestination: b('Final destination', 'Destination finale'),
  travelDocument: b('Travel document', 'Document de voyage'),
  medicalEscort: b('Medical escort', 'Escorte médicale'),
  nonMedicalEscort: b('Non-medical escort', 'Escorte non médicale'),
  notes: b('Notes', 'Remarques'),
  none: b('None', 'Aucun'),
  yes: b('Yes', 'Oui'),
  no: b('No', 'Non'),
  language: b('Language used', 'Langue utilisée'),
  interpreter: b('Interpreter', 'Interprète'),
  noInterpreter: b('No interpreter', "Sans interprète"),
  outcome: b('Decision', 'Décision'),
  reasons: b('Reasons', 'Motifs'),
  policyVersion: b('Policy version', 'Version de la politique'),
  decidedOn: b('Decided on', 'Date de la décision'),
  decidedBy: b('Decided by', 'Décidé par'),
  reviewedBy: b('Reviewed by (supervisor)', 'Examiné par (superviseur)'),
  applicationDate: b('AVRR application date (sets the policy and the tiers)', 'Date de la demande ARVR (fixe la politique et les paliers)'),
  tierBasis: b('Basis of the tier', 'Fondement du palier'),
  tier: b('Tier', 'Palier'),
  maxPerPerson: b('Maximum per person (CAD)', 'Maximum par personne ($ CA)'),
  familyTotal: b('Family total (CAD)', 'Total pour la famille ($ CA)'),
  consentForm: b('Consent form', 'Formulaire de consentement'),
  signedOn: b('Signed on', 'Signé le'),
  signedBy: b('Signed by', 'Signé par'),
  auditChainHead: b('Audit chain head', "Tête de la chaîne d'audit"),
  contentHash: b('Content SHA-256', 'SHA-256 du contenu'),
  reason: b('Reason (optional)', 'Motif (facultatif)'),
  signature: b('Signature', 'Signature'),
  page: b('Page', 'Page'),
  of: b('of', 'de'),
  noPreferences: b('No preference recorded', 'Aucune préférence enregistrée'),
  attachmentKind: b('Kind', 'Type'),
  sha256: b('SHA-256', 'SHA-256'),
  addedOn: b('Added on', 'Joint le'),
  noAttachments: b('None: no scan was attached to the case', 'Aucun : aucun document numérisé n’était joint au dossier'),
} as const;

export const RELATIONSHIP: Record<Relationship, Bilingual> = {
  principal_applicant: b('Principal applicant', 'Demandeur principal'),
  spouse: b('Spouse or partner', 'Époux ou conjoint'),
  child: b('Child', 'Enfant'),
  parent: b('Parent', 'Parent'),
  sibling: b('Brother or sister', 'Frère ou sœur'),
  other_relative: b('Other relative', 'Autre parent'),
};

export const SHARED_INFORMATION: Record<SharedInformation, Bilingual> = {
  identity: b('Names, dates of birth, nationality', 'Noms, dates de naissance, nationalité'),
  contact_details: b('Contact details in Canada', 'Coordonnées au Canada'),
  family_composition: b('Family composition', 'Composition de la famille'),
  immigration_status: b('Immigration and refugee claim status', "Situation d'immigration et de la demande d'asile"),
  travel_documents: b('Travel documents', 'Documents de voyage'),
  medical_needs: b('Medical needs relevant to travel', 'Besoins médicaux liés au voyage'),
  reintegration_preferences: b('Reintegration preferences', 'Préférences de réintégration'),
  language_needs: b('Language and interpretation needs', "Besoins linguistiques et d'interprétation"),
};

export const TRAVEL_DOCUMENT: Record<TravelDocumentStatus, Bilingual> = {
  valid_passport: b('Valid passport', 'Passeport valide'),
  expired_passport: b('Expired passport', 'Passeport expiré'),
  travel_document_requested: b('Travel document requested', 'Document de voyage demandé'),
  emergency_travel_document_issued: b('Emergency travel document issued', "Titre de voyage d'urgence délivré"),
  none: b('No travel document', 'Aucun document de voyage'),
};

export const OUTCOME: Record<EligibilityOutcome, Bilingual> = {
  eligible: b('Eligible', 'Admissible'),
  ineligible: b('Not eligible', 'Non admissible'),
  needs_review: b('Needs supervisor review', 'Examen par un superviseur requis'),
};

export const REINTEGRATION_CATEGORY: Record<ReintegrationCategory, Bilingual> = {
  additional_luggage_allowance: b('Additional luggage allowance', 'Franchise de bagages supplémentaire'),
  onward_transportation: b('Onward transportation to the final destination', "Transport jusqu'à la destination finale"),
  job_search_assistance: b('Job search assistance', "Aide à la recherche d'emploi"),
  material_assistance: b('Material assistance', 'Aide matérielle'),
  medical_assistance: b('Medical assistance', 'Aide médicale'),
  small_business_support: b('Small business support', 'Soutien à la petite entreprise'),
  temporary_accommodation_housing: b('Temporary accommodation and housing', 'Hébergement temporaire et logement'),
  training_schooling: b('Training and schooling', 'Formation et scolarité'),
  legal_assistance: b('Legal assistance', 'Aide juridique'),
};

/** The kinds of scan, as the app names them (shared/i18n `attachments.kind`). */
export const ATTACHMENT_KIND: Record<AttachmentKind, Bilingual> = {
  signed_consent: b('Signed consent form', 'Formulaire de consentement signé'),
  departure_confirmation: b('Departure confirmation', 'Confirmation du départ'),
  travel_document: b('Travel document', 'Titre de voyage'),
  other: b('Other paper', 'Autre document'),
};

export const COPY_STAMP = b('COPY', 'COPIE');
export const REPRINTED_ON = b('Reprinted on', 'Réimprimé le');

/**
 * The letter to the person explaining a decision of not eligible (issue 13 point 11). It speaks
 * to the person ("you"); the reasons themselves are the rules' sentences (shared/rules/texts.ts),
 * printed as they are, never reworded here.
 */
export const INELIGIBILITY_LETTER = {
  title: b('Decision on your application to the AVRR programme', 'Décision sur votre demande au programme ARVR'),
  letterNumber: b('Letter number', 'Numéro de la lettre'),
  to: b('To', 'Destinataire'),
  issuedBy: b('Issued by', 'Délivrée par'),
  intro: (decidedOn: string, policyVersion: string, applicationDate: string): Bilingual =>
    b(
      `The Canada Border Services Agency (CBSA) assessed your application to the Assisted Voluntary Return and Reintegration (AVRR) programme. On ${decidedOn}, it decided that you are not eligible for the programme. The decision applies the programme rules in force on the date of your application, ${applicationDate} (policy version ${policyVersion}).`,
      `L’Agence des services frontaliers du Canada (ASFC) a évalué votre demande au programme d’aide au retour volontaire et à la réintégration (ARVR). Le ${decidedOn}, elle a décidé que vous n’êtes pas admissible au programme. La décision applique les règles du programme en vigueur à la date de votre demande, le ${applicationDate} (version de la politique ${policyVersion}).`,
    ),
  reasonsHeading: b('Why you are not eligible', 'Pourquoi vous n’êtes pas admissible'),
  reasonsNote: b(
    'Each person in the family is assessed on their own. The reasons below are the programme rules that were not met, as the rules state them.',
    'Chaque personne de la famille est évaluée séparément. Les motifs ci-dessous sont les règles du programme qui n’étaient pas remplies, telles que les règles les énoncent.',
  ),
  noReason: b('No reason recorded for this person.', 'Aucun motif consigné pour cette personne.'),
  meaningHeading: b('What this means', 'Ce que cela signifie'),
  meaning: b(
    'The AVRR programme cannot help you return or give you reintegration assistance on this application. This letter is about the AVRR programme only.',
    'Le programme ARVR ne peut pas vous aider à retourner dans votre pays ni vous accorder d’aide à la réintégration pour cette demande. Cette lettre porte uniquement sur le programme ARVR.',
  ),
  changeHeading: b('If your situation changes', 'Si votre situation change'),
  change: b(
    'The decision rests on the facts known when it was made. If a fact changes or was recorded wrongly (for example the outcome of your refugee claim, a court decision, or a record that no longer applies), tell the CBSA office. An officer can reopen your case and look at the decision again with the new facts.',
    'La décision repose sur les faits connus au moment où elle a été prise. Si un fait change ou a été mal consigné (par exemple le résultat de votre demande d’asile, une décision d’un tribunal ou un dossier qui ne s’applique plus), avisez le bureau de l’ASFC. Un agent peut rouvrir votre dossier et réexaminer la décision à la lumière des nouveaux faits.',
  ),
  questionsHeading: b('Questions', 'Questions'),
  questions: (caseNumber: string): Bilingual =>
    b(
      `If you have questions about this decision, come to the CBSA office or ask an officer when you next report. Please give your case number, ${caseNumber}. You may bring someone to interpret for you.`,
      `Si vous avez des questions sur cette décision, présentez-vous au bureau de l’ASFC ou posez-les à un agent lors de votre prochaine présentation. Veuillez indiquer votre numéro de cas, ${caseNumber}. Vous pouvez venir avec une personne qui interprétera pour vous.`,
    ),
  officeHours: b('Office hours', 'Heures d’ouverture'),
} as const;
