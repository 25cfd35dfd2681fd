import type { IntakeDocumentInput } from '../../../shared/schema/intake';
import { blankIntake, blankPerson, reintegrationCategories } from '../../../shared/schema/intake';
import { addYears, daysToIso, isoToDays } from './dates';
import type { DemoFamily } from './family';
import type { Rng } from './prng';

/**
 * SYNTHETIC. The interview's facts of a demo family that went as far as a decision: a refugee
 * claim rejected before the application, travel and escorts recorded, so the rules decide the
 * case on facts like a real interview's (most eligible, some flagged for review or excluded).
 */

/** A city of return per nationality (illustrative; the final destination the officer writes down). */
const cities: Record<string, readonly string[]> = {
  HUN: ['Budapest', 'Miskolc', 'Debrecen', 'Pécs', 'Ózd'],
  MEX: ['Mexico City', 'Guadalajara', 'Puebla', 'Monterrey'],
  COL: ['Bogotá', 'Medellín', 'Cali', 'Barranquilla'],
  CHN: ['Fuzhou', 'Shanghai', 'Guangzhou', 'Wenzhou'],
  LKA: ['Jaffna', 'Colombo', 'Batticaloa', 'Trincomalee'],
  IND: ['Amritsar', 'Jalandhar', 'Ludhiana', 'Chandigarh'],
  PAK: ['Lahore', 'Karachi', 'Islamabad', 'Faisalabad'],
  NGA: ['Lagos', 'Abuja', 'Ibadan', 'Benin City'],
  CZE: ['Ostrava', 'Prague', 'Brno', 'Ústí nad Labem'],
  SVK: ['Košice', 'Bratislava', 'Prešov', 'Michalovce'],
  HTI: ['Port-au-Prince', 'Cap-Haïtien', 'Les Cayes', 'Gonaïves'],
  IRQ: ['Erbil', 'Baghdad', 'Sulaymaniyah', 'Basra'],
  SYR: ['Damascus', 'Aleppo', 'Homs', 'Latakia'],
  SOM: ['Mogadishu', 'Hargeisa', 'Kismayo'],
  ERI: ['Asmara', 'Keren', 'Massawa'],
  AFG: ['Kabul', 'Herat', 'Mazar-i-Sharif'],
  VNM: ['Hanoi', 'Ho Chi Minh City', 'Hai Phong', 'Da Nang'],
};

const interpreters = ['Zsófia Kertész', 'María Fernanda Ruiz', 'Li Wei', 'Tharani Sivakumar', 'Harpreet Sandhu', 'Adaeze Okafor', 'Jean-Robert Désir', 'Samira Haddad', 'Abdi Warsame'];

export interface DemoFactsChoice {
  /** The principal's claim was found manifestly unfounded: the rules send the case to review. */
  flagged: boolean;
  /** A criminal record: the rules exclude the person (the case is not eligible). */
  excluded: boolean;
  /** Everyone holds a valid passport: no travel document to request from IOM. */
  passports: boolean;
}

/** The whole intake of a family interviewed on `applicationDate`, facts known. */
export function demoIntakeWithFacts(rng: Rng, family: DemoFamily, ids: readonly string[], applicationDate: string, choice: DemoFactsChoice): IntakeDocumentInput {
  const app = isoToDays(applicationDate);
  const nationality = family.persons[0]?.nationality ?? 'HUN';
  const claimDate = daysToIso(app - rng.int(420, 1500));
  const decisionDate = daysToIso(Math.min(app - 30, isoToDays(claimDate) + rng.int(150, 700)));
  const interpreter = rng.chance(0.7);
  const categories = reintegrationCategories.filter(() => rng.chance(0.3));
  const blank = blankIntake(ids[0] ?? '', family.channel, applicationDate);
  return {
    ...blank,
    interpreterNeeded: interpreter,
    interpreterName: interpreter ? rng.pick(interpreters) : '',
    travel: { countryOfReturn: nationality, finalDestination: rng.pick(cities[nationality] ?? ['Capital city']) },
    reintegration: { categories: categories.length > 0 ? categories : ['onward_transport'], notes: '' },
    persons: family.persons.map((p, i) => {
      // A child born after the family's claim claimed from birth; the decision came at least two months later, before the application.
      const own = daysToIso(Math.max(isoToDays(claimDate), isoToDays(p.dateOfBirth) + 1));
      const ownDecision = daysToIso(Math.min(app - 1, Math.max(isoToDays(decisionDate), isoToDays(own) + 60)));
      return {
      ...blankPerson(ids[i] ?? '', p.relationship),
      nameAsWritten: p.nameAsWritten,
      nameLatin: p.nameLatin,
      dateOfBirth: p.dateOfBirth,
      nationality: p.nationality,
      uci: p.uci ?? null,
      facts: {
        claim: { outcome: 'rejected', inGta: true, claimDate: own, decisionDate: ownDecision, noCredibleBasis: false, manifestlyUnfounded: i === 0 && choice.flagged, radAppeal: rng.chance(0.5) ? 'dismissed' : 'none' },
        federalCourtLeaveApplied: false,
        federalCourtLeaveDate: null,
        prraApplied: false,
        prraDate: null,
        criminalRecord: i === 0 && choice.excluded,
        inadmissibleSecurity: false,
        inadmissibleHumanRights: false,
        inadmissibleOrganizedCrime: false,
        prApplicationWithSpousalSponsorship: false,
        compliantWithConditions: true,
      },
      travelDocument: choice.passports
        ? { status: 'valid_passport', expiryDate: addYears(applicationDate, rng.int(1, 8)) }
        : { status: rng.chance(0.5) ? 'travel_document_needed' : 'expired_passport', expiryDate: null },
      specialNeeds: { medicalEscort: false, nonMedicalEscort: false, mobility: '', medicalConditions: '', shareMedicalWithIom: false },
      };
    }),
  };
}
