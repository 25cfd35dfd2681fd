/**
 * Country names for ISO 3166-1 alpha-3 codes, in English and French, for printed forms.
 * The names come from the platform's CLDR data (Intl.DisplayNames, keyed by alpha-2); this
 * table only maps alpha-3 to alpha-2. ICAO's codes for stateless persons and refugees (used on
 * travel documents) have their own names.
 */
const ALPHA3_TO_ALPHA2 = Object.fromEntries(
  (
    'AFG AF ALA AX ALB AL DZA DZ ASM AS AND AD AGO AO AIA AI ATA AQ ATG AG ARG AR ARM AM ABW AW AUS AU AUT AT AZE AZ ' +
    'BHS BS BHR BH BGD BD BRB BB BLR BY BEL BE BLZ BZ BEN BJ BMU BM BTN BT BOL BO BES BQ BIH BA BWA BW BVT BV BRA BR ' +
    'IOT IO BRN BN BGR BG BFA BF BDI BI CPV CV KHM KH CMR CM CAN CA CYM KY CAF CF TCD TD CHL CL CHN CN CXR CX CCK CC ' +
    'COL CO COM KM COG CG COD CD COK CK CRI CR CIV CI HRV HR CUB CU CUW CW CYP CY CZE CZ DNK DK DJI DJ DMA DM DOM DO ' +
    'ECU EC EGY EG SLV SV GNQ GQ ERI ER EST EE SWZ SZ ETH ET FLK FK FRO FO FJI FJ FIN FI FRA FR GUF GF PYF PF ATF TF ' +
    'GAB GA GMB GM GEO GE DEU DE GHA GH GIB GI GRC GR GRL GL GRD GD GLP GP GUM GU GTM GT GGY GG GIN GN GNB GW GUY GY ' +
    'HTI HT HMD HM VAT VA HND HN HKG HK HUN HU ISL IS IND IN IDN ID IRN IR IRQ IQ IRL IE IMN IM ISR IL ITA IT JAM JM ' +
    'JPN JP JEY JE JOR JO KAZ KZ KEN KE KIR KI PRK KP KOR KR KWT KW KGZ KG LAO LA LVA LV LBN LB LSO LS LBR LR LBY LY ' +
    'LIE LI LTU LT LUX LU MAC MO MDG MG MWI MW MYS MY MDV MV MLI ML MLT MT MHL MH MTQ MQ MRT MR MUS MU MYT YT MEX MX ' +
    'FSM FM MDA MD MCO MC MNG MN MNE ME MSR MS MAR MA MOZ MZ MMR MM NAM NA NRU NR NPL NP NLD NL NCL NC NZL NZ NIC NI ' +
    'NER NE NGA NG NIU NU NFK NF MKD MK MNP MP NOR NO OMN OM PAK PK PLW PW PSE PS PAN PA PNG PG PRY PY PER PE PHL PH ' +
    'PCN PN POL PL PRT PT PRI PR QAT QA REU RE ROU RO RUS RU RWA RW BLM BL SHN SH KNA KN LCA LC MAF MF SPM PM VCT VC ' +
    'WSM WS SMR SM STP ST SAU SA SEN SN SRB RS SYC SC SLE SL SGP SG SXM SX SVK SK SVN SI SLB SB SOM SO ZAF ZA SGS GS ' +
    'SSD SS ESP ES LKA LK SDN SD SUR SR SJM SJ SWE SE CHE CH SYR SY TWN TW TJK TJ TZA TZ THA TH TLS TL TGO TG TKL TK ' +
    'TON TO TTO TT TUN TN TUR TR TKM TM TCA TC TUV TV UGA UG UKR UA ARE AE GBR GB USA US UMI UM URY UY UZB UZ VUT VU ' +
    'VEN VE VNM VN VGB VG VIR VI WLF WF ESH EH YEM YE ZMB ZM ZWE ZW XKX XK'
  )
    .match(/[A-Z]{3} [A-Z]{2}/g)!
    .map((pair) => pair.split(' ') as [string, string]),
);

/**
 * The countries an intake may name: ISO 3166-1 alpha-3, plus XKX (Kosovo: user-assigned, but
 * the code IOM, the EU and travel documents use).
 */
export const COUNTRY_CODES: readonly string[] = Object.keys(ALPHA3_TO_ALPHA2);
/**
 * A nationality may also be one of ICAO's codes for stateless persons and refugees (as on their
 * travel documents); not a country to return to. XXX ("not specified") is not accepted as an
 * answer: an unknown nationality is asked again, not recorded as a code.
 */
export const NATIONALITY_ONLY_CODES: readonly string[] = ['XXA', 'XXB', 'XXC'];

const countrySet = new Set(COUNTRY_CODES);
const nationalitySet = new Set([...COUNTRY_CODES, ...NATIONALITY_ONLY_CODES]);
export const isCountryCode = (code: string): boolean => countrySet.has(code);
export const isNationalityCode = (code: string): boolean => nationalitySet.has(code);

/** ICAO Doc 9303 codes seen on travel documents of stateless persons and refugees (XXX on older records). */
const ICAO_SPECIAL: Record<string, { en: string; fr: string }> = {
  XXA: { en: 'Stateless person', fr: 'Apatride' },
  XXB: { en: 'Refugee (1951 Convention)', fr: 'Réfugié (Convention de 1951)' },
  XXC: { en: 'Refugee (other)', fr: 'Réfugié (autre)' },
  XXX: { en: 'Nationality not specified', fr: 'Nationalité non précisée' },
};

const displayNames = { en: new Intl.DisplayNames(['en'], { type: 'region' }), fr: new Intl.DisplayNames(['fr'], { type: 'region' }) };

/** The country's name in `lang`, or null for a code this table does not know. */
export function countryName(alpha3: string, lang: 'en' | 'fr'): string | null {
  const special = ICAO_SPECIAL[alpha3];
  if (special) return special[lang];
  const alpha2 = ALPHA3_TO_ALPHA2[alpha3];
  return alpha2 ? (displayNames[lang].of(alpha2) ?? null) : null;
}

/** "Syria / Syrie" for a printed bilingual form; the code itself when it is not a known country. */
export function bilingualCountryName(alpha3: string): string {
  const en = countryName(alpha3, 'en');
  const fr = countryName(alpha3, 'fr');
  if (!en || !fr) return alpha3;
  return en === fr ? en : `${en} / ${fr}`;
}

/** The choices of a country list in `lang`, sorted by name in that language. */
export function countryOptions(lang: 'en' | 'fr', kind: 'country' | 'nationality'): { code: string; name: string }[] {
  const codes = kind === 'nationality' ? [...COUNTRY_CODES, ...NATIONALITY_ONLY_CODES] : COUNTRY_CODES;
  const collator = new Intl.Collator(lang);
  return codes.map((code) => ({ code, name: countryName(code, lang) ?? code })).sort((a, b) => collator.compare(a.name, b.name));
}
