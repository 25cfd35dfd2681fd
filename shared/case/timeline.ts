import type { CaseDetail } from '../schema/case-api';
import { programmeValue } from './programme';
import { stageOn } from './stages';
import { statusInfo } from './lifecycle';

/**
 * The case's clock: days from intake to decision, referral and departure, against the
 * programme's aim (departure within 30 days of intake), and what is overdue, in plain words
 * (i18n keys under `clock.*`).
 */
export interface CaseClock {
  intakeOn: string;
  aimDays: number;
  /** The date the aim falls on. */
  aimOn: string;
  steps: { step: 'decision' | 'referral' | 'departure'; on: string | null; days: number | null }[];
  /** Days since intake: to departure if departed, else to today. */
  elapsedDays: number;
  /** Departed within the aim / still possible / past it / ended without departure. */
  state: 'met' | 'missed' | 'on_track' | 'due_soon' | 'overdue' | 'ended';
  /** What to say about it. */
  message: { key: string; params: Record<string, string | number> };
}

/** Whole days from one office date to another (calendar days, time zone free). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDaysIso(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const DUE_SOON_DAYS = 7;

export function caseClock(c: Pick<CaseDetail, 'status' | 'milestones' | 'stages'>, today: string): CaseClock {
  const intakeOn = c.milestones.intakeOn;
  const aimDays = programmeValue('departureAimDays', intakeOn);
  const aimOn = addDaysIso(intakeOn, aimDays);
  const departedOn = stageOn(c.stages, 'confirmDeparture');
  const step = (s: CaseClock['steps'][number]['step'], on: string | null) => ({ step: s, on, days: on ? daysBetween(intakeOn, on) : null });
  const steps = [step('decision', c.milestones.decidedOn), step('referral', c.milestones.referredOn), step('departure', departedOn)];
  if (departedOn) {
    const days = daysBetween(intakeOn, departedOn);
    return { intakeOn, aimDays, aimOn, steps, elapsedDays: days, state: days <= aimDays ? 'met' : 'missed', message: { key: days <= aimDays ? 'clock.met' : 'clock.missed', params: { days, aim: aimDays } } };
  }
  const elapsed = daysBetween(intakeOn, today);
  if (statusInfo[c.status].final) return { intakeOn, aimDays, aimOn, steps, elapsedDays: elapsed, state: 'ended', message: { key: 'clock.ended', params: { days: elapsed } } };
  const left = aimDays - elapsed;
  if (left < 0) return { intakeOn, aimDays, aimOn, steps, elapsedDays: elapsed, state: 'overdue', message: { key: 'clock.overdue', params: { days: -left, aim: aimDays, date: aimOn } } };
  const state = left <= DUE_SOON_DAYS ? 'due_soon' : 'on_track';
  return { intakeOn, aimDays, aimOn, steps, elapsedDays: elapsed, state, message: { key: `clock.${state}`, params: { days: left, aim: aimDays, date: aimOn } } };
}
