import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { connectOfficeInput } from '../../shared/schema/deployment';
import type { DeploymentStatus } from '../../shared/schema/deployment';
import { ipcError } from '../../shared/ipc/errors';
import type { IpcResult } from '../../shared/ipc/errors';
import { KEY_SLOTS_FILE } from '../core/access-services';
import type { SecretSealer } from '../core/keys/sealer';
import { writeFileAtomic } from '../core/durable-file';
import { EnrolmentError, enrolWorkstation, loadWorkstationCredentials, officeInvoker } from '../office/client';
import type { OfficeInvoker } from '../office/client';
import { printForwarded, printsLocally } from './office-printing';
import type { LocalPrinter } from './office-printing';

/**
 * The Electron app's choice at first run (issue 15 point 3): "this computer only" (the local core,
 * as before) or "connect to the office server" (every `invoke` forwarded to the server over mutual
 * TLS; the renderer does not change). The choice is kept in `<userData>/workstation-mode.json`;
 * the workstation's certificate and its private key, sealed by the OS key store, in
 * `<userData>/office-workstation`. An installation that already has local data is "this
 * computer only" without asking. Until the choice is made only the `deployment.*` channels answer.
 */

export const MODE_FILE = 'workstation-mode.json';
export const WORKSTATION_FOLDER = 'office-workstation';

const modeSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('local') }).strict(),
  z.object({ mode: z.literal('office'), serverUrl: z.url(), workstationName: z.string(), workstationId: z.string() }).strict(),
]);
type ModeFile = z.infer<typeof modeSchema>;

/** What the bridge calls: the same face as AppCore. */
export interface DeploymentRouter {
  invoke(channel: string, input: unknown): Promise<IpcResult<unknown>>;
  close(): void;
}

export interface DeploymentOptions {
  /** Electron's userData folder. */
  userData: string;
  /** The local database's folder (inside userData). */
  dataDir: string;
  /** The OS key store (electron/main/safe-storage-sealer.ts): seals the workstation's private key. */
  sealer: SecretSealer;
  /** Builds the local core ("this computer only"). */
  localCore: () => { invoke(channel: string, input: unknown): Promise<IpcResult<unknown>>; close(): void };
  /** This computer's system print dialog: a workstation of the office server prints what the server answers. */
  printer?: LocalPrinter;
  /** Enrolment and forwarding (tests may pass their own office server's; defaults: electron/office/client.ts). */
  enrol?: typeof enrolWorkstation;
}

type Active = { kind: 'undecided' } | { kind: 'local'; core: ReturnType<DeploymentOptions['localCore']> } | { kind: 'office'; invoke: OfficeInvoker; serverUrl: string; workstationName: string };

export function createDeploymentRouter(opts: DeploymentOptions): DeploymentRouter {
  const modePath = join(opts.userData, MODE_FILE);
  const folder = join(opts.userData, WORKSTATION_FOLDER);
  const enrol = opts.enrol ?? enrolWorkstation;

  const writeMode = (mode: ModeFile): void => {
    mkdirSync(opts.userData, { recursive: true, mode: 0o700 });
    writeFileAtomic(modePath, JSON.stringify(mode, null, 2));
  };
  const startOffice = (mode: Extract<ModeFile, { mode: 'office' }>): Active => {
    const enrolled = loadWorkstationCredentials(folder, opts.sealer);
    // The choice says office but the certificate is gone (folder deleted): refuse rather than fall back to a local database.
    if (!enrolled) throw new Error(`${folder} has no workstation certificate: enrol this computer again (delete ${modePath} to choose again)`);
    return { kind: 'office', invoke: officeInvoker({ url: mode.serverUrl, credentials: enrolled.credentials }), serverUrl: mode.serverUrl, workstationName: mode.workstationName };
  };

  let active: Active;
  const saved = readMode(modePath);
  if (saved?.mode === 'office') active = startOffice(saved);
  else if (saved?.mode === 'local' || existsSync(join(opts.dataDir, KEY_SLOTS_FILE))) {
    // An installation from before the choice existed has its data here: it stays this computer's.
    if (!saved) writeMode({ mode: 'local' });
    active = { kind: 'local', core: opts.localCore() };
  } else active = { kind: 'undecided' };

  const status = (): DeploymentStatus =>
    active.kind === 'undecided' ? { state: 'undecided' } : active.kind === 'local' ? { state: 'local' } : { state: 'office', serverUrl: active.serverUrl, workstationName: active.workstationName };
  const refused = (messageKey: string): IpcResult<unknown> => ({ ok: false, error: ipcError('rejected', { messageKey }) });

  async function connect(input: unknown): Promise<IpcResult<unknown>> {
    const parsed = connectOfficeInput.safeParse(input);
    if (!parsed.success) {
      return { ok: false, error: ipcError('invalid_input', { issues: parsed.error.issues.map((i) => ({ path: i.path.filter((p): p is string | number => typeof p !== 'symbol'), messageKey: i.message.startsWith('validation.') ? i.message : 'validation.invalid' })) }) };
    }
    const v = parsed.data;
    let enrolled;
    try {
      enrolled = await enrol({ url: v.enrolUrl, code: v.code, name: v.workstationName, folder, sealer: opts.sealer, caFingerprint: v.caFingerprint });
    } catch (e) {
      return refused(e instanceof EnrolmentError ? e.messageKey : 'office.enrolFailed');
    }
    const mode = { mode: 'office' as const, serverUrl: v.serverUrl, workstationName: enrolled.name, workstationId: enrolled.id };
    writeMode(mode);
    active = { kind: 'office', invoke: officeInvoker({ url: v.serverUrl, credentials: enrolled.credentials }), serverUrl: v.serverUrl, workstationName: enrolled.name };
    return { ok: true, value: status() };
  }

  return {
    async invoke(channel, input) {
      if (channel === 'deployment.status') return { ok: true, value: status() };
      if (channel === 'deployment.chooseLocal') {
        if (active.kind !== 'undecided') return refused('deployment.errors.alreadyChosen');
        writeMode({ mode: 'local' });
        active = { kind: 'local', core: opts.localCore() };
        return { ok: true, value: status() };
      }
      if (channel === 'deployment.connect') {
        if (active.kind !== 'undecided') return refused('deployment.errors.alreadyChosen');
        return connect(input);
      }
      if (active.kind === 'undecided') return refused('deployment.errors.undecided');
      if (active.kind === 'local') return active.core.invoke(channel, input);
      const result = await active.invoke(channel, input);
      return opts.printer && printsLocally(channel) ? printForwarded(channel, result, opts.printer) : result;
    },
    close() {
      if (active.kind === 'local') active.core.close();
      else if (active.kind === 'office') active.invoke.close();
    },
  };
}

function readMode(path: string): ModeFile | null {
  if (!existsSync(path)) return null;
  // A damaged choice file stops the start with a clear message rather than opening a blank local database.
  return modeSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}
