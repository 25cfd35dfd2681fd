import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openAccessServices } from '../access-services';
import { authMessages } from '../auth/messages';
import { createAppCore } from '../app-core';
import { openEncryptedDatabase } from '../db/open';
import type { OpenDatabase } from '../db/open';
import { devPlaintextSealer } from '../keys/sealer';
import { DB_FILE_NAME } from '../session/manager';

export interface DemoAccount {
  username: string;
  displayName: string;
  password: string;
}

/** The first-run setup refused the account (e.g. the password breaks a rule); `reasons` in English. */
export class DemoSetupError extends Error {
  constructor(readonly reasons: string[]) {
    super(`The demo supervisor account was refused: ${reasons.join(' ')}`);
    this.name = 'DemoSetupError';
  }
}

export class DemoSignInError extends Error {
  constructor(username: string) {
    super(`Cannot sign in to this data folder as "${username}": wrong user name or password (or the account is locked).`);
    this.name = 'DemoSignInError';
  }
}

/**
 * Open a (dev/test) data folder the way the app does: through the account's key slot. A new
 * folder is set up first with `account` as its first supervisor, exactly as the first-run
 * screen would, so the app opens it with that account afterwards.
 */
export async function openDemoDataFolder(dataDir: string, account: DemoAccount): Promise<{ open: OpenDatabase; created: boolean }> {
  mkdirSync(dataDir, { recursive: true });
  let created = false;
  if (!openAccessServices(dataDir, devPlaintextSealer).vault.hasAnySlot()) {
    const core = createAppCore({ dataDir, sealer: devPlaintextSealer, workstation: 'demo-data' });
    try {
      const r = await core.invoke('auth.setup', { username: account.username, displayName: account.displayName, password: account.password });
      if (!r.ok) {
        const texts: Record<string, string> = authMessages.en;
        const keys = r.error.issues?.length ? r.error.issues.map((i) => i.messageKey) : [r.error.messageKey];
        throw new DemoSetupError(keys.map((k) => (texts[k] ?? k).replace(/\{\{\w+\}\}/g, '…')));
      }
      created = true;
    } finally {
      core.close();
    }
  }
  const unlocked = await openAccessServices(dataDir, devPlaintextSealer).vault.unlock(account.username, account.password, new Date());
  if (!unlocked.ok) throw new DemoSignInError(account.username);
  return { open: openEncryptedDatabase(join(dataDir, DB_FILE_NAME), unlocked.dbKey), created };
}
