import { blankIntake, blankPerson } from '../../../../shared/schema/intake';
import type { IntakeValues } from './types';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Fill what a stored draft lacks from a blank of the same shape (drafts are saved as typed, possibly partial). */
function merge<T extends Obj>(blank: T, data: unknown): T {
  if (!isObj(data)) return blank;
  const out: Obj = { ...blank };
  for (const [k, v] of Object.entries(blank)) {
    if (!(k in data)) continue;
    const d = data[k];
    out[k] = isObj(v) && !Array.isArray(v) ? merge(v, d) : d;
  }
  return out as T;
}

/** The form values of a draft; a draft that is not an intake (corrupt, foreign) gives `fallback`. */
export function restoreValues(data: unknown, fallback: IntakeValues): IntakeValues {
  if (!isObj(data) || !Array.isArray(data.persons) || data.persons.length === 0) return fallback;
  const base = merge(blankIntake('00000000-0000-4000-8000-000000000000', fallback.channel, fallback.applicationDate), data);
  const persons = data.persons.map((p: unknown) => {
    const o = isObj(p) ? p : {};
    const id = typeof o.id === 'string' ? o.id : crypto.randomUUID();
    const rel = o.relationship === 'principal' || o.relationship === 'spouse' || o.relationship === 'child' ? o.relationship : 'other';
    return merge(blankPerson(id, rel), o);
  });
  const categories = Array.isArray(base.reintegration.categories) ? base.reintegration.categories : [];
  return { ...base, persons, reintegration: { ...base.reintegration, categories } };
}
