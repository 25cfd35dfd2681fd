import { factsOf } from './case-facts';
import type { ReportCase } from './report-case';

/**
 * The duplicate check (docs/reports.md: "another case still open shares a person"): for each case,
 * the open case other than itself that shares a person with it (same UCI, or same folded name and
 * date of birth), the one with the smallest case number.
 *
 * It looks across all the cases but not at the query or today, so it is kept between reports and
 * brought up to date from the last list: the cases that are new objects in the list (a new version,
 * new scans, a new case) and those no longer in it are taken out of and put into the index, and
 * only the cases sharing one of their identities are looked at again. Anything the update cannot
 * follow (a case twice in the list, most of the list changed) builds it afresh; both give the same.
 */
export interface DuplicateIndex {
  /** The other open case sharing a person with this one (open or not), or null. */
  otherOf(c: ReportCase): ReportCase | null;
  /** The cases that have another (a report kept between calls compares them with its own). */
  suspects(): Iterable<ReportCase>;
}

/** Past this many cases changed since the last list, building afresh is as quick as following them. */
const FOLLOW_MAX = 2000;

/** A case's identity keys: its UCIs (prefixed u) and folded names with dates of birth (prefixed n), each once. */
function keysOf(c: ReportCase): string[] {
  const out: string[] = [];
  for (const p of c.identities) {
    if (p.uci !== null && p.uci !== '') out.push(`u${p.uci}`);
    if (p.nameDob !== '') out.push(`n${p.nameDob}`);
  }
  return out.length > 1 ? [...new Set(out)] : out;
}

class Index implements DuplicateIndex {
  /** Every case holding each key (open or not), a lone holder kept as itself (most keys have one). */
  private readonly holders = new Map<string, ReportCase | ReportCase[]>();
  /** Each case's keys, as they were put in. */
  private readonly keys = new Map<ReportCase, readonly string[]>();
  /** The cases with another open case sharing a person. */
  private readonly other = new Map<ReportCase, ReportCase>();
  /** The list this index is of (a copy: the caller's array may change). */
  list: readonly ReportCase[];

  constructor(cases: readonly ReportCase[]) {
    this.list = [...cases];
    for (const c of this.list) this.add(c);
    // Only the holders of a shared key can have another.
    const seen = new Set<ReportCase>();
    for (const held of this.holders.values()) {
      if (!Array.isArray(held)) continue;
      for (const c of held) {
        if (seen.has(c)) continue;
        seen.add(c);
        this.settle(c);
      }
    }
  }

  /** Whether every case of the list is in the index once (the list has no case twice). */
  get whole(): boolean {
    return this.keys.size === this.list.length;
  }

  otherOf(c: ReportCase): ReportCase | null {
    return this.other.get(c) ?? null;
  }

  suspects(): Iterable<ReportCase> {
    return this.other.keys();
  }

  /**
   * Brings the index to `next`, from the cases taken out and put in (`next` is the last list
   * without `gone`, with `came`). False when it cannot (a case put in twice): build afresh.
   */
  follow(next: readonly ReportCase[], gone: readonly ReportCase[], came: readonly ReportCase[]): boolean {
    const touched = new Set<string>();
    for (const c of gone) {
      for (const k of this.keys.get(c) ?? []) {
        touched.add(k);
        const held = this.holders.get(k);
        if (held === c) this.holders.delete(k);
        else if (Array.isArray(held)) {
          const rest = held.filter((o) => o !== c);
          this.holders.set(k, rest.length === 1 && rest[0] !== undefined ? rest[0] : rest);
        }
      }
      this.keys.delete(c);
      this.other.delete(c);
    }
    for (const c of came) {
      if (!this.add(c)) return false;
      for (const k of this.keys.get(c) ?? []) touched.add(k);
    }
    this.list = [...next];
    if (!this.whole) return false;
    const seen = new Set<ReportCase>();
    for (const k of touched) {
      const held = this.holders.get(k);
      if (held === undefined) continue;
      for (const c of Array.isArray(held) ? held : [held]) {
        if (seen.has(c)) continue;
        seen.add(c);
        this.settle(c);
      }
    }
    return true;
  }

  /** Puts a case's keys in; false when it is in already. */
  private add(c: ReportCase): boolean {
    if (this.keys.has(c)) return false;
    const keys = keysOf(c);
    this.keys.set(c, keys);
    for (const k of keys) {
      const held = this.holders.get(k);
      if (held === undefined) this.holders.set(k, c);
      else if (Array.isArray(held)) held.push(c);
      else this.holders.set(k, [held, c]);
    }
    return true;
  }

  /** The case's other: the open holder of one of its keys, not itself, with the smallest case number. */
  private settle(c: ReportCase): void {
    let best: ReportCase | null = null;
    for (const k of this.keys.get(c) ?? []) {
      const held = this.holders.get(k);
      if (!Array.isArray(held)) continue;
      for (const o of held) if (o !== c && factsOf(o).open && (best === null || o.caseNumber < best.caseNumber)) best = o;
    }
    if (best === null) this.other.delete(c);
    else this.other.set(c, best);
  }
}

/** The index kept from the last report (one: reports are of one database at a time). */
let last: Index | null = null;

/** The duplicate index of these cases, brought up to date from the last one when it can be. */
export function duplicateIndex(cases: readonly ReportCase[]): DuplicateIndex {
  const held = last;
  if (held !== null && held.whole) {
    const changes = listChanges(held.list, cases);
    if (changes !== null) {
      if (changes.gone.length === 0 && changes.came.length === 0) return held;
      if (held.follow(cases, changes.gone, changes.came)) return held;
    }
  }
  last = new Index(cases);
  return last;
}

/**
 * The cases taken out of `before` and put into `after`, walking both in step (a case changed in
 * place, one put in or taken out between two others); null when they differ by more than `max`.
 * As multisets, `after` is `before` without `gone`, with `came` (a case moved is in both).
 */
export function listChanges(before: readonly ReportCase[], after: readonly ReportCase[], max = FOLLOW_MAX): { gone: ReportCase[]; came: ReportCase[] } | null {
  const gone: ReportCase[] = [];
  const came: ReportCase[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    const a = before[i];
    const b = after[j];
    if (a !== undefined && a === b) {
      i++;
      j++;
      continue;
    }
    if (b !== undefined && a !== undefined && after[j + 1] === a) {
      came.push(b);
      j++;
    } else if (a !== undefined && b !== undefined && before[i + 1] === b) {
      gone.push(a);
      i++;
    } else {
      if (a !== undefined) gone.push(a);
      if (b !== undefined) came.push(b);
      i++;
      j++;
    }
    if (gone.length + came.length > max) return null;
  }
  return { gone, came };
}
