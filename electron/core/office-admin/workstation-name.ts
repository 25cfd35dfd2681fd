/** The workstation a call comes from, as its client certificate says (electron/office/server.ts). */
export interface CallingWorkstation {
  id: string;
  name: string;
  fingerprint: string;
}

/** A host name the audit trail accepts: the certificate's name and the start of its fingerprint. */
export function auditWorkstationName(ws: { name: string; fingerprint: string }): string {
  const name = ws.name.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 50) || 'workstation';
  const fp = ws.fingerprint.replace(/[^0-9a-fA-F]/g, '').slice(0, 8).toLowerCase();
  return `${name}.${fp}`;
}
