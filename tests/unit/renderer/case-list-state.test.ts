import { describe, expect, it } from 'vitest';
import { caseListFromParams, caseListToParams, defaultCaseListState, listInput, withFilter, withSort } from '../../../renderer/src/screens/cases/list-state';
import type { CaseListState } from '../../../renderer/src/screens/cases/list-state';
import { CASE_PAGE_SIZE } from '../../../shared/schema/limits';
import { listCasesInput } from '../../../shared/schema/case';

const roundTrip = (s: CaseListState): CaseListState => {
  const params = new URLSearchParams();
  caseListToParams(s, params);
  return caseListFromParams(new URLSearchParams(params.toString()));
};

describe('the Cases screen state in the address', () => {
  it('writes nothing for the default list and reads it back', () => {
    const params = new URLSearchParams();
    caseListToParams(defaultCaseListState, params);
    expect(params.toString()).toBe('');
    expect(roundTrip(defaultCaseListState)).toEqual(defaultCaseListState);
  });

  it('brings back every filter, the order and the page (a bookmark, a reload)', () => {
    const s: CaseListState = {
      query: '07/03/1980',
      stage: { kind: 'phase', value: 'iom' },
      officer: '0b7e6a8c-3f44-4a5e-9d7e-2c1f9a0b1c2d',
      channel: 'walk_in',
      from: '2026-01-01',
      to: '2026-11-30',
      needsMyAction: true,
      sort: 'caseNumber',
      dir: 'asc',
      page: 7,
    };
    expect(roundTrip(s)).toEqual(s);
    expect(roundTrip({ ...s, stage: { kind: 'status', value: 'under_review' } }).stage).toEqual({ kind: 'status', value: 'under_review' });
  });

  it('falls back to the default for whatever was edited into the address by hand', () => {
    const s = caseListFromParams(new URLSearchParams('status=nope&officer=1%20OR%201&channel=fax&from=2026-02-30&sort=name.sideways&page=-3&mine=yes'));
    expect(s).toEqual(defaultCaseListState);
  });

  it('asks the back end for the page shown, in a form it accepts', () => {
    const s = withSort(withFilter(defaultCaseListState, { query: ' kovacs ', channel: 'email' }), 'name');
    const input = listInput({ ...s, page: 3 });
    expect(input).toMatchObject({ query: 'kovacs', channel: 'email', sort: 'name', dir: 'asc', limit: CASE_PAGE_SIZE, offset: 2 * CASE_PAGE_SIZE });
    expect(listCasesInput.strict().safeParse(input).success).toBe(true);
  });

  it('starts over at the first page on a new filter or order; the same header twice turns the order round', () => {
    const onPage4 = { ...defaultCaseListState, page: 4 };
    expect(withFilter(onPage4, { needsMyAction: true }).page).toBe(1);
    const byNumber = withSort(onPage4, 'caseNumber');
    expect(byNumber).toMatchObject({ sort: 'caseNumber', dir: 'asc', page: 1 });
    expect(withSort(byNumber, 'caseNumber').dir).toBe('desc');
  });
});
