import { can } from '../../../shared/roles';
import type { Role } from '../../../shared/roles';
import type { CaseDetail } from '../../../shared/schema/case-api';
import type { IntakeDocument, IntakePerson } from '../../../shared/schema/intake';

/**
 * Medical notes a person did not consent to share with IOM are for the officers who interview
 * and review (`case.read_medical`) only. Everyone else reading the case gets them withheld, and
 * their saves keep the stored notes: a reader who never saw the notes must not erase them by
 * saving the (empty) field they were shown.
 */

/** Notes on file that the person did not consent to share with IOM. */
const isWithheld = (p: IntakePerson) => !p.specialNeeds.shareMedicalWithIom && p.specialNeeds.medicalConditions !== '';

/** The case as this role may read it. */
export function forReader(detail: CaseDetail, role: Role): CaseDetail {
  if (can(role, 'case.read_medical')) return detail;
  const withheld = detail.intake.persons.filter(isWithheld).map((p) => p.id);
  if (withheld.length === 0) return detail;
  const persons = detail.intake.persons.map((p) => (withheld.includes(p.id) ? { ...p, specialNeeds: { ...p.specialNeeds, medicalConditions: '' } } : p));
  return { ...detail, intake: { ...detail.intake, persons }, medicalWithheld: withheld };
}

/**
 * The intake to store when this role saves `incoming` over `stored`: for a person whose notes
 * were withheld from the role, the stored notes and the choice not to share them stay as they are.
 */
export function keepWithheld(stored: IntakeDocument, incoming: IntakeDocument, role: Role): IntakeDocument {
  if (can(role, 'case.read_medical')) return incoming;
  const before = new Map(stored.persons.filter(isWithheld).map((p) => [p.id, p.specialNeeds]));
  if (before.size === 0) return incoming;
  const persons = incoming.persons.map((p) => {
    const kept = before.get(p.id);
    return kept ? { ...p, specialNeeds: { ...p.specialNeeds, medicalConditions: kept.medicalConditions, shareMedicalWithIom: kept.shareMedicalWithIom } } : p;
  });
  return { ...incoming, persons };
}
