/**
 * The harness's stand-in for the Electron preload: a classic script, loaded before the app,
 * that defines `window.avrr.invoke` over HTTP.
 *
 * The per-run token is handed over once, in the fragment of the URL the harness prints
 * (`http://127.0.0.1:PORT/#token=…`): a fragment never reaches a server, a log or a Referer.
 * This script takes it from `location.hash`, keeps it in its closure only (no storage, no DOM),
 * and removes it from the address bar and the history entry, so the page served at `/` holds
 * nothing another local user could read. A reload without the printed URL has no token, and
 * every call is refused.
 */
export const bridgeScript = `(() => {
  const match = /(?:^#|&)token=([0-9a-f]{64})(?:&|$)/.exec(location.hash);
  const token = match ? match[1] : '';
  if (match) history.replaceState(history.state, '', location.pathname + location.search);
  const invoke = async (channel, input) => {
    const body = JSON.stringify({ channel, input: input === undefined ? null : input });
    const res = await fetch('/api/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-avrr-token': token },
      body,
      // A draft sent as the page goes away (reload, close) must still arrive: keepalive lets the
      // request outlive the page, within the browser's 64 KiB budget for such requests.
      keepalive: body.length < 60000,
    });
    if (!res.ok) return { ok: false, error: { code: 'internal', messageKey: 'errors.internal' } };
    return res.json();
  };
  Object.defineProperty(window, 'avrr', { value: Object.freeze({ invoke }), writable: false, configurable: false });
})();
`;
