/**
 * What the command lines that sign in share (audit:verify, backup, restore, report, verify-pdf): the password read
 * from AVRR_PASSWORD, a terminal without echo, or the first line of stdin, and the two errors
 * their exit codes are made from (usage: 2, cannot open or sign in: 3).
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
export class CannotOpenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CannotOpenError';
  }
}

/** The password from AVRR_PASSWORD, else typed on a terminal without echo, else the first line of stdin. */
export async function readPassword(): Promise<string> {
  const fromEnv = process.env.AVRR_PASSWORD;
  if (fromEnv !== undefined) return fromEnv;
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    let data = '';
    for await (const chunk of stdin) data += String(chunk);
    // Only the line break is removed: spaces are part of a passphrase.
    return data.replace(/\r?\n[\s\S]*$/, '');
  }
  process.stderr.write('Password: ');
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (fn: () => void) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      fn();
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done(() => resolve(typed));
        if (ch === '\u0003') return done(() => reject(new UsageError('cancelled')));
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else typed += ch;
      }
    };
    stdin.on('data', onData);
    stdin.resume();
  });
}


/**
 * Run a command line's `main` and exit with its code: a UsageError prints the message and the
 * usage and exits 2; any other error prints its message and exits 3.
 */
export function runCli(main: () => Promise<number>, usage: string): void {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      if (e instanceof UsageError) {
        process.stderr.write(`${e.message}\n${usage}\n`);
        process.exit(2);
      }
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(3);
    },
  );
}
