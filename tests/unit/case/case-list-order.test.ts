import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseStatuses } from '../../../shared/case/lifecycle';
import type { CasePage } from '../../../shared/schema/case';
import type { CaseDetail } from '../../../shared/schema/case-api';
import { intakeWith, makeCore, withAccounts } from '../core/helpers';
import type { TestCore } from '../core/helpers';

/**
 * The Cases screen's list read in two steps (the page's ids from the narrow list indexes, then
 * their rows) and the one- or two-letter name search read newest first up to the page: the same
 * cases, in the same order, as the order asked for says.
 */
describe('the case list: orders, and names of one or two letters (real core)', () => {
  let t: TestCore;
  const names = ['zoe Li', 'Adam Wu', 'béla Kovács', 'Chen Li', 'Dara Okafor', 'Ömer Yilmaz', 'Li Na', 'ana Lima'];
  let created: CaseDetail[];
  beforeAll(async () => {
    t = makeCore();
    const accounts = await withAccounts(t);
    await t.ok('auth.signIn', accounts.interview_officer);
    created = [];
    for (const [i, n] of names.entries()) {
      const intake = intakeWith({ nameAsWritten: n, nameLatin: n, dateOfBirth: `198${i}-01-02`, nationality: 'CHN' });
      created.push(await t.ok<CaseDetail>('case.create', { intake }));
      t.clock.advanceMinutes(1);
    }
    // Two decided (or sent to review): the order by status puts them after the drafts.
    for (const c of [created[1]!, created[4]!]) await t.ok('case.decide', { caseId: c.id, baseVersion: c.version });
  }, 60_000);
  afterAll(() => t.dispose());
  const list = (input: object) => t.ok<CasePage>('case.list', { limit: 50, offset: 0, ...input });

  it('orders by name (capitals and accents aside from the letters), by status in lifecycle order, by case number', async () => {
    const byName = (await list({ sort: 'name', dir: 'asc' })).items.map((c) => c.principalNameLatin);
    expect(byName).toHaveLength(names.length);
    expect(byName.map((n) => n.toLowerCase())).toEqual([...byName].map((n) => n.toLowerCase()).sort());
    const statusPage = (await list({ sort: 'status', dir: 'asc' })).items;
    const byStatus = statusPage.map((c) => caseStatuses.indexOf(c.status));
    expect(byStatus).toEqual([...byStatus].sort((a, b) => a - b));
    expect(statusPage.slice(-2).map((c) => c.id).sort()).toEqual([created[1]!.id, created[4]!.id].sort());
    const numbers = (await list({ sort: 'caseNumber', dir: 'desc' })).items.map((c) => c.caseNumber);
    expect(numbers).toEqual([...numbers].sort().reverse());
    expect(numbers).toHaveLength(names.length);
  });

  it('finds a two-letter name, newest change first, every page reachable once, counted right', async () => {
    const withLi = created.filter((c) => /li/i.test(c.intake.persons[0]!.nameLatin)).map((c) => c.id).reverse();
    expect(withLi).toHaveLength(4);
    const all = await list({ query: 'Li' });
    expect(all.items.map((c) => c.id)).toEqual(withLi);
    expect(all.total).toBe(withLi.length);
    const seen: string[] = [];
    for (let offset = 0; offset < withLi.length; offset += 2) {
      const p = await list({ query: 'li', limit: 2, offset });
      expect(p.total).toBe(withLi.length);
      seen.push(...p.items.map((c) => c.id));
    }
    expect(seen).toEqual(withLi);
    // One letter, accents aside: ö finds Ömer and every other o.
    const o = (await list({ query: 'ö' })).items.map((c) => c.principalNameLatin);
    expect(o.sort()).toEqual(['Dara Okafor', 'béla Kovács', 'zoe Li', 'Ömer Yilmaz'].sort());
  });
});
