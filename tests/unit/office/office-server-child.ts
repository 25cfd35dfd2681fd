/**
 * The office server as a child process, for the SIGKILL test (server-kill.test.ts) and the load
 * benchmark (tests/bench/office.bench.ts): the same core and transport as scripts/office-server.ts,
 * with a machine-readable console so the parent can drive it.
 *
 *   node office-server-child.ts DATA_DIR PORT ENROL_PORT min|default [workers|in-thread]
 *
 * Prints one JSON line `{"ready":{"port":…,"enrolPort":…,"ca":"…"}}` when listening; each line
 * `code` on stdin is answered `{"code":"…"}` (a new enrolment code), each line `loop` with the
 * event loop's delay since the previous one (`{"loop":{"p50":…,"p99":…,"max":…}}`, ms: how long a
 * call arriving had to wait for the server's one thread). `min` uses the OWASP-floor
 * key derivation (the tests sign in many times), `default` the production one.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { OWASP_MIN_KDF_PARAMS } from '../../../electron/core/auth/kdf';
import { privateUmask } from '../../../electron/core/data-folder';
import { devPlaintextSealer } from '../../../electron/core/keys/sealer';
import { inThreadEngine } from '../../../electron/core/documents/engine';
import { createOfficeCore } from '../../../electron/core/office-core';
import { startOfficeTransport } from '../../../electron/office/server';

const [dataDir, port, enrolPort, kdf, documentsIn] = process.argv.slice(2);
if (!dataDir || port === undefined || enrolPort === undefined) throw new Error('usage: office-server-child DATA_DIR PORT ENROL_PORT min|default');

privateUmask();
const core = createOfficeCore({
  dataDir,
  sealer: devPlaintextSealer,
  ...(kdf === 'min' ? { keySlots: { kdfParams: OWASP_MIN_KDF_PARAMS } } : {}),
  // `in-thread`: a run that makes no documents does not start the pool's worker at every start.
  ...(documentsIn === 'in-thread' ? { documents: inThreadEngine } : {}),
});
const office = await startOfficeTransport({
  dataDir,
  port: Number(port),
  enrolPort: Number(enrolPort),
  handler: (req) => core.invoke(req.workstation, req.body.channel, req.body.input),
});
const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
const ms = (ns: number): number => Math.round(ns / 1e4) / 100;
const say = (o: object): void => void process.stdout.write(`${JSON.stringify(o)}\n`);
say({ ready: { port: office.port, enrolPort: office.enrolPort, ca: office.caFingerprint } });
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() === 'code') say({ code: office.createEnrolmentCode().code });
  if (line.trim() === 'loop') {
    say({ loop: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) } });
    delay.reset();
  }
});
process.on('SIGTERM', () => {
  void office.close().then(() => {
    core.close();
    process.exit(0);
  });
});
