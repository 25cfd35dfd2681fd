/**
 * Field-by-field differences between the officer's draft and the intake someone else saved
 * meanwhile. Leaves are compared as JSON; a list whose length differs (a person added or
 * removed) is one difference for the whole list, since its items no longer line up.
 */
export interface FieldDifference {
  /** The form path, e.g. "travel.finalDestination" or "persons.1.claim.outcome". */
  path: string;
  mine: unknown;
  theirs: unknown;
  /** Which side is taken unless the officer chooses otherwise. */
  proposed: 'mine' | 'theirs';
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const empty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
const at = (v: unknown, key: string): unknown => (isRecord(v) ? v[key] : Array.isArray(v) ? v[Number(key)] : undefined);

function walk(mine: unknown, theirs: unknown, base: unknown, hasBase: boolean, path: string, out: FieldDifference[]): void {
  if (same(mine, theirs)) return;
  const lists = Array.isArray(mine) && Array.isArray(theirs) && mine.length === theirs.length;
  if ((isRecord(mine) && isRecord(theirs)) || lists) {
    const keys = new Set([...Object.keys(mine as object), ...Object.keys(theirs as object)]);
    for (const k of keys) walk(at(mine, k), at(theirs, k), at(base, k), hasBase, path === '' ? k : `${path}.${k}`, out);
    return;
  }
  out.push({ path, mine, theirs, proposed: propose(mine, theirs, base, hasBase) });
}

/**
 * Knowing what the draft started from, the side that changed the field wins (both changed it:
 * the officer's, shown to them). Not knowing it (the draft was reopened later): what one side
 * left empty and the other filled in is taken from the side that filled it in.
 */
function propose(mine: unknown, theirs: unknown, base: unknown, hasBase: boolean): 'mine' | 'theirs' {
  if (hasBase) return same(mine, base) ? 'theirs' : 'mine';
  return empty(mine) && !empty(theirs) ? 'theirs' : 'mine';
}

export function intakeDifferences(mine: unknown, theirs: unknown, base: unknown): FieldDifference[] {
  const out: FieldDifference[] = [];
  walk(mine, theirs, base, base !== null, '', out);
  return out;
}
