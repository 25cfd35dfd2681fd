/**
 * Named errors of the document engine. Each carries a stable message key (for the renderer's
 * i18n) and the English and French text, so the IPC layer can pass `{ type, key, en, fr }` on
 * as a plain value without knowing the class.
 */

export type DocumentErrorType =
  | 'unsupported_character'
  | 'invalid_document_input'
  | 'office_certificate_wrong_passphrase'
  | 'office_certificate_invalid'
  | 'office_certificate_not_valid_at_signing_time'
  | 'signature_placeholder_too_small'
  | 'already_signed';

export abstract class DocumentError extends Error {
  abstract readonly type: DocumentErrorType;
  readonly key: string;
  readonly en: string;
  readonly fr: string;

  protected constructor(key: string, en: string, fr: string, options?: ErrorOptions) {
    super(en, options);
    this.name = new.target.name;
    this.key = key;
    this.en = en;
    this.fr = fr;
  }

  /** The plain value that crosses the IPC boundary. */
  toJSON(): { type: DocumentErrorType; key: string; en: string; fr: string } {
    return { type: this.type, key: this.key, en: this.en, fr: this.fr };
  }
}

/** A character that no bundled font can draw: refused rather than printed as an empty box. */
export class UnsupportedCharacterError extends DocumentError {
  readonly type = 'unsupported_character';
  /** Path of the input field, e.g. `persons.2.nameOwnScript`. */
  readonly field: string;
  readonly character: string;
  /** `U+1200` style. */
  readonly codePoint: string;

  constructor(field: string, character: string) {
    const cp = `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    super(
      'documents.error.unsupportedCharacter',
      `The field "${field}" contains the character "${character}" (${cp}), which no font of the documents can print. Enter the name in a supported script or use the Latin transliteration.`,
      `Le champ « ${field} » contient le caractère « ${character} » (${cp}), qu'aucune police des documents ne peut imprimer. Saisissez le nom dans une écriture prise en charge ou utilisez la translittération latine.`,
    );
    this.field = field;
    this.character = character;
    this.codePoint = cp;
  }
}

/** The document data failed its zod schema. */
export class InvalidDocumentInputError extends DocumentError {
  readonly type = 'invalid_document_input';
  readonly issues: readonly { path: string; message: string }[];

  constructor(document: string, issues: readonly { path: string; message: string }[]) {
    const list = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    super(
      'documents.error.invalidInput',
      `The data for the ${document} is not valid: ${list}`,
      `Les données du document « ${document} » ne sont pas valides : ${list}`,
    );
    this.issues = issues;
  }
}

export class OfficeCertificateWrongPassphraseError extends DocumentError {
  readonly type = 'office_certificate_wrong_passphrase';
  constructor(options?: ErrorOptions) {
    super(
      'documents.error.certificateWrongPassphrase',
      'The passphrase of the office certificate file (.p12) is wrong.',
      'La phrase de passe du fichier de certificat du bureau (.p12) est erronée.',
      options,
    );
  }
}

export type OfficeCertificateProblem =
  | 'not_pkcs12'
  | 'no_private_key'
  | 'no_certificate'
  | 'key_does_not_match_certificate'
  | 'unsupported_key_type';

const PROBLEM_TEXT: Record<OfficeCertificateProblem, { en: string; fr: string }> = {
  not_pkcs12: { en: 'the file is not a PKCS#12 (.p12/.pfx) file', fr: "le fichier n'est pas un fichier PKCS#12 (.p12/.pfx)" },
  no_private_key: { en: 'the file holds no private key', fr: 'le fichier ne contient aucune clé privée' },
  no_certificate: { en: 'the file holds no certificate', fr: 'le fichier ne contient aucun certificat' },
  key_does_not_match_certificate: {
    en: 'the private key does not belong to the certificate',
    fr: "la clé privée ne correspond pas au certificat",
  },
  unsupported_key_type: { en: 'only RSA keys are supported', fr: 'seules les clés RSA sont prises en charge' },
};

export class OfficeCertificateInvalidError extends DocumentError {
  readonly type = 'office_certificate_invalid';
  readonly problem: OfficeCertificateProblem;
  constructor(problem: OfficeCertificateProblem, options?: ErrorOptions) {
    const t = PROBLEM_TEXT[problem];
    super(
      `documents.error.certificate.${problem}`,
      `The office certificate cannot be used: ${t.en}.`,
      `Le certificat du bureau ne peut pas être utilisé : ${t.fr}.`,
      options,
    );
    this.problem = problem;
  }
}

export class CertificateNotValidAtSigningTimeError extends DocumentError {
  readonly type = 'office_certificate_not_valid_at_signing_time';
  constructor(signingTime: Date, notBefore: Date, notAfter: Date) {
    const s = signingTime.toISOString();
    const range = `${notBefore.toISOString()} – ${notAfter.toISOString()}`;
    super(
      'documents.error.certificateNotValidAtSigningTime',
      `The office certificate is not valid at the signing time ${s} (valid ${range}).`,
      `Le certificat du bureau n'est pas valide à l'heure de signature ${s} (valide ${range}).`,
    );
  }
}

export class SignaturePlaceholderTooSmallError extends DocumentError {
  readonly type = 'signature_placeholder_too_small';
  constructor(needed: number, available: number) {
    super(
      'documents.error.signatureTooLarge',
      `The signature (${needed} bytes) does not fit the space reserved in the PDF (${available} bytes).`,
      `La signature (${needed} octets) ne tient pas dans l'espace réservé dans le PDF (${available} octets).`,
    );
  }
}

/** Stamping or re-signing a PDF that already carries a signature would silently break it. */
export class AlreadySignedError extends DocumentError {
  readonly type = 'already_signed';
  constructor() {
    super(
      'documents.error.alreadySigned',
      'This PDF is already signed. Stamp or sign the unsigned render, then sign it.',
      "Ce PDF est déjà signé. Apposez le tampon ou signez le rendu non signé, puis signez-le.",
    );
  }
}

/** Exhaustive-switch helper: a new union member fails to compile where it is not handled. */
export function missingCaseError(x: never): Error {
  return new Error(`unhandled case: ${String(x)}`);
}
