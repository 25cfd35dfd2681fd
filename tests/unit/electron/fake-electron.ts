import { vi } from 'vitest';

/*
 * A recording stand-in for the 'electron' module (the binary cannot run here). Each test file
 * does `vi.mock('electron', () => import('./fake-electron'))` and then inspects the same module
 * to see what the code under test did. Only what electron/main and electron/preload use is faked.
 */

export interface PreventableFakeEvent {
  preventDefault(): void;
  readonly defaultPrevented: boolean;
}

export function preventableEvent(): PreventableFakeEvent {
  let prevented = false;
  return {
    preventDefault: () => {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  };
}

export interface FakeFrame {
  readonly url: string;
  readonly parent: FakeFrame | null;
}

let nextWebContentsId = 1;

export class FakeWebContents {
  readonly id = nextWebContentsId++;
  readonly mainFrame: FakeFrame;
  /** Answer of the print dialog: printed, or cancelled with a reason. */
  printAnswer: { success: boolean; failureReason: string } = { success: true, failureReason: '' };
  readonly print = vi.fn((_options: { silent: boolean; printBackground: boolean }, callback: (success: boolean, failureReason: string) => void) => {
    callback(this.printAnswer.success, this.printAnswer.failureReason);
  });

  constructor(url = 'app://avrr/index.html') {
    this.mainFrame = { url, parent: null };
  }
}

export class FakeBrowserWindow {
  static readonly instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loadedUrls: string[] = [];
  /** What loadURL does: resolve (page loaded) or reject. */
  loadResult: 'load' | 'fail' = 'load';
  visible = false;
  /** What setContentProtection last set, and whether it was set before the window was shown. */
  contentProtected = false;
  protectedBeforeShown = false;
  private destroyed = false;
  private readonly onceListeners = new Map<string, Array<() => void>>();
  private readonly listeners = new Map<string, Array<() => void>>();

  constructor(readonly options: unknown) {
    FakeBrowserWindow.instances.push(this);
  }

  once(event: string, listener: () => void): this {
    this.onceListeners.set(event, [...(this.onceListeners.get(event) ?? []), listener]);
    return this;
  }

  on(event: string, listener: () => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  emit(event: string): void {
    const once = this.onceListeners.get(event) ?? [];
    this.onceListeners.delete(event);
    for (const listener of [...once, ...(this.listeners.get(event) ?? [])]) listener();
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    return this.loadResult === 'load' ? Promise.resolve() : Promise.reject(new Error('ERR_FAILED'));
  }

  show(): void {
    this.visible = true;
  }

  setContentProtection(enable: boolean): void {
    this.contentProtected = enable;
    if (!this.visible) this.protectedBeforeShown = enable;
  }

  destroy(): void {
    this.destroyed = true;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isMinimized(): boolean {
    return false;
  }

  restore(): void {}

  focus(): void {}
}

export type ProtocolHandler = (request: Request) => Promise<Response>;

export class FakeSession {
  permissionRequestHandler: ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  permissionCheckHandler: ((webContents: unknown, permission: string) => boolean) | null = null;
  devicePermissionHandler: (() => boolean) | null = null;
  readonly downloadListeners: Array<(event: PreventableFakeEvent, item: { getURL(): string }) => void> = [];
  readonly protocolHandlers = new Map<string, ProtocolHandler>();
  readonly protocol = {
    handle: (scheme: string, handler: ProtocolHandler): void => {
      if (this.protocolHandlers.has(scheme)) throw new Error(`scheme ${scheme} already handled`);
      this.protocolHandlers.set(scheme, handler);
    },
  };

  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void {
    this.permissionCheckHandler = handler;
  }

  setDevicePermissionHandler(handler: () => boolean): void {
    this.devicePermissionHandler = handler;
  }

  on(event: string, listener: (event: PreventableFakeEvent, item: { getURL(): string }) => void): this {
    if (event === 'will-download') this.downloadListeners.push(listener);
    return this;
  }
}

const partitions = new Map<string, FakeSession>();

export const session = {
  defaultSession: new FakeSession(),
  fromPartition: vi.fn((partition: string, _options?: { cache: boolean }): FakeSession => {
    const existing = partitions.get(partition);
    if (existing) return existing;
    const created = new FakeSession();
    partitions.set(partition, created);
    return created;
  }),
};

export const protocol = {
  registerSchemesAsPrivileged: vi.fn((_schemes: ReadonlyArray<{ scheme: string; privileges: Record<string, boolean> }>) => undefined),
  handle: vi.fn((_scheme: string, _handler: ProtocolHandler) => undefined),
};

export type FakeInvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = {
  handle: vi.fn((_channel: string, _handler: FakeInvokeHandler) => undefined),
};

export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret',
  isEncryptionAvailable(): boolean {
    return this.available;
  },
  getSelectedStorageBackend(): string {
    return this.backend;
  },
  encryptString(plainText: string): Buffer {
    return Buffer.from(`sealed:${Buffer.from(plainText, 'utf8').toString('hex')}`, 'utf8');
  },
  decryptString(encrypted: Buffer): string {
    const text = encrypted.toString('utf8');
    if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(text.slice('sealed:'.length), 'hex').toString('utf8');
  },
};

export const contextBridge = {
  exposeInMainWorld: vi.fn((_key: string, _api: unknown) => undefined),
};

export const ipcRenderer = {
  invoke: vi.fn((_channel: string, ..._args: unknown[]): Promise<unknown> => Promise.resolve({ ok: true, value: 'from-main' })),
};

export const dialog = {
  showErrorBox: vi.fn((_title: string, _content: string) => undefined),
};

type AppListener = (...args: never[]) => unknown;

export const app = {
  isPackaged: true,
  listeners: new Map<string, AppListener[]>(),
  calls: [] as string[],
  singleInstance: true,
  readyWaiters: [] as Array<() => void>,
  enableSandbox: vi.fn(() => {
    app.calls.push('enableSandbox');
  }),
  requestSingleInstanceLock: vi.fn(() => {
    app.calls.push('requestSingleInstanceLock');
    return app.singleInstance;
  }),
  whenReady: vi.fn(
    () =>
      new Promise<void>((resolve) => {
        app.calls.push('whenReady');
        app.readyWaiters.push(resolve);
      }),
  ),
  on: vi.fn((event: string, listener: AppListener) => {
    app.calls.push(`on:${event}`);
    app.listeners.set(event, [...(app.listeners.get(event) ?? []), listener]);
    return app;
  }),
  getAppPath: vi.fn(() => '/opt/avrr/resources/app.asar'),
  getPath: vi.fn((name: string) => `/home/agent/.config/AVRR Intake/${name === 'userData' ? '' : name}`.replace(/\/$/, '')),
  quit: vi.fn(() => undefined),
  exit: vi.fn((_code: number) => undefined),
};

export const BrowserWindow = FakeBrowserWindow;
