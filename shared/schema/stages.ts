import { z } from 'zod';
import { caseStatuses } from '../case/lifecycle';
import { reintegrationCategories } from './intake';
import { entityId, eventDate, isoDate } from './common';

/**
 * The stages after referral: what each one records (IOM's reports, or a CBSA officer at
 * departure), the input of `stage.record` and the JSON kept with each entry. Dates are the
 * office's local dates; the back end checks their order against the case's history.
 */
const version = z.number({ error: 'validation.invalid' }).int().min(1);
const text = (max: number) => z.string().trim().min(1, { error: 'validation.required' }).max(max, { error: 'validation.too_long' });
const cad = z.number({ error: 'validation.invalid' }).int({ error: 'validation.invalid' }).min(0, { error: 'validation.invalid' }).max(100_000, { error: 'validation.invalid' });

export const stageSources = ['iom_email', 'iom_phone', 'iom_file', 'cbsa_officer'] as const;
export const stageSource = z.enum(stageSources, { error: 'validation.choice' });
export type StageSource = z.infer<typeof stageSource>;

export const travelDocumentOutcomes = ['not_needed', 'requested', 'issued', 'refused'] as const;
export const travelDocumentTypes = ['passport', 'emergency_travel_document', 'laissez_passer', 'other'] as const;

export const issuedDocument = z
  .object({
    personId: entityId,
    type: z.enum(travelDocumentTypes, { error: 'validation.choice' }),
    number: text(40),
    expiryDate: isoDate,
  })
  .strict();

export const assistanceEntry = z
  .object({
    personId: entityId,
    category: z.enum(reintegrationCategories, { error: 'validation.choice' }),
    /** What IOM committed for this person in this category, in kind, valued in CAD. */
    committedCad: cad,
    /** What IOM reports as delivered so far. */
    deliveredCad: cad,
  })
  .strict();
export type AssistanceEntry = z.infer<typeof assistanceEntry>;

/** The facts of each stage, by action. */
export const stageDetails = z.discriminatedUnion('action', [
  z.object({ action: z.literal('acknowledge'), iomReference: text(64) }).strict(),
  z.object({ action: z.literal('counsel') }).strict(),
  z
    .object({
      action: z.literal('recordTravelDocument'),
      outcome: z.enum(travelDocumentOutcomes, { error: 'validation.choice' }),
      documents: z.array(issuedDocument).max(20).default([]),
      reason: z.string().trim().max(2000, { error: 'validation.too_long' }).default(''),
    })
    .strict(),
  z
    .object({
      action: z.literal('bookFlight'),
      flightDate: eventDate,
      departureAirport: z.string().regex(/^[A-Z]{3}$/, { error: 'validation.airport' }),
      itineraryReference: text(64),
    })
    .strict(),
  z.object({ action: z.literal('confirmDeparture'), place: text(200) }).strict(),
  z.object({ action: z.literal('noShow'), reason: text(2000) }).strict(),
  z.object({ action: z.literal('confirmArrival') }).strict(),
  z.object({ action: z.literal('agreePlan') }).strict(),
  z.object({ action: z.literal('recordAssistance'), entries: z.array(assistanceEntry).min(1, { error: 'validation.required' }).max(200) }).strict(),
  z.object({ action: z.literal('recordFollowUp'), notes: text(2000) }).strict(),
  z.object({ action: z.literal('close') }).strict(),
  z.object({ action: z.literal('iomDecline'), reason: text(2000) }).strict(),
]);
export type StageDetails = z.infer<typeof stageDetails>;

export const recordStageInput = z
  .object({
    caseId: entityId,
    baseVersion: version,
    occurredOn: eventDate,
    source: stageSource,
    stage: stageDetails,
  })
  .strict();
export type RecordStageInput = z.infer<typeof recordStageInput>;

export const correctStageInput = z
  .object({
    caseId: entityId,
    baseVersion: version,
    /** The entry recorded by mistake: the latest one still in force. */
    entryId: entityId,
    reason: z.string().trim().min(10, { error: 'validation.reason_required' }).max(2000, { error: 'validation.too_long' }),
  })
  .strict();

/** One entry of a case's history after referral, as read back. */
export const stageEntry = z.object({
  id: z.string(),
  seq: z.number().int(),
  occurredOn: z.string(),
  source: stageSource,
  stage: z.union([stageDetails, z.object({ action: z.literal('correctStage') }).strict()]),
  statusBefore: z.enum(caseStatuses),
  statusAfter: z.enum(caseStatuses),
  correctsId: z.string().nullable(),
  /** Set when a later correction undid this entry. */
  correctedBy: z.string().nullable(),
  reason: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string(),
  /** Who recorded it, as officers read it (display name); null if the account is unknown. */
  recordedByName: z.string().nullable(),
});
export type StageEntry = z.infer<typeof stageEntry>;
