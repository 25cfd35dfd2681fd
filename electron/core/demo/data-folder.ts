import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openAccessServices } from '../access-services';
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
      if (!r.ok) throw new Error(`Setting up the demo supervisor failed: ${r.error.messageKey} ${JSON.stringify(r.error.issues ?? [])}`);
      created = true;
    } finally {
      core.close();
    }
  }
  const unlocked = await openAccessServices(dataDir, devPlaintextSealer).vault.unlock(account.username, account.password, new Date());
  if (!unlocked.ok) throw new DemoSignInError(account.username);
  return { open: openEncryptedDatabase(join(dataDir, DB_FILE_NAME), unlocked.dbKey), created };
}
