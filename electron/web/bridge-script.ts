/**
 * The harness's stand-in for the Electron preload: a classic script, loaded before the app,
 * that defines `window.avrr.invoke` over HTTP. The per-run token comes from a meta tag in the
 * served index.html (a page of another origin cannot read it).
 */
export const bridgeScript = `(() => {
  const meta = document.querySelector('meta[name="avrr-harness-token"]');
  const token = meta ? meta.getAttribute('content') : '';
  const invoke = async (channel, input) => {
    const res = await fetch('/api/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-avrr-token': token },
      body: JSON.stringify({ channel, input: input === undefined ? null : input }),
    });
    if (!res.ok) return { ok: false, error: { code: 'internal', messageKey: 'errors.internal' } };
    return res.json();
  };
  Object.defineProperty(window, 'avrr', { value: Object.freeze({ invoke }), writable: false, configurable: false });
})();
`;
