import { useEffect, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { offered, verdict } from '../../../../shared/case/guard';
import type { Verdict } from '../../../../shared/case/guard';
import type { CaseAction } from '../../../../shared/case/lifecycle';
import type { IpcError } from '../../../../shared/ipc/errors';
import type { SessionUser } from '../../../../shared/schema/auth';
import { handover as handoverSchema } from '../../../../shared/schema/case-api';
import type { CaseDetail, DraftRecord } from '../../../../shared/schema/case-api';
import type { IntakeDocument } from '../../../../shared/schema/intake';
import type { LiveChange } from '../../../../shared/schema/live';
import { flattenErrors, labelErrors } from '../../components/ErrorSummary';
import type { SummaryItem } from '../../components/ErrorSummary';
import type { IntakeValues } from '../../components/form/types';
import { applyFieldIssues } from '../../form-errors';
import { useAutosave } from '../../hooks/useAutosave';
import { call, errorOf } from '../../ipc';
import type { HandoverState } from '../today/HandoverChoice';
import { onCaseChangedElsewhere } from '../../live/case-changes';

/** The steps the side panel offers (consent and referral live in the documents panel). */
export const STEP_ACTIONS = ['screen', 'decide', 'review', 'reopen', 'withdraw'] as const satisfies readonly CaseAction[];
export type StepAction = (typeof STEP_ACTIONS)[number];
export type Step = { action: StepAction; verdict: Verdict };
export type WorkspaceDialog = 'withdraw' | 'review' | 'reopen' | null;

type Initial = CaseDetail & { myDraft: DraftRecord | null };

/**
 * The case workspace's state and actions: loading (from `initial`), saving, the steps the
 * lifecycle table offers this person now, deciding, conflicts with other saves, and why the case
 * is read-only. The view (CaseWorkspace) only renders what this returns.
 */
export function useCaseWorkspace({ initial, user, form, initialValues }: { initial: Initial; user: SessionUser; form: UseFormReturn<IntakeValues, unknown, IntakeDocument>; initialValues: IntakeValues }) {
  const { t } = useTranslation();
  const [detail, setDetail] = useState<CaseDetail>(initial);
  const myDraft = initial.myDraft;
  const [baseVersion, setBaseVersion] = useState(myDraft?.baseVersion ?? initial.version);
  const [restored, setRestored] = useState(myDraft !== null);
  // The saved intake the officer's edits started from, to tell who changed a field in a conflict;
  // unknown for a draft reopened after someone else saved (its base version is gone).
  const [baseIntake, setBaseIntake] = useState<unknown>(() => (myDraft === null || myDraft.baseVersion === initial.version ? initial.intake : null));

  // Read-only comes from the lifecycle table: the status refuses 'save', or the role lacks case.edit.
  const saveVerdict = verdict('save', detail, user.role);
  const editable = saveVerdict.ok;
  const readOnlyReason = saveVerdict.ok ? null : saveVerdict.kind === 'permission' ? 'lifecycle.readOnlyRole' : saveVerdict.reason;

  const [draftId] = useState(() => myDraft?.draftId ?? crypto.randomUUID());
  const { saver } = useAutosave(form, {
    binding: { draftId, caseId: initial.id, baseVersion: myDraft?.baseVersion ?? initial.version, revision: myDraft?.revision ?? 0 },
    initialJson: JSON.stringify(initialValues),
    userId: user.userId,
    enabled: editable,
  });
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [error, setError] = useState<IpcError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [handover, setHandover] = useState<HandoverState>({ kind: 'now', at: '' });
  const [handoverError, setHandoverError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<WorkspaceDialog>(null);
  const stale = editable && baseVersion < detail.version;
  // Another desk changed this case (live updates): said at once, nothing on the page replaced. A
  // change that left the case's version as this page has it (a print, a booking) changes nothing here.
  const [elsewhere, setElsewhere] = useState<LiveChange | null>(null);
  useEffect(
    () =>
      onCaseChangedElsewhere(initial.id, (change) => {
        if (change.caseVersion === null || change.caseVersion > detail.version) setElsewhere(change);
      }),
    [initial.id, detail.version],
  );

  const steps: Step[] = offered(detail, user.role).filter((s): s is Step => (STEP_ACTIONS as readonly CaseAction[]).includes(s.action));
  const may = (action: CaseAction) => verdict(action, detail, user.role);

  /** A step of ours changed the case without touching the intake: the edits still build on it. */
  const stepped = (next: CaseDetail) => {
    if (baseVersion === detail.version) {
      setBaseVersion(next.version);
      saver.rebase(next.version);
    }
    setDetail(next);
  };

  const persist = async (intake: IntakeDocument): Promise<CaseDetail | null> => {
    await saver.flush();
    saver.suspend(); // the draft is folded into the case by this save
    const current = saver.current;
    try {
      const saved = await call('case.saveIntake', { caseId: detail.id, baseVersion, ...(current.revision > 0 ? { draftId: current.draftId } : {}), intake });
      setDetail(saved);
      setBaseVersion(saved.version);
      setBaseIntake(saved.intake);
      setRestored(false);
      form.reset(saved.intake);
      saver.rebind({ draftId: crypto.randomUUID(), caseId: saved.id, baseVersion: saved.version, revision: 0 }, JSON.stringify(form.getValues()));
      return saved;
    } catch (e) {
      const err = errorOf(e);
      saver.resume();
      if (err.code === 'conflict') {
        // Someone saved the case meanwhile: keep the draft, show what changed and let the officer choose.
        setError({ ...err, messageKey: 'errors.save_conflict' });
        setElsewhere(null);
        if (baseVersion !== detail.version) setBaseIntake(null);
        try {
          setDetail(await call('case.get', { caseId: detail.id }));
        } catch (again) {
          setError(errorOf(again));
        }
      } else if (applyFieldIssues(err, form.setError, { under: 'intake' })) {
        setSummary(labelErrors(flattenErrors(form.formState.errors)));
      } else setError(err);
      return null;
    }
  };

  const run = (fn: (intake: IntakeDocument) => Promise<void>) =>
    form.handleSubmit(
      async (intake) => {
        setSummary([]);
        setError(null);
        setDone(null);
        setBusy(true);
        try {
          await fn(intake);
        } catch (e) {
          setError(errorOf(e));
        } finally {
          setBusy(false);
        }
      },
      (errors) => setSummary(labelErrors(flattenErrors(errors))),
    );

  const save = run(async (intake) => {
    if (await persist(intake)) setDone(t('case.savedNow'));
  });

  const decide = run(async (intake) => {
    const saved = await persist(intake);
    if (!saved) return;
    const decided = await call('case.decide', { caseId: saved.id, baseVersion: saved.version });
    setDetail(decided);
    setBaseVersion(decided.version);
    saver.rebase(decided.version);
    setDone(t('decision.recorded', { outcome: t(`outcome.${decided.decision?.outcome ?? 'needs_review'}`) }));
    requestAnimationFrame(() => document.getElementById('decision')?.focus());
  });

  const screen = run(async (intake) => {
    const h = handoverSchema.safeParse(handover.kind === 'appointment' ? { kind: 'appointment', at: handover.at } : { kind: 'now' });
    if (!h.success) {
      setHandoverError('appointments.error.pick');
      document.getElementById('handover-at')?.focus();
      return;
    }
    setHandoverError(null);
    const saved = await persist(intake);
    if (!saved) return;
    const screened = await call('case.screen', { caseId: saved.id, baseVersion: saved.version, handover: h.data });
    setDetail(screened);
    setBaseVersion(screened.version);
    saver.rebase(screened.version);
    setDone(t('handover.done'));
  });

  /** "Keep my changes" after someone else saved: the draft now builds on the saved version. */
  const keepDraft = () => {
    setBaseVersion(detail.version);
    setBaseIntake(detail.intake);
    saver.rebase(detail.version);
    saver.markDirty();
    setError(null);
  };

  const discardDraft = async () => {
    await call('draft.discard', { draftId: saver.current.draftId });
    form.reset(detail.intake);
    setBaseVersion(detail.version);
    setBaseIntake(detail.intake);
    saver.rebind({ draftId: crypto.randomUUID(), caseId: detail.id, baseVersion: detail.version, revision: 0 }, JSON.stringify(form.getValues()));
    setRestored(false);
    setError(null);
  };

  /**
   * "See their version" after another desk changed the case. With nothing of the officer's on the
   * page (no edit, no draft), the page simply shows the saved case; otherwise the saved case comes
   * in as a newer version and the usual review of a newer save lets the officer keep their text.
   */
  const showTheirs = async () => {
    setError(null);
    try {
      const fresh = await call('case.get', { caseId: detail.id });
      setElsewhere(null);
      const untouched = !editable || (baseVersion === detail.version && !restored && !form.formState.isDirty);
      if (untouched) {
        form.reset(fresh.intake);
        setBaseVersion(fresh.version);
        setBaseIntake(fresh.intake);
        saver.rebind({ draftId: crypto.randomUUID(), caseId: fresh.id, baseVersion: fresh.version, revision: 0 }, JSON.stringify(form.getValues()));
      }
      setDetail(fresh);
      // The button is gone: the focus goes to what replaced it (the review of the newer save, or the case's heading).
      if (!untouched && fresh.version > baseVersion) requestAnimationFrame(() => document.getElementById('draft-conflict-title')?.focus());
      else {
        setDone(t('live.shown'));
        requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
      }
    } catch (e) {
      setError(errorOf(e));
    }
  };

  /** A dialog's action finished (review, reopen, withdrawal): the case moved on. */
  const finished = (next: CaseDetail, message: string) => {
    setDialog(null);
    setError(null);
    stepped(next);
    setDone(message);
  };

  return {
    detail,
    baseVersion,
    baseIntake,
    restored,
    editable,
    readOnlyReason,
    stale,
    saver,
    summary,
    error,
    done,
    busy,
    handover,
    setHandover,
    handoverError,
    dialog,
    setDialog,
    steps,
    may,
    stepped,
    finished,
    save,
    decide,
    screen,
    keepDraft,
    discardDraft,
    elsewhere,
    showTheirs,
  };
}
