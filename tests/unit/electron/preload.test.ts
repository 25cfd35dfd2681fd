import { describe, expect, it, vi } from 'vitest';
import { contextBridge, ipcRenderer } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

// Imported for its side effect, after the mock is in place. The calls are copied at once:
// vitest clears mock call records before each test.
await import('../../../electron/preload/index');
const exposures = contextBridge.exposeInMainWorld.mock.calls.map(([key, api]) => ({ key, api }));

function exposed(): { key: string; api: unknown } {
  expect(exposures).toHaveLength(1);
  return exposures[0] ?? { key: '', api: undefined };
}

function invokeOf(api: unknown): (channel: string, input: unknown) => Promise<unknown> {
  if (typeof api !== 'object' || api === null || !('invoke' in api) || typeof api.invoke !== 'function') throw new Error('no invoke');
  const invoke: unknown = api.invoke;
  return (channel, input) => Promise.resolve(typeof invoke === 'function' ? invoke(channel, input) : undefined);
}

describe('preload', () => {
  it('exposes exactly one key, avrr', () => {
    expect(exposed().key).toBe('avrr');
  });

  it('exposes exactly one function, invoke, and nothing else', () => {
    const { api } = exposed();
    expect(typeof api).toBe('object');
    expect(Object.keys(api ?? {})).toEqual(['invoke']);
    expect(Object.getOwnPropertyNames(api ?? {})).toEqual(['invoke']);
    expect(typeof (api !== null && typeof api === 'object' && 'invoke' in api ? api.invoke : undefined)).toBe('function');
  });

  it('does not leak ipcRenderer or its methods', () => {
    const { api } = exposed();
    const values = Object.values(api ?? {});
    expect(values).not.toContain(ipcRenderer);
    expect(values).not.toContain(ipcRenderer.invoke);
  });

  it('invoke forwards channel and input on the bridge channel and returns the reply', async () => {
    const input = { caseId: 'c-1', nested: { a: [1, 2] } };
    const reply = await invokeOf(exposed().api)('case.get', input);
    expect(ipcRenderer.invoke).toHaveBeenCalledTimes(1);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('avrr:invoke', 'case.get', input);
    expect(ipcRenderer.invoke.mock.calls[0]).toHaveLength(3);
    expect(reply).toEqual({ ok: true, value: 'from-main' });
  });
});
