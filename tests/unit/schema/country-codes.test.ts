import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, countryOptions } from '../../../shared/countries';
import { countryCode, nationalityCode } from '../../../shared/schema/common';

const keyOf = (schema: typeof countryCode, v: string) => {
  const r = schema.safeParse(v);
  return r.success ? null : r.error.issues[0]?.message;
};

describe('country codes are ISO 3166-1 alpha-3', () => {
  it('accepts real countries for nationality and return', () => {
    for (const code of ['HUN', 'SYR', 'COD', 'CAN', 'XKX']) {
      expect(keyOf(countryCode, code)).toBeNull();
      expect(keyOf(nationalityCode, code)).toBeNull();
    }
  });
  it('refuses codes that are no country', () => {
    for (const code of ['XXX', 'QQQ', 'ZZZ', 'ABC']) {
      expect(keyOf(countryCode, code)).toBe('validation.country_unknown');
      expect(keyOf(nationalityCode, code)).toBe('validation.country_unknown');
    }
    expect(keyOf(countryCode, 'H')).toBe('validation.country_code');
  });
  it('a nationality may be ICAO’s code for a stateless person or a refugee; a country of return may not', () => {
    for (const code of ['XXA', 'XXB', 'XXC']) {
      expect(keyOf(nationalityCode, code)).toBeNull();
      expect(keyOf(countryCode, code)).toBe('validation.country_unknown');
    }
  });
  it('lists every country with its name in English and in French, sorted by name', () => {
    const en = countryOptions('en', 'country');
    const fr = countryOptions('fr', 'nationality');
    expect(en).toHaveLength(COUNTRY_CODES.length);
    expect(en.find((o) => o.code === 'DEU')?.name).toBe('Germany');
    expect(fr.find((o) => o.code === 'DEU')?.name).toBe('Allemagne');
    expect(fr.find((o) => o.code === 'XXA')?.name).toBe('Apatride');
    expect(en.every((o) => o.name !== o.code)).toBe(true);
    expect(en[0]?.name).toBe('Afghanistan');
  });
});
