import { describe, expect, it } from 'vitest';
import { intakeDifferences } from '../../../renderer/src/screens/case/conflict/diff';

const base = { contact: { phone: '', email: 'a@b.ca' }, travel: { finalDestination: '' }, persons: [{ id: 'p1', nameLatin: 'Amina Yusuf' }] };
const theirs = { ...base, contact: { phone: '+1 905 555 0100', email: 'a@b.ca' } };
const mine = { ...base, travel: { finalDestination: 'Hargeisa' } };

describe('edit conflict: what differs, field by field, and which side is proposed', () => {
  it('knowing the base: the side that changed a field is proposed; fields both agree on are not listed', () => {
    expect(intakeDifferences(mine, theirs, base)).toEqual([
      { path: 'contact.phone', mine: '', theirs: '+1 905 555 0100', proposed: 'theirs' },
      { path: 'travel.finalDestination', mine: 'Hargeisa', theirs: '', proposed: 'mine' },
    ]);
  });
  it('both changed the same field: the officer’s is proposed, the other shown', () => {
    const both = { ...mine, contact: { phone: '+1 416 555 0000', email: 'a@b.ca' } };
    expect(intakeDifferences(both, theirs, base).find((d) => d.path === 'contact.phone')?.proposed).toBe('mine');
  });
  it('without the base (draft reopened later): what one side left empty is taken from the side that filled it', () => {
    expect(intakeDifferences(mine, theirs, null).map((d) => [d.path, d.proposed])).toEqual([
      ['contact.phone', 'theirs'],
      ['travel.finalDestination', 'mine'],
    ]);
  });
  it('a person added on one side is one difference for the whole list', () => {
    const added = { ...theirs, persons: [...base.persons, { id: 'p2', nameLatin: 'Ali Yusuf' }] };
    expect(intakeDifferences(base, added, base).map((d) => d.path)).toEqual(['contact.phone', 'persons']);
  });
});
