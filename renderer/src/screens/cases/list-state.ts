import { casePhases, caseStatuses } from '../../../../shared/case/lifecycle';
import type { CasePhase, CaseStatus } from '../../../../shared/case/lifecycle';
import { caseSortKeys, intakeChannels } from '../../../../shared/schema/case';
import type { CaseSortKey, IntakeChannel, ListCasesInput } from '../../../../shared/schema/case';
import { isRealIsoDate } from '../../../../shared/schema/common';
import { CASE_PAGE_SIZE } from '../../../../shared/schema/limits';

/**
 * What the Cases screen shows: search text, filters, order and page. Kept in the app's navigation
 * state (renderer/src/navigation.ts) and written to the address's query, so a reload, the back
 * button or a bookmark brings back the same list. Only what differs from the default is written.
 */
export interface CaseListState {
  query: string;
  /** A status, or a whole part of the programme (one filter: "Status or stage"). */
  stage: { kind: 'status'; value: CaseStatus } | { kind: 'phase'; value: CasePhase } | null;
  officer: string | null;
  channel: IntakeChannel | null;
  from: string | null;
  to: string | null;
  needsMyAction: boolean;
  sort: CaseSortKey;
  dir: 'asc' | 'desc';
  /** 1-based. */
  page: number;
}

export const defaultCaseListState: CaseListState = {
  query: '',
  stage: null,
  officer: null,
  channel: null,
  from: null,
  to: null,
  needsMyAction: false,
  sort: 'updated',
  dir: 'desc',
  page: 1,
};

/** The first page again: any change but a page change starts the list over. */
export function withFilter(state: CaseListState, change: Partial<Omit<CaseListState, 'page'>>): CaseListState {
  return { ...state, ...change, page: 1 };
}

/** A column header pressed: that order, the other way if it is already the order. */
export function withSort(state: CaseListState, sort: CaseSortKey): CaseListState {
  const dir = state.sort === sort ? (state.dir === 'asc' ? 'desc' : 'asc') : sort === 'updated' ? 'desc' : 'asc';
  return { ...state, sort, dir, page: 1 };
}

/** The `case.list` input for this state. */
export function listInput(state: CaseListState): ListCasesInput {
  const input: ListCasesInput = { sort: state.sort, dir: state.dir, limit: CASE_PAGE_SIZE, offset: (state.page - 1) * CASE_PAGE_SIZE };
  const query = state.query.trim();
  if (query) input.query = query;
  if (state.stage?.kind === 'status') input.status = state.stage.value;
  if (state.stage?.kind === 'phase') input.phase = state.stage.value;
  if (state.officer) input.officer = state.officer;
  if (state.channel) input.channel = state.channel;
  if (state.from) input.from = state.from;
  if (state.to) input.to = state.to;
  if (state.needsMyAction) input.needsMyAction = true;
  return input;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_PAGE = 20_000;
const oneOf = <T extends string>(list: readonly T[], v: string | null): T | null => list.find((x) => x === v) ?? null;

/** The state as query parameters (defaults left out). */
export function caseListToParams(state: CaseListState, params: URLSearchParams): void {
  if (state.query.trim()) params.set('q', state.query);
  if (state.stage) params.set(state.stage.kind, state.stage.value);
  if (state.officer) params.set('officer', state.officer);
  if (state.channel) params.set('channel', state.channel);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.needsMyAction) params.set('mine', '1');
  if (state.sort !== defaultCaseListState.sort || state.dir !== defaultCaseListState.dir) params.set('sort', `${state.sort}.${state.dir}`);
  if (state.page > 1) params.set('page', String(state.page));
}

/**
 * The state a query names. The address can be typed or edited by hand: anything unknown or
 * malformed falls back to its default instead of reaching the back end as a refused input.
 */
export function caseListFromParams(params: URLSearchParams): CaseListState {
  const status = oneOf(caseStatuses, params.get('status'));
  const phase = oneOf(casePhases, params.get('phase'));
  const [sortKey = '', dirText = ''] = (params.get('sort') ?? '').split('.');
  const sort = oneOf(caseSortKeys, sortKey);
  const dir = oneOf(['asc', 'desc'] as const, dirText);
  const date = (v: string | null) => (v !== null && isRealIsoDate(v) ? v : null);
  const officer = params.get('officer');
  const page = Number(params.get('page') ?? '1');
  return {
    query: (params.get('q') ?? '').slice(0, 100),
    stage: status ? { kind: 'status', value: status } : phase ? { kind: 'phase', value: phase } : null,
    officer: officer !== null && UUID.test(officer) ? officer : null,
    channel: oneOf(intakeChannels, params.get('channel')),
    from: date(params.get('from')),
    to: date(params.get('to')),
    needsMyAction: params.get('mine') === '1',
    sort: sort && dir ? sort : defaultCaseListState.sort,
    dir: sort && dir ? dir : defaultCaseListState.dir,
    page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
  };
}
