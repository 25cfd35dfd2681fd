import type { CallingWorkstation } from './workstation-name';

/**
 * What the core needs of the office server's transport to let a supervisor manage workstations
 * (issue 15 point 2). The core does not know the transport: the office server (and its tests)
 * hand it the transport, which has exactly these members (electron/office/server.ts).
 */
export interface EnrolledWorkstationInfo {
  readonly id: string;
  readonly name: string;
  readonly fingerprint: string;
  readonly enrolledAt: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
}

export interface OfficeAdmin {
  /** SHA-256 of the office CA certificate, `AB:CD:…`. */
  readonly caFingerprint: string;
  listWorkstations(): readonly EnrolledWorkstationInfo[];
  /** False if no such workstation. Cuts its open connections. */
  revokeWorkstation(id: string): boolean;
  createEnrolmentCode(): { code: string; expiresAt: Date };
}

/** A workstation's session on the office server: who it is, and the admin once attached. */
export interface OfficeCaller {
  readonly workstation: CallingWorkstation;
  /** Null until the transport is attached (it is started after the core). */
  admin(): OfficeAdmin | null;
}
