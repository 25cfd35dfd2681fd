import { describe, expect, it } from 'vitest';
import { bilingualCountryName, countryName } from '../../../shared/countries';

describe('country names on printed forms', () => {
  it('names the countries of the programme in English and French', () => {
    expect(bilingualCountryName('SYR')).toBe('Syria / Syrie');
    expect(bilingualCountryName('HUN')).toBe('Hungary / Hongrie');
    expect(bilingualCountryName('LKA')).toBe('Sri Lanka');
    expect(countryName('MEX', 'fr')).toBe('Mexique');
    expect(countryName('COD', 'en')).toMatch(/Congo/);
  });
  it('names stateless persons and refugees as travel documents code them', () => {
    expect(bilingualCountryName('XXA')).toBe('Stateless person / Apatride');
  });
  it('prints an unknown code as it is rather than guessing', () => {
    expect(bilingualCountryName('QQQ')).toBe('QQQ');
    expect(countryName('QQQ', 'en')).toBeNull();
  });
});
