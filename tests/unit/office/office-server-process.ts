import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { devPlaintextSealer } from '../../../electron/core/keys/sealer';
import { enrolWorkstation, officeInvoker } from '../../../electron/office/client';
import type { EnrolledWorkstation, OfficeInvoker } from '../../../electron/office/client';
import { childArgs } from '../child-bundle';

/**
 * Drives office-server-child.ts: start it (on a given port, or any free one), ask it for
 * enrolment codes, enrol workstations against it, and read its memory from /proc.
 */

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const CHILD = 'tests/unit/office/office-server-child.ts';

/** Node's arguments to run the child: one esbuild bundle (child-bundle.ts), which starts faster than tsx. */
async function childNodeArgs(): Promise<string[]> {
  return childArgs(CHILD);
}
const lineSchema = z.union([
  z.object({ ready: z.object({ port: z.number(), enrolPort: z.number(), ca: z.string() }) }),
  z.object({ code: z.string() }),
  z.object({ loop: z.object({ p50: z.number(), p99: z.number(), max: z.number() }) }),
]);

/** How long the server's event loop was late (ms): a call arriving waited at least that for the one thread. */
export interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
}

export interface OfficeServerProcess {
  readonly child: ChildProcess;
  readonly port: number;
  readonly enrolPort: number;
  readonly ca: string;
  /** A new one-time enrolment code from the server. */
  code(): Promise<string>;
  /** The event loop's delay since the previous ask (the first ask: since the start). */
  loopDelay(): Promise<LoopDelay>;
  /** Resolves when the process has ended (with the signal that ended it, if any). */
  readonly exited: Promise<NodeJS.Signals | null>;
}

/** `documents`: where the server makes documents (default: its pool of worker threads, as the real server). */
export async function startOfficeServer(dataDir: string, opts: { port?: number; enrolPort?: number; kdf: 'min' | 'default'; documents?: 'workers' | 'in-thread' }): Promise<OfficeServerProcess> {
  const args = [dataDir, String(opts.port ?? 0), String(opts.enrolPort ?? 0), opts.kdf, opts.documents ?? 'workers'];
  const child = spawn(process.execPath, [...(await childNodeArgs()), ...args], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<NodeJS.Signals | null>((ok) => child.once('exit', (_code, signal) => ok(signal)));
  const waiting: ((code: string) => void)[] = [];
  const waitingLoop: ((d: LoopDelay) => void)[] = [];
  const ready = new Promise<{ port: number; enrolPort: number; ca: string }>((ok, fail) => {
    exited.then((signal) => fail(new Error(`office server ended (${signal ?? 'exit'}) before it was ready: ${err}`)), fail);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const parsed = lineSchema.safeParse(JSON.parse(line));
      if (!parsed.success) return;
      if ('ready' in parsed.data) ok(parsed.data.ready);
      else if ('loop' in parsed.data) waitingLoop.shift()?.(parsed.data.loop);
      else waiting.shift()?.(parsed.data.code);
    });
  });
  const info = await ready;
  return {
    child,
    ...info,
    exited,
    code: () =>
      new Promise<string>((ok) => {
        waiting.push(ok);
        child.stdin?.write('code\n');
      }),
    loopDelay: () =>
      new Promise<LoopDelay>((ok) => {
        waitingLoop.push(ok);
        child.stdin?.write('loop\n');
      }),
  };
}

/** Enrols a new workstation named `name` with the server; its folder goes under `root`. */
export async function enrolWith(server: OfficeServerProcess, root: string, name: string): Promise<EnrolledWorkstation> {
  return enrolWorkstation({
    url: `https://localhost:${server.enrolPort}`,
    code: await server.code(),
    name,
    folder: mkdtempSync(join(root, 'ws-')),
    sealer: devPlaintextSealer,
    caFingerprint: server.ca,
  });
}

export function invokerFor(server: { port: number }, ws: EnrolledWorkstation): OfficeInvoker {
  return officeInvoker({ url: `https://localhost:${server.port}`, credentials: ws.credentials });
}

/** CPU seconds the process has used (user + system), or null where /proc is not there. */
export async function cpuSeconds(pid: number): Promise<number | null> {
  try {
    const { readFile } = await import('node:fs/promises');
    // After the command name in parentheses: fields 14 and 15 of stat are utime and stime, in clock ticks (100 a second on Linux).
    const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).replace(/^.*\) /s, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** The process's resident memory in bytes (VmRSS), or null where /proc is not there. */
export async function residentBytes(pid: number): Promise<number | null> {
  try {
    const { readFile } = await import('node:fs/promises');
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kib = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kib === undefined ? null : Number(kib) * 1024;
  } catch {
    return null;
  }
}
