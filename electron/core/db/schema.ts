import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The database schema (drizzle). Change it here, then `npm run db:generate` writes the next
 * migration file under ./migrations; migrations are applied when the database is opened.
 * Times are ISO-8601 UTC text; ids are UUIDs.
 */

/** One AVRR case: a principal applicant and the family who depart with them. */
export const cases = sqliteTable(
  'cases',
  {
    id: text('id').primaryKey(),
    caseNumber: text('case_number').notNull(),
    status: text('status').notNull(),
    channel: text('channel').notNull(),
    /** Optimistic concurrency: each write increments it; a write naming an older version is a conflict. */
    version: integer('version').notNull().default(1),
    /** Bumped only when the intake itself changes: consent forms name the intake version they were made for. */
    intakeVersion: integer('intake_version').notNull().default(1),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by'),
    updatedAt: text('updated_at').notNull(),
    updatedBy: text('updated_by'),
    /** The whole intake (shared/schema/intake.ts), validated, as JSON. */
    intake: text('intake').notNull().default('{}'),
    applicationDate: text('application_date'),
    /** The decision in force (decisions.id); older ones stay in `decisions` as history. */
    decisionId: text('decision_id'),
    /** 'pending' while a needs-review decision waits for the supervisor, then 'resolved'. */
    reviewStatus: text('review_status'),
    withdrawnAt: text('withdrawn_at'),
    withdrawalReason: text('withdrawal_reason'),
    /** When the case was referred to IOM (the 30-day clock's referral step; reports count from it). */
    referredAt: text('referred_at'),
    /** When the front counter first screened the case (UTC instant; reports count the screening by its office date). */
    screenedAt: text('screened_at'),
    /**
     * The first office date on which the case may need an officer (shared/case/tasks.ts
     * attentionOn), kept with every change after referral so "What needs me today" reads only the
     * cases due, by index, instead of every case's stages.
     */
    attentionOn: text('attention_on'),
    /** What the task rules read of the stage entries (shared/case/tasks.ts TaskFacts), JSON, kept with attention_on. */
    taskFacts: text('task_facts'),
    /**
     * When the case's personal data was disposed of after its retention period (electron/core/
     * retention): the row stays with what the reports count, nothing that identifies anyone. Who
     * approved is the disposal's audit entry's user (and `disposed_by`); the supervisor's reason
     * is kept here, never in the audit trail (code-made tokens only).
     */
    disposedAt: text('disposed_at'),
    disposedBy: text('disposed_by'),
    disposalReason: text('disposal_reason'),
  },
  (t) => [
    uniqueIndex('cases_case_number').on(t.caseNumber),
    index('cases_updated_at').on(t.updatedAt),
    index('cases_review').on(t.reviewStatus),
    /**
     * The cases due for a look (today/tasks.ts), with every column the task list reads of them: the
     * list reads this index alone, not thousands of case rows. Only cases that may have a task.
     */
    index('cases_due')
      .on(t.attentionOn, t.status, t.updatedBy, t.id, t.caseNumber, t.referredAt, t.taskFacts)
      .where(sql`${t.attentionOn} IS NOT NULL`),
    /** Every case in some statuses (cases/attention.ts refreshAllAttention). */
    index('cases_status').on(t.status),
    /**
     * Every case's id and version from the index alone: electron/core/reports/load.ts reads them
     * on each report to find the cases changed since it last read them (the rows hold the intake).
     */
    index('cases_id_version').on(t.id, t.version),
    /**
     * The Cases screen (cases/list-query.ts): every column its filters, orders and rows read of a
     * case, so a filtered page is read from these narrow indexes and never from the case rows,
     * whose intake JSON makes each row most of a page. By status (and stage), newest change
     * first; by application date (date range, that order).
     */
    index('cases_list_status').on(t.status, t.updatedAt, t.id, t.caseNumber, t.channel, t.createdBy, t.updatedBy, t.applicationDate, t.attentionOn),
    index('cases_list_application').on(t.applicationDate, t.updatedAt, t.id, t.caseNumber, t.status, t.channel, t.createdBy, t.updatedBy, t.attentionOn),
    /** The same columns by id: the cases a search found, checked against the filters without reading their rows. */
    index('cases_list_id').on(t.id, t.updatedAt, t.status, t.caseNumber, t.channel, t.createdBy, t.updatedBy, t.applicationDate, t.attentionOn),
    /**
     * The cases not yet disposed of, with what the disposal list reads of them (retention/last-use.ts):
     * read from this index, not from the rows (their intake makes each most of a page; 1.2 s on
     * 50,000 cases instead of 0.2 s).
     */
    index('cases_retention')
      .on(t.id, t.caseNumber, t.status, t.updatedAt, t.withdrawnAt, t.disposedAt)
      .where(sql`${t.disposedAt} IS NULL`),
  ],
);

/**
 * Eligibility decisions, each with the full rules result and the policy version used, so a
 * decision can be explained later even after the policy changes. Append-only in practice.
 */
export const decisions = sqliteTable(
  'decisions',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    outcome: text('outcome').notNull(),
    policyVersion: text('policy_version').notNull(),
    /** The facts evaluated and the complete result (reasons, traces, assistance), JSON. */
    facts: text('facts').notNull(),
    result: text('result').notNull(),
    decidedAt: text('decided_at').notNull(),
    decidedBy: text('decided_by').notNull(),
    overrideOutcome: text('override_outcome'),
    overrideReason: text('override_reason'),
    reviewedAt: text('reviewed_at'),
    reviewedBy: text('reviewed_by'),
    /** The supervisor's review (shared/schema/review.ts), JSON: outcome, tier and amount per person. */
    review: text('review'),
    /** A decision is changed only by reopening it, with a written reason. */
    reopenedAt: text('reopened_at'),
    reopenedBy: text('reopened_by'),
    reopenReason: text('reopen_reason'),
  },
  (t) => [
    index('decisions_case').on(t.caseId, t.decidedAt),
    /** Each case's last administrative use (retention/last-use.ts) from the index alone: the rows hold 7 KB of result. */
    index('decisions_case_use').on(t.caseId, t.decidedAt, t.reviewedAt, t.reopenedAt),
  ],
);

/**
 * Autosaved form state, per person and per case (or per new intake not yet saved as a case):
 * what the officer typed, exactly, even when it is not valid yet. Never in browser storage.
 */
export const drafts = sqliteTable(
  'drafts',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull(),
    caseId: text('case_id').references(() => cases.id, { onDelete: 'cascade' }),
    /** The case version the draft started from: a save onto a newer case version is a conflict. */
    baseVersion: integer('base_version'),
    /** Incremented by each autosave: a save from a stale tab or window is a conflict. */
    revision: integer('revision').notNull(),
    data: text('data').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('drafts_user').on(t.userId, t.updatedAt), uniqueIndex('drafts_user_case').on(t.userId, t.caseId)],
);

/** Each person in a case (principal, spouse, children, others), with their identity facts. */
export const persons = sqliteTable(
  'persons',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    relationship: text('relationship').notNull(),
    nameAsWritten: text('name_as_written').notNull(),
    nameLatin: text('name_latin').notNull(),
    dateOfBirth: text('date_of_birth').notNull(),
    nationality: text('nationality').notNull(),
    uci: text('uci'),
    /** Both names folded for search (lower case, no diacritics): see cases/search-text.ts. */
    searchText: text('search_text').notNull(),
  },
  (t) => [
    index('persons_case').on(t.caseId, t.position),
    index('persons_uci').on(t.uci),
    index('persons_dob').on(t.dateOfBirth),
    /** The Cases screen's order by name: the principal's Latin name read with the join, not from the person row. */
    index('persons_case_name').on(t.caseId, t.position, t.nameLatin),
  ],
);

/** Per-year counter behind readable case numbers (AVRR-2026-000123). */
export const counters = sqliteTable('counters', {
  name: text('name').primaryKey(),
  value: integer('value').notNull().default(sql`0`),
});

/**
 * Accounts. Never deleted (the audit trail keeps their names): disabled instead. The password
 * never lives here: it only unlocks the account's key slot, kept outside the database.
 */
export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    /** CBSA badge or employee number, printed on the forms the officer signs. */
    badgeNumber: text('badge_number'),
    role: text('role').notNull(),
    status: text('status').notNull().default('active'),
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by'),
    passwordChangedAt: text('password_changed_at'),
  },
  (t) => [uniqueIndex('users_username').on(t.username)],
);

/**
 * The append-only audit trail. Written in the same transaction as the change it records.
 * No personal data, no free text from the person: who, role, when, action, case id, outcome,
 * workstation. `mac` = HMAC-SHA256(key derived from the database key, previous mac || entry).
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey(),
    at: text('at').notNull(),
    userId: text('user_id'),
    username: text('username'),
    role: text('role'),
    action: text('action').notNull(),
    caseId: text('case_id'),
    outcome: text('outcome').notNull(),
    workstation: text('workstation').notNull(),
    /** What exactly (the target account, a count, a report cell): code-made tokens, electron/core/audit/entry.ts. */
    detail: text('detail'),
    mac: text('mac').notNull(),
  },
  (t) => [index('audit_case').on(t.caseId), index('audit_user').on(t.userId), index('audit_at').on(t.at)],
);

/** Office settings (idle lock minutes, …) as JSON values. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * The office's signing certificate(s). The .p12 and its passphrase are kept encrypted under a
 * key derived from the database key (documents/certificate-store.ts): never in plaintext, even
 * inside the encrypted database. One is active at a time.
 */
export const certificates = sqliteTable('certificates', {
  id: text('id').primaryKey(),
  label: text('label').notNull(),
  subject: text('subject').notNull(),
  issuer: text('issuer').notNull(),
  serialNumber: text('serial_number').notNull(),
  notBefore: text('not_before').notNull(),
  notAfter: text('not_after').notNull(),
  fingerprint: text('fingerprint').notNull(),
  selfSigned: integer('self_signed', { mode: 'boolean' }).notNull(),
  sealed: blob('sealed', { mode: 'buffer' }).notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by').notNull(),
});

/** The document register: every generated document, its bytes (encrypted with the database) and its hashes. */
export const documents = sqliteTable(
  'documents',
  {
    id: text('id').primaryKey(),
    number: text('number').notNull(),
    type: text('type').notNull(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** SHA-256 of the PDF bytes as generated. */
    sha256: text('sha256').notNull(),
    /** For packets: SHA-256 of the canonical content data printed in the QR code. */
    contentHash: text('content_hash'),
    /** The validated render input, so a reprint renders the same content again. */
    input: text('input').notNull(),
    pdf: blob('pdf', { mode: 'buffer' }).notNull(),
    signed: integer('signed', { mode: 'boolean' }).notNull(),
    certificateId: text('certificate_id'),
    generatedAt: text('generated_at').notNull(),
    generatedBy: text('generated_by').notNull(),
    /** Consent forms: the intake version and the persons (JSON list of ids) the form was made for. */
    intakeVersion: integer('intake_version'),
    personIds: text('person_ids'),
    /** Set when the case is withdrawn (or the document replaced): no longer printed as current. */
    supersededAt: text('superseded_at'),
  },
  (t) => [
    uniqueIndex('documents_number').on(t.number),
    index('documents_case').on(t.caseId, t.type),
    /** A case's documents of a type, when and by whom, without reading the PDF's row. */
    index('documents_case_type_at').on(t.caseId, t.type, t.generatedAt, t.generatedBy),
    /** The cases a person referred (an officer's task list, today/tasks.ts): their packets by author. */
    index('documents_generated_by').on(t.generatedBy, t.type, t.caseId),
  ],
);

/** The clerk's print log: every print, reprint and download of a document. */
export const printLog = sqliteTable(
  'print_log',
  {
    id: text('id').primaryKey(),
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    at: text('at').notNull(),
    by: text('by').notNull(),
  },
  (t) => [index('print_log_document').on(t.documentId, t.at)],
);

/** Consent recorded by the officer: who signed the consent form, when, and which form. */
export const consents = sqliteTable(
  'consents',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id),
    signedOn: text('signed_on').notNull(),
    /** JSON: [{ personId, signedBy: 'self' | 'guardian', guardianName? }] */
    signers: text('signers').notNull(),
    recordedAt: text('recorded_at').notNull(),
    recordedBy: text('recorded_by').notNull(),
  },
  (t) => [index('consents_case').on(t.caseId)],
);

/**
 * The stages after referral (IOM's reports, a CBSA officer at departure), one entry each, never
 * edited: a stage recorded by mistake gets a correction entry (`correctsId`, with a reason), and
 * the case's timeline shows both. Written by electron/core/stages with the case row's change.
 */
export const caseStages = sqliteTable(
  'case_stages',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    /** Order within the case (1, 2, ...). */
    seq: integer('seq').notNull(),
    /** The lifecycle action (shared/case/lifecycle.ts stageActions, or correctStage). */
    action: text('action').notNull(),
    /** When it happened, as the office's local date (YYYY-MM-DD). */
    occurredOn: text('occurred_on').notNull(),
    /** Who told us: iom_email, iom_phone, iom_file, cbsa_officer. */
    source: text('source').notNull(),
    /** The stage's facts (shared/schema/stages.ts), JSON. */
    details: text('details').notNull(),
    statusBefore: text('status_before').notNull(),
    statusAfter: text('status_after').notNull(),
    /** For a correction: the entry it undoes. */
    correctsId: text('corrects_id'),
    /** Why (a correction, a no-show, IOM declining). */
    reason: text('reason'),
    recordedAt: text('recorded_at').notNull(),
    recordedBy: text('recorded_by').notNull(),
  },
  (t) => [
    uniqueIndex('case_stages_case_seq').on(t.caseId, t.seq),
    index('case_stages_action_date').on(t.action, t.occurredOn),
    /** A case's latest entry of an action (today/tasks.ts: the last follow-up, the flight). */
    index('case_stages_case_action_date').on(t.caseId, t.action, t.occurredOn),
    /** Each case's latest entry recorded (retention/last-use.ts), from the index alone. */
    index('case_stages_case_recorded').on(t.caseId, t.recordedAt),
  ],
);

/**
 * Scanned paper attached to a case (the signed consent form, the departure confirmation, a travel
 * document): PDF, JPEG or PNG, checked by content, kept encrypted with the database with its
 * SHA-256. Written only by electron/core/attachments; never edited.
 */
export const attachments = sqliteTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    /** signed_consent, departure_confirmation, travel_document, other. */
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    /** From the content, never from the name: application/pdf, image/jpeg, image/png. */
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
    addedAt: text('added_at').notNull(),
    addedBy: text('added_by').notNull(),
    /** The stage entry the scan belongs to (a departure confirmation), if any. */
    stageEntryId: text('stage_entry_id').references(() => caseStages.id),
  },
  (t) => [index('attachments_case').on(t.caseId, t.addedAt)],
);

/**
 * Appointments at the office (an interview, a follow-up): one row per booking, never deleted.
 * When: the office's wall date and time and the time zone they are in (what the person is told,
 * and it stays what they were told if the office's time-zone setting is later corrected); the
 * office hours exclude the hour the clocks repeat, so the three say one instant. A reschedule
 * leaves the old row as `rescheduled` and books a new one that names it (`rescheduledFromId`).
 * Written only by electron/core/appointments.
 */
export const appointments = sqliteTable(
  'appointments',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    /** The office's local date, YYYY-MM-DD. */
    localDate: text('local_date').notNull(),
    /** The office's local start time, HH:mm. */
    localTime: text('local_time').notNull(),
    /** The IANA zone of the office when it was booked (America/Toronto). */
    timeZone: text('time_zone').notNull(),
    /** Length of the slot booked, in minutes (shared/appointments/slots.ts). */
    minutes: integer('minutes').notNull(),
    /** shared/schema/appointments.ts appointmentKind. */
    kind: text('kind').notNull(),
    /** booked, checked_in, rescheduled, cancelled, no_show (shared/schema/appointments.ts). */
    status: text('status').notNull(),
    bookedAt: text('booked_at').notNull(),
    bookedBy: text('booked_by'),
    /** When and by whom the status last changed (check-in, cancellation, no-show, reschedule). */
    statusAt: text('status_at'),
    statusBy: text('status_by'),
    /** The booking this one replaces (a reschedule). */
    rescheduledFromId: text('rescheduled_from_id'),
    /** Why it was cancelled, if the officer said. */
    reason: text('reason'),
  },
  (t) => [
    /** A day at the office in time order (the day view, today's appointments, free slots). */
    index('appointments_day').on(t.localDate, t.localTime, t.status),
    index('appointments_case').on(t.caseId, t.localDate, t.localTime),
    /** No-shows (and other outcomes) counted over a period for the reports. */
    index('appointments_status_day').on(t.status, t.localDate),
  ],
);

/**
 * Two persons an officer recorded as not the same person, from the duplicate warning at intake:
 * that pair is never offered again (electron/core/intake/not-same-person.ts). The pair is kept in
 * one order (personA < personB), so either way round is the same row. The person being typed has
 * no row yet (its id is the intake's), hence no foreign keys. Never edited; ids only.
 */
export const notSamePerson = sqliteTable(
  'not_same_person',
  {
    personA: text('person_a').notNull(),
    personB: text('person_b').notNull(),
    /** The case of the person already in the database when it was recorded (the audit entry names it too). */
    caseId: text('case_id').notNull(),
    recordedAt: text('recorded_at').notNull(),
    recordedBy: text('recorded_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.personA, t.personB] }), index('not_same_person_b').on(t.personB)],
);
