/**
 * Length limits (in UTF-16 code units, what zod's `.max()` counts) of the free text that the
 * intake accepts and the documents print. One owner, so that everything the intake, the consent
 * and the review accept also fits the documents built from it: a packet must never become
 * impossible to make because of text the office was allowed to type earlier.
 */

/** A person's name, as written or in Latin letters (shared/schema/common.ts `personName`). */
export const PERSON_NAME_MAX = 200;

/** Intake, per person: mobility needs (wheelchair, assistance at airports…). */
export const MOBILITY_MAX = 500;
/** Intake, per person: medical conditions (sent to IOM only with the person's consent). */
export const MEDICAL_CONDITIONS_MAX = 2000;
/** Between the mobility needs and the medical conditions in the packet's special-needs notes. */
export const SPECIAL_NEEDS_SEPARATOR = ' — ';
/** Packet, per person: the mobility needs and the medical conditions joined. */
export const SPECIAL_NEEDS_NOTES_MAX = MOBILITY_MAX + SPECIAL_NEEDS_SEPARATOR.length + MEDICAL_CONDITIONS_MAX;

/** Intake and packet: the final destination in the country of return. */
export const FINAL_DESTINATION_MAX = 200;
/** Intake and packet: the family's own words about their reintegration plans. */
export const REINTEGRATION_NOTES_MAX = 2000;
/** Intake, consent form and packet: the interpreter's name. */
export const INTERPRETER_NAME_MAX = 200;
/** Packet, per person: notes on the travel document (expiry date, held by CBSA). */
export const TRAVEL_DOCUMENT_NOTES_MAX = 500;

/** The supervisor's reason when reviewing a decision. */
export const REVIEW_REASON_MAX = 2000;
/** The reason of a withdrawal (optional). */
export const WITHDRAWAL_REASON_MAX = 2000;

/** One printed sentence of a reason (rules texts, or "Supervisor review: " and the supervisor's reason). */
export const REASON_TEXT_MAX = REVIEW_REASON_MAX + 100;
/** "Guardian name (for / pour Person name)" as printed in the packet's consent record. */
export const SIGNED_BY_MAX = 2 * PERSON_NAME_MAX + 20;

/**
 * Any call's input, checked before zod (or JSON.stringify) walks it: both recurse, so a deeply
 * nested or circular value would overflow the stack instead of ending in a field error. The
 * deepest real input (a draft of the intake form) is under 10 levels.
 */
export const INPUT_MAX_DEPTH = 32;
/**
 * Objects, arrays and leaves in one call's input. The largest real inputs are an IOM import's
 * row numbers (20,000) and a draft at DRAFT_DATA_MAX (at most ~130,000 values in 256 KB).
 */
export const INPUT_MAX_VALUES = 200_000;

/** One autosaved draft, as JSON text: a runaway client cannot fill the disk. */
export const DRAFT_DATA_MAX = 256 * 1024;
/**
 * Drafts one person may keep (new intakes and edits of cases together). An officer has a few
 * open at a time; the list of new intakes shows 20. Beyond this, a save is refused with a
 * message saying to save or discard some: nothing is dropped without the officer knowing.
 */
export const DRAFTS_PER_USER_MAX = 50;

/**
 * The earliest date of an event of a case (withdrawal, consent signed, a stage, a flight): the
 * programme has no case from before it, so an earlier date is a typing error (1900-01-01). The
 * back end bounds them further by the case itself: not before its intake, not in the future.
 */
export const EVENT_DATE_MIN = '2000-01-01';

/** Rows on one page of the case list (the Cases screen), and the most one call may ask for. */
export const CASE_PAGE_SIZE = 50;
export const CASE_PAGE_SIZE_MAX = 100;

/** Days before the signing certificate expires from which its manager is warned at every sign-in. */
export const CERTIFICATE_EXPIRY_WARNING_DAYS = 30;
