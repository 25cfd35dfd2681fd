import type { AvrrBridge } from './bridge';

// `window.avrr`, exposed by electron/preload (Electron) or the harness bridge script (browser).
declare global {
  interface Window {
    avrr: AvrrBridge;
  }
}

export {};
