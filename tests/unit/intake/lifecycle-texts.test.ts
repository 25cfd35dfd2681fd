import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseActions, caseStatuses, lifecycle } from '../../../shared/case/lifecycle';
import en from '../../../shared/i18n/en.json';
import fr from '../../../shared/i18n/fr.json';

/**
 * Every text the lifecycle can put before an officer exists in English and French: the table's
 * refusal reasons, every gap, every message key the case module and the document flows send.
 * Nothing reaches the screen as a raw key or a field path.
 */
const get = (o: unknown, key: string): unknown => key.split('.').reduce<unknown>((a, k) => (a && typeof a === 'object' ? (a as Record<string, unknown>)[k] : undefined), o);

const sources = ['shared/case/requirements.ts', 'shared/case/guard.ts', 'electron/core/cases/actions.ts', 'electron/core/cases/guard.ts', 'electron/core/register/flows.ts'];
const sent = new Set<string>();
for (const f of sources) {
  const text = readFileSync(f, 'utf8');
  for (const m of text.matchAll(/'((?:lifecycle|errors|validation)\.[a-z_.]+)'/g)) sent.add(m[1]!);
  // requirements.ts names its gaps without the prefix: gap('country_of_return', ...) and the signer's two cases.
  for (const m of text.matchAll(/gap\('([a-z_]+)'/g)) sent.add(`lifecycle.gap.${m[1]!}`);
  for (const m of text.matchAll(/'(consent_(?:adult_self|minor_guardian))'/g)) sent.add(`lifecycle.gap.${m[1]!}`);
}
for (const s of caseStatuses) {
  sent.add(`status.${s}`);
  for (const a of caseActions) {
    const t = lifecycle[s][a];
    if (!t.allowed) sent.add(t.reason);
  }
}

describe('lifecycle texts (en, fr)', () => {
  it.each([...sent].sort())('%s is translated in both languages', (key) => {
    expect(typeof get(en, key), `en: ${key}`).toBe('string');
    expect(typeof get(fr, key), `fr: ${key}`).toBe('string');
  });

  it('gap texts name what to fill in, with the person where the gap is about one', () => {
    const gaps = get(en, 'lifecycle.gap') as Record<string, string>;
    expect(gaps['country_of_return']).toBe('Travel: the country of return is not recorded.');
    for (const k of ['travel_document', 'escort', 'tier', 'consent_person']) expect(gaps[k]).toContain('{{person}}');
  });

  it('French lifecycle texts put a non-breaking space before : ; ? !', () => {
    const walk = (o: unknown): string[] => (typeof o === 'string' ? [o] : o && typeof o === 'object' ? Object.values(o).flatMap(walk) : []);
    for (const s of walk(get(fr, 'lifecycle'))) expect(s, s).not.toMatch(/ [:;?!]/);
  });
});
