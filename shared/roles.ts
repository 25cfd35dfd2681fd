/**
 * Roles and the one permission matrix (role x action), from section 7 of the policy brief:
 * front counter starts intakes and screens; interview officers decide, take consent and refer;
 * clerks print and never change decisions, and see of a case only what printing needs (no
 * facts); supervisors review flagged cases and manage accounts, keys, certificates and the audit.
 * Deny by default: a permission not listed for a role is refused.
 */
export const roles = ['front_counter', 'interview_officer', 'clerk', 'supervisor'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'print_log.read', // the print log of a day (what was printed, by whom, when; case and document numbers only) and its CSV
  'case.read', // list and search cases; a case's overview (names, case and packet numbers, documents, status)
  'case.read_facts', // open a case's whole record: intake facts (criminal, inadmissibility, medical), decision, history
  'case.read_medical', // medical notes the person did not consent to share with IOM (withheld from everyone else)
  'case.create', // start an intake
  'case.edit', // change intake facts, autosave drafts
  'case.screen', // record the first screening at the front counter
  'case.decide', // record the eligibility decision
  'case.review', // supervisor review and override of flagged cases
  'case.withdraw', // withdraw a participant from the programme
  'consent.record', // record that the consent form was signed
  'referral.create', // refer the case to IOM (generates the signed packet)
  'stage.record', // record IOM's stages after referral (and the departure a CBSA officer sees), correct them
  'document.generate', // generate consent and withdrawal forms
  'document.print', // print the documents for IOM (packets, notices), keep the print log; view those in the print queue
  'document.read', // view or print any generated document (consent and withdrawal forms included), queued or not
  'user.manage', // create, edit (name, badge, role), disable and re-enable accounts, reset passwords
  'certificate.manage', // import or generate the office signing certificate
  'settings.manage', // idle lock timeout and other office settings
  'audit.read', // view, verify and export the audit trail
  'attachment.view', // open a scanned paper attached to a case (others see only that it exists)
  'report.read', // the programme's reports (aggregate numbers), their CSV and PDF, the cases behind a number (with case.read)
  'report.export_cases', // the case-level export of a report (personal data leaving the protected store)
  'document.check', // check a signed PDF handed back: ours, valid, whole, which register document (docs/documents.md)
  'appointment.manage', // see a day's appointments, book, reschedule, cancel, check in, mark a no-show (front counter and interviews)
  'backup.manage', // backups (folder, schedule, run), restore into a new folder, rotation of the database key
  'retention.manage', // the retention period, the list of cases past it, their disposal
  'privacy.request', // export everything held about a person who asks (Privacy Act request)
  'workstation.manage', // the office server's workstations: list, revoke, make a one-time enrolment code
] as const;
export type Permission = (typeof permissions)[number];

const matrix = {
  front_counter: ['case.read', 'case.read_facts', 'case.create', 'case.edit', 'case.screen', 'appointment.manage'],
  interview_officer: [
    'document.check',
    'case.read', 'case.read_facts', 'case.read_medical', 'case.create', 'case.edit', 'case.screen', 'case.decide', 'case.withdraw',
    'consent.record', 'referral.create', 'stage.record', 'document.generate', 'document.print',
    'document.read', 'attachment.view', 'report.read', 'appointment.manage',
  ],
  clerk: ['case.read', 'document.print', 'document.check', 'print_log.read'],
  supervisor: [
    'document.check',
    'print_log.read',
    'case.read', 'case.read_facts', 'case.read_medical', 'case.create', 'case.edit', 'case.screen', 'case.decide', 'case.review',
    'case.withdraw', 'consent.record', 'referral.create', 'stage.record', 'document.generate', 'document.print',
    'document.read', 'user.manage', 'certificate.manage', 'settings.manage', 'audit.read', 'attachment.view',
    'report.read', 'report.export_cases', 'appointment.manage', 'backup.manage', 'retention.manage', 'privacy.request',
    'workstation.manage',
  ],
} as const satisfies Record<Role, readonly Permission[]>;

const granted: ReadonlyMap<Role, ReadonlySet<Permission>> = new Map(
  roles.map((r) => [r, new Set<Permission>(matrix[r])]),
);

export function can(role: Role, permission: Permission): boolean {
  return granted.get(role)?.has(permission) ?? false;
}

export function permissionsOf(role: Role): Permission[] {
  return [...(granted.get(role) ?? [])];
}
