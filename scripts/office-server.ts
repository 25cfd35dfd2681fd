/**
 * The office server (issue 15): the same back end as a workstation's, headless, serving every
 * enrolled workstation over mutual TLS 1.3 (docs/office-server.md).
 *
 *   npm run office-server -- --data-dir DIR [--port 8443] [--enrol-port 8444] [--host 0.0.0.0] [--name HOST]...
 *
 * Prints the office CA's fingerprint and a one-time enrolment code at start. On the console:
 * `code` prints a new code, `list` the enrolled workstations, `revoke ID` revokes one, `quit`
 * stops. No plaintext listener. Exit codes: 0 stopped, 2 usage, 3 cannot start.
 */
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { privateUmask } from '../electron/core/data-folder';
import { devPlaintextSealer } from '../electron/core/keys/sealer';
import { createOfficeCore } from '../electron/core/office-core';
import { consoleOfficeLog } from '../electron/office/console-log';
import { startOfficeTransport } from '../electron/office/server';
import { UsageError } from './cli-sign-in';

const USAGE = 'usage: npm run office-server -- --data-dir DIR [--port 8443] [--enrol-port 8444] [--host 0.0.0.0] [--name HOST]...';

function port(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new UsageError(`not a port: ${value}`);
  return n;
}

function parse(argv: string[]) {
  let values: { 'data-dir'?: string; port?: string; 'enrol-port'?: string; host?: string; name?: string[] };
  try {
    ({ values } = parseArgs({ args: argv, options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, 'enrol-port': { type: 'string' }, host: { type: 'string' }, name: { type: 'string', multiple: true } }, strict: true, allowPositionals: false }));
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const dataDir = values['data-dir'];
  if (!dataDir) throw new UsageError('--data-dir is required');
  const p = port(values.port, 8443);
  return { dataDir: resolve(dataDir), port: p, enrolPort: port(values['enrol-port'], p + 1), host: values.host ?? '127.0.0.1', names: values.name ?? [] };
}

async function main(): Promise<void> {
  privateUmask();
  const args = parse(process.argv.slice(2));
  // The key slots are protected by each password's argon2id and the folder's permissions: a
  // headless server has no OS key store (docs/office-server.md).
  const core = createOfficeCore({ dataDir: args.dataDir, sealer: devPlaintextSealer });
  const log = consoleOfficeLog();
  const office = await startOfficeTransport({
    dataDir: args.dataDir,
    host: args.host,
    serverNames: ['localhost', '127.0.0.1', args.host, ...args.names],
    port: args.port,
    enrolPort: args.enrolPort,
    handler: (req) => core.invoke(req.workstation, req.body.channel, req.body.input),
    log,
    onEnrolled: (w) => core.recordEnrolment(w),
  });
  // The supervisor's Workstations screen lists, revokes and makes codes through the transport.
  core.attachAdmin(office);
  // The transport logs each new code with the CA fingerprint, in English and French.
  // Audited as the server's own entries (written once someone has signed in and the database is open).
  const printCode = () => core.recordConsoleCode(office.createEnrolmentCode().expiresAt);
  printCode();
  const stop = async () => {
    await office.close();
    core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  const rl = createInterface({ input: process.stdin });
  rl.on('line', (line) => {
    const [command, arg] = line.trim().split(/\s+/);
    if (command === 'code') printCode();
    else if (command === 'list') for (const w of office.listWorkstations()) process.stdout.write(`${w.id} ${w.name} ${w.revokedAt ? `revoked ${w.revokedAt}` : 'active'}\n`);
    else if (command === 'revoke' && arg) {
      const target = office.listWorkstations().find((w) => w.id === arg.toLowerCase());
      if (target && office.revokeWorkstation(target.id)) {
        core.recordConsoleRevocation(target);
        process.stdout.write(`revoked ${target.id}\n`);
      } else process.stdout.write(`no workstation ${arg}\n`);
    }
    else if (command === 'quit') void stop();
    else if (command) process.stdout.write('commands: code, list, revoke ID, quit\n');
  });
}

main().catch((e: unknown) => {
  if (e instanceof UsageError) {
    process.stderr.write(`${e.message}\n${USAGE}\n`);
    process.exit(2);
  }
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(3);
});
